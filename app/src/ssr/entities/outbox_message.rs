//! The `outbox` table: the outgoing messages, kept for the secretariat.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "outbox")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub created_at: DateTimeUtc,
    pub kind: String,
    pub recipient: String,
    pub subject: String,
    pub body: String,
}
plain_entity!();
