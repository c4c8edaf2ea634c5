//! Who may call each route and server function, declared in one table and enforced at the door
//! of every request. A route or server function without a rule is refused (500, and an error
//! in the log), and the server will not start with a server function that has none, so a new
//! endpoint cannot be reachable before somebody has decided who may use it.
//!
//! The door only checks the role; which records and fields a caller reads or changes is
//! decided behind it, in the services, by the read policy (`app::domain::policy`) and the
//! domain's role rules — the same for the REST routes and the server functions.

use std::collections::HashSet;
use std::sync::Arc;

use axum::extract::{MatchedPath, Request, State};
use axum::http::{Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use app::error::QuorumError;

use crate::error::ApiError;
use crate::state::AppState;

/// Who may pass the door.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Access {
    /// Anyone: the calendar, feeds and pages. What a signed-in reader sees beyond the public
    /// calendar is filtered behind the door.
    Public,
    /// Signing in: anyone, with the sign-in's own origin check.
    SignIn,
    /// Any signed-in account, with a CSRF proof for changes; the service decides by role and
    /// record (a State's own nominations, a Bureau's own bodies).
    SignedIn,
    /// The secretariat only.
    Secretariat,
}

/// One rule: a method and an axum path (`/api/calls/{id}/release`; server functions at
/// `/api/{endpoint}`, all POST), who may use it, and whether it may change what pages and
/// feeds show.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Rule {
    pub method: &'static str,
    pub path: &'static str,
    pub access: Access,
    /// False for a GET, and for a POST that only reads or computes (a server function reading
    /// its page, a conflict check, signing in or out): its answer is not followed by "a write
    /// happened", so the next read does not fetch the data version again for nothing.
    pub changes: bool,
}

/// A rule whose POSTs, PUTs and so on may change what pages and feeds show.
const fn rule(method: &'static str, path: &'static str, access: Access) -> Rule {
    Rule {
        method,
        path,
        access,
        changes: !matches!(method.as_bytes(), b"GET"),
    }
}

/// A rule for a POST that changes nothing pages and feeds show.
const fn read(method: &'static str, path: &'static str, access: Access) -> Rule {
    Rule {
        changes: false,
        ..rule(method, path, access)
    }
}

/// Put on the answer to a request whose rule [changes](Rule::changes) state, for the layer that
/// announces "a write happened" when the answer is a success.
#[derive(Debug, Clone, Copy)]
pub struct MayHaveChanged;

use Access::{Public, Secretariat, SignIn, SignedIn};

/// Every route and server function of Quorum, and who may use it.
pub const RULES: &[Rule] = &[
    // Plain routes (server/src/routes).
    rule("GET", "/healthz", Public),
    rule("GET", "/api/access", Public),
    rule("GET", "/api/bodies", Public),
    rule("GET", "/api/sessions", Public),
    rule("POST", "/api/sessions", SignedIn),
    rule("GET", "/api/sessions/{id}", Public),
    rule("PUT", "/api/sessions/{id}", SignedIn),
    rule("GET", "/api/meetings", Public),
    rule("POST", "/api/meetings", SignedIn),
    rule("PUT", "/api/meetings/{id}", SignedIn),
    rule("GET", "/api/venues", Public),
    rule("GET", "/api/agenda-items", Public),
    rule("GET", "/api/documents", Public),
    rule("GET", "/api/panels", Public),
    rule("GET", "/api/workplan", Public),
    rule("GET", "/api/contributions", Public),
    rule("GET", "/api/export", Secretariat),
    rule("GET", "/api/export/public", Public),
    rule("POST", "/api/import", Secretariat),
    rule("POST", "/plan", SignedIn),
    read("POST", "/api/login", SignIn),
    read("POST", "/login", SignIn),
    read("POST", "/api/logout", SignedIn),
    read("POST", "/logout", SignedIn),
    rule("GET", "/api/me", SignedIn),
    rule("POST", "/api/feed-tokens", SignedIn),
    rule("GET", "/api/audit", Secretariat),
    rule("GET", "/api/outbox", Secretariat),
    rule("POST", "/api/outbox/reminders", Secretariat),
    rule("POST", "/api/users/password", Secretariat),
    rule("GET", "/api/conflicts", Public),
    read("POST", "/api/conflicts/check", Public),
    rule("POST", "/api/conflicts/accept", SignedIn),
    rule("GET", "/api/conflict-rules", Public),
    rule("PUT", "/api/conflict-rules", Secretariat),
    rule("GET", "/api/free-slots", Public),
    rule("GET", "/feeds/{*path}", Public),
    rule("GET", "/api/calls", Public),
    rule("POST", "/api/calls", SignedIn),
    rule("POST", "/api/calls/{id}/release", SignedIn),
    rule("GET", "/api/calls/{id}/balance", SignedIn),
    rule("PUT", "/api/calls/{id}/targets", SignedIn),
    rule("GET", "/api/panels/{id}/balance", Public),
    rule("GET", "/api/nominations", SignedIn),
    rule("POST", "/api/nominations", SignedIn),
    rule("PUT", "/api/nominations/{id}", SignedIn),
    rule("POST", "/api/nominations/{id}/{action}", SignedIn),
    // Server functions (app/src/api).
    read("POST", "/api/account/me", Public),
    read("POST", "/api/account/who", Public),
    rule("POST", "/api/account/new-private-feed", SignedIn),
    rule("POST", "/api/account/change-password", SignedIn),
    read("POST", "/api/admin/page", Secretariat),
    read("POST", "/api/admin/audit-log", Secretariat),
    read("POST", "/api/admin/outbox", Secretariat),
    rule("POST", "/api/admin/add-user", Secretariat),
    rule("POST", "/api/admin/add-closure", Secretariat),
    rule("POST", "/api/admin/rules", Secretariat),
    rule("POST", "/api/admin/save-body", Secretariat),
    rule("POST", "/api/admin/save-venue", Secretariat),
    rule("POST", "/api/admin/save-room", Secretariat),
    rule("POST", "/api/admin/change-user", Secretariat),
    read("POST", "/api/pages/bodies", Public),
    read("POST", "/api/pages/calendar", Public),
    read("POST", "/api/pages/timeline", Public),
    read("POST", "/api/pages/programme", Public),
    read("POST", "/api/pages/feed-links", Public),
    read("POST", "/api/pages/session", Public),
    read("POST", "/api/pages/meeting", Public),
    read("POST", "/api/pages/public-base", Public),
    read("POST", "/api/pages/sessions", Public),
    read("POST", "/api/pages/body", Public),
    read("POST", "/api/pages/venue", Public),
    read("POST", "/api/conflicts/list", Public),
    read("POST", "/api/conflicts/check-meeting", Public),
    read("POST", "/api/nominations/page", Public),
    read("POST", "/api/nominations/review", Public),
    rule("POST", "/api/nominations/nominate", SignedIn),
    rule("POST", "/api/nominations/step", SignedIn),
    rule("POST", "/api/nominations/release", SignedIn),
    rule("POST", "/api/nominations/open-call", SignedIn),
    read("POST", "/api/plan/choices", Public),
    read("POST", "/api/plan/meeting", Public),
    read("POST", "/api/plan/why-read-only", Public),
    read("POST", "/api/plan/check", Public),
    read("POST", "/api/plan/free-slots", Public),
    rule("POST", "/api/plan/save", SignedIn),
    rule("POST", "/api/plan/accept", SignedIn),
    read("POST", "/api/plan/session", Public),
    rule("POST", "/api/plan/save-session", SignedIn),
    read("POST", "/api/plan/panel", Public),
    rule("POST", "/api/plan/save-panel", SignedIn),
    read("POST", "/api/plan/panel-choices", Public),
    read("POST", "/api/workplan/page", Public),
    rule("POST", "/api/workplan/entry", SignedIn),
    rule("POST", "/api/workplan/decide", SignedIn),
];

