//! Rows ↔ domain types. Every write passed validation, so a row that does not parse back is
//! reported as a database error naming the table and value.

use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::IntoActiveModel;

use super::entities::*;
use crate::domain::conflicts::{Acceptance, ConflictRules};
use crate::domain::{
    Affiliation, AgendaItem, AgendaStatus, BodyCode, BureauMember, BureauRole, CallForNominations,
    Closure, Contribution, ContributionTally, DeclarationParagraph, DeclarationSection, Document,
    Gender, Id, Language, Meeting, MeetingStatus, MeetingType, Nomination, NominationStatus,
    Organisation, OrganisationKind, Panel, ParagraphSet, Person, RegionalGroup, Room, Session,
    SessionDates, SessionFormat, SessionKind, SessionStatus, StateParty, Venue, Workplan,
    WorkplanEntry, WorkplanStatus,
};
use crate::error::QuorumError;

type Result<T> = std::result::Result<T, QuorumError>;

fn corrupt(table: &str, why: impl std::fmt::Display) -> QuorumError {
    QuorumError::internal(format!("{table}: {why}"))
}

fn id(table: &str, raw: &str) -> Result<Id> {
    Id::parse(raw).map_err(|e| corrupt(table, e))
}

fn opt_id(table: &str, raw: Option<&str>) -> Result<Option<Id>> {
    raw.map(|r| id(table, r)).transpose()
}

fn code(table: &str, raw: &str) -> Result<BodyCode> {
    BodyCode::parse(raw).map_err(|e| corrupt(table, e))
}

fn wire<T>(table: &str, parse: fn(&str) -> std::result::Result<T, String>, raw: &str) -> Result<T> {
    parse(raw).map_err(|e| corrupt(table, e))
}

fn u32_of(value: i32) -> u32 {
    value.max(0) as u32
}

/// Languages as one column: "ar,zh,en".
pub fn languages_to_column(languages: &[Language]) -> String {
    languages
        .iter()
        .map(|l| l.as_str())
        .collect::<Vec<_>>()
        .join(",")
}

fn languages_from_column(table: &str, raw: &str) -> Result<Vec<Language>> {
    raw.split(',')
        .filter(|s| !s.is_empty())
        .map(|s| wire(table, Language::parse, s))
        .collect()
}

fn affiliation_columns(affiliation: Option<&Affiliation>) -> (Option<String>, Option<String>) {
    match affiliation {
        Some(Affiliation::State(code)) => (Some(code.clone()), None),
        Some(Affiliation::Organisation(org)) => (None, Some(org.to_string())),
        None => (None, None),
    }
}

fn affiliation_from_columns(
    table: &str,
    state: Option<String>,
    org: Option<String>,
) -> Result<Option<Affiliation>> {
    Ok(match (state, org) {
        (Some(code), _) => Some(Affiliation::State(code)),
        (None, Some(org)) => Some(Affiliation::Organisation(id(table, &org)?)),
        (None, None) => None,
    })
}

fn required_affiliation(
    table: &str,
    state: Option<String>,
    org: Option<String>,
) -> Result<Affiliation> {
    affiliation_from_columns(table, state, org)?
        .ok_or_else(|| corrupt(table, "row without State or organisation"))
}

pub fn state_party_row(s: &StateParty) -> state_party::ActiveModel {
    state_party::Model {
        iso_code: s.iso_code.clone(),
        name: s.name.clone(),
        regional_group: s.regional_group.as_str().into(),
    }
    .into_active_model()
}

pub fn state_party_of(m: state_party::Model) -> Result<StateParty> {
    Ok(StateParty {
        regional_group: wire("states_parties", RegionalGroup::parse, &m.regional_group)?,
        iso_code: m.iso_code,
        name: m.name,
    })
}

pub fn organisation_row(o: &Organisation) -> organisation::ActiveModel {
    organisation::Model {
        id: o.id.to_string(),
        name: o.name.clone(),
        kind: o.kind.as_str().into(),
    }
    .into_active_model()
}

