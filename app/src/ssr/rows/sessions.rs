//! Sessions and meetings, with a meeting's session and participant rows.

use sea_orm::IntoActiveModel;

use super::{
    code, corrupt, id, languages_from_column, languages_to_column, opt_id, u32_of, wire, Result,
};
use crate::domain::{
    Meeting, MeetingStatus, MeetingType, Session, SessionDates, SessionFormat, SessionKind,
    SessionStatus,
};
use crate::ssr::entities::{meeting, meeting_participant, meeting_session, session};

pub fn session_row(s: &Session) -> session::ActiveModel {
    let (start_date, end_date, year) = match s.dates {
        SessionDates::Days { start, end } => (Some(start), Some(end), None),
        SessionDates::Year(year) => (None, None, Some(year)),
        SessionDates::ToBeDetermined => (None, None, None),
    };
    session::Model {
        id: s.id.to_string(),
        body_code: s.body.to_string(),
        kind: s.kind.as_str().into(),
        number: s.number.map(|n| n as i32),
        resumed: s.resumed.map(|n| n as i32),
        subject: s.subject.clone(),
        venue_id: s.venue.as_ref().map(|v| v.to_string()),
        format: s.format.as_str().into(),
        start_date,
        end_date,
        year,
        status: s.status.as_str().into(),
        languages: languages_to_column(&s.languages),
        registration: s
            .registration
            .as_ref()
            .map(|r| serde_json::to_value(r).expect("registration serialises")),
        illustrative: s.illustrative,
        notes: s.notes.clone(),
    }
    .into_active_model()
}

pub fn session_of(m: session::Model) -> Result<Session> {
    const T: &str = "sessions";
    let dates = match (m.start_date, m.end_date, m.year) {
        (Some(start), Some(end), _) => SessionDates::Days { start, end },
        (_, _, Some(year)) => SessionDates::Year(year),
        _ => SessionDates::ToBeDetermined,
    };
    Ok(Session {
        id: id(T, &m.id)?,
        body: code(T, &m.body_code)?,
        kind: wire(T, SessionKind::parse, &m.kind)?,
        number: m.number.map(u32_of),
        resumed: m.resumed.map(u32_of),
        subject: m.subject,
        venue: opt_id(T, m.venue_id.as_deref())?,
        format: wire(T, SessionFormat::parse, &m.format)?,
        dates,
        status: wire(T, SessionStatus::parse, &m.status)?,
        languages: languages_from_column(T, &m.languages)?,
        registration: m
            .registration
            .map(serde_json::from_value)
            .transpose()
            .map_err(|e| corrupt(T, e))?,
        illustrative: m.illustrative,
        notes: m.notes,
    })
}

pub fn meeting_row(m: &Meeting) -> meeting::ActiveModel {
    meeting::Model {
        id: m.id.to_string(),
        title: m.title.clone(),
        kind: m.kind.as_str().into(),
        venue_id: m.venue.to_string(),
        room_id: m.room.as_ref().map(|r| r.to_string()),
        starts_at: m.start,
        ends_at: m.end,
        interpretation: m.interpretation,
        illustrative: m.illustrative,
        status: m.status.as_str().into(),
        sequence: m.sequence as i32,
        // Import fills a missing time before writing.
        updated_at: m
            .updated_at
            .unwrap_or(chrono::DateTime::<chrono::Utc>::UNIX_EPOCH),
    }
    .into_active_model()
}

pub fn meeting_session_rows(
    m: &Meeting,
) -> impl Iterator<Item = meeting_session::ActiveModel> + '_ {
    m.sessions.iter().map(|s| {
        meeting_session::Model {
            meeting_id: m.id.to_string(),
            session_id: s.to_string(),
        }
        .into_active_model()
    })
}

pub fn meeting_participant_rows(
    m: &Meeting,
) -> impl Iterator<Item = meeting_participant::ActiveModel> + '_ {
    m.participants.iter().map(|p| {
        meeting_participant::Model {
            meeting_id: m.id.to_string(),
            person_id: p.to_string(),
        }
        .into_active_model()
    })
}

pub fn meeting_of(
    m: meeting::Model,
    sessions: Vec<String>,
    participants: Vec<String>,
) -> Result<Meeting> {
    const T: &str = "meetings";
    Ok(Meeting {
        id: id(T, &m.id)?,
        kind: wire(T, MeetingType::parse, &m.kind)?,
        sessions: sessions.iter().map(|s| id(T, s)).collect::<Result<_>>()?,
        participants: participants
            .iter()
            .map(|p| id(T, p))
            .collect::<Result<_>>()?,
        venue: id(T, &m.venue_id)?,
        room: opt_id(T, m.room_id.as_deref())?,
        title: m.title,
        start: m.starts_at,
        end: m.ends_at,
        interpretation: m.interpretation,
        illustrative: m.illustrative,
        status: wire(T, MeetingStatus::parse, &m.status)?,
        sequence: u32_of(m.sequence),
        updated_at: Some(m.updated_at),
    })
}
