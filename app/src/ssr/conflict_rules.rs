//! The conflict rules in force (severities, limits): stored as a setting, or the defaults.

use sea_orm::{ConnectionTrait, DatabaseConnection, EntityTrait, TransactionTrait};

use super::entities::setting;
use super::rows::{rules_of, rules_row, CONFLICT_RULES_KEY};
use crate::domain::account::Account;
use crate::domain::conflicts::ConflictRules;
use crate::error::QuorumError;

/// The rules stored in the database, if any were set.
pub async fn stored_rules(db: &impl ConnectionTrait) -> Result<Option<ConflictRules>, QuorumError> {
    setting::Entity::find_by_id(CONFLICT_RULES_KEY)
        .one(db)
        .await?
        .map(rules_of)
        .transpose()
}

/// The rules in force: stored, or the defaults.
pub async fn rules(db: &impl ConnectionTrait) -> Result<ConflictRules, QuorumError> {
    Ok(stored_rules(db).await?.unwrap_or_default())
}

/// Replaces the rules after checking them against the bodies.
pub async fn set_rules(
    db: &DatabaseConnection,
    actor: &Account,
    rules: &ConflictRules,
) -> Result<(), QuorumError> {
    if !actor.is_secretariat() {
        return Err(QuorumError::Forbidden(
            "only the secretariat sets the conflict rules".into(),
        ));
    }
    let before = serde_json::to_value(self::rules(db).await?).ok();
    let bodies = super::bodies::list(db)
        .await?
        .into_iter()
        .map(|b| b.code)
        .collect();
    rules
        .check(&bodies)
        .map_err(|(field, why)| QuorumError::invalid("conflict rules", field, why))?;
    let txn = db.begin().await?;
    setting::Entity::delete_by_id(CONFLICT_RULES_KEY)
        .exec(&txn)
        .await?;
    setting::Entity::insert(rules_row(rules)).exec(&txn).await?;
    super::audit::record(
        &txn,
        actor,
        "conflict rules set",
        "conflict rules",
        before,
        serde_json::to_value(rules).ok(),
    )
    .await?;
    super::data_version::bump(&txn).await?;
    txn.commit().await?;
    Ok(())
}
