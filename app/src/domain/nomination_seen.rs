//! What a reader sees of a nomination: the status a nominating focal point may know (decisions
//! only once released), and the nomination as a reader saw it, to tell what changed since.

use serde::{Deserialize, Serialize};

use super::{Nomination, NominationStatus};

/// What a reader saw of a nomination when they opened it (as they may see it): a step sent
/// with it is refused when the nomination changed in between, saying what changed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NominationSeen {
    pub status: String,
    pub released: bool,
    pub justification: String,
    pub note: Option<String>,
    #[serde(default)]
    pub message: Option<String>,
}

impl NominationSeen {
    /// The nomination as seen; give it the reader's view ([`super::policy::nomination_for`]),
    /// never the stored record, or the comparison would tell what the reader may not know.
    pub fn of(n: &Nomination) -> NominationSeen {
        NominationSeen {
            status: n.status.as_str().to_owned(),
            released: n.released,
            justification: n.justification.clone(),
            note: n.decision_note.clone(),
            message: n.message_to_state.clone(),
        }
    }

    /// What differs from `now`, in words; empty when nothing does.
    pub fn changes(&self, now: &NominationSeen) -> Vec<String> {
        let mut changes = Vec::new();
        if self.status != now.status {
            changes.push(format!("status {} → {}", self.status, now.status));
        }
        if self.released != now.released {
            changes.push("the decision was released to the State".to_owned());
        }
        if self.justification != now.justification {
            changes.push("the justification was edited".to_owned());
        }
        if self.note != now.note {
            changes.push(match &now.note {
                Some(note) => format!("the internal note now reads \"{note}\""),
                None => "the internal note was removed".to_owned(),
            });
        }
        if self.message != now.message {
            changes.push("the message to the State was changed".to_owned());
        }
        changes
    }
}

/// What a nominating focal point sees of a status: decisions only once released.
pub fn visible_status(n: &Nomination) -> NominationStatus {
    match n.status {
        NominationStatus::Accepted | NominationStatus::Waitlisted | NominationStatus::Declined
            if !n.released =>
        {
            NominationStatus::UnderReview
        }
        status => status,
    }
}
