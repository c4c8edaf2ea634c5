//! Every form-posted server function with generated values in its fields, and the JSON server
//! functions with generated meetings, as the secretariat and as anonymous.

use std::cell::Cell;

use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use reqwest::Client;
use serde_json::{json, Value};
use tests::{http, newest_audit, on_each_backend, TestServer};

use super::{block_on, runner};

/// Values people and attackers type: real keys, dates and numbers, markup, SQL, control
/// characters, very long text, and anything else.
fn typed_value() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "irg-14",
            "vienna-vic",
            "vic-boardroom-d",
            "IRG",
            "COSP",
            "WG-AR",
            "AT",
            "2023-06-14",
            "2023-06-15",
            "10:00",
            "13:00",
            "true",
            "on",
            "0",
            "-1",
            "4294967296",
            "accept",
            "decline",
            "confirm",
            "secretariat",
            "bureau",
            "focal_point",
            "Europe/Vienna",
            "joint-2023-06-morning",
            "business-integrity-1",
            "",
            " ",
        ])
        .prop_map(str::to_owned),
        ".{0,40}",
        Just("<script>alert(1)</script>".to_owned()),
        Just("'; DROP TABLE users; --".to_owned()),
        Just("\u{0}\u{7f}\r\n\t".to_owned()),
        Just("x".repeat(5000)),
        Just("{\"min_travel_minutes\": -5}".to_owned()),
    ]
}

/// Every form-posted server function, with the fields its form sends.
const FORMS: &[(&str, &[&str])] = &[
    (
        "admin/add-user",
        &["email", "name", "role", "scope", "password"],
    ),
    ("admin/add-closure", &["venue", "start", "end", "reason"]),
    ("admin/rules", &["rules"]),
    (
        "admin/save-body",
        &["code", "name", "short_name", "parent", "open_to_all_states"],
    ),
    (
        "admin/save-venue",
        &[
            "id",
            "name",
            "city",
            "country",
            "time_zone",
            "interpretation_teams",
        ],
    ),
    (
        "admin/save-room",
        &["venue", "room", "name", "capacity", "booths", "remove"],
    ),
    ("admin/change-user", &["email", "role", "scope", "remove"]),
    (
        "plan/save-session",
        &[
            "id", "body", "kind", "number", "resumed", "subject", "venue", "format", "start",
            "end", "year", "status", "notes", "create",
        ],
    ),
    (
        "plan/save-panel",
        &[
            "id",
            "meeting",
            "topic",
            "workplan_entry",
            "moderator",
            "planned_size",
            "notes",
            "create",
        ],
    ),
    ("plan/accept", &["id", "reason"]),
    ("plan/meeting", &["id"]),
    ("plan/session", &["id"]),
    ("plan/panel", &["id"]),
    (
        "nominations/nominate",
        &[
            "call",
            "nominee_name",
            "nominee_title",
            "nominee_gender",
            "nominee_email",
            "justification",
            "biography",
        ],
    ),
    (
        "nominations/step",
        &["id", "step", "justification", "biography", "note", "seen"],
    ),
    ("nominations/release", &["call"]),
    ("nominations/open-call", &["panel", "deadline", "quota"]),
    (
        "workplan/entry",
        &[
            "id",
            "bodies",
            "year",
            "paragraphs",
            "topics",
            "agreed",
            "notes",
            "create",
        ],
    ),
    ("workplan/decide", &["action", "date"]),
    ("pages/body", &["code"]),
    ("pages/venue", &["id"]),
    ("account/new-private-feed", &["kind", "subject"]),
];

/// Server functions that take JSON: the planner's meeting form, and the pages' queries.
const JSON_FUNCTIONS: &[&str] = &[
    "plan/check",
    "plan/save",
    "plan/free-slots",
    "pages/calendar",
    "pages/timeline",
    "pages/programme",
];

