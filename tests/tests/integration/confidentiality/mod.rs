//! What a hostile State's focal point or a curious Bureau member can read, on both backends:
//! the export, nominations of other States and before release, refusals that would tell an
//! unreleased decision, the Bureau's internal note, markup smuggled into textareas, forged
//! origins and hosts, caches, and private feed addresses that outlive their holder. Each test
//! reproduces a finding of the security review (docs/security.md) and failed before its fix.

mod decisions;
mod exports;
mod feeds;
mod nominations;
mod web;

use reqwest::Client;
use serde_json::{json, Value};
use tests::{post_as, TestServer};

/// Austria's focal point in [`Cast`].
const AUSTRIA: &str = "focal.at.c@quorum.example";

/// What Austria's nominations hold that no one else may read.
const SECRETS: [&str; 3] = ["Secret justification", "nominee.example", "Anna Berger"];

fn draft(id: &str, call: &str, name: &str) -> Value {
    json!({
        "id": id, "call": call, "nominee_name": name, "nominee_gender": "female",
        "nominee_email": format!("{}@nominee.example", id),
        "justification": "Secret justification of the State", "biography": "Biography"
    })
}

/// The accounts a test plays: the secretariat, the IRG Bureau (whose panel the call serves),
/// another body's Bureau, Austria's and France's focal points.
struct Cast {
    secretariat: Client,
    bureau: Client,
    other_bureau: Client,
    austria: Client,
    france: Client,
}

async fn cast(server: &TestServer) -> Cast {
    Cast {
        secretariat: server.secretariat().await,
        bureau: server
            .bureau_member("bureau.irg.c@quorum.example", "IRG")
            .await,
        other_bureau: server
            .bureau_member("bureau.ar.c@quorum.example", "WG-AR")
            .await,
        austria: server.focal_point(AUSTRIA, "AT").await,
        france: server.focal_point("focal.fr.c@quorum.example", "FR").await,
    }
}

/// A call for the IRG panel "business-integrity-1" with Austria's nomination `at-1` submitted
/// and a draft `at-draft`.
async fn call_with_nominations(server: &TestServer, cast: &Cast) {
    let call = json!({ "id": "call-c", "note_verbale_date": "2026-11-01", "deadline": "2099-01-31", "panel": "business-integrity-1" });
    assert_eq!(
        post_as(&cast.bureau, server, "/api/calls", call).await.0,
        201
    );
    for id in ["at-1", "at-draft"] {
        let (status, body) = post_as(
            &cast.austria,
            server,
            "/api/nominations",
            draft(id, "call-c", "Anna Berger"),
        )
        .await;
        assert_eq!(status, 201, "{body}");
    }
    let (status, body) = step(&cast.austria, server, "at-1", "submit").await;
    assert_eq!(status, 200, "{body}");
}

/// Takes a step of a nomination's workflow through the REST route, with no arguments.
async fn step(client: &Client, server: &TestServer, id: &str, step: &str) -> (u16, Value) {
    let path = format!("/api/nominations/{id}/{step}");
    post_as(client, server, &path, json!({})).await
}

/// A cast on a fresh demo server per backend, with the call and Austria's two nominations.
async fn with_nominations(test: impl AsyncFn(&TestServer, &Cast)) {
    tests::on_each_backend(&[], async |server| {
        let cast = cast(server).await;
        call_with_nominations(server, &cast).await;
        test(server, &cast).await;
    })
    .await;
}

/// The `seen` field of a workflow form: the nomination as the client last saw it.
fn seen(status: &str, justification: &str) -> String {
    json!({ "status": status, "released": false, "justification": justification, "note": null })
        .to_string()
}
