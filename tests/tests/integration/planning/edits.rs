//! Two planners on one meeting: a save over another's change is refused with what changed and
//! loses nothing, a save must say which version it edits, and simultaneous saves never fail
//! the server.

use serde_json::{json, Value};
use tests::scenarios::{fields, first_message};
use tests::{get_json, on_each_backend};

use super::{opened_meeting, save_meeting, stored_meetings};

#[tokio::test]
async fn a_second_planner_saving_over_a_change_is_told_what_changed_and_nothing_is_lost() {
    on_each_backend(&[], async |server| {
        let backend = server.backend();
        let first = server
            .bureau_member("bureau.first@quorum.example", "COSP")
            .await;
        let second = server.secretariat().await;

        let opened = opened_meeting(server, "cosp-10-opening").await;
        assert_eq!(opened["start"], "10:00");

        // Both open it; the first moves it an hour later.
        let mut moved = opened.clone();
        moved["start"] = json!("11:00");
        moved["end"] = json!("14:00");
        let (_, outcome) = save_meeting(&first, server, &moved, false).await;
        assert_eq!(
            outcome["saved"], "cosp-10-opening",
            "{backend:?}: {outcome}"
        );

        // The second, still on the version it opened, changes the title: refused, with the changes.
        let mut retitled = opened.clone();
        retitled["title"] = json!("Opening of the tenth session");
        let (_, outcome) = save_meeting(&second, server, &retitled, false).await;
        assert_eq!(outcome["saved"], Value::Null, "{outcome}");
        assert!(
            first_message(&outcome).contains("changed since you opened it"),
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
        let mut retitled = opened_meeting(server, "cosp-10-opening").await;
        retitled["title"] = json!("Opening of the tenth session");
        let (_, outcome) = save_meeting(&second, server, &retitled, false).await;
        assert_eq!(outcome["saved"], "cosp-10-opening", "{outcome}");
        let stored = stored_meetings(server).await;
        let meeting = stored
            .iter()
            .find(|m| m["id"] == "cosp-10-opening")
            .unwrap();
        assert_eq!(meeting["title"], "Opening of the tenth session");
        assert_eq!(
            meeting["start"], "2023-12-11T16:00:00Z",
            "{backend:?}: the first planner's move is kept"
        );
    })
    .await;
}

#[tokio::test]
async fn a_save_that_does_not_say_which_version_it_edits_is_refused() {
    on_each_backend(&[], async |server| {
        let planner = server.secretariat().await;
        let mut blind = opened_meeting(server, "cosp-10-opening").await;
        blind["opened_at"] = json!("");
        let (_, outcome) = save_meeting(&planner, server, &blind, false).await;
        assert_eq!(fields(&outcome["errors"]), ["form"], "{outcome}");
    })
    .await;
}

#[tokio::test]
async fn simultaneous_saves_of_one_meeting_never_fail_the_server() {
    on_each_backend(&[], async |server| {
        let backend = server.backend();
        let secretariat = server.secretariat().await;
        let (_, session) = get_json(server, "/api/sessions/irg-14").await;
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
        let (_, after) = get_json(server, "/api/sessions/irg-14").await;
        assert!(after["meetings"][0]["title"]
            .as_str()
            .unwrap()
            .starts_with("Saved at once"));
    })
    .await;
}
