"""The SQLite file: its tables, how it is opened, and the one migration it has.

- ``signals``: one row per Signal, columns generated from the field table
  (:mod:`outagewatch.search.fields`), tag lists as JSON for reading back, and the 16-byte
  content fingerprint.
- ``tags``: one row per (field, value, published_at, signal), a covering index for
  "service X between T1 and T2" and for histograms by tag. Source kind and source are
  rows here too, so every filter and facet goes through one (field, value, time) index.
- ``text_pending``: rows rewritten since the words index (:mod:`.textindex`, a Tantivy
  index in the folder beside the file) last caught up; ``meta.text_state`` says how far
  it has. (Stores made before kept words in an FTS5 table, ``signals_fts``: dropped on open.)
- ``tag_rollup``: counts per (tag, source kind, 5 minutes) for correlation (:mod:`.writes`).
- ``checkpoints``, ``incidents``, ``incident_feedback``: collector and correlation state.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import sqlite3
import threading
import time
import weakref
from pathlib import Path
from typing import Any, Iterator

from outagewatch.search.fields import SQL_COLUMNS, sql_column_definitions

TAG_CODES = {"services": "s", "providers": "p", "regions": "r", "symptoms": "y"}
INDEXED_CODES = {**TAG_CODES, "source_kind": "k", "source": "o"}
COLUMN_FACETS = {"lang": "lang", "status": "status"}

# Correlation reads counts per (tag, source kind, 5 minutes) for every tag at once; see writes.py.
ROLLUP_SECONDS = 300
ROLLUP_CODES = ("s", "p", "r")

SCHEMA = f"""
CREATE TABLE IF NOT EXISTS signals (
    rowid INTEGER PRIMARY KEY,
    {sql_column_definitions()},
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
"""

ROLLUP_SCHEMA = """
CREATE TABLE IF NOT EXISTS tag_rollup (
    field TEXT NOT NULL, value TEXT NOT NULL, kind TEXT NOT NULL, bucket INTEGER NOT NULL,
    n INTEGER NOT NULL, reports INTEGER NOT NULL, PRIMARY KEY (field, value, kind, bucket)
) WITHOUT ROWID;
DROP TRIGGER IF EXISTS tags_rollup_insert;
DROP TRIGGER IF EXISTS tags_rollup_delete;
DROP TABLE IF EXISTS signals_fts;
"""

# A signals row as every reader selects it: its rowid, then the field table's columns.
COLUMNS = "s.rowid, " + ", ".join(f"s.{name}" for name in SQL_COLUMNS)
ROWID, ID, PUBLISHED = 0, 1 + SQL_COLUMNS.index("id"), 1 + SQL_COLUMNS.index("published_at")


# Bulk-load batches share a transaction for up to this long; an open one is committed this
# long after the last batch (see Database.transaction).
GROUP_SECONDS = 1.0
GROUP_IDLE_SECONDS = 0.2
BUSY_MS = 30000

# Every open Database, so that a process ending without close() still commits its batches.
_OPEN: "weakref.WeakSet[Database]" = weakref.WeakSet()


@atexit.register
def _flush_open() -> None:
    for database in list(_OPEN):
        if database.pid == os.getpid():  # never from a forked child on its parent's connection
            with contextlib.suppress(Exception):
                database.flush()


class StoreOpenError(RuntimeError):
    """The store named by the configuration cannot be opened; the message says which and why."""


class Database:
    """The connection and the lock every module of the SQLite store shares.

    One connection, used from any thread under ``lock`` (an API server's worker threads,
    a collector's scheduler): SQLite connections are not safe to share unguarded."""

    def __init__(self, path: Path) -> None:
        self.path = path
        if str(path) != ":memory:":
            path.parent.mkdir(parents=True, exist_ok=True)
        self.lock = threading.RLock()
        self._group_since: float | None = None  # when the open group of bulk batches began
        self._group_last = 0.0
        self._idle_timer: threading.Timer | None = None
        self.pid = os.getpid()
        _OPEN.add(self)
        try:
            self.db = sqlite3.connect(str(path), timeout=30, isolation_level=None, check_same_thread=False)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute(f"PRAGMA busy_timeout={BUSY_MS}")
            self.db.execute("PRAGMA cache_size=-131072")
            self.db.execute("PRAGMA temp_store=MEMORY")
            # Checkpoint the WAL every ~64 MB rather than 4 MB: a bulk ingest rewrites the
            # same index pages in batch after batch, and each checkpoint copies them again
            # (~20% of ingest time at the default). The file is cut back to 64 MB afterwards.
            self.db.execute("PRAGMA wal_autocheckpoint=16384")
            self.db.execute("PRAGMA journal_size_limit=67108864")
            self.db.executescript(SCHEMA)
            self._ensure_rollup()
        except sqlite3.DatabaseError as exc:
            raise StoreOpenError(f"cannot open SQLite store {path}: {exc}") from exc

    @contextlib.contextmanager
    def transaction(self, *, group: bool = False) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken up front (``BEGIN IMMEDIATE``) so that a reader
        turning writer never deadlocks against another writer.

        ``group``: a batch of a bulk load. Its transaction may stay open for the next such
        batches, up to ``GROUP_SECONDS``; it is committed by the batch that ends that time,
        by any other write of this process (:meth:`flush` comes first), by a search that
        needs the words indexer, by ``close()``, or ``GROUP_IDLE_SECONDS`` after the last
        batch. Why: each commit writes every page a batch touched to the WAL, and the random
        ids' index is touched all over (at a million Signals, half the cost of storing
        one); a transaction of 1 s of batches writes each of those pages once.
        A failed batch inside an open group is rolled back alone (a savepoint)."""
        with self.lock:
            if self._group_since is not None and not group:
                self.flush()
            if self._group_since is not None:
                self.db.execute("SAVEPOINT batch")
                try:
                    yield self.db
                except BaseException:
                    self.db.execute("ROLLBACK TO batch")
                    self.db.execute("RELEASE batch")
                    raise
                self.db.execute("RELEASE batch")
                self._group_last = time.monotonic()
                if self._group_last - self._group_since >= GROUP_SECONDS:
                    self.flush()
                else:
                    self._arm_idle_commit()
                return
            self.db.execute("BEGIN IMMEDIATE")
            try:
                yield self.db
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            if group:
                self._group_since = self._group_last = time.monotonic()
                self._arm_idle_commit()
            else:
                self.db.execute("COMMIT")

    def flush(self) -> None:
        """Commit the open group of bulk-load batches, if any."""
        with self.lock:
            if self._group_since is not None:
                self._group_since = None
                self.db.execute("COMMIT")

    def _arm_idle_commit(self) -> None:
        if self._idle_timer is not None:
            self._idle_timer.cancel()
        self._idle_timer = threading.Timer(GROUP_IDLE_SECONDS, self._commit_if_idle)
        self._idle_timer.daemon = True
        self._idle_timer.start()

    def _commit_if_idle(self) -> None:
        with self.lock:
            if self._group_since is not None and time.monotonic() - self._group_last >= GROUP_IDLE_SECONDS * 0.9:
                with contextlib.suppress(sqlite3.Error):
                    self.flush()

    def rows(self, sql: str, params: Any = ()) -> list[tuple]:
        with self.lock:
            return self.db.execute(sql, params).fetchall()

    def one(self, sql: str, params: Any = ()) -> tuple | None:
        with self.lock:
            return self.db.execute(sql, params).fetchone()

    def execute(self, sql: str, params: Any = ()) -> None:
        """One statement on its own (a write commits any open group of batches first)."""
        with self.lock:
            self.flush()
            self.db.execute(sql, params)

    def close(self) -> None:
        with self.lock:
            if self._idle_timer is not None:
                self._idle_timer.cancel()
            with contextlib.suppress(sqlite3.Error):
                self.flush()
            self.db.close()
            _OPEN.discard(self)

    def _ensure_rollup(self) -> None:
        """Create the tag rollup, filling it once from the tags of a store made before it existed.
        A store made while triggers kept the rollup loses them here: upsert keeps it now.
        A store already in that shape is only read (no write lock: the words indexer opens
        the file while its writer holds that lock for a bulk load)."""
        names = {name for (name,) in self.db.execute(
            "SELECT name FROM sqlite_master WHERE name IN ('tag_rollup', 'tags_rollup_insert', 'tags_rollup_delete',"
            " 'signals_fts')")}
        if names == {"tag_rollup"} and self.db.execute("SELECT 1 FROM meta WHERE key = 'tag_rollup'").fetchone():
            return
        with self.transaction() as db:
            for statement in _statements(ROLLUP_SCHEMA):
                db.execute(statement)
            if db.execute("SELECT 1 FROM meta WHERE key = 'tag_rollup'").fetchone():
                return
            db.execute("DELETE FROM tag_rollup")
            db.execute(
                f"INSERT INTO tag_rollup (field, value, kind, bucket, n, reports)"
                f" SELECT t.field, t.value, s.source_kind, t.published_at / {ROLLUP_SECONDS * 1000}, count(*),"
                f" coalesce(sum(s.report_count), 0) FROM tags t JOIN signals s ON s.rowid = t.sid"
                f" WHERE t.field IN ('s', 'p', 'r') GROUP BY 1, 2, 3, 4")
            db.execute("INSERT INTO meta (key, value) VALUES ('tag_rollup', '1')")


def _statements(script: str) -> Iterator[str]:
    """Split a script into whole statements (trigger bodies hold semicolons too)."""
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            yield pending.strip()
            pending = ""
