//! Bounds on how much: reminders look from one day to a year ahead, and Quorum holds at most 64
//! bodies, whether they are added one by one or imported.

use reqwest::Method;
use serde_json::json;
use tests::{
    form_post, get_json, http, json_as, newest_audit, on_each_backend, send_as, status_and_json,
    status_as,
};

use super::{assert_healthy, assert_nothing_written, messages};

#[tokio::test]
async fn reminders_look_ahead_from_one_day_to_a_year() {
    on_each_backend(&[], async |server| {
        let backend = server.backend();
        let secretariat = server.secretariat().await;
        let before = newest_audit(&secretariat, server).await;
        let outbox_before = json_as(&secretariat, server, "/api/outbox").await;
        for days in [
            json!(i64::MAX),
            json!(i64::MIN),
            json!(0),
            json!(-1),
            json!(367),
        ] {
            let response = secretariat
                .post(server.url("/api/outbox/reminders"))
                .json(&json!({ "days": days }))
                .send()
                .await
                .unwrap_or_else(|e| panic!("{backend:?}: days {days}: no answer: {e}"));
            let (status, answer) = status_and_json(response).await;
            assert_eq!(status, 422, "{backend:?}: days {days}: {answer}");
            let text = messages(&answer);
            assert!(
                text.contains("reminders: days: must be a number of days from 1 to 366"),
                "{backend:?}: days {days}: {text}"
            );
        }
        let outbox_after = json_as(&secretariat, server, "/api/outbox").await;
        assert_eq!(
            outbox_before, outbox_after,
            "{backend:?}: nothing was queued"
        );
        assert_nothing_written(&secretariat, server, &before).await;

        for days in [1, 366] {
            let path = "/api/outbox/reminders";
            let (status, answer) = send_as(
                &secretariat,
                server,
                Method::POST,
                path,
                json!({ "days": days }),
            )
            .await;
            assert_eq!(status, 200, "{backend:?}: days {days}: {answer}");
        }
        assert_healthy(server).await;
    })
    .await;
}

#[tokio::test]
async fn a_sixty_fifth_body_is_refused_at_the_door_and_the_calendar_still_answers() {
    on_each_backend(&[], async |server| {
        let backend = server.backend();
        let secretariat = server.secretariat().await;
        let save_body = async |code: &str, name: &str| {
            let fields = [("code", code), ("name", name), ("short_name", code)];
            form_post(&secretariat, server, "admin/save-body", &fields).await
        };
        let (_, bodies) = get_json(server, "/api/bodies").await;
        let held = bodies.as_array().unwrap().len();
        for n in held..64 {
            let (status, outcome) =
                save_body(&format!("EXTRA-{n}"), &format!("Extra body {n}")).await;
            assert_eq!(status, 200, "{backend:?}: {outcome}");
            assert!(
                outcome["done"].is_string(),
                "{backend:?}: body {n}: {outcome}"
            );
        }
        let before = newest_audit(&secretariat, server).await;
        let (status, outcome) = save_body("ONE-TOO-MANY", "One body too many").await;
        assert!(outcome["done"].is_null(), "{backend:?}: {status} {outcome}");
        let text = messages(&outcome);
        assert!(
            text.contains("Quorum holds at most 64 bodies")
                && text.contains("remove one before adding another"),
            "{backend:?}: {text}"
        );
        assert_nothing_written(&secretariat, server, &before).await;
        let (_, bodies) = get_json(server, "/api/bodies").await;
        assert_eq!(bodies.as_array().unwrap().len(), 64, "{backend:?}");

        for path in ["/calendar", "/timeline", "/conflicts"] {
            let status = status_as(&http(), server, path).await;
            assert_eq!(status, 200, "{backend:?}: {path}");
        }
        let (status, answer) = get_json(server, "/api/conflicts").await;
        assert_eq!(status, 200, "{backend:?}: /api/conflicts: {answer}");
    })
    .await;
}

#[tokio::test]
async fn an_import_of_sixty_five_bodies_is_refused_whole() {
    let mut demo = tests::demo_dataset();
    let bodies = demo["bodies"].as_array_mut().unwrap();
    for n in bodies.len()..65 {
        bodies.push(json!({
            "code": format!("EXTRA-{n}"), "name": format!("Extra body {n}"),
            "short_name": format!("EXTRA-{n}"), "parent": null, "open_to_all_states": false,
            "position": 100 + n
        }));
    }
    on_each_backend(&["--no-demo"], async |server| {
        let backend = server.backend();
        let secretariat = server.secretariat().await;
        let response = secretariat
            .post(server.url("/api/import"))
            .body(demo.to_string())
            .send()
            .await
            .unwrap();
        let (status, answer) = status_and_json(response).await;
        assert_eq!(status, 422, "{backend:?}: {answer}");
        assert!(
            messages(&answer).contains("dataset: bodies: Quorum holds at most 64 bodies"),
            "{backend:?}: {answer}"
        );
        let (_, bodies) = get_json(server, "/api/bodies").await;
        assert_eq!(bodies, json!([]), "{backend:?}: nothing was imported");
    })
    .await;
}
