use std::path::Path;

use migration::{Migrator, MigratorTrait};
use sea_orm::{ConnectOptions, Database, DatabaseConnection};

/// Connects to the database, creating the folder of a SQLite file when needed, and applies
/// every pending migration. SQLite runs in WAL mode so readers never wait for the writer
/// (sqlx already turns foreign keys on and waits 5 s on a busy file).
pub async fn connect_and_migrate(url: &str) -> Result<DatabaseConnection, sea_orm::DbErr> {
    if let Some(path) = sqlite_file(url) {
        if let Some(dir) = Path::new(path)
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
        {
            std::fs::create_dir_all(dir).map_err(|e| {
                sea_orm::DbErr::Custom(format!("cannot create {}: {e}", dir.display()))
            })?;
        }
    }
    let mut options = ConnectOptions::new(url.to_owned());
    options.sqlx_logging(false);
    if sqlite_file(url).is_some() {
        // One SQLite file has one writer: a small pool avoids "database is locked" storms.
        options.max_connections(4);
    }
    let db = Database::connect(options).await?;
    if sqlite_file(url).is_some() {
        use sea_orm::ConnectionTrait;
        db.execute_unprepared("PRAGMA journal_mode=WAL;").await?;
    }
    Migrator::up(&db, None).await?;
    Ok(db)
}

/// The file path of a `sqlite://PATH?…` URL, if it names a file.
fn sqlite_file(url: &str) -> Option<&str> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next().unwrap_or_default();
    (!path.is_empty() && path != ":memory:").then_some(path)
}

#[cfg(test)]
mod tests {
    use super::sqlite_file;

    #[test]
    fn sqlite_urls_name_their_file() {
        assert_eq!(
            sqlite_file("sqlite://data/quorum.db?mode=rwc"),
            Some("data/quorum.db")
        );
        assert_eq!(sqlite_file("sqlite::memory:"), None);
        assert_eq!(sqlite_file("postgres://h/db"), None);
    }
}
