//! Quorum on a phone, 390 px wide: no page scrolls sideways, the main navigation folds behind
//! a "Menu" button that opens without JavaScript, the month keeps its weekday names, and the
//! planner's conflicts panel comes right after the fields it judges. Every page, public and
//! signed in, with JavaScript on; a few with it off; and the same header at desktop width.

use fantoccini::Locator;
use serde_json::{json, Value};
use tests::browser::{
    with_demo_server, Browser, DemoAccount, BUREAU_IRG, FOCAL_POINT_AT, SECRETARIAT,
};
use tests::TestServer;

/// The width of a common phone's screen, in CSS pixels.
const PHONE: i64 = 390;

const MONTH: &str = "/calendar?view=month&date=2023-12-11";

const PUBLIC_PAGES: &[&str] = &[
    "/",
    "/calendar",
    MONTH,
    "/calendar?view=month&date=2023-06-13&tz=Europe/Vienna",
    "/calendar?view=week&date=2023-12-11",
    "/calendar?view=list&date=2023-12-11",
    "/timeline",
    "/sessions",
    "/sessions/cosp-10",
    "/meetings/cosp-10-opening",
    "/programme",
    "/programme?venue=vienna-vic&date=2023-09-06",
    "/workplan",
    "/conflicts",
    "/bodies/IRG",
    "/venues/vienna-vic",
    "/login",
    "/no-such-page",
];

const FOCAL_POINT_PAGES: &[&str] = &["/nominations", "/account"];

const BUREAU_PAGES: &[&str] = &[
    "/plan",
    "/plan?meeting=joint-2023-06-morning",
    "/plan/session",
    "/plan/session?session=irg-14",
    "/plan/panel",
    "/review",
    "/account",
];

const SECRETARIAT_PAGES: &[&str] = &[
    "/plan",
    "/plan?meeting=cosp-10-opening",
    "/plan/session?session=irg-14",
    "/plan/panel",
    "/review",
    "/admin",
    "/workplan",
    "/conflicts",
    "/account",
];

/// Pages read with JavaScript off: the public ones a delegate opens from a link, and the
/// planner a Bureau member uses on a locked-down laptop.
const PAGES_WITHOUT_JAVASCRIPT: &[&str] = &[
    "/",
    MONTH,
    "/calendar?view=week&date=2023-12-11",
    "/timeline",
    "/sessions/cosp-10",
    "/programme?venue=vienna-vic&date=2023-09-06",
    "/workplan",
];

/// Resizes the window so that the page itself is `width` CSS pixels wide, whatever the
/// browser's frame takes.
async fn set_page_width(browser: &Browser, width: i64) {
    browser
        .client
        .set_window_size(width as u32, 844)
        .await
        .unwrap();
    let inner = number(browser, "return window.innerWidth;").await;
    if inner != width {
        let outer = width + (width - inner);
        browser
            .client
            .set_window_size(outer as u32, 844)
            .await
            .unwrap();
    }
    assert_eq!(
        number(browser, "return window.innerWidth;").await,
        width,
        "the page is not {width} px wide"
    );
}

async fn number(browser: &Browser, script: &str) -> i64 {
    let value = browser.client.execute(script, vec![]).await.unwrap();
    value
        .as_f64()
        .unwrap_or_else(|| panic!("{script} gave {value}"))
        .round() as i64
}

/// Whether the open page scrolls sideways: `None` when it fits, otherwise how wide it is and
/// the outermost elements that reach past the screen's right edge.
async fn sideways(browser: &Browser) -> Option<String> {
    let found = browser
        .client
        .execute(
            "const root = document.documentElement;
             const screen = root.clientWidth;
             if (root.scrollWidth <= screen && root.scrollWidth <= arguments[0]) { return null; }
             const wide = [];
             for (const e of document.querySelectorAll('body *')) {
               const r = e.getBoundingClientRect();
               if (r.width > 0 && r.right > screen + 0.5 && !(e.parentElement
                   && e.parentElement.getBoundingClientRect().right > screen + 0.5)) {
                 wide.push(e.tagName.toLowerCase() + (e.getAttribute('id') ? '#' + e.getAttribute('id') : '')
                   + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().replace(/\\s+/g, '.') : '')
                   + ' (right edge at ' + Math.round(r.right) + ')');
               }
             }
             return root.scrollWidth + ' px wide on a ' + screen + ' px screen: '
               + wide.slice(0, 5).join(', ');",
            vec![json!(PHONE)],
        )
        .await
        .unwrap();
    found.as_str().map(str::to_owned)
}

