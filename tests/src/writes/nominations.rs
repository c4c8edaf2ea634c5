//! The writes of calls for nominations and of nominations, at each step: through the REST routes,
//! and through the nominations page and the review board.

use reqwest::Method;
use serde_json::{json, Value};

use super::{
    form, rest, words, Read, Role, Source, Write, SECRETARIAT_AND_AUSTRIA, SECRETARIAT_AND_BUREAU,
    SIGNED_IN,
};

const AUSTRIAS_NOMINATIONS: Read = Read {
    by: Role::FocalPointAt,
    source: Source::Get("/nominations"),
};
const REVIEW_BOARD: Read = Read {
    by: Role::Secretariat,
    source: Source::Get("/review"),
};
/// The panels of the calls opened through the review board, by try: the call's key is made
/// from its panel.
const BOARD_CALL_PANELS: [&str; 4] = [
    "intersessional-2022-1",
    "business-integrity-2",
    "money-laundering-1",
    "money-laundering-2",
];
/// The words of the element of a page that carries `data-id="{id}"` (a nomination in a list or
/// on the review board); empty when the page has none.
fn item(html: &str, id: &str) -> String {
    let Some(at) = html.find(&format!("data-id=\"{id}\"")) else {
        return String::new();
    };
    let open = html[..at].rfind('<').unwrap();
    let tag: String = html[open + 1..]
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect();
    let end = html[at..]
        .find(&format!("</{tag}>"))
        .map_or(html.len(), |end| at + end);
    words(&html[open..end])
}

fn parsed(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or(Value::Null)
}