pub fn organisation_of(m: organisation::Model) -> Result<Organisation> {
    Ok(Organisation {
        id: id("organisations", &m.id)?,
        kind: wire("organisations", OrganisationKind::parse, &m.kind)?,
        name: m.name,
    })
}

pub fn person_row(p: &Person) -> person::ActiveModel {
    let (state_code, organisation_id) = affiliation_columns(p.affiliation.as_ref());
    person::Model {
        id: p.id.to_string(),
        name: p.name.clone(),
        title: p.title.clone(),
        gender: p.gender.as_str().into(),
        state_code,
        organisation_id,
        email: p.email.clone(),
    }
    .into_active_model()
}

pub fn person_of(m: person::Model) -> Result<Person> {
    const T: &str = "persons";
    Ok(Person {
        id: id(T, &m.id)?,
        gender: wire(T, Gender::parse, &m.gender)?,
        affiliation: affiliation_from_columns(T, m.state_code, m.organisation_id)?,
        name: m.name,
        title: m.title,
        email: m.email,
    })
}

pub fn bureau_member_row(b: &BureauMember) -> bureau_member::ActiveModel {
    bureau_member::ActiveModel {
        id: NotSet,
        body_code: Set(b.body.to_string()),
        person_id: Set(b.person.to_string()),
        role: Set(b.role.as_str().into()),
        extended: Set(b.extended),
        term_start: Set(b.term_start),
        term_end: Set(b.term_end),
    }
}

pub fn bureau_member_of(m: bureau_member::Model) -> Result<BureauMember> {
    const T: &str = "bureau_members";
    Ok(BureauMember {
        body: code(T, &m.body_code)?,
        person: id(T, &m.person_id)?,
        role: wire(T, BureauRole::parse, &m.role)?,
        extended: m.extended,
        term_start: m.term_start,
        term_end: m.term_end,
    })
}

pub fn venue_row(v: &Venue) -> venue::ActiveModel {
    venue::Model {
        id: v.id.to_string(),
        name: v.name.clone(),
        city: v.city.clone(),
        country: v.country.clone(),
        time_zone: v.time_zone.clone(),
        interpretation_teams: v.interpretation_teams as i32,
        meeting_windows: serde_json::to_value(&v.meeting_windows).expect("windows serialise"),
        illustrative: v.illustrative,
    }
    .into_active_model()
}

pub fn room_row(venue: &Venue, r: &Room) -> room::ActiveModel {
    room::Model {
        id: r.id.to_string(),
        venue_id: venue.id.to_string(),
        name: r.name.clone(),
        capacity: r.capacity as i32,
        interpretation_booths: r.interpretation_booths as i32,
    }
    .into_active_model()
}

pub fn closure_row(venue: &Venue, c: &Closure) -> venue_closure::ActiveModel {
    venue_closure::ActiveModel {
        id: NotSet,
        venue_id: Set(venue.id.to_string()),
        start_date: Set(c.start),
        end_date: Set(c.end),
        reason: Set(c.reason.clone()),
    }
}

pub fn venue_of(
    m: venue::Model,
    rooms: Vec<room::Model>,
    closures: Vec<venue_closure::Model>,
) -> Result<Venue> {
    Ok(Venue {
        id: id("venues", &m.id)?,
        rooms: rooms
            .into_iter()
            .map(|r| {
                Ok(Room {
                    id: id("rooms", &r.id)?,
                    name: r.name,
                    capacity: u32_of(r.capacity),
                    interpretation_booths: u32_of(r.interpretation_booths),
                })
            })
            .collect::<Result<_>>()?,
        closures: closures
            .into_iter()
            .map(|c| Closure {
                start: c.start_date,
                end: c.end_date,
                reason: c.reason,
            })
            .collect(),
        name: m.name,
        city: m.city,
        country: m.country,
        time_zone: m.time_zone,
        interpretation_teams: u32_of(m.interpretation_teams),
        meeting_windows: serde_json::from_value(m.meeting_windows)
            .map_err(|e| corrupt("venues", e))?,
        illustrative: m.illustrative,
    })
}

