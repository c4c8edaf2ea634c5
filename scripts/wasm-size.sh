#!/usr/bin/env bash
# Builds the browser bundle as a release would (profile wasm-release: opt-level z, LTO, one
# codegen unit), shrinks it with wasm-opt -Oz and prints its size before compression and
# gzipped. The site lands in target/site-release (CSS from the debug site).
#
# wasm-opt comes from binaryen 132 on the npm registry: Debian's binaryen (wasm-opt 108) breaks
# the externref table wasm-bindgen emits for this toolchain, and the optimised bundle then fails
# to hydrate ("WebAssembly.Table.set(): Argument 1 is invalid").
#
#   --check   also runs the browser tests against the release site, proving it hydrates.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
BINARYEN_VERSION=132.0.0
tools=tools/binaryen
if [ ! -x "$tools/node_modules/.bin/wasm-opt" ]; then
  mkdir -p "$tools"
  (cd "$tools" && npm install --no-audit --no-fund --no-package-lock --silent "binaryen@$BINARYEN_VERSION")
fi
target="${CARGO_TARGET_DIR:-target}"
cargo build -p app --lib --target wasm32-unknown-unknown --profile wasm-release --no-default-features --features hydrate
site=target/site-release
out=$site/pkg
mkdir -p "$out"
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name quorum \
  "$target/wasm32-unknown-unknown/wasm-release/app.wasm"
raw=$(stat -c %s "$out/quorum_bg.wasm")
"$tools/node_modules/.bin/wasm-opt" -Oz --enable-reference-types --enable-multivalue --enable-bulk-memory \
  --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
  "$out/quorum_bg.wasm" -o "$out/quorum.wasm"
rm "$out/quorum_bg.wasm"
# The page loads /pkg/quorum.wasm (cargo-leptos's name); the loader's default names the other.
sed -i 's/quorum_bg\.wasm/quorum.wasm/g' "$out/quorum.js"
[ -f target/site/pkg/quorum.css ] || cargo leptos build
cp target/site/pkg/quorum.css "$out/"
size=$(stat -c %s "$out/quorum.wasm")
gz=$(gzip -9 -c "$out/quorum.wasm" | wc -c)
echo "wasm-bindgen output: $raw bytes"
echo "release bundle (wasm-opt -Oz): $size bytes ($(awk "BEGIN{printf \"%.2f\", $size/1048576}") MiB), gzipped $gz bytes"
if [ "${1:-}" = "--check" ]; then
  LEPTOS_SITE_ROOT="$PWD/$site" cargo test -p tests --test browser --test journeys
fi
