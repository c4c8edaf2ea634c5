use leptos::prelude::*;

use super::forms::{
    emptied_when_done, error_beside, kept_in, outcome_view, show_echo, Answer, PageField,
    PlainPost, TextArea,
};
use crate::api::account::{load_audit_log, load_outbox};
use crate::api::admin::*;
use crate::wire::admin::*;
use crate::wire::form_echo::FormEcho;
use crate::wire::nominations::FormOutcome;

/// For the secretariat: accounts, bodies, venues with rooms and holidays, conflict rules,
/// import and export, the outbox and the audit log.
#[component]
pub fn AdminPage() -> impl IntoView {
    let admin = Resource::new(|| (), |_| load_admin());
    let audit = Resource::new(|| (), |_| load_audit_log());
    let outbox = Resource::new(|| (), |_| load_outbox());
    let post = PlainPost::here();
    view! {
        <leptos_meta::Title text="Administration"/>
        <h1>"Administration"</h1>
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || { let post = post.clone(); Suspend::new(async move {
                match (admin.await, audit.await, outbox.await) {
                    (Ok(admin), Ok(audit), Ok(outbox)) => view! {
                        <nav class="admin-toc" aria-label="Sections">
                            <a href="#users">"Users"</a> <a href="#bodies">"Bodies"</a> <a href="#venues">"Venues and holidays"</a>
                            <a href="#rules">"Conflict rules"</a> <a href="#data">"Import and export"</a> <a href="#outbox">"Outbox"</a> <a href="#audit">"Audit log"</a>
                        </nav>
                        <h2 id="users">"Users"</h2>
                        <table class="users">
                            <thead><tr><th scope="col">"E-mail"</th><th scope="col">"Name"</th><th scope="col">"Role"</th><th scope="col">"For"</th><th scope="col">"Remove"</th></tr></thead>
                            <tbody>
                                {admin.users.iter().map(|u| view! {
                                    <tr data-email=u.email.clone()>
                                        <td class="email">{u.email.clone()}</td><td data-label="Name">{u.name.clone()}</td><td data-label="Role">{u.role.clone()}</td><td data-label="For">{u.scope_named.clone()}</td>
                                        <td class="remove"><RemoveAccount email=u.email.clone() name=u.name.clone() page=post.page.clone() echo={post.of_row::<ChangeUser>("email", &u.email).filter(|e| is_removal(e)).cloned()}/></td>
                                    </tr>
                                }).collect_view()}
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
                                <h3><a href=format!("/venues/{}", v.id)>{crate::domain::wording::place_name(&v.name, &v.city)}</a>{format!(" ({}, {})", v.zone, v.country)}</h3>
                                {if v.rooms.is_empty() {
                                    view! { <p class="empty">"No rooms."</p> }.into_any()
                                } else {
                                    view! {
                                        <p class="rooms-of">"Rooms:"</p>
                                        <ul class="rooms">
                                            {v.rooms.iter().map(|r| view! {
                                                <li data-id=r.id.clone()>
                                                    {format!("{} ({} seats, {} booths)", r.name, r.capacity, r.booths)}
                                                    <RemoveRoom venue=v.id.clone() venue_name=v.name.clone() room=r.id.clone() name=r.name.clone() page=post.page.clone() echo={post.of_row::<SaveRoom>("room", &r.id).filter(|e| is_removal(e)).cloned()}/>
                                                </li>
                                            }).collect_view()}
                                        </ul>
                                    }.into_any()
                                }}
                                {if v.closures.is_empty() {
                                    view! { <p class="empty">"No closures."</p> }.into_any()
                                } else {
                                    view! { <ul class="closures">{v.closures.iter().map(|(s, e, r)| view! { <li>{format!("{}: {r}", closure_days(s, e))}</li> }).collect_view()}</ul> }.into_any()
                                }}
                            </section>
                        }).collect_view()}
                        <AdminForms users=admin.users.iter().map(|u| u.email.clone()).collect() venues=admin.venues.iter().map(|v| (v.id.clone(), v.name.clone())).collect() rules=admin.rules.clone() post=post.clone()/>
                        <section aria-labelledby="body-form-heading">
                            <h3 id="body-form-heading">"Add or change a body"</h3>
                            <FillFrom id="b-pick" blank="A new body" choices=body_fills(&admin.bodies)/>
                            <BodyForm page=post.page.clone() echo={post.of::<SaveBody>().cloned()}/>
                        </section>
                        <section aria-labelledby="venue-form-heading">
                            <h3 id="venue-form-heading">"Add or change a venue"</h3>
                            <FillFrom id="v-pick" blank="A new venue" choices=venue_fills(&admin.venues)/>
                            <VenueForm page=post.page.clone() echo={post.of::<SaveVenue>().cloned()}/>
                        </section>
                        <section aria-labelledby="room-form-heading">
                            <h3 id="room-form-heading">"Add or change a room"</h3>
                            <p class="help">"To remove a room, open “Remove…” beside it in its venue's list above."</p>
                            <FillFrom id="r-pick" blank="A new room" choices=room_fills(&admin.venues)/>
                            <RoomForm venues=admin.venues.iter().map(|v| (v.id.clone(), v.name.clone())).collect() page=post.page.clone() echo={post.of_form::<SaveRoom>(|e| !is_removal(e)).cloned()}/>
                        </section>
                        <h2 id="data">"Import and export"</h2>
                        <p><a href="/api/export" download="quorum-dataset.json">"Export the whole dataset (JSON)"</a>" — the format is described in docs/import-format.md."</p>
                        <ImportForm echo=post.echo.clone().filter(|e| e.endpoint == crate::wire::form_echo::IMPORT_ENDPOINT)/>
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
                    _ => view! { <p role="alert">"The secretariat's pages: " <super::header::SignInLink text="sign in"/> " with a secretariat account."</p> }.into_any(),
                }
            })}}
        </Suspense>
    }
}

