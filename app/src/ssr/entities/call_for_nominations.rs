//! The `calls_for_nominations` table: the Bureau's calls for nominations, with their deadline
//! and quota per State party.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "calls_for_nominations")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub note_verbale_date: Date,
    pub deadline: Date,
    pub panel_id: Option<String>,
    pub topic: Option<String>,
    pub quota_per_state: Option<i32>,
}
plain_entity!();
