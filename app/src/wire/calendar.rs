//! What the calendar, timeline and daily programme pages show, already laid out and in the
//! venue's zone: the server does the time-zone arithmetic, so the browser carries no zone data.

use serde::{Deserialize, Serialize};

/// The calendar page's address: `/calendar?view=month&date=2023-12-11&body=IRG&venue=…&kind=…&tz=…`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarQuery {
    pub view: Option<String>,
    pub date: Option<String>,
    pub body: Option<String>,
    pub venue: Option<String>,
    pub kind: Option<String>,
    /// The viewer's own IANA zone, shown beside the venue's.
    pub tz: Option<String>,
}

impl CalendarQuery {
    /// The page's address with `date` and `view` replaced, other filters kept.
    pub fn href(&self, view: &str, date: &str) -> String {
        let mut parts = vec![format!("view={view}"), format!("date={date}")];
        for (key, value) in [
            ("body", &self.body),
            ("venue", &self.venue),
            ("kind", &self.kind),
            ("tz", &self.tz),
        ] {
            if let Some(value) = value.as_deref().filter(|v| !v.is_empty()) {
                parts.push(format!("{key}={}", super::detail_pages::encode(value)));
            }
        }
        format!("/calendar?{}", parts.join("&"))
    }
}

/// One option of a filter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub value: String,
    pub label: String,
}

/// A meeting as a calendar shows it, in its venue's time and the viewer's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarEvent {
    pub id: String,
    pub title: String,
    pub kind: String,
    pub status: String,
    pub bodies: Vec<String>,
    /// "10:00–13:00 CEST", at the venue.
    pub time: String,
    /// "09:00–12:00 your time (Europe/London)", when the viewer's zone shows another time.
    pub viewer_time: Option<String>,
    pub place: String,
    /// In an unresolved conflict.
    pub conflict: bool,
    pub joint: bool,
}

/// A session spanning a day, as a band in the calendar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionChip {
    pub id: String,
    pub body: String,
    pub title: String,
    /// "IRG 14", for a month's small cells.
    pub short: String,
    /// "day 2 of 5"
    pub day_of: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarDay {
    /// ISO date.
    pub date: String,
    pub day_number: u32,
    /// "Monday 11 December 2023"
    pub label: String,
    pub in_period: bool,
    pub today: bool,
    pub sessions: Vec<SessionChip>,
    pub events: Vec<CalendarEvent>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarPage {
    pub query: CalendarQuery,
    pub view: String,
    pub anchor: String,
    pub label: String,
    pub prev: String,
    pub next: String,
    pub today: String,
    pub days: Vec<CalendarDay>,
    pub bodies: Vec<Choice>,
    pub venues: Vec<Choice>,
    pub kinds: Vec<Choice>,
    pub zones: Vec<String>,
    /// Why a filter value was ignored, if one was.
    pub notice: Option<String>,
    /// When no meeting falls in the period: where the nearest one is, in words, and its day.
    #[serde(default)]
    pub nearest: Option<(String, String)>,
}

/// The timeline's address: `/timeline?from=2022&to=2026&body=IRG`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineQuery {
    pub from: Option<i32>,
    pub to: Option<i32>,
    pub body: Option<String>,
}

/// A session or joint meeting placed on a body's row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineBar {
    pub href: String,
    pub label: String,
    /// Shown beside the bar: the session's number ("14", "13, resumed 2") or "joint".
    #[serde(default)]
    pub short: String,
    /// Dates in words, for the tooltip and screen readers.
    pub dates: String,
    pub left: f64,
    pub width: f64,
    /// Shared with other bodies: the same joint meeting appears in each of their rows.
    pub joint_with: Vec<String>,
    pub conflict: bool,
    /// Only the year is known.
    pub tentative: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineRow {
    pub body: String,
    pub name: String,
    pub bars: Vec<TimelineBar>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelinePage {
    pub from: i32,
    pub to: i32,
    /// Year boundaries: (year, left %).
    pub years: Vec<(i32, f64)>,
    pub rows: Vec<TimelineRow>,
    pub conflicts: usize,
}

/// The daily programme's address: `/programme?date=2023-09-06&venue=vienna-vic`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgrammeQuery {
    pub date: Option<String>,
    pub venue: Option<String>,
}

/// One meeting of the day, with what it discusses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgrammeItem {
    pub id: String,
    pub time: String,
    pub room: String,
    pub title: String,
    pub kind: String,
    pub status: String,
    pub sessions: Vec<String>,
    /// "4. Technical assistance" lines of its sessions' agendas.
    pub agenda: Vec<String>,
    /// (symbol, title) of its sessions' documents.
    pub documents: Vec<(String, String)>,
    pub panels: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgrammePage {
    pub date: String,
    pub label: String,
    pub venue: String,
    pub venue_name: String,
    pub zone: String,
    pub items: Vec<ProgrammeItem>,
    pub venues: Vec<Choice>,
    /// Days at this venue with meetings: (ISO date, label).
    pub days: Vec<(String, String)>,
}
