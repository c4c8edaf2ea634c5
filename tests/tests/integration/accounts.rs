//! Who may do what, on both backends: an authorization matrix over every state-changing
//! endpoint, CSRF, session expiry, login throttling (atomic, by address and client), the demo
//! accounts and the audit log.

use reqwest::Method;
use serde_json::{json, Value};
use tests::{backends, get_json, http, login, send_as, TestDatabase, TestServer};

const DEMO: &str = include_str!("../../../app/data/demo.json");

fn new_meeting(id: &str, session: &str, start: &str) -> Value {
    json!({
        "id": id, "title": "Informal consultations", "kind": "informal_consultation",
        "sessions": [session], "venue": "vienna-vic",
        "start": start, "end": start.replace("T08:", "T09:")
    })
}

#[tokio::test]
async fn exactly_the_allowed_roles_may_change_each_thing() {
    for backend in backends() {
        let db = TestDatabase::new(backend).await;
        let server = TestServer::start(&db).await;
        let secretariat = server.secretariat().await;
        let bureau = server
            .bureau_member("bureau.test@quorum.example", "IRG")
            .await;
        let focal = server.focal_point("focal.test@quorum.example", "AT").await;
        let anonymous = http();
        // A warning involving the Implementation Review Group, for the acceptance row.
        let evening = json!({
            "id": "irg-15-evening", "title": "Evening briefing", "kind": "informal_consultation",
            "sessions": ["irg-15"], "venue": "vienna-vic",
            "start": "2024-06-11T17:00:00Z", "end": "2024-06-11T18:00:00Z"
        });
        let (status, _) = send_as(
            &secretariat,
            &server,
            Method::POST,
            "/api/meetings",
            &evening,
        )
        .await;
        assert_eq!(status, 201);
        let (_, conflicts) = get_json(&server, "/api/conflicts").await;
        let warning = conflicts[0]["id"].as_str().unwrap().to_owned();
        // A call to nominate to, and an account whose password the matrix resets.
        let call = json!({ "id": "matrix-call", "note_verbale_date": "2026-11-01", "deadline": "2099-01-31", "panel": "money-laundering-1" });
        assert_eq!(
            send_as(&secretariat, &server, Method::POST, "/api/calls", call)
                .await
                .0,
            201
        );
        server.focal_point("someone@quorum.example", "FR").await;
        // Austria's nominations for the workflow rows: one per role and step.
        let call2 = json!({ "id": "matrix-call-2", "note_verbale_date": "2026-11-01", "deadline": "2099-01-31", "panel": "money-laundering-2" });
        assert_eq!(
            send_as(&secretariat, &server, Method::POST, "/api/calls", call2)
                .await
                .0,
            201
        );
        for step in ["edit", "submit", "review"] {
            for i in 0..4 {
                let draft = json!({ "id": format!("at-{step}-{i}"), "call": "matrix-call-2", "nominee_name": "N. N.", "nominee_gender": "female", "justification": "Expert" });
                assert_eq!(
                    send_as(&focal, &server, Method::POST, "/api/nominations", draft)
                        .await
                        .0,
                    201
                );
                if step == "review" {
                    let path = format!("/api/nominations/at-review-{i}/submit");
                    assert_eq!(
                        send_as(&focal, &server, Method::POST, &path, json!({}))
                            .await
                            .0,
                        200
                    );
                }
            }
        }

        let roles: [(&str, &reqwest::Client); 4] = [
            ("anonymous", &anonymous),
            ("secretariat", &secretariat),
            ("bureau IRG", &bureau),
            ("focal point AT", &focal),
        ];
        // (what, method, path, body for each role, roles allowed)
        let rows: Vec<(&str, Method, String, Box<dyn Fn(usize) -> Value>, Vec<&str>)> = vec![
            (
                "import",
                Method::POST,
                "/api/import".into(),
                Box::new(|_| serde_json::from_str(DEMO).unwrap()),
                vec!["secretariat"],
            ),
            (
                "create an IRG meeting",
                Method::POST,
                "/api/meetings".into(),
                Box::new(|i| {
                    new_meeting(
                        &format!("irg-15-extra-{i}"),
                        "irg-15",
                        &format!("2024-06-1{i}T08:00:00Z"),
                    )
                }),
                vec!["secretariat", "bureau IRG"],
            ),
            (
                "create a WG-AR meeting",
                Method::POST,
                "/api/meetings".into(),
                Box::new(|i| {
                    new_meeting(
                        &format!("wg-ar-18-extra-{i}"),
                        "wg-ar-18",
                        &format!("2024-09-0{}T08:00:00Z", i + 2),
                    )
                }),
                vec!["secretariat"],
            ),
            (
                "change a joint IRG meeting",
                Method::PUT,
                "/api/meetings/joint-2023-06-afternoon".into(),
                Box::new(|i| {
                    let mut m: Value = serde_json::from_str::<Value>(DEMO).unwrap()["meetings"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .find(|m| m["id"] == "joint-2023-06-afternoon")
                        .unwrap()
                        .clone();
                    m["title"] = format!("Joint meeting, version {i}").into();
                    m
                }),
                vec!["secretariat", "bureau IRG"],
            ),
            (
                "change a Conference meeting",
                Method::PUT,
                "/api/meetings/cosp-10-opening".into(),
                Box::new(|i| {
                    let mut m: Value = serde_json::from_str::<Value>(DEMO).unwrap()["meetings"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .find(|m| m["id"] == "cosp-10-opening")
                        .unwrap()
                        .clone();
                    m["title"] = format!("Opening, version {i}").into();
                    m
                }),
                vec!["secretariat"],
            ),
            (
                "accept an IRG warning",
                Method::POST,
                "/api/conflicts/accept".into(),
                Box::new(move |_| json!({ "conflict": warning.clone(), "reason": "agreed" })),
                vec!["secretariat", "bureau IRG"],
            ),
            (
                "set conflict rules",
                Method::PUT,
                "/api/conflict-rules".into(),
                Box::new(|_| json!({})),
                vec!["secretariat"],
            ),
            (
                "issue Austria's feed address",
                Method::POST,
                "/api/feed-tokens".into(),
                Box::new(|_| json!({ "state": "AT" })),
                vec!["secretariat", "focal point AT"],
            ),
            (
                "issue France's feed address",
                Method::POST,
                "/api/feed-tokens".into(),
                Box::new(|_| json!({ "state": "FR" })),
                vec!["secretariat"],
            ),
            (
                "change an IRG session",
                Method::PUT,
                "/api/sessions/irg-15".into(),
                Box::new(|i| {
                    let mut session: Value = serde_json::from_str::<Value>(DEMO).unwrap()
                        ["sessions"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .find(|s| s["id"] == "irg-15")
                        .unwrap()
                        .clone();
                    session["notes"] = format!("Notes, version {i}").into();
                    session
                }),
                vec!["secretariat", "bureau IRG"],
            ),
            (
                "change a Conference session",
                Method::PUT,
                "/api/sessions/cosp-11".into(),
                Box::new(|i| {
                    let mut session: Value = serde_json::from_str::<Value>(DEMO).unwrap()
                        ["sessions"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .find(|s| s["id"] == "cosp-11")
                        .unwrap()
                        .clone();
                    session["notes"] = format!("Notes, version {i}").into();
                    session
                }),
                vec!["secretariat"],
            ),
            (
                "create an IRG session",
                Method::POST,
                "/api/sessions".into(),
                Box::new(
                    |i| json!({ "id": format!("irg-extra-{i}"), "body": "IRG", "kind": "regular", "number": 90 + i, "format": "in_person", "dates": { "year": 2027 }, "status": "planned" }),
                ),
                vec!["secretariat", "bureau IRG"],
            ),
            (
                "edit Austria's nomination",
                Method::PUT,
                "/api/nominations/at-edit-{i}".into(),
                Box::new(|_| json!({ "justification": "Edited" })),
                vec!["secretariat", "focal point AT"],
            ),
            (
                "submit Austria's nomination",
                Method::POST,
                "/api/nominations/at-submit-{i}/submit".into(),
                Box::new(|_| json!({})),
                vec!["secretariat", "focal point AT"],
            ),
            (
                "put a nomination under review",
                Method::POST,
                "/api/nominations/at-review-{i}/review".into(),
                Box::new(|_| json!({})),
                vec!["secretariat", "bureau IRG"],
            ),
            (
                "decide on a nomination",
                Method::POST,
                "/api/nominations/at-review-{i}/decide".into(),
                Box::new(|_| json!({ "decision": "accepted" })),
                vec!["secretariat", "bureau IRG"],
            ),
            (
                "release the second call's decisions",
                Method::POST,
                "/api/calls/matrix-call-2/release".into(),
                Box::new(|_| json!({})),
                vec!["secretariat", "bureau IRG"],
            ),
            (
                "confirm a participation",
                Method::POST,
                "/api/nominations/at-review-{i}/confirm".into(),
                Box::new(|_| json!({})),
                vec!["secretariat", "bureau IRG", "focal point AT"],
            ),
            (
                "withdraw Austria's nomination",
                Method::POST,
                "/api/nominations/at-submit-{i}/withdraw".into(),
                Box::new(|_| json!({})),
                vec!["secretariat", "focal point AT"],
            ),
            (
                "open a call for an IRG panel",
                Method::POST,
                "/api/calls".into(),
                Box::new(
                    |i| json!({ "id": format!("call-{i}"), "note_verbale_date": "2026-11-01", "deadline": "2099-01-31", "panel": "business-integrity-1" }),
                ),
                vec!["secretariat", "bureau IRG"],
            ),
            (
                "draft a nomination",
                Method::POST,
                "/api/nominations".into(),
                Box::new(
                    |i| json!({ "id": format!("at-nomination-{i}"), "call": "matrix-call", "nominee_name": "N. N.", "nominee_gender": "undisclosed", "justification": "Expert" }),
                ),
                vec!["focal point AT"],
            ),
            (
                "set a call's balance targets",
                Method::PUT,
                "/api/calls/matrix-call/targets".into(),
                Box::new(|_| json!({ "min_female_share": 0.5 })),
                vec!["secretariat", "bureau IRG"],
            ),
            (
                "release a call's decisions",
                Method::POST,
                "/api/calls/matrix-call/release".into(),
                Box::new(|_| json!({})),
                vec!["secretariat", "bureau IRG"],
            ),
            (
                "queue deadline reminders",
                Method::POST,
                "/api/outbox/reminders".into(),
                Box::new(|_| json!({ "days": 7 })),
                vec!["secretariat"],
            ),
            (
                "reset a password",
                Method::POST,
                "/api/users/password".into(),
                Box::new(
                    |i| json!({ "email": "someone@quorum.example", "password": format!("new passphrase number {i}") }),
                ),
                vec!["secretariat"],
            ),
        ];
        for (what, method, path, body, allowed) in &rows {
            for (i, (role, client)) in roles.iter().enumerate() {
                let path = path.replace("{i}", &i.to_string());
                let (status, answer) =
                    send_as(client, &server, method.clone(), &path, body(i)).await;
                // A record the role may not read does not exist for it: 404 is a refusal too.
                let refused = matches!(status, 401 | 403 | 404);
                assert_eq!(
                    !refused,
                    allowed.contains(role),
                    "{backend:?}: {role} → {what}: {status} {answer}"
                );
                if *role == "anonymous" {
                    assert_eq!(status, 401, "{what}");
                }
            }
        }
        // The server function behind the account page: the same rule as /api/feed-tokens.
        for (subject, allowed) in [
            ("AT", vec!["secretariat", "focal point AT"]),
            ("FR", vec!["secretariat"]),
        ] {
            for (role, client) in &roles {
                let response = client
                    .post(server.url("/api/account/new-private-feed"))
                    .form(&[("kind", "state"), ("subject", subject)])
                    .send()
                    .await
                    .unwrap();
                let ok = response.status() == 200;
                assert_eq!(
                    ok,
                    allowed.contains(role),
                    "{backend:?}: {role} → new private feed for {subject}: {}",
                    response.status()
                );
            }
        }
        // The import by the secretariat was allowed, and refused only because data exists.
        let (status, _) = send_as(
            &secretariat,
            &server,
            Method::POST,
            "/api/import",
            serde_json::from_str::<Value>(DEMO).unwrap(),
        )
        .await;
        assert_eq!(status, 422);

        let (status, log) = get_json(&server, "/api/audit").await;
        assert_eq!(status, 401, "the audit log is not public");
        let response = secretariat
            .get(server.url("/api/audit"))
            .send()
            .await
            .unwrap();
        let log: Value = response.json().await.unwrap_or(log);
        let change = log
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["record"] == "meeting cosp-10-opening")
            .unwrap();
        assert_eq!(change["actor"], "test.secretariat@quorum.example");
        assert_eq!(
            change["before"]["title"],
            "Opening plenary of the tenth session of the Conference"
        );
        assert_eq!(change["after"]["title"], "Opening, version 1");
        let forbidden = bureau.get(server.url("/api/audit")).send().await.unwrap();
        assert_eq!(forbidden.status(), 403);
    }
}

#[tokio::test]
async fn state_changing_requests_need_a_csrf_proof() {
    for backend in backends() {
        let db = TestDatabase::new(backend).await;
        let server = TestServer::start(&db).await;
        server.secretariat().await;
        let login = http()
        .post(server.url("/api/login"))
        .json(&json!({ "email": "test.secretariat@quorum.example", "password": tests::TEST_PASSWORD }))
        .send()
        .await
        .unwrap();
        let cookie = login.headers()["set-cookie"].to_str().unwrap().to_owned();
        assert!(
            cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
            "{cookie}"
        );
        assert!(!cookie.contains("Secure"), "no Secure flag over plain http");
        let cookie = cookie.split(';').next().unwrap().to_owned();
        let put = |origin: Option<&'static str>| {
            let mut request = http()
                .put(server.url("/api/conflict-rules"))
                .header("cookie", cookie.clone())
                .json(&json!({}));
            if let Some(origin) = origin {
                request = request.header("origin", origin);
            }
            request
        };
        assert_eq!(
            put(None).send().await.unwrap().status(),
            403,
            "cookie alone is not enough"
        );
        assert_eq!(
            put(Some("https://evil.example"))
                .send()
                .await
                .unwrap()
                .status(),
            403
        );
        let own = server.base_url.clone();
        let same_site = http()
            .put(server.url("/api/conflict-rules"))
            .header("cookie", cookie.clone())
            .header("origin", own)
            .json(&json!({}));
        assert_eq!(
            same_site.send().await.unwrap().status(),
            200,
            "a form of this site"
        );
        let me = http()
            .get(server.url("/api/me"))
            .header("cookie", cookie.clone())
            .send()
            .await
            .unwrap();
        assert_eq!(me.status(), 200, "reading needs no proof");
    }
}

#[tokio::test]
async fn sessions_expire_and_logins_are_throttled() {
    for backend in backends() {
        let db = TestDatabase::new(backend).await;
        let server = TestServer::start_with(&db, &["--sign-in-seconds", "1"]).await;
        let client = server.secretariat().await;
        assert_eq!(
            client
                .get(server.url("/api/me"))
                .send()
                .await
                .unwrap()
                .status(),
            200
        );
        tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
        assert_eq!(
            client
                .get(server.url("/api/me"))
                .send()
                .await
                .unwrap()
                .status(),
            401,
            "{backend:?}: expired"
        );

        for _ in 0..5 {
            assert_eq!(
                login(&server, "test.secretariat@quorum.example", "wrong password")
                    .await
                    .unwrap_err(),
                401
            );
        }
        assert_eq!(
            login(
                &server,
                "test.secretariat@quorum.example",
                tests::TEST_PASSWORD
            )
            .await
            .unwrap_err(),
            429,
            "{backend:?}: throttled even with the right password"
        );
    }
}

/// The statuses of `count` wrong-password logins for `email` sent at once from `from`.
async fn parallel_wrong_logins(
    server: &TestServer,
    from: std::net::IpAddr,
    email: &str,
    count: usize,
) -> Vec<u16> {
    let mut attempts = tokio::task::JoinSet::new();
    for i in 0..count {
        let request = tests::http_from(from)
            .post(server.url("/api/login"))
            .json(&json!({ "email": email, "password": format!("wrong password {i}") }));
        attempts.spawn(async move { request.send().await.unwrap().status().as_u16() });
    }
    let mut statuses = attempts.join_all().await;
    statuses.sort();
    statuses
}

#[tokio::test]
async fn parallel_wrong_passwords_reach_the_password_check_at_most_five_times() {
    for backend in backends() {
        let db = TestDatabase::new(backend).await;
        let server = TestServer::start(&db).await;
        let email = "test.secretariat@quorum.example";
        drop(server.secretariat().await);
        let statuses = parallel_wrong_logins(&server, tests::LOOPBACK, email, 24).await;
        let evaluated = statuses.iter().filter(|&&s| s == 401).count();
        let throttled = statuses.iter().filter(|&&s| s == 429).count();
        println!("{backend:?}: {evaluated} of 24 parallel wrong passwords evaluated");
        assert!(
            evaluated == 5 && throttled == 19,
            "{backend:?}: 5 reach the password check, the rest are refused: {statuses:?}"
        );
        // An address without an account is throttled alike.
        let statuses =
            parallel_wrong_logins(&server, tests::LOOPBACK, "nobody@quorum.example", 24).await;
        let evaluated = statuses.iter().filter(|&&s| s == 401).count();
        assert_eq!(evaluated, 5, "{backend:?}: unknown address: {statuses:?}");
        assert_eq!(
            login(&server, email, tests::TEST_PASSWORD)
                .await
                .unwrap_err(),
            429,
            "{backend:?}: this client stays throttled for this address"
        );
    }
}

#[tokio::test]
async fn an_attacker_locks_out_only_their_own_client() {
    for backend in backends() {
        let db = TestDatabase::new(backend).await;
        let server = TestServer::start(&db).await;
        let email = "test.secretariat@quorum.example";
        drop(server.secretariat().await);
        let (attacker, user, stuffer) = (tests::LOOPBACK, tests::loopback(2), tests::loopback(3));
        for _ in 0..5 {
            let refused = tests::login_from(&server, attacker, email, "a guessed password");
            assert_eq!(refused.await.unwrap_err(), 401);
        }
        assert_eq!(
            tests::login_from(&server, attacker, email, tests::TEST_PASSWORD)
                .await
                .unwrap_err(),
            429,
            "{backend:?}: the attacker's client is throttled for this address"
        );
        let signed_in = tests::login_from(&server, user, email, tests::TEST_PASSWORD)
            .await
            .unwrap_or_else(|s| panic!("{backend:?}: the real user is locked out: {s}"));
        assert_eq!(
            signed_in
                .get(server.url("/api/me"))
                .send()
                .await
                .unwrap()
                .status(),
            200
        );

        // Credential stuffing: one client trying many addresses meets the per-client limit.
        for i in 0..50 {
            let address = format!("stuffed.{i}@quorum.example");
            let refused = tests::login_from(&server, stuffer, &address, "a leaked password");
            assert_eq!(refused.await.unwrap_err(), 401, "{backend:?}: attempt {i}");
        }
        assert_eq!(
            tests::login_from(&server, stuffer, email, tests::TEST_PASSWORD)
                .await
                .unwrap_err(),
            429,
            "{backend:?}: 50 failures from one client throttle it for every address"
        );
        assert!(
            tests::login_from(&server, user, email, tests::TEST_PASSWORD)
                .await
                .is_ok(),
            "{backend:?}: other clients are not affected"
        );
    }
}

#[tokio::test]
async fn changing_a_password_is_throttled_after_five_wrong_current_passwords() {
    for backend in backends() {
        let db = TestDatabase::new(backend).await;
        let server = TestServer::start(&db).await;
        let email = "guessed@quorum.example";
        let stolen = server.bureau_member(email, "IRG").await;
        let change = |current: String| {
            let (client, server) = (stolen.clone(), &server);
            async move {
                let new = "a brand new passphrase";
                let form = [
                    ("current", current.as_str()),
                    ("new", new),
                    ("confirm", new),
                ];
                tests::form_post(&client, server, "account/change-password", &form).await
            }
        };
        for i in 0..5 {
            let (status, outcome) = change(format!("guess number {i}")).await;
            assert_eq!(status, 200, "{backend:?}: {outcome}");
            assert_eq!(outcome["errors"][0]["field"], "current", "{outcome}");
        }
        let (status, outcome) = change(tests::TEST_PASSWORD.into()).await;
        assert_eq!(status, 429, "{backend:?}: throttled: {outcome}");
        assert!(
            outcome
                .to_string()
                .contains("too many wrong passwords; try again in 15 minutes"),
            "{backend:?}: {outcome}"
        );
        assert_eq!(
            login(&server, email, tests::TEST_PASSWORD)
                .await
                .unwrap_err(),
            429,
            "{backend:?}: the same throttle as signing in, from this client"
        );
        assert!(
            tests::login_from(&server, tests::loopback(2), email, tests::TEST_PASSWORD)
                .await
                .is_ok(),
            "{backend:?}: the password did not change and another client signs in"
        );
    }
}

#[tokio::test]
async fn the_demo_accounts_of_the_readme_sign_in() {
    for backend in backends() {
        let db = TestDatabase::new(backend).await;
        let server = TestServer::start(&db).await;
        let anonymous = http().post(server.url("/api/logout")).send().await.unwrap();
        assert_eq!(anonymous.status(), 401, "signing out needs a session");
        for (email, password, role) in [
            (
                "secretariat@quorum.example",
                "demo-secretariat-quorum",
                "secretariat",
            ),
            (
                "bureau.irg@quorum.example",
                "demo-bureau-irg-quorum",
                "bureau",
            ),
            (
                "focal.point.at@quorum.example",
                "demo-focal-point-at-quorum",
                "focal_point",
            ),
        ] {
            let client = login(&server, email, password)
                .await
                .unwrap_or_else(|s| panic!("{email}: {s}"));
            let me: Value = client
                .get(server.url("/api/me"))
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            assert_eq!(me["role"], role);
            let out = client.post(server.url("/api/logout")).send().await.unwrap();
            assert_eq!(out.status(), 204);
            assert_eq!(
                client
                    .get(server.url("/api/me"))
                    .send()
                    .await
                    .unwrap()
                    .status(),
                401,
                "logged out"
            );
        }
    }
}

#[tokio::test]
async fn the_secretariat_resets_a_password_and_the_old_sessions_end() {
    for backend in backends() {
        let db = TestDatabase::new(backend).await;
        let server = TestServer::start(&db).await;
        let secretariat = server.secretariat().await;
        let focal = server.focal_point("focal.reset@quorum.example", "AT").await;
        let bureau = server
            .bureau_member("bureau.reset@quorum.example", "IRG")
            .await;
        let reset =
            json!({ "email": "focal.reset@quorum.example", "password": "a brand new passphrase" });
        assert_eq!(
            send_as(
                &bureau,
                &server,
                Method::POST,
                "/api/users/password",
                &reset
            )
            .await
            .0,
            403
        );
        let (status, _) = send_as(
            &secretariat,
            &server,
            Method::POST,
            "/api/users/password",
            &reset,
        )
        .await;
        assert_eq!(status, 204, "{backend:?}");
        assert_eq!(
            focal
                .get(server.url("/api/me"))
                .send()
                .await
                .unwrap()
                .status(),
            401,
            "old sessions end"
        );
        assert_eq!(
            login(&server, "focal.reset@quorum.example", tests::TEST_PASSWORD)
                .await
                .unwrap_err(),
            401
        );
        assert!(login(
            &server,
            "focal.reset@quorum.example",
            "a brand new passphrase"
        )
        .await
        .is_ok());
    }
}

#[tokio::test]
async fn the_secretariat_browses_the_audit_log_and_outbox_on_its_page() {
    let db = TestDatabase::new(tests::Backend::Sqlite).await;
    let server = TestServer::start(&db).await;
    let secretariat = server.secretariat().await;
    let mut meeting: Value =
        get_json(&server, "/api/sessions/cosp-10").await.1["meetings"][0].clone();
    meeting["title"] = "Opening plenary, renamed".into();
    send_as(
        &secretariat,
        &server,
        Method::PUT,
        "/api/meetings/cosp-10-opening",
        &meeting,
    )
    .await;
    let page = secretariat
        .get(server.url("/admin"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("meeting changed") && page.contains("meeting cosp-10-opening"),
        "{page}"
    );
    assert!(page.contains("Export the audit log"));
    let anonymous = http()
        .get(server.url("/admin"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        !anonymous.contains("meeting cosp-10-opening"),
        "not for the public"
    );
    let bureau = server
        .bureau_member("bureau.admin@quorum.example", "IRG")
        .await;
    let page = bureau
        .get(server.url("/admin"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        !page.contains("meeting cosp-10-opening"),
        "not for a Bureau member"
    );
    // A refused server function answers 403, not a server failure.
    let refused = bureau
        .post(server.url("/api/account/new-private-feed"))
        .form(&[("kind", "state"), ("subject", "FR")])
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 403);
}

#[tokio::test]
async fn a_user_changes_their_own_password_and_their_other_sign_ins_end() {
    for backend in backends() {
        let db = TestDatabase::new(backend).await;
        let server = TestServer::start(&db).await;
        let email = "changer@quorum.example";
        let here = server.bureau_member(email, "IRG").await;
        let elsewhere = login(&server, email, tests::TEST_PASSWORD).await.unwrap();
        let change = |client: &reqwest::Client,
                      current: &'static str,
                      new: &'static str,
                      confirm: &'static str| {
            let (client, server) = (client.clone(), &server);
            async move {
                let form = [("current", current), ("new", new), ("confirm", confirm)];
                tests::form_post(&client, server, "account/change-password", &form).await
            }
        };
        let (_, outcome) = change(
            &here,
            "not my password",
            "a brand new passphrase",
            "a brand new passphrase",
        )
        .await;
        assert_eq!(
            outcome["errors"][0]["field"], "current",
            "{backend:?}: {outcome}"
        );
        let (_, outcome) =
            change(&here, tests::TEST_PASSWORD, "password1234", "password1234").await;
        assert_eq!(outcome["errors"][0]["field"], "new", "{outcome}");
        let (_, outcome) = change(
            &here,
            tests::TEST_PASSWORD,
            "a brand new passphrase",
            "a brand new passphrase!",
        )
        .await;
        assert_eq!(outcome["errors"][0]["field"], "confirm", "{outcome}");
        let (status, _) = change(
            &http(),
            tests::TEST_PASSWORD,
            "a brand new passphrase",
            "a brand new passphrase",
        )
        .await;
        assert_eq!(status, 401, "signed in only");

        let (_, outcome) = change(
            &here,
            tests::TEST_PASSWORD,
            "a brand new passphrase",
            "a brand new passphrase",
        )
        .await;
        assert!(outcome["done"].is_string(), "{backend:?}: {outcome}");
        assert_eq!(
            here.get(server.url("/api/me"))
                .send()
                .await
                .unwrap()
                .status(),
            200,
            "this sign-in stays"
        );
        assert_eq!(
            elsewhere
                .get(server.url("/api/me"))
                .send()
                .await
                .unwrap()
                .status(),
            401,
            "{backend:?}: the other sign-in ended"
        );
        assert!(login(&server, email, tests::TEST_PASSWORD).await.is_err());
        assert!(login(&server, email, "a brand new passphrase")
            .await
            .is_ok());
        let secretariat = server.secretariat().await;
        let outbox: Value = secretariat
            .get(server.url("/api/outbox"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert!(
            outbox
                .as_array()
                .unwrap()
                .iter()
                .any(|m| m["recipient"] == email
                    && m["subject"]
                        .as_str()
                        .unwrap()
                        .starts_with("Your Quorum password was changed")),
            "{backend:?}: the holder is told: {outbox}"
        );
    }
}
