use leptos::prelude::*;

use crate::domain::conflicts::{CheckAnswer, ConflictView, Proposal};

/// Every conflict across all bodies, accepted warnings marked.
#[server(endpoint = "conflicts/list")]
pub async fn list_conflicts() -> Result<Vec<ConflictView>, ServerFnError> {
    let db = super::database()?;
    crate::ssr::conflicts::scan(&db)
        .await
        .map_err(super::to_server_error)
}

/// What a proposed meeting would clash with, checked without saving it.
#[server(endpoint = "conflicts/check-meeting")]
pub async fn check_meeting(proposal: Proposal) -> Result<CheckAnswer, ServerFnError> {
    let db = super::database()?;
    crate::ssr::conflicts::check(&db, &proposal)
        .await
        .map_err(super::to_server_error)
}
