//! Agenda items and documents.

use sea_orm::IntoActiveModel;

use super::{id, languages_from_column, languages_to_column, opt_id, wire, Result};
use crate::domain::{AgendaItem, AgendaStatus, Document};
use crate::ssr::entities::{agenda_item, document};

pub fn agenda_item_row(a: &AgendaItem) -> agenda_item::ActiveModel {
    agenda_item::Model {
        session_id: a.session.to_string(),
        number: a.number.clone(),
        title: a.title.clone(),
        standing: a.standing,
        status: a.status.as_str().into(),
        illustrative: a.illustrative,
    }
    .into_active_model()
}

pub fn agenda_item_of(m: agenda_item::Model) -> Result<AgendaItem> {
    const T: &str = "agenda_items";
    Ok(AgendaItem {
        session: id(T, &m.session_id)?,
        status: wire(T, AgendaStatus::parse, &m.status)?,
        number: m.number,
        title: m.title,
        standing: m.standing,
        illustrative: m.illustrative,
    })
}

pub fn document_row(d: &Document) -> document::ActiveModel {
    document::Model {
        symbol: d.symbol.clone(),
        title: d.title.clone(),
        date: d.date,
        languages: languages_to_column(&d.languages),
        session_id: d.session.as_ref().map(|s| s.to_string()),
        agenda_item: d.agenda_item.clone(),
    }
    .into_active_model()
}

pub fn document_of(m: document::Model) -> Result<Document> {
    const T: &str = "documents";
    Ok(Document {
        languages: languages_from_column(T, &m.languages)?,
        session: opt_id(T, m.session_id.as_deref())?,
        symbol: m.symbol,
        title: m.title,
        date: m.date,
        agenda_item: m.agenda_item,
    })
}
