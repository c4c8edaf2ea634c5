//! The `declaration_paragraphs` table: the declaration's paragraphs by number, and their section.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "declaration_paragraphs")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub number: i32,
    pub section_id: Option<String>,
}
plain_entity!();
