//! Every state-changing request of Quorum, once: for each route and server function that changes
//! something, a valid request, the roles that may make it, and a read that shows the change. The
//! authorization matrix tries every write with every role; the fresh-reads test makes each one
//! and reads its effect at once. The writes stand in one file per area of Quorum: a new write is
//! added to its area's, and both tests then cover it.

mod accounts_and_feeds;
mod administration;
mod conflicts;
mod meetings_and_sessions;
mod nominations;
mod reads;
mod setup;
mod workplan;

pub use reads::{route_matches, NOT_WRITES, SHOWN_BY_NO_KEPT_READ};
pub use setup::{import, prepare};

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

const DEMO: &str = include_str!("../../../app/data/demo.json");

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

fn rest(method: Method, path: &str, body: Value) -> Request {
    Request::Rest(method, path.into(), body)
}

fn form(endpoint: &'static str, fields: &[(&'static str, String)]) -> Request {
    Request::Form(endpoint, fields.to_vec())
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

/// The warning that the preparation raises: a meeting outside the meeting windows.
pub const WARNING: &str = "outside_meeting_windows:irg-15-evening";

const SECRETARIAT: &[Role] = &[Role::Secretariat];
const SECRETARIAT_AND_BUREAU: &[Role] = &[Role::Secretariat, Role::BureauIrg];
const SECRETARIAT_AND_AUSTRIA: &[Role] = &[Role::Secretariat, Role::FocalPointAt];
const SIGNED_IN: &[Role] = &[Role::Secretariat, Role::BureauIrg, Role::FocalPointAt];

// Every read is a GET: a server function is a POST, and the server takes every successful POST
// for a write, so a read through one would itself make the next read fresh.
//
// Accounts, passwords, the outbox and the audit log are on the administration page.
const ADMINISTRATION: Read = Read {
    by: Role::Secretariat,
    source: Source::Get("/admin"),
};

/// Every write after the import, area by area, in an order that lets each one be made: the
/// conflict rules are back to their defaults before any call is opened; a nomination is reviewed
/// before it is decided on, decided on before its call is released, released before its
/// participation is confirmed. Changing one's own password ends one's other sign-ins: last.
pub fn after_import() -> Vec<Write> {
    [
        meetings_and_sessions::writes(),
        conflicts::writes(),
        nominations::writes(),
        workplan::writes(),
        administration::writes(),
        accounts_and_feeds::writes(),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// Every write, the import first.
pub fn every_write() -> Vec<Write> {
    std::iter::once(import()).chain(after_import()).collect()
}
