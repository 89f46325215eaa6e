"""The core runs without the optional extras, and a command that needs one says which.

Each CLI run is a real ``python`` process in which the modules of the extras (the keys
of :data:`outagewatch.extras.EXTRA_OF`) cannot be imported, as after a plain
``pip install outagewatch``: a meta-path finder answers ``ModuleNotFoundError`` for them.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import orjson

from outagewatch.extras import EXTRA_OF

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "examples" / "signals" / "sample.jsonl"
CAPTURE = REPO / "outagewatch" / "captures" / "aws-us-east-1-2020-11-25"

RUNNER = """
import sys
BLOCKED = set(sys.argv[1].split(","))

class Absent:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in BLOCKED:
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None

sys.meta_path.insert(0, Absent())
sys.argv = ["outagewatch"] + sys.argv[2:]
import atexit
atexit.register(lambda: sys.stderr.write("\\nIMPORTED-EXTRAS:" + ",".join(
    sorted(m for m in sys.modules if m.split(".")[0] in BLOCKED)) + "\\n"))
from outagewatch.cli import main
main()
"""


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    for name in list(env):
        if name.startswith("OUTAGEWATCH_"):
            del env[name]
    return subprocess.run([sys.executable, "-c", RUNNER, ",".join(EXTRA_OF), *args], capture_output=True, text=True,
                          cwd=cwd, env=env, timeout=300)


def test_ingest_and_search_on_sqlite_need_no_extra(tmp_path):
    store = f"sqlite:///{tmp_path / 'core.db'}"
    ingest = run("--store", store, "ingest", str(SAMPLE), cwd=tmp_path)
    assert ingest.returncode == 0, ingest.stderr
    assert "IMPORTED-EXTRAS:\n" in ingest.stderr
    found = run("--store", store, "search", "kinesis", "--json", cwd=tmp_path)
    assert found.returncode == 0, found.stderr
    *rows, last = [orjson.loads(line) for line in found.stdout.splitlines()]
    assert last["meta"]["total"] == len(rows)
    assert rows and all("kinesis" in ((r.get("text") or "") + (r.get("title") or "")).lower() for r in rows)
    assert "IMPORTED-EXTRAS:\n" in found.stderr


def test_elasticsearch_store_names_the_es_extra(tmp_path):
    proc = run("--store", "http://127.0.0.1:9", "stats", cwd=tmp_path)
    assert proc.returncode == 1
    first = proc.stderr.strip().splitlines()[0]
    assert first.startswith("error: an Elasticsearch store needs the optional extra 'es'")
    assert first.endswith(": pip install 'outagewatch[es]'")
    assert "Traceback" not in proc.stderr


def test_serve_names_the_api_extra(tmp_path):
    proc = run("--store", f"sqlite:///{tmp_path / 'x.db'}", "serve", "--port", "0", cwd=tmp_path)
    assert proc.returncode == 1
    assert "pip install 'outagewatch[api]'" in proc.stderr.splitlines()[0]
    assert "Traceback" not in proc.stderr


def test_replay_skips_x_and_report_sources_naming_the_collectors_extra(tmp_path):
    proc = run("--store", f"sqlite:///{tmp_path / 'r.db'}", "replay", str(CAPTURE), "--no-tag",
               "--until", "2020-11-23T01:00Z", "--source", "downdetector", "--source", "x-outage-search",
               "--source", "theverge", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert any(line.startswith("theverge: fetched") for line in lines)
    for name in ("downdetector", "x-outage-search"):
        assert any(line.startswith(f"{name}: skipped: ") and "pip install 'outagewatch[collectors]'" in line
                   for line in lines), proc.stdout
    assert "IMPORTED-EXTRAS:\n" in proc.stderr
