//! The workplan page: approval status, entries, the coverage of the declaration, and the
//! editor's forms.

use crate::wire::workplan::WorkplanPage;

use leptos::prelude::*;

use crate::error::QuorumError;

use crate::wire::nominations::FormOutcome;

#[server(endpoint = "workplan/page")]
pub async fn load_workplan() -> Result<WorkplanPage, QuorumError> {
    let db = super::database()?;
    let account = super::caller::signed_in(false).await?;
    crate::ssr::workplan::page(&db, account.as_ref()).await
}

/// Creates (`create` "true") or changes a workplan entry.
#[server(endpoint = "workplan/entry")]
pub async fn save_workplan_entry(
    id: String,
    bodies: String,
    year: String,
    paragraphs: String,
    topics: String,
    #[server(default)] agreed: Option<String>,
    #[server(default)] notes: String,
    #[server(default)] create: String,
) -> Result<FormOutcome, QuorumError> {
    let db = super::database()?;
    let actor = super::caller::signed_in_for_change().await?;
    let line = crate::wire::workplan::EntryLine {
        id,
        bodies,
        year,
        paragraphs,
        topics,
        agreed: agreed.is_some_and(|a| a == "on" || a == "true"),
        notes,
        ..Default::default()
    };
    let outcome = crate::ssr::workplan::save_entry(&db, &actor, line, create == "true").await?;
    Ok(outcome)
}

/// Moves the approval: `start_silence` (with the deadline), `break_silence` or `approve` (with
/// the day).
#[server(endpoint = "workplan/decide")]
pub async fn decide_workplan(action: String, date: String) -> Result<FormOutcome, QuorumError> {
    let db = super::database()?;
    let actor = super::caller::signed_in_for_change().await?;
    let outcome = crate::ssr::workplan::decide(&db, &actor, &action, &date).await?;
    Ok(outcome)
}
