//! The `venue_closures` table: the days a venue is closed (holidays, closures), and why.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "venue_closures")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub venue_id: String,
    pub start_date: Date,
    pub end_date: Date,
    pub reason: String,
}
plain_entity!();
