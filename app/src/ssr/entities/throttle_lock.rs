//! The `throttle_locks` table. One row per client, locked while an attempt of that client is
//! counted and recorded, so that parallel attempts are counted one after another
//! (`throttle::begin_attempt`). It holds no data worth a backup.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "throttle_locks")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub client: String,
    pub at: DateTimeUtc,
}
plain_entity!();
