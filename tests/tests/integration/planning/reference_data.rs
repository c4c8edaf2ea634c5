//! What the planner plans with, kept by the secretariat: bodies (with a known parent), venues
//! (with a known time zone), rooms (kept while in use) and venue closures (which make a meeting
//! there a conflict).

use serde_json::Value;
use tests::scenarios::{assert_done, assert_refused, first_message, record};
use tests::{form_post, get_json, on_each_backend, TestServer};

/// The administration page as the secretariat reads it.
async fn admin_page(secretariat: &reqwest::Client, server: &TestServer) -> Value {
    let (status, page) = form_post(secretariat, server, "admin/page", &[]).await;
    assert_eq!(status, 200, "{page}");
    page
}

#[tokio::test]
async fn a_body_is_saved_by_the_secretariat_under_a_known_parent() {
    on_each_backend(&[], async |server| {
        let secretariat = server.secretariat().await;
        let bureau = server
            .bureau_member("bureau.ref@quorum.example", "IRG")
            .await;
        let body = |code: &'static str, parent: &'static str| {
            vec![
                ("code", code),
                ("name", "the Working Group on Beneficial Ownership"),
                ("short_name", "BO group"),
                ("parent", parent),
                ("open_to_all_states", "on"),
            ]
        };
        let (status, _) =
            form_post(&bureau, server, "admin/save-body", &body("WG-BO", "COSP")).await;
        assert_eq!(status, 403);
        assert_refused(
            &secretariat,
            server,
            "admin/save-body",
            &body("WG-BO", "NOPE"),
            &["parent"],
        )
        .await;
        // The code is kept upper case, whatever the form sent.
        assert_eq!(
            assert_done(
                &secretariat,
                server,
                "admin/save-body",
                &body("wg-bo", "COSP")
            )
            .await,
            "BO group (WG-BO) saved."
        );
        let page = admin_page(&secretariat, server).await;
        let saved = record(&page["bodies"], "code", "WG-BO");
        assert_eq!(saved["parent"], "COSP");
        assert_eq!(saved["open_to_all_states"], true);
    })
    .await;
}

#[tokio::test]
async fn a_venue_is_saved_with_a_known_time_zone_and_keeps_its_rooms() {
    on_each_backend(&[], async |server| {
        let secretariat = server.secretariat().await;
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
        assert_refused(
            &secretariat,
            server,
            "admin/save-venue",
            &venue("Europe/Wien"),
            &["time_zone"],
        )
        .await;
        assert_done(
            &secretariat,
            server,
            "admin/save-venue",
            &venue("Europe/Vienna"),
        )
        .await;
        let page = admin_page(&secretariat, server).await;
        let vienna = record(&page["venues"], "id", "vienna-vic");
        assert_eq!(vienna["city"], "Wien");
        assert_eq!(vienna["interpretation_teams"], 3);
        assert_eq!(vienna["rooms"].as_array().unwrap().len(), 3, "{vienna}");
    })
    .await;
}

#[tokio::test]
async fn a_room_is_added_and_removed_but_kept_while_a_meeting_uses_it() {
    on_each_backend(&[], async |server| {
        let secretariat = server.secretariat().await;
        let save = "admin/save-room";
        let room = |capacity: &'static str| {
            vec![
                ("venue", "vienna-vic"),
                ("room", "vic-room-m7"),
                ("name", "Room M7"),
                ("capacity", capacity),
                ("booths", "6"),
            ]
        };
        let remove =
            |room: &'static str| [("venue", "vienna-vic"), ("room", room), ("remove", "true")];
        assert_refused(&secretariat, server, save, &room("lots"), &["capacity"]).await;
        assert_eq!(
            assert_done(&secretariat, server, save, &room("80")).await,
            "Room M7 saved."
        );
        let outcome = assert_refused(
            &secretariat,
            server,
            save,
            &remove("vic-boardroom-d"),
            &["room"],
        )
        .await;
        assert!(
            first_message(&outcome).contains("joint-2023-06-morning"),
            "names the meetings using it: {outcome}"
        );
        assert_eq!(
            assert_done(&secretariat, server, save, &remove("vic-room-m7")).await,
            "Room M7 removed."
        );
    })
    .await;
}

#[tokio::test]
async fn a_venue_closure_makes_a_meeting_there_a_conflict() {
    on_each_backend(&[], async |server| {
        let backend = server.backend();
        let secretariat = server.secretariat().await;
        let closure = |start: &'static str, reason: &'static str| {
            [
                ("venue", "vienna-vic"),
                ("start", start),
                ("end", "2023-06-14"),
                ("reason", reason),
            ]
        };
        assert_refused(
            &secretariat,
            server,
            "admin/add-closure",
            &closure("2023-06-15", "x"),
            &["end"],
        )
        .await;
        let done = assert_done(
            &secretariat,
            server,
            "admin/add-closure",
            &closure("2023-06-14", "Staff holiday"),
        )
        .await;
        assert!(done.contains("closed"), "{done}");
        let (_, conflicts) = get_json(server, "/api/conflicts").await;
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
    })
    .await;
}
