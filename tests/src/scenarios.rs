//! Steps that the integration tests of several areas share: the demo as data, an import as the
//! secretariat, `quorum export` on the command line, and reading what an answer says (a header,
//! the errors of a refusal, the outcome of a form).

use std::process::Output;

use reqwest::Client;
use serde_json::Value;

use crate::http::{form_post, http, status_and_json};
use crate::server::{quorum_command, TestServer};

/// The demo dataset, as `quorum` loads it on a first start.
pub const DEMO: &str = include_str!("../../app/data/demo.json");

/// The demo dataset as JSON, to read or to change.
pub fn demo() -> Value {
    serde_json::from_str(DEMO).unwrap()
}

/// The demo with one change, as an import body.
pub fn demo_with(change: impl FnOnce(&mut Value)) -> String {
    let mut data = demo();
    change(&mut data);
    data.to_string()
}

/// The record of a JSON list whose `key` is `id`.
pub fn record<'a>(list: &'a Value, key: &str, id: &str) -> &'a Value {
    list.as_array()
        .unwrap()
        .iter()
        .find(|v| v[key] == id)
        .unwrap_or_else(|| panic!("no record with {key} {id} in {list}"))
}

/// The record of a JSON list whose `key` is `id`, to change it.
pub fn record_mut<'a>(list: &'a mut Value, key: &str, id: &str) -> &'a mut Value {
    list.as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|v| v[key] == id)
        .unwrap_or_else(|| panic!("no record with {key} {id}"))
}

/// The `field` of every record of a JSON list, in order.
pub fn ids(list: &Value, field: &str) -> Vec<String> {
    list.as_array()
        .unwrap_or_else(|| panic!("not a list: {list}"))
        .iter()
        .map(|v| v[field].as_str().unwrap().to_owned())
        .collect()
}

/// Imports a dataset as the secretariat (`POST /api/import`); answers the status and the JSON.
pub async fn import(server: &TestServer, data: impl Into<reqwest::Body>) -> (u16, Value) {
    let response = server
        .secretariat()
        .await
        .post(server.url("/api/import"))
        .body(data)
        .send()
        .await
        .unwrap();
    status_and_json(response).await
}

/// The messages of an answer's `errors` list, as a refused import or check gives them.
pub fn error_messages(answer: &Value) -> Vec<&str> {
    answer["errors"]
        .as_array()
        .unwrap_or_else(|| panic!("no errors in {answer}"))
        .iter()
        .map(|e| e.as_str().unwrap())
        .collect()
}

/// GETs a path with a (signed-in) client; answers the status and the JSON (`Null` when none).
pub async fn get_as(client: &Client, server: &TestServer, path: &str) -> (u16, Value) {
    let response = client.get(server.url(path)).send().await.unwrap();
    status_and_json(response).await
}

/// A GET as a browser without a session sends it.
pub async fn get(server: &TestServer, path: &str) -> reqwest::Response {
    http().get(server.url(path)).send().await.unwrap()
}

/// The bodies the public API lists (`GET /api/bodies`).
pub async fn bodies_listed(server: &TestServer) -> Vec<Value> {
    get(server, "/api/bodies").await.json().await.unwrap()
}

/// A header of a response, or "" when it has none.
pub fn header(response: &reqwest::Response, name: &str) -> String {
    response
        .headers()
        .get(name)
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default()
}

/// Asserts that a command succeeded; otherwise shows what it wrote to stderr.
pub fn assert_succeeded(what: &str, output: &Output) {
    assert!(
        output.status.success(),
        "{what}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// The file `quorum export` writes of a database.
pub fn exported_file(database_url: &str) -> String {
    let output = quorum_command()
        .args(["export", "--database-url", database_url])
        .output()
        .unwrap();
    assert_succeeded("quorum export", &output);
    String::from_utf8(output.stdout).unwrap()
}

/// A database as `quorum export` writes it, read as JSON.
pub fn exported(database_url: &str) -> Value {
    serde_json::from_str(&exported_file(database_url)).unwrap()
}

/// The fields that a list of field errors names, in order.
pub fn fields(errors: &Value) -> Vec<String> {
    errors
        .as_array()
        .unwrap_or_else(|| panic!("no field errors: {errors}"))
        .iter()
        .map(|e| e["field"].as_str().unwrap().to_owned())
        .collect()
}

/// Posts a page's form that must succeed; answers the message it gives (`done`).
pub async fn assert_done(
    client: &Client,
    server: &TestServer,
    endpoint: &str,
    form: &[(&str, &str)],
) -> String {
    let (status, outcome) = form_post(client, server, endpoint, form).await;
    assert_eq!(status, 200, "{endpoint}: {outcome}");
    outcome["done"]
        .as_str()
        .unwrap_or_else(|| panic!("{endpoint} did not succeed: {outcome}"))
        .to_owned()
}

/// Posts a page's form that must be refused for the `expected` fields, in that order; answers
/// the outcome, for its messages.
pub async fn assert_refused(
    client: &Client,
    server: &TestServer,
    endpoint: &str,
    form: &[(&str, &str)],
    expected: &[&str],
) -> Value {
    let (_, outcome) = form_post(client, server, endpoint, form).await;
    assert_eq!(
        fields(&outcome["errors"]),
        expected,
        "{endpoint}: {outcome}"
    );
    outcome
}

/// The first field error's message of a refused form's outcome.
pub fn first_message(outcome: &Value) -> &str {
    outcome["errors"][0]["message"]
        .as_str()
        .unwrap_or_else(|| panic!("no field error: {outcome}"))
}
