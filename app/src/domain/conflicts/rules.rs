//! The rules, each as a test of the meetings it concerns: two meetings sharing a body, a
//! no-parallel group or a person; one meeting against its venue and sessions; calls and the
//! workplan against the calendar; and the interpretation load of a venue. The engine
//! (`engine.rs`) finds the meetings to test; this file says what clashes.

use super::index::{for_each_bit, MeetingData, MeetingIndex};
use super::{Conflict, ConflictKind, Severity, Shared, Subject};

pub(super) fn pair(a: u32, b: u32, on: Shared, kind: ConflictKind) -> Conflict {
    let (first, second) = if a < b { (a, b) } else { (b, a) };
    Conflict {
        kind,
        subject: Subject::Pair { first, second, on },
    }
}

pub(super) fn overlaps(a: &MeetingData, b: &MeetingData) -> bool {
    a.start < b.end && b.start < a.end
}

impl MeetingIndex {
    pub fn severity(&self, conflict: &Conflict) -> Severity {
        self.severities[ConflictKind::ALL
            .iter()
            .position(|k| *k == conflict.kind)
            .unwrap_or(0)]
    }

    /// Body rules for two overlapping meetings, reported under `body` only when it is the lowest
    /// body they share, so that a pair sharing two bodies is reported once.
    pub(super) fn body_pair(
        &self,
        ia: u32,
        a: &MeetingData,
        ib: u32,
        b: &MeetingData,
        body: u32,
        out: &mut Vec<Conflict>,
    ) {
        let shared = a.bodies & b.bodies;
        if shared != 0 && shared.trailing_zeros() == body {
            let kind = if a.joint || b.joint {
                ConflictKind::JointMeetingOverlap
            } else {
                ConflictKind::SameBodyOverlap
            };
            out.push(pair(ia, ib, Shared::Body(body), kind));
        }
    }

    /// The no-parallel rule, reported under the first group in which the two meetings clash.
    pub(super) fn group_pair(
        &self,
        ia: u32,
        a: &MeetingData,
        ib: u32,
        b: &MeetingData,
        group: usize,
        out: &mut Vec<Conflict>,
    ) {
        if a.bodies & b.bodies != 0 {
            return;
        }
        let first = self
            .groups
            .iter()
            .position(|g| a.bodies & g != 0 && b.bodies & g != 0);
        if first == Some(group) {
            let g = self.groups[group];
            let (ba, bb) = (
                (a.bodies & g).trailing_zeros(),
                (b.bodies & g).trailing_zeros(),
            );
            let on = if ia < ib {
                Shared::Bodies(ba, bb)
            } else {
                Shared::Bodies(bb, ba)
            };
            out.push(pair(ia, ib, on, ConflictKind::ParallelBodies));
        }
    }

    /// One person in two meetings: overlapping, or at different venues too close in time.
    pub(super) fn person_pair(
        &self,
        ia: u32,
        a: &MeetingData,
        ib: u32,
        b: &MeetingData,
        person: u32,
        out: &mut Vec<Conflict>,
    ) {
        if overlaps(a, b) {
            out.push(pair(
                ia,
                ib,
                Shared::Person(person),
                ConflictKind::PersonDoubleBooked,
            ));
        } else if a.venue != b.venue {
            let gap = if a.end <= b.start {
                b.start - a.end
            } else {
                a.start - b.end
            };
            if gap < self.travel {
                out.push(pair(
                    ia,
                    ib,
                    Shared::Person(person),
                    ConflictKind::PersonTravelTime,
                ));
            }
        }
    }

    /// The rules about one meeting alone: closures, windows, session dates.
    pub(crate) fn meeting_rules(&self, index: u32, m: &MeetingData, out: &mut Vec<Conflict>) {
        let venue = &self.venues[m.venue as usize];
        let (first, last) = self.local_days(m);
        if let Some(closure) = venue
            .closures
            .iter()
            .position(|(from, to, _)| *from <= last && first <= *to)
        {
            out.push(Conflict {
                kind: ConflictKind::VenueClosed,
                subject: Subject::Meeting {
                    meeting: index,
                    detail: closure as u32,
                },
            });
        }
        let start = self.local(m.venue, m.start);
        let end = self.local(m.venue, m.end);
        let inside = start.date() == end.date()
            && venue
                .windows
                .iter()
                .any(|w| w.start <= start.time() && end.time() <= w.end);
        if !inside {
            out.push(Conflict {
                kind: ConflictKind::OutsideMeetingWindows,
                subject: Subject::Meeting {
                    meeting: index,
                    detail: 0,
                },
            });
        }
        for &s in &m.sessions {
            let dates = &self.sessions[s as usize].dates;
            if dates.contains_day(first) != Some(true) || dates.contains_day(last) != Some(true) {
                out.push(Conflict {
                    kind: ConflictKind::OutsideSession,
                    subject: Subject::Meeting {
                        meeting: index,
                        detail: s,
                    },
                });
            }
        }
    }

    /// How many interpretation meetings run at the venue at `instant`, from the sorted lists.
    pub(super) fn interpretation_load(&self, venue: u32, instant: i64) -> usize {
        let starts = &self.index.interpretation_starts[venue as usize];
        let ends = &self.index.interpretation_ends[venue as usize];
        starts.partition_point(|&s| s <= instant) - ends.partition_point(|&e| e <= instant)
    }

    /// Rules about calls and the workplan; with a proposal, only calls whose panel it moves.
    pub(super) fn calendar_rules(&self, proposed: Option<&MeetingData>, out: &mut Vec<Conflict>) {
        let replaced = proposed.and_then(|p| self.meeting_by_id.get(&p.id).copied());
        for (i, call) in self.calls.iter().enumerate() {
            let meeting = match proposed {
                None => &self.meetings[call.panel_meeting as usize],
                Some(p) if replaced == Some(call.panel_meeting) => p,
                Some(_) => continue,
            };
            if call.deadline > self.local(meeting.venue, meeting.start).date() {
                out.push(Conflict {
                    kind: ConflictKind::DeadlineAfterPanel,
                    subject: Subject::Call { call: i as u32 },
                });
            }
        }
        if proposed.is_some() {
            return;
        }
        for (i, entry) in self.entries.iter().enumerate() {
            for_each_bit(entry.bodies, |body| {
                if !self.body_years.contains(&(body, entry.year)) {
                    out.push(Conflict {
                        kind: ConflictKind::WorkplanYearWithoutSession,
                        subject: Subject::Entry {
                            entry: i as u32,
                            body,
                            year: entry.year,
                        },
                    });
                }
            });
        }
    }
}
