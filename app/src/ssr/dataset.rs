use sea_orm::{DatabaseConnection, EntityTrait, PaginatorTrait, TransactionTrait};

use super::{bodies, entities::body};
use crate::domain::{dataset::DATASET_FORMAT, Dataset};
use crate::error::QuorumError;

/// The demo dataset: the calendar of the Conference and its subsidiary bodies.
pub const DEMO_JSON: &str = include_str!("../../data/demo.json");

/// Reads the whole database into one document.
pub async fn export(db: &DatabaseConnection) -> Result<Dataset, QuorumError> {
    let txn = db.begin().await?;
    let dataset = Dataset {
        format: DATASET_FORMAT,
        bodies: bodies::list(&txn).await?,
    };
    txn.commit().await?;
    Ok(dataset)
}

/// Parses a document, naming the line and column of a syntax error.
pub fn parse(json: &str) -> Result<Dataset, QuorumError> {
    serde_json::from_str(json).map_err(|e| QuorumError::BadRequest(format!("import JSON: {e}")))
}

/// Whether the database holds no data yet.
pub async fn is_empty(db: &DatabaseConnection) -> Result<bool, QuorumError> {
    Ok(body::Entity::find().count(db).await? == 0)
}

/// Validates the whole document, then writes it in one transaction into an empty database:
/// all or nothing.
pub async fn import(db: &DatabaseConnection, dataset: &Dataset) -> Result<(), QuorumError> {
    dataset.validate()?;
    let txn = db.begin().await?;
    if body::Entity::find().count(&txn).await? > 0 {
        return Err(QuorumError::invalid(
            "dataset",
            "bodies",
            "the database already holds data; import needs an empty database",
        ));
    }
    for b in dataset.bodies_parents_first() {
        body::Entity::insert(body::ActiveModel::from(b)).exec(&txn).await?;
    }
    txn.commit().await?;
    Ok(())
}

/// Loads the demo dataset when the database is empty; returns whether it did.
pub async fn load_demo_if_empty(db: &DatabaseConnection) -> Result<bool, QuorumError> {
    if !is_empty(db).await? {
        return Ok(false);
    }
    import(db, &parse(DEMO_JSON)?).await?;
    Ok(true)
}
