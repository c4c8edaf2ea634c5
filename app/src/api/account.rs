//! The signed-in user, and issuing private feed addresses from the account page.

use leptos::prelude::*;

use super::pages::FeedLinks;
use crate::domain::account::Account;

/// The user of the request, checked as for any state-changing request when `changing`.
#[cfg(feature = "ssr")]
async fn current_user(changing: bool) -> Result<Option<Account>, ServerFnError> {
    let db = super::database()?;
    let Some(parts) = use_context::<axum::http::request::Parts>() else {
        return Ok(None);
    };
    let method = if changing {
        axum::http::Method::POST
    } else {
        axum::http::Method::GET
    };
    match crate::ssr::accounts::authenticate(&db, &method, &parts.headers).await {
        Ok(account) => Ok(Some(account)),
        Err(crate::error::QuorumError::Unauthorized) => Ok(None),
        Err(e) => Err(super::to_server_error(e)),
    }
}

/// Who is signed in, if anyone.
#[server]
pub async fn current_account() -> Result<Option<Account>, ServerFnError> {
    current_user(false).await
}

/// A new private feed address for a person (`kind` "person") or a State party ("state"); the
/// previous address stops working.
#[server(endpoint = "account/new-private-feed")]
pub async fn new_private_feed(kind: String, subject: String) -> Result<FeedLinks, ServerFnError> {
    use crate::ssr::feeds::{rotate_token, PrivateSubject};
    let account = current_user(true)
        .await?
        .ok_or_else(|| ServerFnError::new("sign in first"))?;
    let subject = match kind.as_str() {
        "person" => PrivateSubject::Person(
            crate::domain::Id::parse(subject.trim()).map_err(ServerFnError::new)?,
        ),
        "state" => PrivateSubject::State(subject.trim().to_uppercase()),
        other => return Err(ServerFnError::new(format!("unknown kind {other:?}"))),
    };
    let (person, state) = match &subject {
        PrivateSubject::Person(p) => (Some(p), None),
        PrivateSubject::State(s) => (None, Some(s.as_str())),
    };
    if !account.may_manage_feed(person, state) {
        return Err(ServerFnError::new(
            "this private feed belongs to someone else",
        ));
    }
    let db = super::database()?;
    let token = rotate_token(&db, &subject)
        .await
        .map_err(super::to_server_error)?;
    Ok(FeedLinks::new(
        &super::pages::public_base(),
        &format!("/feeds/private/{token}.ics"),
        "Quorum — private feed",
    ))
}
