//! Creating and changing meetings: validated against the whole calendar, written in one
//! transaction, SEQUENCE raised when a calendar would show the change.

use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, TransactionTrait,
};

use super::entities::{meeting, meeting_participant, meeting_session};
use super::rows::{meeting_participant_rows, meeting_row, meeting_session_rows};
use crate::domain::account::Account;
use crate::domain::{BodyCode, Meeting};
use crate::error::QuorumError;

/// Whether a save may create a new meeting or must change an existing one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveMode {
    Create,
    Update,
}

/// Why a meeting may not be saved, by field: the calendar's rules it breaks, and its blocking
/// conflicts (under "form", each in its own words).
fn refusal(meeting: &Meeting, verdict: crate::wire::planning::CheckOutcome) -> QuorumError {
    let record = format!("meeting {}", meeting.id);
    let blocking = verdict
        .conflicts
        .into_iter()
        .filter(|c| c.severity == crate::domain::conflicts::Severity::Blocking)
        .map(|c| {
            QuorumError::invalid(
                &record,
                "form",
                format!("{} This blocking conflict prevents saving: move the meeting or find a free slot.", c.explanation),
            )
        });
    let mut all: Vec<QuorumError> = verdict
        .errors
        .into_iter()
        .map(|e| QuorumError::invalid(&record, &e.field, e.message))
        .chain(blocking)
        .collect();
    if all.len() == 1 {
        all.remove(0)
    } else {
        QuorumError::InvalidMany(all)
    }
}

/// Saves a meeting and returns it as stored, with its sequence and time of change.
pub async fn save(
    db: &DatabaseConnection,
    actor: &Account,
    mut proposed: Meeting,
    mode: SaveMode,
) -> Result<Meeting, QuorumError> {
    let mut data = super::dataset::export(db).await?;
    let bodies_of = |m: &Meeting| -> Vec<BodyCode> { data.bodies_of(m) };
    let old = data.meetings.iter().find(|m| m.id == proposed.id).cloned();
    let may = actor.may_plan(&bodies_of(&proposed))
        && old.as_ref().is_none_or(|o| actor.may_plan(&bodies_of(o)));
    if !may {
        let held_by = old.as_ref().unwrap_or(&proposed);
        return Err(QuorumError::Forbidden(data.refusal_to_plan(
            actor,
            &data.meeting_named(held_by),
            &bodies_of(held_by),
        )));
    }
    // A nominee not yet on a panel is nobody's to name, here as a participant.
    let public = crate::domain::policy::public_persons(&data);
    if let Some(hidden) = proposed
        .participants
        .iter()
        .find(|p| !public.contains(p) && !old.as_ref().is_some_and(|o| o.participants.contains(p)))
    {
        return Err(QuorumError::invalid(
            format!("meeting {}", proposed.id),
            "participants",
            format!("there is no person {hidden}"),
        ));
    }
    let now = chrono::Utc::now();
    let existing = data.meetings.iter().position(|m| m.id == proposed.id);
    match (mode, existing) {
        (SaveMode::Create, Some(_)) => {
            return Err(QuorumError::Conflict(format!(
                "meeting {} already exists",
                proposed.id
            )))
        }
        (SaveMode::Update, None) => {
            return Err(QuorumError::NotFound(format!("meeting {}", proposed.id)))
        }
        (SaveMode::Create, None) => {
            proposed.sequence = 0;
            proposed.updated_at = Some(now);
            data.meetings.push(proposed.clone());
        }
        (SaveMode::Update, Some(i)) => {
            let old = &data.meetings[i];
            if old.visibly_differs(&proposed) {
                proposed.sequence = old.sequence + 1;
                proposed.updated_at = Some(now);
            } else {
                proposed.sequence = old.sequence;
                proposed.updated_at = old.updated_at;
            }
            data.meetings[i] = proposed.clone();
        }
    }
    let proposal = crate::domain::conflicts::Proposal {
        meeting: proposed.clone(),
        persons: vec![],
    };
    let verdict = super::conflicts::verdict(db, &data, &proposal).await?;
    if verdict.blocking {
        return Err(refusal(&proposed, verdict));
    }

    let txn = db.begin().await?;
    let id = proposed.id.to_string();
    super::validated_write::lock::<meeting::Entity>(&txn, id.clone()).await?;
    meeting_session::Entity::delete_many()
        .filter(meeting_session::Column::MeetingId.eq(&id))
        .exec(&txn)
        .await?;
    meeting_participant::Entity::delete_many()
        .filter(meeting_participant::Column::MeetingId.eq(&id))
        .exec(&txn)
        .await?;
    match mode {
        SaveMode::Create => {
            meeting::Entity::insert(meeting_row(&proposed))
                .exec(&txn)
                .await?;
        }
        SaveMode::Update => {
            // Rows converted from models are "unchanged": mark every column for writing.
            meeting::Entity::update(meeting_row(&proposed).reset_all())
                .exec(&txn)
                .await?;
        }
    }
    for row in meeting_session_rows(&proposed) {
        meeting_session::Entity::insert(row).exec(&txn).await?;
    }
    for row in meeting_participant_rows(&proposed) {
        meeting_participant::Entity::insert(row).exec(&txn).await?;
    }
    let as_json = |m: &Meeting| serde_json::to_value(m).ok();
    let action = if mode == SaveMode::Create {
        "meeting created"
    } else {
        "meeting changed"
    };
    let record = format!("meeting {}", proposed.id);
    super::audit::record(
        &txn,
        actor,
        action,
        &record,
        old.as_ref().and_then(as_json),
        as_json(&proposed),
    )
    .await?;
    super::data_version::bump(&txn).await?;
    txn.commit().await?;
    Ok(proposed)
}

