//! Plain axum routes with stable URLs and real status codes, merged here in one place.

use axum::Router;

use crate::state::AppState;

/// `GET /api/...` JSON reads and `POST /api/import`.
pub mod api;
/// Signing in and out; the current user; CSRF checks.
pub mod auth;
/// `/api/conflicts`, `/api/free-slots` and `/api/conflict-rules`.
pub mod conflicts;
/// `/feeds/...`: iCalendar feeds.
pub mod feeds;
/// `GET /healthz`.
pub mod health;
/// Calls for nominations and the nomination workflow.
pub mod nominations;
/// `POST /plan`: the meeting planner's form without JavaScript.
pub mod planner;

/// Every plain route of Quorum.
pub fn router() -> Router<AppState> {
    Router::new()
        .merge(health::router())
        .merge(api::router())
        .merge(conflicts::router())
        .merge(feeds::router())
        .merge(auth::router())
        .merge(nominations::router())
        .merge(planner::router())
}
