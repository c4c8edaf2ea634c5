//! The engine on whole calendars: the demo has no conflicts, and on random calendars the engine
//! finds exactly what the brute-force reference finds, for a scan and for one proposed meeting.

use proptest::prelude::*;

use super::*;

#[test]
fn the_demo_calendar_has_no_conflicts() {
    let demo: Dataset = serde_json::from_str(include_str!("../../../../data/demo.json")).unwrap();
    let calendar = MeetingIndex::build(&demo).unwrap();
    let found: Vec<String> = calendar
        .scan()
        .iter()
        .map(|c| calendar.view(c, None).explanation)
        .collect();
    assert!(found.is_empty(), "{found:?}");
}

const ZONES: [&str; 4] = [
    "Europe/Vienna",
    "America/New_York",
    "Asia/Tokyo",
    "Australia/Sydney",
];

/// A random meeting: sessions (one or two bodies), venue, room, start in minutes from the base
/// instant, length, interpretation, persons.
type RandomMeeting = (u8, u8, u8, u8, u32, u32, bool, u8);

/// Builds a meeting `m{i}` from its random numbers, on the calendar of [`random_calendar`].
fn random_meeting_of(i: usize, drawn: &RandomMeeting) -> Meeting {
    let &(s1, s2, v, room, start, length, interp, persons) = drawn;
    let venue = v % 4;
    let mut sessions = vec![format!("s{}", s1 % 5)];
    if s2 % 3 == 0 && s2 % 5 != s1 % 5 {
        sessions.push(format!("s{}", s2 % 5));
    }
    let sessions: Vec<&str> = sessions.iter().map(|s| s.as_str()).collect();
    let base_instant = at("2023-03-24T00:00:00Z");
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
}

/// Four venues in four zones, each closed on 27 March 2023; four persons; sessions around the
/// March daylight-saving changes; the meetings drawn; a panel and call on the first meeting;
/// workplan entries for 2022–2024; `teams` interpreters per venue, `travel` minutes between
/// venues, and one of three choices of parallel groups.
fn random_calendar(meetings: &[RandomMeeting], teams: u32, travel: u32, groups: u8) -> Dataset {
    let mut data = base();
    data.venues = ZONES
        .iter()
        .enumerate()
        .map(|(i, z)| {
            let mut v = venue(&format!("v{i}"), z, teams);
            v.closures = vec![closure("2023-03-27", "2023-03-27", "Closed")];
            v
        })
        .collect();
    data.persons = (0..4)
        .map(|p| person(&format!("p{p}"), &format!("P{p}")))
        .collect();
    // One body each; some sessions end early.
    data.sessions = ["A", "B", "C", "D", "X"]
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let end = if i % 2 == 0 {
                "2023-04-10"
            } else {
                "2023-03-28"
            };
            session(&format!("s{i}"), b, "2023-03-20", end)
        })
        .collect();
    data.meetings = meetings
        .iter()
        .enumerate()
        .map(|(i, drawn)| random_meeting_of(i, drawn))
        .collect();
    if !data.meetings.is_empty() {
        data.panels = vec![Panel {
            moderator: Some(id("p0")),
            panellists: vec![id("p1")],
            ..panel("panel", "m0")
        }];
        data.calls_for_nominations = vec![call("panel", "2023-03-01", "2023-03-30")];
    }
    data.workplan_entries = ["A", "B", "X"]
        .iter()
        .zip(0..)
        .map(|(body, i)| workplan_entry(&format!("e{i}"), body, 2022 + i as i32, i))
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

/// The conflicts of one kind in a list, to compare the engine and the reference kind by kind.
fn of_kind(list: &[Conflict], kind: ConflictKind) -> Vec<Conflict> {
    list.iter().filter(|c| c.kind == kind).copied().collect()
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
            prop_assert_eq!(of_kind(&engine, *kind), of_kind(&brute, *kind), "kind {}", kind);
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
        let p = propose(&calendar, proposed);
        let engine = calendar.check(&p);
        let brute = reference::check(&calendar, &p);
        for kind in ConflictKind::ALL {
            prop_assert_eq!(of_kind(&engine, *kind), of_kind(&brute, *kind), "kind {}", kind);
        }
    }
}
