#!/usr/bin/env bash
# The browser tests drive Debian's Chromium. Installs it when it is missing and this machine can
# (root, or sudo, with apt-get); otherwise says what to do.
set -euo pipefail
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$chromium" ] && exit 0
if command -v apt-get >/dev/null 2>&1; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  echo "Installerar Chromium för webbläsartesterna (apt-get install chromium) …"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq chromium >/dev/null
  [ -x "$chromium" ] && exit 0
fi
echo "Webbläsartesterna behöver Chromium i $chromium. Installera det (till exempel: apt-get install chromium) eller ange CHROMIUM_PATH." >&2
exit 1
