//! Conflicts through HTTP on both backends: the whole calendar, a proposal checked without
//! saving, free slots, accepting a warning, and the rules.

use serde_json::{json, Value};
use tests::{backends, export_all, get_json, http, send_as, send_json, TestDatabase, TestServer};

const DEMO: &str = include_str!("../../../app/data/demo.json");

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

#[tokio::test]
async fn the_demo_calendar_has_no_conflicts_across_its_bodies() {
    for backend in backends() {
        let db = TestDatabase::new(backend).await;
        let server = TestServer::start(&db).await;
        let (status, conflicts) = get_json(&server, "/api/conflicts").await;
        assert_eq!(status, 200);
        assert_eq!(conflicts, json!([]), "{backend:?}");
    }
}

#[tokio::test]
async fn a_proposed_meeting_is_checked_without_being_saved() {
    for backend in backends() {
        let db = TestDatabase::new(backend).await;
        let server = TestServer::start(&db).await;
        let (status, answer) = send_json(
            &server,
            reqwest::Method::POST,
            "/api/conflicts/check",
            clashing_proposal(),
        )
        .await;
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
            &server,
            "/api/meetings?body=WG-AR&from=2023-09-06&to=2023-09-06",
        )
        .await;
        assert_eq!(
            meetings.as_array().unwrap().len(),
            2,
            "{backend:?}: nothing saved"
        );

        let (status, _) = send_json(
            &server,
            reqwest::Method::POST,
            "/api/conflicts/check",
            json!({"meeting": {"id": "x"}}),
        )
        .await;
        assert_eq!(status, 400);
        let mut unknown = clashing_proposal();
        unknown["meeting"]["venue"] = "atlantis".into();
        let (status, body) = send_json(
            &server,
            reqwest::Method::POST,
            "/api/conflicts/check",
            unknown,
        )
        .await;
        assert_eq!(status, 422);
        assert_eq!(
            body["errors"][0],
            "conflict check: venue: unknown venue atlantis"
        );
    }
}

#[tokio::test]
async fn free_slots_avoid_the_joint_meeting_and_keep_to_meeting_windows() {
    for backend in backends() {
        let db = TestDatabase::new(backend).await;
        let server = TestServer::start(&db).await;
        let path = "/api/free-slots?bodies=WG-AR&sessions=wg-ar-17&duration_minutes=180&venue=vienna-vic&from=2023-09-06&to=2023-09-08&limit=3";
        let (status, slots) = get_json(&server, path).await;
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
            "{backend:?}"
        );
        let (status, body) = get_json(&server, "/api/free-slots?bodies=WG-AR&duration_minutes=60&venue=vienna-vic&from=2023-09-08&to=2023-09-01").await;
        assert_eq!(status, 422);
        assert_eq!(body["errors"][0], "conflict check: to: end before start");
    }
}

/// The demo with an evening reception at the tenth session: outside the meeting windows.
fn demo_with_evening_reception() -> String {
    let mut data: Value = serde_json::from_str(DEMO).unwrap();
    data["meetings"].as_array_mut().unwrap().push(json!({
        "id": "cosp-10-reception",
        "title": "Evening reception",
        "kind": "side_event",
        "sessions": ["cosp-10"],
        "venue": "atlanta",
        "start": "2023-12-12T00:00:00Z",
        "end": "2023-12-12T02:00:00Z"
    }));
    data.to_string()
}

