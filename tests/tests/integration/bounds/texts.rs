//! Bounds on texts: a length, no invisible direction controls (marks are kept), and no NUL,
//! judged by what the text decodes to and not by how it looks.

use reqwest::{Client, Method};
use serde_json::Value;
use tests::{
    add_closure, form_post, get_json, json_as, newest_audit, on_each_backend, send_as,
    status_and_json, Backend, TestDatabase, TestServer,
};

use super::{assert_healthy, assert_nothing_written, messages};

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

/// A demo meeting about to be given a title that is refused, and what must stay as it is.
struct RefusedTitle {
    meeting: Value,
    id: String,
    title: String,
    audit: Value,
}

impl RefusedTitle {
    async fn of_a_meeting(secretariat: &Client, server: &TestServer) -> RefusedTitle {
        let meeting = a_meeting(server).await;
        let id = meeting["id"].as_str().unwrap().to_owned();
        RefusedTitle {
            title: stored_title(server, &id).await,
            audit: newest_audit(secretariat, server).await,
            meeting,
            id,
        }
    }

    /// Asserts that nothing was written and the meeting keeps its title.
    async fn assert_unchanged(&self, secretariat: &Client, server: &TestServer) {
        assert_nothing_written(secretariat, server, &self.audit).await;
        let backend = server.backend();
        assert_eq!(
            stored_title(server, &self.id).await,
            self.title,
            "{backend:?}"
        );
    }
}

#[tokio::test]
async fn an_overlong_meeting_title_is_refused_naming_the_field_and_the_limit() {
    on_each_backend(&[], async |server| {
        let backend = server.backend();
        let secretariat = server.secretariat().await;
        let refused = RefusedTitle::of_a_meeting(&secretariat, server).await;
        let (mut meeting, id) = (refused.meeting.clone(), &refused.id);

        meeting["title"] = "x".repeat(200_000).into();
        let (status, answer) = put_meeting(&secretariat, server, &meeting).await;
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
            server,
            Method::POST,
            "/api/meetings",
            &meeting,
        )
        .await;
        assert_eq!(status, 422, "{backend:?}: {}", messages(&answer));
        assert!(messages(&answer).contains("title: is 200000 characters long"));
        refused.assert_unchanged(&secretariat, server).await;
    })
    .await;
}

