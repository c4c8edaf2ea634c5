//! The signed-in user, and issuing private feed addresses from the account page.

use crate::wire::account::{AuditRow, OutboxRow};

use leptos::prelude::*;

use crate::error::QuorumError;

use crate::wire::detail_pages::FeedLinks;

use crate::domain::account::Account;

/// The audit log, newest first (the secretariat only).
#[server(endpoint = "admin/audit-log")]
pub async fn load_audit_log() -> Result<Vec<AuditRow>, QuorumError> {
    super::caller::secretariat().await?;
    let db = super::database()?;
    let lines = crate::ssr::audit::newest_first(&db, 200).await?;
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
pub async fn load_outbox() -> Result<Vec<OutboxRow>, QuorumError> {
    let account = super::caller::secretariat().await?;
    let db = super::database()?;
    let messages = crate::ssr::outbox::list(&db, &account).await?;
    Ok(messages
        .into_iter()
        .map(|m| OutboxRow {
            at: m.created_at.format("%Y-%m-%d %H:%M UTC").to_string(),
            recipient: m.recipient,
            subject: m.subject,
        })
        .collect())
}

/// Who is signed in, if anyone.
#[server(endpoint = "account/me")]
pub async fn current_account() -> Result<Option<Account>, QuorumError> {
    super::caller::signed_in(false).await
}

/// Who is signed in, described with the names of their body or State, for the header.
#[server(endpoint = "account/who")]
pub async fn signed_in_as() -> Result<Option<crate::wire::account::SignedInAs>, QuorumError> {
    let Some(account) = super::caller::signed_in(false).await? else {
        return Ok(None);
    };
    let data = crate::ssr::dataset::snapshot(&super::database()?).await?;
    Ok(Some(crate::wire::account::SignedInAs {
        described: data.account_described(&account),
        account,
    }))
}

/// A new private feed address for a person (`kind` "person") or a State party ("state"); the
/// previous address stops working.
#[server(endpoint = "account/new-private-feed")]
pub async fn new_private_feed(kind: String, subject: String) -> Result<FeedLinks, QuorumError> {
    use crate::ssr::feeds::{issue_private_feed, PrivateSubject};
    let account = super::caller::signed_in_for_change().await?;
    let subject = match kind.as_str() {
        "person" => PrivateSubject::Person(
            crate::domain::Id::parse(subject.trim()).map_err(QuorumError::BadRequest)?,
        ),
        "state" => PrivateSubject::State(subject.trim().to_uppercase()),
        other => {
            return Err(QuorumError::BadRequest(format!(
                "unknown kind {other:?} (person or state)"
            )))
        }
    };
    let db = super::database()?;
    let token = issue_private_feed(&db, &account, &subject).await?;
    // The answer carries the secret address: no cache may keep it.
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.insert_header(
            axum::http::header::CACHE_CONTROL,
            axum::http::HeaderValue::from_static("private, no-store"),
        );
    }
    Ok(FeedLinks::new(
        &super::detail_pages::public_base(),
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
) -> Result<crate::wire::nominations::FormOutcome, QuorumError> {
    use crate::ssr::sign_in::sign_in_token;
    use crate::ssr::throttle::Client;
    let account = super::caller::signed_in_for_change().await?;
    let db = super::database()?;
    let parts = use_context::<axum::http::request::Parts>();
    let token = parts
        .as_ref()
        .and_then(|parts| sign_in_token(&parts.headers));
    let client = Client::of(&parts.map(|parts| parts.extensions).unwrap_or_default());
    let outcome = crate::ssr::forms::form_outcome(
        crate::ssr::passwords::change_own_password(
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
    )?;
    Ok(outcome)
}
