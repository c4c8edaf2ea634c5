//! The engine's snapshot of the dataset: compact, indexed, read-only. This file holds its form —
//! meetings, venues, sessions, calls and workplan entries as indexes and bit sets, the per-key
//! lists sorted by start — and the queries on it; `index_build.rs` builds it from a
//! [`crate::domain::Dataset`] and resolves domain meetings into it.

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;

use super::Severity;
use crate::domain::{BodyCode, Id, SessionDates, TimeWindow};

/// The index standing for the meeting under check, which is not in the calendar.
pub const PROPOSED: u32 = u32::MAX;
pub(crate) const NO_ROOM: u32 = u32::MAX;

/// Bodies are bits of a `u64`: the Conference has a handful; 64 is the ceiling.
pub const MAX_BODIES: usize = 64;

/// A meeting as the engine sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingData {
    pub id: Id,
    pub title: String,
    /// Seconds since the epoch, UTC.
    pub start: i64,
    pub end: i64,
    /// Bit set of body indexes.
    pub bodies: u64,
    pub venue: u32,
    pub room: u32,
    pub interpretation: bool,
    /// A joint meeting: declared as such, or held by two bodies or more.
    pub joint: bool,
    pub sessions: Vec<u32>,
    pub persons: Vec<u32>,
}

pub(crate) struct VenueData {
    pub id: Id,
    /// The venue as a place, "Vienna International Centre".
    pub name: String,
    pub tz: Tz,
    /// Sorted, inclusive local days.
    pub closures: Vec<(NaiveDate, NaiveDate, String)>,
    pub windows: Vec<TimeWindow>,
    pub teams: u32,
}

pub(crate) struct SessionData {
    pub id: Id,
    /// "Thirteenth session of the Implementation Review Group".
    pub title: String,
    pub body: u32,
    pub dates: SessionDates,
}

pub(crate) struct CallData {
    pub id: Id,
    /// What the call is about, as its text says, if it says.
    pub topic: Option<String>,
    pub deadline: NaiveDate,
    pub panel_meeting: u32,
}

pub(crate) struct EntryData {
    pub id: Id,
    /// The declaration's paragraphs it covers, "11, 13".
    pub paragraphs: String,
    pub bodies: u64,
    pub year: i32,
}

/// Meeting indexes sorted by start, per key.
#[derive(Default)]
pub(crate) struct Index {
    pub by_body: Vec<Vec<u32>>,
    pub by_group: Vec<Vec<u32>>,
    pub by_room: Vec<Vec<u32>>,
    pub by_person: Vec<Vec<u32>>,
    /// Per venue, meetings with interpretation: sorted starts and sorted ends.
    pub interpretation_starts: Vec<Vec<i64>>,
    pub interpretation_ends: Vec<Vec<i64>>,
    pub interpretation_by_venue: Vec<Vec<u32>>,
    /// The longest meeting, bounding every backward search.
    pub max_duration: i64,
}

/// A compact, indexed snapshot of the calendar for conflict checking.
pub struct MeetingIndex {
    pub(crate) bodies: Vec<BodyCode>,
    pub(crate) body_names: Vec<String>,
    /// No-parallel groups as body bit sets.
    pub(crate) groups: Vec<u64>,
    pub(crate) venues: Vec<VenueData>,
    pub(crate) rooms: Vec<Id>,
    /// Each room's name, in the order of `rooms`.
    pub(crate) room_names: Vec<String>,
    pub(crate) sessions: Vec<SessionData>,
    pub(crate) persons: Vec<Id>,
    /// Each person's name, in the order of `persons`.
    pub(crate) person_names: Vec<String>,
    pub(crate) meetings: Vec<MeetingData>,
    pub(crate) calls: Vec<CallData>,
    pub(crate) entries: Vec<EntryData>,
    /// (body, year) pairs in which a body holds a session.
    pub(crate) body_years: BTreeSet<(u32, i32)>,
    pub(crate) severities: Vec<Severity>,
    pub(crate) travel: i64,
    pub(crate) index: Index,
    pub(crate) meeting_by_id: HashMap<Id, u32>,
    pub(crate) venue_by_id: HashMap<Id, u32>,
    pub(crate) room_by_id: HashMap<Id, u32>,
    pub(crate) session_by_id: HashMap<Id, u32>,
    pub(crate) person_by_id: HashMap<Id, u32>,
    pub(crate) body_by_code: HashMap<BodyCode, u32>,
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

