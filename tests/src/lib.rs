//! Helpers for Quorum's integration and browser tests: start the real `quorum` binary on a
//! random port against a fresh database (SQLite always, PostgreSQL when `TEST_DATABASE_URL`
//! is set), and drive Debian's chromium through chromedriver.
//!
//! The binary and the site are built once by `cargo leptos build` (see `scripts/test.sh`);
//! tests find them through `QUORUM_BIN` and `LEPTOS_SITE_ROOT`, or in the usual places.
//!
//! A test that holds for every backend is written once, as a closure given to
//! [`on_each_backend`] (a demo server per backend) or [`on_each_database`] (an empty database
//! per backend, for tests that start their own servers).

pub mod browser;
mod database;
mod http;
pub mod scenarios;
mod server;
pub mod writes;

pub use database::{backends, in_ci, Backend, TestDatabase};
pub use http::*;
pub use server::*;

/// Runs `test` once per backend (SQLite, then PostgreSQL when configured), each time against a
/// server started with the demo and `args` on a fresh database. A failure says which backend.
pub async fn on_each_backend(args: &[&str], test: impl AsyncFn(&TestServer)) {
    for backend in backends() {
        let database = TestDatabase::new(backend).await;
        let server = TestServer::start_with(&database, args).await;
        let _named = NameOnFailure(backend);
        test(&server).await;
    }
}

/// Runs `test` once per backend with a fresh, empty database and no server: for tests that
/// start servers of their own (several instances, restarts, imports into an empty database).
pub async fn on_each_database(test: impl AsyncFn(&TestDatabase)) {
    for backend in backends() {
        let database = TestDatabase::new(backend).await;
        let _named = NameOnFailure(backend);
        test(&database).await;
    }
}

/// Says on which backend a test failed: the panic message alone does not.
struct NameOnFailure(Backend);

impl Drop for NameOnFailure {
    fn drop(&mut self) {
        if std::thread::panicking() {
            eprintln!("-- the test above failed on {:?}", self.0);
        }
    }
}
