"""A mistake on the command line is one line and exit 2, never a traceback nor "store
failed"; a reader that closes the pipe early stops the writer quietly."""

from __future__ import annotations

import base64
import os
import subprocess
import sys
from pathlib import Path

import json
import pytest

from outagewatch.search.sqlite import SQLiteStore
from tests.signals_factory import make_signal


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("OUTAGEWATCH_")}


def run(*args: str, cwd: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "outagewatch", *args], input=stdin, capture_output=True,
                          timeout=120, cwd=cwd, env=_env())


def _cursor(values) -> str:
    return base64.urlsafe_b64encode(json.dumps(values).encode()).decode().rstrip("=")


@pytest.fixture
def db(tmp_path) -> str:
    with SQLiteStore(tmp_path / "s.db") as store:
        store.upsert([make_signal(f"Roku is down {n}", minutes=n) for n in range(3)])
    return f"sqlite:///{tmp_path}/s.db"


@pytest.mark.parametrize("args, needle", [
    (["search", "--since", "9999-12-31T23:00-05:00"], "--since: time out of range"),
    (["search", "--until", "0001-01-01T00:00+01:00"], "--until: time out of range"),
    (["search", "--cursor", _cursor([{"a": 1}, 1, "x"])], "invalid cursor"),
    (["search", "--cursor", _cursor([1.5, 2**70, "x"])], "invalid cursor"),
    (["search", "--cursor", _cursor(["x", "y"]), "--sort", "newest"], "invalid cursor"),
    (["search", "障" * 5000], "at most"),
    (["correlate", "--service", "roku", "--window", "99999999d"], "--window"),
    (["correlate", "--service", "roku", "--window", "3000000d"], "--window"),
])
def test_a_bad_value_is_a_one_line_usage_error(tmp_path, db, args, needle):
    proc = run("--store", db, *args, cwd=tmp_path)
    lines = proc.stderr.decode().strip().splitlines()
    assert proc.returncode == 2, proc.stderr
    assert len(lines) == 1 and lines[0].startswith("error: ") and needle in lines[0], lines
    assert "store" not in lines[0] or "failed" not in lines[0]


def test_a_malformed_store_url_is_one_line(tmp_path):
    proc = run("--store", "http://user:pw@[::1", "stats", cwd=tmp_path)
    lines = proc.stderr.decode().strip().splitlines()
    assert proc.returncode == 1 and len(lines) == 1 and lines[0].startswith("error: "), lines
    assert "pw" not in lines[0]


def test_a_store_url_that_is_not_a_string_is_one_line(tmp_path):
    (tmp_path / "c.toml").write_text("[store]\nurl = 5\n")
    proc = run("--config", str(tmp_path / "c.toml"), "stats", cwd=tmp_path)
    lines = proc.stderr.decode().strip().splitlines()
    assert proc.returncode == 1 and len(lines) == 1 and "[store] url must be a string" in lines[0], lines


def test_export_into_a_closed_pipe_stops_quietly(tmp_path):
    with SQLiteStore(tmp_path / "big.db") as store:
        store.upsert([make_signal(f"Roku is down {n} " + "x" * 200, minutes=n) for n in range(20000)])
    command = (f"{sys.executable} -m outagewatch --store sqlite:///{tmp_path}/big.db export | head -1;"
               " echo \"status=${PIPESTATUS[0]}\" >&2")
    proc = subprocess.run(["bash", "-c", command], capture_output=True, timeout=120, cwd=tmp_path, env=_env())
    assert proc.stdout.count(b"\n") == 1
    assert proc.stderr.decode().strip().splitlines() == ["status=0"]