/// Whether an element is shown: rendered, with a size.
async fn shown(browser: &Browser, css: &str) -> bool {
    browser
        .client
        .execute(
            "const e = document.querySelector(arguments[0]);
             if (!e) { return false; }
             const r = e.getBoundingClientRect();
             return getComputedStyle(e).visibility !== 'hidden' && r.width > 0 && r.height > 0;",
            vec![json!(css)],
        )
        .await
        .unwrap()
        .as_bool()
        .unwrap_or(false)
}

const MENU: &str = ".site-header nav[aria-label='Main'] details.menu";
const SUMMARY: &str = ".site-header nav[aria-label='Main'] details.menu > summary";
const LINKS: &str = ".site-header nav[aria-label='Main'] .nav-links";
const FIRST_LINK: &str = ".site-header nav[aria-label='Main'] .nav-links a";

async fn menu_open(browser: &Browser) -> bool {
    browser
        .client
        .find(Locator::Css(MENU))
        .await
        .expect("the Menu disclosure")
        .prop("open")
        .await
        .unwrap()
        .as_deref()
        == Some("true")
}

/// What is wrong with the open page on a phone, one line each: a sideways scroll (closed and
/// open menu), a menu whose links show before it is opened or stay hidden after.
async fn phone_problems(browser: &Browser, page: &str) -> Vec<String> {
    let mut problems = Vec::new();
    if let Some(wide) = sideways(browser).await {
        problems.push(format!("{page} scrolls sideways: {wide}"));
    }
    if !shown(browser, SUMMARY).await {
        problems.push(format!("{page}: no Menu button"));
    }
    if menu_open(browser).await || shown(browser, LINKS).await || shown(browser, FIRST_LINK).await {
        problems.push(format!("{page}: the menu's links show before it is opened"));
    }
    browser.click(SUMMARY).await;
    if !menu_open(browser).await
        || !shown(browser, LINKS).await
        || !shown(browser, FIRST_LINK).await
    {
        problems.push(format!(
            "{page}: the menu's links stay hidden once it is opened"
        ));
    }
    if let Some(wide) = sideways(browser).await {
        problems.push(format!(
            "{page} with its menu open scrolls sideways: {wide}"
        ));
    }
    problems
}

/// Opens each page on a phone-sized window and gathers what is wrong with it.
async fn check_pages(browser: &Browser, server: &TestServer, pages: &[&str]) -> Vec<String> {
    set_page_width(browser, PHONE).await;
    let mut problems = Vec::new();
    for page in pages {
        browser.open(&server.url(page)).await;
        problems.extend(phone_problems(browser, page).await);
    }
    problems
}

async fn signed_in_problems(
    server: &TestServer,
    account: DemoAccount,
    pages: &[&str],
) -> Vec<String> {
    let browser = Browser::signed_in(server, account).await;
    let problems = check_pages(&browser, server, pages).await;
    browser.close().await;
    problems
        .into_iter()
        .map(|p| format!("{}: {p}", account.email))
        .collect()
}

fn assert_none(problems: Vec<String>) {
    assert!(
        problems.is_empty(),
        "on a {PHONE} px phone:\n{}",
        problems.join("\n")
    );
}

#[tokio::test]
async fn on_a_phone_no_public_page_scrolls_sideways_and_the_menu_is_folded() {
    with_demo_server(async |server| {
        let browser = Browser::start(true).await;
        let problems = check_pages(&browser, server, PUBLIC_PAGES).await;
        browser.close().await;
        assert_none(problems);
    })
    .await;
}

#[tokio::test]
async fn on_a_phone_no_page_of_the_focal_point_the_bureau_or_the_secretariat_scrolls_sideways() {
    with_demo_server(async |server| {
        let mut problems = signed_in_problems(server, FOCAL_POINT_AT, FOCAL_POINT_PAGES).await;
        problems.extend(signed_in_problems(server, BUREAU_IRG, BUREAU_PAGES).await);
        problems.extend(signed_in_problems(server, SECRETARIAT, SECRETARIAT_PAGES).await);
        assert_none(problems);
    })
    .await;
}