/// The rule for a request to a matched path; HEAD is GET's.
pub fn rule_for(method: &Method, path: &str) -> Option<&'static Rule> {
    let method = if method == Method::HEAD {
        "GET"
    } else {
        method.as_str()
    };
    RULES.iter().find(|r| r.path == path && r.method == method)
}

/// The server functions the application registers that no rule covers.
pub fn server_functions_without_a_rule() -> Vec<String> {
    leptos::server_fn::axum::server_fn_paths()
        .filter(|(path, method)| rule_for(method, path).is_none())
        .map(|(path, method)| format!("{method} {path}"))
        .collect()
}

/// What the door knows: the rules, and the page routes (public: each page's data comes through
/// its services, which filter it by the reader).
#[derive(Clone)]
pub struct Door {
    pub pages: Arc<HashSet<String>>,
}

/// Enforces [`RULES`] on every request that matched a route.
pub async fn enforce(
    State((state, door)): State<(AppState, Door)>,
    mut request: Request,
    next: Next,
) -> Response {
    let Some(path) = request
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_owned())
    else {
        // No route matched: static files and "not found".
        return next.run(request).await;
    };
    // The stylesheet and the browser bundle.
    if path.starts_with("/pkg") {
        return next.run(request).await;
    }
    if door.pages.contains(&path) && matches!(*request.method(), Method::GET | Method::HEAD) {
        return next.run(request).await;
    }
    let Some(rule) = rule_for(request.method(), &path) else {
        // A method the route does not serve: axum answers 405 with the methods it does.
        if RULES.iter().any(|r| r.path == path) {
            return next.run(request).await;
        }
        tracing::error!(method = %request.method(), %path, "no access rule: declare one in server/src/access.rs");
        return (
            StatusCode::INTERNAL_SERVER_ERROR,
            "This address has no access rule yet, so Quorum does not serve it.",
        )
            .into_response();
    };
    let required = match rule.access {
        Public | SignIn => return pass(rule, request, next).await,
        SignedIn => false,
        Secretariat => true,
    };
    let site = state.site.clone();
    match app::ssr::sign_in::authenticate(&state.db, request.method(), request.headers(), &site)
        .await
    {
        Ok(account) if required && !account.is_secretariat() => ApiError(QuorumError::Forbidden(
            "only the secretariat may do this".into(),
        ))
        .into_response(),
        Ok(account) => {
            // The handler's own check of the sign-in reuses this one: one sign-in read.
            request.extensions_mut().insert(account);
            pass(rule, request, next).await
        }
        Err(err) => ApiError(err).into_response(),
    }
}

/// Lets a request through its rule's door, and marks its answer if the rule changes state.
async fn pass(rule: &Rule, request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    if rule.changes {
        response.extensions_mut().insert(MayHaveChanged);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_is_declared_once() {
        let mut seen = HashSet::new();
        for rule in RULES {
            assert!(
                seen.insert((rule.method, rule.path)),
                "{} {} twice",
                rule.method,
                rule.path
            );
        }
    }
}
