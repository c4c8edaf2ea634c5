//! The `audit_log` table: who changed what, with the record before and after.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "audit_log")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub at: DateTimeUtc,
    pub actor: String,
    pub action: String,
    pub record: String,
    pub before: Option<Json>,
    pub after: Option<Json>,
}
plain_entity!();
