//! What may not happen at once: a body in two meetings, bodies open to all States in parallel,
//! a room, a person, or more interpreted meetings at a venue than it has teams.

use super::*;

#[test]
fn two_meetings_of_one_body_at_once_are_a_blocking_conflict_naming_both() {
    let mut data = base();
    data.meetings = vec![
        june_morning("opening", &["s-a"]),
        of_body_a("briefing", "2023-06-14T09:00:00Z", "2023-06-14T10:00:00Z"),
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
        view.explanation.contains("14 June 2023, 10:00–13:00 CEST"),
        "{}",
        view.explanation
    );
}

#[test]
fn meetings_that_only_touch_do_not_overlap() {
    let mut data = base();
    data.meetings = vec![
        of_body_a("first", "2023-06-14T08:00:00Z", "2023-06-14T09:00:00Z"),
        of_body_a("second", "2023-06-14T09:00:00Z", "2023-06-14T10:00:00Z"),
    ];
    assert!(kinds(&data).is_empty());
}

#[test]
fn a_joint_meeting_overlapping_a_meeting_of_its_own_body_is_its_own_kind() {
    let mut data = base();
    data.meetings = vec![
        june_morning("joint", &["s-a", "s-b"]),
        june_morning("a-alone", &["s-a"]),
    ];
    assert_eq!(kinds(&data), [ConflictKind::JointMeetingOverlap]);
}

#[test]
fn open_ended_bodies_must_not_meet_in_parallel_unless_the_rules_say_otherwise() {
    let mut data = base();
    data.meetings = vec![
        june_morning("a", &["s-a"]),
        june_morning("b", &["s-b"]),
        june_morning("x", &["s-x"]),
    ];
    // X is not open to all States: only A and B clash.
    assert_eq!(kinds(&data), [ConflictKind::ParallelBodies]);
    assert!(views(&data)[0]
        .explanation
        .contains("must not meet in parallel"));
    data.conflict_rules = parallel_groups(&[&["A", "X"]]);
    assert_eq!(kinds(&data), [ConflictKind::ParallelBodies]);
    assert_eq!(views(&data)[0].id, "parallel_bodies:A+X:a:x");
    data.conflict_rules = parallel_groups(&[]);
    assert!(kinds(&data).is_empty());
}

#[test]
fn a_room_booked_twice_is_a_conflict() {
    let mut data = base();
    let mut a = june_morning("a", &["s-a"]);
    let mut x = june_morning("x", &["s-x"]);
    a.room = Some(id("vienna-room-1"));
    x.room = Some(id("vienna-room-1"));
    data.meetings = vec![a, x];
    assert_eq!(kinds(&data), [ConflictKind::RoomDoubleBooked]);
    // Named, not keyed: "Room 1 is booked twice".
    let explanation = &views(&data)[0].explanation;
    assert!(
        explanation.starts_with("Room 1 is booked twice"),
        "{explanation}"
    );
    assert!(!explanation.contains("vienna-room-1"), "{explanation}");
}

/// Ana in body A's morning meeting in Vienna and in `other`.
fn ana_in(other: Meeting) -> Vec<Meeting> {
    let mut a = june_morning("a", &["s-a"]);
    let mut other = other;
    a.participants = vec![id("ana")];
    other.participants = vec![id("ana")];
    vec![a, other]
}

#[test]
fn a_person_in_two_meetings_at_once_is_warned() {
    let mut data = base();
    data.meetings = ana_in(meeting(
        "x",
        &["s-x"],
        "vienna",
        "2023-06-14T09:00:00Z",
        "2023-06-14T10:30:00Z",
    ));
    assert_eq!(kinds(&data), [ConflictKind::PersonDoubleBooked]);
    let explanation = &views(&data)[0].explanation;
    assert!(
        explanation.starts_with("Ana Silva is expected"),
        "{explanation}"
    );
    assert_eq!(views(&data)[0].severity, Severity::Warning);
}

#[test]
fn a_person_without_the_travel_time_between_venues_is_warned() {
    let mut data = base();
    // New York at 14:00Z is 10:00 local: three hours after Vienna ends, but not four.
    data.meetings = ana_in(meeting(
        "ny",
        &["s-x"],
        "new-york",
        "2023-06-14T14:00:00Z",
        "2023-06-14T16:00:00Z",
    ));
    data.conflict_rules = travel_minutes(240);
    assert_eq!(kinds(&data), [ConflictKind::PersonTravelTime]);
    data.conflict_rules = travel_minutes(180);
    assert!(kinds(&data).is_empty());
}

#[test]
fn a_venue_cannot_interpret_more_meetings_than_it_has_teams() {
    let mut data = base();
    // Three interpreted meetings, ten minutes apart, at a venue with two teams.
    data.meetings = ["a", "x", "y"]
        .iter()
        .enumerate()
        .map(|(i, k)| {
            let mut m = june_morning(k, &["s-x"]);
            m.start += chrono::Duration::minutes(i as i64 * 10);
            m.interpretation = true;
            m
        })
        .collect();
    data.conflict_rules = parallel_groups(&[]);
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
