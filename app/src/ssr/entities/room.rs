//! The `rooms` table: the rooms of a venue, with their capacity and interpretation booths.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "rooms")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub venue_id: String,
    pub name: String,
    pub capacity: i32,
    pub interpretation_booths: i32,
}
plain_entity!();
