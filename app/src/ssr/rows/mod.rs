//! Rows ↔ domain types, one file per aggregate. Every write passed validation, so a row that
//! does not parse back is reported as an internal error naming the table and value.

use crate::domain::{Affiliation, BodyCode, Id, Language};
use crate::error::QuorumError;

mod agenda;
mod contributions;
mod nominations;
mod people;
mod sessions;
mod settings;
mod venues;
mod workplan;

pub use agenda::*;
pub use contributions::*;
pub use nominations::*;
pub use people::*;
pub use sessions::*;
pub use settings::*;
pub use venues::*;
pub use workplan::*;

type Result<T> = std::result::Result<T, QuorumError>;

fn corrupt(table: &str, why: impl std::fmt::Display) -> QuorumError {
    QuorumError::internal(format!("{table}: {why}"))
}

fn id(table: &str, raw: &str) -> Result<Id> {
    Id::parse(raw).map_err(|e| corrupt(table, e))
}

fn opt_id(table: &str, raw: Option<&str>) -> Result<Option<Id>> {
    raw.map(|r| id(table, r)).transpose()
}

fn code(table: &str, raw: &str) -> Result<BodyCode> {
    BodyCode::parse(raw).map_err(|e| corrupt(table, e))
}

fn wire<T>(table: &str, parse: fn(&str) -> std::result::Result<T, String>, raw: &str) -> Result<T> {
    parse(raw).map_err(|e| corrupt(table, e))
}

fn u32_of(value: i32) -> u32 {
    value.max(0) as u32
}

/// Languages as one column: "ar,zh,en".
pub fn languages_to_column(languages: &[Language]) -> String {
    languages
        .iter()
        .map(|l| l.as_str())
        .collect::<Vec<_>>()
        .join(",")
}

fn languages_from_column(table: &str, raw: &str) -> Result<Vec<Language>> {
    raw.split(',')
        .filter(|s| !s.is_empty())
        .map(|s| wire(table, Language::parse, s))
        .collect()
}

fn affiliation_columns(affiliation: Option<&Affiliation>) -> (Option<String>, Option<String>) {
    match affiliation {
        Some(Affiliation::State(code)) => (Some(code.clone()), None),
        Some(Affiliation::Organisation(org)) => (None, Some(org.to_string())),
        None => (None, None),
    }
}

fn affiliation_from_columns(
    table: &str,
    state: Option<String>,
    org: Option<String>,
) -> Result<Option<Affiliation>> {
    Ok(match (state, org) {
        (Some(code), _) => Some(Affiliation::State(code)),
        (None, Some(org)) => Some(Affiliation::Organisation(id(table, &org)?)),
        (None, None) => None,
    })
}

fn required_affiliation(
    table: &str,
    state: Option<String>,
    org: Option<String>,
) -> Result<Affiliation> {
    affiliation_from_columns(table, state, org)?
        .ok_or_else(|| corrupt(table, "row without State or organisation"))
}
