//! Headless Debian chromium, driven through chromedriver, with JavaScript on or off.

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fantoccini::{Client, ClientBuilder};
use serde_json::json;

/// A chromedriver process and one browser session; both end when dropped or closed.
pub struct Browser {
    pub client: Client,
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
            .for_element(fantoccini::Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no {css} on the page: {e}"))
    }

    /// Opens a page and waits until it has hydrated.
    pub async fn open_hydrated(&self, url: &str) {
        self.client.goto(url).await.unwrap();
        self.wait_for("main[data-hydrated='true']").await;
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
            if let Ok(element) = self.client.find(fantoccini::Locator::Css(css)).await {
                last = element.text().await.unwrap_or_default();
                if last.contains(expected) {
                    return last;
                }
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        panic!("{css} never showed {expected:?}; last: {last:?}");
    }

    /// Signs in through the login form.
    pub async fn sign_in(&self, base_url: &str, email: &str, password: &str) {
        self.client
            .goto(&format!("{base_url}/login"))
            .await
            .unwrap();
        self.wait_for("#login-email")
            .await
            .send_keys(email)
            .await
            .unwrap();
        self.wait_for("#login-password")
            .await
            .send_keys(password)
            .await
            .unwrap();
        self.click("form.login button").await;
        let account = url::Url::parse(&format!("{base_url}/account")).unwrap();
        self.client
            .wait()
            .at_most(Duration::from_secs(10))
            .for_url(&account)
            .await
            .expect("signed in");
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
