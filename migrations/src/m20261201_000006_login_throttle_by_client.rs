//! Failed logins keyed by address and client: each row names the client's address, so that the
//! throttle counts per address and client, and per client over all addresses; and one lock row
//! per client, so that parallel attempts of a client are counted one after another.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The indexes the throttle's counts and its pruning of old rows read.
const INDEXES: [(&str, &[FailedLogins]); 3] = [
    (
        "idx_failed_logins_email_client",
        &[FailedLogins::Email, FailedLogins::Client],
    ),
    (
        "idx_failed_logins_client_at",
        &[FailedLogins::Client, FailedLogins::At],
    ),
    ("idx_failed_logins_at", &[FailedLogins::At]),
];

fn index(name: &str, columns: &[FailedLogins]) -> IndexCreateStatement {
    let mut index = Index::create();
    index.name(name).table(FailedLogins::Table);
    for &column in columns {
        index.col(column);
    }
    index
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // Rows from before name no client: they count for a client no request is.
        m.alter_table(
            Table::alter()
                .table(FailedLogins::Table)
                .add_column(string_len(FailedLogins::Client, 64).default("before-clients"))
                .to_owned(),
        )
        .await?;
        m.drop_index(Index::drop().name("idx_failed_logins_email").to_owned())
            .await?;
        for (name, columns) in INDEXES {
            m.create_index(index(name, columns)).await?;
        }
        m.create_table(
            Table::create()
                .table(ThrottleLocks::Table)
                .col(string_len(ThrottleLocks::Client, 64).primary_key())
                .col(timestamp_with_time_zone(ThrottleLocks::At))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_throttle_locks_at")
                .table(ThrottleLocks::Table)
                .col(ThrottleLocks::At)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(ThrottleLocks::Table).to_owned())
            .await?;
        for (name, _) in INDEXES {
            m.drop_index(Index::drop().name(name).to_owned()).await?;
        }
        m.create_index(index("idx_failed_logins_email", &[FailedLogins::Email]))
            .await?;
        m.alter_table(
            Table::alter()
                .table(FailedLogins::Table)
                .drop_column(FailedLogins::Client)
                .to_owned(),
        )
        .await
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum FailedLogins {
    Table,
    Email,
    Client,
    At,
}
#[derive(DeriveIden)]
enum ThrottleLocks {
    Table,
    Client,
    At,
}
