//! Calendar feeds over HTTP on both backends: headers and conditional requests, gzip, HEAD,
//! determinism, SEQUENCE across edits, private feeds, and conformance with two independent
//! third-party parsers (Mozilla's ical.js and Python's icalendar).

use std::collections::BTreeMap;
use std::process::Command;

use serde_json::{json, Value};
use tests::{backends, get_json, http, quorum_command, Backend, TestDatabase, TestServer};

async fn fetch(server: &TestServer, path: &str, headers: &[(&str, &str)]) -> reqwest::Response {
    let mut request = http().get(server.url(path));
    for (k, v) in headers {
        request = request.header(*k, *v);
    }
    request.send().await.unwrap()
}

fn header(response: &reqwest::Response, name: &str) -> String {
    response
        .headers()
        .get(name)
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default()
}

#[tokio::test]
async fn feeds_answer_with_calendar_headers_and_conditional_requests() {
    for backend in backends() {
        let db = TestDatabase::new(backend).await;
        let server = TestServer::start(&db).await;
        let response = fetch(&server, "/feeds/all.ics", &[]).await;
        assert_eq!(response.status(), 200, "{backend:?}");
        assert_eq!(
            header(&response, "content-type"),
            "text/calendar; charset=utf-8"
        );
        assert_eq!(header(&response, "cache-control"), "public, max-age=300");
        assert_eq!(header(&response, "vary"), "Accept-Encoding");
        assert_eq!(
            header(&response, "last-modified"),
            "Mon, 09 Oct 2023 00:00:00 GMT"
        );
        let etag = header(&response, "etag");
        assert!(
            etag.starts_with('"') && etag.len() > 20 && !etag.starts_with("W/"),
            "a strong tag: {etag}"
        );
        let body = response.text().await.unwrap();
        assert!(body.starts_with("BEGIN:VCALENDAR\r\n") && body.ends_with("END:VCALENDAR\r\n"));

        let weak = format!("W/{etag}");
        let list = format!("\"other\", {etag}");
        for (name, value) in [
            ("if-none-match", etag.as_str()),
            ("if-none-match", weak.as_str()),
            ("if-none-match", list.as_str()),
            ("if-none-match", "*"),
            ("if-modified-since", "Mon, 09 Oct 2023 00:00:00 GMT"),
            ("if-modified-since", "Tue, 10 Oct 2023 00:00:00 GMT"),
        ] {
            let response = fetch(&server, "/feeds/all.ics", &[(name, value)]).await;
            assert_eq!(response.status(), 304, "{name}: {value}");
            assert_eq!(header(&response, "etag"), etag);
            assert!(response.bytes().await.unwrap().is_empty());
        }
        for (name, value) in [
            ("if-none-match", "\"other\""),
            ("if-modified-since", "Sun, 08 Oct 2023 00:00:00 GMT"),
        ] {
            assert_eq!(
                fetch(&server, "/feeds/all.ics", &[(name, value)])
                    .await
                    .status(),
                200,
                "{name}: {value}"
            );
        }
        // If-None-Match wins over If-Modified-Since.
        let both = fetch(
            &server,
            "/feeds/all.ics",
            &[
                ("if-none-match", "\"other\""),
                ("if-modified-since", "Tue, 10 Oct 2023 00:00:00 GMT"),
            ],
        )
        .await;
        assert_eq!(both.status(), 200);

        let head = http()
            .head(server.url("/feeds/all.ics"))
            .send()
            .await
            .unwrap();
        assert_eq!(head.status(), 200);
        assert_eq!(header(&head, "etag"), etag);
        assert!(head.bytes().await.unwrap().is_empty());

        for missing in [
            "/feeds/bodies/NOPE.ics",
            "/feeds/nothing.ics",
            "/feeds/all.txt",
            "/feeds/private/00ff.ics",
            "/feeds/sessions/no-such.ics",
        ] {
            assert_eq!(
                fetch(&server, missing, &[]).await.status(),
                404,
                "{missing}"
            );
        }
    }
}

