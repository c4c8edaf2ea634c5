//! Conflicts through HTTP on both backends: the whole calendar, a proposal checked without
//! saving, free slots, malformed queries refused, a warning accepted with a reason (and kept by
//! a copy of the data until its meeting changes), and rules that make a warning blocking.

use reqwest::Method;
use serde_json::{json, Value};
use tests::scenarios::{demo, import};
use tests::{
    export_all, get_json, on_each_backend, page_text, send_as, send_json, Backend, TestDatabase,
    TestServer,
};

/// A meeting of the Working Group on Asset Recovery on the morning of the September 2023
/// joint meeting, in the same room.
fn clashing_proposal() -> Value {
    json!({
        "meeting": {
            "id": "wg-ar-17-extra",
            "title": "Informal consultations on asset recovery",
            "kind": "informal_consultation",
            "sessions": ["wg-ar-17"],
            "venue": "vienna-vic",
            "room": "vic-plenary-m",
            "start": "2023-09-06T09:00:00Z",
            "end": "2023-09-06T10:00:00Z",
            "interpretation": false
        }
    })
}

/// Checks a proposed meeting without saving it (`POST /api/conflicts/check`).
async fn check(server: &TestServer, proposal: Value) -> (u16, Value) {
    send_json(server, Method::POST, "/api/conflicts/check", proposal).await
}

#[tokio::test]
async fn the_demo_calendar_has_no_conflicts_across_its_bodies() {
    on_each_backend(&[], async |server| {
        let (status, conflicts) = get_json(server, "/api/conflicts").await;
        assert_eq!(status, 200);
        assert_eq!(conflicts, json!([]), "{:?}", server.backend());
    })
    .await;
}

#[tokio::test]
async fn a_proposed_meeting_is_checked_without_being_saved() {
    on_each_backend(&[], async |server| {
        let backend = server.backend();
        let (status, answer) = check(server, clashing_proposal()).await;
        assert_eq!(status, 200, "{answer}");
        assert_eq!(answer["blocking"], true);
        let kinds: Vec<&str> = answer["conflicts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["kind"].as_str().unwrap())
            .collect();
        assert!(kinds.contains(&"joint_meeting_overlap"), "{kinds:?}");
        assert!(kinds.contains(&"room_double_booked"), "{kinds:?}");
        // 09:00–10:00Z is 11:00–12:00 in Vienna: inside the morning window.
        assert!(!kinds.contains(&"outside_meeting_windows"), "{kinds:?}");
        let joint = answer["conflicts"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["kind"] == "joint_meeting_overlap")
            .unwrap();
        let text = joint["explanation"].as_str().unwrap();
        assert!(
            text.contains("Informal consultations on asset recovery")
                && text.contains("Joint meeting"),
            "{text}"
        );
        assert!(text.contains("Working Group on Asset Recovery"), "{text}");
        let (_, meetings) = get_json(
            server,
            "/api/meetings?body=WG-AR&from=2023-09-06&to=2023-09-06",
        )
        .await;
        assert_eq!(
            meetings.as_array().unwrap().len(),
            2,
            "{backend:?}: nothing saved"
        );
    })
    .await;
}

#[tokio::test]
async fn free_slots_avoid_the_joint_meeting_and_keep_to_meeting_windows() {
    on_each_backend(&[], async |server| {
        let path = "/api/free-slots?bodies=WG-AR&sessions=wg-ar-17&duration_minutes=180&venue=vienna-vic&from=2023-09-06&to=2023-09-08&limit=3";
        let (status, slots) = get_json(server, path).await;
        assert_eq!(status, 200, "{slots}");
        let starts: Vec<&str> = slots
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["local_start"].as_str().unwrap())
            .collect();
        // The 6th is taken by the joint meeting, morning and afternoon.
        assert_eq!(
            starts,
            [
                "2023-09-07 10:00 CEST",
                "2023-09-07 15:00 CEST",
                "2023-09-08 10:00 CEST"
            ],
            "{:?}",
            server.backend()
        );
    })
    .await;
}

