//! Bad input, generated: proptest drives the real server over HTTP with broken imports, random
//! values in every form and server function, and random feed addresses. Whatever comes in, the
//! server answers without a 5xx, and a refused request writes nothing (the import leaves the
//! database empty; a refused form leaves the audit log, which every write extends, as it was).
//! Each test prints how many cases ran.

use std::cell::{Cell, RefCell};

use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use reqwest::Client;
use serde_json::{json, Value};
use tests::{backends, http, Backend, TestDatabase, TestServer};

fn runner(cases: u32) -> TestRunner {
    TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    })
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

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

/// The newest audit entry: every write adds one, so an unchanged newest entry means no write.
async fn newest_audit(secretariat: &Client, server: &TestServer) -> Value {
    let response = secretariat
        .get(server.url("/api/audit"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let entries: Value = response.json().await.unwrap();
    entries[0].clone()
}

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

#[test]
fn every_form_and_server_function_survives_generated_input() {
    let rt = runtime();
    let mut total = 0;
    for backend in backends() {
        let (db, server, secretariat) = rt.block_on(async {
            let db = TestDatabase::new(backend).await;
            let server = TestServer::start(&db).await;
            let secretariat = server.secretariat().await;
            (db, server, secretariat)
        });
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
                rt.block_on(checked(
                    &secretariat,
                    &server,
                    request,
                    label,
                    |status, body| !refused(status, body),
                ))
            })
            .unwrap();
        total += cases;

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
                rt.block_on(checked(
                    &secretariat,
                    &server,
                    request,
                    label,
                    |status, answer| endpoint == "plan/save" && !refused(status, answer),
                ))
            })
            .unwrap();
        total += cases;
        drop((server, db));
    }
    println!("server functions: {total} generated requests, none answered 5xx, none refused wrote");
}

#[test]
fn feed_addresses_and_headers_never_break_the_server() {
    let rt = runtime();
    let mut total = 0;
    for backend in backends() {
        let (_db, server) = rt.block_on(async {
            let db = TestDatabase::new(backend).await;
            let server = TestServer::start(&db).await;
            (db, server)
        });
        let segment = prop_oneof![
            prop::sample::select(vec![
                "bodies",
                "sessions",
                "venues",
                "meetings",
                "private",
                "IRG",
                "irg-14",
                "vienna-vic",
                "all.ics",
                "IRG.ics",
                "deadlines.ics",
                ".ics",
                "..",
                "%2e%2e",
                "%FF",
                "%00"
            ])
            .prop_map(str::to_owned),
            "[A-Za-z0-9._~-]{0,24}",
            "(%[0-9A-F]{2}){1,6}",
        ];
        let case = (
            prop::collection::vec(segment, 0..4),
            prop::option::of("[a-z]{1,8}=[A-Za-z0-9%]{0,12}"),
            prop::option::of("[ -~]{0,40}"),
            prop::option::of(prop::sample::select(vec![
                "gzip", "br", "identity", "gzip;q=0", "*", "x",
            ])),
        );
        let cases = 128;
        runner(cases)
            .run(&case, |(segments, query, if_none_match, encoding)| {
                let mut path = format!("/feeds/{}", segments.join("/"));
                if let Some(query) = &query {
                    path.push('?');
                    path.push_str(query);
                }
                rt.block_on(async {
                    let mut request = http().get(server.url(&path));
                    if let Some(tag) = &if_none_match {
                        request = request.header("if-none-match", tag.as_str());
                    }
                    if let Some(encoding) = encoding {
                        request = request.header("accept-encoding", encoding);
                    }
                    let response = request.send().await.unwrap();
                    let status = response.status().as_u16();
                    prop_assert!(status < 500, "{backend:?} GET {path}: {status}");
                    Ok(())
                })
            })
            .unwrap();
        total += cases;
    }
    println!("feed addresses: {total} generated requests, none answered 5xx");
}

/// Replaces (or removes) one value somewhere in `data`, following `turns` down the tree.
fn mutate(data: &mut Value, turns: &[usize], replacement: Value, remove: bool) {
    let Some((turn, rest)) = turns.split_first() else {
        *data = replacement;
        return;
    };
    let nested = |v: &Value| {
        matches!(v, Value::Object(m) if !m.is_empty())
            || matches!(v, Value::Array(a) if !a.is_empty())
    };
    match data {
        Value::Object(map) if !map.is_empty() => {
            let key = map.keys().nth(turn % map.len()).unwrap().clone();
            if rest.is_empty() || !nested(&map[&key]) {
                if remove {
                    map.remove(&key);
                } else {
                    map.insert(key, replacement);
                }
            } else {
                mutate(map.get_mut(&key).unwrap(), rest, replacement, remove);
            }
        }
        Value::Array(items) if !items.is_empty() => {
            let index = turn % items.len();
            if rest.is_empty() || !nested(&items[index]) {
                if remove {
                    items.remove(index);
                } else {
                    items[index] = replacement;
                }
            } else {
                mutate(&mut items[index], rest, replacement, remove);
            }
        }
        _ => *data = replacement,
    }
}

#[test]
fn a_broken_import_is_refused_whole_and_leaves_the_database_empty() {
    let rt = runtime();
    let demo: Value = serde_json::from_str(
        &std::fs::read_to_string(tests::workspace_root().join("app/data/demo.json")).unwrap(),
    )
    .unwrap();
    let mut total = 0;
    let accepted = Cell::new(0);
    for backend in backends() {
        let fresh = || async {
            let db = TestDatabase::new(backend).await;
            let server = TestServer::start_with(&db, &["--no-demo"]).await;
            let secretariat = server.secretariat().await;
            (db, server, secretariat)
        };
        let state = RefCell::new(rt.block_on(fresh()));
        let replacement = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::from),
            any::<i64>().prop_map(Value::from),
            ".{0,20}".prop_map(Value::from),
            Just(json!([])),
            Just(json!({})),
            Just(json!("9999-99-99")),
        ];
        let case = (
            prop::collection::vec(0usize..64, 1..5),
            replacement,
            any::<bool>(),
        );
        let cases = if backend == Backend::Sqlite { 64 } else { 32 };
        runner(cases)
            .run(&case, |(turns, replacement, remove)| {
                let mut data = demo.clone();
                mutate(&mut data, &turns, replacement, remove);
                // One case at a time on this thread: nothing else borrows the state meanwhile.
                #[allow(clippy::await_holding_refcell_ref)]
                let imported = rt.block_on(async {
                    let (_, server, secretariat) = &*state.borrow();
                    let response = secretariat
                        .post(server.url("/api/import"))
                        .json(&data)
                        .send()
                        .await
                        .unwrap();
                    let status = response.status().as_u16();
                    let text = response.text().await.unwrap_or_default();
                    prop_assert!(
                        status < 500,
                        "{backend:?} import {turns:?}: {status} {text}"
                    );
                    if status >= 400 {
                        let (_, bodies) = tests::get_json(server, "/api/bodies").await;
                        prop_assert_eq!(bodies, json!([]), "{:?}: a refused import wrote", backend);
                    }
                    Ok(status < 300)
                })?;
                if imported {
                    // Still valid after the change: start again on an empty database.
                    *state.borrow_mut() = rt.block_on(fresh());
                    accepted.set(accepted.get() + 1);
                }
                Ok(())
            })
            .unwrap();
        total += cases;
    }
    println!("imports: {total} generated datasets ({} still valid and imported), none answered 5xx, no refused one wrote", accepted.get());
}
