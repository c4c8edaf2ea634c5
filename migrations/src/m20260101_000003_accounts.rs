//! Accounts, their login sessions (in the database, so every instance knows them), failed
//! logins for throttling, and the audit log.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Users::Table)
                .col(pk_auto(Users::Id))
                .col(string_len(Users::Email, 254).unique_key())
                .col(string(Users::Name))
                .col(string(Users::PasswordHash))
                .col(string_len(Users::Role, 16))
                .col(string_len_null(Users::BodyCode, 32))
                .col(string_len_null(Users::StateCode, 2))
                .col(string_len_null(Users::OrganisationId, 64))
                .col(string_len_null(Users::PersonId, 64))
                .col(timestamp_with_time_zone(Users::CreatedAt))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(AuthSessions::Table)
                .col(string_len(AuthSessions::TokenHash, 64).primary_key())
                .col(integer(AuthSessions::UserId))
                .col(string_len(AuthSessions::CsrfToken, 64))
                .col(timestamp_with_time_zone(AuthSessions::CreatedAt))
                .col(timestamp_with_time_zone(AuthSessions::ExpiresAt))
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_auth_sessions_user")
                        .from(AuthSessions::Table, AuthSessions::UserId)
                        .to(Users::Table, Users::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(FailedLogins::Table)
                .col(pk_auto(FailedLogins::Id))
                .col(string_len(FailedLogins::Email, 254))
                .col(timestamp_with_time_zone(FailedLogins::At))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_failed_logins_email")
                .table(FailedLogins::Table)
                .col(FailedLogins::Email)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Outbox::Table)
                .col(pk_auto(Outbox::Id))
                .col(timestamp_with_time_zone(Outbox::CreatedAt))
                .col(string_len(Outbox::Kind, 32))
                .col(string_len(Outbox::Recipient, 254))
                .col(string(Outbox::Subject))
                .col(text(Outbox::Body))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(AuditLog::Table)
                .col(pk_auto(AuditLog::Id))
                .col(timestamp_with_time_zone(AuditLog::At))
                .col(string(AuditLog::Actor))
                .col(string_len(AuditLog::Action, 64))
                .col(string(AuditLog::Record))
                .col(json_null(AuditLog::Before))
                .col(json_null(AuditLog::After))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            Outbox::Table.into_iden(),
            AuditLog::Table.into_iden(),
            FailedLogins::Table.into_iden(),
            AuthSessions::Table.into_iden(),
            Users::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
    Email,
    Name,
    PasswordHash,
    Role,
    BodyCode,
    StateCode,
    OrganisationId,
    PersonId,
    CreatedAt,
}
#[derive(DeriveIden)]
enum AuthSessions {
    Table,
    TokenHash,
    UserId,
    CsrfToken,
    CreatedAt,
    ExpiresAt,
}
#[derive(DeriveIden)]
enum FailedLogins {
    Table,
    Id,
    Email,
    At,
}
#[derive(DeriveIden)]
enum AuditLog {
    Table,
    Id,
    At,
    Actor,
    Action,
    Record,
    Before,
    After,
}
#[derive(DeriveIden)]
enum Outbox {
    Table,
    Id,
    CreatedAt,
    Kind,
    Recipient,
    Subject,
    Body,
}
