#!/usr/bin/env bash
# Installs the browser the dashboard tests drive: Debian's chromium, used by Playwright
# through executable_path (Playwright never downloads a browser of its own here).
#   scripts/browser.sh install   install chromium with apt-get if /usr/bin/chromium is missing
#   scripts/browser.sh path      print the browser's path (exit 1 if absent)
# Idempotent and quiet: an installed browser costs nothing, and the package lists are
# refreshed only when apt cannot find chromium in the ones it has.
set -euo pipefail

BROWSER=${OUTAGEWATCH_CHROMIUM:-/usr/bin/chromium}

have_browser() { [ -x "$BROWSER" ]; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo -n "$@"
  else echo "error: installing chromium needs root (or sudo); install Debian's chromium package by hand" >&2; return 1
  fi
}

install_browser() {
  if have_browser; then
    return 0
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "error: $BROWSER is missing and there is no apt-get; install chromium and set OUTAGEWATCH_CHROMIUM" >&2
    return 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  # Only refresh the package lists when the ones present do not offer chromium.
  if ! apt-cache show chromium >/dev/null 2>&1 || [ -z "$(apt-cache policy chromium | awk '/Candidate:/ {print $2}' | grep -v '(none)')" ]; then
    as_root apt-get update -qq >/dev/null
  fi
  echo "installing Debian's chromium for the dashboard tests" >&2
  local log
  log=$(mktemp)
  if ! as_root apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    return 1
  fi
  rm -f "$log"
  have_browser || { echo "error: chromium was installed but $BROWSER is still missing" >&2; return 1; }
}

case "${1:-}" in
  install) install_browser ;;
  path) have_browser && echo "$BROWSER" ;;
  *) echo "usage: $0 install|path" >&2; exit 2 ;;
esac
