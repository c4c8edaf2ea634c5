//! The deployment files README's "Running in production" tells people to install
//! (`docs/deploy/`): the systemd unit is well formed, the real binary accepts and serves with its
//! command line, every setting it and the environment file name is one the binary reads, and the
//! reverse proxy passes to the address the service listens on, under the name of its base URL.

use std::collections::BTreeSet;
use std::path::PathBuf;

use tests::{
    quorum_bin, quorum_command, site_root, workspace_root, Backend, TestDatabase, TestServer,
};

fn deploy_file(name: &str) -> (PathBuf, String) {
    let path = workspace_root().join("docs").join("deploy").join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    (path, text)
}

/// A unit file as systemd reads one: `[Section]` headers, `Key=Value` lines (a key may repeat,
/// as `Environment=` does), `#` and `;` comments, a trailing backslash continuing a line.
#[derive(Debug)]
struct UnitFile {
    sections: Vec<(String, Vec<(String, String)>)>,
}

impl UnitFile {
    fn parse(text: &str) -> Result<UnitFile, String> {
        let mut sections: Vec<(String, Vec<(String, String)>)> = Vec::new();
        let mut logical = String::new();
        for (number, raw) in text.lines().enumerate() {
            let line = raw.trim();
            if logical.is_empty()
                && (line.is_empty() || line.starts_with('#') || line.starts_with(';'))
            {
                continue;
            }
            if let Some(start) = line.strip_suffix('\\') {
                logical.push_str(start);
                logical.push(' ');
                continue;
            }
            logical.push_str(line);
            let entry = std::mem::take(&mut logical);
            let number = number + 1;
            if let Some(name) = entry.strip_prefix('[') {
                let name = name
                    .strip_suffix(']')
                    .ok_or_else(|| format!("line {number}: unclosed section header"))?;
                if sections.iter().any(|(seen, _)| seen == name) {
                    return Err(format!("line {number}: section [{name}] twice"));
                }
                sections.push((name.to_owned(), Vec::new()));
                continue;
            }
            let (key, value) = entry.split_once('=').ok_or_else(|| {
                format!("line {number}: neither a section nor Key=Value: {entry:?}")
            })?;
            let key = key.trim();
            if key.is_empty() || !key.chars().all(|c| c.is_ascii_alphanumeric()) {
                return Err(format!("line {number}: not a key: {key:?}"));
            }
            let (_, entries) = sections
                .last_mut()
                .ok_or_else(|| format!("line {number}: {key}= before any section"))?;
            entries.push((key.to_owned(), value.trim().to_owned()));
        }
        if !logical.is_empty() {
            return Err("the file ends inside a continued line".into());
        }
        Ok(UnitFile { sections })
    }

    fn names(&self) -> Vec<&str> {
        self.sections
            .iter()
            .map(|(name, _)| name.as_str())
            .collect()
    }

