//! Asking the calendar about one meeting before it is saved: the planner's live check and its
//! search for free slots.

use super::*;

#[test]
fn checking_a_moved_meeting_ignores_its_old_self_and_names_the_new_clash() {
    let mut data = base();
    data.meetings = vec![
        june_morning("a", &["s-a"]),
        of_body_a("a2", "2023-06-15T08:00:00Z", "2023-06-15T11:00:00Z"),
    ];
    let calendar = MeetingIndex::build(&data).unwrap();
    assert!(calendar.scan().is_empty());
    // Moving "a" an hour later still only touches its old place, which it leaves.
    let mut moved = data.meetings[0].clone();
    moved.start = at("2023-06-14T09:00:00Z");
    moved.end = at("2023-06-14T11:00:00Z");
    let proposal = propose(&calendar, moved.clone());
    assert!(calendar.check(&proposal).is_empty());
    // Moving it onto "a2" clashes.
    moved.start = at("2023-06-15T09:00:00Z");
    moved.end = at("2023-06-15T10:00:00Z");
    let proposal = propose(&calendar, moved);
    let found = calendar.check(&proposal);
    assert_eq!(found, reference::check(&calendar, &proposal));
    assert_eq!(found.len(), 1);
    let view = calendar.view(&found[0], Some(&proposal));
    assert_eq!(view.id, "same_body_overlap:A:a:a2");
}

#[test]
fn free_slots_skip_clashes_closures_and_windows_and_rank_the_earliest_first() {
    let mut data = base();
    data.venues[0].closures = vec![closure("2023-06-13", "2023-06-13", "Holiday")];
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
    // A search that ends before it begins is refused.
    let bad = SlotQuery {
        to: day("2023-06-01"),
        ..query
    };
    assert!(calendar.free_slots(&bad).is_err());
}
