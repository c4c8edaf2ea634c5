//! Pages, components and the HTML shell. Every page renders completely on the server
//! (`SsrMode::Async`), so it reads without JavaScript, and hydrates for interaction.

mod account;
mod admin;
mod bodies;
mod calendar;
mod conflicts;
mod forms;
mod header;
mod meeting_checks;
mod meeting_planner;
mod nominations;
mod panel_planner;
mod session_planner;
mod sessions;
mod subscribe;
mod workplan;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, HashedStylesheet, MetaTags, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    path, SsrMode,
};

/// The few actions that need no WASM, by delegation so that no element carries inline script
/// (which the pages' Content-Security-Policy forbids): copying a feed address, printing,
/// filling an administration form from a stored record.
const PAGE_SCRIPT: &str = r#"
document.addEventListener('click', function (event) {
  var copy = event.target.closest('button.copy');
  if (copy) {
    var field = copy.previousElementSibling;
    field.select();
    if (navigator.clipboard) { navigator.clipboard.writeText(field.value).catch(function () { document.execCommand('copy'); }); }
    else { document.execCommand('copy'); }
    copy.nextElementSibling.textContent = 'Copied.';
  }
  if (event.target.closest('button.print')) { window.print(); }
});
document.addEventListener('change', function (event) {
  var pick = event.target.closest('select.fill');
  if (!pick) { return; }
  var values = JSON.parse(pick.selectedOptions[0].getAttribute('data-values') || '{}');
  Object.keys(values).forEach(function (id) {
    var field = document.getElementById(id);
    if (!field) { return; }
    if (field.type === 'checkbox') { field.checked = values[id] === true; } else { field.value = values[id]; }
  });
});
document.addEventListener('focusin', function (event) {
  if (event.target.matches('input.feed-link')) { event.target.select(); }
});
"#;

/// The HTML document around the app, rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let nonce = use_nonce();
    // The page's policy names the nonce its inline scripts carry; nothing else inline runs.
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        let policy = crate::ssr::page_policy(nonce.as_deref());
        if let Ok(value) = axum::http::HeaderValue::from_str(&policy) {
            response.insert_header(axum::http::header::CONTENT_SECURITY_POLICY, value);
        }
    }
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                // The files of public/, served from the site's root.
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <link rel="icon" href="/favicon.ico" sizes="32x32"/>
                <AutoReload options=options.clone()/>
                // Both name the files by their content hash (LeptosOptions::hash_files, set in
                // server/src/startup.rs), so each build's files are new URLs browsers may keep.
                <HashedStylesheet options=options.clone() id="quorum"/>
                <HydrationScripts options islands=true/>
                <MetaTags/>
            </head>
            <body>
                <App/>
                <script nonce=nonce>{PAGE_SCRIPT}</script>
            </body>
        </html>
    }
}

/// The application: header, routes and footer.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();

    view! {
        // Each page names itself ("Sessions — Quorum"); one that does not is "Quorum".
        <Title text="Quorum" formatter=page_title/>
        <Router>
            <a class="skip-link" href="#main">"Skip to the content"</a>
            <header::SiteHeader/>
            <HydrationMark/>
            <main id="main" data-hydrated="false">
                <FormAnswerNotice/>
                <Routes fallback=|| view! { <NotFound/> }>
                    <Route path=path!("/") view=bodies::BodiesPage ssr=SsrMode::Async/>
                    <Route path=path!("/calendar") view=calendar::CalendarPage ssr=SsrMode::Async/>
                    <Route path=path!("/timeline") view=calendar::TimelinePage ssr=SsrMode::Async/>
                    <Route path=path!("/programme") view=calendar::ProgrammePage ssr=SsrMode::Async/>
                    <Route path=path!("/plan") view=meeting_planner::PlannerPage ssr=SsrMode::Async/>
                    <Route path=path!("/plan/session") view=session_planner::SessionPlannerPage ssr=SsrMode::Async/>
                    <Route path=path!("/plan/panel") view=panel_planner::PanelPlannerPage ssr=SsrMode::Async/>
                    <Route path=path!("/nominations") view=nominations::NominationsPage ssr=SsrMode::Async/>
                    <Route path=path!("/review") view=nominations::ReviewPage ssr=SsrMode::Async/>
                    <Route path=path!("/workplan") view=workplan::WorkplanPage ssr=SsrMode::Async/>
                    <Route path=path!("/conflicts") view=conflicts::ConflictsPage ssr=SsrMode::Async/>
                    <Route path=path!("/sessions") view=sessions::SessionsPage ssr=SsrMode::Async/>
                    <Route path=path!("/login") view=account::LoginPage ssr=SsrMode::Async/>
                    <Route path=path!("/account") view=account::AccountPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin") view=admin::AdminPage ssr=SsrMode::Async/>
                    <Route path=path!("/sessions/:id") view=sessions::SessionPage ssr=SsrMode::Async/>
                    <Route path=path!("/bodies/:code") view=sessions::BodyPage ssr=SsrMode::Async/>
                    <Route path=path!("/venues/:id") view=sessions::VenuePage ssr=SsrMode::Async/>
                    <Route path=path!("/meetings/:id") view=sessions::MeetingPage ssr=SsrMode::Async/>
                </Routes>
            </main>
        </Router>
    }
}

