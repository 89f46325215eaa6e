# Two commands on a fresh machine:
#   make demo   set up, then run the main job on the embedded store
#   make test   set up (including services the tests need), then run the whole suite
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
OW     := $(VENV)/bin/outagewatch
DEMO_DB ?= demo/outagewatch.db
export OUTAGEWATCH_STORE ?= sqlite:///$(DEMO_DB)

.PHONY: demo test venv test-deps services-start services-stop bench clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

venv: $(VENV)/.installed

demo: venv
	@mkdir -p demo
	@echo "== ingest the bundled example signals into $(DEMO_DB)"
	$(OW) ingest examples/signals/sample.jsonl
	@echo "== what the store holds"
	$(OW) stats
	@echo "== search: kinesis OR \"us-east-1\" within AWS"
	$(OW) search 'kinesis OR "us-east-1"' --limit 5

test: venv
	bash scripts/test.sh

bench: venv
	$(PY) benchmarks/store_bench.py --sizes 100000,1000000

clean:
	rm -rf demo .pytest_cache test-artifacts
