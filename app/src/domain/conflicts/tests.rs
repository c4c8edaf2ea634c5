use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use proptest::prelude::*;

use super::*;
use crate::domain::*;

fn id(s: &str) -> Id {
    Id::parse(s).unwrap()
}

fn code(s: &str) -> BodyCode {
    BodyCode::parse(s).unwrap()
}

fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn body(c: &str, open: bool, position: i32) -> Body {
    Body {
        code: code(c),
        name: format!("Body {c}"),
        short_name: format!("Body {c}"),
        parent: None,
        open_to_all_states: open,
        title_style: TitleStyle::SessionOf,
        position,
    }
}

fn venue(key: &str, tz: &str, teams: u32) -> Venue {
    Venue {
        id: id(key),
        name: key.into(),
        city: key.into(),
        country: "AT".into(),
        time_zone: tz.into(),
        rooms: (1..=2)
            .map(|r| Room {
                id: id(&format!("{key}-room-{r}")),
                name: format!("Room {r}"),
                capacity: 100,
                interpretation_booths: 6,
            })
            .collect(),
        closures: vec![],
        interpretation_teams: teams,
        meeting_windows: vec![],
        illustrative: false,
    }
}

fn session(key: &str, body: &str, start: &str, end: &str) -> Session {
    Session {
        id: id(key),
        body: code(body),
        kind: SessionKind::Regular,
        number: Some(1),
        resumed: None,
        subject: None,
        venue: None,
        format: SessionFormat::InPerson,
        dates: SessionDates::Days {
            start: day(start),
            end: day(end),
        },
        status: SessionStatus::Planned,
        languages: vec![],
        registration: None,
        illustrative: false,
        notes: None,
    }
}

fn meeting(key: &str, sessions: &[&str], venue: &str, start: &str, end: &str) -> Meeting {
    Meeting {
        id: id(key),
        title: format!("Meeting {key}"),
        kind: if sessions.len() > 1 {
            MeetingType::JointMeeting
        } else {
            MeetingType::Plenary
        },
        sessions: sessions.iter().map(|s| id(s)).collect(),
        venue: id(venue),
        room: None,
        start: at(start),
        end: at(end),
        participants: vec![],
        interpretation: false,
        illustrative: false,
        status: MeetingStatus::Planned,
        sequence: 0,
        updated_at: None,
    }
}

/// Five bodies (four open to all States, one not), Vienna, New York and Tokyo, sessions all of
/// 2023 for every body, and two persons.
fn base() -> Dataset {
    let mut data = Dataset::empty();
    data.bodies = vec![
        body("A", true, 0),
        body("B", true, 1),
        body("C", true, 2),
        body("D", true, 3),
        body("X", false, 4),
    ];
    data.venues = vec![
        venue("vienna", "Europe/Vienna", 2),
        venue("new-york", "America/New_York", 2),
        venue("tokyo", "Asia/Tokyo", 2),
    ];
    data.sessions = ["A", "B", "C", "D", "X"]
        .iter()
        .map(|b| {
            session(
                &format!("s-{}", b.to_lowercase()),
                b,
                "2023-01-01",
                "2023-12-31",
            )
        })
        .collect();
    data.persons = ["ana", "ben"]
        .iter()
        .map(|p| Person {
            id: id(p),
            name: p.to_string(),
            title: None,
            gender: Gender::Undisclosed,
            affiliation: None,
            email: None,
        })
        .collect();
    data
}

fn kinds(data: &Dataset) -> Vec<ConflictKind> {
    let calendar = MeetingIndex::build(data).unwrap();
    let conflicts = calendar.scan();
    assert_eq!(
        conflicts,
        reference::scan(&calendar),
        "engine and reference disagree"
    );
    conflicts.iter().map(|c| c.kind).collect()
}

fn views(data: &Dataset) -> Vec<ConflictView> {
    let calendar = MeetingIndex::build(data).unwrap();
    calendar
        .scan()
        .iter()
        .map(|c| calendar.view(c, None))
        .collect()
}

