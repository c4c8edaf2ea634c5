//! The serde types that cross between server and browser, one file per area. Services in
//! `ssr` build them, server functions in `api` carry them, pages in `ui` show them; this module
//! itself only uses `domain` and `error`, so every layer may depend on it.

/// Audit log and outbox lines.
pub mod account;
/// The administration page.
pub mod admin;
/// Calendar, timeline and daily programme pages.
pub mod calendar;
/// Session, meeting, body and venue pages; subscribe links.
pub mod detail_pages;
/// A form sent without JavaScript, answered by its own page.
pub mod form_echo;
/// Calls, nominations, the review board, and a form's outcome.
pub mod nominations;
/// The meeting, session and panel forms, their choices, checks and outcomes.
pub mod planning;
/// The workplan page.
pub mod workplan;
