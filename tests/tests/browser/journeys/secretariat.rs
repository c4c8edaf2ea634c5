//! The secretariat keeps the reference data in the administration pages.

use tests::browser::{with_demo_server_on_each_backend, Browser, SECRETARIAT};

/// The secretariat changes a body in the administration: choosing it fills the form, the save
/// answers in place, and the body's page shows the change.
#[tokio::test]
async fn the_secretariat_fills_the_body_form_from_a_stored_body_and_saves_a_change() {
    with_demo_server_on_each_backend(async |server| {
        let browser = Browser::signed_in(server, SECRETARIAT).await;
        browser.open_hydrated(&server.url("/admin")).await;
        browser.fill("#b-pick", "1").await;
        assert_eq!(browser.value_of("#b-code").await, "IRG");
        assert_eq!(
            browser.value_of("#b-short").await,
            "Implementation Review Group"
        );
        browser
            .fill("#b-short", "Implementation Review Group (renamed)")
            .await;
        browser.click(".body-form button[type='submit']").await;
        browser.wait_for_text(".body-form ~ .done", "saved").await;
        let (_, bodies) = tests::get_json(server, "/api/bodies").await;
        assert!(
            bodies
                .to_string()
                .contains("Implementation Review Group (renamed)"),
            "{bodies}"
        );
        // The first choice empties the form for a new body.
        browser.fill("#b-pick", "").await;
        assert_eq!(browser.value_of("#b-code").await, "");
        browser.close().await;
    })
    .await;
}
