//! When and where: venues and rooms, sessions, meetings, and the conflict rules over them.

use std::collections::{BTreeMap, BTreeSet};

use chrono::Duration;

use super::Errors;
use crate::domain::dataset::{LONG_TEXT_MAX, SHORT_TEXT_MAX};
use crate::domain::party::is_iso_alpha2;
use crate::domain::{
    BodyCode, Dataset, Id, MeetingType, Session, SessionDates, SessionKind, Venue,
};

/// The venues by key, and the venue of each room.
pub(super) struct Places<'a> {
    venues: BTreeMap<Id, &'a Venue>,
    rooms: BTreeMap<Id, Id>,
}

/// Venues and their rooms: each venue and room given once, with short texts, a known time zone
/// and an ISO 3166-1 alpha-2 country; meeting windows and closures ending after they start.
/// Returns the venues and rooms by key.
pub(super) fn venues<'a>(data: &'a Dataset, e: &mut Errors) -> Places<'a> {
    let mut venues = BTreeMap::new();
    let mut rooms = BTreeMap::new();
    for venue in &data.venues {
        let record = format!("venue {}", venue.id);
        if venues.insert(venue.id.clone(), venue).is_some() {
            e.add(&record, "id", "appears more than once");
        }
        e.not_empty(&venue.name, &record, "name");
        e.text(&venue.name, SHORT_TEXT_MAX, &record, "name");
        e.text(&venue.city, SHORT_TEXT_MAX, &record, "city");
        if let Err(why) = venue.tz() {
            e.add(&record, "time_zone", format!("unknown time zone: {why}"));
        }
        if !is_iso_alpha2(&venue.country) {
            e.add(&record, "country", "must be an ISO 3166-1 alpha-2 code");
        }
        for room in &venue.rooms {
            if rooms.insert(room.id.clone(), venue.id.clone()).is_some() {
                e.add(format!("room {}", room.id), "id", "appears more than once");
            }
            e.text(
                &room.name,
                SHORT_TEXT_MAX,
                &format!("room {}", room.id),
                "name",
            );
        }
        for window in &venue.meeting_windows {
            if window.end <= window.start {
                e.add(
                    &record,
                    "meeting_windows",
                    format!(
                        "window {}–{} ends before it starts",
                        window.start, window.end
                    ),
                );
            }
        }
        for closure in &venue.closures {
            // A closure's reason is a label ("Easter Monday") shown in calendars and
            // warnings, so a short text.
            e.text(&closure.reason, SHORT_TEXT_MAX, &record, "closures");
            if closure.end < closure.start {
                e.add(
                    &record,
                    "closures",
                    format!("closure {:?}: end before start", closure.reason),
                );
            }
        }
    }
    Places { venues, rooms }
}

/// Sessions: each given once, of a known body and venue, with short subjects and long notes,
/// ending no earlier than they start; numbered as their kind requires (regular and resumed
/// sessions by number, resumed ones by part too), each number given once per body and kind,
/// and every resumed part following its original and the part before. Returns the sessions by
/// key.
pub(super) fn sessions<'a>(
    data: &'a Dataset,
    bodies: &BTreeSet<BodyCode>,
    places: &Places,
    e: &mut Errors,
) -> BTreeMap<Id, &'a Session> {
    let mut sessions = BTreeMap::new();
    let mut numbers = BTreeSet::new();
    for session in &data.sessions {
        let record = format!("session {}", session.id);
        if sessions.insert(session.id.clone(), session).is_some() {
            e.add(&record, "id", "appears more than once");
        }
        e.known(bodies, &session.body, &record, "body", "body");
        e.text_opt(
            session.subject.as_deref(),
            SHORT_TEXT_MAX,
            &record,
            "subject",
        );
        e.text_opt(session.notes.as_deref(), LONG_TEXT_MAX, &record, "notes");
        if let Some(venue) = &session.venue {
            if !places.venues.contains_key(venue) {
                e.add(&record, "venue", format!("unknown venue {venue}"));
            }
        }
        if let SessionDates::Days { start, end } = session.dates {
            if end < start {
                e.add(&record, "dates", "end before start");
            }
        }
        match (session.kind, session.number, session.resumed) {
            (SessionKind::Regular, None, _) => {
                e.add(&record, "number", "a regular session needs its number");
            }
            (SessionKind::Resumed, None, _) => e.add(
                &record,
                "number",
                "a resumed session carries its original's number",
            ),
            (SessionKind::Resumed, _, None | Some(0)) => e.add(
                &record,
                "resumed",
                "a resumed session needs its part (1 = first resumed)",
            ),
            (
                SessionKind::Regular | SessionKind::Special | SessionKind::Intersessional,
                _,
                Some(_),
            ) => e.add(
                &record,
                "resumed",
                format!(
                    "only resumed sessions have a part, not a {} one",
                    session.kind
                ),
            ),
            _ => {}
        }
        if session.number == Some(0) {
            e.add(&record, "number", "session numbers start at 1");
        }
        if let Some(number) = session.number {
            let key = (session.body.clone(), session.kind, number, session.resumed);
            if !numbers.insert(key) {
                e.add(
                    &record,
                    "number",
                    format!(
                        "{} already has a {} session number {number}{}",
                        session.body,
                        session.kind,
                        session
                            .resumed
                            .map(|p| format!(", part {p}"))
                            .unwrap_or_default()
                    ),
                );
            }
        }
    }
    for session in &data.sessions {
        if let (SessionKind::Resumed, Some(number), Some(part)) =
            (session.kind, session.number, session.resumed)
        {
            let record = format!("session {}", session.id);
            if !numbers.contains(&(session.body.clone(), SessionKind::Regular, number, None)) {
                e.add(
                    &record,
                    "number",
                    format!(
                        "resumed session without its original: {} has no regular session {number}",
                        session.body
                    ),
                );
            }
            if part > 1
                && !numbers.contains(&(
                    session.body.clone(),
                    SessionKind::Resumed,
                    number,
                    Some(part - 1),
                ))
            {
                e.add(
                    &record,
                    "resumed",
                    format!("part {part} needs part {} of the same session", part - 1),
                );
            }
        }
    }
    sessions
}

