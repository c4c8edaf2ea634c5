//! The users' journeys in headless chromium, on the demo data, with screenshots of the main pages
//! saved under tests/screenshots/.

use std::time::Duration;

use fantoccini::Locator;
use tests::browser::{available, Browser};
use tests::{Backend, TestDatabase, TestServer};

const BUREAU_IRG: (&str, &str) = ("bureau.irg@quorum.example", "demo-bureau-irg-quorum");
const FOCAL_POINT_AT: (&str, &str) = (
    "focal.point.at@quorum.example",
    "demo-focal-point-at-quorum",
);

async fn meeting(server: &TestServer, id: &str) -> serde_json::Value {
    let (status, meetings) = tests::get_json(server, "/api/meetings").await;
    assert_eq!(status, 200);
    meetings
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == id)
        .cloned()
        .unwrap_or_else(|| panic!("meeting {id} is not stored"))
}

/// Journey 1: a Bureau member plans a joint meeting, sees the conflict, moves it to a suggested
/// free slot and saves it.
#[tokio::test]
async fn a_bureau_member_plans_a_joint_meeting_and_moves_it_to_a_free_slot() {
    if !available() {
        return;
    }
    let db = TestDatabase::new(Backend::Sqlite).await;
    let server = TestServer::start(&db).await;
    let browser = Browser::start(true).await;
    browser
        .sign_in(&server.base_url, BUREAU_IRG.0, BUREAU_IRG.1)
        .await;
    browser.open_hydrated(&server.url("/plan")).await;
    browser.fill("#m-id", "joint-2023-06-briefing").await;
    browser
        .fill("#m-title", "Joint briefing on the review mechanism")
        .await;
    browser
        .click("input[name='sessions'][value='irg-14']")
        .await;
    browser
        .click("input[name='sessions'][value='wg-prev-14']")
        .await;
    browser.fill("#m-venue", "vienna-vic").await;
    browser.fill("#m-room", "vic-boardroom-d").await;
    browser.fill("#m-date", "2023-06-14").await;
    browser.fill("#m-start", "10:00").await;
    browser.fill("#m-end", "13:00").await;

    // The live check, without saving: the existing joint meeting holds the room and both bodies.
    let summary = browser
        .wait_for_text(".live-check .summary", "blocking")
        .await;
    assert!(summary.contains("prevents saving"), "{summary}");
    let explanation = browser
        .wait_for(".live-check li.conflict.blocking .explanation")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        explanation.contains("joint-2023-06-morning") || explanation.contains("Joint"),
        "{explanation}"
    );
    browser.screenshot("planner-conflict").await;

    // A save now is refused, and what was typed stays.
    browser.click(".meeting-form button[type='submit']").await;
    browser
        .wait_for_text("#error-form", "blocking conflict")
        .await;
    assert_eq!(
        browser.value_of("#m-title").await,
        "Joint briefing on the review mechanism"
    );

    browser.fill("#slots-from", "2023-06-12").await;
    browser.fill("#slots-to", "2023-06-16").await;
    browser.click("button.find-slots").await;
    browser.click("ul.slots li button.use-slot").await;
    browser.wait_for_text(".live-check .summary", "").await;
    let mut summary = String::new();
    for _ in 0..100 {
        summary = browser
            .wait_for(".live-check .summary")
            .await
            .text()
            .await
            .unwrap_or_default();
        if !summary.contains("blocking") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert!(
        !summary.contains("blocking"),
        "the suggested slot is free: {summary}"
    );
    let (date, start) = (
        browser.value_of("#m-date").await,
        browser.value_of("#m-start").await,
    );
    assert!(
        date.as_str() >= "2023-06-12" && date.as_str() <= "2023-06-16",
        "{date}"
    );
    assert_ne!((date.as_str(), start.as_str()), ("2023-06-14", "10:00"));
    browser.click(".meeting-form button[type='submit']").await;
    browser
        .wait_for(".saved a[href='/meetings/joint-2023-06-briefing']")
        .await;
    browser.screenshot("planner").await;
    browser.close().await;

    let stored = meeting(&server, "joint-2023-06-briefing").await;
    assert_eq!(
        stored["sessions"],
        serde_json::json!(["irg-14", "wg-prev-14"])
    );
    assert!(
        stored["start"].as_str().unwrap().starts_with(&date),
        "{stored}"
    );
    let (_, conflicts) = tests::get_json(&server, "/api/conflicts").await;
    let blocking_here = conflicts
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["severity"] == "blocking")
        .any(|c| {
            c["meetings"]
                .as_array()
                .unwrap()
                .iter()
                .any(|m| m == "joint-2023-06-briefing")
        });
    assert!(!blocking_here, "{conflicts}");
}

