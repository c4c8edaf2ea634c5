//! Passwords: the strength rule, argon2id hashes, resets by the secretariat and changes by the
//! account holder (other sign-ins end; the holder is told in the outbox).

use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};

use argon2::Argon2;

use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, Set,
    TransactionTrait,
};

use super::entities::{auth_session, user};

use super::throttle::{begin_attempt, end_attempt, Client};

use crate::domain::account::Account;

use crate::error::QuorumError;

/// Passwords people pick most often among those long enough to pass the length rule (from
/// published breach corpora). A short list kept here: a full breached-password service would
/// be a call out of the network, which Quorum's deployments may not allow.
const COMMON_PASSWORDS: &[&str] = &[
    "123456789012",
    "1234567890123",
    "12345678910",
    "qwertyuiopasdfghjkl",
    "qwerty123456",
    "1q2w3e4r5t6y",
    "password1234",
    "password12345",
    "passwordpassword",
    "iloveyou1234",
    "administrator",
    "abcdefghijkl",
    "abc123456789",
    "123456789abc",
    "qwertyuiop12",
    "000000000000",
    "111111111111",
    "letmein12345",
    "welcome12345",
    "changeme1234",
];

/// Why a password is refused, if it is: shorter than 12 or longer than 128 characters (argon2
/// hashes every character, so the bound keeps a login cheap), one repeated character, a common
/// password, or the account's e-mail address.
pub fn weak_password(password: &str, email: &str) -> Option<&'static str> {
    let length = password.chars().count();
    let lower = password.to_lowercase();
    if length < 12 {
        Some("must have at least 12 characters")
    } else if length > 128 {
        Some("must have at most 128 characters")
    } else if password.chars().all(|c| password.starts_with(c)) {
        Some("must not repeat one character")
    } else if COMMON_PASSWORDS.contains(&lower.as_str()) {
        Some("is among the most common passwords; choose another")
    } else if lower == email {
        Some("must not be the e-mail address")
    } else {
        None
    }
}

/// Sets a new password for an account (the secretariat resets passwords) and ends its sign-ins.
pub async fn reset_password(
    db: &DatabaseConnection,
    actor: &Account,
    email: &str,
    password: &str,
) -> Result<(), QuorumError> {
    if !actor.is_secretariat() {
        return Err(QuorumError::Forbidden(
            "only the secretariat resets passwords".into(),
        ));
    }
    let email = email.trim().to_lowercase();
    if let Some(why) = weak_password(password, &email) {
        return Err(QuorumError::invalid("account", "password", why));
    }
    let row = user::Entity::find()
        .filter(user::Column::Email.eq(&email))
        .one(db)
        .await?
        .ok_or_else(|| QuorumError::NotFound(format!("account {email}")))?;
    let txn = db.begin().await?;
    set_password(&txn, row, password, None).await?;
    super::audit::record(
        &txn,
        actor,
        "password reset",
        &format!("account {email}"),
        None,
        None,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// An argon2id hash of a password, with a fresh salt.
pub(crate) fn hash_password(password: &str) -> Result<String, QuorumError> {
    let salt = SaltString::generate(&mut OsRng);
    Ok(Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map_err(|e| QuorumError::internal(format!("hashing: {e}")))?
        .to_string())
}

/// Stores a new password, ends every sign-in of the account but `keep` (the sign-in token hash
/// of the request that changed it, if any), and tells the account holder in the outbox.
pub(crate) async fn set_password(
    db: &impl ConnectionTrait,
    row: user::Model,
    password: &str,
    keep: Option<&str>,
) -> Result<(), QuorumError> {
    let (id, email) = (row.id, row.email.clone());
    let mut active: user::ActiveModel = row.into();
    active.password_hash = Set(hash_password(password)?);
    sea_orm::ActiveModelTrait::update(active, db).await?;
    let mut ended = auth_session::Entity::delete_many().filter(auth_session::Column::UserId.eq(id));
    if let Some(keep) = keep {
        ended = ended.filter(auth_session::Column::TokenHash.ne(keep));
    }
    ended.exec(db).await?;
    super::outbox::password_changed(db, &email).await
}

/// Changes the signed-in account's own password: the current one must be given, the new one
/// twice. Other sign-ins of the account end; this one stays. Wrong current passwords are
/// throttled as logins are, by address and client, so a stolen sign-in cannot guess at it.
pub async fn change_own_password(
    db: &DatabaseConnection,
    account: &Account,
    client: &Client,
    sign_in_token: Option<&str>,
    current: &str,
    new: &str,
    confirm: &str,
) -> Result<(), QuorumError> {
    let row = user::Entity::find()
        .filter(user::Column::Email.eq(&account.email))
        .one(db)
        .await?
        .ok_or(QuorumError::Unauthorized)?;
    let attempt = begin_attempt(db, &account.email, client).await?;
    let matches = PasswordHash::new(&row.password_hash).is_ok_and(|hash| {
        Argon2::default()
            .verify_password(current.as_bytes(), &hash)
            .is_ok()
    });
    end_attempt(db, attempt, matches).await?;
    if !matches {
        return Err(QuorumError::invalid(
            "account",
            "current",
            "is not your current password",
        ));
    }
    if let Some(why) = weak_password(new, &account.email) {
        return Err(QuorumError::invalid("account", "new", why));
    }
    if new != confirm {
        return Err(QuorumError::invalid(
            "account",
            "confirm",
            "does not match the new password",
        ));
    }
    let keep = sign_in_token.map(super::sha256_hex);
    let txn = db.begin().await?;
    set_password(&txn, row, new, keep.as_deref()).await?;
    super::audit::record(
        &txn,
        account,
        "password changed",
        &format!("account {}", account.email),
        None,
        None,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weak_passwords_are_refused_with_the_reason() {
        let email = "someone@quorum.example";
        assert_eq!(
            weak_password("short", email),
            Some("must have at least 12 characters")
        );
        assert!(weak_password(&"ab".repeat(65), email)
            .unwrap()
            .contains("at most 128"));
        assert!(weak_password("aaaaaaaaaaaaaa", email)
            .unwrap()
            .contains("repeat"));
        assert!(weak_password("Password1234", email)
            .unwrap()
            .contains("common"));
        assert!(weak_password("Someone@Quorum.example", email)
            .unwrap()
            .contains("e-mail"));
        assert_eq!(weak_password("correct horse battery staple", email), None);
    }
}
