//! One number that rises with every write, kept in the database so that every instance sees
//! it: caches (rendered feeds) are valid while it stays the same.

use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use super::entities::data_version;
use crate::error::QuorumError;

const ROW: i32 = 1;

/// The current version; 0 before the first write.
pub async fn current(db: &impl ConnectionTrait) -> Result<i64, QuorumError> {
    Ok(data_version::Entity::find_by_id(ROW)
        .one(db)
        .await?
        .map(|row| row.version)
        .unwrap_or(0))
}

/// How long pages may reuse a read of the version, in milliseconds (0: read it every time).
static READ_STALENESS_MS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
/// The last version read, and when.
static LAST_READ: std::sync::Mutex<Option<(i64, std::time::Instant)>> = std::sync::Mutex::new(None);

/// Lets pages reuse a read of the version for this long: a change made through another
/// instance reaches this one's pages within the bound; changes through this one at once (see
/// [`forget`]).
pub fn set_read_staleness(staleness: std::time::Duration) {
    READ_STALENESS_MS.store(
        staleness.as_millis() as u64,
        std::sync::atomic::Ordering::Relaxed,
    );
}

/// Forgets the last read: called after every write through this instance.
pub fn forget() {
    *LAST_READ.lock().unwrap_or_else(|p| p.into_inner()) = None;
}

/// The version, read again only when the last read is older than the staleness bound.
pub async fn recent(db: &impl ConnectionTrait) -> Result<i64, QuorumError> {
    let bound = std::time::Duration::from_millis(
        READ_STALENESS_MS.load(std::sync::atomic::Ordering::Relaxed),
    );
    if !bound.is_zero() {
        let last = *LAST_READ.lock().unwrap_or_else(|p| p.into_inner());
        if let Some((version, _)) = last.filter(|(_, at)| at.elapsed() < bound) {
            return Ok(version);
        }
    }
    let read_at = std::time::Instant::now();
    let version = current(db).await?;
    let mut last = LAST_READ.lock().unwrap_or_else(|p| p.into_inner());
    if last.is_none_or(|(kept, _)| kept <= version) {
        *last = Some((version, read_at));
    }
    Ok(version)
}

/// Raises the version; call inside the writing transaction so that readers never see new data
/// under an old version.
pub async fn bump(db: &impl ConnectionTrait) -> Result<(), QuorumError> {
    let updated = data_version::Entity::update_many()
        .col_expr(
            data_version::Column::Version,
            Expr::col(data_version::Column::Version).add(1),
        )
        .filter(data_version::Column::Id.eq(ROW))
        .exec(db)
        .await?;
    if updated.rows_affected == 0 {
        let row = data_version::ActiveModel {
            id: sea_orm::Set(ROW),
            version: sea_orm::Set(1),
        };
        data_version::Entity::insert(row).exec(db).await?;
    }
    Ok(())
}

/// Sets the version above both its stored value and `floor`. A restore brings back the older
/// number of its backup; caches keyed by version must never meet one number twice.
pub async fn raise_past(db: &impl ConnectionTrait, floor: i64) -> Result<(), QuorumError> {
    let next = current(db).await?.max(floor) + 1;
    data_version::Entity::delete_by_id(ROW).exec(db).await?;
    let row = data_version::ActiveModel {
        id: sea_orm::Set(ROW),
        version: sea_orm::Set(next),
    };
    data_version::Entity::insert(row).exec(db).await?;
    Ok(())
}

/// A value computed from the stored data, kept while the data version stays the same. Shared by
/// all requests of this process; another instance's write raises the version, so a stale value
/// is never served for longer than the version read that precedes each use.
pub struct VersionCache<T> {
    slot: std::sync::Mutex<Option<(i64, std::sync::Arc<T>)>>,
}

impl<T> Default for VersionCache<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T> VersionCache<T> {
    pub const fn new() -> Self {
        VersionCache {
            slot: std::sync::Mutex::new(None),
        }
    }

    /// The value kept for exactly this version, if any.
    pub fn get(&self, version: i64) -> Option<std::sync::Arc<T>> {
        let slot = self
            .slot
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        slot.as_ref()
            .filter(|(kept, _)| *kept == version)
            .map(|(_, value)| value.clone())
    }

    /// The value kept for this version or a newer one, if any.
    pub fn get_at_least(&self, version: i64) -> Option<std::sync::Arc<T>> {
        let slot = self
            .slot
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        slot.as_ref()
            .filter(|(kept, _)| *kept >= version)
            .map(|(_, value)| value.clone())
    }

    /// Keeps `value` for `version` unless a newer one is kept already; returns it shared.
    pub fn put(&self, version: i64, value: T) -> std::sync::Arc<T> {
        let value = std::sync::Arc::new(value);
        let mut slot = self
            .slot
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if slot.as_ref().is_none_or(|(kept, _)| *kept <= version) {
            *slot = Some((version, value.clone()));
        }
        value
    }
}

#[cfg(test)]
mod tests {
    use super::VersionCache;

    #[test]
    fn a_kept_value_serves_its_version_only_and_never_goes_back() {
        let cache = VersionCache::new();
        assert!(cache.get(1).is_none());
        cache.put(2, "two");
        assert_eq!(cache.get(2).as_deref(), Some(&"two"));
        assert!(cache.get(3).is_none());
        cache.put(1, "one");
        assert_eq!(
            cache.get(2).as_deref(),
            Some(&"two"),
            "an older read does not replace a newer one"
        );
        cache.put(3, "three");
        assert!(cache.get(2).is_none());
    }
}
