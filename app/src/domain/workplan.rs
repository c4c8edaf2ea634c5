//! The political declaration's sections and paragraphs, the multi-year workplan and its entries,
//! and the workplan's approval by silence procedure. How the entries cover the declaration is
//! computed in `workplan/coverage.rs`.

mod coverage;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use super::paragraphs::ParagraphSet;
pub use coverage::{coverage, Coverage, CoverageRow};

use super::{BodyCode, Id};
use crate::wire_enum;

/// A section of the political declaration ("Asset recovery").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeclarationSection {
    pub id: Id,
    pub title: String,
    pub position: u32,
}

/// A paragraph of the political declaration; its section when known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeclarationParagraph {
    pub number: u32,
    #[serde(default)]
    pub section: Option<Id>,
}

wire_enum!(
    /// Where the workplan stands: drafted, under a silence (no-objection) procedure until a
    /// deadline, then approved — or the silence was broken by an objection.
    WorkplanStatus {
        Draft = "draft",
        UnderSilenceProcedure = "under_silence_procedure",
        Approved = "approved",
        SilenceBroken = "silence_broken",
    }
);

impl crate::domain::label::Label for WorkplanStatus {
    fn code(&self) -> &'static str {
        self.as_str()
    }
}

/// The multi-year workplan and its approval.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Workplan {
    pub title: String,
    pub status: WorkplanStatus,
    /// Deadline of the silence procedure, once one is started.
    #[serde(default)]
    pub silence_deadline: Option<NaiveDate>,
    /// When it was approved or the silence broken.
    #[serde(default)]
    pub decided_on: Option<NaiveDate>,
}

impl Workplan {
    /// The rules between status and dates; returns the field at fault and why.
    pub fn check(&self) -> Result<(), (&'static str, String)> {
        use WorkplanStatus::*;
        match self.status {
            UnderSilenceProcedure | Approved | SilenceBroken if self.silence_deadline.is_none() => {
                Err((
                    "silence_deadline",
                    format!("a {} workplan needs the silence deadline", self.status),
                ))
            }
            Approved | SilenceBroken if self.decided_on.is_none() => Err((
                "decided_on",
                format!("a {} workplan needs the date of the decision", self.status),
            )),
            Approved if self.decided_on < self.silence_deadline => Err((
                "decided_on",
                "approval by silence comes on or after the deadline".into(),
            )),
            SilenceBroken if self.decided_on > self.silence_deadline => Err((
                "decided_on",
                "silence can only be broken before the deadline passes".into(),
            )),
            _ => Ok(()),
        }
    }

    /// Starts the silence procedure on a draft.
    pub fn start_silence(&mut self, deadline: NaiveDate) -> Result<(), String> {
        if self.status != WorkplanStatus::Draft {
            return Err(format!(
                "only a draft can go under silence procedure, not a {} one",
                self.status
            ));
        }
        self.status = WorkplanStatus::UnderSilenceProcedure;
        self.silence_deadline = Some(deadline);
        self.decided_on = None;
        Ok(())
    }

    /// Records an objection on `day`: the silence is broken.
    pub fn break_silence(&mut self, day: NaiveDate) -> Result<(), String> {
        match (self.status, self.silence_deadline) {
            (WorkplanStatus::UnderSilenceProcedure, Some(deadline)) if day <= deadline => {
                self.status = WorkplanStatus::SilenceBroken;
                self.decided_on = Some(day);
                Ok(())
            }
            (WorkplanStatus::UnderSilenceProcedure, _) => {
                Err("the silence deadline has passed".into())
            }
            (status, _) => Err(format!("no silence procedure is running (status {status})")),
        }
    }

    /// Approves the plan once the deadline has passed without objection.
    pub fn approve(&mut self, day: NaiveDate) -> Result<(), String> {
        match (self.status, self.silence_deadline) {
            (WorkplanStatus::UnderSilenceProcedure, Some(deadline)) if day >= deadline => {
                self.status = WorkplanStatus::Approved;
                self.decided_on = Some(day);
                Ok(())
            }
            (WorkplanStatus::UnderSilenceProcedure, Some(deadline)) => {
                Err(format!("the silence procedure runs until {deadline}"))
            }
            (status, _) => Err(format!(
                "only a workplan under silence procedure can be approved (status {status})"
            )),
        }
    }
}

/// A row of the workplan: paragraphs (and whole sections) given to one or more bodies for a
/// year or a session, with the topic keywords.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkplanEntry {
    pub id: Id,
    pub bodies: Vec<BodyCode>,
    #[serde(default)]
    pub year: Option<i32>,
    #[serde(default)]
    pub session: Option<Id>,
    #[serde(default)]
    pub paragraphs: ParagraphSet,
    /// Whole sections of the declaration, where the plan names a section rather than paragraphs.
    #[serde(default)]
    pub sections: Vec<Id>,
    pub topics: Vec<String>,
    pub agreed_by_extended_bureau: bool,
    #[serde(default)]
    pub notes: Option<String>,
    pub position: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> Workplan {
        Workplan {
            title: "plan".into(),
            status: WorkplanStatus::Draft,
            silence_deadline: None,
            decided_on: None,
        }
    }

    fn day(d: &str) -> NaiveDate {
        d.parse().unwrap()
    }

    #[test]
    fn a_workplan_is_approved_when_the_silence_deadline_passes() {
        let mut plan = draft();
        plan.start_silence(day("2023-06-09")).unwrap();
        assert!(plan.approve(day("2023-06-08")).is_err());
        plan.approve(day("2023-06-09")).unwrap();
        assert_eq!(plan.status, WorkplanStatus::Approved);
        assert!(plan.check().is_ok());
    }

    #[test]
    fn an_objection_before_the_deadline_breaks_the_silence() {
        let mut plan = draft();
        plan.start_silence(day("2023-06-09")).unwrap();
        plan.break_silence(day("2023-06-05")).unwrap();
        assert_eq!(plan.status, WorkplanStatus::SilenceBroken);
        assert!(plan.approve(day("2023-06-10")).is_err());
        assert!(plan.check().is_ok());
    }

    #[test]
    fn an_approved_workplan_needs_its_dates() {
        let plan = Workplan {
            status: WorkplanStatus::Approved,
            ..draft()
        };
        assert_eq!(plan.check().unwrap_err().0, "silence_deadline");
    }
}
