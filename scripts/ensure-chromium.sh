#!/usr/bin/env bash
# The browser tests drive Debian's Chromium. Install it when it is missing and we may (root or
# sudo); otherwise say exactly what to run. Playwright never downloads a browser here.
set -euo pipefail
CHROME="${CHROME_PATH:-/usr/bin/chromium}"
if [ -x "$CHROME" ]; then exit 0; fi
echo "Chromium not found at $CHROME: installing Debian's chromium package…" >&2
if [ "$(id -u)" -eq 0 ]; then
  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
else
  echo "Run: sudo apt-get update && sudo apt-get install -y chromium" >&2
  exit 1
fi
