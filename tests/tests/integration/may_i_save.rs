//! One rule for "may I save": the planner's live check, the REST conflict check, both free-slot
//! finders, the planner's save and the REST write give the same answer for the same meeting,
//! through proposals of each kind of conflict the demo calendar can raise, on both backends.

use reqwest::{Client, Method};
use serde_json::{json, Value};
use tests::{get_json, on_each_backend, post_as, send_as, TestServer};

/// A meeting proposed at the venue's wall time, and what the rules make of it.
struct Case {
    what: &'static str,
    body: &'static str,
    session: &'static str,
    venue: &'static str,
    room: &'static str,
    /// Local day and hours at the venue, as the planner takes them.
    date: &'static str,
    hours: (&'static str, &'static str),
    /// The same hours as instants, as the REST API takes them.
    utc: (&'static str, &'static str),
    blocking: bool,
    /// Whether the finders offer its start: never when it blocks; they try only start times
    /// inside the venue's windows.
    offered: bool,
}

/// In order: the allowed ones are saved, and a later case may clash with an earlier one.
const CASES: &[Case] = &[
    Case {
        what: "outside its session's only day (the resumed IRG session of 9 September 2022)",
        body: "IRG",
        session: "irg-13-resumed-1",
        venue: "vienna-vic",
        room: "vic-room-c3",
        date: "2022-09-12",
        hours: ("10:00", "11:00"),
        utc: ("2022-09-12T08:00:00Z", "2022-09-12T09:00:00Z"),
        blocking: true,
        offered: false,
    },
    Case {
        what: "in Boardroom D during the June 2023 joint meeting (room and joint meeting)",
        body: "IRG",
        session: "irg-14",
        venue: "vienna-vic",
        room: "vic-boardroom-d",
        date: "2023-06-14",
        hours: ("10:00", "11:00"),
        utc: ("2023-06-14T08:00:00Z", "2023-06-14T09:00:00Z"),
        blocking: true,
        offered: false,
    },
    Case {
        what: "beside the opening of the tenth session in Atlanta (same body)",
        body: "COSP",
        session: "cosp-10",
        venue: "atlanta",
        room: "atlanta-room-b",
        date: "2023-12-11",
        hours: ("10:00", "11:00"),
        utc: ("2023-12-11T15:00:00Z", "2023-12-11T16:00:00Z"),
        blocking: true,
        offered: false,
    },
    Case {
        what: "before the venue's morning window (a warning only)",
        body: "IRG",
        session: "irg-14",
        venue: "vienna-vic",
        room: "vic-room-c3",
        date: "2023-06-12",
        hours: ("09:00", "10:00"),
        utc: ("2023-06-12T07:00:00Z", "2023-06-12T08:00:00Z"),
        blocking: false,
        offered: false,
    },
    Case {
        what: "a free morning hour",
        body: "IRG",
        session: "irg-14",
        venue: "vienna-vic",
        room: "vic-room-c3",
        date: "2023-06-13",
        hours: ("10:00", "11:00"),
        utc: ("2023-06-13T08:00:00Z", "2023-06-13T09:00:00Z"),
        blocking: false,
        offered: true,
    },
    Case {
        what: "the prevention group in parallel with the IRG meeting saved just before",
        body: "WG-PREV",
        session: "wg-prev-14",
        venue: "vienna-vic",
        room: "vic-boardroom-d",
        date: "2023-06-13",
        hours: ("10:00", "11:00"),
        utc: ("2023-06-13T08:00:00Z", "2023-06-13T09:00:00Z"),
        blocking: true,
        offered: false,
    },
];

impl Case {
    fn id(&self, door: Door) -> String {
        let n = CASES.iter().position(|c| c.what == self.what).unwrap();
        format!("{}-may-i-save-{n}-{door:?}", self.session).to_lowercase()
    }

    fn form(&self, door: Door) -> Value {
        json!({
            "id": self.id(door), "title": "Informal consultations", "kind": "informal_consultation",
            "sessions": [self.session], "venue": self.venue, "room": self.room,
            "date": self.date, "start": self.hours.0, "end": self.hours.1,
            "interpretation": false, "status": "planned", "opened_at": ""
        })
    }

