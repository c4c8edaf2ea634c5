//! Every state-changing request of Quorum, once: for each route and server function that changes
//! something, a valid request, the roles that may make it, and a read that shows the change. The
//! authorization matrix tries every write with every role; the fresh-reads test makes each one
//! and reads its effect at once. A new write is added here, and both tests then cover it.

use reqwest::{Client, Method};
use serde_json::{json, Value};

use crate::{http, status_and_json, TestServer};

/// Who makes a request: the roles of the authorization matrix, in its order. A role's place in
/// [`ROLES`] is its try number: the keys its requests create differ from the other roles'.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Anonymous,
    Secretariat,
    /// A member of the Implementation Review Group's Bureau.
    BureauIrg,
    /// The focal point of Austria.
    FocalPointAt,
}

pub const ROLES: [Role; 4] = [
    Role::Anonymous,
    Role::Secretariat,
    Role::BureauIrg,
    Role::FocalPointAt,
];

impl Role {
    pub fn label(self) -> &'static str {
        match self {
            Role::Anonymous => "anonymous",
            Role::Secretariat => "secretariat",
            Role::BureauIrg => "bureau IRG",
            Role::FocalPointAt => "focal point AT",
        }
    }

    /// The role's try number (its place in [`ROLES`]).
    pub fn index(self) -> usize {
        ROLES.iter().position(|r| *r == self).unwrap()
    }

    /// The address of the role's account.
    pub fn email(self) -> &'static str {
        match self {
            Role::Anonymous => "",
            Role::Secretariat => "test.secretariat@quorum.example",
            Role::BureauIrg => "bureau.test@quorum.example",
            Role::FocalPointAt => "focal.test@quorum.example",
        }
    }
}

/// A client per role, signed in to one server.
pub struct Cast {
    pub anonymous: Client,
    pub secretariat: Client,
    pub bureau: Client,
    pub focal: Client,
}

impl Cast {
    /// Signs in every role (the accounts are made on first use); the dataset must hold the
    /// Implementation Review Group and Austria.
    pub async fn sign_in(server: &TestServer) -> Cast {
        Cast {
            anonymous: http(),
            secretariat: server.secretariat().await,
            bureau: server.bureau_member(Role::BureauIrg.email(), "IRG").await,
            focal: server.focal_point(Role::FocalPointAt.email(), "AT").await,
        }
    }

    pub fn client(&self, role: Role) -> &Client {
        match role {
            Role::Anonymous => &self.anonymous,
            Role::Secretariat => &self.secretariat,
            Role::BureauIrg => &self.bureau,
            Role::FocalPointAt => &self.focal,
        }
    }
}

/// A request: to a REST route with a JSON body, or to a server function with form fields (as a
/// page's form posts them) or with JSON (the planner's meeting form).
pub enum Request {
    Rest(Method, String, Value),
    /// A form posted to a plain route, as a browser without JavaScript sends it: the answer is
    /// a redirect, to the saved record (`saved=1`) or back to the form as typed.
    Page(&'static str, Vec<(&'static str, String)>),
    Form(&'static str, Vec<(&'static str, String)>),
    Json(&'static str, Value),
}

impl Request {
    /// The method and path the server routes it by.
    pub fn route(&self) -> (String, String) {
        match self {
            Request::Rest(method, path, _) => (method.to_string(), path.clone()),
            Request::Page(path, _) => ("POST".into(), (*path).into()),
            Request::Form(endpoint, _) | Request::Json(endpoint, _) => {
                ("POST".into(), format!("/api/{endpoint}"))
            }
        }
    }

