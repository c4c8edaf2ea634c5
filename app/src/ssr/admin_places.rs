//! The secretariat's forms for the places where meetings are held: venues, their rooms, and the
//! days a venue is closed (holidays, closures) — each checked against the whole dataset, written
//! with its audit entry, and answered with errors by field.

use sea_orm::{DatabaseConnection, EntityTrait, TransactionTrait};

use super::admin::{done, refused};
use super::entities::{room, venue_closure};
use super::forms::form_outcome;
use super::rows::{closure_row, room_row, venue_row};
use super::validated_write::{self, verb, RecordChange};
use crate::domain::account::Account;
use crate::domain::{Closure, Id, Room, Venue};
use crate::error::QuorumError;
use crate::wire::nominations::FormOutcome;

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
    // The meetings the closure falls on, named in the answer: they now conflict.
    let calendar = crate::domain::conflicts::MeetingIndex::build(&data)?;
    let falls_on: Vec<String> = calendar
        .scan()
        .iter()
        .map(|c| calendar.view(c, None))
        .filter(|v| {
            v.kind == crate::domain::conflicts::ConflictKind::VenueClosed
                && v.explanation.contains(&format!("({}, ", closure.reason))
        })
        .map(|v| format!(" Conflict: {}", v.explanation))
        .collect();
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
        "{} is closed {}.{}",
        venue.name,
        match start == end {
            true => format!("on {}", crate::domain::wording::dates::day(start)),
            false => format!(
                "from {} to {}",
                crate::domain::wording::dates::day(start),
                crate::domain::wording::dates::day(end)
            ),
        },
        falls_on.concat()
    )))
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
    Ok(done(format!("{} saved.", new.name)))
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
    Ok(done(format!("{} removed.", stored.name)))
}
