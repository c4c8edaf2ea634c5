//! The audit log on the secretariat's page: a change shows there, for the secretariat alone.

use reqwest::Method;
use tests::{get_json, http, page_text_as, send_as, Backend, TestDatabase, TestServer};

#[tokio::test]
async fn only_the_secretariat_sees_the_audit_log_on_its_page() {
    let db = TestDatabase::new(Backend::Sqlite).await;
    let server = TestServer::start(&db).await;
    let secretariat = server.secretariat().await;
    let (_, session) = get_json(&server, "/api/sessions/cosp-10").await;
    let mut meeting = session["meetings"][0].clone();
    meeting["title"] = "Opening plenary, renamed".into();
    let path = "/api/meetings/cosp-10-opening";
    send_as(&secretariat, &server, Method::PUT, path, &meeting).await;
    let page = page_text_as(&secretariat, &server, "/admin").await;
    assert!(
        page.contains("meeting changed") && page.contains("meeting cosp-10-opening"),
        "{page}"
    );
    assert!(page.contains("Export the audit log"));
    let anonymous = page_text_as(&http(), &server, "/admin").await;
    assert!(
        !anonymous.contains("meeting cosp-10-opening"),
        "not for the public"
    );
    let bureau = server
        .bureau_member("bureau.admin@quorum.example", "IRG")
        .await;
    let page = page_text_as(&bureau, &server, "/admin").await;
    assert!(
        !page.contains("meeting cosp-10-opening"),
        "not for a Bureau member"
    );
    // A server function refused to a Bureau member answers 403, not a server failure.
    let refused = bureau
        .post(server.url("/api/account/new-private-feed"))
        .form(&[("kind", "state"), ("subject", "FR")])
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 403);
}
