use leptos::prelude::*;

use crate::wire::detail_pages::FeedLinks;

/// One control per feed: a disclosure named for the feed that opens to the ways of
/// subscribing — a calendar program, Google Calendar, Outlook, the file — and the address in
/// full, to copy. A disclosure opens without JavaScript.
#[component]
pub fn SubscribeLinks(links: FeedLinks, label: String) -> impl IntoView {
    view! {
        <details class="subscribe">
            <summary>{format!("Subscribe to {label}")}</summary>
            <div class="subscribe-options">
                <ul class="subscribe-ways">
                    <li><a href=links.webcal.clone() class="feed-webcal">"Apple Calendar, Thunderbird or another calendar program"</a></li>
                    <li><a href=links.google.clone() rel="noopener">"Google Calendar"</a></li>
                    <li><a href=links.outlook.clone() rel="noopener">"Outlook"</a></li>
                    <li><a href=links.https.clone() class="feed-https">"Download the calendar file (.ics)"</a></li>
                </ul>
                <CopyLink address=links.https label/>
            </div>
        </details>
    }
}

/// The feed's address, readable in full, in a field to copy from. Copying needs no WASM: the
/// page's script (`PAGE_SCRIPT`) writes to the clipboard, so the button works on every page,
/// hydrated or not.
#[component]
fn CopyLink(address: String, label: String) -> impl IntoView {
    view! {
        <p class="copy-link">
            <span class="copy-hint">"Or add this address to your calendar program:"</span>
            <input class="feed-link" readonly value=address aria-label=format!("Address of the feed of {label}")/>
            <button type="button" class="copy">
                "Copy link"
            </button>
            <span role="status"></span>
        </p>
    }
}
