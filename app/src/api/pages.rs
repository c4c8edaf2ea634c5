//! What the session and meeting pages show, and subscribe links for feeds.

use leptos::prelude::*;
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
pub(crate) fn encode(value: &str) -> String {
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
    /// "2023-12-11 10:00–13:00 (America/New_York)"
    pub when: String,
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

/// The public base URL, from configuration ([`crate::ssr::PublicBaseUrl`]).
#[cfg(feature = "ssr")]
pub fn public_base() -> String {
    use_context::<crate::ssr::PublicBaseUrl>()
        .map(|b| b.0)
        .unwrap_or_default()
}

/// Subscribe links for a feed.
#[server(endpoint = "pages/feed-links")]
pub async fn get_feed_links(path: String, name: String) -> Result<FeedLinks, ServerFnError> {
    Ok(FeedLinks::new(&public_base(), &path, &name))
}

#[server(endpoint = "pages/session")]
pub async fn load_session_page(id: String) -> Result<Option<SessionPage>, ServerFnError> {
    let db = super::database()?;
    crate::ssr::pages::session(&db, &id, &public_base())
        .await
        .map_err(super::to_server_error)
}

#[server(endpoint = "pages/meeting")]
pub async fn load_meeting_page(id: String) -> Result<Option<MeetingPage>, ServerFnError> {
    let db = super::database()?;
    crate::ssr::pages::meeting(&db, &id, &public_base())
        .await
        .map_err(super::to_server_error)
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

/// The public base URL, for building subscribe links in the page.
#[server(endpoint = "pages/public-base")]
pub async fn get_public_base() -> Result<String, ServerFnError> {
    Ok(public_base())
}

/// A session in a list: key, title and dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionLine {
    pub id: String,
    pub body: String,
    pub title: String,
    pub dates: String,
}

/// Every session, in date order.
#[server(endpoint = "pages/sessions")]
pub async fn list_session_lines() -> Result<Vec<SessionLine>, ServerFnError> {
    let db = super::database()?;
    let sessions = crate::ssr::calendar::sessions(&db, &Default::default())
        .await
        .map_err(super::to_server_error)?;
    Ok(sessions
        .into_iter()
        .map(|view| SessionLine {
            id: view.session.id.to_string(),
            body: view.session.body.to_string(),
            title: crate::domain::session::capitalized(&view.title),
            dates: match &view.session.dates {
                crate::domain::SessionDates::Days { start, end } => format!("{} – {}", start, end),
                crate::domain::SessionDates::Year(year) => format!("{year}"),
                crate::domain::SessionDates::ToBeDetermined => "to be determined".into(),
            },
        })
        .collect())
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

#[server(endpoint = "pages/body")]
pub async fn load_body_page(code: String) -> Result<Option<BodyPage>, ServerFnError> {
    let db = super::database()?;
    crate::ssr::pages::body(&db, &code, &public_base())
        .await
        .map_err(super::to_server_error)
}

#[server(endpoint = "pages/venue")]
pub async fn load_venue_page(id: String) -> Result<Option<VenuePage>, ServerFnError> {
    let db = super::database()?;
    crate::ssr::pages::venue(&db, &id, &public_base())
        .await
        .map_err(super::to_server_error)
}
