//! Every door, every role, on both backends. The routes and server functions come from the
//! running application (`GET /api/access`, built from server/src/access.rs and the server
//! functions the application registers), not from a list kept here: a server function without
//! a rule fails this test (and the server's start), and each rule is tried by anonymous, the
//! focal points of the State concerned and of another, the Bureaus of the body concerned and of
//! another, and the secretariat.

use reqwest::Method;
use serde_json::Value;
use tests::{backends, http, TestDatabase, TestServer};

/// A concrete address for a rule's path: the demo's records where the path names one.
fn address(path: &str) -> String {
    path.replace("/api/sessions/{id}", "/api/sessions/irg-15")
        .replace("/api/meetings/{id}", "/api/meetings/irg-15-opening")
        .replace("/api/calls/{id}", "/api/calls/no-such-call")
        .replace("/api/panels/{id}", "/api/panels/money-laundering-1")
        .replace(
            "/api/nominations/{id}/{action}",
            "/api/nominations/at-x/submit",
        )
        .replace("/api/nominations/{id}", "/api/nominations/at-x")
        .replace("{*path}", "all.ics")
}

#[tokio::test]
async fn every_route_and_server_function_has_a_rule_and_each_role_meets_it() {
    for backend in backends() {
        let db = TestDatabase::new(backend).await;
        let server = TestServer::start(&db).await;
        let (status, access) = tests::get_json(&server, "/api/access").await;
        assert_eq!(status, 200);
        assert_eq!(
            access["server_functions_without_a_rule"],
            serde_json::json!([]),
            "{backend:?}: every server function needs a rule in server/src/access.rs"
        );
        let rules = access["rules"].as_array().unwrap();
        let functions = access["server_functions"].as_array().unwrap();
        assert!(functions.len() >= 40, "{backend:?}: {functions:?}");
        for function in functions {
            let (method, path) = function.as_str().unwrap().split_once(' ').unwrap();
            assert!(
                rules
                    .iter()
                    .any(|r| r["method"] == method && r["path"] == path),
                "{backend:?}: {function} has no rule"
            );
        }

        let roles: Vec<(&str, reqwest::Client)> = vec![
            ("anonymous", http()),
            (
                "focal point AT",
                server
                    .focal_point("focal.at.door@quorum.example", "AT")
                    .await,
            ),
            (
                "focal point FR",
                server
                    .focal_point("focal.fr.door@quorum.example", "FR")
                    .await,
            ),
            (
                "bureau IRG",
                server
                    .bureau_member("bureau.irg.door@quorum.example", "IRG")
                    .await,
            ),
            (
                "bureau WG-AR",
                server
                    .bureau_member("bureau.ar.door@quorum.example", "WG-AR")
                    .await,
            ),
            ("secretariat", server.secretariat().await),
        ];
        let mut tried = 0;
        for rule in rules {
            let (method, path, access) = (
                rule["method"].as_str().unwrap(),
                rule["path"].as_str().unwrap(),
                rule["access"].as_str().unwrap(),
            );
            // Signing in and out would change the clients; their doors have tests of their own.
            if matches!(path, "/api/login" | "/login" | "/api/logout" | "/logout") {
                continue;
            }
            for (role, client) in &roles {
                let method = Method::from_bytes(method.as_bytes()).unwrap();
                let mut request = client.request(method.clone(), server.url(&address(path)));
                if method != Method::GET {
                    // An empty form: enough to pass or meet the door, refused behind it.
                    request = request
                        .header("content-type", "application/x-www-form-urlencoded")
                        .body("");
                }
                let status = request.send().await.unwrap().status().as_u16();
                tried += 1;
                let at_the_door = matches!(status, 401 | 403);
                let expected_refusal = match access {
                    "public" | "sign_in" => false,
                    "signed_in" => *role == "anonymous",
                    "secretariat" => *role != "secretariat",
                    other => panic!("unknown access {other}"),
                };
                assert!(
                    status < 500,
                    "{backend:?}: {role} {method} {path}: {status}"
                );
                if expected_refusal {
                    assert!(
                        at_the_door,
                        "{backend:?}: {role} passed {method} {path} ({access}): {status}"
                    );
                } else if access == "public" || access == "secretariat" {
                    assert!(
                        !at_the_door,
                        "{backend:?}: {role} refused at {method} {path} ({access}): {status}"
                    );
                } else {
                    // Signed in: the service may still refuse this role, never with 401.
                    assert_ne!(status, 401, "{backend:?}: {role} {method} {path}");
                }
            }
        }
        assert!(tried > 400, "{backend:?}: {tried} requests");
        eprintln!("{backend:?}: {} rules, {tried} requests", rules.len());
    }
}

