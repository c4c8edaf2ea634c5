//! The `conflict_acceptances` table: conflict warnings accepted, with the reason, by whom and when.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "conflict_acceptances")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub conflict_id: String,
    pub fingerprint: String,
    pub reason: String,
    pub accepted_by: String,
    pub accepted_at: DateTimeUtc,
}
plain_entity!();
