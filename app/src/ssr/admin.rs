//! The secretariat's administration over the stored data: accounts, venues' holidays and the
//! conflict rules. Each change is checked, written with its audit entry, and answered with
//! errors by field.

use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder, Set, TransactionTrait,
};

use super::accounts::NewAccount;
use super::entities::{auth_session, body, room, user, venue_closure};
use super::forms::form_outcome;
use super::rows::{closure_row, room_row, venue_row};
use super::validated_write::{self, verb, RecordChange};
use crate::domain::account::{Account, Role};
use crate::domain::conflicts::ConflictRules;
use crate::domain::{Body, BodyCode, Closure, Id, Room, Venue};
use crate::error::QuorumError;
use crate::wire::admin::{AdminPage, BodyLine, RoomLine, UserLine, VenueLine};
use crate::wire::nominations::FormOutcome;
use crate::wire::planning::FieldError;

pub(crate) fn refused(field: &str, message: impl Into<String>) -> FormOutcome {
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
    let rules = super::conflict_rules::rules(db).await?;
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
                role: Role::parse(&u.role)
                    .map_or(u.role, |r| crate::domain::label::Label::label(&r)),
                email: u.email,
                name: u.name,
            })
            .collect(),
        bodies: bodies
            .iter()
            .map(|b| BodyLine {
                code: b.code.to_string(),
                name: b.name.clone(),
                short_name: b.short_name.clone(),
                parent: b.parent.as_ref().map(|p| p.to_string()).unwrap_or_default(),
                open_to_all_states: b.open_to_all_states,
            })
            .collect(),
        venues: data
            .venues
            .iter()
            .map(|v| VenueLine {
                id: v.id.to_string(),
                name: v.name.clone(),
                city: v.city.clone(),
                country: v.country.clone(),
                zone: v.time_zone.clone(),
                interpretation_teams: v.interpretation_teams,
                rooms: v
                    .rooms
                    .iter()
                    .map(|r| RoomLine {
                        id: r.id.to_string(),
                        name: r.name.clone(),
                        capacity: r.capacity,
                        booths: r.interpretation_booths,
                    })
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
    super::audit::record(
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
    super::audit::record(
        &txn,
        actor,
        "venue closure added",
        &format!("venue {}", venue.id),
        None,
        serde_json::to_value(&closure).ok(),
    )
    .await?;
    super::data_version::bump(&txn).await?;
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

/// A venue as the administration form holds it. Rooms, holidays and meeting windows are kept.
#[derive(Debug, Clone, Default)]
pub struct VenueFields<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub city: &'a str,
    pub country: &'a str,
    pub time_zone: &'a str,
    pub interpretation_teams: &'a str,
}

/// Creates a venue or changes a stored one.
pub async fn save_venue(
    db: &DatabaseConnection,
    actor: &Account,
    form: &VenueFields<'_>,
) -> Result<FormOutcome, QuorumError> {
    let id = match Id::parse(form.id.trim()) {
        Ok(id) => id,
        Err(why) => return Ok(refused("id", why)),
    };
    let Ok(teams) = form.interpretation_teams.trim().parse::<u32>() else {
        return Ok(refused(
            "interpretation_teams",
            "give how many meetings with interpretation the venue serves at once (a number)",
        ));
    };
    let mut data = super::dataset::export(db).await?;
    let stored = data.venues.iter().position(|v| v.id == id);
    let before = stored.map(|i| data.venues[i].clone());
    let mut venue = before.clone().unwrap_or_else(|| Venue {
        id: id.clone(),
        name: String::new(),
        city: String::new(),
        country: String::new(),
        time_zone: String::new(),
        rooms: vec![],
        closures: vec![],
        interpretation_teams: teams,
        meeting_windows: vec![],
        illustrative: false,
    });
    venue.name = form.name.trim().to_owned();
    venue.city = form.city.trim().to_owned();
    venue.country = form.country.trim().to_uppercase();
    venue.time_zone = form.time_zone.trim().to_owned();
    venue.interpretation_teams = teams;
    match stored {
        Some(i) => data.venues[i] = venue.clone(),
        None => data.venues.push(venue.clone()),
    }
    if let Err(e) = data.validate() {
        return form_outcome(Err(e));
    }
    let change = RecordChange {
        row: venue_row(&venue),
        stored: stored.is_some(),
        action: &format!("venue {}", verb(stored.is_some())),
        record: format!("venue {id}"),
        before: before.and_then(|v| serde_json::to_value(v).ok()),
        after: serde_json::to_value(&venue).ok(),
    };
    validated_write::write(db, actor, change).await?;
    Ok(done(format!("{} ({id}) saved.", venue.name)))
}

/// Adds a room to a venue or changes a stored one.
pub async fn save_room(
    db: &DatabaseConnection,
    actor: &Account,
    venue: &str,
    room: &str,
    name: &str,
    capacity: &str,
    booths: &str,
) -> Result<FormOutcome, QuorumError> {
    let id = match Id::parse(room.trim()) {
        Ok(id) => id,
        Err(why) => return Ok(refused("room", why)),
    };
    let number = |field: &str, text: &str| {
        text.trim()
            .parse::<u32>()
            .map_err(|_| refused(field, "give a whole number"))
    };
    let (capacity, booths) = match (number("capacity", capacity), number("booths", booths)) {
        (Ok(c), Ok(b)) => (c, b),
        (Err(e), _) | (_, Err(e)) => return Ok(e),
    };
    if name.trim().is_empty() {
        return Ok(refused("name", "give the room's name"));
    }
    let mut data = super::dataset::export(db).await?;
    let Some(v) = data.venues.iter().position(|x| x.id.as_str() == venue) else {
        return Ok(refused("venue", format!("there is no venue {venue:?}")));
    };
    let rooms = &mut data.venues[v].rooms;
    let stored = rooms.iter().position(|r| r.id == id);
    let before = stored.map(|i| rooms[i].clone());
    let new = Room {
        id: id.clone(),
        name: name.trim().to_owned(),
        capacity,
        interpretation_booths: booths,
    };
    match stored {
        Some(i) => rooms[i] = new.clone(),
        None => rooms.push(new.clone()),
    }
    if let Err(e) = data.validate() {
        return form_outcome(Err(e));
    }
    let change = RecordChange {
        row: room_row(&data.venues[v], &new),
        stored: stored.is_some(),
        action: &format!("room {}", verb(stored.is_some())),
        record: format!("room {id}"),
        before: before.and_then(|r| serde_json::to_value(r).ok()),
        after: serde_json::to_value(&new).ok(),
    };
    validated_write::write(db, actor, change).await?;
    Ok(done(format!("Room {} saved.", new.name)))
}

/// Removes a room no meeting uses.
pub async fn remove_room(
    db: &DatabaseConnection,
    actor: &Account,
    room: &str,
) -> Result<FormOutcome, QuorumError> {
    let data = super::dataset::snapshot(db).await?;
    let Some(stored) = data
        .venues
        .iter()
        .flat_map(|v| v.rooms.iter())
        .find(|r| r.id.as_str() == room)
        .cloned()
    else {
        return Ok(refused("room", format!("there is no room {room:?}")));
    };
    let users: Vec<String> = data
        .meetings
        .iter()
        .filter(|m| m.room.as_ref() == Some(&stored.id))
        .map(|m| m.id.to_string())
        .collect();
    if !users.is_empty() {
        return Ok(refused(
            "room",
            format!(
                "{} is used by meetings {}: move them first",
                stored.name,
                users.join(", ")
            ),
        ));
    }
    let txn = db.begin().await?;
    room::Entity::delete_by_id(stored.id.to_string())
        .exec(&txn)
        .await?;
    super::audit::record(
        &txn,
        actor,
        "room removed",
        &format!("room {}", stored.id),
        serde_json::to_value(&stored).ok(),
        None,
    )
    .await?;
    super::data_version::bump(&txn).await?;
    txn.commit().await?;
    Ok(done(format!("Room {} removed.", stored.name)))
}

/// Changes an account's role and scope, or removes the account (its sign-ins end with it).
/// The secretariat cannot change or remove its own account here, so it never locks itself out.
pub async fn change_user(
    db: &DatabaseConnection,
    actor: &Account,
    email: &str,
    role: &str,
    scope: &str,
    remove: bool,
) -> Result<FormOutcome, QuorumError> {
    let email = email.trim().to_lowercase();
    if email == actor.email {
        return Ok(refused(
            "email",
            "you cannot change or remove your own account; ask another secretariat member",
        ));
    }
    let Some(stored) = user::Entity::find()
        .filter(user::Column::Email.eq(&email))
        .one(db)
        .await?
    else {
        return Ok(refused("email", format!("there is no account for {email}")));
    };
    let before = serde_json::json!({
        "email": stored.email, "role": stored.role,
        "body": stored.body_code, "state": stored.state_code,
    });
    let txn = db.begin().await?;
    // A private feed address outlives nobody's right to it: the State's address goes when its
    // focal point leaves the State or Quorum (its other focal points issue a new one), the
    // person's when their account goes.
    let old_state = (stored.role == Role::FocalPoint.as_str())
        .then(|| stored.state_code.clone())
        .flatten();
    let revoke_state = |new_role: Option<Role>, new_state: Option<&String>| {
        old_state
            .clone()
            .filter(|old| new_role != Some(Role::FocalPoint) || new_state != Some(old))
    };
    if remove {
        if let Some(state) = revoke_state(None, None) {
            super::feeds::revoke_token(&txn, &super::feeds::PrivateSubject::State(state)).await?;
        }
        if let Some(person) = stored.person_id.as_deref().and_then(|p| Id::parse(p).ok()) {
            super::feeds::revoke_token(&txn, &super::feeds::PrivateSubject::Person(person)).await?;
        }
        super::data_version::bump(&txn).await?;
        auth_session::Entity::delete_many()
            .filter(auth_session::Column::UserId.eq(stored.id))
            .exec(&txn)
            .await?;
        user::Entity::delete_by_id(stored.id).exec(&txn).await?;
        super::audit::record(
            &txn,
            actor,
            "account removed",
            &format!("account {email}"),
            Some(before),
            None,
        )
        .await?;
        txn.commit().await?;
        return Ok(done(format!("Account {email} removed.")));
    }
    let Ok(role) = Role::parse(role) else {
        return Ok(refused(
            "role",
            format!("{role:?} is not a role (secretariat, bureau, focal_point)"),
        ));
    };
    let scope = scope.trim().to_uppercase();
    let (body, state) = match role {
        Role::Bureau => {
            let data = super::dataset::snapshot(db).await?;
            if !data.bodies.iter().any(|b| b.code.as_str() == scope) {
                return Ok(refused("scope", format!("there is no body {scope:?}")));
            }
            (Some(scope), None)
        }
        Role::FocalPoint if scope.is_empty() && stored.organisation_id.is_none() => {
            return Ok(refused(
                "scope",
                "a focal point needs the State party they speak for",
            ))
        }
        Role::FocalPoint => (None, (!scope.is_empty()).then_some(scope)),
        Role::Secretariat => (None, None),
    };
    if let Some(old) = revoke_state(Some(role), state.as_ref()) {
        super::feeds::revoke_token(&txn, &super::feeds::PrivateSubject::State(old)).await?;
        super::data_version::bump(&txn).await?;
    }
    let mut row = stored.into_active_model();
    row.role = Set(role.as_str().to_owned());
    row.body_code = Set(body.clone());
    row.state_code = Set(state.clone());
    row.update(&txn).await?;
    super::audit::record(
        &txn,
        actor,
        "account changed",
        &format!("account {email}"),
        Some(before),
        Some(serde_json::json!({ "email": email, "role": role.as_str(), "body": body, "state": state })),
    )
    .await?;
    txn.commit().await?;
    Ok(done(format!(
        "Account {email} is now {}.",
        crate::domain::label::Label::label(&role)
    )))
}
