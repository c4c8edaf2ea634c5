//! The `meetings` table: the meetings of the calendar, with their venue, room and times.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "meetings")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub title: String,
    pub kind: String,
    pub venue_id: String,
    pub room_id: Option<String>,
    pub starts_at: DateTimeUtc,
    pub ends_at: DateTimeUtc,
    pub interpretation: bool,
    pub illustrative: bool,
    pub status: String,
    pub sequence: i32,
    pub updated_at: DateTimeUtc,
}
plain_entity!();
