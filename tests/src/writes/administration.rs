//! The writes of the administration: the outbox, users and their passwords, closures, bodies,
//! venues and rooms.

use reqwest::Method;
use serde_json::json;

use super::{form, rest, words, Read, Role, Source, Write, ADMINISTRATION, SECRETARIAT};

pub(super) fn writes() -> Vec<Write> {
    vec![
        Write {
            what: "queue deadline reminders",
            allowed: SECRETARIAT,
            request: |_| rest(Method::POST, "/api/outbox/reminders", json!({ "days": 7 })),
            read: ADMINISTRATION,
            shows: |text, _| {
                text.contains("Reminder: nominations to the call for panellists on “Strengthening business integrity")
            },
        },
        Write {
            what: "reset a password",
            allowed: SECRETARIAT,
            request: |i| {
                let body = json!({ "email": "someone@quorum.example", "password": format!("new passphrase number {i}") });
                rest(Method::POST, "/api/users/password", body)
            },
            read: ADMINISTRATION,
            shows: |text, _| text.contains("password reset"),
        },
        // The server functions behind the pages' forms.
        Write {
            what: "add a user",
            allowed: SECRETARIAT,
            request: |i| {
                let fields = [
                    ("email", format!("added.{i}@quorum.example")),
                    ("name", format!("Added in try {i}")),
                    ("role", "focal_point".into()),
                    ("scope", "AT".into()),
                    ("password", "a-long-enough-password".into()),
                ];
                form("admin/add-user", &fields)
            },
            read: ADMINISTRATION,
            shows: |text, i| text.contains(&format!("added.{i}@quorum.example")),
        },
        Write {
            what: "add a closure",
            allowed: SECRETARIAT,
            request: |i| {
                let day = format!("2031-02-0{}", i + 1);
                let fields = [
                    ("venue", "vienna-vic".into()),
                    ("start", day.clone()),
                    ("end", day),
                    ("reason", format!("Closed in try {i}")),
                ];
                form("admin/add-closure", &fields)
            },
            read: ADMINISTRATION,
            shows: |text, i| text.contains(&format!("Closed in try {i}")),
        },
        Write {
            what: "save a body",
            allowed: SECRETARIAT,
            request: |i| {
                let fields = [
                    ("code", format!("WG-T{i}")),
                    ("name", format!("the Working Group of try {i}")),
                    ("short_name", format!("Body of try {i}")),
                    ("parent", "COSP".into()),
                    ("open_to_all_states", "on".into()),
                ];
                form("admin/save-body", &fields)
            },
            read: Read {
                by: Role::Anonymous,
                source: Source::Get("/bodies/WG-T{i}"),
            },
            shows: |text, i| text.contains(&format!("Working Group of try {i}")),
        },
        Write {
            what: "save a venue",
            allowed: SECRETARIAT,
            request: |i| {
                let fields = [
                    ("id", format!("geneva-{i}")),
                    ("name", format!("Palais of try {i}")),
                    ("city", "Geneva".into()),
                    ("country", "CH".into()),
                    ("time_zone", "Europe/Zurich".into()),
                    ("interpretation_teams", "2".into()),
                ];
                form("admin/save-venue", &fields)
            },
            read: ADMINISTRATION,
            shows: |text, i| text.contains(&format!("Palais of try {i}")),
        },
        Write {
            what: "save a room",
            allowed: SECRETARIAT,
            request: |i| {
                let fields = [
                    ("venue", "vienna-vic".into()),
                    ("room", format!("vic-room-{i}")),
                    ("name", format!("Room of try {i}")),
                    ("capacity", "50".into()),
                    ("booths", "2".into()),
                ];
                form("admin/save-room", &fields)
            },
            read: ADMINISTRATION,
            shows: |text, i| text.contains(&format!("Room of try {i}")),
        },
        Write {
            what: "remove a room",
            allowed: SECRETARIAT,
            request: |i| {
                let fields = [
                    ("venue", "vienna-vic".into()),
                    ("room", format!("vic-room-{i}")),
                    ("remove", "true".into()),
                ];
                form("admin/save-room", &fields)
            },
            read: ADMINISTRATION,
            shows: |text, i| !text.contains(&format!("Room of try {i}")),
        },
        Write {
            what: "change a user",
            allowed: SECRETARIAT,
            request: |_| {
                let fields = [
                    ("email", "someone@quorum.example".into()),
                    ("role", "bureau".into()),
                    ("scope", "IRG".into()),
                ];
                form("admin/change-user", &fields)
            },
            read: ADMINISTRATION,
            shows: |text, _| {
                words(text).contains(
                    "someone@quorum.example someone@quorum.example Bureau member Implementation Review Group (IRG)",
                )
            },
        },
        Write {
            what: "remove a user",
            allowed: SECRETARIAT,
            request: |i| {
                let fields = [
                    ("email", format!("added.{i}@quorum.example")),
                    ("remove", "true".into()),
                ];
                form("admin/change-user", &fields)
            },
            read: ADMINISTRATION,
            shows: |text, i| !text.contains(&format!(">added.{i}@quorum.example<")),
        },
    ]
}
