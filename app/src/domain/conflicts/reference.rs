//! The brute-force reference: every rule checked on every pair, with no index. Slow on purpose
//! and simple enough to trust; the engine must agree with it kind by kind.

use super::index::{MeetingData, MeetingIndex, NO_ROOM, PROPOSED};
use super::{Conflict, ConflictKind, Shared, Subject};

fn lowest(mask: u64) -> u32 {
    mask.trailing_zeros()
}

/// Conflicts between two meetings, straight from the rules.
fn pair_conflicts(
    cal: &MeetingIndex,
    ia: u32,
    a: &MeetingData,
    ib: u32,
    b: &MeetingData,
    out: &mut Vec<Conflict>,
) {
    let (first, second, fa, fb) = if ia < ib {
        (ia, ib, a, b)
    } else {
        (ib, ia, b, a)
    };
    let mut add = |kind, on| {
        out.push(Conflict {
            kind,
            subject: Subject::Pair { first, second, on },
        });
    };
    let overlap = a.start < b.end && b.start < a.end;
    if overlap {
        let shared = a.bodies & b.bodies;
        if shared != 0 {
            let kind = if a.joint || b.joint {
                ConflictKind::JointMeetingOverlap
            } else {
                ConflictKind::SameBodyOverlap
            };
            add(kind, Shared::Body(lowest(shared)));
        } else if let Some(g) = cal
            .groups
            .iter()
            .find(|g| a.bodies & **g != 0 && b.bodies & **g != 0)
        {
            add(
                ConflictKind::ParallelBodies,
                Shared::Bodies(lowest(fa.bodies & g), lowest(fb.bodies & g)),
            );
        }
        if a.room != NO_ROOM && a.room == b.room {
            add(ConflictKind::RoomDoubleBooked, Shared::Room(a.room));
        }
    }
    for &p in &a.persons {
        if !b.persons.contains(&p) {
            continue;
        }
        if overlap {
            add(ConflictKind::PersonDoubleBooked, Shared::Person(p));
        } else if a.venue != b.venue {
            let gap = (b.start - a.end).max(a.start - b.end);
            if gap < cal.travel {
                add(ConflictKind::PersonTravelTime, Shared::Person(p));
            }
        }
    }
}

/// Interpretation load at the start of `m`, counting every listed meeting.
fn load_at(all: &[(u32, &MeetingData)], m: &MeetingData) -> usize {
    all.iter()
        .filter(|(_, x)| {
            x.interpretation && x.venue == m.venue && x.start <= m.start && m.start < x.end
        })
        .count()
}

fn scan_list(
    cal: &MeetingIndex,
    all: &[(u32, &MeetingData)],
    proposed: Option<&MeetingData>,
) -> Vec<Conflict> {
    let mut out = Vec::new();
    for (i, (ia, a)) in all.iter().enumerate() {
        for (ib, b) in &all[i + 1..] {
            pair_conflicts(cal, *ia, a, *ib, b, &mut out);
        }
        if a.interpretation {
            let load = load_at(all, a);
            if load > cal.venues[a.venue as usize].teams as usize {
                out.push(Conflict {
                    kind: ConflictKind::InterpretationCapacity,
                    subject: Subject::Meeting {
                        meeting: *ia,
                        detail: load as u32,
                    },
                });
            }
        }
        cal.meeting_rules(*ia, a, &mut out);
    }
    for (i, call) in cal.calls.iter().enumerate() {
        let replaced = proposed.filter(|p| cal.meetings[call.panel_meeting as usize].id == p.id);
        let meeting = replaced.unwrap_or(&cal.meetings[call.panel_meeting as usize]);
        if call.deadline > cal.local(meeting.venue, meeting.start).date() {
            out.push(Conflict {
                kind: ConflictKind::DeadlineAfterPanel,
                subject: Subject::Call { call: i as u32 },
            });
        }
    }
    for (i, entry) in cal.entries.iter().enumerate() {
        for body in 0..64u32 {
            if entry.bodies & (1 << body) != 0
                && !cal
                    .sessions
                    .iter()
                    .any(|s| s.body == body && s.dates.year() == Some(entry.year))
            {
                out.push(Conflict {
                    kind: ConflictKind::WorkplanYearWithoutSession,
                    subject: Subject::Entry {
                        entry: i as u32,
                        body,
                        year: entry.year,
                    },
                });
            }
        }
    }
    out.sort_unstable();
    out
}

/// Every conflict, by checking every pair.
pub fn scan(cal: &MeetingIndex) -> Vec<Conflict> {
    let all: Vec<(u32, &MeetingData)> = cal
        .meetings
        .iter()
        .enumerate()
        .map(|(i, m)| (i as u32, m))
        .collect();
    scan_list(cal, &all, None)
}

/// The conflicts of a proposed meeting: a full brute-force scan of the calendar with the
/// proposal in place, keeping those that involve it.
pub fn check(cal: &MeetingIndex, p: &MeetingData) -> Vec<Conflict> {
    let mut all: Vec<(u32, &MeetingData)> = cal
        .meetings
        .iter()
        .enumerate()
        .filter(|(_, m)| m.id != p.id)
        .map(|(i, m)| (i as u32, m))
        .collect();
    all.push((PROPOSED, p));
    let involves = |c: &Conflict| match c.subject {
        Subject::Pair { first, second, .. } => first == PROPOSED || second == PROPOSED,
        Subject::Meeting {
            meeting: PROPOSED, ..
        } => true,
        // Another meeting's interpretation load counts the proposal when it runs at its start.
        Subject::Meeting { meeting, .. } if c.kind == ConflictKind::InterpretationCapacity => {
            let m = &cal.meetings[meeting as usize];
            p.interpretation && p.venue == m.venue && p.start <= m.start && m.start < p.end
        }
        Subject::Meeting { .. } => false,
        Subject::Call { call } => {
            cal.meetings[cal.calls[call as usize].panel_meeting as usize].id == p.id
        }
        Subject::Entry { .. } => false,
    };
    scan_list(cal, &all, Some(p))
        .into_iter()
        .filter(involves)
        .collect()
}
