//! Calls for nominations and the nomination workflow.

use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::{get, post, put};
use axum::{Json, Router};
use serde::Deserialize;

use app::domain::CallForNominations;
use app::error::QuorumError;
use app::ssr::nominations::{self, NewNomination, Step};
use app::ssr::{nomination_balance, nomination_calls, nomination_steps};

use crate::error::{json_error, ok, ApiResult};
use crate::signed_in::CurrentUser;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/calls", get(list_calls).post(open_call))
        .route("/api/calls/{id}/release", post(release))
        .route("/api/calls/{id}/balance", get(balance))
        .route("/api/calls/{id}/targets", put(set_targets))
        .route("/api/panels/{id}/balance", get(panel_balance))
        .route("/api/nominations", get(list).post(create))
        .route("/api/nominations/{id}", put(edit))
        .route("/api/nominations/{id}/{action}", post(act))
}

/// Open and past calls: public.
async fn list_calls(State(state): State<AppState>) -> ApiResult {
    ok(app::ssr::dataset::export(&state.db)
        .await?
        .calls_for_nominations)
}

async fn open_call(
    State(state): State<AppState>,
    CurrentUser(actor): CurrentUser,
    body: Result<Json<CallForNominations>, JsonRejection>,
) -> ApiResult {
    let Json(call) = body.map_err(json_error)?;
    let call = nomination_calls::open_call(&state.db, &actor, call).await?;
    Ok((StatusCode::CREATED, Json(call)).into_response())
}

async fn list(State(state): State<AppState>, CurrentUser(actor): CurrentUser) -> ApiResult {
    ok(nominations::list(&state.db, &actor).await?)
}

async fn create(
    State(state): State<AppState>,
    CurrentUser(actor): CurrentUser,
    body: Result<Json<NewNomination>, JsonRejection>,
) -> ApiResult {
    let Json(new) = body.map_err(json_error)?;
    let nomination = nomination_steps::create(&state.db, &actor, new).await?;
    Ok((StatusCode::CREATED, Json(nomination)).into_response())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Edit {
    justification: String,
    #[serde(default)]
    biography: Option<String>,
}

async fn edit(
    State(state): State<AppState>,
    CurrentUser(actor): CurrentUser,
    Path(id): Path<String>,
    body: Result<Json<Edit>, JsonRejection>,
) -> ApiResult {
    let Json(edit) = body.map_err(json_error)?;
    let step = Step::Edit {
        justification: edit.justification,
        biography: edit.biography,
    };
    let (nomination, _) = nomination_steps::step(&state.db, &actor, &id, step, None).await?;
    ok(nomination)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Decision {
    decision: app::domain::NominationStatus,
    /// The Bureau's internal note, never shown to the State.
    #[serde(default)]
    note: Option<String>,
    /// The Bureau's message to the State, shown once the decision is released.
    #[serde(default)]
    message_to_state: Option<String>,
}

/// `submit`, `withdraw`, `review`, `confirm`, or `decide` with `{"decision": …, "note": …}`.
async fn act(
    State(state): State<AppState>,
    CurrentUser(actor): CurrentUser,
    Path((id, action)): Path<(String, String)>,
    body: String,
) -> ApiResult {
    let step = match action.as_str() {
        "submit" => Step::Submit,
        "withdraw" => Step::Withdraw,
        "review" => Step::Review,
        "confirm" => Step::Confirm,
        "decide" => {
            let decision: Decision = serde_json::from_str(&body)
                .map_err(|e| QuorumError::BadRequest(format!("decision: {e}")))?;
            Step::Decide {
                decision: decision.decision,
                note: decision.note,
                message: decision.message_to_state,
            }
        }
        other => return Err(QuorumError::NotFound(format!("action {other}")).into()),
    };
    let (nomination, balance_warnings) =
        nomination_steps::step(&state.db, &actor, &id, step, None).await?;
    ok(serde_json::json!({ "nomination": nomination, "balance_warnings": balance_warnings }))
}

async fn release(
    State(state): State<AppState>,
    CurrentUser(actor): CurrentUser,
    Path(id): Path<String>,
) -> ApiResult {
    let released = nomination_calls::release(&state.db, &actor, &id).await?;
    ok(serde_json::json!({ "released": released }))
}

async fn balance(
    State(state): State<AppState>,
    CurrentUser(actor): CurrentUser,
    Path(id): Path<String>,
) -> ApiResult {
    ok(nomination_balance::balance_of(&state.db, &actor, &id).await?)
}

async fn set_targets(
    State(state): State<AppState>,
    CurrentUser(actor): CurrentUser,
    Path(id): Path<String>,
    body: Result<Json<app::domain::balance::BalanceTargets>, JsonRejection>,
) -> ApiResult {
    let Json(targets) = body.map_err(json_error)?;
    nomination_balance::set_targets(&state.db, &actor, &id, &targets).await?;
    ok(targets)
}

async fn panel_balance(State(state): State<AppState>, Path(id): Path<String>) -> ApiResult {
    ok(nomination_balance::panel_balance(&state.db, &id).await?)
}
