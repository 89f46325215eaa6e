"""A read on a store that does not exist says so in one line and creates nothing; a write creates it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.clihelp import cli

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "examples" / "signals" / "sample.jsonl"

READS = [
    ["search", "roku"],
    ["stats"],
    ["export"],
    ["incidents"],
    ["incidents", "confirm", "abc"],
    ["correlate"],
    ["correlate", "--service", "roku"],
    ["report", "roku"],
    ["accountability"],
    ["serve", "--port", "0"],
]


@pytest.mark.parametrize("command", READS, ids=lambda c: " ".join(c))
def test_a_read_on_a_missing_sqlite_store_is_one_line_and_creates_nothing(command, tmp_path):
    missing = tmp_path / "typo" / "nested" / "ow.db"
    ran = cli("--store", f"sqlite:///{missing}", *command, cwd=tmp_path, check=False)
    assert ran.code == 1, ran.stdout
    assert ran.stderr.count("\n") == 1 and str(missing) in ran.stderr, ran.stderr
    assert list(tmp_path.iterdir()) == []


def test_migrate_from_a_missing_store_creates_neither(tmp_path):
    ran = cli("migrate", "--from", f"sqlite:///{tmp_path}/nope.db", "--to", f"sqlite:///{tmp_path}/out/new.db",
              cwd=tmp_path, check=False)
    assert ran.code == 1 and ran.stderr.count("\n") == 1 and "nope.db" in ran.stderr
    assert list(tmp_path.iterdir()) == []


def test_writes_create_the_store_and_reads_then_work(tmp_path):
    db = tmp_path / "new" / "ow.db"
    cli("--store", f"sqlite:///{db}", "ingest", "--no-tag", SAMPLE, cwd=tmp_path)
    assert db.is_file()
    assert "signals in sqlite store" in cli("--store", f"sqlite:///{db}", "stats", cwd=tmp_path).stdout
    copy = tmp_path / "copy" / "ow.db"
    cli("migrate", "--from", f"sqlite:///{db}", "--to", f"sqlite:///{copy}", cwd=tmp_path)
    assert copy.is_file()
