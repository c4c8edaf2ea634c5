//! The Bureau's balance targets for a call: set by the secretariat, read by it alone, and a
//! decision that moves the selection away from them flagged before it is released.

use reqwest::Method;
use serde_json::json;
use tests::{on_each_backend, send_as};

use super::{balance_of, call_to_panel, decide, draft, nominate, open_call, step};

#[tokio::test]
async fn a_decision_moving_away_from_the_bureaus_targets_is_flagged() {
    on_each_backend(&[], async |server| {
        let backend = server.backend();
        let secretariat = server.secretariat().await;
        let austria = server
            .focal_point("focal.at.test@quorum.example", "AT")
            .await;
        let france = server
            .focal_point("focal.fr.test@quorum.example", "FR")
            .await;
        let call = call_to_panel("call-ml", "2099-01-31", "money-laundering-1");
        assert_eq!(open_call(&secretariat, server, call).await, 201);
        let set_targets = async |client, targets| {
            send_as(
                client,
                server,
                Method::PUT,
                "/api/calls/call-ml/targets",
                targets,
            )
            .await
            .0
        };
        let targets = json!({ "min_female_share": 0.5, "min_regional_groups": 2 });
        assert_eq!(set_targets(&secretariat, targets).await, 200);
        assert_eq!(set_targets(&austria, json!({})).await, 403);

        nominate(&austria, server, draft("at-ml", "call-ml", "Anna Berger")).await;
        let mut male = draft("fr-ml", "call-ml", "Jean Dupont");
        male["nominee_gender"] = "male".into();
        nominate(&france, server, male).await;
        step(&austria, server, "at-ml", "submit").await;
        step(&france, server, "fr-ml", "submit").await;

        let decision = |decision: &str| json!({ "decision": decision });
        let (_, first) = decide(&secretariat, server, "at-ml", decision("accepted")).await;
        assert_eq!(
            first["balance_warnings"],
            json!([]),
            "{backend:?}: one woman of one meets the share"
        );
        let (_, second) = decide(&secretariat, server, "fr-ml", decision("accepted")).await;
        assert_eq!(
            second["balance_warnings"],
            json!([]),
            "1 of 2 is still half"
        );

        let (_, balance) = balance_of(&secretariat, server, "call-ml").await;
        assert_eq!(balance["composition"]["total"], 2);
        assert_eq!(
            balance["composition"]["by_regional_group"]["western_european_others"],
            2
        );
        assert_eq!(balance["warnings"][0], "1 of 2 regional groups wanted; missing: African States, Asia-Pacific States, Eastern European States, Latin American and Caribbean States");
        assert_eq!(balance_of(&austria, server, "call-ml").await.0, 403);

        // Declining the woman would leave none: the Bureau is warned before it releases.
        let (_, third) = decide(&secretariat, server, "at-ml", decision("declined")).await;
        assert_eq!(
            third["balance_warnings"],
            json!(["0 of 1 selected are women; the target is at least 50 %"]),
            "{backend:?}"
        );
    })
    .await;
}
