//! The calendar's data through HTTP and the command line, on SQLite and PostgreSQL: the demo
//! loaded from the seed, the read API with its filters, and imports that validate everything
//! before writing anything.

use serde_json::Value;
use tests::scenarios::{
    demo, demo_with, error_messages, exported, ids, import, record, record_mut, DEMO,
};
use tests::{
    export_all, get_json, on_each_backend, on_each_database, Backend, TestDatabase, TestServer,
};

#[tokio::test]
async fn sessions_filter_by_body_and_date_range_with_generated_titles() {
    on_each_backend(&[], async |server| {
        let (status, sessions) = get_json(
            server,
            "/api/sessions?body=IRG&from=2022-01-01&to=2022-12-31",
        )
        .await;
        assert_eq!(status, 200);
        assert_eq!(
            ids(&sessions, "id"),
            ["irg-13", "irg-13-resumed-1", "irg-13-resumed-2"],
            "{:?}",
            server.backend()
        );
        assert_eq!(
            sessions[2]["title"],
            "second resumed thirteenth session of the Implementation Review Group"
        );
        let (_, all) = get_json(server, "/api/sessions").await;
        assert_eq!(all.as_array().unwrap().len(), 22);
        let (_, in_2026) = get_json(server, "/api/sessions?from=2026-01-01&to=2026-12-31").await;
        assert_eq!(
            ids(&in_2026, "id"),
            ["wg-prev-17"],
            "a year-only session counts by its year"
        );
    })
    .await;
}

#[tokio::test]
async fn a_joint_meeting_appears_under_every_one_of_its_bodies() {
    on_each_backend(&[], async |server| {
        let meetings_in_september = async |body: &str| {
            let path = format!("/api/meetings?body={body}&from=2023-09-01&to=2023-09-30");
            get_json(server, &path).await.1
        };
        for body in ["IRG", "WG-AR", "EM-IC"] {
            let meetings = meetings_in_september(body).await;
            assert_eq!(
                ids(&meetings, "id"),
                ["joint-2023-09-morning", "joint-2023-09-afternoon"],
                "{:?} {body}",
                server.backend()
            );
            assert_eq!(meetings[0]["sessions"].as_array().unwrap().len(), 3);
        }
        let prevention = meetings_in_september("WG-PREV").await;
        assert!(prevention.as_array().unwrap().is_empty());
    })
    .await;
}

#[tokio::test]
async fn the_tenth_session_has_its_agenda_documents_and_opening() {
    on_each_backend(&[], async |server| {
        let (status, page) = get_json(server, "/api/sessions/cosp-10").await;
        assert_eq!(status, 200);
        assert_eq!(
            page["session"]["title"],
            "tenth session of the Conference of the States Parties to the United Nations Convention against Corruption"
        );
        assert_eq!(page["session"]["venue"], "atlanta");
        assert_eq!(page["session"]["dates"]["days"]["start"], "2023-12-11");
        assert_eq!(page["agenda_items"][0]["number"], "7");
        assert_eq!(ids(&page["documents"], "symbol"), ["CAC/COSP/2023/1"]);
        assert_eq!(ids(&page["meetings"], "id"), ["cosp-10-opening"]);
        // 10:00 in Atlanta in December is 15:00 UTC.
        assert_eq!(page["meetings"][0]["start"], "2023-12-11T15:00:00Z");
        let (status, _) = get_json(server, "/api/sessions/no-such-session").await;
        assert_eq!(status, 404, "{:?}", server.backend());
    })
    .await;
}

#[tokio::test]
async fn panels_filter_by_body_dates_and_session() {
    on_each_backend(&[], async |server| {
        let (_, panels) = get_json(
            server,
            "/api/panels?body=WG-PREV&from=2023-06-01&to=2023-06-30",
        )
        .await;
        assert_eq!(
            ids(&panels, "id"),
            ["business-integrity-1", "business-integrity-2"],
            "{:?}",
            server.backend()
        );
        assert_eq!(panels[0]["workplan_entry"], "wp-2023-06");
        let (_, intersessional) =
            get_json(server, "/api/panels?session=cosp-intersessional-2022").await;
        assert_eq!(intersessional.as_array().unwrap().len(), 7);
    })
    .await;
}

