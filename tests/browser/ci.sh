#!/usr/bin/env bash
# Browser test of the ibid web page: headless Debian Chromium driven by playwright-core.
# Usage: bash tests/browser/ci.sh   (from anywhere; installs chromium if missing)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

if ! command -v chromium >/dev/null 2>&1; then
  echo "== installing chromium (Debian)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
fi

# debug by default: after `cargo test --workspace` this build is nearly free
profile="${IBID_PROFILE:-debug}"
echo "== building ibid ($profile)"
if [ "$profile" = release ]; then
  (cd "$root" && cargo build -q --release -p ibid-cli)
else
  (cd "$root" && cargo build -q -p ibid-cli)
fi

echo "== npm ci"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
npm ci --prefix "$here" --no-audit --no-fund

echo "== browser test"
export IBID_BIN="$root/target/$profile/ibid"
export CHROMIUM="${CHROMIUM:-$(command -v chromium)}"
export SCREENSHOT_DIR="${SCREENSHOT_DIR:-$(mktemp -d)}"
cd "$here"
node --test viewer.test.mjs
echo "screenshots in $SCREENSHOT_DIR"
