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
                                {admin.bodies.iter().map(|(code, name, parent, open)| view! {
                                    <tr><td><a href=format!("/bodies/{code}")>{code.clone()}</a></td><td>{name.clone()}</td><td>{parent.clone()}</td><td>{if *open { "yes" } else { "no" }}</td></tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                        <h2 id="venues">"Venues, rooms and holidays"</h2>
                        {admin.venues.iter().map(|v| view! {
                            <section class="admin-venue" data-id=v.id.clone()>
                                <h3><a href=format!("/venues/{}", v.id)>{v.name.clone()}</a>{format!(" ({})", v.zone)}</h3>
                                <p>{format!("Rooms: {}", v.rooms.join("; "))}</p>
                                {if v.closures.is_empty() {
                                    view! { <p class="empty">"No closures."</p> }.into_any()
                                } else {
                                    view! { <ul class="closures">{v.closures.iter().map(|(s, e, r)| view! { <li>{format!("{s} – {e}: {r}")}</li> }).collect_view()}</ul> }.into_any()
                                }}
                            </section>
                        }).collect_view()}
                        <AdminForms venues=admin.venues.iter().map(|v| (v.id.clone(), v.name.clone())).collect() rules=admin.rules.clone()/>
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
fn AdminForms(venues: Vec<(String, String)>, rules: String) -> impl IntoView {
    let add_user = ServerAction::<AddUser>::new();
    let add_closure = ServerAction::<AddClosure>::new();
    let save_rules = ServerAction::<SaveRules>::new();
    view! {
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
                        {venues.into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
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
        <script inner_html=SCRIPT></script>
    }
}
