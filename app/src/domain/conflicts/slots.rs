//! The free-slot finder: every candidate start in the venue's meeting windows, checked as a
//! proposed meeting, keeping those free of blocking conflicts.

use chrono::{Duration, TimeZone};

use super::index::MeetingIndex;
use super::{Conflict, Severity, SlotQuery};
use crate::error::QuorumError;

/// A slot the finder offers: free of blocking conflicts, with the warnings it would raise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FreeSlot {
    pub start: i64,
    pub end: i64,
    pub warnings: Vec<Conflict>,
}

impl MeetingIndex {
    /// The earliest slots free of blocking conflicts inside the venue's meeting windows, those
    /// raising fewest warnings first.
    pub fn free_slots(&self, query: &SlotQuery) -> Result<Vec<FreeSlot>, QuorumError> {
        let (mut template, windows) = self.slot_template(query)?;
        let venue = &self.venues[template.venue as usize];
        let duration = i64::from(query.duration_minutes) * 60;
        let mut found = Vec::new();
        let mut day = query.from;
        while day <= query.to && found.len() < 500 {
            let closed = venue
                .closures
                .iter()
                .any(|(from, to, _)| *from <= day && day <= *to);
            for window in windows.iter().filter(|_| !closed) {
                let mut time = window.start;
                loop {
                    // Stop at the window's end, and never wrap past midnight.
                    let (end_time, wrapped) =
                        time.overflowing_add_signed(Duration::seconds(duration));
                    if wrapped != 0 || end_time > window.end {
                        break;
                    }
                    // A wall time skipped by a daylight-saving change has no instant.
                    if let Some(start) =
                        venue.tz.from_local_datetime(&day.and_time(time)).earliest()
                    {
                        template.start = start.timestamp();
                        template.end = template.start + duration;
                        let conflicts = self.check(&template);
                        if conflicts
                            .iter()
                            .all(|c| self.severity(c) == Severity::Warning)
                        {
                            found.push(FreeSlot {
                                start: template.start,
                                end: template.end,
                                warnings: conflicts,
                            });
                        }
                    }
                    let (next, wrapped) = time
                        .overflowing_add_signed(Duration::minutes(i64::from(query.step_minutes)));
                    if wrapped != 0 {
                        break;
                    }
                    time = next;
                }
            }
            match day.succ_opt() {
                Some(next) => day = next,
                None => break,
            }
        }
        found.sort_by_key(|s| (s.warnings.len(), s.start));
        found.truncate(query.limit);
        Ok(found)
    }
}
