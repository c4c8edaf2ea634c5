//! The secretariat's administration: accounts, bodies, venues with their rooms and holidays,
//! and the conflict rules. Import and export go through the JSON API (`/api/import`,
//! `/api/export`), which the page drives with a progress bar; without JavaScript the import
//! form uploads its file and is answered by the page (`server/src/plain_forms.rs`).

use crate::wire::admin::AdminPage;

use leptos::prelude::*;

use crate::error::QuorumError;

use crate::wire::nominations::FormOutcome;

#[server(endpoint = "admin/page")]
pub async fn load_admin() -> Result<AdminPage, QuorumError> {
    let actor = super::caller::secretariat().await?;
    let db = super::database()?;
    crate::ssr::admin::page(&db, &actor).await
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
) -> Result<FormOutcome, QuorumError> {
    let actor = super::caller::secretariat_for_change().await?;
    let db = super::database()?;
    let outcome =
        crate::ssr::admin_accounts::add_user(&db, &actor, &email, &name, &role, &scope, &password)
            .await?;
    Ok(outcome)
}

/// Adds a closure (holiday) to a venue: no meeting may be planned there on those days.
#[server(endpoint = "admin/add-closure")]
pub async fn add_closure(
    venue: String,
    start: String,
    end: String,
    reason: String,
) -> Result<FormOutcome, QuorumError> {
    let actor = super::caller::secretariat_for_change().await?;
    let db = super::database()?;
    let outcome =
        crate::ssr::admin_places::add_closure(&db, &actor, &venue, &start, &end, &reason).await?;
    Ok(outcome)
}

/// Replaces the conflict rules (severities, groups that must not meet in parallel, travel time).
#[server(endpoint = "admin/rules")]
pub async fn save_rules(rules: String) -> Result<FormOutcome, QuorumError> {
    let actor = super::caller::secretariat_for_change().await?;
    let db = super::database()?;
    let outcome = crate::ssr::admin_bodies::save_rules(&db, &actor, &rules).await?;
    Ok(outcome)
}

/// Creates a body or changes a stored one (found by its code).
#[server(endpoint = "admin/save-body")]
pub async fn save_body(
    code: String,
    name: String,
    short_name: String,
    #[server(default)] parent: String,
    #[server(default)] open_to_all_states: String,
) -> Result<FormOutcome, QuorumError> {
    let actor = super::caller::secretariat_for_change().await?;
    let db = super::database()?;
    let form = crate::ssr::admin_bodies::BodyFields {
        code: &code,
        name: &name,
        short_name: &short_name,
        parent: &parent,
        open_to_all_states: matches!(open_to_all_states.as_str(), "true" | "on"),
    };
    let outcome = crate::ssr::admin_bodies::save_body(&db, &actor, &form).await?;
    Ok(outcome)
}

/// Creates a venue or changes a stored one (found by its key); rooms and holidays stay.
#[server(endpoint = "admin/save-venue")]
pub async fn save_venue(
    id: String,
    name: String,
    #[server(default)] city: String,
    country: String,
    time_zone: String,
    interpretation_teams: String,
) -> Result<FormOutcome, QuorumError> {
    let actor = super::caller::secretariat_for_change().await?;
    let db = super::database()?;
    let form = crate::ssr::admin_places::VenueFields {
        id: &id,
        name: &name,
        city: &city,
        country: &country,
        time_zone: &time_zone,
        interpretation_teams: &interpretation_teams,
    };
    let outcome = crate::ssr::admin_places::save_venue(&db, &actor, &form).await?;
    Ok(outcome)
}

/// Adds a room to a venue or changes a stored one; with `remove` "true", removes the room when
/// no meeting uses it.
#[server(endpoint = "admin/save-room")]
pub async fn save_room(
    venue: String,
    room: String,
    #[server(default)] name: String,
    #[server(default)] capacity: String,
    #[server(default)] booths: String,
    #[server(default)] remove: String,
) -> Result<FormOutcome, QuorumError> {
    let actor = super::caller::secretariat_for_change().await?;
    let db = super::database()?;
    let outcome = if remove == "true" {
        crate::ssr::admin_places::remove_room(&db, &actor, &room).await
    } else {
        crate::ssr::admin_places::save_room(&db, &actor, &venue, &room, &name, &capacity, &booths)
            .await
    }?;
    Ok(outcome)
}

/// Changes an account's role and scope; with `remove` "true", removes the account.
#[server(endpoint = "admin/change-user")]
pub async fn change_user(
    email: String,
    #[server(default)] role: String,
    #[server(default)] scope: String,
    #[server(default)] remove: String,
) -> Result<FormOutcome, QuorumError> {
    let actor = super::caller::secretariat_for_change().await?;
    let db = super::database()?;
    let outcome = crate::ssr::admin_accounts::change_user(
        &db,
        &actor,
        &email,
        &role,
        &scope,
        remove == "true",
    )
    .await?;
    Ok(outcome)
}
