//! What the bodies meet about: agenda items, documents, the political declaration and the
//! workplan.

use std::collections::{BTreeMap, BTreeSet};

use super::Errors;
use crate::domain::agenda::is_document_symbol;
use crate::domain::dataset::{LONG_TEXT_MAX, SHORT_TEXT_MAX};
use crate::domain::{BodyCode, Dataset, Id, Session};

/// Agenda items and documents: each agenda item of a known session, numbered once per session,
/// numbered and titled in short texts; each document given once by a well-formed symbol,
/// titled, of a known session, and on one of that session's agenda items if on any.
pub(super) fn agenda_and_documents(
    data: &Dataset,
    sessions: &BTreeMap<Id, &Session>,
    e: &mut Errors,
) {
    let mut agenda = BTreeSet::new();
    for item in &data.agenda_items {
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
    for doc in &data.documents {
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
}

/// The declaration and the workplan: sections and paragraphs given once, paragraphs in known
/// sections; the workplan sound in itself; each entry given once, with short topics and long
/// notes, naming known bodies (at least one), a year or a known session, and well-formed,
/// known paragraphs and known sections. Returns the entries' keys.
pub(super) fn workplan(
    data: &Dataset,
    bodies: &BTreeSet<BodyCode>,
    sessions: &BTreeMap<Id, &Session>,
    e: &mut Errors,
) -> BTreeSet<Id> {
    let mut sections = BTreeSet::new();
    for section in &data.declaration_sections {
        let record = format!("declaration section {}", section.id);
        e.unique(&mut sections, &section.id, &record, "id");
        e.text(&section.title, SHORT_TEXT_MAX, &record, "title");
    }
    let mut paragraphs = BTreeSet::new();
    for paragraph in &data.declaration_paragraphs {
        let record = format!("declaration paragraph {}", paragraph.number);
        e.unique(&mut paragraphs, &paragraph.number, &record, "number");
        if let Some(section) = &paragraph.section {
            e.known(&sections, section, &record, "section", "section");
        }
    }
    if let Some(plan) = &data.workplan {
        e.text(&plan.title, SHORT_TEXT_MAX, "workplan", "title");
        if let Err((field, why)) = plan.check() {
            e.add("workplan", field, why);
        }
    }
    let mut entries = BTreeSet::new();
    for entry in &data.workplan_entries {
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
            e.known(bodies, body, &record, "bodies", "body");
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
    entries
}
