use std::collections::{BTreeMap, BTreeSet};

use chrono::Duration;
use serde::{Deserialize, Serialize};

use super::agenda::is_document_symbol;
use super::conflicts::{Acceptance, ConflictRules, MAX_BODIES};
use super::party::is_iso_alpha2;
use super::*;
use crate::error::QuorumError;

/// Everything Quorum holds, as one document: the format of `quorum export`, `quorum import`
/// and `POST /api/import` (documented in `docs/import-format.md`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    /// Format version, so that later versions can read older files.
    pub format: u32,
    #[serde(default)]
    pub bodies: Vec<Body>,
    #[serde(default)]
    pub states_parties: Vec<StateParty>,
    #[serde(default)]
    pub organisations: Vec<Organisation>,
    #[serde(default)]
    pub persons: Vec<Person>,
    #[serde(default)]
    pub bureau_members: Vec<BureauMember>,
    #[serde(default)]
    pub venues: Vec<Venue>,
    #[serde(default)]
    pub sessions: Vec<Session>,
    #[serde(default)]
    pub meetings: Vec<Meeting>,
    #[serde(default)]
    pub agenda_items: Vec<AgendaItem>,
    #[serde(default)]
    pub documents: Vec<Document>,
    #[serde(default)]
    pub declaration_sections: Vec<DeclarationSection>,
    #[serde(default)]
    pub declaration_paragraphs: Vec<DeclarationParagraph>,
    #[serde(default)]
    pub workplan: Option<Workplan>,
    #[serde(default)]
    pub workplan_entries: Vec<WorkplanEntry>,
    #[serde(default)]
    pub panels: Vec<Panel>,
    #[serde(default)]
    pub calls_for_nominations: Vec<CallForNominations>,
    #[serde(default)]
    pub nominations: Vec<Nomination>,
    #[serde(default)]
    pub contributions: Vec<Contribution>,
    #[serde(default)]
    pub contribution_tallies: Vec<ContributionTally>,
    /// The conflict rules in force; absent means the defaults.
    #[serde(default)]
    pub conflict_rules: Option<ConflictRules>,
    /// Warnings accepted with a reason.
    #[serde(default)]
    pub conflict_acceptances: Vec<Acceptance>,
}

/// The format version this build writes.
pub const DATASET_FORMAT: u32 = 1;

/// The longest short text — a name, title, topic, code, symbol or place — in characters: room
/// for the longest UN title, while every feed and page that repeats it stays small.
pub const SHORT_TEXT_MAX: usize = 500;

/// The longest long text — notes, justifications, biographies, reasons — in characters: pages
/// of prose, not a book.
pub const LONG_TEXT_MAX: usize = 20_000;

/// Whether a character overrides or isolates the direction of text (U+202A–U+202E,
/// U+2066–U+2069): invisible, they make a stored text display other than it reads. The marks
/// U+200E and U+200F, which Arabic text uses, are not among them.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Checks one stored text: at most `limit` characters, no direction controls, no NUL (which
/// PostgreSQL cannot store); says what is wrong in plain words. The one check of every text
/// field, in validation and wherever text is stored outside the dataset.
pub fn check_text(text: &str, limit: usize) -> Result<(), String> {
    let length = text.chars().count();
    if length > limit {
        return Err(format!(
            "is {length} characters long; at most {limit} are allowed"
        ));
    }
    if let Some(c) = text.chars().find(|c| is_bidi_control(*c)) {
        return Err(format!(
            "contains the invisible direction control U+{:04X}, which makes text display other \
             than it reads; type the text without it",
            u32::from(c)
        ));
    }
    if text.contains('\0') {
        return Err("contains a NUL character, which cannot be stored".into());
    }
    Ok(())
}

/// Collects validation errors, each naming its record and field.
#[derive(Default)]
struct Errors(Vec<QuorumError>);

impl Errors {
    fn add(&mut self, record: impl Into<String>, field: &str, message: impl Into<String>) {
        self.0.push(QuorumError::invalid(record, field, message));
    }

