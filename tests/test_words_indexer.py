"""During a bulk load the words index is brought up to date by a second process.

The writer stores rows in SQLite only; the indexer (``outagewatch/search/sqlite/indexer.py``)
reads them back and indexes them. A search of the writer first has it catch up, and
closing the store waits for it, so what the writer sees is never behind what it wrote.
"""

from __future__ import annotations

import os
import signal
import sqlite3

from outagewatch.search.query import Query
from outagewatch.search.sqlite import SQLiteStore
from tests.signals_factory import make_signal


def batch(start: int, n: int, word: str = "outage") -> list:
    return [make_signal(f"{word} number {i}", minutes=i, native_id=f"b{i}") for i in range(start, start + n)]


def mark(path) -> int:
    db = sqlite3.connect(path)
    try:
        return int(db.execute("SELECT value FROM meta WHERE key = 'text_state'").fetchone()[0].split(":")[0])
    finally:
        db.close()


def test_a_bulk_load_is_indexed_by_a_second_process_and_searchable_right_away(tmp_path):
    path = tmp_path / "bulk.db"
    store = SQLiteStore(path)
    store.text.bulk_rows = 1000
    store.upsert(batch(0, 600))
    assert store.text._indexer is None  # small writes: indexed by the writer itself
    store.upsert(batch(600, 600))
    indexer = store.text._indexer
    assert indexer is not None and indexer.alive() and indexer.pid != os.getpid()
    store.upsert(batch(1200, 800))
    assert store.count(Query(text="outage")) == 2000
    assert store.count(Query(text="number", since=batch(1500, 1)[0].published_at)) == 500
    store.upsert([make_signal("changed words", minutes=5, native_id="b5")])  # a rewrite of a stored row
    assert store.count(Query(text="outage")) == 1999
    assert [h.signal.id for h in store.search(Query(text="changed")).hits] == [batch(5, 1)[0].id]
    store.close()
    assert not indexer.alive()  # close waited for it to finish
    assert mark(path) == 2000
    with SQLiteStore(path) as again:
        assert again.text.searcher().num_docs == 2000
        assert again.count(Query(text="outage")) == 1999


def test_an_indexer_killed_mid_load_is_replaced_and_nothing_is_lost_or_doubled(tmp_path):
    path = tmp_path / "killed.db"
    store = SQLiteStore(path)
    store.text.bulk_rows = 1000
    for start in range(0, 3000, 1000):
        store.upsert(batch(start, 1000))
    first = store.text._indexer
    os.kill(first.pid, signal.SIGKILL)
    first.process.wait()
    for start in range(3000, 6000, 1000):
        store.upsert(batch(start, 1000))
    assert store.text._indexer is not first
    assert store.count(Query(text="outage")) == 6000
    assert store.text.searcher().num_docs == 6000
    os.kill(store.text._indexer.pid, signal.SIGKILL)  # and killed again, with nothing written after
    store.text._indexer.process.wait()
    store.upsert(batch(6000, 10))  # a write after it: the load goes on with a new indexer
    assert store.count(Query(text="outage")) == 6010
    store.close()
    with SQLiteStore(path) as again:
        assert again.text.searcher().num_docs == 6010
        assert again.count(Query(text="number")) == 6010
