//! The site's header: the links a person may use, who is signed in, and signing in and out.
//! Rendered on the server for each reader, so it needs no JavaScript.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::api::account::signed_in_as;
use crate::domain::account::{Account, Role};
use crate::wire::account::SignedInAs;

/// Who a link of the header is offered to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum OfferedTo {
    Everyone,
    /// Bureau members and the secretariat: planning and reviewing.
    Planners,
    Secretariat,
}

/// The header's links, in order.
const LINKS: &[(&str, &str, OfferedTo)] = &[
    ("/calendar", "Calendar", OfferedTo::Everyone),
    ("/timeline", "Timeline", OfferedTo::Everyone),
    ("/", "Bodies", OfferedTo::Everyone),
    ("/sessions", "Sessions", OfferedTo::Everyone),
    ("/programme", "Daily programme", OfferedTo::Everyone),
    ("/plan", "Plan", OfferedTo::Planners),
    ("/workplan", "Workplan", OfferedTo::Everyone),
    ("/conflicts", "Conflicts", OfferedTo::Everyone),
    ("/nominations", "Nominations", OfferedTo::Everyone),
    ("/review", "Review board", OfferedTo::Planners),
    ("/admin", "Administration", OfferedTo::Secretariat),
];

fn offered(to: OfferedTo, account: Option<&Account>) -> bool {
    let role = account.map(|a| a.role);
    match to {
        OfferedTo::Everyone => true,
        OfferedTo::Planners => matches!(role, Some(Role::Secretariat | Role::Bureau)),
        OfferedTo::Secretariat => role == Some(Role::Secretariat),
    }
}

/// The sign-in page's address that comes back to `here` once signed in.
pub(crate) fn sign_in_href(here: &str) -> String {
    if here.is_empty() || here == "/" || here.starts_with("/login") {
        "/login".into()
    } else {
        format!("/login?next={}", crate::wire::detail_pages::encode(here))
    }
}

/// The address of the page being rendered, with its query.
fn here() -> String {
    let location = leptos_router::hooks::use_location();
    let (path, search) = (
        location.pathname.get_untracked(),
        location.search.get_untracked(),
    );
    if search.is_empty() {
        path
    } else {
        format!("{path}?{search}")
    }
}

/// A link to sign in that comes back to this page.
#[component]
pub(crate) fn SignInLink(#[prop(into)] text: String) -> impl IntoView {
    view! { <a href=sign_in_href(&here())>{text}</a> }
}

#[component]
pub(crate) fn SiteHeader() -> impl IntoView {
    let who = Resource::new(|| (), |_| signed_in_as());
    view! {
        <header class="site-header">
            <A href="/" attr:class="brand">"Quorum"</A>
            <span class="tagline">"Meetings of the Conference of the States Parties and its subsidiary bodies"</span>
            <Suspense fallback=|| view! { <Links who=None/> }>
                {move || Suspend::new(async move {
                    // A failing read of the sign-in shows the public links; the page says why.
                    let who = who.await.ok().flatten();
                    view! { <Links who/> }
                })}
            </Suspense>
        </header>
    }
}

/// The links, and who is signed in. On a phone the links fold behind "Menu", a native
/// disclosure that opens without JavaScript: the stylesheet hides the list while the
/// disclosure is closed, and hides the disclosure itself on wide screens, where every link
/// shows.
#[component]
fn Links(who: Option<SignedInAs>) -> impl IntoView {
    let account = who.as_ref().map(|w| w.account.clone());
    let links = LINKS
        .iter()
        .filter(|(_, _, to)| offered(*to, account.as_ref()))
        .map(|(href, text, _)| view! { <li><A href=*href>{*text}</A></li> })
        .collect_view();
    let signed_in = match who {
        Some(who) => view! {
            <p class="signed-in">
                <span class="who">{format!("Signed in as {}", who.account.name)}<span class="role">{format!(" ({})", who.described)}</span></span>
                " " <a href="/account">"Your account"</a>
                <form method="post" action="/logout" class="sign-out"><button type="submit" class="link">"Sign out"</button></form>
            </p>
        }
        .into_any(),
        None => view! { <p class="signed-in"><SignInLink text="Sign in"/></p> }.into_any(),
    };
    view! {
        <nav aria-label="Main">
            <details class="menu">
                <summary aria-controls="main-links">"Menu"</summary>
            </details>
            <ul id="main-links" class="nav-links">{links}</ul>
        </nav>
        {signed_in}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sign_in_link_comes_back_to_its_page() {
        assert_eq!(sign_in_href("/review"), "/login?next=%2Freview");
        assert_eq!(
            sign_in_href("/plan?meeting=cosp-10-opening"),
            "/login?next=%2Fplan%3Fmeeting%3Dcosp-10-opening"
        );
        assert_eq!(sign_in_href("/"), "/login");
        assert_eq!(sign_in_href("/login?error=wrong"), "/login");
    }

    #[test]
    fn each_role_is_offered_only_the_pages_it_may_use() {
        let account = |role| Account {
            id: 1,
            email: "someone@quorum.example".into(),
            name: "Someone".into(),
            role,
            body: None,
            state: None,
            organisation: None,
            person: None,
        };
        let offered_to = |a: Option<&Account>| -> Vec<&str> {
            LINKS
                .iter()
                .filter(|(_, _, to)| offered(*to, a))
                .map(|(_, text, _)| *text)
                .collect()
        };
        let anyone = offered_to(None);
        assert!(!anyone.contains(&"Plan") && !anyone.contains(&"Review board"));
        assert!(!anyone.contains(&"Administration"));
        let focal = offered_to(Some(&account(Role::FocalPoint)));
        assert!(focal.contains(&"Nominations") && !focal.contains(&"Review board"));
        let bureau = offered_to(Some(&account(Role::Bureau)));
        assert!(bureau.contains(&"Plan") && bureau.contains(&"Review board"));
        assert!(!bureau.contains(&"Administration"));
        let secretariat = offered_to(Some(&account(Role::Secretariat)));
        assert_eq!(secretariat.len(), LINKS.len());
    }
}
