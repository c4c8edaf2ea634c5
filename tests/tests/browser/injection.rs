//! Markup typed into Quorum stays text. The classic payloads go into every kind of text a person
//! writes — a meeting's title, a session's and a panel's notes, a panel's topic, a holiday's
//! reason, a nominee's name, a State's justification and biography, the Bureau's note and its
//! message to the State, a workplan entry's topics and notes, a body's names, the reason a
//! warning was accepted — and headless chromium opens every page that shows them, with
//! JavaScript on and off, looking for any element or script that the text would have made.

use serde_json::{json, Value};
use tests::browser::{available, irg_17_session_form, Browser};
use tests::{form_post, post_as, TestServer, TEST_PASSWORD};

/// Closes each context text can sit in (textarea, title, script, attribute) and opens markup
/// that the check finds: elements of class `injected`, or `window.injected` set.
const PAYLOAD: &str = "</textarea></title></script>\"'><b class=\"injected\">x</b><img class=\"injected\" src=\"x\" onerror=\"window.injected=1\"><script>window.injected=1</script> a &lt; b";

/// How many injected elements the open page holds, and whether a script ran.
async fn injected(browser: &Browser) -> (u64, bool) {
    let answer = browser
        .client
        .execute(
            "return [document.querySelectorAll('.injected').length, !!window.injected];",
            vec![],
        )
        .await
        .unwrap();
    (answer[0].as_u64().unwrap(), answer[1].as_bool().unwrap())
}

/// Posts JSON to the API as `client` and expects the answer's status.
async fn post_expecting(
    client: &reqwest::Client,
    server: &TestServer,
    path: &str,
    body: Value,
    expected: u16,
) {
    let (status, answer) = post_as(client, server, path, body).await;
    assert_eq!(status, expected, "{path}: {answer}");
}

/// Posts a page's form as `client` and expects it done.
async fn form_done(
    client: &reqwest::Client,
    server: &TestServer,
    endpoint: &str,
    fields: &[(&str, &str)],
) {
    let (_, outcome) = form_post(client, server, endpoint, fields).await;
    assert!(outcome["done"].is_string(), "{endpoint}: {outcome}");
}

/// Stores the payload everywhere a person writes text, as the accounts of [`SIGNED_IN_PAGES`].
async fn store_everywhere(server: &TestServer) {
    let secretariat = server.secretariat().await;
    let bureau = server
        .bureau_member("bureau.irg.inj@quorum.example", "IRG")
        .await;
    let austria = server
        .focal_point("focal.at.inj@quorum.example", "AT")
        .await;
    let meeting = json!({
        "id": "irg-15-evening", "title": PAYLOAD, "kind": "informal_consultation",
        "sessions": ["irg-15"], "venue": "vienna-vic",
        "start": "2024-06-11T17:00:00Z", "end": "2024-06-11T18:00:00Z"
    });
    post_expecting(&bureau, server, "/api/meetings", meeting, 201).await;
    let session = irg_17_session_form(PAYLOAD);
    form_done(&bureau, server, "plan/save-session", &session).await;
    let panel = [
        ("id", "evening-panel"),
        ("meeting", "irg-15-evening"),
        ("topic", PAYLOAD),
        ("notes", PAYLOAD),
        ("create", "true"),
    ];
    form_done(&bureau, server, "plan/save-panel", &panel).await;
    let holiday = [
        ("venue", "vienna-vic"),
        ("start", "2030-01-02"),
        ("end", "2030-01-02"),
        ("reason", PAYLOAD),
    ];
    form_done(&secretariat, server, "admin/add-closure", &holiday).await;
    let call = json!({ "id": "call-evening", "note_verbale_date": "2026-11-01", "deadline": "2099-01-31", "panel": "evening-panel" });
    post_expecting(&bureau, server, "/api/calls", call, 201).await;
    let nomination = json!({
        "id": "at-evening", "call": "call-evening", "nominee_name": PAYLOAD, "nominee_gender": "female",
        "justification": PAYLOAD, "biography": PAYLOAD
    });
    post_expecting(&austria, server, "/api/nominations", nomination, 201).await;
    let submit = "/api/nominations/at-evening/submit";
    post_as(&austria, server, submit, json!({})).await;
    let decision = json!({ "decision": "accepted", "note": PAYLOAD, "message_to_state": PAYLOAD });
    let decide = "/api/nominations/at-evening/decide";
    post_expecting(&bureau, server, decide, decision, 200).await;
    let entry = [
        ("id", "inj-2026"),
        ("bodies", "IRG"),
        ("year", "2026"),
        ("paragraphs", "1"),
        ("topics", PAYLOAD),
        ("notes", PAYLOAD),
        ("create", "true"),
    ];
    form_done(&secretariat, server, "workplan/entry", &entry).await;
    let body = [
        ("code", "WG-X"),
        ("name", PAYLOAD),
        ("short_name", PAYLOAD),
        ("parent", "COSP"),
    ];
    form_done(&secretariat, server, "admin/save-body", &body).await;
    // The evening meeting overlaps the session's own: a warning, accepted with a reason.
    let (_, conflicts) = tests::get_json(server, "/api/conflicts").await;
    let warning = conflicts
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c.to_string().contains("irg-15-evening") && c["severity"] == "warning")
        .unwrap_or_else(|| panic!("a warning about the evening meeting: {conflicts}"))["id"]
        .clone();
    let accept = json!({ "conflict": warning, "reason": PAYLOAD });
    post_expecting(&bureau, server, "/api/conflicts/accept", accept, 201).await;
}

