//! The engine's snapshot of the dataset: compact, indexed, read-only.

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use super::Severity;
use crate::domain::{BodyCode, Dataset, Id, Meeting, MeetingType, SessionDates, TimeWindow};
use crate::error::QuorumError;

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
    pub tz: Tz,
    /// Sorted, inclusive local days.
    pub closures: Vec<(NaiveDate, NaiveDate, String)>,
    pub windows: Vec<TimeWindow>,
    pub teams: u32,
}

pub(crate) struct SessionData {
    pub id: Id,
    pub body: u32,
    pub dates: SessionDates,
}

pub(crate) struct CallData {
    pub id: Id,
    pub deadline: NaiveDate,
    pub panel_meeting: u32,
}

pub(crate) struct EntryData {
    pub id: Id,
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
    pub(crate) sessions: Vec<SessionData>,
    pub(crate) persons: Vec<Id>,
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

/// A meeting to check before it is saved: new, or replacing the meeting of the same id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Proposal {
    pub meeting: Meeting,
    /// Panellists and moderators of its panels, beyond the meeting's own participants.
    #[serde(default)]
    pub persons: Vec<Id>,
}

/// What the free-slot finder looks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SlotQuery {
    pub bodies: Vec<BodyCode>,
    /// Sessions the meeting would belong to, for the session-dates rule.
    #[serde(default)]
    pub sessions: Vec<Id>,
    pub duration_minutes: u32,
    pub venue: Id,
    #[serde(default)]
    pub room: Option<Id>,
    pub from: NaiveDate,
    pub to: NaiveDate,
    #[serde(default)]
    pub persons: Vec<Id>,
    #[serde(default = "yes")]
    pub interpretation: bool,
    /// Candidate starts are this many minutes apart.
    #[serde(default = "half_hour")]
    pub step_minutes: u32,
    #[serde(default = "ten")]
    pub limit: usize,
}

fn yes() -> bool {
    true
}
fn half_hour() -> u32 {
    30
}
fn ten() -> usize {
    10
}

fn bad(field: &str, why: impl Into<String>) -> QuorumError {
    QuorumError::invalid("conflict check", field, why)
}

