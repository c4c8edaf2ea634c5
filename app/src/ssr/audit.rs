//! The audit log: who changed what, before and after, kept with every change in its transaction.

use chrono::Utc;
use sea_orm::{ConnectionTrait, EntityTrait, Set};

use super::entities::audit_entry;
use crate::domain::account::Account;
use crate::error::QuorumError;

/// Records who changed what, before and after.
pub async fn record(
    db: &impl ConnectionTrait,
    actor: &Account,
    action: &str,
    record: &str,
    before: Option<serde_json::Value>,
    after: Option<serde_json::Value>,
) -> Result<(), QuorumError> {
    record_as(db, &actor.email, action, record, before, after).await
}

/// Records a change by someone who is not a signed-in account (the command line).
pub async fn record_as(
    db: &impl ConnectionTrait,
    actor: &str,
    action: &str,
    record: &str,
    before: Option<serde_json::Value>,
    after: Option<serde_json::Value>,
) -> Result<(), QuorumError> {
    let entry = audit_entry::ActiveModel {
        at: Set(Utc::now()),
        actor: Set(actor.to_owned()),
        action: Set(action.into()),
        record: Set(record.into()),
        before: Set(before),
        after: Set(after),
        ..Default::default()
    };
    audit_entry::Entity::insert(entry).exec(db).await?;
    Ok(())
}

/// One line of the audit log, as the secretariat reads it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct AuditLine {
    pub at: chrono::DateTime<Utc>,
    pub actor: String,
    pub action: String,
    pub record: String,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

/// The audit log, newest first.
pub async fn newest_first(
    db: &impl ConnectionTrait,
    limit: u64,
) -> Result<Vec<AuditLine>, QuorumError> {
    use sea_orm::{QueryOrder, QuerySelect};
    Ok(audit_entry::Entity::find()
        .order_by_desc(audit_entry::Column::Id)
        .limit(limit)
        .all(db)
        .await?
        .into_iter()
        .map(|e| AuditLine {
            at: e.at,
            actor: e.actor,
            action: e.action,
            record: e.record,
            before: e.before,
            after: e.after,
        })
        .collect())
}
