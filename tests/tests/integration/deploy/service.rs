//! The service's unit (`quorum.service`) and its environment file (`quorum.env`): well formed,
//! running the binary as production wants it, naming only settings the binary reads, and a
//! command line the real binary serves with.

use tests::scenarios::{bodies_listed, get};
use tests::{quorum_command, site_root, Backend, TestDatabase, TestServer};

use super::{
    environment_of, serve_help, systemd_verify, unit, variables_the_binary_reads, CommandLine,
};

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
    systemd_verify(&["quorum.service"]);
}

#[test]
fn the_unit_serves_on_loopback_behind_https_without_the_demo() {
    let command = CommandLine::of_unit(&unit());
    let program = command.program();
    assert!(
        program.starts_with('/') && program.ends_with("/quorum"),
        "ExecStart runs {program}"
    );
    assert_eq!(command.0[1], "serve");
    // Production listens where only the proxy reaches it, and never loads the demo accounts.
    assert!(command.value("--addr").unwrap().starts_with("127.0.0.1:"));
    assert!(command.0.iter().any(|word| word == "--no-demo"));
    assert!(command.value("--base-url").unwrap().starts_with("https://"));
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
    let help = serve_help();
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

    assert_eq!(get(&server, "/healthz").await.status(), 200);
    let page = get(&server, "/calendar").await;
    assert_eq!(page.status(), 200);
    // An https base URL: browsers are told to keep to https.
    assert!(page.headers().contains_key("strict-transport-security"));
    assert_eq!(get(&server, "/pkg/quorum.wasm").await.status(), 200);
    // --no-demo: the database stays empty.
    assert!(bodies_listed(&server).await.is_empty());
}
