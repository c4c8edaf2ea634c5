#!/usr/bin/env bash
# Builds the browser bundle as a release does (scripts/release-build.sh --site-only: profile
# wasm-release, wasm-bindgen, wasm-opt -Oz from binaryen 132 pinned from npm) and prints its
# size before and after wasm-opt, gzipped and brotli-compressed, for BENCHMARKS.md. The site
# lands in target/site-release.
#
#   --check   also runs the browser tests against the release site, proving it hydrates.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/release-build.sh --site-only
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
site=target/site-release
# The bundle is named by its content hash, which the site's hash.txt gives.
wasm="$site/pkg/quorum.$(sed -n 's/^wasm: *//p' "$site/hash.txt").wasm"
size=$(stat -c %s "$wasm")
echo "release bundle (wasm-opt -Oz): $size bytes ($(awk "BEGIN{printf \"%.2f\", $size/1048576}") MiB)," \
  "gzipped $(stat -c %s "$wasm.gz"), brotli $(stat -c %s "$wasm.br")"
if [ "${1:-}" = "--check" ]; then
  LEPTOS_SITE_ROOT="$PWD/$site" cargo test -p tests --test browser
fi
