//! The nomination workflow over the stored calendar: load → apply the domain's rule → check the
//! whole dataset → write what changed, with an audit entry, in one transaction.

use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, TransactionTrait};
use serde::{Deserialize, Serialize};

use super::entities::{call_for_nominations, nomination, panel, panel_panellist, person, setting};
use super::rows::{call_row, nomination_row, panellist_rows, person_row};
use crate::domain::account::Account;
use crate::domain::balance;
use crate::domain::nominations::{self as rules, NominationSeen};
use crate::domain::policy::{self, NominationReader};
use crate::domain::{
    CallForNominations, Dataset, Gender, Id, Nomination, NominationStatus, Person,
};
use crate::error::QuorumError;

/// A nomination as a focal point drafts it: the nominee's details and why.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewNomination {
    pub id: Id,
    pub call: Id,
    pub nominee_name: String,
    #[serde(default)]
    pub nominee_title: Option<String>,
    pub nominee_gender: Gender,
    #[serde(default)]
    pub nominee_email: Option<String>,
    pub justification: String,
    #[serde(default)]
    pub biography: Option<String>,
}

/// A step of the workflow on one nomination.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "snake_case", tag = "action")]
pub enum Step {
    Edit {
        justification: String,
        biography: Option<String>,
    },
    Submit,
    Withdraw,
    Review,
    Decide {
        decision: NominationStatus,
        /// The Bureau's internal note, never shown to the State.
        note: Option<String>,
        /// The Bureau's message to the State, shown once released.
        message: Option<String>,
    },
    Confirm,
}

/// A nomination as its reader may see it.
#[derive(Debug, Clone, Serialize)]
pub struct NominationView {
    #[serde(flatten)]
    pub nomination: Nomination,
    pub nominee: Option<Person>,
}

fn refused(record: &str, why: String) -> QuorumError {
    QuorumError::invalid(record, "status", why)
}

/// Writes what changed between `before` and `after` (calls, persons, nominations, panellists)
/// with an audit entry, in one transaction.
async fn persist(
    db: &DatabaseConnection,
    actor: &Account,
    before: &Dataset,
    after: &Dataset,
    action: &str,
    record: &str,
) -> Result<(), QuorumError> {
    after.validate()?;
    let txn = db.begin().await?;
    for call in after
        .calls_for_nominations
        .iter()
        .filter(|c| !before.calls_for_nominations.contains(c))
    {
        call_for_nominations::Entity::delete_by_id(call.id.to_string())
            .exec(&txn)
            .await?;
        call_for_nominations::Entity::insert(call_row(call))
            .exec(&txn)
            .await?;
    }
    for p in after
        .persons
        .iter()
        .filter(|p| !before.persons.iter().any(|b| b.id == p.id))
    {
        person::Entity::insert(person_row(p)).exec(&txn).await?;
    }
    let mut changed = None;
    for n in after
        .nominations
        .iter()
        .filter(|n| !before.nominations.contains(n))
    {
        let old = before.nominations.iter().find(|b| b.id == n.id);
        if let Some(old) = old {
            // Only the row as it was read: when another reviewer's step landed in between,
            // nothing matches and the whole change is refused rather than overwriting it.
            let replaced = nomination::Entity::delete_many()
                .filter(nomination::Column::Id.eq(n.id.to_string()))
                .filter(nomination::Column::Status.eq(old.status.as_str()))
                .filter(nomination::Column::Released.eq(old.released))
                .filter(nomination::Column::Justification.eq(old.justification.clone()))
                .exec(&txn)
                .await?;
            if replaced.rows_affected != 1 {
                return Err(QuorumError::Conflict(format!(
                    "nomination {} changed since you opened it; look again and decide",
                    n.id
                )));
            }
        }
        nomination::Entity::insert(nomination_row(n))
            .exec(&txn)
            .await?;
        if n.id.as_str() == record.trim_start_matches("nomination ") {
            changed = Some((
                old.and_then(|o| serde_json::to_value(o).ok()),
                serde_json::to_value(n).ok(),
            ));
        }
    }
    for panel in after.panels.iter().filter(|p| !before.panels.contains(p)) {
        super::validated_write::lock::<panel::Entity>(&txn, panel.id.to_string()).await?;
        panel_panellist::Entity::delete_many()
            .filter(panel_panellist::Column::PanelId.eq(panel.id.to_string()))
            .exec(&txn)
            .await?;
        for row in panellist_rows(panel) {
            panel_panellist::Entity::insert(row).exec(&txn).await?;
        }
    }
    let (old, new) = changed.unwrap_or((None, None));
    super::audit::record(&txn, actor, action, record, old, new).await?;
    super::data_version::bump(&txn).await?;
    txn.commit().await?;
    Ok(())
}

