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
    #[error("{}", said_once(.0.iter().map(|e| e.to_string()).collect::<Vec<_>>().iter().map(String::as_str)).unwrap_or_default())]
    InvalidMany(Vec<QuorumError>),
    /// A record that does not exist. HTTP 404.
    #[error("There is no {0}.")]
    NotFound(String),
    /// No valid login. HTTP 401.
    #[error("Sign in first: this needs an account.")]
    Unauthorized,
    /// Signed in, but this role may not do this. HTTP 403.
    #[error("{0}")]
    Forbidden(String),
    /// Too many failed logins; try later. HTTP 429.
    #[error("{0}")]
    TooManyAttempts(String),
    /// The request clashes with the current state, e.g. a key already taken. HTTP 409.
    #[error("{0}")]
    Conflict(String),
    /// The request itself is malformed (bad JSON, bad query). HTTP 400.
    #[error("{0}")]
    BadRequest(String),
    /// Something failed inside Quorum — the database, hashing, randomness, compression, a
    /// stored row that does not read. The detail is logged once where the answer leaves the
    /// server and never sent: the person is told only that it failed. HTTP 500.
    #[error("Something went wrong on the server. The failure has been logged: please try again, or tell the secretariat if it persists.")]
    Internal {
        #[serde(skip)]
        detail: String,
    },
    /// The database does not answer (down, or no connection free in time). The detail is
    /// logged, not sent. HTTP 503.
    #[error("Quorum is unavailable for a moment: its database does not answer. Please try again shortly.")]
    Unavailable {
        #[serde(skip)]
        detail: String,
    },
    /// A server function could not be reached or answered (the network, a reply that does not
    /// read); made in the browser, never sent by the server.
    #[error("The server could not be reached ({0}): check the connection and try again.")]
    Unreachable(String),
}

/// Messages joined into one text, each said once however often it was found ("unknown State
/// party DE" once, not once per rule that found it); `None` when there are none.
pub fn said_once<'a>(messages: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let mut said: Vec<&str> = vec![];
    for message in messages {
        if !said.contains(&message) {
            said.push(message);
        }
    }
    (!said.is_empty()).then(|| said.join("; "))
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

    /// A request that does not read, told in words: what a parser says ("missing field
    /// `name`", "unknown variant `x`, expected one of …", "expected value at line 1 column 1")
    /// becomes a sentence naming the field or value, never the parser's own text. Quorum's
    /// pages always send well-formed requests: this answers hand-made ones.
    pub fn malformed(parser_says: &str) -> Self {
        let quoted = |after: &str| {
            parser_says
                .split(after)
                .nth(1)
                .and_then(|rest| rest.strip_prefix('`'))
                .and_then(|rest| rest.split('`').next())
                .map(str::to_owned)
        };
        let field_path = parser_says
            .split_once(": ")
            .map(|(path, _)| path)
            .filter(|path| !path.contains(' ') && !path.is_empty());
        let said = if let Some(field) = quoted("missing field ") {
            format!("The request lacks its “{field}” field: send the form from Quorum's page, or give every field it has.")
        } else if let Some(value) = quoted("unknown variant ") {
            let choices = parser_says
                .split("expected one of ")
                .nth(1)
                .or_else(|| parser_says.split("expected ").nth(1))
                .map(|rest| {
                    rest.split(" at line")
                        .next()
                        .unwrap_or(rest)
                        .replace('`', "")
                })
                .unwrap_or_default();
            format!("“{value}” is not a value this field takes; it takes one of: {choices}.")
        } else if let Some(field) = quoted("unknown field ") {
            format!("The request has a field Quorum does not know: “{field}”.")
        } else if parser_says.contains("invalid type") || parser_says.contains("invalid value") {
            match field_path {
                Some(field) => format!("The field “{field}” holds a value of the wrong kind (a number for a text, say)."),
                None => "A field of the request holds a value of the wrong kind (a number for a text, say).".to_owned(),
            }
        } else {
            "The request does not read: Quorum expected the fields of one of its forms, or JSON as its API documents it.".to_owned()
        };
        QuorumError::BadRequest(said)
    }

    /// An internal failure with its detail, for the log only.
    pub fn internal(detail: impl Into<String>) -> Self {
        QuorumError::Internal {
            detail: detail.into(),
        }
    }

    /// Logs an internal failure's detail; called once, where the answer leaves the server
    /// (a route's [`IntoResponse`], a server function's serialisation).
    #[cfg(feature = "ssr")]
    pub fn log_if_internal(&self) {
        match self {
            QuorumError::Internal { detail } => tracing::error!(%detail, "internal failure"),
            QuorumError::Unavailable { detail } => tracing::error!(%detail, "database unavailable"),
            _ => {}
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
            QuorumError::Internal { .. } => 500,
            QuorumError::Unavailable { .. } => 503,
            QuorumError::Unreachable(_) => 502,
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
        match err {
            sea_orm::DbErr::Conn(_) | sea_orm::DbErr::ConnectionAcquire(_) => {
                QuorumError::Unavailable {
                    detail: err.to_string(),
                }
            }
            _ => QuorumError::internal(err.to_string()),
        }
    }
}

