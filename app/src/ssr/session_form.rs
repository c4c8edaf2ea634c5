//! The session form over the stored calendar: what the Bureau or the secretariat typed turned
//! into a session (each problem named by its field), and saved audited.

use chrono::NaiveDate;

use sea_orm::DatabaseConnection;

use crate::wire::planning::*;

use crate::domain::account::Account;

use crate::domain::{Dataset, Id, SessionDates};

use crate::error::QuorumError;

use super::forms::form_outcome;

/// The session a session form describes, on top of the stored one it edits (which keeps its
/// languages and registration figures). Every field at fault is reported.
pub fn session_of(
    data: &Dataset,
    form: &SessionForm,
) -> Result<crate::domain::Session, Vec<FieldError>> {
    use crate::domain::{BodyCode, Session, SessionFormat, SessionKind, SessionStatus};
    let mut errors = vec![];
    // Blank: made below from the body, number and kind, as the demo's keys are ("irg-13",
    // "irg-13-resumed-2").
    let typed_id = match form.id.trim() {
        "" => None,
        key => Some(
            Id::parse(key)
                .map_err(|why| errors.push(FieldError::new("id", why)))
                .ok(),
        ),
    };
    let body = BodyCode::parse(form.body.trim())
        .ok()
        .filter(|b| data.bodies.iter().any(|x| &x.code == b));
    if body.is_none() {
        errors.push(FieldError::new("body", "choose a body"));
    }
    let kind = SessionKind::parse(&form.kind)
        .map_err(|why| errors.push(FieldError::new("kind", why)))
        .ok();
    let format = SessionFormat::parse(&form.format)
        .map_err(|why| errors.push(FieldError::new("format", why)))
        .ok();
    let status = SessionStatus::parse(&form.status)
        .map_err(|why| errors.push(FieldError::new("status", why)))
        .ok();
    let whole = |field: &str, text: &str, errors: &mut Vec<FieldError>| match text.trim() {
        "" => None,
        t => t.parse::<u32>().ok().filter(|n| *n > 0).or_else(|| {
            errors.push(FieldError::new(field, "a whole number from 1"));
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
                errors.push(FieldError::new("venue", format!("there is no venue {v:?}")));
                None
            }
        },
    };
    let day = |field: &str, text: &str, errors: &mut Vec<FieldError>| match text.trim() {
        "" => None,
        t => t
            .parse::<NaiveDate>()
            .map_err(|_| errors.push(FieldError::new(field, "give the day as YYYY-MM-DD")))
            .ok(),
    };
    let start = day("start", &form.start, &mut errors);
    let end = day("end", &form.end, &mut errors);
    let dates = match (start, end, form.year.trim()) {
        (Some(start), Some(end), _) if end < start => {
            errors.push(FieldError::new(
                "end",
                "the session must end on or after its first day",
            ));
            None
        }
        (Some(start), Some(end), _) => Some(SessionDates::Days { start, end }),
        (Some(_), None, _) | (None, Some(_), _) => {
            errors.push(FieldError::new(
                "end",
                "give both the first and the last day",
            ));
            None
        }
        (None, None, "") => Some(SessionDates::ToBeDetermined),
        (None, None, year) => match year.parse::<i32>() {
            Ok(y) if (1990..=2100).contains(&y) => Some(SessionDates::Year(y)),
            _ => {
                errors.push(FieldError::new("year", format!("{year:?} is not a year")));
                None
            }
        },
    };
    let id = match (typed_id, &body, kind, &dates) {
        (Some(typed), ..) => typed,
        (None, Some(body), Some(kind), Some(dates)) => {
            let year = dates.year().map(|y| y.to_string()).unwrap_or_default();
            let words = match (kind, number, resumed) {
                (SessionKind::Resumed, Some(n), Some(r)) => format!("{body} {n} resumed {r}"),
                (SessionKind::Regular | SessionKind::Resumed, Some(n), _) => format!("{body} {n}"),
                (kind, ..) => format!("{body} {} {year}", kind.as_str()),
            };
            Some(super::forms::key_from_title(&words, "session", |key| {
                data.sessions.iter().any(|s| s.id.as_str() == key)
            }))
        }
        _ => None,
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
