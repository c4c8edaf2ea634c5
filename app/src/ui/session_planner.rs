//! The session planner: a session's form (regular, resumed, special or intersessional), saved
//! by the server, whose answer shows in place.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::forms::{choice_select, FormStart, TextArea};
use crate::api::planning::*;
use crate::domain::label::Label;
use crate::domain::{SessionFormat, SessionKind, SessionStatus};
use crate::error::QuorumError;
use crate::wire::calendar::Choice;
use crate::wire::planning::*;

/// `/plan/session` for a new session, `/plan/session?session=KEY` to change one.
#[component]
pub fn SessionPlannerPage() -> impl IntoView {
    let key = use_query_map().read_untracked().get("session");
    let echo = super::forms::form_echo::<SaveSessionForm>();
    let data = Resource::new(
        move || key.clone(),
        |key| async move {
            let choices = load_planner().await?;
            let bodies = crate::api::bodies::list_bodies().await?;
            let form = match key {
                Some(id) => load_session_form(id).await?,
                None => None,
            };
            Ok::<_, QuorumError>((choices, bodies, form))
        },
    );
    view! {
        <leptos_meta::Title text="Plan a session"/>
        <h1>"Plan a session"</h1>
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || { let echo = echo.clone(); Suspend::new(async move {
                match data.await {
                    Ok((choices, _, _)) if choices.planner.is_none() => view! {
                        <p role="alert">"Planning is for Bureau members and the secretariat: " <super::header::SignInLink text="sign in"/> "."</p>
                    }.into_any(),
                    Ok((choices, bodies, form)) => {
                        let FormStart { form, create, answer } = FormStart::of(echo, form, SessionForm::default);
                        let bodies = bodies.into_iter().map(|b| Choice { value: b.code.to_string(), label: b.short_name }).collect();
                        let venues = choices.venues.into_iter().map(|v| Choice { value: v.id, label: v.label }).collect();
                        let sessions = choices.sessions.into_iter().map(|s| Choice { value: s.id, label: format!("{} — {}", s.body, s.title) }).collect();
                        view! { <SessionPlanner form create bodies venues sessions answer page=super::forms::current_page()/> }.into_any()
                    }
                    Err(e) => view! { <p class="error" role="alert">{e.to_string()}</p> }.into_any(),
                }
            })}}
        </Suspense>
    }
}

/// The session form: an island, so the server's answer shows in place.
#[island]
fn SessionPlanner(
    form: SessionForm,
    create: bool,
    bodies: Vec<Choice>,
    venues: Vec<Choice>,
    sessions: Vec<Choice>,
    answer: super::forms::Answer,
    page: String,
) -> impl IntoView {
    use super::forms::PageField;
    use super::forms::{error_beside, outcome_view};
    let save = ServerAction::<SaveSessionForm>::new();
    super::forms::show_answer(save, answer);
    let error = move |field: &'static str| error_beside(save, field, format!("error-{field}"));
    let select = choice_select;
    view! {
        <form method="get" action="/plan/session" class="open-meeting" aria-label="Open a session">
            <label for="open-session">"Change a session"</label>
            {select("open-session", "session", sessions, form.id.clone(), None)}
            <button type="submit">"Open"</button>
            <a href="/plan/session">"New session"</a>
            <a href="/plan">"Plan a meeting"</a>
        </form>
        <ActionForm action=save attr:class="session-form">
            <PageField page/>
            <input type="hidden" name="create" value=create.to_string()/>
            <p class="field"><label for="s-id">"Key"</label><input id="s-id" name="id" value=form.id.clone() readonly=!create aria-describedby="hint-s-id"/><span id="hint-s-id" class="hint">"The session's short name in addresses and exports. Leave it blank and Quorum makes it from the body and number (irg-17, irg-17-resumed-1); it cannot be changed once saved."</span>{error("id")}</p>
            <p class="field"><label for="s-body">"Body"</label>{select("s-body", "body", bodies, form.body.clone(), None)}{error("body")}</p>
            <p class="field"><label for="s-kind">"Kind"</label>{select("s-kind", "kind", coded(SessionKind::ALL), form.kind.clone(), None)}{error("kind")}</p>
            <p class="field"><label for="s-number">"Number (13 for the thirteenth session)"</label><input id="s-number" name="number" inputmode="numeric" value=form.number.clone()/>{error("number")}</p>
            <p class="field"><label for="s-resumed">"Resumed part (1 for the first resumed session)"</label><input id="s-resumed" name="resumed" inputmode="numeric" value=form.resumed.clone()/>{error("resumed")}</p>
            <p class="field"><label for="s-subject">"Subject of a special session"</label><input id="s-subject" name="subject" value=form.subject.clone()/></p>
            <p class="field"><label for="s-venue">"Venue"</label>{select("s-venue", "venue", venues, form.venue.clone(), Some("To be determined"))}{error("venue")}</p>
            <p class="field"><label for="s-format">"Format"</label>{select("s-format", "format", coded(SessionFormat::ALL), form.format.clone(), None)}{error("format")}</p>
            <p class="field"><label for="s-start">"First day"</label><input id="s-start" name="start" type="date" value=form.start.clone()/>{error("start")}</p>
            <p class="field"><label for="s-end">"Last day"</label><input id="s-end" name="end" type="date" value=form.end.clone()/>{error("end")}</p>
            <p class="field"><label for="s-year">"Or only the year"</label><input id="s-year" name="year" inputmode="numeric" value=form.year.clone()/>{error("year")}</p>
            <p class="field"><label for="s-status">"Status"</label>{select("s-status", "status", coded(SessionStatus::ALL), form.status.clone(), None)}{error("status")}</p>
            <p class="field"><label for="s-notes">"Notes"</label><TextArea id="s-notes" name="notes" value=form.notes.clone()/></p>
            <button type="submit" class="primary">{if create { "Create the session" } else { "Save changes" }}</button>
        </ActionForm>
        {move || outcome_view(save.value().get(), &["id", "body", "kind", "number", "resumed", "venue", "format", "start", "end", "year", "status"])}
    }
}

/// The choices of a closed list of values: each one's code, shown as its label.
fn coded<T: Label>(values: &[T]) -> Vec<Choice> {
    values
        .iter()
        .map(|v| Choice {
            value: v.code().into(),
            label: v.label(),
        })
        .collect()
}
