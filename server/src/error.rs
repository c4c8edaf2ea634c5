//! Quorum's errors as HTTP answers, for every route.

use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

use app::error::QuorumError;

/// A Quorum error as an HTTP answer: its status, and a JSON body listing every error.
/// An internal failure's detail is logged here, once, and never sent.
pub struct ApiError(pub QuorumError);

impl From<QuorumError> for ApiError {
    fn from(err: QuorumError) -> Self {
        ApiError(err)
    }
}

impl From<QueryRejection> for ApiError {
    fn from(rejection: QueryRejection) -> Self {
        ApiError(QuorumError::BadRequest(rejection.body_text()))
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        self.0.log_if_internal();
        let status =
            StatusCode::from_u16(self.0.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let errors: Vec<String> = self.0.all().iter().map(|e| e.to_string()).collect();
        (
            status,
            Json(json!({ "error": self.0.to_string(), "errors": errors })),
        )
            .into_response()
    }
}

pub type ApiResult = Result<Response, ApiError>;

/// A JSON body that could not be read, in its own words: the client's mistake (400).
pub fn json_error(rejection: JsonRejection) -> ApiError {
    ApiError(QuorumError::malformed(&rejection.body_text()))
}

/// A value as a 200 JSON answer.
pub fn ok<T: serde::Serialize>(value: T) -> ApiResult {
    Ok(Json(value).into_response())
}
