//! The `panel_panellists` table: the panellists of a panel, in order.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "panel_panellists")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub panel_id: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub person_id: String,
    pub position: i32,
}
plain_entity!();
