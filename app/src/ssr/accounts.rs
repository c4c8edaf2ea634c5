//! Accounts: argon2id passwords, login sessions stored in the database (so that every instance
//! knows them), throttled password checks (by address and client), and the audit log.
//!
//! Sessions are one table reached through sea-orm, the same on SQLite and PostgreSQL; the
//! session stores of tower-sessions come one per database driver, which Quorum would have to
//! pick between at run time. The cookie holds a random token; the table holds its SHA-256.

use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::Argon2;
use chrono::{Duration, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    Set, TransactionTrait,
};

use axum::http::{header, HeaderMap, Method};

use super::entities::{audit_entry, auth_session, failed_login, throttle_lock, user};
use super::{random_hex, sha256_hex};
use crate::domain::account::{Account, Role};
use crate::domain::{BodyCode, Id};
use crate::error::QuorumError;

/// The cookie holding the session token.
pub const SESSION_COOKIE: &str = "quorum_session";

/// Wrong passwords allowed per address and client within [`THROTTLE_MINUTES`]: keyed by the
/// client too, so that guessing at someone's password does not lock the holder out.
pub const MAX_FAILED_LOGINS: u64 = 5;
/// Wrong passwords allowed per client over all addresses within [`THROTTLE_MINUTES`]: a looser
/// bound on one client trying leaked passwords against many accounts (credential stuffing).
pub const MAX_FAILED_LOGINS_PER_CLIENT: u64 = 50;
pub const THROTTLE_MINUTES: i64 = 15;

/// The client a password check is throttled for: the address of the TCP peer, an IPv6 one by
/// its /64 network (which one host usually holds whole). Never a header such as
/// `X-Forwarded-For`, which any client writes as it likes; clients behind one NAT or proxy
/// therefore share a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Client(String);

impl Client {
    /// The client at a peer address.
    pub fn at(ip: std::net::IpAddr) -> Client {
        use std::net::IpAddr;
        Client(match ip.to_canonical() {
            IpAddr::V4(v4) => v4.to_string(),
            IpAddr::V6(v6) => {
                let s = v6.segments();
                format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
        })
    }

    /// The client of a request, from the peer address the server puts in its extensions
    /// (`ConnectInfo`). Without one (a request made inside the process) every such request
    /// shares one key, so that the throttle still holds.
    pub fn of(extensions: &axum::http::Extensions) -> Client {
        extensions
            .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
            .map(|info| Client::at(info.0.ip()))
            .unwrap_or_else(|| Client("unknown".into()))
    }
}

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for Client {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        _: &S,
    ) -> Result<Self, Self::Rejection> {
        Ok(Client::of(&parts.extensions))
    }
}

/// The refusal of a throttled password check.
fn throttled() -> QuorumError {
    QuorumError::TooManyAttempts(format!(
        "too many wrong passwords; try again in {THROTTLE_MINUTES} minutes"
    ))
}

/// Whether the attempts at `email`'s password from `client` recorded since `since` reach a
/// limit: per address and client, or per client.
async fn at_limit(
    db: &impl ConnectionTrait,
    email: &str,
    client: &Client,
    since: chrono::DateTime<Utc>,
) -> Result<bool, QuorumError> {
    let recent = || {
        failed_login::Entity::find()
            .filter(failed_login::Column::Client.eq(&client.0))
            .filter(failed_login::Column::At.gt(since))
    };
    let for_address = recent()
        .filter(failed_login::Column::Email.eq(email))
        .count(db)
        .await?;
    let for_client = recent().count(db).await?;
    Ok(for_address >= MAX_FAILED_LOGINS || for_client >= MAX_FAILED_LOGINS_PER_CLIENT)
}

