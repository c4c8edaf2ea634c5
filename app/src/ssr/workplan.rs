//! The workplan's page and editor over the stored dataset: each save is validated against the
//! whole dataset and written with its audit entry in one transaction.

use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, TransactionTrait,
};

use super::entities::{workplan, workplan_entry, workplan_entry_body};
use super::rows::{workplan_entry_body_rows, workplan_entry_row, workplan_row};
use crate::domain::account::{Account, Role};
use crate::domain::label::Label;
use crate::domain::session::capitalized;
use crate::domain::workplan::coverage;
use crate::domain::{
    BodyCode, Dataset, Id, ParagraphSet, SessionDates, WorkplanEntry, WorkplanStatus,
};
use crate::error::QuorumError;
use crate::wire::nominations::FormOutcome;
use crate::wire::planning::FieldError;
use crate::wire::workplan::{EntryLine, WorkplanPage};

fn problem(field: &str, message: impl Into<String>) -> FormOutcome {
    FormOutcome {
        errors: vec![FieldError {
            field: field.into(),
            message: message.into(),
        }],
        done: None,
    }
}

fn session_year(data: &Dataset, id: &Id) -> Option<i32> {
    use chrono::Datelike;
    data.sessions
        .iter()
        .find(|s| &s.id == id)
        .and_then(|s| match s.dates {
            SessionDates::Days { start, .. } => Some(start.year()),
            SessionDates::Year(y) => Some(y),
            SessionDates::ToBeDetermined => None,
        })
}

fn line(data: &Dataset, e: &WorkplanEntry) -> EntryLine {
    let session = e
        .session
        .as_ref()
        .and_then(|s| data.sessions.iter().find(|x| &x.id == s))
        .map(|s| data.session_title(s));
    let year = e
        .year
        .or_else(|| e.session.as_ref().and_then(|s| session_year(data, s)));
    EntryLine {
        id: e.id.to_string(),
        bodies: e
            .bodies
            .iter()
            .map(|b| b.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        year: e.year.map(|y| y.to_string()).unwrap_or_default(),
        when: match (year, session) {
            (Some(y), Some(s)) => format!("{y} ({s})"),
            (Some(y), None) => y.to_string(),
            (None, Some(s)) => capitalized(&s),
            (None, None) => "not yet scheduled".into(),
        },
        paragraphs: e.paragraphs.to_string(),
        sections: e
            .sections
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        topics: e.topics.join("; "),
        agreed: e.agreed_by_extended_bureau,
        notes: e.notes.clone().unwrap_or_default(),
    }
}

pub async fn page(
    db: &DatabaseConnection,
    account: Option<&Account>,
) -> Result<WorkplanPage, QuorumError> {
    let data = super::dataset::snapshot(db).await?;
    let mut entries = data.workplan_entries.clone();
    entries.sort_by_key(|e| (e.position, e.id.clone()));
    let (title, status, status_text) = match &data.workplan {
        Some(w) => {
            let day = |d: Option<chrono::NaiveDate>| {
                d.map(crate::domain::wording::dates::day)
                    .unwrap_or_default()
            };
            let text = match w.status {
                WorkplanStatus::Draft => "Draft: not yet under silence procedure.".to_owned(),
                WorkplanStatus::UnderSilenceProcedure => {
                    format!("Under silence procedure until {}.", day(w.silence_deadline))
                }
                WorkplanStatus::Approved => format!(
                    "Approved on {} (silence procedure ending {}).",
                    day(w.decided_on),
                    day(w.silence_deadline)
                ),
                WorkplanStatus::SilenceBroken => format!(
                    "Silence broken on {}; the plan goes back to the Bureau.",
                    day(w.decided_on)
                ),
            };
            (w.title.clone(), w.status.as_str().to_owned(), text)
        }
        None => (
            "Workplan".into(),
            "none".into(),
            "No workplan has been adopted.".into(),
        ),
    };
    let mut bodies = data.bodies.clone();
    bodies.sort_by_key(|b| b.position);
    Ok(WorkplanPage {
        title,
        status,
        status_text,
        coverage: coverage(&data.declaration_paragraphs, &entries, |s| {
            session_year(&data, s)
        }),
        entries: entries.iter().map(|e| line(&data, e)).collect(),
        body_codes: bodies.iter().map(|b| b.code.to_string()).collect(),
        may_edit: account.is_some_and(|a| a.role != Role::FocalPoint),
        may_decide: account.is_some_and(|a| a.is_secretariat()),
    })
}

/// Reads the entry form; every field at fault is reported.
fn entry_of(
    data: &Dataset,
    form: &EntryLine,
    stored: Option<&WorkplanEntry>,
) -> Result<WorkplanEntry, Vec<FieldError>> {
    let mut errors = vec![];
    let mut fail = |field: &str, message: String| {
        errors.push(FieldError {
            field: field.into(),
            message,
        });
    };
    let id = Id::parse(form.id.trim())
        .map_err(|why| fail("id", why))
        .ok();
    let mut bodies = vec![];
    for code in form
        .bodies
        .split([',', ' '])
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        match BodyCode::parse(&code.to_uppercase()) {
            Ok(b) if data.bodies.iter().any(|x| x.code == b) => bodies.push(b),
            _ => fail("bodies", format!("there is no body {code:?}")),
        }
    }
    if form.bodies.trim().is_empty() {
        fail("bodies", "name at least one body".into());
    }
    let year = match form.year.trim() {
        "" => None,
        y => y
            .parse::<i32>()
            .ok()
            .filter(|y| (1990..=2100).contains(y))
            .or_else(|| {
                fail("year", format!("{y:?} is not a year"));
                None
            }),
    };
    let paragraphs = ParagraphSet::parse(&form.paragraphs)
        .map_err(|why| fail("paragraphs", why))
        .unwrap_or_default();
    let topics: Vec<String> = form
        .topics
        .split(';')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect();
    if topics.is_empty() {
        fail("topics", "name at least one topic".into());
    }
    let Some(id) = id.filter(|_| errors.is_empty()) else {
        return Err(errors);
    };
    Ok(WorkplanEntry {
        id,
        bodies,
        year,
        session: stored.and_then(|s| s.session.clone()),
        paragraphs,
        sections: stored.map(|s| s.sections.clone()).unwrap_or_default(),
        topics,
        agreed_by_extended_bureau: form.agreed,
        notes: Some(form.notes.trim().to_owned()).filter(|n| !n.is_empty()),
        position: stored.map_or_else(
            || {
                data.workplan_entries
                    .iter()
                    .map(|e| e.position)
                    .max()
                    .unwrap_or(0)
                    + 1
            },
            |s| s.position,
        ),
    })
}

