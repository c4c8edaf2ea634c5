//! The workplan page: approval status, entries, the coverage of the declaration, and the
//! editor's forms.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::nominations::FormOutcome;
use crate::domain::workplan::Coverage;

/// A workplan entry as the page lists it and the editor fills its form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntryLine {
    pub id: String,
    /// Body codes, comma-separated.
    pub bodies: String,
    pub year: String,
    /// "2024 (fifteenth session of the Implementation Review Group)"
    pub when: String,
    pub paragraphs: String,
    pub sections: String,
    /// Topics, separated by semicolons.
    pub topics: String,
    pub agreed: bool,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkplanPage {
    pub title: String,
    pub status: String,
    /// "Approved on 9 June 2023 after a silence procedure ending 9 June 2023"
    pub status_text: String,
    pub entries: Vec<EntryLine>,
    pub coverage: Coverage,
    /// Body codes that may appear in an entry.
    pub body_codes: Vec<String>,
    /// Whether the reader may edit entries (the secretariat or a Bureau member).
    pub may_edit: bool,
    /// Whether the reader may move the approval status (the secretariat).
    pub may_decide: bool,
}

#[server(endpoint = "workplan/page")]
pub async fn load_workplan() -> Result<WorkplanPage, ServerFnError> {
    let db = super::database()?;
    let account = super::account::signed_in(false).await?;
    crate::ssr::workplan::page(&db, account.as_ref())
        .await
        .map_err(super::to_server_error)
}

/// Creates (`create` "true") or changes a workplan entry.
#[server(endpoint = "workplan/entry")]
#[allow(clippy::too_many_arguments)]
pub async fn save_workplan_entry(
    id: String,
    bodies: String,
    year: String,
    paragraphs: String,
    topics: String,
    #[server(default)] agreed: Option<String>,
    #[server(default)] notes: String,
    #[server(default)] create: String,
) -> Result<FormOutcome, ServerFnError> {
    let db = super::database()?;
    let actor = super::account::signed_in_for_change().await?;
    let line = EntryLine {
        id,
        bodies,
        year,
        paragraphs,
        topics,
        agreed: agreed.is_some_and(|a| a == "on" || a == "true"),
        notes,
        ..Default::default()
    };
    let outcome = crate::ssr::workplan::save_entry(&db, &actor, line, create == "true")
        .await
        .map_err(super::account::refusal)?;
    Ok(outcome)
}

/// Moves the approval: `start_silence` (with the deadline), `break_silence` or `approve` (with
/// the day).
#[server(endpoint = "workplan/decide")]
pub async fn decide_workplan(action: String, date: String) -> Result<FormOutcome, ServerFnError> {
    let db = super::database()?;
    let actor = super::account::signed_in_for_change().await?;
    let outcome = crate::ssr::workplan::decide(&db, &actor, &action, &date)
        .await
        .map_err(super::account::refusal)?;
    Ok(outcome)
}
