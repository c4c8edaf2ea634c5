//! The meeting planner: a meeting form (joint meetings included) whose conflicts are checked
//! by the server as the form changes, with the free-slot finder, accept-with-reason and a save
//! that refuses to overwrite someone else's change.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::planning::*;
use crate::domain::conflicts::{ConflictView, Severity};
use crate::domain::label::Label;
use crate::error::QuorumError;
use crate::wire::planning::*;

/// `/plan` for a new meeting, `/plan?meeting=KEY` to change one.
#[component]
pub fn PlannerPage() -> impl IntoView {
    let meeting = use_query_map().read_untracked().get("meeting");
    let data = Resource::new(
        move || meeting.clone(),
        |meeting| async move {
            let choices = load_planner().await?;
            let form = match meeting {
                Some(id) => load_meeting_form(id).await?,
                None => None,
            };
            Ok::<_, QuorumError>((choices, form))
        },
    );
    view! {
        <h1>"Plan a meeting"</h1>
        <Suspense fallback=|| view! { <p>"Loading the planner…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok((choices, _)) if choices.planner.is_none() => view! {
                        <p role="alert">"Planning is for Bureau members and the secretariat: " <a href="/login">"sign in"</a> "."</p>
                    }.into_any(),
                    Ok((choices, form)) => view! { <Planner choices form/> }.into_any(),
                    Err(e) => view! { <p class="error" role="alert">{e.to_string()}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn blank_form() -> MeetingForm {
    MeetingForm {
        kind: "joint_meeting".into(),
        status: "planned".into(),
        interpretation: true,
        start: "10:00".into(),
        end: "13:00".into(),
        ..Default::default()
    }
}

/// The message for `field` among `errors`, if any.
fn message_for(errors: &[FieldError], field: &str) -> Option<String> {
    let found: Vec<&str> = errors
        .iter()
        .filter(|e| e.field == field)
        .map(|e| e.message.as_str())
        .collect();
    (!found.is_empty()).then(|| found.join("; "))
}

/// A field's error, shown beside it and announced.
#[component]
fn FieldMessage(errors: RwSignal<Vec<FieldError>>, field: &'static str) -> impl IntoView {
    move || {
        errors.with(|e| message_for(e, field)).map(|m| {
            view! {
                <span id=format!("error-{field}") class="field-error" role="alert">{m}</span>
            }
        })
    }
}

/// The form and its live check: an island, hydrated for instant feedback.
#[island]
fn Planner(choices: PlannerChoices, form: Option<MeetingForm>) -> impl IntoView {
    let creating = RwSignal::new(form.is_none());
    let form = RwSignal::new(form.unwrap_or_else(blank_form));
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let changed_since = RwSignal::new(Vec::<String>::new());
    let saved = RwSignal::new(None::<String>);
    // Every change of the form asks the server again; nothing is saved.
    let check = Resource::new(move || form.get(), check_meeting_form);
    let save = Action::new(move |(form, create): &(MeetingForm, bool)| {
        let (form, create) = (form.clone(), *create);
        async move { save_meeting_form(form, create).await }
    });
    Effect::new(move |_| {
        if let Some(result) = save.value().get() {
            match result {
                Ok(outcome) => {
                    errors.set(outcome.errors);
                    changed_since.set(outcome.changed_since);
                    if !outcome.opened_at.is_empty() {
                        form.update(|f| f.opened_at = outcome.opened_at.clone());
                    }
                    if let Some(id) = outcome.saved {
                        creating.set(false);
                        saved.set(Some(id));
                        check.refetch();
                    }
                }
                Err(e) => errors.set(vec![FieldError {
                    field: "form".into(),
                    message: e.to_string(),
                }]),
            }
        }
    });

    let text = move |get: fn(&MeetingForm) -> &String| move || form.with(|f| get(f).clone());
    let described = move |field: &'static str| {
        move || errors.with(|e| message_for(e, field).map(|_| format!("error-{field}")))
    };
    let invalid = move |field: &'static str| {
        move || errors.with(|e| message_for(e, field).is_some()).to_string()
    };
    let sessions = choices.sessions.clone();
    let venues = choices.venues.clone();
    let venues_for_rooms = choices.venues.clone();
    let zone = {
        let venues = choices.venues.clone();
        move || {
            form.with(|f| {
                venues
                    .iter()
                    .find(|v| v.id == f.venue)
                    .map(|v| v.zone.clone())
                    .unwrap_or_else(|| "the venue's zone".into())
            })
        }
    };

    view! {
        <p class="who">{format!("Planning as {}.", choices.planner.clone().unwrap_or_default())}</p>
        <form method="get" action="/plan" class="open-meeting" aria-label="Open a meeting">
            <label for="open-meeting">"Change a meeting"</label>
            <select id="open-meeting" name="meeting">
                {choices.meetings.iter().map(|(id, label)| view! { <option value=id.clone()>{label.clone()}</option> }).collect_view()}
            </select>
            <button type="submit">"Open"</button>
            <a href="/plan">"New meeting"</a>
            <a href="/plan/session">"Plan a session"</a>
            <a href="/plan/panel">"Plan a panel"</a>
        </form>
        <div class="planner">
            <form class="meeting-form" aria-label="Meeting" on:submit=move |ev| {
                ev.prevent_default();
                save.dispatch((form.get_untracked(), creating.get_untracked()));
            }>
                <FieldMessage errors field="form"/>
                {move || (!changed_since.get().is_empty()).then(|| view! {
                    <div class="changed-since" role="alert">
                        <p>"Changed since you opened it:"</p>
                        <ul>{changed_since.get().into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}</ul>
                        <p>"Your entries are kept. Saving again applies them over these changes."</p>
                    </div>
                })}
                <p class="field">
                    <label for="m-id">"Key"</label>
                    <input id="m-id" name="id" required prop:value=text(|f| &f.id) disabled=move || !creating.get()
                        aria-invalid=invalid("id") aria-describedby=described("id")
                        on:input=move |ev| form.update(|f| f.id = event_target_value(&ev))/>
                    <FieldMessage errors field="id"/>
                </p>
                <p class="field">
                    <label for="m-title">"Title"</label>
                    <input id="m-title" name="title" required prop:value=text(|f| &f.title)
                        aria-invalid=invalid("title") aria-describedby=described("title")
                        on:input=move |ev| form.update(|f| f.title = event_target_value(&ev))/>
                    <FieldMessage errors field="title"/>
                </p>
                <p class="field">
                    <label for="m-kind">"Type"</label>
                    <select id="m-kind" name="kind" prop:value=text(|f| &f.kind) on:change=move |ev| form.update(|f| f.kind = event_target_value(&ev))>
                        {choices.kinds.iter().map(|k| view! { <option value=k.value.clone()>{k.label.clone()}</option> }).collect_view()}
                    </select>
                    <FieldMessage errors field="kind"/>
                </p>
                <fieldset class="sessions-choice" aria-describedby="sessions-help">
                    <legend>"Sessions"</legend>
                    <p id="sessions-help" class="help">"One session per body taking part; two or more bodies make a joint meeting."</p>
                    {sessions.into_iter().map(|s| {
                        let id = s.id.clone();
                        let toggled = s.id.clone();
                        view! {
                            <label class="check">
                                <input type="checkbox" name="sessions" value=s.id.clone()
                                    prop:checked=move || form.with(|f| f.sessions.contains(&id))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        form.update(|f| {
                                            f.sessions.retain(|x| x != &toggled);
                                            if on { f.sessions.push(toggled.clone()); }
                                        });
                                    }/>
                                {format!(" {} — {} ({})", s.body, s.title, s.dates)}
                            </label>
                        }
                    }).collect_view()}
                    <FieldMessage errors field="sessions"/>
                </fieldset>
                <p class="field">
                    <label for="m-venue">"Venue"</label>
                    <select id="m-venue" name="venue" prop:value=text(|f| &f.venue)
                        on:change=move |ev| form.update(|f| { f.venue = event_target_value(&ev); f.room.clear(); })>
                        <option value="">"Choose a venue"</option>
                        {venues.iter().map(|v| view! { <option value=v.id.clone()>{v.label.clone()}</option> }).collect_view()}
                    </select>
                    <FieldMessage errors field="venue"/>
                </p>
                <p class="field">
                    <label for="m-room">"Room"</label>
                    <select id="m-room" name="room" prop:value=text(|f| &f.room) on:change=move |ev| form.update(|f| f.room = event_target_value(&ev))>
                        <option value="">"To be announced"</option>
                        {move || {
                            let venue = form.with(|f| f.venue.clone());
                            let selected = form.with(|f| f.room.clone());
                            venues_for_rooms.iter().filter(|v| v.id == venue).flat_map(|v| v.rooms.clone()).map(|r| {
                                let chosen = r.value == selected;
                                view! { <option value=r.value.clone() selected=chosen>{r.label}</option> }
                            }).collect_view()
                        }}
                    </select>
                    <FieldMessage errors field="room"/>
                </p>
                <p class="field">
                    <label for="m-date">"Day"</label>
                    <input id="m-date" name="date" type="date" required prop:value=text(|f| &f.date)
                        aria-invalid=invalid("date") aria-describedby=described("date")
                        on:input=move |ev| form.update(|f| f.date = event_target_value(&ev))/>
                    <FieldMessage errors field="date"/>
                </p>
                <p class="field times">
                    <label for="m-start">"From"</label>
                    <input id="m-start" name="start" type="time" required prop:value=text(|f| &f.start)
                        aria-invalid=invalid("start") aria-describedby=described("start")
                        on:input=move |ev| form.update(|f| f.start = event_target_value(&ev))/>
                    <label for="m-end">"to"</label>
                    <input id="m-end" name="end" type="time" required prop:value=text(|f| &f.end)
                        aria-invalid=invalid("end") aria-describedby=described("end")
                        on:input=move |ev| form.update(|f| f.end = event_target_value(&ev))/>
                    <span class="help">{move || format!("in {}", zone())}</span>
                    <FieldMessage errors field="start"/>
                    <FieldMessage errors field="end"/>
                </p>
                <p class="field">
                    <label class="check">
                        <input type="checkbox" name="interpretation" prop:checked=move || form.with(|f| f.interpretation)
                            on:change=move |ev| form.update(|f| f.interpretation = event_target_checked(&ev))/>
                        " With interpretation"
                    </label>
                </p>
                <p class="field">
                    <label for="m-status">"Status"</label>
                    <select id="m-status" name="status" prop:value=text(|f| &f.status) on:change=move |ev| form.update(|f| f.status = event_target_value(&ev))>
                        {choices.statuses.iter().map(|k| view! { <option value=k.value.clone()>{k.label.clone()}</option> }).collect_view()}
                    </select>
                    <FieldMessage errors field="status"/>
                </p>
                <p class="actions">
                    <button type="submit" class="primary" disabled=move || save.pending().get()>
                        {move || if creating.get() { "Create the meeting" } else { "Save changes" }}
                    </button>
                    {move || saved.get().map(|id| view! {
                        <span class="saved" role="status">"Saved. " <a href=format!("/meetings/{id}")>"View the meeting"</a></span>
                    })}
                </p>
            </form>
            <aside class="live-check" aria-label="Conflicts of this meeting">
                <h2>"Conflicts"</h2>
                <Transition fallback=|| view! { <p>"Checking…"</p> }>
                    {move || Suspend::new(async move {
                        match check.await {
                            Ok(outcome) => view! { <CheckPanel outcome saved=move || !creating.get() on_accept=move || check.refetch()/> }.into_any(),
                            Err(e) => view! { <p class="error" role="alert">{e.to_string()}</p> }.into_any(),
                        }
                    })}
                </Transition>
                <SlotFinder form/>
            </aside>
        </div>
    }
}

#[component]
fn CheckPanel(
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
        <li class=class data-id=conflict.id.clone()>
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
fn SlotFinder(form: RwSignal<MeetingForm>) -> impl IntoView {
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
