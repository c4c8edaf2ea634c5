//! Decisions: the Bureau reviews and decides, the State learns of it only when the decisions
//! are released together (never the internal note), the messages wait in the outbox, and two
//! reviewers deciding at once do not overwrite each other.

use reqwest::Client;
use serde_json::{json, Value};
use tests::scenarios::{assert_done, get_as};
use tests::{form_post, nominations_of, on_each_backend, post_as, TestServer};

use super::{call_to_panel, decide, draft, nominate, open_call, step, BusinessIntegrity};

#[tokio::test]
async fn a_state_learns_of_a_decision_only_once_released_and_never_the_internal_note() {
    on_each_backend(&[], async |server| {
        let backend = server.backend();
        let cast = BusinessIntegrity::submitted(server).await;
        assert_eq!(step(&cast.bureau, server, "at-1", "review").await.0, 200);
        assert_eq!(step(&cast.austria, server, "at-1", "review").await.0, 403);
        assert_eq!(
            decide(
                &cast.other_bureau,
                server,
                "at-1",
                json!({ "decision": "accepted" })
            )
            .await
            .0,
            404,
            "another body's Bureau does not know of the nomination"
        );
        cast.decide_both(server).await;
        let seen = nominations_of(&cast.austria, server).await;
        let at1 = seen.iter().find(|n| n["id"] == "at-1").unwrap();
        assert_eq!(
            at1["status"], "under_review",
            "{backend:?}: not yet released"
        );
        assert_eq!(at1["decision_note"], Value::Null);

        let released = cast.release(server).await;
        assert_eq!(released["released"].as_array().unwrap().len(), 2);
        let seen = nominations_of(&cast.austria, server).await;
        let at1 = seen.iter().find(|n| n["id"] == "at-1").unwrap();
        assert_eq!(
            (at1["status"].as_str(), at1["message_to_state"].as_str()),
            (Some("accepted"), Some("Strong profile"))
        );
        assert_eq!(
            at1["decision_note"],
            Value::Null,
            "the internal note stays internal"
        );
    })
    .await;
}

#[tokio::test]
async fn released_decisions_and_reminders_wait_in_the_secretariats_outbox_once_each() {
    on_each_backend(&[], async |server| {
        let cast = BusinessIntegrity::submitted(server).await;
        cast.decide_both(server).await;
        cast.release(server).await;

        let (_, outbox) = get_as(&cast.secretariat, server, "/api/outbox").await;
        let decision = outbox
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["recipient"] == "focal.at.test@quorum.example")
            .expect("a message to Austria");
        // Named by the nominee and the panel's topic, never by keys.
        assert_eq!(
            decision["subject"],
            "Decision on the nomination of Anna Berger: accepted"
        );
        let body = decision["body"].as_str().unwrap();
        assert!(body.starts_with("The Bureau has decided on the nomination of Anna Berger to the call for panellists on “Strengthening business integrity"), "{body}");
        assert!(!body.contains("at-1") && !body.contains("call-business-integrity"), "{body}");
        assert!(body.contains("Strong profile"), "the Bureau's message to the State: {body}");
        assert!(!body.contains("Internal:"), "the Bureau's internal note stays internal: {body}");
        assert_eq!(get_as(&cast.bureau, server, "/api/outbox").await.0, 403);

        // A call closing within the month, for the reminders (they look a year ahead at most).
        let soon = (chrono::Utc::now().date_naive() + chrono::Days::new(30)).to_string();
        let call = json!({ "id": "call-soon", "note_verbale_date": "2026-11-01", "deadline": soon, "topic": "Reminders" });
        assert_eq!(open_call(&cast.secretariat, server, call).await, 201);
        let remind = || {
            post_as(
                &cast.secretariat,
                server,
                "/api/outbox/reminders",
                json!({ "days": 366 }),
            )
        };
        let (status, queued) = remind().await;
        assert_eq!(status, 200);
        assert!(queued["queued"].as_u64().unwrap() >= 2, "{queued}");
        let (_, again) = remind().await;
        assert_eq!(again["queued"], 0, "the same reminder is not queued twice");
    })
    .await;
}

/// The `seen` token of a nomination on the review board, as the reader's page holds it.
async fn seen_on_board(reviewer: &Client, server: &TestServer, id: &str) -> String {
    let (status, board) = form_post(reviewer, server, "nominations/review", &[]).await;
    assert_eq!(status, 200, "{board}");
    board["calls"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["nominations"].as_array().unwrap().iter())
        .find(|n| n["id"] == id)
        .and_then(|n| n["seen"].as_str())
        .unwrap_or_else(|| panic!("{id} is not on the board: {board}"))
        .to_owned()
}

#[tokio::test]
async fn two_reviewers_deciding_one_nomination_do_not_overwrite_each_other() {
    on_each_backend(&[], async |server| {
        let backend = server.backend();
        let first = server
            .bureau_member("bureau.irg.a@quorum.example", "IRG")
            .await;
        let second = server
            .bureau_member("bureau.irg.b@quorum.example", "IRG")
            .await;
        let austria = server
            .focal_point("focal.at.rev@quorum.example", "AT")
            .await;
        let call = call_to_panel("call-review", "2099-01-31", "business-integrity-1");
        assert_eq!(open_call(&first, server, call).await, 201);
        let nomination = draft("at-rev", "call-review", "Anna Berger");
        assert_eq!(nominate(&austria, server, nomination).await, 201);
        assert_eq!(step(&austria, server, "at-rev", "submit").await.0, 200);

        // Both open the board; the first accepts.
        let seen_by_first = seen_on_board(&first, server, "at-rev").await;
        let seen_by_second = seen_on_board(&second, server, "at-rev").await;
        assert_done(
            &first,
            server,
            "nominations/step",
            &[
                ("id", "at-rev"),
                ("step", "accept"),
                ("seen", &seen_by_first),
            ],
        )
        .await;

        // The second, deciding on what it saw, is refused with what changed; nothing is lost.
        let (_, outcome) = form_post(
            &second,
            server,
            "nominations/step",
            &[
                ("id", "at-rev"),
                ("step", "decline"),
                ("note", "Too many from one group"),
                ("seen", &seen_by_second),
            ],
        )
        .await;
        let message = outcome["errors"][0]["message"].as_str().unwrap_or_default();
        assert!(
            message.contains("changed since you opened it")
                && message.contains("submitted → accepted"),
            "{backend:?}: {outcome}"
        );
        let stored = nominations_of(&first, server).await;
        assert_eq!(
            stored[0]["status"], "accepted",
            "{backend:?}: the first decision stands"
        );

        // Having looked again, the second reviewer may change the unreleased decision.
        let fresh = seen_on_board(&second, server, "at-rev").await;
        let done = assert_done(
            &second,
            server,
            "nominations/step",
            &[("id", "at-rev"), ("step", "waitlist"), ("seen", &fresh)],
        )
        .await;
        assert_eq!(done, "Waitlisted.", "{backend:?}");
    })
    .await;
}
