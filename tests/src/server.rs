//! The real `quorum` binary, started for a test on a random port, and clients signed in to it
//! with each role.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use crate::database::{Backend, TestDatabase};

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

/// A running `quorum serve`, killed when dropped.
pub struct TestServer {
    pub base_url: String,
    /// The database it serves, when the test chose one.
    pub database_url: Option<String>,
    backend: Option<Backend>,
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
        server.backend = Some(database.backend());
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
            backend: None,
            child,
        }
    }

    /// The backend of the test database it serves.
    pub fn backend(&self) -> Backend {
        self.backend
            .expect("a server started with a test database (TestServer::start_with)")
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
