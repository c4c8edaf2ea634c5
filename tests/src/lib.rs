//! Helpers for Quorum's integration and browser tests: start the real `quorum` binary on a
//! random port against a fresh database (SQLite always, PostgreSQL when `TEST_DATABASE_URL`
//! is set), and drive Debian's chromium through chromedriver.
//!
//! The binary and the site are built once by `cargo leptos build` (see `scripts/test.sh`);
//! tests find them through `QUORUM_BIN` and `LEPTOS_SITE_ROOT`, or in the usual places.

pub mod browser;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

/// A database engine a test runs against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// SQLite always; PostgreSQL when `TEST_DATABASE_URL` is set. In CI (`CI=true`) a missing
/// PostgreSQL is a failure, never a skip.
pub fn backends() -> Vec<Backend> {
    let mut all = vec![Backend::Sqlite];
    match std::env::var("TEST_DATABASE_URL") {
        Ok(url) if !url.is_empty() => all.push(Backend::Postgres),
        _ if in_ci() => panic!(
            "CI=true but TEST_DATABASE_URL is not set: PostgreSQL tests cannot be skipped in CI"
        ),
        _ => eprintln!("TEST_DATABASE_URL not set: PostgreSQL tests skipped"),
    }
    all
}

pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
}

/// The workspace root (the parent of this crate).
pub fn workspace_root() -> PathBuf {
    // Cargo sets CARGO_MANIFEST_DIR when it runs a test too: prefer that to the path the test
    // was compiled at, which a shared build cache may carry over from another checkout.
    let manifest = std::env::var("CARGO_MANIFEST_DIR")
        .unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").to_owned());
    Path::new(&manifest).parent().unwrap().to_path_buf()
}

