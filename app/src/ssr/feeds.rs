//! Feeds over the stored calendar, and the tokens behind private feeds.

use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, TransactionTrait,
};

use super::entities::feed_token;
use crate::domain::account::Account;
use crate::domain::feeds::{self, FeedSelection};
use crate::domain::ical::Feed;
use crate::domain::{BodyCode, Id};
use crate::error::QuorumError;

/// Whose private feed a token opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PrivateSubject {
    Person(Id),
    State(String),
}

impl PrivateSubject {
    fn columns(&self) -> (&'static str, String) {
        match self {
            PrivateSubject::Person(id) => ("person", id.to_string()),
            PrivateSubject::State(code) => ("state", code.clone()),
        }
    }
}

impl std::fmt::Display for PrivateSubject {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PrivateSubject::Person(id) => write!(f, "private feed of person {id}"),
            PrivateSubject::State(code) => write!(f, "private feed of State party {code}"),
        }
    }
}

/// Issues a new private feed address for the person or State the actor may manage.
pub async fn issue_private_feed(
    db: &DatabaseConnection,
    actor: &Account,
    subject: &PrivateSubject,
) -> Result<String, QuorumError> {
    let (person, state) = match subject {
        PrivateSubject::Person(p) => (Some(p), None),
        PrivateSubject::State(s) => (None, Some(s.as_str())),
    };
    if !actor.may_manage_feed(person, state) {
        return Err(QuorumError::Forbidden(
            "this private feed belongs to someone else".into(),
        ));
    }
    rotate_token(db, &actor.email, subject).await
}

/// Issues a new token for a person's or a State's private feed, revoking the previous one, and
/// records who did (never the token) in the audit log. 192 random bits, as 48 hex characters.
pub async fn rotate_token(
    db: &DatabaseConnection,
    issued_by: &str,
    subject: &PrivateSubject,
) -> Result<String, QuorumError> {
    let token = super::random_hex(24)?;
    let (kind, id) = subject.columns();
    let data = super::dataset::export(db).await?;
    let known = match subject {
        PrivateSubject::Person(p) => data.persons.iter().any(|x| &x.id == p),
        PrivateSubject::State(s) => data.states_parties.iter().any(|x| &x.iso_code == s),
    };
    if !known {
        return Err(QuorumError::NotFound(format!("{kind} {id}")));
    }
    let txn = db.begin().await?;
    revoke_token(&txn, subject).await?;
    let row = feed_token::Model {
        token_hash: super::sha256_hex(&token),
        kind: kind.into(),
        subject: id,
        created_at: chrono::Utc::now(),
    };
    feed_token::Entity::insert(sea_orm::IntoActiveModel::into_active_model(row))
        .exec(&txn)
        .await?;
    super::audit::record_as(
        &txn,
        issued_by,
        "private feed address issued",
        &subject.to_string(),
        None,
        None,
    )
    .await?;
    super::data_version::bump(&txn).await?;
    txn.commit().await?;
    Ok(token)
}

/// Revokes a subject's private feed address, if it has one; answers whether it had. The caller
/// bumps the data version, so that no cached copy of the feed is served again.
pub async fn revoke_token(
    db: &impl ConnectionTrait,
    subject: &PrivateSubject,
) -> Result<bool, QuorumError> {
    let (kind, id) = subject.columns();
    let revoked = feed_token::Entity::delete_many()
        .filter(feed_token::Column::Kind.eq(kind))
        .filter(feed_token::Column::Subject.eq(&id))
        .exec(db)
        .await?;
    Ok(revoked.rows_affected > 0)
}

/// The subject a private token opens, if it is current.
pub async fn subject_of(
    db: &impl ConnectionTrait,
    token: &str,
) -> Result<Option<PrivateSubject>, QuorumError> {
    let Some(row) = feed_token::Entity::find_by_id(super::sha256_hex(token))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    Ok(match row.kind.as_str() {
        "person" => Id::parse(&row.subject).ok().map(PrivateSubject::Person),
        "state" => Some(PrivateSubject::State(row.subject)),
        _ => None,
    })
}

/// Which feed a path under `/feeds/` names (`all.ics`, `bodies/IRG.ics`, …), and whether it is
/// private. Unknown paths are not found.
pub async fn selection(
    db: &impl ConnectionTrait,
    path: &str,
) -> Result<(FeedSelection, bool), QuorumError> {
    let not_found = || QuorumError::NotFound(format!("feed {path}"));
    let stem = path.strip_suffix(".ics").ok_or_else(not_found)?;
    let (kind, key) = stem.split_once('/').unwrap_or((stem, ""));
    Ok(match (kind, key) {
        ("all", "") => (FeedSelection::All, false),
        ("deadlines", "") => (FeedSelection::Deadlines, false),
        ("bodies", code) => (
            FeedSelection::Body(BodyCode::parse(code).map_err(|_| not_found())?),
            false,
        ),
        ("sessions", id) => (
            FeedSelection::Session(Id::parse(id).map_err(|_| not_found())?),
            false,
        ),
        ("venues", id) => (
            FeedSelection::Venue(Id::parse(id).map_err(|_| not_found())?),
            false,
        ),
        ("private", token) if !token.is_empty() && token.len() <= 128 => {
            match subject_of(db, token).await? {
                Some(PrivateSubject::Person(id)) => (FeedSelection::Person(id), true),
                Some(PrivateSubject::State(code)) => (FeedSelection::State(code), true),
                None => return Err(not_found()),
            }
        }
        _ => return Err(not_found()),
    })
}

/// Builds a feed from the stored calendar.
pub async fn feed(
    db: &DatabaseConnection,
    selection: &FeedSelection,
    base_url: &str,
    version: i64,
) -> Result<Feed, QuorumError> {
    let data = super::dataset::snapshot_since(db, version).await?;
    feeds::build(&data, selection, base_url)
}
