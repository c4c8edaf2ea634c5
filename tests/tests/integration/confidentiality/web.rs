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

/// A form or an upload sent without JavaScript by someone the server refuses: answered by a
/// page that says why in words and shows nothing of what it guards; nothing is written.
#[tokio::test]
async fn a_plain_form_or_upload_refused_to_its_sender_says_why_and_shows_nothing() {
    on_each_backend(&["--no-demo"], async |server| {
        let backend = server.backend();
        let secretariat = server.secretariat().await;
        let focal = server.focal_point(AUSTRIA, "AT").await;
        let new_user = [
            ("email", "intruder@quorum.example"),
            ("name", "Intruder"),
            ("role", "secretariat"),
            ("password", "a long enough first password"),
        ];
        let boundary = "quorum-test-boundary";
        let upload = format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"dataset\"; filename=\"demo.json\"\r\nContent-Type: application/json\r\n\r\n{}\r\n--{boundary}--\r\n",
            tests::scenarios::DEMO
        );
        for (who, client, status, words) in [
            ("a focal point", &focal, 403, "your account may not do this"),
            ("a stranger", &http(), 401, "you are not signed in"),
        ] {
            let plain = |path: &str| {
                client
                    .post(server.url(path))
                    .header("accept", "text/html")
                    .header("origin", server.base_url.as_str())
                    .header("referer", server.url("/admin"))
            };
            let form = plain("/api/admin/add-user").form(&new_user).send();
            let file = plain("/api/import")
                .header(
                    "content-type",
                    format!("multipart/form-data; boundary={boundary}"),
                )
                .body(upload.clone())
                .send();
            for answer in [form.await.unwrap(), file.await.unwrap()] {
                assert_eq!(answer.status(), status, "{backend:?}: {who}");
                let page = answer.text().await.unwrap();
                assert!(page.contains(words), "{backend:?}: {who}: {page}");
                assert!(
                    !page.contains("test.secretariat@quorum.example"),
                    "{backend:?}: {who} is shown the accounts"
                );
            }
        }
        let (_, admin) = form_post(&secretariat, server, "admin/page", &[]).await;
        assert!(
            !admin["users"].to_string().contains("intruder@"),
            "{backend:?}: no account was added"
        );
        let (_, sessions) = tests::get_json(server, "/api/sessions").await;
        assert_eq!(sessions, json!([]), "{backend:?}: nothing was imported");
    })
    .await;
}