#[tokio::test]
async fn the_workplan_reads_by_body_and_years_with_its_paragraphs() {
    on_each_backend(&[], async |server| {
        let (_, plan) = get_json(
            server,
            "/api/workplan?body=WG-PREV&from=2024-01-01&to=2026-12-31",
        )
        .await;
        assert_eq!(plan["workplan"]["status"], "approved");
        assert_eq!(plan["workplan"]["silence_deadline"], "2023-06-09");
        assert_eq!(
            ids(&plan["entries"], "id"),
            [
                "wp-2024-prev-sports",
                "wp-2024-prev-measurement",
                "wp-2025-prev",
                "wp-2026-prev"
            ],
            "{:?}",
            server.backend()
        );
        assert_eq!(plan["entries"][3]["paragraphs"], "12, 21, 22, 31");
        assert_eq!(plan["paragraphs"].as_array().unwrap().len(), 82);
    })
    .await;
}

#[tokio::test]
async fn venues_contributions_agenda_items_and_documents_read_as_the_demo_has_them() {
    on_each_backend(&[], async |server| {
        let (_, venues) = get_json(server, "/api/venues").await;
        let vienna = record(&venues, "id", "vienna-vic");
        assert_eq!(
            vienna["time_zone"],
            "Europe/Vienna",
            "{:?}",
            server.backend()
        );
        assert_eq!(vienna["rooms"].as_array().unwrap().len(), 3);

        let (_, contributions) = get_json(server, "/api/contributions").await;
        assert_eq!(contributions["tallies"][0]["states_parties"], 35);
        assert_eq!(contributions["tallies"][0]["organisations"], 1);

        let (_, agenda) = get_json(
            server,
            "/api/agenda-items?body=IRG&from=2023-06-01&to=2023-06-30",
        )
        .await;
        assert_eq!(agenda[0]["standing"], true);
        let (_, documents) = get_json(server, "/api/documents").await;
        assert_eq!(documents.as_array().unwrap().len(), 4);
    })
    .await;
}

#[tokio::test]
async fn bad_filters_are_refused_with_a_clear_error() {
    let db = TestDatabase::new(Backend::Sqlite).await;
    let server = TestServer::start(&db).await;
    let (status, body) = get_json(&server, "/api/sessions?from=2023-13-01").await;
    assert_eq!(status, 400);
    assert!(body["error"].as_str().unwrap().contains("from"), "{body}");
    let (status, body) = get_json(&server, "/api/meetings?bdy=IRG").await;
    assert_eq!(status, 400);
    assert!(body["error"].as_str().unwrap().contains("bdy"), "{body}");
    let (status, body) = get_json(&server, "/api/meetings?from=2024-01-02&to=2024-01-01").await;
    assert_eq!(status, 422);
    assert_eq!(body["errors"][0], "filter: to: end before start");
    let (status, _) = get_json(&server, "/api/sessions?body=irg").await;
    assert_eq!(status, 400, "body codes are upper case");
}

/// How many sessions a server holds.
async fn session_count(server: &TestServer) -> usize {
    get_json(server, "/api/sessions")
        .await
        .1
        .as_array()
        .unwrap()
        .len()
}

