//! Conflicts across all bodies: the whole calendar, a proposed meeting checked without saving,
//! free slots, accepted warnings and the rules.

use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::{Json, Router};
use chrono::NaiveDate;
use serde::Deserialize;

use app::domain::conflicts::{ConflictRules, Proposal, SlotQuery};
use app::domain::{BodyCode, Id};
use app::error::QuorumError;
use app::ssr::{conflict_rules, conflicts};

use crate::error::{json_error, ok, ApiResult};
use crate::signed_in::CurrentUser;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/conflicts", get(list))
        .route("/api/conflicts/check", post(check))
        .route("/api/conflicts/accept", post(accept))
        .route("/api/conflict-rules", get(show_rules).put(set_rules))
        .route("/api/free-slots", get(free_slots))
}

async fn list(State(state): State<AppState>) -> ApiResult {
    ok(conflicts::scan(&state.db).await?)
}

async fn check(
    State(state): State<AppState>,
    body: Result<Json<Proposal>, JsonRejection>,
) -> ApiResult {
    let Json(proposal) = body.map_err(json_error)?;
    ok(conflicts::check(&state.db, &proposal).await?)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AcceptRequest {
    conflict: String,
    reason: String,
}

async fn accept(
    State(state): State<AppState>,
    CurrentUser(actor): CurrentUser,
    body: Result<Json<AcceptRequest>, JsonRejection>,
) -> ApiResult {
    let Json(request) = body.map_err(json_error)?;
    let acceptance =
        conflicts::accept(&state.db, &actor, &request.conflict, &request.reason).await?;
    Ok((StatusCode::CREATED, Json(acceptance)).into_response())
}

async fn show_rules(State(state): State<AppState>) -> ApiResult {
    ok(conflict_rules::rules(&state.db).await?)
}

async fn set_rules(
    State(state): State<AppState>,
    CurrentUser(actor): CurrentUser,
    body: Result<Json<ConflictRules>, JsonRejection>,
) -> ApiResult {
    let Json(rules) = body.map_err(json_error)?;
    conflict_rules::set_rules(&state.db, &actor, &rules).await?;
    ok(rules)
}

/// The free-slot query as a URL carries it: lists comma-separated.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SlotParams {
    bodies: String,
    #[serde(default)]
    sessions: Option<String>,
    duration_minutes: u32,
    venue: Id,
    #[serde(default)]
    room: Option<Id>,
    from: NaiveDate,
    to: NaiveDate,
    #[serde(default)]
    persons: Option<String>,
    #[serde(default)]
    interpretation: Option<bool>,
    #[serde(default)]
    step_minutes: Option<u32>,
    #[serde(default)]
    limit: Option<usize>,
}

fn list_of<T>(
    raw: Option<&str>,
    field: &str,
    parse: fn(&str) -> Result<T, String>,
) -> Result<Vec<T>, QuorumError> {
    raw.unwrap_or_default()
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| parse(s).map_err(|why| QuorumError::invalid("free slots", field, why)))
        .collect()
}

async fn free_slots(
    State(state): State<AppState>,
    params: Result<Query<SlotParams>, QueryRejection>,
) -> ApiResult {
    let Query(p) = params?;
    let query = SlotQuery {
        bodies: list_of(Some(&p.bodies), "bodies", BodyCode::parse)?,
        sessions: list_of(p.sessions.as_deref(), "sessions", Id::parse)?,
        duration_minutes: p.duration_minutes,
        venue: p.venue,
        room: p.room,
        from: p.from,
        to: p.to,
        persons: list_of(p.persons.as_deref(), "persons", Id::parse)?,
        interpretation: p.interpretation.unwrap_or(true),
        step_minutes: p.step_minutes.unwrap_or(30),
        limit: p.limit.unwrap_or(10).min(100),
    };
    ok(conflicts::free_slots(&state.db, &query).await?)
}