const PUBLIC_PAGES: [&str; 11] = [
    "/meetings/irg-15-evening",
    "/sessions/irg-15",
    "/sessions/irg-17",
    "/venues/vienna-vic",
    "/calendar",
    "/timeline",
    "/conflicts",
    "/programme",
    "/",
    "/bodies/WG-X",
    "/workplan",
];

/// The accounts `store_everywhere` signs in with, and the pages each may open.
const SIGNED_IN_PAGES: [(&str, &[&str]); 3] = [
    (
        "bureau.irg.inj@quorum.example",
        &[
            "/plan/session?session=irg-17",
            "/plan/panel?panel=evening-panel",
            "/plan?meeting=irg-15-evening",
            "/review",
        ],
    ),
    ("focal.at.inj@quorum.example", &["/nominations"]),
    (
        "test.secretariat@quorum.example",
        &["/admin", "/review", "/workplan?entry=inj-2026"],
    ),
];

#[tokio::test]
async fn text_typed_anywhere_never_becomes_markup_on_any_page() {
    if !available() {
        return;
    }
    tests::on_each_backend(&[], async |server| {
        let backend = server.backend();
        store_everywhere(server).await;
        let mut pages = 0;
        for javascript in [true, false] {
            let browser = Browser::start(javascript).await;
            for path in PUBLIC_PAGES {
                browser.open(&server.url(path)).await;
                assert_eq!(
                    injected(&browser).await,
                    (0, false),
                    "{backend:?}: {path}, JavaScript {javascript}"
                );
                pages += 1;
            }
            browser.close().await;
            for (email, paths) in SIGNED_IN_PAGES {
                // Signing in needs the form's own script-free post; a fresh profile per account.
                let browser = Browser::start(javascript).await;
                browser
                    .sign_in(&server.base_url, email, TEST_PASSWORD)
                    .await;
                for path in paths {
                    browser.open(&server.url(path)).await;
                    let text = browser.client.source().await.unwrap();
                    assert_eq!(
                        injected(&browser).await,
                        (0, false),
                        "{backend:?}: {email} {path}, JavaScript {javascript}"
                    );
                    assert!(
                        !text.contains("<b class=\"injected\">"),
                        "{backend:?}: {path}"
                    );
                    pages += 1;
                }
                if javascript && email.starts_with("bureau") {
                    browser
                        .open_hydrated(&server.url("/plan/session?session=irg-17"))
                        .await;
                    assert_eq!(
                        browser.value_of("#s-notes").await,
                        PAYLOAD,
                        "{backend:?}: the textarea holds the text as typed"
                    );
                    browser.screenshot("injection-session-notes").await;
                }
                browser.close().await;
            }
        }
        eprintln!("{backend:?}: {pages} page views without injected markup");
    })
    .await;
}
