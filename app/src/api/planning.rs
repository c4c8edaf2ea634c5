//! The planner's server functions: a meeting form checked live against every body's calendar,
//! free slots, saving, and accepting warnings with a reason. Times travel as the venue's wall
//! time; the server converts them, so the browser needs no time-zone database.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::calendar::Choice;
use crate::domain::conflicts::ConflictView;

/// A meeting as the planner's form holds it: text as typed, times local to the venue.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingForm {
    pub id: String,
    pub title: String,
    pub kind: String,
    /// One session per body taking part; two or more bodies make a joint meeting.
    pub sessions: Vec<String>,
    pub venue: String,
    pub room: String,
    /// YYYY-MM-DD at the venue.
    pub date: String,
    /// HH:MM at the venue.
    pub start: String,
    pub end: String,
    pub interpretation: bool,
    pub status: String,
    /// The revision the planner opened (empty for a new meeting); a save over a newer one is
    /// refused.
    #[serde(default)]
    pub opened_at: String,
}

/// A problem with one field of a form, shown beside it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionOption {
    pub id: String,
    pub body: String,
    pub title: String,
    pub dates: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VenueOption {
    pub id: String,
    pub label: String,
    pub zone: String,
    pub rooms: Vec<Choice>,
}

/// What the planner's form offers, and who is planning.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlannerChoices {
    pub sessions: Vec<SessionOption>,
    pub venues: Vec<VenueOption>,
    pub kinds: Vec<Choice>,
    pub statuses: Vec<Choice>,
    /// "Name (role)" of the signed-in planner, if any.
    pub planner: Option<String>,
    /// Meetings the planner may open: (id, "date — title").
    pub meetings: Vec<(String, String)>,
}

/// The live check's answer: form errors, or the conflicts the meeting would have.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckOutcome {
    pub errors: Vec<FieldError>,
    pub conflicts: Vec<ConflictView>,
    pub blocking: bool,
}

/// A suggested slot, in the venue's wall time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlotOption {
    pub date: String,
    pub start: String,
    pub end: String,
    pub label: String,
    pub warnings: usize,
}

/// What saving answers: the saved meeting's key, or why not.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SaveOutcome {
    pub saved: Option<String>,
    pub errors: Vec<FieldError>,
    /// Set when another planner saved the meeting after this one opened it: what they changed.
    pub changed_since: Vec<String>,
    /// The revision now stored, for the next save.
    pub opened_at: String,
}

#[server(endpoint = "plan/choices")]
pub async fn load_planner() -> Result<PlannerChoices, ServerFnError> {
    let db = super::database()?;
    let account = super::account::signed_in(false).await?;
    crate::ssr::planning::options(&db, account.as_ref())
        .await
        .map_err(super::to_server_error)
}

/// The form of a stored meeting, or `None` when there is no such meeting.
#[server(endpoint = "plan/meeting")]
pub async fn load_meeting_form(id: String) -> Result<Option<MeetingForm>, ServerFnError> {
    let db = super::database()?;
    crate::ssr::planning::form_of(&db, &id)
        .await
        .map_err(super::to_server_error)
}

/// Checks the form as it stands, without saving.
#[server(endpoint = "plan/check", input = leptos::server_fn::codec::Json)]
pub async fn check_meeting_form(form: MeetingForm) -> Result<CheckOutcome, ServerFnError> {
    let db = super::database()?;
    crate::ssr::planning::check(&db, &form)
        .await
        .map_err(super::to_server_error)
}

/// Free slots for the form's bodies, venue, room and duration between two days.
#[server(endpoint = "plan/free-slots", input = leptos::server_fn::codec::Json)]
pub async fn find_free_slots(
    form: MeetingForm,
    from: String,
    to: String,
) -> Result<Vec<SlotOption>, ServerFnError> {
    let db = super::database()?;
    crate::ssr::planning::slots(&db, &form, &from, &to)
        .await
        .map_err(super::to_server_error)
}

/// Saves the form (`create` for a new meeting): the secretariat, or a Bureau of a body taking
/// part. Blocking conflicts refuse the save.
#[server(endpoint = "plan/save", input = leptos::server_fn::codec::Json)]
pub async fn save_meeting_form(
    form: MeetingForm,
    create: bool,
) -> Result<SaveOutcome, ServerFnError> {
    let db = super::database()?;
    let actor = super::account::signed_in_for_change().await?;
    let outcome = crate::ssr::planning::save(&db, &actor, &form, create)
        .await
        .map_err(super::account::refusal)?;
    Ok(outcome)
}

