//! What every handler may need, shared by the routes, the door and the router's assembly.

use axum::extract::FromRef;
use leptos::config::LeptosOptions;
use sea_orm::DatabaseConnection;

use crate::feed_cache::SharedFeedCache;

/// What every handler may need. Nothing here is state another instance would need: all of it
/// lives in the database, so several instances can share one PostgreSQL.
#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: DatabaseConnection,
    /// Public base URL for absolute links and the origin check: `--base-url`, or the address
    /// listened on. Never taken from a request.
    #[from_ref(skip)]
    pub site: app::ssr::PublicBaseUrl,
    /// Rendered feeds of the current data version (a cache, safe per instance).
    pub feed_cache: SharedFeedCache,
    /// How long a read of the data version may be reused by feeds.
    pub feed_staleness: std::time::Duration,
    /// How long a login lasts, in seconds.
    pub sign_in_seconds: i64,
    /// How long a request may take, reading its body included.
    #[from_ref(skip)]
    pub request_timeout: std::time::Duration,
}

impl AppState {
    /// After a write through this instance: pages and feeds read the data version again at
    /// once, rather than within the staleness bound.
    pub fn after_write(&self) {
        app::ssr::data_version::forget();
        self.feed_cache
            .lock()
            .expect("feed cache lock")
            .invalidate();
    }
}
