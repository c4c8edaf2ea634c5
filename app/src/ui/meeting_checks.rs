//! The meeting planner's side panel: the live check's answer, each conflict with its
//! accept-with-reason form (shared with the conflicts page), and the free-slot finder.

use leptos::prelude::*;

use crate::api::planning::*;
use crate::domain::conflicts::{ConflictView, Severity};
use crate::domain::label::Label;
use crate::wire::planning::*;

/// The answer of the live check: the form's gaps, or its conflicts and whether one blocks a save.
#[component]
pub(super) fn CheckPanel(
    outcome: CheckOutcome,
    saved: impl Fn() -> bool + Send + Sync + Copy + 'static,
    on_accept: impl Fn() + Send + Sync + Copy + 'static,
) -> impl IntoView {
    if !outcome.errors.is_empty() {
        return view! {
            <div class="check-result incomplete" role="status">
                <p>"Complete the form to check it against every body's calendar:"</p>
                <ul>{outcome.errors.into_iter().map(|e| view! { <li>{format!("{}: {}", e.field, e.message)}</li> }).collect_view()}</ul>
            </div>
        }
        .into_any();
    }
    let summary = match (outcome.conflicts.len(), outcome.blocking) {
        (0, _) => "No conflicts with any body's meetings.".to_owned(),
        (n, true) => format!("{n} conflict(s); a blocking one prevents saving."),
        (n, false) => {
            format!("{n} warning(s); you may save, or accept each with a reason once saved.")
        }
    };
    view! {
        <div class="check-result" role="status" aria-live="polite">
            <p class=if outcome.blocking { "summary blocking" } else { "summary" }>{summary}</p>
            <ul class="conflicts">
                {outcome.conflicts.into_iter().map(|c| view! { <ConflictItem conflict=c saved on_accept/> }).collect_view()}
            </ul>
        </div>
    }
    .into_any()
}

/// One conflict in words; a warning of a saved meeting can be accepted here with a reason.
#[component]
pub(super) fn ConflictItem(
    conflict: ConflictView,
    saved: impl Fn() -> bool + Send + Sync + Copy + 'static,
    on_accept: impl Fn() + Send + Sync + Copy + 'static,
) -> impl IntoView {
    let accept = ServerAction::<AcceptConflict>::new();
    Effect::new(move |_| {
        if let Some(Ok(_)) = accept.value().get() {
            on_accept();
        }
    });
    let class = if conflict.accepted.is_some() {
        "conflict accepted".to_owned()
    } else {
        format!("conflict {}", conflict.severity)
    };
    let acceptable = conflict.severity != Severity::Blocking && conflict.accepted.is_none();
    let id = conflict.id.clone();
    let reason_id = format!(
        "reason-{}",
        conflict
            .id
            .replace(|c: char| !c.is_ascii_alphanumeric(), "-")
    );
    view! {
        <li class=class data-id=conflict.id>
            <span class="severity">{conflict.severity.to_string()}</span>
            " "
            <span class="kind">{conflict.kind.label()}</span>
            <p class="explanation">{conflict.explanation}</p>
            {conflict.accepted.map(|a| view! { <p class="acceptance">{format!("Accepted by {}: {}", a.accepted_by, a.reason)}</p> })}
            {move || (acceptable && saved()).then(|| {
                let id = id.clone();
                let reason_id = reason_id.clone();
                view! {
                    <ActionForm action=accept attr:class="accept">
                        <input type="hidden" name="id" value=id/>
                        <label for=reason_id.clone()>"Reason for accepting"</label>
                        <input id=reason_id name="reason" required/>
                        <button type="submit">"Accept"</button>
                    </ActionForm>
                }
            })}
            {move || accept.value().get().map(|r| match r {
                Ok(text) => view! { <p class="acceptance" role="status">{text}</p> }.into_any(),
                Err(e) => view! { <p class="field-error" role="alert">{e.to_string()}</p> }.into_any(),
            })}
        </li>
    }
}

/// Suggests free slots for the form's bodies, venue, room and duration; choosing one moves the
/// meeting there (and the live check runs again).
#[component]
pub(super) fn SlotFinder(form: RwSignal<MeetingForm>) -> impl IntoView {
    let from = RwSignal::new(form.with_untracked(|f| f.date.clone()));
    let to = RwSignal::new(String::new());
    let find = Action::new(move |(form, from, to): &(MeetingForm, String, String)| {
        let (form, from, to) = (form.clone(), from.clone(), to.clone());
        async move { find_free_slots(form, from, to).await }
    });
    view! {
        <section class="slot-finder" aria-labelledby="slots-heading">
            <h2 id="slots-heading">"Free slots"</h2>
            <form on:submit=move |ev| {
                ev.prevent_default();
                let start = if from.get_untracked().is_empty() { form.with_untracked(|f| f.date.clone()) } else { from.get_untracked() };
                let end = if to.get_untracked().is_empty() { plus_two_weeks(&start) } else { to.get_untracked() };
                find.dispatch((form.get_untracked(), start, end));
            }>
                <label for="slots-from">"Between"</label>
                <input id="slots-from" type="date" prop:value=move || from.get() on:input=move |ev| from.set(event_target_value(&ev))/>
                <label for="slots-to">"and"</label>
                <input id="slots-to" type="date" prop:value=move || to.get() on:input=move |ev| to.set(event_target_value(&ev))/>
                <button type="submit" class="find-slots">"Find free slots"</button>
            </form>
            {move || find.value().get().map(|result| match result {
                Ok(slots) if slots.is_empty() => view! { <p role="status">"No free slot in this period."</p> }.into_any(),
                Ok(slots) => view! {
                    <ul class="slots" role="status">
                        {slots.into_iter().map(|slot| {
                            let chosen = slot.clone();
                            let note = match slot.warnings { 0 => String::new(), n => format!(" ({n} warning(s))") };
                            view! {
                                <li>
                                    {format!("{}{}", slot.label, note)}
                                    " "
                                    <button type="button" class="use-slot" on:click=move |_| form.update(|f| {
                                        f.date = chosen.date.clone();
                                        f.start = chosen.start.clone();
                                        f.end = chosen.end.clone();
                                    })>"Use this slot"</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any(),
                Err(e) => view! { <p class="error" role="alert">{e.to_string()}</p> }.into_any(),
            })}
        </section>
    }
}

/// The day fourteen days after an ISO date, or the date itself when it is not one.
fn plus_two_weeks(day: &str) -> String {
    day.parse::<chrono::NaiveDate>()
        .ok()
        .and_then(|d| d.checked_add_days(chrono::Days::new(14)))
        .map(|d| d.to_string())
        .unwrap_or_else(|| day.to_owned())
}
