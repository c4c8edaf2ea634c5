//! Queries of the workplan and the repository of contributions, for the JSON API: the workplan
//! with its entries and the declaration it follows, and the contributions and tallies of a date
//! range.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::{Deserialize, Serialize};

use super::entities::*;
use super::queries::{workplan_entries, Filter};
use super::rows::*;
use crate::domain::{
    Contribution, ContributionTally, DeclarationParagraph, DeclarationSection, Workplan,
    WorkplanEntry,
};
use crate::error::QuorumError;

/// The workplan with its entries and the declaration it follows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkplanView {
    pub workplan: Option<Workplan>,
    pub entries: Vec<WorkplanEntry>,
    pub sections: Vec<DeclarationSection>,
    pub paragraphs: Vec<DeclarationParagraph>,
}

/// The workplan, its entries the filter selects, and the declaration.
pub async fn workplan(
    db: &impl ConnectionTrait,
    filter: &Filter,
) -> Result<WorkplanView, QuorumError> {
    Ok(WorkplanView {
        workplan: workplan::Entity::find()
            .one(db)
            .await?
            .map(workplan_of)
            .transpose()?,
        entries: workplan_entries(db, filter).await?,
        sections: declaration_section::Entity::find()
            .order_by_asc(declaration_section::Column::Position)
            .all(db)
            .await?
            .into_iter()
            .map(section_of)
            .collect::<Result<_, _>>()?,
        paragraphs: declaration_paragraph::Entity::find()
            .order_by_asc(declaration_paragraph::Column::Number)
            .all(db)
            .await?
            .into_iter()
            .map(paragraph_of)
            .collect::<Result<_, _>>()?,
    })
}

/// The repository of contributions: individual submissions in the range, and the tallies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContributionsView {
    pub contributions: Vec<Contribution>,
    pub tallies: Vec<ContributionTally>,
}

/// Contributions and tallies within the filter's date range.
pub async fn contributions(
    db: &impl ConnectionTrait,
    filter: &Filter,
) -> Result<ContributionsView, QuorumError> {
    filter.check()?;
    let mut query = contribution::Entity::find();
    let mut tallies = contribution_tally::Entity::find();
    if let Some(from) = filter.from {
        query = query.filter(contribution::Column::Date.gte(from));
        tallies = tallies.filter(contribution_tally::Column::AsOf.gte(from));
    }
    if let Some(to) = filter.to {
        query = query.filter(contribution::Column::Date.lte(to));
        tallies = tallies.filter(contribution_tally::Column::AsOf.lte(to));
    }
    Ok(ContributionsView {
        contributions: query
            .order_by_asc(contribution::Column::Date)
            .order_by_asc(contribution::Column::Id)
            .all(db)
            .await?
            .into_iter()
            .map(contribution_of)
            .collect::<Result<_, _>>()?,
        tallies: tallies
            .order_by_asc(contribution_tally::Column::AsOf)
            .all(db)
            .await?
            .into_iter()
            .map(tally_of)
            .collect(),
    })
}
