//! The server functions, one file per area. Each body is a few lines: caller → service. They
//! answer with [`crate::error::QuorumError`]; the server gives each refusal its HTTP status.

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
/// Session and meeting pages, subscribe links.
pub mod detail_pages;
/// Calls, nominations and the review board.
pub mod nominations;
/// The meeting planner: live checks, free slots, saving, accepting warnings.
pub mod planning;
/// The workplan: approval, entries, coverage.
pub mod workplan;

/// Who calls: the signed-in account and the refusals.
#[cfg(feature = "ssr")]
mod caller;

/// The database connection the server provides to every render and server function.
#[cfg(feature = "ssr")]
pub(crate) fn database() -> Result<sea_orm::DatabaseConnection, crate::error::QuorumError> {
    leptos::prelude::use_context::<sea_orm::DatabaseConnection>().ok_or_else(|| {
        crate::error::QuorumError::internal("the database connection is missing from the context")
    })
}
