//! What the calendar, timeline and daily programme pages share: zones, time spans, a meeting
//! as an event line, filter choices. The page builders are plain functions of the dataset, so
//! they are unit-tested on the demo data (schedule_page_tests.rs).

use std::collections::BTreeSet;

use chrono::{DateTime, NaiveDate, Offset, TimeZone, Utc};

use chrono_tz::Tz;

use crate::wire::calendar::*;

use crate::domain::conflicts::ConflictView;
use crate::domain::label::Label;

use crate::domain::session::capitalized;

use crate::domain::{Dataset, Meeting, MeetingType, Session, SessionDates};

/// Zones offered to viewers; any other IANA name works in the address.
pub(super) const VIEWER_ZONES: &[&str] = &[
    "UTC",
    "Europe/Vienna",
    "Europe/London",
    "Europe/Paris",
    "Europe/Moscow",
    "America/New_York",
    "America/Chicago",
    "America/Los_Angeles",
    "America/Sao_Paulo",
    "America/Mexico_City",
    "Africa/Cairo",
    "Africa/Lagos",
    "Africa/Nairobi",
    "Africa/Johannesburg",
    "Asia/Qatar",
    "Asia/Dubai",
    "Asia/Kolkata",
    "Asia/Bangkok",
    "Asia/Shanghai",
    "Asia/Tokyo",
    "Australia/Sydney",
    "Pacific/Auckland",
];

/// Meetings in an unresolved (not accepted) conflict.
pub(super) fn conflicted(conflicts: &[ConflictView]) -> BTreeSet<String> {
    conflicts
        .iter()
        .filter(|c| c.accepted.is_none())
        .flat_map(|c| c.meetings.iter().cloned())
        .collect()
}

pub(super) fn venue_zone(data: &Dataset, meeting: &Meeting) -> Tz {
    data.venue_zone(&meeting.venue)
}

/// "10:00–13:00 CEST" in `tz`; the end carries its date when it falls on another day.
pub(super) fn time_span(start: DateTime<Utc>, end: DateTime<Utc>, tz: Tz) -> String {
    crate::domain::wording::dates::hours_in(start, end, tz, None)
}

pub(super) fn bodies_of(data: &Dataset, meeting: &Meeting) -> Vec<String> {
    data.bodies_of(meeting)
        .iter()
        .map(|b| b.to_string())
        .collect()
}

pub(super) fn place_of(data: &Dataset, meeting: &Meeting) -> (String, String) {
    let venue = data.venues.iter().find(|v| v.id == meeting.venue);
    let room = venue
        .and_then(|v| {
            meeting
                .room
                .as_ref()
                .and_then(|r| v.rooms.iter().find(|x| &x.id == r))
        })
        .map(|r| r.name.clone())
        .unwrap_or_else(|| "Room to be announced".into());
    let venue = venue
        .map(|v| crate::domain::wording::place_name(&v.name, &v.city))
        .unwrap_or_else(|| meeting.venue.to_string());
    (room, venue)
}

/// The meeting's hours in the reader's zone, when they gave one whose clock reads otherwise
/// than the venue's: "Tue 12 Dec 00:00–03:00 JST your time (Asia/Tokyo)".
pub(super) fn viewer_time(meeting: &Meeting, venue: Tz, viewer: Option<Tz>) -> Option<String> {
    let at = meeting.start.naive_utc();
    let viewer = viewer.filter(|v| {
        v.offset_from_utc_datetime(&at).fix() != venue.offset_from_utc_datetime(&at).fix()
    })?;
    let at_the_venue = meeting.start.with_timezone(&venue).date_naive();
    Some(format!(
        "{} your time ({})",
        crate::domain::wording::dates::hours_in(
            meeting.start,
            meeting.end,
            viewer,
            Some(at_the_venue)
        ),
        viewer.name()
    ))
}

pub(super) fn event(
    data: &Dataset,
    meeting: &Meeting,
    viewer: Option<Tz>,
    conflict: bool,
) -> CalendarEvent {
    let tz = venue_zone(data, meeting);
    let viewer_time = viewer_time(meeting, tz, viewer);
    let (room, venue) = place_of(data, meeting);
    let bodies = bodies_of(data, meeting);
    CalendarEvent {
        id: meeting.id.to_string(),
        title: meeting.title.clone(),
        kind: meeting.kind.label(),
        status: meeting.status.to_string(),
        joint: bodies.len() > 1,
        bodies,
        time: time_span(meeting.start, meeting.end, tz),
        viewer_time,
        place: format!("{room}, {venue}"),
        conflict,
    }
}

pub(super) fn session_days(session: &Session) -> Option<(NaiveDate, NaiveDate)> {
    match session.dates {
        SessionDates::Days { start, end } => Some((start, end)),
        _ => None,
    }
}

pub(super) fn choices(data: &Dataset) -> (Vec<Choice>, Vec<Choice>, Vec<Choice>) {
    let mut bodies = data.bodies.clone();
    bodies.sort_by_key(|b| b.position);
    (
        bodies
            .iter()
            .map(|b| Choice {
                value: b.code.to_string(),
                label: b.short_name.clone(),
            })
            .collect(),
        data.venues
            .iter()
            .map(|v| Choice {
                value: v.id.to_string(),
                label: crate::domain::wording::place_name(&v.name, &v.city),
            })
            .collect(),
        MeetingType::ALL
            .iter()
            .map(|k| Choice {
                value: k.as_str().into(),
                label: capitalized(&k.label()),
            })
            .collect(),
    )
}

pub(super) fn blank_to_none(value: Option<String>) -> Option<String> {
    value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())
}

/// Today, in UTC: the default anchor of calendar pages.
pub(super) fn today() -> NaiveDate {
    Utc::now().date_naive()
}
