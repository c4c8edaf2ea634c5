use leptos::prelude::*;

use crate::error::QuorumError;

use crate::domain::Body;

/// Every body of the Conference, in display order.
#[server(endpoint = "pages/bodies")]
pub async fn list_bodies() -> Result<Vec<Body>, QuorumError> {
    let db = super::database()?;
    crate::ssr::bodies::list(&db).await
}