const MEETING_FIELDS: &[&str] = &[
    "id",
    "title",
    "kind",
    "sessions",
    "venue",
    "room",
    "date",
    "start",
    "end",
    "interpretation",
    "status",
    "opened_at",
];

/// Whether an answer says nothing was done: an error status, or a form outcome with errors.
fn refused(status: u16, body: &Value) -> bool {
    status >= 400
        || body["errors"].as_array().is_some_and(|e| !e.is_empty()) && body["done"].is_null()
}

/// Sends a generated request: it must not be answered 5xx, and when `may_write` says the
/// answer wrote nothing, the audit log must not have moved.
async fn checked(
    secretariat: &Client,
    server: &TestServer,
    request: reqwest::RequestBuilder,
    label: String,
    may_write: impl Fn(u16, &Value) -> bool,
) -> Result<(), TestCaseError> {
    let before = newest_audit(secretariat, server).await;
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let text = response.text().await.unwrap_or_default();
    prop_assert!(status < 500, "{label}: {status} {text}");
    let answer: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
    if !may_write(status, &answer) {
        let after = newest_audit(secretariat, server).await;
        prop_assert_eq!(before, after, "{} wrote while refusing: {}", label, text);
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_form_and_server_function_survives_generated_input() {
    let total = Cell::new(0);
    on_each_backend(&[], async |server| {
        let backend = server.backend();
        let secretariat = server.secretariat().await;
        let anonymous = http();
        let form_case = (
            0..FORMS.len(),
            prop::collection::vec(prop::option::weighted(0.85, typed_value()), 14),
            any::<bool>(),
        );
        let cases = 160;
        runner(cases)
            .run(&form_case, |(which, values, as_secretariat)| {
                let (endpoint, fields) = FORMS[which];
                let form: Vec<(&str, String)> = fields
                    .iter()
                    .zip(values)
                    .filter_map(|(field, value)| value.map(|v| (*field, v)))
                    .collect();
                let client = if as_secretariat {
                    &secretariat
                } else {
                    &anonymous
                };
                let request = client
                    .post(server.url(&format!("/api/{endpoint}")))
                    .header("accept", "application/json")
                    .form(&form);
                let label = format!("{backend:?} {endpoint} {form:?}");
                block_on(checked(
                    &secretariat,
                    server,
                    request,
                    label,
                    |status, body| !refused(status, body),
                ))
            })
            .unwrap();
        total.set(total.get() + cases);

        let json_case = (
            0..JSON_FUNCTIONS.len(),
            prop::collection::vec(
                prop::option::weighted(0.8, typed_value()),
                MEETING_FIELDS.len(),
            ),
            any::<bool>(),
        );
        let cases = 96;
        runner(cases)
            .run(&json_case, |(which, values, wrap)| {
                let endpoint = JSON_FUNCTIONS[which];
                let mut form = serde_json::Map::new();
                for (field, value) in MEETING_FIELDS.iter().zip(values) {
                    if let Some(value) = value {
                        let value = match *field {
                            "sessions" => json!([value]),
                            "interpretation" => json!(value.len() % 2 == 0),
                            _ => json!(value),
                        };
                        form.insert((*field).to_owned(), value);
                    }
                }
                // The functions take their form under `form` (and a few more arguments); send it
                // both wrapped and bare.
                let body = if wrap {
                    json!({ "form": form, "from": "2023-06-12", "to": "2023-06-16", "query": form })
                } else {
                    Value::Object(form)
                };
                let request = secretariat
                    .post(server.url(&format!("/api/{endpoint}")))
                    .json(&body);
                let label = format!("{backend:?} {endpoint} {body}");
                // Only the save may write, and only when it is not refused.
                block_on(checked(
                    &secretariat,
                    server,
                    request,
                    label,
                    |status, answer| endpoint == "plan/save" && !refused(status, answer),
                ))
            })
            .unwrap();
        total.set(total.get() + cases);
    })
    .await;
    let total = total.get();
    println!("server functions: {total} generated requests, none answered 5xx, none refused wrote");
}
