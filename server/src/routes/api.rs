use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::json;

use app::error::QuorumError;
use app::ssr::{bodies, dataset};

use crate::startup::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/bodies", get(list_bodies))
        .route("/api/export", get(export))
        .route("/api/import", post(import))
}

/// A Quorum error as an HTTP answer: its status, and a JSON body listing every error.
/// Database details stay in the log.
pub struct ApiError(pub QuorumError);

impl From<QuorumError> for ApiError {
    fn from(err: QuorumError) -> Self {
        ApiError(err)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.0.status_code())
            .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let errors: Vec<String> = self.0.all().iter().map(|e| e.to_string()).collect();
        (status, Json(json!({ "error": self.0.to_string(), "errors": errors }))).into_response()
    }
}

async fn list_bodies(State(state): State<AppState>) -> Result<impl IntoResponse, ApiError> {
    Ok(Json(bodies::list(&state.db).await?))
}

async fn export(State(state): State<AppState>) -> Result<impl IntoResponse, ApiError> {
    Ok(Json(dataset::export(&state.db).await?))
}

/// Imports a dataset into an empty database; the body is read as text so that a JSON error
/// is answered in Quorum's own words.
async fn import(State(state): State<AppState>, body: String) -> Result<impl IntoResponse, ApiError> {
    let data = dataset::parse(&body)?;
    dataset::import(&state.db, &data).await?;
    Ok((StatusCode::CREATED, Json(json!({ "imported": { "bodies": data.bodies.len() } }))))
}
