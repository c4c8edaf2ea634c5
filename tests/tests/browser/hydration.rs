//! Journeys in headless chromium: the page reads without JavaScript and hydrates with it.

use fantoccini::Locator;
use std::time::Duration;
use tests::browser::{available, Browser};
use tests::{Backend, TestDatabase, TestServer};

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
    if !available() {
        return;
    }
    let db = TestDatabase::new(Backend::Sqlite).await;
    let server = TestServer::start(&db).await;
    let browser = Browser::start(false).await;
    browser.client.goto(&server.url("/")).await.unwrap();
    assert_eq!(
        visible_body_codes(&browser).await,
        ["COSP", "IRG", "WG-PREV", "WG-AR", "EM-IC"]
    );
    let main = browser.client.find(Locator::Css("main")).await.unwrap();
    assert_eq!(
        main.attr("data-hydrated").await.unwrap().as_deref(),
        Some("false")
    );
    browser.screenshot("bodies-without-javascript").await;

    // Without JavaScript the filter is an ordinary GET form answered by the server.
    let input = browser
        .client
        .find(Locator::Id("body-filter"))
        .await
        .unwrap();
    input.send_keys("asset").await.unwrap();
    browser
        .client
        .find(Locator::Css("form.filter button"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    // The element from the first page is also WG-AR: wait for the new address instead.
    let filtered = url::Url::parse(&server.url("/?q=asset")).unwrap();
    browser
        .client
        .wait()
        .at_most(Duration::from_secs(10))
        .for_url(&filtered)
        .await
        .unwrap();
    assert_eq!(visible_body_codes(&browser).await, ["WG-AR"]);
    browser.close().await;
}

#[tokio::test]
async fn the_bodies_page_hydrates_and_filters_as_you_type() {
    if !available() {
        return;
    }
    let db = TestDatabase::new(Backend::Sqlite).await;
    let server = TestServer::start(&db).await;
    let browser = Browser::start(true).await;
    browser.client.goto(&server.url("/")).await.unwrap();
    browser
        .client
        .wait()
        .at_most(Duration::from_secs(30))
        .for_element(Locator::Css("main[data-hydrated='true']"))
        .await
        .expect("the page hydrates");

    let input = browser
        .client
        .find(Locator::Id("body-filter"))
        .await
        .unwrap();
    input.send_keys("asset").await.unwrap();
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
}

#[tokio::test]
async fn a_focal_point_signs_in_and_rotates_their_private_feed_from_the_account_page() {
    if !available() {
        return;
    }
    let db = TestDatabase::new(Backend::Sqlite).await;
    let server = TestServer::start(&db).await;
    let browser = Browser::start(true).await;
    browser.client.goto(&server.url("/login")).await.unwrap();
    browser
        .client
        .find(Locator::Id("login-email"))
        .await
        .unwrap()
        .send_keys("focal.point.at@quorum.example")
        .await
        .unwrap();
    browser
        .client
        .find(Locator::Id("login-password"))
        .await
        .unwrap()
        .send_keys("demo-focal-point-at-quorum")
        .await
        .unwrap();
    browser
        .client
        .find(Locator::Css("form.login button"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let account = url::Url::parse(&server.url("/account")).unwrap();
    browser
        .client
        .wait()
        .at_most(Duration::from_secs(10))
        .for_url(&account)
        .await
        .unwrap();
    browser
        .client
        .wait()
        .at_most(Duration::from_secs(30))
        .for_element(Locator::Css("main[data-hydrated='true'] form.new-feed"))
        .await
        .expect("the account page hydrates");
    browser
        .client
        .find(Locator::Css("form.new-feed button"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let address = browser
        .client
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css("code.feed-address"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    browser.screenshot("account-new-private-feed").await;
    browser.close().await;

    let path = address
        .strip_prefix(&server.base_url)
        .expect("an address of this server");
    let feed = tests::http().get(server.url(path)).send().await.unwrap();
    assert_eq!(feed.status(), 200);
    assert!(feed.text().await.unwrap().contains("NAME:Quorum — Austria"));
}
