//! The calendar, timeline and programme builders over the demo data.

use chrono::NaiveDate;

use crate::wire::calendar::*;

use crate::domain::Dataset;

use super::calendar_page::calendar_page;
use super::programme_page::programme_page;
use super::timeline_page::timeline_page;

fn demo() -> Dataset {
    serde_json::from_str(include_str!("../../data/demo.json")).unwrap()
}

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn query(view: &str, date: &str) -> CalendarQuery {
    CalendarQuery {
        view: Some(view.into()),
        date: Some(date.into()),
        ..Default::default()
    }
}

#[test]
fn the_month_of_cosp_10_shows_its_opening_in_atlanta_time_and_the_viewers() {
    let data = demo();
    let mut q = query("month", "2023-12-11");
    q.tz = Some("Europe/Vienna".into());
    let page = calendar_page(&data, &[], q, day("2026-11-26"));
    assert_eq!(page.label, "December 2023");
    assert_eq!(page.days.len(), 35);
    let opening = page.days.iter().find(|d| d.date == "2023-12-11").unwrap();
    let event = opening
        .events
        .iter()
        .find(|e| e.id == "cosp-10-opening")
        .unwrap();
    assert!(event.time.starts_with("10:00–"), "{}", event.time);
    assert!(event.time.ends_with("EST"), "{}", event.time);
    assert_eq!(
        event
            .viewer_time
            .as_deref()
            .map(|t| t.starts_with("16:00–")),
        Some(true)
    );
    assert!(opening
        .sessions
        .iter()
        .any(|s| s.id == "cosp-10" && s.day_of == "day 1 of 5" && s.short == "COSP 10"));
    // Same zone as the venue: nothing beside it.
    let mut q = query("month", "2023-12-11");
    q.tz = Some("America/New_York".into());
    let page = calendar_page(&data, &[], q, day("2026-11-26"));
    assert!(page
        .days
        .iter()
        .flat_map(|d| &d.events)
        .all(|e| e.viewer_time.is_none()));
}

#[test]
fn seen_from_tokyo_the_atlanta_opening_is_listed_on_its_day_with_tokyos_day_beside_it() {
    let data = demo();
    let mut q = query("month", "2023-12-11");
    q.tz = Some("Asia/Tokyo".into());
    let page = calendar_page(&data, &[], q, day("2026-11-26"));
    let monday = page.days.iter().find(|d| d.date == "2023-12-11").unwrap();
    let opening = monday
        .events
        .iter()
        .find(|e| e.id == "cosp-10-opening")
        .expect("listed under Monday 11 December, its day in Atlanta");
    assert_eq!(opening.time, "10:00–13:00 EST");
    assert_eq!(
        opening.viewer_time.as_deref(),
        Some("Tue 12 Dec 00:00–03:00 JST your time (Asia/Tokyo)")
    );
}

#[test]
fn a_bodys_calendar_opens_on_its_latest_meeting_and_an_empty_month_names_the_nearest() {
    let data = demo();
    let mut q = query("month", "");
    q.date = None;
    q.body = Some("IRG".into());
    let page = calendar_page(&data, &[], q, day("2026-11-26"));
    // Every IRG meeting of the demo is past: the month of the latest one opens.
    assert_ne!(page.label, "November 2026");
    assert!(
        page.days.iter().any(|d| !d.events.is_empty()),
        "{}",
        page.label
    );
    assert!(page.nearest.is_none());

    let empty = calendar_page(&data, &[], query("month", "2025-02-10"), day("2026-11-26"));
    assert!(empty.days.iter().all(|d| d.events.is_empty()));
    let (said, nearest_day) = empty.nearest.expect("the nearest meeting is named");
    assert!(said.starts_with("The nearest meeting is “"), "{said}");
    assert!(nearest_day.parse::<NaiveDate>().is_ok(), "{nearest_day}");
}

#[test]
fn filters_narrow_the_calendar_and_unknown_values_are_reported() {
    let data = demo();
    let mut q = query("list", "2023-01-01");
    q.body = Some("WG-PREV".into());
    let page = calendar_page(&data, &[], q, day("2026-11-26"));
    assert!(!page.days.is_empty());
    assert!(page
        .days
        .iter()
        .flat_map(|d| &d.sessions)
        .all(|s| s.body == "WG-PREV"));
    assert!(page
        .days
        .iter()
        .flat_map(|d| &d.events)
        .all(|e| e.bodies.contains(&"WG-PREV".to_string())));
    let mut q = query("list", "2023-01-01");
    q.body = Some("NOPE".into());
    q.tz = Some("Mars/Olympus".into());
    let page = calendar_page(&data, &[], q, day("2026-11-26"));
    let notice = page.notice.unwrap();
    assert!(
        notice.contains("\"NOPE\"") && notice.contains("Mars/Olympus"),
        "{notice}"
    );
    assert_eq!(page.query.body, None);
}

#[test]
fn the_timeline_puts_joint_meetings_in_each_of_their_bodies_rows() {
    let data = demo();
    let page = timeline_page(&data, &[], TimelineQuery::default());
    assert_eq!((page.from, page.to), (2022, 2026));
    assert_eq!(page.years.len(), 5);
    // Each bar is labelled: the row names the body, the bar its number.
    let irg = page.rows.iter().find(|r| r.body == "IRG").unwrap();
    let short_of = |href: &str| {
        irg.bars
            .iter()
            .find(|b| b.href == href)
            .map(|b| b.short.clone())
    };
    assert_eq!(short_of("/sessions/irg-14").as_deref(), Some("14"));
    // Labels never overlap: one that would run into the label before it is left out.
    for row in &page.rows {
        let labelled: Vec<&TimelineBar> = row.bars.iter().filter(|b| !b.short.is_empty()).collect();
        for pair in labelled.windows(2) {
            let end = pair[0].left + pair[0].width + 0.6 * pair[0].short.chars().count() as f64;
            assert!(
                end <= pair[1].left,
                "{}: {} runs into {}",
                row.body,
                pair[0].short,
                pair[1].short
            );
        }
    }
    let joint_in = |code: &str| {
        page.rows
            .iter()
            .find(|r| r.body == code)
            .unwrap()
            .bars
            .iter()
            .any(|b| b.href == "/meetings/joint-2023-09-morning" && !b.joint_with.is_empty())
    };
    assert!(joint_in("IRG") && joint_in("WG-AR") && joint_in("EM-IC"));
    assert!(!joint_in("COSP"));
    assert!(page
        .rows
        .iter()
        .flat_map(|r| &r.bars)
        .all(|b| b.left >= 0.0 && b.left + b.width <= 100.0 + 1e-9));
}

#[test]
fn the_daily_programme_lists_a_days_meetings_with_rooms_in_time_order() {
    let data = demo();
    let page = programme_page(
        &data,
        ProgrammeQuery {
            date: Some("2023-09-06".into()),
            venue: Some("vienna-vic".into()),
        },
        day("2026-11-26"),
    )
    .unwrap();
    let ids: Vec<&str> = page.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["joint-2023-09-morning", "joint-2023-09-afternoon"]);
    assert!(page.items[0].time.starts_with("10:00–"));
    assert_eq!(page.items[0].sessions.len(), 3);
    let err = programme_page(
        &data,
        ProgrammeQuery {
            date: Some("6 Sept".into()),
            venue: None,
        },
        day("2026-11-26"),
    )
    .unwrap_err();
    assert!(err.to_string().contains("date"), "{err}");
}
