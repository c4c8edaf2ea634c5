//! What the session, meeting, body and venue pages show, and subscribe links for feeds.

use serde::{Deserialize, Serialize};

use crate::domain::{AgendaItem, Document, Panel};

/// The four ways to subscribe to a feed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedLinks {
    pub https: String,
    pub webcal: String,
    pub google: String,
    pub outlook: String,
}

impl FeedLinks {
    /// Links for a feed path (`/feeds/bodies/IRG.ics`) under a public base URL.
    pub fn new(base: &str, path: &str, name: &str) -> FeedLinks {
        let https = format!("{base}{path}");
        let webcal = https
            .replacen("https://", "webcal://", 1)
            .replacen("http://", "webcal://", 1);
        FeedLinks {
            google: format!(
                "https://calendar.google.com/calendar/render?cid={}",
                encode(&webcal)
            ),
            outlook: format!(
                "https://outlook.live.com/calendar/0/addfromweb?url={}&name={}",
                encode(&https),
                encode(name)
            ),
            https,
            webcal,
        }
    }
}

/// Percent-encodes a query value (RFC 3986 unreserved characters pass).
pub fn encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// A meeting as a page lists it: times already in the venue's zone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingLine {
    pub id: String,
    pub title: String,
    pub kind: String,
    pub status: String,
    /// "Monday 11 December 2023, 10:00–13:00 EST", at the venue.
    pub when: String,
    /// "Tue 12 Dec 00:00–03:00 JST your time (Asia/Tokyo)", when the reader asked for their
    /// zone and its clock reads otherwise than the venue's.
    #[serde(default)]
    pub viewer_time: Option<String>,
    pub start_utc: String,
    pub place: String,
    pub bodies: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionPage {
    pub id: String,
    pub title: String,
    pub dates: String,
    pub venue: String,
    pub status: String,
    pub format: String,
    pub notes: Option<String>,
    pub registration: Option<String>,
    pub agenda: Vec<AgendaItem>,
    pub documents: Vec<Document>,
    pub meetings: Vec<MeetingLine>,
    pub panels: Vec<(Panel, Vec<String>)>,
    pub feed: FeedLinks,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingPage {
    pub meeting: MeetingLine,
    pub sessions: Vec<(String, String)>,
    pub panels: Vec<(Panel, Vec<String>)>,
    pub feed: FeedLinks,
}

#[cfg(test)]
mod tests {
    use super::FeedLinks;

    #[test]
    fn subscribe_links_cover_webcal_google_and_outlook() {
        let links = FeedLinks::new(
            "https://quorum.example",
            "/feeds/bodies/IRG.ics",
            "Quorum — IRG",
        );
        assert_eq!(links.https, "https://quorum.example/feeds/bodies/IRG.ics");
        assert_eq!(links.webcal, "webcal://quorum.example/feeds/bodies/IRG.ics");
        assert_eq!(links.google, "https://calendar.google.com/calendar/render?cid=webcal%3A%2F%2Fquorum.example%2Ffeeds%2Fbodies%2FIRG.ics");
        assert!(links.outlook.starts_with(
            "https://outlook.live.com/calendar/0/addfromweb?url=https%3A%2F%2Fquorum.example"
        ));
        assert!(links.outlook.ends_with("&name=Quorum%20%E2%80%94%20IRG"));
    }
}

/// A session in a list: key, title, where and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionLine {
    pub id: String,
    pub body: String,
    pub title: String,
    /// The venue's key and its name as a place, when the session has one.
    pub venue: Option<(String, String)>,
    /// "13–17 December 2021", "2026, dates to be determined".
    pub dates: String,
}

/// The sessions page's address: `/sessions?body=IRG&venue=vienna-vic&year=2023`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionsQuery {
    pub body: Option<String>,
    pub venue: Option<String>,
    pub year: Option<String>,
}

/// Every session that the filters keep, in date order (sessions without dates last), and the
/// filters' choices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionsPage {
    pub query: SessionsQuery,
    pub sessions: Vec<SessionLine>,
    pub bodies: Vec<super::calendar::Choice>,
    pub venues: Vec<super::calendar::Choice>,
    pub years: Vec<super::calendar::Choice>,
    /// A filter value that names nothing, in words.
    pub notice: Option<String>,
}

/// A body: its place among the bodies, its sessions and workplan entries, subscribe links.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BodyPage {
    pub code: String,
    pub name: String,
    pub parent: Option<(String, String)>,
    pub open_to_all_states: bool,
    pub sessions: Vec<SessionLine>,
    /// "2024: paragraphs 11, 13 — topics"
    pub workplan: Vec<String>,
    pub feed: FeedLinks,
}

/// A venue: its rooms, closures and meetings, subscribe links.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VenuePage {
    pub id: String,
    pub name: String,
    pub place: String,
    pub zone: String,
    pub interpretation_teams: u32,
    /// "Plenary Hall, M Building — 1,200 seats, 6 interpretation booths"
    pub rooms: Vec<String>,
    pub closures: Vec<String>,
    pub meetings: Vec<MeetingLine>,
    pub feed: FeedLinks,
}
