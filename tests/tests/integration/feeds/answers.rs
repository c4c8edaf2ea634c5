//! How a feed answers: calendar headers and a strong tag, conditional requests, HEAD, 404 for
//! what does not exist, gzip only when asked, and the same bytes from every instance.

use tests::scenarios::header;
use tests::{get_json, http, on_each_backend, on_each_database, Backend, TestDatabase, TestServer};

use super::{fetch, put};

#[tokio::test]
async fn a_feed_and_its_head_answer_calendar_headers_with_one_strong_tag() {
    on_each_backend(&[], async |server| {
        let backend = server.backend();
        let response = fetch(server, "/feeds/all.ics", &[]).await;
        assert_eq!(response.status(), 200, "{backend:?}");
        assert_eq!(
            header(&response, "content-type"),
            "text/calendar; charset=utf-8"
        );
        assert_eq!(header(&response, "cache-control"), "public, max-age=300");
        assert_eq!(header(&response, "vary"), "Accept-Encoding");
        assert_eq!(
            header(&response, "last-modified"),
            "Mon, 09 Oct 2023 00:00:00 GMT"
        );
        let etag = header(&response, "etag");
        assert!(
            etag.starts_with('"') && etag.len() > 20 && !etag.starts_with("W/"),
            "a strong tag: {etag}"
        );
        let body = response.text().await.unwrap();
        assert!(body.starts_with("BEGIN:VCALENDAR\r\n") && body.ends_with("END:VCALENDAR\r\n"));

        let head = http()
            .head(server.url("/feeds/all.ics"))
            .send()
            .await
            .unwrap();
        assert_eq!(head.status(), 200);
        assert_eq!(header(&head, "etag"), etag);
        assert!(head.bytes().await.unwrap().is_empty());
    })
    .await;
}

#[tokio::test]
async fn conditional_requests_answer_304_for_a_matching_tag_or_an_unchanged_date() {
    on_each_backend(&[], async |server| {
        let etag = header(&fetch(server, "/feeds/all.ics", &[]).await, "etag");
        let weak = format!("W/{etag}");
        let list = format!("\"other\", {etag}");
        for (name, value) in [
            ("if-none-match", etag.as_str()),
            ("if-none-match", weak.as_str()),
            ("if-none-match", list.as_str()),
            ("if-none-match", "*"),
            ("if-modified-since", "Mon, 09 Oct 2023 00:00:00 GMT"),
            ("if-modified-since", "Tue, 10 Oct 2023 00:00:00 GMT"),
        ] {
            let response = fetch(server, "/feeds/all.ics", &[(name, value)]).await;
            assert_eq!(response.status(), 304, "{name}: {value}");
            assert_eq!(header(&response, "etag"), etag);
            assert!(response.bytes().await.unwrap().is_empty());
        }
        for (name, value) in [
            ("if-none-match", "\"other\""),
            ("if-modified-since", "Sun, 08 Oct 2023 00:00:00 GMT"),
        ] {
            assert_eq!(
                fetch(server, "/feeds/all.ics", &[(name, value)])
                    .await
                    .status(),
                200,
                "{name}: {value}"
            );
        }
        // If-None-Match wins over If-Modified-Since.
        let both = fetch(
            server,
            "/feeds/all.ics",
            &[
                ("if-none-match", "\"other\""),
                ("if-modified-since", "Tue, 10 Oct 2023 00:00:00 GMT"),
            ],
        )
        .await;
        assert_eq!(both.status(), 200);
    })
    .await;
}

#[tokio::test]
async fn feeds_of_what_does_not_exist_answer_404() {
    on_each_backend(&[], async |server| {
        for missing in [
            "/feeds/bodies/NOPE.ics",
            "/feeds/nothing.ics",
            "/feeds/all.txt",
            "/feeds/private/00ff.ics",
            "/feeds/sessions/no-such.ics",
        ] {
            assert_eq!(fetch(server, missing, &[]).await.status(), 404, "{missing}");
        }
    })
    .await;
}

