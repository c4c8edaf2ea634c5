//! Queries of the stored records that take more than one table to assemble, by body and date
//! range — meetings with their sessions and participants, panels with their panellists, venues
//! with their rooms and closures, workplan entries with their bodies — and the filter every
//! query takes. Sessions, agenda and documents are in `session_queries`; the workplan view and
//! contributions in `workplan_queries`.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveTime, TimeZone, Utc};
use sea_orm::sea_query::{Expr, Query};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::{Deserialize, Serialize};

use super::entities::*;
use super::rows::*;
use crate::domain::{BodyCode, Id, Meeting, Panel, Venue, WorkplanEntry};
use crate::error::QuorumError;

/// Which part of the calendar to read: a body, and days from `from` to `to` inclusive.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Filter {
    #[serde(default)]
    pub body: Option<BodyCode>,
    #[serde(default)]
    pub from: Option<NaiveDate>,
    #[serde(default)]
    pub to: Option<NaiveDate>,
    #[serde(default)]
    pub session: Option<Id>,
}

impl Filter {
    /// Refuses a range that ends before it starts.
    pub fn check(&self) -> Result<(), QuorumError> {
        match (self.from, self.to) {
            (Some(from), Some(to)) if to < from => {
                Err(QuorumError::invalid("filter", "to", "end before start"))
            }
            _ => Ok(()),
        }
    }
}

fn start_of(day: NaiveDate) -> chrono::DateTime<Utc> {
    Utc.from_utc_datetime(&day.and_time(NaiveTime::MIN))
}

/// The year of a day, as year-only records are filtered.
pub(super) fn from_year(day: NaiveDate) -> i32 {
    use chrono::Datelike;
    day.year()
}

/// Meetings of a body (joint meetings included) or of a session, overlapping the range,
/// in order of start.
pub async fn meetings(
    db: &impl ConnectionTrait,
    filter: &Filter,
) -> Result<Vec<Meeting>, QuorumError> {
    filter.check()?;
    let mut query = meeting::Entity::find();
    if let Some(from) = filter.from {
        query = query.filter(meeting::Column::EndsAt.gt(start_of(from)));
    }
    if let Some(to) = filter.to.and_then(|d| d.succ_opt()) {
        query = query.filter(meeting::Column::StartsAt.lt(start_of(to)));
    }
    if filter.body.is_some() || filter.session.is_some() {
        let mut sessions = Query::select();
        sessions
            .column((meeting_session::Entity, meeting_session::Column::MeetingId))
            .from(meeting_session::Entity)
            .inner_join(
                session::Entity,
                Expr::col((session::Entity, session::Column::Id))
                    .equals((meeting_session::Entity, meeting_session::Column::SessionId)),
            );
        if let Some(body) = &filter.body {
            sessions.and_where(
                Expr::col((session::Entity, session::Column::BodyCode)).eq(body.as_str()),
            );
        }
        if let Some(id) = &filter.session {
            sessions.and_where(Expr::col((session::Entity, session::Column::Id)).eq(id.as_str()));
        }
        query = query.filter(meeting::Column::Id.in_subquery(sessions.to_owned()));
    }
    let rows = query
        .order_by_asc(meeting::Column::StartsAt)
        .order_by_asc(meeting::Column::Id)
        .all(db)
        .await?;
    let ids: Vec<String> = rows.iter().map(|m| m.id.clone()).collect();
    let mut links: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut people: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for chunk in ids.chunks(500) {
        for link in meeting_session::Entity::find()
            .filter(meeting_session::Column::MeetingId.is_in(chunk.iter().cloned()))
            .order_by_asc(meeting_session::Column::SessionId)
            .all(db)
            .await?
        {
            links
                .entry(link.meeting_id)
                .or_default()
                .push(link.session_id);
        }
        for link in meeting_participant::Entity::find()
            .filter(meeting_participant::Column::MeetingId.is_in(chunk.iter().cloned()))
            .order_by_asc(meeting_participant::Column::PersonId)
            .all(db)
            .await?
        {
            people
                .entry(link.meeting_id)
                .or_default()
                .push(link.person_id);
        }
    }
    rows.into_iter()
        .map(|m| {
            let sessions = links.remove(&m.id).unwrap_or_default();
            let participants = people.remove(&m.id).unwrap_or_default();
            meeting_of(m, sessions, participants)
        })
        .collect()
}

