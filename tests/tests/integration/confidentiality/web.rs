//! Hostile pages and requests: markup stored in a textarea stays text, another site's forms and
//! forged hosts get nowhere, and no cache keeps an answer that depends on the sign-in.

use reqwest::header::CACHE_CONTROL;
use serde_json::json;
use tests::{
    form_post, http, on_each_backend, page_text, page_text_as, post_as, session_cookie,
    TEST_PASSWORD,
};

use super::AUSTRIA;
use tests::browser::irg_17_session_form;

#[tokio::test]
async fn stored_text_cannot_break_out_of_a_textarea_and_comes_back_as_typed() {
    on_each_backend(&[], async |server| {
        let backend = server.backend();
        let bureau = server
            .bureau_member("bureau.irg.t@quorum.example", "IRG")
            .await;
        let payload = "</textarea><b id=\"injected\">x</b><meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\"> a &lt; b";
        let session = irg_17_session_form(payload);
        let (status, outcome) = form_post(&bureau, server, "plan/save-session", &session).await;
        assert_eq!(status, 200, "{backend:?}: {outcome}");
        let page = page_text_as(&bureau, server, "/plan/session?session=irg-17").await;
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
        let (_, form) = form_post(&http(), server, "plan/session", &[("id", "irg-17")]).await;
        assert_eq!(form["notes"], payload, "{backend:?}");
    })
    .await;
}

/// Posts the sign-in form of the secretariat's test account with the Origin `origin`.
async fn sign_in_form_from(server: &tests::TestServer, origin: &str) -> reqwest::Response {
    http()
        .post(server.url("/login"))
        .header("origin", origin)
        .form(&[
            ("email", "test.secretariat@quorum.example"),
            ("password", TEST_PASSWORD),
        ])
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn forged_origins_get_nowhere() {
    on_each_backend(&[], async |server| {
        let backend = server.backend();
        server.secretariat().await;
        let port = server.base_url.rsplit(':').next().unwrap().to_owned();
        // Login CSRF: another site's form cannot sign the browser in.
        for origin in [
            "https://evil.example",
            "null",
            &format!("https://127.0.0.1:{port}"),
        ] {
            let response = sign_in_form_from(server, origin).await;
            assert_eq!(response.status(), 403, "{backend:?}: {origin}");
            assert!(
                response.headers().get("set-cookie").is_none(),
                "{backend:?}: {origin}"
            );
        }
        let response = sign_in_form_from(server, &server.base_url).await;
        assert_eq!(
            response.status(),
            303,
            "{backend:?}: Quorum's own form signs in"
        );
        let cookie = session_cookie(&response);

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
    })
    .await;
}

#[tokio::test]
async fn a_forged_host_never_reaches_the_links_of_the_shared_feed_cache() {
    on_each_backend(&[], async |server| {
        let backend = server.backend();
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
        let feed = page_text(server, "/feeds/all.ics").await;
        assert!(
            !feed.contains("evil.example") && feed.contains(&server.base_url),
            "{backend:?}"
        );
    })
    .await;
}

#[tokio::test]
async fn answers_that_depend_on_the_sign_in_are_kept_by_no_cache() {
    on_each_backend(&[], async |server| {
        let backend = server.backend();
        let secretariat = server.secretariat().await;
        let austria = server.focal_point(AUSTRIA, "AT").await;
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
            let response = secretariat.get(server.url(path)).send().await.unwrap();
            let headers = response.headers();
            assert_eq!(
                headers.get(CACHE_CONTROL).map(|v| v.to_str().unwrap()),
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
        let feed = json!({ "state": "AT" });
        let (status, links) = post_as(&austria, server, "/api/feed-tokens", feed.clone()).await;
        assert_eq!(status, 201, "{links}");
        let response = austria
            .post(server.url("/api/feed-tokens"))
            .json(&feed)
            .send()
            .await
            .unwrap();
        assert_eq!(response.headers()[CACHE_CONTROL], "private, no-store");

        // Found by the outside probe: the page that answers a form sent without JavaScript
        // shows the signed-in reader's data like any other page.
        let response = secretariat
            .post(server.url("/api/plan/save-session"))
            .header("accept", "text/html")
            .header("origin", server.base_url.as_str())
            .header("referer", server.url("/plan/session"))
            .form(&[("create", "true"), ("id", "x")])
            .send()
            .await
            .unwrap();
        assert!(
            response.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/html"),
            "{backend:?}: the page, not the server function's answer"
        );
        assert_eq!(
            response
                .headers()
                .get(CACHE_CONTROL)
                .map(|v| v.to_str().unwrap()),
            Some("private, no-store"),
            "{backend:?}: a page answering a plain form"
        );

        // Found by the outside probe: signing in answers no cache may keep either.
        let response = http()
            .post(server.url("/api/login"))
            .json(&json!({ "email": AUSTRIA, "password": TEST_PASSWORD }))
            .send()
            .await
            .unwrap();
        assert_eq!(
            response.headers()[CACHE_CONTROL],
            "private, no-store",
            "{backend:?}"
        );
    })
    .await;
}