impl MeetingIndex {
    /// Builds the snapshot from a dataset (assumed valid) and its rules.
    pub fn build(data: &Dataset) -> Result<MeetingIndex, QuorumError> {
        let rules = data.conflict_rules.clone().unwrap_or_default();
        if data.bodies.len() > MAX_BODIES {
            return Err(bad(
                "bodies",
                format!("at most {MAX_BODIES} bodies can be checked together"),
            ));
        }
        let bodies: Vec<BodyCode> = data.bodies.iter().map(|b| b.code.clone()).collect();
        let body_by_code: HashMap<BodyCode, u32> = bodies
            .iter()
            .enumerate()
            .map(|(i, b)| (b.clone(), i as u32))
            .collect();
        let groups = match &rules.parallel_groups {
            Some(groups) => groups.iter().map(|g| mask_of(&body_by_code, g)).collect(),
            None => {
                let open: Vec<BodyCode> = data
                    .bodies
                    .iter()
                    .filter(|b| b.open_to_all_states)
                    .map(|b| b.code.clone())
                    .collect();
                vec![mask_of(&body_by_code, &open)]
            }
        };

        let mut venues = Vec::new();
        let mut rooms = Vec::new();
        let mut venue_by_id = HashMap::new();
        let mut room_by_id = HashMap::new();
        for venue in &data.venues {
            let tz = venue.tz().map_err(|why| bad("venue", why))?;
            venue_by_id.insert(venue.id.clone(), venues.len() as u32);
            for room in &venue.rooms {
                room_by_id.insert(room.id.clone(), rooms.len() as u32);
                rooms.push(room.id.clone());
            }
            let mut closures: Vec<_> = venue
                .closures
                .iter()
                .map(|c| (c.start, c.end, c.reason.clone()))
                .collect();
            closures.sort();
            venues.push(VenueData {
                id: venue.id.clone(),
                tz,
                closures,
                windows: venue.windows(),
                teams: venue.interpretation_teams,
            });
        }

        let mut session_by_id = HashMap::new();
        let mut sessions = Vec::new();
        let mut body_years = BTreeSet::new();
        for session in &data.sessions {
            let body = *body_by_code
                .get(&session.body)
                .ok_or_else(|| bad("session", format!("unknown body {}", session.body)))?;
            if let Some(year) = session.dates.year() {
                body_years.insert((body, year));
            }
            session_by_id.insert(session.id.clone(), sessions.len() as u32);
            sessions.push(SessionData {
                id: session.id.clone(),
                body,
                dates: session.dates.clone(),
            });
        }

        let mut persons = Vec::new();
        let mut person_by_id = HashMap::new();
        for person in &data.persons {
            person_by_id.insert(person.id.clone(), persons.len() as u32);
            persons.push(person.id.clone());
        }

        let mut calendar = MeetingIndex {
            bodies,
            body_names: data.bodies.iter().map(|b| b.short_name.clone()).collect(),
            groups,
            venues,
            rooms,
            sessions,
            persons,
            meetings: Vec::with_capacity(data.meetings.len()),
            calls: Vec::new(),
            entries: Vec::new(),
            body_years,
            severities: super::ConflictKind::ALL
                .iter()
                .map(|k| rules.severity(*k))
                .collect(),
            travel: i64::from(rules.min_travel_minutes) * 60,
            index: Index::default(),
            meeting_by_id: HashMap::with_capacity(data.meetings.len()),
            venue_by_id,
            room_by_id,
            session_by_id,
            person_by_id,
            body_by_code,
        };

        // Persons in meetings: participants, and the panellists and moderators of their panels.
        let mut panel_persons: HashMap<&Id, Vec<&Id>> = HashMap::new();
        let mut panel_meeting: HashMap<&Id, &Id> = HashMap::new();
        for panel in &data.panels {
            panel_meeting.insert(&panel.id, &panel.meeting);
            let list = panel_persons.entry(&panel.meeting).or_default();
            list.extend(panel.moderator.iter());
            list.extend(panel.panellists.iter());
        }
        for meeting in &data.meetings {
            let extra: Vec<Id> = panel_persons
                .get(&meeting.id)
                .map(|l| l.iter().map(|p| (*p).clone()).collect())
                .unwrap_or_default();
            let resolved = calendar.resolve(meeting, &extra)?;
            calendar
                .meeting_by_id
                .insert(meeting.id.clone(), calendar.meetings.len() as u32);
            calendar.meetings.push(resolved);
        }
        for call in &data.calls_for_nominations {
            let Some(meeting) = call
                .panel
                .as_ref()
                .and_then(|p| panel_meeting.get(p))
                .and_then(|m| calendar.meeting_by_id.get(*m))
            else {
                continue;
            };
            calendar.calls.push(CallData {
                id: call.id.clone(),
                deadline: call.deadline,
                panel_meeting: *meeting,
            });
        }
        for entry in &data.workplan_entries {
            if let Some(year) = entry.year {
                calendar.entries.push(EntryData {
                    id: entry.id.clone(),
                    bodies: mask_of(&calendar.body_by_code, &entry.bodies),
                    year,
                });
            }
        }
        calendar.index = calendar.build_index();
        Ok(calendar)
    }

