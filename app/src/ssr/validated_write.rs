//! Writing one record of the stored data after the whole dataset with the change passed
//! validation: inserted when new, updated when stored, audited with its before and after, and
//! the data version raised so that pages and feeds see it — all in one transaction.

use sea_orm::{
    ActiveModelBehavior, ActiveModelTrait, DatabaseConnection, EntityTrait, IntoActiveModel,
    TransactionTrait,
};

use crate::domain::account::Account;
use crate::error::QuorumError;

/// What is written: the row, whether it is already stored, and the audit entry.
pub struct RecordChange<'a, A> {
    pub row: A,
    pub stored: bool,
    /// "body changed", "venue created", …
    pub action: &'a str,
    /// "body IRG", "venue vienna", …
    pub record: String,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

pub async fn write<A>(
    db: &DatabaseConnection,
    actor: &Account,
    change: RecordChange<'_, A>,
) -> Result<(), QuorumError>
where
    A: ActiveModelTrait + ActiveModelBehavior + Send,
    <A::Entity as EntityTrait>::Model: IntoActiveModel<A>,
{
    let txn = db.begin().await?;
    if change.stored {
        // Rows converted from models are "unchanged": mark every column for writing.
        A::Entity::update(change.row.reset_all()).exec(&txn).await?;
    } else {
        A::Entity::insert(change.row).exec(&txn).await?;
    }
    super::audit::record(
        &txn,
        actor,
        change.action,
        &change.record,
        change.before,
        change.after,
    )
    .await?;
    super::data_version::bump(&txn).await?;
    txn.commit().await?;
    Ok(())
}

/// Takes the row's write lock for the rest of the transaction on PostgreSQL, so that two saves
/// of one record replace its child rows one after the other instead of colliding on their keys.
/// SQLite runs one writing transaction at a time already.
pub async fn lock<E: EntityTrait>(
    txn: &sea_orm::DatabaseTransaction,
    key: <E::PrimaryKey as sea_orm::PrimaryKeyTrait>::ValueType,
) -> Result<(), QuorumError> {
    use sea_orm::{ConnectionTrait, QuerySelect};
    if txn.get_database_backend() == sea_orm::DbBackend::Postgres {
        E::find_by_id(key).lock_exclusive().one(txn).await?;
    }
    Ok(())
}

/// "created" or "changed", for audit actions.
pub fn verb(stored: bool) -> &'static str {
    if stored {
        "changed"
    } else {
        "created"
    }
}
