use std::net::SocketAddr;
use std::path::Path;

use app::{shell, App};
use axum::extract::FromRef;
use axum::http::{header, HeaderValue};
use axum::Router;
use leptos::config::LeptosOptions;
use leptos::prelude::provide_context;
use leptos_axum::{generate_route_list, LeptosRoutes};
use sea_orm::DatabaseConnection;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

/// What every handler may need. Nothing here is state another instance would need: all of it
/// lives in the database, so several instances can share one PostgreSQL.
#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: DatabaseConnection,
    /// Public base URL for absolute links (feeds); `None` means the request's own host.
    pub base_url: Option<String>,
    /// Rendered feeds of the current data version (a cache, safe per instance).
    pub feed_cache: crate::routes::feeds::SharedFeedCache,
    /// How long a read of the data version may be reused by feeds.
    pub feed_staleness: std::time::Duration,
    /// How long a login lasts, in seconds.
    pub session_seconds: i64,
    /// How long a request may take, reading its body included.
    #[from_ref(skip)]
    pub request_timeout: std::time::Duration,
}

/// The largest body a request other than an import may send: forms and server functions are
/// small, so anything bigger is refused before it is read.
pub const REQUEST_BODY_LIMIT: usize = 1024 * 1024;

/// A server function whose arguments cannot be read (a field missing, a value of the wrong
/// shape) is the client's mistake: answered 400 with the same message, not 500, which Leptos
/// would answer and which monitoring counts as the server failing.
async fn argument_errors_are_400(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let server_function =
        request.method() == axum::http::Method::POST && request.uri().path().starts_with("/api/");
    let response = next.run(request).await;
    if !server_function || response.status() != axum::http::StatusCode::INTERNAL_SERVER_ERROR {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let bytes = axum::body::to_bytes(body, 64 * 1024)
        .await
        .unwrap_or_default();
    const CLIENT_MISTAKES: [&[u8]; 3] = [b"Args|", b"MissingArg|", b"Deserialization|"];
    if CLIENT_MISTAKES
        .iter()
        .any(|prefix| bytes.starts_with(prefix))
    {
        parts.status = axum::http::StatusCode::BAD_REQUEST;
    }
    axum::response::Response::from_parts(parts, bytes.into())
}

/// Checks every request body at the boundary: over its limit ([`REQUEST_BODY_LIMIT`], or
/// [`crate::routes::api::IMPORT_LIMIT_BYTES`] for an import) it is refused with 413, whether it
/// announces its length or streams in chunks; text with a NUL character — which PostgreSQL
/// cannot store and no field of Quorum means — is refused with 400 before anything reads it.
async fn check_body(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    let limit = if request.uri().path() == "/api/import" {
        crate::routes::api::IMPORT_LIMIT_BYTES
    } else {
        REQUEST_BODY_LIMIT
    };
    let too_large = || {
        (
            axum::http::StatusCode::PAYLOAD_TOO_LARGE,
            format!("the request body is too large: at most {limit} bytes"),
        )
            .into_response()
    };
    let announced = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if announced.is_some_and(|n| n > limit) {
        return too_large();
    }
    let nul_in_query = request
        .uri()
        .query()
        .is_some_and(|q| q.to_ascii_lowercase().contains("%00"));
    let (parts, body) = request.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, limit).await else {
        return too_large();
    };
    if nul_in_query || carries_nul(&bytes) {
        return (
            axum::http::StatusCode::BAD_REQUEST,
            "text must not contain NUL characters",
        )
            .into_response();
    }
    next.run(axum::extract::Request::from_parts(parts, bytes.into()))
        .await
}

/// Whether a body holds a NUL character: raw, form-encoded (`%00`) or JSON-escaped (`\u0000`).
fn carries_nul(body: &[u8]) -> bool {
    body.contains(&0)
        || body
            .windows(3)
            .any(|w| w[0] == b'%' && w[1] == b'0' && w[2] == b'0')
        || body.windows(6).any(|w| w.eq_ignore_ascii_case(b"\\u0000"))
}

