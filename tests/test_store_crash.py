"""The embedded store survives kill -9 in the middle of an ingest.

SQLite is written first and the words index catches up from it (see
``outagewatch/search/sqlite/textindex.py``). A process killed mid-ingest, then the same
ingest run again, must leave every Signal stored once and every search answering exactly
as on a store that was never interrupted: the same totals, the same hits in the same
order, page after page. ``benchmarks/store_crash.py`` runs the same at a million.
"""

from __future__ import annotations

import shutil
import signal
import sys
from pathlib import Path

import pytest

from outagewatch.search.query import Query
from outagewatch.search.sqlite import SQLiteStore
from outagewatch.search.sqlite.textindex import BULK_ROWS, GENERATION_FILE, words_path
from tests.signals_factory import make_signal

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from store_crash import EVERY_SIGNAL, QUERIES, check, ingest, state_left  # noqa: E402

SIZE = 30_000
BATCH = 1_000


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    path = tmp_path_factory.mktemp("reference") / "reference.db"
    assert ingest(path, SIZE, BATCH) == 0
    return path


# Past 20,000 rows in a run the ingest is a bulk load: a second process indexes the words
# (outagewatch/search/sqlite/indexer.py) and the writer's batches share transactions. The
# later kills land then, and either kill the indexer too (the process group) or leave it
# to finish beside the next run.
@pytest.mark.parametrize("kill_at, into_batch, group", [(3 * BATCH, 0.4, True), (17 * BATCH, 0.9, True),
                                                        (24 * BATCH, 0.9, True), (24 * BATCH, 0.4, False)])
def test_kill_9_mid_ingest_then_the_same_ingest_again_loses_and_repeats_nothing(tmp_path, reference, kill_at,
                                                                               into_batch, group):
    path = tmp_path / "interrupted.db"
    assert ingest(path, SIZE, BATCH, kill_at=kill_at, into_batch=into_batch, group=group) == -signal.SIGKILL
    rows, mark = state_left(path)  # what the killed run left
    # Batches stored before the bulk load began were each committed; during it, batches
    # share a transaction of up to a second, which the kill may take with it.
    assert min(kill_at, BULK_ROWS) <= rows < SIZE and mark <= rows
    assert ingest(path, SIZE, BATCH) == 0
    assert check(path, reference, SIZE) == []


def test_a_lost_index_folder_is_rebuilt_from_the_sqlite_file(tmp_path, reference):
    path = tmp_path / "copy.db"
    shutil.copy(reference, path)  # the SQLite file alone, as a backup holds it
    assert not words_path(path).exists()
    assert check(path, reference, SIZE) == []


def test_an_index_ahead_of_its_mark_keeps_what_it_committed(tmp_path, reference):
    # A crash after the words index committed but before SQLite recorded how far: the
    # index then holds rows past the mark. They were indexed from committed rows of this
    # very file (the folder names the file's generation), so they are kept, not deleted and
    # indexed again: nothing is found twice, and no deleted copies change the scores.
    path = tmp_path / "ahead.db"
    shutil.copy(reference, path)
    shutil.copytree(words_path(reference), words_path(path))
    set_mark_back(path)
    with SQLiteStore(path) as store:
        assert store.count(EVERY_SIGNAL) == SIZE
        assert store.text.searcher().num_docs == SIZE
    assert check(path, reference, SIZE) == []


def test_an_index_of_unknown_origin_ahead_of_its_mark_is_cut_back_and_caught_up(tmp_path, reference):
    # The same, for an index folder that does not say which file it was built from (made
    # before folders said so): everything past the mark is deleted and indexed again.
    path = tmp_path / "ahead.db"
    shutil.copy(reference, path)
    shutil.copytree(words_path(reference), words_path(path))
    (words_path(path) / GENERATION_FILE).unlink()
    set_mark_back(path)
    with SQLiteStore(path) as store:
        assert store.count(EVERY_SIGNAL) == SIZE
        assert store.text.searcher().num_docs == SIZE
        for query in QUERIES:
            assert store.count(query) == len(list(store.scan(query))), query
    with SQLiteStore(path) as store, SQLiteStore(reference) as clean:
        # the same Signals for every query; relevance scores may differ until the index
        # merges away the deleted copies, so only time-ordered pages are compared in full
        for query in QUERIES:
            assert store.count(query) == clean.count(query), query
            if not query.ranks_by_relevance:
                assert [h.signal.id for h in store.search(query).hits] == [h.signal.id for h in clean.search(query).hits]


def test_an_index_folder_of_another_file_is_emptied_and_rebuilt(tmp_path, reference):
    # A words folder left beside a new file of the same name (the old file deleted, a new
    # one ingested): its documents belong to other rows and must all go.
    path = tmp_path / "new.db"
    shutil.copytree(words_path(reference), words_path(path))
    with SQLiteStore(path) as store:
        store.upsert([make_signal(f"fresh start {i}", native_id=f"f{i}") for i in range(30)])
        assert store.text.searcher().num_docs == 30
        assert store.count(EVERY_SIGNAL) == 0
        assert store.count(Query(text="fresh")) == 30


def set_mark_back(path: Path) -> None:
    with SQLiteStore(path) as store:
        rowid, seq, state = store.text._mark()
        assert rowid == SIZE
        store.database.execute("UPDATE meta SET value = ? WHERE key = 'text_state'",
                               (f"{SIZE // 3}:{seq}:{state.split(':', 2)[2]}",))


def test_killed_after_sqlite_committed_and_before_the_words_index_did(tmp_path, reference):
    # The exact gap: a batch stored in SQLite, the process killed before its words were
    # indexed. Opening the store again indexes them, once.
    import subprocess

    path = tmp_path / "gap.db"
    shutil.copy(reference, path)
    shutil.copytree(words_path(reference), words_path(path))
    code = (f"import os, signal, sys; sys.path[:0] = [{str(Path(__file__).resolve().parents[1])!r}]\n"
            "from tests.signals_factory import make_signal\n"
            "from outagewatch.search.sqlite import SQLiteStore\n"
            f"store = SQLiteStore({str(path)!r})\n"
            "store._apply([make_signal(f'gap outage {i}', native_id=f'gap-{i}') for i in range(500)])\n"
            "os.kill(os.getpid(), signal.SIGKILL)\n")
    assert subprocess.run([sys.executable, "-c", code], timeout=300).returncode == -signal.SIGKILL
    assert state_left(path) == (SIZE + 500, SIZE)
    with SQLiteStore(path) as store:
        assert store.count(Query(text="gap")) == 500
        assert store.count(EVERY_SIGNAL) == SIZE
        assert store.text.searcher().num_docs == SIZE + 500
