//! The engine: indexed sweeps for a full scan, binary searches for one proposed meeting.

use chrono::{Duration, TimeZone};

use super::index::{for_each_bit, MeetingData, MeetingIndex, NO_ROOM, PROPOSED};
use super::{Conflict, ConflictKind, Severity, Shared, SlotQuery, Subject};
use crate::error::QuorumError;

/// A slot the finder offers: free of blocking conflicts, with the warnings it would raise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FreeSlot {
    pub start: i64,
    pub end: i64,
    pub warnings: Vec<Conflict>,
}

fn pair(a: u32, b: u32, on: Shared, kind: ConflictKind) -> Conflict {
    let (first, second) = if a < b { (a, b) } else { (b, a) };
    Conflict {
        kind,
        subject: Subject::Pair { first, second, on },
    }
}

fn overlaps(a: &MeetingData, b: &MeetingData) -> bool {
    a.start < b.end && b.start < a.end
}

impl MeetingIndex {
    pub(crate) fn meeting<'a>(
        &'a self,
        index: u32,
        proposed: Option<&'a MeetingData>,
    ) -> &'a MeetingData {
        match (index, proposed) {
            (PROPOSED, Some(p)) => p,
            _ => &self.meetings[index as usize],
        }
    }

    pub fn severity(&self, conflict: &Conflict) -> Severity {
        self.severities[ConflictKind::ALL
            .iter()
            .position(|k| *k == conflict.kind)
            .unwrap_or(0)]
    }

    /// Body rules for two overlapping meetings, reported under `body` only when it is the lowest
    /// body they share, so that a pair sharing two bodies is reported once.
    fn body_pair(
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
    fn group_pair(
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
    fn person_pair(
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
    fn interpretation_load(&self, venue: u32, instant: i64) -> usize {
        let starts = &self.index.interpretation_starts[venue as usize];
        let ends = &self.index.interpretation_ends[venue as usize];
        starts.partition_point(|&s| s <= instant) - ends.partition_point(|&e| e <= instant)
    }

    /// Every conflict in the calendar, sorted.
    pub fn scan(&self) -> Vec<Conflict> {
        let mut out = Vec::new();
        let sweep =
            |list: &[u32],
             reach: i64,
             out: &mut Vec<Conflict>,
             f: &dyn Fn(u32, &MeetingData, u32, &MeetingData, &mut Vec<Conflict>)| {
                for (i, &ia) in list.iter().enumerate() {
                    let a = &self.meetings[ia as usize];
                    for &ib in &list[i + 1..] {
                        let b = &self.meetings[ib as usize];
                        if b.start >= a.end + reach {
                            break;
                        }
                        f(ia, a, ib, b, out);
                    }
                }
            };
        for (body, list) in self.index.by_body.iter().enumerate() {
            sweep(list, 0, &mut out, &|ia, a, ib, b, out| {
                self.body_pair(ia, a, ib, b, body as u32, out)
            });
        }
        for (group, list) in self.index.by_group.iter().enumerate() {
            sweep(list, 0, &mut out, &|ia, a, ib, b, out| {
                self.group_pair(ia, a, ib, b, group, out)
            });
        }
        for (room, list) in self.index.by_room.iter().enumerate() {
            sweep(list, 0, &mut out, &|ia, _, ib, _, out| {
                out.push(pair(
                    ia,
                    ib,
                    Shared::Room(room as u32),
                    ConflictKind::RoomDoubleBooked,
                ))
            });
        }
        for (person, list) in self.index.by_person.iter().enumerate() {
            sweep(list, self.travel, &mut out, &|ia, a, ib, b, out| {
                self.person_pair(ia, a, ib, b, person as u32, out)
            });
        }
        for (venue, list) in self.index.interpretation_by_venue.iter().enumerate() {
            let teams = self.venues[venue].teams as usize;
            for &m in list {
                let load = self.interpretation_load(venue as u32, self.meetings[m as usize].start);
                if load > teams {
                    out.push(Conflict {
                        kind: ConflictKind::InterpretationCapacity,
                        subject: Subject::Meeting {
                            meeting: m,
                            detail: load as u32,
                        },
                    });
                }
            }
        }
        for (i, m) in self.meetings.iter().enumerate() {
            self.meeting_rules(i as u32, m, &mut out);
        }
        self.calendar_rules(None, &mut out);
        out.sort_unstable();
        out
    }

    /// Rules about calls and the workplan; with a proposal, only calls whose panel it moves.
    fn calendar_rules(&self, proposed: Option<&MeetingData>, out: &mut Vec<Conflict>) {
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

    /// Meetings of a sorted list that overlap `[from, to)` widened by `reach` on both sides.
    fn near<'a>(
        &'a self,
        list: &'a [u32],
        from: i64,
        to: i64,
        reach: i64,
    ) -> impl Iterator<Item = u32> + 'a {
        let lo = from - self.index.max_duration - reach;
        let begin = list.partition_point(|&m| self.meetings[m as usize].start < lo);
        let end = list.partition_point(|&m| self.meetings[m as usize].start < to + reach);
        list[begin..end]
            .iter()
            .copied()
            .filter(move |&m| self.meetings[m as usize].end + reach > from)
    }

    /// Everything the proposed meeting would clash with, as if it replaced the meeting of the
    /// same id (or were added). Conflicts that do not involve it are left out.
    pub fn check(&self, p: &MeetingData) -> Vec<Conflict> {
        let replaced = self.meeting_by_id.get(&p.id).copied();
        let others = |m: &u32| Some(*m) != replaced;
        let mut out = Vec::new();
        for_each_bit(p.bodies, |body| {
            for m in self
                .near(&self.index.by_body[body as usize], p.start, p.end, 0)
                .filter(others)
            {
                let other = &self.meetings[m as usize];
                if overlaps(p, other) {
                    self.body_pair(PROPOSED, p, m, other, body, &mut out);
                }
            }
        });
        for (group, mask) in self.groups.iter().enumerate() {
            if p.bodies & mask == 0 {
                continue;
            }
            for m in self
                .near(&self.index.by_group[group], p.start, p.end, 0)
                .filter(others)
            {
                let other = &self.meetings[m as usize];
                if overlaps(p, other) {
                    self.group_pair(PROPOSED, p, m, other, group, &mut out);
                }
            }
        }
        if p.room != NO_ROOM {
            for m in self
                .near(&self.index.by_room[p.room as usize], p.start, p.end, 0)
                .filter(others)
            {
                if overlaps(p, &self.meetings[m as usize]) {
                    out.push(pair(
                        PROPOSED,
                        m,
                        Shared::Room(p.room),
                        ConflictKind::RoomDoubleBooked,
                    ));
                }
            }
        }
        for &person in &p.persons {
            for m in self
                .near(
                    &self.index.by_person[person as usize],
                    p.start,
                    p.end,
                    self.travel,
                )
                .filter(others)
            {
                self.person_pair(PROPOSED, p, m, &self.meetings[m as usize], person, &mut out);
            }
        }
        if p.interpretation {
            self.check_interpretation(p, replaced, &mut out);
        }
        self.meeting_rules(PROPOSED, p, &mut out);
        self.calendar_rules(Some(p), &mut out);
        out.sort_unstable();
        out
    }

    /// Interpretation load with the proposal in place of the meeting it replaces: at its own
    /// start, and at the start of every meeting it would run alongside.
    fn check_interpretation(
        &self,
        p: &MeetingData,
        replaced: Option<u32>,
        out: &mut Vec<Conflict>,
    ) {
        let teams = self.venues[p.venue as usize].teams as usize;
        let replaced_here = replaced
            .map(|r| &self.meetings[r as usize])
            .filter(|r| r.interpretation && r.venue == p.venue);
        let active = |m: &MeetingData, at: i64| m.start <= at && at < m.end;
        let load_at = |at: i64| {
            self.interpretation_load(p.venue, at)
                - replaced_here.is_some_and(|r| active(r, at)) as usize
                + 1
        };
        let own = load_at(p.start);
        if own > teams {
            out.push(Conflict {
                kind: ConflictKind::InterpretationCapacity,
                subject: Subject::Meeting {
                    meeting: PROPOSED,
                    detail: own as u32,
                },
            });
        }
        let list = &self.index.interpretation_by_venue[p.venue as usize];
        for m in self
            .near(list, p.start, p.end, 0)
            .filter(|m| Some(*m) != replaced)
        {
            let other = &self.meetings[m as usize];
            if active(p, other.start) {
                let load = load_at(other.start);
                if load > teams {
                    out.push(Conflict {
                        kind: ConflictKind::InterpretationCapacity,
                        subject: Subject::Meeting {
                            meeting: m,
                            detail: load as u32,
                        },
                    });
                }
            }
        }
    }

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
