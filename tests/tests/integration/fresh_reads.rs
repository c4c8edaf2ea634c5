//! One place for "a write happened": with a staleness bound of ten minutes, a write through a
//! REST route and one through a server function are both seen by the very next feed and page
//! of the same instance, on both backends. No handler asks for it; the server does it after
//! every successful state-changing request.

use reqwest::Method;
use serde_json::Value;
use tests::{backends, form_post, get_json, page_text, send_as, TestDatabase, TestServer};

#[tokio::test]
async fn the_next_feed_and_page_after_any_write_read_fresh_data() {
    for backend in backends() {
        let db = TestDatabase::new(backend).await;
        let server = TestServer::start_with(&db, &["--feed-staleness-ms", "600000"]).await;
        let secretariat = server.secretariat().await;
        // Pages and feeds read once, so that their version is cached.
        let (_, meetings) = get_json(&server, "/api/meetings").await;
        let mut meeting: Value = meetings[0].clone();
        let key = meeting["id"].as_str().unwrap().to_owned();
        assert!(page_text(&server, "/feeds/all.ics")
            .await
            .contains("BEGIN:VCALENDAR"));
        assert!(!page_text(&server, "/")
            .await
            .contains("Beneficial Ownership"));

        // Through a REST route.
        meeting["title"] = Value::String("Renamed through the REST door".into());
        let (status, body) = send_as(
            &secretariat,
            &server,
            Method::PUT,
            &format!("/api/meetings/{key}"),
            &meeting,
        )
        .await;
        assert_eq!(status, 200, "{backend:?}: {body}");
        assert!(
            page_text(&server, "/feeds/all.ics")
                .await
                .contains("Renamed through the REST door"),
            "{backend:?}"
        );
        assert!(
            page_text(&server, &format!("/meetings/{key}"))
                .await
                .contains("Renamed through the REST door"),
            "{backend:?}"
        );

        // Through a server function.
        let fields = [
            ("code", "WG-BO"),
            ("name", "the Working Group on Beneficial Ownership"),
            ("short_name", "Beneficial Ownership"),
            ("parent", "COSP"),
            ("open_to_all_states", "on"),
        ];
        let (_, outcome) = form_post(&secretariat, &server, "admin/save-body", &fields).await;
        assert!(outcome["done"].is_string(), "{backend:?}: {outcome}");
        assert!(
            page_text(&server, "/")
                .await
                .contains("Beneficial Ownership"),
            "{backend:?}: the bodies page"
        );
        let (status, _) = get_json(&server, "/feeds/bodies/WG-BO.ics").await;
        assert_eq!(status, 200, "{backend:?}: the new body's feed");
    }
}
