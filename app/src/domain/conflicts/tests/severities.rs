//! How much a conflict weighs: the severity the rules give its kind, and a warning the Bureau
//! accepted, which holds only while the items it was accepted for stay as they were.

use super::*;

#[test]
fn severities_follow_the_rules() {
    let mut data = base();
    data.meetings = vec![night_meeting()];
    assert_eq!(views(&data)[0].severity, Severity::Warning);
    data.conflict_rules = Some(ConflictRules {
        severities: [(ConflictKind::OutsideMeetingWindows, Severity::Blocking)].into(),
        ..Default::default()
    });
    assert_eq!(views(&data)[0].severity, Severity::Blocking);
}

#[test]
fn an_acceptance_lapses_when_an_item_changes() {
    let mut data = base();
    data.meetings = vec![night_meeting()];
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
fn a_meeting_outside_its_session_is_always_blocking() {
    // The calendar refuses to store such a meeting, so no rule may promise that it saves.
    assert_eq!(
        ConflictRules::default().severity(ConflictKind::OutsideSession),
        Severity::Blocking
    );
    let downgraded = ConflictRules {
        severities: [(ConflictKind::OutsideSession, Severity::Warning)].into(),
        ..Default::default()
    };
    let (field, why) = downgraded.check(&Default::default()).unwrap_err();
    assert_eq!(field, "severities");
    assert!(why.contains("outside session is always blocking"), "{why}");
    let stricter = ConflictRules {
        severities: [(ConflictKind::OutsideMeetingWindows, Severity::Blocking)].into(),
        ..Default::default()
    };
    assert!(stricter.check(&Default::default()).is_ok());
}
