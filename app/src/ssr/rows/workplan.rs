//! The declaration's sections and paragraphs, the workplan and its entries.

use sea_orm::IntoActiveModel;

use super::{code, corrupt, id, opt_id, u32_of, wire, Result};
use crate::domain::{
    DeclarationParagraph, DeclarationSection, ParagraphSet, Workplan, WorkplanEntry, WorkplanStatus,
};
use crate::ssr::entities::{
    declaration_paragraph, declaration_section, workplan, workplan_entry, workplan_entry_body,
};

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