/// The `quorum` binary built by `cargo leptos build`.
pub fn quorum_bin() -> PathBuf {
    if let Ok(bin) = std::env::var("QUORUM_BIN") {
        return PathBuf::from(bin);
    }
    let target = std::env::var("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|_| workspace_root().join("target"));
    let bin = target.join("debug").join("quorum");
    assert!(
        bin.exists(),
        "{} is missing: run `cargo leptos build` first (scripts/test.sh does)",
        bin.display()
    );
    bin
}

/// The built site (pkg/quorum.js, .wasm, .css).
pub fn site_root() -> PathBuf {
    std::env::var("LEPTOS_SITE_ROOT")
        .map(PathBuf::from)
        .unwrap_or_else(|_| workspace_root().join("target").join("site"))
}

/// A fresh, empty database of one backend, removed when dropped.
pub struct TestDatabase {
    pub url: String,
    backend: Backend,
    _dir: Option<tempfile::TempDir>,
    pg_name: Option<String>,
}

static NEXT_DATABASE: AtomicU32 = AtomicU32::new(0);

impl TestDatabase {
    pub async fn new(backend: Backend) -> TestDatabase {
        match backend {
            Backend::Sqlite => {
                let dir = tempfile::tempdir().expect("temp dir");
                let url = format!(
                    "sqlite://{}?mode=rwc",
                    dir.path().join("quorum.db").display()
                );
                TestDatabase {
                    url,
                    backend,
                    _dir: Some(dir),
                    pg_name: None,
                }
            }
            Backend::Postgres => {
                let admin = std::env::var("TEST_DATABASE_URL").expect("TEST_DATABASE_URL");
                let name = format!(
                    "quorum_test_{}_{}",
                    std::process::id(),
                    NEXT_DATABASE.fetch_add(1, Ordering::SeqCst)
                );
                let client = pg_admin(&admin).await;
                for statement in [
                    format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
                    format!("CREATE DATABASE {name}"),
                ] {
                    client
                        .batch_execute(&statement)
                        .await
                        .expect("create test database");
                }
                let url = replace_database(&admin, &name);
                TestDatabase {
                    url,
                    backend,
                    _dir: None,
                    pg_name: Some(name),
                }
            }
        }
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// PostgreSQL only: refuses new connections and ends the open ones, as if the database
    /// server went away; `allow` brings it back.
    pub async fn set_reachable(&self, allow: bool) {
        let name = self
            .pg_name
            .as_ref()
            .expect("only PostgreSQL databases can be cut off");
        let client = pg_admin(&std::env::var("TEST_DATABASE_URL").unwrap()).await;
        client
            .batch_execute(&format!("ALTER DATABASE {name} ALLOW_CONNECTIONS {allow}"))
            .await
            .expect("alter database");
        if !allow {
            client
                .execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1",
                    &[name],
                )
                .await
                .expect("terminate connections");
        }
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if let Some(name) = self.pg_name.take() {
            let admin = std::env::var("TEST_DATABASE_URL").unwrap();
            // Drop runs outside any async context: a short-lived runtime of its own.
            let _ = std::thread::spawn(move || {
                let rt = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .unwrap();
                rt.block_on(async {
                    let client = pg_admin(&admin).await;
                    let _ = client
                        .batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                        .await;
                });
            })
            .join();
        }
    }
}

async fn pg_admin(url: &str) -> tokio_postgres::Client {
    let (client, connection) = tokio_postgres::connect(url, tokio_postgres::NoTls)
        .await
        .unwrap_or_else(|e| panic!("cannot connect to TEST_DATABASE_URL {url}: {e}"));
    tokio::spawn(async move {
        let _ = connection.await;
    });
    client
}

/// The same server and credentials, another database name.
fn replace_database(url: &str, name: &str) -> String {
    let (base, query) = url
        .split_once('?')
        .map_or((url, None), |(b, q)| (b, Some(q)));
    let prefix = base.rsplit_once('/').map_or(base, |(p, _)| p);
    match query {
        Some(q) => format!("{prefix}/{name}?{q}"),
        None => format!("{prefix}/{name}"),
    }
}

/// A running `quorum serve`, killed when dropped.
pub struct TestServer {
    pub base_url: String,
    /// The database it serves, when the test chose one.
    pub database_url: Option<String>,
    child: Child,
}

impl TestServer {
    /// Starts `quorum serve` on a random port against `database`, with the demo dataset.
    pub async fn start(database: &TestDatabase) -> TestServer {
        Self::start_with(database, &[]).await
    }

    pub async fn start_with(database: &TestDatabase, extra_args: &[&str]) -> TestServer {
        let mut command = quorum_command();
        command
            .args([
                "serve",
                "--addr",
                "127.0.0.1:0",
                "--database-url",
                &database.url,
            ])
            .args(extra_args);
        let mut server = Self::spawn(command).await;
        server.database_url = Some(database.url.clone());
        server
    }

    /// Spawns a prepared `quorum serve` command and waits for its "listening" line.
    pub async fn spawn(mut command: Command) -> TestServer {
        command.stdout(Stdio::piped()).stderr(Stdio::inherit());
        let mut child = command.spawn().expect("spawn quorum");
        let stdout = child.stdout.take().unwrap();
        let line = tokio::task::spawn_blocking(move || {
            let mut reader = BufReader::new(stdout);
            let mut line = String::new();
            loop {
                line.clear();
                if reader.read_line(&mut line).unwrap_or(0) == 0 {
                    return None;
                }
                if let Some(url) = line.trim().strip_prefix("quorum listening on ") {
                    let url = url.to_owned();
                    // Keep draining so the server never blocks on a full pipe.
                    std::thread::spawn(move || for _ in reader.lines() {});
                    return Some(url);
                }
            }
        });
        let base_url = tokio::time::timeout(Duration::from_secs(60), line)
            .await
            .expect("quorum did not start within 60 s")
            .unwrap()
            .unwrap_or_else(|| panic!("quorum exited before listening: {:?}", child.try_wait()));
        TestServer {
            base_url,
            database_url: None,
            child,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base_url, path)
    }

    /// A client signed in as the test secretariat (created on first use with `quorum user add`).
    pub async fn secretariat(&self) -> reqwest::Client {
        self.secretariat_named("test.secretariat@quorum.example")
            .await
    }

    /// A client signed in as a secretariat account with the address `email`.
    pub async fn secretariat_named(&self, email: &str) -> reqwest::Client {
        self.signed_in(email, "secretariat", &[]).await
    }

    /// A client signed in as a member of the Bureau of `body` (e.g. "IRG"), with the address
    /// `email`; a second address gives a second member of the same Bureau.
    pub async fn bureau_member(&self, email: &str, body: &str) -> reqwest::Client {
        self.signed_in(email, "bureau", &["--body", body]).await
    }

    /// A client signed in as the focal point of State party `state` (e.g. "AT"), with the
    /// address `email`.
    pub async fn focal_point(&self, email: &str, state: &str) -> reqwest::Client {
        self.signed_in(email, "focal_point", &["--state", state])
            .await
    }

    /// A client signed in as the focal point of an organisation (e.g. "egmont-group").
    pub async fn organisation_focal_point(
        &self,
        email: &str,
        organisation: &str,
    ) -> reqwest::Client {
        self.signed_in(email, "focal_point", &["--organisation", organisation])
            .await
    }

    /// A client signed in with an account of `role` (created if missing), sending its CSRF
    /// token with every request.
    async fn signed_in(&self, email: &str, role: &str, extra: &[&str]) -> reqwest::Client {
        let database = self
            .database_url
            .as_ref()
            .expect("a server started with a test database");
        let output = quorum_command()
            .args([
                "user",
                "add",
                "--email",
                email,
                "--name",
                email,
                "--role",
                role,
                "--database-url",
                database,
            ])
            .args(extra)
            .env("QUORUM_NEW_PASSWORD", TEST_PASSWORD)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            output.status.success() || stderr.contains("already exists"),
            "user add: {stderr}"
        );
        login(self, email, TEST_PASSWORD).await.expect("test login")
    }
}

