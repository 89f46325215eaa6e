"""Capture and replay of the social networks: a recording keeps what each API served in
the network's own JSON, and a replay serves it back to the same client libraries."""

from __future__ import annotations

import json

from outagewatch.collectors import load_sources
from outagewatch.collectors.capture import Capture, Recorder
from outagewatch.collectors.replay import replay
from outagewatch.collectors.run import RunSettings, build_scheduler
from outagewatch.search.query import Query
from outagewatch.search.sqlite import SQLiteStore
from tests.collectors.test_social_failures import CREDS
from tests.collectors.test_social_restart import EXPECTED, servers  # noqa: F401 - the fixture

SOURCES = [
    {"name": "bluesky", "kind": "bluesky", "query": "aws down", "page_size": 10},
    {"name": "mastodon", "kind": "mastodon", "instance": "mastodon.social", "tags": ["outage"], "page_size": 10},
    {"name": "reddit", "kind": "reddit", "subreddits": ["aws"], "page_size": 10},
    {"name": "hn", "kind": "hn", "query": "aws outage", "page_size": 10},
]


def test_a_recorded_capture_replays_every_network_with_authors(tmp_path, servers):  # noqa: F811
    recorder = Recorder(tmp_path / "cap", name="social", sources=SOURCES, step=300)
    live = [dict(s, api_base=servers[s["name"]].base) for s in SOURCES]
    state = SQLiteStore(tmp_path / "state.db")
    scheduler, skipped = build_scheduler(state, load_sources(live), RunSettings(retries=0, timeout=5), social=CREDS,
                                         record=recorder, jitter=False)
    assert not skipped
    scheduler.run_round()
    scheduler.close()
    state.close()
    manifest = json.loads(recorder.save().read_text())
    assert set(manifest["social"]) == set(EXPECTED)
    capture = Capture.load(tmp_path / "cap")
    assert {k: len(v) for k, v in capture.social.items()} == EXPECTED
    assert "uri" in capture.social["mastodon"][0] and "indexedAt" in capture.social["bluesky"][0]
    for server in servers.values():
        server.paths.clear()
    store = SQLiteStore(tmp_path / "replayed.db")
    report = replay(tmp_path / "cap", store)
    assert not report.skipped, report.skipped
    assert all(server.paths == [] for server in servers.values())  # the replay never reached the live servers
    signals = list(store.scan(Query()))
    by_network = {n: [s for s in signals if s.source.startswith(f"{n}:")] for n in EXPECTED}
    assert {n: len(v) for n, v in by_network.items()} == EXPECTED
    assert all(s.author for s in signals)
    assert {s.author for s in by_network["bluesky"]} == {"did:plc:viewer0000000000000000001"}
    store.close()