// Vienna is UTC+2 in June: 08:00Z is 10:00 local.
const JUNE_MORNING: (&str, &str) = ("2023-06-14T08:00:00Z", "2023-06-14T11:00:00Z");

#[test]
fn two_meetings_of_one_body_at_once_are_a_blocking_conflict_naming_both() {
    let mut data = base();
    data.meetings = vec![
        meeting(
            "opening",
            &["s-a"],
            "vienna",
            JUNE_MORNING.0,
            JUNE_MORNING.1,
        ),
        meeting(
            "briefing",
            &["s-a"],
            "vienna",
            "2023-06-14T09:00:00Z",
            "2023-06-14T10:00:00Z",
        ),
    ];
    assert_eq!(kinds(&data), [ConflictKind::SameBodyOverlap]);
    let view = &views(&data)[0];
    assert_eq!(view.severity, Severity::Blocking);
    assert_eq!(view.id, "same_body_overlap:A:briefing:opening");
    assert!(
        view.explanation.contains("Meeting opening"),
        "{}",
        view.explanation
    );
    assert!(view.explanation.contains("Meeting briefing"));
    assert!(view.explanation.contains("Body A"));
    assert!(
        view.explanation
            .contains("2023-06-14 10:00–13:00 Europe/Vienna"),
        "{}",
        view.explanation
    );
}

#[test]
fn meetings_that_only_touch_do_not_overlap() {
    let mut data = base();
    data.meetings = vec![
        meeting(
            "first",
            &["s-a"],
            "vienna",
            "2023-06-14T08:00:00Z",
            "2023-06-14T09:00:00Z",
        ),
        meeting(
            "second",
            &["s-a"],
            "vienna",
            "2023-06-14T09:00:00Z",
            "2023-06-14T10:00:00Z",
        ),
    ];
    assert!(kinds(&data).is_empty());
}

#[test]
fn a_joint_meeting_overlapping_a_meeting_of_its_own_body_is_its_own_kind() {
    let mut data = base();
    data.meetings = vec![
        meeting(
            "joint",
            &["s-a", "s-b"],
            "vienna",
            JUNE_MORNING.0,
            JUNE_MORNING.1,
        ),
        meeting(
            "a-alone",
            &["s-a"],
            "vienna",
            JUNE_MORNING.0,
            JUNE_MORNING.1,
        ),
    ];
    assert_eq!(kinds(&data), [ConflictKind::JointMeetingOverlap]);
}

#[test]
fn open_ended_bodies_must_not_meet_in_parallel_unless_the_rules_say_otherwise() {
    let mut data = base();
    data.meetings = vec![
        meeting("a", &["s-a"], "vienna", JUNE_MORNING.0, JUNE_MORNING.1),
        meeting("b", &["s-b"], "vienna", JUNE_MORNING.0, JUNE_MORNING.1),
        meeting("x", &["s-x"], "vienna", JUNE_MORNING.0, JUNE_MORNING.1),
    ];
    // X is not open to all States: only A and B clash.
    assert_eq!(kinds(&data), [ConflictKind::ParallelBodies]);
    assert!(views(&data)[0]
        .explanation
        .contains("must not meet in parallel"));
    data.conflict_rules = Some(ConflictRules {
        parallel_groups: Some(vec![vec![code("A"), code("X")]]),
        ..Default::default()
    });
    assert_eq!(kinds(&data), [ConflictKind::ParallelBodies]);
    assert_eq!(views(&data)[0].id, "parallel_bodies:A+X:a:x");
    data.conflict_rules = Some(ConflictRules {
        parallel_groups: Some(vec![]),
        ..Default::default()
    });
    assert!(kinds(&data).is_empty());
}

#[test]
fn a_room_booked_twice_is_a_conflict() {
    let mut data = base();
    let mut a = meeting("a", &["s-a"], "vienna", JUNE_MORNING.0, JUNE_MORNING.1);
    let mut x = meeting("x", &["s-x"], "vienna", JUNE_MORNING.0, JUNE_MORNING.1);
    a.room = Some(id("vienna-room-1"));
    x.room = Some(id("vienna-room-1"));
    data.meetings = vec![a, x];
    assert_eq!(kinds(&data), [ConflictKind::RoomDoubleBooked]);
    assert!(views(&data)[0].explanation.contains("vienna-room-1"));
}

