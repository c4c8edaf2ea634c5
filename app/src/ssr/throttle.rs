//! The throttle on password checks: wrong passwords counted per address and client, and per
//! client, within a window, counted atomically on both engines.

use chrono::{Duration, Utc};

use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    Set, TransactionTrait,
};

use super::entities::{failed_login, throttle_lock};

use crate::error::QuorumError;

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
pub struct Client(pub(crate) String);

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
pub(crate) fn throttled() -> QuorumError {
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
pub(crate) async fn begin_attempt(
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
pub(crate) async fn end_attempt(
    db: &DatabaseConnection,
    id: i32,
    right: bool,
) -> Result<(), QuorumError> {
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
