//! Journeys in headless chromium: the page reads without JavaScript and hydrates with it.

use std::time::Duration;

use fantoccini::Locator;
use tests::browser::{
    with_demo_server, Browser, DemoAccount, BUREAU_IRG, FOCAL_POINT_AT, SECRETARIAT,
};

async fn visible_body_codes(browser: &Browser) -> Vec<String> {
    let mut codes = Vec::new();
    for item in browser
        .client
        .find_all(Locator::Css("ul.bodies li.body"))
        .await
        .unwrap()
    {
        codes.push(item.attr("data-code").await.unwrap().unwrap_or_default());
    }
    codes
}

#[tokio::test]
async fn the_bodies_page_reads_without_javascript_and_filters_through_the_form() {
    with_demo_server(async |server| {
        let browser = Browser::start(false).await;
        browser.goto(&server.url("/")).await;
        assert_eq!(
            visible_body_codes(&browser).await,
            ["COSP", "IRG", "WG-PREV", "WG-AR", "EM-IC"]
        );
        assert_eq!(browser.hydrated_mark().await.as_deref(), Some("false"));
        browser.screenshot("bodies-without-javascript").await;

        // Without JavaScript the filter is an ordinary GET form answered by the server.
        browser.type_into("#body-filter", "asset").await;
        browser.click("form.filter button").await;
        // The element from the first page is also WG-AR: wait for the new address instead.
        browser.wait_for_url(&server.url("/?q=asset")).await;
        assert_eq!(visible_body_codes(&browser).await, ["WG-AR"]);
        browser.close().await;
    })
    .await;
}

#[tokio::test]
async fn the_bodies_page_hydrates_and_filters_as_you_type() {
    with_demo_server(async |server| {
        let browser = Browser::start(true).await;
        browser.open_hydrated(&server.url("/")).await;

        browser.type_into("#body-filter", "asset").await;
        // Only WASM can change the list without a new page load.
        let mut codes = Vec::new();
        for _ in 0..50 {
            codes = visible_body_codes(&browser).await;
            if codes == ["WG-AR"] {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert_eq!(codes, ["WG-AR"]);
        assert!(
            browser
                .client
                .current_url()
                .await
                .unwrap()
                .as_str()
                .ends_with('/'),
            "no navigation happened"
        );
        browser.screenshot("bodies-hydrated-filtered").await;
        browser.close().await;
    })
    .await;
}

#[tokio::test]
async fn a_focal_point_signs_in_and_rotates_their_private_feed_from_the_account_page() {
    with_demo_server(async |server| {
        // Signing in lands on the account page.
        let browser = Browser::signed_in(server, FOCAL_POINT_AT).await;
        browser
            .wait_for("main[data-hydrated='true'] form.new-feed")
            .await;
        browser.click("form.new-feed button").await;
        let address = browser.text_of("code.feed-address").await;
        browser.screenshot("account-new-private-feed").await;
        browser.close().await;

        let path = address
            .strip_prefix(&server.base_url)
            .expect("an address of this server");
        let feed = tests::http().get(server.url(path)).send().await.unwrap();
        assert_eq!(feed.status(), 200);
        assert!(feed.text().await.unwrap().contains("NAME:Quorum — Austria"));
    })
    .await;
}

/// The planner's form, new and opened, as the server sends it and as it reads once hydrated.
async fn planner_forms(server: &tests::TestServer, javascript: bool) -> Vec<Vec<String>> {
    let browser = Browser::start(javascript).await;
    browser.sign_in_as(server, SECRETARIAT).await;
    let mut forms = Vec::new();
    for page in ["/plan", "/plan?meeting=cosp-10-opening"] {
        browser.open(&server.url(page)).await;
        forms.push(browser.form_values("form.meeting-form").await);
    }
    browser.close().await;
    forms
}

#[tokio::test]
async fn the_planner_form_reads_the_same_before_and_after_hydration() {
    with_demo_server(async |server| {
        let served = planner_forms(server, false).await;
        let hydrated = planner_forms(server, true).await;
        assert_eq!(served, hydrated);
        // A new meeting is a plenary of one body until two sessions are chosen.
        assert!(
            served[0].contains(&"kind=plenary".to_owned()),
            "{:?}",
            served[0]
        );
        let opened = &served[1];
        for expected in [
            "id=cosp-10-opening",
            "kind=plenary",
            "sessions[cosp-10]=true",
            "venue=atlanta",
            "room=atlanta-plenary",
            "date=2023-12-11",
            "start=10:00",
            "interpretation[on]=true",
        ] {
            assert!(
                opened.contains(&expected.to_owned()),
                "{expected} in {opened:?}"
            );
        }
        assert!(
            opened
                .iter()
                .any(|v| v.starts_with("title=Opening plenary")),
            "{opened:?}"
        );
    })
    .await;
}

/// Every field of every form on `pages`, as `account` reads them, with JavaScript off (as the
/// server wrote them) or on (once hydrated).
async fn every_form(
    server: &tests::TestServer,
    account: DemoAccount,
    pages: &[&str],
    javascript: bool,
) -> Vec<(String, Vec<String>)> {
    let browser = Browser::start(javascript).await;
    browser.sign_in_as(server, account).await;
    let mut forms = Vec::new();
    for page in pages {
        browser.open(&server.url(page)).await;
        let found = browser.client.find_all(Locator::Css("main form")).await;
        assert!(
            found.is_ok_and(|forms| !forms.is_empty()),
            "{page}: no form for {}",
            account.email
        );
        forms.push((page.to_string(), browser.form_values("main form").await));
    }
    browser.close().await;
    forms
}

/// No field of any form changes its value when the page hydrates: what the server wrote is
/// what the person sees and sends.
#[tokio::test]
async fn no_form_changes_a_value_on_hydration() {
    with_demo_server(async |server| {
        // An open call, so that the focal point's page holds the nomination form.
        let bureau = server
            .bureau_member("bureau.irg.h@quorum.example", "IRG")
            .await;
        let deadline = (chrono::Utc::now() + chrono::Duration::days(30))
            .format("%Y-%m-%d")
            .to_string();
        let call = [
            ("panel", "business-integrity-1"),
            ("deadline", deadline.as_str()),
            ("quota", "2"),
        ];
        let (status, opened) =
            tests::form_post(&bureau, server, "nominations/open-call", &call).await;
        assert!(status == 200 && opened["done"].is_string(), "{opened}");
        let pages: [(DemoAccount, &[&str]); 3] = [
            (
                SECRETARIAT,
                &[
                    "/plan/session",
                    "/plan/session?session=cosp-10",
                    "/plan/panel",
                    "/workplan",
                    "/admin",
                    "/account",
                ],
            ),
            (FOCAL_POINT_AT, &["/nominations", "/account"]),
            (BUREAU_IRG, &["/review", "/workplan", "/plan/panel"]),
        ];
        for (account, pages) in pages {
            let served = every_form(server, account, pages, false).await;
            let hydrated = every_form(server, account, pages, true).await;
            for ((page, before), (_, after)) in served.iter().zip(&hydrated) {
                assert!(!before.is_empty(), "{page}: a form to compare");
                assert_eq!(before, after, "{}: {page}", account.email);
            }
        }
    })
    .await;
}
