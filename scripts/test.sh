#!/usr/bin/env bash
# Runs the whole test suite with every service it needs, and leaves nothing running that
# it started. Services are started here (not by hand) so a fresh machine and CI behave
# alike; a node that was already running (someone's own) is used and left running.
set -uo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
ES=scripts/elasticsearch.sh
started=()

cleanup() {
  for mode in "${started[@]}"; do
    if [ "$mode" = plain ]; then "$ES" stop >/dev/null 2>&1 || true; else "$ES" stop --secure >/dev/null 2>&1 || true; fi
  done
}
trap cleanup EXIT

start_node() {  # $1: plain|secure
  local flag=(); [ "$1" = secure ] && flag=(--secure)
  if "$ES" status "${flag[@]}" >/dev/null 2>&1; then return 0; fi
  started+=("$1")
  "$ES" start "${flag[@]}" || { echo "error: could not start the $1 Elasticsearch node for the tests (see above)" >&2; exit 1; }
}

start_node plain
start_node secure
scripts/browser.sh install || { echo "error: could not install the browser for the dashboard tests" >&2; exit 1; }

"$PY" -m pytest -p no:cacheprovider "$@"
# pytest exits 5 when it collected no tests: a failure of the suite, not a pass; pass it on.
