//! What is not a write the freshness test proves: writes no kept read shows, and the requests
//! that change nothing a page or a feed shows.

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
    (
        "POST",
        "/api/account/who",
        "reads who is signed in, for the header",
    ),
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
    (
        "POST",
        "/api/plan/why-read-only",
        "says why a meeting opens read-only",
    ),
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