    /// Records a key and reports it when it was already seen.
    fn unique<K: Ord + Clone>(
        &mut self,
        seen: &mut BTreeSet<K>,
        key: &K,
        record: &str,
        field: &str,
    ) {
        if !seen.insert(key.clone()) {
            self.add(record, field, "appears more than once");
        }
    }

    /// Checks one stored text field with [`check_text`].
    fn text(&mut self, value: &str, limit: usize, record: &str, field: &str) {
        if let Err(why) = check_text(value, limit) {
            self.add(record, field, why);
        }
    }

    /// [`Errors::text`] for a field that may be absent.
    fn text_opt(&mut self, value: Option<&str>, limit: usize, record: &str, field: &str) {
        if let Some(value) = value {
            self.text(value, limit, record, field);
        }
    }

    fn not_empty(&mut self, value: &str, record: &str, field: &str) {
        if value.trim().is_empty() {
            self.add(record, field, "must not be empty");
        }
    }

    fn known<K: Ord + std::fmt::Display>(
        &mut self,
        set: &BTreeSet<K>,
        key: &K,
        record: &str,
        field: &str,
        what: &str,
    ) {
        if !set.contains(key) {
            self.add(record, field, format!("unknown {what} {key}"));
        }
    }
}

impl Dataset {
    /// The bodies holding a meeting: those of its sessions, in the meeting's order.
    pub fn bodies_of(&self, meeting: &Meeting) -> Vec<BodyCode> {
        meeting
            .sessions
            .iter()
            .filter_map(|s| self.sessions.iter().find(|x| &x.id == s))
            .map(|s| s.body.clone())
            .collect()
    }

    /// An empty dataset of the current format.
    pub fn empty() -> Self {
        Dataset {
            format: DATASET_FORMAT,
            ..Default::default()
        }
    }

