//! The workplan's forms, the account's forms and accepting a warning, with JavaScript off and
//! on, on each backend: a valid form is stored and said so; a refused one keeps what was typed
//! (never a password) with the error shown.

use serde_json::json;
use tests::browser::{
    with_demo_server_on_each_backend, Browser, BUREAU_IRG, FOCAL_POINT_AT, SECRETARIAT,
};

#[tokio::test]
async fn a_workplan_entry_refused_keeps_what_was_typed_and_is_saved_once_corrected() {
    with_demo_server_on_each_backend(async |server| {
        for (javascript, key) in [(false, "irg-2027-plain"), (true, "irg-2027-live")] {
            let browser = Browser::signed_in_with(server, SECRETARIAT, javascript).await;
            browser.open(&server.url("/workplan")).await;
            let entry = [
                ("id", key),
                ("bodies", "IRG"),
                ("year", "next year"),
                ("paragraphs", "11, 13"),
                ("topics", "Beneficial ownership; Asset declarations"),
                (
                    "notes",
                    "As agreed <by> the extended Bureau & the secretariat",
                ),
            ];
            browser.type_form("form.entry-form", &entry).await;
            browser.click("form.entry-form input[name='agreed']").await;
            let typed = browser.form_values("form.entry-form").await;
            browser.click("form.entry-form button[type='submit']").await;
            browser
                .wait_for_text("form.entry-form .field-error", "year")
                .await;
            assert_eq!(browser.form_values("form.entry-form").await, typed);
            if !javascript {
                // The page comes back at its top, far above the form: it says so there.
                let notice = browser.text_of("main > p.form-answer").await;
                assert!(notice.starts_with("Not saved"), "{notice}");
            }
            browser
                .screenshot(&format!("workplan-refused-{javascript}"))
                .await;
            browser
                .type_form("form.entry-form", &[("year", "2027")])
                .await;
            browser.click("form.entry-form button[type='submit']").await;
            browser
                .wait_for_text("main", &format!("Entry {key} saved."))
                .await;
            let (_, workplan) = tests::get_json(server, "/api/workplan").await;
            let stored = workplan["entries"]
                .as_array()
                .unwrap()
                .iter()
                .find(|e| e["id"] == key)
                .cloned()
                .unwrap_or_else(|| panic!("{key} is stored: {workplan}"));
            assert_eq!(stored["year"], 2027, "{stored}");
            assert_eq!(
                stored["notes"], "As agreed <by> the extended Bureau & the secretariat",
                "{stored}"
            );
            browser.close().await;
        }
    })
    .await;
}

#[tokio::test]
async fn a_password_is_changed_and_a_refusal_never_writes_a_password_back() {
    with_demo_server_on_each_backend(async |server| {
        let mut password = FOCAL_POINT_AT.password.to_owned();
        for (javascript, next) in [
            (false, "a new password for Vienna"),
            (true, "another password for Vienna"),
        ] {
            let browser = Browser::start(javascript).await;
            browser
                .sign_in(&server.base_url, FOCAL_POINT_AT.email, &password)
                .await;
            browser.open(&server.url("/account")).await;
            let wrong = [
                ("current", "not the password at all"),
                ("new", next),
                ("confirm", next),
            ];
            browser.type_form("form.change-password", &wrong).await;
            browser
                .click("form.change-password button[type='submit']")
                .await;
            browser
                .wait_for_text("form.change-password .field-error", "")
                .await;
            if !javascript {
                // The answered page holds no password: not in a field, not in its markup.
                for field in ["#pw-current", "#pw-new", "#pw-confirm"] {
                    assert_eq!(browser.value_of(field).await, "", "{field}");
                }
                let source = browser.client.source().await.unwrap();
                assert!(!source.contains(next), "a password was written back");
                assert!(!source.contains("not the password at all"));
            }
            let right = [
                ("current", password.as_str()),
                ("new", next),
                ("confirm", next),
            ];
            browser.type_form("form.change-password", &right).await;
            browser
                .click("form.change-password button[type='submit']")
                .await;
            browser.wait_for_text("main", "Password changed").await;
            browser.close().await;
            password = next.to_owned();
            assert!(
                tests::login(server, FOCAL_POINT_AT.email, &password)
                    .await
                    .is_ok(),
                "the new password signs in"
            );
        }
    })
    .await;
}