    /// Turns a domain meeting into the engine's form, naming what it does not know.
    pub fn resolve(
        &self,
        meeting: &Meeting,
        extra_persons: &[Id],
    ) -> Result<MeetingData, QuorumError> {
        let venue = *self
            .venue_by_id
            .get(&meeting.venue)
            .ok_or_else(|| bad("venue", format!("unknown venue {}", meeting.venue)))?;
        let room = match &meeting.room {
            Some(room) => *self
                .room_by_id
                .get(room)
                .ok_or_else(|| bad("room", format!("unknown room {room}")))?,
            None => NO_ROOM,
        };
        let mut sessions = Vec::with_capacity(meeting.sessions.len());
        let mut bodies = 0u64;
        for id in &meeting.sessions {
            let s = *self
                .session_by_id
                .get(id)
                .ok_or_else(|| bad("sessions", format!("unknown session {id}")))?;
            bodies |= 1 << self.sessions[s as usize].body;
            sessions.push(s);
        }
        let mut persons: Vec<u32> = Vec::new();
        for id in meeting.participants.iter().chain(extra_persons) {
            persons.push(
                *self
                    .person_by_id
                    .get(id)
                    .ok_or_else(|| bad("persons", format!("unknown person {id}")))?,
            );
        }
        persons.sort_unstable();
        persons.dedup();
        if meeting.end <= meeting.start {
            return Err(bad("end", "end before start"));
        }
        Ok(MeetingData {
            id: meeting.id.clone(),
            title: meeting.title.clone(),
            start: meeting.start.timestamp(),
            end: meeting.end.timestamp(),
            bodies,
            venue,
            room,
            interpretation: meeting.interpretation,
            joint: meeting.kind == MeetingType::JointMeeting || bodies.count_ones() > 1,
            sessions,
            persons,
        })
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

    fn build_index(&self) -> Index {
        let by_start = |list: &mut Vec<u32>| {
            list.sort_unstable_by_key(|&m| (self.meetings[m as usize].start, m))
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

    /// Builds a proposal's engine form, with the persons of the meeting it replaces when the
    /// proposal names none.
    pub fn proposal(&self, proposal: &Proposal) -> Result<MeetingData, QuorumError> {
        let mut data = self.resolve(&proposal.meeting, &proposal.persons)?;
        if proposal.persons.is_empty() && proposal.meeting.participants.is_empty() {
            if let Some(&old) = self.meeting_by_id.get(&proposal.meeting.id) {
                data.persons = self.meetings[old as usize].persons.clone();
            }
        }
        Ok(data)
    }

    /// The time zone of a venue, by key.
    pub fn venue_time_zone(&self, id: &Id) -> Option<Tz> {
        self.venue_by_id
            .get(id)
            .map(|v| self.venues[*v as usize].tz)
    }

    /// Checks a free-slot query and resolves the meeting it describes, before a time is chosen.
    pub fn slot_template(
        &self,
        q: &SlotQuery,
    ) -> Result<(MeetingData, Vec<TimeWindow>), QuorumError> {
        if q.to < q.from {
            return Err(bad("to", "end before start"));
        }
        if q.duration_minutes == 0 || q.duration_minutes > 24 * 60 {
            return Err(bad("duration_minutes", "must be between 1 and 1440"));
        }
        if q.step_minutes == 0 {
            return Err(bad("step_minutes", "must be at least 1"));
        }
        if (q.to - q.from).num_days() > 366 {
            return Err(bad("to", "search at most one year at a time"));
        }
        if q.bodies.is_empty() {
            return Err(bad("bodies", "name at least one body"));
        }
        let mut bodies = 0u64;
        for code in &q.bodies {
            bodies |= 1
                << self
                    .body_by_code
                    .get(code)
                    .ok_or_else(|| bad("bodies", format!("unknown body {code}")))?;
        }
        let template = Meeting {
            id: Id::parse("proposed-slot").expect("valid key"),
            title: "Proposed meeting".into(),
            kind: if bodies.count_ones() > 1 {
                MeetingType::JointMeeting
            } else {
                MeetingType::Plenary
            },
            sessions: q.sessions.clone(),
            venue: q.venue.clone(),
            room: q.room.clone(),
            start: DateTime::<Utc>::UNIX_EPOCH,
            end: DateTime::<Utc>::UNIX_EPOCH + Duration::minutes(i64::from(q.duration_minutes)),
            participants: q.persons.clone(),
            interpretation: q.interpretation,
            illustrative: false,
            status: crate::domain::MeetingStatus::Planned,
            sequence: 0,
            updated_at: None,
        };
        let mut data = self.resolve(&template, &[])?;
        data.bodies |= bodies;
        data.joint = data.bodies.count_ones() > 1;
        let windows = self.venues[data.venue as usize].windows.clone();
        Ok((data, windows))
    }
}

/// The bit set of the known bodies among `codes`.
fn mask_of(index: &HashMap<BodyCode, u32>, codes: &[BodyCode]) -> u64 {
    codes
        .iter()
        .filter_map(|c| index.get(c))
        .fold(0u64, |mask, i| mask | 1 << i)
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
