//! What a feed's events say: SEQUENCE rising with every visible change (a cancellation is one,
//! and the event stays), all-day deadlines, subscribe links on the pages, and event URLs that
//! lead back to the meeting pages.

use tests::scenarios::header;
use tests::{get_json, on_each_backend, Backend, TestDatabase, TestServer};

use super::{event_block, fetch, fetch_text, put};

#[tokio::test]
async fn every_visible_change_raises_the_sequence_and_a_cancelled_meeting_stays_listed() {
    on_each_backend(&[], async |server| {
        let backend = server.backend();
        let uid = "meeting-cosp-10-opening@quorum";
        let before = fetch(server, "/feeds/sessions/cosp-10.ics", &[]).await;
        let etag = header(&before, "etag");
        assert!(event_block(&before.text().await.unwrap(), uid).contains("SEQUENCE:0\r\n"));

        let (_, page) = get_json(server, "/api/sessions/cosp-10").await;
        let mut meeting = page["meetings"][0].clone();
        meeting["start"] = "2023-12-11T16:00:00Z".into();
        meeting["end"] = "2023-12-11T18:00:00Z".into();
        let saved = put(server, "/api/meetings/cosp-10-opening", &meeting).await;
        assert_eq!(saved["sequence"], 1, "{backend:?}: {saved}");

        let after = fetch(
            server,
            "/feeds/sessions/cosp-10.ics",
            &[("if-none-match", &etag)],
        )
        .await;
        assert_eq!(after.status(), 200, "a change gives a new tag");
        let ics = after.text().await.unwrap();
        let block = event_block(&ics, uid);
        assert!(
            block.contains("SEQUENCE:1\r\n")
                && block.contains("DTSTART;TZID=America/New_York:20231211T110000\r\n"),
            "{block}"
        );
        assert!(
            !block.contains("DTSTAMP:20231009T000000Z"),
            "DTSTAMP follows the change"
        );

        // Saving the same again changes nothing a calendar shows.
        let same = put(server, "/api/meetings/cosp-10-opening", &saved).await;
        assert_eq!(same["sequence"], 1);

        let mut cancelled = saved.clone();
        cancelled["status"] = "cancelled".into();
        let saved = put(server, "/api/meetings/cosp-10-opening", &cancelled).await;
        assert_eq!(saved["sequence"], 2);
        let ics = fetch_text(server, "/feeds/all.ics").await;
        let block = event_block(&ics, uid);
        assert!(
            block.contains("STATUS:CANCELLED\r\n") && block.contains("SEQUENCE:2\r\n"),
            "{block}"
        );
    })
    .await;
}

#[tokio::test]
async fn the_deadlines_feed_holds_all_day_events() {
    let db = TestDatabase::new(Backend::Sqlite).await;
    let server = TestServer::start(&db).await;
    let ics = fetch_text(&server, "/feeds/deadlines.ics").await;
    let block = event_block(&ics, "silence-procedure-workplan@quorum");
    assert!(
        block.contains("DTSTART;VALUE=DATE:20230609\r\nDTEND;VALUE=DATE:20230610\r\n"),
        "{block}"
    );
    assert!(!ics.contains("BEGIN:VTIMEZONE"));
}

/// A demo server whose public address is https://quorum.example.
async fn public_server(db: &TestDatabase) -> TestServer {
    TestServer::start_with(db, &["--base-url", "https://quorum.example"]).await
}

#[tokio::test]
async fn the_home_and_session_pages_offer_subscribe_links() {
    let db = TestDatabase::new(Backend::Sqlite).await;
    let server = public_server(&db).await;
    let home = fetch_text(&server, "/").await;
    for link in [
        "webcal://quorum.example/feeds/bodies/IRG.ics",
        "https://quorum.example/feeds/all.ics",
        "https://calendar.google.com/calendar/render?cid=webcal%3A%2F%2Fquorum.example%2Ffeeds%2Fdeadlines.ics",
        "https://outlook.live.com/calendar/0/addfromweb?url=https%3A%2F%2Fquorum.example%2Ffeeds%2Fbodies%2FWG-AR.ics",
    ] {
        assert!(home.contains(link), "home page lacks {link}");
    }
    let session = fetch(&server, "/sessions/cosp-10", &[]).await;
    assert_eq!(session.status(), 200);
    let html = session.text().await.unwrap();
    assert!(html.contains("Tenth session of the Conference of the States Parties"));
    assert!(html.contains("webcal://quorum.example/feeds/sessions/cosp-10.ics"));
    assert!(html.contains("CAC/COSP/2023/1"));
    assert!(html.contains("Monday 11 December 2023, 10:00–13:00 EST"));
}

#[tokio::test]
async fn an_events_url_leads_back_to_its_meeting_page() {
    let db = TestDatabase::new(Backend::Sqlite).await;
    let server = public_server(&db).await;
    let ics = fetch_text(&server, "/feeds/sessions/cosp-10.ics").await;
    let url = ics
        .lines()
        .find_map(|l| l.strip_prefix("URL;VALUE=URI:"))
        .unwrap();
    assert_eq!(url, "https://quorum.example/meetings/cosp-10-opening");
    let page = fetch(&server, "/meetings/cosp-10-opening", &[]).await;
    assert_eq!(page.status(), 200);
    assert!(page
        .text()
        .await
        .unwrap()
        .contains("Opening plenary of the tenth session"));
    assert_eq!(
        fetch(&server, "/sessions/no-such-session", &[])
            .await
            .status(),
        404
    );
}
