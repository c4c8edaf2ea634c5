//! Who calls a server function: the signed-in account, checked at the server's door (CSRF
//! proof included for a change), and the refusals when there is none or it may not.

use crate::domain::account::Account;
use crate::error::QuorumError;

/// The user of the request, or `None` without a sign-in, checked as for any state-changing
/// request when `changing`; a missing CSRF proof is `Forbidden`, a failing database its own
/// error (503 or 500, never a refusal).
pub(crate) async fn signed_in(changing: bool) -> Result<Option<Account>, QuorumError> {
    use leptos::prelude::use_context;
    let db = super::database()?;
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
    let site = use_context::<crate::ssr::PublicBaseUrl>()
        .ok_or_else(|| QuorumError::internal("the public base URL is missing from the context"))?;
    match crate::ssr::sign_in::authenticate(&db, &method, &parts.headers, &site).await {
        Ok(account) => Ok(Some(account)),
        Err(QuorumError::Unauthorized) => Ok(None),
        Err(e) => Err(e),
    }
}

/// The signed-in user of a state-changing server function, its CSRF proof checked; or a
/// refusal (401 without a sign-in, 403 without the proof).
pub(crate) async fn signed_in_for_change() -> Result<Account, QuorumError> {
    match signed_in(true).await? {
        Some(account) => Ok(account),
        None => Err(QuorumError::Unauthorized),
    }
}

/// The signed-in secretariat of a state-changing server function, or a refusal.
pub(crate) async fn secretariat_for_change() -> Result<Account, QuorumError> {
    only_the_secretariat(signed_in_for_change().await?)
}

/// The signed-in secretariat, or a refusal.
pub(crate) async fn secretariat() -> Result<Account, QuorumError> {
    only_the_secretariat(signed_in(false).await?.ok_or(QuorumError::Unauthorized)?)
}

fn only_the_secretariat(account: Account) -> Result<Account, QuorumError> {
    if account.is_secretariat() {
        Ok(account)
    } else {
        Err(QuorumError::Forbidden("only the secretariat".into()))
    }
}
