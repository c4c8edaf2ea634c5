use sea_orm::entity::prelude::*;

use crate::domain::{Body, BodyCode, TitleStyle};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "bodies")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub code: String,
    pub name: String,
    pub short_name: String,
    pub parent_code: Option<String>,
    pub open_to_all_states: bool,
    pub title_style: String,
    pub position: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

impl Model {
    /// Converts a stored row into the domain type; a row that breaks the code rules is a
    /// database error, since every write goes through validation.
    pub fn into_domain(self) -> Result<Body, crate::error::QuorumError> {
        let parse = |code: &str| BodyCode::parse(code).map_err(crate::error::QuorumError::internal);
        Ok(Body {
            code: parse(&self.code)?,
            parent: self.parent_code.as_deref().map(parse).transpose()?,
            name: self.name,
            short_name: self.short_name,
            open_to_all_states: self.open_to_all_states,
            title_style: TitleStyle::parse(&self.title_style)
                .map_err(crate::error::QuorumError::internal)?,
            position: self.position,
        })
    }
}

impl From<&Body> for ActiveModel {
    fn from(body: &Body) -> Self {
        use sea_orm::Set;
        ActiveModel {
            code: Set(body.code.to_string()),
            name: Set(body.name.clone()),
            short_name: Set(body.short_name.clone()),
            parent_code: Set(body.parent.as_ref().map(|p| p.to_string())),
            open_to_all_states: Set(body.open_to_all_states),
            title_style: Set(body.title_style.as_str().to_owned()),
            position: Set(body.position),
        }
    }
}
