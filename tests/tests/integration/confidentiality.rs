//! What a hostile State's focal point or a curious Bureau member can read, on both backends:
//! the export, nominations of other States and before release, refusals that would tell an
//! unreleased decision, the Bureau's internal note, markup smuggled into textareas, forged
//! origins and hosts, caches, and private feed addresses that outlive their holder. Each test
//! reproduces a finding of the security review (docs/security.md) and failed before its fix.

use reqwest::{Client, Method};
use serde_json::{json, Value};
use tests::{
    backends, form_post, get_json, http, nominations_of, page_text, post_as, send_as, TestDatabase,
    TestServer,
};

fn draft(id: &str, call: &str, name: &str) -> Value {
    json!({
        "id": id, "call": call, "nominee_name": name, "nominee_gender": "female",
        "nominee_email": format!("{}@nominee.example", id),
        "justification": "Secret justification of the State", "biography": "Biography"
    })
}

/// The accounts a test plays: the secretariat, the IRG Bureau (whose panel the call serves),
/// another body's Bureau, Austria's and France's focal points.
struct Cast {
    secretariat: Client,
    bureau: Client,
    other_bureau: Client,
    austria: Client,
    france: Client,
}

async fn cast(server: &TestServer) -> Cast {
    Cast {
        secretariat: server.secretariat().await,
        bureau: server
            .bureau_member("bureau.irg.c@quorum.example", "IRG")
            .await,
        other_bureau: server
            .bureau_member("bureau.ar.c@quorum.example", "WG-AR")
            .await,
        austria: server.focal_point("focal.at.c@quorum.example", "AT").await,
        france: server.focal_point("focal.fr.c@quorum.example", "FR").await,
    }
}

/// A call for the IRG panel "business-integrity-1" with Austria's nomination `at-1` submitted
/// and a draft `at-draft`.
async fn call_with_nominations(server: &TestServer, cast: &Cast) {
    let call = json!({ "id": "call-c", "note_verbale_date": "2026-11-01", "deadline": "2099-01-31", "panel": "business-integrity-1" });
    assert_eq!(
        post_as(&cast.bureau, server, "/api/calls", call).await.0,
        201
    );
    for id in ["at-1", "at-draft"] {
        let (status, body) = post_as(
            &cast.austria,
            server,
            "/api/nominations",
            draft(id, "call-c", "Anna Berger"),
        )
        .await;
        assert_eq!(status, 201, "{body}");
    }
    let (status, body) = post_as(
        &cast.austria,
        server,
        "/api/nominations/at-1/submit",
        json!({}),
    )
    .await;
    assert_eq!(status, 200, "{body}");
}

#[tokio::test]
async fn only_the_secretariat_exports_everything_and_the_public_export_holds_nothing_confidential()
{
    for backend in backends() {
        let db = TestDatabase::new(backend).await;
        let server = TestServer::start(&db).await;
        let cast = cast(&server).await;
        call_with_nominations(&server, &cast).await;

        assert_eq!(
            get_json(&server, "/api/export").await.0,
            401,
            "{backend:?}: anonymous"
        );
        for (who, client) in [("focal point", &cast.france), ("bureau", &cast.bureau)] {
            let status = client
                .get(server.url("/api/export"))
                .send()
                .await
                .unwrap()
                .status();
            assert_eq!(status, 403, "{backend:?}: {who}");
        }
        let (status, all) = tests::export_all(&server).await;
        assert_eq!(status, 200);
        assert_eq!(
            all["nominations"].as_array().unwrap().len(),
            2,
            "{backend:?}"
        );

        let response = http()
            .get(server.url("/api/export/public"))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
        let text = response.text().await.unwrap();
        for secret in [
            "Secret justification",
            "nominee.example",
            "Anna Berger",
            "\"nominations\":[{",
        ] {
            assert!(
                !text.contains(secret),
                "{backend:?}: the public export shows {secret:?}"
            );
        }
        let public: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(
            public["meetings"], all["meetings"],
            "the calendar is all there"
        );
    }
}

