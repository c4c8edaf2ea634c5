#!/usr/bin/env bash
# Installs what building Quorum needs and a fresh machine lacks: the wasm32 target, cargo-leptos
# 0.3.10 and wasm-bindgen-cli matching the wasm-bindgen pinned in Cargo.lock. With --test, also
# Debian's chromium and chromedriver for the browser tests. With --release, for
# scripts/release-build.sh: the optimisers pinned in tools/release/package.json (binaryen's
# wasm-opt and lightningcss, from npm) instead of cargo-leptos, which that build does not use.
# Safe to run again: it only installs what is missing.
#
# QUORUM_PREBUILT_TOOLS may name a folder holding prebuilt `cargo-leptos` and `wasm-bindgen`
# binaries of exactly these versions, to skip a long build from source.
set -euo pipefail
cd "$(dirname "$0")/.."

CARGO_LEPTOS_VERSION=0.3.10
WASM_BINDGEN_VERSION=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"/\1/p' | head -1)
CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
export PATH="$CARGO_BIN:$PATH"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

command -v cargo >/dev/null || { echo "Rust is missing: install it from https://rustup.rs first" >&2; exit 1; }

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

install_prebuilt() { # name
  local dir="${QUORUM_PREBUILT_TOOLS:-}"
  [ -n "$dir" ] && [ -x "$dir/$1" ] || return 1
  say "installing prebuilt $1 from $dir"
  mkdir -p "$CARGO_BIN" && install -m 755 "$dir/$1" "$CARGO_BIN/$1"
}

if [ "${1:-}" != "--release" ] && ! cargo leptos --version 2>/dev/null | grep -q "$CARGO_LEPTOS_VERSION"; then
  install_prebuilt cargo-leptos || {
    say "building cargo-leptos $CARGO_LEPTOS_VERSION from source (about 35 minutes on 2 cores, once)"
    cargo install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked --features no_downloads
  }
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
  install_prebuilt wasm-bindgen || {
    say "building wasm-bindgen-cli $WASM_BINDGEN_VERSION from source"
    # Without --locked: its lockfile names a crate version some registries lack.
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
  }
fi

apt_install() { # packages...
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing $* with apt-get"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  else
    echo "missing: $* — install them (Debian: sudo apt-get install $*)" >&2
    return 1
  fi
}

if [ "${1:-}" = "--test" ]; then
  missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
  if [ ${#missing[@]} -gt 0 ]; then apt_install "${missing[@]}"; fi
fi
if [ "${1:-}" = "--test" ]; then
  # The feed conformance check parses real feeds with Mozilla's ical.js and Python's icalendar.
  if [ ! -d tests/conformance/node_modules/ical.js ] || [ ! -d tests/conformance/node_modules/axe-core ]; then
    say "installing ical.js (feed conformance) and axe-core (accessibility audit)"
    (cd tests/conformance && npm install --no-audit --no-fund --no-package-lock --silent)
  fi
  if ! python3 -c "import icalendar" 2>/dev/null; then
    say "installing Python's icalendar for the feed conformance check"
    python3 -m pip install --quiet icalendar
  fi
fi
if [ "${1:-}" = "--release" ]; then
  # Never Debian's binaryen: its wasm-opt 108 breaks the bundle (see scripts/release-build.sh).
  # Reinstalled whenever package.json names other versions than those installed.
  tools=tools/release
  if ! cmp -s "$tools/package.json" "$tools/node_modules/.installed-package.json"; then
    command -v npm >/dev/null || apt_install npm
    say "installing the pinned optimisers of the release build (npm, into $tools)"
    (cd "$tools" && rm -rf node_modules && npm install --no-audit --no-fund --no-package-lock --silent)
    cp "$tools/package.json" "$tools/node_modules/.installed-package.json"
  fi
fi
exit 0
