//! The secretariat's forms for accounts: adding one for the secretariat, a Bureau or a State
//! party's focal point, and changing its role and scope or removing it — each checked, written
//! with its audit entry, and answered with errors by field.

use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, IntoActiveModel, QueryFilter,
    Set, TransactionTrait,
};

use super::accounts::NewAccount;
use super::admin::{done, refused};
use super::entities::{auth_session, user};
use super::forms::form_outcome;
use crate::domain::account::{Account, Role};
use crate::domain::label::Label;
use crate::domain::{BodyCode, Id};
use crate::error::QuorumError;
use crate::wire::nominations::FormOutcome;

pub async fn add_user(
    db: &DatabaseConnection,
    actor: &Account,
    email: &str,
    name: &str,
    role: &str,
    scope: &str,
    password: &str,
) -> Result<FormOutcome, QuorumError> {
    let Ok(role) = Role::parse(role) else {
        return Ok(refused(
            "role",
            format!("{role:?} is not a role (secretariat, bureau, focal_point)"),
        ));
    };
    if name.trim().is_empty() {
        return Ok(refused("name", "give the person's name"));
    }
    let scope = scope.trim();
    let body = match (role, scope) {
        (Role::Bureau, code) => match BodyCode::parse(&code.to_uppercase()) {
            Ok(b) => Some(b),
            Err(why) => return Ok(refused("scope", why)),
        },
        _ => None,
    };
    let new = NewAccount {
        email: email.to_owned(),
        name: name.trim().to_owned(),
        password: password.to_owned(),
        role,
        body,
        state: (role == Role::FocalPoint && !scope.is_empty()).then(|| scope.to_uppercase()),
        organisation: None,
        person: None,
    };
    let txn = db.begin().await?;
    let created = match super::accounts::create(&txn, &new).await {
        Ok(account) => account,
        Err(e) => return form_outcome(Err(e)),
    };
    super::audit::record(
        &txn,
        actor,
        "account created",
        &format!("account {}", created.email),
        None,
        Some(serde_json::json!({ "email": created.email, "role": created.role.as_str() })),
    )
    .await?;
    txn.commit().await?;
    Ok(done(format!("Account {} created.", created.email)))
}

/// Changes an account's role and scope, or removes the account (its sign-ins end with it).
/// The secretariat cannot change or remove its own account here, so it never locks itself out.
pub async fn change_user(
    db: &DatabaseConnection,
    actor: &Account,
    email: &str,
    role: &str,
    scope: &str,
    remove: bool,
) -> Result<FormOutcome, QuorumError> {
    let email = email.trim().to_lowercase();
    if email == actor.email {
        return Ok(refused(
            "email",
            "you cannot change or remove your own account; ask another secretariat member",
        ));
    }
    let Some(stored) = user::Entity::find()
        .filter(user::Column::Email.eq(&email))
        .one(db)
        .await?
    else {
        return Ok(refused("email", format!("there is no account for {email}")));
    };
    let before = serde_json::json!({
        "email": stored.email, "role": stored.role,
        "body": stored.body_code, "state": stored.state_code,
    });
    let txn = db.begin().await?;
    // A private feed address outlives nobody's right to it: the State's address goes when its
    // focal point leaves the State or Quorum (its other focal points issue a new one), the
    // person's when their account goes.
    let old_state = (stored.role == Role::FocalPoint.as_str())
        .then(|| stored.state_code.clone())
        .flatten();
    let revoke_state = |new_role: Option<Role>, new_state: Option<&String>| {
        old_state
            .clone()
            .filter(|old| new_role != Some(Role::FocalPoint) || new_state != Some(old))
    };
    if remove {
        if let Some(state) = revoke_state(None, None) {
            super::feeds::revoke_token(&txn, &super::feeds::PrivateSubject::State(state)).await?;
        }
        if let Some(person) = stored.person_id.as_deref().and_then(|p| Id::parse(p).ok()) {
            super::feeds::revoke_token(&txn, &super::feeds::PrivateSubject::Person(person)).await?;
        }
        super::data_version::bump(&txn).await?;
        auth_session::Entity::delete_many()
            .filter(auth_session::Column::UserId.eq(stored.id))
            .exec(&txn)
            .await?;
        user::Entity::delete_by_id(stored.id).exec(&txn).await?;
        super::audit::record(
            &txn,
            actor,
            "account removed",
            &format!("account {email}"),
            Some(before),
            None,
        )
        .await?;
        txn.commit().await?;
        return Ok(done(format!("Account {email} removed.")));
    }
    let Ok(role) = Role::parse(role) else {
        return Ok(refused(
            "role",
            format!("{role:?} is not a role (secretariat, bureau, focal_point)"),
        ));
    };
    let scope = scope.trim().to_uppercase();
    let (body, state) = match role {
        Role::Bureau => {
            let data = super::dataset::snapshot(db).await?;
            if !data.bodies.iter().any(|b| b.code.as_str() == scope) {
                return Ok(refused("scope", format!("there is no body {scope:?}")));
            }
            (Some(scope), None)
        }
        Role::FocalPoint if scope.is_empty() && stored.organisation_id.is_none() => {
            return Ok(refused(
                "scope",
                "a focal point needs the State party they speak for",
            ))
        }
        Role::FocalPoint if !scope.is_empty() => {
            let data = super::dataset::snapshot(db).await?;
            if !data.states_parties.iter().any(|s| s.iso_code == scope) {
                return Ok(refused(
                    "scope",
                    format!("{scope} is not a State party to the Convention: give the ISO code of a State party, such as AT"),
                ));
            }
            (None, Some(scope))
        }
        Role::FocalPoint => (None, None),
        Role::Secretariat => (None, None),
    };
    if let Some(old) = revoke_state(Some(role), state.as_ref()) {
        super::feeds::revoke_token(&txn, &super::feeds::PrivateSubject::State(old)).await?;
        super::data_version::bump(&txn).await?;
    }
    let mut row = stored.into_active_model();
    row.role = Set(role.as_str().to_owned());
    row.body_code = Set(body.clone());
    row.state_code = Set(state.clone());
    row.update(&txn).await?;
    super::audit::record(
        &txn,
        actor,
        "account changed",
        &format!("account {email}"),
        Some(before),
        Some(serde_json::json!({ "email": email, "role": role.as_str(), "body": body, "state": state })),
    )
    .await?;
    txn.commit().await?;
    Ok(done(format!("Account {email} is now {}.", role.label())))
}
