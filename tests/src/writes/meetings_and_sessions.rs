//! The writes of meetings and sessions: through the REST routes, and through the planner's forms.

use reqwest::Method;
use serde_json::{json, Value};

use super::{
    form, rest, words, Read, Request, Role, Source, Write, DEMO, SECRETARIAT,
    SECRETARIAT_AND_BUREAU,
};

/// A stored record of the demo, to change.
fn demo_record(kind: &str, id: &str) -> Value {
    serde_json::from_str::<Value>(DEMO).unwrap()[kind]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == id)
        .unwrap()
        .clone()
}
fn new_meeting(id: &str, title: &str, session: &str, start: &str) -> Value {
    json!({
        "id": id, "title": title, "kind": "informal_consultation",
        "sessions": [session], "venue": "vienna-vic",
        "start": start, "end": start.replace("T08:", "T09:")
    })
}

pub(super) fn writes() -> Vec<Write> {
    vec![
        Write {
            what: "create an IRG meeting",
            allowed: SECRETARIAT_AND_BUREAU,
            request: |i| {
                let start = format!("2024-06-1{i}T08:00:00Z");
                let title = format!("IRG consultations {i}");
                let id = format!("irg-15-extra-{i}");
                rest(
                    Method::POST,
                    "/api/meetings",
                    new_meeting(&id, &title, "irg-15", &start),
                )
            },
            read: Read {
                by: Role::Anonymous,
                source: Source::Get("/feeds/bodies/IRG.ics"),
            },
            shows: |text, i| text.contains(&format!("IRG consultations {i}")),
        },
        Write {
            what: "create a WG-AR meeting",
            allowed: SECRETARIAT,
            request: |i| {
                let start = format!("2024-09-0{}T08:00:00Z", i + 2);
                let title = format!("WG-AR consultations {i}");
                let id = format!("wg-ar-18-extra-{i}");
                rest(
                    Method::POST,
                    "/api/meetings",
                    new_meeting(&id, &title, "wg-ar-18", &start),
                )
            },
            read: Read {
                by: Role::Anonymous,
                source: Source::Get("/feeds/bodies/WG-AR.ics"),
            },
            shows: |text, i| text.contains(&format!("WG-AR consultations {i}")),
        },
        Write {
            what: "change a joint IRG meeting",
            allowed: SECRETARIAT_AND_BUREAU,
            request: |i| {
                let mut meeting = demo_record("meetings", "joint-2023-06-afternoon");
                meeting["title"] = format!("Joint meeting, version {i}").into();
                rest(
                    Method::PUT,
                    "/api/meetings/joint-2023-06-afternoon",
                    meeting,
                )
            },
            read: Read {
                by: Role::Anonymous,
                source: Source::Get("/meetings/joint-2023-06-afternoon"),
            },
            shows: |text, i| text.contains(&format!("Joint meeting, version {i}")),
        },
        Write {
            what: "change a Conference meeting",
            allowed: SECRETARIAT,
            request: |i| {
                let mut meeting = demo_record("meetings", "cosp-10-opening");
                meeting["title"] = format!("Opening, version {i}").into();
                rest(Method::PUT, "/api/meetings/cosp-10-opening", meeting)
            },
            read: Read {
                by: Role::Anonymous,
                source: Source::Get("/meetings/cosp-10-opening"),
            },
            shows: |text, i| text.contains(&format!("Opening, version {i}")),
        },
        Write {
            what: "change an IRG session",
            allowed: SECRETARIAT_AND_BUREAU,
            request: |i| {
                let mut session = demo_record("sessions", "irg-15");
                session["notes"] = format!("Notes, version {i}").into();
                rest(Method::PUT, "/api/sessions/irg-15", session)
            },
            read: Read {
                by: Role::Anonymous,
                source: Source::Get("/sessions/irg-15"),
            },
            shows: |text, i| text.contains(&format!("Notes, version {i}")),
        },
        Write {
            what: "change a Conference session",
            allowed: SECRETARIAT,
            request: |i| {
                let mut session = demo_record("sessions", "cosp-11");
                session["notes"] = format!("Notes, version {i}").into();
                rest(Method::PUT, "/api/sessions/cosp-11", session)
            },
            read: Read {
                by: Role::Anonymous,
                source: Source::Get("/sessions/cosp-11"),
            },
            shows: |text, i| text.contains(&format!("Notes, version {i}")),
        },
        Write {
            what: "create an IRG session",
            allowed: SECRETARIAT_AND_BUREAU,
            request: |i| {
                let session = json!({ "id": format!("irg-extra-{i}"), "body": "IRG", "kind": "regular", "number": 90 + i, "format": "in_person", "dates": { "year": 2027 }, "status": "planned" });
                rest(Method::POST, "/api/sessions", session)
            },
            read: Read {
                by: Role::Anonymous,
                source: Source::Get("/sessions/irg-extra-{i}"),
            },
            shows: |text, _| words(text).contains("session of the Implementation Review Group"),
        },
        // The server functions behind the pages' forms.
        Write {
            what: "plan a meeting",
            allowed: SECRETARIAT_AND_BUREAU,
            request: |i| {
                let meeting = json!({
                    "id": format!("planned-{i}"), "title": format!("Planned in try {i}"),
                    "kind": "informal_consultation", "sessions": ["irg-15"], "venue": "vienna-vic",
                    "room": "", "date": format!("2024-06-1{}", i + 1), "start": "15:00",
                    "end": "16:00", "interpretation": false, "status": "planned", "opened_at": ""
                });
                Request::Json("plan/save", json!({ "form": meeting, "create": true }))
            },
            read: Read {
                by: Role::Anonymous,
                source: Source::Get("/feeds/bodies/IRG.ics"),
            },
            shows: |text, i| text.contains(&format!("Planned in try {i}")),
        },
        Write {
            what: "plan a meeting without JavaScript",
            allowed: SECRETARIAT_AND_BUREAU,
            request: |i| {
                let fields = [
                    ("draft", "1".to_owned()),
                    ("create", "true".to_owned()),
                    ("id", format!("planned-plainly-{i}")),
                    ("title", format!("Planned without JavaScript in try {i}")),
                    ("kind", "informal_consultation".to_owned()),
                    ("sessions", "irg-15".to_owned()),
                    ("venue", "vienna-vic".to_owned()),
                    ("room", String::new()),
                    ("date", format!("2024-06-1{}", i + 1)),
                    ("start", "16:00".to_owned()),
                    ("end", "17:00".to_owned()),
                    ("status", "planned".to_owned()),
                    ("opened_at", String::new()),
                ];
                Request::Page("/plan", fields.to_vec())
            },
            read: Read {
                by: Role::Anonymous,
                source: Source::Get("/feeds/bodies/IRG.ics"),
            },
            shows: |text, i| text.contains(&format!("Planned without JavaScript in try {i}")),
        },
        Write {
            what: "plan a session",
            allowed: SECRETARIAT_AND_BUREAU,
            request: |i| {
                let day = format!("2028-06-0{}", i + 1);
                let fields = [
                    ("id", format!("irg-planned-{i}")),
                    ("body", "IRG".into()),
                    ("kind", "regular".into()),
                    ("number", (60 + i).to_string()),
                    ("venue", "vienna-vic".into()),
                    ("format", "in_person".into()),
                    ("start", day.clone()),
                    ("end", day),
                    ("status", "planned".into()),
                    ("notes", format!("Session planned in try {i}")),
                    ("create", "true".into()),
                ];
                form("plan/save-session", &fields)
            },
            read: Read {
                by: Role::Anonymous,
                source: Source::Get("/sessions/irg-planned-{i}"),
            },
            shows: |text, i| text.contains(&format!("Session planned in try {i}")),
        },
        Write {
            what: "plan a panel",
            allowed: SECRETARIAT_AND_BUREAU,
            request: |i| {
                let fields = [
                    ("id", format!("evening-panel-{i}")),
                    ("meeting", "irg-15-evening".into()),
                    ("topic", format!("Panel topic of try {i}")),
                    ("create", "true".into()),
                ];
                form("plan/save-panel", &fields)
            },
            read: Read {
                by: Role::Anonymous,
                source: Source::Get("/meetings/irg-15-evening"),
            },
            shows: |text, i| text.contains(&format!("Panel topic of try {i}")),
        },
    ]
}