#[test]
fn a_person_in_two_meetings_at_once_or_without_travel_time_is_warned() {
    let mut data = base();
    let mut a = meeting("a", &["s-a"], "vienna", JUNE_MORNING.0, JUNE_MORNING.1);
    let mut x = meeting(
        "x",
        &["s-x"],
        "vienna",
        "2023-06-14T09:00:00Z",
        "2023-06-14T10:30:00Z",
    );
    a.participants = vec![id("ana")];
    x.participants = vec![id("ana")];
    data.meetings = vec![a.clone(), x];
    assert_eq!(kinds(&data), [ConflictKind::PersonDoubleBooked]);
    assert!(views(&data)[0].explanation.contains("ana"));
    assert_eq!(views(&data)[0].severity, Severity::Warning);

    // New York at 14:00Z is 10:00 local: three hours after Vienna ends, but not four.
    let mut ny = meeting(
        "ny",
        &["s-x"],
        "new-york",
        "2023-06-14T14:00:00Z",
        "2023-06-14T16:00:00Z",
    );
    ny.participants = vec![id("ana")];
    data.meetings = vec![a, ny];
    data.conflict_rules = Some(ConflictRules {
        min_travel_minutes: 240,
        ..Default::default()
    });
    assert_eq!(kinds(&data), [ConflictKind::PersonTravelTime]);
    data.conflict_rules = Some(ConflictRules {
        min_travel_minutes: 180,
        ..Default::default()
    });
    assert!(kinds(&data).is_empty());
}

#[test]
fn a_venue_cannot_interpret_more_meetings_than_it_has_teams() {
    let mut data = base();
    data.meetings = ["a", "x", "y"]
        .iter()
        .enumerate()
        .map(|(i, k)| {
            let mut m = meeting(k, &["s-x"], "vienna", JUNE_MORNING.0, JUNE_MORNING.1);
            m.start += chrono::Duration::minutes(i as i64 * 10);
            m.interpretation = true;
            m
        })
        .collect();
    data.conflict_rules = Some(ConflictRules {
        parallel_groups: Some(vec![]),
        ..Default::default()
    });
    let found = kinds(&data);
    assert_eq!(
        found
            .iter()
            .filter(|k| **k == ConflictKind::InterpretationCapacity)
            .count(),
        1
    );
    let view = views(&data)
        .into_iter()
        .find(|v| v.kind == ConflictKind::InterpretationCapacity)
        .unwrap();
    assert_eq!(view.meetings, ["y"]);
    assert!(
        view.explanation
            .contains("one of 3 meetings with interpretation"),
        "{}",
        view.explanation
    );
}

#[test]
fn a_meeting_on_a_closure_of_its_venue_is_blocked() {
    let mut data = base();
    data.venues[0].closures = vec![Closure {
        start: day("2023-12-25"),
        end: day("2023-12-26"),
        reason: "Christmas".into(),
    }];
    data.meetings = vec![meeting(
        "a",
        &["s-a"],
        "vienna",
        "2023-12-26T09:00:00Z",
        "2023-12-26T12:00:00Z",
    )];
    assert_eq!(kinds(&data), [ConflictKind::VenueClosed]);
    assert!(views(&data)[0].explanation.contains("Christmas"));
}

#[test]
fn meeting_windows_follow_local_time_across_the_daylight_saving_change() {
    let mut data = base();
    // Vienna moved to summer time on 26 March 2023: 08:00Z was 09:00 on the 25th, 10:00 on the 26th.
    data.meetings = vec![meeting(
        "before",
        &["s-a"],
        "vienna",
        "2023-03-25T08:00:00Z",
        "2023-03-25T11:00:00Z",
    )];
    assert_eq!(kinds(&data), [ConflictKind::OutsideMeetingWindows]);
    data.meetings = vec![meeting(
        "after",
        &["s-a"],
        "vienna",
        "2023-03-26T08:00:00Z",
        "2023-03-26T11:00:00Z",
    )];
    assert!(kinds(&data).is_empty());
    // Back to winter time on 29 October: 09:00Z is 10:00 local again.
    data.meetings = vec![meeting(
        "autumn",
        &["s-a"],
        "vienna",
        "2023-10-29T09:00:00Z",
        "2023-10-29T12:00:00Z",
    )];
    assert!(kinds(&data).is_empty());
}

