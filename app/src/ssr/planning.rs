//! The planner's meeting form over the stored calendar: turning what a planner typed into a
//! meeting (each problem named by its field), checking it live, finding free slots, and saving
//! it unless someone else changed it since it was opened.

use chrono::{NaiveDate, NaiveTime, TimeZone};
use sea_orm::DatabaseConnection;

use crate::wire::calendar::Choice;
use crate::wire::planning::*;
use crate::domain::account::Account;
use crate::domain::conflicts::{Proposal, SlotQuery};
use crate::domain::session::capitalized;
use crate::domain::{Dataset, Id, Meeting, MeetingStatus, MeetingType, SessionDates};
use crate::error::QuorumError;

fn error(field: &str, message: impl Into<String>) -> FieldError {
    FieldError {
        field: field.into(),
        message: message.into(),
    }
}

/// Field errors from a Quorum error: a validation error names its field; anything else is
/// shown at the top of the form.
pub fn field_errors(err: &QuorumError) -> Vec<FieldError> {
    match err {
        QuorumError::Invalid { field, message, .. } => vec![error(field, message.clone())],
        QuorumError::InvalidMany(all) => all.iter().flat_map(field_errors).collect(),
        other => vec![error("form", other.to_string())],
    }
}

/// A service's answer to a form: done with its message, or — for broken rules and taken keys —
/// errors by field; anything else stays an error.
pub fn form_outcome(
    result: Result<String, QuorumError>,
) -> Result<crate::wire::nominations::FormOutcome, QuorumError> {
    use crate::wire::nominations::FormOutcome;
    match result {
        Ok(message) => Ok(FormOutcome {
            errors: vec![],
            done: Some(message),
        }),
        Err(
            e @ (QuorumError::Invalid { .. }
            | QuorumError::InvalidMany(_)
            | QuorumError::Conflict(_)),
        ) => Ok(FormOutcome {
            errors: field_errors(&e),
            done: None,
        }),
        Err(e) => Err(e),
    }
}