/// Whether a form's echo is a removal's (the "Remove … now" button sends `remove`), not the
/// change form that posts to the same server function.
fn is_removal(echo: &FormEcho) -> bool {
    echo.value("remove") == Some("true")
}

/// A closure's days as people write them ("24–26 December 2022"), from the page data's ISO days.
fn closure_days(start: &str, end: &str) -> String {
    match (start.parse(), end.parse()) {
        (Ok(start), Ok(end)) => crate::domain::wording::dates::day_span(start, end),
        _ => format!("{start} – {end}"),
    }
}

/// The options of a role select, with `chosen` selected.
fn role_options(chosen: &str) -> impl IntoView {
    [
        ("bureau", "Bureau member"),
        ("focal_point", "Focal point of a State party"),
        ("secretariat", "Secretariat"),
    ]
    .map(|(value, label)| view! { <option value=value selected=chosen == value>{label}</option> })
    .collect_view()
}

/// The options of a venue select, with `chosen` selected.
fn venue_options(venues: Vec<(String, String)>, chosen: &str) -> impl IntoView {
    venues
        .into_iter()
        .map(|(id, name)| {
            let on = id == chosen;
            view! { <option value=id selected=on>{name}</option> }
        })
        .collect_view()
}

/// The forms that change things: an island, so each answers in place; without JavaScript the
/// page comes back with the answer and what was typed (`post`).
#[island]
fn AdminForms(
    users: Vec<String>,
    venues: Vec<(String, String)>,
    rules: String,
    post: PlainPost,
) -> impl IntoView {
    let add_user = ServerAction::<AddUser>::new();
    let change_user = ServerAction::<ChangeUser>::new();
    let add_closure = ServerAction::<AddClosure>::new();
    let save_rules = ServerAction::<SaveRules>::new();
    let role_change = post.of_form::<ChangeUser>(|e| !is_removal(e)).cloned();
    show_echo(change_user, role_change.as_ref());
    post.show(add_user);
    post.show(add_closure);
    post.show(save_rules);
    let changed = |field: &str| kept_in(role_change.as_ref(), field, "");
    let (changed_email, changed_role, changed_scope) =
        (changed("email"), changed("role"), changed("scope"));
    let new_user = |field: &str| post.kept::<AddUser>(field, "");
    let (user_email, user_name, user_role, user_scope) = (
        new_user("email"),
        new_user("name"),
        new_user("role"),
        new_user("scope"),
    );
    let closure = |field: &str| post.kept::<AddClosure>(field, "");
    let (closure_venue, closure_start, closure_end, closure_reason) = (
        closure("venue"),
        closure("start"),
        closure("end"),
        closure("reason"),
    );
    let rules = post.kept::<SaveRules>("rules", &rules);
    let page = post.page;
    let (page_of_change, page_of_user, page_of_closure) =
        (page.clone(), page.clone(), page.clone());
    view! {
        <section aria-labelledby="change-user-heading">
            <h3 id="change-user-heading">"Change a user's role"</h3>
            <p class="help">"To remove an account, open “Remove…” in its row of the list of users above."</p>
            <ActionForm action=change_user attr:class="change-user">
                <PageField page=page_of_change/>
                <p class="field"><label for="cu-email">"Account"</label>
                    <select id="cu-email" name="email">
                        {users.into_iter().map(|e| { let on = e == changed_email; let label = e.clone(); view! { <option value=e selected=on>{label}</option> } }).collect_view()}
                    </select>{error_beside(change_user, "email", "cu-email-error")}</p>
                <p class="field"><label for="cu-role">"New role"</label>
                    <select id="cu-role" name="role">{role_options(&changed_role)}</select>{error_beside(change_user, "role", "cu-role-error")}</p>
                <p class="field"><label for="cu-scope">"Body code (Bureau) or State's ISO code (focal point)"</label><input id="cu-scope" name="scope" value=changed_scope/>{error_beside(change_user, "scope", "cu-scope-error")}</p>
                <button type="submit">"Apply"</button>
            </ActionForm>
            {move || outcome_view(change_user.value().get(), &["email", "role", "scope"])}
        </section>

        <section aria-labelledby="add-user-heading">
            <h3 id="add-user-heading">"Add a user"</h3>
            <ActionForm action=add_user node_ref=emptied_when_done(add_user) attr:class="add-user" attr:autocomplete="off">
                <PageField page=page_of_user/>
                <p class="field"><label for="u-email">"E-mail"</label><input id="u-email" name="email" type="email" value=user_email required/>{error_beside(add_user, "email", "u-email-error")}</p>
                <p class="field"><label for="u-name">"Name"</label><input id="u-name" name="name" value=user_name required/>{error_beside(add_user, "name", "u-name-error")}</p>
                <p class="field"><label for="u-role">"Role"</label>
                    <select id="u-role" name="role">{role_options(&user_role)}</select>{error_beside(add_user, "role", "u-role-error")}</p>
                <p class="field"><label for="u-scope">"Body code (Bureau) or State's ISO code (focal point)"</label><input id="u-scope" name="scope" value=user_scope/>{error_beside(add_user, "scope", "u-scope-error")}</p>
                <p class="field"><label for="u-password">"First password (at least 12 characters)"</label><input id="u-password" name="password" type="password" autocomplete="new-password" required minlength="12"/>{error_beside(add_user, "password", "u-password-error")}</p>
                <button type="submit">"Add the user"</button>
            </ActionForm>
            {move || outcome_view(add_user.value().get(), &["email", "name", "role", "scope", "password"])}
        </section>
        <section aria-labelledby="closure-heading">
            <h3 id="closure-heading">"Add a holiday or closure"</h3>
            <ActionForm action=add_closure node_ref=emptied_when_done(add_closure) attr:class="add-closure" attr:autocomplete="off">
                <PageField page=page_of_closure/>
                <p class="field"><label for="cl-venue">"Venue"</label>
                    <select id="cl-venue" name="venue">{venue_options(venues, &closure_venue)}</select>{error_beside(add_closure, "venue", "cl-venue-error")}</p>
                <p class="field"><label for="cl-start">"From"</label><input id="cl-start" name="start" type="date" value=closure_start required/>{error_beside(add_closure, "start", "cl-start-error")}</p>
                <p class="field"><label for="cl-end">"To"</label><input id="cl-end" name="end" type="date" value=closure_end required/>{error_beside(add_closure, "end", "cl-end-error")}</p>
                <p class="field"><label for="cl-reason">"Reason"</label><input id="cl-reason" name="reason" value=closure_reason required/>{error_beside(add_closure, "reason", "cl-reason-error")}</p>
                <button type="submit">"Add the closure"</button>
            </ActionForm>
            {move || outcome_view(add_closure.value().get(), &["venue", "start", "end", "reason"])}
        </section>
        <section aria-labelledby="rules-heading">
            <h3 id="rules" >"Conflict rules"</h3>
            <p id="rules-heading" class="help">"Severities by kind (blocking, warning, info), groups of bodies that must not meet in parallel, and the least travel time in minutes. See docs/conflicts.md."</p>
            <ActionForm action=save_rules attr:class="rules">
                <PageField page=page/>
                <label class="visually-hidden" for="rules-json">"Rules (JSON)"</label>
                <TextArea id="rules-json" name="rules" value=rules rows="10" cols="60" spellcheck="false"/>
                {error_beside(save_rules, "rules", "rules-json-error")}
                <p><button type="submit">"Save the rules"</button></p>
            </ActionForm>
            {move || outcome_view(save_rules.value().get(), &["rules"])}
        </section>
    }
}

