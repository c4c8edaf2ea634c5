//! The `nominations` table: the nominations of the State parties' focal points and organisations,
//! with the Bureau's decision and whether it is released.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "nominations")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub call_id: String,
    pub nominator_state: Option<String>,
    pub nominator_organisation: Option<String>,
    pub nominee_id: String,
    pub justification: String,
    pub biography: Option<String>,
    pub status: String,
    pub submitted_at: Option<DateTimeUtc>,
    pub decision_note: Option<String>,
    pub message_to_state: Option<String>,
    pub released: bool,
}
plain_entity!();
