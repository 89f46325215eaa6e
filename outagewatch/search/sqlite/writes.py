"""Writing Signals into the SQLite file: the row, its tags and the rollup. A rewritten
row is also noted in ``text_pending``, in the same transaction, for the words index.

Correlation reads counts per (tag, source kind, 5 minutes) for every tag at once; a
GROUP BY over the tags joined to signals takes ~15 s at 1M signals, so every write keeps
``tag_rollup`` current. It adds one net delta per touched cell per batch: the per-row
triggers this replaced cost 40% of ingest time.

What a Signal costs the writer in a bulk load is measured by
``benchmarks/store_writer_profile.py`` (docs/benchmarks.md): the Python work per row is
kept to one pass that encodes the row and its fingerprint together
(:func:`~outagewatch.search.fields.row_and_fingerprint`); the tag rows and rollup counts of
new rows are made by SQLite from the rows just inserted (``_NEW_TAGS``, ``_NEW_ROLLUP``),
rather than as Python tuples bound one by one (~6 µs of Python per Signal at a million);
a changed row's old and new tags are still worked out here. Those statements end the batch
(``Database.defer``): during a bulk load they run on a worker thread while the next batch,
planned ahead (:meth:`Writer.plan_ahead`: its Python before it needs the connection), is
encoded, so the two cores share the writer's work.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections import deque
from dataclasses import dataclass
from itertools import chain, compress
from operator import attrgetter, iadd, itemgetter
from typing import Any

import orjson

from outagewatch.search.base import Change
from outagewatch.search.fields import SQL_COLUMNS, row_and_fingerprint, signal_to_row
from outagewatch.search.sqlite.idkeys import KeyMap
from outagewatch.search.sqlite.runclock import RunClock
from outagewatch.search.sqlite.schema import (BUSY_MS, CHECKPOINT_PAGES, DEFERRED_KEY, IDKEY_INDEX, ROLLUP_SECONDS,
                                              Database, id_key, idkey_index_exists, rollup_bucket, tag_key)
from outagewatch.search.store import UpsertResult
from outagewatch.signal import Signal

# the rowid last, so that a row encoded by row_and_fingerprint is completed by appending
_INSERT = (f"INTO signals ({', '.join(SQL_COLUMNS)}, fingerprint, idkey, rowid)"
           f" VALUES ({','.join('?' * (len(SQL_COLUMNS) + 3))})")
# Columns a batch's new rows often all leave empty (a social post has no author, link, title, report
# count, status or raw): such a batch's INSERT names only the other columns and binds each row without
# them, and SQLite stores the same NULLs (these columns have no DEFAULT). Why: Python's sqlite3 adapts
# every None it binds (builds a key tuple, looks up the adapter, calls it: ~1,250 instructions), six a
# social post's row, ~5% of the writer's instructions after the reading; leaving a column out costs a
# slice of the row (~25 instructions a value).
_OMITTABLE = tuple(SQL_COLUMNS.index(name) for name in ("author", "url", "title", "lang", "report_count", "status",
                                                        "raw"))
_ALL_COLUMNS = (*SQL_COLUMNS, "fingerprint", "idkey", "rowid")
_INSERTS: dict[tuple[int, ...], tuple[str, Any]] = {}  # the columns left out -> (statement, row getter)
_COLUMN = {at: itemgetter(at) for at in _OMITTABLE}
_ID, _KIND, _SOURCE = SQL_COLUMNS.index("id"), SQL_COLUMNS.index("source_kind"), SQL_COLUMNS.index("source")
_PUBLISHED, _REPORTS = SQL_COLUMNS.index("published_at"), SQL_COLUMNS.index("report_count")
_TAG_CODES = "spry"  # services, providers, regions, symptoms, in Signal order
# C-level getters of the batch's all-new plan (Writer._plan_new)
_row_id, _row_kind, _row_source, _row_published = (itemgetter(_ID), itemgetter(_KIND), itemgetter(_SOURCE),
                                                   itemgetter(_PUBLISHED))
_first, _second = itemgetter(0), itemgetter(1)
_signal_id = attrgetter("id")
_services, _providers, _regions, _symptoms = (attrgetter("services"), attrgetter("providers"),
                                              attrgetter("regions"), attrgetter("symptoms"))
_of_change = attrgetter("signal", "fingerprint", "old")
_ROLLUP_MS = ROLLUP_SECONDS * 1000
_STORED = ("SELECT id, fingerprint, rowid, published_at, services, providers, regions, symptoms,"
           " source_kind, source, report_count FROM signals WHERE {} IN ({})")
# The tag rows and rollup counts of a batch's new rows (rowids ?1 to ?2), made by SQLite from
# the rows themselves: each tag's key is read from ``tag_values`` (named beforehand), a value
# listed twice is one tag row (OR IGNORE) and counted once (DISTINCT); an empty list ('[]') is
# skipped before json_each. With the tag rows and rollup counts built in Python (a tuple per
# row, each bound as parameters) the writer took 30.6 µs per Signal at 200k, this way 25.3
# (load 10-11); the rollup alone costs about the same either way (~3.5-4.5 µs, the DISTINCT ~1).
_LISTS = (("s", "services"), ("p", "providers"), ("r", "regions"), ("y", "symptoms"))
_NEW_TAGS = "INSERT OR IGNORE INTO tags (vid, published_at, sid) " + " UNION ALL ".join(
    [f"SELECT v.vid, s.published_at, s.rowid FROM signals s CROSS JOIN json_each(s.{column}) j"
     f" CROSS JOIN tag_values v WHERE s.rowid BETWEEN ?1 AND ?2 AND s.{column} != '[]' AND v.field = '{code}'"
     f" AND v.value = j.value"
     for code, column in _LISTS]
    # the source kinds: the batch's few kinds (?3, a JSON array of them: its new rows' kinds, Writer.plan)
    # looked up once each, then the rows of each kind, rather than a look-up in tag_values a row (~1 of the
    # ~2.8 µs a row this part cost; the same tag rows)
    + ["SELECT v.vid, s.published_at, s.rowid FROM json_each(?3) d CROSS JOIN tag_values v CROSS JOIN signals s"
       " WHERE v.field = 'k' AND v.value = d.value AND s.rowid BETWEEN ?1 AND ?2 AND s.source_kind = d.value"]
    + ["SELECT v.vid, s.published_at, s.rowid FROM signals s CROSS JOIN tag_values v"
       " WHERE s.rowid BETWEEN ?1 AND ?2 AND v.field = 'o' AND v.value = s.source"])
_BUCKET = rollup_bucket("s.published_at")  # floored as Python floors (times before 1970)
# A rewrite's number in ``text_pending`` comes after every number the words index may have
# taken (the mark, "rowid:seq:generation" in meta.text_state) as well as the table's: once
# the index has caught up the table is empty, and SQLite would number the next rewrite 1
# again, below the mark, where the index never looks (and the mark's next move deletes it).
_PENDING_AFTER = ("SELECT max(coalesce((SELECT max(seq) FROM text_pending), 0), coalesce((SELECT CAST("
                  "substr(value, instr(value, ':') + 1) AS INTEGER) FROM meta WHERE key = 'text_state'), 0))")


def _insert_of(rows: list[list[Any]]) -> tuple[str, Any]:
    """The INSERT of a batch's new rows, without the columns of :data:`_OMITTABLE` that are None in
    every row, and the getter of the rest of a row (None: the whole row)."""
    if not rows:
        return f"INSERT {_INSERT}", None
    count, first = len(rows), rows[0]
    empty = tuple(at for at in _OMITTABLE if first[at] is None and list(map(_COLUMN[at], rows)).count(None) == count)
    known = _INSERTS.get(empty)
    if known is None:
        if not empty:
            known = (f"INSERT {_INSERT}", None)
        else:
            kept = [at for at in range(len(_ALL_COLUMNS)) if at not in empty]
            known = (f"INSERT INTO signals ({', '.join(_ALL_COLUMNS[at] for at in kept)})"
                     f" VALUES ({','.join('?' * len(kept))})", itemgetter(*kept))
        _INSERTS[empty] = known
    return known


def _new_rollup(code: str, column: str, distinct: bool) -> str:
    """The rollup counts of one tag list of a batch's new rows (rowids ?1 to ?2): one
    statement per list, since a field's cells are apart from the others'. ``distinct``: some
    Signal of the batch names a value twice in a list (a caller may append to a list), so
    each (value, Signal) is taken once. At 1M (20 batches, load 5-6): the three lists in one
    statement with DISTINCT 4.25 µs per Signal, without 3.0, one statement per list without
    2.7 (the sorts behind DISTINCT and GROUP BY are what cost, not json_each; docs/benchmarks.md)."""
    rows = (f"SELECT {'DISTINCT' if distinct else ''} j.value AS value, s.rowid, s.source_kind AS kind,"
            f" {_BUCKET} AS bucket, coalesce(s.report_count, 0) AS reports"
            f" FROM signals s CROSS JOIN json_each(s.{column}) j WHERE s.rowid BETWEEN ?1 AND ?2"
            f" AND s.{column} != '[]'")
    return ("INSERT INTO tag_rollup (field, value, kind, bucket, n, reports)"
            f" SELECT '{code}', value, kind, bucket, count(*), sum(reports) FROM ({rows}) WHERE true"
            " GROUP BY value, kind, bucket ON CONFLICT(field, value, kind, bucket) DO UPDATE SET n = n + excluded.n,"
            " reports = reports + excluded.reports")


# without / with DISTINCT (see _new_rollup)
_NEW_ROLLUP = {distinct: [_new_rollup(code, column, distinct) for code, column in _LISTS[:3]]
               for distinct in (False, True)}
# A bulk load drops the id-key index when its new rows are at least this share of the table:
# rebuilding the index for the whole table afterwards (~0.9 µs a row) then costs less than
# keeping it up during the load (~4 µs a new row), see idkeys.py.
DEFER_SHARE = 0.25
# The index is built again this long after the load's last batch ended (a run of writes ends).
END_LOAD_SECONDS = 2.0
# WAL pages between automatic checkpoints while such a load has the id index away (~256 MB
# rather than ~64): each checkpoint ends in two fsyncs, which blocked the writer ~1.2-1.4 s of
# a 1M load's ~21 s, and copies pages that later groups rewrite anyway; ~0.6-1.0 s with this.
# Back to CHECKPOINT_PAGES before the index is built again, so that build's commit checkpoints
# what the load left in the WAL (inside the load's time, not at some later commit). What this
# costs: a power loss (not a kill: the OS keeps what was written) may lose up to ~256 MB of
# the WAL's newest batches instead of ~64 MB, which running the same ingest again stores.
LOAD_CHECKPOINT_PAGES = 65536
# How long the checkpoint after a load waits for another process's reader (see _checkpoint_rest).
_TRUNCATE_WAIT_MS = 2000


@dataclass(slots=True)
class _Plan:
    """A batch's writes as :meth:`Writer.plan` works them out in Python."""

    source: list[Change]
    first_rowid: int
    new_rows: list[list[Any]]
    changed_rows: list[list[Any]]
    tag_rows: list[tuple]
    stale_tags: list[tuple]
    stale_rowids: list[tuple]
    rollup: dict[tuple, list[int]]
    named: set[int]
    repeated: bool
    kinds: str = "[]"  # the new rows' source kinds, a JSON array (for _NEW_TAGS)
    prints: list[bytes] | None = None  # planned ahead from Signals (Writer.plan_ahead): their fingerprints


