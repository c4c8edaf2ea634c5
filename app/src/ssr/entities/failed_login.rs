//! The `failed_logins` table: the failed password checks the throttle counts.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "failed_logins")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub email: String,
    /// The client's address, as the throttle keys it (`throttle::Client`); rows of
    /// backups from before it count for a client no request is, as the migration's do.
    #[serde(default = "before_clients")]
    pub client: String,
    pub at: DateTimeUtc,
}
fn before_clients() -> String {
    "before-clients".into()
}
plain_entity!();
