//! A form sent without JavaScript, answered by the page it came from: the server runs the
//! server function the form names, then writes that page again with this echo in its context,
//! so the page shows the answer beside the fields and keeps everything that was typed.

use serde::{de::DeserializeOwned, Deserialize, Serialize};

use crate::error::QuorumError;

/// The field that names the page a form is on (`ui::forms::PageField`); the server takes it
/// off before the server function reads the form.
pub const PAGE_FIELD: &str = "quorum_page";

/// Where a dataset file is imported; its form, sent without JavaScript, is a multipart upload
/// whose file is [`UPLOAD_FIELD`], answered by the page like any other form.
pub const IMPORT_ENDPOINT: &str = "/api/import";

/// The file field of the import form; its echo holds the file's name, not its contents.
pub const UPLOAD_FIELD: &str = "dataset";

/// The fields that hold a password. A page never writes them back, not even into the data its
/// islands hydrate from: a person types a password again after a refusal.
pub const SECRET_FIELDS: [&str; 4] = ["password", "current", "new", "confirm"];

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormEcho {
    /// The server function's address, e.g. `/api/plan/save-session`.
    pub endpoint: String,
    /// The fields as the browser sent them, in order.
    pub fields: Vec<(String, String)>,
    /// The status and JSON body the server function answered.
    pub status: u16,
    pub body: String,
}

impl FormEcho {
    /// The echo without the passwords typed into it ([`SECRET_FIELDS`]).
    pub fn without_secrets(mut self) -> FormEcho {
        self.fields
            .retain(|(name, _)| !SECRET_FIELDS.contains(&name.as_str()));
        self
    }

    /// The value typed into a field, if the form sent it (an unticked box is not sent).
    pub fn value(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(field, _)| field == name)
            .map(|(_, value)| value.as_str())
    }

    /// The server function's answer, as it would have reached the page's script.
    pub fn answer<T: DeserializeOwned>(&self) -> Result<T, QuorumError> {
        if (200..300).contains(&self.status) {
            serde_json::from_str(&self.body)
                .map_err(|_| QuorumError::internal("the answer to a form could not be read"))
        } else {
            Err(serde_json::from_str(&self.body).unwrap_or_else(|_| {
                QuorumError::internal("the answer to a form could not be read")
            }))
        }
    }

    /// Whether the server function refused the form: a failure, or an answer listing errors
    /// by field.
    pub fn refused(&self) -> bool {
        !(200..300).contains(&self.status)
            || serde_json::from_str::<serde_json::Value>(&self.body)
                .ok()
                .and_then(|answer| answer.get("errors")?.as_array().map(|e| !e.is_empty()))
                .unwrap_or(false)
    }

    /// The fields as one JSON object of texts, for a form type whose fields are all texts and
    /// which reads a missing one as empty (`#[serde(default)]`).
    pub fn form<T: DeserializeOwned + Default>(&self) -> T {
        let object: serde_json::Map<String, serde_json::Value> = self
            .fields
            .iter()
            .map(|(name, value)| (name.clone(), serde_json::Value::String(value.clone())))
            .collect();
        serde_json::from_value(serde_json::Value::Object(object)).unwrap_or_default()
    }
}
