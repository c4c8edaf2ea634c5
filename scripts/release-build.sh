#!/usr/bin/env bash
# Builds Quorum for production:
#   - the server, $CARGO_TARGET_DIR/release/quorum (cargo's release profile);
#   - the site, target/site-release: pkg/quorum.<hash>.wasm (profile wasm-release: opt-level z,
#     LTO, one codegen unit; then wasm-bindgen and wasm-opt -Oz), pkg/quorum.<hash>.js (its
#     loader), pkg/quorum.<hash>.css (style/main.css through lightningcss, for Cargo.toml's
#     browserquery, minified) and the files of public/; each file of pkg/ also brotli- and
#     gzip-compressed (.br, .gz) for the server to send to browsers that accept them. Each
#     <hash> is of that file's final bytes, and hash.txt in the site gives them to the server.
#
# The optimisers are the versions pinned in tools/release/package.json (npm), never whatever
# `wasm-opt` is on PATH: Debian's binaryen (wasm-opt 108) rewrites the externref table that
# wasm-bindgen emits, and the bundle then fails in Chromium on every page
# ("WebAssembly.Table.set(): Argument 1 is invalid"), so nothing interactive loads. This is also
# why cargo-leptos is not used here: its release mode runs the wasm-opt it finds.
#
#   scripts/release-build.sh                the server and the site
#   scripts/release-build.sh --site-only    the site only (the browser bundle and the stylesheet)
#   scripts/release-build.sh --server-only  the server only (the benchmark scripts use this)
#
# Serve the result with `scripts/run.sh --release`, or as README's "Running in production" says.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --release
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
target="${CARGO_TARGET_DIR:-$PWD/target}"
tools=tools/release/node_modules/.bin
site=target/site-release
mode="${1:-}"
# Read by Leptos when it is compiled, as cargo-leptos sets it (without hashed names, pages would
# load /pkg/quorum_bg.wasm without it). Every release build sets it alike, or cargo would
# rebuild Leptos and all above it at each change of the value.
export LEPTOS_OUTPUT_NAME
LEPTOS_OUTPUT_NAME=$(sed -n 's/^output-name = "\(.*\)"/\1/p' Cargo.toml)

if [ "$mode" != "--site-only" ]; then
  echo "== release build: server =="
  cargo build --release -p server --bin quorum
fi
if [ "$mode" = "--server-only" ]; then
  echo "server: $target/release/quorum"
  exit 0
fi

echo "== release build: browser bundle =="
cargo build -p app --lib --target wasm32-unknown-unknown --profile wasm-release --no-default-features --features hydrate

# Assembled beside the old site and swapped in at the end, so a server reading the old one
# never sees half a site.
next="$site.next"
rm -rf "$next"
mkdir -p "$next/pkg"
cp -R public/. "$next/"
wasm-bindgen --target web --no-typescript --out-dir "$next/pkg" --out-name quorum \
  "$target/wasm32-unknown-unknown/wasm-release/app.wasm"
unoptimised=$(stat -c %s "$next/pkg/quorum_bg.wasm")
"$tools/wasm-opt" -Oz --enable-reference-types --enable-multivalue --enable-bulk-memory \
  --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
  "$next/pkg/quorum_bg.wasm" -o "$next/pkg/quorum.wasm"
rm "$next/pkg/quorum_bg.wasm"

style=$(sed -n 's/^style-file = "\(.*\)"/\1/p' Cargo.toml)
browsers=$(sed -n 's/^browserquery = "\(.*\)"/\1/p' Cargo.toml)
"$tools/lightningcss" --minify --targets "$browsers" "$style" -o "$next/pkg/quorum.css"

# Every file is named by a hash of its final bytes (what the browser gets), not reusing what
# cargo-leptos would have hashed before optimising: the server tells browsers to keep a hashed
# file for a year unchanged, so any change of content — a new optimiser or minifier version,
# other flags — must be a new name, and the same bytes keep their name from build to build.
# hash.txt, in the format cargo-leptos writes and Leptos reads, gives the names to the server.
hash_of() { sha256sum "$1" | cut -c1-20; }
wasm=$(hash_of "$next/pkg/quorum.wasm")
mv "$next/pkg/quorum.wasm" "$next/pkg/quorum.$wasm.wasm"
# The page hands the loader the bundle's URL; its own default names wasm-bindgen's file. Rewritten
# before the loader is hashed, so that the loader's name follows the bundle's too.
sed -i "s/quorum_bg\.wasm/quorum.$wasm.wasm/g" "$next/pkg/quorum.js"
js=$(hash_of "$next/pkg/quorum.js")
mv "$next/pkg/quorum.js" "$next/pkg/quorum.$js.js"
css=$(hash_of "$next/pkg/quorum.css")
mv "$next/pkg/quorum.css" "$next/pkg/quorum.$css.css"
printf 'js: %s\nwasm: %s\ncss: %s\n' "$js" "$wasm" "$css" >"$next/hash.txt"

# Compressed once here at the highest levels, instead of on every request.
files=("$next"/pkg/*)
gzip -9 -n -k -f "${files[@]}"
node -e '
  const fs = require("fs"), zlib = require("zlib");
  for (const file of process.argv.slice(1)) {
    const params = { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: fs.statSync(file).size };
    fs.writeFileSync(file + ".br", zlib.brotliCompressSync(fs.readFileSync(file), { params }));
  }' "${files[@]}"

rm -rf "$site.old"
if [ -d "$site" ]; then mv "$site" "$site.old"; fi
mv "$next" "$site"
rm -rf "$site.old"

echo "== release build: done =="
if [ "$mode" != "--site-only" ]; then echo "server: $target/release/quorum"; fi
echo "site:   $PWD/$site (LEPTOS_SITE_ROOT)"
echo "wasm-bindgen output: $unoptimised bytes"
for file in "quorum.$wasm.wasm" "quorum.$js.js" "quorum.$css.css"; do
  printf '%-36s %9s bytes, gzip %8s, brotli %8s\n' "$file" "$(stat -c %s "$site/pkg/$file")" \
    "$(stat -c %s "$site/pkg/$file.gz")" "$(stat -c %s "$site/pkg/$file.br")"
done
