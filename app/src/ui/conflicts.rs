use leptos::prelude::*;

use crate::api::conflicts::list_conflicts;
use crate::domain::conflicts::{ConflictView, Severity};

/// The conflicts dashboard: every clash across all bodies, blocking ones first.
#[component]
pub fn ConflictsPage() -> impl IntoView {
    let conflicts = Resource::new(|| (), |_| list_conflicts());
    view! {
        <h1>"Conflicts across all bodies"</h1>
        <Suspense fallback=|| view! { <p>"Checking the calendar…"</p> }>
            {move || Suspend::new(async move {
                match conflicts.await {
                    Ok(list) => view! { <ConflictList list/> }.into_any(),
                    Err(e) => view! { <p class="error" role="alert">{e.to_string()}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ConflictList(mut list: Vec<ConflictView>) -> impl IntoView {
    list.sort_by_key(|c| {
        (
            c.severity != Severity::Blocking,
            c.accepted.is_some(),
            c.id.clone(),
        )
    });
    let blocking = list
        .iter()
        .filter(|c| c.severity == Severity::Blocking)
        .count();
    let summary = match list.len() {
        0 => "No conflicts: every body's meetings fit together.".to_owned(),
        1 => format!("1 conflict, {blocking} blocking."),
        n => format!("{n} conflicts, {blocking} blocking."),
    };
    view! {
        <p class="summary" role="status">{summary}</p>
        <ul class="conflicts">
            {list
                .into_iter()
                .map(|c| {
                    let class = if c.accepted.is_some() { "conflict accepted".to_owned() } else { format!("conflict {}", c.severity) };
                    let accepted = c.accepted.map(|a| format!("Accepted by {}: {}", a.accepted_by, a.reason));
                    view! {
                        <li class=class data-id=c.id.clone()>
                            <span class="severity">{c.severity.to_string()}</span>
                            " "
                            <span class="kind">{c.kind.to_string().replace('_', " ")}</span>
                            <p class="explanation">{c.explanation}</p>
                            {accepted.map(|text| view! { <p class="acceptance">{text}</p> })}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
