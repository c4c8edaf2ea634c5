use leptos::prelude::*;

use crate::wire::detail_pages::FeedLinks;

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

/// The feed's address in a field to copy from. Copying needs no WASM: the page's script
/// (`PAGE_SCRIPT`) writes to the clipboard, so the button works on every page, hydrated or not.
#[component]
fn CopyLink(address: String, label: String) -> impl IntoView {
    view! {
        <p class="copy-link">
            <input class="feed-link" readonly value=address aria-label=format!("Address of the feed of {label}")/>
            <button type="button" class="copy">
                "Copy link"
            </button>
            <span role="status"></span>
        </p>
    }
}
