use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::{Affiliation, Id, ParagraphSet};
use crate::wire_enum;

/// A panel discussion held in a meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Panel {
    pub id: Id,
    pub meeting: Id,
    pub topic: String,
    /// The workplan entry whose topic the panel serves.
    #[serde(default)]
    pub workplan_entry: Option<Id>,
    #[serde(default)]
    pub moderator: Option<Id>,
    #[serde(default)]
    pub panellists: Vec<Id>,
    #[serde(default)]
    pub planned_size: Option<u32>,
    /// Who spoke, in words, where the seed describes speakers without naming them.
    #[serde(default)]
    pub notes: Option<String>,
    pub position: u32,
}

/// A call for nominations of panellists, issued by note verbale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CallForNominations {
    pub id: Id,
    pub note_verbale_date: NaiveDate,
    pub deadline: NaiveDate,
    #[serde(default)]
    pub panel: Option<Id>,
    #[serde(default)]
    pub topic: Option<String>,
    /// At most this many nominations per State.
    #[serde(default)]
    pub quota_per_state: Option<u32>,
}

wire_enum!(
    NominationStatus {
        Draft = "draft",
        Submitted = "submitted",
        UnderReview = "under_review",
        Accepted = "accepted",
        Waitlisted = "waitlisted",
        Declined = "declined",
        Confirmed = "confirmed",
        Withdrawn = "withdrawn",
    }
);

impl crate::domain::label::Label for NominationStatus {
    fn code(&self) -> &'static str {
        self.as_str()
    }
}

/// A State party's (or organisation's) nomination of a panellist in answer to a call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Nomination {
    pub id: Id,
    pub call: Id,
    pub nominator: Affiliation,
    /// The nominee, a person.
    pub nominee: Id,
    pub justification: String,
    #[serde(default)]
    pub biography: Option<String>,
    pub status: NominationStatus,
    #[serde(default)]
    pub submitted_at: Option<DateTime<Utc>>,
    /// The Bureau's internal note on its decision: for the Bureau and the secretariat, never
    /// shown to the nominating State.
    #[serde(default)]
    pub decision_note: Option<String>,
    /// The Bureau's message to the nominating State, shown to it once the decision is released.
    #[serde(default)]
    pub message_to_state: Option<String>,
    /// Whether the Bureau's decision has been released to the nominator.
    #[serde(default)]
    pub released: bool,
}

/// A submission to the repository of contributions on implementation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contribution {
    pub id: Id,
    pub contributor: Affiliation,
    pub date: NaiveDate,
    pub title: String,
    #[serde(default)]
    pub link: Option<String>,
    #[serde(default)]
    pub paragraphs: ParagraphSet,
}

/// How many had contributed by a date, as reported where individual submissions are not listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContributionTally {
    pub as_of: NaiveDate,
    pub states_parties: u32,
    pub organisations: u32,
    pub note: String,
}
