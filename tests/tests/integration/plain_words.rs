//! What a delegate reads is plain and named: dates as people write them, the sessions list
//! with its venues and filters, a title per page, a header that says who is signed in and
//! offers only what they may use, a sign-in that returns to the page that asked, refusals that
//! name the meeting and the body rather than keys, and accounts that cannot speak for a State
//! that is not a State party.

use reqwest::Method;
use tests::{form_post, http, on_each_backend, page_text, page_text_as, send_as, TEST_PASSWORD};

/// The text of the page's `<title>`.
fn title_of(page: &str) -> &str {
    let start = page.find("<title>").expect("a <title>") + "<title>".len();
    let end = page[start..].find("</title>").unwrap() + start;
    &page[start..end]
}

#[tokio::test]
async fn the_sessions_list_reads_in_date_order_with_venues_and_filters() {
    on_each_backend(&[], async |server| {
        let backend = server.backend();
        let page = page_text(server, "/sessions").await;
        assert_eq!(title_of(&page), "Sessions — Quorum", "{backend:?}");
        // People's dates, never ISO ones, and the venue as a place named once.
        assert!(page.contains("13–17 December 2021"), "{backend:?}");
        assert!(!page.contains("2021-12-13"), "{backend:?}");
        assert!(page.contains(">Conference centre, Atlanta<"), "{backend:?}");
        assert!(!page.contains("Atlanta, Atlanta"), "{backend:?}");
        // Date order: the ninth Conference (2021) first, sessions without dates last.
        let ninth = page.find("Ninth session of the Conference").unwrap();
        let thirteenth = page
            .find("Thirteenth session of the Implementation")
            .unwrap();
        let undetermined = page.rfind("Dates to be determined").unwrap();
        assert!(
            ninth < thirteenth && thirteenth < undetermined,
            "{backend:?}"
        );

        let irg_2023 = page_text(server, "/sessions?body=IRG&year=2023").await;
        assert!(irg_2023.contains("Fourteenth session of the Implementation Review Group"));
        assert!(irg_2023.contains("Resumed fourteenth session"));
        assert!(!irg_2023.contains("Thirteenth session of the Implementation Review Group"));
        assert!(
            !irg_2023.contains("Tenth session of the Conference"),
            "{backend:?}"
        );
        assert!(
            irg_2023.contains("<option value=\"IRG\" selected"),
            "{backend:?}"
        );

        let unknown = page_text(server, "/sessions?body=XYZ").await;
        assert!(
            unknown.contains("no body with the code “XYZ”"),
            "{backend:?}"
        );
    })
    .await;
}

#[tokio::test]
async fn every_page_names_itself_and_the_site_has_an_icon() {
    on_each_backend(&[], async |server| {
        let backend = server.backend();
        for (path, title) in [
            ("/", "Bodies — Quorum"),
            ("/calendar", "Calendar — Quorum"),
            ("/timeline", "Timeline — Quorum"),
            ("/conflicts", "Conflicts across all bodies — Quorum"),
            ("/login", "Sign in — Quorum"),
            (
                "/sessions/cosp-10",
                "Tenth session of the Conference of the States Parties to the United Nations Convention against Corruption — Quorum",
            ),
            ("/bodies/IRG", "Implementation Review Group — Quorum"),
            ("/no-such-page", "Page not found — Quorum"),
        ] {
            let page = page_text(server, path).await;
            assert_eq!(title_of(&page), title, "{backend:?}: {path}");
            assert_eq!(page.matches("<title>").count(), 1, "{backend:?}: {path}");
        }
        // An empty section says so, under its heading.
        let quiet = page_text(server, "/sessions/irg-13").await;
        for said in [
            "No agenda has been issued for this session yet.",
            "No meetings are planned in this session yet.",
            "No panels planned yet.",
        ] {
            assert!(quiet.contains(said), "{backend:?}: {said}");
        }
        for icon in ["/favicon.ico", "/favicon.svg"] {
            let response = http().get(server.url(icon)).send().await.unwrap();
            assert_eq!(response.status(), 200, "{backend:?}: {icon}");
            let kind = response.headers()["content-type"].to_str().unwrap().to_owned();
            assert!(kind.starts_with("image/"), "{backend:?}: {icon}: {kind}");
        }
    })
    .await;
}

