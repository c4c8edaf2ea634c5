use app::error::QuorumError;
use std::net::SocketAddr;
use std::path::Path;

use app::{shell, App};
use axum::extract::State;
use axum::http::{header, HeaderValue};
use axum::Router;
use leptos::config::LeptosOptions;

use crate::state::AppState;
use leptos::prelude::provide_context;
use leptos_axum::{generate_route_list, LeptosRoutes};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

/// The largest body a request other than an import may send: forms and server functions are
/// small, so anything bigger is refused before it is read.
pub const REQUEST_BODY_LIMIT: usize = 1024 * 1024;

/// A server function answers a refusal or failure as the [`QuorumError`] it returned, which
/// Leptos sends with status 500; this gives the answer the error's own status (401, 403, 404,
/// 422, 503 …), so that a client's mistake or a refusal is not counted as the server failing.
/// An argument that cannot be read is `BadRequest`, 400.
async fn server_fn_errors_keep_their_status(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let response = next.run(request).await;
    if !response
        .headers()
        .contains_key(leptos::server_fn::error::SERVER_FN_ERROR_HEADER)
    {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let bytes = axum::body::to_bytes(body, 64 * 1024)
        .await
        .unwrap_or_default();
    if let Ok(error) = serde_json::from_slice::<QuorumError>(&bytes) {
        parts.status = axum::http::StatusCode::from_u16(error.status_code())
            .unwrap_or(axum::http::StatusCode::INTERNAL_SERVER_ERROR);
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
        .is_some_and(|q| form_carries_nul(q.as_bytes()));
    let reading = BodyReading::of(request.headers().get(header::CONTENT_TYPE));
    let (parts, body) = request.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, limit).await else {
        return too_large();
    };
    if nul_in_query || reading.carries_nul(&bytes) {
        return (
            axum::http::StatusCode::BAD_REQUEST,
            "text must not contain NUL characters",
        )
            .into_response();
    }
    next.run(axum::extract::Request::from_parts(parts, bytes.into()))
        .await
}

/// How a body's text is read, by its declared type: whether it holds a NUL is decided by what
/// it decodes to, so that a title "50%00" in JSON, or a literal "%00" in a form, is not one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BodyReading {
    /// `application/x-www-form-urlencoded`: percent-decoded.
    Form,
    /// `application/json` or `…+json`, and bodies of no or another type: the import and the
    /// nomination steps read their body as JSON whatever its declared type.
    Json,
}

impl BodyReading {
    fn of(content_type: Option<&HeaderValue>) -> Self {
        let essence = content_type
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .map(|v| v.trim().to_ascii_lowercase())
            .unwrap_or_default();
        if essence == "application/x-www-form-urlencoded" {
            BodyReading::Form
        } else {
            BodyReading::Json
        }
    }

    /// Whether the body, read this way, holds a NUL character.
    fn carries_nul(self, body: &[u8]) -> bool {
        match self {
            BodyReading::Form => form_carries_nul(body),
            BodyReading::Json => json_carries_nul(body),
        }
    }
}

/// Whether form-urlencoded text (a body or a query string), once percent-decoded, holds U+0000.
fn form_carries_nul(text: &[u8]) -> bool {
    url::form_urlencoded::parse(text)
        .any(|(name, value)| name.contains('\0') || value.contains('\0'))
}

/// Whether JSON text holds a raw NUL byte or a `\u0000` escape. Escapes are read in turn, so
/// an escaped backslash followed by "u0000" (the literal text `\u0000`) is no NUL.
fn json_carries_nul(text: &[u8]) -> bool {
    let mut i = 0;
    while i < text.len() {
        match text[i] {
            0 => return true,
            b'\\' => {
                if text
                    .get(i + 1..i + 6)
                    .is_some_and(|escape| escape.eq_ignore_ascii_case(b"u0000"))
                {
                    return true;
                }
                i += 2;
            }
            _ => i += 1,
        }
    }
    false
}

/// Answers that depend on who is signed in are kept by no cache: every page and API answer
/// varies with the cookie, and one given to a signed-in request is `private, no-store` — the
/// administration, the review board, the account page with its feed address, `/api/me`, the
/// audit log and the rest. The stylesheet, the bundle and the public feeds are the same for
/// everyone and keep their own caching.
async fn private_answers(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let path = request.uri().path();
    let shared = path.starts_with("/pkg/") || path.starts_with("/feeds/");
    let signed_in = app::ssr::sign_in::sign_in_token(request.headers()).is_some();
    let mut response = next.run(request).await;
    if shared {
        return response;
    }
    let headers = response.headers_mut();
    headers.append(header::VARY, HeaderValue::from_static("cookie"));
    // Signing in or out sets the cookie (and the sign-in answers its CSRF token).
    if signed_in || headers.contains_key(header::SET_COOKIE) {
        headers.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("private, no-store"),
        );
    }
    response
}

