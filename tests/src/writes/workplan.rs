//! The writes of the workplan: an entry, its silence procedure and its approval.

use super::{form, words, Read, Role, Source, Write, SECRETARIAT, SECRETARIAT_AND_BUREAU};

pub(super) fn writes() -> Vec<Write> {
    vec![
        Write {
            what: "save a workplan entry",
            allowed: SECRETARIAT_AND_BUREAU,
            request: |i| {
                let fields = [
                    ("id", format!("wp-try-{i}")),
                    ("bodies", "IRG".into()),
                    ("year", "2026".into()),
                    ("paragraphs", "1".into()),
                    ("topics", format!("Topics of try {i}")),
                    ("create", "true".into()),
                ];
                form("workplan/entry", &fields)
            },
            read: Read {
                by: Role::Anonymous,
                source: Source::Get("/workplan"),
            },
            shows: |text, i| text.contains(&format!("Topics of try {i}")),
        },
        Write {
            what: "start the workplan's silence procedure",
            allowed: SECRETARIAT,
            request: |_| {
                let fields = [
                    ("action", "start_silence".into()),
                    ("date", "2099-01-31".into()),
                ];
                form("workplan/decide", &fields)
            },
            read: Read {
                by: Role::Anonymous,
                source: Source::Get("/workplan"),
            },
            shows: |text, _| words(text).contains("Under silence procedure until 31 January 2099"),
        },
        Write {
            what: "approve the workplan",
            allowed: SECRETARIAT,
            request: |_| {
                let fields = [("action", "approve".into()), ("date", "2099-01-31".into())];
                form("workplan/decide", &fields)
            },
            read: Read {
                by: Role::Anonymous,
                source: Source::Get("/workplan"),
            },
            shows: |text, _| words(text).contains("Approved on 31 January 2099"),
        },
    ]
}