/// Journey 2: the Bureau opens a call; a focal point nominates a panellist; the Bureau accepts,
/// releases and confirms; the panellist appears on the session page and in the person's feed.
#[tokio::test]
async fn a_nominated_panellist_reaches_the_session_page_and_their_feed() {
    if !available() {
        return;
    }
    let db = TestDatabase::new(Backend::Sqlite).await;
    let server = TestServer::start(&db).await;
    let deadline = (std::time::SystemTime::now() + Duration::from_secs(30 * 86_400))
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let deadline = {
        // Days since 1970 to a civil date (proleptic Gregorian), for the date field.
        let days = (deadline / 86_400) as i64 + 719_468;
        let era = days.div_euclid(146_097);
        let doe = days - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + if m <= 2 { 1 } else { 0 };
        format!("{y:04}-{m:02}-{d:02}")
    };

    let bureau = Browser::start(true).await;
    bureau
        .sign_in(&server.base_url, BUREAU_IRG.0, BUREAU_IRG.1)
        .await;
    bureau.open_hydrated(&server.url("/review")).await;
    bureau.fill("#c-panel", "business-integrity-1").await;
    bureau.fill("#c-deadline", &deadline).await;
    bureau.click("form.open-call button").await;
    bureau
        .wait_for_text("main", "Call call-business-integrity-1 opened")
        .await;

    let focal = Browser::start(true).await;
    focal
        .sign_in(&server.base_url, FOCAL_POINT_AT.0, FOCAL_POINT_AT.1)
        .await;
    focal.open_hydrated(&server.url("/nominations")).await;
    // The server checks each field: an empty justification is named beside its field.
    focal.fill("#n-name", "Maria Gruber").await;
    focal.fill("#n-why", "   ").await;
    focal.click("form.nominate button[type='submit']").await;
    focal.wait_for_text("#error-justification", "say why").await;
    assert_eq!(focal.value_of("#n-name").await, "Maria Gruber");
    focal.fill("#n-gender", "female").await;
    focal
        .fill(
            "#n-why",
            "Led the review of Austria's business integrity rules.",
        )
        .await;
    focal.click("form.nominate button[type='submit']").await;
    focal
        .wait_for_text("p.done", "Maria Gruber is nominated")
        .await;
    focal
        .wait_for_text("ul.my-nominations", "Maria Gruber")
        .await;
    focal.screenshot("nominations-focal-point").await;

    bureau.open_hydrated(&server.url("/review")).await;
    bureau
        .wait_for_text("table.nominations", "Maria Gruber")
        .await;
    bureau.click("form.decide button").await;
    bureau
        .wait_for_text("table.nominations", "accepted (not released)")
        .await;
    bureau.click("form.release button").await;
    bureau.wait_for("form.confirm button").await;
    bureau.screenshot("review-board").await;
    bureau.click("form.confirm button").await;
    bureau.wait_for_text("table.nominations", "confirmed").await;
    let balance = bureau
        .wait_for(".review-call .balance")
        .await
        .text()
        .await
        .unwrap();
    assert!(balance.contains("Gender: female 1"), "{balance}");
    bureau.close().await;

    // The session page (without JavaScript: it is public) lists the panellist.
    let reader = Browser::start(false).await;
    reader
        .client
        .goto(&server.url("/sessions/irg-14"))
        .await
        .unwrap();
    let panels = reader.wait_for("ul.panels").await.text().await.unwrap();
    assert!(panels.contains("Maria Gruber"), "{panels}");
    reader.close().await;

    // The person's private feed holds the panel's meeting.
    let focal_api = tests::login(&server, FOCAL_POINT_AT.0, FOCAL_POINT_AT.1)
        .await
        .unwrap();
    let (_, nominations) = tests::send_as(
        &focal_api,
        &server,
        reqwest::Method::GET,
        "/api/nominations",
        serde_json::Value::Null,
    )
    .await;
    // The nominee appears as the person record beside the nomination.
    let nominee = nominations[0]["nominee"]["id"]
        .as_str()
        .unwrap_or_else(|| panic!("{nominations}"))
        .to_owned();
    let secretariat = server.secretariat().await;
    let (status, links) = tests::send_as(
        &secretariat,
        &server,
        reqwest::Method::POST,
        "/api/feed-tokens",
        serde_json::json!({ "person": nominee }),
    )
    .await;
    assert_eq!(status, 201, "{links}");
    let feed = tests::http()
        .get(links["https"].as_str().unwrap())
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(feed.contains("joint-2023-06-morning"), "{feed}");
    focal.close().await;
}

