//! The planner's server functions: a meeting form checked live against every body's calendar,
//! free slots, saving, and accepting warnings with a reason. Times travel as the venue's wall
//! time; the server converts them, so the browser needs no time-zone database.

use crate::wire::planning::{
    CheckOutcome, MeetingForm, PanelChoices, PanelForm, PlannerChoices, SaveOutcome, SessionForm,
    SlotOption,
};

use leptos::prelude::*;

use crate::error::QuorumError;

#[server(endpoint = "plan/choices")]
pub async fn load_planner() -> Result<PlannerChoices, QuorumError> {
    let db = super::database()?;
    let account = super::caller::signed_in(false).await?;
    crate::ssr::planner::options(&db, account.as_ref()).await
}

/// The form of a stored meeting, or `None` when there is no such meeting.
#[server(endpoint = "plan/meeting")]
pub async fn load_meeting_form(id: String) -> Result<Option<MeetingForm>, QuorumError> {
    let db = super::database()?;
    crate::ssr::planner::form_of(&db, &id).await
}

/// Why the signed-in planner may read but not change the stored meeting `id`, in words:
/// `None` when they may change it (or there is no such meeting).
#[server(endpoint = "plan/why-read-only")]
pub async fn why_read_only(id: String) -> Result<Option<String>, QuorumError> {
    let db = super::database()?;
    let Some(actor) = super::caller::signed_in(false).await? else {
        return Ok(None);
    };
    crate::ssr::planner::why_read_only(&db, &actor, &id).await
}

/// Checks the form as it stands, without saving; told whether it creates a meeting, also
/// whether its key is taken or the meeting changed since it was opened.
#[server(endpoint = "plan/check", input = server_fn::codec::Json)]
pub async fn check_meeting_form(
    form: MeetingForm,
    #[server(default)] create: Option<bool>,
) -> Result<CheckOutcome, QuorumError> {
    let db = super::database()?;
    crate::ssr::planner::check(&db, &form, create).await
}

/// Free slots for the form's bodies, venue, room and duration between two days.
#[server(endpoint = "plan/free-slots", input = server_fn::codec::Json)]
pub async fn find_free_slots(
    form: MeetingForm,
    from: String,
    to: String,
) -> Result<Vec<SlotOption>, QuorumError> {
    let db = super::database()?;
    crate::ssr::planner::slots(&db, &form, &from, &to).await
}

/// Saves the form (`create` for a new meeting): the secretariat, or a Bureau of a body taking
/// part. Blocking conflicts refuse the save.
#[server(endpoint = "plan/save", input = server_fn::codec::Json)]
pub async fn save_meeting_form(
    form: MeetingForm,
    create: bool,
) -> Result<SaveOutcome, QuorumError> {
    let db = super::database()?;
    let actor = super::caller::signed_in_for_change().await?;
    let outcome = crate::ssr::planner::save(&db, &actor, &form, create).await?;
    Ok(outcome)
}

/// Accepts a warning with a reason: the secretariat, or a Bureau of a body involved.
#[server(endpoint = "plan/accept")]
pub async fn accept_conflict(id: String, reason: String) -> Result<String, QuorumError> {
    let db = super::database()?;
    let actor = super::caller::signed_in_for_change().await?;
    let acceptance = crate::ssr::conflicts::accept(&db, &actor, &id, &reason).await?;
    Ok(format!(
        "Accepted by {}: {}",
        acceptance.accepted_by, acceptance.reason
    ))
}

/// The form of a stored session, or `None` when there is no such session.
#[server(endpoint = "plan/session")]
pub async fn load_session_form(id: String) -> Result<Option<SessionForm>, QuorumError> {
    let db = super::database()?;
    crate::ssr::session_form::session_form_of(&db, &id).await
}

/// Creates (`create` "true") or changes a session: the secretariat, or the Bureau of its body.
#[server(endpoint = "plan/save-session")]
pub async fn save_session_form(
    id: String,
    body: String,
    kind: String,
    #[server(default)] number: String,
    #[server(default)] resumed: String,
    #[server(default)] subject: String,
    #[server(default)] venue: String,
    format: String,
    #[server(default)] start: String,
    #[server(default)] end: String,
    #[server(default)] year: String,
    status: String,
    #[server(default)] notes: String,
    #[server(default)] create: String,
) -> Result<crate::wire::nominations::FormOutcome, QuorumError> {
    let db = super::database()?;
    let actor = super::caller::signed_in_for_change().await?;
    let form = SessionForm {
        id,
        body,
        kind,
        number,
        resumed,
        subject,
        venue,
        format,
        start,
        end,
        year,
        status,
        notes,
    };
    let outcome =
        crate::ssr::session_form::save_session(&db, &actor, &form, create == "true").await?;
    Ok(outcome)
}

/// The form of a stored panel, or `None` when there is no such panel.
#[server(endpoint = "plan/panel")]
pub async fn load_panel_form(id: String) -> Result<Option<PanelForm>, QuorumError> {
    let db = super::database()?;
    crate::ssr::panels::form_of(&db, &id).await
}

/// Creates (`create` "true") or changes a panel: the secretariat, or the Bureau of a body whose
/// meeting holds it.
#[server(endpoint = "plan/save-panel")]
pub async fn save_panel_form(
    id: String,
    meeting: String,
    topic: String,
    #[server(default)] workplan_entry: String,
    #[server(default)] moderator: String,
    #[server(default)] planned_size: String,
    #[server(default)] notes: String,
    #[server(default)] create: String,
) -> Result<crate::wire::nominations::FormOutcome, QuorumError> {
    let db = super::database()?;
    let actor = super::caller::signed_in_for_change().await?;
    let form = PanelForm {
        id,
        meeting,
        topic,
        workplan_entry,
        moderator,
        planned_size,
        notes,
    };
    let outcome = crate::ssr::panels::save(&db, &actor, &form, create == "true").await?;
    Ok(outcome)
}

#[server(endpoint = "plan/panel-choices")]
pub async fn load_panel_choices() -> Result<PanelChoices, QuorumError> {
    let db = super::database()?;
    crate::ssr::panels::choices(&db).await
}