/// The document's title for a page's own: "Sessions — Quorum". leptos_meta 0.8 writes the
/// title into the server's HTML unescaped (as it does a textarea's text), so a meeting titled
/// `</title><b>…` would become markup: the server escapes it here. The pages are not hydrated
/// (islands), so this runs on the server only.
fn page_title(text: String) -> String {
    let title = if text == "Quorum" {
        text
    } else {
        format!("{text} — Quorum")
    };
    #[cfg(feature = "ssr")]
    let title = html_escape::encode_text(&title).into_owned();
    title
}

/// At the top of a page that answers a form sent without JavaScript, what became of it: the
/// browser shows such a page from its top, and the form may be far below.
#[component]
fn FormAnswerNotice() -> impl IntoView {
    use_context::<crate::wire::form_echo::FormEcho>().map(|echo| {
        // Whatever the form, a sign-in that ended or a right the account lacks is said first:
        // the page may then show no form at all.
        let refusal = match echo.status {
            401 => Some("Not saved: you are not signed in, or your sign-in has ended. Sign in and send the form again."),
            403 => Some("Not saved: your account may not do this."),
            _ => None,
        };
        if let Some(refusal) = refusal {
            view! { <p class="form-answer refused" role="alert">{refusal}</p> }.into_any()
        } else if echo.endpoint == crate::wire::form_echo::IMPORT_ENDPOINT {
            // A browser never keeps a chosen file: the form says why and asks for it again.
            let (class, text) = match echo.refused() {
                true => ("form-answer refused", "Nothing was imported: the import form below says why."),
                false => ("form-answer done", "Imported: the import form below lists what."),
            };
            view! { <p class=class role="status">{text}</p> }.into_any()
        } else if echo.refused() {
            view! {
                <p class="form-answer refused" role="alert">
                    "Not saved: the form below says what to correct. Everything you typed is still there."
                </p>
            }
            .into_any()
        } else {
            let done = echo
                .answer::<crate::wire::nominations::FormOutcome>()
                .ok()
                .and_then(|outcome| outcome.done)
                .unwrap_or_else(|| "Done: the answer is shown beside the form below.".to_owned());
            view! { <p class="form-answer done" role="status">{done}</p> }.into_any()
        }
    })
}

/// Marks `<main>` once the browser bundle has run, so that tests and styles can tell a page
/// that hydrated from one read without JavaScript.
#[island]
fn HydrationMark() -> impl IntoView {
    Effect::new(move |_| {
        #[cfg(feature = "hydrate")]
        if let Ok(Some(main)) = document().query_selector("main") {
            let _ = main.set_attribute("data-hydrated", "true");
        }
    });
}

/// The page for any unknown address, answered with status 404.
#[component]
pub(crate) fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    {
        if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
            response.set_status(axum::http::StatusCode::NOT_FOUND);
        }
    }
    view! {
        <Title text="Page not found"/>
        <h1>"Page not found"</h1>
        <p><a href="/">"Back to the bodies"</a></p>
    }
}
