//! A member of IRG's Bureau plans with the conflict engine: the planner's live check and free
//! slots, and the conflicts dashboard.

use serde_json::{json, Value};
use tests::browser::{with_demo_server_on_each_backend, Browser, BUREAU_IRG};
use tests::TestServer;

/// A stored meeting, as the API answers it.
async fn meeting(server: &TestServer, id: &str) -> Value {
    let (status, meetings) = tests::get_json(server, "/api/meetings").await;
    assert_eq!(status, 200);
    meetings
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == id)
        .cloned()
        .unwrap_or_else(|| panic!("meeting {id} is not stored"))
}

/// Every conflict of the calendar, as the API answers it.
async fn conflicts(server: &TestServer) -> Vec<Value> {
    let (status, conflicts) = tests::get_json(server, "/api/conflicts").await;
    assert_eq!(status, 200, "{conflicts}");
    conflicts.as_array().cloned().unwrap_or_default()
}

/// Journey 1: a Bureau member plans a joint meeting, sees the conflict, moves it to a suggested
/// free slot and saves it.
#[tokio::test]
async fn a_bureau_member_plans_a_joint_meeting_and_moves_it_to_a_free_slot() {
    with_demo_server_on_each_backend(async |server| {
        let browser = Browser::signed_in(server, BUREAU_IRG).await;
        browser.open_hydrated(&server.url("/plan")).await;
        browser.fill("#m-id", "joint-2023-06-briefing").await;
        browser
            .fill("#m-title", "Joint briefing on the review mechanism")
            .await;
        browser
            .click("input[name='sessions'][value='irg-14']")
            .await;
        browser
            .click("input[name='sessions'][value='wg-prev-14']")
            .await;
        browser.fill("#m-kind", "joint_meeting").await;
        browser.fill("#m-venue", "vienna-vic").await;
        browser.fill("#m-room", "vic-boardroom-d").await;
        browser.fill("#m-date", "2023-06-14").await;
        browser.fill("#m-start", "10:00").await;
        browser.fill("#m-end", "13:00").await;

        // The live check, without saving: the existing joint meeting holds the room and both
        // bodies.
        let summary = browser
            .wait_for_text(".live-check .summary", "blocking")
            .await;
        assert!(summary.contains("prevents saving"), "{summary}");
        let explanation = browser
            .text_of(".live-check li.conflict.blocking .explanation")
            .await;
        assert!(
            explanation.contains("joint-2023-06-morning") || explanation.contains("Joint"),
            "{explanation}"
        );
        browser.screenshot("planner-conflict").await;

        // A save now is refused, and what was typed stays.
        browser.click(".meeting-form button[type='submit']").await;
        browser
            .wait_for_text("#error-form", "blocking conflict")
            .await;
        assert_eq!(
            browser.value_of("#m-title").await,
            "Joint briefing on the review mechanism"
        );

        browser.fill("#slots-from", "2023-06-12").await;
        browser.fill("#slots-to", "2023-06-16").await;
        browser.click("button.find-slots").await;
        browser.click("ul.slots li a.use-slot").await;
        let summary = browser
            .wait_for_text_without(".live-check .summary", "blocking")
            .await;
        assert!(
            !summary.contains("blocking"),
            "the suggested slot is free: {summary}"
        );
        let (date, start) = (
            browser.value_of("#m-date").await,
            browser.value_of("#m-start").await,
        );
        assert!(
            date.as_str() >= "2023-06-12" && date.as_str() <= "2023-06-16",
            "{date}"
        );
        assert_ne!((date.as_str(), start.as_str()), ("2023-06-14", "10:00"));
        browser.click(".meeting-form button[type='submit']").await;
        browser
            .wait_for(".saved a[href='/meetings/joint-2023-06-briefing']")
            .await;
        browser.screenshot("planner").await;
        browser.close().await;

        let stored = meeting(server, "joint-2023-06-briefing").await;
        assert_eq!(stored["sessions"], json!(["irg-14", "wg-prev-14"]));
        assert!(
            stored["start"].as_str().unwrap().starts_with(&date),
            "{stored}"
        );
        let conflicts = conflicts(server).await;
        let blocking_here = conflicts
            .iter()
            .filter(|c| c["severity"] == "blocking")
            .any(|c| {
                c["meetings"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|m| m == "joint-2023-06-briefing")
            });
        assert!(!blocking_here, "{conflicts:?}");
    })
    .await;
}

/// A Bureau member accepts a warning on the conflicts dashboard, with a reason.
#[tokio::test]
async fn a_bureau_member_accepts_a_warning_on_the_dashboard() {
    with_demo_server_on_each_backend(async |server| {
        // An evening meeting of the Implementation Review Group: outside Vienna's meeting
        // windows.
        let secretariat = server.secretariat().await;
        let evening = json!({
            "form": {
                "id": "irg-14-evening", "title": "Evening consultations",
                "kind": "informal_consultation", "sessions": ["irg-14"], "venue": "vienna-vic",
                "room": "vic-room-c3", "date": "2023-06-13", "start": "19:00", "end": "21:00",
                "interpretation": false, "status": "planned", "opened_at": ""
            },
            "create": true
        });
        let (_, outcome) = tests::post_as(&secretariat, server, "/api/plan/save", evening).await;
        assert_eq!(outcome["saved"], "irg-14-evening", "{outcome}");

        let browser = Browser::signed_in(server, BUREAU_IRG).await;
        browser.open_hydrated(&server.url("/conflicts")).await;
        let warning = "li.conflict.warning form.accept";
        browser.wait_for(warning).await;
        browser
            .fill(
                &format!("{warning} input[name='reason']"),
                "Informal consultations end late by agreement",
            )
            .await;
        browser.click(&format!("{warning} button")).await;
        browser.wait_for_text("ul.conflicts", "Accepted by").await;
        browser.screenshot("conflicts-accepted").await;
        browser.close().await;

        let conflicts = conflicts(server).await;
        let accepted = conflicts
            .iter()
            .find(|c| c["kind"] == "outside_meeting_windows")
            .unwrap_or_else(|| panic!("{conflicts:?}"));
        assert_eq!(
            accepted["accepted"]["reason"], "Informal consultations end late by agreement",
            "{accepted}"
        );
    })
    .await;
}
