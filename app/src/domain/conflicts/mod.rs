//! The conflict engine and free-slot finder, across every body.
//!
//! A [`MeetingIndex`] is a compact snapshot of the dataset — meetings as instants and bit sets of
//! bodies, indexes per body, room, person and venue — built once and then scanned whole
//! ([`MeetingIndex::scan`]), asked about one proposed meeting ([`MeetingIndex::check`]) or searched for
//! free slots ([`MeetingIndex::free_slots`]). Conflicts are data, not errors: each has a kind, a
//! severity taken from the [`ConflictRules`], a stable identifier and an explanation.
//! [`reference`] holds a brute-force version of every rule, against which the engine is tested.
//!
//! Instants are compared as seconds since the epoch; meeting windows, closures and session days
//! are reckoned in the venue's local time.

mod engine;
mod explain;
mod index;
mod index_build;
pub mod reference;
mod rules;
mod slots;
#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

pub use explain::{still_accepted, ConflictView};
pub use index::{MeetingData, MeetingIndex, MAX_BODIES, PROPOSED};
pub use index_build::{Proposal, SlotQuery};
pub use slots::FreeSlot;

use super::label::Label;
use super::BodyCode;
use crate::wire_enum;

wire_enum!(
    /// What clashes. The identifiers are stable: rules, overrides and the API use them.
    ConflictKind {
        /// Two meetings of the same body overlap.
        SameBodyOverlap = "same_body_overlap",
        /// Meetings of different bodies overlap where a rule says they must not.
        ParallelBodies = "parallel_bodies",
        /// A joint meeting overlaps a meeting of one of its own bodies.
        JointMeetingOverlap = "joint_meeting_overlap",
        /// A room holds two meetings at once.
        RoomDoubleBooked = "room_double_booked",
        /// A person is in two overlapping meetings.
        PersonDoubleBooked = "person_double_booked",
        /// A person has meetings at different venues without the travel time between them.
        PersonTravelTime = "person_travel_time",
        /// A venue runs more meetings with interpretation at once than it has teams.
        InterpretationCapacity = "interpretation_capacity",
        /// A meeting falls on a closure or holiday of its venue.
        VenueClosed = "venue_closed",
        /// A meeting lies outside the venue's meeting windows.
        OutsideMeetingWindows = "outside_meeting_windows",
        /// A meeting lies outside the dates of one of its sessions.
        OutsideSession = "outside_session",
        /// A call for nominations closes after its panel has met.
        DeadlineAfterPanel = "deadline_after_panel",
        /// A workplan entry gives a body a year in which it holds no session.
        WorkplanYearWithoutSession = "workplan_year_without_session",
    }
);

impl Label for ConflictKind {
    fn code(&self) -> &'static str {
        self.as_str()
    }
}

wire_enum!(
    /// Blocking conflicts stop a save; warnings may be accepted with a reason.
    Severity {
        Blocking = "blocking",
        Warning = "warning",
    }
);

impl ConflictKind {
    /// The severity of a kind unless the rules say otherwise.
    pub fn default_severity(self) -> Severity {
        use ConflictKind::*;
        match self {
            SameBodyOverlap
            | ParallelBodies
            | JointMeetingOverlap
            | RoomDoubleBooked
            | InterpretationCapacity
            | VenueClosed
            | OutsideSession => Severity::Blocking,
            PersonDoubleBooked
            | PersonTravelTime
            | OutsideMeetingWindows
            | DeadlineAfterPanel
            | WorkplanYearWithoutSession => Severity::Warning,
        }
    }
}

impl ConflictKind {
    /// Kinds whose severity no rule may change: the calendar itself refuses to store a meeting
    /// outside its session's days, so calling that a warning would promise a save that fails.
    pub fn severity_is_fixed(self) -> bool {
        self == ConflictKind::OutsideSession
    }
}

/// The configurable part of conflict checking.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConflictRules {
    /// Severities that differ from each kind's default.
    #[serde(default)]
    pub severities: BTreeMap<ConflictKind, Severity>,
    /// Groups of bodies no two of which may meet in parallel. `None` means the default: all
    /// bodies open to all States parties form one group, since small delegations cover every one.
    #[serde(default)]
    pub parallel_groups: Option<Vec<Vec<BodyCode>>>,
    /// The least time between two meetings of one person at different venues.
    #[serde(default = "default_travel_minutes")]
    pub min_travel_minutes: u32,
}

fn default_travel_minutes() -> u32 {
    180
}

impl Default for ConflictRules {
    fn default() -> Self {
        ConflictRules {
            severities: BTreeMap::new(),
            parallel_groups: None,
            min_travel_minutes: default_travel_minutes(),
        }
    }
}

impl ConflictRules {
    pub fn severity(&self, kind: ConflictKind) -> Severity {
        self.severities
            .get(&kind)
            .copied()
            .unwrap_or_else(|| kind.default_severity())
    }

    /// Checks the rules against the known bodies; returns the field at fault and why.
    pub fn check(&self, bodies: &BTreeSet<BodyCode>) -> Result<(), (&'static str, String)> {
        if let Some((kind, _)) = self.severities.iter().find(|(kind, severity)| {
            kind.severity_is_fixed() && **severity != kind.default_severity()
        }) {
            return Err((
                "severities",
                format!(
                    "{} is always {}: a meeting outside its session's days cannot be stored",
                    kind.label(),
                    kind.default_severity().as_str()
                ),
            ));
        }
        for group in self.parallel_groups.iter().flatten() {
            if group.len() < 2 {
                return Err((
                    "parallel_groups",
                    "a group names at least two bodies".into(),
                ));
            }
            if let Some(unknown) = group.iter().find(|b| !bodies.contains(*b)) {
                return Err(("parallel_groups", format!("unknown body {unknown}")));
            }
        }
        Ok(())
    }
}

/// A warning accepted by a Bureau member or the secretariat. It holds while the items involved
/// are unchanged: `fingerprint` records them as they were.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Acceptance {
    /// The conflict's stable identifier.
    pub conflict: String,
    pub fingerprint: String,
    pub reason: String,
    pub accepted_by: String,
    pub accepted_at: DateTime<Utc>,
}

/// One conflict, as indexes into its [`MeetingIndex`]; see [`MeetingIndex::view`] for words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Conflict {
    pub kind: ConflictKind,
    pub subject: Subject,
}

/// What a conflict is about. Meeting indexes may be [`PROPOSED`], the meeting being checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Subject {
    /// Two meetings (`first < second`) and what they share.
    Pair { first: u32, second: u32, on: Shared },
    /// One meeting and a detail: the closure, session or concurrent count at fault.
    Meeting { meeting: u32, detail: u32 },
    /// A call for nominations.
    Call { call: u32 },
    /// A workplan entry, one of its bodies and the year.
    Entry { entry: u32, body: u32, year: i32 },
}

/// The resource two clashing meetings share.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Shared {
    Body(u32),
    /// A body of each meeting, in the same no-parallel group.
    Bodies(u32, u32),
    Room(u32),
    Person(u32),
}

/// A free slot as the API shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlotView {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    /// Local wall time at the venue, for people.
    pub local_start: String,
    pub warnings: Vec<ConflictView>,
}
