#!/usr/bin/env bash
# Measures feed responses over HTTP on this machine, side by side with nginx serving the same
# bytes as a static file: full responses and 304s, with wrk (Debian packages nginx and wrk).
# Traffic stays on 127.0.0.1; each run is bounded (DURATION seconds, default 10).
# Usage: scripts/bench-feeds.sh   (builds the release server first; STALENESS_MS=0 makes
# every request read the data version from the database)
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${DURATION:-10}"
CONNECTIONS="${CONNECTIONS:-32}"
command -v wrk >/dev/null && command -v nginx >/dev/null || { echo "needs wrk and nginx (apt-get install wrk nginx-light)" >&2; exit 1; }
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
scripts/release-build.sh >/dev/null
BIN="$CARGO_TARGET_DIR/release/quorum"

work=$(mktemp -d)
cleanup() {
  [ -n "${quorum_pid:-}" ] && kill "$quorum_pid" 2>/dev/null || true
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

QUORUM_LOG=warn "$BIN" serve ${STALENESS_MS:+--feed-staleness-ms "$STALENESS_MS"} --addr 127.0.0.1:3470 --database-url "sqlite://$work/quorum.db?mode=rwc" \
  --base-url https://quorum.example --site-root target/site-release >"$work/quorum.out" 2>"$work/quorum.err" &
quorum_pid=$!
for _ in $(seq 50); do curl -sf http://127.0.0.1:3470/healthz >/dev/null && break; sleep 0.2; done

mkdir -p "$work/www"
chmod 755 "$work"  # nginx workers read the file as an unprivileged user
curl -sf http://127.0.0.1:3470/feeds/all.ics -o "$work/www/all.ics"
chmod 644 "$work/www/all.ics"
etag=$(curl -sfI http://127.0.0.1:3470/feeds/all.ics | tr -d '\r' | sed -n 's/^etag: //Ip')
cat >"$work/nginx.conf" <<CONF
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  types { text/calendar ics; }
  server {
    listen 127.0.0.1:3471;
    root $work/www;
    etag on;
  }
}
CONF
nginx -c "$work/nginx.conf"
sleep 0.5
nginx_etag=$(curl -sfI http://127.0.0.1:3471/all.ics | tr -d '\r' | sed -n 's/^etag: //Ip')

source scripts/bench-lib.sh

echo "feed: $(wc -c <"$work/www/all.ics") bytes; $CONNECTIONS connections, ${DURATION}s each, 2 wrk threads"
run "quorum /feeds/all.ics (200)" http://127.0.0.1:3470/feeds/all.ics
run "nginx static all.ics (200)" http://127.0.0.1:3471/all.ics
run "quorum /feeds/all.ics (304)" http://127.0.0.1:3470/feeds/all.ics "If-None-Match: $etag"
run "nginx static all.ics (304)" http://127.0.0.1:3471/all.ics "If-None-Match: $nginx_etag"
