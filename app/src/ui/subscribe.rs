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
    }
}
