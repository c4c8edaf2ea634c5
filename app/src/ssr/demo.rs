//! The demo: the seed's 2021–2026 calendar and one account per role, loaded into an empty database.

use sea_orm::{ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait};

use super::accounts::{create, NewAccount};
use super::dataset::{import, is_empty, parse};
use super::entities::user;
use crate::domain::account::Role;
use crate::domain::BodyCode;
use crate::error::QuorumError;

/// The demo dataset: the calendar of the Conference and its subsidiary bodies, 2021–2026.
pub const DEMO_JSON: &str = include_str!("../../data/demo.json");

/// Loads the demo dataset when the database is empty; returns whether it did.
pub async fn load_demo_if_empty(db: &DatabaseConnection) -> Result<bool, QuorumError> {
    if !is_empty(db).await? {
        return Ok(false);
    }
    match import(db, &parse(DEMO_JSON)?).await {
        Ok(()) => {
            create_demo_accounts(db).await?;
            Ok(true)
        }
        // Another instance sharing the database loaded it first.
        Err(_) if !is_empty(db).await? => Ok(false),
        Err(err) => Err(err),
    }
}

/// The demo accounts, one per role; their passwords are in the README.
pub const DEMO_ACCOUNTS: [(&str, &str, &str, Role, Option<&str>, Option<&str>); 3] = [
    (
        "secretariat@quorum.example",
        "Demo secretariat",
        "demo-secretariat",
        Role::Secretariat,
        None,
        None,
    ),
    (
        "bureau.irg@quorum.example",
        "Demo Bureau member, Implementation Review Group",
        "demo-bureau-irg",
        Role::Bureau,
        Some("IRG"),
        None,
    ),
    (
        "focal.point.at@quorum.example",
        "Demo focal point, Austria",
        "demo-focal-point-at",
        Role::FocalPoint,
        None,
        Some("AT"),
    ),
];

/// Creates the demo accounts when there are none.
pub async fn create_demo_accounts(db: &impl ConnectionTrait) -> Result<(), QuorumError> {
    if user::Entity::find().count(db).await? > 0 {
        return Ok(());
    }
    for (email, name, password, role, body, state) in DEMO_ACCOUNTS {
        let new = NewAccount {
            email: email.into(),
            name: name.into(),
            // Demo passwords are short to type; pad them to the length rule.
            password: format!("{password}-quorum"),
            role,
            body: body.map(|b| BodyCode::parse(b).expect("demo body")),
            state: state.map(str::to_owned),
            organisation: None,
            person: None,
        };
        create(db, &new).await?;
    }
    Ok(())
}
