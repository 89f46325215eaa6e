"""The bundled 2020-11-25 capture carries the people of 2020 beyond X: Mastodon, Reddit and
Hacker News (Bluesky did not exist yet). Replaying them through the real collectors gives
tagged posts with authors."""

from __future__ import annotations

from pathlib import Path

from outagewatch.collectors.replay import replay
from outagewatch.search.query import Query
from outagewatch.search.sqlite import SQLiteStore
from outagewatch.timeutil import parse_time
from tests.collectors.test_capture_2025 import tagger  # noqa: F401 - the fixture

CAPTURE = Path(__file__).resolve().parents[2] / "outagewatch" / "captures" / "aws-us-east-1-2020-11-25"
NETWORKS = {"mastodon": "mastodon-social-tags", "reddit": "reddit-subs", "hn": "hn-aws"}


def test_replay_yields_tagged_posts_with_authors_from_mastodon_reddit_and_hn(tmp_path, tagger):  # noqa: F811
    store = SQLiteStore(tmp_path / "replay.db")
    until = parse_time("2020-11-25T20:00:00Z")
    report = replay(CAPTURE, store, names=list(NETWORKS.values()), until=until, tag=tagger)
    assert not report.skipped and all(h.errors == 0 for h in report.health.values()), report.to_dict()
    social = list(store.scan(Query(kinds=("social",))))
    for network in NETWORKS:
        posts = [s for s in social if s.source.startswith(f"{network}:")]
        assert len(posts) >= 8, (network, len(posts))
        assert all(s.author for s in posts)
        tagged = [s for s in posts if s.services or s.providers]
        assert len(tagged) >= 0.8 * len(posts), (network, len(tagged), len(posts))
        assert any("aws" in s.providers or any(x.startswith("aws/") for x in s.services) for s in posts), network
    store.close()
