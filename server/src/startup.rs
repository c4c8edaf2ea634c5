use app::error::QuorumError;
use std::net::SocketAddr;
use std::path::Path;

use app::{shell, App};
use axum::extract::State;
use axum::http::{header, HeaderValue};
use axum::Router;
use leptos::config::LeptosOptions;

use crate::access::MayHaveChanged;
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
/// remember it: the access door marks the answers of the rules that change state, and a POST
/// that only reads (a page's server function, a conflict check) is not a write.
async fn after_writes(
    State(state): State<AppState>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let response = next.run(request).await;
    let status = response.status();
    let changed = response.extensions().get::<MayHaveChanged>().is_some();
    if changed && (status.is_success() || status.is_redirection()) {
        state.after_write();
    }
    response
}

/// The name of the bundle, its loader and the stylesheet (Cargo.toml's `output-name`).
const OUTPUT_NAME: &str = "quorum";
/// Where they are in the site, and in URLs.
const PKG_DIR: &str = "pkg";
/// The file that gives their hashes, a line for each: `js: <hash>`, `wasm: <hash>`,
/// `css: <hash>`, the file being `pkg/quorum.<hash>.js` and so on — as cargo-leptos writes it
/// and Leptos reads it to name the files in pages.
const HASH_FILE: &str = "hash.txt";

/// The files of a site named by their content, as its hash file gives them.
#[derive(Debug, Clone)]
pub struct HashedFiles {
    /// The hash file, as an absolute path.
    pub hash_file: std::path::PathBuf,
    /// Each plain name ("quorum.css") with the hashed name of its file ("quorum.3f2a….css").
    names: Vec<(String, String)>,
}

impl HashedFiles {
    /// The hashes of the site at `site_root`: from its own hash file (scripts/release-build.sh
    /// writes one), else from the one `cargo leptos build` leaves beside the server binary it
    /// builds — taken only if every file it names is in this site, since one binary may serve
    /// another site than the one built with it.
    pub fn of_site(site_root: &Path) -> Result<HashedFiles, String> {
        let site_root = std::path::absolute(site_root)
            .map_err(|e| format!("the site folder {}: {e}", site_root.display()))?;
        let own = site_root.join(HASH_FILE);
        if own.is_file() {
            return Self::read(&own, &site_root);
        }
        let beside_binary = std::env::current_exe()
            .ok()
            .and_then(|exe| Some(exe.parent()?.join(HASH_FILE)))
            .filter(|file| file.is_file());
        match beside_binary {
            Some(file) => Self::read(&file, &site_root).map_err(|why| {
                format!(
                    "the site {} has no {HASH_FILE} of its own, and the one `cargo leptos build` \
                     left beside this program is of another build ({why}): rebuild the site, or \
                     give --site-root the site built with this program",
                    site_root.display()
                )
            }),
            None => Err(format!(
                "the site {} has no {HASH_FILE}, which gives the names of its files: is it a \
                 site built by `cargo leptos build` or scripts/release-build.sh?",
                site_root.display()
            )),
        }
    }

    fn read(hash_file: &Path, site_root: &Path) -> Result<HashedFiles, String> {
        let text = std::fs::read_to_string(hash_file)
            .map_err(|e| format!("{}: {e}", hash_file.display()))?;
        let mut names = Vec::new();
        for kind in ["js", "wasm", "css"] {
            let hash = text
                .lines()
                .filter_map(|line| line.split_once(':'))
                .find(|(key, _)| key.trim() == kind)
                .map(|(_, hash)| hash.trim())
                .ok_or_else(|| format!("{} gives no hash for {kind}", hash_file.display()))?;
            // The hash becomes part of a URL and a file name: letters, digits, '-' and '_' only.
            if hash.is_empty()
                || !hash
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
            {
                return Err(format!(
                    "{} gives {hash:?} for {kind}, which is not a hash",
                    hash_file.display()
                ));
            }
            let hashed = format!("{OUTPUT_NAME}.{hash}.{kind}");
            if !site_root.join(PKG_DIR).join(&hashed).is_file() {
                return Err(format!(
                    "{} names {PKG_DIR}/{hashed}, which the site {} does not have",
                    hash_file.display(),
                    site_root.display()
                ));
            }
            names.push((format!("{OUTPUT_NAME}.{kind}"), hashed));
        }
        Ok(HashedFiles {
            hash_file: hash_file.to_path_buf(),
            names,
        })
    }

    /// Whether `name` is a file of this build named by its content.
    fn is_hashed(&self, name: &str) -> bool {
        self.names.iter().any(|(_, hashed)| hashed == name)
    }

    /// The hashed name of the file a plain name ("quorum.css") stands for.
    fn hashed_name_of(&self, plain: &str) -> Option<&str> {
        self.names
            .iter()
            .find(|(name, _)| name == plain)
            .map(|(_, hashed)| hashed.as_str())
    }
}

/// Stops before anything is served, saying why as `quorum` says every failure (main.rs).
fn refuse_to_serve(why: &str) -> ! {
    tracing::error!(error = why, "quorum stopped");
    eprintln!("quorum: {why}");
    std::process::exit(1)
}

