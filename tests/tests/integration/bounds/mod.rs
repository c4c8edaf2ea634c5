//! Bounds on input, through the real server on both backends: reminders look a bounded number
//! of days ahead, Quorum holds at most 64 bodies, texts have a length and no direction
//! controls, and a NUL is refused by what the text decodes to, not by how it looks. Each
//! refusal is a 4xx naming what is wrong, and writes nothing.

mod counts;
mod texts;

use reqwest::Client;
use serde_json::Value;
use tests::{http, newest_audit, status_as, TestServer};

/// Every message of an error answer, as one text.
fn messages(answer: &Value) -> String {
    answer["errors"]
        .as_array()
        .map(|errors| {
            errors
                .iter()
                .map(|e| match e {
                    Value::String(text) => text.clone(),
                    other => format!("{}: {}", other["field"], other["message"]),
                })
                .collect::<Vec<_>>()
                .join("\n")
        })
        .unwrap_or_else(|| answer.to_string())
}

/// Asserts that the newest audit entry is still `before`: every write adds one.
async fn assert_nothing_written(secretariat: &Client, server: &TestServer, before: &Value) {
    let after = newest_audit(secretariat, server).await;
    assert_eq!(*before, after, "{:?}: nothing written", server.backend());
}

/// Asserts that the server still answers its health check.
async fn assert_healthy(server: &TestServer) {
    let status = status_as(&http(), server, "/healthz").await;
    assert_eq!(status, 200, "{:?}: the server carries on", server.backend());
}
