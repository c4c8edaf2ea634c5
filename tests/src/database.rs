//! Fresh databases for tests: SQLite in a temporary folder always, PostgreSQL when
//! `TEST_DATABASE_URL` names a server on which tests may create and drop databases.

use std::sync::atomic::{AtomicU32, Ordering};

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