/// What a removal answered: done, or why not, in words (the field the server names is the
/// account or room the row already shows).
fn removal_outcome(answer: Answer) -> Option<AnyView> {
    Some(match answer? {
        Ok(FormOutcome {
            done: Some(done), ..
        }) => view! { <p class="done" role="status">{done}</p> }.into_any(),
        Ok(FormOutcome { errors, .. }) => {
            let why: Vec<String> = errors.into_iter().map(|e| e.message).collect();
            view! { <p class="field-error" role="alert">{why.join("; ")}</p> }.into_any()
        }
        Err(e) => view! { <p class="field-error" role="alert">{e.to_string()}</p> }.into_any(),
    })
}

/// Removes one account, after a second click: the first opens what removal does (a
/// disclosure, so it works the same without JavaScript). An island, so the answer shows in the
/// account's row.
#[island]
fn RemoveAccount(
    email: String,
    name: String,
    page: String,
    echo: Option<FormEcho>,
) -> impl IntoView {
    let remove = ServerAction::<ChangeUser>::new();
    show_echo(remove, echo.as_ref());
    let removed = move || {
        matches!(
            remove.value().get(),
            Some(Ok(FormOutcome { done: Some(_), .. }))
        )
    };
    view! {
        // Once done, only the answer stays in the row.
        <div hidden=removed>
            <ActionForm action=remove attr:class="remove-user">
                <PageField page/>
                <input type="hidden" name="email" value=email.clone()/>
                <details class="confirm">
                    <summary>"Remove"<span class="visually-hidden">{format!(" the account of {email}")}</span>"…"</summary>
                    <p>{format!("{name} ({email}) will no longer be able to sign in: any sign-in of theirs ends at once, and any private calendar feed address that goes with the account stops working. This cannot be undone: to let them in again, add them as a new user.")}</p>
                    <button type="submit" name="remove" value="true" class="danger">"Remove the account now"</button>
                </details>
            </ActionForm>
        </div>
        {move || removal_outcome(remove.value().get())}
    }
}

