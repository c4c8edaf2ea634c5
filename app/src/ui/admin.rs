use leptos::prelude::*;

use super::forms::outcome_view;
use crate::api::account::{load_audit_log, load_outbox};
use crate::api::admin::*;

/// For the secretariat: accounts, bodies, venues with rooms and holidays, conflict rules,
/// import and export, the outbox and the audit log.
#[component]
pub fn AdminPage() -> impl IntoView {
    let admin = Resource::new(|| (), |_| load_admin());
    let audit = Resource::new(|| (), |_| load_audit_log());
    let outbox = Resource::new(|| (), |_| load_outbox());
    view! {
        <h1>"Administration"</h1>
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                match (admin.await, audit.await, outbox.await) {
                    (Ok(admin), Ok(audit), Ok(outbox)) => view! {
                        <nav class="admin-toc" aria-label="Sections">
                            <a href="#users">"Users"</a> <a href="#bodies">"Bodies"</a> <a href="#venues">"Venues and holidays"</a>
                            <a href="#rules">"Conflict rules"</a> <a href="#data">"Import and export"</a> <a href="#outbox">"Outbox"</a> <a href="#audit">"Audit log"</a>
                        </nav>
                        <h2 id="users">"Users"</h2>
                        <table class="users">
                            <thead><tr><th scope="col">"E-mail"</th><th scope="col">"Name"</th><th scope="col">"Role"</th><th scope="col">"For"</th></tr></thead>
                            <tbody>
                                {admin.users.iter().map(|u| view! { <tr><td>{u.email.clone()}</td><td>{u.name.clone()}</td><td>{u.role.clone()}</td><td>{u.scope.clone()}</td></tr> }).collect_view()}
                            </tbody>
                        </table>
                        <h2 id="bodies">"Bodies"</h2>
                        <table class="admin-bodies">
                            <thead><tr><th scope="col">"Code"</th><th scope="col">"Name"</th><th scope="col">"Reports to"</th><th scope="col">"Open to all States"</th></tr></thead>
                            <tbody>
                                {admin.bodies.iter().map(|b| view! {
                                    <tr><td><a href=format!("/bodies/{}", b.code)>{b.code.clone()}</a></td><td>{b.name.clone()}</td><td>{b.parent.clone()}</td><td>{if b.open_to_all_states { "yes" } else { "no" }}</td></tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                        <h2 id="venues">"Venues, rooms and holidays"</h2>
                        {admin.venues.iter().map(|v| view! {
                            <section class="admin-venue" data-id=v.id.clone()>
                                <h3><a href=format!("/venues/{}", v.id)>{format!("{}, {}", v.name, v.city)}</a>{format!(" ({}, {})", v.zone, v.country)}</h3>
                                <p>{format!("Rooms: {}", v.rooms.iter().map(|r| format!("{} ({} seats, {} booths)", r.name, r.capacity, r.booths)).collect::<Vec<_>>().join("; "))}</p>
                                {if v.closures.is_empty() {
                                    view! { <p class="empty">"No closures."</p> }.into_any()
                                } else {
                                    view! { <ul class="closures">{v.closures.iter().map(|(s, e, r)| view! { <li>{format!("{s} – {e}: {r}")}</li> }).collect_view()}</ul> }.into_any()
                                }}
                            </section>
                        }).collect_view()}
                        <AdminForms users=admin.users.iter().map(|u| u.email.clone()).collect() bodies=admin.bodies.clone() venues=admin.venues.clone() rules=admin.rules.clone()/>
                        <h2 id="data">"Import and export"</h2>
                        <p><a href="/api/export" download="quorum-dataset.json">"Export the whole dataset (JSON)"</a>" — the format is described in docs/import-format.md."</p>
                        <ImportForm/>
                        <h2 id="outbox">"Outbox"</h2>
                        <p><a href="/api/outbox" download="quorum-outbox.json">"Export the outbox (JSON)"</a></p>
                        <table class="outbox">
                            <thead><tr><th scope="col">"Queued"</th><th scope="col">"To"</th><th scope="col">"Subject"</th></tr></thead>
                            <tbody>
                                {outbox.into_iter().map(|m| view! { <tr><td>{m.at}</td><td>{m.recipient}</td><td>{m.subject}</td></tr> }).collect_view()}
                            </tbody>
                        </table>
                        <h2 id="audit">"Audit log"</h2>
                        <p><a href="/api/audit" download="quorum-audit.json">"Export the audit log with before and after (JSON)"</a></p>
                        <table class="audit">
                            <thead><tr><th scope="col">"When"</th><th scope="col">"Who"</th><th scope="col">"What"</th><th scope="col">"Record"</th></tr></thead>
                            <tbody>
                                {audit.into_iter().map(|e| view! { <tr><td>{e.at}</td><td>{e.actor}</td><td>{e.action}</td><td>{e.record}</td></tr> }).collect_view()}
                            </tbody>
                        </table>
                    }.into_any(),
                    _ => view! { <p role="alert">"The secretariat's pages: " <a href="/login">"sign in"</a> " with a secretariat account."</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The forms that change things: an island, so each answers in place.
#[island]
fn AdminForms(
    users: Vec<String>,
    bodies: Vec<BodyLine>,
    venues: Vec<VenueLine>,
    rules: String,
) -> impl IntoView {
    let add_user = ServerAction::<AddUser>::new();
    let change_user = ServerAction::<ChangeUser>::new();
    let add_closure = ServerAction::<AddClosure>::new();
    let save_rules = ServerAction::<SaveRules>::new();
    let venue_choices: Vec<(String, String)> = venues
        .iter()
        .map(|v| (v.id.clone(), v.name.clone()))
        .collect();
    view! {
        <section aria-labelledby="change-user-heading">
            <h3 id="change-user-heading">"Change or remove a user"</h3>
            <ActionForm action=change_user attr:class="change-user">
                <p class="field"><label for="cu-email">"Account"</label>
                    <select id="cu-email" name="email">
                        {users.into_iter().map(|e| view! { <option value=e.clone()>{e.clone()}</option> }).collect_view()}
                    </select></p>
                <p class="field"><label for="cu-role">"New role"</label>
                    <select id="cu-role" name="role">
                        <option value="bureau">"Bureau member"</option>
                        <option value="focal_point">"Focal point of a State party"</option>
                        <option value="secretariat">"Secretariat"</option>
                    </select></p>
                <p class="field"><label for="cu-scope">"Body code (Bureau) or State's ISO code (focal point)"</label><input id="cu-scope" name="scope"/></p>
                <p class="field"><input id="cu-remove" name="remove" type="checkbox" value="true"/><label for="cu-remove">"Remove the account instead (its sign-ins end)"</label></p>
                <button type="submit">"Apply"</button>
            </ActionForm>
            {move || outcome_view(change_user.value().get(), &[])}
        </section>
        <BodyForm bodies/>
        <VenueForms venues/>
        <section aria-labelledby="add-user-heading">
            <h3 id="add-user-heading">"Add a user"</h3>
            <ActionForm action=add_user attr:class="add-user">
                <p class="field"><label for="u-email">"E-mail"</label><input id="u-email" name="email" type="email" required/></p>
                <p class="field"><label for="u-name">"Name"</label><input id="u-name" name="name" required/></p>
                <p class="field"><label for="u-role">"Role"</label>
                    <select id="u-role" name="role">
                        <option value="bureau">"Bureau member"</option>
                        <option value="focal_point">"Focal point of a State party"</option>
                        <option value="secretariat">"Secretariat"</option>
                    </select></p>
                <p class="field"><label for="u-scope">"Body code (Bureau) or State's ISO code (focal point)"</label><input id="u-scope" name="scope"/></p>
                <p class="field"><label for="u-password">"First password (at least 12 characters)"</label><input id="u-password" name="password" type="password" autocomplete="new-password" required minlength="12"/></p>
                <button type="submit">"Add the user"</button>
            </ActionForm>
            {move || outcome_view(add_user.value().get(), &[])}
        </section>
        <section aria-labelledby="closure-heading">
            <h3 id="closure-heading">"Add a holiday or closure"</h3>
            <ActionForm action=add_closure attr:class="add-closure">
                <p class="field"><label for="cl-venue">"Venue"</label>
                    <select id="cl-venue" name="venue">
                        {venue_choices.into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                    </select></p>
                <p class="field"><label for="cl-start">"From"</label><input id="cl-start" name="start" type="date" required/></p>
                <p class="field"><label for="cl-end">"To"</label><input id="cl-end" name="end" type="date" required/></p>
                <p class="field"><label for="cl-reason">"Reason"</label><input id="cl-reason" name="reason" required/></p>
                <button type="submit">"Add the closure"</button>
            </ActionForm>
            {move || outcome_view(add_closure.value().get(), &[])}
        </section>
        <section aria-labelledby="rules-heading">
            <h3 id="rules" >"Conflict rules"</h3>
            <p id="rules-heading" class="help">"Severities by kind (blocking, warning, info), groups of bodies that must not meet in parallel, and the least travel time in minutes. See docs/conflicts.md."</p>
            <ActionForm action=save_rules attr:class="rules">
                <label class="visually-hidden" for="rules-json">"Rules (JSON)"</label>
                <textarea id="rules-json" name="rules" rows="10" cols="60" spellcheck="false">{rules}</textarea>
                <p><button type="submit">"Save the rules"</button></p>
            </ActionForm>
            {move || outcome_view(save_rules.value().get(), &[])}
        </section>
    }
}

/// Creates or changes a body; choosing a stored body fills the fields with its values.
#[component]
fn BodyForm(bodies: Vec<BodyLine>) -> impl IntoView {
    let save = ServerAction::<SaveBody>::new();
    let chosen = RwSignal::new(String::new());
    let codes: Vec<String> = bodies.iter().map(|b| b.code.clone()).collect();
    let current = move || {
        bodies
            .iter()
            .find(|b| b.code == chosen.get())
            .cloned()
            .unwrap_or_default()
    };
    let body = Memo::new(move |_| current());
    view! {
        <section aria-labelledby="body-form-heading">
            <h3 id="body-form-heading">"Add or change a body"</h3>
            <p class="field"><label for="b-pick">"Fill from"</label>
                <select id="b-pick" on:change=move |ev| chosen.set(event_target_value(&ev))>
                    <option value="">"A new body"</option>
                    {codes.into_iter().map(|c| view! { <option value=c.clone()>{c.clone()}</option> }).collect_view()}
                </select></p>
            <ActionForm action=save attr:class="body-form">
                <p class="field"><label for="b-code">"Code"</label><input id="b-code" name="code" prop:value=move || body.get().code required/></p>
                <p class="field"><label for="b-name">"Full name (as in session titles)"</label><input id="b-name" name="name" prop:value=move || body.get().name required/></p>
                <p class="field"><label for="b-short">"Short name"</label><input id="b-short" name="short_name" prop:value=move || body.get().short_name required/></p>
                <p class="field"><label for="b-parent">"Reports to (code; empty for the Conference)"</label><input id="b-parent" name="parent" prop:value=move || body.get().parent/></p>
                <p class="field"><input id="b-open" name="open_to_all_states" type="checkbox" value="true" prop:checked=move || body.get().open_to_all_states/><label for="b-open">"Open to all States parties"</label></p>
                <button type="submit">"Save the body"</button>
            </ActionForm>
            {move || outcome_view(save.value().get(), &[])}
        </section>
    }
}

/// Creates or changes a venue, and adds, changes or removes its rooms; choosing a stored venue
/// or room fills the fields with its values.
#[component]
fn VenueForms(venues: Vec<VenueLine>) -> impl IntoView {
    let save_venue = ServerAction::<SaveVenue>::new();
    let save_room = ServerAction::<SaveRoom>::new();
    let chosen = RwSignal::new(String::new());
    let chosen_room = RwSignal::new(String::new());
    let venue = {
        let venues = venues.clone();
        Memo::new(move |_| venues.iter().find(|v| v.id == chosen.get()).cloned())
    };
    let room = {
        let venues = venues.clone();
        Memo::new(move |_| {
            venues
                .iter()
                .flat_map(|v| v.rooms.iter().map(move |r| (v.id.clone(), r.clone())))
                .find(|(_, r)| r.id == chosen_room.get())
        })
    };
    let field = move |get: fn(&VenueLine) -> String| {
        move || venue.get().as_ref().map(get).unwrap_or_default()
    };
    let room_field = move |get: fn(&RoomLine) -> String| {
        move || room.get().as_ref().map(|(_, r)| get(r)).unwrap_or_default()
    };
    view! {
        <section aria-labelledby="venue-form-heading">
            <h3 id="venue-form-heading">"Add or change a venue"</h3>
            <p class="field"><label for="v-pick">"Fill from"</label>
                <select id="v-pick" on:change=move |ev| chosen.set(event_target_value(&ev))>
                    <option value="">"A new venue"</option>
                    {venues.iter().map(|v| view! { <option value=v.id.clone()>{v.name.clone()}</option> }).collect_view()}
                </select></p>
            <ActionForm action=save_venue attr:class="venue-form">
                <p class="field"><label for="v-id">"Key"</label><input id="v-id" name="id" prop:value=field(|v| v.id.clone()) required/></p>
                <p class="field"><label for="v-name">"Name"</label><input id="v-name" name="name" prop:value=field(|v| v.name.clone()) required/></p>
                <p class="field"><label for="v-city">"City"</label><input id="v-city" name="city" prop:value=field(|v| v.city.clone())/></p>
                <p class="field"><label for="v-country">"Country (ISO code, e.g. AT)"</label><input id="v-country" name="country" prop:value=field(|v| v.country.clone()) required/></p>
                <p class="field"><label for="v-zone">"Time zone (e.g. Europe/Vienna)"</label><input id="v-zone" name="time_zone" prop:value=field(|v| v.zone.clone()) required/></p>
                <p class="field"><label for="v-teams">"Meetings with interpretation at once"</label><input id="v-teams" name="interpretation_teams" inputmode="numeric" prop:value=field(|v| v.interpretation_teams.to_string()) required/></p>
                <button type="submit">"Save the venue"</button>
            </ActionForm>
            {move || outcome_view(save_venue.value().get(), &[])}
        </section>
        <section aria-labelledby="room-form-heading">
            <h3 id="room-form-heading">"Add, change or remove a room"</h3>
            <p class="field"><label for="r-pick">"Fill from"</label>
                <select id="r-pick" on:change=move |ev| chosen_room.set(event_target_value(&ev))>
                    <option value="">"A new room"</option>
                    {venues.iter().flat_map(|v| v.rooms.iter().map(move |r| view! { <option value=r.id.clone()>{format!("{} — {}", v.name, r.name)}</option> })).collect_view()}
                </select></p>
            <ActionForm action=save_room attr:class="room-form">
                <p class="field"><label for="r-venue">"Venue"</label>
                    <select id="r-venue" name="venue" prop:value=move || room.get().map(|(v, _)| v).unwrap_or_default()>
                        {venues.iter().map(|v| view! { <option value=v.id.clone()>{v.name.clone()}</option> }).collect_view()}
                    </select></p>
                <p class="field"><label for="r-id">"Key"</label><input id="r-id" name="room" prop:value=room_field(|r| r.id.clone()) required/></p>
                <p class="field"><label for="r-name">"Name"</label><input id="r-name" name="name" prop:value=room_field(|r| r.name.clone())/></p>
                <p class="field"><label for="r-capacity">"Seats"</label><input id="r-capacity" name="capacity" inputmode="numeric" prop:value=room_field(|r| r.capacity.to_string())/></p>
                <p class="field"><label for="r-booths">"Interpretation booths"</label><input id="r-booths" name="booths" inputmode="numeric" prop:value=room_field(|r| r.booths.to_string())/></p>
                <p class="field"><input id="r-remove" name="remove" type="checkbox" value="true"/><label for="r-remove">"Remove this room instead"</label></p>
                <button type="submit">"Apply"</button>
            </ActionForm>
            {move || outcome_view(save_room.value().get(), &[])}
        </section>
    }
}

/// Uploads a dataset file to `/api/import`, with a progress bar. Written as a few lines of
/// plain script rather than WASM: upload progress is an XMLHttpRequest event.
#[component]
fn ImportForm() -> impl IntoView {
    const SCRIPT: &str = r#"
document.getElementById('import-form').addEventListener('submit', function (event) {
  event.preventDefault();
  var file = document.getElementById('import-file').files[0];
  var bar = document.getElementById('import-progress');
  var status = document.getElementById('import-status');
  if (!file) { status.textContent = 'Choose a file first.'; return; }
  var request = new XMLHttpRequest();
  request.open('POST', '/api/import');
  request.setRequestHeader('content-type', 'application/json');
  request.upload.onprogress = function (e) { if (e.lengthComputable) { bar.max = e.total; bar.value = e.loaded; } };
  request.onload = function () {
    bar.value = bar.max;
    status.textContent = request.status < 300 ? 'Imported.' : 'Refused (' + request.status + '): ' + request.responseText;
  };
  request.onerror = function () { status.textContent = 'The upload failed; nothing was imported.'; };
  status.textContent = 'Uploading ' + file.name + '…';
  request.send(file);
});
"#;
    view! {
        <form id="import-form" class="import" aria-describedby="import-help">
            <p id="import-help" class="help">"Imports a whole dataset into an empty database, all or nothing; errors name each record and field."</p>
            <label for="import-file">"Dataset file (JSON)"</label>
            <input id="import-file" type="file" accept="application/json,.json"/>
            <button type="submit">"Import"</button>
            <progress id="import-progress" value="0" max="1" aria-label="Upload progress"></progress>
            <span id="import-status" role="status"></span>
        </form>
        <script nonce=leptos::nonce::use_nonce() inner_html=SCRIPT></script>
    }
}