#[tokio::test]
async fn the_header_says_who_is_signed_in_and_offers_only_their_pages() {
    on_each_backend(&[], async |server| {
        let backend = server.backend();
        // The header's links: the list between `id="main-links"` and its end.
        let links = |page: &str, text: &str| {
            let start = page.find("id=\"main-links\"").expect("the header's links");
            let list = &page[start..start + page[start..].find("</ul>").unwrap()];
            list.contains(&format!(">{text}<"))
        };
        let anyone = page_text(server, "/calendar").await;
        assert!(links(&anyone, "Calendar") && links(&anyone, "Nominations"));
        assert!(!links(&anyone, "Review board") && !links(&anyone, "Administration"));
        assert!(!links(&anyone, "Plan"), "{backend:?}");
        assert!(
            anyone.contains("href=\"/login?next=%2Fcalendar\""),
            "{backend:?}"
        );

        let austria = server.focal_point("focal.words@quorum.example", "AT").await;
        let page = page_text_as(&austria, server, "/nominations").await;
        assert!(
            page.contains("Signed in as focal.words@quorum.example"),
            "{backend:?}"
        );
        assert!(page.contains("(Focal point, Austria)"), "{backend:?}");
        assert!(page.contains(">Sign out<"), "{backend:?}");
        assert!(!links(&page, "Review board"), "{backend:?}");

        let bureau = server
            .bureau_member("bureau.words@quorum.example", "IRG")
            .await;
        let page = page_text_as(&bureau, server, "/calendar").await;
        assert!(page.contains("(Bureau member, Implementation Review Group)"));
        assert!(links(&page, "Review board") && links(&page, "Plan"));
        assert!(!links(&page, "Administration"), "{backend:?}");
    })
    .await;
}

#[tokio::test]
async fn signing_in_returns_to_the_page_that_asked_and_nowhere_else() {
    on_each_backend(&[], async |server| {
        let backend = server.backend();
        server.secretariat().await;
        let sign_in = async |next: &str| {
            let response = http()
                .post(server.url("/login"))
                .header("origin", server.base_url.clone())
                .form(&[
                    ("email", "test.secretariat@quorum.example"),
                    ("password", TEST_PASSWORD),
                    ("next", next),
                ])
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), 303, "{backend:?}: {next}");
            response.headers()["location"].to_str().unwrap().to_owned()
        };
        assert_eq!(sign_in("/review").await, "/review", "{backend:?}");
        assert_eq!(
            sign_in("/plan?meeting=cosp-10-opening").await,
            "/plan?meeting=cosp-10-opening"
        );
        for elsewhere in ["https://evil.example/", "//evil.example/", ""] {
            assert_eq!(
                sign_in(elsewhere).await,
                "/account",
                "{backend:?}: {elsewhere}"
            );
        }
        // The sign-in page carries the page to return to.
        let page = page_text(server, "/login?next=%2Freview").await;
        assert!(
            page.contains("name=\"next\" value=\"/review\""),
            "{backend:?}"
        );
    })
    .await;
}

