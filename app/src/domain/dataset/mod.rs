//! The dataset as one document, its canonical order and its counts. Its validation, a list of
//! named rules, is in `validate`.

mod validate;

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::conflicts::{Acceptance, ConflictRules};
use super::*;

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
            venue.closures.sort_by_key(|a| (a.start, a.end));
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

    /// What an account is, in words a delegate reads: "Secretariat", "Bureau member,
    /// Implementation Review Group", "Focal point, Austria".
    pub fn account_described(&self, account: &account::Account) -> String {
        use crate::domain::account::Role;
        match account.role {
            Role::Secretariat => "Secretariat".into(),
            Role::Bureau => match &account.body {
                Some(code) => {
                    let body = self.bodies.iter().find(|b| &b.code == code);
                    let name = body.map_or_else(|| code.to_string(), |b| b.short_name.clone());
                    format!("Bureau member, {name}")
                }
                None => "Bureau member".into(),
            },
            Role::FocalPoint => {
                let state = account.state.as_ref().map(|code| {
                    self.states_parties
                        .iter()
                        .find(|s| &s.iso_code == code)
                        .map_or_else(|| code.clone(), |s| s.name.clone())
                });
                let organisation = account.organisation.as_ref().map(|id| {
                    self.organisations
                        .iter()
                        .find(|o| &o.id == id)
                        .map_or_else(|| id.to_string(), |o| o.name.clone())
                });
                match state.or(organisation) {
                    Some(whom) => format!("Focal point, {whom}"),
                    None => "Focal point".into(),
                }
            }
        }
    }

    /// Whom an affiliation names: the State party's or the organisation's name ("Austria").
    pub fn affiliation_named(&self, whom: &Affiliation) -> String {
        match whom {
            Affiliation::State(code) => self
                .states_parties
                .iter()
                .find(|s| &s.iso_code == code)
                .map_or_else(|| code.clone(), |s| s.name.clone()),
            Affiliation::Organisation(id) => self
                .organisations
                .iter()
                .find(|o| &o.id == id)
                .map_or_else(|| id.to_string(), |o| o.name.clone()),
        }
    }

    /// What a call for nominations is about: its panel's topic, else its own, else its deadline.
    pub fn call_named(&self, call: &CallForNominations) -> String {
        let topic = call
            .panel
            .as_ref()
            .and_then(|p| self.panels.iter().find(|x| &x.id == p))
            .map(|p| p.topic.clone())
            .or_else(|| call.topic.clone());
        match topic {
            Some(topic) => format!("the call for panellists on “{topic}”"),
            None => format!(
                "the call for panellists closing on {}",
                wording::dates::day(call.deadline)
            ),
        }
    }

    /// Bodies by their names, "the Implementation Review Group and the Working Group on the
    /// Prevention of Corruption"; a code the dataset does not know stands as it is.
    pub fn bodies_named(&self, codes: &[BodyCode]) -> String {
        let mut names: Vec<String> = codes
            .iter()
            .map(|code| {
                self.bodies
                    .iter()
                    .find(|b| &b.code == code)
                    .map_or_else(|| code.to_string(), |b| format!("the {}", b.short_name))
            })
            .collect();
        names.dedup();
        match names.split_last() {
            None => "no body".into(),
            Some((last, [])) => last.clone(),
            Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        }
    }

    /// A meeting as a person names it: its title and its day at the venue, "“Opening of the
    /// tenth session” (11 December 2023)".
    pub fn meeting_named(&self, meeting: &Meeting) -> String {
        let day = meeting
            .start
            .with_timezone(&self.venue_zone(&meeting.venue))
            .date_naive();
        format!("“{}” ({})", meeting.title, wording::dates::day(day))
    }

    /// Why `actor` may not plan `what`, which `bodies` hold, in words.
    pub fn refusal_to_plan(
        &self,
        actor: &account::Account,
        what: &str,
        bodies: &[BodyCode],
    ) -> String {
        let bureaus = match bodies {
            [_] => format!("the Bureau of {}", self.bodies_named(bodies)),
            _ => format!("a Bureau of {}", self.bodies_named(bodies)),
        };
        format!(
            "Your account ({}) may not plan {what}: only the secretariat and {bureaus} may.",
            self.account_described(actor)
        )
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
mod tests;