    /// Sends it; answers the status and the JSON (or the text) of the answer.
    pub async fn send(&self, client: &Client, server: &TestServer) -> (u16, Value) {
        let (method, path) = self.route();
        let request = client.request(method.parse().unwrap(), server.url(&path));
        let request = match self {
            Request::Rest(_, _, body) | Request::Json(_, body) => request.json(body),
            Request::Form(_, fields) => request.header("accept", "application/json").form(fields),
            Request::Page(_, fields) => request.form(fields),
        };
        let response = request.send().await.unwrap();
        if let Request::Page(..) = self {
            // Signed-in clients follow redirects; anonymous ones stop at the first answer.
            let next = response
                .headers()
                .get(reqwest::header::LOCATION)
                .and_then(|l| l.to_str().ok())
                .map(str::to_owned)
                .unwrap_or_else(|| response.url().to_string());
            let status = response.status().as_u16();
            return match (status, next.contains("saved=1")) {
                (200 | 303, true) => (200, json!({ "saved": next })),
                (200 | 303, false) => (
                    422,
                    json!({ "errors": [format!("refused: back to {next}")] }),
                ),
                _ => (
                    status,
                    json!({ "answer": response.text().await.unwrap_or_default() }),
                ),
            };
        }
        status_and_json(response).await
    }
}

/// Whether an answer says the change was made: a success status, and no errors by field (forms
/// answer 200 with the errors beside their fields).
pub fn succeeded(status: u16, answer: &Value) -> bool {
    (200..300).contains(&status)
        && answer["errors"]
            .as_array()
            .is_none_or(|errors| errors.is_empty())
}

