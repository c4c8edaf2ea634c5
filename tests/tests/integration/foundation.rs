//! The foundation through HTTP and the command line: health, pages, the JSON API, migrations,
//! import and export — on SQLite, and on PostgreSQL when `TEST_DATABASE_URL` is set.

use serde_json::Value;
use tests::scenarios::{
    assert_succeeded, bodies_listed, error_messages, exported, exported_file, get, header, import,
};
use tests::{
    backends, on_each_backend, on_each_database, quorum_command, Backend, TestDatabase, TestServer,
};

#[tokio::test]
async fn health_answers_200_when_the_database_is_reachable() {
    on_each_backend(&[], async |server| {
        let response = get(server, "/healthz").await;
        assert_eq!(response.status(), 200, "{:?}", server.backend());
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["database"], "reachable");
    })
    .await;
}

/// A PostgreSQL database with a demo server on it, when a PostgreSQL server is configured:
/// cutting a database off needs one.
async fn postgres_server() -> Option<(TestDatabase, TestServer)> {
    if !backends().contains(&Backend::Postgres) {
        return None;
    }
    let db = TestDatabase::new(Backend::Postgres).await;
    let server = TestServer::start(&db).await;
    Some((db, server))
}

#[tokio::test]
async fn health_answers_503_while_the_database_is_unreachable_and_recovers() {
    let Some((db, server)) = postgres_server().await else {
        return;
    };
    assert_eq!(get(&server, "/healthz").await.status(), 200);
    db.set_reachable(false).await;
    let response = get(&server, "/healthz").await;
    assert_eq!(response.status(), 503);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["database"], "unreachable");
    db.set_reachable(true).await;
    assert_eq!(get(&server, "/healthz").await.status(), 200);
}

#[tokio::test]
async fn requests_while_the_database_is_away_answer_503_in_plain_words() {
    let Some((db, server)) = postgres_server().await else {
        return;
    };
    let secretariat = server.secretariat().await;
    db.set_reachable(false).await;
    // A REST read and a server function: 503 in plain words, no driver detail, and never a
    // refusal such as 403.
    for request in [
        secretariat.get(server.url("/api/audit")),
        secretariat
            .post(server.url("/api/admin/outbox"))
            .header("content-type", "application/x-www-form-urlencoded"),
    ] {
        let response = request.send().await.unwrap();
        assert_eq!(response.status(), 503);
        let text = response.text().await.unwrap();
        assert!(
            text.contains("Unavailable") || text.contains("unavailable"),
            "{text}"
        );
        assert!(
            !text.to_lowercase().contains("postgres") && !text.contains("pool"),
            "{text}"
        );
    }
    db.set_reachable(true).await;
}

#[tokio::test]
async fn the_home_page_lists_every_body_in_server_rendered_html() {
    on_each_backend(&[], async |server| {
        let response = get(server, "/").await;
        assert_eq!(response.status(), 200);
        let html = response.text().await.unwrap();
        for name in [
            "Conference of the States Parties to the United Nations Convention against Corruption",
            "Implementation Review Group",
            "Open-ended Intergovernmental Working Group on the Prevention of Corruption",
            "Open-ended Intergovernmental Working Group on Asset Recovery",
            "expert meeting to enhance international cooperation",
        ] {
            assert!(
                html.contains(name),
                "{:?}: home page lacks {name}",
                server.backend()
            );
        }
        // The hydration script, under its hashed name (`static_assets` checks the caching).
        assert!(
            html.contains("rel=\"modulepreload\" href=\"/pkg/quorum."),
            "the page loads the hydration script"
        );
    })
    .await;
}

/// A demo server on SQLite, for what does not depend on the backend.
async fn sqlite_server() -> (TestDatabase, TestServer) {
    let db = TestDatabase::new(Backend::Sqlite).await;
    let server = TestServer::start(&db).await;
    (db, server)
}

