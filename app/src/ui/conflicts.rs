use leptos::prelude::*;

use super::forms::PlainPost;
use super::meeting_checks::ConflictItem;
use crate::api::account::current_account;
use crate::api::conflicts::list_conflicts;
use crate::domain::account::Role;
use crate::domain::conflicts::{ConflictView, Severity};

/// The conflicts dashboard: every clash across all bodies, blocking ones first. Bureau members
/// and the secretariat accept warnings here with a reason (the server checks that the Bureau's
/// body is involved).
#[component]
pub fn ConflictsPage() -> impl IntoView {
    let conflicts = Resource::new(|| (), |_| list_conflicts());
    let account = Resource::new(|| (), |_| current_account());
    let post = PlainPost::here();
    view! {
        <leptos_meta::Title text="Conflicts across all bodies"/>
        <h1>"Conflicts across all bodies"</h1>
        <Suspense fallback=|| view! { <p>"Checking the calendar…"</p> }>
            {move || { let post = post.clone(); Suspend::new(async move {
                let may_accept = matches!(account.await, Ok(Some(a)) if a.role != Role::FocalPoint);
                match conflicts.await {
                    Ok(list) => view! { <ConflictBoard list may_accept post/> }.into_any(),
                    Err(e) => view! { <p class="error" role="alert">{e.to_string()}</p> }.into_any(),
                }
            })}}
        </Suspense>
    }
}

/// The list, with an accept-with-reason form on each warning for those who may accept: an
/// island, so that accepting answers in place.
#[island]
fn ConflictBoard(list: Vec<ConflictView>, may_accept: bool, post: PlainPost) -> impl IntoView {
    let mut list = list;
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
                .map(|c| view! { <ConflictItem conflict=c saved=move || may_accept on_accept=|| () post=post.clone()/> })
                .collect_view()}
        </ul>
    }
}
