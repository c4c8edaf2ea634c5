//! The workplan editor: entries refused by field, saved by the secretariat and for a Bureau's
//! own body only, the coverage of the declaration's paragraphs following them, and an approval
//! that moves only by its rules.

use serde_json::Value;
use tests::scenarios::{assert_done, assert_refused};
use tests::{form_post, on_each_backend, TestServer};

/// The workplan page, as anyone reads it.
async fn workplan_page(server: &TestServer) -> Value {
    let (status, page) = form_post(&tests::http(), server, "workplan/page", &[]).await;
    assert_eq!(status, 200, "{page}");
    page
}

fn uncovered(page: &Value) -> &Vec<Value> {
    page["coverage"]["uncovered"].as_array().unwrap()
}

#[tokio::test]
async fn a_workplan_entry_with_bad_fields_is_refused_by_field() {
    on_each_backend(&[], async |server| {
        let secretariat = server.secretariat().await;
        assert_refused(
            &secretariat,
            server,
            "workplan/entry",
            &[
                ("id", "extra-2026"),
                ("bodies", "IRG, NOPE"),
                ("year", "20x6"),
                ("paragraphs", "5-3"),
                ("topics", " "),
                ("create", "true"),
            ],
            &["bodies", "year", "paragraphs", "topics"],
        )
        .await;
    })
    .await;
}

#[tokio::test]
async fn a_new_entry_saved_for_its_body_covers_an_open_paragraph() {
    on_each_backend(&[], async |server| {
        let backend = server.backend();
        let secretariat = server.secretariat().await;
        let bureau_ar = server
            .bureau_member("bureau.ar@quorum.example", "WG-AR")
            .await;
        let page = workplan_page(server).await;
        assert_eq!(page["status"], "approved");
        let uncovered_before = uncovered(&page).len();
        assert!(
            uncovered_before > 0,
            "the demo workplan leaves some paragraphs open"
        );
        let paragraphs = uncovered(&page)[0].as_u64().unwrap().to_string();
        let entry = [
            ("id", "extra-2026"),
            ("bodies", "IRG"),
            ("year", "2026"),
            ("paragraphs", paragraphs.as_str()),
            ("topics", "Follow-up"),
            ("create", "true"),
        ];

        // Whoever plans for its body saves it; a Bureau member plans only for their own body.
        let (status, _) = form_post(&bureau_ar, server, "workplan/entry", &entry).await;
        assert_eq!(status, 403, "{backend:?}");
        assert_eq!(
            assert_done(&secretariat, server, "workplan/entry", &entry).await,
            "Entry extra-2026 saved."
        );

        let page = workplan_page(server).await;
        assert_eq!(uncovered(&page).len(), uncovered_before - 1, "{backend:?}");
        assert!(page["entries"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["id"] == "extra-2026" && e["when"] == "2026"));
    })
    .await;
}

#[tokio::test]
async fn the_approval_moves_only_by_its_rules_and_only_for_the_secretariat() {
    on_each_backend(&[], async |server| {
        let secretariat = server.secretariat().await;
        let bureau_ar = server
            .bureau_member("bureau.ar@quorum.example", "WG-AR")
            .await;
        let silence = [("action", "start_silence"), ("date", "2026-12-01")];
        let (status, _) = form_post(&bureau_ar, server, "workplan/decide", &silence).await;
        assert_eq!(status, 403);
        // An approved plan is not a draft: it cannot be put to silence again.
        assert_refused(
            &secretariat,
            server,
            "workplan/decide",
            &silence,
            &["action"],
        )
        .await;
    })
    .await;
}
