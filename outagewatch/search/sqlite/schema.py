"""The SQLite file: its tables, how it is opened, and how an older file is brought up to date.

File format 3 (``meta.schema``; files without it are format 1; older files are upgraded in
place on open):

- ``signals``: one row per Signal, columns generated from the field table
  (:mod:`outagewatch.search.fields`), tag lists as JSON for reading back, the 16-byte
  content fingerprint, and ``idkey``, an 8-byte integer made from the id (:func:`id_key`),
  indexed: the id is found by that key and compared, rather than by a unique index of
  the text ids (random 24-character keys, touched all over the index by a bulk load).
  A big bulk load drops the index and builds it after (:mod:`.idkeys`); a file a killed
  load left without it gets it back on open.
- ``tags``: one row per (tag value, published_at, signal), the tag value as an 8-byte
  integer (:func:`tag_key` of its field and value; ``tag_values`` names it), a covering
  index for "service X between T1 and T2" and for histograms by tag. Services, providers,
  regions, symptoms, source kinds and sources are rows here, so every filter and facet goes
  through one (tag, time) index.
- ``text_pending``: rows rewritten since the words index (:mod:`.textindex`, a Tantivy
  index in the folder beside the file) last caught up; ``meta.text_state`` says how far
  it has. (Stores made before kept words in an FTS5 table, ``signals_fts``: dropped on open.)
- ``tag_rollup``: counts per (tag, source kind, 5 minutes) for correlation (:mod:`.writes`).
- ``checkpoints``, ``incidents``, ``incident_feedback``: collector and correlation state.

Format 1 (before 2026-11-30) kept the id UNIQUE and the tags as text rows (field code,
value), which cost the writer several µs per Signal more at a million Signals
(benchmarks/store_writer_profile.py, docs/benchmarks.md). The upgrade
(:func:`_upgrade_from_1`) rewrites both tables in one transaction, keeping every rowid (the
words index refers to them), checkpoint, incident and feedback. Format 2 lacked the
source-kind tag rows (:func:`_upgrade_from_2` adds them).
"""

from __future__ import annotations

import atexit
import concurrent.futures
import contextlib
import hashlib
import logging
import os
import sqlite3
import threading
import time
import weakref
from pathlib import Path
from typing import Any, Iterator

from outagewatch.search.fields import SQL_COLUMNS, sql_column_definitions

TAG_CODES = {"services": "s", "providers": "p", "regions": "r", "symptoms": "y"}
INDEXED_CODES = {**TAG_CODES, "source_kind": "k", "source": "o"}  # fields with rows in ``tags``
COLUMN_FACETS = {"lang": "lang", "status": "status"}

FORMAT = 3  # meta.schema of the files this code writes
_log = logging.getLogger(__name__)

# Correlation reads counts per (tag, source kind, 5 minutes) for every tag at once; see writes.py.
ROLLUP_SECONDS = 300
ROLLUP_CODES = ("s", "p", "r")


def rollup_bucket(column: str) -> str:
    """SQL for ``column // (ROLLUP_SECONDS * 1000)`` as Python floors it: SQLite's integer
    ``/`` truncates toward zero, which would put times before 1970 one bucket late."""
    ms = ROLLUP_SECONDS * 1000
    return f"(CASE WHEN {column} >= 0 THEN {column} / {ms} ELSE -((-1 - {column}) / {ms}) - 1 END)"

# The index of the id keys; a bulk load drops it and builds it again after (idkeys.py), and
# ``meta.idkey_deferred`` names the process that has it away meanwhile.
IDKEY_INDEX = "CREATE INDEX IF NOT EXISTS signals_idkey ON signals(idkey)"
DEFERRED_KEY = "idkey_deferred"

