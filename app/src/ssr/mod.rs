//! Server-only code: the database entities, and the services that load, apply domain rules and
//! persist in one transaction. Services take the connection explicitly: no global pool.

/// Accounts: creating them, reading them.
pub mod accounts;
/// The secretariat's administration page, and what its forms answer.
pub mod admin;
/// The administration's forms for accounts: adding, changing, removing.
pub mod admin_accounts;
/// The administration's forms for bodies and the conflict rules.
pub mod admin_bodies;
/// The administration's forms for venues, their rooms and closures.
pub mod admin_places;
/// The audit log: who changed what.
pub mod audit;
/// Backup and restore of the whole database as one JSON file.
pub mod backup;
/// Bodies: queries.
pub mod bodies;
/// The calendar page's layout.
pub mod calendar_page;
/// The conflict rules in force.
pub mod conflict_rules;
/// Conflicts across all bodies: scans, checks, free slots and accepted warnings.
pub mod conflicts;
/// The data version that rises with every write.
pub mod data_version;
/// Whole-dataset import and export, and the demo dataset.
pub mod dataset;
/// The demo calendar and accounts, for an empty database.
pub mod demo;
/// Data for the session and meeting pages.
pub mod detail_pages;
/// sea-orm entities; their `Model`s never cross the wire.
pub mod entities;
/// Feeds over the stored calendar, and private feed tokens.
pub mod feeds;
/// What every form answers: done, or problems by field.
pub mod forms;
/// The meeting form: typed values to a meeting and back.
pub mod meeting_form;
/// Creating and changing meetings.
pub mod meetings;
/// The balance of a call's selection against the Bureau's targets.
pub mod nomination_balance;
/// Calls for nominations: opening one, releasing its decisions.
pub mod nomination_calls;
/// The forms of the nominations page and the review board.
pub mod nomination_forms;
/// The nominations page, and the lines it shares with the review board.
pub mod nomination_pages;
/// A nomination's steps, from the focal point's draft to the Bureau's decision.
pub mod nomination_steps;
/// The nomination workflow: its steps, what each reader sees, the one write.
pub mod nominations;
/// Outgoing messages, kept for the secretariat.
pub mod outbox;
/// What those three pages share.
pub mod page_parts;
/// Creating and changing panel discussions.
pub mod panels;
/// The password rule, hashes, resets and changes.
pub mod passwords;
/// The planner: its choices, the live check, free slots, the guarded save.
pub mod planner;
/// The daily programme's layout.
pub mod programme_page;
/// Queries of the records assembled from several tables, by body and date range.
pub mod queries;
/// The review board of the Bureau and the secretariat.
pub mod review_board;
/// Rows to domain types and back, one file per aggregate.
pub mod rows;
#[cfg(test)]
mod schedule_page_tests;
/// The session form: typed values to a session, saved.
pub mod session_form;
/// Queries of sessions, their agenda and documents.
pub mod session_queries;
/// The sessions page: every session with its venue and dates, filtered.
pub mod sessions_page;
/// Sign-ins, their cookie and the CSRF proof.
pub mod sign_in;
/// The throttle on password checks.
pub mod throttle;
/// The multi-year timeline's layout.
pub mod timeline_page;
/// Writing one record after validating the dataset with the change, audited.
pub mod validated_write;
/// The workplan's page and editor.
pub mod workplan;
/// Queries of the workplan view and the contributions.
pub mod workplan_queries;

/// Quorum's public base URL (`https://quorum.example`, no trailing slash), in the Leptos
/// context of every render and server function. It comes from configuration — `--base-url`, or
/// the address the server listens on — never from a request: feeds and pages are cached and
/// shared, so a forged `Host` header must not put its links in front of every subscriber.
#[derive(Debug, Clone)]
pub struct PublicBaseUrl(pub String);

impl PublicBaseUrl {
    /// The origins a browser's state-changing request may come from: the base URL's, and for a
    /// loopback address also the same port under `localhost`, as a person trying Quorum on their
    /// own machine may type either.
    pub fn allowed_origins(&self) -> Vec<String> {
        let Ok(url) = url::Url::parse(&self.0) else {
            return vec![];
        };
        let mut origins = vec![url.origin().ascii_serialization()];
        let loopback = matches!(url.host(), Some(url::Host::Ipv4(ip)) if ip.is_loopback())
            || matches!(url.host(), Some(url::Host::Ipv6(ip)) if ip.is_loopback());
        if loopback {
            let port = url.port().map(|p| format!(":{p}")).unwrap_or_default();
            origins.push(format!("{}://localhost{port}", url.scheme()));
        }
        origins
    }

    /// Whether a request's `Origin` header names one of [`Self::allowed_origins`], scheme and
    /// port included. A missing, `null` or foreign origin is not.
    pub fn allows_origin(&self, origin: Option<&str>) -> bool {
        origin.is_some_and(|origin| self.allowed_origins().iter().any(|o| o == origin))
    }
}

/// `bytes` random bytes as hex, from the operating system.
pub fn random_hex(bytes: usize) -> Result<String, crate::error::QuorumError> {
    let mut buffer = vec![0u8; bytes];
    getrandom::fill(&mut buffer)
        .map_err(|e| crate::error::QuorumError::internal(format!("no randomness: {e}")))?;
    Ok(buffer.iter().map(|b| format!("{b:02x}")).collect())
}

/// The SHA-256 of a secret, as hex: what the database keeps instead of the secret.
pub fn sha256_hex(secret: &str) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(secret.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The policy of every page: scripts only from this site or carrying the page's nonce (the
/// hydration script), WebAssembly compiled, inline style attributes (the timeline's positions),
/// no framing, no plugins, forms posting only here.
pub fn page_policy(nonce: Option<&str>) -> String {
    let nonce = nonce.map(|n| format!(" 'nonce-{n}'")).unwrap_or_default();
    format!(
        "default-src 'self'; script-src 'self'{nonce} 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; \
         img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; \
         object-src 'none'; form-action 'self'"
    )
}
