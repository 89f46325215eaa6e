# Two commands on a fresh machine:
#   make demo   set up, then run the main job on the embedded store
#   make test   set up (including services the tests need), then run the whole suite
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
OW     := $(VENV)/bin/outagewatch
DEMO_DB ?= demo/outagewatch.db

.PHONY: demo test venv test-deps services-start services-stop bench bench-stores clean compiled pure check-compiled

# The demo needs the core and the collectors the bundled capture replays (X, report pages);
# the tests need every extra and the test tools on top.
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[collectors]'
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

venv: $(VENV)/.installed
test-deps: $(VENV)/.installed-test

# Only the demo writes to the demo store; tests must not inherit it.
demo: export OUTAGEWATCH_STORE := sqlite:///$(DEMO_DB)
demo: venv
	@mkdir -p demo
	@echo "== ingest the hand-written example signals into demo/sample.db"
	$(OW) --store sqlite:///demo/sample.db ingest examples/signals/sample.jsonl
	@echo "== what that store holds"
	$(OW) --store sqlite:///demo/sample.db stats
	@echo "== search it: kinesis OR \"us-east-1\""
	$(OW) --store sqlite:///demo/sample.db search 'kinesis OR "us-east-1"' --limit 5
	@echo "== replay the bundled capture of the 2020-11-25 AWS us-east-1 event (a reconstruction) into $(DEMO_DB)"
	$(OW) replay examples/aws-us-east-1-2020-11-25 --speed 0
	@echo "== that day: status updates, posts and report pages about the event, with their tags"
	$(OW) search --kind status --since 2020-11-25T13:00Z --until 2020-11-26T08:00Z --sort oldest --limit 8
	$(OW) search 'down OR outage' --kind social --since 2020-11-25T13:00Z --until 2020-11-25T18:00Z --sort oldest --limit 6 --facets
	$(OW) search --kind reports --service roku --since 2020-11-25T13:00Z --until 2020-11-25T16:00Z --sort oldest --limit 6
	@echo "== incidents found in the chatter (correlation)"
	$(OW) incidents
	@echo "== how fast each provider's status page acknowledged them"
	$(OW) accountability
	@echo "== the report of the AWS us-east-1 incident"
	$(OW) report aws:us-east-1 --format html -o demo/report.html
	@echo "report: $(CURDIR)/demo/report.html"

test: test-deps
	bash scripts/test.sh

bench: test-deps
	$(PY) benchmarks/store_bench.py --sizes 100000,1000000

# SQLite and Elasticsearch side by side (starts and stops the local node if needed)
bench-stores: test-deps
	$(PY) benchmarks/store_ingest_search.py --sizes 1000000

# Opt-in, for a deployment: the tagger's rule modules compiled with mypyc, in place (~30% faster rules, the same
# tags; gcc and the Python headers needed, a few minutes of C compile). Nothing else builds or runs them:
# `make test` and `make demo` stay pure Python. `make pure` removes them. See scripts/compiled_rules.py.
compiled: venv
	$(PY) -m pip install --quiet -e '.[compiled]'
	$(PY) scripts/compiled_rules.py build

pure:
	$(PY) scripts/compiled_rules.py clean

# The compiled build checked end to end, leaving this checkout as it is: built in a temporary copy, then a sample of
# benchmarks/tag_identity.py's corpus tagged there and here (pure Python), which must agree byte for byte. Not in
# `make test`: the build is ~12.8 minutes of CPU (42 of wall at a load of 8-10), ~3.7 GB for gcc. Run it after
# changing the compiled modules' list, the build, or mypy's version, and before deploying a compiled build.
check-compiled: venv
	$(PY) -m pip install --quiet -e '.[compiled]'
	$(PY) scripts/compiled_rules.py verify

clean:
	rm -rf demo .pytest_cache test-artifacts
