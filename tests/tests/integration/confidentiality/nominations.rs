//! Who reads a nomination: the State that made it, the secretariat, and the Bureau handling its
//! call once it is submitted; for anyone else it does not exist, whatever they guess, and no
//! nominee is named before being on a panel.

use reqwest::Method;
use serde_json::{json, Value};
use tests::{
    form_post, http, nominations_of, page_text, page_text_as, post_as, send_as, status_as,
};

use super::{cast, draft, step, with_nominations, SECRETS};

/// The keys of a list of nominations, in the order given.
fn ids(list: Vec<Value>) -> Vec<String> {
    list.iter()
        .map(|n| n["id"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn nominations_reach_only_those_entitled() {
    with_nominations(async |server, cast| {
        let backend = server.backend();
        let read = async |client: &reqwest::Client| ids(nominations_of(client, server).await);
        assert_eq!(
            read(&cast.secretariat).await,
            ["at-1", "at-draft"],
            "{backend:?}"
        );
        assert_eq!(
            read(&cast.austria).await,
            ["at-1", "at-draft"],
            "{backend:?}"
        );
        assert!(read(&cast.france).await.is_empty(), "{backend:?}");
        // No Bureau reads a State's draft, through the API or the board.
        assert_eq!(read(&cast.bureau).await, ["at-1"], "{backend:?}: no draft");
        assert!(
            read(&cast.other_bureau).await.is_empty(),
            "{backend:?}: another body's Bureau"
        );
        assert_eq!(status_as(&http(), server, "/api/nominations").await, 401);
        for page in ["/review", "/nominations"] {
            for client in [&cast.france, &cast.other_bureau] {
                let text = page_text_as(client, server, page).await;
                for secret in SECRETS {
                    assert!(
                        !text.contains(secret),
                        "{backend:?}: {page} shows {secret:?}"
                    );
                }
            }
        }

        // Found by the outside probe: a draft withdrawn without being submitted stays the State's.
        let (status, _) = step(&cast.austria, server, "at-draft", "withdraw").await;
        assert_eq!(status, 200);
        assert_eq!(read(&cast.bureau).await, ["at-1"], "{backend:?}");
        assert_eq!(
            step(&cast.bureau, server, "at-draft", "review").await.0,
            404
        );
    })
    .await;
}

#[tokio::test]
async fn another_state_can_probe_neither_a_nomination_nor_its_key() {
    with_nominations(async |server, cast| {
        let backend = server.backend();
        // Another State testing guesses of the status or the justification hears the same
        // "not found" whatever it guesses: authorization comes before the comparison.
        let mut answers = vec![];
        for guess in [
            super::seen("submitted", "Secret justification of the State"),
            super::seen("draft", "wrong guess"),
        ] {
            let fields = [("id", "at-1"), ("step", "withdraw"), ("seen", &guess)];
            answers.push(form_post(&cast.france, server, "nominations/step", &fields).await);
        }
        assert_eq!(
            answers[0], answers[1],
            "{backend:?}: a right guess answers like a wrong one"
        );
        assert_eq!(answers[0].0, 404, "{backend:?}: {:?}", answers[0]);

        // Nomination keys are the State's own: another State's key cannot be probed.
        let probe = draft("at-1", "call-c", "Probe");
        let (status, body) = post_as(&cast.france, server, "/api/nominations", probe).await;
        assert_eq!(status, 422, "{backend:?}: {body}");
        assert!(body.to_string().contains("fr-"), "{body}");
    })
    .await;
}

#[tokio::test]
async fn an_edit_that_empties_the_justification_is_refused() {
    with_nominations(async |server, cast| {
        let edit = json!({ "justification": "  " });
        let path = "/api/nominations/at-draft";
        let (status, _) = send_as(&cast.austria, server, Method::PUT, path, edit).await;
        assert_eq!(status, 422, "{:?}", server.backend());
    })
    .await;
}

#[tokio::test]
async fn a_call_without_a_panel_belongs_to_the_secretariat() {
    tests::on_each_backend(&[], async |server| {
        let backend = server.backend();
        let cast = cast(server).await;
        let call = json!({ "id": "call-topic", "note_verbale_date": "2026-11-01", "deadline": "2099-01-31", "topic": "Prevention in sport" });
        let (status, _) = post_as(&cast.bureau, server, "/api/calls", call.clone()).await;
        assert_eq!(status, 403, "{backend:?}");
        let (status, _) = post_as(&cast.secretariat, server, "/api/calls", call).await;
        assert_eq!(status, 201);
        let nomination = draft("at-t", "call-topic", "Anna");
        let (status, _) = post_as(&cast.austria, server, "/api/nominations", nomination).await;
        assert_eq!(status, 201);
        step(&cast.austria, server, "at-t", "submit").await;
        assert!(
            nominations_of(&cast.bureau, server).await.is_empty(),
            "{backend:?}"
        );
        // The nomination does not exist for a Bureau that does not handle its call.
        let (status, _) = step(&cast.bureau, server, "at-t", "review").await;
        assert_eq!(status, 404, "{backend:?}");
        let (status, _) = post_as(&cast.bureau, server, "/api/calls/call-topic/release", json!({})).await;
        assert_eq!(status, 403, "{backend:?}");
        let balance = status_as(&cast.bureau, server, "/api/calls/call-topic/balance").await;
        assert_eq!(balance, 403);
        let (status, _) = step(&cast.secretariat, server, "at-t", "review").await;
        assert_eq!(status, 200);
    })
    .await;
}

/// Found by the outside probe after the first fixes: nominees' names in the planner's lists
/// and as moderators.
#[tokio::test]
async fn nominees_stay_unnamed_until_they_are_on_a_panel() {
    with_nominations(async |server, cast| {
        let backend = server.backend();
        // The planner's lists of persons name no nominee, for anyone.
        for client in [&http(), &cast.bureau, &cast.france] {
            let (_, choices) = form_post(client, server, "plan/panel-choices", &[]).await;
            let text = choices.to_string();
            assert!(text.contains("\"persons\""), "{text}");
            assert!(
                !text.contains("nominee-") && !text.contains("Anna Berger"),
                "{backend:?}: {text}"
            );
        }
        // Nor can a Bureau name one as a panel's moderator, and so publish them.
        let panel = [
            ("id", "business-integrity-1"),
            ("meeting", "joint-2023-06-morning"),
            ("topic", "Business integrity"),
            ("moderator", "nominee-at-1"),
            ("create", "false"),
        ];
        let (_, outcome) = form_post(&cast.secretariat, server, "plan/save-panel", &panel).await;
        assert_eq!(
            outcome["errors"][0]["field"], "moderator",
            "{backend:?}: {outcome}"
        );
        let public = page_text(server, "/api/export/public").await;
        assert!(!public.contains("nominee-at-1"), "{backend:?}");
    })
    .await;
}