pub fn session_row(s: &Session) -> session::ActiveModel {
    let (start_date, end_date, year) = match s.dates {
        SessionDates::Days { start, end } => (Some(start), Some(end), None),
        SessionDates::Year(year) => (None, None, Some(year)),
        SessionDates::ToBeDetermined => (None, None, None),
    };
    session::Model {
        id: s.id.to_string(),
        body_code: s.body.to_string(),
        kind: s.kind.as_str().into(),
        number: s.number.map(|n| n as i32),
        resumed: s.resumed.map(|n| n as i32),
        subject: s.subject.clone(),
        venue_id: s.venue.as_ref().map(|v| v.to_string()),
        format: s.format.as_str().into(),
        start_date,
        end_date,
        year,
        status: s.status.as_str().into(),
        languages: languages_to_column(&s.languages),
        registration: s
            .registration
            .as_ref()
            .map(|r| serde_json::to_value(r).expect("registration serialises")),
        illustrative: s.illustrative,
        notes: s.notes.clone(),
    }
    .into_active_model()
}

pub fn session_of(m: session::Model) -> Result<Session> {
    const T: &str = "sessions";
    let dates = match (m.start_date, m.end_date, m.year) {
        (Some(start), Some(end), _) => SessionDates::Days { start, end },
        (_, _, Some(year)) => SessionDates::Year(year),
        _ => SessionDates::ToBeDetermined,
    };
    Ok(Session {
        id: id(T, &m.id)?,
        body: code(T, &m.body_code)?,
        kind: wire(T, SessionKind::parse, &m.kind)?,
        number: m.number.map(u32_of),
        resumed: m.resumed.map(u32_of),
        subject: m.subject,
        venue: opt_id(T, m.venue_id.as_deref())?,
        format: wire(T, SessionFormat::parse, &m.format)?,
        dates,
        status: wire(T, SessionStatus::parse, &m.status)?,
        languages: languages_from_column(T, &m.languages)?,
        registration: m
            .registration
            .map(serde_json::from_value)
            .transpose()
            .map_err(|e| corrupt(T, e))?,
        illustrative: m.illustrative,
        notes: m.notes,
    })
}

pub fn meeting_row(m: &Meeting) -> meeting::ActiveModel {
    meeting::Model {
        id: m.id.to_string(),
        title: m.title.clone(),
        kind: m.kind.as_str().into(),
        venue_id: m.venue.to_string(),
        room_id: m.room.as_ref().map(|r| r.to_string()),
        starts_at: m.start,
        ends_at: m.end,
        interpretation: m.interpretation,
        illustrative: m.illustrative,
        status: m.status.as_str().into(),
        sequence: m.sequence as i32,
        // Import fills a missing time before writing.
        updated_at: m
            .updated_at
            .unwrap_or(chrono::DateTime::<chrono::Utc>::UNIX_EPOCH),
    }
    .into_active_model()
}

pub fn meeting_session_rows(
    m: &Meeting,
) -> impl Iterator<Item = meeting_session::ActiveModel> + '_ {
    m.sessions.iter().map(|s| {
        meeting_session::Model {
            meeting_id: m.id.to_string(),
            session_id: s.to_string(),
        }
        .into_active_model()
    })
}

pub fn meeting_participant_rows(
    m: &Meeting,
) -> impl Iterator<Item = meeting_participant::ActiveModel> + '_ {
    m.participants.iter().map(|p| {
        meeting_participant::Model {
            meeting_id: m.id.to_string(),
            person_id: p.to_string(),
        }
        .into_active_model()
    })
}