#[tokio::test]
async fn gzip_only_when_asked_with_its_own_tag() {
    let db = TestDatabase::new(Backend::Sqlite).await;
    let server = TestServer::start(&db).await;
    let plain = fetch(&server, "/feeds/all.ics", &[]).await;
    assert_eq!(header(&plain, "content-encoding"), "");
    let plain_tag = header(&plain, "etag");
    let plain_body = plain.bytes().await.unwrap();
    let zipped = fetch(&server, "/feeds/all.ics", &[("accept-encoding", "gzip")]).await;
    assert_eq!(header(&zipped, "content-encoding"), "gzip");
    assert_eq!(header(&zipped, "vary"), "Accept-Encoding");
    let zipped_tag = header(&zipped, "etag");
    assert_ne!(
        zipped_tag, plain_tag,
        "each representation has its own strong tag"
    );
    let bytes = zipped.bytes().await.unwrap();
    let mut decoded = Vec::new();
    std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&bytes[..]), &mut decoded)
        .unwrap();
    assert_eq!(decoded, plain_body);
    let again = fetch(
        &server,
        "/feeds/all.ics",
        &[("accept-encoding", "gzip"), ("if-none-match", &zipped_tag)],
    )
    .await;
    assert_eq!(again.status(), 304);
}

#[tokio::test]
async fn identical_data_gives_identical_bytes_from_every_instance() {
    for backend in backends() {
        let db = TestDatabase::new(backend).await;
        // Instances behind one load balancer share the public address.
        let shared = ["--base-url", "https://quorum.example"];
        let first = TestServer::start_with(&db, &shared).await;
        let second = TestServer::start_with(&db, &shared).await;
        let a = fetch(&first, "/feeds/bodies/IRG.ics", &[]).await;
        let b = fetch(&second, "/feeds/bodies/IRG.ics", &[]).await;
        assert_eq!(header(&a, "etag"), header(&b, "etag"), "{backend:?}");
        assert_eq!(a.bytes().await.unwrap(), b.bytes().await.unwrap());
        let again = fetch(&first, "/feeds/bodies/IRG.ics", &[])
            .await
            .bytes()
            .await
            .unwrap();
        let fresh = TestServer::start_with(&db, &shared).await;
        assert_eq!(
            again,
            fetch(&fresh, "/feeds/bodies/IRG.ics", &[])
                .await
                .bytes()
                .await
                .unwrap()
        );

        // A change made through one instance shows through the other within the 100 ms bound.
        let (_, page) = get_json(&first, "/api/sessions/irg-14").await;
        let mut meeting = page["meetings"][0].clone();
        meeting["title"] = "Joint meeting, renamed".into();
        put(
            &first,
            &format!("/api/meetings/{}", meeting["id"].as_str().unwrap()),
            &meeting,
        )
        .await;
        let changed = fetch(&first, "/feeds/bodies/IRG.ics", &[]).await;
        let tag = header(&changed, "etag");
        assert!(
            changed
                .text()
                .await
                .unwrap()
                .contains("Joint meeting\\, renamed"),
            "at once through the instance written to"
        );
        tokio::time::sleep(std::time::Duration::from_millis(150)).await;
        assert_eq!(
            header(&fetch(&second, "/feeds/bodies/IRG.ics", &[]).await, "etag"),
            tag,
            "{backend:?}"
        );
    }
}

fn event_block<'a>(ics: &'a str, uid: &str) -> &'a str {
    let start = ics
        .find(&format!("UID:{uid}\r\n"))
        .unwrap_or_else(|| panic!("{uid} not in feed"));
    let end = ics[start..].find("END:VEVENT").unwrap() + start;
    &ics[start..end]
}

#[tokio::test]
async fn sequence_rises_with_every_visible_change_and_cancelled_meetings_stay() {
    for backend in backends() {
        let db = TestDatabase::new(backend).await;
        let server = TestServer::start(&db).await;
        let uid = "meeting-cosp-10-opening@quorum";
        let before = fetch(&server, "/feeds/sessions/cosp-10.ics", &[]).await;
        let etag = header(&before, "etag");
        assert!(event_block(&before.text().await.unwrap(), uid).contains("SEQUENCE:0\r\n"));

        let (_, page) = get_json(&server, "/api/sessions/cosp-10").await;
        let mut meeting = page["meetings"][0].clone();
        meeting["start"] = "2023-12-11T16:00:00Z".into();
        meeting["end"] = "2023-12-11T18:00:00Z".into();
        let saved = put(&server, "/api/meetings/cosp-10-opening", &meeting).await;
        assert_eq!(saved["sequence"], 1, "{backend:?}: {saved}");

        let after = fetch(
            &server,
            "/feeds/sessions/cosp-10.ics",
            &[("if-none-match", &etag)],
        )
        .await;
        assert_eq!(after.status(), 200, "a change gives a new tag");
        let ics = after.text().await.unwrap();
        let block = event_block(&ics, uid);
        assert!(
            block.contains("SEQUENCE:1\r\n")
                && block.contains("DTSTART;TZID=America/New_York:20231211T110000\r\n"),
            "{block}"
        );
        assert!(
            !block.contains("DTSTAMP:20231009T000000Z"),
            "DTSTAMP follows the change"
        );

        // Saving the same again changes nothing a calendar shows.
        let same = put(&server, "/api/meetings/cosp-10-opening", &saved).await;
        assert_eq!(same["sequence"], 1);

        let mut cancelled = saved.clone();
        cancelled["status"] = "cancelled".into();
        let saved = put(&server, "/api/meetings/cosp-10-opening", &cancelled).await;
        assert_eq!(saved["sequence"], 2);
        let ics = fetch(&server, "/feeds/all.ics", &[])
            .await
            .text()
            .await
            .unwrap();
        let block = event_block(&ics, uid);
        assert!(
            block.contains("STATUS:CANCELLED\r\n") && block.contains("SEQUENCE:2\r\n"),
            "{block}"
        );
    }
}

