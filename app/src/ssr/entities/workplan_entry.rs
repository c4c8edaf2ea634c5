//! The `workplan_entries` table: the entries of the workplan, by year and session.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "workplan_entries")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub year: Option<i32>,
    pub session_id: Option<String>,
    pub paragraphs: String,
    pub sections: String,
    pub topics: Json,
    pub agreed_by_extended_bureau: bool,
    pub notes: Option<String>,
    pub position: i32,
}
plain_entity!();