/// Admits a check of `email`'s password from `client`, or refuses it when the address and
/// client, or the client alone, had too many wrong passwords within the window. Counting and
/// recording are one transaction that first locks the client's row of `throttle_locks` (an
/// upsert: on PostgreSQL a row lock, on SQLite the database's write lock), so parallel
/// attempts of a client are counted one after another, each seeing those recorded before it:
/// exactly the limit are admitted, on both backends. An admitted attempt is recorded before
/// its password is checked, and answered for [`end_attempt`].
async fn begin_attempt(
    db: &DatabaseConnection,
    email: &str,
    client: &Client,
) -> Result<i32, QuorumError> {
    use sea_orm::sea_query::OnConflict;
    let now = Utc::now();
    let since = now - Duration::minutes(THROTTLE_MINUTES);
    let txn = db.begin().await?;
    let lock = throttle_lock::ActiveModel {
        client: Set(client.0.clone()),
        at: Set(now),
    };
    throttle_lock::Entity::insert(lock)
        .on_conflict(
            OnConflict::column(throttle_lock::Column::Client)
                .update_column(throttle_lock::Column::At)
                .to_owned(),
        )
        .exec_without_returning(&txn)
        .await?;
    if at_limit(&txn, email, client, since).await? {
        // Refused before any hash is checked; nothing is recorded, so the wait is not prolonged.
        return Err(throttled());
    }
    let attempt = failed_login::ActiveModel {
        email: Set(email.to_owned()),
        client: Set(client.0.clone()),
        at: Set(now),
        ..Default::default()
    };
    let id = failed_login::Entity::insert(attempt)
        .exec(&txn)
        .await?
        .last_insert_id;
    txn.commit().await?;
    Ok(id)
}

/// Ends an admitted attempt: a right password takes its row away, a wrong one leaves it as a
/// failure; failures and locks older than the window are deleted, so the tables hold one
/// window's.
async fn end_attempt(db: &DatabaseConnection, id: i32, right: bool) -> Result<(), QuorumError> {
    if right {
        failed_login::Entity::delete_by_id(id).exec(db).await?;
    } else {
        let since = Utc::now() - Duration::minutes(THROTTLE_MINUTES);
        failed_login::Entity::delete_many()
            .filter(failed_login::Column::At.lte(since))
            .exec(db)
            .await?;
        throttle_lock::Entity::delete_many()
            .filter(throttle_lock::Column::At.lte(since))
            .exec(db)
            .await?;
    }
    Ok(())
}

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

fn invalid(field: &str, why: &str) -> QuorumError {
    QuorumError::invalid("account", field, why)
}

fn account_of(row: user::Model) -> Result<Account, QuorumError> {
    Ok(Account {
        id: row.id,
        role: Role::parse(&row.role).map_err(QuorumError::Database)?,
        body: row
            .body_code
            .as_deref()
            .map(BodyCode::parse)
            .transpose()
            .map_err(QuorumError::Database)?,
        person: row
            .person_id
            .as_deref()
            .map(Id::parse)
            .transpose()
            .map_err(QuorumError::Database)?,
        organisation: row
            .organisation_id
            .as_deref()
            .map(Id::parse)
            .transpose()
            .map_err(QuorumError::Database)?,
        email: row.email,
        name: row.name,
        state: row.state_code,
    })
}

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
    } else if password.chars().all(|c| Some(c) == password.chars().next()) {
        Some("must not repeat one character")
    } else if COMMON_PASSWORDS.contains(&lower.as_str()) {
        Some("is among the most common passwords; choose another")
    } else if lower == email {
        Some("must not be the e-mail address")
    } else {
        None
    }
}

