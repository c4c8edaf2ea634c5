//! Wire types and server functions. Each body is a few lines: context → service → error mapping.

/// The signed-in user; private feed addresses.
pub mod account;
/// The secretariat's administration.
pub mod admin;
/// The bodies of the Conference.
pub mod bodies;
/// Calendar, timeline and daily programme pages.
pub mod calendar;
/// Conflicts across all bodies.
pub mod conflicts;
/// Calls, nominations and the review board.
pub mod nominations;
/// Session and meeting pages, subscribe links.
pub mod pages;
/// The meeting planner: live checks, free slots, saving, accepting warnings.
pub mod planning;
/// The workplan: approval, entries, coverage.
pub mod workplan;

#[cfg(feature = "ssr")]
use leptos::prelude::{use_context, ServerFnError};

/// The database connection the server provides to every render and server function.
#[cfg(feature = "ssr")]
pub(crate) fn database() -> Result<sea_orm::DatabaseConnection, ServerFnError> {
    use_context::<sea_orm::DatabaseConnection>()
        .ok_or_else(|| ServerFnError::new("the database connection is missing from the context"))
}

/// Maps a Quorum error onto a server function error, keeping its message and its HTTP status
/// (a bad argument is 400 or 422, a missing record 404; only a failing database is 500).
#[cfg(feature = "ssr")]
pub(crate) fn to_server_error(err: crate::error::QuorumError) -> ServerFnError {
    account::refusal(err)
}
