//! Panels with their panellists, calls for nominations and nominations.

use sea_orm::IntoActiveModel;

use super::{affiliation_columns, id, opt_id, required_affiliation, u32_of, wire, Result};
use crate::domain::{CallForNominations, Nomination, NominationStatus, Panel};
use crate::ssr::entities::{call_for_nominations, nomination, panel, panel_panellist};

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
