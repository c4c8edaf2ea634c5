//! The one error enum of Quorum.
//!
//! Broken rules and bad input are errors; scheduling conflicts are data, not errors.

use serde::{Deserialize, Serialize};

/// Everything that can go wrong in Quorum, from the domain up to the HTTP layer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum QuorumError {
    /// Input broke a rule; names the record and the field at fault. HTTP 422.
    #[error("{record}: {field}: {message}")]
    Invalid {
        record: String,
        field: String,
        message: String,
    },
    /// Several validation errors found at once, e.g. in an import. HTTP 422.
    #[error("{} errors, first: {}", .0.len(), .0.first().map(|e| e.to_string()).unwrap_or_default())]
    InvalidMany(Vec<QuorumError>),
    /// A record that does not exist. HTTP 404.
    #[error("not found: {0}")]
    NotFound(String),
    /// No valid login. HTTP 401.
    #[error("sign in first")]
    Unauthorized,
    /// Signed in, but this role may not do this. HTTP 403.
    #[error("forbidden: {0}")]
    Forbidden(String),
    /// Too many failed logins; try later. HTTP 429.
    #[error("too many attempts: {0}")]
    TooManyAttempts(String),
    /// The request clashes with the current state, e.g. a key already taken. HTTP 409.
    #[error("conflict: {0}")]
    Conflict(String),
    /// The request itself is malformed (bad JSON, bad query). HTTP 400.
    #[error("bad request: {0}")]
    BadRequest(String),
    /// The database failed or is unreachable; details are logged, not shown. HTTP 500.
    #[error("database error")]
    Database(String),
}

impl QuorumError {
    /// A validation error naming the record and field.
    pub fn invalid(
        record: impl Into<String>,
        field: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        QuorumError::Invalid {
            record: record.into(),
            field: field.into(),
            message: message.into(),
        }
    }

    /// The HTTP status code this error answers with.
    pub fn status_code(&self) -> u16 {
        match self {
            QuorumError::Invalid { .. } | QuorumError::InvalidMany(_) => 422,
            QuorumError::NotFound(_) => 404,
            QuorumError::Unauthorized => 401,
            QuorumError::Forbidden(_) => 403,
            QuorumError::TooManyAttempts(_) => 429,
            QuorumError::Conflict(_) => 409,
            QuorumError::BadRequest(_) => 400,
            QuorumError::Database(_) => 500,
        }
    }

    /// Every individual error, flattened (an import reports all of them).
    pub fn all(&self) -> Vec<QuorumError> {
        match self {
            QuorumError::InvalidMany(errors) => errors.iter().flat_map(|e| e.all()).collect(),
            other => vec![other.clone()],
        }
    }
}

#[cfg(feature = "ssr")]
impl From<sea_orm::DbErr> for QuorumError {
    fn from(err: sea_orm::DbErr) -> Self {
        // Two requests creating the same key at once: the second is told, not failed.
        if let Some(sea_orm::SqlErr::UniqueConstraintViolation(detail)) = err.sql_err() {
            tracing::info!(%detail, "refused a duplicate key");
            return QuorumError::Conflict(
                "a record with this key was saved at the same moment; look again".into(),
            );
        }
        tracing::error!(error = %err, "database error");
        QuorumError::Database(err.to_string())
    }
}
