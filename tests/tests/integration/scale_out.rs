//! Several `quorum serve` instances on one database, as behind a load balancer: a login made on
//! one works on the other, and a change made through one shows at once on both, in pages and in
//! feeds with the same ETag.

use tests::{backends, form_post, http, TestDatabase, TestServer, TEST_PASSWORD};

async fn feed(server: &TestServer) -> (String, String) {
    let response = http()
        .get(server.url("/feeds/bodies/IRG.ics"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let tag = response.headers()["etag"].to_str().unwrap().to_owned();
    (tag, response.text().await.unwrap())
}

#[tokio::test]
async fn two_instances_share_logins_changes_and_feed_etags() {
    for backend in backends() {
        let db = TestDatabase::new(backend).await;
        // Read the data version on every request: "at once", not within a staleness bound.
        let shared = [
            "--base-url",
            "https://quorum.example",
            "--feed-staleness-ms",
            "0",
        ];
        let first = TestServer::start_with(&db, &shared).await;
        let second = TestServer::start_with(&db, &shared).await;

        // A login made on the first instance works on the second.
        first.secretariat().await; // creates the account
        let signed_in = tests::login(&first, "test.secretariat@quorum.example", TEST_PASSWORD)
            .await
            .expect("login on the first instance");
        let (status, page) = form_post(&signed_in, &second, "admin/page", &[]).await;
        assert_eq!(
            status, 200,
            "{backend:?}: the second instance knows the login: {page}"
        );

        // A change made through the second shows at once on both, with one ETag.
        let (before, _) = feed(&first).await;
        let (_, session) = tests::get_json(&second, "/api/sessions/irg-14").await;
        let mut meeting = session["meetings"][0].clone();
        meeting["title"] = "Renamed through the second instance".into();
        let path = format!("/api/meetings/{}", meeting["id"].as_str().unwrap());
        let (status, saved) =
            tests::send_as(&signed_in, &second, reqwest::Method::PUT, &path, &meeting).await;
        assert_eq!(status, 200, "{backend:?}: {saved}");
        let (tag_first, body_first) = feed(&first).await;
        let (tag_second, body_second) = feed(&second).await;
        assert_ne!(before, tag_first, "{backend:?}: the feed changed");
        assert_eq!(
            tag_first, tag_second,
            "{backend:?}: one ETag from both instances"
        );
        assert_eq!(body_first, body_second);
        let page = tests::page_text(&first, "/sessions/irg-14").await;
        assert!(
            page.contains("Renamed through the second instance"),
            "{backend:?}"
        );
        assert!(body_first.contains("Renamed through the second instance"));

        // Signing out on one ends the login on both.
        let out = signed_in
            .post(first.url("/api/logout"))
            .send()
            .await
            .unwrap();
        assert!(out.status().is_success());
        let (status, _) = form_post(&signed_in, &second, "admin/page", &[]).await;
        assert_eq!(status, 401, "{backend:?}");
    }
}
