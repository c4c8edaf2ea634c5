//! The HTTP defences through the real server: security headers on every answer, a page policy
//! whose nonce the hydration script carries, oversized bodies refused with 413 (announced or
//! streamed) writing nothing, and slow clients answered 408.

use std::time::Duration;

use tests::{form_post, http, on_each_backend, status_as, Backend, TestDatabase, TestServer};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Sends raw bytes to the server and reads its answer's status line.
async fn raw_status(server: &TestServer, parts: &[&[u8]], pause: Duration) -> String {
    let address = server.base_url.trim_start_matches("http://").to_owned();
    let mut stream = TcpStream::connect(address).await.unwrap();
    for part in parts {
        // A server that refuses a body may close before it is all sent; its answer is still read.
        if stream.write_all(part).await.is_err() {
            break;
        }
        tokio::time::sleep(pause).await;
    }
    let mut answer = vec![0; 512];
    let n = tokio::time::timeout(Duration::from_secs(20), stream.read(&mut answer))
        .await
        .expect("the server answers")
        .unwrap_or(0);
    String::from_utf8_lossy(&answer[..n])
        .lines()
        .next()
        .unwrap_or_default()
        .to_owned()
}

/// A header of an answer, or "" when it has none.
fn header(response: &reqwest::Response, name: &str) -> String {
    response
        .headers()
        .get(name)
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default()
}

/// A session's page, as a browser asks for it.
async fn session_page(server: &TestServer) -> reqwest::Response {
    let page = http().get(server.url("/sessions/irg-14")).send().await;
    page.unwrap()
}

/// Whether the server still answers its health check.
async fn healthy(server: &TestServer) -> bool {
    status_as(&http(), server, "/healthz").await == 200
}

#[tokio::test]
async fn pages_carry_a_policy_whose_nonce_the_hydration_script_carries() {
    let db = TestDatabase::new(Backend::Sqlite).await;
    let server = TestServer::start(&db).await;
    let page = session_page(&server).await;
    let policy = header(&page, "content-security-policy");
    for directive in [
        "default-src 'self'",
        "frame-ancestors 'none'",
        "object-src 'none'",
        "'wasm-unsafe-eval'",
    ] {
        assert!(
            policy.contains(directive),
            "{directive} missing from {policy}"
        );
    }
    let scripts = policy
        .split(';')
        .find(|d| d.trim().starts_with("script-src"))
        .expect("a script-src directive");
    assert!(
        !scripts.contains("unsafe-inline"),
        "inline scripts need the nonce: {scripts}"
    );
    let nonce = policy
        .split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .expect("the page policy names a nonce")
        .to_owned();
    let html = page.text().await.unwrap();
    assert!(
        html.contains(&format!("nonce=\"{nonce}\"")),
        "the hydration script carries the policy's nonce"
    );
    assert!(!html.contains("onclick="), "no inline event handlers");

    // Another page gets another nonce; JSON answers get the strict policy without one.
    let again = session_page(&server).await;
    let other = again.headers()["content-security-policy"].to_str().unwrap();
    assert_ne!(other, policy, "a fresh nonce per page");
    let json = http().get(server.url("/api/bodies")).send().await.unwrap();
    let strict = header(&json, "content-security-policy");
    assert!(
        !strict.contains("nonce-") && strict.contains("frame-ancestors 'none'"),
        "{strict}"
    );
}

#[tokio::test]
async fn answers_carry_the_security_headers() {
    let db = TestDatabase::new(Backend::Sqlite).await;
    let server = TestServer::start(&db).await;
    let page = session_page(&server).await;
    assert_eq!(header(&page, "x-content-type-options"), "nosniff");
    assert_eq!(header(&page, "x-frame-options"), "DENY");
    assert!(
        header(&page, "strict-transport-security").is_empty(),
        "plain http: no HSTS"
    );

    // Behind an https address, browsers are told to keep to https.
    let https = TestServer::start_with(&db, &["--base-url", "https://quorum.example"]).await;
    let answer = http().get(https.url("/healthz")).send().await.unwrap();
    assert_eq!(
        answer.headers()["strict-transport-security"],
        "max-age=31536000; includeSubDomains"
    );
}

#[tokio::test]
async fn oversized_bodies_are_refused_with_413_and_write_nothing() {
    on_each_backend(&[], async |server| {
        let backend = server.backend();
        let secretariat = server.secretariat().await;
        let (_, before) = form_post(&secretariat, server, "admin/page", &[]).await;

        // Announced: refused before it is read (sent by hand, so that the client does not race
        // the server's early answer with the rest of the body).
        let announced = b"POST /api/admin/rules HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 3000000\r\n\r\nrules=";
        let status = raw_status(server, &[announced], Duration::ZERO).await;
        assert!(status.contains(" 413 "), "{backend:?}: {status}");

        // Streamed in chunks without a length: refused once it passes the limit.
        let chunk = format!("{:x}\r\n{}\r\n", 64 * 1024, "a".repeat(64 * 1024));
        let mut request = b"POST /api/admin/rules HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n".to_vec();
        for _ in 0..24 {
            request.extend_from_slice(chunk.as_bytes());
        }
        request.extend_from_slice(b"0\r\n\r\n");
        let status = raw_status(server, &[&request], Duration::ZERO).await;
        assert!(status.contains(" 413 "), "{backend:?}: {status}");

        let (_, after) = form_post(&secretariat, server, "admin/page", &[]).await;
        assert_eq!(before["rules"], after["rules"], "nothing was written");
        assert!(healthy(server).await, "the server carries on");
    })
    .await;
}

#[tokio::test]
async fn a_client_sending_its_body_too_slowly_is_answered_408() {
    let db = TestDatabase::new(Backend::Sqlite).await;
    let server = TestServer::start_with(&db, &["--request-timeout-secs", "1"]).await;
    let head: &[u8] = b"POST /api/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"email\":";
    let status = raw_status(&server, &[head, b" \"a"], Duration::from_millis(1500)).await;
    assert!(status.contains(" 408 "), "{status}");
    assert!(healthy(&server).await);
}

#[tokio::test]
async fn a_client_trickling_its_headers_is_disconnected() {
    let db = TestDatabase::new(Backend::Sqlite).await;
    let server = TestServer::start_with(&db, &["--request-timeout-secs", "1"]).await;
    let address = server.base_url.trim_start_matches("http://").to_owned();
    let mut stream = TcpStream::connect(address).await.unwrap();
    stream
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
        .await
        .unwrap();
    // The headers never end: the server closes the connection soon after the bound.
    let mut answer = vec![0; 256];
    let read = tokio::time::timeout(Duration::from_secs(10), stream.read(&mut answer)).await;
    assert!(
        matches!(read, Ok(Ok(_)) | Ok(Err(_))),
        "the connection was still open after 10 s"
    );
    assert!(healthy(&server).await, "other clients are served");
}
