//! The secretariat's administration forms and the import, with JavaScript off and on, on each
//! backend: a refused form keeps what was typed (never a password) with the error beside its
//! field; corrected, it is stored and the page says so.

use serde_json::Value;
use tests::browser::{with_demo_server_on_each_backend, Browser, SECRETARIAT};
use tests::{form_post, get_json, TestServer};

/// One administration form as a person fills it: first with one field wrong, then corrected.
struct Filled {
    form: &'static str,
    wrong: Vec<(&'static str, String)>,
    /// The field whose error stands beside it.
    refused_field: &'static str,
    corrected: Vec<(&'static str, String)>,
    done: String,
}

fn fields(pairs: &[(&'static str, &str)]) -> Vec<(&'static str, String)> {
    pairs.iter().map(|(k, v)| (*k, (*v).to_owned())).collect()
}

/// The forms of one round (`round` keeps the records of the two rounds apart).
fn admin_forms(round: &str, rules: &str) -> Vec<Filled> {
    let email = format!("clerk.{round}@quorum.example");
    let password = "a long enough first password";
    let code = format!("WG-{}", round.to_uppercase());
    let venue = format!("geneva-{round}");
    let room = format!("vic-room-{round}");
    let reason = format!("Staff retreat {round}");
    vec![
        Filled {
            form: "form.add-user",
            wrong: fields(&[
                ("email", &email),
                ("name", "Clerk of the Review Group"),
                ("role", "bureau"),
                ("scope", "I R G"),
                ("password", password),
            ]),
            refused_field: "scope",
            corrected: fields(&[("scope", "IRG"), ("password", password)]),
            done: format!("Account {email} created."),
        },
        Filled {
            form: "form.change-user",
            wrong: fields(&[("email", &email), ("role", "focal_point"), ("scope", "")]),
            refused_field: "scope",
            corrected: fields(&[("scope", "AT")]),
            done: format!("Account {email} is now"),
        },
        Filled {
            form: "form.add-closure",
            wrong: fields(&[
                ("venue", "vienna-vic"),
                ("start", "2027-01-11"),
                ("end", "2027-01-12"),
                ("reason", "   "),
            ]),
            refused_field: "reason",
            corrected: fields(&[("reason", &reason)]),
            done: "Vienna International Centre is closed from 11 January 2027 to 12 January 2027."
                .to_owned(),
        },
        Filled {
            form: "form.body-form",
            wrong: fields(&[
                ("code", "WG PREV 2"),
                ("name", "Working group on coordination"),
                ("short_name", "Coordination group"),
            ]),
            refused_field: "code",
            corrected: fields(&[("code", &code)]),
            done: format!("Coordination group ({code}) saved."),
        },
        Filled {
            form: "form.venue-form",
            wrong: fields(&[
                ("id", &venue),
                ("name", "Palais des Nations"),
                ("city", "Geneva"),
                ("country", "CH"),
                ("time_zone", "Europe/Zurich"),
                ("interpretation_teams", "two"),
            ]),
            refused_field: "interpretation_teams",
            corrected: fields(&[("interpretation_teams", "2")]),
            done: format!("Palais des Nations ({venue}) saved."),
        },
        Filled {
            form: "form.room-form",
            wrong: fields(&[
                ("venue", "vienna-vic"),
                ("room", &room),
                ("name", "Room M9"),
                ("capacity", "eighty"),
                ("booths", "6"),
            ]),
            refused_field: "capacity",
            corrected: fields(&[("capacity", "80")]),
            done: "Room M9 saved.".to_owned(),
        },
        Filled {
            form: "form.rules",
            wrong: fields(&[("rules", "{ \"min_travel_minutes\": sixty }")]),
            refused_field: "rules",
            corrected: fields(&[("rules", rules)]),
            done: "Conflict rules saved.".to_owned(),
        },
    ]
}

/// The administration page's data, as the secretariat's page reads it.
async fn admin_page(secretariat: &reqwest::Client, server: &TestServer) -> Value {
    let (status, page) = form_post(secretariat, server, "admin/page", &[]).await;
    assert_eq!(status, 200, "{page}");
    page
}

fn has(list: &Value, field: &str, value: &str) -> bool {
    list.as_array()
        .is_some_and(|l| l.iter().any(|item| item[field] == value))
}

/// What each form of `round` stored, read back through the API.
async fn assert_stored(secretariat: &reqwest::Client, server: &TestServer, round: &str) {
    let page = admin_page(secretariat, server).await;
    let email = format!("clerk.{round}@quorum.example");
    let user = page["users"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["email"] == email.as_str())
        .unwrap_or_else(|| panic!("{email} is listed"));
    assert_eq!(user["scope"], "AT", "{user}");
    let code = format!("WG-{}", round.to_uppercase());
    assert!(has(&page["bodies"], "code", &code), "{code} stored");
    assert!(has(&page["venues"], "id", &format!("geneva-{round}")));
    let vienna = page["venues"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["id"] == "vienna-vic")
        .unwrap();
    assert!(has(&vienna["rooms"], "id", &format!("vic-room-{round}")));
    let reason = format!("Staff retreat {round}");
    assert!(
        vienna["closures"].to_string().contains(&reason),
        "{reason}: {}",
        vienna["closures"]
    );
}

/// The values a refused form comes back with: what was typed, passwords left out.
fn without_passwords(values: Vec<String>) -> Vec<String> {
    values
        .into_iter()
        .map(|v| match v.starts_with("password=") {
            true => "password=".to_owned(),
            false => v,
        })
        .collect()
}

#[tokio::test]
async fn every_administration_form_keeps_what_was_typed_when_refused_and_saves_when_corrected() {
    with_demo_server_on_each_backend(async |server| {
        let secretariat = server.secretariat().await;
        let rules = admin_page(&secretariat, server).await["rules"]
            .as_str()
            .unwrap()
            .to_owned();
        for (javascript, round) in [(false, "plain"), (true, "live")] {
            let browser = Browser::signed_in_with(server, SECRETARIAT, javascript).await;
            for filled in admin_forms(round, &rules) {
                let form = filled.form;
                browser.open(&server.url("/admin")).await;
                let wrong: Vec<(&str, &str)> =
                    filled.wrong.iter().map(|(k, v)| (*k, v.as_str())).collect();
                browser.type_form(form, &wrong).await;
                // A page written without JavaScript never holds a password.
                let typed = browser.form_values(form).await;
                let typed = if javascript {
                    typed
                } else {
                    without_passwords(typed)
                };
                browser
                    .click(&format!("{form} button[type='submit']"))
                    .await;
                let error = browser
                    .wait_for_text(&format!("{form} .field-error"), "")
                    .await;
                assert!(!error.is_empty(), "{form}: an error beside the field");
                let beside = browser
                    .text_of(&format!(
                        "{form} [name='{}'] ~ .field-error",
                        filled.refused_field
                    ))
                    .await;
                assert_eq!(beside, error, "{form}: the error stands beside its field");
                assert_eq!(browser.form_values(form).await, typed, "{form}: kept");
                if !javascript {
                    let notice = browser.text_of("main > p.form-answer").await;
                    assert!(notice.starts_with("Not saved"), "{form}: {notice}");
                    // The page opens at the error, not at its top far above the form.
                    let focused = browser.client.active_element().await.unwrap();
                    assert_eq!(focused.text().await.unwrap(), error, "{form}: in focus");
                }
                let corrected: Vec<(&str, &str)> = filled
                    .corrected
                    .iter()
                    .map(|(k, v)| (*k, v.as_str()))
                    .collect();
                browser.type_form(form, &corrected).await;
                browser
                    .click(&format!("{form} button[type='submit']"))
                    .await;
                browser.wait_for_text("main", &filled.done).await;
            }
            browser
                .screenshot(&format!("admin-forms-done-{javascript}"))
                .await;
            browser.close().await;
            assert_stored(&secretariat, server, round).await;
        }
    })
    .await;
}

/// A dataset file in a fresh directory, for the browser to upload.
fn dataset_file(name: &str, contents: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("quorum-upload-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

async fn upload(browser: &Browser, path: &std::path::Path) {
    let input = browser.wait_for("#import-file").await;
    input.send_keys(path.to_str().unwrap()).await.unwrap();
    browser.click("#import-form button[type='submit']").await;
}

async fn session_count(server: &TestServer) -> usize {
    let (_, sessions) = get_json(server, "/api/sessions").await;
    sessions.as_array().map_or(0, Vec::len)
}

#[tokio::test]
async fn a_dataset_is_imported_from_its_file_with_javascript_off_and_on() {
    if !tests::browser::available() {
        return;
    }
    let mut broken: Value = serde_json::from_str(tests::scenarios::DEMO).unwrap();
    for venue in broken["venues"].as_array_mut().unwrap() {
        if venue["id"] == "atlanta" {
            venue["time_zone"] = "America/Atlantis".into();
        }
    }
    let broken = dataset_file("broken.json", &broken.to_string());
    let demo = dataset_file("demo.json", tests::scenarios::DEMO);
    for javascript in [false, true] {
        tests::on_each_backend(&["--no-demo"], async |server| {
            server.secretariat().await;
            let browser = Browser::start(javascript).await;
            browser
                .sign_in(
                    &server.base_url,
                    "test.secretariat@quorum.example",
                    tests::TEST_PASSWORD,
                )
                .await;
            browser.open(&server.url("/admin")).await;
            upload(&browser, &broken).await;
            let status = browser
                .wait_for_text("#import-status", "Nothing was imported")
                .await;
            assert!(status.contains("America/Atlantis"), "{status}");
            if !javascript {
                let notice = browser.text_of("main > p.form-answer").await;
                assert!(notice.starts_with("Nothing was imported"), "{notice}");
                let focused = browser.client.active_element().await.unwrap();
                assert_eq!(
                    focused.attr("id").await.unwrap().as_deref(),
                    Some("import-status")
                );
            }
            browser
                .screenshot(&format!("import-refused-{javascript}"))
                .await;
            assert_eq!(session_count(server).await, 0, "all or nothing");

            upload(&browser, &demo).await;
            let status = browser.wait_for_text("#import-status", "Imported:").await;
            assert!(status.contains("22 sessions"), "{status}");
            assert_eq!(session_count(server).await, 22);
            browser.close().await;
        })
        .await;
    }
}