/// Where a read goes (always a GET). Paths may hold `{i}`, the try number of the write.
pub enum Source {
    /// A page, a feed or a JSON route, as its text.
    Get(&'static str),
    /// The private feed of a State party: its address is issued afresh (by the secretariat)
    /// just before the first read, so that the read can show the address stop working.
    PrivateFeedOf(&'static str),
}

/// A read that shows a write's change: what it reads, and as whom.
pub struct Read {
    pub by: Role,
    pub source: Source,
}

impl Read {
    /// The path read for try `i`. A private feed's address is issued here, as the secretariat.
    pub async fn path_for_try(&self, cast: &Cast, server: &TestServer, i: usize) -> String {
        match &self.source {
            Source::Get(path) => path.replace("{i}", &i.to_string()),
            Source::PrivateFeedOf(state) => {
                let issue = Request::Rest(
                    Method::POST,
                    "/api/feed-tokens".into(),
                    json!({ "state": state }),
                );
                let (status, links) = issue.send(&cast.secretariat, server).await;
                assert!(
                    succeeded(status, &links),
                    "a private feed address for {state}: {status} {links}"
                );
                private_feed_path(&links)
            }
        }
    }
}

/// What a GET answers, as text (a page, a feed, or JSON).
pub async fn text_of(client: &Client, server: &TestServer, path: &str) -> String {
    let response = client.get(server.url(path)).send().await.unwrap();
    response.text().await.unwrap()
}

/// The path of the private feed address in an answer with feed links.
pub fn private_feed_path(links: &Value) -> String {
    let text = links.to_string();
    let start = text
        .find("/feeds/private/")
        .unwrap_or_else(|| panic!("no private feed address in {links}"));
    text[start..].split(".ics").next().unwrap().to_owned() + ".ics"
}

/// One write: a valid request for each try, who may make it, and a read that shows it.
pub struct Write {
    pub what: &'static str,
    pub allowed: &'static [Role],
    /// The request of try `i` (the try number of the role making it).
    pub request: fn(usize) -> Request,
    pub read: Read,
    /// Whether the text the read answered shows the change made by try `i`.
    pub shows: fn(&str, usize) -> bool,
}

impl Write {
    /// The role the fresh-reads test makes the write as: the first one allowed.
    pub fn made_by(&self) -> Role {
        *ROLES.iter().find(|r| self.allowed.contains(r)).unwrap()
    }
}

/// Writes whose change no kept read shows: accounts, passwords, the outbox, the audit log and a
/// call's balance targets are read from the database by every request, not from the snapshot
/// kept per data version. Another instance sees these changes at once; every other write's read
/// is one that another instance keeps serving until its staleness bound.
pub const SHOWN_BY_NO_KEPT_READ: &[&str] = &[
    "set a call's balance targets",
    "queue deadline reminders",
    "reset a password",
    "add a user",
    "change a user",
    "remove a user",
    "change one's own password",
];

/// Requests that change nothing a page or a feed shows: every route and server function that is
/// not a GET must be either a [`Write`] or listed here, with the reason.
pub const NOT_WRITES: &[(&str, &str, &str)] = &[
    // Signing in and out starts and ends a sign-in; no page or feed shows sign-ins.
    ("POST", "/api/login", "signs in"),
    ("POST", "/login", "signs in (the page's form)"),
    ("POST", "/api/logout", "signs out"),
    ("POST", "/logout", "signs out (the page's form)"),
    // Checking a proposed meeting computes its conflicts and stores nothing.
    (
        "POST",
        "/api/conflicts/check",
        "computes a proposal's conflicts",
    ),
    (
        "POST",
        "/api/conflicts/check-meeting",
        "computes a proposal's conflicts",
    ),
    (
        "POST",
        "/api/plan/check",
        "checks the planner's form without saving",
    ),
    ("POST", "/api/plan/free-slots", "computes free slots"),
    // Server functions are POSTs, but these only read what their page shows.
    ("POST", "/api/account/me", "reads who is signed in"),
    ("POST", "/api/admin/page", "reads the administration page"),
    ("POST", "/api/admin/audit-log", "reads the audit log"),
    ("POST", "/api/admin/outbox", "reads the outbox"),
    ("POST", "/api/pages/bodies", "reads the bodies page"),
    ("POST", "/api/pages/calendar", "reads the calendar"),
    ("POST", "/api/pages/timeline", "reads the timeline"),
    ("POST", "/api/pages/programme", "reads the daily programme"),
    ("POST", "/api/pages/feed-links", "computes feed addresses"),
    ("POST", "/api/pages/session", "reads a session page"),
    ("POST", "/api/pages/meeting", "reads a meeting page"),
    ("POST", "/api/pages/public-base", "reads the public address"),
    ("POST", "/api/pages/sessions", "reads the sessions page"),
    ("POST", "/api/pages/body", "reads a body's page"),
    ("POST", "/api/pages/venue", "reads a venue's page"),
    ("POST", "/api/conflicts/list", "reads the conflicts"),
    (
        "POST",
        "/api/nominations/page",
        "reads the nominations page",
    ),
    ("POST", "/api/nominations/review", "reads the review board"),
    ("POST", "/api/plan/choices", "reads the planner's choices"),
    ("POST", "/api/plan/meeting", "reads a meeting's form"),
    ("POST", "/api/plan/session", "reads a session's form"),
    ("POST", "/api/plan/panel", "reads a panel's form"),
    (
        "POST",
        "/api/plan/panel-choices",
        "reads the panel form's choices",
    ),
    ("POST", "/api/workplan/page", "reads the workplan page"),
];

/// Whether a request's path is served by a rule's axum path (`{id}` matches one segment).
pub fn route_matches(rule: &str, path: &str) -> bool {
    let (rule, path): (Vec<&str>, Vec<&str>) =
        (rule.split('/').collect(), path.split('/').collect());
    rule.len() == path.len()
        && rule
            .iter()
            .zip(&path)
            .all(|(r, p)| r == p || (r.starts_with('{') && r.ends_with('}')))
}

const DEMO: &str = include_str!("../../app/data/demo.json");

/// The dataset the tests of writes import: the demo, with its workplan back in draft so that
/// its approval can be recorded again.
pub fn dataset() -> Value {
    let mut data: Value = serde_json::from_str(DEMO).unwrap();
    let workplan = &mut data["workplan"];
    workplan["status"] = json!("draft");
    let workplan = workplan.as_object_mut().unwrap();
    workplan.remove("silence_deadline");
    workplan.remove("decided_on");
    data
}

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

fn rest(method: Method, path: &str, body: Value) -> Request {
    Request::Rest(method, path.into(), body)
}

fn form(endpoint: &'static str, fields: &[(&'static str, String)]) -> Request {
    Request::Form(endpoint, fields.to_vec())
}

fn parsed(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or(Value::Null)
}