#[tokio::test]
async fn nominations_reach_only_those_entitled_and_checks_run_in_an_order_that_tells_nothing() {
    for backend in backends() {
        let db = TestDatabase::new(backend).await;
        let server = TestServer::start(&db).await;
        let cast = cast(&server).await;
        call_with_nominations(&server, &cast).await;

        // No Bureau reads a State's draft, through the API or the board.
        let ids = |v: Vec<Value>| {
            v.iter()
                .map(|n| n["id"].as_str().unwrap().to_owned())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            ids(nominations_of(&cast.bureau, &server).await),
            ["at-1"],
            "{backend:?}"
        );
        assert!(ids(nominations_of(&cast.other_bureau, &server).await).is_empty());
        assert!(ids(nominations_of(&cast.france, &server).await).is_empty());

        // Another State testing guesses of the status or the justification hears the same
        // "not found" whatever it guesses: authorization comes before the comparison.
        let seen = |status: &str, justification: &str| {
            json!({ "status": status, "released": false, "justification": justification, "note": null }).to_string()
        };
        let mut answers = vec![];
        for guess in [
            seen("submitted", "Secret justification of the State"),
            seen("draft", "wrong guess"),
        ] {
            answers.push(
                form_post(
                    &cast.france,
                    &server,
                    "nominations/step",
                    &[("id", "at-1"), ("step", "withdraw"), ("seen", &guess)],
                )
                .await,
            );
        }
        assert_eq!(
            answers[0], answers[1],
            "{backend:?}: a right guess answers like a wrong one"
        );
        assert_eq!(answers[0].0, 404, "{backend:?}: {:?}", answers[0]);

        // The Bureau decides, with an internal note and a message to the State; unreleased.
        let (status, body) = post_as(&cast.bureau, &server, "/api/nominations/at-1/decide",
            json!({ "decision": "declined", "note": "Gender balance", "message_to_state": "Thank you for the nomination." })).await;
        assert_eq!(status, 200, "{body}");
        // Austria, guessing that a decision exists, learns nothing: its view says under review,
        // and a seen status of "declined" is refused as a change from what it may see.
        let (_, outcome) = form_post(
            &cast.austria,
            &server,
            "nominations/step",
            &[
                ("id", "at-1"),
                ("step", "edit"),
                ("justification", "x"),
                (
                    "seen",
                    &seen("declined", "Secret justification of the State"),
                ),
            ],
        )
        .await;
        let said = outcome.to_string();
        assert!(
            !said.contains("declined") || said.contains("status declined → under_review"),
            "{backend:?}: {said}"
        );
        // Refusals are worded from what the State sees: never "declined", "accepted".
        let (status, refusal) = send_as(
            &cast.austria,
            &server,
            Method::PUT,
            "/api/nominations/at-1",
            json!({ "justification": "Changed" }),
        )
        .await;
        assert_eq!(status, 422, "{backend:?}: {refusal}");
        let refusal = refusal.to_string();
        assert!(
            refusal.contains("under review") && !refusal.contains("declined"),
            "{backend:?}: {refusal}"
        );
        let (status, refusal) = post_as(
            &cast.austria,
            &server,
            "/api/nominations/at-1/confirm",
            json!({}),
        )
        .await;
        assert_eq!(status, 422);
        assert!(
            !refusal.to_string().contains("declined"),
            "{backend:?}: {refusal}"
        );
        let (status, refusal) = post_as(
            &cast.austria,
            &server,
            "/api/nominations/at-1/submit",
            json!({}),
        )
        .await;
        assert_eq!(status, 422);
        assert!(
            !refusal.to_string().contains("declined"),
            "{backend:?}: {refusal}"
        );
        let mine = nominations_of(&cast.austria, &server).await;
        let at1 = mine.iter().find(|n| n["id"] == "at-1").unwrap();
        assert_eq!(
            (
                at1["status"].as_str(),
                &at1["decision_note"],
                &at1["message_to_state"]
            ),
            (Some("under_review"), &Value::Null, &Value::Null),
            "{backend:?}: {at1}"
        );

        // Released: the State reads the Bureau's message, never its internal note.
        assert_eq!(
            post_as(
                &cast.bureau,
                &server,
                "/api/calls/call-c/release",
                json!({})
            )
            .await
            .0,
            200
        );
        let mine = nominations_of(&cast.austria, &server).await;
        let at1 = mine.iter().find(|n| n["id"] == "at-1").unwrap();
        assert_eq!(at1["status"], "declined");
        assert_eq!(at1["message_to_state"], "Thank you for the nomination.");
        assert_eq!(
            at1["decision_note"],
            Value::Null,
            "{backend:?}: the internal note stays internal"
        );
        let page = cast
            .austria
            .get(server.url("/nominations"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(
            page.contains("Thank you for the nomination.") && !page.contains("Gender balance"),
            "{backend:?}"
        );
        let outbox: Vec<Value> = cast
            .secretariat
            .get(server.url("/api/outbox"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let message = outbox
            .iter()
            .find(|m| m["recipient"] == "focal.at.c@quorum.example")
            .expect("a message to Austria");
        assert!(
            !message.to_string().contains("Gender balance"),
            "{backend:?}: {message}"
        );

        // Nomination keys are the State's own: another State's key cannot be probed.
        let (status, body) = post_as(
            &cast.france,
            &server,
            "/api/nominations",
            draft("at-1", "call-c", "Probe"),
        )
        .await;
        assert_eq!(status, 422, "{backend:?}: {body}");
        assert!(body.to_string().contains("fr-"), "{body}");
        // An empty justification is refused on edit too.
        let (status, _) = send_as(
            &cast.austria,
            &server,
            Method::PUT,
            "/api/nominations/at-draft",
            json!({ "justification": "  " }),
        )
        .await;
        assert_eq!(status, 422, "{backend:?}");
    }
}

#[tokio::test]
async fn an_unreleased_decline_is_withdrawn_like_any_nomination_under_review() {
    for backend in backends() {
        let db = TestDatabase::new(backend).await;
        let server = TestServer::start(&db).await;
        let cast = cast(&server).await;
        call_with_nominations(&server, &cast).await;
        post_as(
            &cast.bureau,
            &server,
            "/api/nominations/at-1/decide",
            json!({ "decision": "declined" }),
        )
        .await;
        let (status, body) = post_as(
            &cast.austria,
            &server,
            "/api/nominations/at-1/withdraw",
            json!({}),
        )
        .await;
        assert_eq!(status, 200, "{backend:?}: {body}");
        assert_eq!(body["nomination"]["status"], "withdrawn");
        assert_eq!(
            body["balance_warnings"],
            json!([]),
            "no view of the selection for the State"
        );
    }
}

#[tokio::test]
async fn a_call_without_a_panel_belongs_to_the_secretariat() {
    for backend in backends() {
        let db = TestDatabase::new(backend).await;
        let server = TestServer::start(&db).await;
        let cast = cast(&server).await;
        let call = json!({ "id": "call-topic", "note_verbale_date": "2026-11-01", "deadline": "2099-01-31", "topic": "Prevention in sport" });
        assert_eq!(
            post_as(&cast.bureau, &server, "/api/calls", call.clone())
                .await
                .0,
            403,
            "{backend:?}"
        );
        assert_eq!(
            post_as(&cast.secretariat, &server, "/api/calls", call)
                .await
                .0,
            201
        );
        let (status, _) = post_as(
            &cast.austria,
            &server,
            "/api/nominations",
            draft("at-t", "call-topic", "Anna"),
        )
        .await;
        assert_eq!(status, 201);
        post_as(
            &cast.austria,
            &server,
            "/api/nominations/at-t/submit",
            json!({}),
        )
        .await;
        assert!(
            nominations_of(&cast.bureau, &server).await.is_empty(),
            "{backend:?}"
        );
        // The nomination does not exist for a Bureau that does not handle its call.
        assert_eq!(
            post_as(
                &cast.bureau,
                &server,
                "/api/nominations/at-t/review",
                json!({})
            )
            .await
            .0,
            404,
            "{backend:?}"
        );
        assert_eq!(
            post_as(
                &cast.bureau,
                &server,
                "/api/calls/call-topic/release",
                json!({})
            )
            .await
            .0,
            403,
            "{backend:?}"
        );
        let balance = cast
            .bureau
            .get(server.url("/api/calls/call-topic/balance"))
            .send()
            .await
            .unwrap()
            .status();
        assert_eq!(balance, 403);
        assert_eq!(
            post_as(
                &cast.secretariat,
                &server,
                "/api/nominations/at-t/review",
                json!({})
            )
            .await
            .0,
            200
        );
    }
}

#[tokio::test]
async fn stored_text_cannot_break_out_of_a_textarea_and_comes_back_as_typed() {
    for backend in backends() {
        let db = TestDatabase::new(backend).await;
        let server = TestServer::start(&db).await;
        let bureau = server
            .bureau_member("bureau.irg.t@quorum.example", "IRG")
            .await;
        let payload = "</textarea><b id=\"injected\">x</b><meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\"> a &lt; b";
        let session = [
            ("id", "irg-17"),
            ("body", "IRG"),
            ("kind", "regular"),
            ("number", "17"),
            ("venue", "vienna-vic"),
            ("format", "in_person"),
            ("start", "2026-06-01"),
            ("end", "2026-06-05"),
            ("status", "planned"),
            ("notes", payload),
            ("create", "true"),
        ];
        let (status, outcome) = form_post(&bureau, &server, "plan/save-session", &session).await;
        assert_eq!(status, 200, "{backend:?}: {outcome}");
        let page = bureau
            .get(server.url("/plan/session?session=irg-17"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(
            page.contains("id=\"s-notes\""),
            "{backend:?}: the session form is shown"
        );
        assert!(
            !page.contains("<b id=\"injected\">"),
            "{backend:?}: markup escaped the textarea"
        );
        assert!(
            !page.contains("<meta http-equiv=\"refresh\""),
            "{backend:?}"
        );
        assert!(
            page.contains("&lt;/textarea&gt;&lt;b id=\"injected\"&gt;"),
            "{backend:?}: the text is kept"
        );
        assert!(
            page.contains("a &amp;lt; b"),
            "{backend:?}: what was typed comes back as typed"
        );
        // Saved again as the browser sends it back, the text is unchanged.
        let (_, form) = form_post(&http(), &server, "plan/session", &[("id", "irg-17")]).await;
        assert_eq!(form["notes"], payload, "{backend:?}");
    }
}

#[tokio::test]
async fn forged_origins_and_hosts_get_nowhere() {
    for backend in backends() {
        let db = TestDatabase::new(backend).await;
        let server = TestServer::start(&db).await;
        let cast = cast(&server).await;
        let port = server.base_url.rsplit(':').next().unwrap().to_owned();
        // Login CSRF: another site's form cannot sign the browser in.
        for origin in [
            "https://evil.example",
            "null",
            &format!("https://127.0.0.1:{port}"),
        ] {
            let response = http()
                .post(server.url("/login"))
                .header("origin", origin)
                .form(&[
                    ("email", "test.secretariat@quorum.example"),
                    ("password", tests::TEST_PASSWORD),
                ])
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), 403, "{backend:?}: {origin}");
            assert!(
                response.headers().get("set-cookie").is_none(),
                "{backend:?}: {origin}"
            );
        }
        let response = http()
            .post(server.url("/login"))
            .header("origin", &server.base_url)
            .form(&[
                ("email", "test.secretariat@quorum.example"),
                ("password", tests::TEST_PASSWORD),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(
            response.status(),
            303,
            "{backend:?}: Quorum's own form signs in"
        );
        let cookie = response.headers()["set-cookie"]
            .to_str()
            .unwrap()
            .split(';')
            .next()
            .unwrap()
            .to_owned();

        // The origin check compares scheme and port with the base URL, and ignores Host.
        let forged = [
            (format!("https://127.0.0.1:{port}"), None),
            ("http://evil.example".to_owned(), Some("evil.example")),
        ];
        for (origin, host) in forged {
            let mut request = http()
                .post(server.url("/api/account/new-private-feed"))
                .header("cookie", &cookie)
                .header("origin", &origin)
                .form(&[("kind", "state"), ("subject", "AT")]);
            if let Some(host) = host {
                request = request.header("host", host);
            }
            assert_eq!(
                request.send().await.unwrap().status(),
                403,
                "{backend:?}: {origin}"
            );
        }

        // A forged Host never reaches the links of the shared feed cache.
        let response = http()
            .get(server.url("/feeds/all.ics"))
            .header("host", "evil.example")
            .send()
            .await
            .unwrap();
        assert!(
            !response.text().await.unwrap().contains("evil.example"),
            "{backend:?}"
        );
        let feed = page_text(&server, "/feeds/all.ics").await;
        assert!(
            !feed.contains("evil.example") && feed.contains(&server.base_url),
            "{backend:?}"
        );
        let _ = cast;
    }
}

#[tokio::test]
async fn answers_that_depend_on_the_sign_in_are_kept_by_no_cache() {
    for backend in backends() {
        let db = TestDatabase::new(backend).await;
        let server = TestServer::start(&db).await;
        let cast = cast(&server).await;
        for path in [
            "/admin",
            "/account",
            "/review",
            "/plan",
            "/api/me",
            "/api/audit",
            "/api/outbox",
            "/api/nominations",
        ] {
            let response = cast.secretariat.get(server.url(path)).send().await.unwrap();
            let headers = response.headers();
            assert_eq!(
                headers.get("cache-control").map(|v| v.to_str().unwrap()),
                Some("private, no-store"),
                "{backend:?}: {path}"
            );
            assert!(
                headers.get_all("vary").iter().any(|v| v
                    .to_str()
                    .unwrap()
                    .to_lowercase()
                    .contains("cookie")),
                "{backend:?}: {path}"
            );
        }
        let (status, links) = post_as(
            &cast.austria,
            &server,
            "/api/feed-tokens",
            json!({ "state": "AT" }),
        )
        .await;
        assert_eq!(status, 201, "{links}");
        let response = cast
            .austria
            .post(server.url("/api/feed-tokens"))
            .json(&json!({ "state": "AT" }))
            .send()
            .await
            .unwrap();
        assert_eq!(response.headers()["cache-control"], "private, no-store");
    }
}

/// The secretariat moves a focal point to France, or removes the account.
async fn change_focal_point(
    secretariat: &Client,
    server: &TestServer,
    email: &str,
    remove: bool,
) -> (u16, Value) {
    let remove = if remove { "true" } else { "false" };
    let fields = [
        ("email", email),
        ("role", "focal_point"),
        ("scope", "FR"),
        ("remove", remove),
    ];
    form_post(secretariat, server, "admin/change-user", &fields).await
}

/// The path of a private feed address in a feed-links answer.
fn feed_path(links: &Value) -> String {
    let url = links.to_string();
    let start = url.find("/feeds/private/").unwrap();
    url[start..].split(".ics").next().unwrap().to_owned() + ".ics"
}

#[tokio::test]
async fn private_feed_addresses_end_with_their_holders_right_and_are_audited() {
    for backend in backends() {
        let db = TestDatabase::new(backend).await;
        let server = TestServer::start(&db).await;
        let cast = cast(&server).await;
        let (status, first) = post_as(
            &cast.austria,
            &server,
            "/api/feed-tokens",
            json!({ "state": "AT" }),
        )
        .await;
        assert_eq!(status, 201);
        let first = feed_path(&first);
        assert_eq!(get_json(&server, &first).await.0, 200);
        // A new address: the old one stops at once, and the audit log says who issued it.
        let (_, second) = post_as(
            &cast.austria,
            &server,
            "/api/feed-tokens",
            json!({ "state": "AT" }),
        )
        .await;
        let second = feed_path(&second);
        assert_eq!(get_json(&server, &first).await.0, 404, "{backend:?}");
        let audit: Vec<Value> = cast
            .secretariat
            .get(server.url("/api/audit"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let issued: Vec<&Value> = audit
            .iter()
            .filter(|e| e["action"] == "private feed address issued")
            .collect();
        assert_eq!(issued.len(), 2, "{backend:?}");
        assert_eq!(issued[0]["actor"], "focal.at.c@quorum.example");
        assert!(!audit.iter().any(|e| e.to_string().contains(
            second
                .trim_start_matches("/feeds/private/")
                .trim_end_matches(".ics")
        )));

        // The focal point moves to another State: Austria's address stops working.
        let (_, outcome) = change_focal_point(
            &cast.secretariat,
            &server,
            "focal.at.c@quorum.example",
            false,
        )
        .await;
        assert!(outcome["done"].is_string(), "{backend:?}: {outcome}");
        assert_eq!(
            get_json(&server, &second).await.0,
            404,
            "{backend:?}: moved"
        );

        // France's focal point is removed: France's address stops working.
        let (_, links) = post_as(
            &cast.france,
            &server,
            "/api/feed-tokens",
            json!({ "state": "FR" }),
        )
        .await;
        let france = feed_path(&links);
        assert_eq!(get_json(&server, &france).await.0, 200);
        let (_, outcome) = change_focal_point(
            &cast.secretariat,
            &server,
            "focal.fr.c@quorum.example",
            true,
        )
        .await;
        assert!(outcome["done"].is_string(), "{backend:?}: {outcome}");
        assert_eq!(
            get_json(&server, &france).await.0,
            404,
            "{backend:?}: removed"
        );
    }
}

/// Found by the outside probe after the first fixes: a draft withdrawn unsubmitted, and nominees'
/// names in the planner's lists and as moderators.
#[tokio::test]
async fn nominees_stay_unnamed_until_they_are_on_a_panel() {
    for backend in backends() {
        let db = TestDatabase::new(backend).await;
        let server = TestServer::start(&db).await;
        let cast = cast(&server).await;
        call_with_nominations(&server, &cast).await;

        // A draft withdrawn without being submitted stays the State's.
        let (status, _) = post_as(
            &cast.austria,
            &server,
            "/api/nominations/at-draft/withdraw",
            json!({}),
        )
        .await;
        assert_eq!(status, 200);
        let seen: Vec<String> = nominations_of(&cast.bureau, &server)
            .await
            .iter()
            .map(|n| n["id"].to_string())
            .collect();
        assert_eq!(seen, ["\"at-1\""], "{backend:?}");
        assert_eq!(
            post_as(
                &cast.bureau,
                &server,
                "/api/nominations/at-draft/review",
                json!({})
            )
            .await
            .0,
            404
        );

        // The planner's lists of persons name no nominee, for anyone.
        for client in [&http(), &cast.bureau, &cast.france] {
            let (_, choices) = form_post(client, &server, "plan/panel-choices", &[]).await;
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
        let (_, outcome) = form_post(&cast.secretariat, &server, "plan/save-panel", &panel).await;
        assert_eq!(
            outcome["errors"][0]["field"], "moderator",
            "{backend:?}: {outcome}"
        );
        let public = page_text(&server, "/api/export/public").await;
        assert!(!public.contains("nominee-at-1"), "{backend:?}");

        // Signing in answers no cache may keep; a method a route does not serve is 405.
        let response = http()
            .post(server.url("/api/login"))
            .json(
                &json!({ "email": "focal.at.c@quorum.example", "password": tests::TEST_PASSWORD }),
            )
            .send()
            .await
            .unwrap();
        assert_eq!(
            response.headers()["cache-control"],
            "private, no-store",
            "{backend:?}"
        );
        let status = get_json(&server, "/api/nominations/at-1/submit").await.0;
        assert_eq!(status, 405, "{backend:?}");
    }
}