pub fn meeting_of(
    m: meeting::Model,
    sessions: Vec<String>,
    participants: Vec<String>,
) -> Result<Meeting> {
    const T: &str = "meetings";
    Ok(Meeting {
        id: id(T, &m.id)?,
        kind: wire(T, MeetingType::parse, &m.kind)?,
        sessions: sessions.iter().map(|s| id(T, s)).collect::<Result<_>>()?,
        participants: participants
            .iter()
            .map(|p| id(T, p))
            .collect::<Result<_>>()?,
        venue: id(T, &m.venue_id)?,
        room: opt_id(T, m.room_id.as_deref())?,
        title: m.title,
        start: m.starts_at,
        end: m.ends_at,
        interpretation: m.interpretation,
        illustrative: m.illustrative,
        status: wire(T, MeetingStatus::parse, &m.status)?,
        sequence: u32_of(m.sequence),
        updated_at: Some(m.updated_at),
    })
}

pub fn agenda_item_row(a: &AgendaItem) -> agenda_item::ActiveModel {
    agenda_item::Model {
        session_id: a.session.to_string(),
        number: a.number.clone(),
        title: a.title.clone(),
        standing: a.standing,
        status: a.status.as_str().into(),
        illustrative: a.illustrative,
    }
    .into_active_model()
}

pub fn agenda_item_of(m: agenda_item::Model) -> Result<AgendaItem> {
    const T: &str = "agenda_items";
    Ok(AgendaItem {
        session: id(T, &m.session_id)?,
        status: wire(T, AgendaStatus::parse, &m.status)?,
        number: m.number,
        title: m.title,
        standing: m.standing,
        illustrative: m.illustrative,
    })
}

pub fn document_row(d: &Document) -> document::ActiveModel {
    document::Model {
        symbol: d.symbol.clone(),
        title: d.title.clone(),
        date: d.date,
        languages: languages_to_column(&d.languages),
        session_id: d.session.as_ref().map(|s| s.to_string()),
        agenda_item: d.agenda_item.clone(),
    }
    .into_active_model()
}

pub fn document_of(m: document::Model) -> Result<Document> {
    const T: &str = "documents";
    Ok(Document {
        languages: languages_from_column(T, &m.languages)?,
        session: opt_id(T, m.session_id.as_deref())?,
        symbol: m.symbol,
        title: m.title,
        date: m.date,
        agenda_item: m.agenda_item,
    })
}

pub fn section_row(s: &DeclarationSection) -> declaration_section::ActiveModel {
    declaration_section::Model {
        id: s.id.to_string(),
        title: s.title.clone(),
        position: s.position as i32,
    }
    .into_active_model()
}

pub fn section_of(m: declaration_section::Model) -> Result<DeclarationSection> {
    Ok(DeclarationSection {
        id: id("declaration_sections", &m.id)?,
        title: m.title,
        position: u32_of(m.position),
    })
}

pub fn paragraph_row(p: &DeclarationParagraph) -> declaration_paragraph::ActiveModel {
    declaration_paragraph::Model {
        number: p.number as i32,
        section_id: p.section.as_ref().map(|s| s.to_string()),
    }
    .into_active_model()
}

pub fn paragraph_of(m: declaration_paragraph::Model) -> Result<DeclarationParagraph> {
    Ok(DeclarationParagraph {
        number: u32_of(m.number),
        section: opt_id("declaration_paragraphs", m.section_id.as_deref())?,
    })
}

/// The one workplan lives in row 1.
pub const WORKPLAN_ROW: i32 = 1;

pub fn workplan_row(w: &Workplan) -> workplan::ActiveModel {
    workplan::Model {
        id: WORKPLAN_ROW,
        title: w.title.clone(),
        status: w.status.as_str().into(),
        silence_deadline: w.silence_deadline,
        decided_on: w.decided_on,
    }
    .into_active_model()
}

pub fn workplan_of(m: workplan::Model) -> Result<Workplan> {
    Ok(Workplan {
        status: wire("workplans", WorkplanStatus::parse, &m.status)?,
        title: m.title,
        silence_deadline: m.silence_deadline,
        decided_on: m.decided_on,
    })
}

pub fn workplan_entry_row(e: &WorkplanEntry) -> workplan_entry::ActiveModel {
    workplan_entry::Model {
        id: e.id.to_string(),
        year: e.year,
        session_id: e.session.as_ref().map(|s| s.to_string()),
        paragraphs: e.paragraphs.to_string(),
        sections: e
            .sections
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join(","),
        topics: serde_json::to_value(&e.topics).expect("topics serialise"),
        agreed_by_extended_bureau: e.agreed_by_extended_bureau,
        notes: e.notes.clone(),
        position: e.position as i32,
    }
    .into_active_model()
}

