use leptos::prelude::*;

use crate::error::QuorumError;

use crate::domain::conflicts::{ConflictView, Proposal};
use crate::wire::planning::CheckOutcome;

/// Every conflict across all bodies, accepted warnings marked.
#[server(endpoint = "conflicts/list")]
pub async fn list_conflicts() -> Result<Vec<ConflictView>, QuorumError> {
    let db = super::database()?;
    crate::ssr::conflicts::scan(&db).await
}

/// What a proposed meeting would clash with, checked without saving it.
#[server(endpoint = "conflicts/check-meeting")]
pub async fn check_meeting(proposal: Proposal) -> Result<CheckOutcome, QuorumError> {
    let db = super::database()?;
    crate::ssr::conflicts::check(&db, &proposal).await
}