/// Journey 3: a subscriber copies a body's feed link; the file it downloads parses.
#[tokio::test]
async fn a_subscriber_copies_a_bodys_feed_link_and_the_file_parses() {
    if !available() {
        return;
    }
    let db = TestDatabase::new(Backend::Sqlite).await;
    let server = TestServer::start(&db).await;
    let browser = Browser::start(true).await;
    browser.open_hydrated(&server.url("/")).await;
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
}

/// Journey 4: the public calendar, timeline and a session page read completely without
/// JavaScript.
#[tokio::test]
async fn the_public_calendar_and_a_session_page_read_without_javascript() {
    if !available() {
        return;
    }
    let db = TestDatabase::new(Backend::Sqlite).await;
    let server = TestServer::start(&db).await;
    let browser = Browser::start(false).await;

    browser
        .client
        .goto(&server.url("/calendar?view=month&date=2023-12-11&tz=Europe/Vienna"))
        .await
        .unwrap();
    let opening = browser
        .wait_for("li.event[data-id='cosp-10-opening']")
        .await
        .text()
        .await
        .unwrap();
    assert!(opening.contains("10:00–13:00 EST"), "{opening}");
    assert!(
        opening.contains("16:00–19:00 CET your time (Europe/Vienna)"),
        "{opening}"
    );
    let main = browser.client.find(Locator::Css("main")).await.unwrap();
    assert_eq!(
        main.attr("data-hydrated").await.unwrap().as_deref(),
        Some("false")
    );
    browser.screenshot("calendar").await;

    // Filters are a plain form: choose a body and submit.
    browser
        .client
        .goto(&server.url("/calendar?view=list&date=2023-06-01&body=WG-PREV"))
        .await
        .unwrap();
    let list = browser
        .wait_for(".calendar-list")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        list.contains("Fourteenth session of the Working Group on the Prevention of Corruption")
            || list.contains("Prevention"),
        "{list}"
    );
    assert!(!list.contains("Asset Recovery"), "{list}");

    browser.client.goto(&server.url("/timeline")).await.unwrap();
    browser
        .wait_for(".timeline-row[data-body='EM-IC'] li.bar.joint")
        .await;
    browser.screenshot("timeline").await;

    browser
        .client
        .goto(&server.url("/sessions/cosp-10"))
        .await
        .unwrap();
    let session = browser
        .wait_for("article.session")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        session.contains("Tenth session of the Conference"),
        "{session}"
    );
    assert!(session.contains("Agenda"), "{session}");
    assert!(session.contains("Subscribe"), "{session}");
    browser.screenshot("session").await;

    browser
        .client
        .goto(&server.url("/programme?venue=vienna-vic&date=2023-09-06"))
        .await
        .unwrap();
    let programme = browser
        .wait_for("ol.programme-items")
        .await
        .text()
        .await
        .unwrap();
    assert!(programme.contains("10:00–13:00 CEST"), "{programme}");
    browser.screenshot("daily-programme").await;

    // On a phone the calendar becomes one column and nothing spills sideways.
    browser.client.set_window_size(390, 844).await.unwrap();
    for page in [
        "/calendar?view=month&date=2023-12-11",
        "/sessions/cosp-10",
        "/programme?venue=vienna-vic&date=2023-09-06",
    ] {
        browser.client.goto(&server.url(page)).await.unwrap();
        browser.wait_for("main").await;
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
        .client
        .goto(&server.url("/calendar?view=month&date=2023-12-11"))
        .await
        .unwrap();
    browser.screenshot("calendar-phone").await;
    browser.close().await;
}

