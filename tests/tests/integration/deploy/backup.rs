//! The nightly backup (`quorum-backup.service` and `.timer`): well formed, run as the service
//! runs against the same database, and its commands, run as systemd would, write a backup that
//! restores and drop the old ones.

use std::path::PathBuf;

use tests::scenarios::assert_succeeded;
use tests::{quorum_command, Backend, TestDatabase, TestServer};

use super::{systemd_verify, unit, unit_named, with_this_binary};

#[test]
fn the_backup_units_run_nightly_against_the_services_database() {
    let service = unit();
    let backup = unit_named("quorum-backup.service");
    assert_eq!(backup.names(), ["Unit", "Service"]);
    assert_eq!(backup.one("Service", "Type"), "oneshot");
    // The same account, settings and directory as the service, so the same database.
    for key in ["User", "Group", "EnvironmentFile", "WorkingDirectory"] {
        assert_eq!(
            backup.one("Service", key),
            service.one("Service", key),
            "{key}="
        );
    }
    let timer = unit_named("quorum-backup.timer");
    assert_eq!(timer.names(), ["Unit", "Timer", "Install"]);
    assert!(!timer.one("Timer", "OnCalendar").is_empty());
    assert_eq!(timer.one("Timer", "Persistent"), "true");
    assert_eq!(timer.one("Install", "WantedBy"), "timers.target");
    systemd_verify(&["quorum-backup.service", "quorum-backup.timer"]);
}

#[tokio::test]
async fn the_nightly_backup_writes_a_file_that_restores_and_drops_old_ones() {
    let service = unit();
    let backup = unit_named("quorum-backup.service");
    // Run the two commands as systemd would (`%%` is its escape for `%`), with this machine's
    // binary and database, in a scratch state directory, while a server is serving.
    let db = TestDatabase::new(Backend::Sqlite).await;
    let server = TestServer::start(&db).await;
    let state = tempfile::tempdir().unwrap();
    let workdir = service.one("Service", "WorkingDirectory");
    let here = |command: &str| {
        with_this_binary(command)
            .replace(workdir, &state.path().display().to_string())
            .replace("%%", "%")
    };
    let backups = state.path().join("backups");
    std::fs::create_dir(&backups).unwrap();
    let old = backups.join("quorum-2020-01-01.json");
    std::fs::write(&old, "{}").unwrap();
    assert!(std::process::Command::new("touch")
        .args(["-d", "2020-01-01"])
        .arg(&old)
        .status()
        .unwrap()
        .success());

    let start = here(backup.one("Service", "ExecStart"));
    let script = start
        .strip_prefix("/bin/sh -c '")
        .and_then(|rest| rest.strip_suffix('\''))
        .expect("ExecStart=/bin/sh -c '…'");
    let output = std::process::Command::new("/bin/sh")
        .args(["-c", script])
        .current_dir(state.path())
        .env("DATABASE_URL", &db.url)
        .env("QUORUM_LOG", "warn")
        .output()
        .unwrap();
    assert_succeeded("backup", &output);
    let post = here(backup.one("Service", "ExecStartPost"));
    let words: Vec<&str> = post.split_whitespace().collect();
    assert!(std::process::Command::new(words[0])
        .args(&words[1..])
        .status()
        .unwrap()
        .success());
    drop(server);

    let left: Vec<PathBuf> = std::fs::read_dir(&backups)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(left.len(), 1, "the new backup alone is left: {left:?}");
    assert_ne!(left[0], old);
    let fresh = TestDatabase::new(Backend::Sqlite).await;
    let restored = quorum_command()
        .args(["restore"])
        .arg(&left[0])
        .args(["--database-url", &fresh.url])
        .output()
        .unwrap();
    assert_succeeded("restore", &restored);
}