/// Leptos options built explicitly (not from compile-time environment), so the same binary
/// serves any site folder.
pub fn leptos_options(site_root: &Path, addr: SocketAddr) -> LeptosOptions {
    LeptosOptions::builder()
        .output_name("quorum")
        .site_root(site_root.to_string_lossy().as_ref())
        .site_pkg_dir("pkg")
        .site_addr(addr)
        .build()
}

/// The whole application: Leptos pages and server functions, the JSON API, health, static files.
pub fn build_router(state: AppState) -> Router {
    let routes = generate_route_list(App);
    let db = state.db.clone();
    let base_url = app::ssr::PublicBaseUrl(state.base_url.clone());
    let leptos_options = state.leptos_options.clone();
    let feed_state = state.clone();
    let after_write = app::ssr::AfterWrite(std::sync::Arc::new(move || {
        crate::routes::feeds::invalidate(&feed_state)
    }));
    // The stylesheet and the browser bundle, straight from disk: conditional requests answered,
    // gzip served where cargo-leptos left a compressed copy, and kept by browsers for a while.
    let pkg = std::path::Path::new(state.leptos_options.site_root.as_ref())
        .join(state.leptos_options.site_pkg_dir.as_ref());
    // Under an https address, browsers are told to use nothing else for a year.
    let hsts = state
        .base_url
        .as_deref()
        .filter(|url| url.starts_with("https://"))
        .map(|_| HeaderValue::from_static("max-age=31536000; includeSubDomains"));
    let assets = tower::ServiceBuilder::new()
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("public, max-age=300"),
        ))
        .service(tower_http::services::ServeDir::new(pkg).precompressed_gzip());
    Router::new()
        .nest_service("/pkg", assets)
        .merge(crate::routes::router())
        .leptos_routes_with_context(
            &state,
            routes,
            move || {
                provide_context(db.clone());
                provide_context(base_url.clone());
                provide_context(after_write.clone());
            },
            move || shell(leptos_options.clone()),
        )
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        .layer(axum::middleware::from_fn(argument_errors_are_400))
        .layer(axum::middleware::from_fn(check_body))
        // Slow clients are answered 408 rather than holding work open.
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            axum::http::StatusCode::REQUEST_TIMEOUT,
            state.request_timeout,
        ))
        // Headers every answer carries unless it set its own: no MIME sniffing, no framing by
        // other sites, no plugins, a conservative referrer. Pages set their own policy with
        // the nonce of their inline scripts (`app::shell`); this one allows no inline script.
        .layer(SetResponseHeaderLayer::if_not_present(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")))
        .layer(SetResponseHeaderLayer::if_not_present(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY")))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_str(&app::ssr::page_policy(None)).expect("the policy is ASCII"),
        ))
        .layer(tower::util::option_layer(hsts.map(|value| {
            SetResponseHeaderLayer::if_not_present(header::STRICT_TRANSPORT_SECURITY, value)
        })))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("strict-origin-when-cross-origin"),
        ))
        .layer(TraceLayer::new_for_http().make_span_with(|request: &axum::http::Request<_>| {
            tracing::info_span!("request", method = %request.method(), path = %loggable_path(request.uri().path()))
        }))
        .with_state(state)
}

/// The path as logs may show it: private feed tokens are secrets and never reach the logs.
pub fn loggable_path(path: &str) -> &str {
    if path.starts_with("/feeds/private/") {
        "/feeds/private/[token]"
    } else {
        path
    }
}

#[cfg(test)]
mod tests {
    use super::loggable_path;

    #[test]
    fn private_feed_tokens_never_reach_the_logs() {
        assert_eq!(
            loggable_path("/feeds/private/0123456789abcdef0123456789abcdef.ics"),
            "/feeds/private/[token]"
        );
        assert_eq!(loggable_path("/feeds/all.ics"), "/feeds/all.ics");
    }
}