async fn put(server: &TestServer, path: &str, body: &Value) -> Value {
    let response = server
        .secretariat()
        .await
        .put(server.url(path))
        .json(body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

/// The demo with a panellist from Austria, nominated and accepted, on the first business
/// integrity panel, and a call for nominations.
fn demo_with_panellist() -> String {
    let mut data: Value =
        serde_json::from_str(include_str!("../../../app/data/demo.json")).unwrap();
    data["persons"] = json!([{ "id": "anna-berger", "name": "Anna Berger", "gender": "female", "affiliation": { "state": "AT" } }]);
    for panel in data["panels"].as_array_mut().unwrap() {
        if panel["id"] == "business-integrity-1" {
            panel["panellists"] = json!(["anna-berger"]);
        }
    }
    data["calls_for_nominations"] = json!([{ "id": "call-business-integrity", "note_verbale_date": "2023-04-03", "deadline": "2023-05-15", "panel": "business-integrity-1" }]);
    data["nominations"] = json!([{ "id": "nomination-at-1", "call": "call-business-integrity", "nominator": { "state": "AT" }, "nominee": "anna-berger", "justification": "Expert in corporate compliance", "status": "accepted" }]);
    data.to_string()
}

fn issue_token(db: &TestDatabase, server: &TestServer, args: &[&str]) -> String {
    let output = quorum_command()
        .args([
            "feed-token",
            "--database-url",
            &db.url,
            "--base-url",
            &server.base_url,
        ])
        .args(args)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8(output.stdout).unwrap();
    let url = stdout.lines().next().unwrap().to_owned();
    assert!(stdout.lines().nth(1).unwrap().starts_with("webcal://"));
    url.strip_prefix(&server.base_url).unwrap().to_owned()
}

#[tokio::test]
async fn private_feeds_open_with_a_revocable_token_only() {
    for backend in backends() {
        let db = TestDatabase::new(backend).await;
        let server = TestServer::start_with(&db, &["--no-demo", "--feed-staleness-ms", "0"]).await;
        assert_eq!(
            server
                .secretariat()
                .await
                .post(server.url("/api/import"))
                .body(demo_with_panellist())
                .send()
                .await
                .unwrap()
                .status(),
            201
        );

        let person = issue_token(&db, &server, &["--person", "anna-berger"]);
        let token = person
            .trim_start_matches("/feeds/private/")
            .trim_end_matches(".ics");
        assert!(
            token.len() >= 32 && token.chars().all(|c| c.is_ascii_hexdigit()),
            "{token}: at least 128 bits"
        );
        let response = fetch(&server, &person, &[]).await;
        assert_eq!(response.status(), 200, "{backend:?}");
        assert_eq!(header(&response, "referrer-policy"), "no-referrer");
        assert_eq!(header(&response, "cache-control"), "private, max-age=300");
        let ics = response.text().await.unwrap();
        assert!(ics.contains("NAME:Quorum — Anna Berger\r\n"));
        assert!(
            ics.contains("UID:meeting-joint-2023-06-morning@quorum\r\n"),
            "her panel's meeting"
        );
        assert!(
            !ics.contains("UID:meeting-cosp-10-opening@quorum"),
            "not other meetings"
        );
        assert!(ics.contains("Panellists: Anna Berger (AT)"));

        let state = issue_token(&db, &server, &["--state", "AT"]);
        let ics = fetch(&server, &state, &[]).await.text().await.unwrap();
        assert!(
            ics.contains("UID:meeting-joint-2023-06-morning@quorum\r\n"),
            "where its nominee speaks"
        );
        assert!(
            ics.contains("DTSTART;VALUE=DATE:20230515\r\nDTEND;VALUE=DATE:20230516\r\n"),
            "its nomination deadline"
        );

        let rotated = issue_token(&db, &server, &["--person", "anna-berger"]);
        assert_ne!(rotated, person);
        assert_eq!(
            fetch(&server, &person, &[]).await.status(),
            404,
            "{backend:?}: the old address is revoked"
        );
        assert_eq!(fetch(&server, &rotated, &[]).await.status(), 200);
    }
}

#[tokio::test]
async fn the_deadlines_feed_holds_all_day_events() {
    let db = TestDatabase::new(Backend::Sqlite).await;
    let server = TestServer::start(&db).await;
    let ics = fetch(&server, "/feeds/deadlines.ics", &[])
        .await
        .text()
        .await
        .unwrap();
    let block = event_block(&ics, "silence-procedure-workplan@quorum");
    assert!(
        block.contains("DTSTART;VALUE=DATE:20230609\r\nDTEND;VALUE=DATE:20230610\r\n"),
        "{block}"
    );
    assert!(!ics.contains("BEGIN:VTIMEZONE"));
}

/// Runs a conformance parser; in CI a missing parser is a failure, elsewhere the check is skipped.
fn parse_with(program: &str, args: &[&str]) -> Option<BTreeMap<String, Vec<String>>> {
    let output = match Command::new(program).args(args).output() {
        Ok(output) => output,
        Err(e) if !tests::in_ci() => {
            eprintln!("{program} unavailable ({e}): conformance check skipped");
            return None;
        }
        Err(e) => panic!("{program}: {e}"),
    };
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        if !tests::in_ci()
            && (stderr.contains("Cannot find package") || stderr.contains("No module named"))
        {
            eprintln!(
                "{program}: parser not installed (scripts/setup.sh --test installs it): skipped"
            );
            return None;
        }
        panic!("{program} {args:?} failed: {stderr}");
    }
    Some(serde_json::from_slice(&output.stdout).unwrap())
}

#[tokio::test]
async fn real_feeds_parse_in_ical_js_and_python_icalendar_with_the_database_instants() {
    for backend in backends() {
        let db = TestDatabase::new(backend).await;
        let server = TestServer::start_with(&db, &["--no-demo", "--feed-staleness-ms", "0"]).await;
        server
            .secretariat()
            .await
            .post(server.url("/api/import"))
            .body(demo_with_panellist())
            .send()
            .await
            .unwrap();
        let private = issue_token(&db, &server, &["--state", "AT"]);
        let dir = tempfile::tempdir().unwrap();
        let mut files = Vec::new();
        let mut paths = vec![
            "/feeds/all.ics".to_owned(),
            "/feeds/deadlines.ics".into(),
            private,
        ];
        for body in ["COSP", "IRG", "WG-PREV", "WG-AR", "EM-IC"] {
            paths.push(format!("/feeds/bodies/{body}.ics"));
        }
        for venue in ["vienna-vic", "atlanta"] {
            paths.push(format!("/feeds/venues/{venue}.ics"));
        }
        paths.push("/feeds/sessions/cosp-intersessional-2022.ics".into());
        for (i, path) in paths.iter().enumerate() {
            let response = fetch(&server, path, &[]).await;
            assert_eq!(response.status(), 200, "{path}");
            let file = dir.path().join(format!("feed-{i}.ics"));
            std::fs::write(&file, response.bytes().await.unwrap()).unwrap();
            files.push(file.to_string_lossy().into_owned());
        }
        let (_, meetings) = get_json(&server, "/api/meetings").await;
        let mut expected: BTreeMap<String, Vec<String>> = meetings
            .as_array()
            .unwrap()
            .iter()
            .map(|m| {
                let uid = format!("meeting-{}@quorum", m["id"].as_str().unwrap());
                (
                    uid,
                    vec![
                        m["start"].as_str().unwrap().to_owned(),
                        m["end"].as_str().unwrap().to_owned(),
                    ],
                )
            })
            .collect();
        expected.insert(
            "silence-procedure-workplan@quorum".into(),
            vec!["2023-06-09".into(), "2023-06-10".into()],
        );
        expected.insert(
            "call-deadline-call-business-integrity@quorum".into(),
            vec!["2023-05-15".into(), "2023-05-16".into()],
        );

        let root = tests::workspace_root().join("tests").join("conformance");
        let script = root.join("check-ical.mjs").to_string_lossy().into_owned();
        let python = root
            .join("check_icalendar.py")
            .to_string_lossy()
            .into_owned();
        let mut node_args = vec![script.as_str()];
        node_args.extend(files.iter().map(|f| f.as_str()));
        let mut python_args = vec![python.as_str()];
        python_args.extend(files.iter().map(|f| f.as_str()));
        for (parser, found) in [
            ("node", parse_with("node", &node_args)),
            ("python3", parse_with("python3", &python_args)),
        ] {
            let Some(found) = found else { continue };
            assert_eq!(
                found, expected,
                "{backend:?}: {parser} reads other instants than the database holds"
            );
        }
    }
}

#[tokio::test]
async fn pages_offer_subscribe_links_and_feed_urls_lead_back_to_meeting_pages() {
    let db = TestDatabase::new(Backend::Sqlite).await;
    let server = TestServer::start_with(&db, &["--base-url", "https://quorum.example"]).await;
    let home = fetch(&server, "/", &[]).await.text().await.unwrap();
    for link in [
        "webcal://quorum.example/feeds/bodies/IRG.ics",
        "https://quorum.example/feeds/all.ics",
        "https://calendar.google.com/calendar/render?cid=webcal%3A%2F%2Fquorum.example%2Ffeeds%2Fdeadlines.ics",
        "https://outlook.live.com/calendar/0/addfromweb?url=https%3A%2F%2Fquorum.example%2Ffeeds%2Fbodies%2FWG-AR.ics",
    ] {
        assert!(home.contains(link), "home page lacks {link}");
    }
    let session = fetch(&server, "/sessions/cosp-10", &[]).await;
    assert_eq!(session.status(), 200);
    let html = session.text().await.unwrap();
    assert!(html.contains("Tenth session of the Conference of the States Parties"));
    assert!(html.contains("webcal://quorum.example/feeds/sessions/cosp-10.ics"));
    assert!(html.contains("CAC/COSP/2023/1"));
    assert!(html.contains("2023-12-11 10:00–13:00 (America/New_York)"));

    let ics = fetch(&server, "/feeds/sessions/cosp-10.ics", &[])
        .await
        .text()
        .await
        .unwrap();
    let url = ics
        .lines()
        .find_map(|l| l.strip_prefix("URL;VALUE=URI:"))
        .unwrap();
    assert_eq!(url, "https://quorum.example/meetings/cosp-10-opening");
    let page = fetch(&server, "/meetings/cosp-10-opening", &[]).await;
    assert_eq!(page.status(), 200);
    assert!(page
        .text()
        .await
        .unwrap()
        .contains("Opening plenary of the tenth session"));
    assert_eq!(
        fetch(&server, "/sessions/no-such-session", &[])
            .await
            .status(),
        404
    );
}

/// Every feed of the demo, byte for byte, against the copies kept in `tests/golden/feeds/`: a
/// change of code that alters one byte a subscriber receives fails here, on both backends.
/// After an intended change of the feeds or the demo, `QUORUM_BLESS_GOLDEN=1` rewrites them.
#[tokio::test]
async fn demo_feeds_match_their_golden_copies() {
    let golden = tests::workspace_root().join("tests/golden/feeds");
    let bless = std::env::var_os("QUORUM_BLESS_GOLDEN").is_some();
    let demo: Value = serde_json::from_str(
        &std::fs::read_to_string(tests::workspace_root().join("app/data/demo.json")).unwrap(),
    )
    .unwrap();
    let ids = |list: &str, key: &str| -> Vec<String> {
        demo[list]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v[key].as_str().unwrap().to_owned())
            .collect()
    };
    let mut paths = vec!["all".to_owned(), "deadlines".to_owned()];
    paths.extend(ids("bodies", "code").iter().map(|c| format!("bodies/{c}")));
    paths.extend(
        ids("sessions", "id")
            .iter()
            .map(|s| format!("sessions/{s}")),
    );
    paths.extend(ids("venues", "id").iter().map(|v| format!("venues/{v}")));
    for backend in backends() {
        let db = TestDatabase::new(backend).await;
        let server = TestServer::start_with(&db, &["--base-url", "https://quorum.example"]).await;
        for path in &paths {
            let response = fetch(&server, &format!("/feeds/{path}.ics"), &[]).await;
            assert_eq!(response.status(), 200, "{path}");
            let bytes = response.bytes().await.unwrap();
            let file = golden.join(format!("{}.ics", path.replace('/', "-")));
            if bless {
                std::fs::create_dir_all(&golden).unwrap();
                std::fs::write(&file, &bytes).unwrap();
                continue;
            }
            let kept = std::fs::read(&file).unwrap_or_else(|_| {
                panic!(
                    "{} is missing: run with QUORUM_BLESS_GOLDEN=1",
                    file.display()
                )
            });
            assert!(
                kept == bytes.as_ref(),
                "{backend:?}: /feeds/{path}.ics differs from {}",
                file.display()
            );
        }
    }
}
