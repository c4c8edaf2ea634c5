//! The signed-in user of a request, as an axum extractor.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;

use app::domain::account::Account;
use app::ssr::sign_in::authenticate;

use crate::error::ApiError;
use crate::state::AppState;

/// Extracts the signed-in user, or answers 401 (no session) or 403 (no CSRF proof).
pub struct CurrentUser(pub Account);

impl FromRequestParts<AppState> for CurrentUser {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        // Already checked at the door (`access::enforce`), CSRF proof included.
        if let Some(account) = parts.extensions.get::<Account>() {
            return Ok(CurrentUser(account.clone()));
        }
        Ok(CurrentUser(
            authenticate(&state.db, &parts.method, &parts.headers, &state.site).await?,
        ))
    }
}
