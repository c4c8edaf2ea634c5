//! `quorum backup` and `quorum restore` on both backends: a backup taken while a client keeps
//! writing is consistent (every change with its audit entry, nothing half-there), and restoring
//! it into a new database gives back the calendar, the accounts and the audit log; a restore
//! over data needs --replace, and a broken file changes nothing.

use std::path::Path;

use serde_json::Value;
use tests::{
    add_closure, backends, export_all, form_post, login, on_each_backend, quorum_command, Backend,
    TestDatabase, TestServer,
};

/// Runs a `quorum` command to its end; answers whether it succeeded, and what it printed.
async fn quorum(args: &[&str]) -> (bool, String) {
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    tokio::task::spawn_blocking(move || {
        let output = quorum_command().args(&args).output().expect("run quorum");
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        (output.status.success(), text)
    })
    .await
    .unwrap()
}

/// `quorum restore` of `file` into the database at `url`, over its data when `replace`.
async fn restore(file: &Path, url: &str, replace: bool) -> (bool, String) {
    let file = file.display().to_string();
    let mut args = vec!["restore", file.as_str(), "--database-url", url];
    if replace {
        args.push("--replace");
    }
    quorum(&args).await
}

fn rows<'a>(backup: &'a Value, table: &str) -> &'a Vec<Value> {
    backup["tables"][table]
        .as_array()
        .unwrap_or_else(|| panic!("the backup has no {table}"))
}

/// Whether a holiday is one the writer of this test added.
fn written_here(closure: &Value) -> bool {
    closure["reason"]
        .as_str()
        .unwrap_or_default()
        .starts_with("Backup test")
}

fn count_closures(export: &Value) -> usize {
    export["venues"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|v| v["closures"].as_array().unwrap().iter())
        .filter(|c| written_here(c))
        .count()
}

/// A different day of 2030, when no meeting is planned, for each `offset` below 336.
fn day_in_2030(offset: u64) -> String {
    let month = 1 + offset / 28;
    let day = 1 + offset % 28;
    format!("2030-{month:02}-{day:02}")
}

#[tokio::test]
async fn a_backup_taken_while_writing_restores_whole_into_a_new_database() {
    on_each_backend(&[], async |server| {
        let backend = server.backend();
        let url = server.database_url.clone().unwrap();
        let secretariat = server.secretariat().await;
        let (_, outcome) = form_post(
            &secretariat,
            server,
            "admin/add-user",
            &[
                ("email", "kept.person@quorum.example"),
                ("name", "Kept Person"),
                ("role", "bureau"),
                ("scope", "IRG"),
                ("password", "a-long-enough-password"),
            ],
        )
        .await;
        assert!(outcome["done"].is_string(), "{outcome}");

        // A client keeps adding holidays while the backup is taken.
        let writer = {
            let (client, base) = (secretariat.clone(), server.base_url.clone());
            tokio::spawn(async move {
                let mut acknowledged = 0;
                for day in 0..60u64 {
                    let (date, reason) = (day_in_2030(day), format!("Backup test {day}"));
                    let added = add_closure(&client, &base, "vienna-vic", &date, &reason).await;
                    assert_eq!(added.unwrap().0, 200);
                    acknowledged += 1;
                }
                acknowledged
            })
        };
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("quorum-backup.json");
        let file_arg = file.display().to_string();
        let (ok, said) = quorum(&["backup", &file_arg, "--database-url", &url]).await;
        assert!(ok, "{backend:?}: {said}");
        let acknowledged = writer.await.unwrap();
        assert_eq!(acknowledged, 60);

        // Consistent: each holiday in the backup has its audit entry, and no entry lacks its holiday.
        let backup: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        let closures = rows(&backup, "venue_closures")
            .iter()
            .filter(|c| written_here(c))
            .count();
        let audited = rows(&backup, "audit_log")
            .iter()
            .filter(|a| a["action"] == "venue closure added")
            .count();
        assert_eq!(
            closures, audited,
            "{backend:?}: a half-written change in the backup"
        );
        assert!(!Path::new(&file.with_extension("partial")).exists());

        // Restored into a new database, on the same backend: everything is back.
        let fresh = TestDatabase::new(backend).await;
        let (ok, said) = restore(&file, &fresh.url, false).await;
        assert!(ok, "{backend:?}: {said}");
        let restored = TestServer::start_with(&fresh, &["--no-demo"]).await;
        let (_, export) = export_all(&restored).await;
        assert_eq!(count_closures(&export), closures, "{backend:?}");
        assert_eq!(
            export["meetings"].as_array().unwrap().len(),
            rows(&backup, "meetings").len()
        );
        assert!(
            login(
                &restored,
                "kept.person@quorum.example",
                "a-long-enough-password"
            )
            .await
            .is_ok(),
            "{backend:?}: accounts and their passwords come back"
        );
        let restored_secretariat = restored.secretariat().await;
        let (_, page) = form_post(&restored_secretariat, &restored, "admin/page", &[]).await;
        assert!(page["users"]
            .as_array()
            .unwrap()
            .iter()
            .any(|u| u["email"] == "kept.person@quorum.example"));
        // New rows after a restore get new keys (PostgreSQL's counters moved past the restored ones).
        let base = &restored.base_url;
        let (_, outcome) = add_closure(
            &restored_secretariat,
            base,
            "vienna-vic",
            "2031-01-01",
            "After restore",
        )
        .await
        .unwrap();
        assert!(outcome["done"].is_string(), "{backend:?}: {outcome}");

        // Over data, a restore needs --replace; with it, the contents are replaced.
        let (ok, said) = restore(&file, &fresh.url, false).await;
        assert!(!ok && said.contains("not empty"), "{said}");
        let (ok, said) = restore(&file, &fresh.url, true).await;
        assert!(ok, "{backend:?}: {said}");
        let (_, export) = export_all(&restored).await;
        assert_eq!(count_closures(&export), closures);
        assert!(!serde_json::to_string(&export)
            .unwrap()
            .contains("After restore"));

        // A broken file is refused by name and changes nothing.
        let broken = dir.path().join("broken.json");
        let text = std::fs::read_to_string(&file).unwrap();
        std::fs::write(&broken, &text[..text.len() / 2]).unwrap();
        let (ok, said) = restore(&broken, &fresh.url, true).await;
        assert!(!ok && said.contains("not a Quorum backup"), "{said}");
        let (_, after) = export_all(&restored).await;
        assert_eq!(count_closures(&after), closures);

        // A SQLite backup restores into PostgreSQL too.
        if backend == Backend::Sqlite && backends().contains(&Backend::Postgres) {
            let postgres = TestDatabase::new(Backend::Postgres).await;
            let (ok, said) = restore(&file, &postgres.url, false).await;
            assert!(ok, "SQLite to PostgreSQL: {said}");
        }
    })
    .await;
}