#[tokio::test]
async fn reads_answer_each_role_only_what_it_may_see() {
    // The read side of the policy, from the outside: what each role receives from the lists
    // that carry confidential records.
    for backend in backends() {
        let db = TestDatabase::new(backend).await;
        let server = TestServer::start(&db).await;
        let secretariat = server.secretariat().await;
        let austria = server
            .focal_point("focal.at.reads@quorum.example", "AT")
            .await;
        let france = server
            .focal_point("focal.fr.reads@quorum.example", "FR")
            .await;
        let irg = server
            .bureau_member("bureau.irg.reads@quorum.example", "IRG")
            .await;
        let ar = server
            .bureau_member("bureau.ar.reads@quorum.example", "WG-AR")
            .await;
        let call = serde_json::json!({ "id": "call-reads", "note_verbale_date": "2026-11-01", "deadline": "2099-01-31", "panel": "business-integrity-1" });
        let (status, _) = tests::send_as(&irg, &server, Method::POST, "/api/calls", call).await;
        assert_eq!(status, 201);
        for id in ["at-submitted", "at-draft"] {
            let draft = serde_json::json!({ "id": id, "call": "call-reads", "nominee_name": "Anna", "nominee_gender": "female", "nominee_email": "anna@nominee.example", "justification": "Reasons" });
            assert_eq!(
                tests::send_as(&austria, &server, Method::POST, "/api/nominations", draft)
                    .await
                    .0,
                201
            );
        }
        tests::send_as(
            &austria,
            &server,
            Method::POST,
            "/api/nominations/at-submitted/submit",
            Value::Null,
        )
        .await;
        let ids = |list: Value| -> Vec<String> {
            list.as_array()
                .map(|a| {
                    a.iter()
                        .map(|n| n["id"].as_str().unwrap().to_owned())
                        .collect()
                })
                .unwrap_or_default()
        };
        let read = |client: &reqwest::Client| {
            let client = client.clone();
            let url = server.url("/api/nominations");
            async move {
                client
                    .get(url)
                    .send()
                    .await
                    .unwrap()
                    .json::<Value>()
                    .await
                    .unwrap()
            }
        };
        assert_eq!(
            ids(read(&secretariat).await),
            ["at-draft", "at-submitted"],
            "{backend:?}"
        );
        assert_eq!(
            ids(read(&austria).await),
            ["at-draft", "at-submitted"],
            "{backend:?}"
        );
        assert!(ids(read(&france).await).is_empty(), "{backend:?}");
        assert_eq!(
            ids(read(&irg).await),
            ["at-submitted"],
            "{backend:?}: no draft"
        );
        assert!(
            ids(read(&ar).await).is_empty(),
            "{backend:?}: another body's Bureau"
        );
        assert_eq!(
            http()
                .get(server.url("/api/nominations"))
                .send()
                .await
                .unwrap()
                .status(),
            401
        );
        for page in ["/review", "/nominations"] {
            for client in [&france, &ar] {
                let text = client
                    .get(server.url(page))
                    .send()
                    .await
                    .unwrap()
                    .text()
                    .await
                    .unwrap();
                assert!(
                    !text.contains("anna@nominee.example") && !text.contains("Reasons"),
                    "{backend:?}: {page}"
                );
            }
        }
    }
}
