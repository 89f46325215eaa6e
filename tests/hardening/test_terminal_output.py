"""Text from sources never steers the terminal: escape sequences in a Signal are shown
escaped in human output, and kept exact in --json output."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

EVIL = {
    "clear screen": "\x1b[2J\x1b[H",
    "OSC 8 link": "\x1b]8;;http://evil.example/\x1b\\click\x1b]8;;\x1b\\",
    "window title": "\x1b]0;pwned\x07",
    "8-bit CSI": "\x9b31m",
    "bidi override": "\u202eexe.txt",
}
RAW = ("\x1b", "\x9b", "\x07", "\u202e")


def _run(tmp_path, *args, stdin=None):
    env = {k: v for k, v in os.environ.items() if not k.startswith("OUTAGEWATCH_")}
    return subprocess.run([sys.executable, "-m", "outagewatch", "--store", f"sqlite:///{tmp_path}/s.db", *args],
                          input=stdin, capture_output=True, timeout=120, cwd=tmp_path, env=env)


@pytest.fixture
def stored(tmp_path):
    lines = []
    for n, (name, evil) in enumerate(EVIL.items()):
        lines.append(json.dumps({"source_kind": "social", "source": f"x:{evil}", "published_at": f"2021-01-0{n + 1}T00:00Z",
                                 "title": f"title {evil}", "text": f"roku down {evil} again", "services": [f"roku{evil}"]}))
    proc = _run(tmp_path, "ingest", "--no-tag", "-", stdin="\n".join(lines).encode())
    assert proc.returncode == 0, proc.stderr
    return tmp_path


@pytest.mark.parametrize("args", [("search",), ("search", "roku"), ("search", "--facets"), ("stats",)])
def test_human_output_shows_escapes_instead_of_obeying_them(stored, args):
    proc = _run(stored, *args)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.decode()
    for raw in RAW:
        assert raw not in out, (raw, out)
    assert "\\x1b" in out  # shown, not hidden


def test_json_output_stays_exact(stored):
    proc = _run(stored, "search", "--json", "--limit", "10")
    records = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    texts = {record["text"] for record in records if "meta" not in record}
    assert texts == {f"roku down {evil} again" for evil in EVIL.values()}
