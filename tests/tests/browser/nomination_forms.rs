//! The forms of nominations, with JavaScript off and on, on each backend: the Bureau opens a
//! call, a focal point nominates, edits and withdraws, the Bureau decides, releases and
//! confirms. Every step's answer is said on the page; a refused form keeps what was typed.

use serde_json::Value;
use tests::browser::{with_demo_server_on_each_backend, Browser, BUREAU_IRG, FOCAL_POINT_AT};

/// A deadline a month from today, so the call is still open.
fn deadline() -> String {
    (chrono::Utc::now() + chrono::Duration::days(30))
        .format("%Y-%m-%d")
        .to_string()
}

/// Austria's nominations to `call`, as the focal point reads them over the REST API.
async fn nominations_of_austria(server: &tests::TestServer, call: &str) -> Vec<Value> {
    let focal = tests::login(server, FOCAL_POINT_AT.email, FOCAL_POINT_AT.password)
        .await
        .unwrap();
    let answer: Value = focal
        .get(server.url("/api/nominations"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    answer
        .as_array()
        .unwrap_or_else(|| panic!("a list of nominations: {answer}"))
        .iter()
        .filter(|n| n["call"] == call)
        .cloned()
        .collect()
}

/// The two nominees of a round: other persons in each, so that each round finds its own.
fn nominees(javascript: bool) -> (&'static str, &'static str) {
    if javascript {
        ("Maria Huber", "Johann Bauer")
    } else {
        ("Maria Gruber", "Johann Berger")
    }
}

fn mode(javascript: bool) -> &'static str {
    if javascript {
        "with-javascript"
    } else {
        "without-javascript"
    }
}

/// The Bureau opens a call for `panel`: first with a quota that is not a number (refused, the
/// deadline kept), then corrected.
async fn bureau_opens_a_call(bureau: &Browser, server: &tests::TestServer, panel: &str) {
    let deadline = deadline();
    bureau.open(&server.url("/review")).await;
    bureau
        .type_form(
            "form.open-call",
            &[("panel", panel), ("deadline", &deadline), ("quota", "many")],
        )
        .await;
    bureau.click("form.open-call button").await;
    let error = bureau
        .wait_for_text("form.open-call .field-error", "whole number")
        .await;
    assert!(!error.is_empty());
    assert_eq!(bureau.value_of("#c-deadline").await, deadline);
    assert_eq!(bureau.value_of("#c-quota").await, "many");
    assert_eq!(bureau.value_of("#c-panel").await, panel);
    bureau.type_form("form.open-call", &[("quota", "2")]).await;
    bureau.click("form.open-call button").await;
    bureau
        .wait_for_text("main", "Opened the call for panellists on “")
        .await;
}

/// The focal point's own nomination of `nominee` in the list, as a selector, once the list
/// shows it (with JavaScript the list is read again after the answer).
async fn my_nomination(focal: &Browser, nominee: &str) -> String {
    for _ in 0..50 {
        let items = focal
            .client
            .find_all(fantoccini::Locator::Css("ul.my-nominations li.nomination"))
            .await
            .unwrap_or_default();
        for item in items {
            let Ok(name) = item.find(fantoccini::Locator::Css("strong")).await else {
                continue;
            };
            if name.text().await.unwrap_or_default() == nominee {
                if let Ok(Some(id)) = item.attr("data-id").await {
                    return format!("ul.my-nominations li.nomination[data-id='{id}']");
                }
            }
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    panic!("{nominee} is not among the focal point's nominations");
}

/// The focal point nominates twice (the first try refused for an empty reason, with every
/// other field kept), edits the first nomination and withdraws the second through its warning.
async fn focal_point_nominates(focal: &Browser, server: &tests::TestServer, call: &str) {
    let javascript = focal.javascript();
    let (maria, johann) = nominees(javascript);
    focal.open(&server.url("/nominations")).await;
    let first = [
        ("call", call),
        ("nominee_name", maria),
        (
            "nominee_title",
            "Director, Federal Bureau of Anti-Corruption",
        ),
        ("nominee_gender", "female"),
        ("nominee_email", "maria.gruber@example.org"),
        ("justification", "   "),
        ("biography", "Twenty years <in> public service & audit"),
    ];
    focal.type_form("form.nominate", &first).await;
    let typed = focal.form_values("form.nominate").await;
    focal.click("form.nominate button[type='submit']").await;
    focal.wait_for_text("#error-justification", "say why").await;
    assert_eq!(focal.form_values("form.nominate").await, typed);
    assert!(nominations_of_austria(server, call).await.is_empty());
    focal
        .type_form(
            "form.nominate",
            &[(
                "justification",
                "Led Austria's review of business integrity rules.",
            )],
        )
        .await;
    focal.click("form.nominate button[type='submit']").await;
    focal
        .wait_for_text("p.done", &format!("{maria} is nominated"))
        .await;
    assert_eq!(
        focal.value_of("#n-name").await,
        "",
        "after a nomination the form starts afresh"
    );
    focal
        .type_form(
            "form.nominate",
            &[
                ("call", call),
                ("nominee_name", johann),
                ("justification", "Prosecutor of cases of foreign bribery."),
            ],
        )
        .await;
    focal.click("form.nominate button[type='submit']").await;
    focal
        .wait_for_text("p.done", &format!("{johann} is nominated"))
        .await;

    let maria = my_nomination(focal, maria).await;
    focal
        .type_form(
            &format!("{maria} form.edit-nomination"),
            &[("justification", "Led the review; speaks on sanctions.")],
        )
        .await;
    focal
        .click(&format!("{maria} form.edit-nomination button"))
        .await;
    focal.wait_for_text("main", "Nomination updated.").await;

    let johann = my_nomination(focal, johann).await;
    focal
        .click(&format!("{johann} form.withdraw summary"))
        .await;
    focal.click(&format!("{johann} form.withdraw button")).await;
    focal.wait_for_text("main", "Nomination withdrawn.").await;
    focal
        .screenshot(&format!("nominations-answered-{}", mode(javascript)))
        .await;

    // The REST answer names the nominee by key; each nomination is told by its reason.
    let stored = nominations_of_austria(server, call).await;
    let status_of = |justification: &str| {
        stored
            .iter()
            .find(|n| n["justification"] == justification)
            .map(|n| n["status"].as_str().unwrap_or_default().to_owned())
            .unwrap_or_else(|| panic!("{justification:?} is stored: {stored:?}"))
    };
    assert_eq!(
        status_of("Prosecutor of cases of foreign bribery."),
        "withdrawn"
    );
    assert_eq!(
        status_of("Led the review; speaks on sanctions."),
        "submitted"
    );
}

/// The Bureau accepts the nomination with a note, releases the decision through its warning,
/// and confirms participation.
async fn bureau_decides(bureau: &Browser, server: &tests::TestServer, call: &str) {
    let javascript = bureau.javascript();
    bureau.open(&server.url("/review")).await;
    let section = format!("section.review-call[data-id='{call}']");
    let row = &format!("{section} table.nominations tr:has(form.decide)");
    bureau.wait_for_text(row, nominees(javascript).0).await;
    bureau
        .type_form(
            &format!("{row} form.decide"),
            &[("note", "Strong on sanctions"), ("step", "accept")],
        )
        .await;
    bureau.click(&format!("{row} form.decide button")).await;
    bureau.wait_for_text("main", "Accepted;").await;
    let table = format!("{section} table.nominations");
    bureau
        .wait_for_text(&table, "accepted (not released)")
        .await;
    bureau
        .click(&format!("{section} form.release summary"))
        .await;
    bureau
        .click(&format!("{section} form.release button"))
        .await;
    bureau
        .wait_for(&format!("{section} form.confirm button"))
        .await;
    bureau
        .click(&format!("{section} form.confirm button"))
        .await;
    bureau
        .wait_for_text("main", "Participation confirmed")
        .await;
    bureau.wait_for_text(&table, "confirmed").await;
    bureau
        .screenshot(&format!("review-answered-{}", mode(javascript)))
        .await;
}

#[tokio::test]
async fn a_call_runs_from_opening_to_a_confirmed_panellist_with_javascript_off_and_on() {
    with_demo_server_on_each_backend(async |server| {
        for (javascript, panel) in [
            (false, "business-integrity-1"),
            (true, "business-integrity-2"),
        ] {
            let call = format!("call-{panel}");
            let bureau = Browser::signed_in_with(server, BUREAU_IRG, javascript).await;
            bureau_opens_a_call(&bureau, server, panel).await;
            let focal = Browser::signed_in_with(server, FOCAL_POINT_AT, javascript).await;
            focal_point_nominates(&focal, server, &call).await;
            bureau_decides(&bureau, server, &call).await;
            let stored = nominations_of_austria(server, &call).await;
            assert!(
                stored.iter().any(|n| n["status"] == "confirmed"),
                "{stored:?}"
            );
            focal.close().await;
            bureau.close().await;
        }
    })
    .await;
}