/// One place for "a write happened": after every state-changing request through this instance
/// that succeeded — a REST write, a server function, a form — its pages and feeds read the data
/// version again at once (other instances within the staleness bound). No handler has to
/// remember it; an answer that wrote nothing costs one extra read of the version.
async fn after_writes(
    State(state): State<AppState>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let changing = !matches!(
        *request.method(),
        axum::http::Method::GET | axum::http::Method::HEAD | axum::http::Method::OPTIONS
    );
    let response = next.run(request).await;
    let status = response.status();
    if changing && (status.is_success() || status.is_redirection()) {
        state.after_write();
    }
    response
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
    let unruled = crate::access::server_functions_without_a_rule();
    assert!(
        unruled.is_empty(),
        "server functions without an access rule in server/src/access.rs: {unruled:?}"
    );
    let door = crate::access::Door {
        pages: std::sync::Arc::new(routes.iter().map(|r| r.path().to_owned()).collect()),
    };
    let db = state.db.clone();
    let site = state.site.clone();
    let leptos_options = state.leptos_options.clone();

    // The stylesheet and the browser bundle, straight from disk: conditional requests answered,
    // brotli or gzip sent to browsers that accept it where the build left a compressed copy
    // beside the file (scripts/release-build.sh makes both), and kept by browsers for a while;
    // caches keep one copy per encoding.
    let pkg = Path::new(state.leptos_options.site_root.as_ref())
        .join(state.leptos_options.site_pkg_dir.as_ref());
    // Under an https address, browsers are told to use nothing else for a year.
    let hsts = Some(&state.site.0)
        .filter(|url| url.starts_with("https://"))
        .map(|_| HeaderValue::from_static("max-age=31536000; includeSubDomains"));
    let assets = tower::ServiceBuilder::new()
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("public, max-age=300"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::VARY,
            HeaderValue::from_static("accept-encoding"),
        ))
        .service(
            tower_http::services::ServeDir::new(pkg)
                .precompressed_br()
                .precompressed_gzip(),
        );
    Router::new()
        .nest_service("/pkg", assets)
        .merge(crate::routes::router())
        .leptos_routes_with_context(
            &state,
            routes,
            move || {
                provide_context(db.clone());
                provide_context(site.clone());
            },
            move || shell(leptos_options.clone()),
        )
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        .layer(axum::middleware::from_fn_with_state(
            (state.clone(), door),
            crate::access::enforce,
        ))
        .layer(axum::middleware::from_fn(server_fn_errors_keep_their_status))
        .layer(axum::middleware::from_fn(private_answers))
        .layer(axum::middleware::from_fn_with_state(state.clone(), after_writes))
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
    use super::{loggable_path, BodyReading};

    fn nul(content_type: Option<&str>, body: &str) -> bool {
        let header = content_type.map(|t| axum::http::HeaderValue::from_str(t).unwrap());
        BodyReading::of(header.as_ref()).carries_nul(body.as_bytes())
    }

    #[test]
    fn a_nul_is_what_the_text_decodes_to() {
        let form = Some("application/x-www-form-urlencoded");
        let json = Some("application/json; charset=utf-8");
        // Real NULs, in every reading.
        assert!(nul(form, "reason=a%00b"));
        assert!(nul(form, "reason=a\0b"));
        assert!(nul(form, "reason=%%00"));
        assert!(nul(json, r#"{"title":"a\u0000b"}"#));
        assert!(nul(json, r#"{"title":"a\U0000b"}"#));
        assert!(nul(json, "{\"title\":\"a\0b\"}"));
        assert!(nul(None, r#"{"title":"a\u0000b"}"#));
        assert!(nul(Some("text/plain"), "a\0b"));
        // Texts that only look like one.
        assert!(!nul(json, r#"{"title":"50%00"}"#));
        assert!(!nul(json, r#"{"title":"\\u0000"}"#));
        assert!(!nul(None, r#"{"title":"50%00"}"#));
        assert!(!nul(form, "reason=%2500"));
        assert!(!nul(form, "reason=50%2500&notes=%5Cu0000"));
        assert!(!nul(form, r"reason=\u0000"));
    }

    #[test]
    fn private_feed_tokens_never_reach_the_logs() {
        assert_eq!(
            loggable_path("/feeds/private/0123456789abcdef0123456789abcdef.ics"),
            "/feeds/private/[token]"
        );
        assert_eq!(loggable_path("/feeds/all.ics"), "/feeds/all.ics");
    }
}
