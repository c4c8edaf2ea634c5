//! Venues, their rooms and closures.

use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::IntoActiveModel;

use super::{corrupt, id, u32_of, Result};
use crate::domain::{Closure, Room, Venue};
use crate::ssr::entities::{room, venue, venue_closure};

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