#[tokio::test]
async fn a_new_private_feed_address_is_shown_and_serves_the_feed() {
    with_demo_server_on_each_backend(async |server| {
        for javascript in [false, true] {
            let browser = Browser::signed_in_with(server, FOCAL_POINT_AT, javascript).await;
            browser.open(&server.url("/account")).await;
            browser.click("form.new-feed button").await;
            let address = browser.text_of(".new-feed-result code.feed-address").await;
            let path = address
                .find("/feeds/")
                .map(|at| &address[at..])
                .unwrap_or_else(|| panic!("a feed address: {address}"));
            let feed = reqwest::get(server.url(path)).await.unwrap();
            assert_eq!(feed.status(), 200, "{address}");
            assert!(feed.text().await.unwrap().contains("BEGIN:VCALENDAR"));
            browser.close().await;
        }
    })
    .await;
}

#[tokio::test]
async fn a_warning_is_accepted_with_a_reason_with_javascript_off_and_on() {
    with_demo_server_on_each_backend(async |server| {
        // Two evening meetings of the Implementation Review Group: each outside Vienna's
        // meeting windows, a warning.
        let secretariat = server.secretariat().await;
        for (key, date) in [
            ("irg-14-evening-1", "2023-06-13"),
            ("irg-14-evening-2", "2023-06-14"),
        ] {
            let evening = json!({
                "form": {
                    "id": key, "title": "Evening consultations",
                    "kind": "informal_consultation", "sessions": ["irg-14"], "venue": "vienna-vic",
                    "room": "vic-room-c3", "date": date, "start": "19:00", "end": "21:00",
                    "interpretation": false, "status": "planned", "opened_at": ""
                },
                "create": true
            });
            let (_, outcome) =
                tests::post_as(&secretariat, server, "/api/plan/save", evening).await;
            assert_eq!(outcome["saved"], key, "{outcome}");
        }
        for (javascript, key) in [(false, "irg-14-evening-1"), (true, "irg-14-evening-2")] {
            let browser = Browser::signed_in_with(server, BUREAU_IRG, javascript).await;
            browser.open(&server.url("/conflicts")).await;
            // The first evening warning not yet accepted: each round accepts one.
            let warnings = browser
                .client
                .find_all(fantoccini::Locator::Css("li.conflict.warning"))
                .await
                .unwrap();
            let mut id = None;
            for item in warnings {
                let open = item
                    .find(fantoccini::Locator::Css("form.accept"))
                    .await
                    .is_ok();
                if open && item.text().await.unwrap().contains("Evening consultations") {
                    id = item.attr("data-id").await.unwrap();
                    break;
                }
            }
            let id = id.unwrap_or_else(|| panic!("a warning about {key} to accept"));
            let item = format!("li.conflict[data-id='{id}']");
            let reason = format!("Consultations on {key} end late by agreement");
            browser
                .type_form(&format!("{item} form.accept"), &[("reason", &reason)])
                .await;
            browser.click(&format!("{item} form.accept button")).await;
            browser.wait_for_text(&item, "Accepted").await;
            browser
                .screenshot(&format!("conflict-accepted-{javascript}"))
                .await;
            browser.close().await;
            let (_, conflicts) = tests::get_json(server, "/api/conflicts").await;
            let accepted = conflicts
                .as_array()
                .unwrap()
                .iter()
                .find(|c| c["id"] == id.as_str())
                .cloned()
                .unwrap_or_else(|| panic!("{id} in {conflicts}"));
            assert_eq!(
                accepted["accepted"]["reason"],
                reason.as_str(),
                "{accepted}"
            );
        }
    })
    .await;
}