pub async fn save_entry(
    db: &DatabaseConnection,
    actor: &Account,
    form: EntryLine,
    create: bool,
) -> Result<FormOutcome, QuorumError> {
    let mut data = super::dataset::export(db).await?;
    let index = data
        .workplan_entries
        .iter()
        .position(|e| e.id.as_str() == form.id.trim());
    match (create, index) {
        (true, Some(_)) => {
            return Ok(problem(
                "id",
                format!("the key {} is taken", form.id.trim()),
            ))
        }
        (false, None) => {
            return Ok(problem(
                "id",
                format!("there is no entry {}", form.id.trim()),
            ))
        }
        _ => {}
    }
    let old = index.map(|i| data.workplan_entries[i].clone());
    let entry = match entry_of(&data, &form, old.as_ref()) {
        Ok(e) => e,
        Err(errors) => return Ok(FormOutcome { errors, done: None }),
    };
    let own = |e: &WorkplanEntry| actor.may_plan(&e.bodies);
    if !(own(&entry) && old.as_ref().is_none_or(own)) {
        let bodies = match own(&entry) {
            true => old.as_ref().map(|o| o.bodies.clone()).unwrap_or_default(),
            false => entry.bodies.clone(),
        };
        return Err(QuorumError::Forbidden(data.refusal_to_plan(
            actor,
            &format!("the work of {}", data.bodies_named(&bodies)),
            &bodies,
        )));
    }
    match index {
        Some(i) => data.workplan_entries[i] = entry.clone(),
        None => data.workplan_entries.push(entry.clone()),
    }
    if let Err(e) = data.validate() {
        return Ok(FormOutcome {
            errors: super::forms::field_errors(&e),
            done: None,
        });
    }
    let txn = db.begin().await?;
    let key = entry.id.to_string();
    super::validated_write::lock::<workplan_entry::Entity>(&txn, key.clone()).await?;
    workplan_entry_body::Entity::delete_many()
        .filter(workplan_entry_body::Column::EntryId.eq(&key))
        .exec(&txn)
        .await?;
    workplan_entry::Entity::delete_by_id(&key)
        .exec(&txn)
        .await?;
    workplan_entry::Entity::insert(workplan_entry_row(&entry))
        .exec(&txn)
        .await?;
    for row in workplan_entry_body_rows(&entry) {
        workplan_entry_body::Entity::insert(row).exec(&txn).await?;
    }
    let json = |e: &WorkplanEntry| serde_json::to_value(e).ok();
    let action = if create {
        "workplan entry created"
    } else {
        "workplan entry changed"
    };
    super::audit::record(
        &txn,
        actor,
        action,
        &format!("workplan entry {key}"),
        old.as_ref().and_then(json),
        json(&entry),
    )
    .await?;
    super::data_version::bump(&txn).await?;
    txn.commit().await?;
    Ok(FormOutcome {
        errors: vec![],
        done: Some(format!("Entry {key} saved.")),
    })
}

pub async fn decide(
    db: &DatabaseConnection,
    actor: &Account,
    action: &str,
    date: &str,
) -> Result<FormOutcome, QuorumError> {
    if !actor.is_secretariat() {
        return Err(QuorumError::Forbidden(
            "only the secretariat records the workplan's approval".into(),
        ));
    }
    let Ok(day) = date.parse::<chrono::NaiveDate>() else {
        return Ok(problem("date", "give the day as YYYY-MM-DD"));
    };
    let data = super::dataset::snapshot(db).await?;
    let Some(before) = data.workplan.clone() else {
        return Ok(problem("action", "there is no workplan"));
    };
    let mut after = before.clone();
    let result = match action {
        "start_silence" => after.start_silence(day),
        "break_silence" => after.break_silence(day),
        "approve" => after.approve(day),
        other => Err(format!("unknown action {other:?}")),
    };
    if let Err(why) = result {
        return Ok(problem("action", why));
    }
    let txn = db.begin().await?;
    workplan::Entity::update(workplan_row(&after).reset_all())
        .exec(&txn)
        .await?;
    super::audit::record(
        &txn,
        actor,
        "workplan status changed",
        "workplan",
        serde_json::to_value(&before).ok(),
        serde_json::to_value(&after).ok(),
    )
    .await?;
    super::data_version::bump(&txn).await?;
    txn.commit().await?;
    Ok(FormOutcome {
        errors: vec![],
        done: Some(format!("The workplan is now {}.", after.status.label())),
    })
}