/// The password of accounts made by tests.
pub const TEST_PASSWORD: &str = "correct horse battery staple";

/// Signs in; the client then carries the session cookie and the CSRF token.
pub async fn login(
    server: &TestServer,
    email: &str,
    password: &str,
) -> Result<reqwest::Client, u16> {
    login_from(server, LOOPBACK, email, password).await
}

/// The client address of tests by default.
pub const LOOPBACK: std::net::IpAddr = std::net::IpAddr::V4(std::net::Ipv4Addr::LOCALHOST);

/// Another client as the server sees it: Linux routes all of 127.0.0.0/8 to `lo`, so a client
/// bound to 127.0.0.`n` reaches the server from that address.
pub fn loopback(n: u8) -> std::net::IpAddr {
    std::net::IpAddr::V4(std::net::Ipv4Addr::new(127, 0, 0, n))
}

/// An HTTP client like [`http`] whose connections come from the address `from`.
pub fn http_from(from: std::net::IpAddr) -> reqwest::Client {
    reqwest::Client::builder()
        .no_proxy()
        .redirect(reqwest::redirect::Policy::none())
        .local_address(from)
        .build()
        .unwrap()
}

/// Signs in from the client address `from`; the client then carries the session cookie and
/// the CSRF token, and keeps that address.
pub async fn login_from(
    server: &TestServer,
    from: std::net::IpAddr,
    email: &str,
    password: &str,
) -> Result<reqwest::Client, u16> {
    let response = http_from(from)
        .post(server.url("/api/login"))
        .json(&serde_json::json!({ "email": email, "password": password }))
        .send()
        .await
        .unwrap();
    if response.status() != 200 {
        return Err(response.status().as_u16());
    }
    let cookie = response.headers()[reqwest::header::SET_COOKIE]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    let body: serde_json::Value = response.json().await.unwrap();
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(reqwest::header::COOKIE, cookie.parse().unwrap());
    headers.insert(
        "x-csrf-token",
        body["csrf"].as_str().unwrap().parse().unwrap(),
    );
    Ok(reqwest::Client::builder()
        .no_proxy()
        .local_address(from)
        .default_headers(headers)
        .build()
        .unwrap())
}