def _repeats(lists: list[list[str]]) -> bool:
    """Whether a list of ``lists`` names a value twice (only lists of two values or more are looked at,
    picked in C)."""
    for values in compress(lists, map((1).__lt__, map(len, lists))):
        if len(set(values)) < len(values):
            return True
    return False


class Writer:
    def __init__(self, database: Database) -> None:
        self.database = database
        # (rowid, Signal) of the new rows of the last write, so the words index can take
        # them from memory instead of reading them back.
        self.last_new: list[tuple[int, Any]] = []
        self._rows: dict[str, list[Any]] = {}  # id -> encoded row, of the batch being written
        self._keys: dict[str, int] = {}  # id -> idkey, of the batch being written
        self._planned: _Plan | None = None  # the batch planned ahead (plan_ahead), for write
        self._encoded: tuple[list[Signal], list[list[Any]]] | None = None  # the last encode's Signals and rows
        # per field code: value -> its key in ``tags``; and key -> (code, value)
        self._tag_keys: dict[str, dict[str, int]] = {code: {} for code in "kospry"}
        self._names: dict[int, tuple[str, str]] = {}
        self._checked: set[int] = set()  # keys whose ``tag_values`` row was seen to name them
        # keys whose ``tag_values`` row is committed (rows are never deleted), and those named in
        # the transaction open at (Database.commits, Database.rollbacks) = _naming_at
        self._named: set[int] = set()
        self._naming: set[int] = set()
        self._naming_at = (0, 0)
        # During a bulk load (see begin_load): the table's id keys, while signals_idkey is dropped.
        self.keymap: KeyMap | None = None
        self._end_timer: threading.Timer | None = None
        self._in_batch = False  # a batch is being written (set before its encoding, see batch_done)
        self._last_batch = 0.0  # when the last batch ended, by the clock below
        self.clock = RunClock()  # stands still while the caller holds the run (SQLiteStore.hold_run)
        self._shared = False  # another process was seen adding rows: the id index stays
        # Called once a load's batches are committed, before the id index is built again: the
        # words indexer is told to commit meanwhile (TextIndex.load_ended).
        self.on_load_end = None

    def encode(self, signals: list[Signal]) -> list[bytes]:
        """Each Signal's fingerprint; its row, encoded in the same pass, waits for :meth:`write`."""
        pairs = list(map(row_and_fingerprint, signals))
        rows = list(map(_first, pairs))
        self._rows = dict(zip(map(_row_id, rows), rows))
        self._encoded = (signals, rows)  # the rows in the batch's order, for plan_ahead
        return list(map(_second, pairs))

    def stored(self, ids: list[str]) -> dict[str, tuple[bytes, tuple]]:
        """id -> (fingerprint, the row's rowid, time, tags, kind, source and reports)."""
        found: dict[str, tuple[bytes, tuple]] = {}
        db = self.database.db
        self._keys = keys = {signal_id: id_key(signal_id) for signal_id in ids}
        if self.keymap is not None and \
                db.execute("SELECT coalesce(max(rowid), 0) FROM signals").fetchone()[0] != self.keymap.top:
            # another process added rows the map does not hold: back to the index, for good
            # (rebuilding it whenever a collector writes beside a load would cost more)
            self.end_load(in_batch=True)
            self._shared = True
        if self.keymap is None:
            column, wanted = "idkey", list(keys.values())
        else:
            column, wanted = "rowid", sorted(set(self.keymap.rowids(list(keys.values()))))
        for start in range(0, len(wanted), 900):
            chunk = wanted[start:start + 900]
            for row in db.execute(_STORED.format(column, ",".join("?" * len(chunk))), chunk):
                if row[0] in keys:  # two ids may share a key
                    found[row[0]] = (row[1], row[2:])
        return found

    def rowid_of(self, signal_id: str) -> int | None:
        """During a bulk load, the rowid holding ``signal_id`` (None: not stored, or no load)."""
        if self.keymap is None:
            return None
        for rowid in self.keymap.rowids([id_key(signal_id)]):
            row = self.database.one("SELECT id FROM signals WHERE rowid = ?", (rowid,))
            if row and row[0] == signal_id:
                return rowid
        return None

    # -- the id-key index during a bulk load ---------------------------------------------

    def begin_load(self, run_rows: int) -> None:
        """A bulk load has stored ``run_rows`` new rows: when they are ``DEFER_SHARE`` of the
        table or more, hold the table's id keys in memory and drop their index until the load
        ends (idkeys.py). Done in a transaction of its own within the load's group."""
        if self.keymap is not None or self._shared:
            return
        with self.database.transaction(group=True) as db:
            top = db.execute("SELECT coalesce(max(rowid), 0) FROM signals").fetchone()[0]
            if run_rows < DEFER_SHARE * top or not idkey_index_exists(db):
                return  # a small load into a big table; or another process has the index away
            pairs = db.execute("SELECT idkey, rowid FROM signals ORDER BY idkey").fetchall()
            db.execute("DROP INDEX signals_idkey")
            db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (DEFERRED_KEY, str(os.getpid())))
            self.keymap = KeyMap(pairs, top)
            db.execute(f"PRAGMA wal_autocheckpoint={LOAD_CHECKPOINT_PAGES}")
            self.batch_done()  # (the timer that builds the index again once the load ends)

    def end_load(self, in_batch: bool = False) -> None:
        """Build the id-key index again: in a transaction of its own, once the open group of
        batches is committed (so a failed build takes no batch with it), or inside the batch
        being written (``in_batch``: another process's rows just showed up)."""
        with self.database.lock:
            self.database.commit_each = False
            if self._end_timer is not None:
                self._end_timer.cancel()
                self._end_timer = None
            if self.keymap is None:
                return
            if in_batch:
                self.database.db.execute(f"PRAGMA wal_autocheckpoint={CHECKPOINT_PAGES}")
                self._restore(self.database.db)
            else:
                self.database.flush()  # the load's last batches
                if self.on_load_end is not None:
                    self.on_load_end()
                # the WAL the load left (~160 MB at 1M) is checkpointed beside the build
                # (~0.6 s of a 1M load's tail), then the build's own pages after it
                checkpoint = self.database.checkpoint_beside()
                try:
                    with self.database.transaction() as db:
                        self._restore(db)
                finally:
                    if checkpoint is not None:
                        checkpoint.join()
                    self.database.db.execute(f"PRAGMA wal_autocheckpoint={CHECKPOINT_PAGES}")
                self._checkpoint_rest(self.database.db)
            # Only now: a failed build keeps the map, and whoever sees the map gone (another
            # thread, a test) finds the index committed, not still inside the transaction.
            self.keymap = None

    @staticmethod
    def _checkpoint_rest(db) -> None:
        """After a load: the build's own pages (~13 MB at 1M) checkpointed too, and the WAL
        emptied (TRUNCATE), as the file would be after an automatic checkpoint and the next
        write (which the build's transaction had started before the WAL was all copied).
        It waits for a reader still on an older snapshot (another process's search), up to
        ``_TRUNCATE_WAIT_MS``; a busy answer leaves the rest to the automatic checkpoints."""
        db.execute(f"PRAGMA busy_timeout={_TRUNCATE_WAIT_MS}")
        try:
            with contextlib.suppress(sqlite3.Error):  # a checkpoint left undone loses nothing
                db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        finally:
            db.execute(f"PRAGMA busy_timeout={BUSY_MS}")

    @staticmethod
    def _restore(db) -> None:
        db.execute(IDKEY_INDEX)
        db.execute("DELETE FROM meta WHERE key = ?", (DEFERRED_KEY,))

    def batch_begins(self) -> None:
        self._in_batch = True

    def batch_done(self) -> None:
        """After each batch of a load (written or not): the index is built again once
        ``END_LOAD_SECONDS`` pass with no batch going on (a run of writes has ended)."""
        with self.database.mutex:  # (not the connection: the batch's deferred statements may run)
            self._in_batch = False
            self._last_batch = self.clock.now()
            if self.keymap is not None and self._end_timer is None:
                self._arm(END_LOAD_SECONDS)

    def _arm(self, seconds: float) -> None:
        self._end_timer = threading.Timer(seconds, self._end_if_idle)
        self._end_timer.daemon = True
        self._end_timer.start()

    def _end_if_idle(self) -> None:
        with self.database.lock:
            if self._end_timer is not threading.current_thread():
                return  # cancelled meanwhile (end_load ran)
            self._end_timer = None
            if self.keymap is None:
                return
            wait = END_LOAD_SECONDS - (self.clock.now() - self._last_batch)
            # a batch runs (it may be long), the caller holds the run (waits for its tagger), or
            # a batch ended lately
            if self._in_batch or self.clock.held or wait > 0:
                self._arm(END_LOAD_SECONDS if self._in_batch or self.clock.held else wait)
                return
            try:
                self.end_load()
            except Exception:  # the database is closing, or locked: close() or the next open does it
                pass

    def _tag_key(self, code: str, value: str) -> int:
        key = self._tag_keys[code].get(value)
        if key is None:
            key = self._tag_keys[code][value] = tag_key(code, value)
            self._names[key] = (code, value)
        return key

    def write(self, changes: list[Change], result: UpsertResult) -> None:
        """Inside the batch's transaction: new rows take fresh rowids (a plain INSERT); a
        changed row keeps its rowid, and its old tags and rollup counts go. ``changes``
        planned ahead (:meth:`plan_ahead`) are written as planned."""
        next_rowid = self.database.db.execute("SELECT coalesce(max(rowid), 0) FROM signals").fetchone()[0] + 1
        plan, self._planned = self._planned, None
        if plan is not None and plan.source is changes and plan.first_rowid != next_rowid and \
                plan.prints is not None:
            # planned ahead from the Signals themselves (plan_ahead), at rowids that are not the next
            # ones after all: planned again as changes (the rows encoded again, the keys kept)
            changes = [Change(signal, print_) for signal, print_ in zip(changes, plan.prints)]
            plan = None
        if plan is None or plan.source is not changes or plan.first_rowid != next_rowid:
            plan = self.plan(changes, next_rowid)
        self.execute(plan, result)

    def plan_ahead(self, signals: list[Signal], prints: list[bytes]) -> list[Change] | None:
        """During a bulk load, before the batch's transaction (so this Python runs beside the
        last batch's deferred statements, see ``Database.defer``): when none of the batch's
        ids is in the load's map (all new), their changes, planned with rowids after the
        highest this process knows, for :meth:`write`; None when some id's key is in the map
        (it may be stored: looked up and compared as usual). The changes handed back are the
        Signals themselves, planned from the rows :meth:`encode` made of them in their order (no
        :class:`Change` made of each: ~1,000 instructions a Signal)."""
        keymap = self.keymap
        if keymap is None:
            return None
        ids = list(map(_signal_id, signals))
        keys = list(map(id_key, ids))
        self._keys = dict(zip(ids, keys))
        if keymap.rowids(keys):
            return None
        encoded, self._encoded = self._encoded, None
        if encoded is None or encoded[0] is not signals or len(self._keys) != len(signals):
            changes = [Change(signal, print_) for signal, print_ in zip(signals, prints)]
            self._planned = self.plan(changes, keymap.top + 1)
            return changes
        self._rows = {}
        self._planned = self._plan_new(signals, signals, prints, encoded[1], keys, keymap.top + 1)
        return signals

    def _plan_new(self, source: Any, signals: list[Signal], prints: list[bytes], rows: list[list[Any]],
                  keys: list[int], first_rowid: int) -> "_Plan":
        """What :meth:`plan` makes of a batch whose changes are all new (``signals``, their
        fingerprints, encoded rows and id keys, in order), with C-level maps instead of a Python
        loop a Signal: each row completed with its fingerprint, key and rowid, the words index's
        (rowid, time, Signal), the batch's distinct tag values."""
        rowids = range(first_rowid, first_rowid + len(rows))
        deque(map(iadd, rows, zip(prints, keys, rowids)), 0)  # row += (fingerprint, key, rowid)
        self.last_new = list(zip(rowids, map(_row_published, rows), signals))
        named_lists = list(map(_services, signals))
        provided_lists = list(map(_providers, signals))
        placed_lists = list(map(_regions, signals))
        # a value listed twice (rare): counted once, see _new_rollup
        repeated = _repeats(named_lists) or _repeats(provided_lists) or _repeats(placed_lists)
        kinds = set(map(_row_kind, rows))
        named = self._named_keys(kinds, set(map(_row_source, rows)),
                                 set(chain.from_iterable(named_lists)), set(chain.from_iterable(provided_lists)),
                                 set(chain.from_iterable(placed_lists)),
                                 set(chain.from_iterable(map(_symptoms, signals))))
        return _Plan(source, first_rowid, rows, [], [], [], [], {}, named, repeated,
                     orjson.dumps(sorted(kinds)).decode(), prints)

    def _named_keys(self, *values_of: set[str]) -> set[int]:
        """The keys of the batch's distinct values (kinds, sources, services, providers, regions,
        symptoms): those met before (a batch of social posts names thousands of sources, nearly all of
        them earlier batches' too) taken in one C-level map, only the new ones named through _tag_key."""
        named: set[int] = set()
        tag_keys, tag_key_of = self._tag_keys, self._tag_key
        for code, values in zip("kospry", values_of):
            known = tag_keys[code]
            for value in values.difference(known):
                tag_key_of(code, value)
            named.update(map(known.__getitem__, values))
        return named

    def plan(self, changes: list[Change], next_rowid: int) -> "_Plan":
        """The batch's rows and tag bookkeeping, in Python (no SQL)."""
        first_rowid = next_rowid
        new_rows, changed_rows, tag_rows = [], [], []
        self.last_new = last_new = []
        stale_tags, stale_rowids = [], []
        rollup: dict[tuple, list[int]] = {}  # (tag key, kind, bucket) -> [signals, reports]
        add_tag = tag_rows.append
        rows, keys, tag_key_of = self._rows, self._keys, self._tag_key
        self._rows = {}
        if changes:
            signals, prints, olds = map(list, zip(*map(_of_change, changes)))
            if olds.count(None) == len(olds):  # all new (a bulk load's first batch): as plan_ahead plans
                ids = list(map(_signal_id, signals))
                encoded = list(map(rows.get, ids))
                found = list(map(keys.get, ids))
                if None not in encoded and None not in found:
                    return self._plan_new(changes, signals, prints, encoded, found, next_rowid)
        # New rows get their tag rows and rollup counts from SQLite (_NEW_TAGS, _NEW_ROLLUP,
        # from the rows once inserted): here only the batch's distinct values, to be named.
        kinds, sources, services, providers, regions, symptoms = set(), set(), set(), set(), set(), set()
        kinds_add, sources_add = kinds.add, sources.add
        services_update, providers_update = services.update, providers.update
        regions_update, symptoms_update = regions.update, symptoms.update
        add_new, add_last = new_rows.append, last_new.append
        repeated = False  # some new row lists a service, provider or region twice
        for change in changes:
            signal = change.signal
            signal_id = signal.id
            row = rows.get(signal_id)
            if row is None:
                row = signal_to_row(signal)
            key = keys.get(signal_id)
            if key is None:
                key = id_key(signal_id)
            if change.old is None:
                row += (change.fingerprint, key, next_rowid)
                add_new(row)
                add_last((next_rowid, row[_PUBLISHED], signal))
                next_rowid += 1
                kinds_add(row[_KIND])
                sources_add(row[_SOURCE])
                named, provided, placed = signal.services, signal.providers, signal.regions
                services_update(named)
                providers_update(provided)
                regions_update(placed)
                if repeated is False and (  # a value listed twice (rare): counted once, see _new_rollup
                        (len(named) > 1 and len(set(named)) < len(named))
                        or (len(provided) > 1 and len(set(provided)) < len(provided))
                        or (len(placed) > 1 and len(set(placed)) < len(placed))):
                    repeated = True
                symptoms_update(signal.symptoms)
                continue
            row += (change.fingerprint, key)
            published = row[_PUBLISHED]
            rowid, old_published, *old_columns = change.old
            old_tags = [orjson.loads(column or "[]") for column in old_columns[:4]]
            old_kind, old_source, old_reports = old_columns[4:]
            stale_rowids.append((rowid,))
            for code, values in zip(_TAG_CODES, old_tags):
                for value in dict.fromkeys(values):
                    stale_tags.append((tag_key_of(code, value), old_published, rowid))
            stale_tags.append((tag_key_of("k", old_kind), old_published, rowid))
            stale_tags.append((tag_key_of("o", old_source), old_published, rowid))
            self._count_rollup(rollup, old_tags[:3], old_kind, old_published, old_reports, -1)
            row.append(rowid)
            changed_rows.append(row)
            kind, source = row[_KIND], row[_SOURCE]
            add_tag((tag_key_of("k", kind), published, rowid))
            add_tag((tag_key_of("o", source), published, rowid))
            self._count_rollup(rollup, (signal.services, signal.providers, signal.regions), kind, published,
                               row[_REPORTS], 1)
            for code, values in zip("spr", (signal.services, signal.providers, signal.regions)):
                for value in dict.fromkeys(values):  # a value listed twice is one tag row, counted once
                    add_tag((tag_key_of(code, value), published, rowid))
            for value in dict.fromkeys(signal.symptoms):
                add_tag((tag_key_of("y", value), published, rowid))
        named = self._named_keys(kinds, sources, services, providers, regions, symptoms)
        named |= {row[0] for row in tag_rows}
        named |= {row[0] for row in stale_tags}
        return _Plan(changes, first_rowid, new_rows, changed_rows, tag_rows, stale_tags, stale_rowids, rollup,
                     named, repeated, orjson.dumps(sorted(kinds)).decode())

    def execute(self, plan: "_Plan", result: UpsertResult) -> None:
        """Inside the batch's transaction: the plan's SQL. The new rows' tag rows and rollup
        counts are deferred to the end of the batch (``Database.defer``)."""
        db, database = self.database.db, self.database
        new_rows, changed_rows, tag_rows = plan.new_rows, plan.changed_rows, plan.tag_rows
        new = len(new_rows)
        result.new += new
        result.updated += len(plan.source) - new
        self._name_tags(db, plan.named)
        if plan.stale_rowids:
            after = db.execute(_PENDING_AFTER).fetchone()[0]
            db.executemany("INSERT INTO text_pending (seq, rowid) VALUES (?, ?)",
                           [(after + n, rowid) for n, (rowid,) in enumerate(plan.stale_rowids, 1)])
            db.executemany("DELETE FROM tags WHERE vid = ? AND published_at = ? AND sid = ?", plan.stale_tags)
        statement, getter = _insert_of(new_rows)
        db.executemany(statement, new_rows if getter is None else map(getter, new_rows))
        if changed_rows:
            db.executemany(f"INSERT OR REPLACE {_INSERT}", changed_rows)
        if new_rows:
            span = (new_rows[0][-1], new_rows[-1][-1])
            database.defer(_NEW_TAGS, (*span, plan.kinds))
            for statement in _NEW_ROLLUP[plan.repeated]:
                database.defer(statement, span)
        if tag_rows:
            db.executemany("INSERT OR IGNORE INTO tags (vid, published_at, sid) VALUES (?,?,?)", tag_rows)
        names = self._names
        if plan.rollup:
            db.executemany(
                "INSERT INTO tag_rollup (field, value, kind, bucket, n, reports) VALUES (?,?,?,?,?,?)"
                " ON CONFLICT(field, value, kind, bucket) DO UPDATE SET n = n + excluded.n,"
                " reports = reports + excluded.reports",
                [(*names[key], kind, bucket, n, reports) for (key, kind, bucket), (n, reports) in plan.rollup.items()
                 if n or reports])
        if self.keymap is not None:
            self.keymap.add((row[-2], row[-1]) for row in new_rows)

    def _count_rollup(self, rollup: dict[tuple, list[int]], tag_lists: Any, kind: str, published: int,
                      report_count: int | None, sign: int) -> None:
        """Add (sign +1) or take back (-1) one signal's service/provider/region tags in the
        batch's net rollup deltas; each distinct value counts once, as it has one tag row."""
        bucket = published // _ROLLUP_MS
        reports = sign * (report_count or 0)
        for code, values in zip("spr", tag_lists):
            for value in dict.fromkeys(values):
                cell = rollup.setdefault((self._tag_key(code, value), kind, bucket), [0, 0])
                cell[0] += sign
                cell[1] += reports

    def _name_tags(self, db, keys: set[int]) -> None:
        """Make sure ``tag_values`` names every tag key of the batch (done in every batch's own
        transaction, so a rolled-back batch leaves no key unnamed; a key whose row this
        connection has committed is not named again), and refuse a key that already names
        another value (8-byte hashes: about one chance in 10^7 for a million distinct values)."""
        database, names = self.database, self._names
        at = (database.commits, database.rollbacks)
        if at != self._naming_at:  # the transaction that named _naming has ended since
            if at[1] == self._naming_at[1]:  # committed: those rows are in the file for good
                self._named |= self._naming
            self._naming, self._naming_at = set(), at
        # Only keys neither committed nor named in this transaction already (a batch of social
        # posts names thousands of sources, nearly all named by earlier batches: ~1.9 µs a Signal
        # of the writer's thread went to naming them again, 100,000 tagged posts of 5,000 sources)
        named, naming = self._named, self._naming
        fresh = [key for key in keys if key not in named and key not in naming]
        if not fresh:
            return
        db.executemany("INSERT OR IGNORE INTO tag_values (vid, field, value) VALUES (?,?,?)",
                       [(key, *names[key]) for key in fresh])
        self._naming.update(fresh)
        unchecked = [key for key in fresh if key not in self._checked]
        for start in range(0, len(unchecked), 900):
            chunk = unchecked[start:start + 900]
            for key, code, value in db.execute(
                    f"SELECT vid, field, value FROM tag_values WHERE vid IN ({','.join('?' * len(chunk))})", chunk):
                if (code, value) != names[key]:
                    raise ValueError(f"tag {names[key][1]!r} has the same key in this store as {value!r};"
                                     " it cannot be stored")
                self._checked.add(key)
