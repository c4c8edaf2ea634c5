//! The conflict engine over the stored calendar: load → build the engine's snapshot → ask it,
//! and the accepted warnings that overlay its answers.

use sea_orm::{ConnectionTrait, DatabaseConnection, EntityTrait, TransactionTrait};

use super::rows::{acceptance_of, acceptance_row};

use super::entities::conflict_acceptance;

use crate::domain::account::{Account, Role};

use crate::domain::conflicts::{
    still_accepted, Acceptance, ConflictView, MeetingIndex, Proposal, Severity, SlotQuery, SlotView,
};
use crate::domain::Dataset;
use crate::wire::planning::CheckOutcome;

use crate::error::QuorumError;

/// The engine's snapshot of everything stored, built once per data version.
pub async fn meeting_index(
    db: &DatabaseConnection,
) -> Result<std::sync::Arc<MeetingIndex>, QuorumError> {
    static MEETING_INDEX: super::data_version::VersionCache<MeetingIndex> =
        super::data_version::VersionCache::new();
    let version = super::data_version::recent(db).await?;
    if let Some(calendar) = MEETING_INDEX.get(version) {
        return Ok(calendar);
    }
    let data = super::dataset::snapshot(db).await?;
    Ok(MEETING_INDEX.put(version, MeetingIndex::build(&data)?))
}

async fn acceptances(db: &impl ConnectionTrait) -> Result<Vec<Acceptance>, QuorumError> {
    Ok(conflict_acceptance::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(acceptance_of)
        .collect())
}

/// Marks the views whose acceptance still holds.
fn overlay(views: &mut [ConflictView], accepted: &[Acceptance]) {
    for view in views {
        view.accepted = accepted.iter().find(|a| still_accepted(view, a)).cloned();
    }
}

/// Every conflict in the calendar, accepted warnings marked; computed once per data version
/// (accepting a warning raises the version too).
pub async fn scan(db: &DatabaseConnection) -> Result<Vec<ConflictView>, QuorumError> {
    static SCAN: super::data_version::VersionCache<Vec<ConflictView>> =
        super::data_version::VersionCache::new();
    let version = super::data_version::recent(db).await?;
    if let Some(views) = SCAN.get(version) {
        return Ok(views.as_ref().clone());
    }
    Ok(SCAN.put(version, scan_now(db).await?).as_ref().clone())
}

async fn scan_now(db: &DatabaseConnection) -> Result<Vec<ConflictView>, QuorumError> {
    let calendar = meeting_index(db).await?;
    let mut views: Vec<ConflictView> = calendar
        .scan()
        .iter()
        .map(|c| calendar.view(c, None))
        .collect();
    overlay(&mut views, &acceptances(db).await?);
    Ok(views)
}

/// Whether a proposed meeting may be saved, and what it would raise, without saving it.
pub async fn check(
    db: &DatabaseConnection,
    proposal: &Proposal,
) -> Result<CheckOutcome, QuorumError> {
    // A proposal naming what does not exist is refused as a request, naming the field.
    meeting_index(db).await?.proposal(proposal)?;
    let mut data = (*super::dataset::snapshot(db).await?).clone();
    match data
        .meetings
        .iter_mut()
        .find(|m| m.id == proposal.meeting.id)
    {
        Some(stored) => *stored = proposal.meeting.clone(),
        None => data.meetings.push(proposal.meeting.clone()),
    }
    verdict(db, &data, proposal).await
}

/// The one answer to "may this meeting be saved?", asked alike by the conflict check, the
/// planner's panel and its save, and the REST writes, so that none of them promises what
/// another refuses. `data` is the calendar with the meeting in place. Refused are a calendar
/// its own rules reject (a meeting outside its session's days, a room its venue lacks: by
/// field) and blocking conflicts; warnings are told and allowed. `blocking` is set when the
/// save would be refused.
pub async fn verdict(
    db: &DatabaseConnection,
    data: &Dataset,
    proposal: &Proposal,
) -> Result<CheckOutcome, QuorumError> {
    let errors = match data.validate() {
        Ok(()) => vec![],
        Err(e @ (QuorumError::Invalid { .. } | QuorumError::InvalidMany(_))) => {
            super::forms::field_errors(&e)
        }
        Err(other) => return Err(other),
    };
    let calendar = meeting_index(db).await?;
    let meeting = match calendar.proposal(proposal) {
        Ok(meeting) => meeting,
        // What the engine cannot place (an unknown venue, say) the rules named already.
        Err(_) if !errors.is_empty() => {
            return Ok(CheckOutcome {
                blocking: true,
                errors,
                conflicts: vec![],
            })
        }
        Err(other) => return Err(other),
    };
    let mut conflicts: Vec<ConflictView> = calendar
        .check(&meeting)
        .iter()
        .map(|c| calendar.view(c, Some(&meeting)))
        .collect();
    overlay(&mut conflicts, &acceptances(db).await?);
    let blocking = !errors.is_empty() || conflicts.iter().any(|c| c.severity == Severity::Blocking);
    Ok(CheckOutcome {
        errors,
        conflicts,
        blocking,
    })
}

