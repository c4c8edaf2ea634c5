//! The planner's meeting form: the live check, saves refused for their fields or a blocking
//! conflict (which write nothing), the free slots it offers, and who may not save.

use serde_json::{json, Value};
use tests::on_each_backend;
use tests::scenarios::{fields, first_message};

use super::{call, check_meeting, joint_form, save_meeting, stored_meetings};

/// The joint briefing in the room and at the time of the demo's joint meeting of June 2023.
fn clashing_briefing() -> Value {
    joint_form("joint-briefing", "2023-06-14", "10:00", "13:00")
}

/// The first free slot the planner offers for the briefing in that week, and the briefing moved
/// to it.
async fn first_free_slot(server: &tests::TestServer) -> (Value, Value) {
    let (status, slots) = call(
        &tests::http(),
        server,
        "plan/free-slots",
        json!({ "form": clashing_briefing(), "from": "2023-06-12", "to": "2023-06-16" }),
    )
    .await;
    assert_eq!(status, 200, "{slots}");
    let slot = slots.as_array().unwrap()[0].clone();
    let moved = joint_form(
        "joint-briefing",
        slot["date"].as_str().unwrap(),
        slot["start"].as_str().unwrap(),
        slot["end"].as_str().unwrap(),
    );
    (slot, moved)
}

#[tokio::test]
async fn the_live_check_needs_no_login_and_names_a_double_booked_room() {
    on_each_backend(&[], async |server| {
        let before = stored_meetings(server).await.len();
        let check = check_meeting(server, &clashing_briefing()).await;
        assert_eq!(check["blocking"], true, "{check}");
        let kinds: Vec<&str> = check["conflicts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["kind"].as_str().unwrap())
            .collect();
        assert!(kinds.contains(&"room_double_booked"), "{kinds:?}");
        assert_eq!(
            stored_meetings(server).await.len(),
            before,
            "a check writes nothing"
        );
    })
    .await;
}

#[tokio::test]
async fn a_save_refused_for_its_fields_or_a_blocking_conflict_writes_nothing() {
    on_each_backend(&[], async |server| {
        let backend = server.backend();
        let bureau = server
            .bureau_member("bureau.plan@quorum.example", "IRG")
            .await;
        let before = stored_meetings(server).await.len();
        let clash = clashing_briefing();

        // Field errors name each field.
        let mut bad = clash.clone();
        bad["date"] = json!("14 June");
        bad["end"] = json!("09:00");
        bad["sessions"] = json!([]);
        let (status, outcome) = save_meeting(&bureau, server, &bad, true).await;
        assert_eq!(status, 200, "{outcome}");
        assert_eq!(
            fields(&outcome["errors"]),
            ["sessions", "date", "end"],
            "{outcome}"
        );
        assert_eq!(outcome["saved"], Value::Null);

        // Each blocking conflict refuses the save as a whole, in its own words.
        let (_, outcome) = save_meeting(&bureau, server, &clash, true).await;
        assert_eq!(fields(&outcome["errors"]), ["form", "form"], "{outcome}");
        for error in outcome["errors"].as_array().unwrap() {
            let message = error["message"].as_str().unwrap();
            assert!(
                message.contains("This blocking conflict prevents saving"),
                "{outcome}"
            );
        }
        assert!(
            first_message(&outcome).contains("Joint meeting"),
            "{outcome}"
        );
        assert_eq!(
            stored_meetings(server).await.len(),
            before,
            "{backend:?}: nothing written"
        );
    })
    .await;
}

#[tokio::test]
async fn the_first_free_slot_passes_the_check_and_saves_once() {
    on_each_backend(&[], async |server| {
        let bureau = server
            .bureau_member("bureau.plan@quorum.example", "IRG")
            .await;
        // Free slots come in the venue's wall time.
        let (slot, free) = first_free_slot(server).await;
        let check = check_meeting(server, &free).await;
        assert_eq!(check["blocking"], false, "{check}");

        // The Bureau of a body taking part saves it.
        let (status, outcome) = save_meeting(&bureau, server, &free, true).await;
        assert_eq!(status, 200, "{outcome}");
        assert_eq!(outcome["saved"], "joint-briefing", "{outcome}");
        let stored = stored_meetings(server).await;
        let saved = stored.iter().find(|m| m["id"] == "joint-briefing").unwrap();
        assert!(saved["start"]
            .as_str()
            .unwrap()
            .starts_with(slot["date"].as_str().unwrap()));

        // The same key cannot be created twice.
        let (_, outcome) = save_meeting(&bureau, server, &free, true).await;
        assert_eq!(fields(&outcome["errors"]), ["id"], "{outcome}");
    })
    .await;
}

#[tokio::test]
async fn neither_a_focal_point_nor_a_signed_out_visitor_saves_a_meeting() {
    on_each_backend(&[], async |server| {
        let backend = server.backend();
        let focal = server.focal_point("focal.plan@quorum.example", "FR").await;
        let (_, free) = first_free_slot(server).await;
        let (status, _) = save_meeting(&focal, server, &free, true).await;
        assert_eq!(status, 403, "{backend:?}: a focal point may not plan");
        let (status, _) = save_meeting(&tests::http(), server, &free, true).await;
        assert_eq!(status, 401, "{backend:?}: nor may anyone signed out");
    })
    .await;
}
