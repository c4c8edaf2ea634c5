//! The engine: indexed sweeps for a full scan, binary searches for one proposed meeting. The
//! rules themselves are in `rules.rs`; the free-slot finder, built on [`MeetingIndex::check`], in
//! `slots.rs`.

use super::index::{for_each_bit, MeetingData, MeetingIndex, NO_ROOM, PROPOSED};
use super::rules::{overlaps, pair};
use super::{Conflict, ConflictKind, Shared, Subject};

impl MeetingIndex {
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
                self.body_pair(ia, a, ib, b, body as u32, out);
            });
        }
        for (group, list) in self.index.by_group.iter().enumerate() {
            sweep(list, 0, &mut out, &|ia, a, ib, b, out| {
                self.group_pair(ia, a, ib, b, group, out);
            });
        }
        for (room, list) in self.index.by_room.iter().enumerate() {
            sweep(list, 0, &mut out, &|ia, _, ib, _, out| {
                out.push(pair(
                    ia,
                    ib,
                    Shared::Room(room as u32),
                    ConflictKind::RoomDoubleBooked,
                ));
            });
        }
        for (person, list) in self.index.by_person.iter().enumerate() {
            sweep(list, self.travel, &mut out, &|ia, a, ib, b, out| {
                self.person_pair(ia, a, ib, b, person as u32, out);
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
}
