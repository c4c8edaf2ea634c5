//! `GET /feeds/...`: iCalendar feeds with strong ETags, Last-Modified, 304s, HEAD and gzip.
//!
//! Rendered feeds are cached per instance under the database's data version, which rises with
//! every write anywhere. The version is read again at most every `feed_staleness` (100 ms by
//! default; 0 reads it on every request): a change made through this instance shows at once, one
//! made through another instance within that bound, and then every instance serves the same bytes
//! and the same ETag. Reading the version on every request would cap feeds at the database's
//! round-trip rate (about 20,000 a second on SQLite here; see BENCHMARKS.md).

use std::io::Write;
use std::sync::Arc;
use std::time::Instant;

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};

use app::error::QuorumError;
use app::ssr::{data_version, feeds};

use crate::error::ApiError;
use crate::feed_cache::Rendered;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route("/feeds/{*path}", get(feed))
}

async fn render(state: &AppState, path: &str, version: i64) -> Result<Rendered, QuorumError> {
    let (selection, private) = feeds::selection(&state.db, path).await?;
    let feed = feeds::feed(&state.db, &selection, &state.site.0, version).await?;
    let body = feed.render().into_bytes();
    let tag = Sha256::digest(&body)
        .iter()
        .take(16)
        .map(|b| format!("{b:02x}"))
        .collect::<String>();
    // The gzip header's time is zero: equal data gives equal compressed bytes too.
    let mut encoder = flate2::GzBuilder::new()
        .mtime(0)
        .write(Vec::new(), flate2::Compression::default());
    encoder
        .write_all(&body)
        .map_err(|e| QuorumError::internal(e.to_string()))?;
    let gzip = encoder
        .finish()
        .map_err(|e| QuorumError::internal(e.to_string()))?;
    Ok(Rendered {
        body: body.into(),
        gzip: gzip.into(),
        tag,
        last_modified: feed.last_modified(),
        private,
    })
}

async fn feed(
    State(state): State<AppState>,
    Path(path): Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let fresh_version = || {
        let cache = state.feed_cache.lock().expect("feed cache lock");
        cache
            .checked
            .filter(|at| at.elapsed() < state.feed_staleness)
            .map(|_| cache.version)
    };
    // When the bound runs out, one request reads the version while the others arriving meanwhile
    // wait for it, rather than a thousand subscribers queueing for the database's connections.
    static READING_VERSION: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());
    let mut known = fresh_version();
    let reading = match known {
        Some(_) => None,
        None if state.feed_staleness.is_zero() => None,
        None => {
            let guard = READING_VERSION.lock().await;
            known = fresh_version();
            Some(guard)
        }
    };
    let current = match known {
        Some(version) => version,
        None => data_version::current(&state.db).await?,
    };
    let cached = {
        let mut cache = state.feed_cache.lock().expect("feed cache lock");
        if cache.version != current {
            cache.version = current;
            cache.feeds.clear();
        }
        if known.is_none() {
            cache.checked = Some(Instant::now());
        }
        cache.feeds.get(&path).cloned()
    };
    drop(reading);
    let rendered = match cached {
        Some(hit) => hit,
        None => {
            // After a change, a thousand subscribers miss at once: one renders each feed while
            // the others wait for it, instead of all rendering (and compressing) it together.
            static RENDERING: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());
            let _rendering = RENDERING.lock().await;
            let rendered_meanwhile = {
                let cache = state.feed_cache.lock().expect("feed cache lock");
                (cache.version == current)
                    .then(|| cache.feeds.get(&path).cloned())
                    .flatten()
            };
            match rendered_meanwhile {
                Some(hit) => hit,
                None => {
                    let fresh = Arc::new(render(&state, &path, current).await?);
                    let mut cache = state.feed_cache.lock().expect("feed cache lock");
                    if cache.version == current {
                        cache.feeds.insert(path.clone(), fresh.clone());
                    }
                    fresh
                }
            }
        }
    };
    Ok(respond(&rendered, &headers))
}

