#!/usr/bin/env bash
# Load test: 1,000 calendar clients polling every feed with conditional requests, while 20
# planners each save a meeting change about once a second, for DURATION seconds (default 60), on
# SQLite and on PostgreSQL. Prints throughput, p50/p99 latency, errors and the server's peak
# memory for each. Traffic stays on 127.0.0.1; each run is bounded in time.
#
# Usage: scripts/load-test.sh [sqlite|postgres|both]   (default both)
# Needs wrk (apt-get install wrk) and, for PostgreSQL, LOAD_DATABASE_URL or TEST_DATABASE_URL
# naming a server where a scratch database may be created (default postgres://root@127.0.0.1:5432/test).
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${DURATION:-60}"
SUBSCRIBERS="${SUBSCRIBERS:-1000}"
PLANNERS="${PLANNERS:-20}"
WHICH="${1:-both}"
ADMIN_URL="${LOAD_DATABASE_URL:-${TEST_DATABASE_URL:-postgres://root@127.0.0.1:5432/test}}"
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)" >&2; exit 1; }
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
scripts/release-build.sh >/dev/null  # the server and its site (hashed names, hash.txt)
BIN="$CARGO_TARGET_DIR/release/quorum"
# A thousand connections need a thousand descriptors, and some to spare.
ulimit -n 8192

work=$(mktemp -d)
cleanup() {
  [ -n "${quorum_pid:-}" ] && kill "$quorum_pid" 2>/dev/null || true
  [ -n "${scratch_db:-}" ] && psql "$ADMIN_URL" -qc "DROP DATABASE IF EXISTS $scratch_db WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

port=3473
base="http://127.0.0.1:$port"

# Feeds to poll: every body, session and venue, everything, deadlines; with each feed's calendar
# name (to match answers to feeds) and its ETag now.
prepare_feeds() {
  python3 - "$base" >"$work/feeds.tsv" <<'PY'
import json, sys, urllib.request
base = sys.argv[1]
get = lambda path: urllib.request.urlopen(base + path)
paths = ["/feeds/all.ics", "/feeds/deadlines.ics"]
paths += ["/feeds/bodies/%s.ics" % b["code"] for b in json.load(get("/api/bodies"))]
paths += ["/feeds/sessions/%s.ics" % s["id"] for s in json.load(get("/api/sessions"))]
paths += ["/feeds/venues/%s.ics" % v["id"] for v in json.load(get("/api/venues"))]
for path in paths:
    answer = get(path)
    body = answer.read().decode()
    name = next(l for l in body.split("\r\n") if l.startswith("X-WR-CALNAME:"))[len("X-WR-CALNAME:"):]
    print("%s\t%s\t%s" % (path, name, answer.headers["ETag"]))
PY
}

# Meetings the planners edit: up to PLANNERS meetings that save unchanged (the planners take
# them in turn), each written with its title as a placeholder; and a signed-in session.
prepare_planners() {
  local database_url=$1
  QUORUM_NEW_PASSWORD="load-test-planner-password" QUORUM_LOG=warn "$BIN" user add \
    --email load.planner@quorum.example --name "Load planner" --role secretariat \
    --database-url "$database_url" >/dev/null
  curl -sf -D "$work/login.headers" -o "$work/login.json" -H 'content-type: application/json' \
    -d '{"email":"load.planner@quorum.example","password":"load-test-planner-password"}' "$base/api/login"
  export COOKIE CSRF
  COOKIE=$(tr -d '\r' <"$work/login.headers" | sed -n 's/^set-cookie: \([^;]*\).*/\1/Ip')
  CSRF=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["csrf"])' "$work/login.json")
  mkdir -p "$work/meetings"
  python3 - "$base" "$work/meetings" "$PLANNERS" <<'PY'
import json, os, sys, urllib.request
base, folder, wanted = sys.argv[1], sys.argv[2], int(sys.argv[3])
headers = {"content-type": "application/json", "cookie": os.environ["COOKIE"], "x-csrf-token": os.environ["CSRF"]}
written = 0
for meeting in json.load(urllib.request.urlopen(base + "/api/meetings")):
    if written == wanted:
        break
    request = urllib.request.Request("%s/api/meetings/%s" % (base, meeting["id"]), data=json.dumps(meeting).encode(), headers=headers, method="PUT")
    try:
        urllib.request.urlopen(request)
    except urllib.error.HTTPError:
        continue  # a meeting that does not save as it is (a blocking conflict) is left alone
    meeting["title"] = "@@TITLE@@"
    written += 1
    with open("%s/meeting-%d.json" % (folder, written), "w") as out:
        out.write(meeting["id"] + "\n" + json.dumps(meeting))
if written == 0:
    sys.exit("no meeting saves as it is")
PY
}

