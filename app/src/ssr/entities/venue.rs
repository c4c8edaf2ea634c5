//! The `venues` table: where bodies meet, with the venue's time zone, interpretation teams and
//! meeting windows.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "venues")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub name: String,
    pub city: String,
    pub country: String,
    pub time_zone: String,
    pub interpretation_teams: i32,
    pub meeting_windows: Json,
    pub illustrative: bool,
}
plain_entity!();
