//! Passwords: the secretariat resets one, a user changes their own; either way the old password
//! stops working and the sign-ins made with it end, and the holder is told.

use reqwest::Method;
use serde_json::json;
use tests::{http, json_as, login, on_each_backend, send_as, status_as, TEST_PASSWORD};

use super::{change_password, NEW_PASSWORD};

#[tokio::test]
async fn the_secretariat_resets_a_password_and_the_old_sessions_end() {
    on_each_backend(&[], async |server| {
        let email = "focal.reset@quorum.example";
        let secretariat = server.secretariat().await;
        let focal = server.focal_point(email, "AT").await;
        let bureau = server
            .bureau_member("bureau.reset@quorum.example", "IRG")
            .await;
        let reset = json!({ "email": email, "password": NEW_PASSWORD });
        let path = "/api/users/password";
        let (status, _) = send_as(&bureau, server, Method::POST, path, &reset).await;
        assert_eq!(status, 403);
        let (status, _) = send_as(&secretariat, server, Method::POST, path, &reset).await;
        assert_eq!(status, 204, "{:?}", server.backend());
        assert_eq!(
            status_as(&focal, server, "/api/me").await,
            401,
            "old sessions end"
        );
        assert_eq!(login(server, email, TEST_PASSWORD).await.unwrap_err(), 401);
        assert!(login(server, email, NEW_PASSWORD).await.is_ok());
    })
    .await;
}

#[tokio::test]
async fn a_password_change_is_refused_naming_the_field_at_fault() {
    on_each_backend(&[], async |server| {
        let backend = server.backend();
        let here = server.bureau_member("changer@quorum.example", "IRG").await;
        let (_, outcome) =
            change_password(&here, server, "not my password", NEW_PASSWORD, NEW_PASSWORD).await;
        assert_eq!(
            outcome["errors"][0]["field"], "current",
            "{backend:?}: {outcome}"
        );
        let (_, outcome) =
            change_password(&here, server, TEST_PASSWORD, "password1234", "password1234").await;
        assert_eq!(outcome["errors"][0]["field"], "new", "{outcome}");
        let mistyped = format!("{NEW_PASSWORD}!");
        let (_, outcome) =
            change_password(&here, server, TEST_PASSWORD, NEW_PASSWORD, &mistyped).await;
        assert_eq!(outcome["errors"][0]["field"], "confirm", "{outcome}");
        let (status, _) =
            change_password(&http(), server, TEST_PASSWORD, NEW_PASSWORD, NEW_PASSWORD).await;
        assert_eq!(status, 401, "signed in only");
    })
    .await;
}

#[tokio::test]
async fn a_user_changes_their_own_password_and_their_other_sign_ins_end() {
    on_each_backend(&[], async |server| {
        let backend = server.backend();
        let email = "changer@quorum.example";
        let here = server.bureau_member(email, "IRG").await;
        let elsewhere = login(server, email, TEST_PASSWORD).await.unwrap();
        let (_, outcome) =
            change_password(&here, server, TEST_PASSWORD, NEW_PASSWORD, NEW_PASSWORD).await;
        assert!(outcome["done"].is_string(), "{backend:?}: {outcome}");
        assert_eq!(
            status_as(&here, server, "/api/me").await,
            200,
            "this sign-in stays"
        );
        assert_eq!(
            status_as(&elsewhere, server, "/api/me").await,
            401,
            "{backend:?}: the other sign-in ended"
        );
        assert!(login(server, email, TEST_PASSWORD).await.is_err());
        assert!(login(server, email, NEW_PASSWORD).await.is_ok());
        let secretariat = server.secretariat().await;
        let outbox = json_as(&secretariat, server, "/api/outbox").await;
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
    })
    .await;
}
