"""The bundled 2025-10-20 capture (a reconstruction): replaying it through the real
collectors yields people's posts from every network, tagged and with authors, and the
correlation names DynamoDB in us-east-1 before AWS's first post."""

from __future__ import annotations

from pathlib import Path

import pytest

from outagewatch.collectors.capture import Capture
from outagewatch.collectors.replay import replay
from outagewatch.search.query import Query
from outagewatch.search.sqlite import SQLiteStore
from outagewatch.timeutil import parse_time

CAPTURE = Path(__file__).resolve().parents[2] / "outagewatch" / "captures" / "aws-us-east-1-2025-10-20"
NETWORKS = {"bluesky": "bluesky-search", "mastodon": "mastodon-social-tags", "reddit": "reddit-subs", "hn": "hn-aws",
            "x": "x-outage-search"}
FIRST_AWS_POST = parse_time("2025-10-20T07:11:00Z")


@pytest.fixture(scope="module")
def tagger():
    from outagewatch.pipeline import default_tagger

    return default_tagger()


def test_the_capture_is_labelled_and_rebuilds_identically(tmp_path):
    readme = (CAPTURE / "README.md").read_text("utf-8")
    assert "RECONSTRUCTION" in readme and "https://aws.amazon.com/message/101925/" in readme
    capture = Capture.load(CAPTURE)
    assert set(capture.social) == {"bluesky", "mastodon", "reddit", "hn"}
    assert all(len(items) >= 30 for items in capture.social.values())


def test_replay_yields_tagged_posts_with_authors_from_every_network(tmp_path, tagger):
    store = SQLiteStore(tmp_path / "replay.db")
    until = parse_time("2025-10-20T12:00:00Z")
    report = replay(CAPTURE, store, names=list(NETWORKS.values()), until=until, tag=tagger)
    assert not report.skipped, report.skipped
    assert all(h.errors == 0 for h in report.health.values()), [h.line for h in report.health.values()]
    social = list(store.scan(Query(kinds=("social",))))
    for network in NETWORKS:
        posts = [s for s in social if s.source.startswith(f"{network}:")]
        assert len(posts) >= 20, network
        assert all(s.author for s in posts), network
        assert all(s.published_at <= until for s in posts)
        tagged = [s for s in posts if s.services or s.providers]
        assert len(tagged) >= 0.8 * len(posts), (network, len(tagged), len(posts))
        early = [s for s in posts if "aws/dynamodb" in s.services and s.published_at < FIRST_AWS_POST]
        assert early, f"{network}: no post naming DynamoDB before AWS's first post"
    authors = {s.source.split(":")[0]: {s.author for s in social if s.source.startswith(s.source.split(":")[0])}
               for s in social}
    assert all(len(a) >= 20 for a in authors.values())  # people, not one account posting many times
    store.close()


def test_replay_opens_an_aws_us_east_1_incident_naming_dynamodb_before_aws_says_so(tmp_path, tagger):
    from outagewatch.correlate import recompute

    store = SQLiteStore(tmp_path / "incident.db")
    until = parse_time("2025-10-20T08:00:00Z")
    official = ["aws-multipleservices-us-east-1", "aws-dynamodb-us-east-1"]
    replay(CAPTURE, store, names=list(NETWORKS.values()) + official, until=until, tag=tagger)
    result = recompute(store, now=until)
    aws = [i for i in result.incidents if "aws:us-east-1" in i.regions and "aws" in i.providers]
    assert aws, [i.title for i in result.incidents]
    incident = aws[0]
    cause = incident.common_cause or {}
    assert cause.get("service") == "aws/dynamodb" and cause.get("region") == "aws:us-east-1", cause
    assert incident.first_official_at == FIRST_AWS_POST
    assert incident.detected_at < FIRST_AWS_POST
    assert incident.common_cause_named_at is not None and incident.common_cause_named_at < FIRST_AWS_POST
    store.close()