SCHEMA = f"""
CREATE TABLE IF NOT EXISTS signals (
    rowid INTEGER PRIMARY KEY,
    {sql_column_definitions()},
    fingerprint BLOB NOT NULL,
    idkey INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS signals_time ON signals(published_at);
{IDKEY_INDEX};
CREATE TABLE IF NOT EXISTS tag_values (vid INTEGER PRIMARY KEY, field TEXT NOT NULL, value TEXT NOT NULL);
CREATE UNIQUE INDEX IF NOT EXISTS tag_values_field ON tag_values(field, value);
CREATE TABLE IF NOT EXISTS tags (
    vid INTEGER NOT NULL, published_at INTEGER NOT NULL, sid INTEGER NOT NULL,
    PRIMARY KEY (vid, published_at, sid)
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

_SIGN = 1 << 63


# Python's sqlite3 (3.11) binds an int, float, str or bytearray as it is; any other value,
# None and bytes included, first goes through its adapter lookup, which, finding no adapter,
# looks up ``__adapt__`` on its protocol type and builds (and drops) a formatted
# AttributeError. A signals row binds 7-9 of them (the fingerprint, the fields a Signal
# leaves empty): 1.6 µs of the writer's ~22 per Signal in a bulk load (50,000 rows of 20
# values: 4.1 -> 2.5 µs a row). Registered, the lookup finds an adapter that hands the value
# back unchanged (``bytes(b) is b`` for a bytes object), so what is bound is exactly as before.
# Process-wide, like every sqlite3 adapter, and only for these two exact types. None's adapter
# is a builtin (an empty dict's ``get``: ``{}.get(None) is None``), not a Python function: the
# adapter is called for every None bound (6 a social post's row), and a Python frame each time
# cost ~0.4 µs a row (50,000 rows of one int and six Nones: 2.82 -> 2.43 µs a row).
_null = {}.get


sqlite3.register_adapter(bytes, bytes)
sqlite3.register_adapter(type(None), _null)


def id_key(signal_id: str) -> int:
    """The 8-byte integer ``signals.idkey`` of an id: its first 16 hex digits when it
    starts with them (ids made by ``signal_id`` are 24 hex digits of BLAKE2b), else 8 bytes
    of BLAKE2b of it. Part of the file format: never change it. Two ids may share a key;
    a lookup compares the ids themselves."""
    try:
        return int(signal_id[:16], 16) - _SIGN
    except ValueError:
        return int.from_bytes(hashlib.blake2b(signal_id.encode(), digest_size=8).digest(), "big", signed=True)


def tag_key(code: str, value: str) -> int:
    """The 8-byte integer of a tag (field code, value) in ``tags.vid``: 8 bytes of BLAKE2b,
    the same in every process, so a query or a writer needs no lookup to find it. Part of
    the file format: never change it. ``tag_values`` names each one (a clash of two values
    on one key is refused when the second is written)."""
    return int.from_bytes(hashlib.blake2b(f"{code}\x1f{value}".encode(), digest_size=8).digest(), "big",
                          signed=True)


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
# WAL pages between automatic checkpoints (4 KB pages: ~64 MB); a big bulk load raises it (writes.py).
CHECKPOINT_PAGES = 16384
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


class _SettlingLock:
    """:attr:`Database.lock`: its mutex, and on entry, the last bulk batch's deferred
    statements finished (:meth:`Database.defer`), so that whoever uses the connection finds
    it free and every batch whole."""

    def __init__(self, database: "Database") -> None:
        self._database = database
        self._mutex = database.mutex

    def __enter__(self) -> "_SettlingLock":
        self._mutex.acquire()
        try:
            self._database.settle()
        except BaseException:
            self._mutex.release()
            raise
        return self

    def __exit__(self, *exc: Any) -> None:
        self._mutex.release()


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
        # ``lock`` settles the deferred statements of the last bulk batch on entry (see
        # defer); ``mutex`` is the same lock without that, for state that is not the connection.
        self.mutex = threading.RLock()
        self.lock = _SettlingLock(self)
        self._deferred: list[tuple[str, Any]] = []  # statements of the batch being written, see defer
        self._pending: concurrent.futures.Future | None = None  # the last batch's, running
        self._failed: BaseException | None = None  # how they failed, for the next batch or close()
        self._worker: concurrent.futures.ThreadPoolExecutor | None = None
        self._group_since: float | None = None  # when the open group of bulk batches began
        self._group_last = 0.0
        # Transactions this connection committed, and ended otherwise (rolled back, to a savepoint
        # too, or a COMMIT that failed): what a write made is in the file for good once ``commits``
        # went up with no ``rollbacks`` since (the writer's named tag keys, writes.py)
        self.commits = self.rollbacks = 0
        self._idle_timer: threading.Timer | None = None
        self._checkpointing: threading.Thread | None = None  # see checkpoint_beside
        # Each bulk batch commits on its own, the group ending with it (the load's last batches,
        # told by SQLiteStore.expect_end: the words indexer reads only committed rows)
        self.commit_each = False
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
            self.db.execute(f"PRAGMA wal_autocheckpoint={CHECKPOINT_PAGES}")
            self.db.execute("PRAGMA journal_size_limit=67108864")
            self._ensure_format()
            self._ensure_rollup()
            self._ensure_idkey_index()
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
        A failed batch inside an open group is rolled back alone (a savepoint).
        The statements a batch :meth:`defer` run before its transaction's end: in a group,
        on the worker thread, beside the caller's next batch (see defer)."""
        with self.lock:
            if group:
                self._raise_lost()
            if self._group_since is not None and not group:
                self.flush()
            if self._group_since is not None:
                self.db.execute("SAVEPOINT batch")
                try:
                    yield self.db
                except BaseException:
                    self._deferred = []
                    self.rollbacks += 1
                    self.db.execute("ROLLBACK TO batch")
                    self.db.execute("RELEASE batch")
                    raise
                self.db.execute("RELEASE batch")
                self._group_last = time.monotonic()
                commit = self.commit_each or self._group_last - self._group_since >= GROUP_SECONDS
                if commit:
                    self._group_since = None
                else:
                    self._arm_idle_commit()
                self._run_deferred(commit)
                return
            self.db.execute("BEGIN IMMEDIATE")
            try:
                yield self.db
                if not group and self._deferred:
                    statements, self._deferred = self._deferred, []
                    for sql, params in statements:
                        self.db.execute(sql, params)
            except BaseException:
                self._deferred = []
                self.rollbacks += 1
                self.db.execute("ROLLBACK")
                raise
            if group and self.commit_each:
                self._run_deferred(True)  # a group of its own: committed after its deferred statements
            elif group:
                self._group_since = self._group_last = time.monotonic()
                self._arm_idle_commit()
                self._run_deferred(False)
            else:
                self._commit()

    def defer(self, sql: str, params: Any = ()) -> None:
        """Run ``sql`` at the end of the batch being written, in its transaction.

        Why: a bulk load's batch ends in statements that SQLite runs from start to end
        without Python's lock (the tag rows and rollup counts made from the rows just
        inserted, ~7 µs per Signal at a million, and the group's commit), while what the
        next batch does before it needs the connection is Python (rows, fingerprints, ids:
        ~6 µs). In a group they run on a worker thread, so the two overlap on two cores;
        whoever takes :attr:`lock` next waits for them first, so nothing sees a batch without
        its tag rows, and the group commits after them. If they fail, the open group is rolled
        back (its batches were returned for already, as with a failed group commit or a kill
        -9; running the same ingest again stores them) and the next bulk batch, or
        :meth:`close`, raises the error. Outside a group they run before the commit."""
        self._deferred.append((sql, params))

    def _run_deferred(self, commit: bool) -> None:
        statements, self._deferred = self._deferred, []
        if not statements and not commit:
            return
        if self._worker is None:
            self._worker = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="outagewatch-sqlite")
        try:
            self._pending = self._worker.submit(self._finish_batch, statements, commit)
        except RuntimeError:  # the interpreter is shutting down: no new threads, do it here
            self._finish_batch(statements, commit)

    def _finish_batch(self, statements: list[tuple[str, Any]], commit: bool) -> None:
        """On the worker thread, while no other thread uses the connection (see defer)."""
        try:
            for sql, params in statements:
                self.db.execute(sql, params)
            if commit:
                self._commit()
        except BaseException as exc:
            self.rollbacks += 1
            self._failed = exc
            self._group_since = None
            with contextlib.suppress(sqlite3.Error):
                if self.db.in_transaction:
                    self.db.execute("ROLLBACK")

    def settle(self) -> None:
        """Wait for the last batch's deferred statements (the caller holds :attr:`mutex`)."""
        pending = self._pending
        if pending is not None:
            self._pending = None
            pending.result()

    def _raise_lost(self) -> None:
        """Raise, once, how the deferred statements of an earlier batch failed (its group of
        batches was rolled back): the next bulk batch, or close(), tells the caller."""
        if self._failed is not None:
            failed, self._failed = self._failed, None
            raise failed

    def flush(self) -> None:
        """Commit the open group of bulk-load batches, if any."""
        with self.lock:
            if self._group_since is not None:
                self._group_since = None
                self._commit()

    def _commit(self) -> None:
        try:
            self.db.execute("COMMIT")
        except BaseException:
            self.rollbacks += 1  # (maybe rolled back, maybe still open: nothing in it counts as kept)
            raise
        self.commits += 1

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

    def checkpoint_beside(self) -> threading.Thread | None:
        """Start a checkpoint of the WAL on a connection of its own, in a thread (join it):
        what the caller's connection does meanwhile (a bulk load's id index built again)
        runs beside it on the other core. PASSIVE: it copies what it can without waiting
        for anyone, never blocks a writer; a failure only leaves the work to the next
        automatic checkpoint. One still running from an earlier call is returned rather
        than a second started. None for an in-memory store."""
        if str(self.path) == ":memory:":
            return None
        if self._checkpointing is not None and self._checkpointing.is_alive():
            return self._checkpointing

        def checkpoint() -> None:
            with contextlib.suppress(sqlite3.Error):
                db = sqlite3.connect(str(self.path), timeout=0, isolation_level=None)
                try:
                    db.execute("PRAGMA wal_checkpoint(PASSIVE)")
                finally:
                    db.close()

        thread = threading.Thread(target=checkpoint, name="outagewatch-checkpoint", daemon=True)
        thread.start()
        self._checkpointing = thread
        return thread

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
            if self._worker is not None:
                self._worker.shutdown()
            self.db.close()
            _OPEN.discard(self)
            self._raise_lost()

    def _ensure_format(self) -> None:
        """Create the tables of a new file; bring an older file to the current format in
        place; refuse a file of a newer format. A file already in the current format is only
        read (no write lock, see :meth:`_ensure_rollup`)."""
        version = self._format()
        if version == FORMAT:
            return
        if version is not None and version > FORMAT:
            raise StoreOpenError(
                f"{self.path} is in store file format {version}, newer than this outagewatch reads ({FORMAT}):"
                " upgrade outagewatch")
        with self.transaction() as db:
            version = self._format()  # another process may have done it meanwhile
            if version == FORMAT:
                return
            if version is None:
                for statement in _statements(SCHEMA):
                    db.execute(statement)
            else:
                _log.warning("upgrading %s to store file format %d (once; every Signal, checkpoint, incident and"
                             " feedback is kept)", self.path, FORMAT)
                if version == 1:
                    _upgrade_from_1(db)
                else:
                    _upgrade_from_2(db)
            db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema', ?)", (str(FORMAT),))

    def _ensure_idkey_index(self) -> None:
        """A file whose id-key index a bulk load had dropped (idkeys.py) gets it back, unless
        the loading process still lives (it builds the index when its load ends): its writer
        was killed. A look at ``sqlite_master`` when the index is there."""
        if idkey_index_exists(self.db) or self._format() is None:
            return
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (DEFERRED_KEY,)).fetchone()
        if row is not None and _alive(int(row[0])):
            return
        _log.info("building the id index of %s again (a bulk load into it was interrupted)", self.path)
        with self.transaction() as db:
            if not idkey_index_exists(db):
                db.execute(IDKEY_INDEX)
            db.execute("DELETE FROM meta WHERE key = ?", (DEFERRED_KEY,))

    def _format(self) -> int | None:
        """The file's format: None for a new file, 1 for a file made before formats were noted."""
        tables = {name for (name,) in self.db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('signals', 'meta')")}
        if "signals" not in tables:
            return None
        row = self.db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone() if "meta" in tables else None
        return int(row[0]) if row else 1

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
                f" SELECT v.field, v.value, s.source_kind, {rollup_bucket('t.published_at')}, count(*),"
                f" coalesce(sum(s.report_count), 0) FROM tag_values v JOIN tags t ON t.vid = v.vid"
                f" JOIN signals s ON s.rowid = t.sid WHERE v.field IN ('s', 'p', 'r') GROUP BY 1, 2, 3, 4")
            db.execute("INSERT INTO meta (key, value) VALUES ('tag_rollup', '1')")