/// How long a file of `/pkg/` may be kept. A name with its content's hash — the names pages
/// use — for a year, unchanged: a new build brings new names. Any other file there for five
/// minutes; the plain names (`quorum.css` …) answer with the current file, for links and tools
/// that use them. An answer that is not a file is not kept at all, so that a name a newer
/// build will bring is never remembered as missing.
async fn pkg_caching(
    State(hashed): State<std::sync::Arc<HashedFiles>>,
    mut request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let name = request.uri().path().trim_start_matches('/');
    let immutable = hashed.is_hashed(name);
    if let Some(current) = hashed.hashed_name_of(name) {
        if let Ok(uri) = format!("/{current}").parse() {
            *request.uri_mut() = uri;
        }
    }
    let mut response = next.run(request).await;
    let status = response.status();
    let caching = if !(status.is_success() || status == axum::http::StatusCode::NOT_MODIFIED) {
        "no-store"
    } else if immutable {
        "public, max-age=31536000, immutable"
    } else {
        "public, max-age=300"
    };
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(caching));
    response
}

/// Leptos options built explicitly (not from compile-time environment), so the same binary
/// serves any site folder. Without the hashes of the site's files it refuses to start: its
/// pages would name files that are not there.
pub fn leptos_options(site_root: &Path, addr: SocketAddr) -> LeptosOptions {
    let hashed = HashedFiles::of_site(site_root).unwrap_or_else(|why| refuse_to_serve(&why));
    LeptosOptions::builder()
        .output_name(OUTPUT_NAME)
        .site_root(site_root.to_string_lossy().as_ref())
        .site_pkg_dir(PKG_DIR)
        .site_addr(addr)
        // Pages name the hashed files (`app::shell`). Leptos joins this name to the folder of
        // the running binary, which an absolute path replaces: it reads the file found above.
        .hash_files(true)
        .hash_file(hashed.hash_file.to_string_lossy().as_ref().into())
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
    // beside the file (scripts/release-build.sh makes both), and kept as `pkg_caching` says;
    // caches keep one copy per encoding.
    let site_root = Path::new(state.leptos_options.site_root.as_ref());
    let pkg = site_root.join(state.leptos_options.site_pkg_dir.as_ref());
    let hashed = std::sync::Arc::new(
        HashedFiles::of_site(site_root).unwrap_or_else(|why| refuse_to_serve(&why)),
    );
    // Under an https address, browsers are told to use nothing else for a year.
    let hsts = Some(&state.site.0)
        .filter(|url| url.starts_with("https://"))
        .map(|_| HeaderValue::from_static("max-age=31536000; includeSubDomains"));
    let assets = tower::ServiceBuilder::new()
        .layer(axum::middleware::from_fn_with_state(hashed, pkg_caching))
        .layer(SetResponseHeaderLayer::overriding(
            header::VARY,
            HeaderValue::from_static("accept-encoding"),
        ))
        .service(
            tower_http::services::ServeDir::new(pkg)
                .precompressed_br()
                .precompressed_gzip(),
        );
    // Routing, and the door, which needs the route the request matched (`MatchedPath`): the
    // only layer applied per route.
    let routed = Router::new()
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
        .with_state(state.clone());
    // Every other layer wraps the router once, outside it. `Router::layer` wraps each route
    // separately, boxing every layer, and axum clones a route's whole stack of boxes (and each
    // copy of the state in it) at every layer of every request: the cost grew with the square
    // of the number of layers and was half the time of a cached feed (BENCHMARKS.md).
    // Outermost first.
    let answers = tower::ServiceBuilder::new()
        .layer(TraceLayer::new_for_http().make_span_with(|request: &axum::http::Request<_>| {
            tracing::info_span!("request", method = %request.method(), path = %loggable_path(request.uri().path()))
        }))
        // Headers every answer carries unless it set its own: no MIME sniffing, no framing by
        // other sites, no plugins, a conservative referrer. Pages set their own policy with
        // the nonce of their inline scripts (`app::shell`); this one allows no inline script.
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("strict-origin-when-cross-origin"),
        ))
        .option_layer(hsts.map(|value| {
            SetResponseHeaderLayer::if_not_present(header::STRICT_TRANSPORT_SECURITY, value)
        }))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_str(&app::ssr::page_policy(None)).expect("the policy is ASCII"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY")))
        .layer(SetResponseHeaderLayer::if_not_present(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")))
        // Slow clients are answered 408 rather than holding work open.
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            axum::http::StatusCode::REQUEST_TIMEOUT,
            state.request_timeout,
        ))
        .layer(axum::middleware::from_fn(check_body))
        // Outside the page a form without JavaScript is answered with: it depends on the
        // sign-in like any other page.
        .layer(axum::middleware::from_fn(private_answers))
        // Outside `after_writes`, so that the page written after a form's change reads it.
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            crate::plain_forms::answer_with_the_page,
        ))
        .layer(axum::middleware::from_fn_with_state(state, after_writes))
        .layer(axum::middleware::from_fn(server_fn_errors_keep_their_status))
        .service(routed);
    Router::new().fallback_service(answers)
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