#[tokio::test]
async fn a_warning_accepted_with_a_reason_stays_listed_and_lapses_when_its_meeting_changes() {
    for backend in backends() {
        let db = TestDatabase::new(backend).await;
        let server = TestServer::start_with(&db, &["--no-demo"]).await;
        let admin = server.secretariat().await;
        let response = server
            .secretariat()
            .await
            .post(server.url("/api/import"))
            .body(demo_with_evening_reception())
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 201);
        let (_, conflicts) = get_json(&server, "/api/conflicts").await;
        assert_eq!(conflicts.as_array().unwrap().len(), 1, "{conflicts}");
        let warning = &conflicts[0];
        assert_eq!(warning["kind"], "outside_meeting_windows");
        assert_eq!(warning["severity"], "warning");
        assert!(
            warning["explanation"]
                .as_str()
                .unwrap()
                .contains("19:00–21:00 America/New_York"),
            "{warning}"
        );
        assert_eq!(warning["accepted"], Value::Null);
        let id = warning["id"].as_str().unwrap().to_owned();

        let accept = json!({ "conflict": id, "reason": "Host country reception" });
        let (status, acceptance) = send_as(
            &admin,
            &server,
            reqwest::Method::POST,
            "/api/conflicts/accept",
            accept,
        )
        .await;
        assert_eq!(status, 201, "{acceptance}");
        let (_, conflicts) = get_json(&server, "/api/conflicts").await;
        assert_eq!(
            conflicts[0]["accepted"]["reason"], "Host country reception",
            "{backend:?}: still listed, as accepted"
        );

        let (status, _) = send_as(
            &admin,
            &server,
            reqwest::Method::POST,
            "/api/conflicts/accept",
            json!({ "conflict": "no:such", "reason": "x" }),
        )
        .await;
        assert_eq!(status, 404);
        let (status, body) = send_as(
            &admin,
            &server,
            reqwest::Method::POST,
            "/api/conflicts/accept",
            json!({ "conflict": id, "reason": " " }),
        )
        .await;
        assert_eq!(status, 422);
        assert_eq!(body["errors"][0], "acceptance: reason: must not be empty");

        // A copy of the data keeps the acceptance while the meeting is unchanged…
        let (_, mut export) = export_all(&server).await;
        assert_eq!(export["conflict_acceptances"].as_array().unwrap().len(), 1);
        let same = TestDatabase::new(backend).await;
        let twin = TestServer::start_with(&same, &["--no-demo"]).await;
        let response = twin
            .secretariat()
            .await
            .post(twin.url("/api/import"))
            .body(export.to_string())
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 201);
        let (_, conflicts) = get_json(&twin, "/api/conflicts").await;
        assert_eq!(
            conflicts[0]["accepted"]["reason"], "Host country reception",
            "{backend:?}"
        );
        // …and loses it once the reception moves by an hour.
        for m in export["meetings"].as_array_mut().unwrap() {
            if m["id"] == "cosp-10-reception" {
                m["end"] = "2023-12-12T03:00:00Z".into();
            }
        }
        let copy = TestDatabase::new(backend).await;
        let other = TestServer::start_with(&copy, &["--no-demo"]).await;
        let response = other
            .secretariat()
            .await
            .post(other.url("/api/import"))
            .body(export.to_string())
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 201);
        let (_, conflicts) = get_json(&other, "/api/conflicts").await;
        assert_eq!(conflicts[0]["id"], id.as_str(), "the same conflict");
        assert_eq!(
            conflicts[0]["accepted"],
            Value::Null,
            "{backend:?}: reappears once its meeting changed"
        );
    }
}

#[tokio::test]
async fn rules_set_severities_and_blocking_conflicts_cannot_be_accepted() {
    for backend in backends() {
        let db = TestDatabase::new(backend).await;
        let server = TestServer::start_with(&db, &["--no-demo"]).await;
        let admin = server.secretariat().await;
        server
            .secretariat()
            .await
            .post(server.url("/api/import"))
            .body(demo_with_evening_reception())
            .send()
            .await
            .unwrap();
        let (_, rules) = get_json(&server, "/api/conflict-rules").await;
        assert_eq!(rules["min_travel_minutes"], 180);

        let (status, body) = send_as(
            &admin,
            &server,
            reqwest::Method::PUT,
            "/api/conflict-rules",
            json!({ "parallel_groups": [["IRG", "NOPE"]] }),
        )
        .await;
        assert_eq!(status, 422);
        assert_eq!(
            body["errors"][0],
            "conflict rules: parallel_groups: unknown body NOPE"
        );

        let strict = json!({ "severities": { "outside_meeting_windows": "blocking" } });
        let (status, _) = send_as(
            &admin,
            &server,
            reqwest::Method::PUT,
            "/api/conflict-rules",
            strict,
        )
        .await;
        assert_eq!(status, 200);
        let (_, conflicts) = get_json(&server, "/api/conflicts").await;
        assert_eq!(conflicts[0]["severity"], "blocking", "{backend:?}");
        let id = conflicts[0]["id"].as_str().unwrap();
        let accept = json!({ "conflict": id, "reason": "Reception" });
        let (status, body) = send_as(
            &admin,
            &server,
            reqwest::Method::POST,
            "/api/conflicts/accept",
            accept,
        )
        .await;
        assert_eq!(status, 422);
        assert!(
            body["errors"][0].as_str().unwrap().contains("blocking"),
            "{body}"
        );
    }
}

#[tokio::test]
async fn the_conflicts_page_lists_warnings_in_server_rendered_html() {
    let db = TestDatabase::new(tests::Backend::Sqlite).await;
    let server = TestServer::start_with(&db, &["--no-demo"]).await;
    server
        .secretariat()
        .await
        .post(server.url("/api/import"))
        .body(demo_with_evening_reception())
        .send()
        .await
        .unwrap();
    let html = http()
        .get(server.url("/conflicts"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("1 conflict, 0 blocking."), "{html}");
    assert!(html.contains("outside meeting windows"));
    assert!(html.contains("Evening reception"));
}
