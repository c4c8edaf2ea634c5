//! Private feed addresses: each ends when its holder issues a new one, moves to another State or
//! loses the account, and the audit log records who issued one without recording the address.

use reqwest::Client;
use serde_json::{json, Value};
use tests::{form_post, get_json, json_as, on_each_backend, post_as, TestServer};

use super::AUSTRIA;

/// France's focal point.
const FRANCE: &str = "focal.fr.c@quorum.example";

/// Issues a private feed address for `state`'s calendar; answers its path.
async fn new_feed_address(focal_point: &Client, server: &TestServer, state: &str) -> String {
    let (status, links) = post_as(
        focal_point,
        server,
        "/api/feed-tokens",
        json!({ "state": state }),
    )
    .await;
    assert_eq!(status, 201, "{links}");
    // The path of the address in the answer's links.
    let url = links.to_string();
    let start = url.find("/feeds/private/").unwrap();
    url[start..].split(".ics").next().unwrap().to_owned() + ".ics"
}

/// The secretariat moves a focal point to France, or removes the account.
async fn change_focal_point(secretariat: &Client, server: &TestServer, email: &str, remove: bool) {
    let remove = if remove { "true" } else { "false" };
    let fields = [
        ("email", email),
        ("role", "focal_point"),
        ("scope", "FR"),
        ("remove", remove),
    ];
    let (_, outcome) = form_post(secretariat, server, "admin/change-user", &fields).await;
    assert!(
        outcome["done"].is_string(),
        "{:?}: {outcome}",
        server.backend()
    );
}

/// The status a feed reader gets at `path`.
async fn feed_status(server: &TestServer, path: &str) -> u16 {
    get_json(server, path).await.0
}

#[tokio::test]
async fn private_feed_addresses_end_with_their_holders_right() {
    on_each_backend(&[], async |server| {
        let backend = server.backend();
        let secretariat = server.secretariat().await;
        let austria = server.focal_point(AUSTRIA, "AT").await;
        let france = server.focal_point(FRANCE, "FR").await;
        let first = new_feed_address(&austria, server, "AT").await;
        assert_eq!(feed_status(server, &first).await, 200);
        // A new address: the old one stops at once.
        let second = new_feed_address(&austria, server, "AT").await;
        assert_eq!(feed_status(server, &first).await, 404, "{backend:?}");

        // The focal point moves to another State: Austria's address stops working.
        change_focal_point(&secretariat, server, AUSTRIA, false).await;
        assert_eq!(
            feed_status(server, &second).await,
            404,
            "{backend:?}: moved"
        );

        // France's focal point is removed: France's address stops working.
        let france = new_feed_address(&france, server, "FR").await;
        assert_eq!(feed_status(server, &france).await, 200);
        change_focal_point(&secretariat, server, FRANCE, true).await;
        assert_eq!(
            feed_status(server, &france).await,
            404,
            "{backend:?}: removed"
        );
    })
    .await;
}

#[tokio::test]
async fn the_audit_log_names_who_issued_a_private_feed_address_never_the_address() {
    on_each_backend(&[], async |server| {
        let backend = server.backend();
        let secretariat = server.secretariat().await;
        let austria = server.focal_point(AUSTRIA, "AT").await;
        new_feed_address(&austria, server, "AT").await;
        let second = new_feed_address(&austria, server, "AT").await;
        let audit = json_as(&secretariat, server, "/api/audit").await;
        let audit = audit.as_array().unwrap();
        let issued: Vec<&Value> = audit
            .iter()
            .filter(|e| e["action"] == "private feed address issued")
            .collect();
        assert_eq!(issued.len(), 2, "{backend:?}");
        assert_eq!(issued[0]["actor"], AUSTRIA);
        let token = second
            .trim_start_matches("/feeds/private/")
            .trim_end_matches(".ics");
        assert!(!audit.iter().any(|e| e.to_string().contains(token)));
    })
    .await;
}
