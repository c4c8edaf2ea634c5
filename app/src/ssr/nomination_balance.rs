//! The balance of a call's selection: the Bureau's targets (share of women, regional groups), the
//! selection's composition against them, and a panel's panellists against its call's targets.

use sea_orm::{DatabaseConnection, EntityTrait, TransactionTrait};
use serde::Serialize;

use super::entities::setting;
use crate::domain::account::Account;
use crate::domain::balance;
use crate::domain::policy;
use crate::domain::{CallForNominations, Dataset, Id};
use crate::error::QuorumError;

fn targets_key(call: &Id) -> String {
    format!("balance_targets:{call}")
}

/// The Bureau's targets for a call (none set: no targets).
pub async fn targets(
    db: &impl sea_orm::ConnectionTrait,
    call: &Id,
) -> Result<balance::BalanceTargets, QuorumError> {
    match setting::Entity::find_by_id(targets_key(call))
        .one(db)
        .await?
    {
        Some(row) => {
            serde_json::from_value(row.value).map_err(|e| QuorumError::internal(e.to_string()))
        }
        None => Ok(Default::default()),
    }
}

/// A call the actor handles as its Bureau (or as the secretariat), or why not.
fn bureau_call<'a>(
    data: &'a Dataset,
    actor: &Account,
    call_id: &str,
    what: &str,
) -> Result<&'a CallForNominations, QuorumError> {
    let call = data
        .calls_for_nominations
        .iter()
        .find(|c| c.id.as_str() == call_id)
        .ok_or_else(|| QuorumError::NotFound(format!("call {call_id}")))?;
    if !policy::handles_call(actor, data, call) {
        return Err(QuorumError::Forbidden(format!(
            "only the secretariat or the call's Bureau {what}"
        )));
    }
    Ok(call)
}

/// Sets a call's targets: the secretariat or the call's Bureau.
pub async fn set_targets(
    db: &DatabaseConnection,
    actor: &Account,
    call_id: &str,
    targets: &balance::BalanceTargets,
) -> Result<(), QuorumError> {
    let data = super::dataset::export(db).await?;
    let call = bureau_call(&data, actor, call_id, "sets its targets")?;
    if !(0.0..=1.0).contains(&targets.min_female_share) || targets.min_regional_groups > 5 {
        return Err(QuorumError::invalid(
            format!("targets of call {call_id}"),
            "min_female_share",
            "shares run from 0 to 1, regional groups from 0 to 5",
        ));
    }
    let txn = db.begin().await?;
    setting::Entity::delete_by_id(targets_key(&call.id))
        .exec(&txn)
        .await?;
    let row = setting::Model {
        key: targets_key(&call.id),
        value: serde_json::to_value(targets).expect("targets serialise"),
    };
    setting::Entity::insert(sea_orm::IntoActiveModel::into_active_model(row))
        .exec(&txn)
        .await?;
    super::audit::record(
        &txn,
        actor,
        "balance targets set",
        &format!("call {call_id}"),
        None,
        serde_json::to_value(targets).ok(),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// A call's selection against its targets.
#[derive(Debug, Clone, Serialize)]
pub struct BalanceView {
    pub composition: balance::Composition,
    pub targets: balance::BalanceTargets,
    pub warnings: Vec<String>,
}

/// A call's selection against its targets: the secretariat or the call's Bureau.
pub async fn balance_of(
    db: &DatabaseConnection,
    actor: &Account,
    call_id: &str,
) -> Result<BalanceView, QuorumError> {
    let data = super::dataset::export(db).await?;
    let call = bureau_call(&data, actor, call_id, "reviews the balance")?;
    let targets = targets(db, &call.id).await?;
    let composition = balance::composition(&data, &call.id);
    Ok(BalanceView {
        warnings: balance::warnings(&composition, &targets),
        composition,
        targets,
    })
}

/// A panel's panellists against the targets of its call (none: no targets). Public: panels show
/// their confirmed panellists.
pub async fn panel_balance(
    db: &DatabaseConnection,
    panel_id: &str,
) -> Result<BalanceView, QuorumError> {
    let data = super::dataset::export(db).await?;
    let panel = data
        .panels
        .iter()
        .find(|p| p.id.as_str() == panel_id)
        .ok_or_else(|| QuorumError::NotFound(format!("panel {panel_id}")))?;
    let targets = match data
        .calls_for_nominations
        .iter()
        .find(|c| c.panel.as_ref() == Some(&panel.id))
    {
        Some(call) => targets(db, &call.id).await?,
        None => Default::default(),
    };
    let composition = balance::panel_composition(&data, &panel.id);
    Ok(BalanceView {
        warnings: balance::warnings(&composition, &targets),
        composition,
        targets,
    })
}