/// Panels of the meetings the filter selects.
pub async fn panels(db: &impl ConnectionTrait, filter: &Filter) -> Result<Vec<Panel>, QuorumError> {
    let meeting_ids: Vec<String> = meetings(db, filter)
        .await?
        .into_iter()
        .map(|m| m.id.to_string())
        .collect();
    let mut panels = Vec::new();
    for chunk in meeting_ids.chunks(500) {
        let rows = panel::Entity::find()
            .filter(panel::Column::MeetingId.is_in(chunk.iter().cloned()))
            .all(db)
            .await?;
        let panel_ids: Vec<String> = rows.iter().map(|p| p.id.clone()).collect();
        let mut people: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for p in panel_panellist::Entity::find()
            .filter(panel_panellist::Column::PanelId.is_in(panel_ids))
            .order_by_asc(panel_panellist::Column::Position)
            .all(db)
            .await?
        {
            people.entry(p.panel_id).or_default().push(p.person_id);
        }
        for row in rows {
            let panellists = people.remove(&row.id).unwrap_or_default();
            panels.push(panel_of(row, panellists)?);
        }
    }
    let order: BTreeMap<&str, usize> = meeting_ids
        .iter()
        .enumerate()
        .map(|(i, id)| (id.as_str(), i))
        .collect();
    panels.sort_by_key(|p| (order.get(p.meeting.as_str()).copied(), p.position));
    Ok(panels)
}

/// Every venue with its rooms and closures.
pub async fn venues(db: &impl ConnectionTrait) -> Result<Vec<Venue>, QuorumError> {
    let mut rooms: BTreeMap<String, Vec<room::Model>> = BTreeMap::new();
    for r in room::Entity::find()
        .order_by_asc(room::Column::Id)
        .all(db)
        .await?
    {
        rooms.entry(r.venue_id.clone()).or_default().push(r);
    }
    let mut closures: BTreeMap<String, Vec<venue_closure::Model>> = BTreeMap::new();
    for c in venue_closure::Entity::find()
        .order_by_asc(venue_closure::Column::StartDate)
        .all(db)
        .await?
    {
        closures.entry(c.venue_id.clone()).or_default().push(c);
    }
    venue::Entity::find()
        .order_by_asc(venue::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|v| {
            let id = v.id.clone();
            venue_of(
                v,
                rooms.remove(&id).unwrap_or_default(),
                closures.remove(&id).unwrap_or_default(),
            )
        })
        .collect()
}

/// Workplan entries of a body, for years within the range.
pub async fn workplan_entries(
    db: &impl ConnectionTrait,
    filter: &Filter,
) -> Result<Vec<WorkplanEntry>, QuorumError> {
    filter.check()?;
    let mut query = workplan_entry::Entity::find();
    if let Some(body) = &filter.body {
        query = query.filter(
            workplan_entry::Column::Id.in_subquery(
                Query::select()
                    .column(workplan_entry_body::Column::EntryId)
                    .from(workplan_entry_body::Entity)
                    .and_where(workplan_entry_body::Column::BodyCode.eq(body.as_str()))
                    .to_owned(),
            ),
        );
    }
    if let Some(from) = filter.from {
        query = query.filter(workplan_entry::Column::Year.gte(from_year(from)));
    }
    if let Some(to) = filter.to {
        query = query.filter(workplan_entry::Column::Year.lte(from_year(to)));
    }
    let rows = query
        .order_by_asc(workplan_entry::Column::Position)
        .order_by_asc(workplan_entry::Column::Id)
        .all(db)
        .await?;
    let mut bodies: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for link in workplan_entry_body::Entity::find().all(db).await? {
        bodies
            .entry(link.entry_id)
            .or_default()
            .push(link.body_code);
    }
    let order: Vec<String> = super::bodies::list(db)
        .await?
        .into_iter()
        .map(|b| b.code.to_string())
        .collect();
    rows.into_iter()
        .map(|row| {
            let mut codes = bodies.remove(&row.id).unwrap_or_default();
            codes.sort_by_key(|c| order.iter().position(|o| o == c));
            workplan_entry_of(row, codes)
        })
        .collect()
}
