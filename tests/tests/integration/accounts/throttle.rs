//! Login throttling: five wrong passwords for an address from one client stop that client, even
//! when the attempts arrive at once; other clients carry on; one client trying many addresses
//! meets a limit of its own; and a password change counts its wrong current passwords alike.

use serde_json::json;
use tests::{
    http_from, login, login_from, loopback, on_each_backend, status_as, TestServer, LOOPBACK,
    TEST_PASSWORD,
};

use super::{change_password, NEW_PASSWORD};

/// The address of the account whose password the attackers guess.
const EMAIL: &str = "test.secretariat@quorum.example";

/// The statuses of `count` wrong-password logins for `email` sent at once from `from`.
async fn parallel_wrong_logins(
    server: &TestServer,
    from: std::net::IpAddr,
    email: &str,
    count: usize,
) -> Vec<u16> {
    let mut attempts = tokio::task::JoinSet::new();
    for i in 0..count {
        let request = http_from(from)
            .post(server.url("/api/login"))
            .json(&json!({ "email": email, "password": format!("wrong password {i}") }));
        attempts.spawn(async move { request.send().await.unwrap().status().as_u16() });
    }
    let mut statuses = attempts.join_all().await;
    statuses.sort();
    statuses
}

#[tokio::test]
async fn five_wrong_passwords_refuse_even_the_right_one() {
    on_each_backend(&[], async |server| {
        drop(server.secretariat().await);
        for _ in 0..5 {
            assert_eq!(
                login(server, EMAIL, "wrong password").await.unwrap_err(),
                401
            );
        }
        assert_eq!(
            login(server, EMAIL, TEST_PASSWORD).await.unwrap_err(),
            429,
            "{:?}: throttled even with the right password",
            server.backend()
        );
    })
    .await;
}

#[tokio::test]
async fn parallel_wrong_passwords_reach_the_password_check_at_most_five_times() {
    on_each_backend(&[], async |server| {
        let backend = server.backend();
        drop(server.secretariat().await);
        let statuses = parallel_wrong_logins(server, LOOPBACK, EMAIL, 24).await;
        let evaluated = statuses.iter().filter(|&&s| s == 401).count();
        let throttled = statuses.iter().filter(|&&s| s == 429).count();
        println!("{backend:?}: {evaluated} of 24 parallel wrong passwords evaluated");
        assert!(
            evaluated == 5 && throttled == 19,
            "{backend:?}: 5 reach the password check, the rest are refused: {statuses:?}"
        );
        // An address without an account is throttled alike.
        let statuses = parallel_wrong_logins(server, LOOPBACK, "nobody@quorum.example", 24).await;
        let evaluated = statuses.iter().filter(|&&s| s == 401).count();
        assert_eq!(evaluated, 5, "{backend:?}: unknown address: {statuses:?}");
        assert_eq!(
            login(server, EMAIL, TEST_PASSWORD).await.unwrap_err(),
            429,
            "{backend:?}: this client stays throttled for this address"
        );
    })
    .await;
}

#[tokio::test]
async fn an_attacker_locks_out_only_their_own_client() {
    on_each_backend(&[], async |server| {
        let backend = server.backend();
        drop(server.secretariat().await);
        let (attacker, user) = (LOOPBACK, loopback(2));
        for _ in 0..5 {
            let refused = login_from(server, attacker, EMAIL, "a guessed password");
            assert_eq!(refused.await.unwrap_err(), 401);
        }
        assert_eq!(
            login_from(server, attacker, EMAIL, TEST_PASSWORD)
                .await
                .unwrap_err(),
            429,
            "{backend:?}: the attacker's client is throttled for this address"
        );
        let signed_in = login_from(server, user, EMAIL, TEST_PASSWORD)
            .await
            .unwrap_or_else(|s| panic!("{backend:?}: the real user is locked out: {s}"));
        assert_eq!(status_as(&signed_in, server, "/api/me").await, 200);
    })
    .await;
}

#[tokio::test]
async fn one_client_trying_many_addresses_is_throttled_for_every_address() {
    on_each_backend(&[], async |server| {
        let backend = server.backend();
        drop(server.secretariat().await);
        // Credential stuffing: one client trying many addresses meets the per-client limit.
        let (stuffer, user) = (loopback(3), loopback(2));
        for i in 0..50 {
            let address = format!("stuffed.{i}@quorum.example");
            let refused = login_from(server, stuffer, &address, "a leaked password");
            assert_eq!(refused.await.unwrap_err(), 401, "{backend:?}: attempt {i}");
        }
        assert_eq!(
            login_from(server, stuffer, EMAIL, TEST_PASSWORD)
                .await
                .unwrap_err(),
            429,
            "{backend:?}: 50 failures from one client throttle it for every address"
        );
        assert!(
            login_from(server, user, EMAIL, TEST_PASSWORD).await.is_ok(),
            "{backend:?}: other clients are not affected"
        );
    })
    .await;
}

#[tokio::test]
async fn changing_a_password_is_throttled_after_five_wrong_current_passwords() {
    on_each_backend(&[], async |server| {
        let backend = server.backend();
        let email = "guessed@quorum.example";
        let stolen = server.bureau_member(email, "IRG").await;
        for i in 0..5 {
            let guess = format!("guess number {i}");
            let (status, outcome) =
                change_password(&stolen, server, &guess, NEW_PASSWORD, NEW_PASSWORD).await;
            assert_eq!(status, 200, "{backend:?}: {outcome}");
            assert_eq!(outcome["errors"][0]["field"], "current", "{outcome}");
        }
        let (status, outcome) =
            change_password(&stolen, server, TEST_PASSWORD, NEW_PASSWORD, NEW_PASSWORD).await;
        assert_eq!(status, 429, "{backend:?}: throttled: {outcome}");
        assert!(
            outcome
                .to_string()
                .contains("too many wrong passwords; try again in 15 minutes"),
            "{backend:?}: {outcome}"
        );
        assert_eq!(
            login(server, email, TEST_PASSWORD).await.unwrap_err(),
            429,
            "{backend:?}: the same throttle as signing in, from this client"
        );
        assert!(
            login_from(server, loopback(2), email, TEST_PASSWORD)
                .await
                .is_ok(),
            "{backend:?}: the password did not change and another client signs in"
        );
    })
    .await;
}
