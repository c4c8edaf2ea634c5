//! The meeting planner over the stored calendar: the choices it offers, the live check of a
//! form against every body's calendar, free slots, and the guarded save (refused when someone
//! else changed the meeting since it was opened, or when a conflict blocks).

use chrono::NaiveDate;

use sea_orm::DatabaseConnection;

use crate::wire::calendar::Choice;

use crate::wire::planning::*;

use crate::domain::account::Account;

use crate::domain::conflicts::{Proposal, SlotQuery};

use crate::domain::session::capitalized;

use crate::domain::{Dataset, Meeting, MeetingStatus, MeetingType};

use crate::domain::label::Label;
use crate::error::QuorumError;

use super::forms::field_errors;
use super::meeting_form::{changes, form_from, meeting_of};

pub async fn options(
    db: &DatabaseConnection,
    account: Option<&Account>,
) -> Result<PlannerChoices, QuorumError> {
    let data = super::dataset::snapshot(db).await?;
    let mut sessions: Vec<_> = data.sessions.iter().collect();
    sessions.sort_by_key(|s| (s.body.clone(), s.id.clone()));
    let bodies_of = |m: &Meeting| -> Vec<_> { data.bodies_of(m) };
    let mut meetings: Vec<&Meeting> = data
        .meetings
        .iter()
        .filter(|m| account.is_some_and(|a| a.may_plan(&bodies_of(m))))
        .collect();
    meetings.sort_by_key(|m| m.start);
    Ok(PlannerChoices {
        sessions: sessions
            .iter()
            .map(|s| SessionOption {
                id: s.id.to_string(),
                body: s.body.to_string(),
                title: capitalized(&data.session_title(s)),
                dates: crate::domain::wording::dates::session_dates(&s.dates),
            })
            .collect(),
        venues: data
            .venues
            .iter()
            .map(|v| VenueOption {
                id: v.id.to_string(),
                label: crate::domain::wording::place_name(&v.name, &v.city),
                zone: v.time_zone.clone(),
                rooms: v
                    .rooms
                    .iter()
                    .map(|r| Choice {
                        value: r.id.to_string(),
                        label: r.name.clone(),
                    })
                    .collect(),
            })
            .collect(),
        kinds: MeetingType::ALL
            .iter()
            .map(|k| Choice {
                value: k.as_str().into(),
                label: capitalized(&k.label()),
            })
            .collect(),
        statuses: MeetingStatus::ALL
            .iter()
            .map(|k| Choice {
                value: k.as_str().into(),
                label: capitalized(k.as_str()),
            })
            .collect(),
        // A focal point plans nothing: the planner greets only those who plan.
        planner: account
            .filter(|a| a.role != crate::domain::account::Role::FocalPoint)
            .map(|a| format!("{} ({})", a.name, data.account_described(a))),
        meetings: meetings
            .iter()
            .map(|m| {
                (
                    m.id.to_string(),
                    format!("{} — {}", m.start.format("%Y-%m-%d"), m.title),
                )
            })
            .collect(),
    })
}

pub async fn form_of(
    db: &DatabaseConnection,
    id: &str,
) -> Result<Option<MeetingForm>, QuorumError> {
    let data = super::dataset::snapshot(db).await?;
    Ok(data
        .meetings
        .iter()
        .find(|m| m.id.as_str() == id)
        .map(|m| form_from(&data, m)))
}

/// Why `actor` may not change the stored meeting `id`, as the save would say it.
pub async fn why_read_only(
    db: &DatabaseConnection,
    actor: &Account,
    id: &str,
) -> Result<Option<String>, QuorumError> {
    let data = super::dataset::snapshot(db).await?;
    Ok(data
        .meetings
        .iter()
        .find(|m| m.id.as_str() == id)
        .filter(|m| !actor.may_plan(&data.bodies_of(m)))
        .map(|m| data.refusal_to_plan(actor, &data.meeting_named(m), &data.bodies_of(m))))
}

/// What saving the form would answer, without saving: its gaps, a taken key or a change made
/// since it was opened, the calendar's rules and the conflicts (one rule with the save).
pub async fn check(
    db: &DatabaseConnection,
    form: &MeetingForm,
    create: Option<bool>,
) -> Result<CheckOutcome, QuorumError> {
    let data = super::dataset::snapshot(db).await?;
    let meeting = match meeting_of(&data, form) {
        Ok(m) => m,
        Err(errors) => {
            return Ok(CheckOutcome {
                errors,
                blocking: true,
                ..Default::default()
            })
        }
    };
    let mut outcome = super::conflicts::check(
        db,
        &Proposal {
            meeting: meeting.clone(),
            persons: vec![],
        },
    )
    .await?;
    let stale = create.map(|create| not_stale(&data, form, &meeting, create));
    if let Some(Err(refusal)) = stale {
        let mut errors = refusal.errors;
        // Without JavaScript the check is all a person sees of a refused save: it names the
        // changes too.
        if !refusal.changed_since.is_empty() {
            errors.push(FieldError::new(
                "form",
                format!(
                    "changed since you opened it: {}; open the meeting again to apply your entries over these changes",
                    refusal.changed_since.join("; ")
                ),
            ));
        }
        outcome.errors.splice(0..0, errors);
        outcome.blocking = true;
    }
    Ok(outcome)
}