#[test]
fn a_meeting_crossing_midnight_utc_stays_on_its_local_day() {
    let mut data = base();
    data.venues[1].meeting_windows = vec![TimeWindow {
        start: NaiveTime::from_hms_opt(17, 0, 0).unwrap(),
        end: NaiveTime::from_hms_opt(21, 0, 0).unwrap(),
    }];
    data.sessions[0].dates = SessionDates::Days {
        start: day("2023-12-11"),
        end: day("2023-12-11"),
    };
    // 17:00–20:00 in New York on 11 December is 22:00Z on the 11th to 01:00Z on the 12th.
    data.meetings = vec![meeting(
        "evening",
        &["s-a"],
        "new-york",
        "2023-12-11T22:00:00Z",
        "2023-12-12T01:00:00Z",
    )];
    assert!(kinds(&data).is_empty());
}

#[test]
fn the_same_instant_is_inside_windows_in_one_zone_and_outside_in_another() {
    let mut data = base();
    // 01:00Z is 10:00 in Tokyo and 03:00 in Vienna (summer).
    data.meetings = vec![meeting(
        "tokyo",
        &["s-a"],
        "tokyo",
        "2023-06-14T01:00:00Z",
        "2023-06-14T03:00:00Z",
    )];
    assert!(kinds(&data).is_empty());
    data.meetings = vec![meeting(
        "vienna",
        &["s-a"],
        "vienna",
        "2023-06-14T01:00:00Z",
        "2023-06-14T03:00:00Z",
    )];
    assert_eq!(kinds(&data), [ConflictKind::OutsideMeetingWindows]);
}

#[test]
fn meetings_outside_their_session_deadlines_after_panels_and_empty_workplan_years_are_warned() {
    let mut data = base();
    data.sessions[0].dates = SessionDates::Days {
        start: day("2023-06-12"),
        end: day("2023-06-13"),
    };
    data.meetings = vec![meeting(
        "late",
        &["s-a"],
        "vienna",
        JUNE_MORNING.0,
        JUNE_MORNING.1,
    )];
    data.panels = vec![Panel {
        id: id("panel"),
        meeting: id("late"),
        topic: "Topic".into(),
        workplan_entry: None,
        moderator: None,
        panellists: vec![],
        planned_size: None,
        notes: None,
        position: 1,
    }];
    data.calls_for_nominations = vec![CallForNominations {
        id: id("call"),
        note_verbale_date: day("2023-05-01"),
        deadline: day("2023-06-20"),
        panel: Some(id("panel")),
        topic: None,
        quota_per_state: None,
    }];
    data.workplan_entries = vec![WorkplanEntry {
        id: id("entry"),
        bodies: vec![code("B")],
        year: Some(2024),
        session: None,
        paragraphs: ParagraphSet::parse("1").unwrap(),
        sections: vec![],
        topics: vec![],
        agreed_by_extended_bureau: false,
        notes: None,
        position: 1,
    }];
    assert_eq!(
        kinds(&data),
        [
            ConflictKind::OutsideSession,
            ConflictKind::DeadlineAfterPanel,
            ConflictKind::WorkplanYearWithoutSession
        ]
    );
    let texts: Vec<String> = views(&data).into_iter().map(|v| v.explanation).collect();
    assert!(texts[2].contains("holds no session in 2024"), "{texts:?}");
}

#[test]
fn severities_follow_the_rules() {
    let mut data = base();
    data.meetings = vec![meeting(
        "night",
        &["s-a"],
        "vienna",
        "2023-06-14T20:00:00Z",
        "2023-06-14T21:00:00Z",
    )];
    assert_eq!(views(&data)[0].severity, Severity::Warning);
    data.conflict_rules = Some(ConflictRules {
        severities: [(ConflictKind::OutsideMeetingWindows, Severity::Blocking)].into(),
        ..Default::default()
    });
    assert_eq!(views(&data)[0].severity, Severity::Blocking);
}

