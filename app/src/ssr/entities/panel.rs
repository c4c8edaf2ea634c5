//! The `panels` table: the panel discussions of a meeting.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "panels")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub meeting_id: String,
    pub topic: String,
    pub workplan_entry_id: Option<String>,
    pub moderator_id: Option<String>,
    pub planned_size: Option<i32>,
    pub notes: Option<String>,
    pub position: i32,
}
plain_entity!();