def idkey_index_exists(db: sqlite3.Connection) -> bool:
    return db.execute("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'signals_idkey'").fetchone() \
        is not None


def _alive(pid: int) -> bool:
    """Whether a process of that id runs (on this machine: SQLite files are not shared over a network)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _upgrade_from_1(db: sqlite3.Connection) -> None:
    """Format 1 -> 3, inside the caller's transaction: ``signals`` rebuilt with ``idkey``
    and without the unique index of the ids (rowids kept: the words index refers to them),
    ``tags`` as integer keys with their names in ``tag_values``.
    Checkpoints, incidents, feedback, the rollup and the words mark are not touched."""
    db.create_function("ow_id_key", 1, id_key, deterministic=True)
    db.create_function("ow_tag_key", 2, tag_key, deterministic=True)
    columns = ", ".join(SQL_COLUMNS)
    db.execute("ALTER TABLE signals RENAME TO signals_format1")
    db.execute("DROP INDEX IF EXISTS signals_time")
    if db.execute("SELECT 1 FROM sqlite_master WHERE name = 'tags'").fetchone():
        db.execute("ALTER TABLE tags RENAME TO tags_format1")
    else:
        db.execute("CREATE TABLE tags_format1 (field TEXT, value TEXT, published_at INTEGER, sid INTEGER)")
    for statement in _statements(SCHEMA):
        db.execute(statement)
    db.execute(f"INSERT INTO signals (rowid, {columns}, fingerprint, idkey)"
               f" SELECT rowid, {columns}, fingerprint, ow_id_key(id) FROM signals_format1 ORDER BY rowid")
    db.execute("DROP TABLE signals_format1")
    db.execute("INSERT INTO tag_values (vid, field, value) SELECT ow_tag_key(field, value), field, value"
               " FROM (SELECT DISTINCT field, value FROM tags_format1)")
    db.execute("INSERT INTO tags (vid, published_at, sid) SELECT v.vid, t.published_at, t.sid"
               " FROM tag_values v JOIN tags_format1 t ON t.field = v.field AND t.value = v.value"
               " ORDER BY v.vid, t.published_at, t.sid")
    db.execute("DROP TABLE tags_format1")


def _upgrade_from_2(db: sqlite3.Connection) -> None:
    """Format 2 -> 3: format 2 (main for an hour on 2026-11-30) kept no source-kind rows in
    ``tags`` and read the kind from the ``signals`` column, which made a kind's count, facet
    and stats a scan of every row (seconds at a million Signals); they are added back."""
    db.create_function("ow_tag_key", 2, tag_key, deterministic=True)
    db.execute("INSERT OR IGNORE INTO tag_values (vid, field, value) SELECT ow_tag_key('k', kind), 'k', kind"
               " FROM (SELECT DISTINCT source_kind AS kind FROM signals)")
    db.execute("INSERT OR IGNORE INTO tags (vid, published_at, sid) SELECT v.vid, s.published_at, s.rowid"
               " FROM signals s JOIN tag_values v ON v.field = 'k' AND v.value = s.source_kind")


def _statements(script: str) -> Iterator[str]:
    """Split a script into whole statements (trigger bodies hold semicolons too)."""
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            yield pending.strip()
            pending = ""