/// The meeting a form describes, on top of the stored one it edits (which keeps what the form
/// does not show: participants, sequence). Every field at fault is reported at once.
pub fn meeting_of(data: &Dataset, form: &MeetingForm) -> Result<Meeting, Vec<FieldError>> {
    let mut errors = vec![];
    let id = Id::parse(form.id.trim())
        .map_err(|why| errors.push(error("id", why)))
        .ok();
    if form.title.trim().is_empty() {
        errors.push(error("title", "give the meeting a title"));
    }
    let kind = MeetingType::parse(&form.kind)
        .map_err(|why| errors.push(error("kind", why)))
        .ok();
    let status = if form.status.is_empty() {
        Some(MeetingStatus::Planned)
    } else {
        MeetingStatus::parse(&form.status)
            .map_err(|why| errors.push(error("status", why)))
            .ok()
    };
    let mut sessions = vec![];
    for s in &form.sessions {
        match data.sessions.iter().find(|x| x.id.as_str() == s) {
            Some(session) => sessions.push(session),
            None => errors.push(error("sessions", format!("there is no session {s:?}"))),
        }
    }
    if form.sessions.is_empty() {
        errors.push(error(
            "sessions",
            "choose the session of each body taking part",
        ));
    }
    let mut bodies: Vec<_> = sessions.iter().map(|s| s.body.clone()).collect();
    bodies.sort();
    if bodies.windows(2).any(|w| w[0] == w[1]) {
        errors.push(error("sessions", "choose one session per body"));
    }
    let venue = data.venues.iter().find(|v| v.id.as_str() == form.venue);
    if venue.is_none() {
        errors.push(error("venue", "choose a venue"));
    }
    let room = match (venue, form.room.trim()) {
        (_, "") => None,
        (Some(v), room) => match v.rooms.iter().find(|r| r.id.as_str() == room) {
            Some(r) => Some(r.id.clone()),
            None => {
                errors.push(error("room", format!("{} has no room {room:?}", v.name)));
                None
            }
        },
        (None, _) => None,
    };
    let date = form
        .date
        .parse::<NaiveDate>()
        .map_err(|_| errors.push(error("date", "give the day as YYYY-MM-DD")))
        .ok();
    let time = |field: &str, text: &str, errors: &mut Vec<FieldError>| {
        NaiveTime::parse_from_str(text, "%H:%M")
            .map_err(|_| errors.push(error(field, "give the time as HH:MM")))
            .ok()
    };
    let start = time("start", &form.start, &mut errors);
    let end = time("end", &form.end, &mut errors);
    if let (Some(s), Some(e)) = (start, end) {
        if e <= s {
            errors.push(error("end", "the meeting must end after it starts"));
        }
    }
    let tz = venue.and_then(|v| v.tz().ok()).unwrap_or(chrono_tz::UTC);
    let instant = |field: &str, t: Option<NaiveTime>, errors: &mut Vec<FieldError>| {
        let local = date?.and_time(t?);
        match tz.from_local_datetime(&local).earliest() {
            Some(at) => Some(at.with_timezone(&chrono::Utc)),
            None => {
                errors.push(error(
                    field,
                    format!(
                        "{local} does not exist in {} (the clocks go forward)",
                        tz.name()
                    ),
                ));
                None
            }
        }
    };
    let start = instant("start", start, &mut errors);
    let end = instant("end", end, &mut errors);
    if !errors.is_empty() {
        return Err(errors);
    }
    let (Some(id), Some(kind), Some(status), Some(venue), Some(start), Some(end)) =
        (id, kind, status, venue, start, end)
    else {
        return Err(vec![error("form", "the form is incomplete")]);
    };
    let stored = data.meetings.iter().find(|m| m.id == id);
    Ok(Meeting {
        id,
        title: form.title.trim().to_owned(),
        kind,
        sessions: sessions.iter().map(|s| s.id.clone()).collect(),
        venue: venue.id.clone(),
        room,
        start,
        end,
        participants: stored.map(|m| m.participants.clone()).unwrap_or_default(),
        interpretation: form.interpretation,
        illustrative: stored.is_some_and(|m| m.illustrative),
        status,
        sequence: stored.map_or(0, |m| m.sequence),
        updated_at: stored.and_then(|m| m.updated_at),
    })
}

/// The form showing a stored meeting, with its venue's wall times.
pub fn form_from(data: &Dataset, meeting: &Meeting) -> MeetingForm {
    let tz = data.venue_zone(&meeting.venue);
    let (start, end) = (
        meeting.start.with_timezone(&tz),
        meeting.end.with_timezone(&tz),
    );
    let mut form = MeetingForm {
        id: meeting.id.to_string(),
        title: meeting.title.clone(),
        kind: meeting.kind.as_str().into(),
        sessions: meeting.sessions.iter().map(|s| s.to_string()).collect(),
        venue: meeting.venue.to_string(),
        room: meeting
            .room
            .as_ref()
            .map(|r| r.to_string())
            .unwrap_or_default(),
        date: start.format("%Y-%m-%d").to_string(),
        start: start.format("%H:%M").to_string(),
        end: end.format("%H:%M").to_string(),
        interpretation: meeting.interpretation,
        status: meeting.status.as_str().into(),
        opened_at: String::new(),
    };
    form.opened_at = serde_json::to_string(&form).unwrap_or_default();
    form
}