#[tokio::test]
async fn malformed_or_impossible_conflict_queries_are_refused_with_the_field() {
    on_each_backend(&[], async |server| {
        let (status, _) = check(server, json!({"meeting": {"id": "x"}})).await;
        assert_eq!(status, 400);
        let mut unknown = clashing_proposal();
        unknown["meeting"]["venue"] = "atlantis".into();
        let (status, body) = check(server, unknown).await;
        assert_eq!(status, 422);
        assert_eq!(
            body["errors"][0],
            "conflict check: venue: unknown venue atlantis"
        );
        let (status, body) = get_json(server, "/api/free-slots?bodies=WG-AR&duration_minutes=60&venue=vienna-vic&from=2023-09-08&to=2023-09-01").await;
        assert_eq!(status, 422);
        assert_eq!(body["errors"][0], "conflict check: to: end before start");
    })
    .await;
}

/// The demo with an evening reception at the tenth session: outside the meeting windows.
fn demo_with_evening_reception() -> Value {
    let mut data = demo();
    data["meetings"].as_array_mut().unwrap().push(json!({
        "id": "cosp-10-reception",
        "title": "Evening reception",
        "kind": "side_event",
        "sessions": ["cosp-10"],
        "venue": "atlanta",
        "start": "2023-12-12T00:00:00Z",
        "end": "2023-12-12T02:00:00Z"
    }));
    data
}

/// A server on `db` holding `data` and nothing else.
async fn server_holding(db: &TestDatabase, data: &Value) -> TestServer {
    let server = TestServer::start_with(db, &["--no-demo"]).await;
    let (status, answer) = import(&server, data.to_string()).await;
    assert_eq!(status, 201, "{answer}");
    server
}

/// Runs `test` on each backend against the demo with its evening reception.
async fn with_an_evening_reception(test: impl AsyncFn(&TestServer)) {
    on_each_backend(&["--no-demo"], async |server| {
        let (status, answer) = import(server, demo_with_evening_reception().to_string()).await;
        assert_eq!(status, 201, "{answer}");
        test(server).await;
    })
    .await;
}

/// Accepts a conflict as the secretariat (`POST /api/conflicts/accept`).
async fn accept(server: &TestServer, conflict: &str, reason: &str) -> (u16, Value) {
    let secretariat = server.secretariat().await;
    let acceptance = json!({ "conflict": conflict, "reason": reason });
    send_as(
        &secretariat,
        server,
        Method::POST,
        "/api/conflicts/accept",
        acceptance,
    )
    .await
}

/// The one conflict of the calendar: the reception's, a warning nobody accepted yet.
async fn the_receptions_warning(server: &TestServer) -> String {
    let (_, conflicts) = get_json(server, "/api/conflicts").await;
    assert_eq!(conflicts.as_array().unwrap().len(), 1, "{conflicts}");
    let warning = &conflicts[0];
    assert_eq!(warning["kind"], "outside_meeting_windows");
    assert_eq!(warning["severity"], "warning");
    assert!(
        warning["explanation"]
            .as_str()
            .unwrap()
            .contains("19:00–21:00 EST"),
        "{warning}"
    );
    assert_eq!(warning["accepted"], Value::Null);
    warning["id"].as_str().unwrap().to_owned()
}

/// The acceptance of the first conflict of a calendar (`Null` when none).
async fn first_acceptance(server: &TestServer) -> Value {
    let (_, conflicts) = get_json(server, "/api/conflicts").await;
    conflicts[0]["accepted"].clone()
}

#[tokio::test]
async fn a_warning_accepted_with_a_reason_stays_listed_as_accepted() {
    with_an_evening_reception(async |server| {
        let id = the_receptions_warning(server).await;
        let (status, acceptance) = accept(server, &id, "Host country reception").await;
        assert_eq!(status, 201, "{acceptance}");
        assert_eq!(
            first_acceptance(server).await["reason"],
            "Host country reception",
            "{:?}: still listed, as accepted",
            server.backend()
        );
    })
    .await;
}

