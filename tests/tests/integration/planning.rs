//! The planner's and the workplan editor's server functions through HTTP on both backends: live
//! checks, blocking conflicts refusing a save, field errors that write nothing, free slots, and
//! two planners editing one meeting without a lost update.

use reqwest::Client;
use serde_json::{json, Value};
use tests::{backends, form_post, get_json, TestDatabase, TestServer};

async fn call(client: &Client, server: &TestServer, endpoint: &str, body: Value) -> (u16, Value) {
    let response = client
        .post(server.url(&format!("/api/{endpoint}")))
        .json(&body)
        .send()
        .await
        .unwrap();
    tests::status_and_json(response).await
}

fn joint_form(id: &str, date: &str, start: &str, end: &str) -> Value {
    json!({
        "id": id, "title": "Joint briefing", "kind": "joint_meeting",
        "sessions": ["irg-14", "wg-prev-14"], "venue": "vienna-vic", "room": "vic-boardroom-d",
        "date": date, "start": start, "end": end, "interpretation": true, "status": "planned",
        "opened_at": ""
    })
}

fn fields(errors: &Value) -> Vec<String> {
    errors
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap().to_owned())
        .collect()
}

async fn stored_meetings(server: &TestServer) -> Vec<Value> {
    get_json(server, "/api/meetings")
        .await
        .1
        .as_array()
        .unwrap()
        .clone()
}

