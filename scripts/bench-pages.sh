#!/usr/bin/env bash
# Measures server-rendered pages over HTTP with wrk on this machine: the session page (the budget:
# p99 under 25 ms at 32 concurrent clients), the calendar month and the timeline, beside two
# references measured in the same run: the health check (the HTTP stack alone) and the
# stylesheet served from disk. Traffic stays on 127.0.0.1; each run lasts DURATION seconds
# (default 10). Builds the release server first.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${DURATION:-10}"
CONNECTIONS="${CONNECTIONS:-32}"
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)" >&2; exit 1; }
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
# The release server and its site (hashed file names: the server reads the site's hash.txt).
scripts/release-build.sh >/dev/null
BIN="$CARGO_TARGET_DIR/release/quorum"

work=$(mktemp -d)
cleanup() {
  [ -n "${quorum_pid:-}" ] && kill "$quorum_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
QUORUM_LOG=warn "$BIN" serve --addr 127.0.0.1:3472 --database-url "sqlite://$work/quorum.db?mode=rwc" \
  --site-root target/site-release >"$work/quorum.out" 2>"$work/quorum.err" &
quorum_pid=$!
for _ in $(seq 50); do curl -sf http://127.0.0.1:3472/healthz >/dev/null && break; sleep 0.2; done

source scripts/bench-lib.sh
base=http://127.0.0.1:3472
echo "session page: $(curl -sf $base/sessions/cosp-10 | wc -c) bytes; $CONNECTIONS connections, ${DURATION}s each, 2 wrk threads"
run "health check (reference)" "$base/healthz"
stylesheet=$(curl -sf "$base/" | grep -o '/pkg/quorum[^"]*\.css' | head -1)
run "stylesheet from disk (reference)" "$base$stylesheet"
run "session page /sessions/cosp-10" "$base/sessions/cosp-10"
run "calendar month (Dec 2023)" "$base/calendar?view=month&date=2023-12-11"
run "timeline 2022-2026" "$base/timeline"
grep -q . "$work/quorum.err" && { echo "server errors:"; cat "$work/quorum.err"; } || true