/// Removes one room of a venue, after a second click, as [`RemoveAccount`] does; the server
/// keeps a room a meeting is planned in.
#[island]
fn RemoveRoom(
    venue: String,
    venue_name: String,
    room: String,
    name: String,
    page: String,
    echo: Option<FormEcho>,
) -> impl IntoView {
    let remove = ServerAction::<SaveRoom>::new();
    show_echo(remove, echo.as_ref());
    let removed = move || {
        matches!(
            remove.value().get(),
            Some(Ok(FormOutcome { done: Some(_), .. }))
        )
    };
    view! {
        // Once done, only the answer stays in the row.
        <div hidden=removed>
            <ActionForm action=remove attr:class="remove-room">
                <PageField page/>
                <input type="hidden" name="venue" value=venue.clone()/>
                <input type="hidden" name="room" value=room.clone()/>
                <details class="confirm">
                    <summary>"Remove"<span class="visually-hidden">{format!(" {name}")}</span>"…"</summary>
                    <p>{format!("{name} will be taken off the rooms of {venue_name}, and no meeting can be planned in it any more. If a meeting is planned in it, Quorum keeps the room and names the meetings to move first. This cannot be undone: to have the room back, add it again.")}</p>
                    <button type="submit" name="remove" value="true" class="danger">"Remove the room now"</button>
                </details>
            </ActionForm>
        </div>
        {move || removal_outcome(remove.value().get())}
    }
}

