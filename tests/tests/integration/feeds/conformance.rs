//! Feeds as others read them: every real feed parses in Mozilla's ical.js and in Python's
//! icalendar to the instants the database holds, and every demo feed matches its golden copy
//! byte for byte.

use std::collections::BTreeMap;
use std::process::Command;

use tests::scenarios::{demo, ids};
use tests::{get_json, on_each_backend, workspace_root};

use super::{fetch, issue_token, on_the_demo_with_a_panellist};

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
    on_the_demo_with_a_panellist(async |server| {
        let backend = server.backend();
        let private = issue_token(server, &["--state", "AT"]);
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
            let response = fetch(server, path, &[]).await;
            assert_eq!(response.status(), 200, "{path}");
            let file = dir.path().join(format!("feed-{i}.ics"));
            std::fs::write(&file, response.bytes().await.unwrap()).unwrap();
            files.push(file.to_string_lossy().into_owned());
        }
        let (_, meetings) = get_json(server, "/api/meetings").await;
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

        let root = workspace_root().join("tests").join("conformance");
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
    })
    .await;
}

/// Every feed of the demo, byte for byte, against the copies kept in `tests/golden/feeds/`: a
/// change of code that alters one byte a subscriber receives fails here, on both backends.
/// After an intended change of the feeds or the demo, `QUORUM_BLESS_GOLDEN=1` rewrites them.
#[tokio::test]
async fn demo_feeds_match_their_golden_copies() {
    let golden = workspace_root().join("tests/golden/feeds");
    let bless = std::env::var_os("QUORUM_BLESS_GOLDEN").is_some();
    let demo = demo();
    let mut paths = vec!["all".to_owned(), "deadlines".to_owned()];
    paths.extend(
        ids(&demo["bodies"], "code")
            .iter()
            .map(|c| format!("bodies/{c}")),
    );
    paths.extend(
        ids(&demo["sessions"], "id")
            .iter()
            .map(|s| format!("sessions/{s}")),
    );
    paths.extend(
        ids(&demo["venues"], "id")
            .iter()
            .map(|v| format!("venues/{v}")),
    );
    on_each_backend(&["--base-url", "https://quorum.example"], async |server| {
        let backend = server.backend();
        for path in &paths {
            let response = fetch(server, &format!("/feeds/{path}.ics"), &[]).await;
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
    })
    .await;
}