#[test]
fn checking_a_moved_meeting_ignores_its_old_self_and_names_the_new_clash() {
    let mut data = base();
    data.meetings = vec![
        meeting("a", &["s-a"], "vienna", JUNE_MORNING.0, JUNE_MORNING.1),
        meeting(
            "a2",
            &["s-a"],
            "vienna",
            "2023-06-15T08:00:00Z",
            "2023-06-15T11:00:00Z",
        ),
    ];
    let calendar = MeetingIndex::build(&data).unwrap();
    assert!(calendar.scan().is_empty());
    // Moving "a" an hour later still only touches its old place, which it leaves.
    let mut moved = data.meetings[0].clone();
    moved.start = at("2023-06-14T09:00:00Z");
    moved.end = at("2023-06-14T11:00:00Z");
    let proposal = calendar
        .proposal(&Proposal {
            meeting: moved.clone(),
            persons: vec![],
        })
        .unwrap();
    assert!(calendar.check(&proposal).is_empty());
    // Moving it onto "a2" clashes.
    moved.start = at("2023-06-15T09:00:00Z");
    moved.end = at("2023-06-15T10:00:00Z");
    let proposal = calendar
        .proposal(&Proposal {
            meeting: moved,
            persons: vec![],
        })
        .unwrap();
    let found = calendar.check(&proposal);
    assert_eq!(found, reference::check(&calendar, &proposal));
    assert_eq!(found.len(), 1);
    let view = calendar.view(&found[0], Some(&proposal));
    assert_eq!(view.id, "same_body_overlap:A:a:a2");
}

#[test]
fn free_slots_skip_clashes_closures_and_windows_and_rank_the_earliest_first() {
    let mut data = base();
    data.venues[0].closures = vec![Closure {
        start: day("2023-06-13"),
        end: day("2023-06-13"),
        reason: "Holiday".into(),
    }];
    // Body B meets all morning on the 12th: A may not meet in parallel.
    data.meetings = vec![meeting(
        "b",
        &["s-b"],
        "vienna",
        "2023-06-12T08:00:00Z",
        "2023-06-12T11:00:00Z",
    )];
    let calendar = MeetingIndex::build(&data).unwrap();
    let query = SlotQuery {
        bodies: vec![code("A")],
        sessions: vec![id("s-a")],
        duration_minutes: 120,
        venue: id("vienna"),
        room: None,
        from: day("2023-06-12"),
        to: day("2023-06-14"),
        persons: vec![],
        interpretation: false,
        step_minutes: 60,
        limit: 3,
    };
    let slots = calendar.free_slots(&query).unwrap();
    let starts: Vec<String> = slots
        .iter()
        .map(|s| index::utc(s.start).to_rfc3339())
        .collect();
    // 15:00 and 16:00 local on the 12th (13:00Z, 14:00Z), then 10:00 on the 14th.
    assert_eq!(
        starts,
        [
            "2023-06-12T13:00:00+00:00",
            "2023-06-12T14:00:00+00:00",
            "2023-06-14T08:00:00+00:00"
        ]
    );
    assert!(slots.iter().all(|s| s.warnings.is_empty()));
    let bad = SlotQuery {
        to: day("2023-06-01"),
        ..query
    };
    assert!(calendar.free_slots(&bad).is_err());
}

#[test]
fn an_acceptance_lapses_when_an_item_changes() {
    let mut data = base();
    data.meetings = vec![meeting(
        "night",
        &["s-a"],
        "vienna",
        "2023-06-14T20:00:00Z",
        "2023-06-14T21:00:00Z",
    )];
    let view = views(&data).remove(0);
    let acceptance = Acceptance {
        conflict: view.id.clone(),
        fingerprint: view.fingerprint.clone(),
        reason: "Evening reception agreed by the Bureau".into(),
        accepted_by: "chair".into(),
        accepted_at: at("2023-06-01T00:00:00Z"),
    };
    assert!(still_accepted(&view, &acceptance));
    data.meetings[0].end = at("2023-06-14T21:30:00Z");
    let changed = views(&data).remove(0);
    assert_eq!(changed.id, view.id, "the same clash keeps its identifier");
    assert!(
        !still_accepted(&changed, &acceptance),
        "but the acceptance lapses"
    );
}

