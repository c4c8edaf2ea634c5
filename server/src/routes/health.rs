use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{json, Value};

use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/healthz", get(health))
        .route("/api/access", get(access_rules))
}

/// Who may call each route and server function (server/src/access.rs), and any server
/// function that no rule covers (none, or the server would not have started). Public: it says
/// which doors exist and who may pass, nothing about any record.
async fn access_rules() -> Json<Value> {
    Json(json!({
        "rules": crate::access::RULES,
        "server_functions": leptos::server_fn::axum::server_fn_paths()
            .map(|(path, method)| format!("{method} {path}"))
            .collect::<Vec<_>>(),
        "server_functions_without_a_rule": crate::access::server_functions_without_a_rule(),
    }))
}

/// 200 when the database answers, 503 when it does not: load balancers take the instance out.
async fn health(State(state): State<AppState>) -> (StatusCode, Json<Value>) {
    match state.db.ping().await {
        Ok(()) => (
            StatusCode::OK,
            Json(json!({ "status": "ok", "database": "reachable" })),
        ),
        Err(err) => {
            tracing::warn!(error = %err, "health check: database unreachable");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(json!({ "status": "unavailable", "database": "unreachable" })),
            )
        }
    }
}
