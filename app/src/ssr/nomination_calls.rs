//! Calls for nominations: the secretariat or the panel's Bureau opens one, and releases its
//! decisions to the States parties together, with a message to each nominator.

use sea_orm::DatabaseConnection;

use super::nominations::persist;
use crate::domain::account::Account;
use crate::domain::nominations as rules;
use crate::domain::policy;
use crate::domain::{CallForNominations, Nomination};
use crate::error::QuorumError;

/// Opens a call for nominations: the secretariat, or a Bureau of the panel's bodies.
pub async fn open_call(
    db: &DatabaseConnection,
    actor: &Account,
    call: CallForNominations,
) -> Result<CallForNominations, QuorumError> {
    let before = super::dataset::export(db).await?;
    // Who may open it first: a refusal tells nothing about which calls exist.
    if !policy::handles_call(actor, &before, &call) {
        return Err(QuorumError::Forbidden(
            "only the secretariat or the Bureau of the panel's body opens this call".into(),
        ));
    }
    if before.calls_for_nominations.iter().any(|c| c.id == call.id) {
        return Err(QuorumError::Conflict(format!(
            "call {} already exists",
            call.id
        )));
    }
    let mut after = before.clone();
    after.calls_for_nominations.push(call.clone());
    persist(
        db,
        actor,
        &before,
        &after,
        "call opened",
        &format!("call {}", call.id),
    )
    .await?;
    Ok(call)
}

/// Releases a call's decisions together: the secretariat or the call's Bureau.
pub async fn release(
    db: &DatabaseConnection,
    actor: &Account,
    call_id: &str,
) -> Result<Vec<String>, QuorumError> {
    let before = super::dataset::export(db).await?;
    let call = before
        .calls_for_nominations
        .iter()
        .find(|c| c.id.as_str() == call_id)
        .cloned()
        .ok_or_else(|| QuorumError::NotFound(format!("call {call_id}")))?;
    if !policy::handles_call(actor, &before, &call) {
        return Err(QuorumError::Forbidden(
            "only the secretariat or the call's Bureau releases decisions".into(),
        ));
    }
    let mut after = before.clone();
    let released = rules::release(&call, &mut after.nominations);
    persist(
        db,
        actor,
        &before,
        &after,
        "decisions released",
        &format!("call {call_id}"),
    )
    .await?;
    let messages: Vec<Nomination> = after
        .nominations
        .iter()
        .filter(|n| released.contains(&n.id.to_string()))
        .cloned()
        .collect();
    super::outbox::decisions_released(db, &after, &messages).await?;
    Ok(released)
}
