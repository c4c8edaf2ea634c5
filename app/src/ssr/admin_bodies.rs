//! The secretariat's forms for the bodies (the Conference and the bodies that report to it) and
//! for the conflict rules between their meetings — each checked, written with its audit entry,
//! and answered with errors by field.

use sea_orm::DatabaseConnection;

use super::admin::{done, refused};
use super::entities::body;
use super::forms::form_outcome;
use super::validated_write::{self, verb, RecordChange};
use crate::domain::account::Account;
use crate::domain::conflicts::ConflictRules;
use crate::domain::{Body, BodyCode};
use crate::error::QuorumError;
use crate::wire::nominations::FormOutcome;

pub async fn save_rules(
    db: &DatabaseConnection,
    actor: &Account,
    text: &str,
) -> Result<FormOutcome, QuorumError> {
    let rules: ConflictRules = match serde_json::from_str(text) {
        Ok(r) => r,
        Err(e) => return Ok(refused("rules", format!("not valid rules: {e}"))),
    };
    form_outcome(
        super::conflict_rules::set_rules(db, actor, &rules)
            .await
            .map(|_| "Conflict rules saved.".to_owned()),
    )
}

/// A body as the administration form holds it: text as typed.
#[derive(Debug, Clone, Default)]
pub struct BodyFields<'a> {
    pub code: &'a str,
    pub name: &'a str,
    pub short_name: &'a str,
    /// The code of the body it reports to; empty for the Conference itself.
    pub parent: &'a str,
    pub open_to_all_states: bool,
}

/// Creates a body or changes a stored one (its order and title style stay).
pub async fn save_body(
    db: &DatabaseConnection,
    actor: &Account,
    form: &BodyFields<'_>,
) -> Result<FormOutcome, QuorumError> {
    let code = match BodyCode::parse(&form.code.trim().to_uppercase()) {
        Ok(code) => code,
        Err(why) => return Ok(refused("code", why)),
    };
    let parent = match form.parent.trim() {
        "" => None,
        text => match BodyCode::parse(&text.to_uppercase()) {
            Ok(p) => Some(p),
            Err(why) => return Ok(refused("parent", why)),
        },
    };
    if form.short_name.trim().is_empty() {
        return Ok(refused("short_name", "give a short name"));
    }
    let mut data = super::dataset::export(db).await?;
    let stored = data.bodies.iter().position(|b| b.code == code);
    let before = stored.map(|i| data.bodies[i].clone());
    let body = Body {
        code: code.clone(),
        name: form.name.trim().to_owned(),
        short_name: form.short_name.trim().to_owned(),
        parent,
        open_to_all_states: form.open_to_all_states,
        title_style: before.as_ref().map(|b| b.title_style).unwrap_or_default(),
        position: before.as_ref().map_or_else(
            || data.bodies.iter().map(|b| b.position).max().unwrap_or(0) + 1,
            |b| b.position,
        ),
    };
    match stored {
        Some(i) => data.bodies[i] = body.clone(),
        None => data.bodies.push(body.clone()),
    }
    if let Err(e) = data.validate() {
        return form_outcome(Err(e));
    }
    let change = RecordChange {
        row: body::ActiveModel::from(&body),
        stored: stored.is_some(),
        action: &format!("body {}", verb(stored.is_some())),
        record: format!("body {code}"),
        before: before.and_then(|b| serde_json::to_value(b).ok()),
        after: serde_json::to_value(&body).ok(),
    };
    validated_write::write(db, actor, change).await?;
    Ok(done(format!("{} ({code}) saved.", body.short_name)))
}
