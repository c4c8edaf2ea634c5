//! What the session and meeting pages show, and subscribe links for feeds.

use crate::wire::detail_pages::{BodyPage, FeedLinks, MeetingPage, SessionPage, VenuePage};

use leptos::prelude::*;

use crate::error::QuorumError;

/// The public base URL, from configuration ([`crate::ssr::PublicBaseUrl`]).
#[cfg(feature = "ssr")]
pub fn public_base() -> String {
    use_context::<crate::ssr::PublicBaseUrl>()
        .map(|b| b.0)
        .unwrap_or_default()
}

/// Subscribe links for a feed.
#[server(endpoint = "pages/feed-links")]
pub async fn get_feed_links(path: String, name: String) -> Result<FeedLinks, QuorumError> {
    Ok(FeedLinks::new(&public_base(), &path, &name))
}

/// A session's page; `tz`, an IANA zone the reader gave, adds their time beside the venue's.
#[server(endpoint = "pages/session")]
pub async fn load_session_page(
    id: String,
    #[server(default)] tz: Option<String>,
) -> Result<Option<SessionPage>, QuorumError> {
    let db = super::database()?;
    let viewer = tz.and_then(|z| z.parse().ok());
    crate::ssr::detail_pages::session(&db, &id, &public_base(), viewer).await
}

/// A meeting's page, with the reader's time as for [`load_session_page`].
#[server(endpoint = "pages/meeting")]
pub async fn load_meeting_page(
    id: String,
    #[server(default)] tz: Option<String>,
) -> Result<Option<MeetingPage>, QuorumError> {
    let db = super::database()?;
    let viewer = tz.and_then(|z| z.parse().ok());
    crate::ssr::detail_pages::meeting(&db, &id, &public_base(), viewer).await
}

/// The public base URL, for building subscribe links in the page.
#[server(endpoint = "pages/public-base")]
pub async fn get_public_base() -> Result<String, QuorumError> {
    Ok(public_base())
}

/// The sessions page: every session the filters keep, in date order.
#[server(endpoint = "pages/sessions")]
pub async fn load_sessions_page(
    query: crate::wire::detail_pages::SessionsQuery,
) -> Result<crate::wire::detail_pages::SessionsPage, QuorumError> {
    let db = super::database()?;
    let data = crate::ssr::dataset::snapshot(&db).await?;
    Ok(crate::ssr::sessions_page::sessions_page(&data, query))
}

#[server(endpoint = "pages/body")]
pub async fn load_body_page(code: String) -> Result<Option<BodyPage>, QuorumError> {
    let db = super::database()?;
    crate::ssr::detail_pages::body(&db, &code, &public_base()).await
}

#[server(endpoint = "pages/venue")]
pub async fn load_venue_page(id: String) -> Result<Option<VenuePage>, QuorumError> {
    let db = super::database()?;
    crate::ssr::detail_pages::venue(&db, &id, &public_base()).await
}
