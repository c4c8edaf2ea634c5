//! Creating and changing panel discussions. The Bureau of a body whose meeting holds the panel,
//! or the secretariat, plans it; panellists arrive through nominations and stay as they are.

use super::admin::refused;
use super::forms::form_outcome;
use super::rows::panel_row;
use super::validated_write::{self, verb, RecordChange};
use crate::domain::account::Account;
use crate::domain::{BodyCode, Id, Panel};
use crate::error::QuorumError;
use crate::wire::calendar::Choice;
use crate::wire::nominations::FormOutcome;
use crate::wire::planning::{PanelChoices, PanelForm};
use sea_orm::DatabaseConnection;

/// The form of a stored panel, or `None` when there is no such panel.
pub async fn form_of(db: &DatabaseConnection, id: &str) -> Result<Option<PanelForm>, QuorumError> {
    let data = super::dataset::snapshot(db).await?;
    Ok(data
        .panels
        .iter()
        .find(|p| p.id.as_str() == id)
        .map(|p| PanelForm {
            id: p.id.to_string(),
            meeting: p.meeting.to_string(),
            topic: p.topic.clone(),
            workplan_entry: p
                .workplan_entry
                .as_ref()
                .map(Id::to_string)
                .unwrap_or_default(),
            moderator: p.moderator.as_ref().map(Id::to_string).unwrap_or_default(),
            planned_size: p.planned_size.map(|n| n.to_string()).unwrap_or_default(),
            notes: p.notes.clone().unwrap_or_default(),
        }))
}

/// Every panel (by meeting), workplan entry and person, for the form's choices.
pub async fn choices(db: &DatabaseConnection) -> Result<PanelChoices, QuorumError> {
    let data = super::dataset::snapshot(db).await?;
    let choice = |value: &Id, label: String| Choice {
        value: value.to_string(),
        label,
    };
    Ok(PanelChoices {
        panels: data
            .panels
            .iter()
            .map(|p| choice(&p.id, format!("{} — {}", p.meeting, p.topic)))
            .collect(),
        workplan_entries: data
            .workplan_entries
            .iter()
            .map(|e| {
                let year = e.year.map(|y| y.to_string()).unwrap_or_default();
                choice(
                    &e.id,
                    format!("{year} {}", e.topics.join("; ")).trim().to_owned(),
                )
            })
            .collect(),
        // Nominees stay unnamed until they are on a panel.
        persons: {
            let public = crate::domain::policy::public_persons(&data);
            data.persons
                .iter()
                .filter(|p| public.contains(&p.id))
                .map(|p| choice(&p.id, p.name.clone()))
                .collect()
        },
    })
}

/// An optional key typed in a form: empty means none.
fn optional_id(field: &str, text: &str) -> Result<Option<Id>, FormOutcome> {
    match text.trim() {
        "" => Ok(None),
        key => Id::parse(key).map(Some).map_err(|why| refused(field, why)),
    }
}

/// Creates (`create`) or changes a panel after checking the whole dataset with it.
pub async fn save(
    db: &DatabaseConnection,
    actor: &Account,
    form: &PanelForm,
    create: bool,
) -> Result<FormOutcome, QuorumError> {
    let parsed = (|| {
        let id = Id::parse(form.id.trim()).map_err(|why| refused("id", why))?;
        let meeting = Id::parse(form.meeting.trim()).map_err(|why| refused("meeting", why))?;
        let entry = optional_id("workplan_entry", &form.workplan_entry)?;
        let moderator = optional_id("moderator", &form.moderator)?;
        let size = match form.planned_size.trim() {
            "" => None,
            n => Some(
                n.parse::<u32>()
                    .map_err(|_| refused("planned_size", "give a whole number of panellists"))?,
            ),
        };
        Ok::<_, FormOutcome>((id, meeting, entry, moderator, size))
    })();
    let (id, meeting, workplan_entry, moderator, planned_size) = match parsed {
        Ok(fields) => fields,
        Err(outcome) => return Ok(outcome),
    };
    let mut data = super::dataset::export(db).await?;
    let stored = data.panels.iter().position(|p| p.id == id);
    match (create, stored) {
        (true, Some(_)) => return Ok(refused("id", format!("panel {id} already exists"))),
        (false, None) => return Ok(refused("id", format!("there is no panel {id}"))),
        _ => {}
    }
    let before = stored.map(|i| data.panels[i].clone());
    let bodies_of = |meeting: &Id| -> Vec<BodyCode> {
        data.meetings
            .iter()
            .find(|m| &m.id == meeting)
            .map(|m| data.bodies_of(m))
            .unwrap_or_default()
    };
    // The meeting the panel moves to, and the one it leaves, must both be the actor's to plan.
    let out_of_reach = [Some(&meeting), before.as_ref().map(|b| &b.meeting)]
        .into_iter()
        .flatten()
        .find(|m| !actor.may_plan(&bodies_of(m)));
    if let Some(out_of_reach) = out_of_reach {
        let named = data
            .meetings
            .iter()
            .find(|m| &m.id == out_of_reach)
            .map_or_else(|| out_of_reach.to_string(), |m| data.meeting_named(m));
        return Err(QuorumError::Forbidden(data.refusal_to_plan(
            actor,
            &format!("the panels of {named}"),
            &bodies_of(out_of_reach),
        )));
    }
    // A nominee not yet on a panel is nobody's to name, as moderator or otherwise.
    if let Some(person) = &moderator {
        if !crate::domain::policy::public_persons(&data).contains(person) {
            return Ok(refused("moderator", format!("there is no person {person}")));
        }
    }
    let position = before.as_ref().map_or_else(
        || {
            data.panels
                .iter()
                .filter(|p| p.meeting == meeting)
                .map(|p| p.position + 1)
                .max()
                .unwrap_or(1)
        },
        |b| b.position,
    );
    let panel = Panel {
        id: id.clone(),
        meeting,
        topic: form.topic.trim().to_owned(),
        workplan_entry,
        moderator,
        panellists: before
            .as_ref()
            .map(|b| b.panellists.clone())
            .unwrap_or_default(),
        planned_size,
        notes: Some(form.notes.trim().to_owned()).filter(|n| !n.is_empty()),
        position,
    };
    match stored {
        Some(i) => data.panels[i] = panel.clone(),
        None => data.panels.push(panel.clone()),
    }
    if let Err(e) = data.validate() {
        return form_outcome(Err(e));
    }
    let change = RecordChange {
        row: panel_row(&panel),
        stored: stored.is_some(),
        action: &format!("panel {}", verb(stored.is_some())),
        record: format!("panel {id}"),
        before: before.and_then(|p| serde_json::to_value(p).ok()),
        after: serde_json::to_value(&panel).ok(),
    };
    validated_write::write(db, actor, change).await?;
    Ok(FormOutcome {
        errors: vec![],
        done: Some(format!("Panel {id} saved: {}.", panel.topic)),
    })
}
