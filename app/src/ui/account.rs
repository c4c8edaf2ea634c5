use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::forms::{PageField, PlainPost};
use super::subscribe::SubscribeLinks;
use crate::api::account::{current_account, ChangePassword, NewPrivateFeed};
use crate::domain::label::Label;

/// Sign in: a plain form, answered by the server with a cookie and a redirect.
#[component]
pub fn LoginPage() -> impl IntoView {
    let query = use_query_map();
    let error = query.read_untracked().get("error");
    let email = query.read_untracked().get("email").unwrap_or_default();
    // The page that asked for a sign-in, to go back to; the server keeps only a path of this site.
    let next = query.read_untracked().get("next").unwrap_or_default();
    let message = error.map(|e| match e.as_str() {
        "throttled" => "Too many failed attempts: try again in 15 minutes.".to_owned(),
        _ => "Wrong e-mail address or password.".to_owned(),
    });
    view! {
        <leptos_meta::Title text="Sign in"/>
        <h1>"Sign in"</h1>
        <form method="post" action="/login" class="login">
            <input type="hidden" name="next" value=next/>
            <p>
                <label for="login-email">"E-mail address"</label>
                <input id="login-email" name="email" type="email" autocomplete="username" required value=email/>
            </p>
            <p>
                <label for="login-password">"Password"</label>
                <input id="login-password" name="password" type="password" autocomplete="current-password" required
                    aria-describedby="login-error"/>
                {message.map(|m| view! { <span id="login-error" class="field-error" role="alert">{m}</span> })}
            </p>
            <button type="submit">"Sign in"</button>
        </form>
    }
}

/// The signed-in user and their private feed addresses.
#[component]
pub fn AccountPage() -> impl IntoView {
    let account = Resource::new(|| (), |_| current_account());
    let post = PlainPost::here();
    view! {
        <leptos_meta::Title text="Your account"/>
        <h1>"Your account"</h1>
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || { let post = post.clone(); Suspend::new(async move {
                match account.await {
                    Ok(Some(a)) => {
                        let (kind, subject) = match (&a.state, &a.person) {
                            (Some(state), _) => ("state", state.clone()),
                            (None, Some(person)) => ("person", person.to_string()),
                            _ => ("state", String::new()),
                        };
                        view! {
                            <p class="who">{format!("{} ({}), {}", a.name, a.email, a.role.label())}</p>
                            <h2>"Private calendar feed"</h2>
                            <p>"A new address replaces the previous one, which stops working at once. Keep it to yourself."</p>
                            <PrivateFeed kind=kind.to_owned() subject post=post.clone()/>
                            <h2>"Password"</h2>
                            <ChangePasswordForm post/>
                            <form method="post" action="/logout"><button type="submit">"Sign out"</button></form>
                        }.into_any()
                    }
                    Ok(None) => view! { <p>"You are not signed in. " <super::header::SignInLink text="Sign in"/></p> }.into_any(),
                    Err(e) => view! { <p class="error" role="alert">{e.to_string()}</p> }.into_any(),
                }
            })}}
        </Suspense>
    }
}

/// Changes the user's own password, with each error beside its field. A password is never
/// written back into a page, not even after a refusal.
#[island]
fn ChangePasswordForm(post: PlainPost) -> impl IntoView {
    use super::forms::{error_beside, outcome_view};
    let change = ServerAction::<ChangePassword>::new();
    post.show(change);
    let error = move |field: &'static str| error_beside(change, field, format!("error-{field}"));
    view! {
        <ActionForm action=change attr:class="change-password">
            <PageField page=post.page.clone()/>
            <p class="field"><label for="pw-current">"Current password"</label><input id="pw-current" name="current" type="password" autocomplete="current-password" required/>{error("current")}</p>
            <p class="field"><label for="pw-new">"New password (12 to 128 characters)"</label><input id="pw-new" name="new" type="password" autocomplete="new-password" required minlength="12" maxlength="128"/>{error("new")}</p>
            <p class="field"><label for="pw-confirm">"New password again"</label><input id="pw-confirm" name="confirm" type="password" autocomplete="new-password" required/>{error("confirm")}</p>
            <button type="submit">"Change the password"</button>
        </ActionForm>
        {move || outcome_view(change.value().get(), &["current", "new", "confirm"])}
    }
}

/// Issues a new private feed address and shows it with its subscribe links.
#[island]
fn PrivateFeed(kind: String, subject: String, post: PlainPost) -> impl IntoView {
    let new_feed = ServerAction::<NewPrivateFeed>::new();
    post.show(new_feed);
    let kind = post.kept::<NewPrivateFeed>("kind", &kind);
    let subject = post.kept::<NewPrivateFeed>("subject", &subject);
    view! {
        <ActionForm action=new_feed attr:class="new-feed">
            <PageField page=post.page.clone()/>
            <label for="feed-kind">"For"</label>
            <select id="feed-kind" name="kind">
                <option value="state" selected=kind == "state">"State party (ISO code)"</option>
                <option value="person" selected=kind == "person">"Person (key)"</option>
            </select>
            <label for="feed-subject">"Which"</label>
            <input id="feed-subject" name="subject" value=subject required/>
            <button type="submit">"New private feed address"</button>
        </ActionForm>
        {move || new_feed.value().get().map(|result| match result {
            Ok(links) => view! {
                <div class="new-feed-result" role="status">
                    <p>"Your new private feed:"</p>
                    <p><code class="feed-address">{links.https.clone()}</code></p>
                    <SubscribeLinks links label="your private feed".into()/>
                </div>
            }.into_any(),
            Err(e) => view! { <p class="error" role="alert">{e.to_string()}</p> }.into_any(),
        })}
    }
}
