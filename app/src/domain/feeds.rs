//! Which meetings and deadlines each feed holds, and how they read in a calendar.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, NaiveTime, Utc};

use super::ical::{AllDayEvent, EventStatus, Feed, TimedEvent};
use super::label::Label;
use super::{BodyCode, Dataset, Id, Meeting, MeetingStatus, NominationStatus, SessionStatus};
use crate::error::QuorumError;

/// Clients poll feeds this often.
pub const REFRESH_MINUTES: u32 = 60;

/// The feeds Quorum publishes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeedSelection {
    All,
    Body(BodyCode),
    Session(Id),
    Venue(Id),
    /// Calls for nominations and silence procedures, as all-day events.
    Deadlines,
    /// Private: a person's panels, moderation and meetings they take part in.
    Person(Id),
    /// Private: meetings where a State's accepted nominees speak, and nomination deadlines.
    State(String),
}

fn uid(kind: &str, id: &str) -> String {
    format!("{kind}-{id}@quorum")
}

/// Builds a feed from the whole dataset; unknown subjects are not found.
pub fn build(
    data: &Dataset,
    selection: &FeedSelection,
    base_url: &str,
) -> Result<Feed, QuorumError> {
    let not_found = |what: String| QuorumError::NotFound(what);
    let mut deadlines = false;
    let (name, keep): (String, Box<dyn Fn(&Meeting) -> bool + '_>) = match selection {
        FeedSelection::All => ("Quorum — all meetings".into(), Box::new(|_| true)),
        FeedSelection::Body(code) => {
            let body = data
                .bodies
                .iter()
                .find(|b| &b.code == code)
                .ok_or_else(|| not_found(format!("body {code}")))?;
            let sessions: BTreeSet<&Id> = data
                .sessions
                .iter()
                .filter(|s| &s.body == code)
                .map(|s| &s.id)
                .collect();
            (
                format!("Quorum — {}", body.short_name),
                Box::new(move |m| m.sessions.iter().any(|s| sessions.contains(s))),
            )
        }
        FeedSelection::Session(id) => {
            let session = data
                .sessions
                .iter()
                .find(|s| &s.id == id)
                .ok_or_else(|| not_found(format!("session {id}")))?;
            let title = super::session::capitalized(&data.session_title(session));
            (
                format!("Quorum — {title}"),
                Box::new(move |m| m.sessions.contains(id)),
            )
        }
        FeedSelection::Venue(id) => {
            let venue = data
                .venues
                .iter()
                .find(|v| &v.id == id)
                .ok_or_else(|| not_found(format!("venue {id}")))?;
            (
                format!("Quorum — {}", venue.name),
                Box::new(move |m| &m.venue == id),
            )
        }
        FeedSelection::Deadlines => {
            deadlines = true;
            ("Quorum — deadlines".into(), Box::new(|_| false))
        }
        FeedSelection::Person(id) => {
            let person = data
                .persons
                .iter()
                .find(|p| &p.id == id)
                .ok_or_else(|| not_found(format!("person {id}")))?;
            let meetings: BTreeSet<&Id> = data
                .panels
                .iter()
                .filter(|p| p.moderator.as_ref() == Some(id) || p.panellists.contains(id))
                .map(|p| &p.meeting)
                .collect();
            (
                format!("Quorum — {}", person.name),
                Box::new(move |m| meetings.contains(&m.id) || m.participants.contains(id)),
            )
        }
        FeedSelection::State(code) => {
            let state = data
                .states_parties
                .iter()
                .find(|s| &s.iso_code == code)
                .ok_or_else(|| not_found(format!("State party {code}")))?;
            deadlines = true;
            let nominees: BTreeSet<&Id> = data
                .nominations
                .iter()
                .filter(|n| n.nominator == super::Affiliation::State(code.clone()))
                .filter(|n| {
                    matches!(
                        n.status,
                        NominationStatus::Accepted | NominationStatus::Confirmed
                    )
                })
                .map(|n| &n.nominee)
                .collect();
            let meetings: BTreeSet<&Id> = data
                .panels
                .iter()
                .filter(|p| p.panellists.iter().any(|x| nominees.contains(x)))
                .map(|p| &p.meeting)
                .collect();
            (
                format!("Quorum — {}", state.name),
                Box::new(move |m| meetings.contains(&m.id)),
            )
        }
    };
    let details = Details::new(data);
    let events = data
        .meetings
        .iter()
        .filter(|m| keep(m))
        .filter_map(|m| details.event(m, base_url))
        .collect();
    let all_day = if deadlines {
        details.deadlines(base_url)
    } else {
        vec![]
    };
    Ok(Feed {
        name,
        refresh_minutes: REFRESH_MINUTES,
        events,
        all_day,
    })
}

/// Lookups for describing meetings.
struct Details<'a> {
    data: &'a Dataset,
    persons: BTreeMap<&'a Id, &'a super::Person>,
    sessions: BTreeMap<&'a Id, &'a super::Session>,
    venues: BTreeMap<&'a Id, &'a super::Venue>,
    panels: BTreeMap<&'a Id, Vec<&'a super::Panel>>,
    /// Per session: its description lines (title, agenda, documents).
    session_lines: BTreeMap<&'a Id, Vec<String>>,
}

