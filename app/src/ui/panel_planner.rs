//! The panel planner: a panel discussion's form, saved by the server, whose answer shows in
//! place. Panellists join through nominations, not here.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::forms::{choice_select, FormStart, TextArea};
use crate::api::planning::*;
use crate::error::QuorumError;
use crate::wire::calendar::Choice;
use crate::wire::planning::*;

/// `/plan/panel` for a new panel (`?meeting=KEY` picks its meeting), `/plan/panel?panel=KEY`
/// to change one.
#[component]
pub fn PanelPlannerPage() -> impl IntoView {
    let query = use_query_map().read_untracked().clone();
    let key = query.get("panel");
    let meeting = query.get("meeting").unwrap_or_default();
    let echo = super::forms::form_echo::<SavePanelForm>();
    let data = Resource::new(
        move || key.clone(),
        |key| async move {
            let planner = load_planner().await?;
            let choices = load_panel_choices().await?;
            let form = match key {
                Some(id) => load_panel_form(id).await?,
                None => None,
            };
            Ok::<_, QuorumError>((planner, choices, form))
        },
    );
    view! {
        <leptos_meta::Title text="Plan a panel discussion"/>
        <h1>"Plan a panel discussion"</h1>
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || {
                let (meeting, echo) = (meeting.clone(), echo.clone());
                Suspend::new(async move {
                    match data.await {
                        Ok((planner, _, _)) if planner.planner.is_none() => view! {
                            <p role="alert">"Planning is for Bureau members and the secretariat: " <super::header::SignInLink text="sign in"/> "."</p>
                        }.into_any(),
                        Ok((planner, choices, form)) => {
                            let FormStart { form, create, answer } =
                                FormStart::of(echo, form, || PanelForm { meeting, ..Default::default() });
                            let meetings = planner.meetings.into_iter().map(|(value, label)| Choice { value, label }).collect();
                            view! { <PanelPlanner form create meetings choices answer page=super::forms::current_page()/> }.into_any()
                        }
                        Err(e) => view! { <p class="error" role="alert">{e.to_string()}</p> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

/// The panel form: an island, so the server's answer shows in place.
#[island]
fn PanelPlanner(
    form: PanelForm,
    create: bool,
    meetings: Vec<Choice>,
    choices: PanelChoices,
    answer: super::forms::Answer,
    page: String,
) -> impl IntoView {
    use super::forms::PageField;
    use super::forms::{error_beside, outcome_view};
    let save = ServerAction::<SavePanelForm>::new();
    super::forms::show_answer(save, answer);
    let error = move |field: &'static str| error_beside(save, field, format!("error-{field}"));
    view! {
        <form method="get" action="/plan/panel" class="open-meeting" aria-label="Open a panel">
            <label for="open-panel">"Change a panel"</label>
            {choice_select("open-panel", "panel", choices.panels, form.id.clone(), None)}
            <button type="submit">"Open"</button>
            <a href="/plan/panel">"New panel"</a>
            <a href="/plan">"Plan a meeting"</a>
        </form>
        <p class="help">"Panellists join a panel through nominations: open a call on the review board once the panel exists."</p>
        <ActionForm action=save attr:class="panel-form">
            <PageField page/>
            <input type="hidden" name="create" value=create.to_string()/>
            <p class="field"><label for="p-id">"Key"</label><input id="p-id" name="id" value=form.id.clone() readonly=!create required/>{error("id")}</p>
            <p class="field"><label for="p-meeting">"Meeting"</label>{choice_select("p-meeting", "meeting", meetings, form.meeting.clone(), Some("Choose the meeting"))}{error("meeting")}</p>
            <p class="field"><label for="p-topic">"Topic"</label><input id="p-topic" name="topic" value=form.topic.clone()/>{error("topic")}</p>
            <p class="field"><label for="p-entry">"Workplan entry"</label>{choice_select("p-entry", "workplan_entry", choices.workplan_entries, form.workplan_entry.clone(), Some("None"))}{error("workplan_entry")}</p>
            <p class="field"><label for="p-moderator">"Moderator"</label>{choice_select("p-moderator", "moderator", choices.persons, form.moderator.clone(), Some("Not yet known"))}{error("moderator")}</p>
            <p class="field"><label for="p-size">"Planned number of panellists"</label><input id="p-size" name="planned_size" inputmode="numeric" value=form.planned_size.clone()/>{error("planned_size")}</p>
            <p class="field"><label for="p-notes">"Notes"</label><TextArea id="p-notes" name="notes" value=form.notes.clone()/></p>
            <button type="submit" class="primary">{if create { "Create the panel" } else { "Save changes" }}</button>
        </ActionForm>
        {move || outcome_view(save.value().get(), &["id", "meeting", "topic", "workplan_entry", "moderator", "planned_size"])}
    }
}
