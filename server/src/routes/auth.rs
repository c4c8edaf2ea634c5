//! Signing in and out, the current user, and the checks every state-changing request passes:
//! a valid session cookie, and a CSRF proof — the session's token in `X-CSRF-Token`, or, for
//! forms and server functions posted by a browser, an `Origin` that is this site.

use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequestParts, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::json;

use app::domain::account::Account;
use app::domain::Id;
use app::error::QuorumError;
use app::ssr::accounts;
use app::ssr::feeds::{rotate_token, PrivateSubject};

use super::api::{ok, ApiError, ApiResult};
use crate::startup::AppState;

pub const SESSION_COOKIE: &str = "quorum_session";

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/login", post(login))
        .route("/api/logout", post(logout))
        .route("/api/me", get(me))
        .route("/api/feed-tokens", post(new_feed_token))
        .route("/api/audit", get(audit_log))
}

/// The session token from the request's cookies.
pub fn session_token(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| cookie::Cookie::split_parse(v.to_owned()))
        .filter_map(Result::ok)
        .find(|c| c.name() == SESSION_COOKIE)
        .map(|c| c.value().to_owned())
}

/// Whether a state-changing request proves it comes from this site.
fn csrf_ok(headers: &HeaderMap, csrf: &str) -> bool {
    let token = headers.get("x-csrf-token").and_then(|v| v.to_str().ok());
    if token == Some(csrf) {
        return true;
    }
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    let origin = headers
        .get(header::ORIGIN)
        .and_then(|v| v.to_str().ok())
        .and_then(|o| url::Url::parse(o).ok());
    match (origin, host) {
        (Some(origin), Some(host)) => {
            let origin_host = match origin.port() {
                Some(port) => format!("{}:{port}", origin.host_str().unwrap_or_default()),
                None => origin.host_str().unwrap_or_default().to_owned(),
            };
            origin_host == host
        }
        _ => false,
    }
}

/// The signed-in user of a request, with its CSRF proof checked for unsafe methods.
pub async fn authenticate(
    state: &AppState,
    method: &Method,
    headers: &HeaderMap,
) -> Result<Account, QuorumError> {
    let token = session_token(headers).ok_or(QuorumError::Unauthorized)?;
    let (account, csrf) = accounts::session(&state.db, &token)
        .await?
        .ok_or(QuorumError::Unauthorized)?;
    let safe = matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS);
    if !safe && !csrf_ok(headers, &csrf) {
        return Err(QuorumError::Forbidden("missing or wrong CSRF token".into()));
    }
    Ok(account)
}

/// Extracts the signed-in user, or answers 401 (no session) or 403 (no CSRF proof).
pub struct CurrentUser(pub Account);

impl FromRequestParts<AppState> for CurrentUser {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        Ok(CurrentUser(
            authenticate(state, &parts.method, &parts.headers).await?,
        ))
    }
}

fn json_error(rejection: JsonRejection) -> ApiError {
    ApiError(QuorumError::BadRequest(rejection.body_text()))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Credentials {
    email: String,
    password: String,
}

/// The session cookie: HttpOnly, SameSite=Lax, Secure under an https base URL.
fn session_cookie(state: &AppState, value: &str, max_age: i64) -> HeaderValue {
    let secure = state
        .base_url
        .as_deref()
        .is_some_and(|b| b.starts_with("https://"));
    let cookie = format!(
        "{SESSION_COOKIE}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{}",
        if secure { "; Secure" } else { "" }
    );
    HeaderValue::from_str(&cookie).expect("cookie is ASCII")
}

async fn login(
    State(state): State<AppState>,
    body: Result<Json<Credentials>, JsonRejection>,
) -> ApiResult {
    let Json(credentials) = body.map_err(json_error)?;
    let lifetime = chrono::Duration::seconds(state.session_seconds);
    let session = accounts::login(
        &state.db,
        &credentials.email,
        &credentials.password,
        lifetime,
    )
    .await?;
    let mut response =
        Json(json!({ "csrf": session.csrf, "account": session.account })).into_response();
    response.headers_mut().insert(
        header::SET_COOKIE,
        session_cookie(&state, &session.token, state.session_seconds),
    );
    Ok(response)
}

async fn logout(
    State(state): State<AppState>,
    CurrentUser(_): CurrentUser,
    headers: HeaderMap,
) -> ApiResult {
    if let Some(token) = session_token(&headers) {
        accounts::logout(&state.db, &token).await?;
    }
    let mut response = StatusCode::NO_CONTENT.into_response();
    response
        .headers_mut()
        .insert(header::SET_COOKIE, session_cookie(&state, "", 0));
    Ok(response)
}

async fn me(CurrentUser(account): CurrentUser) -> ApiResult {
    ok(account)
}

/// The audit log, newest first: the secretariat only.
async fn audit_log(State(state): State<AppState>, CurrentUser(account): CurrentUser) -> ApiResult {
    if !account.is_secretariat() {
        return Err(
            QuorumError::Forbidden("only the secretariat reads the audit log".into()).into(),
        );
    }
    ok(accounts::audit_log(&state.db, 1000).await?)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FeedTokenRequest {
    #[serde(default)]
    person: Option<Id>,
    #[serde(default)]
    state: Option<String>,
}

/// Issues a new private feed address (the old one stops working), for the person or State the
/// user may manage.
async fn new_feed_token(
    State(state): State<AppState>,
    CurrentUser(account): CurrentUser,
    headers: HeaderMap,
    body: Result<Json<FeedTokenRequest>, JsonRejection>,
) -> ApiResult {
    let Json(request) = body.map_err(json_error)?;
    let subject = match (request.person, request.state) {
        (Some(person), None) => PrivateSubject::Person(person),
        (None, Some(code)) => PrivateSubject::State(code),
        _ => {
            return Err(QuorumError::invalid(
                "feed token",
                "person",
                "name a person or a State, not both",
            )
            .into())
        }
    };
    let (person, code) = match &subject {
        PrivateSubject::Person(p) => (Some(p), None),
        PrivateSubject::State(s) => (None, Some(s.as_str())),
    };
    if !account.may_manage_feed(person, code) {
        return Err(
            QuorumError::Forbidden("this private feed belongs to someone else".into()).into(),
        );
    }
    let token = rotate_token(&state.db, &subject).await?;
    super::feeds::invalidate(&state);
    let base = super::feeds::public_base(&state, &headers);
    let links = app::api::pages::FeedLinks::new(
        &base,
        &format!("/feeds/private/{token}.ics"),
        "Quorum — private feed",
    );
    let mut response = (StatusCode::CREATED, Json(links)).into_response();
    response.headers_mut().insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csrf_proof_is_the_session_token_or_an_origin_of_this_site() {
        let mut headers = HeaderMap::new();
        headers.insert(header::HOST, HeaderValue::from_static("127.0.0.1:3000"));
        assert!(!csrf_ok(&headers, "secret"));
        headers.insert("x-csrf-token", HeaderValue::from_static("secret"));
        assert!(csrf_ok(&headers, "secret"));
        headers.remove("x-csrf-token");
        headers.insert(
            header::ORIGIN,
            HeaderValue::from_static("http://127.0.0.1:3000"),
        );
        assert!(csrf_ok(&headers, "secret"));
        headers.insert(
            header::ORIGIN,
            HeaderValue::from_static("https://evil.example"),
        );
        assert!(!csrf_ok(&headers, "secret"));
    }
}