/// Creates an account after checking what its role needs.
pub async fn create(db: &impl ConnectionTrait, new: &NewAccount) -> Result<Account, QuorumError> {
    let email = new.email.trim().to_lowercase();
    if !email.contains('@') || email.len() > 254 {
        return Err(invalid("email", "is not an e-mail address"));
    }
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

/// Sets a new password for an account (the secretariat resets passwords) and ends its sessions.
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
        return Err(invalid("password", why));
    }
    let row = user::Entity::find()
        .filter(user::Column::Email.eq(&email))
        .one(db)
        .await?
        .ok_or_else(|| QuorumError::NotFound(format!("account {email}")))?;
    let txn = db.begin().await?;
    set_password(&txn, row, password, None).await?;
    audit(
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
fn hash_password(password: &str) -> Result<String, QuorumError> {
    let salt = SaltString::generate(&mut OsRng);
    Ok(Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map_err(|e| QuorumError::Database(format!("hashing: {e}")))?
        .to_string())
}

/// Stores a new password, ends every sign-in of the account but `keep` (the session token hash
/// of the request that changed it, if any), and tells the account holder in the outbox.
async fn set_password(
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
/// throttled as logins are, by address and client, so a stolen session cannot guess at it.
pub async fn change_own_password(
    db: &DatabaseConnection,
    account: &Account,
    client: &Client,
    session_token: Option<&str>,
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
        return Err(invalid("current", "is not your current password"));
    }
    if let Some(why) = weak_password(new, &account.email) {
        return Err(invalid("new", why));
    }
    if new != confirm {
        return Err(invalid("confirm", "does not match the new password"));
    }
    let keep = session_token.map(super::sha256_hex);
    let txn = db.begin().await?;
    set_password(&txn, row, new, keep.as_deref()).await?;
    audit(
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

/// A signed-in session: the cookie's token and the CSRF token forms and clients must echo.
#[derive(Debug, Clone)]
pub struct Login {
    pub token: String,
    pub csrf: String,
    pub account: Account,
}

/// A hash of a random password, checked against when no account has the address given.
fn unknown_account_hash() -> &'static str {
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
/// all addresses); opens a session of `lifetime`.
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

/// The account and CSRF token of a current session.
pub async fn session(
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

/// Ends a session.
pub async fn logout(db: &impl ConnectionTrait, token: &str) -> Result<(), QuorumError> {
    auth_session::Entity::delete_by_id(sha256_hex(token))
        .exec(db)
        .await?;
    Ok(())
}

/// Records who changed what, before and after.
pub async fn audit(
    db: &impl ConnectionTrait,
    actor: &Account,
    action: &str,
    record: &str,
    before: Option<serde_json::Value>,
    after: Option<serde_json::Value>,
) -> Result<(), QuorumError> {
    audit_as(db, &actor.email, action, record, before, after).await
}

/// Records a change by someone who is not a signed-in account (the command line).
pub async fn audit_as(
    db: &impl ConnectionTrait,
    actor: &str,
    action: &str,
    record: &str,
    before: Option<serde_json::Value>,
    after: Option<serde_json::Value>,
) -> Result<(), QuorumError> {
    let entry = audit_entry::ActiveModel {
        at: Set(Utc::now()),
        actor: Set(actor.to_owned()),
        action: Set(action.into()),
        record: Set(record.into()),
        before: Set(before),
        after: Set(after),
        ..Default::default()
    };
    audit_entry::Entity::insert(entry).exec(db).await?;
    Ok(())
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

/// One line of the audit log, as the secretariat reads it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct AuditLine {
    pub at: chrono::DateTime<Utc>,
    pub actor: String,
    pub action: String,
    pub record: String,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

/// The audit log, newest first.
pub async fn audit_log(
    db: &impl ConnectionTrait,
    limit: u64,
) -> Result<Vec<AuditLine>, QuorumError> {
    use sea_orm::{QueryOrder, QuerySelect};
    Ok(audit_entry::Entity::find()
        .order_by_desc(audit_entry::Column::Id)
        .limit(limit)
        .all(db)
        .await?
        .into_iter()
        .map(|e| AuditLine {
            at: e.at,
            actor: e.actor,
            action: e.action,
            record: e.record,
            before: e.before,
            after: e.after,
        })
        .collect())
}

/// The session token from the request's cookies.
pub fn session_token(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| cookie::Cookie::split_parse(v.to_owned()))
        .filter_map(Result::ok)
        .find(|c| c.name() == SESSION_COOKIE)
        .map(|c| c.value().to_owned())
}

/// Whether a state-changing request proves it comes from this site: the session's CSRF token
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
    let token = session_token(headers).ok_or(QuorumError::Unauthorized)?;
    let (account, csrf) = session(db, &token)
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
    fn csrf_proof_is_the_session_token_or_an_origin_of_this_site() {
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

    #[test]
    fn the_throttle_knows_a_client_by_its_peer_address_and_an_ipv6_one_by_its_network() {
        let client = |ip: &str| Client::at(ip.parse().unwrap());
        assert_eq!(client("192.0.2.7"), Client("192.0.2.7".into()));
        assert_eq!(client("::ffff:192.0.2.7"), client("192.0.2.7"));
        assert_eq!(
            client("2001:db8:1:2:aaaa::1"),
            Client("2001:db8:1:2::/64".into())
        );
        assert_eq!(
            client("2001:db8:1:2:aaaa::1"),
            client("2001:db8:1:2:bbbb::9")
        );
        assert_ne!(client("2001:db8:1:2::1"), client("2001:db8:1:3::1"));
        let mut extensions = axum::http::Extensions::new();
        assert_eq!(Client::of(&extensions), Client("unknown".into()));
        extensions.insert(axum::extract::ConnectInfo(std::net::SocketAddr::from((
            [127, 0, 0, 2],
            4000,
        ))));
        assert_eq!(Client::of(&extensions), client("127.0.0.2"));
    }

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
