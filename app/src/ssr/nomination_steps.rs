//! A nomination's way through the workflow: a State party's focal point drafts it, edits,
//! submits or withdraws it; the Bureau reviews and decides on it; either confirms the nominee's
//! participation. Each step is checked against what its actor may read and against the domain's
//! rule, then written with its audit entry (`nominations::persist`).

use sea_orm::DatabaseConnection;

use super::nomination_balance::targets;
use super::nominations::{persist, NewNomination, Step};
use crate::domain::account::Account;
use crate::domain::balance;
use crate::domain::nominations::{self as rules, NominationSeen};
use crate::domain::policy::{self, NominationReader};
use crate::domain::{CallForNominations, Dataset, Id, Nomination, NominationStatus, Person};
use crate::error::QuorumError;

fn refused(record: &str, why: String) -> QuorumError {
    QuorumError::invalid(record, "status", why)
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
            let nominator = data.affiliation_named(&all[index].nominator);
            rules::submit(
                &mut data.nominations[index],
                call,
                &all,
                chrono::Utc::now(),
                &nominator,
            )
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