impl<'a> Details<'a> {
    fn new(data: &'a Dataset) -> Self {
        let mut panels: BTreeMap<&Id, Vec<&super::Panel>> = BTreeMap::new();
        for panel in &data.panels {
            panels.entry(&panel.meeting).or_default().push(panel);
        }
        let mut session_lines: BTreeMap<&Id, Vec<String>> = BTreeMap::new();
        for session in &data.sessions {
            session_lines.insert(
                &session.id,
                vec![format!("Session: {}", data.session_title(session))],
            );
        }
        let mut agenda: BTreeMap<&Id, Vec<String>> = BTreeMap::new();
        for item in &data.agenda_items {
            agenda
                .entry(&item.session)
                .or_default()
                .push(format!("  Item {}: {}", item.number, item.title));
        }
        for (session, items) in agenda {
            if let Some(lines) = session_lines.get_mut(session) {
                lines.push("Agenda:".into());
                lines.extend(items);
            }
        }
        for doc in &data.documents {
            if let Some(lines) = doc.session.as_ref().and_then(|s| session_lines.get_mut(s)) {
                lines.push(format!("Document {}: {}", doc.symbol, doc.title));
            }
        }
        Details {
            data,
            persons: data.persons.iter().map(|p| (&p.id, p)).collect(),
            sessions: data.sessions.iter().map(|s| (&s.id, s)).collect(),
            venues: data.venues.iter().map(|v| (&v.id, v)).collect(),
            panels,
            session_lines,
        }
    }

    fn person(&self, id: &Id) -> String {
        match self.persons.get(id) {
            Some(p) => match &p.affiliation {
                Some(super::Affiliation::State(code)) => format!("{} ({code})", p.name),
                Some(super::Affiliation::Organisation(org)) => format!("{} ({org})", p.name),
                None => p.name.clone(),
            },
            None => id.to_string(),
        }
    }

    fn event(&self, m: &Meeting, base_url: &str) -> Option<TimedEvent> {
        let venue = *self.venues.get(&m.venue)?;
        let tz = venue.tz().ok()?;
        let sessions: Vec<&super::Session> = m
            .sessions
            .iter()
            .filter_map(|id| self.sessions.get(id).copied())
            .collect();
        let mut location = vec![];
        if let Some(room) = m
            .room
            .as_ref()
            .and_then(|r| venue.rooms.iter().find(|x| &x.id == r))
        {
            location.push(room.name.clone());
        }
        location.push(venue.name.clone());
        location.push(venue.city.clone());

        let mut description = vec![];
        for session in &sessions {
            description.extend(
                self.session_lines
                    .get(&session.id)
                    .into_iter()
                    .flatten()
                    .cloned(),
            );
        }
        for panel in self.panels.get(&m.id).into_iter().flatten() {
            description.push(format!("Panel: {}", panel.topic));
            if let Some(moderator) = &panel.moderator {
                description.push(format!("  Moderator: {}", self.person(moderator)));
            }
            if !panel.panellists.is_empty() {
                let names: Vec<String> = panel.panellists.iter().map(|p| self.person(p)).collect();
                description.push(format!("  Panellists: {}", names.join("; ")));
            }
        }

        let mut categories: Vec<String> = sessions
            .iter()
            .map(|s| s.body.to_string())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        categories.push(m.kind.label());
        let cancelled = m.status == MeetingStatus::Cancelled
            || sessions
                .iter()
                .any(|s| s.status == SessionStatus::Cancelled);
        let status = match m.status {
            _ if cancelled => EventStatus::Cancelled,
            MeetingStatus::Confirmed => EventStatus::Confirmed,
            _ => EventStatus::Tentative,
        };
        Some(TimedEvent {
            uid: uid("meeting", m.id.as_str()),
            summary: m.title.clone(),
            start: m.start,
            end: m.end,
            tz,
            location: location.join(", "),
            url: format!("{base_url}/meetings/{}", m.id),
            categories,
            description: description.join("\n"),
            status,
            sequence: m.sequence,
            last_modified: m.updated_at.unwrap_or(DateTime::<Utc>::UNIX_EPOCH),
        })
    }

    fn deadlines(&self, base_url: &str) -> Vec<AllDayEvent> {
        let data = self.data;
        let midnight = |day: chrono::NaiveDate| day.and_time(NaiveTime::MIN).and_utc();
        let mut events: Vec<AllDayEvent> = data
            .calls_for_nominations
            .iter()
            .map(|call| {
                let topic = call
                    .panel
                    .as_ref()
                    .and_then(|p| data.panels.iter().find(|x| &x.id == p))
                    .map(|p| p.topic.clone())
                    .or_else(|| call.topic.clone())
                    .unwrap_or_default();
                AllDayEvent {
                    uid: uid("call-deadline", call.id.as_str()),
                    summary: format!("Deadline for nominations: {topic}"),
                    day: call.deadline,
                    description: format!(
                        "Call for nominations issued by note verbale of {}.",
                        call.note_verbale_date
                    ),
                    url: format!("{base_url}/calls/{}", call.id),
                    categories: vec!["deadline".into(), "nominations".into()],
                    sequence: 0,
                    last_modified: midnight(call.note_verbale_date),
                }
            })
            .collect();
        if let Some((plan, deadline)) = data
            .workplan
            .as_ref()
            .and_then(|w| w.silence_deadline.map(|d| (w, d)))
        {
            events.push(AllDayEvent {
                uid: uid("silence-procedure", "workplan"),
                summary: format!("End of silence procedure: {}", plan.title),
                day: deadline,
                description: format!("Status: {}.", plan.status.label()),
                url: format!("{base_url}/workplan"),
                categories: vec!["deadline".into(), "silence procedure".into()],
                sequence: 0,
                last_modified: midnight(plan.decided_on.unwrap_or(deadline)),
            });
        }
        events
    }
}
