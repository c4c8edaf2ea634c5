use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// Quorum — the meeting planner of the Conference of the States Parties to the United Nations
/// Convention against Corruption and its subsidiary bodies.
#[derive(Debug, Parser)]
#[command(name = "quorum", version, about)]
pub struct Cli {
    /// Log filter: error, warn, info, debug, trace, or a tracing directive such as `server=debug`.
    #[arg(long, env = "QUORUM_LOG", default_value = "info", global = true)]
    pub log_level: String,

    /// Log format: `text` for people, `json` for log collectors.
    #[arg(long, env = "QUORUM_LOG_FORMAT", default_value = "text", global = true, value_parser = ["text", "json"])]
    pub log_format: String,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve Quorum over HTTP; creates and migrates the database, and loads the demo dataset
    /// into an empty one.
    Serve(ServeArgs),
    /// Apply every pending migration and exit.
    Migrate(DatabaseArgs),
    /// Write the whole dataset as JSON to standard output.
    Export(DatabaseArgs),
    /// Import a JSON dataset into an empty database: validated first, written all or nothing.
    Import(ImportArgs),
    /// Write everything the database holds (calendar, nominations, accounts, audit log) to a
    /// JSON file, from one snapshot: safe while servers are running.
    Backup(BackupArgs),
    /// Restore a backup file into an empty database (or, with --replace, over its contents),
    /// all or nothing.
    Restore(RestoreArgs),
    /// Issue a new private feed address for a person or a State party, revoking the old one.
    FeedToken(FeedTokenArgs),
    /// Manage accounts.
    #[command(subcommand)]
    User(UserCommand),
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create an account. The password is read from QUORUM_NEW_PASSWORD, or from the first
    /// line of standard input.
    Add(UserAddArgs),
}

#[derive(Debug, Args, Clone)]
pub struct UserAddArgs {
    #[arg(long)]
    pub email: String,
    #[arg(long)]
    pub name: String,
    /// secretariat, bureau or focal_point.
    #[arg(long, value_parser = ["secretariat", "bureau", "focal_point"])]
    pub role: String,
    /// For a Bureau member: the body whose Bureau they sit on, e.g. IRG.
    #[arg(long)]
    pub body: Option<String>,
    /// For a focal point: the State party's ISO 3166-1 alpha-2 code, e.g. AT.
    #[arg(long)]
    pub state: Option<String>,
    /// For a focal point of an organisation: the organisation's key, e.g. unodc.
    #[arg(long)]
    pub organisation: Option<String>,
    /// The person the account is, by key, for their private feed.
    #[arg(long)]
    pub person: Option<String>,
    #[command(flatten)]
    pub database: DatabaseArgs,
}

#[derive(Debug, Args, Clone)]
#[group(required = true, multiple = false)]
pub struct FeedSubject {
    /// The person's key, e.g. `jane-doe`.
    #[arg(long)]
    pub person: Option<String>,
    /// The State party's ISO 3166-1 alpha-2 code, e.g. `AT`.
    #[arg(long)]
    pub state: Option<String>,
}

#[derive(Debug, Args, Clone)]
pub struct FeedTokenArgs {
    #[command(flatten)]
    pub subject: FeedSubject,
    /// Public base URL the address is printed under.
    #[arg(long, env = "QUORUM_BASE_URL", default_value = "http://127.0.0.1:3000", value_parser = parse_base_url)]
    pub base_url: String,
    #[command(flatten)]
    pub database: DatabaseArgs,
}

#[derive(Debug, Args, Clone)]
pub struct DatabaseArgs {
    /// Database URL: `sqlite://PATH?mode=rwc` (the default, ./data/quorum.db) or
    /// `postgres://USER@HOST:PORT/DATABASE`.
    #[arg(long, env = "DATABASE_URL", default_value = DEFAULT_DATABASE_URL, value_parser = parse_database_url)]
    pub database_url: String,
}

#[derive(Debug, Args, Clone)]
pub struct ServeArgs {
    /// Address to listen on; port 0 picks a free port (the chosen address is logged).
    #[arg(long, env = "QUORUM_ADDR", default_value = "127.0.0.1:3000")]
    pub addr: SocketAddr,

    #[command(flatten)]
    pub database: DatabaseArgs,

    /// Public base URL, used in links such as feed URLs; `https://` makes cookies Secure.
    #[arg(long, env = "QUORUM_BASE_URL", value_parser = parse_base_url)]
    pub base_url: Option<String>,

