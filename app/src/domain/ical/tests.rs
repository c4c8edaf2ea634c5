use chrono::{DateTime, Utc};
use proptest::prelude::*;

use super::*;

fn event(summary: &str, description: &str) -> TimedEvent {
    TimedEvent {
        uid: "meeting-x@quorum".into(),
        summary: summary.into(),
        start: "2023-06-14T08:00:00Z".parse().unwrap(),
        end: "2023-06-14T11:00:00Z".parse().unwrap(),
        tz: "Europe/Vienna".parse().unwrap(),
        location: "Boardroom D, Vienna International Centre, Vienna".into(),
        url: "https://quorum.example/meetings/x".into(),
        categories: vec!["IRG".into(), "joint meeting".into()],
        description: description.into(),
        status: EventStatus::Confirmed,
        sequence: 2,
        last_modified: "2023-10-09T00:00:00Z".parse().unwrap(),
    }
}

fn feed(events: Vec<TimedEvent>) -> Feed {
    Feed {
        name: "Quorum — test".into(),
        refresh_minutes: 60,
        events,
        all_day: vec![],
    }
}

/// What TEXT becomes after escaping and unescaping: control characters dropped, line breaks
/// normalised to LF.
fn normalised(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    text.chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .collect()
}

fn parsed_property(ics: &str, name: &str) -> Option<String> {
    let unfolded = icalendar::parser::unfold(ics);
    let calendar = icalendar::parser::read_calendar(&unfolded).expect("parses");
    calendar
        .components
        .iter()
        .find(|c| c.name == "VEVENT")
        .and_then(|e| e.properties.iter().find(|p| p.name == name))
        // The crate's parser unescapes TEXT values itself.
        .map(|p| p.val.as_str().to_owned())
}

fn assert_well_formed(ics: &str) {
    assert!(ics.ends_with("\r\n"));
    for line in ics.split_terminator("\r\n") {
        assert!(line.len() <= 75, "line over 75 octets: {line:?}");
        assert!(
            !line.contains('\n') && !line.contains('\r'),
            "bare line break in {line:?}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn any_text_survives_escaping_and_folding_through_a_parser(summary in "\\PC{0,200}", description in any::<String>()) {
        let ics = feed(vec![event(&summary, &description)]).render();
        assert_well_formed(&ics);
        prop_assert_eq!(parsed_property(&ics, "SUMMARY").unwrap_or_default(), normalised(&summary));
        prop_assert_eq!(parsed_property(&ics, "DESCRIPTION").unwrap_or_default(), normalised(&description));
    }
}

#[test]
fn the_same_feed_renders_to_the_same_bytes() {
    let mut second = event("Second", "");
    second.uid = "meeting-y@quorum".into();
    let a = feed(vec![event("Joint meeting", "Agenda"), second]);
    let mut b = a.clone();
    b.events.reverse();
    assert_eq!(a.render(), b.render());
}

#[test]
fn an_event_carries_what_every_client_needs() {
    let ics = feed(vec![event("Joint meeting; IRG, WG", "Line one\nLine two")]).render();
    for expected in [
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Quorum//Quorum meeting planner//EN\r\n",
        "NAME:Quorum — test\r\nX-WR-CALNAME:Quorum — test\r\n",
        "REFRESH-INTERVAL;VALUE=DURATION:PT60M\r\nX-PUBLISHED-TTL:PT60M\r\n",
        "BEGIN:VTIMEZONE\r\nTZID:Europe/Vienna\r\n",
        "UID:meeting-x@quorum\r\nDTSTAMP:20231009T000000Z\r\n",
        "DTSTART;TZID=Europe/Vienna:20230614T100000\r\nDTEND;TZID=Europe/Vienna:20230614T130000\r\n",
        "SUMMARY:Joint meeting\\; IRG\\, WG\r\n",
        "DESCRIPTION:Line one\\nLine two\r\n",
        "URL;VALUE=URI:https://quorum.example/meetings/x\r\n",
        "CATEGORIES:IRG,joint meeting\r\n",
        "STATUS:CONFIRMED\r\nSEQUENCE:2\r\nLAST-MODIFIED:20231009T000000Z\r\n",
    ] {
        assert!(ics.contains(expected), "missing {expected:?} in\n{ics}");
    }
}

#[test]
fn all_day_events_end_on_the_next_day() {
    let stamp: DateTime<Utc> = "2023-05-01T00:00:00Z".parse().unwrap();
    let deadlines = Feed {
        name: "Deadlines".into(),
        refresh_minutes: 60,
        events: vec![],
        all_day: vec![AllDayEvent {
            uid: "call@quorum".into(),
            summary: "Deadline".into(),
            day: "2023-06-30".parse().unwrap(),
            description: String::new(),
            url: String::new(),
            categories: vec![],
            sequence: 0,
            last_modified: stamp,
        }],
    };
    let ics = deadlines.render();
    assert!(
        ics.contains("DTSTART;VALUE=DATE:20230630\r\nDTEND;VALUE=DATE:20230701\r\n"),
        "{ics}"
    );
    assert!(!ics.contains("VTIMEZONE"), "no zone is used");
}
