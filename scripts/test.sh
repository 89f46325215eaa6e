#!/usr/bin/env bash
# Runs the whole test suite with every service it needs, and leaves nothing running.
# Services are started here (not by hand) so that a fresh machine and CI behave alike.
set -uo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python

cleanup() {
  if [ -x scripts/elasticsearch.sh ]; then
    scripts/elasticsearch.sh stop >/dev/null 2>&1 || true
    scripts/elasticsearch.sh stop --secure >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT

if [ -x scripts/elasticsearch.sh ]; then
  scripts/elasticsearch.sh start || { echo "error: could not start Elasticsearch for the tests" >&2; exit 1; }
  scripts/elasticsearch.sh start --secure || { echo "error: could not start the secured Elasticsearch node" >&2; exit 1; }
fi
if [ -x scripts/browser.sh ]; then
  scripts/browser.sh install || { echo "error: could not install the browser for the dashboard tests" >&2; exit 1; }
fi

"$PY" -m pytest -q -p no:cacheprovider "$@"
status=$?
# pytest's 5 means it collected no tests: that is a failure of the suite, not a pass.
exit $status
