//! The daily programme of a venue laid out from the whole dataset: rooms, agenda items and
//! documents, printable.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use sea_orm::DatabaseConnection;

use crate::wire::calendar::*;

use crate::domain::session::capitalized;

use crate::domain::{Dataset, Meeting, Session};

use crate::domain::label::Label;
use crate::error::QuorumError;

use super::page_parts::{blank_to_none, choices, place_of, time_span, today};

/// The daily programme of one venue, like the UN Journal: meetings in time order with their
/// rooms, agenda items and documents. Without a date it opens on the first day with meetings
/// on or after `today`, else the last one.
pub fn programme_page(
    data: &Dataset,
    query: ProgrammeQuery,
    today: NaiveDate,
) -> Result<ProgrammePage, QuorumError> {
    let venue = match blank_to_none(query.venue) {
        Some(id) => data
            .venues
            .iter()
            .find(|v| v.id.as_str() == id)
            .ok_or_else(|| {
                QuorumError::invalid("programme", "venue", format!("there is no venue {id:?}"))
            })?,
        None => data
            .venues
            .first()
            .ok_or_else(|| QuorumError::NotFound("any venue".into()))?,
    };
    let tz = venue.tz().unwrap_or(chrono_tz::UTC);
    let local_day = |m: &Meeting| m.start.with_timezone(&tz).date_naive();
    let mut meetings: Vec<&Meeting> = data
        .meetings
        .iter()
        .filter(|m| m.venue == venue.id)
        .collect();
    meetings.sort_by_key(|m| (m.start, m.id.clone()));
    let meeting_days: BTreeSet<NaiveDate> = meetings.iter().map(|m| local_day(m)).collect();
    let date = match blank_to_none(query.date) {
        Some(text) => text.parse::<NaiveDate>().map_err(|_| {
            QuorumError::invalid(
                "programme",
                "date",
                format!("{text:?} is not a date (YYYY-MM-DD)"),
            )
        })?,
        None => meeting_days
            .range(today..)
            .next()
            .or(meeting_days.iter().next_back())
            .copied()
            .unwrap_or(today),
    };
    let items = meetings
        .iter()
        .filter(|m| local_day(m) == date)
        .map(|m| {
            let sessions: Vec<&Session> = m
                .sessions
                .iter()
                .filter_map(|s| data.sessions.iter().find(|x| &x.id == s))
                .collect();
            let (room, _) = place_of(data, m);
            ProgrammeItem {
                id: m.id.to_string(),
                time: time_span(m.start, m.end, tz),
                room,
                title: m.title.clone(),
                kind: m.kind.label(),
                status: m.status.to_string(),
                sessions: sessions
                    .iter()
                    .map(|s| capitalized(&data.session_title(s)))
                    .collect(),
                agenda: joint_agenda(data, &sessions),
                documents: data
                    .documents
                    .iter()
                    .filter(|d| d.session.as_ref().is_some_and(|s| m.sessions.contains(s)))
                    .map(|d| (d.symbol.clone(), d.title.clone()))
                    .collect(),
                panels: data
                    .panels
                    .iter()
                    .filter(|p| p.meeting == m.id)
                    .map(|p| p.topic.clone())
                    .collect(),
            }
        })
        .collect();
    Ok(ProgrammePage {
        date: date.to_string(),
        label: crate::domain::wording::dates::weekday_and_day(date),
        venue: venue.id.to_string(),
        venue_name: crate::domain::wording::place_name(&venue.name, &venue.city),
        zone: tz.name().into(),
        items,
        venues: choices(data).1,
        days: meeting_days
            .iter()
            .map(|d| (d.to_string(), d.format("%a %-d %b %Y").to_string()))
            .collect(),
    })
}

/// The agenda items of a meeting's sessions; an item several bodies share appears once,
/// naming them: "Item 5 (IRG, WG-AR): Follow-up to …".
fn joint_agenda(data: &Dataset, sessions: &[&Session]) -> Vec<String> {
    let mut items: Vec<(String, String, Vec<String>)> = vec![];
    for a in data.agenda_items.iter() {
        let Some(session) = sessions.iter().find(|s| s.id == a.session) else {
            continue;
        };
        match items
            .iter_mut()
            .find(|(n, t, _)| n == &a.number && t == &a.title)
        {
            Some((_, _, bodies)) => bodies.push(session.body.to_string()),
            None => items.push((
                a.number.clone(),
                a.title.clone(),
                vec![session.body.to_string()],
            )),
        }
    }
    items
        .into_iter()
        .map(|(number, title, bodies)| format!("Item {number} ({}): {title}", bodies.join(", ")))
        .collect()
}

pub async fn load(
    db: &DatabaseConnection,
    query: ProgrammeQuery,
) -> Result<ProgrammePage, QuorumError> {
    let data = super::dataset::snapshot(db).await?;
    programme_page(&data, query, today())
}