#[tokio::test]
async fn the_filter_works_as_a_plain_form_without_javascript() {
    let (_db, server) = sqlite_server().await;
    let html = get(&server, "/?q=asset").await.text().await.unwrap();
    // The rendered list holds only the match (the serialized data for hydration holds all).
    assert!(html.contains(r#"data-code="WG-AR""#));
    assert!(!html.contains(r#"data-code="IRG""#));
}

#[tokio::test]
async fn unknown_pages_answer_404() {
    let (_db, server) = sqlite_server().await;
    assert_eq!(get(&server, "/no/such/page").await.status(), 404);
}

#[tokio::test]
async fn the_built_site_assets_are_served() {
    let (_db, server) = sqlite_server().await;
    for (path, kind) in [
        ("/pkg/quorum.js", "javascript"),
        ("/pkg/quorum.wasm", "wasm"),
        ("/pkg/quorum.css", "css"),
    ] {
        let response = get(&server, path).await;
        assert_eq!(response.status(), 200, "{path}");
        let content_type = header(&response, "content-type");
        assert!(content_type.contains(kind), "{path}: {content_type}");
    }
}

#[tokio::test]
async fn the_api_lists_the_demo_bodies() {
    on_each_backend(&[], async |server| {
        let bodies = bodies_listed(server).await;
        let codes: Vec<&str> = bodies.iter().map(|b| b["code"].as_str().unwrap()).collect();
        assert_eq!(
            codes,
            ["COSP", "IRG", "WG-PREV", "WG-AR", "EM-IC"],
            "{:?}",
            server.backend()
        );
    })
    .await;
}

#[tokio::test]
async fn a_first_start_creates_data_quorum_db_and_loads_the_demo() {
    let dir = tempfile::tempdir().unwrap();
    let mut command = quorum_command();
    command
        .current_dir(dir.path())
        .args(["serve", "--addr", "127.0.0.1:0"]);
    let server = TestServer::spawn(command).await;
    assert!(dir.path().join("data").join("quorum.db").exists());
    assert_eq!(bodies_listed(&server).await.len(), 5);
}

#[tokio::test]
async fn a_restart_keeps_the_data_and_does_not_load_the_demo_twice() {
    on_each_database(async |db| {
        drop(TestServer::start(db).await);
        let server = TestServer::start(db).await;
        assert_eq!(bodies_listed(&server).await.len(), 5, "{:?}", db.backend());
    })
    .await;
}

#[test]
fn unknown_flags_give_a_one_line_error_and_a_non_zero_exit() {
    for args in [
        vec!["serve", "--no-such-flag"],
        vec!["serve", "--database-url", "mysql://root@localhost/quorum"],
        vec!["serve", "--base-url", "quorum.example"],
        vec!["serve", "--addr", "not-an-address"],
        vec!["frobnicate"],
    ] {
        let output = quorum_command().args(&args).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert_eq!(stderr.trim_end().lines().count(), 1, "{args:?}: {stderr}");
        assert!(stderr.starts_with("quorum: error:"), "{args:?}: {stderr}");
    }
}

#[tokio::test]
async fn migrate_alone_gives_a_schema_that_exports_no_data() {
    on_each_database(async |db| {
        let status = quorum_command()
            .args(["migrate", "--database-url", &db.url])
            .status()
            .unwrap();
        assert!(status.success(), "{:?}", db.backend());
        let data = exported(&db.url);
        assert_eq!(data["bodies"], Value::Array(vec![]), "{:?}", db.backend());
    })
    .await;
}

#[tokio::test]
async fn export_import_export_gives_an_identical_file() {
    on_each_database(async |source| {
        drop(TestServer::start(source).await); // loads the demo
        let first = exported_file(&source.url);
        let file = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(file.path(), &first).unwrap();

        let target = TestDatabase::new(source.backend()).await;
        let import = quorum_command()
            .args([
                "import",
                file.path().to_str().unwrap(),
                "--database-url",
                &target.url,
            ])
            .output()
            .unwrap();
        assert_succeeded(&format!("{:?}: quorum import", source.backend()), &import);
        assert_eq!(first, exported_file(&target.url));
    })
    .await;
}

#[tokio::test]
async fn an_invalid_import_is_refused_by_record_and_field_and_writes_nothing() {
    on_each_backend(&["--no-demo"], async |server| {
        let backend = server.backend();
        let bad = r#"{"format":1,"bodies":[
            {"code":"COSP","name":"Conference","short_name":"COSP","parent":null,"open_to_all_states":true,"position":0},
            {"code":"IRG","name":"","short_name":"IRG","parent":"COSP","open_to_all_states":true,"position":1},
            {"code":"WG-X","name":"X","short_name":"X","parent":"NOPE","open_to_all_states":true,"position":2}]}"#;
        let (status, answer) = import(server, bad).await;
        assert_eq!(status, 422, "{backend:?}");
        let errors = error_messages(&answer);
        assert!(
            errors.contains(&"body IRG: name: must not be empty"),
            "{errors:?}"
        );
        assert!(
            errors.contains(&"body WG-X: parent: unknown body NOPE"),
            "{errors:?}"
        );
        assert!(
            bodies_listed(server).await.is_empty(),
            "{backend:?}: nothing written"
        );
        // Not JSON at all.
        assert_eq!(import(server, "{not json").await.0, 400);
    })
    .await;
}

#[tokio::test]
async fn every_answer_carries_the_security_headers() {
    let (_db, server) = sqlite_server().await;
    let page = get(&server, "/").await;
    assert_eq!(header(&page, "x-content-type-options"), "nosniff");
    assert_eq!(header(&page, "x-frame-options"), "DENY");
    assert!(header(&page, "content-security-policy").contains("frame-ancestors 'none'"));
    assert_eq!(
        header(&page, "referrer-policy"),
        "strict-origin-when-cross-origin"
    );
    let api = get(&server, "/api/bodies").await;
    assert_eq!(header(&api, "x-content-type-options"), "nosniff");
}
