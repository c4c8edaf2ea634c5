//! Headless Debian chromium, driven through chromedriver, with JavaScript on or off, and the
//! steps the browser tests share: the demo's accounts, signing in, opening pages, reading them.

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

use crate::{Backend, TestDatabase, TestServer};

/// An account of the demo dataset, with the password the demo gives it.
#[derive(Debug, Clone, Copy)]
pub struct DemoAccount {
    pub email: &'static str,
    pub password: &'static str,
}

pub const SECRETARIAT: DemoAccount = DemoAccount {
    email: "secretariat@quorum.example",
    password: "demo-secretariat-quorum",
};

/// A member of the Bureau of the Implementation Review Group.
pub const BUREAU_IRG: DemoAccount = DemoAccount {
    email: "bureau.irg@quorum.example",
    password: "demo-bureau-irg-quorum",
};

/// Austria's focal point.
pub const FOCAL_POINT_AT: DemoAccount = DemoAccount {
    email: "focal.point.at@quorum.example",
    password: "demo-focal-point-at-quorum",
};

/// Runs a browser test against a demo server on a fresh SQLite database, or skips it where
/// chromium is missing (never in CI). One backend is enough for what the browser sees: each
/// browser test costs seconds, and the integration tests hold the server to both.
pub async fn with_demo_server(test: impl AsyncFn(&TestServer)) {
    if !available() {
        return;
    }
    let database = TestDatabase::new(Backend::Sqlite).await;
    let server = TestServer::start(&database).await;
    test(&server).await;
}

/// Runs a browser test that writes through forms once per backend (SQLite, and PostgreSQL when
/// `TEST_DATABASE_URL` is set), each on a fresh demo database: what a form stores must hold on
/// the production engine too.
pub async fn with_demo_server_on_each_backend(test: impl AsyncFn(&TestServer)) {
    if !available() {
        return;
    }
    crate::on_each_backend(&[], test).await;
}