#[tokio::test]
async fn gzip_only_when_asked_with_its_own_tag() {
    let db = TestDatabase::new(Backend::Sqlite).await;
    let server = TestServer::start(&db).await;
    let plain = fetch(&server, "/feeds/all.ics", &[]).await;
    assert_eq!(header(&plain, "content-encoding"), "");
    let plain_tag = header(&plain, "etag");
    let plain_body = plain.bytes().await.unwrap();
    let zipped = fetch(&server, "/feeds/all.ics", &[("accept-encoding", "gzip")]).await;
    assert_eq!(header(&zipped, "content-encoding"), "gzip");
    assert_eq!(header(&zipped, "vary"), "Accept-Encoding");
    let zipped_tag = header(&zipped, "etag");
    assert_ne!(
        zipped_tag, plain_tag,
        "each representation has its own strong tag"
    );
    let bytes = zipped.bytes().await.unwrap();
    let mut decoded = Vec::new();
    std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&bytes[..]), &mut decoded)
        .unwrap();
    assert_eq!(decoded, plain_body);
    let again = fetch(
        &server,
        "/feeds/all.ics",
        &[("accept-encoding", "gzip"), ("if-none-match", &zipped_tag)],
    )
    .await;
    assert_eq!(again.status(), 304);
}

/// Instances behind one load balancer share the public address.
const SHARED: [&str; 2] = ["--base-url", "https://quorum.example"];

/// Two instances on one database, as behind a load balancer.
async fn two_instances(db: &TestDatabase) -> (TestServer, TestServer) {
    let first = TestServer::start_with(db, &SHARED).await;
    let second = TestServer::start_with(db, &SHARED).await;
    (first, second)
}

async fn feed_bytes(server: &TestServer) -> Vec<u8> {
    let response = fetch(server, "/feeds/bodies/IRG.ics", &[]).await;
    response.bytes().await.unwrap().to_vec()
}

#[tokio::test]
async fn identical_data_gives_identical_bytes_from_every_instance() {
    on_each_database(async |db| {
        let backend = db.backend();
        let (first, second) = two_instances(db).await;
        let a = fetch(&first, "/feeds/bodies/IRG.ics", &[]).await;
        let b = fetch(&second, "/feeds/bodies/IRG.ics", &[]).await;
        assert_eq!(header(&a, "etag"), header(&b, "etag"), "{backend:?}");
        assert_eq!(a.bytes().await.unwrap(), b.bytes().await.unwrap());
        // Again from the first, and from an instance started later.
        let again = feed_bytes(&first).await;
        let fresh = TestServer::start_with(db, &SHARED).await;
        assert_eq!(again, feed_bytes(&fresh).await);
    })
    .await;
}

#[tokio::test]
async fn a_change_through_one_instance_shows_through_another_within_the_staleness_bound() {
    on_each_database(async |db| {
        let backend = db.backend();
        let (first, second) = two_instances(db).await;
        // Both have read the feed once, so both hold its version.
        feed_bytes(&first).await;
        feed_bytes(&second).await;

        let (_, page) = get_json(&first, "/api/sessions/irg-14").await;
        let mut meeting = page["meetings"][0].clone();
        meeting["title"] = "Joint meeting, renamed".into();
        put(
            &first,
            &format!("/api/meetings/{}", meeting["id"].as_str().unwrap()),
            &meeting,
        )
        .await;
        let changed = fetch(&first, "/feeds/bodies/IRG.ics", &[]).await;
        let tag = header(&changed, "etag");
        assert!(
            changed
                .text()
                .await
                .unwrap()
                .contains("Joint meeting\\, renamed"),
            "at once through the instance written to"
        );
        // The default bound is 100 ms.
        tokio::time::sleep(std::time::Duration::from_millis(150)).await;
        assert_eq!(
            header(&fetch(&second, "/feeds/bodies/IRG.ics", &[]).await, "etag"),
            tag,
            "{backend:?}"
        );
    })
    .await;
}
