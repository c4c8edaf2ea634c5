//! The session form: errors by field, a Bureau planning its own body's sessions only, and a
//! change to a year-only session.

use serde_json::json;
use tests::scenarios::{assert_done, assert_refused, record};
use tests::{form_post, get_json, on_each_backend};

/// The session form for the seventeenth session of `body`, from `start` to `end`.
fn session(
    body: &'static str,
    start: &'static str,
    end: &'static str,
) -> Vec<(&'static str, &'static str)> {
    vec![
        ("id", "irg-17"),
        ("body", body),
        ("kind", "regular"),
        ("number", "17"),
        ("venue", "vienna-vic"),
        ("format", "in_person"),
        ("start", start),
        ("end", end),
        ("status", "planned"),
        ("create", "true"),
    ]
}

#[tokio::test]
async fn sessions_are_planned_through_the_session_form_with_errors_by_field() {
    on_each_backend(&[], async |server| {
        let backend = server.backend();
        let bureau = server
            .bureau_member("bureau.sessions@quorum.example", "IRG")
            .await;
        assert_refused(
            &bureau,
            server,
            "plan/save-session",
            &session("IRG", "2026-06-05", "2026-06-01"),
            &["end"],
        )
        .await;
        let (status, _) = form_post(
            &bureau,
            server,
            "plan/save-session",
            &session("WG-AR", "2026-06-01", "2026-06-05"),
        )
        .await;
        assert_eq!(
            status, 403,
            "{backend:?}: a Bureau plans its own body's sessions"
        );
        assert_eq!(
            assert_done(
                &bureau,
                server,
                "plan/save-session",
                &session("IRG", "2026-06-01", "2026-06-05"),
            )
            .await,
            "Seventeenth session of the Implementation Review Group (irg-17) saved."
        );

        let (_, form) =
            form_post(&tests::http(), server, "plan/session", &[("id", "irg-17")]).await;
        assert_eq!(
            (form["start"].as_str(), form["number"].as_str()),
            (Some("2026-06-01"), Some("17")),
            "{form}"
        );
    })
    .await;
}

#[tokio::test]
async fn a_session_changed_to_a_year_keeps_only_its_year() {
    on_each_backend(&[], async |server| {
        let bureau = server
            .bureau_member("bureau.sessions@quorum.example", "IRG")
            .await;
        assert_done(
            &bureau,
            server,
            "plan/save-session",
            &session("IRG", "2026-06-01", "2026-06-05"),
        )
        .await;
        // Changed without days: the days become unknown, only the year stays.
        let change = [
            ("id", "irg-17"),
            ("body", "IRG"),
            ("kind", "regular"),
            ("number", "17"),
            ("format", "hybrid"),
            ("year", "2026"),
            ("status", "planned"),
            ("create", "false"),
        ];
        assert_done(&bureau, server, "plan/save-session", &change).await;
        let (_, sessions) = get_json(server, "/api/sessions?body=IRG").await;
        let stored = record(&sessions, "id", "irg-17");
        assert_eq!(stored["format"], "hybrid", "{stored}");
        assert_eq!(stored["dates"], json!({ "year": 2026 }), "{stored}");
    })
    .await;
}
