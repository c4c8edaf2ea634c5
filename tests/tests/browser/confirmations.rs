//! What cannot be undone asks first, with JavaScript on and off alike: withdrawing a
//! nomination, releasing a call's decisions, removing an account or a room. The first click
//! opens a warning that names what will happen; only the button inside it acts. Closing the
//! warning, or leaving the page, changes nothing.

use std::time::Duration;

use fantoccini::Locator;
use serde_json::{json, Value};
use tests::browser::{
    with_demo_server_on_each_backend, Browser, DemoAccount, BUREAU_IRG, FOCAL_POINT_AT, SECRETARIAT,
};
use tests::{form_post, get_json, nominations_of, post_as, status_as, TestServer};

/// A browser with JavaScript on or off, signed in as `account`.
async fn browser_as(server: &TestServer, account: DemoAccount, javascript: bool) -> Browser {
    let browser = Browser::start(javascript).await;
    browser.sign_in_as(server, account).await;
    browser
}

/// The ending of a screenshot's name for the browser without JavaScript.
fn mode(javascript: bool) -> &'static str {
    if javascript {
        ""
    } else {
        "-without-javascript"
    }
}

/// Whether the element at `css` is shown: what a closed disclosure holds is not.
async fn shows(browser: &Browser, css: &str) -> bool {
    browser
        .wait_for(css)
        .await
        .is_displayed()
        .await
        .unwrap_or_else(|e| panic!("is {css} shown: {e}"))
}

/// The button that acts, inside the disclosure at `confirm`.
fn act(confirm: &str) -> String {
    format!("{confirm} button[type='submit']")
}

/// The act's button is neither shown nor clickable until the disclosure is opened; opens it.
async fn open_warning(browser: &Browser, confirm: &str) {
    let button = act(confirm);
    assert!(
        !shows(browser, &button).await,
        "{button} shows before the warning is opened"
    );
    let click = browser.wait_for(&button).await.click().await;
    assert!(
        click.is_err(),
        "{button} could be clicked before the warning was opened"
    );
    browser.click(&format!("{confirm} > summary")).await;
    assert!(
        shows(browser, &button).await,
        "{button} does not show once the warning is open"
    );
}

/// Closes the warning again: its button hides.
async fn close_warning(browser: &Browser, confirm: &str) {
    browser.click(&format!("{confirm} > summary")).await;
    let button = act(confirm);
    assert!(
        !shows(browser, &button).await,
        "{button} still shows after closing the warning"
    );
}

