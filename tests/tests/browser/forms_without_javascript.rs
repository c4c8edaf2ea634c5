//! Forms with JavaScript off: the browser posts the form, and the page it came from comes back
//! with the server's answer beside the fields and everything that was typed still there.

use fantoccini::Locator;
use tests::browser::{irg_17_session_form, with_demo_server_on_each_backend, Browser, SECRETARIAT};

async fn session_page_without_javascript(server: &tests::TestServer) -> Browser {
    let browser = Browser::start(false).await;
    browser.sign_in_as(server, SECRETARIAT).await;
    browser.open(&server.url("/plan/session")).await;
    browser
}

#[tokio::test]
async fn a_session_typed_without_javascript_is_saved_and_the_page_says_so() {
    with_demo_server_on_each_backend(async |server| {
        let browser = session_page_without_javascript(server).await;
        browser
            .type_form("form.session-form", &irg_17_session_form("Held in Vienna"))
            .await;
        browser
            .click("form.session-form button[type='submit']")
            .await;
        let done = browser.wait_for_text("p.done", "irg-17").await;
        browser.screenshot("session-saved-without-javascript").await;
        assert!(!done.is_empty());
        // The form now edits the session it created.
        assert_eq!(browser.value_of("#s-number").await, "17");
        let readonly = browser
            .client
            .find(Locator::Css("#s-id"))
            .await
            .unwrap()
            .attr("readonly")
            .await
            .unwrap();
        assert!(
            readonly.is_some(),
            "the key of a stored session is not changed"
        );
        let (status, session) = tests::get_json(server, "/api/sessions/irg-17").await;
        assert_eq!(status, 200, "{session}");
        assert_eq!(
            session["session"]["dates"]["days"]["start"], "2026-06-01",
            "{session}"
        );
        browser.close().await;
    })
    .await;
}

#[tokio::test]
async fn a_refused_session_without_javascript_keeps_every_entry_with_the_error_beside_it() {
    with_demo_server_on_each_backend(async |server| {
        let browser = session_page_without_javascript(server).await;
        let mut fields = irg_17_session_form("Notes <kept> & 100% as typed");
        fields[3] = ("number", "seventeen");
        browser.type_form("form.session-form", &fields).await;
        let typed = browser.form_values("form.session-form").await;
        browser
            .click("form.session-form button[type='submit']")
            .await;
        let error = browser.text_of("#error-number").await;
        browser
            .screenshot("session-refused-without-javascript")
            .await;
        assert!(!error.is_empty(), "the number's error stands beside it");
        assert_eq!(browser.form_values("form.session-form").await, typed);
        assert_eq!(
            browser.value_of("#s-notes").await,
            "Notes <kept> & 100% as typed"
        );
        let (status, _) = tests::get_json(server, "/api/sessions/irg-17").await;
        assert_eq!(status, 404, "nothing was saved");
        browser.close().await;
    })
    .await;
}

#[tokio::test]
async fn a_panel_without_javascript_keeps_what_was_typed_when_refused_and_saves_when_corrected() {
    with_demo_server_on_each_backend(async |server| {
        let browser = Browser::start(false).await;
        browser.sign_in_as(server, SECRETARIAT).await;
        browser
            .open(&server.url("/plan/panel?meeting=joint-2023-06-morning"))
            .await;
        let fields = [
            ("id", "joint-2023-06-panel"),
            ("topic", "Beneficial ownership registers"),
            ("planned_size", "many"),
        ];
        browser.type_form("form.panel-form", &fields).await;
        let typed = browser.form_values("form.panel-form").await;
        browser.click("form.panel-form button[type='submit']").await;
        assert!(!browser.text_of("#error-planned_size").await.is_empty());
        assert_eq!(browser.form_values("form.panel-form").await, typed);
        browser
            .type_form("form.panel-form", &[("planned_size", "4")])
            .await;
        browser.click("form.panel-form button[type='submit']").await;
        browser.wait_for_text("p.done", "").await;
        browser.screenshot("panel-saved-without-javascript").await;
        let (_, panels) = tests::get_json(server, "/api/panels").await;
        let saved = panels
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["id"] == "joint-2023-06-panel")
            .cloned()
            .unwrap_or_else(|| panic!("the panel is stored: {panels}"));
        assert_eq!(saved["topic"], "Beneficial ownership registers", "{saved}");
        browser.close().await;
    })
    .await;
}