    /// Adds a meeting given directly in the engine's form (used by benchmarks and tests to build
    /// large calendars without a dataset); call [`MeetingIndex::reindex`] after the last one.
    pub fn push_meeting(&mut self, meeting: MeetingData) {
        self.meeting_by_id
            .insert(meeting.id.clone(), self.meetings.len() as u32);
        self.meetings.push(meeting);
    }

    /// Adds a person known to the calendar; returns its index.
    pub fn push_person(&mut self, id: Id) -> u32 {
        let index = self.persons.len() as u32;
        self.person_by_id.insert(id.clone(), index);
        self.persons.push(id);
        index
    }

    pub fn reindex(&mut self) {
        self.index = self.build_index();
    }

    pub fn meeting_count(&self) -> usize {
        self.meetings.len()
    }

    /// Body, room, venue and session indexes by key, for building meetings by hand.
    pub fn body_index(&self, code: &BodyCode) -> Option<u32> {
        self.body_by_code.get(code).copied()
    }
    pub fn venue_index(&self, id: &Id) -> Option<u32> {
        self.venue_by_id.get(id).copied()
    }
    pub fn room_index(&self, id: &Id) -> Option<u32> {
        self.room_by_id.get(id).copied()
    }
    pub fn session_index(&self, id: &Id) -> Option<u32> {
        self.session_by_id.get(id).copied()
    }

    pub(super) fn build_index(&self) -> Index {
        let by_start = |list: &mut Vec<u32>| {
            list.sort_unstable_by_key(|&m| (self.meetings[m as usize].start, m));
        };
        let mut index = Index {
            by_body: vec![Vec::new(); self.bodies.len()],
            by_group: vec![Vec::new(); self.groups.len()],
            by_room: vec![Vec::new(); self.rooms.len()],
            by_person: vec![Vec::new(); self.persons.len()],
            interpretation_starts: vec![Vec::new(); self.venues.len()],
            interpretation_ends: vec![Vec::new(); self.venues.len()],
            interpretation_by_venue: vec![Vec::new(); self.venues.len()],
            max_duration: 0,
        };
        for (i, m) in self.meetings.iter().enumerate() {
            let i = i as u32;
            index.max_duration = index.max_duration.max(m.end - m.start);
            for_each_bit(m.bodies, |b| index.by_body[b as usize].push(i));
            for (g, mask) in self.groups.iter().enumerate() {
                if m.bodies & mask != 0 {
                    index.by_group[g].push(i);
                }
            }
            if m.room != NO_ROOM {
                index.by_room[m.room as usize].push(i);
            }
            for &p in &m.persons {
                index.by_person[p as usize].push(i);
            }
            if m.interpretation {
                index.interpretation_by_venue[m.venue as usize].push(i);
                index.interpretation_starts[m.venue as usize].push(m.start);
                index.interpretation_ends[m.venue as usize].push(m.end);
            }
        }
        for list in index
            .by_body
            .iter_mut()
            .chain(index.by_group.iter_mut())
            .chain(index.by_room.iter_mut())
            .chain(index.by_person.iter_mut())
            .chain(index.interpretation_by_venue.iter_mut())
        {
            by_start(list);
        }
        for list in index
            .interpretation_starts
            .iter_mut()
            .chain(index.interpretation_ends.iter_mut())
        {
            list.sort_unstable();
        }
        index
    }

    /// The local wall-clock time of an instant at a venue.
    pub(crate) fn local(&self, venue: u32, instant: i64) -> NaiveDateTime {
        let tz = self.venues[venue as usize].tz;
        tz.from_utc_datetime(&utc(instant).naive_utc())
            .naive_local()
    }

    /// Local days a meeting touches: from its start to the second before its end.
    pub(crate) fn local_days(&self, m: &MeetingData) -> (NaiveDate, NaiveDate) {
        let first = self.local(m.venue, m.start).date();
        let last = self.local(m.venue, m.end - 1).date().max(first);
        (first, last)
    }

    /// The time zone of a venue, by key.
    pub fn venue_time_zone(&self, id: &Id) -> Option<Tz> {
        self.venue_by_id
            .get(id)
            .map(|v| self.venues[*v as usize].tz)
    }
}

pub(crate) fn utc(instant: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(instant, 0).unwrap_or(DateTime::<Utc>::UNIX_EPOCH)
}

/// Calls `f` with the index of every set bit, lowest first.
pub(crate) fn for_each_bit(mut mask: u64, mut f: impl FnMut(u32)) {
    while mask != 0 {
        f(mask.trailing_zeros());
        mask &= mask - 1;
    }
}

/// The body indexes in a mask, lowest first.
pub(crate) fn bits(mask: u64) -> Vec<u32> {
    let mut out = Vec::new();
    for_each_bit(mask, |b| out.push(b));
    out
}