/// Server functions answer with this enum: the browser reads the same variants the server
/// sent (as JSON), so a page can tell a refusal from a failure without parsing text.
impl leptos::server_fn::error::FromServerFnError for QuorumError {
    type Encoder = leptos::server_fn::codec::JsonEncoding;

    fn from_server_fn_error(value: leptos::server_fn::error::ServerFnErrorErr) -> Self {
        use leptos::server_fn::error::ServerFnErrorErr as E;
        match value {
            E::Args(why) | E::MissingArg(why) => QuorumError::malformed(&why),
            // On the server, what does not deserialise is the request's arguments: the
            // client's mistake. In the browser it is the server's answer.
            #[cfg(feature = "ssr")]
            E::Deserialization(why) => QuorumError::malformed(&why),
            #[cfg(not(feature = "ssr"))]
            E::Deserialization(why) => QuorumError::Unreachable(why),
            E::Request(why) | E::Response(why) => QuorumError::Unreachable(why),
            E::Registration(why)
            | E::UnsupportedRequestMethod(why)
            | E::ServerError(why)
            | E::MiddlewareError(why)
            | E::Serialization(why) => QuorumError::internal(why),
        }
    }

    fn ser(&self) -> leptos::server_fn::Bytes {
        #[cfg(feature = "ssr")]
        self.log_if_internal();
        use leptos::server_fn::Encodes;
        <Self::Encoder as Encodes<Self>>::encode(self).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::QuorumError;

    fn said(parser_says: &str) -> String {
        QuorumError::malformed(parser_says).to_string()
    }

    #[test]
    fn what_a_parser_says_becomes_a_sentence_naming_the_field() {
        assert_eq!(
            said("missing field `password`"),
            "The request lacks its “password” field: send the form from Quorum's page, or give every field it has."
        );
        assert_eq!(
            said("Failed to deserialize the JSON body into the target type: kind: unknown variant `informal`, expected one of `plenary`, `joint_meeting` at line 1 column 120"),
            "“informal” is not a value this field takes; it takes one of: plenary, joint_meeting."
        );
        assert_eq!(
            said("email: invalid type: integer `1`, expected a string at line 1 column 10"),
            "The field “email” holds a value of the wrong kind (a number for a text, say)."
        );
        let unreadable = said("expected value at line 1 column 1");
        assert!(
            unreadable.starts_with("The request does not read"),
            "{unreadable}"
        );
        for text in [unreadable, said("missing field `x` at line 1 column 2")] {
            assert!(!text.contains("line 1") && !text.contains('`'), "{text}");
        }
    }
}
