//! Austria's focal point nominates a panellist to a call of IRG's Bureau, and follows the
//! nomination to the session page and the panellist's own feed.

use reqwest::Method;
use serde_json::{json, Value};
use tests::browser::{with_demo_server_on_each_backend, Browser, BUREAU_IRG, FOCAL_POINT_AT};

/// Journey 2: the Bureau opens a call; a focal point nominates a panellist; the Bureau accepts,
/// releases and confirms; the panellist appears on the session page and in the person's feed.
#[tokio::test]
async fn a_nominated_panellist_reaches_the_session_page_and_their_feed() {
    with_demo_server_on_each_backend(async |server| {
        // The call must still be open: its deadline a month from today.
        let deadline = (chrono::Utc::now() + chrono::Duration::days(30))
            .format("%Y-%m-%d")
            .to_string();

        let bureau = Browser::signed_in(server, BUREAU_IRG).await;
        bureau.open_hydrated(&server.url("/review")).await;
        bureau.fill("#c-panel", "business-integrity-1").await;
        bureau.fill("#c-deadline", &deadline).await;
        bureau.click("form.open-call button").await;
        bureau
            .wait_for_text(
                "main",
                "Opened the call for panellists on “Strengthening business integrity",
            )
            .await;

        let focal = Browser::signed_in(server, FOCAL_POINT_AT).await;
        focal.open_hydrated(&server.url("/nominations")).await;
        // The server checks each field: an empty justification is named beside its field.
        focal.fill("#n-name", "Maria Gruber").await;
        focal.fill("#n-why", "   ").await;
        focal.click("form.nominate button[type='submit']").await;
        focal.wait_for_text("#error-justification", "say why").await;
        assert_eq!(focal.value_of("#n-name").await, "Maria Gruber");
        focal.fill("#n-gender", "female").await;
        focal
            .fill(
                "#n-why",
                "Led the review of Austria's business integrity rules.",
            )
            .await;
        focal.click("form.nominate button[type='submit']").await;
        focal
            .wait_for_text("p.done", "Maria Gruber is nominated")
            .await;
        focal
            .wait_for_text("ul.my-nominations", "Maria Gruber")
            .await;
        focal.screenshot("nominations-focal-point").await;

        bureau.open_hydrated(&server.url("/review")).await;
        bureau
            .wait_for_text("table.nominations", "Maria Gruber")
            .await;
        bureau.click("form.decide button").await;
        bureau
            .wait_for_text("table.nominations", "accepted (not released)")
            .await;
        // Releasing cannot be undone: it asks first.
        bureau.click("form.release summary").await;
        bureau.click("form.release button").await;
        bureau.wait_for("form.confirm button").await;
        bureau.screenshot("review-board").await;
        bureau.click("form.confirm button").await;
        bureau.wait_for_text("table.nominations", "confirmed").await;
        let balance = bureau.text_of(".review-call .balance").await;
        assert!(balance.contains("Gender: female 1"), "{balance}");
        bureau.close().await;

        // The session page (without JavaScript: it is public) lists the panellist.
        let reader = Browser::start(false).await;
        reader.goto(&server.url("/sessions/irg-14")).await;
        let panels = reader.text_of("ul.panels").await;
        assert!(panels.contains("Maria Gruber"), "{panels}");
        reader.close().await;

        // The person's private feed holds the panel's meeting.
        let focal_api = tests::login(server, FOCAL_POINT_AT.email, FOCAL_POINT_AT.password)
            .await
            .unwrap();
        let (_, nominations) = tests::send_as(
            &focal_api,
            server,
            Method::GET,
            "/api/nominations",
            Value::Null,
        )
        .await;
        // The nominee appears as the person record beside the nomination.
        let nominee = nominations[0]["nominee"]["id"]
            .as_str()
            .unwrap_or_else(|| panic!("{nominations}"))
            .to_owned();
        let secretariat = server.secretariat().await;
        let (status, links) = tests::post_as(
            &secretariat,
            server,
            "/api/feed-tokens",
            json!({ "person": nominee }),
        )
        .await;
        assert_eq!(status, 201, "{links}");
        let feed = tests::http()
            .get(links["https"].as_str().unwrap())
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(feed.contains("joint-2023-06-morning"), "{feed}");
        focal.close().await;
    })
    .await;
}