/// The form that creates IRG's seventeenth session (Vienna, 1–5 June 2026) with `notes`: a
/// page that shows text a person typed, in a textarea when the session is edited.
pub fn irg_17_session_form(notes: &str) -> [(&'static str, &str); 11] {
    [
        ("id", "irg-17"),
        ("body", "IRG"),
        ("kind", "regular"),
        ("number", "17"),
        ("venue", "vienna-vic"),
        ("format", "in_person"),
        ("start", "2026-06-01"),
        ("end", "2026-06-05"),
        ("status", "planned"),
        ("notes", notes),
        ("create", "true"),
    ]
}

/// A chromedriver process and one browser session; both end when dropped or closed.
pub struct Browser {
    pub client: Client,
    javascript: bool,
    driver: Child,
    _profile: tempfile::TempDir,
}

/// The chromium and chromedriver of the machine (Debian's packages); never downloaded.
fn executables() -> (PathBuf, PathBuf) {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let driver = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
    (chromium.into(), driver.into())
}

/// Whether browser tests can run here; in CI a missing browser is a failure, never a skip.
pub fn available() -> bool {
    let (chromium, driver) = executables();
    let present = chromium.exists() && driver.exists();
    if !present && crate::in_ci() {
        panic!(
            "CI=true but chromium or chromedriver is missing ({} / {})",
            chromium.display(),
            driver.display()
        );
    }
    if !present {
        eprintln!("chromium or chromedriver missing: browser test skipped (apt-get install chromium chromium-driver)");
    }
    present
}

impl Browser {
    /// Starts chromedriver on a free port and opens a headless session.
    pub async fn start(javascript: bool) -> Browser {
        let (chromium, driver_path) = executables();
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let driver = Command::new(driver_path)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver");
        let profile = tempfile::tempdir().unwrap();
        let mut options = json!({
            "binary": chromium,
            "args": [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1280,900",
                format!("--user-data-dir={}", profile.path().display()),
            ],
        });
        if !javascript {
            options["prefs"] = json!({ "profile.managed_default_content_settings.javascript": 2 });
        }
        let mut caps = serde_json::Map::new();
        caps.insert("goog:chromeOptions".into(), options);
        let webdriver = format!("http://127.0.0.1:{port}");
        let mut last_error = None;
        for _ in 0..50 {
            let connector = hyper_util::client::legacy::connect::HttpConnector::new();
            match ClientBuilder::new(connector)
                .capabilities(caps.clone())
                .connect(&webdriver)
                .await
            {
                Ok(client) => {
                    return Browser {
                        client,
                        javascript,
                        driver,
                        _profile: profile,
                    }
                }
                Err(e) => last_error = Some(e),
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        panic!("cannot open a chromium session: {last_error:?}");
    }

    /// Opens a JavaScript-enabled session signed in as a demo account.
    pub async fn signed_in(server: &TestServer, account: DemoAccount) -> Browser {
        let browser = Browser::start(true).await;
        browser.sign_in_as(server, account).await;
        browser
    }

    /// Opens a session, with JavaScript on or off, signed in as a demo account.
    pub async fn signed_in_with(
        server: &TestServer,
        account: DemoAccount,
        javascript: bool,
    ) -> Browser {
        let browser = Browser::start(javascript).await;
        browser.sign_in_as(server, account).await;
        browser
    }

    /// Types a form's fields as a person does, JavaScript or not: choosing options, typing
    /// days in the order Chromium's en-US date field takes them (month, day, year), and text.
    pub async fn type_form(&self, form: &str, fields: &[(&str, &str)]) {
        for (name, value) in fields {
            let css = format!("{form} [name='{name}']");
            let field = self.wait_for(&css).await;
            let tag = field.tag_name().await.unwrap();
            let kind = field.attr("type").await.unwrap().unwrap_or_default();
            match (tag.as_str(), kind.as_str()) {
                (_, "hidden") => {}
                ("select", _) => self.click(&format!("{css} option[value='{value}']")).await,
                (_, "date") => {
                    let (year, rest) = value.split_once('-').unwrap();
                    let (month, day) = rest.split_once('-').unwrap();
                    field
                        .send_keys(&format!("{month}{day}{year}"))
                        .await
                        .unwrap();
                }
                _ => {
                    field.clear().await.unwrap();
                    field.send_keys(value).await.unwrap();
                }
            }
        }
    }

    /// Whether the page is written for JavaScript (and waits for hydration) or not.
    pub fn javascript(&self) -> bool {
        self.javascript
    }

    /// Signs in as a demo account through the login form.
    pub async fn sign_in_as(&self, server: &TestServer, account: DemoAccount) {
        self.sign_in(&server.base_url, account.email, account.password)
            .await;
    }

    /// Saves a PNG screenshot under `tests/screenshots/` for people to look at.
    pub async fn screenshot(&self, name: &str) {
        let dir = crate::workspace_root().join("tests").join("screenshots");
        std::fs::create_dir_all(&dir).unwrap();
        let png = self.client.screenshot().await.expect("screenshot");
        std::fs::write(dir.join(format!("{name}.png")), png).unwrap();
    }

    /// Waits up to 30 s for an element.
    pub async fn wait_for(&self, css: &str) -> fantoccini::elements::Element {
        self.client
            .wait()
            .at_most(Duration::from_secs(30))
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no {css} on the page: {e}"))
    }

    /// Waits up to 10 s until the browser is at `url`: how a test knows a form's answer (a new
    /// page) has arrived when the old page held the same elements.
    pub async fn wait_for_url(&self, url: &str) {
        let expected = url::Url::parse(url).unwrap();
        self.client
            .wait()
            .at_most(Duration::from_secs(10))
            .for_url(&expected)
            .await
            .unwrap_or_else(|e| panic!("never reached {url}: {e}"));
    }

    /// Opens a page without waiting for more than the address to load.
    pub async fn goto(&self, url: &str) {
        self.client
            .goto(url)
            .await
            .unwrap_or_else(|e| panic!("open {url}: {e}"));
    }

    /// Opens a page and waits until it has hydrated.
    pub async fn open_hydrated(&self, url: &str) {
        self.goto(url).await;
        self.wait_for("main[data-hydrated='true']").await;
    }

    /// Opens a page and waits until it is ready: hydrated with JavaScript, its `main` read
    /// without.
    pub async fn open(&self, url: &str) {
        if self.javascript {
            self.open_hydrated(url).await;
        } else {
            self.goto(url).await;
            self.wait_for("main").await;
        }
    }

    /// The page's `data-hydrated` mark on `main`: "false" as the server sends it, "true" once
    /// the WASM has taken over.
    pub async fn hydrated_mark(&self) -> Option<String> {
        self.client
            .find(Locator::Css("main"))
            .await
            .expect("a main element")
            .attr("data-hydrated")
            .await
            .unwrap()
    }

    /// The text of an element, once it is there.
    pub async fn text_of(&self, css: &str) -> String {
        self.wait_for(css)
            .await
            .text()
            .await
            .unwrap_or_else(|e| panic!("text of {css}: {e}"))
    }

    /// Types into a field key by key, as a person does.
    pub async fn type_into(&self, css: &str, text: &str) {
        self.wait_for(css)
            .await
            .send_keys(text)
            .await
            .unwrap_or_else(|e| panic!("type into {css}: {e}"));
    }

    pub async fn click(&self, css: &str) {
        self.wait_for(css)
            .await
            .click()
            .await
            .unwrap_or_else(|e| panic!("click {css}: {e}"));
    }

    /// Sets a field's value as a person would, firing `input` and `change`.
    pub async fn fill(&self, css: &str, value: &str) {
        self.wait_for(css).await;
        self.client
            .execute(
                "const e = document.querySelector(arguments[0]); e.value = arguments[1];
                 e.dispatchEvent(new Event('input', {bubbles: true}));
                 e.dispatchEvent(new Event('change', {bubbles: true}));",
                vec![json!(css), json!(value)],
            )
            .await
            .unwrap_or_else(|e| panic!("fill {css}: {e}"));
    }

    /// Every field of the form at `css` as `name=value` (`name=true`/`false` for a checkbox, by
    /// its value when several share a name), in page order, read through WebDriver so that it
    /// works with JavaScript off too.
    pub async fn form_values(&self, css: &str) -> Vec<String> {
        self.wait_for(css).await;
        let fields = self
            .client
            .find_all(Locator::Css(&format!(
                "{css} input, {css} select, {css} textarea"
            )))
            .await
            .unwrap();
        let mut values = Vec::new();
        for field in fields {
            let name = field.attr("name").await.unwrap().unwrap_or_default();
            let kind = field.attr("type").await.unwrap().unwrap_or_default();
            let value = field.prop("value").await.unwrap().unwrap_or_default();
            values.push(if kind == "checkbox" {
                let checked = field.prop("checked").await.unwrap().unwrap_or_default();
                format!("{name}[{value}]={checked}")
            } else {
                format!("{name}={value}")
            });
        }
        values
    }

    pub async fn value_of(&self, css: &str) -> String {
        self.wait_for(css)
            .await
            .prop("value")
            .await
            .unwrap()
            .unwrap_or_default()
    }

    /// Polls until the element's text contains `expected`; returns the text.
    pub async fn wait_for_text(&self, css: &str, expected: &str) -> String {
        let mut last = String::new();
        for _ in 0..150 {
            if let Ok(element) = self.client.find(Locator::Css(css)).await {
                last = element.text().await.unwrap_or_default();
                if last.contains(expected) {
                    return last;
                }
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        panic!("{css} never showed {expected:?}; last: {last:?}");
    }

    /// Polls for up to 20 s until the element's text no longer contains `gone`; returns the
    /// last text, for the test to assert on.
    pub async fn wait_for_text_without(&self, css: &str, gone: &str) -> String {
        let mut last = String::new();
        for _ in 0..100 {
            last = self.text_of(css).await;
            if !last.contains(gone) {
                break;
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        last
    }

    /// Signs in through the login form, which answers with the account page.
    pub async fn sign_in(&self, base_url: &str, email: &str, password: &str) {
        self.goto(&format!("{base_url}/login")).await;
        self.type_into("#login-email", email).await;
        self.type_into("#login-password", password).await;
        self.click("form.login button").await;
        self.wait_for_url(&format!("{base_url}/account")).await;
    }

    /// Runs the axe-core accessibility audit on the open page against WCAG 2.1 A and AA and
    /// returns what it found wrong, one line per rule and element ("rule: target — help"), and
    /// how many rules it checked.
    pub async fn accessibility_violations(&self) -> (Vec<String>, usize) {
        let axe =
            crate::workspace_root().join("tests/conformance/node_modules/axe-core/axe.min.js");
        let source = std::fs::read_to_string(&axe).unwrap_or_else(|e| {
            panic!(
                "axe-core is missing ({}: {e}); scripts/setup.sh --test installs it",
                axe.display()
            )
        });
        // The script runs as the body of a function the driver calls, which the page's
        // Content-Security-Policy does not govern; it leaves `window.axe` behind.
        self.client
            .execute(&format!("{source}\n;return typeof window.axe;"), vec![])
            .await
            .expect("load axe-core");
        let report = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 axe.run(document, { runOnly: { type: 'tag',
                     values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
                   .then(r => done({ rules: r.passes.length + r.violations.length + r.inapplicable.length,
                     violations: r.violations.flatMap(v => v.nodes.map(n =>
                       v.id + ': ' + n.target.join(' ') + ' — ' + v.help)) }))
                   .catch(e => done({ rules: 0, violations: ['axe failed: ' + e] }));",
                vec![],
            )
            .await
            .expect("run axe-core");
        let violations = report["violations"]
            .as_array()
            .map(|all| {
                all.iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default();
        (violations, report["rules"].as_u64().unwrap_or(0) as usize)
    }

    pub async fn close(mut self) {
        let _ = self.client.clone().close().await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.driver.kill();
    }
}
