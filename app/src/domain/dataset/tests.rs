use chrono::{DateTime, Utc};

use super::*;
use crate::domain::conflicts::MAX_BODIES;

fn demo() -> Dataset {
    serde_json::from_str(include_str!("../../../data/demo.json")).expect("demo parses")
}

fn errors_of(data: &Dataset) -> Vec<String> {
    match data.validate() {
        Ok(()) => vec![],
        Err(e) => e.all().iter().map(|e| e.to_string()).collect(),
    }
}

fn assert_refused(data: &Dataset, expected: &str) {
    let errors = errors_of(data);
    assert!(
        errors.iter().any(|e| e == expected),
        "expected {expected:?}, got {errors:?}"
    );
}

fn session<'a>(data: &'a mut Dataset, id: &str) -> &'a mut Session {
    data.sessions
        .iter_mut()
        .find(|s| s.id.as_str() == id)
        .unwrap()
}

fn meeting<'a>(data: &'a mut Dataset, id: &str) -> &'a mut Meeting {
    data.meetings
        .iter_mut()
        .find(|m| m.id.as_str() == id)
        .unwrap()
}

fn instant(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

#[test]
fn the_demo_dataset_is_valid() {
    assert_eq!(errors_of(&demo()), Vec::<String>::new());
}

#[test]
fn the_demo_has_the_conference_and_its_four_subsidiary_bodies() {
    let demo = demo();
    let codes: Vec<&str> = demo.bodies.iter().map(|b| b.code.as_str()).collect();
    assert_eq!(codes, ["COSP", "IRG", "WG-PREV", "WG-AR", "EM-IC"]);
    assert!(demo.bodies[1..]
        .iter()
        .all(|b| b.parent.as_ref().map(|p| p.as_str()) == Some("COSP")));
}

#[test]
fn the_demo_titles_match_the_seed() {
    let demo = demo();
    let title =
        |id: &str| demo.session_title(demo.sessions.iter().find(|s| s.id.as_str() == id).unwrap());
    assert_eq!(
        title("irg-13-resumed-2"),
        "second resumed thirteenth session of the Implementation Review Group"
    );
    assert_eq!(
        title("irg-14-resumed-1"),
        "resumed fourteenth session of the Implementation Review Group"
    );
    assert_eq!(
        title("cosp-10"),
        "tenth session of the Conference of the States Parties to the United Nations Convention against Corruption"
    );
    assert_eq!(
        title("em-ic-12"),
        "twelfth open-ended intergovernmental expert meeting to enhance international cooperation under the United Nations Convention against Corruption"
    );
    assert_eq!(
        title("cosp-special-asset-recovery"),
        "special session of the Conference of the States Parties to the United Nations Convention against Corruption on asset recovery"
    );
}

#[test]
fn the_demo_joint_meetings_belong_to_every_body_session() {
    let demo = demo();
    let june = demo
        .meetings
        .iter()
        .find(|m| m.id.as_str() == "joint-2023-06-morning")
        .unwrap();
    assert_eq!(
        june.sessions.iter().map(|s| s.as_str()).collect::<Vec<_>>(),
        ["irg-14", "wg-prev-14"]
    );
    let september = demo
        .meetings
        .iter()
        .find(|m| m.id.as_str() == "joint-2023-09-morning")
        .unwrap();
    assert_eq!(september.sessions.len(), 3);
    assert_eq!(
        demo.panels
            .iter()
            .filter(|p| p.meeting.as_str().starts_with("joint-2023"))
            .count(),
        4
    );
    assert_eq!(
        demo.panels
            .iter()
            .filter(|p| p.meeting.as_str().starts_with("intersessional"))
            .count(),
        7
    );
}

#[test]
fn the_demo_workplan_follows_the_annex() {
    let demo = demo();
    let plan = demo.workplan.as_ref().unwrap();
    assert_eq!(plan.status, WorkplanStatus::Approved);
    assert_eq!(plan.silence_deadline, "2023-06-09".parse().ok());
    let entry = |id: &str| {
        demo.workplan_entries
            .iter()
            .find(|e| e.id.as_str() == id)
            .unwrap()
    };
    assert_eq!(
        entry("wp-2023-09").paragraphs.numbers().collect::<Vec<_>>(),
        [16, 17, 18, 19]
    );
    assert!(entry("wp-2023-06").agreed_by_extended_bureau);
    assert_eq!(
        entry("wp-2025-ar-em-ic").paragraphs.to_string(),
        "14, 15, 33, 34"
    );
    assert_eq!(entry("wp-2026-prev").year, Some(2026));
    let intersessional = demo
        .sessions
        .iter()
        .find(|s| s.id.as_str() == "cosp-intersessional-2022")
        .unwrap();
    let registration = intersessional.registration.as_ref().unwrap();
    assert_eq!(
        (
            registration.total,
            registration.governments,
            registration.civil_society,
            registration.international_organisations
        ),
        (Some(730), 560, 130, 30)
    );
    assert_eq!(demo.contribution_tallies[0].states_parties, 35);
}

#[test]
fn a_meeting_ending_before_it_starts_is_refused() {
    let mut data = demo();
    let m = meeting(&mut data, "cosp-10-opening");
    m.end = m.start - chrono::Duration::hours(1);
    assert_refused(&data, "meeting cosp-10-opening: end: end before start");
}

#[test]
fn a_session_ending_before_it_starts_is_refused() {
    let mut data = demo();
    session(&mut data, "cosp-10").dates = SessionDates::Days {
        start: "2023-12-15".parse().unwrap(),
        end: "2023-12-11".parse().unwrap(),
    };
    assert_refused(&data, "session cosp-10: dates: end before start");
}

#[test]
fn an_unknown_time_zone_is_refused() {
    let mut data = demo();
    data.venues[0].time_zone = "Europe/Atlantis".into();
    let id = data.venues[0].id.clone();
    assert_refused(&data, &format!("venue {id}: time_zone: unknown time zone: \"Europe/Atlantis\" is not an IANA time zone"));
}

#[test]
fn a_meeting_outside_its_session_is_refused() {
    let mut data = demo();
    let m = meeting(&mut data, "cosp-10-opening");
    m.start = instant("2023-12-20T15:00:00Z");
    m.end = instant("2023-12-20T18:00:00Z");
    assert_refused(
        &data,
        "meeting cosp-10-opening: start: meeting outside its session cosp-10",
    );
}

#[test]
fn session_days_are_reckoned_in_the_venue_time_zone() {
    // 23:30 UTC on 10 December is 18:30 in Atlanta on the 10th: before the session.
    let mut data = demo();
    let m = meeting(&mut data, "cosp-10-opening");
    m.start = instant("2023-12-10T23:30:00Z");
    m.end = instant("2023-12-11T01:00:00Z");
    assert_refused(
        &data,
        "meeting cosp-10-opening: start: meeting outside its session cosp-10",
    );
    // 03:00 UTC on 16 December is still the 15th in Atlanta: inside.
    let m = meeting(&mut data, "cosp-10-opening");
    m.start = instant("2023-12-16T01:00:00Z");
    m.end = instant("2023-12-16T03:00:00Z");
    assert!(errors_of(&data).is_empty(), "{:?}", errors_of(&data));
}

#[test]
fn an_unknown_body_is_refused() {
    let mut data = demo();
    session(&mut data, "irg-14").body = BodyCode::parse("NOPE").unwrap();
    assert_refused(&data, "session irg-14: body: unknown body NOPE");
}

#[test]
fn a_duplicate_session_number_for_a_body_is_refused() {
    let mut data = demo();
    session(&mut data, "irg-15").number = Some(14);
    assert_refused(
        &data,
        "session irg-15: number: IRG already has a regular session number 14",
    );
}

#[test]
fn overlapping_paragraph_ranges_given_twice_are_refused() {
    let json = include_str!("../../../data/demo.json").replace("\"16–19\"", "\"16–19, 18\"");
    let data: Dataset = serde_json::from_str(&json).unwrap();
    assert_refused(
        &data,
        "workplan entry wp-2023-09: paragraphs: paragraph 18 is given twice",
    );
}

#[test]
fn a_resumed_session_without_its_original_is_refused() {
    let mut data = demo();
    data.sessions.retain(|s| s.id.as_str() != "irg-13");
    assert_refused(&data, "session irg-13-resumed-1: number: resumed session without its original: IRG has no regular session 13");
}

#[test]
fn a_second_resumed_part_needs_the_first() {
    let mut data = demo();
    data.sessions
        .retain(|s| s.id.as_str() != "irg-13-resumed-1");
    assert_refused(
        &data,
        "session irg-13-resumed-2: resumed: part 2 needs part 1 of the same session",
    );
}

#[test]
fn a_joint_meeting_needs_two_bodies() {
    let mut data = demo();
    meeting(&mut data, "joint-2023-06-morning")
        .sessions
        .truncate(1);
    assert_refused(&data, "meeting joint-2023-06-morning: sessions: a joint meeting needs sessions of at least two bodies");
}

#[test]
fn a_room_of_another_venue_is_refused() {
    let mut data = demo();
    meeting(&mut data, "cosp-10-opening").room = Some(Id::parse("vic-boardroom-d").unwrap());
    assert_refused(
        &data,
        "meeting cosp-10-opening: room: room vic-boardroom-d is at venue vienna-vic, not atlanta",
    );
}

#[test]
fn every_error_is_reported_not_only_the_first() {
    let mut data = demo();
    session(&mut data, "irg-14").body = BodyCode::parse("NOPE").unwrap();
    data.venues[1].time_zone = "Mars/Olympus".into();
    assert!(errors_of(&data).len() >= 2);
}

#[test]
fn canonical_order_is_stable() {
    let mut data = demo();
    data.canonicalize();
    let once = serde_json::to_string(&data).unwrap();
    data.sessions.reverse();
    data.meetings.reverse();
    data.canonicalize();
    assert_eq!(once, serde_json::to_string(&data).unwrap());
}

/// A body that differs from the demo's only in its code and position.
fn extra_body(data: &Dataset, n: usize) -> Body {
    Body {
        code: BodyCode::parse(&format!("EXTRA-{n}")).unwrap(),
        position: 100 + n as i32,
        ..data.bodies[1].clone()
    }
}

#[test]
fn sixty_four_bodies_are_held_and_a_sixty_fifth_is_refused() {
    let mut data = demo();
    let mut n = 0;
    while data.bodies.len() < MAX_BODIES {
        n += 1;
        data.bodies.push(extra_body(&data, n));
    }
    assert_eq!(errors_of(&data), Vec::<String>::new());
    data.bodies.push(extra_body(&data, n + 1));
    assert_refused(
        &data,
        "dataset: bodies: Quorum holds at most 64 bodies, and this would make 65; remove one before adding another",
    );
}

#[test]
fn texts_are_held_to_their_limit_naming_the_field_and_the_limit() {
    let mut data = demo();
    meeting(&mut data, "cosp-10-opening").title = "x".repeat(SHORT_TEXT_MAX);
    session(&mut data, "cosp-10").notes = Some("é".repeat(LONG_TEXT_MAX));
    assert_eq!(errors_of(&data), Vec::<String>::new(), "at the limit");

    meeting(&mut data, "cosp-10-opening").title = "x".repeat(200_000);
    session(&mut data, "cosp-10").notes = Some("é".repeat(LONG_TEXT_MAX + 1));
    data.venues[0].rooms[0].name = "y".repeat(SHORT_TEXT_MAX + 1);
    let room = data.venues[0].rooms[0].id.clone();
    assert_refused(
        &data,
        "meeting cosp-10-opening: title: is 200000 characters long; at most 500 are allowed",
    );
    assert_refused(
        &data,
        "session cosp-10: notes: is 20001 characters long; at most 20000 are allowed",
    );
    assert_refused(
        &data,
        &format!("room {room}: name: is 501 characters long; at most 500 are allowed"),
    );
}

#[test]
fn direction_overrides_and_isolates_are_refused_in_stored_text() {
    for control in [
        '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}',
        '\u{2068}', '\u{2069}',
    ] {
        let mut data = demo();
        meeting(&mut data, "cosp-10-opening").title = format!("Opening{control}gnineppo");
        data.bodies[0].short_name = format!("COSP{control}");
        let code = u32::from(control);
        for expected in [
            format!("meeting cosp-10-opening: title: contains the invisible direction control U+{code:04X}, which makes text display other than it reads; type the text without it"),
            format!("body COSP: short_name: contains the invisible direction control U+{code:04X}, which makes text display other than it reads; type the text without it"),
        ] {
            assert_refused(&data, &expected);
        }
    }
}

#[test]
fn direction_marks_and_arabic_text_are_kept() {
    let mut data = demo();
    // U+200F (right-to-left mark) and U+200E (left-to-right mark), as Arabic text uses them.
    meeting(&mut data, "cosp-10-opening").title =
        "الجلسة الافتتاحية\u{200F} (COSP\u{200E}/10)".into();
    assert_eq!(errors_of(&data), Vec::<String>::new());
}

#[test]
fn one_check_reads_every_text() {
    assert_eq!(check_text("Vienna", SHORT_TEXT_MAX), Ok(()));
    assert_eq!(check_text("", SHORT_TEXT_MAX), Ok(()));
    assert_eq!(
        check_text("a\0b", SHORT_TEXT_MAX),
        Err("contains a NUL character, which cannot be stored".into())
    );
    assert_eq!(
        check_text("abc", 2),
        Err("is 3 characters long; at most 2 are allowed".into())
    );
    // Characters are counted, not bytes.
    assert_eq!(check_text("éé", 2), Ok(()));
}

#[test]
fn a_nul_in_an_imported_text_is_refused() {
    let mut data = demo();
    data.venues[0].city = "Vienna\0".into();
    let id = data.venues[0].id.clone();
    assert_refused(
        &data,
        &format!("venue {id}: city: contains a NUL character, which cannot be stored"),
    );
}
