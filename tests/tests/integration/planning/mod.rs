//! Planning through the server functions of its pages, over HTTP on both backends: the
//! planner's meeting form, two planners on one meeting, sessions, panels, the workplan editor,
//! what the planner plans with, and the administration page. One file each.

mod administration;
mod edits;
mod meetings;
mod panels;
mod reference_data;
mod sessions;
mod workplan;

use reqwest::Client;
use serde_json::{json, Value};
use tests::{form_post, get_json, status_and_json, TestServer};

/// Calls a planning server function with a JSON body, as the planner's page does.
async fn call(client: &Client, server: &TestServer, endpoint: &str, body: Value) -> (u16, Value) {
    let response = client
        .post(server.url(&format!("/api/{endpoint}")))
        .json(&body)
        .send()
        .await
        .unwrap();
    status_and_json(response).await
}

/// Saves the planner's meeting form (`plan/save`): a new meeting when `create`.
async fn save_meeting(
    client: &Client,
    server: &TestServer,
    form: &Value,
    create: bool,
) -> (u16, Value) {
    call(
        client,
        server,
        "plan/save",
        json!({ "form": form, "create": create }),
    )
    .await
}

/// The planner's live check of a meeting form, which needs no login (`plan/check`).
async fn check_meeting(server: &TestServer, form: &Value) -> Value {
    let (status, check) = call(
        &tests::http(),
        server,
        "plan/check",
        json!({ "form": form }),
    )
    .await;
    assert_eq!(status, 200, "{check}");
    check
}

/// A stored meeting as the planner's form opens it (`plan/meeting`), with the version it edits.
async fn opened_meeting(server: &TestServer, id: &str) -> Value {
    let (status, form) = form_post(&tests::http(), server, "plan/meeting", &[("id", id)]).await;
    assert_eq!(status, 200, "{form}");
    form
}

/// The planner's form for a joint briefing of the IRG and the prevention group in Vienna.
fn joint_form(id: &str, date: &str, start: &str, end: &str) -> Value {
    json!({
        "id": id, "title": "Joint briefing", "kind": "joint_meeting",
        "sessions": ["irg-14", "wg-prev-14"], "venue": "vienna-vic", "room": "vic-boardroom-d",
        "date": date, "start": start, "end": end, "interpretation": true, "status": "planned",
        "opened_at": ""
    })
}

async fn stored_meetings(server: &TestServer) -> Vec<Value> {
    get_json(server, "/api/meetings")
        .await
        .1
        .as_array()
        .unwrap()
        .clone()
}
