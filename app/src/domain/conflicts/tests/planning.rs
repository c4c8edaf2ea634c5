//! The planning around meetings: the sessions they belong to, the calls for nominations to
//! their panels, and the workplan's years.

use super::*;

#[test]
fn meetings_outside_their_session_deadlines_after_panels_and_empty_workplan_years_are_warned() {
    let mut data = base();
    // Body A's session ends the day before its meeting; the call closes after the panel met;
    // body B's workplan has an entry for 2024, when B holds no session.
    data.sessions[0].dates = days("2023-06-12", "2023-06-13");
    data.meetings = vec![june_morning("late", &["s-a"])];
    data.panels = vec![panel("panel", "late")];
    data.calls_for_nominations = vec![call("panel", "2023-05-01", "2023-06-20")];
    data.workplan_entries = vec![WorkplanEntry {
        paragraphs: ParagraphSet::parse("1").unwrap(),
        ..workplan_entry("entry", "B", 2024, 1)
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