pub(super) fn writes() -> Vec<Write> {
    vec![
        Write {
            what: "edit Austria's nomination",
            allowed: SECRETARIAT_AND_AUSTRIA,
            request: |i| {
                let path = format!("/api/nominations/at-edit-{i}");
                rest(
                    Method::PUT,
                    &path,
                    json!({ "justification": format!("Edited in try {i}") }),
                )
            },
            read: AUSTRIAS_NOMINATIONS,
            shows: |text, i| {
                item(text, &format!("at-edit-{i}")).contains(&format!("Edited in try {i}"))
            },
        },
        Write {
            what: "submit Austria's nomination",
            allowed: SECRETARIAT_AND_AUSTRIA,
            request: |i| {
                let path = format!("/api/nominations/at-submit-{i}/submit");
                rest(Method::POST, &path, json!({}))
            },
            read: AUSTRIAS_NOMINATIONS,
            shows: |text, i| item(text, &format!("at-submit-{i}")).contains("— submitted"),
        },
        Write {
            what: "put a nomination under review",
            allowed: SECRETARIAT_AND_BUREAU,
            request: |i| {
                let path = format!("/api/nominations/at-review-{i}/review");
                rest(Method::POST, &path, json!({}))
            },
            read: REVIEW_BOARD,
            shows: |text, i| item(text, &format!("at-review-{i}")).contains("under review"),
        },
        Write {
            what: "decide on a nomination",
            allowed: SECRETARIAT_AND_BUREAU,
            request: |i| {
                let path = format!("/api/nominations/at-review-{i}/decide");
                rest(Method::POST, &path, json!({ "decision": "accepted" }))
            },
            read: REVIEW_BOARD,
            shows: |text, i| item(text, &format!("at-review-{i}")).contains("accepted"),
        },
        Write {
            what: "release the second call's decisions",
            allowed: SECRETARIAT_AND_BUREAU,
            request: |_| rest(Method::POST, "/api/calls/matrix-call-2/release", json!({})),
            read: AUSTRIAS_NOMINATIONS,
            shows: |text, i| item(text, &format!("at-review-{i}")).contains("— accepted"),
        },
        Write {
            what: "confirm a participation",
            allowed: SIGNED_IN,
            request: |i| {
                let path = format!("/api/nominations/at-review-{i}/confirm");
                rest(Method::POST, &path, json!({}))
            },
            read: AUSTRIAS_NOMINATIONS,
            shows: |text, i| item(text, &format!("at-review-{i}")).contains("— confirmed"),
        },
        Write {
            what: "withdraw Austria's nomination",
            allowed: SECRETARIAT_AND_AUSTRIA,
            request: |i| {
                let path = format!("/api/nominations/at-submit-{i}/withdraw");
                rest(Method::POST, &path, json!({}))
            },
            read: AUSTRIAS_NOMINATIONS,
            shows: |text, i| item(text, &format!("at-submit-{i}")).contains("— withdrawn"),
        },
        Write {
            what: "open a call for an IRG panel",
            allowed: SECRETARIAT_AND_BUREAU,
            request: |i| {
                let call = json!({ "id": format!("call-{i}"), "note_verbale_date": "2026-11-01", "deadline": "2099-01-31", "panel": "business-integrity-1" });
                rest(Method::POST, "/api/calls", call)
            },
            read: AUSTRIAS_NOMINATIONS,
            shows: |text, i| text.contains(&format!("data-id=\"call-{i}\"")),
        },
        Write {
            what: "draft a nomination",
            allowed: &[Role::FocalPointAt],
            request: |i| {
                let draft = json!({ "id": format!("at-nomination-{i}"), "call": "matrix-call", "nominee_name": "N. N.", "nominee_gender": "undisclosed", "justification": "Expert" });
                rest(Method::POST, "/api/nominations", draft)
            },
            read: AUSTRIAS_NOMINATIONS,
            shows: |text, i| item(text, &format!("at-nomination-{i}")).contains("— draft"),
        },
        Write {
            what: "set a call's balance targets",
            allowed: SECRETARIAT_AND_BUREAU,
            request: |_| {
                let targets = json!({ "min_female_share": 0.5 });
                rest(Method::PUT, "/api/calls/matrix-call/targets", targets)
            },
            // The targets are in no cached read: the balance reads them with the selection.
            read: Read {
                by: Role::Secretariat,
                source: Source::Get("/api/calls/matrix-call/balance"),
            },
            shows: |text, _| parsed(text)["targets"]["min_female_share"] == 0.5,
        },
        Write {
            what: "release a call's decisions",
            allowed: SECRETARIAT_AND_BUREAU,
            request: |_| rest(Method::POST, "/api/calls/matrix-call/release", json!({})),
            read: AUSTRIAS_NOMINATIONS,
            shows: |text, _| item(text, "at-decided").contains("— accepted"),
        },
        // The server functions behind the pages' forms.
        Write {
            what: "nominate through the form",
            allowed: &[Role::FocalPointAt],
            request: |i| {
                let fields = [
                    ("call", "matrix-call".into()),
                    ("nominee_name", format!("Nominee of try {i}")),
                    ("nominee_title", String::new()),
                    ("nominee_gender", "female".into()),
                    ("nominee_email", String::new()),
                    ("justification", "Expert".into()),
                    ("biography", String::new()),
                ];
                form("nominations/nominate", &fields)
            },
            read: AUSTRIAS_NOMINATIONS,
            shows: |text, i| text.contains(&format!("Nominee of try {i}")),
        },
        Write {
            what: "edit a nomination through the form",
            allowed: SECRETARIAT_AND_AUSTRIA,
            request: |i| {
                let fields = [
                    ("id", format!("at-fn-edit-{i}")),
                    ("step", "edit".into()),
                    ("justification", "Edited through the form".into()),
                ];
                form("nominations/step", &fields)
            },
            read: AUSTRIAS_NOMINATIONS,
            shows: |text, i| {
                item(text, &format!("at-fn-edit-{i}")).contains("Edited through the form")
            },
        },
        Write {
            what: "withdraw a nomination through the form",
            allowed: SECRETARIAT_AND_AUSTRIA,
            request: |i| {
                let fields = [
                    ("id", format!("at-fn-edit-{i}")),
                    ("step", "withdraw".into()),
                ];
                form("nominations/step", &fields)
            },
            read: AUSTRIAS_NOMINATIONS,
            shows: |text, i| item(text, &format!("at-fn-edit-{i}")).contains("— withdrawn"),
        },
        Write {
            what: "accept a nomination through the board",
            allowed: SECRETARIAT_AND_BUREAU,
            request: |i| {
                let fields = [
                    ("id", format!("at-fn-decide-{i}")),
                    ("step", "accept".into()),
                ];
                form("nominations/step", &fields)
            },
            read: REVIEW_BOARD,
            shows: |text, i| item(text, &format!("at-fn-decide-{i}")).contains("accepted"),
        },
        Write {
            what: "release decisions through the board",
            allowed: SECRETARIAT_AND_BUREAU,
            request: |_| form("nominations/release", &[("call", "matrix-call-3".into())]),
            read: AUSTRIAS_NOMINATIONS,
            shows: |text, _| item(text, "at-fn-decided").contains("— accepted"),
        },
        Write {
            what: "open a call through the board",
            allowed: SECRETARIAT_AND_BUREAU,
            request: |i| {
                let panel = BOARD_CALL_PANELS[i];
                let fields = [
                    ("panel", panel.into()),
                    ("deadline", "2099-06-30".into()),
                    ("quota", (10 + i).to_string()),
                ];
                form("nominations/open-call", &fields)
            },
            read: AUSTRIAS_NOMINATIONS,
            shows: |text, i| {
                let id = format!("call-{}", BOARD_CALL_PANELS[i]);
                text.contains(&format!("data-id=\"{id}\""))
            },
        },
    ]
}
