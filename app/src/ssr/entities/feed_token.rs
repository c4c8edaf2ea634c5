//! The `feed_tokens` table: the hashes of the private feed addresses, and whose they are.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "feed_tokens")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub token_hash: String,
    pub kind: String,
    pub subject: String,
    pub created_at: DateTimeUtc,
}
plain_entity!();
