"""The command line's conventions, as a script or a person meets them: paging ``search
--json`` with the cursor it gives, JSON Lines everywhere, metadata on stderr, no wrapping
in a pipe, CSV, validated choices, distinct exit codes, help without type noise and with
examples, ``--version`` and shell completion."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from outagewatch.cli.conventions import EXAMPLES
from outagewatch.cli.output import CSV_FIELDS

REPO = Path(__file__).resolve().parents[2]
SERVICES = ["roku", "flickr", "adobe", "aws/kinesis", "aws/cognito", "aws/cloudwatch", "aws/lambda", "slack"]


def run(*args: str, store: Path | None = None, stdin: bytes | None = None, env: dict | None = None,
        codes=(0,)) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if not k.startswith("OUTAGEWATCH_")}
    base["PYTHONPATH"] = str(REPO)
    prefix = ["--store", f"sqlite:///{store}"] if store else []
    proc = subprocess.run([sys.executable, "-m", "outagewatch", *prefix, *args], input=stdin, capture_output=True,
                          timeout=300, env={**base, **(env or {})}, cwd=REPO)
    assert proc.returncode in codes, (proc.returncode, proc.stderr.decode()[-2000:])
    return proc


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    """57 Signals, several published in the same minute (ties the cursor must break)."""
    path = tmp_path_factory.mktemp("conv") / "c.db"
    lines = []
    for n in range(57):
        lines.append(json.dumps({
            "source_kind": ("social", "status", "reports", "news")[n % 4], "source": f"x:search:{n % 5}",
            "native_id": str(n), "published_at": f"2020-11-25T13:{n // 3:02d}:00Z",
            "text": f"Roku and Kinesis outage report number {n}" + (" errors" if n % 2 else ""),
            "services": SERVICES if n == 0 else [SERVICES[n % len(SERVICES)]], "regions": ["aws:us-east-1"]}))
    run("ingest", "--no-tag", "--no-correlate", "-", store=path, stdin=("\n".join(lines) + "\n").encode())
    return path


def page_through(db: Path, *args: str, limit: int) -> tuple[list[str], list[dict]]:
    """What a script does: ask, read the last line's meta, follow next_cursor until null."""
    ids, metas, cursor = [], [], None
    while True:
        out = run("search", *args, "--json", "--limit", str(limit), *(["--cursor", cursor] if cursor else []),
                  store=db).stdout.decode()
        *records, last = [json.loads(line) for line in out.splitlines()]
        meta = last["meta"]
        metas.append(meta)
        ids += [r["id"] for r in records]
        cursor = meta["next_cursor"]
        if cursor is None:
            return ids, metas
        assert len(metas) < 100, "the cursor never ends"


@pytest.mark.parametrize("args", [("--sort", "newest"), ("--sort", "oldest"), ("roku kinesis",), ("errors",)])
def test_a_script_pages_through_every_result_exactly_once(db, args):
    everything = run("search", *args, "--json", "--limit", "1000", store=db).stdout.decode().splitlines()
    expected = [json.loads(line)["id"] for line in everything[:-1]]
    ids, metas = page_through(db, *args, limit=7)
    assert len(ids) == len(set(ids))  # nothing twice
    assert set(ids) == set(expected) and len(ids) == metas[0]["total"]  # nothing missed
    assert ids == expected  # and in the same order as one big page
    assert all(m["total_relation"] == "eq" for m in metas)


def test_json_is_json_lines_with_a_final_meta_line_and_facets_inside_it(db):
    out = run("search", "roku", "--json", "--facets", "--limit", "3", store=db).stdout.decode().splitlines()
    rows = [json.loads(line) for line in out]
    assert len(rows) == 4 and all("id" in r for r in rows[:3])
    meta = rows[-1]["meta"]
    assert set(meta) == {"total", "total_relation", "next_cursor", "facets"}
    assert meta["facets"]["source_kind"] and meta["next_cursor"]
    stats = run("stats", "--json", store=db).stdout.decode()
    assert stats.count("\n") == 1 and json.loads(stats)["total"] == 57  # one result: one line
    incidents = run("correlate", "--json", store=db).stdout.decode()
    assert incidents.count("\n") == 1


def test_human_output_keeps_data_on_stdout_and_counts_on_stderr_unwrapped(db):
    proc = run("search", "--service", "roku", "--sort", "oldest", "--limit", "2", store=db)
    out, err = proc.stdout.decode(), proc.stderr.decode()
    assert "match(es)" in err and "next page: --cursor" in err
    assert "match(es)" not in out and "--cursor" not in out
    first = out.splitlines()[0]
    assert first.startswith("2020-11-25T13:00:00") and "[" + ", ".join(SERVICES + ["aws:us-east-1"]) + "]" in first
    assert len(first) > 80  # piped: the whole tag list on its line, not wrapped at 80 columns
    assert "\x1b[" not in out  # and no colour codes


