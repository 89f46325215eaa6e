"""A user's story with the data commands: ingest a file, search it, export it, ingest it again."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.clihelp import Ran, cli

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "examples" / "signals" / "sample.jsonl"


def run(*args, store: Path, stdin: bytes | None = None, check_codes=(0,)) -> Ran:
    """The CLI against the given store, in this process."""
    ran = cli("--store", f"sqlite:///{store}", *args, input=stdin, check=False)
    assert ran.code in check_codes, ran.stderr
    return ran


@pytest.fixture
def db(tmp_path) -> Path:
    return tmp_path / "ow.db"


def signals(stdout) -> list[dict]:
    """The Signals of ``search --json`` (every line but the final meta line, checked)."""
    rows = [json.loads(line) for line in stdout.splitlines()]
    assert rows and set(rows[-1]) == {"meta"}, rows[-1:]
    return rows[:-1]


def stats(db: Path) -> dict:
    return json.loads(run("stats", "--json", store=db).stdout)


def test_ingesting_the_same_file_twice_changes_no_count(db):
    first = json.loads(run("ingest", "--no-tag", "--json", str(SAMPLE), store=db).stdout)
    before = stats(db)
    second = json.loads(run("ingest", "--no-tag", "--json", str(SAMPLE), store=db).stdout)
    after = stats(db)
    lines = sum(1 for line in SAMPLE.read_text().splitlines() if line.strip())
    assert first["new"] == lines and first["rejected"] == 0
    assert second["new"] == 0 and second["unchanged"] == lines
    for key in ("total", "by_kind", "by_source", "by_service"):
        assert before[key] == after[key]


def test_bad_lines_are_named_and_the_good_ones_stored(db, tmp_path):
    good = {"source_kind": "social", "source": "x:search:roku", "published_at": "2020-11-25T13:21:00Z",
            "text": "Is Roku down?"}
    lines = [
        json.dumps(good),
        "{not json",
        json.dumps({**good, "text": None}),
        json.dumps({k: v for k, v in good.items() if k != "text"}),
        json.dumps({**good, "published_at": "yesterday-ish"}),
        json.dumps({**good, "source_kind": "rumour"}),
        json.dumps({**good, "text": "x" * (10 * 1024 * 1024)}),
        "",
        json.dumps({**good, "text": "Flickr uploads failing", "published_at": "2020-11-25T13:24:00+00:00"}),
        "[1, 2, 3]",
    ]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines) + "\n")
    proc = run("ingest", "--no-tag", str(path), store=db, check_codes=(3,))  # partial: the rest stored
    err = proc.stderr
    assert "line 2: bad JSON" in err
    assert "line 3: text is missing" in err
    assert "line 4: text is missing" in err
    assert "line 5: published_at is not a time" in err
    assert "line 6: source_kind must be one of" in err
    assert "line 7: line too long (10.0 MB" in err
    assert "line 10: expected a JSON object" in err
    assert "line 8" not in err  # a blank line is not an error
    assert "stored 2 new" in proc.stdout
    assert stats(db)["total"] == 2


def test_ingest_reads_stdin_and_keeps_tags_given_in_the_file(db):
    record = {"source_kind": "status", "source": "statuspage:status.flickr.net", "published_at": "2020-11-25T14:00:00Z",
              "text": "Uploads degraded", "status": "investigating", "services": ["flickr"], "regions": ["aws:us-east-1"]}
    run("ingest", "--no-tag", "-", store=db, stdin=(json.dumps(record) + "\n").encode())
    hits = signals(run("search", "--json", "--region", "aws:us-east-1", store=db).stdout)
    assert [h["services"] for h in hits] == [["flickr"]]
    assert hits[0]["status"] == "investigating"


def test_search_filters_and_json_lines_output(db):
    run("ingest", "--no-tag", str(SAMPLE), store=db)
    out = run("search", "kinesis", "--kind", "status", "--json", "--limit", "100", store=db).stdout
    hits = signals(out)
    assert hits and all(h["source_kind"] == "status" for h in hits)
    assert all("kinesis" in (h["text"] + (h["title"] or "")).lower() for h in hits)
    assert all("<mark>" in " ".join(h["highlights"]) for h in hits)
    early = signals(run("search", "--json", "--until", "2020-11-25T00:00:00Z", store=db).stdout)
    assert len(early) == 2
    bad = run("search", "--since", "last tuesday-ish", store=db, check_codes=(2,))
    assert "cannot read" in bad.stderr and "Traceback" not in bad.stderr


def test_export_then_ingest_elsewhere_gives_the_same_signals(db, tmp_path):
    run("ingest", "--no-tag", str(SAMPLE), store=db)
    exported = run("export", store=db).stdout
    copy = tmp_path / "copy.db"
    run("ingest", "--no-tag", "-", store=copy, stdin=exported)
    original = [json.loads(line) for line in exported.splitlines()]
    again = [json.loads(line) for line in run("export", store=copy).stdout.splitlines()]
    assert again == original and len(original) == len(SAMPLE.read_text().splitlines())


def test_catalog_json_has_the_promised_shape():
    data = json.loads(cli("catalog", "--json").stdout)
    assert set(data) == {"providers", "regions", "services"}
    services = {s["id"]: s for s in data["services"]}
    assert len(services) >= 150
    assert {"id", "name", "aliases", "provider", "depends_on"} <= set(services["aws/kinesis"])
    assert services["aws/kinesis"]["provider"] == "aws"
    assert "aws:us-east-1" in services["roku"]["depends_on"]
    regions = {r["id"] for r in data["regions"]}
    assert {"aws:us-east-1", "gcp:us-east4", "azure:eastus"} <= regions
    assert {"aws", "gcp", "azure", "cloudflare", "fastly", "akamai", "oracle", "digitalocean", "ovhcloud", "ibm"} <= {
        p["id"] for p in data["providers"]}


def test_an_unreadable_store_is_one_clear_line(tmp_path):
    bogus = tmp_path / "not-a-db.db"
    bogus.write_bytes(b"this is not sqlite" * 100)
    proc = run("stats", store=bogus, check_codes=(1,))
    err = proc.stderr
    assert err.startswith("error: cannot open store") and "Traceback" not in err and len(err.splitlines()) == 1


def test_every_update_of_one_status_incident_is_kept_and_a_repeated_line_is_counted(db, tmp_path):
    """Status pages give all updates of an incident one link, report pages give all their
    points one link: without a native id, link and time together are the item. A line that
    repeats another's identity in the same file is said, not silently dropped."""
    page = "https://status.example.com/incidents/abc"
    updates = [{"source_kind": "status", "source": "statuspage:status.example.com", "url": page,
                "published_at": f"2025-06-12T18:{minute:02d}:00Z", "text": f"update at {minute}",
                "status": "investigating"} for minute in (10, 40)]
    points = [{"source_kind": "reports", "source": "reports:downdetector/example", "url": "https://dd.example/ex",
               "published_at": f"2025-06-12T18:{minute:02d}:00Z", "text": "User reports", "report_count": minute}
              for minute in (15, 30)]
    post = {"source_kind": "social", "source": "x:search:example", "url": "https://x.com/a/status/1",
            "published_at": "2025-06-12T18:20:00Z", "text": "example is down"}
    edited = {**post, "text": "example is down again"}
    path = tmp_path / "day.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in [*updates, *points, post, edited]))
    summary = json.loads(run("ingest", "--no-tag", "--json", str(path), store=db).stdout)
    assert (summary["new"], summary["repeated"], summary["rejected"]) == (5, 1, 0)
    assert stats(db)["total"] == 5
    texts = {row["text"] for row in signals(run("search", "--json", "--limit", "10", store=db).stdout)}
    assert {"update at 10", "update at 40", "example is down again"} <= texts
    assert "example is down" not in texts
    said = run("ingest", "--no-tag", str(path), store=db).stdout
    assert "1 line(s) repeated another line's id" in said