/// Saves a session: the secretariat, or the Bureau of its body (of both bodies when it moves).
/// Validated against the whole calendar, audited, in one transaction.
pub async fn save_session(
    db: &DatabaseConnection,
    actor: &Account,
    proposed: crate::domain::Session,
    mode: SaveMode,
) -> Result<crate::domain::Session, QuorumError> {
    use super::entities::session;
    use super::rows::session_row;
    let mut data = super::dataset::export(db).await?;
    let existing = data.sessions.iter().position(|s| s.id == proposed.id);
    let old = existing.map(|i| data.sessions[i].clone());
    let may = actor.may_plan(std::slice::from_ref(&proposed.body))
        && old
            .as_ref()
            .is_none_or(|o| actor.may_plan(std::slice::from_ref(&o.body)));
    if !may {
        let held = old.as_ref().unwrap_or(&proposed);
        return Err(QuorumError::Forbidden(data.refusal_to_plan(
            actor,
            &format!(
                "“{}”",
                crate::domain::session::capitalized(&data.session_title(held))
            ),
            std::slice::from_ref(&held.body),
        )));
    }
    match (mode, existing) {
        (SaveMode::Create, Some(_)) => {
            return Err(QuorumError::Conflict(format!(
                "session {} already exists",
                proposed.id
            )))
        }
        (SaveMode::Update, None) => {
            return Err(QuorumError::NotFound(format!("session {}", proposed.id)))
        }
        (SaveMode::Create, None) => data.sessions.push(proposed.clone()),
        (SaveMode::Update, Some(i)) => data.sessions[i] = proposed.clone(),
    }
    data.validate()?;
    let txn = db.begin().await?;
    match mode {
        SaveMode::Create => {
            session::Entity::insert(session_row(&proposed))
                .exec(&txn)
                .await?;
        }
        SaveMode::Update => {
            session::Entity::update(session_row(&proposed).reset_all())
                .exec(&txn)
                .await?;
        }
    }
    let as_json = |s: &crate::domain::Session| serde_json::to_value(s).ok();
    let action = if mode == SaveMode::Create {
        "session created"
    } else {
        "session changed"
    };
    super::audit::record(
        &txn,
        actor,
        action,
        &format!("session {}", proposed.id),
        old.as_ref().and_then(as_json),
        as_json(&proposed),
    )
    .await?;
    super::data_version::bump(&txn).await?;
    txn.commit().await?;
    Ok(proposed)
}
