//! One number that rises with every write, kept in the database so that every instance sees
//! it: caches (rendered feeds) are valid while it stays the same.

use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use super::entities::data_version;
use crate::error::QuorumError;

const ROW: i32 = 1;

/// The current version; 0 before the first write.
pub async fn current(db: &impl ConnectionTrait) -> Result<i64, QuorumError> {
    Ok(data_version::Entity::find_by_id(ROW)
        .one(db)
        .await?
        .map(|row| row.version)
        .unwrap_or(0))
}

/// Raises the version; call inside the writing transaction so that readers never see new data
/// under an old version.
pub async fn bump(db: &impl ConnectionTrait) -> Result<(), QuorumError> {
    let updated = data_version::Entity::update_many()
        .col_expr(
            data_version::Column::Version,
            Expr::col(data_version::Column::Version).add(1),
        )
        .filter(data_version::Column::Id.eq(ROW))
        .exec(db)
        .await?;
    if updated.rows_affected == 0 {
        let row = data_version::ActiveModel {
            id: sea_orm::Set(ROW),
            version: sea_orm::Set(1),
        };
        data_version::Entity::insert(row).exec(db).await?;
    }
    Ok(())
}
