//! The meeting planner's form without JavaScript: the browser posts it to `/plan`, the same
//! save as the planner's server function answers, and the browser is sent on to the saved
//! meeting — or back to the form as it was typed, whose check says why it was refused.

use axum::extract::State;
use axum::response::{IntoResponse, Redirect};
use axum::routing::post;
use axum::Router;

use app::wire::planning::MeetingForm;

use crate::error::ApiResult;
use crate::signed_in::CurrentUser;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route("/plan", post(save))
}

async fn save(
    State(state): State<AppState>,
    CurrentUser(actor): CurrentUser,
    body: String,
) -> ApiResult {
    let (form, create) = MeetingForm::from_pairs(url::form_urlencoded::parse(body.as_bytes()));
    let outcome = app::ssr::planner::save(&state.db, &actor, &form, create).await?;
    let next = match outcome.saved {
        Some(id) => format!(
            "/plan?meeting={}&saved=1",
            url::form_urlencoded::byte_serialize(id.as_bytes()).collect::<String>()
        ),
        None => form.draft_address(create),
    };
    // 303: the browser reads the next page with GET, and reloading it posts nothing again.
    Ok(Redirect::to(&next).into_response())
}
