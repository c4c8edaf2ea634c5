//! The conflict engine's unit tests, one file per family of rules, on small calendars built
//! from the fixtures below. Every scan is also checked against the brute-force [`reference`].

use chrono::{DateTime, NaiveDate, Utc};

use super::*;
use crate::domain::*;

mod checks;
mod overlaps;
mod planning;
mod severities;
mod venues;
mod whole_calendars;

fn id(s: &str) -> Id {
    Id::parse(s).unwrap()
}

fn code(s: &str) -> BodyCode {
    BodyCode::parse(s).unwrap()
}

fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn body(c: &str, open: bool, position: i32) -> Body {
    Body {
        code: code(c),
        name: format!("Body {c}"),
        short_name: format!("Body {c}"),
        parent: None,
        open_to_all_states: open,
        title_style: TitleStyle::SessionOf,
        position,
    }
}

/// A venue with two rooms (`{key}-room-1`, `{key}-room-2`), no closures and the usual windows.
fn venue(key: &str, tz: &str, teams: u32) -> Venue {
    Venue {
        id: id(key),
        name: key.into(),
        city: key.into(),
        country: "AT".into(),
        time_zone: tz.into(),
        rooms: (1..=2).map(|r| room(key, r)).collect(),
        closures: vec![],
        interpretation_teams: teams,
        meeting_windows: vec![],
        illustrative: false,
    }
}

fn room(venue: &str, number: u32) -> Room {
    Room {
        id: id(&format!("{venue}-room-{number}")),
        name: format!("Room {number}"),
        capacity: 100,
        interpretation_booths: 6,
    }
}

/// A closure of a venue from `start` to `end`, both days included.
fn closure(start: &str, end: &str, reason: &str) -> Closure {
    Closure {
        start: day(start),
        end: day(end),
        reason: reason.into(),
    }
}

/// The days from `start` to `end`, both included.
fn days(start: &str, end: &str) -> SessionDates {
    SessionDates::Days {
        start: day(start),
        end: day(end),
    }
}

fn session(key: &str, body: &str, start: &str, end: &str) -> Session {
    Session {
        id: id(key),
        body: code(body),
        kind: SessionKind::Regular,
        number: Some(1),
        resumed: None,
        subject: None,
        venue: None,
        format: SessionFormat::InPerson,
        dates: days(start, end),
        status: SessionStatus::Planned,
        languages: vec![],
        registration: None,
        illustrative: false,
        notes: None,
    }
}

fn person(key: &str, name: &str) -> Person {
    Person {
        id: id(key),
        name: name.into(),
        title: None,
        gender: Gender::Undisclosed,
        affiliation: None,
        email: None,
    }
}

/// A plenary of one session, or a joint meeting of several, from `start` to `end` (UTC).
fn meeting(key: &str, sessions: &[&str], venue: &str, start: &str, end: &str) -> Meeting {
    Meeting {
        id: id(key),
        title: format!("Meeting {key}"),
        kind: if sessions.len() > 1 {
            MeetingType::JointMeeting
        } else {
            MeetingType::Plenary
        },
        sessions: sessions.iter().map(|s| id(s)).collect(),
        venue: id(venue),
        room: None,
        start: at(start),
        end: at(end),
        participants: vec![],
        interpretation: false,
        illustrative: false,
        status: MeetingStatus::Planned,
        sequence: 0,
        updated_at: None,
    }
}

/// A plenary of body A's session in Vienna, from `start` to `end` (UTC).
fn of_body_a(key: &str, start: &str, end: &str) -> Meeting {
    meeting(key, &["s-a"], "vienna", start, end)
}

// Vienna is UTC+2 in June: 08:00Z is 10:00 local.
const JUNE_MORNING: (&str, &str) = ("2023-06-14T08:00:00Z", "2023-06-14T11:00:00Z");

/// A meeting of `sessions` in Vienna on 14 June 2023, 10:00–13:00 local: inside the windows.
fn june_morning(key: &str, sessions: &[&str]) -> Meeting {
    meeting(key, sessions, "vienna", JUNE_MORNING.0, JUNE_MORNING.1)
}

