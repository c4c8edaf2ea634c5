//! Signing in and out, the current user, and the checks every state-changing request passes:
//! a valid sign-in cookie, and a CSRF proof — the sign-in's token in `X-CSRF-Token`, or, for
//! forms and server functions posted by a browser, an `Origin` that is this site.

use axum::extract::rejection::JsonRejection;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::json;

use app::domain::Id;
use app::error::QuorumError;
use app::ssr::feeds::{issue_private_feed, PrivateSubject};
use app::ssr::{audit, passwords, sign_in, throttle};

use crate::error::{json_error, ok, ApiResult};
use crate::signed_in::CurrentUser;
use crate::state::AppState;

pub use sign_in::SIGN_IN_COOKIE;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/login", post(login))
        .route("/api/logout", post(logout))
        .route("/api/me", get(me))
        .route("/api/feed-tokens", post(new_feed_token))
        .route("/api/audit", get(audit_log))
        .route("/api/outbox", get(outbox))
        .route("/api/outbox/reminders", post(reminders))
        .route("/api/users/password", post(reset_password))
        .route("/login", post(login_form))
        .route("/logout", post(logout_form))
}

pub use sign_in::{authenticate, sign_in_token};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Credentials {
    email: String,
    password: String,
}

/// The sign-in cookie: HttpOnly, SameSite=Lax, Secure under an https base URL.
fn sign_in_cookie(state: &AppState, value: &str, max_age: i64) -> HeaderValue {
    let secure = state.site.0.starts_with("https://");
    let cookie = format!(
        "{SIGN_IN_COOKIE}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{}",
        if secure { "; Secure" } else { "" }
    );
    HeaderValue::from_str(&cookie).expect("cookie is ASCII")
}

/// Signs in over the API. A JSON body cannot be posted by another site's form; a browser that
/// says where the request comes from must name Quorum itself.
async fn login(
    State(state): State<AppState>,
    client: throttle::Client,
    headers: HeaderMap,
    body: Result<Json<Credentials>, JsonRejection>,
) -> ApiResult {
    let origin = sign_in::request_origin(&headers);
    if origin.is_some() && !state.site.allows_origin(origin) {
        return Err(QuorumError::Forbidden(
            "sign in from Quorum's own pages, not from another site".into(),
        )
        .into());
    }
    let Json(credentials) = body.map_err(json_error)?;
    let lifetime = chrono::Duration::seconds(state.sign_in_seconds);
    let signed_in = sign_in::login(
        &state.db,
        &client,
        &credentials.email,
        &credentials.password,
        lifetime,
    )
    .await?;
    let mut response =
        Json(json!({ "csrf": signed_in.csrf, "account": signed_in.account })).into_response();
    response.headers_mut().insert(
        header::SET_COOKIE,
        sign_in_cookie(&state, &signed_in.token, state.sign_in_seconds),
    );
    Ok(response)
}

async fn logout(
    State(state): State<AppState>,
    CurrentUser(_): CurrentUser,
    headers: HeaderMap,
) -> ApiResult {
    if let Some(token) = sign_in_token(&headers) {
        sign_in::logout(&state.db, &token).await?;
    }
    let mut response = StatusCode::NO_CONTENT.into_response();
    response
        .headers_mut()
        .insert(header::SET_COOKIE, sign_in_cookie(&state, "", 0));
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
    ok(audit::newest_first(&state.db, 1000).await?)
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
    let token = issue_private_feed(&state.db, &account, &subject).await?;
    let links = app::wire::detail_pages::FeedLinks::new(
        &state.site.0,
        &format!("/feeds/private/{token}.ics"),
        "Quorum — private feed",
    );
    let mut response = (StatusCode::CREATED, Json(links)).into_response();
    response.headers_mut().insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    Ok(response)
}

#[derive(Deserialize)]
struct LoginForm {
    email: String,
    password: String,
    /// The page that asked for the sign-in, to go back to.
    #[serde(default)]
    next: String,
}

/// Where a sign-in goes on: the page that asked for it when that is a page of this site (a
/// path, never another site's address such as `//evil.example` or `/\evil.example`), else
/// the account page.
fn page_after_sign_in(next: &str) -> &str {
    let local = next.starts_with('/')
        && !next.starts_with("//")
        && !next.starts_with("/\\")
        && !next.starts_with("/login")
        && next.chars().all(|c| c.is_ascii_graphic());
    if local {
        next
    } else {
        "/account"
    }
}

