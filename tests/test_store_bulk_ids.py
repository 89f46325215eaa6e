"""During a bulk load the SQLite store finds ids through keys held in memory, its id-key
index dropped, and builds the index again when the load ends (``sqlite/idkeys.py``).

What must hold meanwhile: every upsert answers new / updated / unchanged exactly as with
the index, ``get`` finds every id, no id is stored twice (also when another process adds
rows during the load), and a file left without the index by a killed load gets it back
when opened, while a living loader's file is left to it.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time

import pytest

from outagewatch.pipeline import store_signals
from outagewatch.search.query import Query
from outagewatch.search.sqlite import SQLiteStore
from outagewatch.search.sqlite.idkeys import KeyMap
from outagewatch.search.sqlite.schema import CHECKPOINT_PAGES, DEFERRED_KEY
from outagewatch.search.sqlite.writes import LOAD_CHECKPOINT_PAGES
from tests.signals_factory import make_signal


def batch(start: int, n: int, word: str = "outage") -> list:
    return [make_signal(f"{word} number {i}", minutes=i, native_id=f"b{i}") for i in range(start, start + n)]


def index_exists(path) -> bool:
    db = sqlite3.connect(path)
    try:
        return db.execute("SELECT 1 FROM sqlite_master WHERE name = 'signals_idkey'").fetchone() is not None
    finally:
        db.close()


def deferred_by(path) -> str | None:
    db = sqlite3.connect(path)
    try:
        row = db.execute("SELECT value FROM meta WHERE key = ?", (DEFERRED_KEY,)).fetchone()
        return row and row[0]
    finally:
        db.close()


def rows_and_ids(store: SQLiteStore) -> tuple[int, int]:
    return store.database.one("SELECT count(*), count(DISTINCT id) FROM signals")


def test_a_bulk_load_finds_ids_in_memory_and_builds_the_index_when_it_ends(tmp_path, monkeypatch):
    # the load does not end by idleness here, however long a loaded machine pauses between lines
    monkeypatch.setattr("outagewatch.search.sqlite.writes.END_LOAD_SECONDS", 60.0)
    path = tmp_path / "bulk.db"
    store = SQLiteStore(path)
    store.text.bulk_rows = 500
    first = batch(0, 600)
    store.upsert(first)  # a bulk load from here on: the indexer takes the words
    assert store.text.bulk_load and index_exists(path)
    store.upsert(batch(600, 600))
    store.database.flush()
    assert store._writer.keymap is not None and not index_exists(path)
    assert deferred_by(path) == str(os.getpid())
    # repeats, a change and new ids in one batch, found through the map
    changed = make_signal("outage number 5, now fixed", minutes=5, native_id="b5")
    result = store.upsert([*first[10:110], changed, *batch(1200, 50)])
    assert (result.new, result.updated, result.unchanged) == (50, 1, 100)
    assert store.get(changed.id).text == "outage number 5, now fixed"
    assert store.get(first[-1].id).text == "outage number 599"
    assert store.get("no such id") is None
    assert rows_and_ids(store) == (1250, 1250)
    assert store.count(Query(text="fixed")) == 1
    store.close()
    assert index_exists(path) and deferred_by(path) is None
    with SQLiteStore(path) as again:
        result = again.upsert([*first, changed])
        assert (result.new, result.updated, result.unchanged) == (0, 0, 600)
        assert again.get(changed.id).text == "outage number 5, now fixed"


def test_a_load_with_the_index_away_checkpoints_its_wal_less_often_until_it_ends(tmp_path, monkeypatch):
    monkeypatch.setattr("outagewatch.search.sqlite.writes.END_LOAD_SECONDS", 60.0)  # the test ends the load

    def checkpoint_pages(store) -> int:
        return store.database.one("PRAGMA wal_autocheckpoint")[0]

    path = tmp_path / "wal.db"
    store = SQLiteStore(path)
    store.text.bulk_rows = 500
    assert checkpoint_pages(store) == CHECKPOINT_PAGES
    store.upsert(batch(0, 600))
    store.upsert(batch(600, 600))
    assert store._writer.keymap is not None and checkpoint_pages(store) == LOAD_CHECKPOINT_PAGES
    store._writer.end_load()
    assert store._writer.keymap is None and checkpoint_pages(store) == CHECKPOINT_PAGES
    store.close()


def test_when_a_load_ends_the_file_alone_holds_it_all_with_its_index(tmp_path, monkeypatch):
    """The WAL a load leaves is checkpointed beside the index's rebuild, then the rebuild's
    own pages: the .db file copied alone right then (a backup) has every row and the index."""
    monkeypatch.setattr("outagewatch.search.sqlite.writes.END_LOAD_SECONDS", 60.0)  # the test ends the load
    path = tmp_path / "whole.db"
    store = SQLiteStore(path)
    store.text.bulk_rows = 500
    store.upsert(batch(0, 600))
    store.upsert(batch(600, 900))
    assert store._writer.keymap is not None and os.path.getsize(f"{path}-wal") > 0
    store._writer.end_load()
    assert store._writer.keymap is None
    assert os.path.getsize(f"{path}-wal") == 0
    copy = tmp_path / "copy.db"
    shutil.copyfile(path, copy)
    assert index_exists(copy) and deferred_by(copy) is None
    db = sqlite3.connect(copy)
    try:
        assert db.execute("SELECT count(*), count(DISTINCT id) FROM signals").fetchone() == (1500, 1500)
    finally:
        db.close()
    store.close()


def test_the_index_comes_back_two_seconds_after_the_last_write(tmp_path):
    path = tmp_path / "idle.db"
    with SQLiteStore(path) as store:
        store.text.bulk_rows = 100
        store.upsert(batch(0, 200))
        store.upsert(batch(200, 200))
        assert store._writer.keymap is not None
        wait_until(lambda: store._writer.keymap is None)  # 2 s after the last batch it is built
        assert store._writer.keymap is None and index_exists(path) and deferred_by(path) is None
        result = store.upsert(batch(0, 400))
        assert result.unchanged == 400


def test_a_batch_longer_than_the_idle_time_does_not_end_the_load(tmp_path, monkeypatch):
    monkeypatch.setattr("outagewatch.search.sqlite.writes.END_LOAD_SECONDS", 1.0)
    path = tmp_path / "slow.db"
    with SQLiteStore(path) as store:
        store.text.bulk_rows = 100
        store.upsert(batch(0, 200))
        store.upsert(batch(200, 200))
        assert store._writer.keymap is not None
        encode = store._writer.encode

        def slow_encode(signals):  # a batch that takes 2 s whatever the machine's speed
            time.sleep(2.0)
            return encode(signals)

        monkeypatch.setattr(store._writer, "encode", slow_encode)
        store.upsert(batch(400, 400))  # longer than 1 s: still the same run of writes
        time.sleep(0.2)  # (a timer armed as the batch began would have fired during it)
        assert store._writer.keymap is not None and not store.database.one(
            "SELECT 1 FROM sqlite_master WHERE name = 'signals_idkey'")
        wait_until(lambda: store._writer.keymap is None)
        assert index_exists(path)


def test_a_load_whose_tagger_takes_longer_than_the_idle_time_keeps_its_keys_in_memory_to_the_end(
        tmp_path, monkeypatch):
    # ingest on a busy machine: between two batches the spine waits for its tagger longer than
    # the pause that ends a run of writes; that wait is not the end of the load
    monkeypatch.setattr("outagewatch.search.sqlite.writes.END_LOAD_SECONDS", 0.3)
    monkeypatch.setattr("outagewatch.search.sqlite.textindex.RUN_GAP_SECONDS", 0.3)
    path = tmp_path / "slow-tagger.db"
    with SQLiteStore(path) as store:
        store.text.bulk_rows = 100
        seen = []

        def slow_tagger(signals):  # a tagger far behind the store
            time.sleep(0.8)
            seen.append((store._writer.keymap is not None, store.text.run_rows))

        result = store_signals(store, batch(0, 1000), tag=slow_tagger, batch_size=200)
        assert result.new == 1000
        # from the third batch on, after each wait, the ids are still in memory and the run
        # counted whole, to the last batch
        assert seen[2:] == [(True, 400), (True, 600), (True, 800)]
        wait_until(lambda: store._writer.keymap is None)  # once the spine is done, the pause ends it
        assert index_exists(path) and deferred_by(path) is None and rows_and_ids(store) == (1000, 1000)


def test_a_pause_of_the_input_still_ends_the_load(tmp_path, monkeypatch):
    # a stream that stops for a while (a collector between polls, a pipe gone quiet): the run of
    # writes has ended, the id index is built again for whoever reads meanwhile
    monkeypatch.setattr("outagewatch.search.sqlite.writes.END_LOAD_SECONDS", 0.3)
    path = tmp_path / "slow-input.db"
    with SQLiteStore(path) as store:
        store.text.bulk_rows = 100
        seen = []

        def slow_input():
            for start in range(0, 1000, 200):
                if start == 600:
                    time.sleep(1.2)
                yield from batch(start, 200)

        def tagger(signals):
            seen.append(store._writer.keymap is not None)

        store_signals(store, slow_input(), tag=tagger, batch_size=200)
        assert seen[2] and not seen[3]  # the pause before the fourth batch ended the load
        assert rows_and_ids(store) == (1000, 1000)


def wait_until(condition, seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "waited in vain"
        time.sleep(0.05)


def test_a_small_load_into_a_big_table_keeps_the_index(tmp_path):
    path = tmp_path / "big.db"
    with SQLiteStore(path) as store:
        store.upsert(batch(0, 2000))  # the table before the load (not a bulk load: indexed by the writer)
    with SQLiteStore(path) as store:
        store.text.bulk_rows = 100
        store.upsert(batch(2000, 200))
        store.upsert(batch(2200, 200))  # the load had 200 new rows against 2,200: under a quarter
        assert store.text.bulk_load and store._writer.keymap is None and index_exists(path)


def test_rows_another_process_adds_during_the_load_are_found_not_stored_twice(tmp_path, monkeypatch):
    # the load does not end by idleness here, however long a loaded machine pauses between lines
    monkeypatch.setattr("outagewatch.search.sqlite.writes.END_LOAD_SECONDS", 60.0)
    path = tmp_path / "two.db"
    loader = SQLiteStore(path)
    loader.text.bulk_rows = 100
    loader.upsert(batch(0, 200))
    loader.upsert(batch(200, 200))
    assert loader._writer.keymap is not None
    loader.database.flush()  # lets the other writer in, as the loader's idle commit would
    other = make_signal("added by a collector", minutes=1000, native_id="other")
    with SQLiteStore(path) as collector:  # another writer: no map, the id index is away, so it reads the table
        assert collector.upsert([other, *batch(0, 3)]).new == 1
    result = loader.upsert([other, *batch(400, 100)])  # the loader sees rows it did not write
    assert (result.new, result.unchanged) == (100, 1)
    assert loader._writer.keymap is None and rows_and_ids(loader) == (501, 501)
    result = loader.upsert([other, *batch(500, 100)])  # the file has other writers: the index stays
    assert (result.new, result.unchanged) == (100, 1) and loader._writer.keymap is None
    loader.close()
    assert index_exists(path)
    with SQLiteStore(path) as again:
        assert rows_and_ids(again) == (601, 601)


def _pid_of_a_process(alive: bool) -> tuple[int, subprocess.Popen | None]:
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)" if alive else "pass"])
    if not alive:
        child.wait()
        return child.pid, None
    return child.pid, child


@pytest.mark.parametrize("loader_alive", [False, True])
def test_a_file_left_without_its_id_index_gets_it_back_unless_its_loader_lives(tmp_path, loader_alive):
    path = tmp_path / "left.db"
    with SQLiteStore(path) as store:
        store.upsert(batch(0, 300))
    pid, child = _pid_of_a_process(loader_alive)
    try:
        db = sqlite3.connect(path)  # what a killed load leaves: no index, the loader named
        with db:
            db.execute("DROP INDEX signals_idkey")
            db.execute("INSERT INTO meta (key, value) VALUES (?, ?)", (DEFERRED_KEY, str(pid)))
        db.close()
        with SQLiteStore(path) as store:
            assert index_exists(path) is not loader_alive
            assert store.get(batch(7, 1)[0].id).text == "outage number 7"  # found either way
            assert store.upsert(batch(0, 300)).unchanged == 300
    finally:
        if child is not None:
            child.kill()
            child.wait()


def test_the_key_map_holds_every_row_of_a_key_across_merges(monkeypatch):
    monkeypatch.setattr("outagewatch.search.sqlite.idkeys.MERGE_ROWS", 4)
    keys = KeyMap([(5, 1), (9, 2), (5, 3)], top=3)
    keys.add([(7, 4), (5, 5), (7, 6)])
    assert sorted(keys.rowids([5])) == [1, 3, 5] and sorted(keys.rowids([7, 8])) == [4, 6]
    keys.add([(1, 7), (2, 8), (3, 9)])  # past MERGE_ROWS distinct recent keys: merged into the arrays
    assert not keys._recent and keys.top == 9 and len(keys) == 9
    assert sorted(keys.rowids([5, 7, 1, 9, 4])) == [1, 2, 3, 4, 5, 6, 7]