    /// Checks every record and every reference between records, collecting all errors so that
    /// an import can report them together before writing anything.
    pub fn validate(&self) -> Result<(), QuorumError> {
        let mut e = Errors::default();
        if self.format != DATASET_FORMAT {
            e.add(
                "dataset",
                "format",
                format!(
                    "unsupported format {}, expected {DATASET_FORMAT}",
                    self.format
                ),
            );
        }

        // The conflict engine holds each body as one bit of a word: one more would leave every
        // calendar and conflict page unable to answer.
        if self.bodies.len() > MAX_BODIES {
            e.add(
                "dataset",
                "bodies",
                format!(
                    "Quorum holds at most {MAX_BODIES} bodies, and this would make {}; remove one before adding another",
                    self.bodies.len()
                ),
            );
        }
        let mut bodies = BTreeSet::new();
        for body in &self.bodies {
            if let Err(err) = body.validate() {
                e.0.push(err);
            }
            let record = format!("body {}", body.code);
            e.text(&body.name, SHORT_TEXT_MAX, &record, "name");
            e.text(&body.short_name, SHORT_TEXT_MAX, &record, "short_name");
            e.unique(
                &mut bodies,
                &body.code,
                &format!("body {}", body.code),
                "code",
            );
        }
        for body in &self.bodies {
            if let Some(parent) = &body.parent {
                e.known(
                    &bodies,
                    parent,
                    &format!("body {}", body.code),
                    "parent",
                    "body",
                );
            }
        }

        let mut states = BTreeSet::new();
        for state in &self.states_parties {
            let record = format!("State party {}", state.iso_code);
            if !is_iso_alpha2(&state.iso_code) {
                e.add(
                    &record,
                    "iso_code",
                    "must be an ISO 3166-1 alpha-2 code such as AT",
                );
            }
            e.unique(&mut states, &state.iso_code, &record, "iso_code");
            e.not_empty(&state.name, &record, "name");
            e.text(&state.name, SHORT_TEXT_MAX, &record, "name");
        }
        let mut organisations = BTreeSet::new();
        for org in &self.organisations {
            let record = format!("organisation {}", org.id);
            e.unique(&mut organisations, &org.id, &record, "id");
            e.not_empty(&org.name, &record, "name");
            e.text(&org.name, SHORT_TEXT_MAX, &record, "name");
        }
        let check_affiliation = |e: &mut Errors,
                                 affiliation: &Affiliation,
                                 record: &str,
                                 field: &str| match affiliation {
            Affiliation::State(code) => e.known(&states, code, record, field, "State party"),
            Affiliation::Organisation(id) => {
                e.known(&organisations, id, record, field, "organisation")
            }
        };

        let mut persons = BTreeSet::new();
        for person in &self.persons {
            let record = format!("person {}", person.id);
            e.unique(&mut persons, &person.id, &record, "id");
            e.not_empty(&person.name, &record, "name");
            e.text(&person.name, SHORT_TEXT_MAX, &record, "name");
            e.text_opt(person.title.as_deref(), SHORT_TEXT_MAX, &record, "title");
            e.text_opt(person.email.as_deref(), SHORT_TEXT_MAX, &record, "email");
            if let Some(affiliation) = &person.affiliation {
                check_affiliation(&mut e, affiliation, &record, "affiliation");
            }
            if person.email.as_deref().is_some_and(|m| !m.contains('@')) {
                e.add(&record, "email", "is not an e-mail address");
            }
        }
        for (i, seat) in self.bureau_members.iter().enumerate() {
            let record = format!("bureau member {} ({} of {})", i + 1, seat.person, seat.body);
            e.known(&bodies, &seat.body, &record, "body", "body");
            e.known(&persons, &seat.person, &record, "person", "person");
            if seat.term_end.is_some_and(|end| end < seat.term_start) {
                e.add(&record, "term_end", "end before start");
            }
        }

        let mut venues = BTreeMap::new();
        let mut rooms = BTreeMap::new();
        for venue in &self.venues {
            let record = format!("venue {}", venue.id);
            if venues.insert(venue.id.clone(), venue).is_some() {
                e.add(&record, "id", "appears more than once");
            }
            e.not_empty(&venue.name, &record, "name");
            e.text(&venue.name, SHORT_TEXT_MAX, &record, "name");
            e.text(&venue.city, SHORT_TEXT_MAX, &record, "city");
            if let Err(why) = venue.tz() {
                e.add(&record, "time_zone", format!("unknown time zone: {why}"));
            }
            if !is_iso_alpha2(&venue.country) {
                e.add(&record, "country", "must be an ISO 3166-1 alpha-2 code");
            }
            for room in &venue.rooms {
                if rooms.insert(room.id.clone(), venue.id.clone()).is_some() {
                    e.add(format!("room {}", room.id), "id", "appears more than once");
                }
                e.text(
                    &room.name,
                    SHORT_TEXT_MAX,
                    &format!("room {}", room.id),
                    "name",
                );
            }
            for window in &venue.meeting_windows {
                if window.end <= window.start {
                    e.add(
                        &record,
                        "meeting_windows",
                        format!(
                            "window {}–{} ends before it starts",
                            window.start, window.end
                        ),
                    );
                }
            }
            for closure in &venue.closures {
                // A closure's reason is a label ("Easter Monday") shown in calendars and
                // warnings, so a short text.
                e.text(&closure.reason, SHORT_TEXT_MAX, &record, "closures");
                if closure.end < closure.start {
                    e.add(
                        &record,
                        "closures",
                        format!("closure {:?}: end before start", closure.reason),
                    );
                }
            }
        }

        let mut sessions = BTreeMap::new();
        let mut numbers = BTreeSet::new();
        for session in &self.sessions {
            let record = format!("session {}", session.id);
            if sessions.insert(session.id.clone(), session).is_some() {
                e.add(&record, "id", "appears more than once");
            }
            e.known(&bodies, &session.body, &record, "body", "body");
            e.text_opt(
                session.subject.as_deref(),
                SHORT_TEXT_MAX,
                &record,
                "subject",
            );
            e.text_opt(session.notes.as_deref(), LONG_TEXT_MAX, &record, "notes");
            if let Some(venue) = &session.venue {
                if !venues.contains_key(venue) {
                    e.add(&record, "venue", format!("unknown venue {venue}"));
                }
            }
            if let SessionDates::Days { start, end } = session.dates {
                if end < start {
                    e.add(&record, "dates", "end before start");
                }
            }
            match (session.kind, session.number, session.resumed) {
                (SessionKind::Regular, None, _) => {
                    e.add(&record, "number", "a regular session needs its number")
                }
                (SessionKind::Resumed, None, _) => e.add(
                    &record,
                    "number",
                    "a resumed session carries its original's number",
                ),
                (SessionKind::Resumed, _, None | Some(0)) => e.add(
                    &record,
                    "resumed",
                    "a resumed session needs its part (1 = first resumed)",
                ),
                (
                    SessionKind::Regular | SessionKind::Special | SessionKind::Intersessional,
                    _,
                    Some(_),
                ) => e.add(
                    &record,
                    "resumed",
                    format!(
                        "only resumed sessions have a part, not a {} one",
                        session.kind
                    ),
                ),
                _ => {}
            }
            if session.number == Some(0) {
                e.add(&record, "number", "session numbers start at 1");
            }
            if let Some(number) = session.number {
                let key = (session.body.clone(), session.kind, number, session.resumed);
                if !numbers.insert(key) {
                    e.add(
                        &record,
                        "number",
                        format!(
                            "{} already has a {} session number {number}{}",
                            session.body,
                            session.kind,
                            session
                                .resumed
                                .map(|p| format!(", part {p}"))
                                .unwrap_or_default()
                        ),
                    );
                }
            }
        }
        for session in &self.sessions {
            if let (SessionKind::Resumed, Some(number), Some(part)) =
                (session.kind, session.number, session.resumed)
            {
                let record = format!("session {}", session.id);
                if !numbers.contains(&(session.body.clone(), SessionKind::Regular, number, None)) {
                    e.add(&record, "number", format!("resumed session without its original: {} has no regular session {number}", session.body));
                }
                if part > 1
                    && !numbers.contains(&(
                        session.body.clone(),
                        SessionKind::Resumed,
                        number,
                        Some(part - 1),
                    ))
                {
                    e.add(
                        &record,
                        "resumed",
                        format!("part {part} needs part {} of the same session", part - 1),
                    );
                }
            }
        }

        let mut meetings = BTreeSet::new();
        for meeting in &self.meetings {
            let record = format!("meeting {}", meeting.id);
            e.unique(&mut meetings, &meeting.id, &record, "id");
            e.not_empty(&meeting.title, &record, "title");
            e.text(&meeting.title, SHORT_TEXT_MAX, &record, "title");
            if meeting.end <= meeting.start {
                e.add(&record, "end", "end before start");
            }
            let venue = venues.get(&meeting.venue);
            if venue.is_none() {
                e.add(&record, "venue", format!("unknown venue {}", meeting.venue));
            }
            if let Some(room) = &meeting.room {
                match rooms.get(room) {
                    None => e.add(&record, "room", format!("unknown room {room}")),
                    Some(owner) if *owner != meeting.venue => e.add(
                        &record,
                        "room",
                        format!("room {room} is at venue {owner}, not {}", meeting.venue),
                    ),
                    Some(_) => {}
                }
            }
            for person in &meeting.participants {
                e.known(&persons, person, &record, "participants", "person");
            }
            if meeting.sessions.is_empty() {
                e.add(
                    &record,
                    "sessions",
                    "a meeting belongs to at least one session",
                );
            }
            let mut meeting_bodies = BTreeSet::new();
            for id in &meeting.sessions {
                let Some(session) = sessions.get(id) else {
                    e.add(&record, "sessions", format!("unknown session {id}"));
                    continue;
                };
                if !meeting_bodies.insert(session.body.clone()) {
                    e.add(
                        &record,
                        "sessions",
                        format!("two sessions of {} in one meeting", session.body),
                    );
                }
                if session.venue.as_ref().is_some_and(|v| *v != meeting.venue) {
                    e.add(
                        &record,
                        "venue",
                        format!("session {id} meets at another venue"),
                    );
                }
                let Some(tz) = venue.and_then(|v| v.tz().ok()) else {
                    continue;
                };
                let first_day = meeting.start.with_timezone(&tz).date_naive();
                // A meeting ending at midnight belongs to the day before.
                let last_day = (meeting.end - Duration::seconds(1))
                    .with_timezone(&tz)
                    .date_naive();
                match (
                    session.dates.contains_day(first_day),
                    session.dates.contains_day(last_day.max(first_day)),
                ) {
                    (None, _) | (_, None) => {
                        e.add(&record, "start", format!("session {id} has no dates yet"))
                    }
                    (Some(true), Some(true)) => {}
                    _ => e.add(
                        &record,
                        "start",
                        format!("meeting outside its session {id}"),
                    ),
                }
            }
            if meeting.kind == MeetingType::JointMeeting && meeting_bodies.len() < 2 {
                e.add(
                    &record,
                    "sessions",
                    "a joint meeting needs sessions of at least two bodies",
                );
            }
        }

        let mut agenda = BTreeSet::new();
        for item in &self.agenda_items {
            let record = format!("agenda item {} of {}", item.number, item.session);
            if !sessions.contains_key(&item.session) {
                e.add(
                    &record,
                    "session",
                    format!("unknown session {}", item.session),
                );
            }
            e.unique(
                &mut agenda,
                &(item.session.clone(), item.number.clone()),
                &record,
                "number",
            );
            e.not_empty(&item.number, &record, "number");
            e.not_empty(&item.title, &record, "title");
            e.text(&item.number, SHORT_TEXT_MAX, &record, "number");
            e.text(&item.title, SHORT_TEXT_MAX, &record, "title");
        }
        let mut symbols = BTreeSet::new();
        for doc in &self.documents {
            let record = format!("document {}", doc.symbol);
            if !is_document_symbol(&doc.symbol) {
                e.add(
                    &record,
                    "symbol",
                    "is not a document symbol such as CAC/COSP/2023/1",
                );
            }
            e.unique(&mut symbols, &doc.symbol, &record, "symbol");
            e.not_empty(&doc.title, &record, "title");
            e.text(&doc.symbol, SHORT_TEXT_MAX, &record, "symbol");
            e.text(&doc.title, SHORT_TEXT_MAX, &record, "title");
            e.text_opt(
                doc.agenda_item.as_deref(),
                SHORT_TEXT_MAX,
                &record,
                "agenda_item",
            );
            if let Some(session) = &doc.session {
                if !sessions.contains_key(session) {
                    e.add(&record, "session", format!("unknown session {session}"));
                }
                if let Some(item) = &doc.agenda_item {
                    if !agenda.contains(&(session.clone(), item.clone())) {
                        e.add(
                            &record,
                            "agenda_item",
                            format!("session {session} has no agenda item {item}"),
                        );
                    }
                }
            } else if doc.agenda_item.is_some() {
                e.add(&record, "agenda_item", "an agenda item needs its session");
            }
        }

        let mut sections = BTreeSet::new();
        for section in &self.declaration_sections {
            let record = format!("declaration section {}", section.id);
            e.unique(&mut sections, &section.id, &record, "id");
            e.text(&section.title, SHORT_TEXT_MAX, &record, "title");
        }
        let mut paragraphs = BTreeSet::new();
        for paragraph in &self.declaration_paragraphs {
            let record = format!("declaration paragraph {}", paragraph.number);
            e.unique(&mut paragraphs, &paragraph.number, &record, "number");
            if let Some(section) = &paragraph.section {
                e.known(&sections, section, &record, "section", "section");
            }
        }
        if let Some(plan) = &self.workplan {
            e.text(&plan.title, SHORT_TEXT_MAX, "workplan", "title");
            if let Err((field, why)) = plan.check() {
                e.add("workplan", field, why);
            }
        }
        let mut entries = BTreeSet::new();
        for entry in &self.workplan_entries {
            let record = format!("workplan entry {}", entry.id);
            e.unique(&mut entries, &entry.id, &record, "id");
            for topic in &entry.topics {
                e.text(topic, SHORT_TEXT_MAX, &record, "topics");
            }
            e.text_opt(entry.notes.as_deref(), LONG_TEXT_MAX, &record, "notes");
            if entry.bodies.is_empty() {
                e.add(&record, "bodies", "names no body");
            }
            for body in &entry.bodies {
                e.known(&bodies, body, &record, "bodies", "body");
            }
            if entry.year.is_none() && entry.session.is_none() {
                e.add(&record, "year", "needs a year or a session");
            }
            if let Some(session) = &entry.session {
                if !sessions.contains_key(session) {
                    e.add(&record, "session", format!("unknown session {session}"));
                }
            }
            if let Some(why) = entry.paragraphs.problem() {
                e.add(&record, "paragraphs", why);
            }
            for number in entry.paragraphs.numbers() {
                if !paragraphs.contains(&number) {
                    e.add(
                        &record,
                        "paragraphs",
                        format!("unknown declaration paragraph {number}"),
                    );
                }
            }
            for section in &entry.sections {
                e.known(&sections, section, &record, "sections", "section");
            }
        }

        let mut panels = BTreeSet::new();
        for panel in &self.panels {
            let record = format!("panel {}", panel.id);
            e.unique(&mut panels, &panel.id, &record, "id");
            e.not_empty(&panel.topic, &record, "topic");
            e.text(&panel.topic, SHORT_TEXT_MAX, &record, "topic");
            e.text_opt(panel.notes.as_deref(), LONG_TEXT_MAX, &record, "notes");
            e.known(&meetings, &panel.meeting, &record, "meeting", "meeting");
            if let Some(entry) = &panel.workplan_entry {
                e.known(&entries, entry, &record, "workplan_entry", "workplan entry");
            }
            if let Some(moderator) = &panel.moderator {
                e.known(&persons, moderator, &record, "moderator", "person");
            }
            let mut seen = BTreeSet::new();
            for person in &panel.panellists {
                e.known(&persons, person, &record, "panellists", "person");
                if !seen.insert(person) {
                    e.add(&record, "panellists", format!("{person} is listed twice"));
                }
            }
        }
        let mut calls = BTreeMap::new();
        for call in &self.calls_for_nominations {
            let record = format!("call for nominations {}", call.id);
            if calls.insert(call.id.clone(), call).is_some() {
                e.add(&record, "id", "appears more than once");
            }
            e.text_opt(call.topic.as_deref(), SHORT_TEXT_MAX, &record, "topic");
            if call.deadline < call.note_verbale_date {
                e.add(&record, "deadline", "deadline before the note verbale");
            }
            if let Some(panel) = &call.panel {
                e.known(&panels, panel, &record, "panel", "panel");
            } else if call.topic.as_deref().is_none_or(|t| t.trim().is_empty()) {
                e.add(&record, "topic", "a call names a panel or a topic");
            }
        }
        let mut nominations = BTreeSet::new();
        for nomination in &self.nominations {
            let record = format!("nomination {}", nomination.id);
            e.unique(&mut nominations, &nomination.id, &record, "id");
            e.text(
                &nomination.justification,
                LONG_TEXT_MAX,
                &record,
                "justification",
            );
            e.text_opt(
                nomination.biography.as_deref(),
                LONG_TEXT_MAX,
                &record,
                "biography",
            );
            e.text_opt(
                nomination.decision_note.as_deref(),
                LONG_TEXT_MAX,
                &record,
                "decision_note",
            );
            e.text_opt(
                nomination.message_to_state.as_deref(),
                LONG_TEXT_MAX,
                &record,
                "message_to_state",
            );
            if !calls.contains_key(&nomination.call) {
                e.add(
                    &record,
                    "call",
                    format!("unknown call for nominations {}", nomination.call),
                );
            }
            check_affiliation(&mut e, &nomination.nominator, &record, "nominator");
            e.known(&persons, &nomination.nominee, &record, "nominee", "person");
        }
        let mut contributions = BTreeSet::new();
        for contribution in &self.contributions {
            let record = format!("contribution {}", contribution.id);
            e.unique(&mut contributions, &contribution.id, &record, "id");
            e.text(&contribution.title, SHORT_TEXT_MAX, &record, "title");
            e.text_opt(
                contribution.link.as_deref(),
                SHORT_TEXT_MAX,
                &record,
                "link",
            );
            check_affiliation(&mut e, &contribution.contributor, &record, "contributor");
            if let Some(why) = contribution.paragraphs.problem() {
                e.add(&record, "paragraphs", why);
            }
        }

        for tally in &self.contribution_tallies {
            let record = format!("contribution tally of {}", tally.as_of);
            e.text(&tally.note, LONG_TEXT_MAX, &record, "note");
        }

        if let Some(rules) = &self.conflict_rules {
            if let Err((field, why)) = rules.check(&bodies) {
                e.add("conflict rules", field, why);
            }
        }
        let mut accepted = BTreeSet::new();
        for acceptance in &self.conflict_acceptances {
            let record = format!("conflict acceptance {}", acceptance.conflict);
            e.unique(&mut accepted, &acceptance.conflict, &record, "conflict");
            e.not_empty(&acceptance.reason, &record, "reason");
            e.text(&acceptance.conflict, LONG_TEXT_MAX, &record, "conflict");
            // Written by Quorum from the meetings involved, not typed: only its characters
            // are checked, as its length follows the meetings'.
            e.text(&acceptance.fingerprint, usize::MAX, &record, "fingerprint");
            e.text(&acceptance.reason, LONG_TEXT_MAX, &record, "reason");
            e.text(
                &acceptance.accepted_by,
                SHORT_TEXT_MAX,
                &record,
                "accepted_by",
            );
        }

        match e.0.len() {
            0 => Ok(()),
            1 => Err(e.0.remove(0)),
            _ => Err(QuorumError::InvalidMany(e.0)),
        }
    }

