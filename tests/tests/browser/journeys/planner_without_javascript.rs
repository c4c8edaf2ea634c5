//! The meeting planner with JavaScript off, as a Bureau member on a locked-down laptop meets
//! it: a meeting typed and saved, a refused save that keeps every entry and says why, and the
//! free-slot finder whose slots link back into the planner.

use tests::browser::{with_demo_server_on_each_backend, Browser, BUREAU_IRG};
use tests::TestServer;

/// A browser without JavaScript, signed in as the IRG's Bureau member, on a new meeting.
async fn new_meeting_without_javascript(server: &TestServer) -> Browser {
    let browser = Browser::start(false).await;
    browser.sign_in_as(server, BUREAU_IRG).await;
    browser.open(&server.url("/plan")).await;
    browser
}

/// Types a meeting of the IRG's June 2023 session on 13 June, 10:00–13:00 (the form's hours).
async fn type_meeting(browser: &Browser, id: &str, title: &str) {
    browser.type_into("#m-id", id).await;
    browser.type_into("#m-title", title).await;
    browser
        .click("#m-kind option[value='informal_consultation']")
        .await;
    browser
        .click("input[name='sessions'][value='irg-14']")
        .await;
    browser.click("#m-venue option[value='vienna-vic']").await;
    // Chromium's date field takes the digits of its locale's order (en-US: month, day, year).
    browser.type_into("#m-date", "06132023").await;
}

#[tokio::test]
async fn a_meeting_typed_without_javascript_is_saved_and_shown() {
    with_demo_server_on_each_backend(async |server| {
        let browser = new_meeting_without_javascript(server).await;
        type_meeting(
            &browser,
            "irg-14-informals",
            "Informal consultations on the review",
        )
        .await;
        browser.click(".meeting-form button[type='submit']").await;
        browser
            .wait_for_url(&server.url("/plan?meeting=irg-14-informals&saved=1"))
            .await;
        let saved = browser.text_of(".saved").await;
        assert!(saved.contains("Saved"), "{saved}");
        assert_eq!(
            browser.value_of("#m-title").await,
            "Informal consultations on the review"
        );
        browser.screenshot("planner-saved-without-javascript").await;
        let (_, stored) = tests::get_json(
            server,
            "/api/meetings?body=IRG&from=2023-06-13&to=2023-06-13",
        )
        .await;
        assert_eq!(stored[0]["id"], "irg-14-informals", "{stored}");
        assert_eq!(stored[0]["kind"], "informal_consultation", "{stored}");
        browser.close().await;
    })
    .await;
}

#[tokio::test]
async fn a_refused_save_without_javascript_keeps_every_entry_and_says_why() {
    with_demo_server_on_each_backend(async |server| {
        let browser = new_meeting_without_javascript(server).await;
        // The key of the opening of the tenth session is taken.
        type_meeting(&browser, "cosp-10-opening", "Briefing <b>50%</b> & more").await;
        let typed = browser.form_values("form.meeting-form").await;
        browser.click(".meeting-form button[type='submit']").await;
        let refusal = browser
            .wait_for_text(".live-check", "the key cosp-10-opening is taken")
            .await;
        assert!(refusal.contains("cannot be saved"), "{refusal}");
        assert_eq!(browser.form_values("form.meeting-form").await, typed);
        browser
            .screenshot("planner-refused-without-javascript")
            .await;
        let (_, stored) = tests::get_json(
            server,
            "/api/meetings?body=IRG&from=2023-06-13&to=2023-06-13",
        )
        .await;
        assert_eq!(stored, serde_json::json!([]), "nothing was saved");
        browser.close().await;
    })
    .await;
}

#[tokio::test]
async fn the_free_slot_finder_without_javascript_links_each_slot_into_the_planner() {
    with_demo_server_on_each_backend(async |server| {
        let browser = new_meeting_without_javascript(server).await;
        type_meeting(&browser, "irg-14-slot", "Informal consultations").await;
        browser.type_into("#slots-from", "06142023").await;
        browser.type_into("#slots-to", "06142023").await;
        browser.click("button.find-slots").await;
        // The joint meeting holds 14 June morning and afternoon for the IRG: no slot is free.
        browser
            .wait_for_text(".slot-finder", "No free slot in this period.")
            .await;
        assert_eq!(browser.value_of("#m-title").await, "Informal consultations");
        // A new period, typed over the old one.
        browser
            .client
            .find(fantoccini::Locator::Css("#slots-to"))
            .await
            .unwrap()
            .clear()
            .await
            .unwrap();
        browser.type_into("#slots-to", "06152023").await;
        browser.click("button.find-slots").await;
        let slots = browser.wait_for_text("ul.slots", "Thu 15 Jun 2023").await;
        assert!(slots.contains("10:00"), "{slots}");
        browser
            .screenshot("planner-free-slots-without-javascript")
            .await;
        browser.click("ul.slots li a.use-slot").await;
        browser.wait_for_text(".meeting-form", "Key").await;
        assert_eq!(browser.value_of("#m-date").await, "2023-06-15");
        assert_eq!(browser.value_of("#m-start").await, "10:00");
        assert_eq!(browser.value_of("#m-title").await, "Informal consultations");
        browser.close().await;
    })
    .await;
}