def test_csv_for_search_and_export(db, tmp_path):
    found = run("search", "kinesis", "--format", "csv", "--limit", "5", store=db)
    rows = list(csv.reader(io.StringIO(found.stdout.decode())))
    assert tuple(rows[0]) == CSV_FIELDS and len(rows) == 6
    assert "match(es)" in found.stderr.decode()
    run("export", "--format", "csv", "-o", str(tmp_path / "all.csv"), store=db)
    with open(tmp_path / "all.csv", newline="", encoding="utf-8") as fh:
        exported = list(csv.DictReader(fh))
    assert len(exported) == 57
    first = next(r for r in exported if r["id"] and r["services"].count("|") == len(SERVICES) - 1)
    assert first["services"].split("|") == SERVICES and first["published_at"] == "2020-11-25T13:00:00Z"


def test_choices_are_validated_as_usage_errors(db):
    for args in (("search", "--kind", "foo"), ("search", "--sort", "random"), ("search", "--format", "xml"),
                 ("export", "--format", "xml"), ("export", "--kind", "tweets"), ("incidents", "--status", "gone"),
                 ("incidents", "--evidence", "huge"), ("report", "x", "--format", "pdf")):
        proc = run(*args, store=db, codes=(2,))
        assert proc.stdout == b"" and "Invalid value" in proc.stderr.decode() and "Traceback" not in proc.stderr.decode()


def test_exit_codes_are_distinct(db, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"source_kind": "social", "source": "x:1", "published_at": "2020-11-25T13:00:00Z", '
                   '"text": "ok"}\n{not json\n')
    assert run("ingest", "--no-tag", "--no-correlate", str(bad), store=tmp_path / "p.db", codes=(3,)).returncode == 3
    assert run("search", "--limit", "5000", store=db, codes=(2,)).returncode == 2
    assert run("ingest", str(tmp_path / "missing.jsonl"), store=tmp_path / "p.db", codes=(1,)).returncode == 1
    epilog = " ".join(run("--help", env={"COLUMNS": "400"}).stdout.decode().split())
    assert "Exit codes: 0 ok; 1 fatal error; 2 usage error (a bad option or value); 3 partial success" in epilog


def test_help_has_examples_and_no_type_noise():
    for name in EXAMPLES:
        proc = run(name, "--help", env={"COLUMNS": "200"})
        text = proc.stdout.decode()
        for noise in ("<bool>", "<str>", "<list[", "<int", "<float>", "<path>"):
            assert noise not in text, (name, noise)
        assert "Examples:" in text and EXAMPLES[name][0].split("#")[0].strip() in text, name
    root = run("--help", env={"COLUMNS": "200"}).stdout.decode()
    assert "<bool>" not in root and "--version" in root and "--install-completion" in root


def test_version_and_shell_completion():
    from outagewatch import __version__

    assert run("--version").stdout.decode() == f"outagewatch {__version__} (tagger rules: pure Python)\n"
    script = run("--show-completion", "bash").stdout.decode()
    assert "_OUTAGEWATCH_COMPLETE" in script
    done = run(env={"_OUTAGEWATCH_COMPLETE": "complete_bash", "COMP_WORDS": "outagewatch search --kind s",
                    "COMP_CWORD": "3"})
    assert done.stdout.decode().split() == ["social", "status"]


def test_ingest_shows_progress_on_a_terminal_and_nothing_when_piped(tmp_path):
    import pty
    import select

    data = tmp_path / "many.jsonl"
    data.write_text("".join(json.dumps({"source_kind": "social", "source": "x:1", "native_id": str(n),
                                        "published_at": "2020-11-25T13:00:00Z", "text": f"post {n}"}) + "\n"
                            for n in range(3000)))
    args = ["ingest", "--no-tag", "--no-correlate", str(data)]
    piped = run(*args, store=tmp_path / "a.db")
    assert piped.stderr == b""  # no progress, no escape codes when stderr is not a terminal
    master, slave = pty.openpty()
    base = {k: v for k, v in os.environ.items() if not k.startswith("OUTAGEWATCH_")}
    proc = subprocess.Popen([sys.executable, "-m", "outagewatch", "--store", f"sqlite:///{tmp_path / 'b.db'}", *args],
                            stdout=subprocess.PIPE, stderr=slave, env={**base, "PYTHONPATH": str(REPO)}, cwd=REPO)
    os.close(slave)
    seen = b""
    while True:
        ready, _, _ = select.select([master], [], [], 60)
        if not ready:
            break
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        seen += chunk
    out, _ = proc.communicate(timeout=120)
    os.close(master)
    assert proc.returncode == 0
    assert b"ingesting" in seen  # the rich progress bar, drawn on the terminal
    assert b"stored 3000 new" in out  # the outcome stays on stdout
