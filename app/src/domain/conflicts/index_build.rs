//! Building the engine's snapshot ([`MeetingIndex`]) from a dataset and its rules, and turning
//! domain meetings, proposals and free-slot queries into the engine's form.

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::index::{
    CallData, EntryData, Index, MeetingData, MeetingIndex, SessionData, VenueData, MAX_BODIES,
    NO_ROOM,
};
use crate::domain::{BodyCode, Dataset, Id, Meeting, MeetingType, TimeWindow};
use crate::error::QuorumError;

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
        let mut room_names = Vec::new();
        let mut venue_by_id = HashMap::new();
        let mut room_by_id = HashMap::new();
        for venue in &data.venues {
            let tz = venue.tz().map_err(|why| bad("venue", why))?;
            venue_by_id.insert(venue.id.clone(), venues.len() as u32);
            for room in &venue.rooms {
                room_by_id.insert(room.id.clone(), rooms.len() as u32);
                rooms.push(room.id.clone());
                room_names.push(room.name.clone());
            }
            let mut closures: Vec<_> = venue
                .closures
                .iter()
                .map(|c| (c.start, c.end, c.reason.clone()))
                .collect();
            closures.sort();
            venues.push(VenueData {
                id: venue.id.clone(),
                name: crate::domain::wording::place_name(&venue.name, &venue.city),
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
                title: crate::domain::session::capitalized(&data.session_title(session)),
                body,
                dates: session.dates.clone(),
            });
        }

        let mut persons = Vec::new();
        let mut person_names = Vec::new();
        let mut person_by_id = HashMap::new();
        for person in &data.persons {
            person_by_id.insert(person.id.clone(), persons.len() as u32);
            persons.push(person.id.clone());
            person_names.push(person.name.clone());
        }

        let mut calendar = MeetingIndex {
            bodies,
            body_names: data.bodies.iter().map(|b| b.short_name.clone()).collect(),
            groups,
            venues,
            rooms,
            room_names,
            sessions,
            persons,
            person_names,
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
            let panel_topic = call
                .panel
                .as_ref()
                .and_then(|p| data.panels.iter().find(|x| &x.id == p))
                .map(|p| p.topic.clone());
            calendar.calls.push(CallData {
                id: call.id.clone(),
                topic: panel_topic.or_else(|| call.topic.clone()),
                deadline: call.deadline,
                panel_meeting: *meeting,
            });
        }
        for entry in &data.workplan_entries {
            if let Some(year) = entry.year {
                calendar.entries.push(EntryData {
                    id: entry.id.clone(),
                    paragraphs: entry.paragraphs.to_string(),
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
