"""The embedded default store: one SQLite file (WAL), and a words index derived from it.

:class:`SQLiteStore` is the :class:`~outagewatch.search.base.BaseStore` primitives wired
to one module per concern:

- :mod:`.schema`: the tables, opening the file, migrations, the shared connection;
- :mod:`.idkeys`: during a bulk load, the ids found in memory while their index is away;
- :mod:`.writes`: a batch's rows, tags, words and rollup counts;
- :mod:`.filters` and :mod:`.planner`: which index answers each search;
- :mod:`.textindex`: the words index (Tantivy, in ``<file>.words/`` beside the file),
  kept up to date from SQLite (during a bulk load by a process of its own,
  :mod:`.indexer`); :mod:`.text`: highlights;
- :mod:`.aggregations`: facets, histograms, tag series, stats;
- :mod:`.state`: checkpoints, incidents and feedback.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path
from typing import Any, Iterator

from outagewatch.search.base import BaseStore, Change, Page
from outagewatch.search.fields import row_to_signal
from outagewatch.search.query import Query
from outagewatch.search.sqlite.aggregations import Aggregations
from outagewatch.search.sqlite.filters import where
from outagewatch.search.sqlite.planner import Planner
from outagewatch.search.sqlite.schema import COLUMNS, ID, PUBLISHED, Database, StoreOpenError, id_key
from outagewatch.search.sqlite.state import SQLiteState
from outagewatch.search.sqlite.textindex import TextIndex, words_path
from outagewatch.search.sqlite.writes import Writer
from outagewatch.search.store import Bucket, StoreStats, TagBucket, UpsertResult
from outagewatch.signal import Signal

__all__ = ["SQLiteStore", "StoreOpenError"]


class SQLiteStore(BaseStore):
    """A :class:`~outagewatch.search.store.Store` in one SQLite file."""

    backend = "sqlite"

    def __init__(self, path: str | os.PathLike[str], *, url: str | None = None, create: bool = True) -> None:
        """``create=False`` opens an existing store only (a read never creates one)."""
        self.path = Path(path)
        self.url = url or f"sqlite:///{self.path}"
        if not create and str(self.path) != ":memory:" and not self.path.is_file():
            raise StoreOpenError(f"no store at {self.path} (a SQLite file is created by ingest, collect or replay)")
        self.database = Database(self.path)
        self.text = TextIndex(self.database, None if str(self.path) == ":memory:" else words_path(self.path))
        self._writer = Writer(self.database)
        self._writer.on_load_end = self.text.load_ended
        self.text.clock = self._writer.clock  # one clock for when a run of writes has paused
        self._planner = Planner(self.database, self.text)
        self._aggregations = Aggregations(self.database, self.text)
        self.state = SQLiteState(self.database)

    @property
    def _db(self) -> sqlite3.Connection:
        """The connection (benchmarks print query plans through it)."""
        return self.database.db

    # -- engine primitives -----------------------------------------------------------

    def _upsert_batch(self, signals: list[Signal]) -> UpsertResult:
        """SQLite first (the truth), then the words index catches up from it. A bulk load
        keeps its id keys in memory rather than in their index (``idkeys.py``)."""
        writer = self._writer
        writer.batch_begins()
        try:
            result = self._apply(signals)
        finally:
            writer.batch_done()
        if result.new or result.updated:
            self.text.after_write(self._writer.last_new)
        # a bulk load that is adding rows (not re-reading what is stored) takes the id index
        # away from the next batch on
        if result.new and self.text.bulk_load and writer.keymap is None:
            writer.begin_load(self.text.run_rows)
        return result

    def expect_rows(self, rows: int) -> None:
        """A bulk load's words indexer process starts now, while the caller waits (see
        :meth:`TextIndex.expect_rows`)."""
        self.text.expect_rows(rows)

    def hold_run(self, held: bool) -> None:
        """While ``held``, no pause ends the run of writes: the bulk load keeps its id keys in
        memory and its words indexer (see :mod:`.runclock`)."""
        self._writer.clock.hold(held)

    def expect_end(self, rows: int) -> None:
        """During a bulk load, near its end: the open group of batches is committed and the
        words indexer commits what it indexed by then (see :meth:`TextIndex.expect_end`)."""
        if self.text.bulk_load:
            self.database.flush()
            self.database.commit_each = True  # (until the load ends: Writer.end_load)
            self.text.expect_end()
            if self._writer.keymap is not None:  # the WAL the load made is checkpointed when it ends
                self.database.checkpoint_beside()

    def _apply(self, signals: list[Signal]) -> UpsertResult:
        """During a bulk load, a batch of new Signals is planned (rows, fingerprints, ids,
        the tag bookkeeping: Python) before its transaction, beside the last batch's deferred
        statements (``Database.defer``): the two cores work at once."""
        writer = self._writer
        if writer.keymap is None or not self.text.bulk_load:
            return super()._apply(signals)
        changes = writer.plan_ahead(signals, writer.encode(signals))
        if changes is None:  # some id may be stored: looked up and compared as usual
            return super()._apply(signals)
        result = UpsertResult()
        with self._writing() as db:
            # the rowids planned follow the highest this process knows; another process's
            # rows (or a rolled-back group) mean they do not, and the ids may be stored
            # now: the usual path, which sees it
            if writer.keymap is None or \
                    db.execute("SELECT coalesce(max(rowid), 0) FROM signals").fetchone()[0] != writer.keymap.top:
                changes = None
            else:
                self._write(changes, result)
        return result if changes is not None else super()._apply(signals)

    def _writing(self):
        # during a bulk load, batches share a transaction (see Database.transaction)
        return self.database.transaction(group=self.text.bulk_load)

    def _fingerprints(self, signals: list[Signal]) -> list[bytes]:
        return self._writer.encode(signals)

    def _stored(self, ids: list[str]) -> dict[str, tuple[bytes, Any]]:
        return self._writer.stored(ids)

    def _write(self, changes: list[Change], result: UpsertResult) -> None:
        self._writer.write(changes, result)

    def _page(self, query: Query, after: list[Any] | None) -> Page:
        return self._planner.page(query, after)

    def _count(self, query: Query) -> int:
        return self._planner.count(query)

    def _facets(self, query: Query, fields: list[str], size: int) -> dict[str, dict[str, int]]:
        return self._aggregations.facets(query, fields, size)

    def _histogram(self, query: Query, seconds: int, by: str | None, keys: list[str]) -> list[Bucket]:
        return self._aggregations.histogram(query, seconds, by, keys)

    def _tag_histogram(self, query: Query, seconds: int, fields: list[str]) -> list[TagBucket]:
        return self._aggregations.tag_histogram(query, seconds, fields)

    # -- plain reads -----------------------------------------------------------------

    def get(self, signal_id: str) -> Signal | None:
        with self.database.lock:
            if self._writer.keymap is not None:  # this process's bulk load has the id index away
                rowid = self._writer.rowid_of(signal_id)
                row = None if rowid is None else self.database.one(
                    f"SELECT {COLUMNS} FROM signals s WHERE rowid = ?", (rowid,))
            else:
                row = self.database.one(f"SELECT {COLUMNS} FROM signals s WHERE idkey = ? AND id = ?",
                                        (id_key(signal_id), signal_id))
        return row_to_signal(row, 1) if row else None

    def scan(self, query: Query, batch_size: int = 5000) -> Iterator[Signal]:
        """Every match oldest first, a keyset page at a time (no long-held read)."""
        with self.text.matching(query) as matched:
            conditions, params = where(query, matched=matched)
            cursor: tuple[int, str] | None = None
            while True:
                sql = f"SELECT {COLUMNS} FROM signals s WHERE {conditions}"
                args = list(params)
                if cursor:
                    sql += " AND (s.published_at, s.id) > (?, ?)"
                    args += list(cursor)
                rows = self.database.rows(sql + " ORDER BY s.published_at, s.id LIMIT ?", [*args, batch_size])
                for row in rows:
                    yield row_to_signal(row, 1)
                if len(rows) < batch_size:
                    return
                cursor = (rows[-1][PUBLISHED], rows[-1][ID])

    def stats(self) -> StoreStats:
        """``size_bytes`` counts the file, its WAL and the words index folder."""
        stats = self._aggregations.stats(self.backend)
        if stats.size_bytes is not None and self.text.path is not None and self.text.path.is_dir():
            stats.size_bytes += sum(p.stat().st_size for p in self.text.path.iterdir() if p.is_file())
        return stats

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self._writer.end_load()  # the id index, built again after a bulk load
        self.text.close()
        self.database.close()
