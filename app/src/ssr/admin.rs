//! The secretariat's administration over the stored data: accounts, venues' holidays and the
//! conflict rules. Each change is checked, written with its audit entry, and answered with
//! errors by field.

use sea_orm::{DatabaseConnection, EntityTrait, QueryOrder, TransactionTrait};

use super::accounts::NewAccount;
use super::convert::closure_row;
use super::entities::{user, venue_closure};
use super::planning::form_outcome;
use crate::api::admin::{AdminPage, UserLine, VenueLine};
use crate::api::nominations::FormOutcome;
use crate::api::planning::FieldError;
use crate::domain::account::{Account, Role};
use crate::domain::conflicts::ConflictRules;
use crate::domain::{BodyCode, Closure};
use crate::error::QuorumError;

fn refused(field: &str, message: impl Into<String>) -> FormOutcome {
    FormOutcome {
        errors: vec![FieldError {
            field: field.into(),
            message: message.into(),
        }],
        done: None,
    }
}

fn done(message: String) -> FormOutcome {
    FormOutcome {
        errors: vec![],
        done: Some(message),
    }
}

pub async fn page(db: &DatabaseConnection, _actor: &Account) -> Result<AdminPage, QuorumError> {
    let data = super::dataset::snapshot(db).await?;
    let users = user::Entity::find()
        .order_by_asc(user::Column::Email)
        .all(db)
        .await?;
    let rules = super::conflicts::rules(db).await?;
    let mut bodies = data.bodies.clone();
    bodies.sort_by_key(|b| b.position);
    Ok(AdminPage {
        users: users
            .into_iter()
            .map(|u| UserLine {
                scope: u
                    .body_code
                    .or(u.state_code)
                    .or(u.organisation_id)
                    .unwrap_or_default(),
                role: u.role.replace('_', " "),
                email: u.email,
                name: u.name,
            })
            .collect(),
        bodies: bodies
            .iter()
            .map(|b| {
                (
                    b.code.to_string(),
                    b.name.clone(),
                    b.parent.as_ref().map(|p| p.to_string()).unwrap_or_default(),
                    b.open_to_all_states,
                )
            })
            .collect(),
        venues: data
            .venues
            .iter()
            .map(|v| VenueLine {
                id: v.id.to_string(),
                name: format!("{}, {}", v.name, v.city),
                zone: v.time_zone.clone(),
                rooms: v
                    .rooms
                    .iter()
                    .map(|r| format!("{} ({} seats)", r.name, r.capacity))
                    .collect(),
                closures: v
                    .closures
                    .iter()
                    .map(|c| (c.start.to_string(), c.end.to_string(), c.reason.clone()))
                    .collect(),
            })
            .collect(),
        rules: serde_json::to_string_pretty(&rules).unwrap_or_default(),
    })
}

pub async fn add_user(
    db: &DatabaseConnection,
    actor: &Account,
    email: &str,
    name: &str,
    role: &str,
    scope: &str,
    password: &str,
) -> Result<FormOutcome, QuorumError> {
    let Ok(role) = Role::parse(role) else {
        return Ok(refused(
            "role",
            format!("{role:?} is not a role (secretariat, bureau, focal_point)"),
        ));
    };
    if name.trim().is_empty() {
        return Ok(refused("name", "give the person's name"));
    }
    let scope = scope.trim();
    let body = match (role, scope) {
        (Role::Bureau, code) => match BodyCode::parse(&code.to_uppercase()) {
            Ok(b) => Some(b),
            Err(why) => return Ok(refused("scope", why)),
        },
        _ => None,
    };
    let new = NewAccount {
        email: email.to_owned(),
        name: name.trim().to_owned(),
        password: password.to_owned(),
        role,
        body,
        state: (role == Role::FocalPoint && !scope.is_empty()).then(|| scope.to_uppercase()),
        organisation: None,
        person: None,
    };
    let txn = db.begin().await?;
    let created = match super::accounts::create(&txn, &new).await {
        Ok(account) => account,
        Err(e) => return form_outcome(Err(e)),
    };
    super::accounts::audit(
        &txn,
        actor,
        "account created",
        &format!("account {}", created.email),
        None,
        Some(serde_json::json!({ "email": created.email, "role": created.role.as_str() })),
    )
    .await?;
    txn.commit().await?;
    Ok(done(format!("Account {} created.", created.email)))
}

pub async fn add_closure(
    db: &DatabaseConnection,
    actor: &Account,
    venue: &str,
    start: &str,
    end: &str,
    reason: &str,
) -> Result<FormOutcome, QuorumError> {
    let day = |field: &str, text: &str| {
        text.parse::<chrono::NaiveDate>()
            .map_err(|_| refused(field, "give the day as YYYY-MM-DD"))
    };
    let (start, end) = match (day("start", start), day("end", end)) {
        (Ok(s), Ok(e)) => (s, e),
        (Err(e), _) | (_, Err(e)) => return Ok(e),
    };
    if end < start {
        return Ok(refused("end", "the closure ends before it starts"));
    }
    if reason.trim().is_empty() {
        return Ok(refused("reason", "say why the venue is closed"));
    }
    let mut data = super::dataset::export(db).await?;
    let Some(index) = data.venues.iter().position(|v| v.id.as_str() == venue) else {
        return Ok(refused("venue", format!("there is no venue {venue:?}")));
    };
    let closure = Closure {
        start,
        end,
        reason: reason.trim().to_owned(),
    };
    data.venues[index].closures.push(closure.clone());
    if let Err(e) = data.validate() {
        return form_outcome(Err(e));
    }
    let venue = data.venues[index].clone();
    let txn = db.begin().await?;
    venue_closure::Entity::insert(closure_row(&venue, &closure))
        .exec(&txn)
        .await?;
    super::accounts::audit(
        &txn,
        actor,
        "venue closure added",
        &format!("venue {}", venue.id),
        None,
        serde_json::to_value(&closure).ok(),
    )
    .await?;
    super::version::bump(&txn).await?;
    txn.commit().await?;
    Ok(done(format!(
        "{} is closed from {start} to {end}.",
        venue.name
    )))
}

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
        super::conflicts::set_rules(db, actor, &rules)
            .await
            .map(|_| "Conflict rules saved.".to_owned()),
    )
}
