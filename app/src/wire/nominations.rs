//! Calls for nominations, the focal point's nominations, the Bureau's review board, and the
//! outcome every form answers with: errors by field, or what was done.

use serde::{Deserialize, Serialize};

use super::calendar::Choice;
use super::planning::FieldError;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallLine {
    pub id: String,
    pub topic: String,
    /// "Panel 1 of the joint meeting of 14 June 2023"
    pub panel: String,
    pub meeting_href: Option<String>,
    pub deadline: String,
    pub open: bool,
    pub quota: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NominationLine {
    pub id: String,
    pub call: String,
    pub nominee: String,
    pub gender: String,
    pub nominator: String,
    pub status: String,
    pub released: bool,
    pub justification: String,
    pub biography: String,
    /// The Bureau's internal note (reviewers only).
    pub note: Option<String>,
    /// The Bureau's message to the State (to the State once released).
    pub message: Option<String>,
    /// The nomination as the reader sees it now ([`NominationSeen`] as JSON): the review
    /// board sends it back with a decision, and the server refuses the decision when the
    /// nomination changed in between.
    pub seen: String,
}

pub use crate::domain::nominations::NominationSeen;

/// What the nominations page shows its reader.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NominationsPage {
    /// "Name (role)", when signed in.
    pub who: Option<String>,
    /// The focal point's State or organisation, who may nominate.
    pub nominator: Option<String>,
    pub calls: Vec<CallLine>,
    pub mine: Vec<NominationLine>,
    pub genders: Vec<Choice>,
}

/// One call on the review board, with its nominations and balance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewCall {
    pub call: CallLine,
    pub nominations: Vec<NominationLine>,
    /// Those accepted or confirmed against the Bureau's targets, dimension by dimension.
    pub balance: crate::domain::balance::BalanceSummary,
    /// Where the selection falls short of the Bureau's targets.
    pub warnings: Vec<String>,
    pub unreleased: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewPage {
    pub who: Option<String>,
    pub calls: Vec<ReviewCall>,
    /// Panels a call may be opened for: (panel key, label).
    pub panels: Vec<Choice>,
}

/// What a nomination form answers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormOutcome {
    pub errors: Vec<FieldError>,
    /// What was done, in words.
    pub done: Option<String>,
}