    /// Puts every collection in its canonical order, so that equal data exports to equal bytes.
    pub fn canonicalize(&mut self) {
        self.bodies
            .sort_by(|a, b| (a.position, &a.code).cmp(&(b.position, &b.code)));
        self.states_parties
            .sort_by(|a, b| a.iso_code.cmp(&b.iso_code));
        self.organisations.sort_by(|a, b| a.id.cmp(&b.id));
        self.persons.sort_by(|a, b| a.id.cmp(&b.id));
        self.bureau_members.sort_by(|a, b| {
            (&a.body, &a.person, a.term_start).cmp(&(&b.body, &b.person, b.term_start))
        });
        self.venues.sort_by(|a, b| a.id.cmp(&b.id));
        for venue in &mut self.venues {
            venue.rooms.sort_by(|a, b| a.id.cmp(&b.id));
            venue
                .closures
                .sort_by(|a, b| (a.start, a.end).cmp(&(b.start, b.end)));
        }
        self.sessions.sort_by(|a, b| a.id.cmp(&b.id));
        self.meetings
            .sort_by(|a, b| (a.start, &a.id).cmp(&(b.start, &b.id)));
        for meeting in &mut self.meetings {
            meeting.sessions.sort();
        }
        self.agenda_items.sort_by(|a, b| {
            (&a.session, agenda_order(&a.number)).cmp(&(&b.session, agenda_order(&b.number)))
        });
        self.documents.sort_by(|a, b| a.symbol.cmp(&b.symbol));
        self.declaration_sections.sort_by_key(|s| s.position);
        self.declaration_paragraphs.sort_by_key(|p| p.number);
        self.workplan_entries
            .sort_by(|a, b| (a.position, &a.id).cmp(&(b.position, &b.id)));
        for entry in &mut self.workplan_entries {
            entry
                .bodies
                .sort_by_key(|code| self.bodies.iter().position(|b| &b.code == code));
        }
        self.panels
            .sort_by(|a, b| (&a.meeting, a.position, &a.id).cmp(&(&b.meeting, b.position, &b.id)));
        self.calls_for_nominations.sort_by(|a, b| a.id.cmp(&b.id));
        self.nominations.sort_by(|a, b| a.id.cmp(&b.id));
        self.contributions.sort_by(|a, b| a.id.cmp(&b.id));
        self.contribution_tallies.sort_by_key(|t| t.as_of);
        self.conflict_acceptances
            .sort_by(|a, b| a.conflict.cmp(&b.conflict));
        for meeting in &mut self.meetings {
            meeting.participants.sort();
        }
    }

