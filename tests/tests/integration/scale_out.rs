//! Several `quorum serve` instances on one database, as behind a load balancer: a login made on
//! one works on the other, and a change made through one shows at once on both, in pages and in
//! feeds with the same ETag.

use tests::{
    form_post, get_json, http, login, on_each_database, page_text, send_as, TestDatabase,
    TestServer, TEST_PASSWORD,
};

/// Two instances on `db`, reading the data version on every request: "at once", not within a
/// staleness bound.
async fn two_instances(db: &TestDatabase) -> (TestServer, TestServer) {
    let shared = [
        "--base-url",
        "https://quorum.example",
        "--feed-staleness-ms",
        "0",
    ];
    let first = TestServer::start_with(db, &shared).await;
    let second = TestServer::start_with(db, &shared).await;
    (first, second)
}

/// A client signed in as the secretariat through `server`.
async fn signed_in_on(server: &TestServer) -> reqwest::Client {
    server.secretariat().await; // creates the account
    login(server, "test.secretariat@quorum.example", TEST_PASSWORD)
        .await
        .expect("login on the first instance")
}

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
async fn a_sign_in_on_one_instance_holds_on_the_other_until_signed_out_on_either() {
    on_each_database(async |db| {
        let backend = db.backend();
        let (first, second) = two_instances(db).await;
        let signed_in = signed_in_on(&first).await;
        let (status, page) = form_post(&signed_in, &second, "admin/page", &[]).await;
        assert_eq!(
            status, 200,
            "{backend:?}: the second instance knows the login: {page}"
        );

        // Signing out on one ends the login on both.
        let out = signed_in
            .post(first.url("/api/logout"))
            .send()
            .await
            .unwrap();
        assert!(out.status().is_success());
        let (status, _) = form_post(&signed_in, &second, "admin/page", &[]).await;
        assert_eq!(status, 401, "{backend:?}");
    })
    .await;
}

#[tokio::test]
async fn a_change_through_one_instance_shows_at_once_on_both_with_one_feed_etag() {
    on_each_database(async |db| {
        let backend = db.backend();
        let (first, second) = two_instances(db).await;
        let signed_in = signed_in_on(&first).await;
        let (before, _) = feed(&first).await;
        let (_, session) = get_json(&second, "/api/sessions/irg-14").await;
        let mut meeting = session["meetings"][0].clone();
        meeting["title"] = "Renamed through the second instance".into();
        let path = format!("/api/meetings/{}", meeting["id"].as_str().unwrap());
        let (status, saved) =
            send_as(&signed_in, &second, reqwest::Method::PUT, &path, &meeting).await;
        assert_eq!(status, 200, "{backend:?}: {saved}");
        let (tag_first, body_first) = feed(&first).await;
        let (tag_second, body_second) = feed(&second).await;
        assert_ne!(before, tag_first, "{backend:?}: the feed changed");
        assert_eq!(
            tag_first, tag_second,
            "{backend:?}: one ETag from both instances"
        );
        assert_eq!(body_first, body_second);
        let page = page_text(&first, "/sessions/irg-14").await;
        assert!(
            page.contains("Renamed through the second instance"),
            "{backend:?}"
        );
        assert!(body_first.contains("Renamed through the second instance"));
    })
    .await;
}
