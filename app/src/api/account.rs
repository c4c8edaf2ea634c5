//! The signed-in user, and issuing private feed addresses from the account page.

use leptos::prelude::*;

use super::pages::FeedLinks;
use crate::domain::account::Account;

/// The user of the request, checked as for any state-changing request when `changing`.
#[cfg(feature = "ssr")]
pub(crate) async fn signed_in(changing: bool) -> Result<Option<Account>, ServerFnError> {
    signed_in_account(changing)
        .await
        .map_err(super::to_server_error)
}

/// The user of the request, or `None` without a sign-in; a missing CSRF proof is `Forbidden`,
/// a failing database its own error.
#[cfg(feature = "ssr")]
async fn signed_in_account(changing: bool) -> Result<Option<Account>, crate::error::QuorumError> {
    let db = use_context::<sea_orm::DatabaseConnection>().ok_or_else(|| {
        crate::error::QuorumError::Database("the database connection is missing".into())
    })?;
    let Some(parts) = use_context::<axum::http::request::Parts>() else {
        return Ok(None);
    };
    // Already checked at the server's door, CSRF proof included, for a signed-in rule.
    if let Some(account) = parts.extensions.get::<Account>() {
        return Ok(Some(account.clone()));
    }
    let method = if changing {
        axum::http::Method::POST
    } else {
        axum::http::Method::GET
    };
    let site = use_context::<crate::ssr::PublicBaseUrl>().ok_or_else(|| {
        crate::error::QuorumError::Database("the public base URL is missing".into())
    })?;
    match crate::ssr::accounts::authenticate(&db, &method, &parts.headers, &site).await {
        Ok(account) => Ok(Some(account)),
        Err(crate::error::QuorumError::Unauthorized) => Ok(None),
        Err(e) => Err(e),
    }
}

/// A refusal with its HTTP status (401 or 403), so that a refused server function is not
/// reported as a server failure.
#[cfg(feature = "ssr")]
fn refuse(status: u16, message: &str) -> ServerFnError {
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(
            axum::http::StatusCode::from_u16(status).unwrap_or(axum::http::StatusCode::FORBIDDEN),
        );
    }
    ServerFnError::new(message)
}

/// The signed-in user of a state-changing server function, its CSRF proof checked; or a
/// refusal (401 without a login, 403 without the proof).
#[cfg(feature = "ssr")]
pub(crate) async fn signed_in_for_change() -> Result<Account, ServerFnError> {
    // Only a missing proof is 403; a failing database stays a server failure.
    match signed_in_account(true).await {
        Ok(Some(account)) => Ok(account),
        Ok(None) => Err(refuse(401, "sign in first")),
        Err(crate::error::QuorumError::Forbidden(_)) => Err(refuse(403, "missing CSRF proof")),
        Err(e) => Err(refusal(e)),
    }
}

/// Maps a Quorum error onto a server function error with the error's HTTP status, so that a
/// refusal is not reported as a server failure.
#[cfg(feature = "ssr")]
pub(crate) fn refusal(err: crate::error::QuorumError) -> ServerFnError {
    refuse(err.status_code(), &err.to_string())
}

/// The signed-in secretariat of a state-changing server function, or a refusal.
#[cfg(feature = "ssr")]
pub(crate) async fn secretariat_for_change() -> Result<Account, ServerFnError> {
    let account = signed_in_for_change().await?;
    if !account.is_secretariat() {
        return Err(refuse(403, "only the secretariat"));
    }
    Ok(account)
}

/// The signed-in secretariat, or a refusal.
#[cfg(feature = "ssr")]
pub(crate) async fn secretariat() -> Result<Account, ServerFnError> {
    let account = signed_in(false)
        .await?
        .ok_or_else(|| refuse(401, "sign in first"))?;
    if !account.is_secretariat() {
        return Err(refuse(403, "only the secretariat"));
    }
    Ok(account)
}