pub fn workplan_entry_body_rows(
    e: &WorkplanEntry,
) -> impl Iterator<Item = workplan_entry_body::ActiveModel> + '_ {
    e.bodies.iter().map(|b| {
        workplan_entry_body::Model {
            entry_id: e.id.to_string(),
            body_code: b.to_string(),
        }
        .into_active_model()
    })
}

pub fn workplan_entry_of(m: workplan_entry::Model, bodies: Vec<String>) -> Result<WorkplanEntry> {
    const T: &str = "workplan_entries";
    Ok(WorkplanEntry {
        id: id(T, &m.id)?,
        bodies: bodies.iter().map(|b| code(T, b)).collect::<Result<_>>()?,
        year: m.year,
        session: opt_id(T, m.session_id.as_deref())?,
        paragraphs: ParagraphSet::parse(&m.paragraphs).map_err(|e| corrupt(T, e))?,
        sections: m
            .sections
            .split(',')
            .filter(|s| !s.is_empty())
            .map(|s| id(T, s))
            .collect::<Result<_>>()?,
        topics: serde_json::from_value(m.topics).map_err(|e| corrupt(T, e))?,
        agreed_by_extended_bureau: m.agreed_by_extended_bureau,
        notes: m.notes,
        position: u32_of(m.position),
    })
}

pub fn panel_row(p: &Panel) -> panel::ActiveModel {
    panel::Model {
        id: p.id.to_string(),
        meeting_id: p.meeting.to_string(),
        topic: p.topic.clone(),
        workplan_entry_id: p.workplan_entry.as_ref().map(|e| e.to_string()),
        moderator_id: p.moderator.as_ref().map(|m| m.to_string()),
        planned_size: p.planned_size.map(|n| n as i32),
        notes: p.notes.clone(),
        position: p.position as i32,
    }
    .into_active_model()
}

pub fn panellist_rows(p: &Panel) -> impl Iterator<Item = panel_panellist::ActiveModel> + '_ {
    p.panellists.iter().enumerate().map(|(i, person)| {
        panel_panellist::Model {
            panel_id: p.id.to_string(),
            person_id: person.to_string(),
            position: i as i32,
        }
        .into_active_model()
    })
}

pub fn panel_of(m: panel::Model, panellists: Vec<String>) -> Result<Panel> {
    const T: &str = "panels";
    Ok(Panel {
        id: id(T, &m.id)?,
        meeting: id(T, &m.meeting_id)?,
        workplan_entry: opt_id(T, m.workplan_entry_id.as_deref())?,
        moderator: opt_id(T, m.moderator_id.as_deref())?,
        panellists: panellists.iter().map(|p| id(T, p)).collect::<Result<_>>()?,
        planned_size: m.planned_size.map(u32_of),
        topic: m.topic,
        notes: m.notes,
        position: u32_of(m.position),
    })
}

pub fn call_row(c: &CallForNominations) -> call_for_nominations::ActiveModel {
    call_for_nominations::Model {
        id: c.id.to_string(),
        note_verbale_date: c.note_verbale_date,
        deadline: c.deadline,
        panel_id: c.panel.as_ref().map(|p| p.to_string()),
        topic: c.topic.clone(),
        quota_per_state: c.quota_per_state.map(|n| n as i32),
    }
    .into_active_model()
}

pub fn call_of(m: call_for_nominations::Model) -> Result<CallForNominations> {
    const T: &str = "calls_for_nominations";
    Ok(CallForNominations {
        id: id(T, &m.id)?,
        panel: opt_id(T, m.panel_id.as_deref())?,
        note_verbale_date: m.note_verbale_date,
        deadline: m.deadline,
        topic: m.topic,
        quota_per_state: m.quota_per_state.map(u32_of),
    })
}

