//! The deployment files README's "Running in production" tells people to install
//! (`docs/deploy/`): the systemd unit and the backup timer are well formed, the real binary
//! accepts and serves with the unit's command line, every setting they and the environment file
//! name is one the binary reads, and the reverse proxy passes to the address the service listens
//! on, under the name of its base URL. One file per installed piece.

mod backup;
mod proxy;
mod service;
mod unit_file;

use std::collections::BTreeSet;
use std::path::PathBuf;

use tests::{quorum_bin, quorum_command, workspace_root};
use unit_file::UnitFile;

fn deploy_file(name: &str) -> (PathBuf, String) {
    let path = workspace_root().join("docs").join("deploy").join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    (path, text)
}

/// A unit file of `docs/deploy/`, parsed.
fn unit_named(name: &str) -> UnitFile {
    let (path, text) = deploy_file(name);
    UnitFile::parse(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The service's unit, `quorum.service`.
fn unit() -> UnitFile {
    unit_named("quorum.service")
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

    /// The program ExecStart runs.
    fn program(&self) -> &str {
        &self.0[0]
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

/// The text of `quorum serve --help`.
fn serve_help() -> String {
    let output = quorum_command().args(["serve", "--help"]).output().unwrap();
    assert!(output.status.success());
    String::from_utf8(output.stdout).unwrap()
}

/// The environment variables `quorum serve` reads, from its own help (`[env: NAME=]`).
fn variables_the_binary_reads() -> BTreeSet<String> {
    let help = serve_help();
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

/// A command of a unit as it runs on this machine: the unit's program replaced by the built
/// binary.
fn with_this_binary(command: &str) -> String {
    let program = CommandLine::of_unit(&unit()).program().to_owned();
    command.replace(&program, &quorum_bin().display().to_string())
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
    let dir = tempfile::tempdir().unwrap();
    let mut copies = Vec::new();
    for name in names {
        let (_, text) = deploy_file(name);
        let copy = dir.path().join(name);
        std::fs::write(&copy, with_this_binary(&text)).unwrap();
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
