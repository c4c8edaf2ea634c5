//! Calls for nominations, the focal point's nominate / edit / withdraw forms and the Bureau's
//! review board. Every form answers with errors by field, so the page shows each beside its
//! field and keeps what was typed.

use crate::wire::nominations::{FormOutcome, NominationsPage, ReviewPage};

use leptos::prelude::*;

use crate::error::QuorumError;

#[server(endpoint = "nominations/page")]
pub async fn load_nominations() -> Result<NominationsPage, QuorumError> {
    let db = super::database()?;
    let account = super::caller::signed_in(false).await?;
    crate::ssr::nomination_pages::nominations(&db, account.as_ref()).await
}

#[server(endpoint = "nominations/review")]
pub async fn load_review() -> Result<ReviewPage, QuorumError> {
    let db = super::database()?;
    let account = super::caller::signed_in(false).await?;
    crate::ssr::review_board::review(&db, account.as_ref()).await
}

/// Drafts and submits a nomination for the focal point's own State.
#[server(endpoint = "nominations/nominate")]
pub async fn nominate(
    call: String,
    nominee_name: String,
    nominee_title: String,
    nominee_gender: String,
    nominee_email: String,
    justification: String,
    biography: String,
) -> Result<FormOutcome, QuorumError> {
    let db = super::database()?;
    let actor = super::caller::signed_in_for_change().await?;
    let form = crate::ssr::nomination_forms::NominateForm {
        call,
        nominee_name,
        nominee_title,
        nominee_gender,
        nominee_email,
        justification,
        biography,
    };
    let outcome = crate::ssr::nomination_forms::nominate(&db, &actor, form).await?;
    Ok(outcome)
}

/// One step on a nomination: `edit` (with justification and biography), `withdraw`, `submit`,
/// `accept`, `waitlist`, `decline` (with an internal note and a message to the State) or
/// `confirm`.
#[server(endpoint = "nominations/step")]
pub async fn nomination_step(
    id: String,
    step: String,
    #[server(default)] justification: String,
    #[server(default)] biography: String,
    #[server(default)] note: String,
    #[server(default)] message: String,
    #[server(default)] seen: String,
) -> Result<FormOutcome, QuorumError> {
    let db = super::database()?;
    let actor = super::caller::signed_in_for_change().await?;
    let texts = crate::ssr::nomination_forms::StepTexts {
        justification,
        biography,
        note,
        message,
        seen,
    };
    let outcome = crate::ssr::nomination_forms::step(&db, &actor, &id, &step, texts).await?;
    Ok(outcome)
}

/// Releases a call's decisions to the nominating States together.
#[server(endpoint = "nominations/release")]
pub async fn release_decisions(call: String) -> Result<FormOutcome, QuorumError> {
    let db = super::database()?;
    let actor = super::caller::signed_in_for_change().await?;
    let released = crate::ssr::nomination_calls::release(&db, &actor, &call).await?;
    Ok(FormOutcome {
        errors: vec![],
        done: Some(match released.len() {
            1 => "1 decision released.".to_owned(),
            n => format!("{n} decisions released."),
        }),
    })
}

/// Opens a call for nominations for a panel.
#[server(endpoint = "nominations/open-call")]
pub async fn open_call_for(
    panel: String,
    deadline: String,
    #[server(default)] quota: String,
) -> Result<FormOutcome, QuorumError> {
    let db = super::database()?;
    let actor = super::caller::signed_in_for_change().await?;
    let outcome =
        crate::ssr::nomination_forms::open_call(&db, &actor, &panel, &deadline, &quota).await?;
    Ok(outcome)
}