/// The best free slots for a meeting of the given bodies.
pub async fn free_slots(
    db: &DatabaseConnection,
    query: &SlotQuery,
) -> Result<Vec<SlotView>, QuorumError> {
    let calendar = meeting_index(db).await?;
    let tz: chrono_tz::Tz = calendar.venue_time_zone(&query.venue).ok_or_else(|| {
        QuorumError::invalid(
            "free slots",
            "venue",
            format!("unknown venue {}", query.venue),
        )
    })?;
    let (template, _) = calendar.slot_template(query)?;
    Ok(calendar
        .free_slots(query)?
        .into_iter()
        .map(|slot| {
            let mut meeting = template.clone();
            meeting.start = slot.start;
            meeting.end = slot.end;
            let start = chrono::DateTime::from_timestamp(slot.start, 0).unwrap_or_default();
            SlotView {
                start,
                end: chrono::DateTime::from_timestamp(slot.end, 0).unwrap_or_default(),
                local_start: start
                    .with_timezone(&tz)
                    .format("%Y-%m-%d %H:%M %Z")
                    .to_string(),
                warnings: slot
                    .warnings
                    .iter()
                    .map(|c| calendar.view(c, Some(&meeting)))
                    .collect(),
            }
        })
        .collect())
}

/// Accepts a warning with a reason, as it stands now; refuses blocking conflicts and unknown
/// identifiers.
pub async fn accept(
    db: &DatabaseConnection,
    actor: &Account,
    conflict_id: &str,
    reason: &str,
) -> Result<Acceptance, QuorumError> {
    if reason.trim().is_empty() {
        return Err(QuorumError::invalid(
            "acceptance",
            "reason",
            "must not be empty",
        ));
    }
    // Stored without a dataset validation, so checked here by the same rule.
    crate::domain::dataset::check_text(reason.trim(), crate::domain::dataset::LONG_TEXT_MAX)
        .map_err(|why| QuorumError::invalid("acceptance", "reason", why))?;
    let calendar = meeting_index(db).await?;
    let view = calendar
        .scan()
        .iter()
        .map(|c| calendar.view(c, None))
        .find(|v| v.id == conflict_id)
        .ok_or_else(|| QuorumError::NotFound(format!("conflict {conflict_id}")))?;
    let own_body = actor
        .body
        .as_ref()
        .is_some_and(|b| view.bodies.iter().any(|v| v == b.as_str()));
    if !(actor.is_secretariat() || (actor.role == Role::Bureau && own_body)) {
        return Err(QuorumError::Forbidden(format!(
            "only the secretariat or a Bureau of {} may accept this conflict",
            view.bodies.join(", ")
        )));
    }
    if view.severity == Severity::Blocking {
        return Err(QuorumError::invalid(
            "acceptance",
            "conflict",
            "a blocking conflict cannot be accepted; resolve it",
        ));
    }
    let acceptance = Acceptance {
        conflict: view.id,
        fingerprint: view.fingerprint,
        reason: reason.trim().to_owned(),
        accepted_by: actor.name.clone(),
        accepted_at: chrono::Utc::now(),
    };
    let txn = db.begin().await?;
    conflict_acceptance::Entity::delete_by_id(conflict_id)
        .exec(&txn)
        .await?;
    conflict_acceptance::Entity::insert(acceptance_row(&acceptance))
        .exec(&txn)
        .await?;
    super::audit::record(
        &txn,
        actor,
        "conflict accepted",
        &format!("conflict {conflict_id}"),
        None,
        serde_json::to_value(&acceptance).ok(),
    )
    .await?;
    super::data_version::bump(&txn).await?;
    txn.commit().await?;
    Ok(acceptance)
}