figures() { # label wrk-output
  local out=$2
  local requests rps p50 p99 errors statuses
  requests=$(echo "$out" | sed -n 's/^ *\([0-9]*\) requests in.*/\1/p')
  rps=$(echo "$out" | sed -n 's/^Requests\/sec: *//p')
  p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  errors=$(echo "$out" | sed -n 's/.*Non-2xx or 3xx responses: *//p')
  socket=$(echo "$out" | sed -n 's/.*Socket errors: *//p')
  statuses=$(echo "$out" | sed -n 's/^statuses: //p')
  printf '  %-30s %9s requests %9s req/s   p50 %-9s p99 %-9s errors: %s%s   (%s)\n' \
    "$1" "$requests" "$rps" "$p50" "$p99" "${errors:-0}" "${socket:+, socket $socket}" "$statuses"
}

run_backend() { # name database-url
  local name=$1 database_url=$2
  QUORUM_LOG=warn "$BIN" serve --addr "127.0.0.1:$port" --database-url "$database_url" \
    --base-url https://quorum.example --site-root target/site-release >"$work/quorum.out" 2>"$work/quorum.err" &
  quorum_pid=$!
  for _ in $(seq 100); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.2; done
  prepare_feeds
  prepare_planners "$database_url"
  local feeds
  feeds=$(wc -l <"$work/feeds.tsv")
  echo "$name: $SUBSCRIBERS subscribers polling $feeds feeds with If-None-Match, $PLANNERS planners saving about once a second each, ${DURATION}s"
  FEEDS="$work/feeds.tsv" wrk -t2 -c"$SUBSCRIBERS" -d"${DURATION}s" --timeout 10s --latency \
    -s scripts/load/subscribers.lua "$base" >"$work/subscribers.txt" 2>&1 &
  local subscribers_pid=$!
  MEETINGS="$work/meetings" wrk -t1 -c"$PLANNERS" -d"${DURATION}s" --timeout 10s --latency \
    -s scripts/load/planners.lua "$base" >"$work/planners.txt" 2>&1 &
  local planners_pid=$!
  wait "$subscribers_pid" "$planners_pid"
  figures "feed subscribers" "$(cat "$work/subscribers.txt")"
  figures "planners (PUT /api/meetings)" "$(cat "$work/planners.txt")"
  local peak
  peak=$(awk '/VmHWM/ {print $2, $3}' "/proc/$quorum_pid/status")
  echo "  server peak memory (VmHWM): $peak"
  kill "$quorum_pid"
  wait "$quorum_pid" 2>/dev/null || true
  quorum_pid=
  if grep -q . "$work/quorum.err"; then
    echo "  server log (warnings and errors), first lines of $(wc -l <"$work/quorum.err"):"
    head -5 "$work/quorum.err" | sed 's/^/    /'
  fi
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(sed -n 's/^model name\t: //p' /proc/cpuinfo | head -1)"
if [ "$WHICH" = sqlite ] || [ "$WHICH" = both ]; then
  run_backend SQLite "sqlite://$work/quorum.db?mode=rwc"
fi
if [ "$WHICH" = postgres ] || [ "$WHICH" = both ]; then
  scratch_db="quorum_load_$$"
  psql "$ADMIN_URL" -qc "CREATE DATABASE $scratch_db" >/dev/null
  run_backend PostgreSQL "${ADMIN_URL%/*}/$scratch_db"
fi
