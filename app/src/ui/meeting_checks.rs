//! The meeting planner's side panel: the live check's answer, each conflict with its
//! accept-with-reason form (shared with the conflicts page), and the free-slot finder.

use leptos::prelude::*;

use super::forms::{PageField, PlainPost};
use crate::api::planning::*;
use crate::domain::conflicts::{ConflictView, Severity};
use crate::domain::label::Label;
use crate::error::QuorumError;
use crate::wire::planning::*;

/// The answer of the live check: the form's gaps, or its conflicts and whether one blocks a save.
#[component]
pub(super) fn CheckPanel(
    outcome: CheckOutcome,
    saved: impl Fn() -> bool + Send + Sync + Copy + 'static,
    on_accept: impl Fn() + Send + Sync + Copy + 'static,
    post: PlainPost,
) -> impl IntoView {
    let refused = (!outcome.errors.is_empty()).then(|| {
        view! {
            <div class="check-result incomplete" role="status">
                <p>"This meeting cannot be saved as it stands:"</p>
                <ul>{outcome.errors.iter().map(|e| view! { <li>{format!("{}: {}", e.field, e.message)}</li> }).collect_view()}</ul>
            </div>
        }
    });
    let blocking_conflict = outcome
        .conflicts
        .iter()
        .any(|c| c.severity == Severity::Blocking);
    let summary = match (outcome.conflicts.len(), blocking_conflict) {
        // A form with gaps is not checked against the calendar yet.
        (0, _) if !outcome.errors.is_empty() => None,
        (0, _) => Some("No conflicts with any body's meetings.".to_owned()),
        (n, true) => Some(format!("{n} conflict(s); a blocking one prevents saving.")),
        (n, false) if outcome.blocking => Some(format!(
            "{n} warning(s), which alone would not prevent saving."
        )),
        (n, false) => Some(format!(
            "{n} warning(s); you may save, or accept each with a reason once saved."
        )),
    };
    view! {
        {refused}
        {summary.map(|summary| view! {
            <div class="check-result" role="status" aria-live="polite">
                <p class=if outcome.blocking { "summary blocking" } else { "summary" }>{summary}</p>
                <ul class="conflicts">
                    {outcome.conflicts.clone().into_iter().map(|c| view! { <ConflictItem conflict=c saved on_accept post=post.clone()/> }).collect_view()}
                </ul>
            </div>
        })}
    }
    .into_any()
}

