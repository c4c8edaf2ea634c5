//! Conflicts in words: stable identifiers, explanations naming both items, the bodies, the
//! times and what they share, and fingerprints that tell whether an accepted conflict's items
//! have changed since.

use serde::{Deserialize, Serialize};

use super::index::{bits, utc, MeetingData, MeetingIndex};
use super::{Acceptance, Conflict, ConflictKind, Severity, Shared, Subject};
use crate::domain::wording::dates;

/// A conflict as the API and the pages show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConflictView {
    /// Stable: the same clash between the same items has the same identifier.
    pub id: String,
    pub kind: ConflictKind,
    pub severity: Severity,
    pub explanation: String,
    /// The meetings involved, by key.
    pub meetings: Vec<String>,
    /// The bodies involved, by code: their Bureaus may accept the conflict.
    pub bodies: Vec<String>,
    /// The items involved as they are now; an acceptance holds while this is unchanged.
    pub fingerprint: String,
    /// Set when a warning was accepted and its items have not changed since.
    #[serde(default)]
    pub accepted: Option<Acceptance>,
}

impl MeetingIndex {
    /// Words for a conflict; `proposed` is the meeting under check, if any.
    pub fn view<'a>(
        &'a self,
        conflict: &Conflict,
        proposed: Option<&'a MeetingData>,
    ) -> ConflictView {
        let meetings: Vec<&MeetingData> = match conflict.subject {
            Subject::Pair { first, second, .. } => vec![
                self.meeting(first, proposed),
                self.meeting(second, proposed),
            ],
            Subject::Meeting { meeting, .. } => vec![self.meeting(meeting, proposed)],
            Subject::Call { call } => {
                let panel = self.calls[call as usize].panel_meeting;
                let replaced = proposed.filter(|p| self.meetings[panel as usize].id == p.id);
                vec![replaced.unwrap_or(&self.meetings[panel as usize])]
            }
            Subject::Entry { .. } => vec![],
        };
        let mut ids: Vec<String> = meetings.iter().map(|m| m.id.to_string()).collect();
        let fingerprint = meetings
            .iter()
            .map(|m| self.fingerprint(m))
            .collect::<Vec<_>>()
            .join(" | ");
        let explanation = self.explain(conflict, &meetings);
        let mut parts = vec![conflict.kind.as_str().to_owned()];
        match conflict.subject {
            Subject::Pair { on, .. } => {
                ids.sort();
                parts.push(self.shared_key(on));
                parts.extend(ids.iter().cloned());
            }
            Subject::Meeting { meeting, detail } => {
                parts.push(self.meeting(meeting, proposed).id.to_string());
                if conflict.kind == ConflictKind::OutsideSession {
                    parts.push(self.sessions[detail as usize].id.to_string());
                }
            }
            Subject::Call { call } => parts.push(self.calls[call as usize].id.to_string()),
            Subject::Entry { entry, body, year } => {
                parts.push(self.entries[entry as usize].id.to_string());
                parts.push(self.bodies[body as usize].to_string());
                parts.push(year.to_string());
            }
        }
        let mut bodies: u64 = meetings.iter().fold(0, |mask, m| mask | m.bodies);
        if let Subject::Entry { body, .. } = conflict.subject {
            bodies |= 1 << body;
        }
        ConflictView {
            id: parts.join(":"),
            kind: conflict.kind,
            severity: self.severity(conflict),
            explanation,
            meetings: ids,
            bodies: bits(bodies)
                .iter()
                .map(|b| self.bodies[*b as usize].to_string())
                .collect(),
            fingerprint,
            accepted: None,
        }
    }

    fn shared_key(&self, on: Shared) -> String {
        match on {
            Shared::Body(b) => self.bodies[b as usize].to_string(),
            Shared::Bodies(a, b) => {
                let mut pair = [
                    self.bodies[a as usize].to_string(),
                    self.bodies[b as usize].to_string(),
                ];
                pair.sort();
                pair.join("+")
            }
            Shared::Room(r) => self.rooms[r as usize].to_string(),
            Shared::Person(p) => self.persons[p as usize].to_string(),
        }
    }

    /// What about a meeting matters to conflicts, as text.
    pub fn fingerprint(&self, m: &MeetingData) -> String {
        let room = self
            .rooms
            .get(m.room as usize)
            .map(|r| r.to_string())
            .unwrap_or_default();
        let sessions: Vec<String> = m
            .sessions
            .iter()
            .map(|s| self.sessions[*s as usize].id.to_string())
            .collect();
        let persons: Vec<String> = m
            .persons
            .iter()
            .map(|p| self.persons[*p as usize].to_string())
            .collect();
        format!(
            "{} {}–{} {}/{} [{}] [{}]{}",
            m.id,
            utc(m.start).format("%Y-%m-%dT%H:%MZ"),
            utc(m.end).format("%Y-%m-%dT%H:%MZ"),
            self.venues[m.venue as usize].id,
            room,
            sessions.join(","),
            persons.join(","),
            if m.interpretation { " interpreted" } else { "" },
        )
    }

    /// "“Title” (IRG, 14 June 2023, 10:00–13:00 CEST)", at the venue.
    fn describe(&self, m: &MeetingData) -> String {
        let venue = &self.venues[m.venue as usize];
        let day = self.local(m.venue, m.start).date();
        format!(
            "“{}” ({}, {}, {})",
            m.title,
            self.body_list(m.bodies),
            dates::day(day),
            dates::hours_in(utc(m.start), utc(m.end), venue.tz, None)
        )
    }

    fn body_list(&self, mask: u64) -> String {
        bits(mask)
            .iter()
            .map(|b| self.bodies[*b as usize].to_string())
            .collect::<Vec<_>>()
            .join(" + ")
    }

    fn body_name(&self, body: u32) -> &str {
        &self.body_names[body as usize]
    }

    fn explain(&self, conflict: &Conflict, meetings: &[&MeetingData]) -> String {
        let both = || {
            format!(
                "{} and {}",
                self.describe(meetings[0]),
                self.describe(meetings[1])
            )
        };
        match (conflict.kind, conflict.subject) {
            (ConflictKind::SameBodyOverlap, Subject::Pair { on: Shared::Body(b), .. }) => {
                format!("The {} would meet twice at once: {} overlap.", self.body_name(b), both())
            }
            (ConflictKind::JointMeetingOverlap, Subject::Pair { on: Shared::Body(b), .. }) => format!(
                "A joint meeting overlaps a meeting of one of its own bodies, the {}: {}.",
                self.body_name(b),
                both()
            ),
            (ConflictKind::ParallelBodies, Subject::Pair { on: Shared::Bodies(a, b), .. }) => format!(
                "The {} and the {} must not meet in parallel (delegations cover both): {} overlap.",
                self.body_name(a),
                self.body_name(b),
                both()
            ),
            (ConflictKind::RoomDoubleBooked, Subject::Pair { on: Shared::Room(r), .. }) => {
                format!("{} is booked twice: {} overlap.", self.room_names[r as usize], both())
            }
            (ConflictKind::PersonDoubleBooked, Subject::Pair { on: Shared::Person(p), .. }) => {
                format!("{} is expected in two meetings at once: {}.", self.person_names[p as usize], both())
            }
            (ConflictKind::PersonTravelTime, Subject::Pair { on: Shared::Person(p), .. }) => format!(
                "{} cannot travel between venues in time (at least {} minutes needed): {}.",
                self.person_names[p as usize],
                self.travel / 60,
                both()
            ),
            (ConflictKind::InterpretationCapacity, Subject::Meeting { detail, .. }) => {
                let venue = &self.venues[meetings[0].venue as usize];
                format!(
                    "{} would be one of {detail} meetings with interpretation at {} at once; the venue has {} interpretation teams.",
                    self.describe(meetings[0]),
                    venue.name,
                    venue.teams
                )
            }
            (ConflictKind::VenueClosed, Subject::Meeting { detail, .. }) => {
                let venue = &self.venues[meetings[0].venue as usize];
                let (from, to, reason) = &venue.closures[detail as usize];
                format!(
                    "{} falls on a closure of {} ({reason}, {}).",
                    self.describe(meetings[0]),
                    venue.name,
                    dates::day_span(*from, *to)
                )
            }
            (ConflictKind::OutsideMeetingWindows, _) => {
                let venue = &self.venues[meetings[0].venue as usize];
                let windows: Vec<String> = venue.windows.iter().map(|w| format!("{}–{}", w.start.format("%H:%M"), w.end.format("%H:%M"))).collect();
                format!(
                    "{} lies outside the meeting windows of {} ({} local time).",
                    self.describe(meetings[0]),
                    venue.name,
                    windows.join(", ")
                )
            }
            (ConflictKind::OutsideSession, Subject::Meeting { detail, .. }) => {
                let session = &self.sessions[detail as usize];
                format!(
                    "{} lies outside the dates of its session, the {} ({}).",
                    self.describe(meetings[0]),
                    lowercase_first(&session.title),
                    dates::session_dates(&session.dates)
                )
            }
            (ConflictKind::DeadlineAfterPanel, Subject::Call { call }) => {
                let call = &self.calls[call as usize];
                let about = call.topic.as_ref().map(|t| format!(" on “{t}”")).unwrap_or_default();
                format!(
                    "The call for nominations{about} closes on {}, after its panel meets in {}.",
                    dates::day(call.deadline),
                    self.describe(meetings[0])
                )
            }
            (ConflictKind::WorkplanYearWithoutSession, Subject::Entry { entry, body, year }) => format!(
                "The workplan entry for paragraphs {} gives the {} topics for {year}, but it holds no session in {year}.",
                self.entries[entry as usize].paragraphs,
                self.body_name(body)
            ),
            (kind, _) => format!("{kind}: {}", meetings.iter().map(|m| self.describe(m)).collect::<Vec<_>>().join(", ")),
        }
    }
}

/// "Thirteenth session" → "thirteenth session", to stand inside a sentence.
fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Whether an acceptance still holds for a conflict as it is now.
pub fn still_accepted(view: &ConflictView, acceptance: &Acceptance) -> bool {
    acceptance.conflict == view.id
        && acceptance.fingerprint == view.fingerprint
        && view.severity == Severity::Warning
}
