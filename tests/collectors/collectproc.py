"""`outagewatch collect` as a real process on a config written for the test, and waiting
until its store holds what a good source served: for the tests (and the benchmark) that
signal or starve a running collector."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from outagewatch.search.query import Query
from outagewatch.search.sqlite import SQLiteStore


def collect_process(tmp_path: Path, sources: list[dict], *args: str, collect: str = "",
                    env: dict[str, str] | None = None) -> subprocess.Popen:
    """``collect --no-tag --json *args`` on ``sources`` into ``tmp_path/s.db``, with no
    OUTAGEWATCH_* setting of the caller's but those in ``env``."""
    lines = [f"[collect]\nretries = 0\ntimeout = \"30s\"\ndeadline = \"10m\"\n{collect}"]
    for source in sources:
        lines.append("[[sources]]\n" + "\n".join(f"{k} = {json.dumps(v)}" for k, v in source.items()))
    (tmp_path / "c.toml").write_text("\n".join(lines))
    environment = {k: v for k, v in os.environ.items() if not k.startswith("OUTAGEWATCH_")} | (env or {})
    return subprocess.Popen([sys.executable, "-m", "outagewatch", "--config", str(tmp_path / "c.toml"),
                             "--store", f"sqlite:///{tmp_path}/s.db", "collect", "--no-tag", "--json", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path, env=environment)


def wait_until_stored(path: Path, count: int, process: subprocess.Popen) -> None:
    """Until the store at ``path`` holds ``count`` Signals; the process must keep running."""
    give_up = time.monotonic() + 60
    while time.monotonic() < give_up:
        assert process.poll() is None, process.stderr.read()
        if path.exists():
            with SQLiteStore(path) as store:
                if store.count(Query()) >= count:
                    return
        time.sleep(0.2)
    raise AssertionError("the good source was never stored")
