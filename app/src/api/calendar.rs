//! What the calendar, timeline and daily programme pages show. The server does the layout and
//! the time-zone arithmetic, so pages read completely without JavaScript and the browser bundle
//! carries no time-zone database.

use crate::wire::calendar::{
    CalendarPage, CalendarQuery, ProgrammePage, ProgrammeQuery, TimelinePage, TimelineQuery,
};

use leptos::prelude::*;

use crate::error::QuorumError;

#[server(endpoint = "pages/calendar", input = server_fn::codec::Json)]
pub async fn load_calendar(query: CalendarQuery) -> Result<CalendarPage, QuorumError> {
    let db = super::database()?;
    crate::ssr::calendar_page::load(&db, query).await
}

#[server(endpoint = "pages/timeline", input = server_fn::codec::Json)]
pub async fn load_timeline(query: TimelineQuery) -> Result<TimelinePage, QuorumError> {
    let db = super::database()?;
    crate::ssr::timeline_page::load(&db, query).await
}

#[server(endpoint = "pages/programme", input = server_fn::codec::Json)]
pub async fn load_programme(query: ProgrammeQuery) -> Result<ProgrammePage, QuorumError> {
    let db = super::database()?;
    crate::ssr::programme_page::load(&db, query).await
}
