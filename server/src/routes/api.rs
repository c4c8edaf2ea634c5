//! The JSON API: reads with filters by body and date range, export and import.
//! Each handler is a few lines: extract → service → JSON or a Quorum error.

use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::json;

use app::domain::{Id, Meeting};
use app::error::QuorumError;
use app::ssr::meetings::{self, SaveMode};
use app::ssr::queries::{self, Filter};
use app::ssr::{bodies, dataset, session_queries, workplan_queries};

use crate::error::{json_error, ok, ApiResult};
use crate::signed_in::CurrentUser;
use crate::state::AppState;

/// Imports carry the whole calendar: allow far more than axum's 2 MB default.
pub const IMPORT_LIMIT_BYTES: usize = 64 * 1024 * 1024;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/bodies", get(list_bodies))
        .route("/api/sessions", get(list_sessions).post(create_session))
        .route("/api/sessions/{id}", get(one_session).put(update_session))
        .route("/api/meetings", get(list_meetings).post(create_meeting))
        .route("/api/meetings/{id}", axum::routing::put(update_meeting))
        .route("/api/venues", get(list_venues))
        .route("/api/agenda-items", get(list_agenda_items))
        .route("/api/documents", get(list_documents))
        .route("/api/panels", get(list_panels))
        .route("/api/workplan", get(show_workplan))
        .route("/api/contributions", get(list_contributions))
        .route("/api/export", get(export))
        .route("/api/export/public", get(export_public))
        .route(
            "/api/import",
            post(import).layer(DefaultBodyLimit::max(IMPORT_LIMIT_BYTES)),
        )
}

type FilterQuery = Result<Query<Filter>, QueryRejection>;

async fn list_bodies(State(state): State<AppState>) -> ApiResult {
    ok(bodies::list(&state.db).await?)
}

async fn list_sessions(State(state): State<AppState>, filter: FilterQuery) -> ApiResult {
    ok(session_queries::sessions(&state.db, &filter?.0).await?)
}

async fn one_session(State(state): State<AppState>, Path(id): Path<String>) -> ApiResult {
    let id = Id::parse(&id).map_err(QuorumError::NotFound)?;
    let filter = Filter {
        session: Some(id.clone()),
        ..Filter::default()
    };
    let session = session_queries::sessions(&state.db, &filter)
        .await?
        .pop()
        .ok_or_else(|| QuorumError::NotFound(format!("session {id}")))?;
    ok(json!({
        "session": session,
        "meetings": queries::meetings(&state.db, &filter).await?,
        "agenda_items": session_queries::agenda(&state.db, &filter).await?,
        "documents": session_queries::documents(&state.db, &filter).await?,
        "panels": queries::panels(&state.db, &filter).await?,
    }))
}

async fn list_meetings(State(state): State<AppState>, filter: FilterQuery) -> ApiResult {
    ok(queries::meetings(&state.db, &filter?.0).await?)
}

async fn create_meeting(
    State(state): State<AppState>,
    CurrentUser(actor): CurrentUser,
    body: Result<Json<Meeting>, JsonRejection>,
) -> ApiResult {
    let Json(meeting) = body.map_err(json_error)?;
    let saved = meetings::save(&state.db, &actor, meeting, SaveMode::Create).await?;
    Ok((StatusCode::CREATED, Json(saved)).into_response())
}

async fn update_meeting(
    State(state): State<AppState>,
    CurrentUser(actor): CurrentUser,
    Path(id): Path<String>,
    body: Result<Json<Meeting>, JsonRejection>,
) -> ApiResult {
    let Json(meeting) = body.map_err(json_error)?;
    if meeting.id.as_str() != id {
        return Err(QuorumError::invalid(
            format!("meeting {id}"),
            "id",
            "differs from the address",
        )
        .into());
    }
    let saved = meetings::save(&state.db, &actor, meeting, SaveMode::Update).await?;
    ok(saved)
}

async fn list_venues(State(state): State<AppState>) -> ApiResult {
    ok(queries::venues(&state.db).await?)
}

async fn list_agenda_items(State(state): State<AppState>, filter: FilterQuery) -> ApiResult {
    ok(session_queries::agenda(&state.db, &filter?.0).await?)
}

async fn list_documents(State(state): State<AppState>, filter: FilterQuery) -> ApiResult {
    ok(session_queries::documents(&state.db, &filter?.0).await?)
}

async fn list_panels(State(state): State<AppState>, filter: FilterQuery) -> ApiResult {
    ok(queries::panels(&state.db, &filter?.0).await?)
}

async fn show_workplan(State(state): State<AppState>, filter: FilterQuery) -> ApiResult {
    ok(workplan_queries::workplan(&state.db, &filter?.0).await?)
}

async fn list_contributions(State(state): State<AppState>, filter: FilterQuery) -> ApiResult {
    ok(workplan_queries::contributions(&state.db, &filter?.0).await?)
}

/// Everything Quorum holds of the calendar and the nominations: the secretariat only.
async fn export(State(state): State<AppState>, CurrentUser(actor): CurrentUser) -> ApiResult {
    if !actor.is_secretariat() {
        return Err(QuorumError::Forbidden(
            "only the secretariat exports everything; anyone may read /api/export/public".into(),
        )
        .into());
    }
    ok(dataset::export(&state.db).await?)
}

/// The calendar as anyone may read it, in the import format: no nomination, no e-mail address,
/// no nominee who is not on a panel.
async fn export_public(State(state): State<AppState>) -> ApiResult {
    let data = dataset::snapshot(&state.db).await?;
    ok(app::domain::policy::public_dataset(&data))
}

/// Imports a dataset into an empty database; the body is read as text so that a JSON error
/// is answered in Quorum's own words.
async fn import(
    State(state): State<AppState>,
    CurrentUser(actor): CurrentUser,
    body: String,
) -> ApiResult {
    if !actor.is_secretariat() {
        return Err(QuorumError::Forbidden("only the secretariat imports data".into()).into());
    }
    let data = dataset::parse(&body)?;
    dataset::import_as(&state.db, &actor, &data).await?;
    Ok((
        StatusCode::CREATED,
        Json(json!({ "imported": data.counts() })),
    )
        .into_response())
}

async fn create_session(
    State(state): State<AppState>,
    CurrentUser(actor): CurrentUser,
    body: Result<Json<app::domain::Session>, JsonRejection>,
) -> ApiResult {
    let Json(session) = body.map_err(json_error)?;
    let saved = meetings::save_session(&state.db, &actor, session, SaveMode::Create).await?;
    Ok((StatusCode::CREATED, Json(saved)).into_response())
}

async fn update_session(
    State(state): State<AppState>,
    CurrentUser(actor): CurrentUser,
    Path(id): Path<String>,
    body: Result<Json<app::domain::Session>, JsonRejection>,
) -> ApiResult {
    let Json(session) = body.map_err(json_error)?;
    if session.id.as_str() != id {
        return Err(QuorumError::invalid(
            format!("session {id}"),
            "id",
            "differs from the address",
        )
        .into());
    }
    let saved = meetings::save_session(&state.db, &actor, session, SaveMode::Update).await?;
    ok(saved)
}