/// The audit log, newest first (the secretariat only).
#[server(endpoint = "admin/audit-log")]
pub async fn load_audit_log() -> Result<Vec<AuditRow>, ServerFnError> {
    secretariat().await?;
    let db = super::database()?;
    let lines = crate::ssr::accounts::audit_log(&db, 200)
        .await
        .map_err(super::to_server_error)?;
    Ok(lines
        .into_iter()
        .map(|l| AuditRow {
            at: l.at.format("%Y-%m-%d %H:%M:%S UTC").to_string(),
            actor: l.actor,
            action: l.action,
            record: l.record,
        })
        .collect())
}

/// The outbox, oldest first (the secretariat only).
#[server(endpoint = "admin/outbox")]
pub async fn load_outbox() -> Result<Vec<OutboxRow>, ServerFnError> {
    let account = secretariat().await?;
    let db = super::database()?;
    let messages = crate::ssr::outbox::list(&db, &account)
        .await
        .map_err(super::to_server_error)?;
    Ok(messages
        .into_iter()
        .map(|m| OutboxRow {
            at: m.created_at.format("%Y-%m-%d %H:%M UTC").to_string(),
            recipient: m.recipient,
            subject: m.subject,
        })
        .collect())
}

/// A line of the audit log, for the page.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct AuditRow {
    pub at: String,
    pub actor: String,
    pub action: String,
    pub record: String,
}

/// A waiting message, for the page.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct OutboxRow {
    pub at: String,
    pub recipient: String,
    pub subject: String,
}

/// Who is signed in, if anyone.
#[server(endpoint = "account/me")]
pub async fn current_account() -> Result<Option<Account>, ServerFnError> {
    signed_in(false).await
}

/// A new private feed address for a person (`kind` "person") or a State party ("state"); the
/// previous address stops working.
#[server(endpoint = "account/new-private-feed")]
pub async fn new_private_feed(kind: String, subject: String) -> Result<FeedLinks, ServerFnError> {
    use crate::ssr::feeds::{issue_private_feed, PrivateSubject};
    let account = signed_in_for_change().await?;
    let subject = match kind.as_str() {
        "person" => PrivateSubject::Person(
            crate::domain::Id::parse(subject.trim()).map_err(|why| refuse(400, &why))?,
        ),
        "state" => PrivateSubject::State(subject.trim().to_uppercase()),
        other => {
            return Err(refuse(
                400,
                &format!("unknown kind {other:?} (person or state)"),
            ))
        }
    };
    let db = super::database()?;
    let token = issue_private_feed(&db, &account, &subject)
        .await
        .map_err(super::to_server_error)?;
    // The answer carries the secret address: no cache may keep it.
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.insert_header(
            axum::http::header::CACHE_CONTROL,
            axum::http::HeaderValue::from_static("private, no-store"),
        );
    }
    Ok(FeedLinks::new(
        &super::pages::public_base(),
        &format!("/feeds/private/{token}.ics"),
        "Quorum — private feed",
    ))
}

/// Changes the signed-in user's own password: the current one, and the new one twice. The
/// user's other sign-ins end; a notice goes to their outbox address. Wrong current passwords
/// are throttled per address and client (the peer address of the request), as logins are.
#[server(endpoint = "account/change-password")]
pub async fn change_password(
    current: String,
    new: String,
    confirm: String,
) -> Result<super::nominations::FormOutcome, ServerFnError> {
    use crate::ssr::accounts::{session_token, Client};
    let account = signed_in_for_change().await?;
    let db = super::database()?;
    let parts = use_context::<axum::http::request::Parts>();
    let token = parts
        .as_ref()
        .and_then(|parts| session_token(&parts.headers));
    let client = Client::of(&parts.map(|parts| parts.extensions).unwrap_or_default());
    let outcome = crate::ssr::planning::form_outcome(
        crate::ssr::accounts::change_own_password(
            &db,
            &account,
            &client,
            token.as_deref(),
            &current,
            &new,
            &confirm,
        )
        .await
        .map(|()| "Password changed; your other sign-ins have ended.".to_owned()),
    )
    .map_err(refusal)?;
    Ok(outcome)
}
