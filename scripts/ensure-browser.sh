#!/usr/bin/env bash
# Makes sure Debian's Chromium is at /usr/bin/chromium for the browser tests (test/browser)
# and `npm run bench:web`. Playwright drives it through playwright-core; we never let
# Playwright download a browser of its own (the machines reach only the package registries).
# 1. uses /usr/bin/chromium when present; 2. else, as root on Debian, installs the `chromium`
# package; 3. else says exactly what to do and exits non-zero.
set -uo pipefail
# CHROMIUM_PATH (also read by the tests) points elsewhere when Chromium lives elsewhere.
BIN="${CHROMIUM_PATH:-/usr/bin/chromium}"

if [ -x "$BIN" ]; then exit 0; fi

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "== installing Chromium (Debian package) for the browser tests"
  export DEBIAN_FRONTEND=noninteractive
  if apt-get update -qq && apt-get install -y -qq chromium >/dev/null && [ -x "$BIN" ]; then
    exit 0
  fi
  echo "apt-get did not give $BIN." >&2
fi

cat >&2 <<MSG
The browser tests need Debian's Chromium at $BIN, and it is missing.
Install it, then run the tests again:
    sudo apt-get update && sudo apt-get install -y chromium
(Other systems: install Chromium and set CHROMIUM_PATH to its binary. Do not use
'playwright install': the tests drive the system browser through playwright-core.)
MSG
exit 1
