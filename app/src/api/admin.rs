//! The secretariat's administration: accounts, bodies, venues with their rooms and holidays,
//! and the conflict rules. Import and export go through the JSON API (`/api/import`,
//! `/api/export`), which the page drives with a progress bar.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::nominations::FormOutcome;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserLine {
    pub email: String,
    pub name: String,
    pub role: String,
    /// Body, State or organisation the account acts for.
    pub scope: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VenueLine {
    pub id: String,
    pub name: String,
    pub zone: String,
    pub rooms: Vec<String>,
    /// (start, end, reason) of each closure.
    pub closures: Vec<(String, String, String)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminPage {
    pub users: Vec<UserLine>,
    /// (code, name, parent, open to all States)
    pub bodies: Vec<(String, String, String, bool)>,
    pub venues: Vec<VenueLine>,
    /// The conflict rules as JSON, for editing.
    pub rules: String,
}

#[server(endpoint = "admin/page")]
pub async fn load_admin() -> Result<AdminPage, ServerFnError> {
    let actor = super::account::secretariat().await?;
    let db = super::database()?;
    crate::ssr::admin::page(&db, &actor)
        .await
        .map_err(super::to_server_error)
}

/// Adds an account. `scope` is the body code of a Bureau member, or the State's ISO code of a
/// focal point.
#[server(endpoint = "admin/add-user")]
pub async fn add_user(
    email: String,
    name: String,
    role: String,
    #[server(default)] scope: String,
    password: String,
) -> Result<FormOutcome, ServerFnError> {
    let actor = super::account::secretariat_for_change().await?;
    let db = super::database()?;
    let outcome = crate::ssr::admin::add_user(&db, &actor, &email, &name, &role, &scope, &password)
        .await
        .map_err(super::account::refusal)?;
    super::after_write();
    Ok(outcome)
}

/// Adds a closure (holiday) to a venue: no meeting may be planned there on those days.
#[server(endpoint = "admin/add-closure")]
pub async fn add_closure(
    venue: String,
    start: String,
    end: String,
    reason: String,
) -> Result<FormOutcome, ServerFnError> {
    let actor = super::account::secretariat_for_change().await?;
    let db = super::database()?;
    let outcome = crate::ssr::admin::add_closure(&db, &actor, &venue, &start, &end, &reason)
        .await
        .map_err(super::account::refusal)?;
    super::after_write();
    Ok(outcome)
}

/// Replaces the conflict rules (severities, groups that must not meet in parallel, travel time).
#[server(endpoint = "admin/rules")]
pub async fn save_rules(rules: String) -> Result<FormOutcome, ServerFnError> {
    let actor = super::account::secretariat_for_change().await?;
    let db = super::database()?;
    let outcome = crate::ssr::admin::save_rules(&db, &actor, &rules)
        .await
        .map_err(super::account::refusal)?;
    super::after_write();
    Ok(outcome)
}