/// Opens a call for nominations: the secretariat, or a Bureau of the panel's bodies.
pub async fn open_call(
    db: &DatabaseConnection,
    actor: &Account,
    call: CallForNominations,
) -> Result<CallForNominations, QuorumError> {
    let before = super::dataset::export(db).await?;
    if before.calls_for_nominations.iter().any(|c| c.id == call.id) {
        return Err(QuorumError::Conflict(format!(
            "call {} already exists",
            call.id
        )));
    }
    if !policy::handles_call(actor, &before, &call) {
        return Err(QuorumError::Forbidden(
            "only the secretariat or the Bureau of the panel's body opens this call".into(),
        ));
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

/// The beginning of every nomination key of a nominator: "at-" for Austria, "org-", the
/// organisation's key and a hyphen for an organisation.
pub fn nomination_key_prefix(nominator: &crate::domain::Affiliation) -> String {
    match nominator {
        crate::domain::Affiliation::State(code) => format!("{}-", code.to_lowercase()),
        // "org-" can never be a State's two letters and a hyphen.
        crate::domain::Affiliation::Organisation(org) => format!("org-{org}-"),
    }
}

/// A focal point drafts a nomination for their own State.
pub async fn create(
    db: &DatabaseConnection,
    actor: &Account,
    new: NewNomination,
) -> Result<Nomination, QuorumError> {
    let Some(nominator) = actor.nominator() else {
        return Err(QuorumError::Forbidden(
            "only a focal point nominates, for their own State or organisation".into(),
        ));
    };
    let record = format!("nomination {}", new.id);
    // Keys begin with the nominator's own prefix, so that a refused key can only ever be one
    // of the State's own: no State learns which keys another has used.
    let prefix = nomination_key_prefix(&nominator);
    if !new.id.as_str().starts_with(&prefix) {
        return Err(QuorumError::invalid(
            &record,
            "id",
            format!("a nomination key of yours begins with \"{prefix}\""),
        ));
    }
    let before = super::dataset::export(db).await?;
    if before.nominations.iter().any(|n| n.id == new.id) {
        return Err(QuorumError::Conflict(format!(
            "you already have a nomination {}",
            new.id
        )));
    }
    if new.nominee_name.trim().is_empty() {
        return Err(QuorumError::invalid(
            &record,
            "nominee_name",
            "must not be empty",
        ));
    }
    if new.justification.trim().is_empty() {
        return Err(QuorumError::invalid(
            &record,
            "justification",
            "must not be empty",
        ));
    }
    let person_id = Id::parse(&format!("nominee-{}", new.id))
        .map_err(|why| QuorumError::invalid(&record, "id", why))?;
    let mut after = before.clone();
    after.persons.push(Person {
        id: person_id.clone(),
        name: new.nominee_name.trim().to_owned(),
        title: new.nominee_title,
        gender: new.nominee_gender,
        affiliation: Some(nominator.clone()),
        email: new.nominee_email,
    });
    let nomination = Nomination {
        id: new.id,
        call: new.call,
        nominator,
        nominee: person_id,
        justification: new.justification.trim().to_owned(),
        biography: new.biography,
        status: NominationStatus::Draft,
        submitted_at: None,
        decision_note: None,
        message_to_state: None,
        released: false,
    };
    after.nominations.push(nomination.clone());
    persist(db, actor, &before, &after, "nomination drafted", &record).await?;
    Ok(nomination)
}

/// Takes one step of the workflow, if the actor's role allows it; returns the nomination as the
/// actor may see it and, for a Bureau's step, the balance warnings it adds against the call's
/// targets. `seen` is the nomination as the actor saw it: when it changed since, nothing is done.
///
/// Checks run in an order that tells nobody more than they may read: whether the actor may
/// read the nomination at all (if not, it does not exist for them), whether they may take this
/// step, whether it changed since they saw it (compared as they may see it), and the workflow's
/// rule — for the nominating State judged on what it sees, so that a refusal never reveals an
/// unreleased decision.
pub async fn step(
    db: &DatabaseConnection,
    actor: &Account,
    id: &str,
    step: Step,
    seen: Option<&NominationSeen>,
) -> Result<(Nomination, Vec<String>), QuorumError> {
    let before = super::dataset::export(db).await?;
    let record = format!("nomination {id}");
    let index = before
        .nominations
        .iter()
        .position(|n| n.id.as_str() == id)
        .ok_or_else(|| QuorumError::NotFound(record.clone()))?;
    let current = before.nominations[index].clone();
    let reader = policy::nomination_reader(actor, &before, &current)
        .ok_or_else(|| QuorumError::NotFound(record.clone()))?;
    let call = before
        .calls_for_nominations
        .iter()
        .find(|c| c.id == current.call)
        .cloned()
        .ok_or_else(|| QuorumError::NotFound(format!("call {}", current.call)))?;
    let nominator = policy::is_nominator(actor, &current) || actor.is_secretariat();
    let bureau = policy::handles_call(actor, &before, &call);
    let (allowed, action) = match &step {
        Step::Edit { .. } => (nominator, "nomination edited"),
        Step::Submit => (nominator, "nomination submitted"),
        Step::Withdraw => (nominator, "nomination withdrawn"),
        Step::Review => (bureau, "nomination under review"),
        Step::Decide { .. } => (bureau, "nomination decided"),
        Step::Confirm => (bureau || nominator, "participation confirmed"),
    };
    if !allowed {
        return Err(QuorumError::Forbidden(match reader {
            NominationReader::Nominator => {
                "the Bureau reviews and decides on nominations; the nominating State cannot"
                    .to_owned()
            }
            NominationReader::Reviewer => {
                "only the nominating State edits, submits or withdraws its nomination".to_owned()
            }
        }));
    }
    let visible = policy::redact_nomination(reader, &current);
    if let Some(seen) = seen {
        let changes = seen.changes(&NominationSeen::of(&visible));
        if !changes.is_empty() {
            return Err(QuorumError::Conflict(format!(
                "nomination {id} changed since you opened it: {}. Nothing was recorded; look again and decide.",
                changes.join("; ")
            )));
        }
    }
    if let Step::Edit { justification, .. } = &step {
        if justification.trim().is_empty() {
            return Err(QuorumError::invalid(
                &record,
                "justification",
                "say why this nominee: the justification must not be empty",
            ));
        }
    }
    let mut after = before.clone();
    let panel_index = call
        .panel
        .as_ref()
        .and_then(|p| after.panels.iter().position(|x| &x.id == p));
    if reader == NominationReader::Nominator {
        // The rule judged on what the State sees words any refusal in those terms; the rules
        // are such that what the State's view allows, the stored record allows too.
        let mut view = after.clone();
        view.nominations[index] = visible;
        apply(&mut view, index, panel_index, &call, id, step.clone())
            .map_err(|why| refused(&record, why))?;
    }
    apply(&mut after, index, panel_index, &call, id, step).map_err(|why| refused(&record, why))?;
    // A decision that moves the selection away from the Bureau's targets is said so, to
    // those who may see the selection.
    let warnings = if reader == NominationReader::Reviewer {
        let targets = targets(db, &call.id).await?;
        balance::moved_away(
            &balance::composition(&before, &call.id),
            &balance::composition(&after, &call.id),
            &targets,
        )
    } else {
        vec![]
    };
    persist(db, actor, &before, &after, action, &record).await?;
    Ok((
        policy::redact_nomination(reader, &after.nominations[index]),
        warnings,
    ))
}

/// Applies a step's rule to the nomination at `index` of `data`.
fn apply(
    data: &mut Dataset,
    index: usize,
    panel_index: Option<usize>,
    call: &CallForNominations,
    id: &str,
    step: Step,
) -> Result<(), rules::Refusal> {
    match step {
        Step::Edit {
            justification,
            biography,
        } => {
            rules::editable(&data.nominations[index])?;
            data.nominations[index].justification = justification;
            data.nominations[index].biography = biography;
            Ok(())
        }
        Step::Submit => {
            let all = data.nominations.clone();
            rules::submit(&mut data.nominations[index], call, &all, chrono::Utc::now())
        }
        Step::Review => rules::review(&mut data.nominations[index]),
        Step::Decide {
            decision,
            note,
            message,
        } => rules::decide(&mut data.nominations[index], decision, note, message),
        Step::Confirm => {
            let panel = panel_index.map(|p| &mut data.panels[p]);
            rules::confirm(&mut data.nominations[index], panel)
        }
        Step::Withdraw => {
            let panel = panel_index.map(|p| &mut data.panels[p]);
            rules::withdraw(id, &mut data.nominations, panel).map(|_| ())
        }
    }
}

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
    super::outbox::decisions_released(db, &messages).await?;
    Ok(released)
}

/// The nominations a user may see, as they may see them ([`policy::nomination_for`]): all for
/// the secretariat, their calls' submitted ones for a Bureau member, their own State's for a
/// focal point — with decisions shown only once released.
pub async fn list(
    db: &DatabaseConnection,
    actor: &Account,
) -> Result<Vec<NominationView>, QuorumError> {
    let data = super::dataset::snapshot(db).await?;
    Ok(data
        .nominations
        .iter()
        .filter_map(|n| policy::nomination_for(actor, &data, n))
        .map(|nomination| NominationView {
            nominee: data
                .persons
                .iter()
                .find(|p| p.id == nomination.nominee)
                .cloned(),
            nomination,
        })
        .collect())
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
