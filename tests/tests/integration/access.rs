//! Every door, every role, on both backends. The routes and server functions come from the
//! running application (`GET /api/access`, built from server/src/access.rs and the server
//! functions the application registers), not from a list kept here: a server function without
//! a rule fails this test (and the server's start), and each rule is tried by anonymous, the
//! focal points of the State concerned and of another, the Bureaus of the body concerned and of
//! another, and the secretariat. What each role may read is in `confidentiality`.

use reqwest::Method;
use tests::{get_json, http, on_each_backend};

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
async fn every_server_function_has_a_rule() {
    on_each_backend(&[], async |server| {
        let backend = server.backend();
        let (status, access) = get_json(server, "/api/access").await;
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
        // What no rule names is not served: a method a route does not take is answered 405.
        let status = get_json(server, "/api/nominations/at-x/submit").await.0;
        assert_eq!(status, 405, "{backend:?}");
    })
    .await;
}

#[tokio::test]
async fn each_role_meets_each_rule_at_its_door() {
    on_each_backend(&[], async |server| {
        let backend = server.backend();
        let (_, access) = get_json(server, "/api/access").await;
        let rules = access["rules"].as_array().unwrap();
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
    })
    .await;
}
