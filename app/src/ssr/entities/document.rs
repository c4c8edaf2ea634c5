//! The `documents` table: the documents issued for a session, by symbol.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "documents")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub symbol: String,
    pub title: String,
    pub date: Option<Date>,
    pub languages: String,
    pub session_id: Option<String>,
    pub agenda_item: Option<String>,
}
plain_entity!();