/// Whether the client asked for gzip (and did not refuse it with q=0).
fn wants_gzip(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|coding| {
            let mut parts = coding.split(';').map(str::trim);
            let name = parts.next().unwrap_or("");
            let refused = parts.any(|p| {
                p.replace(' ', "").eq_ignore_ascii_case("q=0") || p.replace(' ', "") == "q=0.0"
            });
            (name.eq_ignore_ascii_case("gzip") || name == "*") && !refused
        })
}

/// If-None-Match: `*`, or a list of tags compared weakly (`W/"x"` matches `"x"`).
fn none_match(headers: &HeaderMap, tags: &[String]) -> Option<bool> {
    let values: Vec<&str> = headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect();
    if values.is_empty() {
        return None;
    }
    Some(
        values
            .iter()
            .flat_map(|v| v.split(','))
            .map(str::trim)
            .any(|candidate| {
                candidate == "*" || tags.iter().any(|t| candidate.trim_start_matches("W/") == t)
            }),
    )
}

fn not_modified_since(headers: &HeaderMap, last_modified: DateTime<Utc>) -> bool {
    headers
        .get(header::IF_MODIFIED_SINCE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| httpdate::parse_http_date(v).ok())
        .map(|since| {
            let since = DateTime::<Utc>::from(since);
            last_modified.timestamp() <= since.timestamp()
        })
        .unwrap_or(false)
}

fn respond(feed: &Rendered, headers: &HeaderMap) -> Response {
    let gzip = wants_gzip(headers);
    let identity_tag = format!("\"{}\"", feed.tag);
    let gzip_tag = format!("\"{}-gzip\"", feed.tag);
    let tag = if gzip { &gzip_tag } else { &identity_tag };
    let fresh = match none_match(headers, &[identity_tag.clone(), gzip_tag.clone()]) {
        Some(matched) => matched,
        None => not_modified_since(headers, feed.last_modified),
    };
    let mut response = if fresh {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        let body = if gzip {
            feed.gzip.clone()
        } else {
            feed.body.clone()
        };
        let mut response = Response::new(Body::from(body));
        let h = response.headers_mut();
        h.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/calendar; charset=utf-8"),
        );
        if gzip {
            h.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
        }
        response
    };
    let h = response.headers_mut();
    h.insert(header::ETAG, HeaderValue::from_str(tag).expect("hex tag"));
    let modified = httpdate::fmt_http_date(feed.last_modified.into());
    h.insert(
        header::LAST_MODIFIED,
        HeaderValue::from_str(&modified).expect("http date"),
    );
    h.insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    if feed.private {
        h.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("private, max-age=300"),
        );
        h.insert(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        );
    } else {
        h.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("public, max-age=300"),
        );
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.append(*k, HeaderValue::from_str(v).unwrap());
        }
        h
    }

    #[test]
    fn if_none_match_accepts_lists_weak_tags_and_star() {
        let tags = ["\"abc\"".to_owned(), "\"abc-gzip\"".to_owned()];
        assert_eq!(none_match(&headers(&[]), &tags), None);
        assert_eq!(
            none_match(&headers(&[("if-none-match", "\"abc\"")]), &tags),
            Some(true)
        );
        assert_eq!(
            none_match(&headers(&[("if-none-match", "W/\"abc\"")]), &tags),
            Some(true)
        );
        assert_eq!(
            none_match(&headers(&[("if-none-match", "\"x\", \"abc-gzip\"")]), &tags),
            Some(true)
        );
        assert_eq!(
            none_match(&headers(&[("if-none-match", "*")]), &tags),
            Some(true)
        );
        assert_eq!(
            none_match(&headers(&[("if-none-match", "\"other\"")]), &tags),
            Some(false)
        );
    }

    #[test]
    fn gzip_only_when_asked_and_not_refused() {
        assert!(wants_gzip(&headers(&[(
            "accept-encoding",
            "gzip, deflate, br"
        )])));
        assert!(!wants_gzip(&headers(&[("accept-encoding", "br")])));
        assert!(!wants_gzip(&headers(&[("accept-encoding", "gzip;q=0")])));
        assert!(!wants_gzip(&headers(&[])));
    }
}
