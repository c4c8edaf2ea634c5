//! Rendered feeds of the current data version, per instance (a cache: every instance renders
//! the same bytes from the same data). The feed route fills it; a write empties it.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use axum::body::Bytes;
use chrono::{DateTime, Utc};

/// One rendered feed, both encodings.
pub struct Rendered {
    pub body: Bytes,
    pub gzip: Bytes,
    /// Strong ETag of the identity body; the gzip body's tag adds `-gzip`.
    pub tag: String,
    pub last_modified: DateTime<Utc>,
    pub private: bool,
}

/// Rendered feeds of one data version.
#[derive(Default)]
pub struct FeedCache {
    pub version: i64,
    /// When the version was last read from the database; `None` forces a read.
    pub checked: Option<Instant>,
    pub feeds: HashMap<String, Arc<Rendered>>,
}

impl FeedCache {
    /// Forgets when the version was read: the next request reads it again. Called after every
    /// write made through this instance.
    pub fn invalidate(&mut self) {
        self.checked = None;
    }
}

/// Feeds cached by data version; shared by the handlers of one instance.
pub type SharedFeedCache = Arc<Mutex<FeedCache>>;
