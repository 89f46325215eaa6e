"""Nothing is lost and nothing is duplicated when Elasticsearch goes away mid-ingest.

The node is really stopped (scripts/elasticsearch.sh stop) while bulk requests are in
flight, the ingest carries on into the local spool, the writing process closes with the
node still down, and a new process delivers the spool once the node is back.
"""

from __future__ import annotations

import itertools
import threading
from datetime import timedelta

import pytest

from outagewatch.pipeline import store_signals
from outagewatch.search import open_store
from outagewatch.search.elasticsearch import ElasticsearchStore
from outagewatch.search.query import Query
from outagewatch.signal import Signal
from tests.elasticsearch.node import script, unique_prefix
from tests.signals_factory import T0, make_signal

pytestmark = [pytest.mark.elasticsearch, pytest.mark.slow]

TOTAL = 100_000
STOP_AT = 30_000      # the node is told to stop when this many signals have been produced
RESUME_AT = 60_000    # production waits here until the node is really down


def _signals(halfway: threading.Event, stopped: threading.Event):
    for i in range(TOTAL):
        if i == STOP_AT:
            halfway.set()
        if i == RESUME_AT:
            assert stopped.wait(120), "the node did not stop"
        yield Signal(source_kind="social", source=f"x:search:{i % 17}", published_at=T0 + timedelta(seconds=i),
                     text=f"signal {i} roku down", native_id=str(i), services=["roku"])


def test_stopping_the_node_mid_ingest_loses_and_duplicates_nothing(elasticsearch_node, tmp_path):
    prefix = unique_prefix("durable")
    spool_dir = tmp_path / "spool"
    store = ElasticsearchStore(elasticsearch_node.url, prefix=prefix, spool_dir=spool_dir, request_timeout=10)
    halfway, stopped = threading.Event(), threading.Event()
    outcome: dict = {}

    def ingest():
        try:
            outcome["result"] = store_signals(store, _signals(halfway, stopped), batch_size=2000)
        except BaseException as exc:  # noqa: BLE001 - reported by the main thread
            outcome["error"] = exc

    writer = threading.Thread(target=ingest)
    writer.start()
    try:
        assert halfway.wait(300)
        script("stop")  # while bulk requests are in flight
        stopped.set()
        writer.join(600)
        assert not writer.is_alive()
        assert "error" not in outcome, outcome.get("error")
        waiting = store.pending
        assert 40_000 <= waiting <= TOTAL - 1, waiting  # at least what came after the stop
        store.close()  # the process ends with the node still down: the spool stays on disk
    finally:
        stopped.set()
        script("start")
    assert any(spool_dir.glob("*.spool"))

    later = ElasticsearchStore(elasticsearch_node.url, prefix=prefix, spool_dir=spool_dir)
    try:
        assert later.pending == waiting
        assert later.flush() == 0
        assert later.count(Query()) == TOTAL
        # no copy anywhere: every backing index counted, not only what the alias dedupes
        assert later.client.count(index=f"{prefix}-signals-*")["count"] == TOTAL
        expected = [make_id(i) for i in range(TOTAL)]
        for start in range(0, TOTAL, 10_000):  # every id is there (and, by the counts above, once)
            chunk = expected[start:start + 10_000]
            assert later.client.count(index=later.names.signals, query={"ids": {"values": chunk}})["count"] == len(chunk)
        # re-ingesting a slice finds it stored already, unchanged
        again = later.upsert(list(itertools.islice(_signals(threading.Event(), _set()), 5000)))
        assert (again.new, again.updated, again.unchanged) == (0, 0, 5000)
    finally:
        later.drop()
        later.close()
    assert not any(spool_dir.glob("*.spool"))


def make_id(i: int) -> str:
    from outagewatch.signal import signal_id

    return signal_id(f"x:search:{i % 17}", str(i))


def _set() -> threading.Event:
    event = threading.Event()
    event.set()
    return event


def test_a_changed_signal_in_an_older_index_is_updated_in_place_after_rollover(elasticsearch_node, tmp_path):
    store = ElasticsearchStore(elasticsearch_node.url, prefix=unique_prefix("roll"), spool_dir=tmp_path)
    try:
        first = [make_signal(f"roku down {i}", minutes=i, native_id=f"r{i}") for i in range(50)]
        assert store.upsert(first).new == 50
        assert store.rollover()
        assert len(store.backing_indices()) == 2
        changed = [make_signal(f"roku is back {i}", minutes=i, native_id=f"r{i}") for i in range(25)]
        fresh = [make_signal(f"flickr down {i}", minutes=i, native_id=f"f{i}") for i in range(10)]
        result = store.upsert(changed + fresh + first[25:])
        assert (result.new, result.updated, result.unchanged) == (10, 25, 25)
        store.client.indices.refresh(index=f"{store.names.prefix}-signals-*")
        assert store.client.count(index=f"{store.names.prefix}-signals-*")["count"] == 60
        assert store.count(Query(text="back")) == 25
        assert store.get(changed[0].id).text == "roku is back 0"
        reopened = open_store(store.url, spool_dir=tmp_path)  # the store's URL names its indices
        assert reopened.count(Query()) == 60
        reopened.close()
    finally:
        store.drop()
        store.close()
