//! The Bureau's message to the nominating State, apart from its internal note on a decision:
//! the note stays with the Bureau and the secretariat, the message reaches the State once
//! decisions are released.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Nominations::Table)
                .add_column(text_null(Nominations::MessageToState))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Nominations::Table)
                .drop_column(Nominations::MessageToState)
                .to_owned(),
        )
        .await
    }
}

#[derive(DeriveIden)]
enum Nominations {
    Table,
    MessageToState,
}
