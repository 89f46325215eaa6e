"""Tagging Signals in batches keeps what the source set, and ingest tags what it stores."""

from __future__ import annotations

import json
from datetime import datetime, timezone

from outagewatch.signal import Signal
from tests.clihelp import cli_process


def signal(text, source="x:search:outage", kind="social", **fields):
    return Signal(source_kind=kind, source=source, published_at=datetime(2020, 11, 25, 14, tzinfo=timezone.utc),
                  text=text, **fields)


def test_tags_are_merged_with_what_the_source_set(tagger):
    s = signal("Kinesis errors in us-east-1", services=["roku"], regions=["geo:US"], symptoms=["errors"],
               lang="en")
    tagger.tag_signals([s])
    assert s.services == ["roku", "aws/kinesis"]
    assert s.providers == ["aws"]
    assert s.regions == ["geo:US", "aws:us-east-1"]
    assert s.symptoms == ["errors"]
    assert s.lang == "en"


def test_status_and_language_are_filled_only_when_missing(tagger):
    given = signal("This incident has been resolved.", source="statuspage:www.githubstatus.com", kind="status",
                   status="monitoring", lang="de")
    empty = signal("This incident has been resolved.", source="statuspage:www.githubstatus.com", kind="status")
    social = signal("We are investigating, this incident has been resolved", source="x:@github")
    tagger.tag_signals([given, empty, social])
    assert (given.status, given.lang) == ("monitoring", "de")
    assert (empty.status, empty.lang) == ("resolved", "en")
    assert social.status is None


def test_title_and_source_are_evidence(tagger):
    s = signal("Users may be unable to load pages.", source="statuspage:status.flickr.net", kind="status",
               title="Elevated errors in Europe (Frankfurt)")
    tagger.tag_signals([s])
    assert s.services == ["flickr"]
    assert "geo:DE-HE" in s.regions
    assert s.status == "investigating"


def test_big_batches_on_two_processes_give_the_same_tags(tagger):
    from outagewatch.nlp import Tagger

    texts = [("Roku down in us-east-1 #%d" % i, None, None) for i in range(5000)]
    texts += [("Slack is back up, no issues", None, None)] * 100
    two = Tagger(tagger.catalog, processes=2)
    try:
        assert list(two.tag_texts(texts)) == list(tagger.tag_texts(texts))
    finally:
        two.close()


def test_ingest_tags_what_it_stores(tmp_path):
    data = tmp_path / "signals.jsonl"
    lines = [
        {"source_kind": "social", "source": "x:search:roku", "published_at": "2020-11-25T14:00:00Z",
         "text": "Is Roku down? Channels won't load"},
        {"source_kind": "status", "source": "aws-health:kinesis-us-east-1", "published_at": "2020-11-25T14:05:00Z",
         "text": "We are investigating increased error rates for Kinesis in the US-EAST-1 Region.",
         "services": ["custom/thing"]},
    ]
    data.write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    store = f"sqlite:///{tmp_path / 'ow.db'}"
    ingest = cli_process("--store", store, "ingest", "--json", data)
    assert json.loads(ingest.stdout)["new"] == 2
    found = cli_process("--store", store, "search", "--json", "--region", "aws:us-east-1")
    hits = [hit for hit in (json.loads(line) for line in found.stdout.splitlines() if line.strip()) if "id" in hit]
    assert len(hits) == 1
    assert hits[0]["services"] == ["custom/thing", "aws/kinesis"]
    assert hits[0]["status"] == "investigating"
    roku = cli_process("--store", store, "search", "--json", "--service", "roku")
    assert len([line for line in roku.stdout.splitlines() if line.strip() and '"id"' in line]) == 1
