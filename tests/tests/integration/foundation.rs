//! The foundation through HTTP and the command line: health, pages, the JSON API, migrations,
//! import and export — on SQLite, and on PostgreSQL when `TEST_DATABASE_URL` is set.

use serde_json::Value;
use tests::{backends, http, quorum_command, Backend, TestDatabase, TestServer};

#[tokio::test]
async fn health_answers_200_when_the_database_is_reachable() {
    for backend in backends() {
        let db = TestDatabase::new(backend).await;
        let server = TestServer::start(&db).await;
        let response = http().get(server.url("/healthz")).send().await.unwrap();
        assert_eq!(response.status(), 200, "{backend:?}");
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["database"], "reachable");
    }
}

#[tokio::test]
async fn health_answers_503_while_the_database_is_unreachable_and_recovers() {
    if !backends().contains(&Backend::Postgres) {
        return; // cutting a database off needs a PostgreSQL server
    }
    let db = TestDatabase::new(Backend::Postgres).await;
    let server = TestServer::start(&db).await;
    assert_eq!(
        http()
            .get(server.url("/healthz"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    let secretariat = server.secretariat().await;
    db.set_reachable(false).await;
    let response = http().get(server.url("/healthz")).send().await.unwrap();
    assert_eq!(response.status(), 503);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["database"], "unreachable");
    // A REST read and a server function while the database is away: 503 in plain words, no
    // driver detail, and never a refusal such as 403.
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
    assert_eq!(
        http()
            .get(server.url("/healthz"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
}

#[tokio::test]
async fn the_home_page_lists_every_body_in_server_rendered_html() {
    for backend in backends() {
        let db = TestDatabase::new(backend).await;
        let server = TestServer::start(&db).await;
        let response = http().get(server.url("/")).send().await.unwrap();
        assert_eq!(response.status(), 200);
        let html = response.text().await.unwrap();
        for name in [
            "Conference of the States Parties to the United Nations Convention against Corruption",
            "Implementation Review Group",
            "Open-ended Intergovernmental Working Group on the Prevention of Corruption",
            "Open-ended Intergovernmental Working Group on Asset Recovery",
            "expert meeting to enhance international cooperation",
        ] {
            assert!(html.contains(name), "{backend:?}: home page lacks {name}");
        }
        assert!(
            html.contains("/pkg/quorum.js"),
            "the page loads the hydration script"
        );
    }
}

#[tokio::test]
async fn the_filter_works_as_a_plain_form_without_javascript() {
    let db = TestDatabase::new(Backend::Sqlite).await;
    let server = TestServer::start(&db).await;
    let html = http()
        .get(server.url("/?q=asset"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    // The rendered list holds only the match (the serialized data for hydration holds all).
    assert!(html.contains(r#"data-code="WG-AR""#));
    assert!(!html.contains(r#"data-code="IRG""#));
}

#[tokio::test]
async fn unknown_pages_answer_404() {
    let db = TestDatabase::new(Backend::Sqlite).await;
    let server = TestServer::start(&db).await;
    let response = http()
        .get(server.url("/no/such/page"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 404);
}

#[tokio::test]
async fn the_built_site_assets_are_served() {
    let db = TestDatabase::new(Backend::Sqlite).await;
    let server = TestServer::start(&db).await;
    for (path, kind) in [
        ("/pkg/quorum.js", "javascript"),
        ("/pkg/quorum.wasm", "wasm"),
        ("/pkg/quorum.css", "css"),
    ] {
        let response = http().get(server.url(path)).send().await.unwrap();
        assert_eq!(response.status(), 200, "{path}");
        let content_type = response.headers()["content-type"]
            .to_str()
            .unwrap()
            .to_owned();
        assert!(content_type.contains(kind), "{path}: {content_type}");
    }
}

#[tokio::test]
async fn the_api_lists_the_demo_bodies() {
    for backend in backends() {
        let db = TestDatabase::new(backend).await;
        let server = TestServer::start(&db).await;
        let bodies: Vec<Value> = http()
            .get(server.url("/api/bodies"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let codes: Vec<&str> = bodies.iter().map(|b| b["code"].as_str().unwrap()).collect();
        assert_eq!(
            codes,
            ["COSP", "IRG", "WG-PREV", "WG-AR", "EM-IC"],
            "{backend:?}"
        );
    }
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
    let bodies: Vec<Value> = http()
        .get(server.url("/api/bodies"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(bodies.len(), 5);
}

#[tokio::test]
async fn a_restart_keeps_the_data_and_does_not_load_the_demo_twice() {
    for backend in backends() {
        let db = TestDatabase::new(backend).await;
        drop(TestServer::start(&db).await);
        let server = TestServer::start(&db).await;
        let bodies: Vec<Value> = http()
            .get(server.url("/api/bodies"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(bodies.len(), 5, "{backend:?}");
    }
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
async fn migrate_creates_the_schema_and_export_of_an_empty_database_is_empty() {
    for backend in backends() {
        let db = TestDatabase::new(backend).await;
        let status = quorum_command()
            .args(["migrate", "--database-url", &db.url])
            .status()
            .unwrap();
        assert!(status.success(), "{backend:?}");
        let output = quorum_command()
            .args(["export", "--database-url", &db.url])
            .output()
            .unwrap();
        assert!(output.status.success());
        let data: Value = serde_json::from_slice(&output.stdout).unwrap();
        assert_eq!(data["bodies"], Value::Array(vec![]), "{backend:?}");
    }
}

#[tokio::test]
async fn export_import_export_gives_an_identical_file() {
    for backend in backends() {
        let source = TestDatabase::new(backend).await;
        drop(TestServer::start(&source).await); // loads the demo
        let first = quorum_command()
            .args(["export", "--database-url", &source.url])
            .output()
            .unwrap();
        assert!(first.status.success());
        let file = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(file.path(), &first.stdout).unwrap();

        let target = TestDatabase::new(backend).await;
        let import = quorum_command()
            .args([
                "import",
                file.path().to_str().unwrap(),
                "--database-url",
                &target.url,
            ])
            .output()
            .unwrap();
        assert!(
            import.status.success(),
            "{backend:?}: {}",
            String::from_utf8_lossy(&import.stderr)
        );
        let second = quorum_command()
            .args(["export", "--database-url", &target.url])
            .output()
            .unwrap();
        assert_eq!(
            String::from_utf8(first.stdout).unwrap(),
            String::from_utf8(second.stdout).unwrap()
        );
    }
}

#[tokio::test]
async fn an_invalid_import_names_record_and_field_and_writes_nothing() {
    for backend in backends() {
        let db = TestDatabase::new(backend).await;
        let server = TestServer::start_with(&db, &["--no-demo"]).await;
        let bad = r#"{"format":1,"bodies":[
            {"code":"COSP","name":"Conference","short_name":"COSP","parent":null,"open_to_all_states":true,"position":0},
            {"code":"IRG","name":"","short_name":"IRG","parent":"COSP","open_to_all_states":true,"position":1},
            {"code":"WG-X","name":"X","short_name":"X","parent":"NOPE","open_to_all_states":true,"position":2}]}"#;
        let response = server
            .secretariat()
            .await
            .post(server.url("/api/import"))
            .body(bad)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 422, "{backend:?}");
        let body: Value = response.json().await.unwrap();
        let errors: Vec<&str> = body["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e.as_str().unwrap())
            .collect();
        assert!(
            errors.contains(&"body IRG: name: must not be empty"),
            "{errors:?}"
        );
        assert!(
            errors.contains(&"body WG-X: parent: unknown body NOPE"),
            "{errors:?}"
        );
        let bodies: Vec<Value> = http()
            .get(server.url("/api/bodies"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert!(bodies.is_empty(), "{backend:?}: nothing written");

        let response = server
            .secretariat()
            .await
            .post(server.url("/api/import"))
            .body("{not json")
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 400);
    }
}

#[tokio::test]
async fn every_answer_carries_the_security_headers_and_feeds_keep_their_referrer_policy() {
    let db = TestDatabase::new(Backend::Sqlite).await;
    let server = TestServer::start(&db).await;
    let page = http().get(server.url("/")).send().await.unwrap();
    let header = |r: &reqwest::Response, name: &str| {
        r.headers()
            .get(name)
            .map(|v| v.to_str().unwrap().to_owned())
            .unwrap_or_default()
    };
    assert_eq!(header(&page, "x-content-type-options"), "nosniff");
    assert_eq!(header(&page, "x-frame-options"), "DENY");
    assert!(header(&page, "content-security-policy").contains("frame-ancestors 'none'"));
    assert_eq!(
        header(&page, "referrer-policy"),
        "strict-origin-when-cross-origin"
    );
    let api = http().get(server.url("/api/bodies")).send().await.unwrap();
    assert_eq!(header(&api, "x-content-type-options"), "nosniff");
}