/// Refuses a key that is taken (when creating) or a meeting changed since the form opened it
/// (when changing): saving over it would lose someone's work.
fn not_stale(
    data: &Dataset,
    form: &MeetingForm,
    meeting: &Meeting,
    create: bool,
) -> Result<(), SaveOutcome> {
    let refuse = |errors| SaveOutcome {
        errors,
        ..Default::default()
    };
    if create {
        if data.meetings.iter().any(|m| m.id == meeting.id) {
            return Err(refuse(vec![FieldError::new(
                "id",
                format!("the key {} is taken", meeting.id),
            )]));
        }
        return Ok(());
    }
    let Some(stored) = data.meetings.iter().find(|m| m.id == meeting.id) else {
        return Err(refuse(vec![FieldError::new(
            "id",
            format!("there is no meeting {}", meeting.id),
        )]));
    };
    let now = form_from(data, stored);
    let Ok(opened) = serde_json::from_str::<MeetingForm>(&form.opened_at) else {
        return Err(refuse(vec![FieldError::new(
            "form",
            "reopen the meeting before saving: the form does not say which version it edits",
        )]));
    };
    let changed = changes(&opened, &now);
    if changed.is_empty() {
        return Ok(());
    }
    Err(SaveOutcome {
        errors: vec![FieldError::new(
            "form",
            "this meeting was changed since you opened it: review the changes, then save again",
        )],
        changed_since: changed,
        opened_at: now.opened_at,
        saved: None,
    })
}

pub async fn slots(
    db: &DatabaseConnection,
    form: &MeetingForm,
    from: &str,
    to: &str,
) -> Result<Vec<SlotOption>, QuorumError> {
    let data = super::dataset::snapshot(db).await?;
    let meeting = meeting_of(&data, form).map_err(|errors| {
        QuorumError::InvalidMany(
            errors
                .into_iter()
                .map(|e| QuorumError::invalid("meeting", e.field, e.message))
                .collect(),
        )
    })?;
    let day = |field: &str, text: &str| {
        text.parse::<NaiveDate>()
            .map_err(|_| QuorumError::invalid("free slots", field, "give the day as YYYY-MM-DD"))
    };
    let minutes = (meeting.end - meeting.start).num_minutes().max(1) as u32;
    let query = SlotQuery {
        bodies: data.bodies_of(&meeting),
        sessions: meeting.sessions.clone(),
        duration_minutes: minutes,
        venue: meeting.venue.clone(),
        room: meeting.room.clone(),
        from: day("from", from)?,
        to: day("to", to)?,
        persons: meeting.participants.clone(),
        interpretation: meeting.interpretation,
        step_minutes: 30,
        limit: 8,
    };
    let tz = data.venue_zone(&meeting.venue);
    Ok(super::conflicts::free_slots(db, &query)
        .await?
        .into_iter()
        .map(|slot| {
            let (start, end) = (slot.start.with_timezone(&tz), slot.end.with_timezone(&tz));
            SlotOption {
                date: start.format("%Y-%m-%d").to_string(),
                start: start.format("%H:%M").to_string(),
                end: end.format("%H:%M").to_string(),
                label: format!(
                    "{}, {}–{} {}",
                    start.format("%a %-d %b %Y"),
                    start.format("%H:%M"),
                    end.format("%H:%M"),
                    start.format("%Z")
                ),
                warnings: slot.warnings.len(),
            }
        })
        .collect())
}

/// Saves the form unless it has field errors, blocking conflicts, or the stored meeting changed
/// since the planner opened it (no lost update).
pub async fn save(
    db: &DatabaseConnection,
    actor: &Account,
    form: &MeetingForm,
    create: bool,
) -> Result<SaveOutcome, QuorumError> {
    let data = super::dataset::snapshot(db).await?;
    let refuse = |errors| {
        Ok(SaveOutcome {
            errors,
            ..Default::default()
        })
    };
    let meeting = match meeting_of(&data, form) {
        Ok(m) => m,
        Err(errors) => return refuse(errors),
    };
    if let Err(refusal) = not_stale(&data, form, &meeting, create) {
        return Ok(refusal);
    }
    let mode = if create {
        super::meetings::SaveMode::Create
    } else {
        super::meetings::SaveMode::Update
    };
    let saved = match super::meetings::save(db, actor, meeting, mode).await {
        Ok(m) => m,
        Err(
            e @ (QuorumError::Invalid { .. }
            | QuorumError::InvalidMany(_)
            | QuorumError::Conflict(_)),
        ) => return refuse(field_errors(&e)),
        Err(other) => return Err(other),
    };
    let data = super::dataset::snapshot(db).await?;
    let stored = data
        .meetings
        .iter()
        .find(|m| m.id == saved.id)
        .unwrap_or(&saved);
    Ok(SaveOutcome {
        saved: Some(saved.id.to_string()),
        errors: vec![],
        changed_since: vec![],
        opened_at: form_from(&data, stored).opened_at,
    })
}
