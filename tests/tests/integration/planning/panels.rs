//! The panel form: errors by field, panels planned by the Bureau of their meeting only, created
//! once, and a change shown on the session page.

use tests::scenarios::{assert_done, assert_refused};
use tests::{form_post, on_each_backend};

/// The panel form for the joint meeting of June 2023.
fn panel(
    topic: &'static str,
    size: &'static str,
    create: &'static str,
) -> Vec<(&'static str, &'static str)> {
    vec![
        ("id", "joint-2023-06-panel"),
        ("meeting", "joint-2023-06-morning"),
        ("topic", topic),
        ("workplan_entry", "wp-2023-06"),
        ("planned_size", size),
        ("create", create),
    ]
}

#[tokio::test]
async fn panels_are_planned_by_the_bureau_of_their_meeting_with_errors_by_field() {
    on_each_backend(&[], async |server| {
        let backend = server.backend();
        let irg = server
            .bureau_member("bureau.panels@quorum.example", "IRG")
            .await;
        let asset_recovery = server
            .bureau_member("bureau.ar@quorum.example", "WG-AR")
            .await;
        let save = "plan/save-panel";
        assert_refused(
            &irg,
            server,
            save,
            &panel("Beneficial ownership", "many", "true"),
            &["planned_size"],
        )
        .await;
        assert_refused(&irg, server, save, &panel("", "4", "true"), &["topic"]).await;
        let mut unknown = panel("Beneficial ownership", "4", "true");
        unknown[1] = ("meeting", "no-such-meeting");
        let (status, outcome) = form_post(&irg, server, save, &unknown).await;
        assert_eq!(
            status, 403,
            "nobody plans panels of unknown meetings: {outcome}"
        );

        let valid = panel("Beneficial ownership registers", "4", "true");
        let (status, _) = form_post(&asset_recovery, server, save, &valid).await;
        assert_eq!(
            status, 403,
            "{backend:?}: not a meeting of the asset recovery group"
        );
        assert_eq!(
            assert_done(&irg, server, save, &valid).await,
            "Panel joint-2023-06-panel saved: Beneficial ownership registers."
        );
        // Created twice, the second is refused.
        assert_refused(&irg, server, save, &valid, &["id"]).await;
    })
    .await;
}

#[tokio::test]
async fn a_changed_panel_shows_on_its_session_page() {
    on_each_backend(&[], async |server| {
        let backend = server.backend();
        let irg = server
            .bureau_member("bureau.panels@quorum.example", "IRG")
            .await;
        let save = "plan/save-panel";
        assert_done(
            &irg,
            server,
            save,
            &panel("Beneficial ownership registers", "4", "true"),
        )
        .await;
        let (_, form) =
            form_post(&irg, server, "plan/panel", &[("id", "joint-2023-06-panel")]).await;
        assert_eq!(form["workplan_entry"], "wp-2023-06", "{form}");
        assert_eq!(form["planned_size"], "4", "{form}");
        assert_done(
            &irg,
            server,
            save,
            &panel("Registers of beneficial owners", "5", "false"),
        )
        .await;
        let page = tests::page_text(server, "/sessions/irg-14").await;
        assert!(
            page.contains("Registers of beneficial owners"),
            "{backend:?}: the session page shows the changed panel"
        );
    })
    .await;
}
