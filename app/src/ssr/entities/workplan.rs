//! The `workplans` table: the workplan, its status and the silence procedure's deadline.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "workplans")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: i32,
    pub title: String,
    pub status: String,
    pub silence_deadline: Option<Date>,
    pub decided_on: Option<Date>,
}
plain_entity!();