#[tokio::test]
async fn every_invalid_import_is_refused_whole_with_record_and_field() {
    let cases: Vec<(&str, String)> = vec![
        ("meeting cosp-10-opening: end: end before start", demo_with(|d| {
            record_mut(&mut d["meetings"], "id", "cosp-10-opening")["end"] = "2023-12-11T14:00:00Z".into();
        })),
        ("venue atlanta: time_zone: unknown time zone: \"America/Atlantis\" is not an IANA time zone", demo_with(|d| {
            record_mut(&mut d["venues"], "id", "atlanta")["time_zone"] = "America/Atlantis".into();
        })),
        ("meeting cosp-10-opening: start: meeting outside its session cosp-10", demo_with(|d| {
            let m = record_mut(&mut d["meetings"], "id", "cosp-10-opening");
            m["start"] = "2023-12-20T15:00:00Z".into();
            m["end"] = "2023-12-20T18:00:00Z".into();
        })),
        ("session wg-ar-17: body: unknown body WG-XX", demo_with(|d| {
            record_mut(&mut d["sessions"], "id", "wg-ar-17")["body"] = "WG-XX".into();
        })),
        ("session irg-16: number: IRG already has a regular session number 15", demo_with(|d| {
            record_mut(&mut d["sessions"], "id", "irg-16")["number"] = 15.into();
        })),
        ("workplan entry wp-2023-09: paragraphs: paragraph 18 is given twice", demo_with(|d| {
            record_mut(&mut d["workplan_entries"], "id", "wp-2023-09")["paragraphs"] = "16–19, 18".into();
        })),
        ("session irg-14-resumed-1: number: resumed session without its original: IRG has no regular session 14", demo_with(|d| {
            record_mut(&mut d["sessions"], "id", "irg-14-resumed-1")["number"] = 14.into();
            d["sessions"].as_array_mut().unwrap().retain(|s| s["id"] != "irg-14");
            for m in d["meetings"].as_array_mut().unwrap() {
                m["sessions"].as_array_mut().unwrap().retain(|s| s != "irg-14");
            }
        })),
    ];
    on_each_backend(&["--no-demo"], async |server| {
        let backend = server.backend();
        for (expected, body) in &cases {
            let (status, answer) = import(server, body.clone()).await;
            assert_eq!(status, 422, "{backend:?}: {expected}");
            let errors = error_messages(&answer);
            assert!(
                errors.contains(expected),
                "{backend:?}: expected {expected:?} in {errors:?}"
            );
        }
        assert_eq!(
            session_count(server).await,
            0,
            "{backend:?}: nothing was written"
        );
    })
    .await;
}

#[tokio::test]
async fn the_demo_imports_once_and_a_second_import_leaves_the_data_alone() {
    on_each_backend(&["--no-demo"], async |server| {
        let (status, answer) = import(server, DEMO).await;
        assert_eq!(status, 201, "{:?}: {answer}", server.backend());
        assert_eq!(answer["imported"]["sessions"], 22);
        let (status, _) = import(server, DEMO).await;
        assert_eq!(status, 422);
        assert_eq!(session_count(server).await, 22);
    })
    .await;
}

#[tokio::test]
async fn the_export_carries_the_whole_demo() {
    on_each_backend(&[], async |server| {
        let (_, export) = export_all(server).await;
        let demo = demo();
        for collection in [
            "bodies",
            "states_parties",
            "organisations",
            "venues",
            "sessions",
            "meetings",
            "agenda_items",
            "documents",
            "declaration_sections",
            "declaration_paragraphs",
            "workplan_entries",
            "panels",
            "contribution_tallies",
        ] {
            assert_eq!(
                export[collection].as_array().unwrap().len(),
                demo[collection].as_array().unwrap().len(),
                "{:?}: {collection}",
                server.backend()
            );
        }
        assert_eq!(export["workplan"], demo["workplan"]);
        let registration =
            &record(&export["sessions"], "id", "cosp-intersessional-2022")["registration"];
        assert_eq!(registration["governments"], 560);
    })
    .await;
}

#[tokio::test]
async fn the_import_command_lists_every_error_and_writes_nothing() {
    on_each_database(async |db| {
        let backend = db.backend();
        let file = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(
            file.path(),
            demo_with(|d| {
                record_mut(&mut d["sessions"], "id", "wg-ar-17")["body"] = "WG-XX".into();
                record_mut(&mut d["venues"], "id", "doha")["time_zone"] = "Asia/Atlantis".into();
            }),
        )
        .unwrap();
        let output = tests::quorum_command()
            .args([
                "import",
                file.path().to_str().unwrap(),
                "--database-url",
                &db.url,
            ])
            .output()
            .unwrap();
        assert!(!output.status.success(), "{backend:?}");
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(
            stderr.contains("session wg-ar-17: body: unknown body WG-XX"),
            "{stderr}"
        );
        assert!(
            stderr.contains("venue doha: time_zone: unknown time zone"),
            "{stderr}"
        );
        let data: Value = exported(&db.url);
        assert!(
            data["sessions"].as_array().unwrap().is_empty(),
            "{backend:?}: nothing written"
        );
    })
    .await;
}
