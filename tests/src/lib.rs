//! Helpers for Quorum's integration and browser tests: start the real `quorum` binary on a
//! random port against a fresh database (SQLite always, PostgreSQL when `TEST_DATABASE_URL`
//! is set), and drive Debian's chromium through chromedriver.
