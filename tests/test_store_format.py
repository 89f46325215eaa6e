"""The SQLite store's file format: a file of format 1 (every store made before the format
was noted in ``meta``) is upgraded in place on open, and answers as a store made anew.

The format-1 file is built here from its own schema, kept below as it was, and written the
way the format-1 writer wrote it (the id UNIQUE, tags as text rows with source kind and
source among them), not by the current code; its words index is built by the current code
before the upgrade, and must stay valid through it (the rowids are kept).
"""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import orjson
import pytest

from outagewatch.search.fields import SQL_COLUMNS, fingerprint, signal_to_row
from outagewatch.search.query import Query
from outagewatch.search.sqlite import SQLiteStore, StoreOpenError
from outagewatch.search.sqlite.schema import FORMAT
from tests.signals_factory import T0, make_signal

# The file format 1 schema, as outagewatch/search/sqlite/schema.py created it until format 2.
FORMAT_1_SCHEMA = """
CREATE TABLE IF NOT EXISTS signals (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE, source_kind TEXT NOT NULL, source TEXT NOT NULL, published_at INTEGER NOT NULL,
    collected_at INTEGER, author TEXT, url TEXT, title TEXT, text TEXT NOT NULL, lang TEXT, report_count INTEGER,
    status TEXT, services TEXT, providers TEXT, regions TEXT, symptoms TEXT, raw TEXT,
    fingerprint BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS signals_time ON signals(published_at);
CREATE TABLE IF NOT EXISTS tags (
    field TEXT NOT NULL, value TEXT NOT NULL, published_at INTEGER NOT NULL, sid INTEGER NOT NULL,
    PRIMARY KEY (field, value, published_at, sid)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS text_pending (seq INTEGER PRIMARY KEY, rowid INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS checkpoints (source TEXT PRIMARY KEY, state TEXT NOT NULL, updated_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS incidents (
    id TEXT PRIMARY KEY, started_at INTEGER NOT NULL, ended_at INTEGER, detected_at INTEGER, doc TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS incidents_time ON incidents(started_at);
CREATE TABLE IF NOT EXISTS incident_feedback (id TEXT PRIMARY KEY, verdict TEXT NOT NULL, note TEXT, at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS tag_rollup (
    field TEXT NOT NULL, value TEXT NOT NULL, kind TEXT NOT NULL, bucket INTEGER NOT NULL,
    n INTEGER NOT NULL, reports INTEGER NOT NULL, PRIMARY KEY (field, value, kind, bucket)
) WITHOUT ROWID;
INSERT INTO meta (key, value) VALUES ('tag_rollup', '1');
"""


