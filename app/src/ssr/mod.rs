//! Server-only code: the database entities, and the services that load, apply domain rules and
//! persist in one transaction. Services take the connection explicitly: no global pool.

/// Accounts, login sessions, throttling and the audit log.
pub mod accounts;
/// The secretariat's administration page and forms.
pub mod admin;
/// Backup and restore of the whole database as one JSON file.
pub mod backup;
/// Bodies: queries.
pub mod bodies;
/// Reading the calendar with filters by body and date range.
pub mod calendar;
/// Conflicts across all bodies: scans, checks, free slots and accepted warnings.
pub mod conflicts;
/// Rows to domain types and back.
pub mod convert;
/// Whole-dataset import and export, and the demo dataset.
pub mod dataset;
/// sea-orm entities; their `Model`s never cross the wire.
pub mod entities;
/// Feeds over the stored calendar, and private feed tokens.
pub mod feeds;
/// Creating and changing meetings.
pub mod meetings;
/// The nominations page and the review board.
pub mod nomination_pages;
/// The nomination workflow over the stored calendar.
pub mod nominations;
/// Outgoing messages, kept for the secretariat.
pub mod outbox;
/// Data for the session and meeting pages.
pub mod pages;
/// Creating and changing panel discussions.
pub mod panels;
/// The planner's meeting form: conversion, live check, free slots, guarded save.
pub mod planning;
/// Writing one record after validating the dataset with the change, audited.
pub mod records;
/// The data version that rises with every write.
pub mod version;
/// Calendar, timeline and daily programme layouts.
pub mod views;
/// The workplan's page and editor.
pub mod workplan;

/// The public base URL given to the server, in the Leptos context of every render and server
/// function; `None` means the request's own host.
#[derive(Debug, Clone, Default)]
pub struct PublicBaseUrl(pub Option<String>);

/// What the server does after a write made by a server function: its feed cache forgets the
/// data version it read.
#[derive(Clone)]
pub struct AfterWrite(pub std::sync::Arc<dyn Fn() + Send + Sync>);

/// `bytes` random bytes as hex, from the operating system.
pub fn random_hex(bytes: usize) -> Result<String, crate::error::QuorumError> {
    let mut buffer = vec![0u8; bytes];
    getrandom::fill(&mut buffer)
        .map_err(|e| crate::error::QuorumError::Database(format!("no randomness: {e}")))?;
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
