//! Quorum's database schema, as sea-orm migrations that serve SQLite and PostgreSQL alike.
//!
//! A migration that has landed is never edited: changes come as new migrations.

pub use sea_orm_migration::prelude::*;

mod m20260101_000001_bodies;
mod m20260101_000002_calendar;
mod m20260101_000003_accounts;
mod m20261201_000005_nomination_message;
mod m20261201_000006_login_throttle_by_client;

/// Every migration, in the order they apply.
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20260101_000001_bodies::Migration),
            Box::new(m20260101_000002_calendar::Migration),
            Box::new(m20260101_000003_accounts::Migration),
            Box::new(m20261201_000005_nomination_message::Migration),
            Box::new(m20261201_000006_login_throttle_by_client::Migration),
        ]
    }
}
