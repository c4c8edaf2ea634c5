use leptos::prelude::*;

use crate::api::account::{load_audit_log, load_outbox};

/// For the secretariat: the audit log and the outbox, with their JSON exports.
#[component]
pub fn AdminPage() -> impl IntoView {
    let audit = Resource::new(|| (), |_| load_audit_log());
    let outbox = Resource::new(|| (), |_| load_outbox());
    view! {
        <h1>"Administration"</h1>
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                match (audit.await, outbox.await) {
                    (Ok(audit), Ok(outbox)) => view! {
                        <h2>"Outbox"</h2>
                        <p><a href="/api/outbox" download="quorum-outbox.json">"Export the outbox (JSON)"</a></p>
                        <table class="outbox">
                            <thead><tr><th scope="col">"Queued"</th><th scope="col">"To"</th><th scope="col">"Subject"</th></tr></thead>
                            <tbody>
                                {outbox.into_iter().map(|m| view! { <tr><td>{m.at}</td><td>{m.recipient}</td><td>{m.subject}</td></tr> }).collect_view()}
                            </tbody>
                        </table>
                        <h2>"Audit log"</h2>
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