/// Polls for up to 20 s until nothing on the page matches `css`.
async fn wait_until_gone(browser: &Browser, css: &str) {
    for _ in 0..100 {
        if browser
            .client
            .find_all(Locator::Css(css))
            .await
            .unwrap()
            .is_empty()
        {
            return;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    panic!("{css} is still on the page");
}

/// Screenshots of the page scrolled to `css`, at 1280 px and at a phone's 390 px (`NAME-phone`).
async fn screenshots(browser: &Browser, css: &str, name: &str) {
    for (width, height, suffix) in [(1280, 900, ""), (390, 844, "-phone")] {
        browser.client.set_window_size(width, height).await.unwrap();
        let element = serde_json::to_value(browser.wait_for(css).await).unwrap();
        browser
            .client
            .execute(
                "arguments[0].scrollIntoView(true); window.scrollBy(0, -60);",
                vec![element],
            )
            .await
            .unwrap();
        browser.screenshot(&format!("{name}{suffix}")).await;
    }
    browser.client.set_window_size(1280, 900).await.unwrap();
}

/// No WCAG 2.1 AA violation on the page as it is now (a warning open).
async fn assert_accessible(browser: &Browser, what: &str) {
    let (violations, rules) = browser.accessibility_violations().await;
    assert!(rules > 20, "axe-core ran only {rules} rules");
    assert!(violations.is_empty(), "{what}:\n{}", violations.join("\n"));
}

/// A nomination's status as `client` reads it through the API.
async fn status_of(client: &reqwest::Client, server: &TestServer, id: &str) -> Value {
    let all = nominations_of(client, server).await;
    let found = all.iter().find(|n| n["id"] == id);
    found.unwrap_or_else(|| panic!("no nomination {id}: {all:?}"))["status"].clone()
}

/// A call for nominations to `panel` that closes in 2099.
fn call(id: &str, panel: &str) -> Value {
    json!({ "id": id, "note_verbale_date": "2026-11-01", "deadline": "2099-01-31", "panel": panel })
}

/// Drafts and submits a nomination of a woman named `name` to `call`.
async fn submit(client: &reqwest::Client, server: &TestServer, id: &str, call: &str, name: &str) {
    let draft = json!({
        "id": id, "call": call, "nominee_name": name, "nominee_gender": "female",
        "justification": "Leads corporate compliance reform",
    });
    let (status, body) = post_as(client, server, "/api/nominations", draft).await;
    assert_eq!(status, 201, "{body}");
    let (status, body) = post_as(
        client,
        server,
        &format!("/api/nominations/{id}/submit"),
        json!({}),
    )
    .await;
    assert_eq!(status, 200, "{body}");
}

/// Austria's focal point opens the warning, closes it, leaves the page: the nomination stands.
/// Then confirms: it is withdrawn. Once with JavaScript, once without.
#[tokio::test]
async fn a_focal_point_withdraws_a_nomination_only_after_confirming() {
    with_demo_server_on_each_backend(async |server| {
        let secretariat = server.secretariat().await;
        let opened = post_as(
            &secretariat,
            server,
            "/api/calls",
            call("call-business-integrity", "business-integrity-1"),
        )
        .await;
        assert_eq!(opened.0, 201, "{}", opened.1);
        let austria = server
            .focal_point("focal.at.test@quorum.example", "AT")
            .await;
        for (id, name) in [("at-1", "Anna Berger"), ("at-2", "Maria Gruber")] {
            submit(&austria, server, id, "call-business-integrity", name).await;
        }

        for (javascript, id, name) in [
            (true, "at-1", "Anna Berger"),
            (false, "at-2", "Maria Gruber"),
        ] {
            let browser = browser_as(server, FOCAL_POINT_AT, javascript).await;
            let page = server.url("/nominations");
            browser.open(&page).await;
            let item = format!("li.nomination[data-id='{id}']");
            let confirm = format!("{item} form.withdraw details.confirm");
            let summary = browser.text_of(&format!("{confirm} > summary")).await;
            assert!(
                summary.contains(&format!("Withdraw the nomination of {name}")),
                "{summary}"
            );
            open_warning(&browser, &confirm).await;
            let warning = browser.text_of(&format!("{confirm} p")).await;
            assert!(
                warning.contains(name)
                    && warning.contains("Strengthening business integrity")
                    && warning.contains("This cannot be undone."),
                "{warning}"
            );
            screenshots(
                &browser,
                &confirm,
                &format!("confirm-withdrawal{}", mode(javascript)),
            )
            .await;
            if javascript {
                assert_accessible(
                    &browser,
                    "the nominations page with a withdrawal's warning open",
                )
                .await;
            }

            close_warning(&browser, &confirm).await;
            browser.open(&page).await;
            assert_eq!(
                status_of(&austria, server, id).await,
                "submitted",
                "closing the warning withdrew it"
            );

            open_warning(&browser, &confirm).await;
            browser.click(&act(&confirm)).await;
            browser.wait_for_text(&item, "withdrawn").await;
            screenshots(
                &browser,
                &item,
                &format!("confirm-withdrawal-done{}", mode(javascript)),
            )
            .await;
            assert_eq!(status_of(&austria, server, id).await, "withdrawn");
            browser.close().await;
        }
    })
    .await;
}

/// IRG's Bureau opens the warning of a call's release, which names each decision, closes it,
/// leaves: nothing is released. Then confirms: the States see their decisions. Once with
/// JavaScript, once without.
#[tokio::test]
async fn the_bureau_releases_a_calls_decisions_only_after_confirming() {
    with_demo_server_on_each_backend(async |server| {
        let bureau = server
            .bureau_member("bureau.irg.test@quorum.example", "IRG")
            .await;
        let austria = server
            .focal_point("focal.at.test@quorum.example", "AT")
            .await;
        let france = server
            .focal_point("focal.fr.test@quorum.example", "FR")
            .await;
        let calls = [
            (
                true,
                "call-business-integrity",
                "business-integrity-1",
                ["at-1", "fr-1"],
                ["Anna Berger", "Claire Martin"],
            ),
            (
                false,
                "call-private-sector",
                "business-integrity-2",
                ["at-2", "fr-2"],
                ["Maria Gruber", "Sophie Durand"],
            ),
        ];
        for (_, id, panel, [at, fr], [at_name, fr_name]) in calls {
            let opened = post_as(&bureau, server, "/api/calls", call(id, panel)).await;
            assert_eq!(opened.0, 201, "{}", opened.1);
            submit(&austria, server, at, id, at_name).await;
            submit(&france, server, fr, id, fr_name).await;
            for (nomination, decision) in [(at, "accepted"), (fr, "waitlisted")] {
                let path = format!("/api/nominations/{nomination}/decide");
                let (status, body) =
                    post_as(&bureau, server, &path, json!({ "decision": decision })).await;
                assert_eq!(status, 200, "{body}");
            }
        }

        for (javascript, id, _, [at, fr], [at_name, fr_name]) in calls {
            let browser = browser_as(server, BUREAU_IRG, javascript).await;
            let page = server.url("/review");
            browser.open(&page).await;
            let section = format!("section.review-call[data-id='{id}']");
            let confirm = format!("{section} form.release details.confirm");
            let summary = browser.text_of(&format!("{confirm} > summary")).await;
            assert!(summary.contains("Release the 2 decisions"), "{summary}");
            open_warning(&browser, &confirm).await;
            let listed = browser.text_of(&format!("{confirm} ul.to-release")).await;
            assert!(
                listed.contains(&format!("{at_name} (Austria): accepted"))
                    && listed.contains(&format!("{fr_name} (France): waitlisted")),
                "{listed}"
            );
            let warning = browser.text_of(&confirm).await;
            assert!(
                warning.contains("The 2 decisions on nominations to")
                    && warning.contains("Internal notes are not sent. This cannot be undone."),
                "{warning}"
            );
            screenshots(
                &browser,
                &confirm,
                &format!("confirm-release{}", mode(javascript)),
            )
            .await;
            if javascript {
                assert_accessible(&browser, "the review board with a release's warning open").await;
            }

            close_warning(&browser, &confirm).await;
            browser.open(&page).await;
            assert_eq!(
                status_of(&austria, server, at).await,
                "under_review",
                "closing the warning released"
            );

            open_warning(&browser, &confirm).await;
            browser.click(&act(&confirm)).await;
            if javascript {
                browser
                    .wait_for_text("main p.done", "2 decisions released")
                    .await;
            }
            wait_until_gone(&browser, &format!("{section} form.release")).await;
            screenshots(
                &browser,
                &section,
                &format!("confirm-release-done{}", mode(javascript)),
            )
            .await;
            assert_eq!(status_of(&austria, server, at).await, "accepted");
            assert_eq!(status_of(&france, server, fr).await, "waitlisted");
            browser.close().await;
        }
    })
    .await;
}

/// Whether an account of `email` is among the secretariat's list of users.
async fn listed(secretariat: &reqwest::Client, server: &TestServer, email: &str) -> bool {
    let (status, page) = form_post(secretariat, server, "admin/page", &[]).await;
    assert_eq!(status, 200, "{page}");
    page["users"]
        .as_array()
        .unwrap()
        .iter()
        .any(|u| u["email"] == email)
}

/// The keys of the rooms of the Vienna International Centre, as the API lists them.
async fn vienna_rooms(server: &TestServer) -> Vec<String> {
    let (_, venues) = get_json(server, "/api/venues").await;
    let vienna = venues
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["id"] == "vienna-vic")
        .unwrap();
    vienna["rooms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .collect()
}

/// The secretariat opens the warning beside an account, and beside a room, closes it: both
/// stay. Then confirms: the account's sign-in ends and it signs in no more; the room is gone.
/// Once with JavaScript, once without; and a room a meeting uses is kept, with the reason.
#[tokio::test]
async fn the_secretariat_removes_an_account_and_a_room_only_after_confirming() {
    with_demo_server_on_each_backend(async |server| {
        let secretariat = server.secretariat().await;
        let password = "a long enough first password";
        let people = [
            (
                true,
                "lena.fischer@quorum.example",
                "Lena Fischer",
                "vic-room-m7",
                "Room M7",
            ),
            (
                false,
                "jonas.weber@quorum.example",
                "Jonas Weber",
                "vic-room-m8",
                "Room M8",
            ),
        ];
        for (_, email, name, room, room_name) in people {
            let fields = [
                ("email", email),
                ("name", name),
                ("role", "focal_point"),
                ("scope", "AT"),
                ("password", password),
            ];
            let (status, outcome) =
                form_post(&secretariat, server, "admin/add-user", &fields).await;
            assert!(status == 200 && outcome["done"].is_string(), "{outcome}");
            let fields = [
                ("venue", "vienna-vic"),
                ("room", room),
                ("name", room_name),
                ("capacity", "80"),
                ("booths", "6"),
            ];
            let (status, outcome) =
                form_post(&secretariat, server, "admin/save-room", &fields).await;
            assert!(status == 200 && outcome["done"].is_string(), "{outcome}");
        }

        for (javascript, email, name, room, room_name) in people {
            let signed_in = tests::login(server, email, password)
                .await
                .expect("the new account signs in");
            let browser = browser_as(server, SECRETARIAT, javascript).await;
            let page = server.url("/admin");
            browser.open(&page).await;

            let row = format!("table.users tr[data-email='{email}']");
            let confirm = format!("{row} form.remove-user details.confirm");
            open_warning(&browser, &confirm).await;
            let warning = browser.text_of(&format!("{confirm} p")).await;
            assert!(
                warning.contains(&format!(
                    "{name} ({email}) will no longer be able to sign in"
                )) && warning.contains("This cannot be undone"),
                "{warning}"
            );
            screenshots(
                &browser,
                &confirm,
                &format!("confirm-account-removal{}", mode(javascript)),
            )
            .await;
            close_warning(&browser, &confirm).await;
            browser.open(&page).await;
            assert!(
                listed(&secretariat, server, email).await,
                "closing the warning removed {email}"
            );
            assert_eq!(status_as(&signed_in, server, "/api/me").await, 200);

            open_warning(&browser, &confirm).await;
            browser.click(&act(&confirm)).await;
            if javascript {
                // The answer stands in the account's row.
                browser
                    .wait_for_text(&row, &format!("Account {email} removed."))
                    .await;
            } else {
                // The page comes back without the account.
                wait_until_gone(&browser, &row).await;
            }
            assert!(
                !listed(&secretariat, server, email).await,
                "{email} is still listed"
            );
            assert_eq!(
                status_as(&signed_in, server, "/api/me").await,
                401,
                "the account's sign-in goes on"
            );
            assert!(
                tests::login(server, email, password).await.is_err(),
                "{email} still signs in"
            );

            let item = format!("ul.rooms li[data-id='{room}']");
            let confirm = format!("{item} form.remove-room details.confirm");
            browser.open(&page).await;
            open_warning(&browser, &confirm).await;
            let warning = browser.text_of(&format!("{confirm} p")).await;
            assert!(
                warning.contains(&format!(
                    "{room_name} will be taken off the rooms of Vienna International Centre"
                )) && warning.contains("This cannot be undone"),
                "{warning}"
            );
            screenshots(
                &browser,
                &confirm,
                &format!("confirm-room-removal{}", mode(javascript)),
            )
            .await;
            if javascript {
                assert_accessible(
                    &browser,
                    "the administration page with a room's warning open",
                )
                .await;
            }
            close_warning(&browser, &confirm).await;
            browser.open(&page).await;
            assert!(
                vienna_rooms(server).await.iter().any(|r| r == room),
                "closing the warning removed {room}"
            );

            open_warning(&browser, &confirm).await;
            browser.click(&act(&confirm)).await;
            if javascript {
                browser
                    .wait_for_text(&item, &format!("{room_name} removed."))
                    .await;
            } else {
                wait_until_gone(&browser, &item).await;
            }
            assert!(
                !vienna_rooms(server).await.iter().any(|r| r == room),
                "{room} is still stored"
            );

            if javascript {
                // A room a meeting is planned in stays, and the answer says which meeting.
                let used = "ul.rooms li[data-id='vic-boardroom-d']";
                let confirm = format!("{used} form.remove-room details.confirm");
                open_warning(&browser, &confirm).await;
                browser.click(&act(&confirm)).await;
                browser.wait_for_text(used, "joint-2023-06-morning").await;
                screenshots(&browser, used, "confirm-room-removal-refused").await;
                assert!(vienna_rooms(server)
                    .await
                    .iter()
                    .any(|r| r == "vic-boardroom-d"));
            }
            browser.close().await;
        }
    })
    .await;
}
