//! The `users` table: the accounts of the secretariat, the Bureau and the focal points.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "users")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub email: String,
    pub name: String,
    pub password_hash: String,
    pub role: String,
    pub body_code: Option<String>,
    pub state_code: Option<String>,
    pub organisation_id: Option<String>,
    pub person_id: Option<String>,
    pub created_at: DateTimeUtc,
}
plain_entity!();