#[tokio::test]
async fn a_refusal_names_the_meeting_and_the_bodies_not_keys() {
    on_each_backend(&[], async |server| {
        let backend = server.backend();
        let bureau = server
            .bureau_member("bureau.refused@quorum.example", "IRG")
            .await;
        let (_, meetings) = tests::get_json(server, "/api/meetings").await;
        let opening = meetings
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["id"] == "cosp-10-opening")
            .unwrap()
            .clone();
        let (status, answer) = send_as(
            &bureau,
            server,
            Method::PUT,
            "/api/meetings/cosp-10-opening",
            &opening,
        )
        .await;
        assert_eq!(status, 403, "{backend:?}: {answer}");
        let said = answer["error"].as_str().unwrap_or_default().to_owned();
        assert!(
            said.starts_with(
                "Your account (Bureau member, Implementation Review Group) may not plan “"
            ),
            "{backend:?}: {said}"
        );
        assert!(said.contains("(11 December 2023)"), "{backend:?}: {said}");
        assert!(
            said.contains(
                "only the secretariat and the Bureau of the Conference of the States Parties may"
            ),
            "{backend:?}: {said}"
        );
        for key in ["cosp-10-opening", "bureau.refused@", "forbidden"] {
            assert!(!said.contains(key), "{backend:?}: {key} in {said}");
        }
    })
    .await;
}

#[tokio::test]
async fn a_focal_point_is_refused_for_a_state_that_is_not_a_state_party() {
    on_each_backend(&[], async |server| {
        let backend = server.backend();
        let secretariat = server.secretariat().await;
        let fields = [
            ("email", "focal.zz@quorum.example"),
            ("name", "Nobody's focal point"),
            ("role", "focal_point"),
            ("scope", "ZZ"),
            ("password", "a-long-enough-password"),
        ];
        let (_, outcome) = form_post(&secretariat, server, "admin/add-user", &fields).await;
        let said = outcome.to_string();
        assert!(outcome["done"].is_null(), "{backend:?}: {said}");
        assert!(
            said.contains("ZZ is not a State party to the Convention"),
            "{backend:?}: {said}"
        );
        let database = server.database_url.clone().unwrap();
        let output = tests::quorum_command()
            .args([
                "user",
                "add",
                "--email",
                "cli.zz@quorum.example",
                "--name",
                "ZZ",
            ])
            .args([
                "--role",
                "focal_point",
                "--state",
                "ZZ",
                "--database-url",
                &database,
            ])
            .env("QUORUM_NEW_PASSWORD", TEST_PASSWORD)
            .output()
            .unwrap();
        assert!(!output.status.success(), "{backend:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains("ZZ is not a State party"),
            "{backend:?}: {stderr}"
        );
    })
    .await;
}

#[tokio::test]
async fn a_call_whose_deadline_falls_after_its_panel_is_warned_of_on_the_form() {
    on_each_backend(&[], async |server| {
        let backend = server.backend();
        let secretariat = server.secretariat().await;
        let deadline = (chrono::Utc::now().date_naive() + chrono::Days::new(30)).to_string();
        let fields = [
            ("panel", "intersessional-2022-1"),
            ("deadline", deadline.as_str()),
            ("quota", ""),
        ];
        let (_, outcome) = form_post(&secretariat, server, "nominations/open-call", &fields).await;
        let done = outcome["done"].as_str().unwrap_or_default();
        assert!(
            done.starts_with("Opened the call for panellists on “"),
            "{backend:?}: {outcome}"
        );
        assert!(
            done.contains("Warning: The call for nominations on “"),
            "{backend:?}: {done}"
        );
        assert!(
            done.contains("after its panel meets in"),
            "{backend:?}: {done}"
        );
        assert!(
            !done.contains("call-intersessional-2022-1"),
            "{backend:?}: {done}"
        );
    })
    .await;
}

#[tokio::test]
async fn a_meeting_a_planner_may_not_change_opens_read_only_and_says_why() {
    on_each_backend(&[], async |server| {
        let backend = server.backend();
        let bureau = server.bureau_member("bureau.reader@quorum.example", "IRG").await;
        let page = page_text_as(&bureau, server, "/plan?meeting=cosp-10-opening").await;
        assert!(
            page.contains("You may read this meeting here but not change it. Your account (Bureau member, Implementation Review Group) may not plan “"),
            "{backend:?}"
        );
        assert!(page.contains("<fieldset disabled class=\"plain\">"), "{backend:?}");
        // The secretariat opens the same meeting to change it.
        let secretariat = server.secretariat().await;
        let page = page_text_as(&secretariat, server, "/plan?meeting=cosp-10-opening").await;
        assert!(!page.contains("You may read this meeting here"), "{backend:?}");
        assert!(!page.contains("<fieldset disabled"), "{backend:?}");
    })
    .await;
}

