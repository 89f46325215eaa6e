"""During a bulk load the words index is brought up to date by a second process.

The writer stores rows in SQLite only; the indexer (``outagewatch/search/sqlite/indexer.py``)
reads them back and indexes them. A search of the writer first has it catch up, and
closing the store waits for it, so what the writer sees is never behind what it wrote.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sqlite3
import time

import pytest

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


def test_when_the_load_ends_the_indexer_commits_while_the_id_index_is_built_again(tmp_path, monkeypatch):
    monkeypatch.setattr("outagewatch.search.sqlite.writes.END_LOAD_SECONDS", 60.0)  # the test ends the load
    path = tmp_path / "ended.db"
    store = SQLiteStore(path)
    store.text.bulk_rows = 500
    for start in range(0, 3000, 600):
        store.upsert(batch(start, 600))
    indexer = store.text._indexer
    assert indexer is not None and store._writer.keymap is not None
    store._writer.end_load()  # as close() does first, or 2 s after the last batch
    assert store._writer.keymap is None
    # Nobody searches or closes: told that the load ended, the indexer catches up and commits
    # now (during a load it commits every 30 s; idle, it would commit only on leaving, 10 s on).
    deadline = time.monotonic() + 8.0
    while mark(path) < 3000:
        assert time.monotonic() < deadline, "the indexer did not commit when the load ended"
        time.sleep(0.05)
    assert indexer.alive()
    with SQLiteStore(path, create=False) as reader:  # another process's view: every word findable
        assert reader.count(Query(text="outage")) == 3000
    assert store.count(Query(text="number")) == 3000
    store.close()
    assert not indexer.alive() and mark(path) == 3000


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


def committed_rows(path) -> int:
    """Rows another process sees (what SQLite has committed)."""
    db = sqlite3.connect(path)
    try:
        return db.execute("SELECT count(*) FROM signals").fetchone()[0]
    finally:
        db.close()


def test_bulk_batches_share_a_transaction_that_any_other_write_idleness_or_close_commits(tmp_path, monkeypatch):
    # a moment of idleness longer than a loaded machine's pause between two lines of this test
    monkeypatch.setattr("outagewatch.search.sqlite.schema.GROUP_IDLE_SECONDS", 3.0)
    path = tmp_path / "group.db"
    store = SQLiteStore(path)
    store.text.bulk_rows = 1000
    store.upsert(batch(0, 1500))  # committed on its own; the load becomes a bulk load
    assert store.text.bulk_load and committed_rows(path) == 1500
    store.upsert(batch(1500, 500))
    assert committed_rows(path) == 1500  # in the open group
    assert store.count(Query()) == 2000  # the writer sees its own batches
    store.set_checkpoint("feed", {"after": "x"})  # any other write commits the group first
    assert committed_rows(path) == 2000
    store.upsert(batch(2000, 500))
    deadline = time.monotonic() + 30
    while committed_rows(path) < 2500 and time.monotonic() < deadline:
        time.sleep(0.05)  # committed once no batch came for a moment
    assert committed_rows(path) == 2500
    store.upsert(batch(2500, 500))
    original = store._writer.write

    def write_then_fail(changes, result):
        original(changes, result)
        raise RuntimeError("disk on fire")

    store._writer.write = write_then_fail
    with pytest.raises(RuntimeError):
        store.upsert(batch(3000, 500))
    store._writer.write = original
    assert store.count(Query()) == 3000  # the failed batch alone was rolled back
    store.close()
    assert committed_rows(path) == 3000
    with SQLiteStore(path) as again:
        assert again.count(Query(text="outage")) == 3000
        assert again.get_checkpoint("feed") == {"after": "x"}


def test_a_batch_whose_tag_rows_fail_after_it_returned_loses_its_group_says_so_and_stores_again(tmp_path, monkeypatch):
    """During a bulk load a batch's tag rows and rollup counts are made by SQLite after the
    batch returned, beside the next one (``Database.defer``). If that fails, the open group
    of batches is rolled back (as a failed group commit or a kill -9 would lose it), the next
    batch raises the error, and the same ingest run again stores every Signal once, tags
    and counts included."""
    monkeypatch.setattr("outagewatch.search.sqlite.schema.GROUP_IDLE_SECONDS", 60.0)
    monkeypatch.setattr("outagewatch.search.sqlite.schema.GROUP_SECONDS", 60.0)
    monkeypatch.setattr("outagewatch.search.sqlite.writes.END_LOAD_SECONDS", 60.0)  # no commit but the test's
    path = tmp_path / "lost.db"
    signals = [make_signal(f"outage number {i}", minutes=i, native_id=f"l{i}", services=["roku", f"s{i % 7}"],
                           regions=["geo:US"] if i % 3 else [], report_count=i % 5 or None)
               for i in range(4000)]
    store = SQLiteStore(path)
    store.text.bulk_rows = 1000
    assert store.upsert(signals[:1500]).new == 1500  # committed alone; a bulk load from here on
    store.database.flush()
    with store.database.lock:  # the disk fails while the tag rows of row 2600 are written
        store.database.db.execute("CREATE TEMP TRIGGER fail AFTER INSERT ON main.tags WHEN NEW.sid = 2600"
                                  " BEGIN SELECT RAISE(ABORT, 'disk on fire'); END")
    assert store.upsert(signals[1500:2000]).new == 500
    assert store.upsert(signals[2000:3000]).new == 1000  # returned: its tag rows come after
    with pytest.raises(sqlite3.DatabaseError, match="disk on fire"):
        store.upsert(signals[3000:4000])
    assert committed_rows(path) == 1500 and store.count(Query()) == 1500  # the group went
    with store.database.lock:
        store.database.db.execute("DROP TRIGGER fail")
    results = [store.upsert(signals[i:i + 500]) for i in range(0, 4000, 500)]  # the same ingest again
    assert sum(r.new for r in results) == 2500 and sum(r.unchanged for r in results) == 1500
    store.close()
    db = sqlite3.connect(path)
    try:
        assert db.execute("SELECT count(*), count(DISTINCT id) FROM signals").fetchone() == (4000, 4000)
        tag_rows = sum(2 + 2 + len(s.regions) for s in signals)  # kind, source, two services, regions
        assert db.execute("SELECT count(*) FROM tags").fetchone()[0] == tag_rows
        assert db.execute("SELECT sum(n), sum(reports) FROM tag_rollup WHERE field = 's' AND value = 'roku'"
                          ).fetchone() == (4000, sum(s.report_count or 0 for s in signals))
    finally:
        db.close()
    with SQLiteStore(path) as again:
        assert again.count(Query(text="outage")) == 4000
        assert again.count(Query(services=("roku",))) == 4000


def test_close_returns_though_a_process_forked_after_the_indexer_holds_its_pipe(tmp_path):
    # Tagging workers are forked from the writing process; one forked after the indexer
    # started holds a copy of the indexer's stdin, so that pipe never closes by itself.
    path = tmp_path / "forked.db"
    store = SQLiteStore(path)
    store.text.bulk_rows = 1000
    store.upsert(batch(0, 1500))
    assert store.text.bulk_load
    pid = os.fork()
    if pid == 0:  # the "worker": holds every inherited descriptor for a minute
        time.sleep(60)
        os._exit(0)
    try:
        store.upsert(batch(1500, 500))
        store.close()  # would wait for the worker's minute if the indexer waited for EOF
        assert os.waitpid(pid, os.WNOHANG) == (0, 0)  # the worker is still there
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    assert mark(path) == 2000


def _indexer_in_a_fork(path, early: bool):
    """The indexer's loop in a forked child, its stdin a pipe this test holds, leaving after 0.3 s
    with nothing to do: (pid, the pipe's writing end)."""
    from outagewatch.search.sqlite import indexer

    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            os.dup2(read, 0)
            indexer.IDLE_SECONDS = 0.3
            indexer.run(path, early=early)
            code = 0
        finally:
            os._exit(code)
    os.close(read)
    return pid, write


def test_an_indexer_started_before_the_load_waits_for_its_first_rows_however_long_the_writer_takes(tmp_path):
    # ingest starts it while its tagger starts, which on a busy machine may take longer than the idle time
    paths = {early: tmp_path / f"early-{early}.db" for early in (True, False)}
    for path in paths.values():
        SQLiteStore(path).close()
    children = {early: _indexer_in_a_fork(path, early) for early, path in paths.items()}
    try:
        time.sleep(1.5)  # five times the idle time
        assert os.waitpid(children[False][0], os.WNOHANG)[0] == children[False][0]  # an ordinary one left
        assert os.waitpid(children[True][0], os.WNOHANG) == (0, 0)  # the early one still waits
        with SQLiteStore(paths[True]) as store:
            store.upsert(batch(0, 300))  # the early one holds the index's writer: it indexes them
            os.write(children[True][1], b"q\n")
            assert os.waitpid(children[True][0], 0)[1] == 0
            assert mark(paths[True]) == 300 and store.count(Query(text="outage")) == 300
    finally:
        for pid, pipe in children.values():
            os.close(pipe)
            with contextlib.suppress(ChildProcessError, ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)


def test_told_the_load_ends_soon_the_indexer_commits_what_is_stored_while_the_last_batches_come(tmp_path, monkeypatch):
    monkeypatch.setattr("outagewatch.search.sqlite.writes.END_LOAD_SECONDS", 60.0)  # the test ends the load
    path = tmp_path / "ending.db"
    store = SQLiteStore(path)
    store.text.bulk_rows = 500
    for start in range(0, 2400, 600):
        store.upsert(batch(start, 600))
    indexer = store.text._indexer
    assert indexer is not None and store._writer.keymap is not None
    store.expect_end(600)  # as ingest says with its last batches still being tagged
    # The open group is committed, and the indexer commits the words of all 2,400 now, though
    # the load goes on (it would have waited for the load's end, or 30 s): another process finds them.
    deadline = time.monotonic() + 8.0
    with SQLiteStore(path, create=False) as reader:
        while reader.count(Query(text="outage")) < 2400:
            assert time.monotonic() < deadline, "the indexer did not commit when told the load ends soon"
            time.sleep(0.05)
    store.upsert(batch(2400, 600))  # the last batch: the writer moves the mark the indexer reported
    with store.database.lock:  # (its deferred statements done) it committed on its own, not in a group
        pass
    seen = sqlite3.connect(path)
    try:
        assert seen.execute("SELECT count(*) FROM signals").fetchone()[0] == 3000
    finally:
        seen.close()
    assert store.count(Query(text="outage")) == 3000
    store.close()
    assert not indexer.alive() and mark(path) == 3000
    with SQLiteStore(path) as again:  # every row once in the words index, none twice
        assert again.text.searcher().num_docs == 3000
        assert again.count(Query(text="number")) == 3000


def test_ingest_tells_the_store_once_when_its_last_four_batches_are_what_is_left_to_store():
    from outagewatch.pipeline import store_signals
    from outagewatch.search.store import UpsertResult

    class Recording:
        def __init__(self):
            self.calls = []

        def upsert(self, signals):
            self.calls.append(("upsert", len(signals)))
            return UpsertResult(new=len(signals))

        def expect_end(self, rows):
            self.calls.append(("expect_end", rows))

    class Ahead:
        """A tagger whose tag_ahead holds the batches while it starts, as ingest's tagging process does."""

        def __call__(self, signals):
            pass

        def tag_ahead(self, batches):
            yield from list(batches)

    store = Recording()
    store_signals(store, batch(0, 3300), tag=Ahead(), batch_size=500)
    assert store.calls == [("upsert", 500)] * 3 + [("expect_end", 1800)] + [("upsert", 500)] * 3 + [("upsert", 300)]
    store = Recording()
    store_signals(store, batch(0, 3300), batch_size=500)  # nothing read ahead: the end is not known before
    assert all(call[0] == "upsert" for call in store.calls) and len(store.calls) == 7
    store = Recording()
    store_signals(store, batch(0, 800), tag=Ahead(), batch_size=500)  # fewer in all: said after the first
    assert store.calls == [("upsert", 500), ("expect_end", 300), ("upsert", 300)]


def test_the_last_batch_tagged_by_workers_is_stored_in_pieces_as_one_upsert_would_store_it(tmp_path):
    """With a tagger whose worker processes tag ahead, the last batch goes to the tagger and the
    store in pieces, each half what is left (what is stored after the last tags come back is a
    piece, not a batch); the copies of an id in it are dropped first, as one upsert of the batch
    drops them (the last copy kept, where the first stood), and counted as repeated."""
    from outagewatch.pipeline import store_signals
    from outagewatch.search.store import UpsertResult

    class Recording:
        def __init__(self):
            self.batches = []

        def upsert(self, signals):
            self.batches.append(list(signals))
            return UpsertResult(new=len(signals))

    class Workers:
        processes = 2

        def __call__(self, signals):
            pass

        def tag_ahead(self, batches):
            yield from batches

    signals = batch(0, 8000)
    signals[7990] = make_signal("outage number 5500, said again", minutes=5500, native_id="b5500")
    store = Recording()
    result = store_signals(store, signals, tag=Workers(), batch_size=5000)
    assert [len(b) for b in store.batches] == [5000, 1499, 750, 750]  # 2,999 ids in the last batch
    assert result.new == 7999 and result.repeated == 1
    last = [s for b in store.batches[1:] for s in b]
    assert last[500].text == "outage number 5500, said again" and len({s.id for s in last}) == 2999
    store = Recording()  # one process (nothing tagged beside the store): batches as read
    store_signals(store, signals, tag=lambda b: None, batch_size=5000)
    assert [len(b) for b in store.batches] == [5000, 3000]
    with SQLiteStore(tmp_path / "pieces.db") as pieces, SQLiteStore(tmp_path / "whole.db") as whole:
        assert store_signals(pieces, signals, tag=Workers(), batch_size=5000) == \
            store_signals(whole, signals, batch_size=5000)
        rows = "SELECT rowid, id, text, published_at FROM signals ORDER BY rowid"
        assert pieces._db.execute(rows).fetchall() == whole._db.execute(rows).fetchall()