#[test]
fn the_demo_calendar_has_no_conflicts() {
    let demo: Dataset = serde_json::from_str(include_str!("../../../data/demo.json")).unwrap();
    let calendar = MeetingIndex::build(&demo).unwrap();
    let found: Vec<String> = calendar
        .scan()
        .iter()
        .map(|c| calendar.view(c, None).explanation)
        .collect();
    assert!(found.is_empty(), "{found:?}");
}

// ---- The engine against the brute-force reference on random calendars ----

const ZONES: [&str; 4] = [
    "Europe/Vienna",
    "America/New_York",
    "Asia/Tokyo",
    "Australia/Sydney",
];

/// A random meeting: sessions (one or two bodies), venue, room, start in minutes from the base
/// instant, length, interpretation, persons.
type RandomMeeting = (u8, u8, u8, u8, u32, u32, bool, u8);

fn random_calendar(meetings: &[RandomMeeting], teams: u32, travel: u32, groups: u8) -> Dataset {
    let mut data = base();
    data.venues = ZONES
        .iter()
        .enumerate()
        .map(|(i, z)| {
            let mut v = venue(&format!("v{i}"), z, teams);
            v.closures = vec![Closure {
                start: day("2023-03-27"),
                end: day("2023-03-27"),
                reason: "Closed".into(),
            }];
            v
        })
        .collect();
    data.persons = (0..4)
        .map(|p| Person {
            id: id(&format!("p{p}")),
            name: format!("P{p}"),
            title: None,
            gender: Gender::Undisclosed,
            affiliation: None,
            email: None,
        })
        .collect();
    // Sessions around the March daylight-saving changes, one body each; some end early.
    data.sessions = ["A", "B", "C", "D", "X"]
        .iter()
        .enumerate()
        .map(|(i, b)| {
            session(
                &format!("s{i}"),
                b,
                "2023-03-20",
                if i % 2 == 0 {
                    "2023-04-10"
                } else {
                    "2023-03-28"
                },
            )
        })
        .collect();
    let base_instant = at("2023-03-24T00:00:00Z");
    data.meetings = meetings
        .iter()
        .enumerate()
        .map(|(i, &(s1, s2, v, room, start, length, interp, persons))| {
            let venue = v % 4;
            let mut sessions = vec![format!("s{}", s1 % 5)];
            if s2 % 3 == 0 && s2 % 5 != s1 % 5 {
                sessions.push(format!("s{}", s2 % 5));
            }
            let sessions: Vec<&str> = sessions.iter().map(|s| s.as_str()).collect();
            let start = base_instant + chrono::Duration::minutes(i64::from(start % (14 * 24 * 60)));
            let end = start + chrono::Duration::minutes(i64::from(30 + length % 400));
            let mut m = meeting(
                &format!("m{i}"),
                &sessions,
                &format!("v{venue}"),
                &start.to_rfc3339(),
                &end.to_rfc3339(),
            );
            m.room = match room % 3 {
                0 => None,
                r => Some(id(&format!("v{venue}-room-{r}"))),
            };
            m.interpretation = interp;
            m.participants = (0..4)
                .filter(|p| persons & (1 << p) != 0)
                .map(|p| id(&format!("p{p}")))
                .collect();
            m
        })
        .collect();
    if !data.meetings.is_empty() {
        data.panels = vec![Panel {
            id: id("panel"),
            meeting: id("m0"),
            topic: "Topic".into(),
            workplan_entry: None,
            moderator: Some(id("p0")),
            panellists: vec![id("p1")],
            planned_size: None,
            notes: None,
            position: 1,
        }];
        data.calls_for_nominations = vec![CallForNominations {
            id: id("call"),
            note_verbale_date: day("2023-03-01"),
            deadline: day("2023-03-30"),
            panel: Some(id("panel")),
            topic: None,
            quota_per_state: None,
        }];
    }
    data.workplan_entries = (0..3)
        .map(|i| WorkplanEntry {
            id: id(&format!("e{i}")),
            bodies: vec![code(["A", "B", "X"][i])],
            year: Some(2022 + i as i32),
            session: None,
            paragraphs: ParagraphSet::default(),
            sections: vec![],
            topics: vec![],
            agreed_by_extended_bureau: false,
            notes: None,
            position: i as u32,
        })
        .collect();
    data.conflict_rules = Some(ConflictRules {
        parallel_groups: match groups % 3 {
            0 => None,
            1 => Some(vec![
                vec![code("A"), code("X")],
                vec![code("B"), code("C"), code("D")],
            ]),
            _ => Some(vec![]),
        },
        min_travel_minutes: travel,
        ..Default::default()
    });
    data
}

