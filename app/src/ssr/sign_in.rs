//! Sign-ins: a password checked (throttled) opens a sign-in stored in the database, so every
//! instance knows it; its cookie holds a random token, the table its SHA-256. Every
//! state-changing request proves it comes from Quorum's own pages (CSRF token or Origin).
//!
//! Sign-ins are one table reached through sea-orm, the same on SQLite and PostgreSQL; the
//! session stores of tower-sessions come one per database driver, which Quorum would have to
//! pick between at run time.

use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};

use argon2::Argon2;

use chrono::{Duration, Utc};

use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};

use axum::http::{header, HeaderMap, Method};

use super::entities::{auth_session, user};

use super::accounts::account_of;
use super::throttle::{begin_attempt, end_attempt, Client};
use super::{random_hex, sha256_hex};

use crate::domain::account::Account;

use crate::error::QuorumError;

/// The cookie holding the sign-in token (its name stays what browsers already hold).
pub const SIGN_IN_COOKIE: &str = "quorum_session";

/// A sign-in: the cookie's token and the CSRF token forms and clients must echo.
#[derive(Debug, Clone)]
pub struct Login {
    pub token: String,
    pub csrf: String,
    pub account: Account,
}

/// A hash of a random password, checked against when no account has the address given.
pub(crate) fn unknown_account_hash() -> &'static str {
    static HASH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    HASH.get_or_init(|| {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(b"no account has this password", &salt)
            .map(|h| h.to_string())
            .unwrap_or_default()
    })
}

/// Checks a password, refusing a client with too many recent failures for the address (or for
/// all addresses); opens a sign-in of `lifetime`.
pub async fn login(
    db: &DatabaseConnection,
    client: &Client,
    email: &str,
    password: &str,
    lifetime: Duration,
) -> Result<Login, QuorumError> {
    let email = email.trim().to_lowercase();
    let attempt = begin_attempt(db, &email, client).await?;
    let row = user::Entity::find()
        .filter(user::Column::Email.eq(&email))
        .one(db)
        .await?;
    // An unknown address costs the same hashing as a known one, so that timing does not tell
    // which addresses have accounts.
    let stored_hash = row
        .as_ref()
        .map(|r| r.password_hash.clone())
        .unwrap_or_else(|| unknown_account_hash().to_owned());
    let verified = row.is_some()
        && PasswordHash::new(&stored_hash).is_ok_and(|hash| {
            Argon2::default()
                .verify_password(password.as_bytes(), &hash)
                .is_ok()
        });
    if row.is_none() {
        if let Ok(hash) = PasswordHash::new(&stored_hash) {
            let _ = Argon2::default().verify_password(password.as_bytes(), &hash);
        }
    }
    end_attempt(db, attempt, verified).await?;
    let Some(row) = row.filter(|_| verified) else {
        return Err(QuorumError::Unauthorized);
    };
    let token = random_hex(32)?;
    let csrf = random_hex(32)?;
    let now = Utc::now();
    let session = auth_session::ActiveModel {
        token_hash: Set(sha256_hex(&token)),
        user_id: Set(row.id),
        csrf_token: Set(csrf.clone()),
        created_at: Set(now),
        expires_at: Set(now + lifetime),
    };
    auth_session::Entity::insert(session).exec(db).await?;
    Ok(Login {
        token,
        csrf,
        account: account_of(row)?,
    })
}

/// The account and CSRF token of a current sign-in.
pub async fn signed_in(
    db: &impl ConnectionTrait,
    token: &str,
) -> Result<Option<(Account, String)>, QuorumError> {
    let Some(session) = auth_session::Entity::find_by_id(sha256_hex(token))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    if session.expires_at <= Utc::now() {
        auth_session::Entity::delete_by_id(session.token_hash)
            .exec(db)
            .await?;
        return Ok(None);
    }
    let Some(row) = user::Entity::find_by_id(session.user_id).one(db).await? else {
        return Ok(None);
    };
    Ok(Some((account_of(row)?, session.csrf_token)))
}

/// Ends a sign-in.
pub async fn logout(db: &impl ConnectionTrait, token: &str) -> Result<(), QuorumError> {
    auth_session::Entity::delete_by_id(sha256_hex(token))
        .exec(db)
        .await?;
    Ok(())
}

/// The sign-in token from the request's cookies.
pub fn sign_in_token(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| cookie::Cookie::split_parse(v.to_owned()))
        .filter_map(Result::ok)
        .find(|c| c.name() == SIGN_IN_COOKIE)
        .map(|c| c.value().to_owned())
}

/// Whether a state-changing request proves it comes from this site: the sign-in's CSRF token
/// in `X-CSRF-Token`, or a browser's `Origin` that is Quorum's own (scheme, host and port
/// compared with the configured base URL, never with the request's `Host`).
pub fn csrf_ok(headers: &HeaderMap, csrf: &str, site: &super::PublicBaseUrl) -> bool {
    let token = headers.get("x-csrf-token").and_then(|v| v.to_str().ok());
    token == Some(csrf) || site.allows_origin(request_origin(headers))
}

/// The request's `Origin` header, if it has a readable one.
pub fn request_origin(headers: &HeaderMap) -> Option<&str> {
    headers.get(header::ORIGIN).and_then(|v| v.to_str().ok())
}

/// The signed-in user of a request, with its CSRF proof checked for unsafe methods.
pub async fn authenticate(
    db: &impl ConnectionTrait,
    method: &Method,
    headers: &HeaderMap,
    site: &super::PublicBaseUrl,
) -> Result<Account, QuorumError> {
    let token = sign_in_token(headers).ok_or(QuorumError::Unauthorized)?;
    let (account, csrf) = signed_in(db, &token)
        .await?
        .ok_or(QuorumError::Unauthorized)?;
    let safe = matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS);
    if !safe && !csrf_ok(headers, &csrf, site) {
        return Err(QuorumError::Forbidden("missing or wrong CSRF token".into()));
    }
    Ok(account)
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn csrf_proof_is_the_sign_in_token_or_an_origin_of_this_site() {
        let site = super::super::PublicBaseUrl("http://127.0.0.1:3000".into());
        let mut headers = HeaderMap::new();
        headers.insert(header::HOST, HeaderValue::from_static("127.0.0.1:3000"));
        assert!(!csrf_ok(&headers, "secret", &site));
        headers.insert("x-csrf-token", HeaderValue::from_static("secret"));
        assert!(csrf_ok(&headers, "secret", &site));
        headers.remove("x-csrf-token");
        for (origin, allowed) in [
            ("http://127.0.0.1:3000", true),
            ("http://localhost:3000", true),
            ("https://127.0.0.1:3000", false),
            ("http://127.0.0.1:3001", false),
            ("https://evil.example", false),
            ("null", false),
        ] {
            headers.insert(header::ORIGIN, HeaderValue::from_static(origin));
            assert_eq!(csrf_ok(&headers, "secret", &site), allowed, "{origin}");
        }
        // The request's Host is never trusted: a forged one does not make its origin ours.
        headers.insert(header::HOST, HeaderValue::from_static("evil.example"));
        headers.insert(
            header::ORIGIN,
            HeaderValue::from_static("http://evil.example"),
        );
        assert!(!csrf_ok(&headers, "secret", &site));
        let public = super::super::PublicBaseUrl("https://quorum.example".into());
        assert_eq!(public.allowed_origins(), ["https://quorum.example"]);
    }
}
