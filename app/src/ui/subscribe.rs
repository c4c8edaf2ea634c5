use leptos::prelude::*;

use crate::api::pages::FeedLinks;

/// The four ways to subscribe to a feed, for people and their calendar programs.
#[component]
pub fn SubscribeLinks(links: FeedLinks, label: String) -> impl IntoView {
    view! {
        <p class="subscribe">
            <span class="label">{format!("Subscribe to {label}:")}</span>
            " "
            <a href=links.webcal.clone() class="feed-webcal">"Calendar app (webcal)"</a>
            " · "
            <a href=links.google.clone() rel="noopener">"Google Calendar"</a>
            " · "
            <a href=links.outlook.clone() rel="noopener">"Outlook"</a>
            " · "
            <a href=links.https.clone() class="feed-https">".ics file"</a>
        </p>
        <CopyLink address=links.https label/>
    }
}

/// The feed's address in a field to copy from (select it without JavaScript; one click with).
#[component]
fn CopyLink(address: String, label: String) -> impl IntoView {
    let (copied, set_copied) = signal(false);
    let to_copy = address.clone();
    view! {
        <p class="copy-link">
            <input class="feed-link" readonly value=address aria-label=format!("Address of the feed of {label}")
                on:focus=|ev| select_all(&ev)/>
            <button type="button" class="copy" on:click=move |_| { copy_text(&to_copy); set_copied.set(true); }>"Copy link"</button>
            <span role="status">{move || copied.get().then_some("Copied.")}</span>
        </p>
    }
}

#[cfg(feature = "hydrate")]
fn select_all(ev: &leptos::ev::FocusEvent) {
    use wasm_bindgen::JsCast;
    if let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<leptos::web_sys::HtmlInputElement>().ok())
    {
        input.select();
    }
}

#[cfg(not(feature = "hydrate"))]
fn select_all(_: &leptos::ev::FocusEvent) {}

/// Writes to the clipboard through `navigator.clipboard.writeText`, where the browser allows it.
#[cfg(feature = "hydrate")]
fn copy_text(text: &str) {
    use wasm_bindgen::JsCast;
    let get =
        |target: &wasm_bindgen::JsValue, key: &str| js_sys::Reflect::get(target, &key.into()).ok();
    let Some(clipboard) = get(&js_sys::global(), "navigator").and_then(|n| get(&n, "clipboard"))
    else {
        return;
    };
    if let Some(write) =
        get(&clipboard, "writeText").and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    {
        let _ = write.call1(&clipboard, &text.into());
    }
}

#[cfg(not(feature = "hydrate"))]
fn copy_text(_: &str) {}