fn random_meeting() -> impl Strategy<Value = RandomMeeting> {
    (
        any::<u8>(),
        any::<u8>(),
        any::<u8>(),
        any::<u8>(),
        any::<u32>(),
        any::<u32>(),
        any::<bool>(),
        any::<u8>(),
    )
}

#[test]
fn random_calendars_exercise_every_kind_of_conflict() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::{Config, TestRunner};
    let mut runner = TestRunner::new_with_rng(
        Config::default(),
        proptest::test_runner::TestRng::deterministic_rng(
            proptest::test_runner::RngAlgorithm::ChaCha,
        ),
    );
    let strategy = (
        prop::collection::vec(random_meeting(), 0..40),
        1u32..3,
        0u32..600,
        any::<u8>(),
    );
    let mut seen = BTreeSet::new();
    for _ in 0..200 {
        let (meetings, teams, travel, groups) = strategy.new_tree(&mut runner).unwrap().current();
        let calendar =
            MeetingIndex::build(&random_calendar(&meetings, teams, travel, groups)).unwrap();
        seen.extend(calendar.scan().iter().map(|c| c.kind));
    }
    assert_eq!(
        seen.into_iter().collect::<Vec<_>>(),
        ConflictKind::ALL.to_vec()
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn the_engine_finds_exactly_what_the_brute_force_reference_finds(
        meetings in prop::collection::vec(random_meeting(), 0..40),
        teams in 1u32..3,
        travel in 0u32..600,
        groups in any::<u8>(),
    ) {
        let data = random_calendar(&meetings, teams, travel, groups);
        let calendar = MeetingIndex::build(&data).unwrap();
        let engine = calendar.scan();
        let brute = reference::scan(&calendar);
        for kind in ConflictKind::ALL {
            let of = |list: &[Conflict]| list.iter().filter(|c| c.kind == *kind).copied().collect::<Vec<_>>();
            prop_assert_eq!(of(&engine), of(&brute), "kind {}", kind);
        }
    }

    #[test]
    fn checking_one_meeting_agrees_with_a_brute_force_rescan(
        meetings in prop::collection::vec(random_meeting(), 1..30),
        proposal in random_meeting(),
        replace in any::<bool>(),
        teams in 1u32..3,
        travel in 0u32..600,
        groups in any::<u8>(),
    ) {
        let mut all = meetings;
        all.push(proposal);
        let data = random_calendar(&all, teams, travel, groups);
        // The last meeting is the proposal: either new, or replacing the first meeting.
        let mut with_proposal = data;
        let mut proposed = with_proposal.meetings.pop().unwrap();
        if replace {
            proposed.id = with_proposal.meetings[0].id.clone();
        }
        let calendar = MeetingIndex::build(&with_proposal).unwrap();
        let p = calendar.proposal(&Proposal { meeting: proposed, persons: vec![] }).unwrap();
        let engine = calendar.check(&p);
        let brute = reference::check(&calendar, &p);
        for kind in ConflictKind::ALL {
            let of = |list: &[Conflict]| list.iter().filter(|c| c.kind == *kind).copied().collect::<Vec<_>>();
            prop_assert_eq!(of(&engine), of(&brute), "kind {}", kind);
        }
    }
}
