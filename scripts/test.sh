#!/usr/bin/env bash
# Runs every test of Quorum: unit tests of each crate, then the integration and browser tests
# of tests/, which start the real `quorum` binary on random ports against fresh databases —
# SQLite always, PostgreSQL too when TEST_DATABASE_URL is set (e.g.
# postgres://root@127.0.0.1:5432/test); each test gets its own database.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
scripts/setup.sh --test
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

echo "== build: server (ssr) and browser bundle (hydrate only) =="
cargo leptos build

log=$(mktemp)
trap 'rm -f "$log"' EXIT

echo "== unit tests =="
cargo test -p app -p server -p migration 2>&1 | tee -a "$log"

echo "== integration and browser tests =="
export QUORUM_BIN="${CARGO_TARGET_DIR:-$PWD/target}/debug/quorum"
export LEPTOS_SITE_ROOT="$PWD/target/site"
cargo test -p tests 2>&1 | tee -a "$log"

# One closing line over every test binary.
read -r passed failed < <(awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed;/) p += $i; if ($(i+1) ~ /^failed;/) f += $i } } END { print p + 0, f + 0 }' "$log")
echo "== all tests passed in $(( $(date +%s) - started )) s =="
echo "Summary: $passed passed, $failed failed"