    fn all(&self, section: &str, key: &str) -> Vec<&str> {
        self.sections
            .iter()
            .filter(|(name, _)| name == section)
            .flat_map(|(_, entries)| entries)
            .filter(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// The one value of a key that must appear exactly once.
    fn one(&self, section: &str, key: &str) -> &str {
        match self.all(section, key)[..] {
            [value] => value,
            ref values => panic!("[{section}] {key}= must appear once, found {values:?}"),
        }
    }
}

fn unit() -> UnitFile {
    let (path, text) = deploy_file("quorum.service");
    UnitFile::parse(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// ExecStart split into words (the unit quotes nothing), and the value after each `--flag`.
struct CommandLine(Vec<String>);

impl CommandLine {
    fn of_unit(unit: &UnitFile) -> CommandLine {
        CommandLine(
            unit.one("Service", "ExecStart")
                .split_whitespace()
                .map(str::to_owned)
                .collect(),
        )
    }

    fn value(&self, flag: &str) -> Option<&str> {
        let at = self.0.iter().position(|word| word == flag)?;
        Some(
            self.0
                .get(at + 1)
                .unwrap_or_else(|| panic!("{flag} without a value")),
        )
    }

    /// The arguments after the program, with the values of some flags replaced.
    fn args_with(&self, replaced: &[(&str, &str)]) -> Vec<String> {
        let mut args = Vec::new();
        let mut words = self.0[1..].iter();
        while let Some(word) = words.next() {
            args.push(word.clone());
            if let Some((_, value)) = replaced.iter().find(|(flag, _)| flag == word) {
                words.next();
                args.push((*value).to_owned());
            }
        }
        args
    }
}

/// The environment variables `quorum serve` reads, from its own help (`[env: NAME=]`).
fn variables_the_binary_reads() -> BTreeSet<String> {
    let output = quorum_command().args(["serve", "--help"]).output().unwrap();
    assert!(output.status.success());
    let help = String::from_utf8(output.stdout).unwrap();
    let names: BTreeSet<String> = help
        .split("[env: ")
        .skip(1)
        .filter_map(|rest| rest.split_once('=').map(|(name, _)| name.to_owned()))
        .collect();
    assert!(
        names.contains("DATABASE_URL"),
        "help lists no variables: {help}"
    );
    names
}

/// `NAME=value` pairs of the environment file and of the unit's `Environment=` lines.
fn environment_of(unit: &UnitFile) -> Vec<(String, String)> {
    let (_, env_file) = deploy_file("quorum.env");
    let mut pairs: Vec<(String, String)> = env_file
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|line| {
            let (name, value) = line
                .split_once('=')
                .unwrap_or_else(|| panic!("quorum.env: not NAME=value: {line:?}"));
            (name.to_owned(), value.to_owned())
        })
        .collect();
    for assignment in unit.all("Service", "Environment") {
        for pair in assignment.split_whitespace() {
            let (name, value) = pair
                .split_once('=')
                .unwrap_or_else(|| panic!("Environment=: not NAME=value: {pair:?}"));
            pairs.push((name.to_owned(), value.to_owned()));
        }
    }
    pairs
}

#[test]
fn the_systemd_unit_is_well_formed() {
    let unit = unit();
    assert_eq!(unit.names(), ["Unit", "Service", "Install"]);
    // Keys of each section that the unit may use; a typo would be ignored by systemd, silently.
    let known: [(&str, &[&str]); 3] = [
        (
            "Unit",
            &[
                "Description",
                "Documentation",
                "Wants",
                "Requires",
                "After",
                "Before",
            ],
        ),
        (
            "Service",
            &[
                "Type",
                "User",
                "Group",
                "EnvironmentFile",
                "Environment",
                "WorkingDirectory",
                "StateDirectory",
                "ExecStart",
                "TimeoutStopSec",
                "Restart",
                "RestartSec",
                "LimitNOFILE",
                "NoNewPrivileges",
                "CapabilityBoundingSet",
                "ProtectSystem",
                "ProtectHome",
                "PrivateTmp",
                "PrivateDevices",
                "ProtectKernelTunables",
                "ProtectKernelModules",
                "ProtectControlGroups",
                "RestrictAddressFamilies",
                "RestrictNamespaces",
                "RestrictRealtime",
                "LockPersonality",
                "MemoryDenyWriteExecute",
                "SystemCallArchitectures",
            ],
        ),
        ("Install", &["WantedBy"]),
    ];
    for (section, entries) in &unit.sections {
        let allowed = known.iter().find(|(name, _)| name == section).unwrap().1;
        for (key, _) in entries {
            assert!(
                allowed.contains(&key.as_str()),
                "[{section}] {key}= is not a key this unit should use"
            );
        }
    }
    assert_eq!(unit.one("Install", "WantedBy"), "multi-user.target");
    assert_eq!(unit.one("Service", "Restart"), "on-failure");
    // The SQLite default, data/quorum.db, is relative: it must land in the state directory.
    assert_eq!(
        unit.one("Service", "WorkingDirectory"),
        format!("/var/lib/{}", unit.one("Service", "StateDirectory"))
    );
    assert_ne!(unit.one("Service", "User"), "root");
    let command = CommandLine::of_unit(&unit);
    assert!(
        command.0[0].starts_with('/') && command.0[0].ends_with("/quorum"),
        "ExecStart runs {}",
        command.0[0]
    );
    assert_eq!(command.0[1], "serve");
    // Production listens where only the proxy reaches it, and never loads the demo accounts.
    assert!(command.value("--addr").unwrap().starts_with("127.0.0.1:"));
    assert!(command.0.iter().any(|word| word == "--no-demo"));
    assert!(command.value("--base-url").unwrap().starts_with("https://"));

    systemd_verify(&["quorum.service"]);
}

/// Where systemd's own checker is installed, it reads the units too (with the program path
/// pointing at the built binary, which it requires to exist): a key it does not know, a bad
/// value or a missing unit is a failure.
fn systemd_verify(names: &[&str]) {
    let analyze = PathBuf::from("/usr/bin/systemd-analyze");
    if !analyze.exists() {
        eprintln!("systemd-analyze missing: {names:?} checked by this test's parser alone");
        return;
    }
    let program = CommandLine::of_unit(&unit()).0[0].clone();
    let dir = tempfile::tempdir().unwrap();
    let mut copies = Vec::new();
    for name in names {
        let (_, text) = deploy_file(name);
        let copy = dir.path().join(name);
        std::fs::write(
            &copy,
            text.replace(&program, &quorum_bin().display().to_string()),
        )
        .unwrap();
        copies.push(copy);
    }
    let output = std::process::Command::new(analyze)
        .arg("verify")
        .args(&copies)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    let about_these: Vec<&str> = stderr
        .lines()
        .filter(|line| names.iter().any(|name| line.contains(name)))
        .collect();
    assert!(
        output.status.success() && about_these.is_empty(),
        "systemd-analyze verify: {stderr}"
    );
}

#[tokio::test]
async fn the_nightly_backup_writes_a_file_that_restores_and_drops_old_ones() {
    let service = unit();
    let (path, text) = deploy_file("quorum-backup.service");
    let backup = UnitFile::parse(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(backup.names(), ["Unit", "Service"]);
    assert_eq!(backup.one("Service", "Type"), "oneshot");
    // The same account, settings and directory as the service, so the same database.
    for key in ["User", "Group", "EnvironmentFile", "WorkingDirectory"] {
        assert_eq!(
            backup.one("Service", key),
            service.one("Service", key),
            "{key}="
        );
    }
    let (path, text) = deploy_file("quorum-backup.timer");
    let timer = UnitFile::parse(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(timer.names(), ["Unit", "Timer", "Install"]);
    assert!(!timer.one("Timer", "OnCalendar").is_empty());
    assert_eq!(timer.one("Timer", "Persistent"), "true");
    assert_eq!(timer.one("Install", "WantedBy"), "timers.target");
    systemd_verify(&["quorum-backup.service", "quorum-backup.timer"]);

    // Run the two commands as systemd would (`%%` is its escape for `%`), with this machine's
    // binary and database, in a scratch state directory, while a server is serving.
    let db = TestDatabase::new(Backend::Sqlite).await;
    let server = TestServer::start(&db).await;
    let state = tempfile::tempdir().unwrap();
    let workdir = service.one("Service", "WorkingDirectory");
    let program = CommandLine::of_unit(&service).0[0].clone();
    let here = |command: &str| {
        command
            .replace(&program, &quorum_bin().display().to_string())
            .replace(workdir, &state.path().display().to_string())
            .replace("%%", "%")
    };
    let backups = state.path().join("backups");
    std::fs::create_dir(&backups).unwrap();
    let old = backups.join("quorum-2020-01-01.json");
    std::fs::write(&old, "{}").unwrap();
    assert!(std::process::Command::new("touch")
        .args(["-d", "2020-01-01"])
        .arg(&old)
        .status()
        .unwrap()
        .success());

    let start = here(backup.one("Service", "ExecStart"));
    let script = start
        .strip_prefix("/bin/sh -c '")
        .and_then(|rest| rest.strip_suffix('\''))
        .expect("ExecStart=/bin/sh -c '…'");
    let output = std::process::Command::new("/bin/sh")
        .args(["-c", script])
        .current_dir(state.path())
        .env("DATABASE_URL", &db.url)
        .env("QUORUM_LOG", "warn")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "backup: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let post = here(backup.one("Service", "ExecStartPost"));
    let words: Vec<&str> = post.split_whitespace().collect();
    assert!(std::process::Command::new(words[0])
        .args(&words[1..])
        .status()
        .unwrap()
        .success());
    drop(server);

    let left: Vec<PathBuf> = std::fs::read_dir(&backups)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(left.len(), 1, "the new backup alone is left: {left:?}");
    assert_ne!(left[0], old);
    let fresh = TestDatabase::new(Backend::Sqlite).await;
    let restored = quorum_command()
        .args(["restore"])
        .arg(&left[0])
        .args(["--database-url", &fresh.url])
        .output()
        .unwrap();
    assert!(
        restored.status.success(),
        "restore: {}",
        String::from_utf8_lossy(&restored.stderr)
    );
}

#[test]
fn every_setting_of_the_unit_and_its_environment_file_is_one_the_binary_reads() {
    let unit = unit();
    let known = variables_the_binary_reads();
    let pairs = environment_of(&unit);
    assert!(
        pairs.iter().any(|(name, _)| name == "DATABASE_URL"),
        "quorum.env shows the PostgreSQL URL"
    );
    for (name, _) in &pairs {
        assert!(
            known.contains(name),
            "{name} is not read by `quorum serve` (it reads {known:?})"
        );
    }
    let output = quorum_command().args(["serve", "--help"]).output().unwrap();
    let help = String::from_utf8(output.stdout).unwrap();
    for word in CommandLine::of_unit(&unit)
        .0
        .iter()
        .filter(|w| w.starts_with("--"))
    {
        assert!(
            help.split_whitespace().any(|w| w == word),
            "`quorum serve` has no flag {word}"
        );
    }
    // The environment file's database is PostgreSQL, as README advises for production.
    let url = &pairs
        .iter()
        .find(|(name, _)| name == "DATABASE_URL")
        .unwrap()
        .1;
    assert!(url.starts_with("postgres://"), "{url}");
}

#[tokio::test]
async fn the_real_binary_serves_with_the_units_command_line() {
    let unit = unit();
    let command_line = CommandLine::of_unit(&unit);
    let db = TestDatabase::new(Backend::Sqlite).await;
    let site = site_root().display().to_string();
    // Only where it listens, its database and its files are this machine's; every other flag
    // and setting is the unit's own.
    let mut command = quorum_command();
    // Its logs stay at the tests' level.
    for (name, value) in environment_of(&unit)
        .into_iter()
        .filter(|(name, _)| name != "QUORUM_LOG")
    {
        command.env(name, value);
    }
    command
        .args(command_line.args_with(&[("--addr", "127.0.0.1:0"), ("--site-root", &site)]))
        .args(["--database-url", &db.url]);
    let server = TestServer::spawn(command).await;

    let health = tests::http()
        .get(server.url("/healthz"))
        .send()
        .await
        .unwrap();
    assert_eq!(health.status(), 200);
    let page = tests::http()
        .get(server.url("/calendar"))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    // An https base URL: browsers are told to keep to https.
    assert!(page.headers().contains_key("strict-transport-security"));
    let wasm = tests::http()
        .get(server.url("/pkg/quorum.wasm"))
        .send()
        .await
        .unwrap();
    assert_eq!(wasm.status(), 200);
    // --no-demo: the database stays empty.
    let bodies: serde_json::Value = tests::http()
        .get(server.url("/api/bodies"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(bodies, serde_json::json!([]));
}

#[test]
fn the_reverse_proxy_passes_to_the_service_under_the_name_of_its_base_url() {
    let command = CommandLine::of_unit(&unit());
    let (_, nginx) = deploy_file("nginx.conf");
    let directives: Vec<Vec<&str>> = nginx
        .lines()
        .map(|line| line.split('#').next().unwrap().trim())
        .filter(|line| line.ends_with(';'))
        .map(|line| line.trim_end_matches(';').split_whitespace().collect())
        .collect();
    let values = |name: &str| -> Vec<Vec<&str>> {
        directives
            .iter()
            .filter(|d| d[0] == name)
            .map(|d| d[1..].to_vec())
            .collect()
    };
    let addr = command.value("--addr").unwrap();
    assert_eq!(
        values("proxy_pass"),
        [vec![format!("http://{addr}").as_str()]]
    );
    let host = url::Url::parse(command.value("--base-url").unwrap())
        .unwrap()
        .host_str()
        .unwrap()
        .to_owned();
    let names = values("server_name");
    assert!(
        !names.is_empty() && names.iter().all(|n| n == &vec![host.as_str()]),
        "server_name {names:?}, base URL host {host}"
    );
    assert!(
        values("listen")
            .iter()
            .any(|l| l.contains(&"443") && l.contains(&"ssl")),
        "TLS on 443"
    );
    assert_eq!(values("ssl_certificate").len(), 1);
    assert_eq!(values("ssl_certificate_key").len(), 1);
    // The proxy keeps the client's Host, which Quorum's links use where no base URL is set.
    assert!(values("proxy_set_header").contains(&vec!["Host", "$host"]));
    // Imports may be 64 MiB; a smaller proxy limit would refuse them before Quorum sees them.
    assert_eq!(values("client_max_body_size"), [vec!["64m"]]);
}
