//! A venue's closures and meeting windows, reckoned in the venue's own local time.

use chrono::NaiveTime;

use super::*;

#[test]
fn a_meeting_on_a_closure_of_its_venue_is_blocked() {
    let mut data = base();
    data.venues[0].closures = vec![closure("2023-12-25", "2023-12-26", "Christmas")];
    data.meetings = vec![of_body_a(
        "a",
        "2023-12-26T09:00:00Z",
        "2023-12-26T12:00:00Z",
    )];
    assert_eq!(kinds(&data), [ConflictKind::VenueClosed]);
    assert!(views(&data)[0].explanation.contains("Christmas"));
}

/// The kinds of conflict in `data` with `meeting` as its only meeting.
fn kinds_alone(data: &mut Dataset, meeting: Meeting) -> Vec<ConflictKind> {
    data.meetings = vec![meeting];
    kinds(data)
}

#[test]
fn meeting_windows_follow_local_time_across_the_daylight_saving_change() {
    let mut data = base();
    // Vienna moved to summer time on 26 March 2023: 08:00Z was 09:00 on the 25th, 10:00 on the 26th.
    let before = of_body_a("before", "2023-03-25T08:00:00Z", "2023-03-25T11:00:00Z");
    assert_eq!(
        kinds_alone(&mut data, before),
        [ConflictKind::OutsideMeetingWindows]
    );
    let after = of_body_a("after", "2023-03-26T08:00:00Z", "2023-03-26T11:00:00Z");
    assert!(kinds_alone(&mut data, after).is_empty());
    // Back to winter time on 29 October: 09:00Z is 10:00 local again.
    let autumn = of_body_a("autumn", "2023-10-29T09:00:00Z", "2023-10-29T12:00:00Z");
    assert!(kinds_alone(&mut data, autumn).is_empty());
}

#[test]
fn a_meeting_crossing_midnight_utc_stays_on_its_local_day() {
    let mut data = base();
    data.venues[1].meeting_windows = vec![TimeWindow {
        start: NaiveTime::from_hms_opt(17, 0, 0).unwrap(),
        end: NaiveTime::from_hms_opt(21, 0, 0).unwrap(),
    }];
    data.sessions[0].dates = days("2023-12-11", "2023-12-11");
    // 17:00–20:00 in New York on 11 December is 22:00Z on the 11th to 01:00Z on the 12th.
    let evening = meeting(
        "evening",
        &["s-a"],
        "new-york",
        "2023-12-11T22:00:00Z",
        "2023-12-12T01:00:00Z",
    );
    assert!(kinds_alone(&mut data, evening).is_empty());
}

#[test]
fn the_same_instant_is_inside_windows_in_one_zone_and_outside_in_another() {
    let mut data = base();
    // 01:00Z is 10:00 in Tokyo and 03:00 in Vienna (summer).
    let (start, end) = ("2023-06-14T01:00:00Z", "2023-06-14T03:00:00Z");
    let tokyo = meeting("tokyo", &["s-a"], "tokyo", start, end);
    assert!(kinds_alone(&mut data, tokyo).is_empty());
    let vienna = meeting("vienna", &["s-a"], "vienna", start, end);
    assert_eq!(
        kinds_alone(&mut data, vienna),
        [ConflictKind::OutsideMeetingWindows]
    );
}