/// One choice of a "fill from" list: its label and the values it puts in the form's fields,
/// by field id.
type Fill = (String, serde_json::Value);

fn body_fills(bodies: &[BodyLine]) -> Vec<Fill> {
    bodies
        .iter()
        .map(|b| {
            let values = serde_json::json!({
                "b-code": b.code, "b-name": b.name, "b-short": b.short_name,
                "b-parent": b.parent, "b-open": b.open_to_all_states,
            });
            (b.code.clone(), values)
        })
        .collect()
}

fn venue_fills(venues: &[VenueLine]) -> Vec<Fill> {
    venues
        .iter()
        .map(|v| {
            let values = serde_json::json!({
                "v-id": v.id, "v-name": v.name, "v-city": v.city, "v-country": v.country,
                "v-zone": v.zone, "v-teams": v.interpretation_teams.to_string(),
            });
            (v.name.clone(), values)
        })
        .collect()
}

fn room_fills(venues: &[VenueLine]) -> Vec<Fill> {
    venues
        .iter()
        .flat_map(|v| {
            v.rooms.iter().map(move |r| {
                let values = serde_json::json!({
                    "r-venue": v.id, "r-id": r.id, "r-name": r.name,
                    "r-capacity": r.capacity.to_string(), "r-booths": r.booths.to_string(),
                });
                (format!("{} — {}", v.name, r.name), values)
            })
        })
        .collect()
}

/// A list whose choice fills the form below with a stored record's values (by the page's
/// script, `PAGE_SCRIPT`: no WASM needed); the first choice empties it for a new record.
#[component]
fn FillFrom(id: &'static str, blank: &'static str, choices: Vec<Fill>) -> impl IntoView {
    let empty: serde_json::Map<String, serde_json::Value> = choices
        .first()
        .and_then(|(_, values)| values.as_object())
        .map(|fields| {
            fields
                .iter()
                .map(|(field, value)| {
                    let cleared = if value.is_boolean() {
                        false.into()
                    } else {
                        "".into()
                    };
                    (field.clone(), cleared)
                })
                .collect()
        })
        .unwrap_or_default();
    view! {
        <p class="field"><label for=id>"Fill from"</label>
            <select id=id class="fill">
                <option value="" data-values=serde_json::Value::Object(empty).to_string()>{blank}</option>
                {choices.into_iter().enumerate().map(|(i, (label, values))| view! {
                    <option value=i.to_string() data-values=values.to_string()>{label}</option>
                }).collect_view()}
            </select></p>
    }
}

