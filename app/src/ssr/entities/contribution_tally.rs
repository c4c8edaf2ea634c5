//! The `contribution_tallies` table: the counts of contributions as of a day.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "contribution_tallies")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub as_of: Date,
    pub states_parties: i32,
    pub organisations: i32,
    pub note: String,
}
plain_entity!();
