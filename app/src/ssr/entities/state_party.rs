//! The `states_parties` table: each State party by its ISO code, with its name and regional
//! group.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "states_parties")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub iso_code: String,
    pub name: String,
    pub regional_group: String,
}
plain_entity!();
