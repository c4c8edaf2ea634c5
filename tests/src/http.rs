//! Requests as a browser, a form or a REST client sends them, and their answers.

use crate::server::TestServer;

/// An HTTP client for tests: no proxies, no redirects followed silently.
pub fn http() -> reqwest::Client {
    reqwest::Client::builder()
        .no_proxy()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// GETs a path and reads the JSON answer (`Null` when there is none).
pub async fn get_json(server: &TestServer, path: &str) -> (u16, serde_json::Value) {
    let response = http().get(server.url(path)).send().await.unwrap();
    let status = response.status().as_u16();
    (
        status,
        response.json().await.unwrap_or(serde_json::Value::Null),
    )
}

/// Sends JSON with any method and reads the JSON answer.
pub async fn send_json(
    server: &TestServer,
    method: reqwest::Method,
    path: &str,
    body: impl serde::Serialize,
) -> (u16, serde_json::Value) {
    send_as(&http(), server, method, path, body).await
}

/// Sends JSON with a given (signed-in) client and reads the JSON answer.
pub async fn send_as(
    client: &reqwest::Client,
    server: &TestServer,
    method: reqwest::Method,
    path: &str,
    body: impl serde::Serialize,
) -> (u16, serde_json::Value) {
    let response = client
        .request(method, server.url(path))
        .json(&body)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    (
        status,
        response.json().await.unwrap_or(serde_json::Value::Null),
    )
}

/// Posts a form to the server function at `/api/{endpoint}`, as a page's form does; answers the
/// status and the JSON (or the text, when not JSON).
pub async fn form_post(
    client: &reqwest::Client,
    server: &TestServer,
    endpoint: &str,
    fields: &[(&str, &str)],
) -> (u16, serde_json::Value) {
    let response = client
        .post(server.url(&format!("/api/{endpoint}")))
        .header("accept", "application/json")
        .form(fields)
        .send()
        .await
        .unwrap();
    status_and_json(response).await
}

/// A response's status and its body as JSON (or as a JSON string, when not JSON).
pub async fn status_and_json(response: reqwest::Response) -> (u16, serde_json::Value) {
    let status = response.status().as_u16();
    let text = response.text().await.unwrap();
    (
        status,
        serde_json::from_str(&text).unwrap_or(serde_json::Value::String(text)),
    )
}

/// The text of a page (any status), as a browser would receive it.
pub async fn page_text(server: &TestServer, path: &str) -> String {
    http()
        .get(server.url(path))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

/// The whole dataset, read as the secretariat: the only role that may export everything.
pub async fn export_all(server: &TestServer) -> (u16, serde_json::Value) {
    let secretariat = server.secretariat().await;
    let response = secretariat
        .get(server.url("/api/export"))
        .send()
        .await
        .unwrap();
    status_and_json(response).await
}

/// POSTs JSON with a (signed-in) client and reads the JSON answer.
pub async fn post_as(
    client: &reqwest::Client,
    server: &TestServer,
    path: &str,
    body: serde_json::Value,
) -> (u16, serde_json::Value) {
    send_as(client, server, reqwest::Method::POST, path, body).await
}

/// The nominations a client may read (`GET /api/nominations`).
pub async fn nominations_of(
    client: &reqwest::Client,
    server: &TestServer,
) -> Vec<serde_json::Value> {
    response_to_get(client, server, "/api/nominations")
        .await
        .json()
        .await
        .unwrap()
}

/// A GET of `path` by a (signed-in) client.
async fn response_to_get(
    client: &reqwest::Client,
    server: &TestServer,
    path: &str,
) -> reqwest::Response {
    client.get(server.url(path)).send().await.unwrap()
}

/// The status of a GET of `path` by a (signed-in) client.
pub async fn status_as(client: &reqwest::Client, server: &TestServer, path: &str) -> u16 {
    response_to_get(client, server, path)
        .await
        .status()
        .as_u16()
}

/// The text of a page (any status) as a (signed-in) client receives it.
pub async fn page_text_as(client: &reqwest::Client, server: &TestServer, path: &str) -> String {
    response_to_get(client, server, path)
        .await
        .text()
        .await
        .unwrap()
}

/// The JSON a (signed-in) client reads at `path`; an answer that is not JSON fails the test.
pub async fn json_as(
    client: &reqwest::Client,
    server: &TestServer,
    path: &str,
) -> serde_json::Value {
    let response = client.get(server.url(path)).send().await.unwrap();
    let status = response.status();
    response
        .json()
        .await
        .unwrap_or_else(|e| panic!("GET {path}: {status} is not JSON: {e}"))
}

/// The newest audit entry, read as the secretariat: every write adds one, so an unchanged
/// newest entry means nothing was written.
pub async fn newest_audit(secretariat: &reqwest::Client, server: &TestServer) -> serde_json::Value {
    let response = secretariat
        .get(server.url("/api/audit"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let entries: serde_json::Value = response.json().await.unwrap();
    entries[0].clone()
}

/// Adds a one-day closure of `venue` on `day` through the secretariat's form, as its page
/// does, on the server at `base` (an address, so that a spawned writer can hold it). Answers
/// the status and the outcome, or the error of a server that went away.
pub async fn add_closure(
    client: &reqwest::Client,
    base: &str,
    venue: &str,
    day: &str,
    reason: &str,
) -> Result<(u16, serde_json::Value), reqwest::Error> {
    let response = client
        .post(format!("{base}/api/admin/add-closure"))
        .header("accept", "application/json")
        .form(&[
            ("venue", venue),
            ("start", day),
            ("end", day),
            ("reason", reason),
        ])
        .send()
        .await?;
    let status = response.status().as_u16();
    let text = response.text().await?;
    Ok((
        status,
        serde_json::from_str(&text).unwrap_or(serde_json::Value::String(text)),
    ))
}

/// The session cookie (`name=value`) a sign-in answer sets.
pub fn session_cookie(response: &reqwest::Response) -> String {
    response.headers()[reqwest::header::SET_COOKIE]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned()
}

/// The demo dataset the server starts with (app/data/demo.json).
pub fn demo_dataset() -> serde_json::Value {
    let path = crate::server::workspace_root().join("app/data/demo.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}