fn see_other(location: &str) -> axum::response::Response {
    let mut response = StatusCode::SEE_OTHER.into_response();
    response.headers_mut().insert(
        header::LOCATION,
        HeaderValue::from_str(location).expect("ASCII location"),
    );
    response
}

/// The sign-in form: a cookie and the account page, or back to the form with the error. Only
/// Quorum's own pages may post it: another site must not sign a visitor's browser into an
/// account of its choosing (login CSRF), so a foreign, `null` or missing `Origin` is refused.
async fn login_form(
    State(state): State<AppState>,
    client: throttle::Client,
    headers: HeaderMap,
    axum::Form(form): axum::Form<LoginForm>,
) -> axum::response::Response {
    if !state.site.allows_origin(sign_in::request_origin(&headers)) {
        return (
            StatusCode::FORBIDDEN,
            "Sign in from Quorum's own sign-in page: this form came from another site.",
        )
            .into_response();
    }
    let lifetime = chrono::Duration::seconds(state.sign_in_seconds);
    match sign_in::login(&state.db, &client, &form.email, &form.password, lifetime).await {
        Ok(signed_in) => {
            let mut response = see_other(page_after_sign_in(&form.next));
            response.headers_mut().insert(
                header::SET_COOKIE,
                sign_in_cookie(&state, &signed_in.token, state.sign_in_seconds),
            );
            response
        }
        Err(err) => {
            let reason = if matches!(err, QuorumError::TooManyAttempts(_)) {
                "throttled"
            } else {
                "wrong"
            };
            let email: String = form
                .email
                .chars()
                .filter(|c| c.is_ascii_alphanumeric() || "@._-+".contains(*c))
                .collect();
            let next = match page_after_sign_in(&form.next) {
                "/account" => String::new(),
                page => format!("&next={}", app::wire::detail_pages::encode(page)),
            };
            see_other(&format!("/login?error={reason}&email={email}{next}"))
        }
    }
}

/// The sign-out form (a state change: it needs a CSRF proof like any other).
async fn logout_form(
    State(state): State<AppState>,
    CurrentUser(_): CurrentUser,
    headers: HeaderMap,
) -> ApiResult {
    if let Some(token) = sign_in_token(&headers) {
        sign_in::logout(&state.db, &token).await?;
    }
    let mut response = see_other("/");
    response
        .headers_mut()
        .insert(header::SET_COOKIE, sign_in_cookie(&state, "", 0));
    Ok(response)
}

/// The outbox, oldest first: the secretariat reads and exports it.
async fn outbox(State(state): State<AppState>, CurrentUser(account): CurrentUser) -> ApiResult {
    ok(app::ssr::outbox::list(&state.db, &account).await?)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReminderRequest {
    #[serde(default = "a_week")]
    days: i64,
}

fn a_week() -> i64 {
    7
}

/// Queues reminders to every focal point of calls closing within `days` (default 7).
async fn reminders(
    State(state): State<AppState>,
    CurrentUser(account): CurrentUser,
    body: Result<Json<ReminderRequest>, JsonRejection>,
) -> ApiResult {
    let Json(request) = body.map_err(json_error)?;
    let queued = app::ssr::outbox::remind(&state.db, &account, request.days).await?;
    ok(json!({ "queued": queued }))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PasswordReset {
    email: String,
    password: String,
}

/// The secretariat sets a new password; the account's sign-ins end.
async fn reset_password(
    State(state): State<AppState>,
    CurrentUser(account): CurrentUser,
    body: Result<Json<PasswordReset>, JsonRejection>,
) -> ApiResult {
    let Json(reset) = body.map_err(json_error)?;
    passwords::reset_password(&state.db, &account, &reset.email, &reset.password).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[cfg(test)]
mod tests {
    use super::page_after_sign_in;

    #[test]
    fn a_sign_in_goes_back_only_to_a_page_of_this_site() {
        assert_eq!(page_after_sign_in("/review"), "/review");
        assert_eq!(
            page_after_sign_in("/plan?meeting=cosp-10-opening"),
            "/plan?meeting=cosp-10-opening"
        );
        for elsewhere in [
            "",
            "https://evil.example/",
            "//evil.example",
            "/\\evil.example",
            "/login",
            "/a b",
            "javascript:alert(1)",
        ] {
            assert_eq!(page_after_sign_in(elsewhere), "/account", "{elsewhere:?}");
        }
    }
}
