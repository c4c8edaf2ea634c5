//! An automated accessibility audit: axe-core checks every page of Quorum, public and signed in,
//! against WCAG 2.1 A and AA in headless chromium, after hydration.

use tests::browser::{with_demo_server, Browser, FOCAL_POINT_AT, SECRETARIAT};
use tests::TestServer;

const PUBLIC_PAGES: &[&str] = &[
    "/",
    "/calendar",
    "/calendar?view=week&date=2023-06-13",
    "/calendar?view=list",
    "/timeline",
    "/programme?date=2023-06-13&venue=vienna-vic",
    "/sessions",
    "/sessions/irg-14",
    "/bodies/IRG",
    "/venues/vienna-vic",
    "/login",
];

const SECRETARIAT_PAGES: &[&str] = &[
    "/account",
    "/plan",
    "/plan?meeting=joint-2023-06-morning",
    "/plan/session?session=irg-14",
    "/plan/panel",
    "/conflicts",
    "/workplan",
    "/review",
    "/admin",
];

const FOCAL_POINT_PAGES: &[&str] = &["/nominations"];

/// Audits each page and returns what was found, page by page, with the number of rule checks.
async fn audit(browser: &Browser, server: &TestServer, pages: &[&str]) -> (Vec<String>, usize) {
    let mut found = Vec::new();
    let mut checks = 0;
    for page in pages {
        browser.open_hydrated(&server.url(page)).await;
        let (violations, rules) = browser.accessibility_violations().await;
        assert!(rules > 20, "axe-core ran only {rules} rules on {page}");
        checks += rules;
        found.extend(violations.into_iter().map(|v| format!("{page}: {v}")));
    }
    (found, checks)
}

#[tokio::test]
async fn every_page_passes_the_wcag_2_1_aa_audit() {
    with_demo_server(async |server| {
        let browser = Browser::start(true).await;
        let (mut found, mut checks) = audit(&browser, server, PUBLIC_PAGES).await;
        // The public pages are audited before signing in; the focal point gets a fresh profile.
        browser.sign_in_as(server, SECRETARIAT).await;
        let (more, rules) = audit(&browser, server, SECRETARIAT_PAGES).await;
        found.extend(more);
        checks += rules;
        browser.close().await;
        let browser = Browser::signed_in(server, FOCAL_POINT_AT).await;
        let (more, rules) = audit(&browser, server, FOCAL_POINT_PAGES).await;
        found.extend(more);
        checks += rules;
        browser.close().await;

        let pages = PUBLIC_PAGES.len() + SECRETARIAT_PAGES.len() + FOCAL_POINT_PAGES.len();
        println!(
            "axe-core: {pages} pages, {checks} rule checks, {} violations",
            found.len()
        );
        assert!(
            found.is_empty(),
            "WCAG 2.1 AA violations:\n{}",
            found.join("\n")
        );
    })
    .await;
}