#[tokio::test]
async fn meeting_and_session_pages_show_the_venues_time_and_the_readers_day() {
    on_each_backend(&[], async |server| {
        let backend = server.backend();
        for path in [
            "/meetings/cosp-10-opening?tz=Asia/Tokyo",
            "/sessions/cosp-10?tz=Asia/Tokyo",
        ] {
            let page = page_text(server, path).await;
            assert!(
                page.contains("Monday 11 December 2023, 10:00–13:00 EST"),
                "{backend:?}: {path}"
            );
            assert!(
                page.contains("Tue 12 Dec 00:00–03:00 JST your time (Asia/Tokyo)"),
                "{backend:?}: {path}"
            );
        }
        // Without a zone, the venue's time alone.
        let page = page_text(server, "/meetings/cosp-10-opening").await;
        assert!(!page.contains("your time"), "{backend:?}");
    })
    .await;
}

#[tokio::test]
async fn an_account_needs_a_plain_address_and_a_hand_made_request_is_told_in_words() {
    on_each_backend(&[], async |server| {
        let backend = server.backend();
        let secretariat = server.secretariat().await;
        for address in [
            "clerk@example.org\r\nbcc: x@evil.example",
            "clerk@example.org, x@evil.example",
            "<clerk>@example.org",
            "clerk@localhost",
        ] {
            let fields = [
                ("email", address),
                ("name", "Clerk"),
                ("role", "secretariat"),
                ("password", "a-long-enough-password"),
            ];
            let (_, outcome) = form_post(&secretariat, server, "admin/add-user", &fields).await;
            assert!(
                outcome["done"].is_null(),
                "{backend:?}: {address:?} was accepted"
            );
            assert!(
                outcome
                    .to_string()
                    .contains("is not an e-mail address Quorum can write to"),
                "{backend:?}: {outcome}"
            );
        }
        // A form sent without one of its fields: the answer names the field in words.
        let (status, answer) =
            form_post(&secretariat, server, "admin/save-body", &[("code", "X")]).await;
        assert_eq!(status, 400, "{backend:?}: {answer}");
        let said = answer.to_string();
        assert!(
            said.contains("The request lacks its “name” field"),
            "{backend:?}: {said}"
        );
        assert!(!said.contains('`'), "{backend:?}: {said}");
        // A focal point is not greeted by the planner or the review board.
        let austria = server
            .focal_point("focal.greeted@quorum.example", "AT")
            .await;
        let plan = page_text_as(&austria, server, "/plan").await;
        assert!(
            plan.contains("Planning is for Bureau members and the secretariat"),
            "{backend:?}"
        );
        assert!(!plan.contains("Planning as"), "{backend:?}");
    })
    .await;
}

#[tokio::test]
async fn a_closure_over_a_planned_meeting_names_it_when_saved() {
    on_each_backend(&[], async |server| {
        let backend = server.backend();
        let secretariat = server.secretariat().await;
        let fields = [
            ("venue", "vienna-vic"),
            ("start", "2023-06-14"),
            ("end", "2023-06-14"),
            ("reason", "Power cut"),
        ];
        let (_, outcome) = form_post(&secretariat, server, "admin/add-closure", &fields).await;
        let done = outcome["done"].as_str().unwrap_or_default();
        assert!(
            done.starts_with("Vienna International Centre is closed on 14 June 2023."),
            "{backend:?}: {outcome}"
        );
        assert!(
            done.contains("Conflict: “Joint meeting of the Implementation Review Group"),
            "{backend:?}: {done}"
        );
        assert!(
            done.contains(
                "falls on a closure of Vienna International Centre (Power cut, 14 June 2023)"
            ),
            "{backend:?}: {done}"
        );
    })
    .await;
}
