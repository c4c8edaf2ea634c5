//! Calls and submissions: who opens a call, who nominates and who sees a nomination, the quota
//! and the deadline a submission must keep, and an organisation nominating for itself.

use serde_json::json;
use tests::{get_json, nominations_of, on_each_backend};

use super::{
    balance_of, call_to_panel, decide, draft, nominate, open_call, step, BusinessIntegrity,
    BUSINESS_INTEGRITY,
};

#[tokio::test]
async fn a_call_is_opened_by_the_bureau_of_its_panels_body_and_read_by_anyone() {
    on_each_backend(&[], async |server| {
        let backend = server.backend();
        let cast = BusinessIntegrity::cast(server).await;
        let call = BusinessIntegrity::call();
        assert_eq!(
            open_call(&cast.austria, server, call.clone()).await,
            403,
            "focal points do not open calls"
        );
        assert_eq!(
            open_call(&cast.other_bureau, server, call.clone()).await,
            403,
            "another body's Bureau"
        );
        assert_eq!(
            open_call(&cast.bureau, server, call).await,
            201,
            "{backend:?}"
        );
        let (_, calls) = get_json(server, "/api/calls").await;
        assert_eq!(calls[0]["id"], BUSINESS_INTEGRITY, "calls are public");
    })
    .await;
}

#[tokio::test]
async fn only_focal_points_nominate_and_each_state_sees_its_own_nominations_only() {
    on_each_backend(&[], async |server| {
        let backend = server.backend();
        let cast = BusinessIntegrity::drafted(server).await;
        assert_eq!(
            nominate(&cast.bureau, server, draft("x-1", BUSINESS_INTEGRITY, "X")).await,
            403,
            "only focal points nominate"
        );

        // Each State sees its own nominations only, and cannot act on another's.
        let mine = nominations_of(&cast.austria, server).await;
        assert_eq!(mine.len(), 1);
        assert_eq!(mine[0]["nominee"]["name"], "Anna Berger");
        assert_eq!(
            step(&cast.austria, server, "fr-1", "submit").await.0,
            404,
            "{backend:?}: invisible to Austria"
        );
        assert_eq!(
            nominations_of(&cast.bureau, server).await.len(),
            0,
            "no Bureau reads a State's draft"
        );
        assert_eq!(step(&cast.austria, server, "at-1", "submit").await.0, 200);
        assert_eq!(step(&cast.france, server, "fr-1", "submit").await.0, 200);
        assert_eq!(
            nominations_of(&cast.bureau, server).await.len(),
            2,
            "the Bureau sees every submitted nomination to its call"
        );
    })
    .await;
}

#[tokio::test]
async fn a_submission_over_the_states_quota_or_after_the_deadline_is_refused() {
    on_each_backend(&[], async |server| {
        let cast = BusinessIntegrity::drafted(server).await;
        assert_eq!(step(&cast.austria, server, "at-1", "submit").await.0, 200);
        let second = draft("at-2", BUSINESS_INTEGRITY, "Berta Huber");
        assert_eq!(nominate(&cast.austria, server, second).await, 201);
        let (status, body) = step(&cast.austria, server, "at-2", "submit").await;
        assert_eq!(status, 422);
        assert_eq!(body["errors"][0], "nomination at-2: status: Austria has already submitted 1 nomination to this call, which is its quota.");

        let late = json!({ "id": "call-closed", "note_verbale_date": "2020-01-01", "deadline": "2020-02-01", "topic": "Asset recovery" });
        assert_eq!(open_call(&cast.secretariat, server, late).await, 201);
        nominate(
            &cast.austria,
            server,
            draft("at-late", "call-closed", "Carl Gruber"),
        )
        .await;
        let (status, body) = step(&cast.austria, server, "at-late", "submit").await;
        assert_eq!(status, 422);
        assert!(
            body["errors"][0]
                .as_str()
                .unwrap()
                .contains("late nominations are refused"),
            "{body}"
        );
    })
    .await;
}

#[tokio::test]
async fn a_focal_point_of_an_organisation_nominates_for_it() {
    on_each_backend(&[], async |server| {
        let backend = server.backend();
        let secretariat = server.secretariat().await;
        let egmont = server
            .organisation_focal_point("focal.egmont@quorum.example", "egmont-group")
            .await;
        let austria = server
            .focal_point("focal.at.test@quorum.example", "AT")
            .await;
        let call = call_to_panel("call-fiu", "2099-01-31", "money-laundering-1");
        assert_eq!(open_call(&secretariat, server, call).await, 201);
        let nomination = draft("org-egmont-group-1", "call-fiu", "Fatima Diallo");
        assert_eq!(nominate(&egmont, server, nomination).await, 201);
        assert_eq!(
            step(&egmont, server, "org-egmont-group-1", "submit")
                .await
                .0,
            200,
            "{backend:?}"
        );
        let own = nominations_of(&egmont, server).await;
        assert_eq!(
            own[0]["nominator"],
            json!({ "organisation": "egmont-group" })
        );
        assert!(
            nominations_of(&austria, server).await.is_empty(),
            "a State's focal point does not see it"
        );
        decide(
            &secretariat,
            server,
            "org-egmont-group-1",
            json!({ "decision": "accepted" }),
        )
        .await;
        let (_, balance) = balance_of(&secretariat, server, "call-fiu").await;
        assert_eq!(
            balance["composition"]["by_stakeholder"]["intergovernmental"],
            1
        );
    })
    .await;
}
