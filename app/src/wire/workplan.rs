//! The workplan page: approval status, entries and the coverage of the declaration.

use serde::{Deserialize, Serialize};

use crate::domain::workplan::Coverage;

/// A workplan entry as the page lists it and the editor fills its form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntryLine {
    pub id: String,
    /// Body codes, comma-separated.
    pub bodies: String,
    pub year: String,
    /// "2024 (fifteenth session of the Implementation Review Group)"
    pub when: String,
    pub paragraphs: String,
    pub sections: String,
    /// Topics, separated by semicolons.
    pub topics: String,
    pub agreed: bool,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkplanPage {
    pub title: String,
    pub status: String,
    /// "Approved on 9 June 2023 after a silence procedure ending 9 June 2023"
    pub status_text: String,
    pub entries: Vec<EntryLine>,
    pub coverage: Coverage,
    /// Body codes that may appear in an entry.
    pub body_codes: Vec<String>,
    /// Whether the reader may edit entries (the secretariat or a Bureau member).
    pub may_edit: bool,
    /// Whether the reader may move the approval status (the secretariat).
    pub may_decide: bool,
}
