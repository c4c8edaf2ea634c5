//! The `agenda_items` table: the items of a session's agenda.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "agenda_items")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub session_id: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub number: String,
    pub title: String,
    pub standing: bool,
    pub status: String,
    pub illustrative: bool,
}
plain_entity!();
