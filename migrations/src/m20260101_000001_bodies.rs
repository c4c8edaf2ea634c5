//! The treaty bodies: the Conference and its subsidiary bodies.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Bodies::Table)
                    .if_not_exists()
                    .col(string_len(Bodies::Code, 32).primary_key())
                    .col(string(Bodies::Name))
                    .col(string(Bodies::ShortName))
                    .col(string_len_null(Bodies::ParentCode, 32))
                    .col(boolean(Bodies::OpenToAllStates))
                    .col(string_len(Bodies::TitleStyle, 32))
                    .col(integer(Bodies::Position))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_bodies_parent")
                            .from(Bodies::Table, Bodies::ParentCode)
                            .to(Bodies::Table, Bodies::Code),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Bodies::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Bodies {
    Table,
    Code,
    Name,
    ShortName,
    ParentCode,
    OpenToAllStates,
    TitleStyle,
    Position,
}
