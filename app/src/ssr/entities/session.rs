//! The `sessions` table: the sessions of a body, with their dates, venue, format and status.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "sessions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub body_code: String,
    pub kind: String,
    pub number: Option<i32>,
    pub resumed: Option<i32>,
    pub subject: Option<String>,
    pub venue_id: Option<String>,
    pub format: String,
    pub start_date: Option<Date>,
    pub end_date: Option<Date>,
    pub year: Option<i32>,
    pub status: String,
    pub languages: String,
    pub registration: Option<Json>,
    pub illustrative: bool,
    pub notes: Option<String>,
}
plain_entity!();
