//! One place for "a write happened": with a staleness bound of ten minutes, every write — each
//! state-changing route and server function, from the table in `tests::writes` — is seen by the
//! very next feed, page or read of the same instance, on both backends, while another instance
//! still serves the read it kept. No handler asks for it; the server does it after every
//! successful state-changing request.

use reqwest::Method;
use serde_json::{json, Value};
use tests::writes::{self, Cast, Request, Write};
use tests::{
    form_post, get_json, on_each_backend, on_each_database, page_text, send_as, TestServer,
};

/// Reads may be kept this long: only the server's own "a write happened" makes them fresh.
const STALE_FOR_TEN_MINUTES: [&str; 2] = ["--feed-staleness-ms", "600000"];

#[tokio::test]
async fn the_next_feed_and_page_after_any_write_read_fresh_data() {
    on_each_backend(&STALE_FOR_TEN_MINUTES, async |server| {
        let backend = server.backend();
        let secretariat = server.secretariat().await;
        // Pages and feeds read once, so that their version is cached.
        let (_, meetings) = get_json(server, "/api/meetings").await;
        let mut meeting: Value = meetings[0].clone();
        let key = meeting["id"].as_str().unwrap().to_owned();
        assert!(page_text(server, "/feeds/all.ics")
            .await
            .contains("BEGIN:VCALENDAR"));
        assert!(!page_text(server, "/")
            .await
            .contains("Beneficial Ownership"));

        // Through a REST route.
        meeting["title"] = Value::String("Renamed through the REST door".into());
        let (status, body) = send_as(
            &secretariat,
            server,
            Method::PUT,
            &format!("/api/meetings/{key}"),
            &meeting,
        )
        .await;
        assert_eq!(status, 200, "{backend:?}: {body}");
        assert!(
            page_text(server, "/feeds/all.ics")
                .await
                .contains("Renamed through the REST door"),
            "{backend:?}"
        );
        assert!(
            page_text(server, &format!("/meetings/{key}"))
                .await
                .contains("Renamed through the REST door"),
            "{backend:?}"
        );

        // Through a server function.
        let fields = [
            ("code", "WG-BO"),
            ("name", "the Working Group on Beneficial Ownership"),
            ("short_name", "Beneficial Ownership"),
            ("parent", "COSP"),
            ("open_to_all_states", "on"),
        ];
        let (_, outcome) = form_post(&secretariat, server, "admin/save-body", &fields).await;
        assert!(outcome["done"].is_string(), "{backend:?}: {outcome}");
        assert!(
            page_text(server, "/")
                .await
                .contains("Beneficial Ownership"),
            "{backend:?}: the bodies page"
        );
        let (status, _) = get_json(server, "/feeds/bodies/WG-BO.ics").await;
        assert_eq!(status, 200, "{backend:?}: the new body's feed");
    })
    .await;
}

