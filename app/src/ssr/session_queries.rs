//! Queries by session, for the JSON API and the pages: the sessions of a body overlapping a date
//! range with their generated titles, and the agenda items and documents of those sessions.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::{Deserialize, Serialize};

use super::entities::*;
use super::queries::{from_year, Filter};
use super::rows::*;
use crate::domain::{AgendaItem, Body, BodyCode, Dataset, Document, Session, SessionKind};
use crate::error::QuorumError;

/// A session as the API shows it: the record and its generated title.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionView {
    #[serde(flatten)]
    pub session: Session,
    pub title: String,
}

/// Sessions of a body overlapping the range; year-only sessions count by year, undated ones
/// only when no range is given.
pub async fn sessions(
    db: &impl ConnectionTrait,
    filter: &Filter,
) -> Result<Vec<SessionView>, QuorumError> {
    filter.check()?;
    let mut query = session::Entity::find();
    if let Some(body) = &filter.body {
        query = query.filter(session::Column::BodyCode.eq(body.as_str()));
    }
    if let Some(id) = &filter.session {
        query = query.filter(session::Column::Id.eq(id.as_str()));
    }
    if filter.from.is_some() || filter.to.is_some() {
        let from = filter.from.unwrap_or(NaiveDate::MIN);
        let to = filter.to.unwrap_or(NaiveDate::MAX);
        query = query.filter(
            Condition::any()
                .add(
                    session::Column::StartDate
                        .lte(to)
                        .and(session::Column::EndDate.gte(from)),
                )
                .add(
                    session::Column::StartDate
                        .is_null()
                        .and(session::Column::Year.between(from_year(from), from_year(to))),
                ),
        );
    }
    let rows = query
        .order_by_asc(session::Column::StartDate)
        .order_by_asc(session::Column::Id)
        .all(db)
        .await?;
    let sessions: Vec<Session> = rows.into_iter().map(session_of).collect::<Result<_, _>>()?;
    titled(db, sessions).await
}

/// Adds generated titles; the count of resumed parts comes from the whole table.
async fn titled(
    db: &impl ConnectionTrait,
    sessions: Vec<Session>,
) -> Result<Vec<SessionView>, QuorumError> {
    let bodies: BTreeMap<BodyCode, Body> = super::bodies::list(db)
        .await?
        .into_iter()
        .map(|b| (b.code.clone(), b))
        .collect();
    let resumed = session::Entity::find()
        .filter(session::Column::Kind.eq(SessionKind::Resumed.as_str()))
        .all(db)
        .await?;
    let mut resumptions: BTreeMap<(String, Option<i32>), u32> = BTreeMap::new();
    for r in resumed {
        *resumptions.entry((r.body_code, r.number)).or_default() += 1;
    }
    Ok(sessions
        .into_iter()
        .map(|session| {
            let count = resumptions
                .get(&(session.body.to_string(), session.number.map(|n| n as i32)))
                .copied()
                .unwrap_or(0);
            let title = match bodies.get(&session.body) {
                Some(body) => session.title(body, count),
                None => session.id.to_string(),
            };
            SessionView { session, title }
        })
        .collect())
}

/// Agenda items of the sessions the filter selects, with their documents.
pub async fn agenda(
    db: &impl ConnectionTrait,
    filter: &Filter,
) -> Result<Vec<AgendaItem>, QuorumError> {
    let session_ids: Vec<String> = sessions(db, filter)
        .await?
        .into_iter()
        .map(|s| s.session.id.to_string())
        .collect();
    let rows = agenda_item::Entity::find()
        .filter(agenda_item::Column::SessionId.is_in(session_ids))
        .all(db)
        .await?;
    let mut items: Vec<AgendaItem> = rows
        .into_iter()
        .map(agenda_item_of)
        .collect::<Result<_, _>>()?;
    let mut data = Dataset {
        agenda_items: std::mem::take(&mut items),
        ..Dataset::empty()
    };
    data.canonicalize();
    Ok(data.agenda_items)
}

/// Documents issued for the sessions the filter selects; every document without a filter.
pub async fn documents(
    db: &impl ConnectionTrait,
    filter: &Filter,
) -> Result<Vec<Document>, QuorumError> {
    let mut query = document::Entity::find();
    if filter != &Filter::default() {
        let ids: Vec<String> = sessions(db, filter)
            .await?
            .into_iter()
            .map(|s| s.session.id.to_string())
            .collect();
        query = query.filter(document::Column::SessionId.is_in(ids));
    }
    query
        .order_by_asc(document::Column::Symbol)
        .all(db)
        .await?
        .into_iter()
        .map(document_of)
        .collect()
}