#[tokio::test]
async fn on_a_phone_without_javascript_pages_fit_and_the_menu_opens() {
    with_demo_server(async |server| {
        let browser = Browser::start(false).await;
        let mut problems = check_pages(&browser, server, PAGES_WITHOUT_JAVASCRIPT).await;
        assert_eq!(browser.hydrated_mark().await.as_deref(), Some("false"));
        browser.goto(&server.url("/sessions/cosp-10")).await;
        browser
            .screenshot("phone-menu-closed-without-javascript")
            .await;
        browser.click(SUMMARY).await;
        browser
            .screenshot("phone-menu-open-without-javascript")
            .await;
        // A link of the open menu leads where it says.
        browser.click(&format!("{LINKS} a[href='/timeline']")).await;
        browser.wait_for_url(&server.url("/timeline")).await;
        browser.close().await;

        let browser = Browser::start(false).await;
        browser.sign_in_as(server, BUREAU_IRG).await;
        problems.extend(
            check_pages(&browser, server, &["/plan", "/plan/session", "/plan/panel"]).await,
        );
        browser.close().await;
        assert_none(problems);
    })
    .await;
}

/// A form refused without JavaScript comes back as a page that fits a phone too, opened at the
/// error beside its field: the secretariat's new user and the Bureau's workplan entry.
#[tokio::test]
async fn on_a_phone_without_javascript_a_refused_form_fits_and_opens_at_its_error() {
    with_demo_server(async |server| {
        let refused: [(DemoAccount, &str, &str, &[(&str, &str)]); 2] = [
            (
                SECRETARIAT,
                "/admin",
                "form.add-user",
                &[
                    ("email", "new.clerk@quorum.example"),
                    ("name", "New clerk"),
                    ("role", "bureau"),
                    ("scope", "I R G"),
                    ("password", "a long enough first password"),
                ],
            ),
            (
                BUREAU_IRG,
                "/workplan",
                "form.entry-form",
                &[
                    ("id", "irg-2027-phone"),
                    ("bodies", "IRG"),
                    ("year", "next year"),
                    ("paragraphs", "11, 13"),
                    ("topics", "Beneficial ownership"),
                ],
            ),
        ];
        let mut problems = Vec::new();
        for (account, page, form, fields) in refused {
            let browser = Browser::start(false).await;
            browser.sign_in_as(server, account).await;
            set_page_width(&browser, PHONE).await;
            browser.open(&server.url(page)).await;
            browser.type_form(form, fields).await;
            browser
                .click(&format!("{form} button[type='submit']"))
                .await;
            let error = browser.wait_for(&format!("{form} .field-error")).await;
            let focused = browser.client.active_element().await.unwrap();
            assert_eq!(
                focused.text().await.unwrap(),
                error.text().await.unwrap(),
                "{page}: the page opens at the error"
            );
            if let Some(wide) = sideways(&browser).await {
                problems.push(format!("{page}, answered: {wide}"));
            }
            let name = page.trim_start_matches('/');
            browser
                .screenshot(&format!("phone-refused-{name}-without-javascript"))
                .await;
            browser.close().await;
        }
        assert_none(problems);
    })
    .await;
}

/// The seven weekday headers of the open month: name, left and right edges, top.
async fn weekdays(browser: &Browser) -> Vec<(String, f64, f64, f64)> {
    let found = browser
        .client
        .execute(
            "return [...document.querySelectorAll('.calendar-grid.month .weekday')].map(e => {
               const r = e.getBoundingClientRect();
               return [e.innerText.trim(), r.left, r.right, r.top, r.width > 0 && r.height > 0];
             });",
            vec![],
        )
        .await
        .unwrap();
    found
        .as_array()
        .unwrap()
        .iter()
        .filter(|w| w[4] == Value::Bool(true))
        .map(|w| {
            (
                w[0].as_str().unwrap().to_owned(),
                w[1].as_f64().unwrap(),
                w[2].as_f64().unwrap(),
                w[3].as_f64().unwrap(),
            )
        })
        .collect()
}