/// Meetings: each given once, titled, ending after they start, at a known venue and in one of
/// its rooms, with known participants; each belongs to known sessions, at most one per body,
/// held at its venue, and falls within their days in the venue's time zone; a joint meeting
/// joins at least two bodies. Returns the meetings' keys.
pub(super) fn meetings(
    data: &Dataset,
    places: &Places,
    sessions: &BTreeMap<Id, &Session>,
    persons: &BTreeSet<Id>,
    e: &mut Errors,
) -> BTreeSet<Id> {
    let mut meetings = BTreeSet::new();
    for meeting in &data.meetings {
        let record = format!("meeting {}", meeting.id);
        e.unique(&mut meetings, &meeting.id, &record, "id");
        e.not_empty(&meeting.title, &record, "title");
        e.text(&meeting.title, SHORT_TEXT_MAX, &record, "title");
        if meeting.end <= meeting.start {
            e.add(&record, "end", "end before start");
        }
        let venue = places.venues.get(&meeting.venue);
        if venue.is_none() {
            e.add(&record, "venue", format!("unknown venue {}", meeting.venue));
        }
        if let Some(room) = &meeting.room {
            match places.rooms.get(room) {
                None => e.add(&record, "room", format!("unknown room {room}")),
                Some(owner) if *owner != meeting.venue => e.add(
                    &record,
                    "room",
                    format!("room {room} is at venue {owner}, not {}", meeting.venue),
                ),
                Some(_) => {}
            }
        }
        for person in &meeting.participants {
            e.known(persons, person, &record, "participants", "person");
        }
        if meeting.sessions.is_empty() {
            e.add(
                &record,
                "sessions",
                "a meeting belongs to at least one session",
            );
        }
        let mut meeting_bodies = BTreeSet::new();
        for id in &meeting.sessions {
            let Some(session) = sessions.get(id) else {
                e.add(&record, "sessions", format!("unknown session {id}"));
                continue;
            };
            if !meeting_bodies.insert(session.body.clone()) {
                e.add(
                    &record,
                    "sessions",
                    format!("two sessions of {} in one meeting", session.body),
                );
            }
            if session.venue.as_ref().is_some_and(|v| *v != meeting.venue) {
                e.add(
                    &record,
                    "venue",
                    format!("session {id} meets at another venue"),
                );
            }
            let Some(tz) = venue.and_then(|v| v.tz().ok()) else {
                continue;
            };
            let first_day = meeting.start.with_timezone(&tz).date_naive();
            // A meeting ending at midnight belongs to the day before.
            let last_day = (meeting.end - Duration::seconds(1))
                .with_timezone(&tz)
                .date_naive();
            match (
                session.dates.contains_day(first_day),
                session.dates.contains_day(last_day.max(first_day)),
            ) {
                (None, _) | (_, None) => {
                    e.add(&record, "start", format!("session {id} has no dates yet"));
                }
                (Some(true), Some(true)) => {}
                _ => e.add(
                    &record,
                    "start",
                    format!("meeting outside its session {id}"),
                ),
            }
        }
        if meeting.kind == MeetingType::JointMeeting && meeting_bodies.len() < 2 {
            e.add(
                &record,
                "sessions",
                "a joint meeting needs sessions of at least two bodies",
            );
        }
    }
    meetings
}

/// The conflict rules name known bodies and are sound in themselves; each accepted conflict is
/// accepted once, with a reason, and with texts within their limits.
pub(super) fn conflicts(data: &Dataset, bodies: &BTreeSet<BodyCode>, e: &mut Errors) {
    if let Some(rules) = &data.conflict_rules {
        if let Err((field, why)) = rules.check(bodies) {
            e.add("conflict rules", field, why);
        }
    }
    let mut accepted = BTreeSet::new();
    for acceptance in &data.conflict_acceptances {
        let record = format!("conflict acceptance {}", acceptance.conflict);
        e.unique(&mut accepted, &acceptance.conflict, &record, "conflict");
        e.not_empty(&acceptance.reason, &record, "reason");
        e.text(&acceptance.conflict, LONG_TEXT_MAX, &record, "conflict");
        // Written by Quorum from the meetings involved, not typed: only its characters
        // are checked, as its length follows the meetings'.
        e.text(&acceptance.fingerprint, usize::MAX, &record, "fingerprint");
        e.text(&acceptance.reason, LONG_TEXT_MAX, &record, "reason");
        e.text(
            &acceptance.accepted_by,
            SHORT_TEXT_MAX,
            &record,
            "accepted_by",
        );
    }
}
