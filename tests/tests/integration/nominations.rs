//! The nomination workflow through HTTP on both backends: a call, drafts and submissions by focal
//! points for their own State only, refusals (late, over quota), review and decisions released
//! together, confirmation onto the panel, and a withdrawal that gives the seat to the waitlist.

use reqwest::{Client, Method};
use serde_json::{json, Value};
use tests::{
    backends, form_post, get_json, nominations_of, post_as, send_as, TestDatabase, TestServer,
};

fn draft(id: &str, call: &str, name: &str) -> Value {
    json!({
        "id": id, "call": call, "nominee_name": name, "nominee_gender": "female",
        "justification": "Leads corporate compliance reform", "biography": "Twenty years in financial regulation."
    })
}

#[tokio::test]
async fn a_nomination_goes_from_draft_to_the_panel_and_its_seat_to_the_waitlist() {
    for backend in backends() {
        let db = TestDatabase::new(backend).await;
        let server = TestServer::start(&db).await;
        let secretariat = server.secretariat().await;
        let bureau = server
            .bureau_member("bureau.irg.test@quorum.example", "IRG")
            .await;
        let other_bureau = server
            .bureau_member("bureau.ar.test@quorum.example", "WG-AR")
            .await;
        let austria = server
            .focal_point("focal.at.test@quorum.example", "AT")
            .await;
        let france = server
            .focal_point("focal.fr.test@quorum.example", "FR")
            .await;

        let call = json!({ "id": "call-business-integrity", "note_verbale_date": "2026-11-01", "deadline": "2099-01-31", "panel": "business-integrity-1", "quota_per_state": 1 });
        assert_eq!(
            post_as(&austria, &server, "/api/calls", call.clone())
                .await
                .0,
            403,
            "focal points do not open calls"
        );
        assert_eq!(
            post_as(&other_bureau, &server, "/api/calls", call.clone())
                .await
                .0,
            403,
            "another body's Bureau"
        );
        let (status, _) = post_as(&bureau, &server, "/api/calls", call).await;
        assert_eq!(status, 201, "{backend:?}");
        let (_, calls) = get_json(&server, "/api/calls").await;
        assert_eq!(
            calls[0]["id"], "call-business-integrity",
            "calls are public"
        );

        assert_eq!(
            post_as(
                &austria,
                &server,
                "/api/nominations",
                draft("at-1", "call-business-integrity", "Anna Berger")
            )
            .await
            .0,
            201
        );
        assert_eq!(
            post_as(
                &france,
                &server,
                "/api/nominations",
                draft("fr-1", "call-business-integrity", "Claire Martin")
            )
            .await
            .0,
            201
        );
        assert_eq!(
            post_as(
                &bureau,
                &server,
                "/api/nominations",
                draft("x-1", "call-business-integrity", "X")
            )
            .await
            .0,
            403,
            "only focal points nominate"
        );

        // Each State sees its own nominations only, and cannot act on another's.
        let mine = nominations_of(&austria, &server).await;
        assert_eq!(mine.len(), 1);
        assert_eq!(mine[0]["nominee"]["name"], "Anna Berger");
        assert_eq!(
            post_as(&austria, &server, "/api/nominations/fr-1/submit", json!({}))
                .await
                .0,
            404,
            "{backend:?}: invisible to Austria"
        );
        assert_eq!(
            nominations_of(&bureau, &server).await.len(),
            0,
            "no Bureau reads a State's draft"
        );

        let (status, _) =
            post_as(&austria, &server, "/api/nominations/at-1/submit", json!({})).await;
        assert_eq!(status, 200);
        assert_eq!(
            post_as(
                &austria,
                &server,
                "/api/nominations",
                draft("at-2", "call-business-integrity", "Berta Huber")
            )
            .await
            .0,
            201
        );
        let (status, body) =
            post_as(&austria, &server, "/api/nominations/at-2/submit", json!({})).await;
        assert_eq!(status, 422);
        assert_eq!(body["errors"][0], "nomination at-2: status: AT has already submitted 1 nomination(s) to call call-business-integrity, its quota");
        assert_eq!(
            post_as(&france, &server, "/api/nominations/fr-1/submit", json!({}))
                .await
                .0,
            200
        );
        assert_eq!(
            nominations_of(&bureau, &server).await.len(),
            2,
            "the Bureau sees every submitted nomination to its call"
        );

        let late = json!({ "id": "call-closed", "note_verbale_date": "2020-01-01", "deadline": "2020-02-01", "topic": "Asset recovery" });
        assert_eq!(
            post_as(&secretariat, &server, "/api/calls", late).await.0,
            201
        );
        post_as(
            &austria,
            &server,
            "/api/nominations",
            draft("at-late", "call-closed", "Carl Gruber"),
        )
        .await;
        let (status, body) = post_as(
            &austria,
            &server,
            "/api/nominations/at-late/submit",
            json!({}),
        )
        .await;
        assert_eq!(status, 422);
        assert!(
            body["errors"][0]
                .as_str()
                .unwrap()
                .contains("late nominations are refused"),
            "{body}"
        );

        // The Bureau reviews and decides; decisions stay hidden until released together.
        assert_eq!(
            post_as(&bureau, &server, "/api/nominations/at-1/review", json!({}))
                .await
                .0,
            200
        );
        assert_eq!(
            post_as(&austria, &server, "/api/nominations/at-1/review", json!({}))
                .await
                .0,
            403
        );
        assert_eq!(
            post_as(
                &other_bureau,
                &server,
                "/api/nominations/at-1/decide",
                json!({ "decision": "accepted" })
            )
            .await
            .0,
            404,
            "another body's Bureau does not know of the nomination"
        );
        let (status, _) = post_as(
            &bureau,
            &server,
            "/api/nominations/at-1/decide",
            json!({ "decision": "accepted", "note": "Internal: strong profile", "message_to_state": "Strong profile" }),
        )
        .await;
        assert_eq!(status, 200);
        post_as(
            &bureau,
            &server,
            "/api/nominations/fr-1/decide",
            json!({ "decision": "waitlisted" }),
        )
        .await;
        let seen = nominations_of(&austria, &server).await;
        let at1 = seen.iter().find(|n| n["id"] == "at-1").unwrap();
        assert_eq!(
            at1["status"], "under_review",
            "{backend:?}: not yet released"
        );
        assert_eq!(at1["decision_note"], Value::Null);
        let (status, body) = post_as(
            &bureau,
            &server,
            "/api/calls/call-business-integrity/release",
            json!({}),
        )
        .await;
        assert_eq!(status, 200);
        assert_eq!(body["released"].as_array().unwrap().len(), 2);
        let seen = nominations_of(&austria, &server).await;
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

        // The decisions wait in the outbox for the focal points; reminders can join them.
        let outbox: Vec<Value> = secretariat
            .get(server.url("/api/outbox"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let decision = outbox
            .iter()
            .find(|m| m["recipient"] == "focal.at.test@quorum.example")
            .expect("a message to Austria");
        assert_eq!(decision["subject"], "Decision on nomination at-1: accepted");
        assert!(decision["body"]
            .as_str()
            .unwrap()
            .contains("Strong profile"));
        assert_eq!(
            bureau
                .get(server.url("/api/outbox"))
                .send()
                .await
                .unwrap()
                .status(),
            403
        );
        // A call closing within the month, for the reminders (they look a year ahead at most).
        let soon = (chrono::Utc::now().date_naive() + chrono::Days::new(30)).to_string();
        let call = json!({ "id": "call-soon", "note_verbale_date": "2026-11-01", "deadline": soon, "topic": "Reminders" });
        assert_eq!(
            post_as(&secretariat, &server, "/api/calls", call).await.0,
            201
        );
        let (status, queued) = post_as(
            &secretariat,
            &server,
            "/api/outbox/reminders",
            json!({ "days": 366 }),
        )
        .await;
        assert_eq!(status, 200);
        assert!(queued["queued"].as_u64().unwrap() >= 2, "{queued}");
        let (_, again) = post_as(
            &secretariat,
            &server,
            "/api/outbox/reminders",
            json!({ "days": 366 }),
        )
        .await;
        assert_eq!(again["queued"], 0, "the same reminder is not queued twice");

        // Confirmed, the nominee is on the panel and the session page.
        assert_eq!(
            post_as(
                &austria,
                &server,
                "/api/nominations/at-1/confirm",
                json!({})
            )
            .await
            .0,
            200
        );
        let (_, panels) = get_json(&server, "/api/panels?session=irg-14").await;
        let panel = panels
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["id"] == "business-integrity-1")
            .unwrap();
        assert_eq!(panel["panellists"], json!(["nominee-at-1"]));
        let (_, balance) = get_json(&server, "/api/panels/business-integrity-1/balance").await;
        assert_eq!(balance["composition"]["total"], 1, "{backend:?}: {balance}");
        assert_eq!(
            balance["composition"]["by_regional_group"]["western_european_others"],
            1
        );
        let page = tests::http()
            .get(server.url("/sessions/irg-14"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(page.contains("Panellists: Anna Berger"), "{backend:?}");

        // Austria withdraws: the seat goes to France, first on the waitlist.
        assert_eq!(
            post_as(
                &austria,
                &server,
                "/api/nominations/at-1/withdraw",
                json!({})
            )
            .await
            .0,
            200
        );
        let fr = nominations_of(&france, &server).await;
        assert_eq!(
            fr[0]["status"], "accepted",
            "{backend:?}: promoted from the waitlist"
        );
        let (_, panels) = get_json(&server, "/api/panels?session=irg-14").await;
        let panel = panels
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["id"] == "business-integrity-1")
            .unwrap();
        assert_eq!(panel["panellists"], json!([]));
    }
}

#[tokio::test]
async fn a_decision_moving_away_from_the_bureaus_targets_is_flagged() {
    for backend in backends() {
        let db = TestDatabase::new(backend).await;
        let server = TestServer::start(&db).await;
        let secretariat = server.secretariat().await;
        let austria = server
            .focal_point("focal.at.test@quorum.example", "AT")
            .await;
        let france = server
            .focal_point("focal.fr.test@quorum.example", "FR")
            .await;
        let call = json!({ "id": "call-ml", "note_verbale_date": "2026-11-01", "deadline": "2099-01-31", "panel": "money-laundering-1" });
        assert_eq!(
            post_as(&secretariat, &server, "/api/calls", call).await.0,
            201
        );
        let (status, _) = send_as(
            &secretariat,
            &server,
            Method::PUT,
            "/api/calls/call-ml/targets",
            json!({ "min_female_share": 0.5, "min_regional_groups": 2 }),
        )
        .await;
        assert_eq!(status, 200);
        assert_eq!(
            send_as(
                &austria,
                &server,
                Method::PUT,
                "/api/calls/call-ml/targets",
                json!({})
            )
            .await
            .0,
            403
        );

        post_as(
            &austria,
            &server,
            "/api/nominations",
            draft("at-ml", "call-ml", "Anna Berger"),
        )
        .await;
        let mut male = draft("fr-ml", "call-ml", "Jean Dupont");
        male["nominee_gender"] = "male".into();
        post_as(&france, &server, "/api/nominations", male).await;
        post_as(
            &austria,
            &server,
            "/api/nominations/at-ml/submit",
            json!({}),
        )
        .await;
        post_as(&france, &server, "/api/nominations/fr-ml/submit", json!({})).await;

        let (_, first) = post_as(
            &secretariat,
            &server,
            "/api/nominations/at-ml/decide",
            json!({ "decision": "accepted" }),
        )
        .await;
        assert_eq!(
            first["balance_warnings"],
            json!([]),
            "{backend:?}: one woman of one meets the share"
        );
        let (_, second) = post_as(
            &secretariat,
            &server,
            "/api/nominations/fr-ml/decide",
            json!({ "decision": "accepted" }),
        )
        .await;
        assert_eq!(
            second["balance_warnings"],
            json!([]),
            "1 of 2 is still half"
        );

        let response = secretariat
            .get(server.url("/api/calls/call-ml/balance"))
            .send()
            .await
            .unwrap();
        let balance: Value = response.json().await.unwrap();
        assert_eq!(balance["composition"]["total"], 2);
        assert_eq!(
            balance["composition"]["by_regional_group"]["western_european_others"],
            2
        );
        assert_eq!(balance["warnings"][0], "1 of 2 regional groups wanted; missing: african, asia_pacific, eastern_european, latin_american_caribbean");
        let forbidden = austria
            .get(server.url("/api/calls/call-ml/balance"))
            .send()
            .await
            .unwrap();
        assert_eq!(forbidden.status(), 403);

        // Declining the woman would leave none: the Bureau is warned before it releases.
        let (_, third) = post_as(
            &secretariat,
            &server,
            "/api/nominations/at-ml/decide",
            json!({ "decision": "declined" }),
        )
        .await;
        assert_eq!(
            third["balance_warnings"],
            json!(["0 of 1 selected are women; the target is at least 50 %"]),
            "{backend:?}"
        );
    }
}

#[tokio::test]
async fn a_focal_point_of_an_organisation_nominates_for_it() {
    for backend in backends() {
        let db = TestDatabase::new(backend).await;
        let server = TestServer::start(&db).await;
        let secretariat = server.secretariat().await;
        let egmont = server
            .organisation_focal_point("focal.egmont@quorum.example", "egmont-group")
            .await;
        let austria = server
            .focal_point("focal.at.test@quorum.example", "AT")
            .await;
        let call = json!({ "id": "call-fiu", "note_verbale_date": "2026-11-01", "deadline": "2099-01-31", "panel": "money-laundering-1" });
        assert_eq!(
            post_as(&secretariat, &server, "/api/calls", call).await.0,
            201
        );
        assert_eq!(
            post_as(
                &egmont,
                &server,
                "/api/nominations",
                draft("org-egmont-group-1", "call-fiu", "Fatima Diallo")
            )
            .await
            .0,
            201
        );
        assert_eq!(
            post_as(
                &egmont,
                &server,
                "/api/nominations/org-egmont-group-1/submit",
                json!({})
            )
            .await
            .0,
            200,
            "{backend:?}"
        );
        let own = nominations_of(&egmont, &server).await;
        assert_eq!(
            own[0]["nominator"],
            json!({ "organisation": "egmont-group" })
        );
        assert!(
            nominations_of(&austria, &server).await.is_empty(),
            "a State's focal point does not see it"
        );
        post_as(
            &secretariat,
            &server,
            "/api/nominations/org-egmont-group-1/decide",
            json!({ "decision": "accepted" }),
        )
        .await;
        let balance: Value = secretariat
            .get(server.url("/api/calls/call-fiu/balance"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(
            balance["composition"]["by_stakeholder"]["intergovernmental"],
            1
        );
    }
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
    for backend in backends() {
        let db = TestDatabase::new(backend).await;
        let server = TestServer::start(&db).await;
        let first = server
            .bureau_member("bureau.irg.a@quorum.example", "IRG")
            .await;
        let second = server
            .bureau_member("bureau.irg.b@quorum.example", "IRG")
            .await;
        let austria = server
            .focal_point("focal.at.rev@quorum.example", "AT")
            .await;
        let call = json!({ "id": "call-review", "note_verbale_date": "2026-11-01", "deadline": "2099-01-31", "panel": "business-integrity-1" });
        assert_eq!(post_as(&first, &server, "/api/calls", call).await.0, 201);
        let (status, _) = post_as(
            &austria,
            &server,
            "/api/nominations",
            draft("at-rev", "call-review", "Anna Berger"),
        )
        .await;
        assert_eq!(status, 201);
        let (status, _) = post_as(
            &austria,
            &server,
            "/api/nominations/at-rev/submit",
            json!({}),
        )
        .await;
        assert_eq!(status, 200);

        // Both open the board; the first accepts.
        let seen_by_first = seen_on_board(&first, &server, "at-rev").await;
        let seen_by_second = seen_on_board(&second, &server, "at-rev").await;
        let (_, outcome) = form_post(
            &first,
            &server,
            "nominations/step",
            &[
                ("id", "at-rev"),
                ("step", "accept"),
                ("seen", &seen_by_first),
            ],
        )
        .await;
        assert!(outcome["done"].is_string(), "{backend:?}: {outcome}");

        // The second, deciding on what it saw, is refused with what changed; nothing is lost.
        let (_, outcome) = form_post(
            &second,
            &server,
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
        let stored = nominations_of(&first, &server).await;
        assert_eq!(
            stored[0]["status"], "accepted",
            "{backend:?}: the first decision stands"
        );

        // Having looked again, the second reviewer may change the unreleased decision.
        let fresh = seen_on_board(&second, &server, "at-rev").await;
        let (_, outcome) = form_post(
            &second,
            &server,
            "nominations/step",
            &[("id", "at-rev"), ("step", "waitlist"), ("seen", &fresh)],
        )
        .await;
        assert_eq!(outcome["done"], "Waitlisted.", "{backend:?}: {outcome}");
    }
}
