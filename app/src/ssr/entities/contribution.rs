//! The `contributions` table: the submissions of States parties and organisations to the
//! repository of contributions.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "contributions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub contributor_state: Option<String>,
    pub contributor_organisation: Option<String>,
    pub date: Date,
    pub title: String,
    pub link: Option<String>,
    pub paragraphs: String,
}
plain_entity!();
