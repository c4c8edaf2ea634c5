//! Signing in and out: the session cookie, the CSRF proof a change needs, sign-ins that end
//! after their time, and the demo accounts of the README.

use serde_json::{json, Value};
use tests::{http, json_as, login, on_each_backend, session_cookie, status_as, TEST_PASSWORD};

#[tokio::test]
async fn state_changing_requests_need_a_csrf_proof() {
    on_each_backend(&[], async |server| {
        server.secretariat().await;
        let signed_in = http()
            .post(server.url("/api/login"))
            .json(&json!({ "email": "test.secretariat@quorum.example", "password": TEST_PASSWORD }))
            .send()
            .await
            .unwrap();
        let set_cookie = signed_in.headers()["set-cookie"].to_str().unwrap();
        assert!(
            set_cookie.contains("HttpOnly") && set_cookie.contains("SameSite=Lax"),
            "{set_cookie}"
        );
        assert!(
            !set_cookie.contains("Secure"),
            "no Secure flag over plain http"
        );
        let cookie = session_cookie(&signed_in);
        // A change of the conflict rules carrying the cookie, and the Origin a browser sends.
        let change_from = |origin: Option<&str>| {
            let mut request = http()
                .put(server.url("/api/conflict-rules"))
                .header("cookie", &cookie)
                .json(&json!({}));
            if let Some(origin) = origin {
                request = request.header("origin", origin);
            }
            async move { request.send().await.unwrap().status() }
        };
        assert_eq!(change_from(None).await, 403, "cookie alone is not enough");
        assert_eq!(change_from(Some("https://evil.example")).await, 403);
        assert_eq!(
            change_from(Some(&server.base_url)).await,
            200,
            "a form of this site"
        );
        let me = http()
            .get(server.url("/api/me"))
            .header("cookie", &cookie)
            .send()
            .await
            .unwrap();
        assert_eq!(me.status(), 200, "reading needs no proof");
    })
    .await;
}

#[tokio::test]
async fn a_sign_in_ends_after_its_time() {
    on_each_backend(&["--sign-in-seconds", "1"], async |server| {
        let client = server.secretariat().await;
        assert_eq!(status_as(&client, server, "/api/me").await, 200);
        tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
        assert_eq!(
            status_as(&client, server, "/api/me").await,
            401,
            "{:?}: expired",
            server.backend()
        );
    })
    .await;
}

#[tokio::test]
async fn the_demo_accounts_of_the_readme_sign_in_and_out() {
    on_each_backend(&[], async |server| {
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
            let client = login(server, email, password)
                .await
                .unwrap_or_else(|s| panic!("{email}: {s}"));
            let me: Value = json_as(&client, server, "/api/me").await;
            assert_eq!(me["role"], role);
            let out = client.post(server.url("/api/logout")).send().await.unwrap();
            assert_eq!(out.status(), 204);
            assert_eq!(
                status_as(&client, server, "/api/me").await,
                401,
                "logged out"
            );
        }
    })
    .await;
}
