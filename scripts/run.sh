#!/usr/bin/env bash
# Builds Quorum and serves it with the demo data at http://127.0.0.1:3000 (SQLite,
# ./data/quorum.db, created on first start). Extra arguments go to `quorum serve`,
# e.g. `scripts/run.sh --addr 0.0.0.0:8080`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
cargo leptos build
export LEPTOS_SITE_ROOT="${LEPTOS_SITE_ROOT:-target/site}"
exec "${CARGO_TARGET_DIR:-target}/debug/quorum" serve "$@"