    /// How many records of each kind, for import reports.
    pub fn counts(&self) -> BTreeMap<&'static str, usize> {
        BTreeMap::from([
            ("bodies", self.bodies.len()),
            ("states_parties", self.states_parties.len()),
            ("organisations", self.organisations.len()),
            ("persons", self.persons.len()),
            ("bureau_members", self.bureau_members.len()),
            ("venues", self.venues.len()),
            ("sessions", self.sessions.len()),
            ("meetings", self.meetings.len()),
            ("agenda_items", self.agenda_items.len()),
            ("documents", self.documents.len()),
            ("declaration_paragraphs", self.declaration_paragraphs.len()),
            ("workplan_entries", self.workplan_entries.len()),
            ("panels", self.panels.len()),
            ("calls_for_nominations", self.calls_for_nominations.len()),
            ("nominations", self.nominations.len()),
            ("contributions", self.contributions.len()),
        ])
    }

    /// Parents before children, so that inserts satisfy foreign keys.
    pub fn bodies_parents_first(&self) -> Vec<&Body> {
        let mut ordered: Vec<&Body> = Vec::with_capacity(self.bodies.len());
        let mut placed = BTreeSet::new();
        while ordered.len() < self.bodies.len() {
            let before = ordered.len();
            for body in &self.bodies {
                let ready = body.parent.as_ref().is_none_or(|p| placed.contains(p));
                if !placed.contains(&body.code) && ready {
                    placed.insert(body.code.clone());
                    ordered.push(body);
                }
            }
            if ordered.len() == before {
                break; // a cycle: validation reports it through the unknown or self parent
            }
        }
        ordered
    }

    /// How many resumed parts each (body, number) has, for session titles.
    pub fn resumptions(&self, session: &Session) -> u32 {
        self.sessions
            .iter()
            .filter(|s| {
                s.kind == SessionKind::Resumed
                    && s.body == session.body
                    && s.number == session.number
            })
            .count() as u32
    }

    /// The time zone of a venue, by key; UTC when the venue or its zone is unknown (dataset
    /// validation refuses both, so this only guards against reading half a dataset).
    pub fn venue_zone(&self, venue: &Id) -> chrono_tz::Tz {
        self.venues
            .iter()
            .find(|v| &v.id == venue)
            .and_then(|v| v.tz().ok())
            .unwrap_or(chrono_tz::UTC)
    }

    /// A session's title, or its key when its body is unknown.
    pub fn session_title(&self, session: &Session) -> String {
        match self.bodies.iter().find(|b| b.code == session.body) {
            Some(body) => session.title(body, self.resumptions(session)),
            None => session.id.to_string(),
        }
    }
}

/// Orders agenda numbers naturally: "2" before "10", "2 (a)" after "2".
fn agenda_order(number: &str) -> (u32, String) {
    let digits: String = number.chars().take_while(|c| c.is_ascii_digit()).collect();
    (digits.parse().unwrap_or(u32::MAX), number.to_owned())
}

#[cfg(test)]
#[path = "dataset_tests.rs"]
mod tests;