impl TestServer {
    /// Kills the server with SIGKILL, as a crash or the OOM killer would: no shutdown runs.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `quorum` with the site root set and quiet logs.
pub fn quorum_command() -> Command {
    let mut command = Command::new(quorum_bin());
    command
        .env("LEPTOS_SITE_ROOT", site_root())
        .env(
            "QUORUM_LOG",
            std::env::var("QUORUM_LOG").unwrap_or_else(|_| "warn".into()),
        )
        .env_remove("DATABASE_URL")
        .env_remove("QUORUM_ADDR");
    command
}

/// An HTTP client for tests: no proxies, no redirects followed silently.
pub fn http() -> reqwest::Client {
    reqwest::Client::builder()
        .no_proxy()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// GETs a path and reads the JSON answer (`Null` when there is none).
pub async fn get_json(server: &TestServer, path: &str) -> (u16, serde_json::Value) {
    let response = http().get(server.url(path)).send().await.unwrap();
    let status = response.status().as_u16();
    (
        status,
        response.json().await.unwrap_or(serde_json::Value::Null),
    )
}

/// Sends JSON with any method and reads the JSON answer.
pub async fn send_json(
    server: &TestServer,
    method: reqwest::Method,
    path: &str,
    body: impl serde::Serialize,
) -> (u16, serde_json::Value) {
    send_as(&http(), server, method, path, body).await
}

/// Sends JSON with a given (signed-in) client and reads the JSON answer.
pub async fn send_as(
    client: &reqwest::Client,
    server: &TestServer,
    method: reqwest::Method,
    path: &str,
    body: impl serde::Serialize,
) -> (u16, serde_json::Value) {
    let response = client
        .request(method, server.url(path))
        .json(&body)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    (
        status,
        response.json().await.unwrap_or(serde_json::Value::Null),
    )
}

/// Posts a form to the server function at `/api/{endpoint}`, as a page's form does; answers the
/// status and the JSON (or the text, when not JSON).
pub async fn form_post(
    client: &reqwest::Client,
    server: &TestServer,
    endpoint: &str,
    fields: &[(&str, &str)],
) -> (u16, serde_json::Value) {
    let response = client
        .post(server.url(&format!("/api/{endpoint}")))
        .header("accept", "application/json")
        .form(fields)
        .send()
        .await
        .unwrap();
    status_and_json(response).await
}

/// A response's status and its body as JSON (or as a JSON string, when not JSON).
pub async fn status_and_json(response: reqwest::Response) -> (u16, serde_json::Value) {
    let status = response.status().as_u16();
    let text = response.text().await.unwrap();
    (
        status,
        serde_json::from_str(&text).unwrap_or(serde_json::Value::String(text)),
    )
}

/// The text of a page (any status), as a browser would receive it.
pub async fn page_text(server: &TestServer, path: &str) -> String {
    http()
        .get(server.url(path))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

/// The whole dataset, read as the secretariat: the only role that may export everything.
pub async fn export_all(server: &TestServer) -> (u16, serde_json::Value) {
    let secretariat = server.secretariat().await;
    let response = secretariat
        .get(server.url("/api/export"))
        .send()
        .await
        .unwrap();
    status_and_json(response).await
}

/// POSTs JSON with a (signed-in) client and reads the JSON answer.
pub async fn post_as(
    client: &reqwest::Client,
    server: &TestServer,
    path: &str,
    body: serde_json::Value,
) -> (u16, serde_json::Value) {
    send_as(client, server, reqwest::Method::POST, path, body).await
}

/// The nominations a client may read (`GET /api/nominations`).
pub async fn nominations_of(
    client: &reqwest::Client,
    server: &TestServer,
) -> Vec<serde_json::Value> {
    client
        .get(server.url("/api/nominations"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

#[cfg(test)]
mod tests {
    use super::replace_database;

    #[test]
    fn a_test_database_url_keeps_server_and_options() {
        assert_eq!(
            replace_database("postgres://root@127.0.0.1:5432/test", "q1"),
            "postgres://root@127.0.0.1:5432/q1"
        );
        assert_eq!(
            replace_database("postgres://root@127.0.0.1/test?sslmode=disable", "q1"),
            "postgres://root@127.0.0.1/q1?sslmode=disable"
        );
    }
}
