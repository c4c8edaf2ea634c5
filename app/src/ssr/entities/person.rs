//! The `persons` table: nominees, panellists, moderators, Bureau members and meeting
//! participants, with the State party or organisation they belong to.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "persons")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub name: String,
    pub title: Option<String>,
    pub gender: String,
    pub state_code: Option<String>,
    pub organisation_id: Option<String>,
    pub email: Option<String>,
}
plain_entity!();