/// What differs between the meeting as a planner opened it and as it is stored now, in words.
pub fn changes(opened: &MeetingForm, now: &MeetingForm) -> Vec<String> {
    let fields: [(&str, &dyn Fn(&MeetingForm) -> String); 10] = [
        ("title", &|f| f.title.clone()),
        ("type", &|f| f.kind.clone()),
        ("sessions", &|f| f.sessions.join(", ")),
        ("venue", &|f| f.venue.clone()),
        ("room", &|f| f.room.clone()),
        ("date", &|f| f.date.clone()),
        ("start", &|f| f.start.clone()),
        ("end", &|f| f.end.clone()),
        ("interpretation", &|f| {
            if f.interpretation {
                "yes".into()
            } else {
                "no".into()
            }
        }),
        ("status", &|f| f.status.clone()),
    ];
    fields
        .iter()
        .filter(|(_, get)| get(opened) != get(now))
        .map(|(name, get)| format!("{name}: {:?} → {:?}", get(opened), get(now)))
        .collect()
}

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
                dates: match &s.dates {
                    SessionDates::Days { start, end } => format!("{start} – {end}"),
                    SessionDates::Year(y) => format!("{y}"),
                    SessionDates::ToBeDetermined => "dates to be determined".into(),
                },
            })
            .collect(),
        venues: data
            .venues
            .iter()
            .map(|v| VenueOption {
                id: v.id.to_string(),
                label: format!("{}, {}", v.name, v.city),
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
                label: capitalized(&k.as_str().replace('_', " ")),
            })
            .collect(),
        statuses: MeetingStatus::ALL
            .iter()
            .map(|k| Choice {
                value: k.as_str().into(),
                label: capitalized(k.as_str()),
            })
            .collect(),
        planner: account.map(|a| format!("{} ({})", a.name, a.role.as_str().replace('_', " "))),
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