/// Creates or changes a body (found by its code): an island, so the answer shows in place.
#[island]
fn BodyForm(page: String, echo: Option<FormEcho>) -> impl IntoView {
    let save = ServerAction::<SaveBody>::new();
    show_echo(save, echo.as_ref());
    let typed = move |field: &str| kept_in(echo.as_ref(), field, "");
    let open = typed("open_to_all_states") == "true";
    view! {
        <ActionForm action=save attr:class="body-form">
            <PageField page/>
            <p class="field"><label for="b-code">"Code"</label><input id="b-code" name="code" value=typed("code") required/>{error_beside(save, "code", "b-code-error")}</p>
            <p class="field"><label for="b-name">"Full name (as in session titles)"</label><input id="b-name" name="name" value=typed("name") required/>{error_beside(save, "name", "b-name-error")}</p>
            <p class="field"><label for="b-short">"Short name"</label><input id="b-short" name="short_name" value=typed("short_name") required/>{error_beside(save, "short_name", "b-short-error")}</p>
            <p class="field"><label for="b-parent">"Reports to (code; empty for the Conference)"</label><input id="b-parent" name="parent" value=typed("parent")/>{error_beside(save, "parent", "b-parent-error")}</p>
            <p class="field"><input id="b-open" name="open_to_all_states" type="checkbox" value="true" checked=open/><label for="b-open">"Open to all States parties"</label></p>
            <button type="submit">"Save the body"</button>
        </ActionForm>
        {move || outcome_view(save.value().get(), &["code", "name", "short_name", "parent"])}
    }
}

/// Creates or changes a venue (found by its key); its rooms and holidays stay.
#[island]
fn VenueForm(page: String, echo: Option<FormEcho>) -> impl IntoView {
    let save = ServerAction::<SaveVenue>::new();
    show_echo(save, echo.as_ref());
    let typed = move |field: &str| kept_in(echo.as_ref(), field, "");
    view! {
        <ActionForm action=save attr:class="venue-form">
            <PageField page/>
            <p class="field"><label for="v-id">"Key"</label><input id="v-id" name="id" value=typed("id") required/>{error_beside(save, "id", "v-id-error")}</p>
            <p class="field"><label for="v-name">"Name"</label><input id="v-name" name="name" value=typed("name") required/>{error_beside(save, "name", "v-name-error")}</p>
            <p class="field"><label for="v-city">"City"</label><input id="v-city" name="city" value=typed("city")/>{error_beside(save, "city", "v-city-error")}</p>
            <p class="field"><label for="v-country">"Country (ISO code, e.g. AT)"</label><input id="v-country" name="country" value=typed("country") required/>{error_beside(save, "country", "v-country-error")}</p>
            <p class="field"><label for="v-zone">"Time zone (e.g. Europe/Vienna)"</label><input id="v-zone" name="time_zone" value=typed("time_zone") required/>{error_beside(save, "time_zone", "v-zone-error")}</p>
            <p class="field"><label for="v-teams">"Meetings with interpretation at once"</label><input id="v-teams" name="interpretation_teams" inputmode="numeric" value=typed("interpretation_teams") required/>{error_beside(save, "interpretation_teams", "v-teams-error")}</p>
            <button type="submit">"Save the venue"</button>
        </ActionForm>
        {move || outcome_view(save.value().get(), &["id", "name", "city", "country", "time_zone", "interpretation_teams"])}
    }
}

/// Adds a room to a venue or changes it (removal is beside each room in its venue's list).
#[island]
fn RoomForm(venues: Vec<(String, String)>, page: String, echo: Option<FormEcho>) -> impl IntoView {
    let save = ServerAction::<SaveRoom>::new();
    show_echo(save, echo.as_ref());
    let typed = move |field: &str| kept_in(echo.as_ref(), field, "");
    view! {
        <ActionForm action=save attr:class="room-form">
            <PageField page/>
            <p class="field"><label for="r-venue">"Venue"</label>
                <select id="r-venue" name="venue">{venue_options(venues, &typed("venue"))}</select>{error_beside(save, "venue", "r-venue-error")}</p>
            <p class="field"><label for="r-id">"Key"</label><input id="r-id" name="room" value=typed("room") required/>{error_beside(save, "room", "r-id-error")}</p>
            <p class="field"><label for="r-name">"Name"</label><input id="r-name" name="name" value=typed("name")/>{error_beside(save, "name", "r-name-error")}</p>
            <p class="field"><label for="r-capacity">"Seats"</label><input id="r-capacity" name="capacity" inputmode="numeric" value=typed("capacity")/>{error_beside(save, "capacity", "r-capacity-error")}</p>
            <p class="field"><label for="r-booths">"Interpretation booths"</label><input id="r-booths" name="booths" inputmode="numeric" value=typed("booths")/>{error_beside(save, "booths", "r-booths-error")}</p>
            <button type="submit">"Apply"</button>
        </ActionForm>
        {move || outcome_view(save.value().get(), &["venue", "room", "name", "capacity", "booths"])}
    }
}