#[tokio::test]
async fn the_planner_checks_live_refuses_blocking_saves_and_finds_free_slots() {
    for backend in backends() {
        let db = TestDatabase::new(backend).await;
        let server = TestServer::start(&db).await;
        let bureau = server
            .bureau_member("bureau.plan@quorum.example", "IRG")
            .await;
        let focal = server.focal_point("focal.plan@quorum.example", "FR").await;
        let before = stored_meetings(&server).await.len();

        // The live check needs no login and writes nothing.
        let clash = joint_form("joint-briefing", "2023-06-14", "10:00", "13:00");
        let (status, check) = call(
            &tests::http(),
            &server,
            "plan/check",
            json!({ "form": clash }),
        )
        .await;
        assert_eq!(status, 200, "{backend:?}: {check}");
        assert_eq!(check["blocking"], true, "{check}");
        let kinds: Vec<&str> = check["conflicts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["kind"].as_str().unwrap())
            .collect();
        assert!(kinds.contains(&"room_double_booked"), "{kinds:?}");

        // Field errors name each field; nothing is written.
        let mut bad = clash.clone();
        bad["date"] = json!("14 June");
        bad["end"] = json!("09:00");
        bad["sessions"] = json!([]);
        let (status, outcome) = call(
            &bureau,
            &server,
            "plan/save",
            json!({ "form": bad, "create": true }),
        )
        .await;
        assert_eq!(status, 200, "{outcome}");
        assert_eq!(
            fields(&outcome["errors"]),
            ["sessions", "date", "end"],
            "{outcome}"
        );
        assert_eq!(outcome["saved"], Value::Null);

        // A blocking conflict refuses the save.
        let (_, outcome) = call(
            &bureau,
            &server,
            "plan/save",
            json!({ "form": clash, "create": true }),
        )
        .await;
        assert_eq!(fields(&outcome["errors"]), ["form"], "{outcome}");
        assert!(outcome["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("blocking"));
        assert_eq!(
            stored_meetings(&server).await.len(),
            before,
            "{backend:?}: nothing written"
        );

        // Free slots, in the venue's wall time, and the first one saves.
        let (status, slots) = call(
            &tests::http(),
            &server,
            "plan/free-slots",
            json!({ "form": clash, "from": "2023-06-12", "to": "2023-06-16" }),
        )
        .await;
        assert_eq!(status, 200, "{slots}");
        let slot = &slots.as_array().unwrap()[0];
        let free = joint_form(
            "joint-briefing",
            slot["date"].as_str().unwrap(),
            slot["start"].as_str().unwrap(),
            slot["end"].as_str().unwrap(),
        );
        let (_, check) = call(
            &tests::http(),
            &server,
            "plan/check",
            json!({ "form": free }),
        )
        .await;
        assert_eq!(check["blocking"], false, "{check}");

        // A focal point may not plan; the Bureau of a body taking part may.
        let (status, _) = call(
            &focal,
            &server,
            "plan/save",
            json!({ "form": free, "create": true }),
        )
        .await;
        assert_eq!(status, 403, "{backend:?}");
        let (status, _) = call(
            &tests::http(),
            &server,
            "plan/save",
            json!({ "form": free, "create": true }),
        )
        .await;
        assert_eq!(status, 401, "{backend:?}");
        let (status, outcome) = call(
            &bureau,
            &server,
            "plan/save",
            json!({ "form": free, "create": true }),
        )
        .await;
        assert_eq!(status, 200, "{outcome}");
        assert_eq!(outcome["saved"], "joint-briefing", "{outcome}");
        let stored = stored_meetings(&server).await;
        let saved = stored.iter().find(|m| m["id"] == "joint-briefing").unwrap();
        assert!(saved["start"]
            .as_str()
            .unwrap()
            .starts_with(slot["date"].as_str().unwrap()));

        // The same key cannot be created twice.
        let (_, outcome) = call(
            &bureau,
            &server,
            "plan/save",
            json!({ "form": free, "create": true }),
        )
        .await;
        assert_eq!(fields(&outcome["errors"]), ["id"], "{outcome}");
    }
}

#[tokio::test]
async fn a_second_planner_saving_over_a_change_is_told_what_changed_and_nothing_is_lost() {
    for backend in backends() {
        let db = TestDatabase::new(backend).await;
        let server = TestServer::start(&db).await;
        let first = server
            .bureau_member("bureau.first@quorum.example", "COSP")
            .await;
        let second = server.secretariat().await;

        let (status, opened) = form_post(
            &tests::http(),
            &server,
            "plan/meeting",
            &[("id", "cosp-10-opening")],
        )
        .await;
        assert_eq!(status, 200, "{backend:?}: {opened}");
        assert_eq!(opened["start"], "10:00");

        // Both open it; the first moves it an hour later.
        let mut moved = opened.clone();
        moved["start"] = json!("11:00");
        moved["end"] = json!("14:00");
        let (_, outcome) = call(
            &first,
            &server,
            "plan/save",
            json!({ "form": moved, "create": false }),
        )
        .await;
        assert_eq!(
            outcome["saved"], "cosp-10-opening",
            "{backend:?}: {outcome}"
        );

        // The second, still on the version it opened, changes the title: refused, with the changes.
        let mut retitled = opened.clone();
        retitled["title"] = json!("Opening of the tenth session");
        let (_, outcome) = call(
            &second,
            &server,
            "plan/save",
            json!({ "form": retitled.clone(), "create": false }),
        )
        .await;
        assert_eq!(outcome["saved"], Value::Null, "{outcome}");
        assert!(
            outcome["errors"][0]["message"]
                .as_str()
                .unwrap()
                .contains("changed since you opened it"),
            "{outcome}"
        );
        let changed: Vec<&str> = outcome["changed_since"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c.as_str().unwrap())
            .collect();
        assert_eq!(
            changed,
            ["start: \"10:00\" → \"11:00\"", "end: \"13:00\" → \"14:00\""],
            "{outcome}"
        );

        // Reopened on the new version, the second save goes through and keeps the first change.
        let (_, reopened) = form_post(
            &tests::http(),
            &server,
            "plan/meeting",
            &[("id", "cosp-10-opening")],
        )
        .await;
        let mut retitled = reopened.clone();
        retitled["title"] = json!("Opening of the tenth session");
        let (_, outcome) = call(
            &second,
            &server,
            "plan/save",
            json!({ "form": retitled, "create": false }),
        )
        .await;
        assert_eq!(outcome["saved"], "cosp-10-opening", "{outcome}");
        let stored = stored_meetings(&server).await;
        let meeting = stored
            .iter()
            .find(|m| m["id"] == "cosp-10-opening")
            .unwrap();
        assert_eq!(meeting["title"], "Opening of the tenth session");
        assert_eq!(
            meeting["start"], "2023-12-11T16:00:00Z",
            "{backend:?}: the first planner's move is kept"
        );

        // A save that does not say which version it edits is refused.
        let mut blind = reopened.clone();
        blind["opened_at"] = json!("");
        let (_, outcome) = call(
            &second,
            &server,
            "plan/save",
            json!({ "form": blind, "create": false }),
        )
        .await;
        assert_eq!(fields(&outcome["errors"]), ["form"], "{outcome}");
    }
}

#[tokio::test]
async fn the_workplan_editor_saves_entries_by_rule_and_the_coverage_follows() {
    for backend in backends() {
        let db = TestDatabase::new(backend).await;
        let server = TestServer::start(&db).await;
        let secretariat = server.secretariat().await;
        let bureau_ar = server
            .bureau_member("bureau.ar@quorum.example", "WG-AR")
            .await;

        let (status, page) = form_post(&tests::http(), &server, "workplan/page", &[]).await;
        assert_eq!(status, 200, "{backend:?}: {page}");
        assert_eq!(page["status"], "approved");
        let uncovered_before = page["coverage"]["uncovered"].as_array().unwrap().len();
        assert!(
            uncovered_before > 0,
            "the demo workplan leaves some paragraphs open"
        );
        let open: u32 = page["coverage"]["uncovered"][0].as_u64().unwrap() as u32;

        // Field errors, nothing written.
        let (_, outcome) = form_post(
            &secretariat,
            &server,
            "workplan/entry",
            &[
                ("id", "extra-2026"),
                ("bodies", "IRG, NOPE"),
                ("year", "20x6"),
                ("paragraphs", "5-3"),
                ("topics", " "),
                ("create", "true"),
            ],
        )
        .await;
        assert_eq!(
            fields(&outcome["errors"]),
            ["bodies", "year", "paragraphs", "topics"],
            "{backend:?}: {outcome}"
        );

        // A Bureau member plans only for their own body.
        let paragraphs = open.to_string();
        let entry = [
            ("id", "extra-2026"),
            ("bodies", "IRG"),
            ("year", "2026"),
            ("paragraphs", paragraphs.as_str()),
            ("topics", "Follow-up"),
            ("create", "true"),
        ];
        let (status, _) = form_post(&bureau_ar, &server, "workplan/entry", &entry).await;
        assert_eq!(status, 403, "{backend:?}");
        let (status, outcome) = form_post(&secretariat, &server, "workplan/entry", &entry).await;
        assert_eq!(status, 200, "{outcome}");
        assert_eq!(outcome["done"], "Entry extra-2026 saved.", "{outcome}");

        let (_, page) = form_post(&tests::http(), &server, "workplan/page", &[]).await;
        assert_eq!(
            page["coverage"]["uncovered"].as_array().unwrap().len(),
            uncovered_before - 1,
            "{backend:?}"
        );
        assert!(page["entries"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["id"] == "extra-2026" && e["when"] == "2026"));

        // The approval moves only by its rules, and only for the secretariat.
        let (status, _) = form_post(
            &bureau_ar,
            &server,
            "workplan/decide",
            &[("action", "start_silence"), ("date", "2026-12-01")],
        )
        .await;
        assert_eq!(status, 403);
        let (_, outcome) = form_post(
            &secretariat,
            &server,
            "workplan/decide",
            &[("action", "start_silence"), ("date", "2026-12-01")],
        )
        .await;
        assert_eq!(
            fields(&outcome["errors"]),
            ["action"],
            "an approved plan is not a draft: {outcome}"
        );
    }
}

#[tokio::test]
async fn the_secretariat_administers_users_holidays_and_rules_and_nobody_else_does() {
    for backend in backends() {
        let db = TestDatabase::new(backend).await;
        let server = TestServer::start(&db).await;
        let secretariat = server.secretariat().await;
        let bureau = server
            .bureau_member("bureau.admin@quorum.example", "IRG")
            .await;

        let (status, _) = form_post(&bureau, &server, "admin/page", &[]).await;
        assert_eq!(status, 403, "{backend:?}");
        let (status, page) = form_post(&secretariat, &server, "admin/page", &[]).await;
        assert_eq!(status, 200, "{page}");
        assert_eq!(page["venues"].as_array().unwrap().len(), 4);

        // A user: field errors first, then the account, which can sign in.
        let user = [
            ("email", "new.bureau@quorum.example"),
            ("name", "New Bureau member"),
            ("role", "bureau"),
            ("scope", "WG-AR"),
            ("password", "short"),
        ];
        let (_, outcome) = form_post(&secretariat, &server, "admin/add-user", &user).await;
        assert_eq!(
            fields(&outcome["errors"]),
            ["password"],
            "{backend:?}: {outcome}"
        );
        let mut user = user;
        user[4] = ("password", "a-long-enough-password");
        let (status, _) = form_post(&bureau, &server, "admin/add-user", &user).await;
        assert_eq!(status, 403);
        let (_, outcome) = form_post(&secretariat, &server, "admin/add-user", &user).await;
        assert_eq!(
            outcome["done"], "Account new.bureau@quorum.example created.",
            "{outcome}"
        );
        assert!(tests::login(
            &server,
            "new.bureau@quorum.example",
            "a-long-enough-password"
        )
        .await
        .is_ok());

        // A holiday at a venue makes a meeting there a conflict.
        let closure = [
            ("venue", "vienna-vic"),
            ("start", "2023-06-14"),
            ("end", "2023-06-14"),
            ("reason", "Staff holiday"),
        ];
        let (_, outcome) = form_post(
            &secretariat,
            &server,
            "admin/add-closure",
            &[
                ("venue", "vienna-vic"),
                ("start", "2023-06-15"),
                ("end", "2023-06-14"),
                ("reason", "x"),
            ],
        )
        .await;
        assert_eq!(fields(&outcome["errors"]), ["end"], "{outcome}");
        let (_, outcome) = form_post(&secretariat, &server, "admin/add-closure", &closure).await;
        assert!(
            outcome["done"].as_str().unwrap().contains("closed"),
            "{outcome}"
        );
        let (_, conflicts) = get_json(&server, "/api/conflicts").await;
        assert!(
            conflicts
                .as_array()
                .unwrap()
                .iter()
                .any(|c| c["kind"] == "venue_closed"
                    && c["meetings"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .any(|m| m == "joint-2023-06-morning")),
            "{backend:?}: {conflicts}"
        );

        // Rules: refused when unknown bodies are named, saved otherwise.
        let (_, outcome) = form_post(
            &secretariat,
            &server,
            "admin/rules",
            &[("rules", r#"{"parallel_groups": [["IRG", "NOPE"]]}"#)],
        )
        .await;
        assert_eq!(fields(&outcome["errors"]), ["parallel_groups"], "{outcome}");
        let (_, outcome) = form_post(
            &secretariat,
            &server,
            "admin/rules",
            &[("rules", r#"{"min_travel_minutes": 240}"#)],
        )
        .await;
        assert_eq!(outcome["done"], "Conflict rules saved.", "{outcome}");
        let (_, outcome) = form_post(
            &secretariat,
            &server,
            "admin/rules",
            &[("rules", "{not json")],
        )
        .await;
        assert_eq!(fields(&outcome["errors"]), ["rules"], "{outcome}");
    }
}

#[tokio::test]
async fn sessions_are_planned_through_the_session_form_with_errors_by_field() {
    for backend in backends() {
        let db = TestDatabase::new(backend).await;
        let server = TestServer::start(&db).await;
        let bureau = server
            .bureau_member("bureau.sessions@quorum.example", "IRG")
            .await;
        let session = |body: &'static str, start: &'static str, end: &'static str| {
            vec![
                ("id", "irg-17"),
                ("body", body),
                ("kind", "regular"),
                ("number", "17"),
                ("venue", "vienna-vic"),
                ("format", "in_person"),
                ("start", start),
                ("end", end),
                ("status", "planned"),
                ("create", "true"),
            ]
        };
        let (_, outcome) = form_post(
            &bureau,
            &server,
            "plan/save-session",
            &session("IRG", "2026-06-05", "2026-06-01"),
        )
        .await;
        assert_eq!(
            fields(&outcome["errors"]),
            ["end"],
            "{backend:?}: {outcome}"
        );
        let (status, _) = form_post(
            &bureau,
            &server,
            "plan/save-session",
            &session("WG-AR", "2026-06-01", "2026-06-05"),
        )
        .await;
        assert_eq!(
            status, 403,
            "{backend:?}: a Bureau plans its own body's sessions"
        );
        let (status, outcome) = form_post(
            &bureau,
            &server,
            "plan/save-session",
            &session("IRG", "2026-06-01", "2026-06-05"),
        )
        .await;
        assert_eq!(status, 200, "{outcome}");
        assert_eq!(
            outcome["done"],
            "Seventeenth session of the Implementation Review Group (irg-17) saved.",
            "{outcome}"
        );

        let (_, form) =
            form_post(&tests::http(), &server, "plan/session", &[("id", "irg-17")]).await;
        assert_eq!(
            (form["start"].as_str(), form["number"].as_str()),
            (Some("2026-06-01"), Some("17")),
            "{form}"
        );
        // Changing it: the days become unknown, only the year stays.
        let change = [
            ("id", "irg-17"),
            ("body", "IRG"),
            ("kind", "regular"),
            ("number", "17"),
            ("format", "hybrid"),
            ("year", "2026"),
            ("status", "planned"),
            ("create", "false"),
        ];
        let (_, outcome) = form_post(&bureau, &server, "plan/save-session", &change).await;
        assert!(outcome["done"].is_string(), "{outcome}");
        let (_, sessions) = get_json(&server, "/api/sessions?body=IRG").await;
        let stored = sessions
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["id"] == "irg-17")
            .unwrap();
        assert_eq!(stored["format"], "hybrid", "{stored}");
        assert_eq!(stored["dates"], json!({ "year": 2026 }), "{stored}");
    }
}

#[tokio::test]
async fn panels_are_planned_by_the_bureau_of_their_meeting_with_errors_by_field() {
    for backend in backends() {
        let db = TestDatabase::new(backend).await;
        let server = TestServer::start(&db).await;
        let irg = server
            .bureau_member("bureau.panels@quorum.example", "IRG")
            .await;
        let asset_recovery = server
            .bureau_member("bureau.ar@quorum.example", "WG-AR")
            .await;
        let panel = |topic: &'static str, size: &'static str, create: &'static str| {
            vec![
                ("id", "joint-2023-06-panel"),
                ("meeting", "joint-2023-06-morning"),
                ("topic", topic),
                ("workplan_entry", "wp-2023-06"),
                ("planned_size", size),
                ("create", create),
            ]
        };
        let (_, outcome) = form_post(
            &irg,
            &server,
            "plan/save-panel",
            &panel("Beneficial ownership", "many", "true"),
        )
        .await;
        assert_eq!(fields(&outcome["errors"]), ["planned_size"], "{outcome}");
        let (_, outcome) =
            form_post(&irg, &server, "plan/save-panel", &panel("", "4", "true")).await;
        assert_eq!(fields(&outcome["errors"]), ["topic"], "{outcome}");
        let mut unknown = panel("Beneficial ownership", "4", "true");
        unknown[1] = ("meeting", "no-such-meeting");
        let (status, outcome) = form_post(&irg, &server, "plan/save-panel", &unknown).await;
        assert_eq!(
            status, 403,
            "nobody plans panels of unknown meetings: {outcome}"
        );

        let valid = panel("Beneficial ownership registers", "4", "true");
        let (status, _) = form_post(&asset_recovery, &server, "plan/save-panel", &valid).await;
        assert_eq!(
            status, 403,
            "{backend:?}: not a meeting of the asset recovery group"
        );
        let (_, outcome) = form_post(&irg, &server, "plan/save-panel", &valid).await;
        assert_eq!(
            outcome["done"], "Panel joint-2023-06-panel saved: Beneficial ownership registers.",
            "{backend:?}: {outcome}"
        );
        let (_, outcome) = form_post(&irg, &server, "plan/save-panel", &valid).await;
        assert_eq!(
            fields(&outcome["errors"]),
            ["id"],
            "created twice: {outcome}"
        );

        let (_, form) = form_post(
            &irg,
            &server,
            "plan/panel",
            &[("id", "joint-2023-06-panel")],
        )
        .await;
        assert_eq!(form["workplan_entry"], "wp-2023-06", "{form}");
        assert_eq!(form["planned_size"], "4", "{form}");
        let (_, outcome) = form_post(
            &irg,
            &server,
            "plan/save-panel",
            &panel("Registers of beneficial owners", "5", "false"),
        )
        .await;
        assert!(outcome["done"].is_string(), "{outcome}");
        let page = tests::page_text(&server, "/sessions/irg-14").await;
        assert!(
            page.contains("Registers of beneficial owners"),
            "{backend:?}: the session page shows the changed panel"
        );
    }
}

#[tokio::test]
async fn the_secretariat_changes_bodies_venues_rooms_and_accounts() {
    for backend in backends() {
        let db = TestDatabase::new(backend).await;
        let server = TestServer::start(&db).await;
        let secretariat = server.secretariat().await;
        let bureau = server
            .bureau_member("bureau.ref@quorum.example", "IRG")
            .await;

        // Bodies: a dangling parent is refused by field; a new body and a changed one are saved.
        let body = |code: &'static str, short: &'static str, parent: &'static str| {
            vec![
                ("code", code),
                ("name", "the Working Group on Beneficial Ownership"),
                ("short_name", short),
                ("parent", parent),
                ("open_to_all_states", "on"),
            ]
        };
        let (status, _) = form_post(
            &bureau,
            &server,
            "admin/save-body",
            &body("WG-BO", "BO group", "COSP"),
        )
        .await;
        assert_eq!(status, 403);
        let (_, outcome) = form_post(
            &secretariat,
            &server,
            "admin/save-body",
            &body("WG-BO", "BO group", "NOPE"),
        )
        .await;
        assert_eq!(
            fields(&outcome["errors"]),
            ["parent"],
            "{backend:?}: {outcome}"
        );
        let (_, outcome) = form_post(
            &secretariat,
            &server,
            "admin/save-body",
            &body("wg-bo", "BO group", "COSP"),
        )
        .await;
        assert_eq!(outcome["done"], "BO group (WG-BO) saved.", "{outcome}");
        let (_, page) = form_post(&secretariat, &server, "admin/page", &[]).await;
        let saved = page["bodies"]
            .as_array()
            .unwrap()
            .iter()
            .find(|b| b["code"] == "WG-BO")
            .cloned()
            .expect("the new body is listed");
        assert_eq!(saved["parent"], "COSP");
        assert_eq!(saved["open_to_all_states"], true);

        // Venues: an unknown time zone is refused by field; a change keeps the rooms.
        let venue = |zone: &'static str| {
            vec![
                ("id", "vienna-vic"),
                ("name", "Vienna International Centre"),
                ("city", "Wien"),
                ("country", "at"),
                ("time_zone", zone),
                ("interpretation_teams", "3"),
            ]
        };
        let (_, outcome) = form_post(
            &secretariat,
            &server,
            "admin/save-venue",
            &venue("Europe/Wien"),
        )
        .await;
        assert_eq!(fields(&outcome["errors"]), ["time_zone"], "{outcome}");
        let (_, outcome) = form_post(
            &secretariat,
            &server,
            "admin/save-venue",
            &venue("Europe/Vienna"),
        )
        .await;
        assert!(outcome["done"].is_string(), "{backend:?}: {outcome}");
        let (_, page) = form_post(&secretariat, &server, "admin/page", &[]).await;
        let vienna = page["venues"]
            .as_array()
            .unwrap()
            .iter()
            .find(|v| v["id"] == "vienna-vic")
            .cloned()
            .unwrap();
        assert_eq!(vienna["city"], "Wien");
        assert_eq!(vienna["interpretation_teams"], 3);
        assert_eq!(vienna["rooms"].as_array().unwrap().len(), 3, "{vienna}");

        // Rooms: added, refused by field, a room in use kept, a free one removed.
        let room = |capacity: &'static str| {
            vec![
                ("venue", "vienna-vic"),
                ("room", "vic-room-m7"),
                ("name", "Room M7"),
                ("capacity", capacity),
                ("booths", "6"),
            ]
        };
        let (_, outcome) = form_post(&secretariat, &server, "admin/save-room", &room("lots")).await;
        assert_eq!(fields(&outcome["errors"]), ["capacity"], "{outcome}");
        let (_, outcome) = form_post(&secretariat, &server, "admin/save-room", &room("80")).await;
        assert_eq!(outcome["done"], "Room Room M7 saved.", "{outcome}");
        let (_, outcome) = form_post(
            &secretariat,
            &server,
            "admin/save-room",
            &[
                ("venue", "vienna-vic"),
                ("room", "vic-boardroom-d"),
                ("remove", "true"),
            ],
        )
        .await;
        assert_eq!(fields(&outcome["errors"]), ["room"], "{outcome}");
        assert!(
            outcome["errors"][0]["message"]
                .as_str()
                .unwrap()
                .contains("joint-2023-06-morning"),
            "names the meetings using it: {outcome}"
        );
        let (_, outcome) = form_post(
            &secretariat,
            &server,
            "admin/save-room",
            &[
                ("venue", "vienna-vic"),
                ("room", "vic-room-m7"),
                ("remove", "true"),
            ],
        )
        .await;
        assert_eq!(outcome["done"], "Room Room M7 removed.", "{outcome}");

        // Accounts: changed, then removed (its sign-in ends); never one's own.
        let person = [
            ("email", "changing@quorum.example"),
            ("name", "Changing Person"),
            ("role", "bureau"),
            ("scope", "IRG"),
            ("password", "a-long-enough-password"),
        ];
        let (_, outcome) = form_post(&secretariat, &server, "admin/add-user", &person).await;
        assert!(outcome["done"].is_string(), "{outcome}");
        let signed_in = tests::login(&server, "changing@quorum.example", "a-long-enough-password")
            .await
            .expect("the new account signs in");
        let (_, outcome) = form_post(
            &secretariat,
            &server,
            "admin/change-user",
            &[
                ("email", "changing@quorum.example"),
                ("role", "bureau"),
                ("scope", "NOPE"),
            ],
        )
        .await;
        assert_eq!(fields(&outcome["errors"]), ["scope"], "{outcome}");
        let (_, outcome) = form_post(
            &secretariat,
            &server,
            "admin/change-user",
            &[
                ("email", "changing@quorum.example"),
                ("role", "focal_point"),
                ("scope", "at"),
            ],
        )
        .await;
        assert_eq!(
            outcome["done"], "Account changing@quorum.example is now focal point.",
            "{outcome}"
        );
        let (_, outcome) = form_post(
            &secretariat,
            &server,
            "admin/change-user",
            &[
                ("email", "test.secretariat@quorum.example"),
                ("remove", "true"),
            ],
        )
        .await;
        assert_eq!(fields(&outcome["errors"]), ["email"], "{outcome}");
        let (_, outcome) = form_post(
            &secretariat,
            &server,
            "admin/change-user",
            &[("email", "changing@quorum.example"), ("remove", "true")],
        )
        .await;
        assert_eq!(outcome["done"], "Account changing@quorum.example removed.");
        let (status, _) = form_post(&signed_in, &server, "plan/choices", &[]).await;
        let (_, choices) = form_post(&signed_in, &server, "plan/choices", &[]).await;
        assert!(
            status == 401 || choices["planner"].is_null(),
            "{backend:?}: the removed account's sign-in ended: {status} {choices}"
        );
        assert!(
            tests::login(&server, "changing@quorum.example", "a-long-enough-password")
                .await
                .is_err()
        );
    }
}

#[tokio::test]
async fn simultaneous_saves_of_one_meeting_never_fail_the_server() {
    for backend in backends() {
        let db = TestDatabase::new(backend).await;
        let server = TestServer::start(&db).await;
        let secretariat = server.secretariat().await;
        let (_, session) = get_json(&server, "/api/sessions/irg-14").await;
        let meeting = session["meetings"][0].clone();
        let url = server.url(&format!(
            "/api/meetings/{}",
            meeting["id"].as_str().unwrap()
        ));
        let mut saves = tokio::task::JoinSet::new();
        for i in 0..12 {
            let mut changed = meeting.clone();
            changed["title"] = format!("Saved at once {i}").into();
            let (client, url) = (secretariat.clone(), url.clone());
            saves.spawn(async move {
                let response = client.put(url).json(&changed).send().await.unwrap();
                (response.status().as_u16(), response.text().await.unwrap())
            });
        }
        while let Some(answer) = saves.join_next().await {
            let (status, text) = answer.unwrap();
            assert!(
                status == 200 || status == 409,
                "{backend:?}: a simultaneous save answered {status}: {text}"
            );
        }
        let (_, after) = get_json(&server, "/api/sessions/irg-14").await;
        assert!(after["meetings"][0]["title"]
            .as_str()
            .unwrap()
            .starts_with("Saved at once"));
    }
}