pub fn nomination_row(n: &Nomination) -> nomination::ActiveModel {
    let (nominator_state, nominator_organisation) = affiliation_columns(Some(&n.nominator));
    nomination::Model {
        id: n.id.to_string(),
        call_id: n.call.to_string(),
        nominator_state,
        nominator_organisation,
        nominee_id: n.nominee.to_string(),
        justification: n.justification.clone(),
        biography: n.biography.clone(),
        status: n.status.as_str().into(),
        submitted_at: n.submitted_at,
        decision_note: n.decision_note.clone(),
        message_to_state: n.message_to_state.clone(),
        released: n.released,
    }
    .into_active_model()
}

pub fn nomination_of(m: nomination::Model) -> Result<Nomination> {
    const T: &str = "nominations";
    Ok(Nomination {
        id: id(T, &m.id)?,
        call: id(T, &m.call_id)?,
        nominator: required_affiliation(T, m.nominator_state, m.nominator_organisation)?,
        nominee: id(T, &m.nominee_id)?,
        status: wire(T, NominationStatus::parse, &m.status)?,
        justification: m.justification,
        biography: m.biography,
        submitted_at: m.submitted_at,
        decision_note: m.decision_note,
        message_to_state: m.message_to_state,
        released: m.released,
    })
}

pub fn contribution_row(c: &Contribution) -> contribution::ActiveModel {
    let (contributor_state, contributor_organisation) = affiliation_columns(Some(&c.contributor));
    contribution::Model {
        id: c.id.to_string(),
        contributor_state,
        contributor_organisation,
        date: c.date,
        title: c.title.clone(),
        link: c.link.clone(),
        paragraphs: c.paragraphs.to_string(),
    }
    .into_active_model()
}

pub fn contribution_of(m: contribution::Model) -> Result<Contribution> {
    const T: &str = "contributions";
    Ok(Contribution {
        id: id(T, &m.id)?,
        contributor: required_affiliation(T, m.contributor_state, m.contributor_organisation)?,
        paragraphs: ParagraphSet::parse(&m.paragraphs).map_err(|e| corrupt(T, e))?,
        date: m.date,
        title: m.title,
        link: m.link,
    })
}

pub fn tally_row(t: &ContributionTally) -> contribution_tally::ActiveModel {
    contribution_tally::ActiveModel {
        id: NotSet,
        as_of: Set(t.as_of),
        states_parties: Set(t.states_parties as i32),
        organisations: Set(t.organisations as i32),
        note: Set(t.note.clone()),
    }
}

pub fn tally_of(m: contribution_tally::Model) -> ContributionTally {
    ContributionTally {
        as_of: m.as_of,
        states_parties: u32_of(m.states_parties),
        organisations: u32_of(m.organisations),
        note: m.note,
    }
}

pub fn acceptance_row(a: &Acceptance) -> conflict_acceptance::ActiveModel {
    conflict_acceptance::Model {
        conflict_id: a.conflict.clone(),
        fingerprint: a.fingerprint.clone(),
        reason: a.reason.clone(),
        accepted_by: a.accepted_by.clone(),
        accepted_at: a.accepted_at,
    }
    .into_active_model()
}

pub fn acceptance_of(m: conflict_acceptance::Model) -> Acceptance {
    Acceptance {
        conflict: m.conflict_id,
        fingerprint: m.fingerprint,
        reason: m.reason,
        accepted_by: m.accepted_by,
        accepted_at: m.accepted_at,
    }
}

/// The settings row holding the conflict rules.
pub const CONFLICT_RULES_KEY: &str = "conflict_rules";

pub fn rules_row(rules: &ConflictRules) -> setting::ActiveModel {
    setting::Model {
        key: CONFLICT_RULES_KEY.into(),
        value: serde_json::to_value(rules).expect("rules serialise"),
    }
    .into_active_model()
}

pub fn rules_of(m: setting::Model) -> Result<ConflictRules> {
    serde_json::from_value(m.value).map_err(|e| corrupt("settings", e))
}