    fn meeting(&self, door: Door) -> Value {
        json!({
            "id": self.id(door), "title": "Informal consultations", "kind": "informal_consultation",
            "sessions": [self.session], "venue": self.venue, "room": self.room,
            "start": self.utc.0, "end": self.utc.1, "interpretation": false
        })
    }
}

/// The door a meeting is saved through.
#[derive(Debug, Clone, Copy)]
enum Door {
    Planner,
    Rest,
}

#[tokio::test]
async fn every_door_agrees_on_what_blocks_a_save() {
    for door in [Door::Planner, Door::Rest] {
        on_each_backend(&[], async |server| {
            let secretariat = server.secretariat().await;
            for case in CASES {
                let said = |door: &str| format!("{:?}, {}: {door}", server.backend(), case.what);
                for (check, path, body) in [
                    (
                        "planner check",
                        "/api/plan/check",
                        json!({ "form": case.form(door) }),
                    ),
                    (
                        "REST check",
                        "/api/conflicts/check",
                        json!({ "meeting": case.meeting(door) }),
                    ),
                ] {
                    let (status, answer) = post_as(&secretariat, server, path, body).await;
                    assert_eq!(status, 200, "{answer}");
                    assert_eq!(
                        answer["blocking"],
                        case.blocking,
                        "{}: {answer}",
                        said(check)
                    );
                }
                let offered = planner_finder_offers(server, &secretariat, case, door).await;
                assert_eq!(offered, case.offered, "{}", said("planner finder"));
                let offered = rest_finder_offers(server, case).await;
                assert_eq!(offered, case.offered, "{}", said("REST finder"));
                let saved = save(server, &secretariat, case, door).await;
                assert_eq!(
                    saved,
                    !case.blocking,
                    "{}",
                    said(&format!("save through {door:?}"))
                );
            }
            // Only the allowed IRG meeting of 13 June was stored, not the prevention group's.
            let stored = get_json(
                server,
                "/api/meetings?body=IRG&from=2023-06-13&to=2023-06-13",
            )
            .await
            .1;
            assert_eq!(stored.as_array().map(Vec::len), Some(1), "{stored}");
        })
        .await;
    }
}

/// Whether the planner's finder, asked for the case's day, offers its start.
async fn planner_finder_offers(
    server: &TestServer,
    client: &Client,
    case: &Case,
    door: Door,
) -> bool {
    let (status, slots) = post_as(
        client,
        server,
        "/api/plan/free-slots",
        json!({ "form": case.form(door), "from": case.date, "to": case.date }),
    )
    .await;
    assert_eq!(status, 200, "{slots}");
    slots
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s["date"] == case.date && s["start"] == case.hours.0)
}

/// Whether `GET /api/free-slots`, asked for the case's day, offers its start.
async fn rest_finder_offers(server: &TestServer, case: &Case) -> bool {
    let path = format!(
        "/api/free-slots?bodies={}&sessions={}&duration_minutes=60&venue={}&room={}&from={}&to={}&interpretation=false",
        case.body, case.session, case.venue, case.room, case.date, case.date
    );
    let (status, slots) = get_json(server, &path).await;
    assert_eq!(status, 200, "{slots}");
    let start = case.utc.0.replace('Z', "");
    slots
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s["start"].as_str().is_some_and(|t| t.starts_with(&start)))
}

/// Saves the case through a door; whether it was saved (a refusal must say why, by field).
async fn save(server: &TestServer, client: &Client, case: &Case, door: Door) -> bool {
    match door {
        Door::Planner => {
            let (status, outcome) = post_as(
                client,
                server,
                "/api/plan/save",
                json!({ "form": case.form(door), "create": true }),
            )
            .await;
            assert_eq!(status, 200, "{outcome}");
            if outcome["saved"].is_null() {
                assert!(
                    !outcome["errors"].as_array().unwrap().is_empty(),
                    "{outcome}"
                );
            }
            !outcome["saved"].is_null()
        }
        Door::Rest => {
            let (status, answer) = send_as(
                client,
                server,
                Method::POST,
                "/api/meetings",
                case.meeting(door),
            )
            .await;
            assert!(matches!(status, 201 | 422), "{status} {answer}");
            status == 201
        }
    }
}
