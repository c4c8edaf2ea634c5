use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::subscribe::SubscribeLinks;
use crate::api::bodies::list_bodies;
use crate::api::detail_pages::get_public_base;
use crate::domain::Body;
use crate::wire::detail_pages::FeedLinks;

/// The Conference and its subsidiary bodies, with a filter that works as a plain GET form
/// without JavaScript and filters as you type once hydrated.
#[component]
pub fn BodiesPage() -> impl IntoView {
    let bodies = Resource::new(|| (), |_| list_bodies());
    let base = Resource::new(|| (), |_| get_public_base());
    let initial_filter = use_query_map()
        .read_untracked()
        .get("q")
        .unwrap_or_default();
    view! {
        <leptos_meta::Title text="Bodies"/>
        <h1>"Bodies"</h1>
        <Suspense fallback=|| view! { <p>"Loading bodies…"</p> }>
            {move || { let initial_filter = initial_filter.clone(); Suspend::new(async move {
                match (bodies.await, base.await) {
                    (Ok(all), Ok(base)) => view! {
                        <SubscribeLinks links=FeedLinks::new(&base, "/feeds/all.ics", "Quorum — all meetings") label="all meetings".into()/>
                        <SubscribeLinks links=FeedLinks::new(&base, "/feeds/deadlines.ics", "Quorum — deadlines") label="deadlines".into()/>
                        <BodyList all initial=initial_filter.clone() base/>
                    }.into_any(),
                    (Err(e), _) | (_, Err(e)) => view! { <p class="error" role="alert">{e.to_string()}</p> }.into_any(),
                }
            })}}
        </Suspense>
    }
}

/// The filter and the list: an island, so the list narrows as you type. Without JavaScript the
/// filter is a GET form the server answers.
#[island]
fn BodyList(all: Vec<Body>, initial: String, base: String) -> impl IntoView {
    let (filter, set_filter) = signal(initial);
    let visible = move || {
        let needle = filter.get().to_lowercase();
        all.iter()
            .filter(|b| {
                needle.is_empty()
                    || b.name.to_lowercase().contains(&needle)
                    || b.code.as_str().to_lowercase().contains(&needle)
            })
            .cloned()
            .collect::<Vec<_>>()
    };
    view! {
        <form method="get" action="/" class="filter" role="search">
            <label for="body-filter">"Filter bodies"</label>
            <input
                id="body-filter"
                name="q"
                type="search"
                value=filter.get_untracked()
                prop:value=filter
                on:input=move |ev| set_filter.set(event_target_value(&ev))
            />
            <button type="submit">"Filter"</button>
        </form>
        <ul class="bodies">
            <For each=visible key=|b| b.code.clone() let:body>
                <li class="body" data-code=body.code.to_string()>
                    <a class="code" href=format!("/bodies/{}", body.code)>{body.code.to_string()}</a>
                    " "
                    <span class="name">{body.name.clone()}</span>
                    <SubscribeLinks
                        links=FeedLinks::new(&base, &format!("/feeds/bodies/{}.ics", body.code), &format!("Quorum — {}", body.short_name))
                        label=body.short_name.clone()
                    />
                </li>
            </For>
        </ul>
    }
}
