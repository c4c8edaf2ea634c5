//! The meeting planner: a meeting form (joint meetings included) whose conflicts are checked
//! by the server as the form changes, with the free-slot finder, accept-with-reason and a save
//! that refuses to overwrite someone else's change.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::forms::PlainPost;
use super::meeting_checks::{CheckPanel, SlotFinder};
use crate::api::planning::*;
use crate::error::QuorumError;
use crate::wire::planning::*;

/// `/plan` for a new meeting, `/plan?meeting=KEY` to change one (`&saved=1` once saved), and
/// `/plan?draft=1&…` for a form as typed: where a save refused without JavaScript returns, and
/// where the free-slot finder without JavaScript answers (`&slots_from=…&slots_to=…`).
#[component]
pub fn PlannerPage() -> impl IntoView {
    let query = use_query_map().read_untracked().clone();
    let meeting = query.get("meeting");
    let saved = query.get("saved").and(meeting.clone());
    let draft = query.get("draft").map(|_| MeetingForm::from_pairs(&query));
    let search = query
        .get("slots_from")
        .map(|from| (from, query.get("slots_to").unwrap_or_default()));
    let post = PlainPost::here();
    let data = Resource::new(
        move || meeting.clone(),
        |meeting| async move {
            let choices = load_planner().await?;
            let (form, read_only) = match meeting {
                Some(id) => (
                    load_meeting_form(id.clone()).await?,
                    why_read_only(id).await?,
                ),
                None => (None, None),
            };
            Ok::<_, QuorumError>((choices, form, read_only))
        },
    );
    view! {
        <leptos_meta::Title text="Plan a meeting"/>
        <h1>"Plan a meeting"</h1>
        <Suspense fallback=|| view! { <p>"Loading the planner…"</p> }>
            {move || {
                let (draft, saved, search, post) = (draft.clone(), saved.clone(), search.clone(), post.clone());
                Suspend::new(async move {
                    match data.await {
                        Ok((choices, ..)) if choices.planner.is_none() => view! {
                            <p role="alert">"Planning is for Bureau members and the secretariat: " <super::header::SignInLink text="sign in"/> "."</p>
                        }.into_any(),
                        Ok((choices, form, read_only)) => {
                            let (form, creating) = match (draft, form) {
                                (Some((typed, create)), _) => (typed, create),
                                (None, Some(stored)) => (stored, false),
                                (None, None) => (blank_form(), true),
                            };
                            view! { <Planner choices form creating saved search post read_only/> }.into_any()
                        }
                        Err(e) => view! { <p class="error" role="alert">{e.to_string()}</p> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

/// The form as the server first writes it.
struct Initial {
    form: MeetingForm,
    create: bool,
}

fn blank_form() -> MeetingForm {
    MeetingForm {
        kind: "plenary".into(),
        status: "planned".into(),
        interpretation: true,
        start: "10:00".into(),
        end: "13:00".into(),
        ..Default::default()
    }
}

/// A field's error, shown beside it and announced.
#[component]
fn FieldMessage(errors: RwSignal<Vec<FieldError>>, field: &'static str) -> impl IntoView {
    move || {
        errors
            .with(|e| FieldError::messages_for(e, field))
            .map(|m| {
                view! {
                    <span id=format!("error-{field}") class="field-error" role="alert">{m}</span>
                }
            })
    }
}

/// The form and its live check: an island, hydrated for instant feedback.
#[island]
fn Planner(
    choices: PlannerChoices,
    form: MeetingForm,
    creating: bool,
    saved: Option<String>,
    search: Option<(String, String)>,
    post: PlainPost,
    /// Why the planner may read this meeting but not change it: the form opens disabled.
    read_only: Option<String>,
) -> impl IntoView {
    // The accept-with-reason forms of the check panel answer without JavaScript through it.
    let post = StoredValue::new(post);
    let creating = RwSignal::new(creating);
    let form = RwSignal::new(form);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let changed_since = RwSignal::new(Vec::<String>::new());
    let saved = RwSignal::new(saved);
    // Every change of the form asks the server again; nothing is saved.
    let check = Resource::new(
        move || (form.get(), creating.get()),
        |(form, create)| check_meeting_form(form, Some(create)),
    );
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
                        // A key left blank was made from the title: the form now holds it.
                        form.update(|f| f.id = id.clone());
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
    // What the server writes into the page: the same values the form holds once hydrated, so
    // nothing changes on hydration and the page reads right without JavaScript.
    let initial = Initial {
        form: form.get_untracked(),
        create: creating.get_untracked(),
    };
    let described = move |field: &'static str| {
        move || {
            errors.with(|e| FieldError::messages_for(e, field).map(|_| format!("error-{field}")))
        }
    };
    let invalid = move |field: &'static str| {
        move || {
            errors
                .with(|e| FieldError::messages_for(e, field).is_some())
                .to_string()
        }
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
            // Without JavaScript the browser posts the form to `/plan` (server/src/routes/planner.rs).
            <form id="meeting-form" class="meeting-form" aria-label="Meeting" method="post" action="/plan" on:submit=move |ev| {
                ev.prevent_default();
                save.dispatch((form.get_untracked(), creating.get_untracked()));
            }>
                {read_only.clone().map(|why| view! {
                    <p class="read-only" role="note">{format!("You may read this meeting here but not change it. {why}")}</p>
                })}
                // Disabled as a whole when the planner may not change the meeting.
                <fieldset class="plain" disabled=read_only.is_some()>
                <input type="hidden" name="draft" value="1"/>
                <input type="hidden" name="create" value=initial.create.to_string() prop:value=move || creating.get().to_string()/>
                <input type="hidden" name="opened_at" value=initial.form.opened_at.clone() prop:value=text(|f| &f.opened_at)/>
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
                    <input id="m-id" name="id" value=initial.form.id.clone() prop:value=text(|f| &f.id) readonly=move || !creating.get()
                        aria-invalid=invalid("id") aria-describedby=move || described("id")().map_or_else(|| "hint-id".to_owned(), |e| format!("hint-id {e}"))
                        on:input=move |ev| form.update(|f| f.id = event_target_value(&ev))/>
                    <span id="hint-id" class="hint">"The meeting's short name in addresses and exports. Leave it blank and Quorum makes it from the title; it cannot be changed once saved."</span>
                    <FieldMessage errors field="id"/>
                </p>
                <p class="field">
                    <label for="m-title">"Title"</label>
                    <input id="m-title" name="title" required value=initial.form.title.clone() prop:value=text(|f| &f.title)
                        aria-invalid=invalid("title") aria-describedby=described("title")
                        on:input=move |ev| form.update(|f| f.title = event_target_value(&ev))/>
                    <FieldMessage errors field="title"/>
                </p>
                <p class="field">
                    <label for="m-kind">"Type"</label>
                    <select id="m-kind" name="kind" prop:value=text(|f| &f.kind) on:change=move |ev| form.update(|f| f.kind = event_target_value(&ev))>
                        {choices.kinds.iter().map(|k| view! { <option value=k.value.clone() selected=k.value == initial.form.kind>{k.label.clone()}</option> }).collect_view()}
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
                                <input type="checkbox" name="sessions" value=s.id.clone() checked=initial.form.sessions.contains(&s.id)
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
                        {venues.iter().map(|v| view! { <option value=v.id.clone() selected=v.id == initial.form.venue>{v.label.clone()}</option> }).collect_view()}
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
                                view! { <option value=r.value selected=chosen>{r.label}</option> }
                            }).collect_view()
                        }}
                    </select>
                    <FieldMessage errors field="room"/>
                </p>
                <p class="field">
                    <label for="m-date">"Day"</label>
                    <input id="m-date" name="date" type="date" required value=initial.form.date.clone() prop:value=text(|f| &f.date)
                        aria-invalid=invalid("date") aria-describedby=described("date")
                        on:input=move |ev| form.update(|f| f.date = event_target_value(&ev))/>
                    <FieldMessage errors field="date"/>
                </p>
                <p class="field times">
                    <label for="m-start">"From"</label>
                    <input id="m-start" name="start" type="time" required value=initial.form.start.clone() prop:value=text(|f| &f.start)
                        aria-invalid=invalid("start") aria-describedby=described("start")
                        on:input=move |ev| form.update(|f| f.start = event_target_value(&ev))/>
                    <label for="m-end">"to"</label>
                    <input id="m-end" name="end" type="time" required value=initial.form.end.clone() prop:value=text(|f| &f.end)
                        aria-invalid=invalid("end") aria-describedby=described("end")
                        on:input=move |ev| form.update(|f| f.end = event_target_value(&ev))/>
                    <span class="help">{move || format!("in {}", zone())}</span>
                    <FieldMessage errors field="start"/>
                    <FieldMessage errors field="end"/>
                </p>
                <p class="field">
                    <label class="check">
                        <input type="checkbox" name="interpretation" checked=initial.form.interpretation prop:checked=move || form.with(|f| f.interpretation)
                            on:change=move |ev| form.update(|f| f.interpretation = event_target_checked(&ev))/>
                        " With interpretation"
                    </label>
                </p>
                <p class="field">
                    <label for="m-status">"Status"</label>
                    <select id="m-status" name="status" prop:value=text(|f| &f.status) on:change=move |ev| form.update(|f| f.status = event_target_value(&ev))>
                        {choices.statuses.iter().map(|k| view! { <option value=k.value.clone() selected=k.value == initial.form.status>{k.label.clone()}</option> }).collect_view()}
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
                </fieldset>
            </form>
            <aside class="live-check" aria-label="Conflicts of this meeting">
                <h2>"Conflicts"</h2>
                <Transition fallback=|| view! { <p>"Checking…"</p> }>
                    {move || Suspend::new(async move {
                        match check.await {
                            Ok(outcome) => view! { <CheckPanel outcome saved=move || !creating.get() on_accept=move || check.refetch() post=post.get_value()/> }.into_any(),
                            Err(e) => view! { <p class="error" role="alert">{e.to_string()}</p> }.into_any(),
                        }
                    })}
                </Transition>
                <SlotFinder form creating search/>
            </aside>
        </div>
    }
}
