"""Opening a SQLite store made by an older outagewatch brings it to the current shape.

Stores made before the words index kept words in FTS5 (``signals_fts``); stores made
before upsert kept ``tag_rollup`` by row triggers. Opening either drops what is gone and
fills the rollup from the tags; opening a store already in shape writes nothing (the words
indexer opens the file while its writer holds the write lock during a bulk load).
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from datetime import datetime, timedelta, timezone

from outagewatch.search.query import Query
from outagewatch.search.sqlite import SQLiteStore
from outagewatch.timeutil import to_millis
from tests.signals_factory import make_signal


def signals():
    return [make_signal(f"roku down {i}", minutes=7 * i, services=["roku"], providers=["aws"],
                        regions=["aws:us-east-1"] if i % 2 else [], native_id=f"u{i}") for i in range(40)]


def cells(store):
    return sorted((b.start, b.field, b.value, b.kind, b.count) for b in store.tag_histogram(Query(), "5m"))


def test_an_older_store_loses_fts5_and_triggers_and_gets_its_rollup_back(tmp_path):
    path = tmp_path / "old.db"
    with SQLiteStore(path) as store:
        store.upsert(signals())
        expected = cells(store)
    db = sqlite3.connect(path)
    db.executescript("""
        CREATE VIRTUAL TABLE signals_fts USING fts5(title, text);
        CREATE TRIGGER tags_rollup_insert AFTER INSERT ON tags BEGIN SELECT 1; END;
        DELETE FROM tag_rollup; DELETE FROM meta WHERE key = 'tag_rollup';
    """)
    db.close()
    with SQLiteStore(path) as store:
        names = {n for (n,) in store.database.rows("SELECT name FROM sqlite_master")}
        assert "signals_fts" not in names and "tags_rollup_insert" not in names
        assert cells(store) == expected
        assert store.count(Query(text="roku")) == 40


def test_opening_a_current_store_needs_no_write_lock(tmp_path):
    path = tmp_path / "busy.db"
    with SQLiteStore(path) as store:
        store.upsert(signals())
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process writing
    try:
        from outagewatch.search.sqlite.schema import Database

        database = Database(path)  # would wait 30 s for the lock, then fail, if opening wrote
        assert database.one("SELECT count(*) FROM signals")[0] == 40
        database.close()
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_the_one_time_rollup_fill_floors_times_before_1970(tmp_path):
    """The fill of a store made before the rollup existed puts each tag in the 5 minutes
    Python's floor says (SQLite's ``/`` truncates toward zero: -1 ms would land in bucket 0
    instead of -1), as the writer does; so a later write adds to the same cells."""
    epoch = datetime(1970, 1, 1, tzinfo=timezone.utc)
    times = [epoch - timedelta(milliseconds=1), epoch - timedelta(minutes=5),
             epoch - timedelta(minutes=5, milliseconds=1), epoch - timedelta(days=400, seconds=7), epoch,
             epoch + timedelta(minutes=4, seconds=59)]
    old = [make_signal(f"roku down {i}", published_at=t, services=["roku"], providers=["aws"], regions=["geo:US"],
                       native_id=f"o{i}", report_count=i) for i, t in enumerate(times)]
    path = tmp_path / "old.db"
    with SQLiteStore(path) as store:
        store.upsert(old)
    db = sqlite3.connect(path)
    db.executescript("DELETE FROM tag_rollup; DELETE FROM meta WHERE key = 'tag_rollup';")  # a store from before
    db.close()
    want = Counter()
    for signal in old:
        bucket = to_millis(signal.published_at) // 300_000
        for field, value in (("s", "roku"), ("p", "aws"), ("r", "geo:US")):
            want[(field, value, signal.source_kind, bucket)] += 1
    with SQLiteStore(path) as store:
        rows = store.database.rows("SELECT field, value, kind, bucket, n, reports FROM tag_rollup")
        assert Counter({row[:4]: row[4] for row in rows}) == want
        assert {row[3] for row in rows} == {-1, -2, -115201, 0}
        # a rewrite takes its old counts back from the same cells: none is left at zero or below
        store.upsert([make_signal("roku fine", published_at=times[0], services=["roku"], native_id="o0")])
        cells = dict(((f, v, k, b), n) for f, v, k, b, n, _ in store.database.rows("SELECT * FROM tag_rollup"))
        assert min(cells.values()) >= 0 and cells[("p", "aws", old[0].source_kind, -1)] == want[
            ("p", "aws", old[0].source_kind, -1)] - 1
