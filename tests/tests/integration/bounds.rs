//! Bounds on input, through the real server on both backends: reminders look a bounded number
//! of days ahead, Quorum holds at most 64 bodies, texts have a length and no direction
//! controls, and a NUL is refused by what the text decodes to, not by how it looks. Each
//! refusal is a 4xx naming what is wrong, and writes nothing.

use reqwest::{Client, Method};
use serde_json::{json, Value};
use tests::{
    backends, form_post, get_json, http, send_as, status_and_json, Backend, TestDatabase,
    TestServer,
};

/// The newest audit entry: every write adds one, so an unchanged newest entry means no write.
async fn newest_audit(secretariat: &Client, server: &TestServer) -> Value {
    let response = secretariat
        .get(server.url("/api/audit"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    response.json::<Value>().await.unwrap()[0].clone()
}

/// Every message of an error answer, as one text.
fn messages(answer: &Value) -> String {
    answer["errors"]
        .as_array()
        .map(|errors| {
            errors
                .iter()
                .map(|e| match e {
                    Value::String(text) => text.clone(),
                    other => format!("{}: {}", other["field"], other["message"]),
                })
                .collect::<Vec<_>>()
                .join("\n")
        })
        .unwrap_or_else(|| answer.to_string())
}

/// A stored meeting of the demo, as the API gives it.
async fn a_meeting(server: &TestServer) -> Value {
    let (_, session) = get_json(server, "/api/sessions/irg-14").await;
    session["meetings"][0].clone()
}

async fn put_meeting(secretariat: &Client, server: &TestServer, meeting: &Value) -> (u16, Value) {
    let path = format!("/api/meetings/{}", meeting["id"].as_str().unwrap());
    send_as(secretariat, server, Method::PUT, &path, meeting).await
}

async fn stored_title(server: &TestServer, id: &str) -> String {
    let (_, session) = get_json(server, "/api/sessions/irg-14").await;
    session["meetings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == id)
        .unwrap()["title"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn reminders_look_ahead_from_one_day_to_a_year() {
    for backend in backends() {
        let db = TestDatabase::new(backend).await;
        let server = TestServer::start(&db).await;
        let secretariat = server.secretariat().await;
        let before = newest_audit(&secretariat, &server).await;
        let (_, outbox_before) = status_and_json(
            secretariat
                .get(server.url("/api/outbox"))
                .send()
                .await
                .unwrap(),
        )
        .await;
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
        let (_, outbox_after) = status_and_json(
            secretariat
                .get(server.url("/api/outbox"))
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert_eq!(
            outbox_before, outbox_after,
            "{backend:?}: nothing was queued"
        );
        assert_eq!(before, newest_audit(&secretariat, &server).await);

        for days in [1, 366] {
            let (status, answer) = send_as(
                &secretariat,
                &server,
                Method::POST,
                "/api/outbox/reminders",
                json!({ "days": days }),
            )
            .await;
            assert_eq!(status, 200, "{backend:?}: days {days}: {answer}");
        }
        let health = http().get(server.url("/healthz")).send().await.unwrap();
        assert_eq!(health.status(), 200, "{backend:?}: the server carries on");
    }
}

#[tokio::test]
async fn a_sixty_fifth_body_is_refused_at_the_door_and_the_calendar_still_answers() {
    for backend in backends() {
        let db = TestDatabase::new(backend).await;
        let server = TestServer::start(&db).await;
        let secretariat = server.secretariat().await;
        let (_, bodies) = get_json(&server, "/api/bodies").await;
        let held = bodies.as_array().unwrap().len();
        for n in held..64 {
            let code = format!("EXTRA-{n}");
            let name = format!("Extra body {n}");
            let (status, outcome) = form_post(
                &secretariat,
                &server,
                "admin/save-body",
                &[("code", &code), ("name", &name), ("short_name", &code)],
            )
            .await;
            assert_eq!(status, 200, "{backend:?}: {outcome}");
            assert!(
                outcome["done"].is_string(),
                "{backend:?}: body {n}: {outcome}"
            );
        }
        let before = newest_audit(&secretariat, &server).await;
        let (status, outcome) = form_post(
            &secretariat,
            &server,
            "admin/save-body",
            &[
                ("code", "ONE-TOO-MANY"),
                ("name", "One body too many"),
                ("short_name", "ONE-TOO-MANY"),
            ],
        )
        .await;
        assert!(outcome["done"].is_null(), "{backend:?}: {status} {outcome}");
        let text = messages(&outcome);
        assert!(
            text.contains("Quorum holds at most 64 bodies")
                && text.contains("remove one before adding another"),
            "{backend:?}: {text}"
        );
        assert_eq!(
            before,
            newest_audit(&secretariat, &server).await,
            "{backend:?}: nothing written"
        );
        let (_, bodies) = get_json(&server, "/api/bodies").await;
        assert_eq!(bodies.as_array().unwrap().len(), 64, "{backend:?}");

        for path in ["/calendar", "/timeline", "/conflicts"] {
            let response = http().get(server.url(path)).send().await.unwrap();
            assert_eq!(response.status(), 200, "{backend:?}: {path}");
        }
        let (status, answer) = get_json(&server, "/api/conflicts").await;
        assert_eq!(status, 200, "{backend:?}: /api/conflicts: {answer}");
    }
}

#[tokio::test]
async fn an_import_of_sixty_five_bodies_is_refused_whole() {
    let mut demo: Value = serde_json::from_str(
        &std::fs::read_to_string(tests::workspace_root().join("app/data/demo.json")).unwrap(),
    )
    .unwrap();
    let bodies = demo["bodies"].as_array_mut().unwrap();
    for n in bodies.len()..65 {
        bodies.push(json!({
            "code": format!("EXTRA-{n}"), "name": format!("Extra body {n}"),
            "short_name": format!("EXTRA-{n}"), "parent": null, "open_to_all_states": false,
            "position": 100 + n
        }));
    }
    for backend in backends() {
        let db = TestDatabase::new(backend).await;
        let server = TestServer::start_with(&db, &["--no-demo"]).await;
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
        let (_, bodies) = get_json(&server, "/api/bodies").await;
        assert_eq!(bodies, json!([]), "{backend:?}: nothing was imported");
    }
}

#[tokio::test]
async fn an_overlong_meeting_title_is_refused_naming_the_field_and_the_limit() {
    for backend in backends() {
        let db = TestDatabase::new(backend).await;
        let server = TestServer::start(&db).await;
        let secretariat = server.secretariat().await;
        let mut meeting = a_meeting(&server).await;
        let id = meeting["id"].as_str().unwrap().to_owned();
        let title = stored_title(&server, &id).await;
        let before = newest_audit(&secretariat, &server).await;

        meeting["title"] = "x".repeat(200_000).into();
        let (status, answer) = put_meeting(&secretariat, &server, &meeting).await;
        assert_eq!(status, 422, "{backend:?}");
        let text = messages(&answer);
        assert!(
            text.contains(&format!(
                "meeting {id}: title: is 200000 characters long; at most 500 are allowed"
            )),
            "{backend:?}: {text}"
        );

        // A new meeting with such a title is refused the same way.
        meeting["id"] = "overlong-title".into();
        let (status, answer) = send_as(
            &secretariat,
            &server,
            Method::POST,
            "/api/meetings",
            &meeting,
        )
        .await;
        assert_eq!(status, 422, "{backend:?}: {}", messages(&answer));
        assert!(messages(&answer).contains("title: is 200000 characters long"));

        assert_eq!(
            before,
            newest_audit(&secretariat, &server).await,
            "{backend:?}: nothing written"
        );
        assert_eq!(stored_title(&server, &id).await, title, "{backend:?}");
    }
}

#[tokio::test]
async fn a_direction_override_in_a_title_is_refused_and_marks_are_kept() {
    for backend in backends() {
        let db = TestDatabase::new(backend).await;
        let server = TestServer::start(&db).await;
        let secretariat = server.secretariat().await;
        let mut meeting = a_meeting(&server).await;
        let id = meeting["id"].as_str().unwrap().to_owned();
        let title = stored_title(&server, &id).await;
        let before = newest_audit(&secretariat, &server).await;

        for control in ['\u{202E}', '\u{2066}'] {
            meeting["title"] = format!("Opening {control}gninepo").into();
            let (status, answer) = put_meeting(&secretariat, &server, &meeting).await;
            assert_eq!(status, 422, "{backend:?}: {answer}");
            let text = messages(&answer);
            assert!(
                text.contains(&format!(
                    "meeting {id}: title: contains the invisible direction control U+{:04X}",
                    u32::from(control)
                )),
                "{backend:?}: {text}"
            );
        }
        assert_eq!(
            before,
            newest_audit(&secretariat, &server).await,
            "{backend:?}: nothing written"
        );
        assert_eq!(stored_title(&server, &id).await, title, "{backend:?}");

        // Arabic text with its right-to-left and left-to-right marks is stored as typed.
        let arabic = "الجلسة الافتتاحية\u{200F} (IRG\u{200E}/14)";
        meeting["title"] = arabic.into();
        let (status, answer) = put_meeting(&secretariat, &server, &meeting).await;
        assert_eq!(status, 200, "{backend:?}: {answer}");
        assert_eq!(stored_title(&server, &id).await, arabic, "{backend:?}");
    }
}

/// Posts a raw body of a declared type to `path`.
async fn post_raw(
    client: &Client,
    server: &TestServer,
    path: &str,
    content_type: &str,
    body: &str,
) -> (u16, Value) {
    let response = client
        .post(server.url(path))
        .header("content-type", content_type)
        .header("accept", "application/json")
        .body(body.to_owned())
        .send()
        .await
        .unwrap();
    status_and_json(response).await
}

/// The reasons of the closures of the Vienna venue, as exported.
async fn closure_reasons(secretariat: &Client, server: &TestServer) -> Vec<String> {
    let response = secretariat
        .get(server.url("/api/export"))
        .send()
        .await
        .unwrap();
    let (_, data) = status_and_json(response).await;
    data["venues"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["id"] == "vienna-vic")
        .flat_map(|v| v["closures"].as_array().unwrap().clone())
        .map(|c| c["reason"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn text_that_only_looks_like_a_nul_is_stored_and_a_real_nul_is_refused() {
    for backend in backends() {
        let db = TestDatabase::new(backend).await;
        let server = TestServer::start(&db).await;
        let secretariat = server.secretariat().await;
        let mut meeting = a_meeting(&server).await;
        let id = meeting["id"].as_str().unwrap().to_owned();

        // JSON whose text holds "%00" and an escaped backslash before "u0000": no NUL.
        for title in ["50%00 of seats", r"Backslash \u0000 shown"] {
            meeting["title"] = title.into();
            let (status, answer) = put_meeting(&secretariat, &server, &meeting).await;
            assert_eq!(status, 200, "{backend:?}: {title:?}: {answer}");
            assert_eq!(stored_title(&server, &id).await, title, "{backend:?}");
        }

        // A form whose field is the literal text "%00" (sent as %2500), and one whose field is
        // the literal text \u0000 with its backslash left unencoded: no NUL either.
        let (status, outcome) = form_post(
            &secretariat,
            &server,
            "admin/add-closure",
            &[
                ("venue", "vienna-vic"),
                ("start", "2031-01-01"),
                ("end", "2031-01-01"),
                ("reason", "%00"),
            ],
        )
        .await;
        assert_eq!(status, 200, "{backend:?}: {outcome}");
        assert!(outcome["done"].is_string(), "{backend:?}: {outcome}");
        let (status, outcome) = post_raw(
            &secretariat,
            &server,
            "/api/admin/add-closure",
            "application/x-www-form-urlencoded",
            r"venue=vienna-vic&start=2031-02-01&end=2031-02-01&reason=Escaped+\u0000",
        )
        .await;
        assert_eq!(status, 200, "{backend:?}: {outcome}");
        assert!(outcome["done"].is_string(), "{backend:?}: {outcome}");
        let reasons = closure_reasons(&secretariat, &server).await;
        assert!(
            reasons.iter().any(|r| r == "%00"),
            "{backend:?}: {reasons:?}"
        );
        assert!(
            reasons.iter().any(|r| r == r"Escaped \u0000"),
            "{backend:?}: {reasons:?}"
        );

        // Real NULs, raw, percent-encoded, JSON-escaped or in the query, are still refused with
        // 400 before anything reads them.
        let before = newest_audit(&secretariat, &server).await;
        let meeting_path = format!("/api/meetings/{id}");
        let mut escaped = meeting.clone();
        escaped["title"] = "a\0b".into();
        let escaped = escaped.to_string();
        assert!(escaped.contains(r"\u0000"));
        let refusals = [
            (
                "/api/admin/add-closure",
                "application/x-www-form-urlencoded",
                "venue=vienna-vic&start=2031-03-01&end=2031-03-01&reason=a%00b".to_owned(),
            ),
            (
                "/api/admin/add-closure",
                "application/x-www-form-urlencoded",
                "venue=vienna-vic&start=2031-03-01&end=2031-03-01&reason=a\0b".to_owned(),
            ),
            (
                "/api/admin/add-closure?x=%00",
                "application/x-www-form-urlencoded",
                String::new(),
            ),
        ];
        for (path, content_type, body) in &refusals {
            let (status, answer) = post_raw(&secretariat, &server, path, content_type, body).await;
            assert_eq!(status, 400, "{backend:?}: {path} {body:?}: {answer}");
        }
        let response = secretariat
            .put(server.url(&meeting_path))
            .header("content-type", "application/json")
            .body(escaped.clone())
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 400, "{backend:?}: JSON \\u0000");
        let response = secretariat
            .put(server.url(&meeting_path))
            .header("content-type", "application/json")
            .body(escaped.replace(r"\u0000", r"\U0000"))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 400, "{backend:?}: JSON \\U0000");
        // An import sent without a type is read as JSON: its escaped NUL is refused too.
        let response = secretariat
            .post(server.url("/api/import"))
            .body(r#"{"format": 1, "bodies": [], "venues": [{"id": "x", "name": "a\u0000"}]}"#)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 400, "{backend:?}: untyped import");
        assert_eq!(
            before,
            newest_audit(&secretariat, &server).await,
            "{backend:?}: nothing written"
        );
        let health = http().get(server.url("/healthz")).send().await.unwrap();
        assert_eq!(health.status(), 200);
    }
}

#[tokio::test]
async fn an_overlong_acceptance_reason_is_refused() {
    let db = TestDatabase::new(Backend::Sqlite).await;
    let server = TestServer::start(&db).await;
    let secretariat = server.secretariat().await;
    let before = newest_audit(&secretariat, &server).await;
    let reason = "r".repeat(20_001);
    let (status, outcome) = form_post(
        &secretariat,
        &server,
        "plan/accept",
        &[("id", "any-conflict"), ("reason", &reason)],
    )
    .await;
    let text = messages(&outcome);
    assert!(
        text.contains("is 20001 characters long; at most 20000 are allowed"),
        "{status} {text}"
    );
    assert_eq!(
        before,
        newest_audit(&secretariat, &server).await,
        "nothing written"
    );
}