#[tokio::test]
async fn a_direction_override_in_a_title_is_refused_and_marks_are_kept() {
    on_each_backend(&[], async |server| {
        let backend = server.backend();
        let secretariat = server.secretariat().await;
        let refused = RefusedTitle::of_a_meeting(&secretariat, server).await;
        let (mut meeting, id) = (refused.meeting.clone(), &refused.id);

        for control in ['\u{202E}', '\u{2066}'] {
            meeting["title"] = format!("Opening {control}gninepo").into();
            let (status, answer) = put_meeting(&secretariat, server, &meeting).await;
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
        refused.assert_unchanged(&secretariat, server).await;

        // Arabic text with its right-to-left and left-to-right marks is stored as typed.
        let arabic = "الجلسة الافتتاحية\u{200F} (IRG\u{200E}/14)";
        meeting["title"] = arabic.into();
        let (status, answer) = put_meeting(&secretariat, server, &meeting).await;
        assert_eq!(status, 200, "{backend:?}: {answer}");
        assert_eq!(stored_title(server, id).await, arabic, "{backend:?}");
    })
    .await;
}

/// Sends a raw body of a declared type to `path` (POST, or PUT for a meeting).
async fn send_raw(
    client: &Client,
    server: &TestServer,
    method: Method,
    path: &str,
    content_type: &str,
    body: &str,
) -> (u16, Value) {
    let response = client
        .request(method, server.url(path))
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
    let data = json_as(secretariat, server, "/api/export").await;
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
    on_each_backend(&[], async |server| {
        let backend = server.backend();
        let secretariat = server.secretariat().await;
        let mut meeting = a_meeting(server).await;
        let id = meeting["id"].as_str().unwrap().to_owned();
        const FORM: &str = "application/x-www-form-urlencoded";

        // JSON whose text holds "%00" and an escaped backslash before "u0000": no NUL.
        for title in ["50%00 of seats", r"Backslash \u0000 shown"] {
            meeting["title"] = title.into();
            let (status, answer) = put_meeting(&secretariat, server, &meeting).await;
            assert_eq!(status, 200, "{backend:?}: {title:?}: {answer}");
            assert_eq!(stored_title(server, &id).await, title, "{backend:?}");
        }

        // A form whose field is the literal text "%00" (sent as %2500), and one whose field is
        // the literal text \u0000 with its backslash left unencoded: no NUL either.
        let base = &server.base_url;
        let (status, outcome) = add_closure(&secretariat, base, "vienna-vic", "2031-01-01", "%00")
            .await
            .unwrap();
        assert_eq!(status, 200, "{backend:?}: {outcome}");
        assert!(outcome["done"].is_string(), "{backend:?}: {outcome}");
        let escaped_form =
            r"venue=vienna-vic&start=2031-02-01&end=2031-02-01&reason=Escaped+\u0000";
        let path = "/api/admin/add-closure";
        let (status, outcome) =
            send_raw(&secretariat, server, Method::POST, path, FORM, escaped_form).await;
        assert_eq!(status, 200, "{backend:?}: {outcome}");
        assert!(outcome["done"].is_string(), "{backend:?}: {outcome}");
        let reasons = closure_reasons(&secretariat, server).await;
        for reason in ["%00", r"Escaped \u0000"] {
            assert!(
                reasons.iter().any(|r| r == reason),
                "{backend:?}: {reasons:?}"
            );
        }

        // Real NULs, raw, percent-encoded, JSON-escaped or in the query, are still refused with
        // 400 before anything reads them, PostgreSQL being unable to store them.
        let before = newest_audit(&secretariat, server).await;
        let (status, _) = add_closure(&secretariat, base, "vienna-vic", "2030-01-01", "a\0b")
            .await
            .unwrap();
        assert_eq!(status, 400, "{backend:?}: a form's NUL");
        let meeting_path = format!("/api/meetings/{id}");
        let mut escaped = meeting.clone();
        escaped["title"] = "a\0b".into();
        let escaped = escaped.to_string();
        assert!(escaped.contains(r"\u0000"));
        let refusals = [
            (
                Method::POST,
                path,
                FORM,
                "venue=vienna-vic&start=2031-03-01&end=2031-03-01&reason=a%00b".to_owned(),
            ),
            (
                Method::POST,
                path,
                FORM,
                "venue=vienna-vic&start=2031-03-01&end=2031-03-01&reason=a\0b".to_owned(),
            ),
            (
                Method::POST,
                "/api/admin/add-closure?x=%00",
                FORM,
                String::new(),
            ),
            (
                Method::PUT,
                &meeting_path,
                "application/json",
                escaped.clone(),
            ),
            (
                Method::PUT,
                &meeting_path,
                "application/json",
                escaped.replace(r"\u0000", r"\U0000"),
            ),
        ];
        for (method, path, content_type, body) in refusals {
            let (status, answer) =
                send_raw(&secretariat, server, method, path, content_type, &body).await;
            assert_eq!(status, 400, "{backend:?}: {path} {body:?}: {answer}");
        }
        // An import sent without a type is read as JSON: its escaped NUL is refused too.
        let response = secretariat
            .post(server.url("/api/import"))
            .body(r#"{"format": 1, "bodies": [], "venues": [{"id": "x", "name": "a\u0000"}]}"#)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 400, "{backend:?}: untyped import");
        assert_nothing_written(&secretariat, server, &before).await;
        assert_healthy(server).await;
    })
    .await;
}

#[tokio::test]
async fn an_overlong_acceptance_reason_is_refused() {
    let db = TestDatabase::new(Backend::Sqlite).await;
    let server = TestServer::start(&db).await;
    let secretariat = server.secretariat().await;
    let before = newest_audit(&secretariat, &server).await;
    let reason = "r".repeat(20_001);
    let fields = [("id", "any-conflict"), ("reason", reason.as_str())];
    let (status, outcome) = form_post(&secretariat, &server, "plan/accept", &fields).await;
    let text = messages(&outcome);
    assert!(
        text.contains("is 20001 characters long; at most 20000 are allowed"),
        "{status} {text}"
    );
    assert_nothing_written(&secretariat, &server, &before).await;
}