/// One conflict in words; a warning of a saved meeting can be accepted here with a reason.
#[component]
pub(super) fn ConflictItem(
    conflict: ConflictView,
    saved: impl Fn() -> bool + Send + Sync + Copy + 'static,
    on_accept: impl Fn() + Send + Sync + Copy + 'static,
    post: PlainPost,
) -> impl IntoView {
    let accept = ServerAction::<AcceptConflict>::new();
    post.show_row(accept, "id", &conflict.id);
    // A reason refused without JavaScript comes back as it was typed.
    let reason = post
        .of_row::<AcceptConflict>("id", &conflict.id)
        .filter(|echo| echo.refused())
        .and_then(|echo| echo.value("reason"))
        .unwrap_or_default()
        .to_owned();
    let page = post.page;
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
                let (id, reason_id, reason, page) = (id.clone(), reason_id.clone(), reason.clone(), page.clone());
                view! {
                    <ActionForm action=accept attr:class="accept">
                        <PageField page/>
                        <input type="hidden" name="id" value=id/>
                        <label for=reason_id.clone()>"Reason for accepting"</label>
                        <input id=reason_id name="reason" value=reason required/>
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
pub(super) fn SlotFinder(
    form: RwSignal<MeetingForm>,
    creating: RwSignal<bool>,
    search: Option<(String, String)>,
) -> impl IntoView {
    let (searched_from, searched_to) = search.clone().unzip();
    let from =
        RwSignal::new(searched_from.unwrap_or_else(|| form.with_untracked(|f| f.date.clone())));
    let to = RwSignal::new(searched_to.unwrap_or_default());
    let find = Action::new(move |(form, from, to): &(MeetingForm, String, String)| {
        let (form, from, to) = (form.clone(), from.clone(), to.clone());
        async move { find_free_slots(form, from, to).await }
    });
    let period = move || {
        let start = if from.get_untracked().is_empty() {
            form.with_untracked(|f| f.date.clone())
        } else {
            from.get_untracked()
        };
        let end = if to.get_untracked().is_empty() {
            plus_two_weeks(&start)
        } else {
            to.get_untracked()
        };
        (start, end)
    };
    // A search sent without JavaScript is answered as the server writes the page.
    let searched = Resource::new(
        || (),
        move |_| {
            let asked = search.clone().map(|_| (form.get_untracked(), period()));
            async move {
                match asked {
                    Some((form, (start, end))) => Some(find_free_slots(form, start, end).await),
                    None => None,
                }
            }
        },
    );
    view! {
        <section class="slot-finder" aria-labelledby="slots-heading">
            <h2 id="slots-heading">"Free slots"</h2>
            // Its fields belong to the meeting form: without JavaScript the search is a GET of
            // the planner's address with the meeting as typed, and each slot a link back to it.
            <p class="slot-search">
                <label for="slots-from">"Between"</label>
                <input id="slots-from" name="slots_from" form="meeting-form" type="date" value=from.get_untracked() prop:value=move || from.get() on:input=move |ev| from.set(event_target_value(&ev))/>
                <label for="slots-to">"and"</label>
                <input id="slots-to" name="slots_to" form="meeting-form" type="date" value=to.get_untracked() prop:value=move || to.get() on:input=move |ev| to.set(event_target_value(&ev))/>
                <button type="submit" form="meeting-form" formmethod="get" formaction="/plan" formnovalidate class="find-slots" on:click=move |ev| {
                    ev.prevent_default();
                    let (start, end) = period();
                    find.dispatch((form.get_untracked(), start, end));
                }>"Find free slots"</button>
            </p>
            <Show when=move || find.value().with(Option::is_none)>
                <Suspense>
                    {move || Suspend::new(async move { searched.await.map(|found| slot_list(found, form, creating)) })}
                </Suspense>
            </Show>
            {move || find.value().get().map(|found| slot_list(found, form, creating))}
        </section>
    }
}

/// The slots found, each with a link to the planner holding the meeting there: followed
/// without JavaScript, handled in place with it.
fn slot_list(
    found: Result<Vec<SlotOption>, QuorumError>,
    form: RwSignal<MeetingForm>,
    creating: RwSignal<bool>,
) -> AnyView {
    match found {
        Ok(slots) if slots.is_empty() => view! { <p role="status">"No free slot in this period."</p> }.into_any(),
        Ok(slots) => view! {
            <ul class="slots" role="status">
                {slots.into_iter().map(|slot| {
                    let chosen = slot.clone();
                    let note = match slot.warnings { 0 => String::new(), n => format!(" ({n} warning(s))") };
                    let address = form.with_untracked(|f| {
                        let mut there = f.clone();
                        there.date = slot.date.clone();
                        there.start = slot.start.clone();
                        there.end = slot.end.clone();
                        there.draft_address(creating.get_untracked())
                    });
                    view! {
                        <li>
                            {format!("{}{}", slot.label, note)}
                            " "
                            <a class="use-slot" href=address on:click=move |ev| {
                                ev.prevent_default();
                                form.update(|f| {
                                    f.date = chosen.date.clone();
                                    f.start = chosen.start.clone();
                                    f.end = chosen.end.clone();
                                });
                            }>"Use this slot"</a>
                        </li>
                    }
                }).collect_view()}
            </ul>
        }.into_any(),
        Err(e) => view! { <p class="error" role="alert">{e.to_string()}</p> }.into_any(),
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