/// What an import answered, in words: the records imported, or each reason it was refused.
fn import_answer(echo: &FormEcho) -> (bool, Vec<String>) {
    let answer: serde_json::Value = serde_json::from_str(&echo.body).unwrap_or_default();
    if (200..300).contains(&echo.status) {
        let counts = answer["imported"].as_object().cloned().unwrap_or_default();
        let imported = counts
            .iter()
            .filter_map(|(kind, n)| Some((kind, n.as_u64().filter(|n| *n > 0)?)))
            .map(|(kind, n)| format!("{n} {}", kind.replace('_', " ")))
            .collect::<Vec<_>>();
        (true, vec![format!("Imported: {}.", imported.join(", "))])
    } else {
        let mut why: Vec<String> = answer["errors"]
            .as_array()
            .map(|e| {
                e.iter()
                    .filter_map(|e| e.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default();
        if why.is_empty() {
            why.push(
                answer["error"]
                    .as_str()
                    .unwrap_or("the import failed")
                    .to_owned(),
            );
        }
        (false, why)
    }
}

/// Uploads a dataset file to `/api/import`. With JavaScript, a few lines of plain script (not
/// WASM: upload progress is an XMLHttpRequest event) show a progress bar and the answer in
/// place; without it the browser posts the file and the server writes this page again with
/// the answer (`echo`, `server/src/plain_forms.rs`).
#[component]
fn ImportForm(echo: Option<FormEcho>) -> impl IntoView {
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
    var answer = {};
    try { answer = JSON.parse(request.responseText); } catch (e) {}
    if (request.status < 300) {
      var counts = answer.imported || {};
      var parts = Object.keys(counts).filter(function (k) { return counts[k] > 0; })
        .map(function (k) { return counts[k] + ' ' + k.replace(/_/g, ' '); });
      status.textContent = 'Imported: ' + parts.join(', ') + '.';
    } else {
      var why = (answer.errors && answer.errors.length) ? answer.errors : [answer.error || request.responseText];
      status.textContent = 'Nothing was imported: ' + why.join('; ');
    }
  };
  request.onerror = function () { status.textContent = 'The upload failed; nothing was imported.'; };
  status.textContent = 'Uploading ' + file.name + '…';
  request.send(file);
});
"#;
    let answer = echo.as_ref().map(import_answer);
    let answered = answer.is_some();
    view! {
        <form id="import-form" class="import" method="post" action=crate::wire::form_echo::IMPORT_ENDPOINT
            enctype="multipart/form-data" aria-describedby="import-help">
            <p id="import-help" class="help">"Imports a whole dataset into an empty database, all or nothing; errors name each record and field."</p>
            <PageField page="/admin".to_owned()/>
            <label for="import-file">"Dataset file (JSON)"</label>
            <input id="import-file" name=crate::wire::form_echo::UPLOAD_FIELD type="file" accept="application/json,.json" required/>
            <button type="submit">"Import"</button>
            <progress id="import-progress" value="0" max="1" aria-label="Upload progress"></progress>
            // Into view when this page answers the form (as `ui::forms::error_beside` does).
            <span id="import-status" role="status" tabindex="-1" autofocus=answered>{answer.map(|(imported, why)| match imported {
                true => why.join(" "),
                false => format!("Nothing was imported: {}. Choose the file again once it is corrected.", why.join("; ")),
            })}</span>
        </form>
        <script nonce=use_nonce() inner_html=SCRIPT></script>
    }
}
