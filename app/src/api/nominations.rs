//! Calls for nominations, the focal point's nominate / edit / withdraw forms and the Bureau's
//! review board. Every form answers with errors by field, so the page shows each beside its
//! field and keeps what was typed.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::calendar::Choice;
use super::planning::FieldError;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallLine {
    pub id: String,
    pub topic: String,
    /// "Panel 1 of the joint meeting of 14 June 2023"
    pub panel: String,
    pub meeting_href: Option<String>,
    pub deadline: String,
    pub open: bool,
    pub quota: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NominationLine {
    pub id: String,
    pub call: String,
    pub nominee: String,
    pub gender: String,
    pub nominator: String,
    pub status: String,
    pub released: bool,
    pub justification: String,
    pub biography: String,
    /// The Bureau's internal note (reviewers only).
    pub note: Option<String>,
    /// The Bureau's message to the State (to the State once released).
    pub message: Option<String>,
    /// The nomination as the reader sees it now ([`NominationSeen`] as JSON): the review
    /// board sends it back with a decision, and the server refuses the decision when the
    /// nomination changed in between.
    pub seen: String,
}

pub use crate::domain::nominations::NominationSeen;

/// What the nominations page shows its reader.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NominationsPage {
    /// "Name (role)", when signed in.
    pub who: Option<String>,
    /// The focal point's State or organisation, who may nominate.
    pub nominator: Option<String>,
    pub calls: Vec<CallLine>,
    pub mine: Vec<NominationLine>,
    pub genders: Vec<Choice>,
}

/// One call on the review board, with its nominations and balance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewCall {
    pub call: CallLine,
    pub nominations: Vec<NominationLine>,
    /// "Regional groups: …", "Gender: …", "Stakeholders: …" of those accepted or confirmed.
    pub balance: Vec<String>,
    /// Where the selection falls short of the Bureau's targets.
    pub warnings: Vec<String>,
    pub unreleased: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewPage {
    pub who: Option<String>,
    pub calls: Vec<ReviewCall>,
    /// Panels a call may be opened for: (panel key, label).
    pub panels: Vec<Choice>,
}

/// What a nomination form answers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormOutcome {
    pub errors: Vec<FieldError>,
    /// What was done, in words.
    pub done: Option<String>,
}

#[server(endpoint = "nominations/page")]
pub async fn load_nominations() -> Result<NominationsPage, ServerFnError> {
    let db = super::database()?;
    let account = super::account::signed_in(false).await?;
    crate::ssr::nomination_pages::nominations(&db, account.as_ref())
        .await
        .map_err(super::to_server_error)
}

#[server(endpoint = "nominations/review")]
pub async fn load_review() -> Result<ReviewPage, ServerFnError> {
    let db = super::database()?;
    let account = super::account::signed_in(false).await?;
    crate::ssr::nomination_pages::review(&db, account.as_ref())
        .await
        .map_err(super::to_server_error)
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
) -> Result<FormOutcome, ServerFnError> {
    let db = super::database()?;
    let actor = super::account::signed_in_for_change().await?;
    let form = crate::ssr::nomination_pages::NominateForm {
        call,
        nominee_name,
        nominee_title,
        nominee_gender,
        nominee_email,
        justification,
        biography,
    };
    let outcome = crate::ssr::nomination_pages::nominate(&db, &actor, form)
        .await
        .map_err(super::account::refusal)?;
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
) -> Result<FormOutcome, ServerFnError> {
    let db = super::database()?;
    let actor = super::account::signed_in_for_change().await?;
    let texts = crate::ssr::nomination_pages::StepTexts {
        justification,
        biography,
        note,
        message,
        seen,
    };
    let outcome = crate::ssr::nomination_pages::step(&db, &actor, &id, &step, texts)
        .await
        .map_err(super::account::refusal)?;
    Ok(outcome)
}

/// Releases a call's decisions to the nominating States together.
#[server(endpoint = "nominations/release")]
pub async fn release_decisions(call: String) -> Result<FormOutcome, ServerFnError> {
    let db = super::database()?;
    let actor = super::account::signed_in_for_change().await?;
    let released = crate::ssr::nominations::release(&db, &actor, &call)
        .await
        .map_err(super::account::refusal)?;
    Ok(FormOutcome {
        errors: vec![],
        done: Some(format!("{} decision(s) released.", released.len())),
    })
}

/// Opens a call for nominations for a panel.
#[server(endpoint = "nominations/open-call")]
pub async fn open_call_for(
    panel: String,
    deadline: String,
    #[server(default)] quota: String,
) -> Result<FormOutcome, ServerFnError> {
    let db = super::database()?;
    let actor = super::account::signed_in_for_change().await?;
    let outcome = crate::ssr::nomination_pages::open_call(&db, &actor, &panel, &deadline, &quota)
        .await
        .map_err(super::account::refusal)?;
    Ok(outcome)
}