def write_format_1(path, signals) -> None:
    """Store ``signals`` as the format-1 writer did: rows, text tag rows (source kind and
    source included, each value once), rollup counts of services, providers and regions."""
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.executescript(FORMAT_1_SCHEMA)
    db.execute("BEGIN")
    for rowid, signal in enumerate(signals, start=1):
        row = signal_to_row(signal)
        db.execute(f"INSERT INTO signals (rowid, {', '.join(SQL_COLUMNS)}, fingerprint) VALUES"
                   f" ({','.join('?' * (len(SQL_COLUMNS) + 2))})", (rowid, *row, fingerprint(signal)))
        published = row[SQL_COLUMNS.index("published_at")]
        tags = [("k", signal.source_kind), ("o", signal.source)]
        for code, values in zip("spry", (signal.services, signal.providers, signal.regions, signal.symptoms)):
            tags += [(code, value) for value in dict.fromkeys(values)]
        db.executemany("INSERT INTO tags VALUES (?,?,?,?)", [(c, v, published, rowid) for c, v in tags])
        db.executemany(
            "INSERT INTO tag_rollup VALUES (?,?,?,?,1,?) ON CONFLICT DO UPDATE SET n = n + 1,"
            " reports = reports + excluded.reports",
            [(c, v, signal.source_kind, published // 300_000, signal.report_count or 0) for c, v in tags if c in "spr"])
    db.execute("INSERT INTO checkpoints VALUES ('statuspage:status.aws.amazon.com', ?, 1606309200000)",
               (orjson.dumps({"etag": "abc", "seen": ["x1", "x2"]}).decode(),))
    db.execute("COMMIT")
    db.close()


def signals():
    out = []
    for i in range(300):
        service = ("roku", "flickr", "aws/kinesis")[i % 3]
        kind = ("social", "social", "status", "reports", "news")[i % 5]
        out.append(make_signal(
            f"{service.split('/')[-1]} down again, login errors {i}" if i % 4 else f"{service} is slow today",
            minutes=3 * i, source=f"{kind}:{service}", source_kind=kind, native_id=f"f{i}",
            title="Degraded performance" if kind == "status" else None,
            services=[service], providers=["aws"] if service == "aws/kinesis" else [],
            regions=["aws:us-east-1", "geo:US-VA"] if i % 7 == 0 else [], symptoms=["login"] if i % 4 else [],
            report_count=i if kind == "reports" else None, lang="en", raw={"n": i}, collected_at=T0))
    return out


QUERIES = [
    Query(limit=50),
    Query(text="down", limit=50),
    Query(text='"login errors"', limit=50),
    Query(text="roku OR kinesis", services=("roku",), limit=50),
    Query(services=("aws/kinesis",), sort="newest", limit=50),
    Query(kinds=("status",), sort="oldest", limit=50),
    Query(sources=("reports:flickr",), limit=50),
    Query(kinds=("reports",), sources=("reports:flickr",), limit=50),
    Query(regions=("aws:us-east-1",), since=T0 + timedelta(hours=2), until=T0 + timedelta(hours=12), limit=50),
    Query(providers=("aws",), kinds=("social", "news"), limit=50),
    Query(text="slow", kinds=("social",), limit=50),
]


def answers(store) -> dict:
    out: dict = {}
    for i, query in enumerate(QUERIES):
        result = store.search(query)
        out[f"search {i}"] = ([(h.signal.id, h.score, h.highlights) for h in result.hits], result.total)
        out[f"count {i}"] = store.count(query)
        out[f"facets {i}"] = store.facets(query, ["services", "providers", "regions", "source_kind", "source"])
        out[f"histogram {i}"] = store.histogram(query, "1h", by="source_kind")
        out[f"histogram by service {i}"] = store.histogram(query, "1h", by="services")
    out["tag histogram"] = sorted(store.tag_histogram(Query(), "5m"), key=repr)
    out["tag histogram 15m"] = sorted(store.tag_histogram(Query(kinds=("social",)), "15m"), key=repr)
    stats = store.stats()
    out["stats"] = (stats.total, stats.by_kind, stats.by_source, stats.by_service)
    out["signals"] = [store.get(s.id) for s in signals()]
    out["scan"] = [s.id for s in store.scan(Query(kinds=("status",)))]
    return out


def test_a_format_1_file_is_upgraded_on_open_and_answers_as_a_new_store(tmp_path):
    old, new = tmp_path / "old.db", tmp_path / "new.db"
    write_format_1(old, signals())
    with SQLiteStore(new) as store:
        store.upsert(signals())
        store.set_checkpoint("statuspage:status.aws.amazon.com", {"etag": "abc", "seen": ["x1", "x2"]})
        expected = answers(store)
    # a format-1 store with a words index (made by the current code, which keys it by rowid),
    # an incident and feedback: all of it must come through the upgrade
    db = sqlite3.connect(old)
    assert db.execute("SELECT count(*) FROM meta WHERE key = 'schema'").fetchone()[0] == 0
    db.close()
    with SQLiteStore(old) as store:
        store.upsert_incidents([{"id": "inc-1", "started_at": T0, "title": "AWS us-east-1"}])
        store.set_feedback("inc-1", "confirmed", "seen it")
        assert store.count(Query(text="down")) > 0  # the words index is built and committed
        before = (store.checkpoints(), store.get_incident("inc-1"), store.feedback())
    # the store above was upgraded by that open; put it back to format 1 with its words index
    # and state, so the upgrade under test starts from what an older outagewatch left
    assert (tmp_path / "old.db.words" / "meta.json").is_file()
    state = sqlite3.connect(old)
    kept = {table: state.execute(f"SELECT * FROM {table}").fetchall()
            for table in ("checkpoints", "incidents", "incident_feedback")}
    mark = state.execute("SELECT value FROM meta WHERE key = 'text_state'").fetchone()
    assert mark[0].startswith("300:")
    state.close()
    for suffix in ("", "-wal", "-shm"):
        (tmp_path / f"old.db{suffix}").unlink(missing_ok=True)
    write_format_1(old, signals())
    db = sqlite3.connect(old, isolation_level=None)
    for table, rows in kept.items():
        db.executemany(f"INSERT OR REPLACE INTO {table} VALUES ({','.join('?' * len(rows[0]))})", rows)
    db.execute("INSERT INTO meta VALUES ('text_state', ?)", mark)
    db.close()

    with SQLiteStore(old) as store:
        assert store.database.one("SELECT value FROM meta WHERE key = 'schema'")[0] == str(FORMAT)
        assert answers(store) == expected
        assert (store.checkpoints(), store.get_incident("inc-1"), store.feedback()) == before
        assert store.feedback()["inc-1"]["verdict"] == "confirmed"
        # the words index was kept, not rebuilt (its mark still names its folder)
        assert store.database.one("SELECT value FROM meta WHERE key = 'text_state'") == mark
        # ids are still found: the same Signals again are unchanged, a changed one replaces
        again = store.upsert(signals())
        assert (again.unchanged, again.new, again.updated) == (300, 0, 0)
        changed = signals()[5]
        changed.text = "roku back up"
        assert store.upsert([changed]).updated == 1
        assert [h.signal.id for h in store.search(Query(text="back")).hits] == [changed.id]
        assert store.count(Query()) == 300
        names = {n for (n,) in store.database.rows("SELECT name FROM sqlite_master")}
        assert not {"signals_format1", "tags_format1"} & names


def test_opening_an_upgraded_file_again_changes_nothing(tmp_path):
    path = tmp_path / "old.db"
    write_format_1(path, signals())
    with SQLiteStore(path) as store:
        first = answers(store)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process writing: opening must not need the lock
    try:
        with SQLiteStore(path, create=False) as store:
            assert answers(store) == first
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_a_file_of_a_newer_format_is_refused_in_one_line(tmp_path):
    path = tmp_path / "new.db"
    with SQLiteStore(path) as store:
        store.upsert(signals()[:3])
    db = sqlite3.connect(path)
    db.execute("UPDATE meta SET value = ? WHERE key = 'schema'", (str(FORMAT + 1),))
    db.commit()
    db.close()
    with pytest.raises(StoreOpenError, match=f"format {FORMAT + 1}, newer than this outagewatch reads"):
        SQLiteStore(path)


def test_a_format_2_file_gets_its_source_kind_rows(tmp_path):
    """Format 2 (main for an hour) kept no source-kind rows: opening adds them."""
    old, new = tmp_path / "old.db", tmp_path / "new.db"
    with SQLiteStore(new) as store:
        store.upsert(signals())
        expected = answers(store)
    with SQLiteStore(old) as store:
        store.upsert(signals())
    db = sqlite3.connect(old)
    db.execute("DELETE FROM tags WHERE vid IN (SELECT vid FROM tag_values WHERE field = 'k')")
    db.execute("DELETE FROM tag_values WHERE field = 'k'")
    db.execute("UPDATE meta SET value = '2' WHERE key = 'schema'")
    db.commit()
    db.close()
    with SQLiteStore(old) as store:
        assert store.database.one("SELECT value FROM meta WHERE key = 'schema'")[0] == str(FORMAT)
        assert answers(store) == expected
        assert store.stats().by_kind == {"social": 120, "status": 60, "reports": 60, "news": 60}