#[tokio::test]
async fn every_state_changing_rule_is_a_proven_write_or_a_declared_read() {
    on_each_backend(&[], async |server| {
        let (status, access) = get_json(server, "/api/access").await;
        assert_eq!(status, 200);
        let rules: Vec<(String, String)> = access["rules"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                let field = |k: &str| r[k].as_str().unwrap().to_owned();
                (field("method"), field("path"))
            })
            .collect();
        let changing: Vec<&(String, String)> =
            rules.iter().filter(|(method, _)| method != "GET").collect();
        // The rule a request is served by: its own path, else the one whose pattern it fits.
        let rule_of = |(method, path): (String, String)| {
            let same_method = || changing.iter().filter(|(m, _)| *m == method);
            same_method()
                .find(|(_, p)| *p == path)
                .or_else(|| same_method().find(|(_, p)| writes::route_matches(p, &path)))
                .map(|rule| (*rule).clone())
                .ok_or(format!("{method} {path}"))
        };
        let names: Vec<&str> = writes::every_write().iter().map(|w| w.what).collect();
        let unknown: Vec<_> = writes::SHOWN_BY_NO_KEPT_READ
            .iter()
            .filter(|what| !names.contains(what))
            .collect();
        assert!(
            unknown.is_empty(),
            "SHOWN_BY_NO_KEPT_READ names no write: {unknown:?}"
        );
        let mut proven = vec![];
        let mut no_rule = vec![];
        for write in writes::every_write() {
            for role in write.allowed {
                match rule_of((write.request)(role.index()).route()) {
                    Ok(rule) => proven.push(rule),
                    Err(route) => no_rule.push(format!("{}: {route}", write.what)),
                }
            }
        }
        assert!(
            no_rule.is_empty(),
            "writes that no state-changing rule serves: {no_rule:?}"
        );
        let declared: Vec<(String, String)> = writes::NOT_WRITES
            .iter()
            .map(|(method, path, _)| (method.to_string(), path.to_string()))
            .collect();
        let stale: Vec<_> = declared.iter().filter(|d| !changing.contains(d)).collect();
        assert!(
            stale.is_empty(),
            "declared reads that are no state-changing rule: {stale:?}"
        );
        // The server's own flag, which decides whether "a write happened" follows an answer,
        // says the same as the declared reads.
        let mut flagged_reads: Vec<(String, String)> = access["rules"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["method"] != "GET" && r["changes"] == false)
            .map(|r| {
                let field = |k: &str| r[k].as_str().unwrap().to_owned();
                (field("method"), field("path"))
            })
            .collect();
        let mut sorted_declared = declared.clone();
        sorted_declared.sort();
        flagged_reads.sort();
        assert_eq!(
            flagged_reads, sorted_declared,
            "the rules marked as changing nothing (server/src/access.rs) differ from NOT_WRITES"
        );
        let unproven: Vec<String> = changing
            .iter()
            .filter(|rule| !proven.contains(rule) && !declared.contains(rule))
            .map(|(method, path)| format!("{method} {path}"))
            .collect();
        assert!(
            unproven.is_empty(),
            "state-changing rules that are neither a write in tests/src/writes/ (a request, and \
             a read that shows its change) nor a declared read: {unproven:?}"
        );
    })
    .await;
}

#[tokio::test]
async fn a_post_that_only_reads_is_not_taken_for_a_write() {
    on_each_database(async |db| {
        let reader = TestServer::start_with(db, &STALE_FOR_TEN_MINUTES).await;
        let writer = TestServer::start_with(db, &STALE_FOR_TEN_MINUTES).await;
        let backend = reader.backend();
        let secretariat = writer.secretariat().await;
        let (_, meetings) = get_json(&reader, "/api/meetings").await;
        let mut meeting: Value = meetings[0].clone();
        let key = meeting["id"].as_str().unwrap().to_owned();
        let renamed = "Renamed through the other instance";
        assert!(!page_text(&reader, "/feeds/all.ics").await.contains(renamed));
        meeting["title"] = Value::String(renamed.into());
        let (status, body) = send_as(
            &secretariat,
            &writer,
            Method::PUT,
            &format!("/api/meetings/{key}"),
            &meeting,
        )
        .await;
        assert_eq!(status, 200, "{backend:?}: {body}");
        // Server functions that read their page, and a conflict check: none of them is a write
        // on the reader, so it keeps serving the feed it read before the rename.
        let anonymous = tests::http();
        for endpoint in ["pages/bodies", "pages/public-base", "account/me"] {
            let (status, answer) = form_post(&anonymous, &reader, endpoint, &[]).await;
            assert_eq!(status, 200, "{backend:?}: {endpoint}: {answer}");
        }
        let (status, _) = send_as(
            &anonymous,
            &reader,
            Method::POST,
            "/api/conflicts/check",
            &json!({ "meeting": meetings[1] }),
        )
        .await;
        assert_eq!(status, 200, "{backend:?}: the conflict check");
        assert!(
            !page_text(&reader, "/feeds/all.ics").await.contains(renamed),
            "{backend:?}: a read-only POST made the reader fetch the data version again"
        );
        // A real write through the reader does.
        let (status, answer) = send_as(
            &reader.secretariat().await,
            &reader,
            Method::POST,
            "/api/outbox/reminders",
            &json!({ "days": 1 }),
        )
        .await;
        assert_eq!(status, 200, "{backend:?}: {answer}");
        assert!(
            page_text(&reader, "/feeds/all.ics").await.contains(renamed),
            "{backend:?}: a write through the reader did not refresh its reads"
        );
    })
    .await;
}

