//! Contributions and contribution tallies.

use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::IntoActiveModel;

use super::{affiliation_columns, corrupt, id, required_affiliation, u32_of, Result};
use crate::domain::{Contribution, ContributionTally, ParagraphSet};
use crate::ssr::entities::{contribution, contribution_tally};

pub fn contribution_row(c: &Contribution) -> contribution::ActiveModel {
    let (contributor_state, contributor_organisation) = affiliation_columns(Some(&c.contributor));
    contribution::Model {
        id: c.id.to_string(),
        contributor_state,
        contributor_organisation,
        date: c.date,
        title: c.title.clone(),
        link: c.link.clone(),
        paragraphs: c.paragraphs.to_string(),
    }
    .into_active_model()
}

pub fn contribution_of(m: contribution::Model) -> Result<Contribution> {
    const T: &str = "contributions";
    Ok(Contribution {
        id: id(T, &m.id)?,
        contributor: required_affiliation(T, m.contributor_state, m.contributor_organisation)?,
        paragraphs: ParagraphSet::parse(&m.paragraphs).map_err(|e| corrupt(T, e))?,
        date: m.date,
        title: m.title,
        link: m.link,
    })
}

pub fn tally_row(t: &ContributionTally) -> contribution_tally::ActiveModel {
    contribution_tally::ActiveModel {
        id: NotSet,
        as_of: Set(t.as_of),
        states_parties: Set(t.states_parties as i32),
        organisations: Set(t.organisations as i32),
        note: Set(t.note.clone()),
    }
}

pub fn tally_of(m: contribution_tally::Model) -> ContributionTally {
    ContributionTally {
        as_of: m.as_of,
        states_parties: u32_of(m.states_parties),
        organisations: u32_of(m.organisations),
        note: m.note,
    }
}