    /// The built site (JavaScript, WASM, CSS), as produced by `cargo leptos build`.
    #[arg(long, env = "LEPTOS_SITE_ROOT", default_value = "target/site")]
    pub site_root: PathBuf,

    /// How long feeds and pages may reuse a read of the data version, in milliseconds: a change
    /// made through another instance reaches this instance within this bound. 0 reads it on
    /// every request.
    #[arg(long, env = "QUORUM_FEED_STALENESS_MS", default_value_t = 100)]
    pub feed_staleness_ms: u64,

    /// How long a sign-in lasts, in seconds (default 12 hours). `--session-seconds` is its
    /// earlier name.
    #[arg(
        long,
        alias = "session-seconds",
        env = "QUORUM_SIGN_IN_SECONDS",
        default_value_t = 43_200
    )]
    pub sign_in_seconds: i64,

    /// How long a request may take, reading its body included, before it is answered 408; and
    /// how long its headers may take to arrive before the connection is closed. A client that
    /// sends slowly cannot hold a connection's work open.
    #[arg(long, env = "QUORUM_REQUEST_TIMEOUT_SECS", default_value_t = 60)]
    pub request_timeout_secs: u64,

    /// Do not load the demo dataset into an empty database.
    #[arg(long, env = "QUORUM_NO_DEMO")]
    pub no_demo: bool,
}

#[derive(Debug, Args, Clone)]
pub struct ImportArgs {
    /// The JSON file to import (see docs/import-format.md).
    pub file: PathBuf,
    #[command(flatten)]
    pub database: DatabaseArgs,
}

#[derive(Debug, Args, Clone)]
pub struct BackupArgs {
    /// Where to write the backup; written to a temporary file beside it first, then renamed, so
    /// an interrupted backup never leaves half a file under this name.
    pub file: PathBuf,
    #[command(flatten)]
    pub database: DatabaseArgs,
}

#[derive(Debug, Args, Clone)]
pub struct RestoreArgs {
    /// A file written by `quorum backup`.
    pub file: PathBuf,
    /// Replace what the database holds; without it, the database must be empty.
    #[arg(long)]
    pub replace: bool,
    #[command(flatten)]
    pub database: DatabaseArgs,
}

pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/quorum.db?mode=rwc";

/// Accepts SQLite and PostgreSQL URLs only, so that a typo fails at start, not at first query.
pub fn parse_database_url(raw: &str) -> Result<String, String> {
    let parsed = url::Url::parse(raw).map_err(|e| format!("not a URL ({e})"))?;
    match parsed.scheme() {
        "sqlite" => Ok(raw.to_owned()),
        "postgres" | "postgresql" if parsed.host_str().is_some() => Ok(raw.to_owned()),
        "postgres" | "postgresql" => Err("a PostgreSQL URL needs a host".into()),
        other => Err(format!(
            "unsupported scheme {other:?}; use sqlite:// or postgres://"
        )),
    }
}

/// Accepts absolute http(s) URLs and drops a trailing slash.
pub fn parse_base_url(raw: &str) -> Result<String, String> {
    let parsed = url::Url::parse(raw).map_err(|e| format!("not a URL ({e})"))?;
    if !matches!(parsed.scheme(), "http" | "https") || parsed.host_str().is_none() {
        return Err("the base URL must be an http:// or https:// URL with a host".into());
    }
    Ok(raw.trim_end_matches('/').to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn database_urls_must_be_sqlite_or_postgres() {
        assert!(parse_database_url("sqlite://data/quorum.db?mode=rwc").is_ok());
        assert!(parse_database_url("postgres://root@127.0.0.1:5432/test").is_ok());
        assert!(parse_database_url("mysql://root@localhost/test").is_err());
        assert!(parse_database_url("postgres:///nohost").is_err());
        assert!(parse_database_url("not a url").is_err());
    }

    #[test]
    fn base_urls_must_be_http_or_https() {
        assert_eq!(
            parse_base_url("https://quorum.example/").unwrap(),
            "https://quorum.example"
        );
        assert!(parse_base_url("ftp://quorum.example").is_err());
        assert!(parse_base_url("quorum.example").is_err());
    }

    #[test]
    fn unknown_flags_are_refused() {
        assert!(Cli::try_parse_from(["quorum", "serve", "--bogus"]).is_err());
        assert!(Cli::try_parse_from(["quorum", "serve", "--addr", "nowhere"]).is_err());
        assert!(Cli::try_parse_from(["quorum", "serve", "--addr", "127.0.0.1:0"]).is_ok());
    }
}