#[tokio::test]
async fn on_a_phone_the_month_keeps_its_weekday_names_above_seven_columns() {
    with_demo_server(async |server| {
        for javascript in [true, false] {
            let browser = Browser::start(javascript).await;
            set_page_width(&browser, PHONE).await;
            browser.open(&server.url(MONTH)).await;
            let days = weekdays(&browser).await;
            let names: Vec<&str> = days.iter().map(|d| d.0.as_str()).collect();
            assert_eq!(names, ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"], "{days:?}");
            let screen = number(&browser, "return document.documentElement.clientWidth;").await as f64;
            for pair in days.windows(2) {
                assert_eq!(pair[0].3, pair[1].3, "the weekdays are not in one row: {days:?}");
                assert!(pair[0].2 <= pair[1].1 + 0.5, "the weekdays overlap: {days:?}");
            }
            assert!(days[0].1 >= 0.0 && days[6].2 <= screen, "the weekdays do not fit {screen} px: {days:?}");
            // Each day of December sits under its weekday: the 11th, a Monday, under "Mon".
            let monday = browser
                .client
                .execute(
                    "const r = document.querySelector(\".calendar-grid.month .day[data-date='2023-12-11']\").getBoundingClientRect();
                     return [r.left, r.right];",
                    vec![],
                )
                .await
                .unwrap();
            let (left, right) = (monday[0].as_f64().unwrap(), monday[1].as_f64().unwrap());
            assert!(left >= days[0].1 - 1.0 && right <= days[0].2 + 1.0, "11 December is not under Mon: {monday} {days:?}");
            // The session on the day leads to its page, even cut short.
            let chip = browser
                .client
                .find(Locator::Css(".calendar-grid.month .day[data-date='2023-12-11'] .session-chip a"))
                .await
                .expect("COSP-10 on 11 December");
            assert_eq!(chip.attr("href").await.unwrap().as_deref(), Some("/sessions/cosp-10"));
            assert_eq!(sideways(&browser).await, None);
            if javascript {
                scroll_to(&browser, ".calendar-nav").await;
                browser.screenshot("phone-calendar-month").await;
            }
            browser.close().await;
        }
    })
    .await;
}

/// The top and bottom of the first element at `css`.
async fn box_of(browser: &Browser, css: &str) -> (f64, f64) {
    let found = browser
        .client
        .execute(
            "const e = document.querySelector(arguments[0]);
             if (!e) { return null; }
             const r = e.getBoundingClientRect();
             return [r.top + window.scrollY, r.bottom + window.scrollY];",
            vec![json!(css)],
        )
        .await
        .unwrap();
    let found = found
        .as_array()
        .unwrap_or_else(|| panic!("no {css} on the page"));
    (found[0].as_f64().unwrap(), found[1].as_f64().unwrap())
}

/// Scrolls the page so that the element at `css` is at the top of the screen.
async fn scroll_to(browser: &Browser, css: &str) {
    browser
        .client
        .execute(
            "document.querySelector(arguments[0]).scrollIntoView({block: 'start'});",
            vec![json!(css)],
        )
        .await
        .unwrap();
}

/// Whether the conflicts panel sits between the meeting's last field (its status) and the save
/// button, and nothing spills sideways.
async fn panel_in_place(browser: &Browser) -> Option<String> {
    let status = box_of(browser, "#m-status").await;
    let panel = box_of(browser, "aside.live-check").await;
    let save = box_of(browser, ".meeting-form button[type='submit']").await;
    if !(status.1 <= panel.0 && panel.1 <= save.0) {
        return Some(format!(
            "the conflicts panel is not between the last field and the save button: status {status:?}, panel {panel:?}, save {save:?}"
        ));
    }
    sideways(browser).await
}

#[tokio::test]
async fn on_a_phone_the_planners_conflicts_follow_the_fields_they_judge() {
    with_demo_server(async |server| {
        let browser = Browser::signed_in(server, BUREAU_IRG).await;
        set_page_width(&browser, PHONE).await;
        browser
            .open(&server.url("/plan?meeting=joint-2023-06-morning"))
            .await;
        browser.wait_for(".live-check .check-result").await;
        assert_eq!(panel_in_place(&browser).await, None);
        assert!(shown(&browser, "aside.live-check h2").await);

        // A new joint meeting in the room and hours of an existing one: the blocking conflict,
        // its explanation and the free-slot finder show in place, within the screen.
        browser.open(&server.url("/plan")).await;
        browser.fill("#m-id", "joint-2023-06-briefing").await;
        browser
            .fill("#m-title", "Joint briefing on the review mechanism")
            .await;
        browser
            .click("input[name='sessions'][value='irg-14']")
            .await;
        browser
            .click("input[name='sessions'][value='wg-prev-14']")
            .await;
        browser.fill("#m-kind", "joint_meeting").await;
        browser.fill("#m-venue", "vienna-vic").await;
        browser.fill("#m-room", "vic-boardroom-d").await;
        browser.fill("#m-date", "2023-06-14").await;
        browser.fill("#m-start", "10:00").await;
        browser.fill("#m-end", "13:00").await;
        browser
            .wait_for_text(".live-check .summary", "blocking")
            .await;
        assert_eq!(panel_in_place(&browser).await, None);
        scroll_to(&browser, ".field.times").await;
        browser.screenshot("phone-planner").await;
        browser.close().await;
    })
    .await;
}

#[tokio::test]
async fn on_a_phone_the_menu_opens_and_closes_and_on_a_desktop_every_link_shows() {
    with_demo_server(async |server| {
        let browser = Browser::start(true).await;
        set_page_width(&browser, PHONE).await;
        browser.open(&server.url(MONTH)).await;
        let header = box_of(&browser, ".site-header").await;
        assert!(
            header.1 - header.0 <= 110.0,
            "the folded header takes {} px of the screen's height",
            header.1 - header.0
        );
        browser.screenshot("phone-menu-closed").await;
        browser.click(SUMMARY).await;
        assert!(menu_open(&browser).await);
        let links = browser
            .client
            .find_all(Locator::Css(&format!("{LINKS} a")))
            .await
            .unwrap();
        // The pages a visitor may use: planning, review and administration are offered only to
        // those signed in who may use them.
        assert_eq!(links.len(), 8);
        for link in &links {
            assert!(
                link.is_displayed().await.unwrap(),
                "{:?}",
                link.text().await
            );
        }
        browser.screenshot("phone-menu-open").await;
        // The keyboard closes it again: the button keeps the focus.
        browser
            .client
            .execute(
                "document.querySelector(arguments[0]).focus();",
                vec![json!(SUMMARY)],
            )
            .await
            .unwrap();
        browser
            .client
            .find(Locator::Css(SUMMARY))
            .await
            .unwrap()
            .send_keys(" ")
            .await
            .unwrap();
        assert!(!menu_open(&browser).await);
        assert!(!shown(&browser, FIRST_LINK).await);
        browser.close().await;

        // A wide screen shows every link and no Menu button.
        let browser = Browser::start(true).await;
        set_page_width(&browser, 1280).await;
        browser.open(&server.url(MONTH)).await;
        assert!(
            !shown(&browser, SUMMARY).await,
            "a Menu button on a desktop"
        );
        for link in browser
            .client
            .find_all(Locator::Css(&format!("{LINKS} a")))
            .await
            .unwrap()
        {
            assert!(
                link.is_displayed().await.unwrap(),
                "{:?}",
                link.text().await
            );
        }
        let desktop_header = box_of(&browser, ".site-header").await;
        assert!(
            desktop_header.1 - desktop_header.0 <= 100.0,
            "{desktop_header:?}"
        );
        let days = weekdays(&browser).await;
        assert_eq!(days.len(), 7);
        browser.screenshot("desktop-calendar-month").await;
        browser.sign_in_as(server, BUREAU_IRG).await;
        browser
            .open(&server.url("/plan?meeting=joint-2023-06-morning"))
            .await;
        browser.wait_for(".live-check .check-result").await;
        // Beside the form on a desktop, as before.
        let form = box_of(&browser, "#meeting-form").await;
        let panel = box_of(&browser, "aside.live-check").await;
        assert!(
            panel.0 < form.1,
            "the panel is no longer beside the form: {form:?} {panel:?}"
        );
        browser.screenshot("desktop-planner").await;
        browser.close().await;
    })
    .await;
}

/// The audit of the folded and the open menu, on a phone: names, roles, contrast.
#[tokio::test]
async fn on_a_phone_the_menu_passes_the_accessibility_audit_closed_and_open() {
    with_demo_server(async |server| {
        let browser = Browser::start(true).await;
        set_page_width(&browser, PHONE).await;
        let mut found = Vec::new();
        for page in ["/", MONTH] {
            browser.open(&server.url(page)).await;
            for state in ["closed", "open"] {
                if state == "open" {
                    browser.click(SUMMARY).await;
                }
                let (violations, rules) = browser.accessibility_violations().await;
                assert!(rules > 20, "axe-core ran only {rules} rules on {page}");
                found.extend(
                    violations
                        .into_iter()
                        .map(|v| format!("{page}, menu {state}: {v}")),
                );
            }
        }
        browser.sign_in_as(server, BUREAU_IRG).await;
        browser
            .open(&server.url("/plan?meeting=joint-2023-06-morning"))
            .await;
        let (violations, _) = browser.accessibility_violations().await;
        found.extend(violations.into_iter().map(|v| format!("/plan: {v}")));
        browser.close().await;
        assert!(
            found.is_empty(),
            "WCAG 2.1 AA violations on a phone:\n{}",
            found.join("\n")
        );
    })
    .await;
}
