use sea_orm::{ConnectionTrait, EntityTrait, QueryOrder};

use super::entities::body;
use crate::domain::Body;
use crate::error::QuorumError;

/// Every body, in display order.
pub async fn list(db: &impl ConnectionTrait) -> Result<Vec<Body>, QuorumError> {
    body::Entity::find()
        .order_by_asc(body::Column::Position)
        .order_by_asc(body::Column::Code)
        .all(db)
        .await?
        .into_iter()
        .map(body::Model::into_domain)
        .collect()
}