pub async fn check(
    db: &DatabaseConnection,
    form: &MeetingForm,
) -> Result<CheckOutcome, QuorumError> {
    let data = super::dataset::snapshot(db).await?;
    let meeting = match meeting_of(&data, form) {
        Ok(m) => m,
        Err(errors) => {
            return Ok(CheckOutcome {
                errors,
                ..Default::default()
            })
        }
    };
    let answer = super::conflicts::check(
        db,
        &Proposal {
            meeting,
            persons: vec![],
        },
    )
    .await?;
    Ok(CheckOutcome {
        errors: vec![],
        conflicts: answer.conflicts,
        blocking: answer.blocking,
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
    if !create {
        let Some(stored) = data.meetings.iter().find(|m| m.id == meeting.id) else {
            return refuse(vec![error(
                "id",
                format!("there is no meeting {}", meeting.id),
            )]);
        };
        let now = form_from(&data, stored);
        let Ok(opened) = serde_json::from_str::<MeetingForm>(&form.opened_at) else {
            return refuse(vec![error(
                "form",
                "reopen the meeting before saving: the form does not say which version it edits",
            )]);
        };
        let changed = changes(&opened, &now);
        if !changed.is_empty() {
            return Ok(SaveOutcome {
                errors: vec![error("form", "this meeting was changed since you opened it: review the changes, then save again")],
                changed_since: changed,
                opened_at: now.opened_at,
                saved: None,
            });
        }
    } else if data.meetings.iter().any(|m| m.id == meeting.id) {
        return refuse(vec![error(
            "id",
            format!("the key {} is taken", meeting.id),
        )]);
    }
    let answer = super::conflicts::check(
        db,
        &Proposal {
            meeting: meeting.clone(),
            persons: vec![],
        },
    )
    .await?;
    if answer.blocking {
        return refuse(vec![error(
            "form",
            "a blocking conflict prevents saving: move the meeting or find a free slot",
        )]);
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

#[cfg(test)]
mod tests {
    use super::*;

    fn demo() -> Dataset {
        serde_json::from_str(include_str!("../../data/demo.json")).unwrap()
    }

    fn joint_form() -> MeetingForm {
        MeetingForm {
            id: "joint-2023-06-extra".into(),
            title: "Joint briefing".into(),
            kind: "joint_meeting".into(),
            sessions: vec!["irg-14".into(), "wg-prev-14".into()],
            venue: "vienna-vic".into(),
            room: "vic-boardroom-d".into(),
            date: "2023-06-14".into(),
            start: "10:00".into(),
            end: "13:00".into(),
            interpretation: true,
            status: "planned".into(),
            opened_at: String::new(),
        }
    }

    #[test]
    fn a_form_becomes_a_meeting_in_the_venues_time() {
        let m = meeting_of(&demo(), &joint_form()).unwrap();
        // Vienna is two hours ahead of UTC in June.
        assert_eq!(m.start.to_rfc3339(), "2023-06-14T08:00:00+00:00");
        assert_eq!(m.sessions.len(), 2);
        assert_eq!(m.status, MeetingStatus::Planned);
    }

    #[test]
    fn every_field_at_fault_is_named() {
        let mut form = joint_form();
        form.title = " ".into();
        form.room = "atlanta-plenary".into();
        form.start = "25:00".into();
        form.sessions = vec!["irg-14".into(), "irg-15".into()];
        let errors = meeting_of(&demo(), &form).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["title", "sessions", "room", "start"], "{errors:?}");
    }

    #[test]
    fn a_time_skipped_by_the_clocks_is_refused() {
        let mut form = joint_form();
        form.date = "2023-03-26".into();
        form.start = "02:30".into();
        let errors = meeting_of(&demo(), &form).unwrap_err();
        assert_eq!(errors[0].field, "start");
        assert!(errors[0].message.contains("does not exist"));
    }

    #[test]
    fn a_stored_meeting_round_trips_through_its_form() {
        let data = demo();
        let stored = data
            .meetings
            .iter()
            .find(|m| m.id.as_str() == "cosp-10-opening")
            .unwrap();
        let form = form_from(&data, stored);
        assert_eq!(
            (form.date.as_str(), form.start.as_str()),
            ("2023-12-11", "10:00")
        );
        assert_eq!(&meeting_of(&data, &form).unwrap(), stored);
        let mut moved = form.clone();
        moved.start = "11:00".into();
        assert_eq!(changes(&form, &moved), ["start: \"10:00\" → \"11:00\""]);
    }
}

/// The session a session form describes, on top of the stored one it edits (which keeps its
/// languages and registration figures). Every field at fault is reported.
pub fn session_of(
    data: &Dataset,
    form: &SessionForm,
) -> Result<crate::domain::Session, Vec<FieldError>> {
    use crate::domain::{BodyCode, Session, SessionFormat, SessionKind, SessionStatus};
    let mut errors = vec![];
    let id = Id::parse(form.id.trim())
        .map_err(|why| errors.push(error("id", why)))
        .ok();
    let body = BodyCode::parse(form.body.trim())
        .ok()
        .filter(|b| data.bodies.iter().any(|x| &x.code == b));
    if body.is_none() {
        errors.push(error("body", "choose a body"));
    }
    let kind = SessionKind::parse(&form.kind)
        .map_err(|why| errors.push(error("kind", why)))
        .ok();
    let format = SessionFormat::parse(&form.format)
        .map_err(|why| errors.push(error("format", why)))
        .ok();
    let status = SessionStatus::parse(&form.status)
        .map_err(|why| errors.push(error("status", why)))
        .ok();
    let whole = |field: &str, text: &str, errors: &mut Vec<FieldError>| match text.trim() {
        "" => None,
        t => t.parse::<u32>().ok().filter(|n| *n > 0).or_else(|| {
            errors.push(error(field, "a whole number from 1"));
            None
        }),
    };
    let number = whole("number", &form.number, &mut errors);
    let resumed = whole("resumed", &form.resumed, &mut errors);
    let venue = match form.venue.trim() {
        "" => None,
        v => match data.venues.iter().find(|x| x.id.as_str() == v) {
            Some(x) => Some(x.id.clone()),
            None => {
                errors.push(error("venue", format!("there is no venue {v:?}")));
                None
            }
        },
    };
    let day = |field: &str, text: &str, errors: &mut Vec<FieldError>| match text.trim() {
        "" => None,
        t => t
            .parse::<NaiveDate>()
            .map_err(|_| errors.push(error(field, "give the day as YYYY-MM-DD")))
            .ok(),
    };
    let start = day("start", &form.start, &mut errors);
    let end = day("end", &form.end, &mut errors);
    let dates = match (start, end, form.year.trim()) {
        (Some(start), Some(end), _) if end < start => {
            errors.push(error(
                "end",
                "the session must end on or after its first day",
            ));
            None
        }
        (Some(start), Some(end), _) => Some(SessionDates::Days { start, end }),
        (Some(_), None, _) | (None, Some(_), _) => {
            errors.push(error("end", "give both the first and the last day"));
            None
        }
        (None, None, "") => Some(SessionDates::ToBeDetermined),
        (None, None, year) => match year.parse::<i32>() {
            Ok(y) if (1990..=2100).contains(&y) => Some(SessionDates::Year(y)),
            _ => {
                errors.push(error("year", format!("{year:?} is not a year")));
                None
            }
        },
    };
    let (Some(id), Some(body), Some(kind), Some(format), Some(status), Some(dates), true) =
        (id, body, kind, format, status, dates, errors.is_empty())
    else {
        return Err(errors);
    };
    let stored = data.sessions.iter().find(|s| s.id == id);
    let text = |t: &str| Some(t.trim().to_owned()).filter(|t| !t.is_empty());
    Ok(Session {
        id,
        body,
        kind,
        number,
        resumed,
        subject: text(&form.subject),
        venue,
        format,
        dates,
        status,
        languages: stored.map(|s| s.languages.clone()).unwrap_or_default(),
        registration: stored.and_then(|s| s.registration.clone()),
        illustrative: stored.is_some_and(|s| s.illustrative),
        notes: text(&form.notes),
    })
}

/// The form showing a stored session.
pub fn session_form(session: &crate::domain::Session) -> SessionForm {
    let (start, end, year) = match &session.dates {
        SessionDates::Days { start, end } => (start.to_string(), end.to_string(), String::new()),
        SessionDates::Year(y) => (String::new(), String::new(), y.to_string()),
        SessionDates::ToBeDetermined => Default::default(),
    };
    SessionForm {
        id: session.id.to_string(),
        body: session.body.to_string(),
        kind: session.kind.as_str().into(),
        number: session.number.map(|n| n.to_string()).unwrap_or_default(),
        resumed: session.resumed.map(|n| n.to_string()).unwrap_or_default(),
        subject: session.subject.clone().unwrap_or_default(),
        venue: session
            .venue
            .as_ref()
            .map(|v| v.to_string())
            .unwrap_or_default(),
        format: session.format.as_str().into(),
        start,
        end,
        year,
        status: session.status.as_str().into(),
        notes: session.notes.clone().unwrap_or_default(),
    }
}

pub async fn session_form_of(
    db: &DatabaseConnection,
    id: &str,
) -> Result<Option<SessionForm>, QuorumError> {
    let data = super::dataset::snapshot(db).await?;
    Ok(data
        .sessions
        .iter()
        .find(|s| s.id.as_str() == id)
        .map(session_form))
}

pub async fn save_session(
    db: &DatabaseConnection,
    actor: &Account,
    form: &SessionForm,
    create: bool,
) -> Result<crate::wire::nominations::FormOutcome, QuorumError> {
    let data = super::dataset::snapshot(db).await?;
    let session = match session_of(&data, form) {
        Ok(s) => s,
        Err(errors) => return Ok(crate::wire::nominations::FormOutcome { errors, done: None }),
    };
    let mode = if create {
        super::meetings::SaveMode::Create
    } else {
        super::meetings::SaveMode::Update
    };
    let title = crate::domain::session::capitalized(&{
        let mut with = (*data).clone();
        with.sessions.retain(|s| s.id != session.id);
        with.sessions.push(session.clone());
        with.session_title(&session)
    });
    form_outcome(
        super::meetings::save_session(db, actor, session, mode)
            .await
            .map(|s| format!("{title} ({}) saved.", s.id)),
    )
}
