//! The `bureau_members` table: who sits on a body's Bureau, in which role, and for which term.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "bureau_members")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub body_code: String,
    pub person_id: String,
    pub role: String,
    pub extended: bool,
    pub term_start: Date,
    pub term_end: Option<Date>,
}
plain_entity!();