/// Body A in Vienna on 14 June 2023, 22:00–23:00 local: outside the meeting windows, which is
/// a warning unless the rules say otherwise.
fn night_meeting() -> Meeting {
    of_body_a("night", "2023-06-14T20:00:00Z", "2023-06-14T21:00:00Z")
}

/// A panel of `meeting`, with no moderator or panellists yet.
fn panel(key: &str, meeting: &str) -> Panel {
    Panel {
        id: id(key),
        meeting: id(meeting),
        topic: "Topic".into(),
        workplan_entry: None,
        moderator: None,
        panellists: vec![],
        planned_size: None,
        notes: None,
        position: 1,
    }
}

/// The call `call` for the nominations to `panel`.
fn call(panel: &str, note_verbale_date: &str, deadline: &str) -> CallForNominations {
    CallForNominations {
        id: id("call"),
        note_verbale_date: day(note_verbale_date),
        deadline: day(deadline),
        panel: Some(id(panel)),
        topic: None,
        quota_per_state: None,
    }
}

fn workplan_entry(key: &str, body: &str, year: i32, position: u32) -> WorkplanEntry {
    WorkplanEntry {
        id: id(key),
        bodies: vec![code(body)],
        year: Some(year),
        session: None,
        paragraphs: ParagraphSet::default(),
        sections: vec![],
        topics: vec![],
        agreed_by_extended_bureau: false,
        notes: None,
        position,
    }
}

/// Rules in which only these groups of bodies may not meet in parallel (none: any may).
fn parallel_groups(groups: &[&[&str]]) -> Option<ConflictRules> {
    Some(ConflictRules {
        parallel_groups: Some(
            groups
                .iter()
                .map(|group| group.iter().map(|c| code(c)).collect())
                .collect(),
        ),
        ..Default::default()
    })
}

/// Rules asking for `minutes` between a person's meetings at different venues.
fn travel_minutes(minutes: u32) -> Option<ConflictRules> {
    Some(ConflictRules {
        min_travel_minutes: minutes,
        ..Default::default()
    })
}

/// Five bodies (four open to all States, one not), Vienna, New York and Tokyo, sessions all of
/// 2023 for every body, and two persons.
fn base() -> Dataset {
    let mut data = Dataset::empty();
    data.bodies = vec![
        body("A", true, 0),
        body("B", true, 1),
        body("C", true, 2),
        body("D", true, 3),
        body("X", false, 4),
    ];
    data.venues = vec![
        venue("vienna", "Europe/Vienna", 2),
        venue("new-york", "America/New_York", 2),
        venue("tokyo", "Asia/Tokyo", 2),
    ];
    data.sessions = ["A", "B", "C", "D", "X"]
        .iter()
        .map(|b| {
            let key = format!("s-{}", b.to_lowercase());
            session(&key, b, "2023-01-01", "2023-12-31")
        })
        .collect();
    data.persons = [("ana", "Ana Silva"), ("ben", "Ben Okafor")]
        .iter()
        .map(|(key, name)| person(key, name))
        .collect();
    data
}

/// The kinds of conflict a scan finds, once the engine and the reference agree on them.
fn kinds(data: &Dataset) -> Vec<ConflictKind> {
    let calendar = MeetingIndex::build(data).unwrap();
    let conflicts = calendar.scan();
    assert_eq!(
        conflicts,
        reference::scan(&calendar),
        "engine and reference disagree"
    );
    conflicts.iter().map(|c| c.kind).collect()
}

/// The conflicts a scan finds, as people read them.
fn views(data: &Dataset) -> Vec<ConflictView> {
    let calendar = MeetingIndex::build(data).unwrap();
    calendar
        .scan()
        .iter()
        .map(|c| calendar.view(c, None))
        .collect()
}

/// `meeting` proposed to the calendar, as the planner sends it (no panel persons).
fn propose(calendar: &MeetingIndex, meeting: Meeting) -> MeetingData {
    calendar
        .proposal(&Proposal {
            meeting,
            persons: vec![],
        })
        .unwrap()
}