#[tokio::test]
async fn every_write_is_seen_by_the_next_read_of_its_change() {
    on_each_database(async |db| {
        let args = [
            "--no-demo",
            STALE_FOR_TEN_MINUTES[0],
            STALE_FOR_TEN_MINUTES[1],
        ];
        // The instance written through, and another one on the same database: that one keeps
        // its reads, which proves that each read below is one kept per data version.
        let written = TestServer::start_with(db, &args).await;
        let other = TestServer::start_with(db, &args).await;
        let servers = Servers {
            written: &written,
            other: &other,
        };
        // The import needs the empty database, which has no body or State for the other roles'
        // accounts yet: the secretariat imports, and anyone reads the feed.
        let cast = Cast {
            anonymous: tests::http(),
            secretariat: written.secretariat().await,
            bureau: tests::http(),
            focal: tests::http(),
        };
        made_and_seen(servers, &cast, &writes::import()).await;
        let cast = Cast::sign_in(&written).await;
        writes::prepare(&written, &cast).await;
        for write in writes::after_import() {
            made_and_seen(servers, &cast, &write).await;
        }
    })
    .await;
}

#[derive(Clone, Copy)]
struct Servers<'a> {
    written: &'a TestServer,
    other: &'a TestServer,
}

/// Reads the write's change first on both instances (so that the read is kept), makes the write
/// through one as the first role allowed to, and reads again: the instance written through shows
/// the change at once, the other one still serves what it kept.
async fn made_and_seen(servers: Servers<'_>, cast: &Cast, write: &Write) {
    let Servers { written, other } = servers;
    let backend = written.backend();
    let what = write.what;
    let by = write.made_by();
    let i = by.index();
    let path = write.read.path_for_try(cast, written, i).await;
    let reader = cast.client(write.read.by);
    // A write through the other instance makes it read the data version again: its kept reads
    // are then of everything before this write.
    let nothing_due = Request::Rest(
        Method::POST,
        "/api/outbox/reminders".into(),
        json!({ "days": 1 }),
    );
    let (status, answer) = nothing_due.send(&cast.secretariat, other).await;
    assert!(writes::succeeded(status, &answer), "{status} {answer}");
    for server in [written, other] {
        let before = writes::text_of(reader, server, &path).await;
        assert!(
            !(write.shows)(&before, i),
            "{backend:?}: {what}: {path} shows the change before it is made: {}",
            writes::words(&before)
        );
    }
    let (status, answer) = (write.request)(i).send(cast.client(by), written).await;
    assert!(
        writes::succeeded(status, &answer),
        "{backend:?}: {} could not {what}: {status} {answer}",
        by.label()
    );
    let after = writes::text_of(reader, written, &path).await;
    assert!(
        (write.shows)(&after, i),
        "{backend:?}: {what} ({} as {}): the next read of {path} does not show it: {}",
        (write.request)(i).route().1,
        by.label(),
        writes::words(&after)
    );
    let kept = writes::text_of(reader, other, &path).await;
    if writes::SHOWN_BY_NO_KEPT_READ.contains(&what) {
        assert!(
            (write.shows)(&kept, i),
            "{backend:?}: {what}: another instance still serves its kept {path}: a kept read \
             shows this change, so take the write off SHOWN_BY_NO_KEPT_READ"
        );
    } else {
        assert!(
            !(write.shows)(&kept, i),
            "{backend:?}: {what}: another instance shows it at once, so {path} is not a kept \
             read and proves nothing about reading fresh data; list the write in \
             SHOWN_BY_NO_KEPT_READ if no kept read shows its change"
        );
    }
}
