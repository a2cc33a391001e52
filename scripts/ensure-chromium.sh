#!/usr/bin/env bash
# The browser tests drive a Chromium that is already on the machine (scripts/findChromium.ts says
# which: CHROME_PATH, Debian's /usr/bin/chromium, another usual place, or Playwright's own if it
# was installed). When there is none, install Debian's chromium where apt-get and root (or sudo)
# are at hand, as CI does; otherwise say what to run. Nothing here downloads a browser build.
set -euo pipefail
cd "$(dirname "$0")/.."
if npx --no-install tsx scripts/findChromium.ts >/dev/null; then exit 0; fi
# CHROME_PATH names one browser: install no other in its place.
if [ -n "${CHROME_PATH:-}" ]; then exit 1; fi
if command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium package…" >&2
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
    exit 0
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
    exit 0
  fi
  echo "Run: sudo apt-get update && sudo apt-get install -y chromium" >&2
  exit 1
fi
cat >&2 <<'HELP'
Install a Chromium or Google Chrome (on macOS, into /Applications), or point to one:
  CHROME_PATH="/path/to/chrome" npm test
or, where Playwright may download its own build:
  npx playwright install chromium
HELP
exit 1
