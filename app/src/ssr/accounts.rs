//! Accounts: creating one with what its role needs, and reading one from its row. Passwords,
//! sign-ins and the throttle have modules of their own.

use chrono::Utc;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};

use super::entities::user;

use super::passwords::{hash_password, weak_password};

use crate::domain::account::{Account, Role};

use crate::domain::{BodyCode, Id};

use crate::error::QuorumError;

/// A new account, as the command line or the secretariat gives it.
#[derive(Debug, Clone)]
pub struct NewAccount {
    pub email: String,
    pub name: String,
    pub password: String,
    pub role: Role,
    pub body: Option<BodyCode>,
    pub state: Option<String>,
    pub organisation: Option<Id>,
    pub person: Option<Id>,
}

pub(crate) fn invalid(field: &str, why: &str) -> QuorumError {
    QuorumError::invalid("account", field, why)
}

pub(crate) fn account_of(row: user::Model) -> Result<Account, QuorumError> {
    Ok(Account {
        id: row.id,
        role: Role::parse(&row.role).map_err(QuorumError::internal)?,
        body: row
            .body_code
            .as_deref()
            .map(BodyCode::parse)
            .transpose()
            .map_err(QuorumError::internal)?,
        person: row
            .person_id
            .as_deref()
            .map(Id::parse)
            .transpose()
            .map_err(QuorumError::internal)?,
        organisation: row
            .organisation_id
            .as_deref()
            .map(Id::parse)
            .transpose()
            .map_err(QuorumError::internal)?,
        email: row.email,
        name: row.name,
        state: row.state_code,
    })
}

/// Creates an account after checking what its role needs.
pub async fn create(db: &impl ConnectionTrait, new: &NewAccount) -> Result<Account, QuorumError> {
    let email = new.email.trim().to_lowercase();
    crate::domain::account::check_email(&email).map_err(|why| invalid("email", &why))?;
    // Accounts live outside the dataset, so their texts are checked here by the same rule.
    use crate::domain::dataset::{check_text, SHORT_TEXT_MAX};
    check_text(&email, SHORT_TEXT_MAX).map_err(|why| invalid("email", &why))?;
    check_text(new.name.trim(), SHORT_TEXT_MAX).map_err(|why| invalid("name", &why))?;
    if let Some(why) = weak_password(&new.password, &email) {
        return Err(invalid("password", why));
    }
    match new.role {
        Role::Bureau if new.body.is_none() => {
            return Err(invalid(
                "body",
                "a Bureau member needs the body whose Bureau they sit on",
            ))
        }
        Role::FocalPoint if new.state.is_none() && new.organisation.is_none() => {
            return Err(invalid(
                "state",
                "a focal point needs the State party or organisation they speak for",
            ))
        }
        _ => {}
    }
    // What the account speaks for must exist now, not be found missing later. Before the
    // first import the database knows no body or State party yet: the operator may set up
    // accounts first, as the import then brings the calendar.
    if let Some(body) = &new.body {
        use super::entities::body::Entity as Bodies;
        let known = Bodies::find_by_id(body.to_string())
            .one(db)
            .await?
            .is_some();
        if !known && Bodies::find().count(db).await? > 0 {
            return Err(invalid(
                "body",
                &format!("there is no body with the code {body}"),
            ));
        }
    }
    if let Some(state) = &new.state {
        use super::entities::state_party::Entity as States;
        let known = States::find_by_id(state.clone()).one(db).await?.is_some();
        if !known && States::find().count(db).await? > 0 {
            return Err(invalid(
                "state",
                &format!("{state} is not a State party to the Convention: give the ISO code of a State party, such as AT"),
            ));
        }
    }
    if user::Entity::find()
        .filter(user::Column::Email.eq(&email))
        .count(db)
        .await?
        > 0
    {
        return Err(QuorumError::Conflict(format!(
            "an account for {email} already exists"
        )));
    }
    let hash = hash_password(&new.password)?;
    let row = user::ActiveModel {
        email: Set(email),
        name: Set(new.name.trim().to_owned()),
        password_hash: Set(hash),
        role: Set(new.role.as_str().into()),
        body_code: Set(new.body.as_ref().map(|b| b.to_string())),
        state_code: Set(new.state.clone()),
        organisation_id: Set(new.organisation.as_ref().map(|o| o.to_string())),
        person_id: Set(new.person.as_ref().map(|p| p.to_string())),
        created_at: Set(Utc::now()),
        ..Default::default()
    };
    let inserted = user::Entity::insert(row).exec_with_returning(db).await?;
    account_of(inserted)
}