#[tokio::test]
async fn an_acceptance_needs_a_known_conflict_and_a_reason() {
    with_an_evening_reception(async |server| {
        let id = the_receptions_warning(server).await;
        let (status, _) = accept(server, "no:such", "x").await;
        assert_eq!(status, 404);
        let (status, body) = accept(server, &id, " ").await;
        assert_eq!(status, 422);
        assert_eq!(body["errors"][0], "acceptance: reason: must not be empty");
    })
    .await;
}

#[tokio::test]
async fn a_copy_of_the_data_keeps_an_acceptance_until_its_meeting_changes() {
    with_an_evening_reception(async |server| {
        let backend = server.backend();
        let id = the_receptions_warning(server).await;
        let (status, acceptance) = accept(server, &id, "Host country reception").await;
        assert_eq!(status, 201, "{acceptance}");

        // A copy of the data keeps the acceptance while the meeting is unchanged…
        let (_, mut export) = export_all(server).await;
        assert_eq!(export["conflict_acceptances"].as_array().unwrap().len(), 1);
        let same = TestDatabase::new(backend).await;
        let twin = server_holding(&same, &export).await;
        assert_eq!(
            first_acceptance(&twin).await["reason"],
            "Host country reception",
            "{backend:?}"
        );
        // …and loses it once the reception moves by an hour.
        for m in export["meetings"].as_array_mut().unwrap() {
            if m["id"] == "cosp-10-reception" {
                m["end"] = "2023-12-12T03:00:00Z".into();
            }
        }
        let copy = TestDatabase::new(backend).await;
        let other = server_holding(&copy, &export).await;
        let (_, conflicts) = get_json(&other, "/api/conflicts").await;
        assert_eq!(conflicts[0]["id"], id.as_str(), "the same conflict");
        assert_eq!(
            conflicts[0]["accepted"],
            Value::Null,
            "{backend:?}: reappears once its meeting changed"
        );
    })
    .await;
}

/// Sets the conflict rules as the secretariat (`PUT /api/conflict-rules`).
async fn set_rules(server: &TestServer, rules: Value) -> (u16, Value) {
    let secretariat = server.secretariat().await;
    send_as(
        &secretariat,
        server,
        Method::PUT,
        "/api/conflict-rules",
        rules,
    )
    .await
}

#[tokio::test]
async fn conflict_rules_naming_an_unknown_body_are_refused() {
    with_an_evening_reception(async |server| {
        let (_, rules) = get_json(server, "/api/conflict-rules").await;
        assert_eq!(rules["min_travel_minutes"], 180);
        let (status, body) =
            set_rules(server, json!({ "parallel_groups": [["IRG", "NOPE"]] })).await;
        assert_eq!(status, 422);
        assert_eq!(
            body["errors"][0],
            "conflict rules: parallel_groups: unknown body NOPE"
        );
    })
    .await;
}

#[tokio::test]
async fn a_warning_the_rules_make_blocking_cannot_be_accepted() {
    with_an_evening_reception(async |server| {
        let strict = json!({ "severities": { "outside_meeting_windows": "blocking" } });
        let (status, _) = set_rules(server, strict).await;
        assert_eq!(status, 200);
        let (_, conflicts) = get_json(server, "/api/conflicts").await;
        assert_eq!(
            conflicts[0]["severity"],
            "blocking",
            "{:?}",
            server.backend()
        );
        let id = conflicts[0]["id"].as_str().unwrap();
        let (status, body) = accept(server, id, "Reception").await;
        assert_eq!(status, 422);
        assert!(
            body["errors"][0].as_str().unwrap().contains("blocking"),
            "{body}"
        );
    })
    .await;
}

#[tokio::test]
async fn the_conflicts_page_lists_warnings_in_server_rendered_html() {
    let db = TestDatabase::new(Backend::Sqlite).await;
    let server = server_holding(&db, &demo_with_evening_reception()).await;
    let html = page_text(&server, "/conflicts").await;
    assert!(html.contains("1 conflict, 0 blocking."), "{html}");
    assert!(html.contains("outside meeting windows"));
    assert!(html.contains("Evening reception"));
}
