//! Calendar feeds over HTTP on both backends: how they answer (headers, conditional requests,
//! gzip, HEAD, the same bytes from every instance), what their events say, private feeds, and
//! conformance with two independent parsers and with golden copies. One file each.

mod answers;
mod conformance;
mod events;
mod private;

use serde_json::{json, Value};
use tests::scenarios::{assert_succeeded, demo, import};
use tests::{http, on_each_backend, quorum_command, TestServer};

/// GETs a feed or a page with the given request headers.
async fn fetch(server: &TestServer, path: &str, headers: &[(&str, &str)]) -> reqwest::Response {
    let mut request = http().get(server.url(path));
    for (k, v) in headers {
        request = request.header(*k, *v);
    }
    request.send().await.unwrap()
}

/// The text of a feed or a page.
async fn fetch_text(server: &TestServer, path: &str) -> String {
    fetch(server, path, &[]).await.text().await.unwrap()
}

/// The lines of the event with `uid`, from its UID to its END:VEVENT.
fn event_block<'a>(ics: &'a str, uid: &str) -> &'a str {
    let start = ics
        .find(&format!("UID:{uid}\r\n"))
        .unwrap_or_else(|| panic!("{uid} not in feed"));
    let end = ics[start..].find("END:VEVENT").unwrap() + start;
    &ics[start..end]
}

/// Saves a record as the secretariat (`PUT`); answers what was stored.
async fn put(server: &TestServer, path: &str, body: &Value) -> Value {
    let response = server
        .secretariat()
        .await
        .put(server.url(path))
        .json(body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

/// The demo with a panellist from Austria, nominated and accepted, on the first business
/// integrity panel, and a call for nominations.
fn demo_with_panellist() -> String {
    let mut data = demo();
    data["persons"] = json!([{ "id": "anna-berger", "name": "Anna Berger", "gender": "female", "affiliation": { "state": "AT" } }]);
    for panel in data["panels"].as_array_mut().unwrap() {
        if panel["id"] == "business-integrity-1" {
            panel["panellists"] = json!(["anna-berger"]);
        }
    }
    data["calls_for_nominations"] = json!([{ "id": "call-business-integrity", "note_verbale_date": "2023-04-03", "deadline": "2023-05-15", "panel": "business-integrity-1" }]);
    data["nominations"] = json!([{ "id": "nomination-at-1", "call": "call-business-integrity", "nominator": { "state": "AT" }, "nominee": "anna-berger", "justification": "Expert in corporate compliance", "status": "accepted" }]);
    data.to_string()
}

/// Runs `test` on each backend against the demo with a panellist, on a server whose feeds are
/// never stale.
async fn on_the_demo_with_a_panellist(test: impl AsyncFn(&TestServer)) {
    on_each_backend(&["--no-demo", "--feed-staleness-ms", "0"], async |server| {
        let (status, answer) = import(server, demo_with_panellist()).await;
        assert_eq!(status, 201, "{answer}");
        test(server).await;
    })
    .await;
}

/// Issues a private feed address with `quorum feed-token` (e.g. `--person anna-berger`);
/// answers its path on the server.
fn issue_token(server: &TestServer, args: &[&str]) -> String {
    let database = server.database_url.as_deref().unwrap();
    let output = quorum_command()
        .args([
            "feed-token",
            "--database-url",
            database,
            "--base-url",
            &server.base_url,
        ])
        .args(args)
        .output()
        .unwrap();
    assert_succeeded("quorum feed-token", &output);
    let stdout = String::from_utf8(output.stdout).unwrap();
    let url = stdout.lines().next().unwrap().to_owned();
    assert!(stdout.lines().nth(1).unwrap().starts_with("webcal://"));
    url.strip_prefix(&server.base_url).unwrap().to_owned()
}