/// A Bureau member accepts a warning on the conflicts dashboard, with a reason.
#[tokio::test]
async fn a_bureau_member_accepts_a_warning_on_the_dashboard() {
    if !available() {
        return;
    }
    let db = TestDatabase::new(Backend::Sqlite).await;
    let server = TestServer::start(&db).await;
    // An evening meeting of the Implementation Review Group: outside Vienna's meeting windows.
    let secretariat = server.secretariat().await;
    let evening = serde_json::json!({
        "form": {
            "id": "irg-14-evening", "title": "Evening consultations", "kind": "informal_consultation",
            "sessions": ["irg-14"], "venue": "vienna-vic", "room": "vic-room-c3",
            "date": "2023-06-13", "start": "19:00", "end": "21:00", "interpretation": false,
            "status": "planned", "opened_at": ""
        },
        "create": true
    });
    let response = secretariat
        .post(server.url("/api/plan/save"))
        .json(&evening)
        .send()
        .await
        .unwrap();
    let outcome: serde_json::Value = response.json().await.unwrap();
    assert_eq!(outcome["saved"], "irg-14-evening", "{outcome}");

    let browser = Browser::start(true).await;
    browser
        .sign_in(&server.base_url, BUREAU_IRG.0, BUREAU_IRG.1)
        .await;
    browser.open_hydrated(&server.url("/conflicts")).await;
    let warning = "li.conflict.warning form.accept";
    browser.wait_for(warning).await;
    browser
        .fill(
            &format!("{warning} input[name='reason']"),
            "Informal consultations end late by agreement",
        )
        .await;
    browser.click(&format!("{warning} button")).await;
    browser.wait_for_text("ul.conflicts", "Accepted by").await;
    browser.screenshot("conflicts-accepted").await;
    browser.close().await;

    let (_, conflicts) = tests::get_json(&server, "/api/conflicts").await;
    let accepted = conflicts
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["kind"] == "outside_meeting_windows")
        .unwrap_or_else(|| panic!("{conflicts}"));
    assert_eq!(
        accepted["accepted"]["reason"], "Informal consultations end late by agreement",
        "{accepted}"
    );
}

/// The secretariat changes a body in the administration: choosing it fills the form, the save
/// answers in place, and the body's page shows the change.
#[tokio::test]
async fn the_secretariat_fills_the_body_form_from_a_stored_body_and_saves_a_change() {
    if !available() {
        return;
    }
    let db = TestDatabase::new(Backend::Sqlite).await;
    let server = TestServer::start(&db).await;
    let browser = Browser::start(true).await;
    browser
        .sign_in(
            &server.base_url,
            "secretariat@quorum.example",
            "demo-secretariat-quorum",
        )
        .await;
    browser.open_hydrated(&server.url("/admin")).await;
    browser.fill("#b-pick", "1").await;
    assert_eq!(browser.value_of("#b-code").await, "IRG");
    assert_eq!(
        browser.value_of("#b-short").await,
        "Implementation Review Group"
    );
    browser
        .fill("#b-short", "Implementation Review Group (renamed)")
        .await;
    browser.click(".body-form button[type='submit']").await;
    browser.wait_for_text(".body-form ~ .done", "saved").await;
    let (_, bodies) = tests::get_json(&server, "/api/bodies").await;
    assert!(
        bodies
            .to_string()
            .contains("Implementation Review Group (renamed)"),
        "{bodies}"
    );
    // The first choice empties the form for a new body.
    browser.fill("#b-pick", "").await;
    assert_eq!(browser.value_of("#b-code").await, "");
    browser.close().await;
}