/// Accepts a warning with a reason: the secretariat, or a Bureau of a body involved.
#[server(endpoint = "plan/accept")]
pub async fn accept_conflict(id: String, reason: String) -> Result<String, ServerFnError> {
    let db = super::database()?;
    let actor = super::account::signed_in_for_change().await?;
    let acceptance = crate::ssr::conflicts::accept(&db, &actor, &id, &reason)
        .await
        .map_err(super::account::refusal)?;
    Ok(format!(
        "Accepted by {}: {}",
        acceptance.accepted_by, acceptance.reason
    ))
}

/// A session as the session form holds it: text as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionForm {
    pub id: String,
    pub body: String,
    pub kind: String,
    pub number: String,
    pub resumed: String,
    pub subject: String,
    pub venue: String,
    pub format: String,
    /// First and last day; or only `year` when the days are not yet known.
    pub start: String,
    pub end: String,
    pub year: String,
    pub status: String,
    pub notes: String,
}

/// The form of a stored session, or `None` when there is no such session.
#[server(endpoint = "plan/session")]
pub async fn load_session_form(id: String) -> Result<Option<SessionForm>, ServerFnError> {
    let db = super::database()?;
    crate::ssr::planning::session_form_of(&db, &id)
        .await
        .map_err(super::to_server_error)
}

/// Creates (`create` "true") or changes a session: the secretariat, or the Bureau of its body.
#[server(endpoint = "plan/save-session")]
#[allow(clippy::too_many_arguments)]
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
) -> Result<super::nominations::FormOutcome, ServerFnError> {
    let db = super::database()?;
    let actor = super::account::signed_in_for_change().await?;
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
    let outcome = crate::ssr::planning::save_session(&db, &actor, &form, create == "true")
        .await
        .map_err(super::account::refusal)?;
    Ok(outcome)
}

/// A panel discussion as the panel form holds it: text as typed. Panellists come through
/// nominations and are not part of the form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PanelForm {
    pub id: String,
    /// The meeting that holds the panel.
    pub meeting: String,
    pub topic: String,
    pub workplan_entry: String,
    /// The moderator's person key.
    pub moderator: String,
    pub planned_size: String,
    pub notes: String,
}

/// The form of a stored panel, or `None` when there is no such panel.
#[server(endpoint = "plan/panel")]
pub async fn load_panel_form(id: String) -> Result<Option<PanelForm>, ServerFnError> {
    let db = super::database()?;
    crate::ssr::panels::form_of(&db, &id)
        .await
        .map_err(super::to_server_error)
}

/// Creates (`create` "true") or changes a panel: the secretariat, or the Bureau of a body whose
/// meeting holds it.
#[server(endpoint = "plan/save-panel")]
#[allow(clippy::too_many_arguments)]
pub async fn save_panel_form(
    id: String,
    meeting: String,
    topic: String,
    #[server(default)] workplan_entry: String,
    #[server(default)] moderator: String,
    #[server(default)] planned_size: String,
    #[server(default)] notes: String,
    #[server(default)] create: String,
) -> Result<super::nominations::FormOutcome, ServerFnError> {
    let db = super::database()?;
    let actor = super::account::signed_in_for_change().await?;
    let form = PanelForm {
        id,
        meeting,
        topic,
        workplan_entry,
        moderator,
        planned_size,
        notes,
    };
    let outcome = crate::ssr::panels::save(&db, &actor, &form, create == "true")
        .await
        .map_err(super::account::refusal)?;
    Ok(outcome)
}

/// What the panel form offers: the panels to open, workplan entries and moderators.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PanelChoices {
    pub panels: Vec<Choice>,
    pub workplan_entries: Vec<Choice>,
    pub persons: Vec<Choice>,
}

#[server(endpoint = "plan/panel-choices")]
pub async fn load_panel_choices() -> Result<PanelChoices, ServerFnError> {
    let db = super::database()?;
    crate::ssr::panels::choices(&db)
        .await
        .map_err(super::to_server_error)
}
