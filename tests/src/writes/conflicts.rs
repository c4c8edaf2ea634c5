//! The writes of conflicts: accepting a warning, and the rules that set each conflict's severity.

use reqwest::Method;
use serde_json::json;

use super::{form, rest, Read, Role, Source, Write, SECRETARIAT, SECRETARIAT_AND_BUREAU, WARNING};

/// A call whose deadline is after its panel meets: a warning, unless the rules make it blocking.
const LATE_CALL: &str = "deadline_after_panel:matrix-call";

/// How the conflicts page marks a conflict of this severity.
fn conflict_of_class(id: &str, severity: &str) -> String {
    format!("data-id=\"{id}\" class=\"conflict {severity}\"")
}

const CONFLICTS_PAGE: Read = Read {
    by: Role::Anonymous,
    source: Source::Get("/conflicts"),
};

pub(super) fn writes() -> Vec<Write> {
    vec![
        Write {
            what: "accept an IRG warning",
            allowed: SECRETARIAT_AND_BUREAU,
            request: |_| {
                let body = json!({ "conflict": WARNING, "reason": "agreed at the door" });
                rest(Method::POST, "/api/conflicts/accept", body)
            },
            read: CONFLICTS_PAGE,
            shows: |text, _| text.contains("agreed at the door"),
        },
        Write {
            what: "set conflict rules",
            allowed: SECRETARIAT,
            request: |_| {
                let rules = json!({ "severities": { "deadline_after_panel": "blocking" } });
                rest(Method::PUT, "/api/conflict-rules", rules)
            },
            read: CONFLICTS_PAGE,
            shows: |text, _| text.contains(&conflict_of_class(LATE_CALL, "blocking")),
        },
        Write {
            what: "save the conflict rules",
            allowed: SECRETARIAT,
            // The rules back to their defaults, at once: the late call that the REST rules made
            // blocking is a warning again (a blocking one would refuse the calls opened below).
            request: |_| form("admin/rules", &[("rules", "{}".into())]),
            read: CONFLICTS_PAGE,
            shows: |text, _| text.contains(&conflict_of_class(LATE_CALL, "warning")),
        },
        Write {
            what: "accept a warning in the planner",
            allowed: SECRETARIAT_AND_BUREAU,
            request: |_| {
                let fields = [
                    ("id", WARNING.into()),
                    ("reason", "agreed in the planner".into()),
                ];
                form("plan/accept", &fields)
            },
            read: CONFLICTS_PAGE,
            shows: |text, _| text.contains("agreed in the planner"),
        },
    ]
}
