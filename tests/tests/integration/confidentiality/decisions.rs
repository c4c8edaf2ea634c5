//! A Bureau's decision on a nomination: until the call's results are released the State hears
//! nothing of it, in its view, its forms or the wording of a refusal; once released it reads
//! the Bureau's message and never the Bureau's internal note.

use reqwest::{Client, Method};
use serde_json::{json, Value};
use tests::{form_post, json_as, nominations_of, page_text_as, post_as, send_as, TestServer};

use super::{seen, step, with_nominations, AUSTRIA};

/// The IRG Bureau declines `at-1`, with an internal note and a message to the State.
async fn decline_with_a_note(bureau: &Client, server: &TestServer) {
    let decision = json!({ "decision": "declined", "note": "Gender balance", "message_to_state": "Thank you for the nomination." });
    let (status, body) = post_as(bureau, server, "/api/nominations/at-1/decide", decision).await;
    assert_eq!(status, 200, "{body}");
}

/// Nomination `at-1` as Austria reads it.
async fn at1_for_austria(austria: &Client, server: &TestServer) -> Value {
    let mine = nominations_of(austria, server).await;
    mine.into_iter().find(|n| n["id"] == "at-1").unwrap()
}

#[tokio::test]
async fn an_unreleased_decision_tells_the_state_nothing() {
    with_nominations(async |server, cast| {
        let backend = server.backend();
        decline_with_a_note(&cast.bureau, server).await;
        // Austria, guessing that a decision exists, learns nothing: its view says under review,
        // and a seen status of "declined" is refused as a change from what it may see.
        let guess = seen("declined", "Secret justification of the State");
        let fields = [
            ("id", "at-1"),
            ("step", "edit"),
            ("justification", "x"),
            ("seen", &guess),
        ];
        let (_, outcome) = form_post(&cast.austria, server, "nominations/step", &fields).await;
        let said = outcome.to_string();
        assert!(
            !said.contains("declined") || said.contains("status declined → under_review"),
            "{backend:?}: {said}"
        );
        // Refusals are worded from what the State sees: never "declined", "accepted".
        let edit = json!({ "justification": "Changed" });
        let (status, refusal) = send_as(
            &cast.austria,
            server,
            Method::PUT,
            "/api/nominations/at-1",
            edit,
        )
        .await;
        assert_eq!(status, 422, "{backend:?}: {refusal}");
        let refusal = refusal.to_string();
        assert!(
            refusal.contains("under review") && !refusal.contains("declined"),
            "{backend:?}: {refusal}"
        );
        for refused in ["confirm", "submit"] {
            let (status, refusal) = step(&cast.austria, server, "at-1", refused).await;
            assert_eq!(status, 422, "{backend:?}: {refused}");
            assert!(
                !refusal.to_string().contains("declined"),
                "{backend:?}: {refusal}"
            );
        }
        let at1 = at1_for_austria(&cast.austria, server).await;
        assert_eq!(
            (
                at1["status"].as_str(),
                &at1["decision_note"],
                &at1["message_to_state"]
            ),
            (Some("under_review"), &Value::Null, &Value::Null),
            "{backend:?}: {at1}"
        );
    })
    .await;
}

#[tokio::test]
async fn a_released_decision_shows_the_state_the_message_never_the_internal_note() {
    with_nominations(async |server, cast| {
        let backend = server.backend();
        decline_with_a_note(&cast.bureau, server).await;
        let release = "/api/calls/call-c/release";
        assert_eq!(
            post_as(&cast.bureau, server, release, json!({})).await.0,
            200
        );
        let at1 = at1_for_austria(&cast.austria, server).await;
        assert_eq!(at1["status"], "declined");
        assert_eq!(at1["message_to_state"], "Thank you for the nomination.");
        assert_eq!(
            at1["decision_note"],
            Value::Null,
            "{backend:?}: the internal note stays internal"
        );
        let page = page_text_as(&cast.austria, server, "/nominations").await;
        assert!(
            page.contains("Thank you for the nomination.") && !page.contains("Gender balance"),
            "{backend:?}"
        );
        let outbox = json_as(&cast.secretariat, server, "/api/outbox").await;
        let message = outbox
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["recipient"] == AUSTRIA)
            .expect("a message to Austria");
        assert!(
            !message.to_string().contains("Gender balance"),
            "{backend:?}: {message}"
        );
    })
    .await;
}

#[tokio::test]
async fn an_unreleased_decline_is_withdrawn_like_any_nomination_under_review() {
    with_nominations(async |server, cast| {
        let decline = json!({ "decision": "declined" });
        post_as(
            &cast.bureau,
            server,
            "/api/nominations/at-1/decide",
            decline,
        )
        .await;
        let (status, body) = step(&cast.austria, server, "at-1", "withdraw").await;
        assert_eq!(status, 200, "{:?}: {body}", server.backend());
        assert_eq!(body["nomination"]["status"], "withdrawn");
        assert_eq!(
            body["balance_warnings"],
            json!([]),
            "no view of the selection for the State"
        );
    })
    .await;
}
