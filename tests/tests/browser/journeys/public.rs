//! Anyone, signed out: subscribing to a body's calendar, and reading the public calendar,
//! timeline, session pages and daily programme — without JavaScript, and on a phone.

use tests::browser::{with_demo_server, Browser};

/// Journey 3: a subscriber copies a body's feed link; the file it downloads parses.
#[tokio::test]
async fn a_subscriber_copies_a_bodys_feed_link_and_the_file_parses() {
    with_demo_server(async |server| {
        let browser = Browser::start(true).await;
        browser.open_hydrated(&server.url("/")).await;
        // One control per feed, which opens to the ways of subscribing and the address.
        browser
            .click("li.body[data-code='IRG'] details.subscribe summary")
            .await;
        let field = "li.body[data-code='IRG'] input.feed-link";
        let address = browser.value_of(field).await;
        browser.click("li.body[data-code='IRG'] button.copy").await;
        browser
            .wait_for_text("li.body[data-code='IRG'] .copy-link", "Copied")
            .await;
        browser.close().await;
        assert_eq!(address, server.url("/feeds/bodies/IRG.ics"));
        let response = tests::http().get(&address).send().await.unwrap();
        assert_eq!(response.status(), 200);
        assert!(response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/calendar"));
        let text = response.text().await.unwrap();
        let calendar: icalendar::Calendar = text.parse().expect("the feed parses as iCalendar");
        let events = calendar
            .components
            .iter()
            .filter(|c| c.as_event().is_some())
            .count();
        assert!(
            events >= 4,
            "the demo data holds IRG's four joint meetings: {events}"
        );
    })
    .await;
}

/// Journey 4: the public calendar, timeline and a session page read completely without
/// JavaScript.
#[tokio::test]
async fn the_public_calendar_and_a_session_page_read_without_javascript() {
    with_demo_server(async |server| {
        let browser = Browser::start(false).await;

        browser
            .goto(&server.url("/calendar?view=month&date=2023-12-11&tz=Europe/Vienna"))
            .await;
        let opening = browser.text_of("li.event[data-id='cosp-10-opening']").await;
        assert!(opening.contains("10:00–13:00 EST"), "{opening}");
        assert!(
            opening.contains("16:00–19:00 CET your time (Europe/Vienna)"),
            "{opening}"
        );
        assert_eq!(browser.hydrated_mark().await.as_deref(), Some("false"));
        browser.screenshot("calendar").await;

        // Filters are a plain form: choose a body and submit.
        browser
            .goto(&server.url("/calendar?view=list&date=2023-06-01&body=WG-PREV"))
            .await;
        let list = browser.text_of(".calendar-list").await;
        assert!(
            list.contains(
                "Fourteenth session of the Working Group on the Prevention of Corruption"
            ) || list.contains("Prevention"),
            "{list}"
        );
        assert!(!list.contains("Asset Recovery"), "{list}");

        browser.goto(&server.url("/timeline")).await;
        browser
            .wait_for(".timeline-row[data-body='EM-IC'] li.bar.joint")
            .await;
        browser.screenshot("timeline").await;

        browser.goto(&server.url("/sessions/cosp-10")).await;
        let session = browser.text_of("article.session").await;
        assert!(
            session.contains("Tenth session of the Conference"),
            "{session}"
        );
        assert!(session.contains("Agenda"), "{session}");
        assert!(session.contains("Subscribe"), "{session}");
        browser.screenshot("session").await;

        browser
            .goto(&server.url("/programme?venue=vienna-vic&date=2023-09-06"))
            .await;
        let programme = browser.text_of("ol.programme-items").await;
        assert!(programme.contains("10:00–13:00 CEST"), "{programme}");
        browser.screenshot("daily-programme").await;
        browser.close().await;
    })
    .await;
}

/// On a phone the calendar becomes one column (see the screenshot) and nothing spills sideways.
#[tokio::test]
async fn on_a_phone_no_public_page_is_wider_than_the_screen() {
    with_demo_server(async |server| {
        let browser = Browser::start(false).await;
        browser.client.set_window_size(390, 844).await.unwrap();
        for page in [
            "/calendar?view=month&date=2023-12-11",
            "/sessions/cosp-10",
            "/programme?venue=vienna-vic&date=2023-09-06",
        ] {
            browser.open(&server.url(page)).await;
            let overflow = browser
                .client
                .execute(
                    "return document.documentElement.scrollWidth - window.innerWidth;",
                    vec![],
                )
                .await
                .unwrap();
            assert!(
                overflow.as_i64().unwrap_or(0) <= 1,
                "{page} is wider than a phone: {overflow}"
            );
        }
        browser
            .goto(&server.url("/calendar?view=month&date=2023-12-11"))
            .await;
        browser.screenshot("calendar-phone").await;
        browser.close().await;
    })
    .await;
}
