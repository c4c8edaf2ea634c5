//! What the secretariat reads of the audit log and the outbox.

use serde::{Deserialize, Serialize};

/// A line of the audit log, for the page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditRow {
    pub at: String,
    pub actor: String,
    pub action: String,
    pub record: String,
}

/// A waiting message, for the page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxRow {
    pub at: String,
    pub recipient: String,
    pub subject: String,
}

/// Who is signed in, as the header shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignedInAs {
    pub account: crate::domain::account::Account,
    /// "Bureau member, Implementation Review Group".
    pub described: String,
}
