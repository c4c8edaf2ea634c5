#!/usr/bin/env bash
# Builds the browser bundle as a release would (profile wasm-release: opt-level z, LTO, one
# codegen unit), shrinks it with wasm-opt -Oz (Debian's binaryen), and prints its size before
# compression and gzipped. The bundle lands in target/site-release/pkg; pass --install to copy it
# over target/site/pkg, so that a running debug server hydrates with it (the browser test
# `the_release_bundle_hydrates` checks exactly that).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --release
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
target="${CARGO_TARGET_DIR:-target}"
cargo build -p app --lib --target wasm32-unknown-unknown --profile wasm-release --no-default-features --features hydrate
out=target/site-release/pkg
mkdir -p "$out"
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name quorum \
  "$target/wasm32-unknown-unknown/wasm-release/app.wasm"
raw=$(stat -c %s "$out/quorum_bg.wasm")
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
  "$out/quorum_bg.wasm" -o "$out/quorum.wasm"
rm "$out/quorum_bg.wasm"
# cargo-leptos names the bundle quorum.wasm; the generated loader asks for quorum_bg.wasm.
sed -i 's/quorum_bg\.wasm/quorum.wasm/g' "$out/quorum.js"
size=$(stat -c %s "$out/quorum.wasm")
gz=$(gzip -9 -c "$out/quorum.wasm" | wc -c)
echo "wasm-bindgen output: $raw bytes"
echo "release bundle (wasm-opt -Oz): $size bytes ($(awk "BEGIN{printf \"%.2f\", $size/1048576}") MiB), gzipped $gz bytes"
if [ "${1:-}" = "--install" ]; then
  cp "$out/quorum.wasm" "$out/quorum.js" target/site/pkg/
  echo "installed into target/site/pkg"
fi
