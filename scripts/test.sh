#!/usr/bin/env bash
# Runs the tests of Quorum. Integration and browser tests start the real `quorum` binary on
# random ports against fresh databases — SQLite always, PostgreSQL too when TEST_DATABASE_URL is
# set (e.g. postgres://root@127.0.0.1:5432/test); each test gets its own database.
#
#   scripts/test.sh                     every part below, in this order (what CI runs)
#   scripts/test.sh lint                cargo fmt --check, clippy -D warnings (server and browser
#                                       builds), and the layer rule
#   scripts/test.sh unit [filter]       unit tests of app (server side included), server, migrations
#   scripts/test.sh integration [filter]  HTTP tests (tests/tests/integration), e.g. `nominations::`
#   scripts/test.sh browser [filter]    headless chromium (tests/tests/browser), e.g. `journeys::`
#   scripts/test.sh release             the production site (scripts/release-build.sh --site-only:
#                                       the optimised bundle and stylesheet) and browser journeys
#                                       against it — hydration and a server function — so that a
#                                       bundle the optimiser broke fails the run. The server stays
#                                       the debug build, to keep the run short; both builds compile
#                                       Leptos alike (.cargo/config.toml).
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
part="${1:-all}"
filter=("${@:2}")
case "$part" in
  all | lint | unit | integration | browser | release) ;;
  --release) part=all ;; # the earlier spelling of a full run
  *) echo "usage: scripts/test.sh [lint|unit|integration|browser|release] [filter]" >&2; exit 2 ;;
esac
scripts/setup.sh --test
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
target="${CARGO_TARGET_DIR:-$PWD/target}"

log=$(mktemp)
trap 'rm -f "$log"' EXIT
wants() { [ "$part" = all ] || [ "$part" = "$1" ]; }

if wants lint; then
  echo "== lint: format, clippy, layers =="
  cargo fmt --all --check
  cargo clippy --workspace --all-targets -- -D warnings
  cargo clippy -p app --lib --no-default-features --features hydrate --target wasm32-unknown-unknown -- -D warnings
  cargo test -p app --test layers 2>&1 | tee -a "$log"
fi

if wants unit; then
  echo "== unit tests =="
  cargo test -p app -p server -p migration --features app/ssr -- "${filter[@]}" 2>&1 | tee -a "$log"
fi

if wants integration || wants browser || wants release; then
  echo "== build: server (ssr) and browser bundle (hydrate only) =="
  cargo leptos build
  export QUORUM_BIN="$target/debug/quorum"
  export LEPTOS_SITE_ROOT="$PWD/target/site"
fi

if wants integration; then
  echo "== integration tests =="
  cargo test -p tests --lib --test integration -- "${filter[@]}" 2>&1 | tee -a "$log"
fi

if wants browser; then
  echo "== browser tests =="
  cargo test -p tests --test browser -- "${filter[@]}" 2>&1 | tee -a "$log"
fi

if wants release; then
  echo "== the production build, and browser journeys against it =="
  scripts/release-build.sh --site-only
  journeys=(hydration::the_bodies_page_hydrates_and_filters_as_you_type
            hydration::a_focal_point_signs_in_and_rotates_their_private_feed_from_the_account_page)
  LEPTOS_SITE_ROOT="$PWD/target/site-release" \
    cargo test -p tests --test browser -- --exact "${journeys[@]}" 2>&1 | tee -a "$log"
  # A renamed journey would otherwise be filtered out silently.
  grep '^test result:' "$log" | tail -1 | grep -q " ${#journeys[@]} passed" ||
    { echo "the release journeys did not all run: ${journeys[*]}" >&2; exit 1; }
fi

# One closing line over every test binary.
read -r passed failed < <(awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed;/) p += $i; if ($(i+1) ~ /^failed;/) f += $i } } END { print p + 0, f + 0 }' "$log")
echo "== $part: tests passed in $(( $(date +%s) - started )) s =="
echo "Summary: $passed passed, $failed failed"