/// A page's text as a reader sees it: no tags, entities decoded, spaces collapsed.
pub fn words(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    unescaped(&text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// HTML with its entities decoded.
fn unescaped(html: &str) -> String {
    html.replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

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

/// A call whose deadline is after its panel meets: a warning, unless the rules make it blocking.
const LATE_CALL: &str = "deadline_after_panel:matrix-call";

/// How the conflicts page marks a conflict of this severity.
fn conflict_of_class(id: &str, severity: &str) -> String {
    format!("data-id=\"{id}\" class=\"conflict {severity}\"")
}

/// The warning that the preparation raises: a meeting outside the meeting windows.
pub const WARNING: &str = "outside_meeting_windows:irg-15-evening";

const SECRETARIAT: &[Role] = &[Role::Secretariat];
const SECRETARIAT_AND_BUREAU: &[Role] = &[Role::Secretariat, Role::BureauIrg];
const SECRETARIAT_AND_AUSTRIA: &[Role] = &[Role::Secretariat, Role::FocalPointAt];
const SIGNED_IN: &[Role] = &[Role::Secretariat, Role::BureauIrg, Role::FocalPointAt];

// Every read is a GET: a server function is a POST, and the server takes every successful POST
// for a write, so a read through one would itself make the next read fresh.
const AUSTRIAS_NOMINATIONS: Read = Read {
    by: Role::FocalPointAt,
    source: Source::Get("/nominations"),
};
const REVIEW_BOARD: Read = Read {
    by: Role::Secretariat,
    source: Source::Get("/review"),
};
const CONFLICTS_PAGE: Read = Read {
    by: Role::Anonymous,
    source: Source::Get("/conflicts"),
};
// Accounts, passwords, the outbox and the audit log are on the administration page.
const ADMINISTRATION: Read = Read {
    by: Role::Secretariat,
    source: Source::Get("/admin"),
};
/// The panels of the calls opened through the review board, by try: the call's key is made
/// from its panel.
const BOARD_CALL_PANELS: [&str; 4] = [
    "intersessional-2022-1",
    "business-integrity-2",
    "money-laundering-1",
    "money-laundering-2",
];
const CALENDAR_FEED: &str = "BEGIN:VCALENDAR";

/// The import, which needs an empty database: the writes after it work on what it imports.
pub fn import() -> Write {
    Write {
        what: "import",
        allowed: SECRETARIAT,
        request: |_| rest(Method::POST, "/api/import", dataset()),
        read: Read {
            by: Role::Anonymous,
            source: Source::Get("/feeds/all.ics"),
        },
        shows: |text, _| text.contains("Opening plenary of the tenth session of the Conference"),
    }
}

/// What the writes after the import need: a warning to accept, calls to nominate to, Austria's
/// nominations at each step, a call that closes within days, and France's focal point.
pub async fn prepare(server: &TestServer, cast: &Cast) {
    let secretariat = &cast.secretariat;
    let evening = json!({
        "id": "irg-15-evening", "title": "Evening briefing", "kind": "informal_consultation",
        "sessions": ["irg-15"], "venue": "vienna-vic",
        "start": "2024-06-11T17:00:00Z", "end": "2024-06-11T18:00:00Z"
    });
    let made = |(status, answer): (u16, Value), what: &str| {
        assert!(succeeded(status, &answer), "{what}: {status} {answer}");
    };
    made(
        rest(Method::POST, "/api/meetings", evening)
            .send(secretariat, server)
            .await,
        "the evening briefing",
    );
    let (_, conflicts) = crate::get_json(server, "/api/conflicts").await;
    assert!(
        conflicts
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["id"] == WARNING),
        "the evening briefing raises {WARNING}: {conflicts}"
    );
    let today = chrono::Utc::now().date_naive();
    let calls = [
        ("matrix-call", "money-laundering-1", "2099-01-31".to_owned()),
        (
            "matrix-call-2",
            "money-laundering-2",
            "2099-01-31".to_owned(),
        ),
        (
            "matrix-call-3",
            "business-integrity-2",
            "2099-01-31".to_owned(),
        ),
        // Within the days of the deadline reminders.
        (
            "closing-call",
            "business-integrity-1",
            (today + chrono::Days::new(3)).to_string(),
        ),
    ];
    for (id, panel, deadline) in calls {
        let call = json!({ "id": id, "note_verbale_date": today.to_string(), "deadline": deadline, "panel": panel });
        made(
            rest(Method::POST, "/api/calls", call)
                .send(secretariat, server)
                .await,
            id,
        );
    }
    server.focal_point("someone@quorum.example", "FR").await;
    // Austria's nominations, one per try and step: drafts to edit or submit, submitted ones
    // to review or decide on.
    let draft = async |id: &str, call: &str| {
        let body = json!({ "id": id, "call": call, "nominee_name": "N. N.", "nominee_gender": "female", "justification": "Expert" });
        made(
            rest(Method::POST, "/api/nominations", body)
                .send(&cast.focal, server)
                .await,
            id,
        );
    };
    let act = async |client: &Client, id: &str, action: &str, body: Value| {
        let path = format!("/api/nominations/{id}/{action}");
        made(
            rest(Method::POST, &path, body).send(client, server).await,
            &path,
        );
    };
    for (step, submitted) in [
        ("at-edit", false),
        ("at-submit", false),
        ("at-review", true),
        ("at-fn-edit", false),
        ("at-fn-decide", true),
    ] {
        for i in 0..ROLES.len() {
            let id = format!("{step}-{i}");
            draft(&id, "matrix-call-2").await;
            if submitted {
                act(&cast.focal, &id, "submit", json!({})).await;
            }
        }
    }
    // Decisions that wait for their call's release.
    for (id, call) in [
        ("at-decided", "matrix-call"),
        ("at-fn-decided", "matrix-call-3"),
    ] {
        draft(id, call).await;
        act(&cast.focal, id, "submit", json!({})).await;
        act(secretariat, id, "decide", json!({ "decision": "accepted" })).await;
    }
}

/// Every write after the import, in an order that lets each one be made: a nomination is
/// reviewed before it is decided on, decided on before its call is released, released before
/// its participation is confirmed. Changing one's own password ends one's other sign-ins: last.
pub fn after_import() -> Vec<Write> {
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
            what: "issue Austria's feed address",
            allowed: SECRETARIAT_AND_AUSTRIA,
            request: |_| rest(Method::POST, "/api/feed-tokens", json!({ "state": "AT" })),
            read: Read {
                by: Role::Anonymous,
                source: Source::PrivateFeedOf("AT"),
            },
            // The previous address stops working.
            shows: |text, _| !text.contains(CALENDAR_FEED),
        },
        Write {
            what: "issue France's feed address",
            allowed: SECRETARIAT,
            request: |_| rest(Method::POST, "/api/feed-tokens", json!({ "state": "FR" })),
            read: Read {
                by: Role::Anonymous,
                source: Source::PrivateFeedOf("FR"),
            },
            shows: |text, _| !text.contains(CALENDAR_FEED),
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
        Write {
            what: "queue deadline reminders",
            allowed: SECRETARIAT,
            request: |_| rest(Method::POST, "/api/outbox/reminders", json!({ "days": 7 })),
            read: ADMINISTRATION,
            shows: |text, _| text.contains("Reminder: nominations for call closing-call"),
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
            what: "a new private feed address for Austria",
            allowed: SECRETARIAT_AND_AUSTRIA,
            request: |_| {
                let fields = [("kind", "state".into()), ("subject", "AT".into())];
                form("account/new-private-feed", &fields)
            },
            read: Read {
                by: Role::Anonymous,
                source: Source::PrivateFeedOf("AT"),
            },
            shows: |text, _| !text.contains(CALENDAR_FEED),
        },
        Write {
            what: "a new private feed address for France",
            allowed: SECRETARIAT,
            request: |_| {
                let fields = [("kind", "state".into()), ("subject", "FR".into())];
                form("account/new-private-feed", &fields)
            },
            read: Read {
                by: Role::Anonymous,
                source: Source::PrivateFeedOf("FR"),
            },
            shows: |text, _| !text.contains(CALENDAR_FEED),
        },
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
                words(text).contains("someone@quorum.example someone@quorum.example bureau IRG")
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
        Write {
            what: "change one's own password",
            allowed: SIGNED_IN,
            request: |i| {
                let new = format!("fresh passphrase number {i}");
                let fields = [
                    ("current", crate::TEST_PASSWORD.into()),
                    ("new", new.clone()),
                    ("confirm", new),
                ];
                form("account/change-password", &fields)
            },
            read: ADMINISTRATION,
            shows: |text, _| text.contains("password changed"),
        },
    ]
}

/// Every write, the import first.
pub fn every_write() -> Vec<Write> {
    std::iter::once(import()).chain(after_import()).collect()
}
