#!/usr/bin/env bash
# Builds Quorum and serves it with the demo data at http://127.0.0.1:3000 (SQLite,
# ./data/quorum.db, created on first start). Extra arguments go to `quorum serve`,
# e.g. `scripts/run.sh --addr 0.0.0.0:8080`.
#
#   --release   (first) builds and serves the production build instead of the debug one:
#               scripts/release-build.sh, site target/site-release.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
target="${CARGO_TARGET_DIR:-target}"
if [ "${1:-}" = "--release" ]; then
  shift
  scripts/release-build.sh
  export LEPTOS_SITE_ROOT="${LEPTOS_SITE_ROOT:-target/site-release}"
  exec "$target/release/quorum" serve "$@"
fi
scripts/setup.sh
cargo leptos build
export LEPTOS_SITE_ROOT="${LEPTOS_SITE_ROOT:-target/site}"
exec "$target/debug/quorum" serve "$@"
