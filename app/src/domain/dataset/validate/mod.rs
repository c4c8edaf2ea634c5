//! [`Dataset::validate`] as a list of named rules, and the [`Errors`] they report to.
//!
//! Each rule checks one group of records and hands on the keys of those records that later
//! rules look references up in. The rules run in the order of the dataset's fields, and each
//! reports in the order of its records, so that an import lists its errors in that order.

mod panels;
mod papers;
mod roster;
mod schedule;

use std::collections::BTreeSet;

use super::{check_text, Dataset, DATASET_FORMAT};
use crate::error::QuorumError;

impl Dataset {
    /// Checks every record and every reference between records, collecting all errors so that
    /// an import can report them together before writing anything.
    pub fn validate(&self) -> Result<(), QuorumError> {
        let mut e = Errors::default();
        format(self, &mut e);
        let bodies = roster::bodies(self, &mut e);
        let parties = roster::parties(self, &mut e);
        let persons = roster::persons(self, &bodies, &parties, &mut e);
        let places = schedule::venues(self, &mut e);
        let sessions = schedule::sessions(self, &bodies, &places, &mut e);
        let meetings = schedule::meetings(self, &places, &sessions, &persons, &mut e);
        papers::agenda_and_documents(self, &sessions, &mut e);
        let entries = papers::workplan(self, &bodies, &sessions, &mut e);
        panels::panels_and_nominations(self, &meetings, &entries, &persons, &parties, &mut e);
        panels::contributions(self, &parties, &mut e);
        schedule::conflicts(self, &bodies, &mut e);
        e.finish()
    }
}

/// The dataset is of the format this build reads.
fn format(data: &Dataset, e: &mut Errors) {
    if data.format != DATASET_FORMAT {
        e.add(
            "dataset",
            "format",
            format!(
                "unsupported format {}, expected {DATASET_FORMAT}",
                data.format
            ),
        );
    }
}

/// Collects validation errors, each naming its record and field.
#[derive(Default)]
struct Errors(Vec<QuorumError>);

impl Errors {
    fn add(&mut self, record: impl Into<String>, field: &str, message: impl Into<String>) {
        self.0.push(QuorumError::invalid(record, field, message));
    }

    /// Records a key and reports it when it was already seen.
    fn unique<K: Ord + Clone>(
        &mut self,
        seen: &mut BTreeSet<K>,
        key: &K,
        record: &str,
        field: &str,
    ) {
        if !seen.insert(key.clone()) {
            self.add(record, field, "appears more than once");
        }
    }

    /// Checks one stored text field with [`check_text`].
    fn text(&mut self, value: &str, limit: usize, record: &str, field: &str) {
        if let Err(why) = check_text(value, limit) {
            self.add(record, field, why);
        }
    }

    /// [`Errors::text`] for a field that may be absent.
    fn text_opt(&mut self, value: Option<&str>, limit: usize, record: &str, field: &str) {
        if let Some(value) = value {
            self.text(value, limit, record, field);
        }
    }

    fn not_empty(&mut self, value: &str, record: &str, field: &str) {
        if value.trim().is_empty() {
            self.add(record, field, "must not be empty");
        }
    }

    fn known<K: Ord + std::fmt::Display>(
        &mut self,
        set: &BTreeSet<K>,
        key: &K,
        record: &str,
        field: &str,
        what: &str,
    ) {
        if !set.contains(key) {
            self.add(record, field, format!("unknown {what} {key}"));
        }
    }

    /// What validation found: nothing, the one error, or all of them in the order found.
    fn finish(mut self) -> Result<(), QuorumError> {
        match self.0.len() {
            0 => Ok(()),
            1 => Err(self.0.remove(0)),
            _ => Err(QuorumError::InvalidMany(self.0)),
        }
    }
}
