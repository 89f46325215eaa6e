"""The embedded store survives kill -9 in the middle of an ingest.

SQLite is written first and the words index catches up from it (see
``outagewatch/search/sqlite/textindex.py``). A process killed mid-ingest, then the same
ingest run again, must leave every Signal stored once and every search answering exactly
as on a store that was never interrupted: the same totals, the same hits in the same
order, page after page.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from outagewatch.search.query import Query
from outagewatch.search.sqlite import SQLiteStore

REPO = Path(__file__).resolve().parents[1]
SIZE = 30_000
BATCH = 1_000

# The child: the benchmark's generated signals, ingested in batches, a line per batch.
INGEST = """
import sys
sys.path.insert(0, {bench!r})
from store_bench import generate
from outagewatch.search.sqlite import SQLiteStore
store = SQLiteStore(sys.argv[1])
signals = list(generate({size}))
for i in range(0, len(signals), {batch}):
    result = store.upsert(signals[i:i + {batch}])
    print(i + {batch}, result.new, flush=True)
store.close()
""".format(bench=str(REPO / "benchmarks"), size=SIZE, batch=BATCH)

QUERIES = [
    Query(text="outage", limit=50),
    Query(text="roku login", limit=50),
    Query(text='"cannot stream"', limit=50),
    Query(text="flickr OR kinesis", limit=50),
    Query(text="timeout", services=("roku",), limit=50),
    Query(text="degraded -slow", kinds=("status",), limit=50),
    Query(text="kines*", sort="newest", limit=50),
    Query(text="error", sort="oldest", limit=50),
    Query(services=("aws/kinesis",), limit=50),
    Query(limit=50),
]


def _run(path: Path, kill_after_batches: int | None = None) -> int:
    env = {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    child = subprocess.Popen([sys.executable, "-c", INGEST, str(path)], stdout=subprocess.PIPE, text=True, env=env)
    done = 0
    for line in child.stdout:
        done = int(line.split()[0])
        if kill_after_batches is not None and done >= kill_after_batches * BATCH:
            time.sleep(0.05)  # let it get into the next batch
            child.send_signal(signal.SIGKILL)
            break
    child.wait(timeout=600)
    return child.returncode


def _answers(store: SQLiteStore) -> list:
    out = []
    for query in QUERIES:
        pages, result = [], store.search(query)
        pages.append((result.total, result.total_relation, [(h.signal.id, h.score, h.highlights) for h in result.hits]))
        for _ in range(3):
            if not result.next_cursor:
                break
            result = store.search(query.with_cursor(result.next_cursor))
            pages.append([(h.signal.id, h.score) for h in result.hits])
        out.append((store.count(query), pages))
    out.append(store.facets(Query(text="outage"), ["services", "source_kind"], size=50))
    out.append([(b.start, b.count, b.reports) for b in store.histogram(Query(text="down"), "1d")])
    return out


@pytest.mark.parametrize("kill_after", [3, 17])
def test_kill_9_mid_ingest_then_the_same_ingest_again_loses_and_repeats_nothing(tmp_path, kill_after):
    interrupted = tmp_path / "interrupted.db"
    assert _run(interrupted, kill_after_batches=kill_after) == -signal.SIGKILL
    with SQLiteStore(interrupted) as probe:  # what the killed run left
        left = probe.count(Query())
    assert kill_after * BATCH <= left < SIZE
    assert _run(interrupted) == 0
    reference = tmp_path / "reference.db"
    assert _run(reference) == 0
    with SQLiteStore(interrupted) as store, SQLiteStore(reference) as clean:
        assert store.count(Query()) == SIZE
        assert store.database.one("SELECT count(DISTINCT id) FROM signals")[0] == SIZE
        everything = Query(text="roku OR flickr OR adobe OR netflix OR slack OR zoom OR github OR discord OR kinesis"
                                " OR s3 OR ec2 OR engine OR machines OR ring OR twilio OR spotify OR reddit")
        assert store.count(everything) == clean.count(everything) == SIZE  # each Signal in the words index once
        assert _answers(store) == _answers(clean)


def test_a_lost_index_folder_is_rebuilt_from_the_sqlite_file(tmp_path):
    import shutil

    from outagewatch.search.sqlite.textindex import words_path

    path = tmp_path / "s.db"
    assert _run(path) == 0
    with SQLiteStore(path) as store:
        before = _answers(store)
    shutil.rmtree(words_path(path))
    with SQLiteStore(path) as store:
        assert _answers(store) == before


def test_an_index_ahead_of_its_mark_is_cut_back_and_caught_up(tmp_path):
    # A crash after the words index committed but before SQLite recorded how far: the
    # index then holds rows past the mark. The next writer deletes them and indexes
    # them again from SQLite, so none is found twice.
    path = tmp_path / "s.db"
    assert _run(path) == 0
    with SQLiteStore(path) as store:
        rowid, seq, state = store.text._mark()
        assert rowid == SIZE
        store.database.execute("UPDATE meta SET value = ? WHERE key = 'text_state'",
                               (f"{SIZE // 3}:{seq}:{state.split(':', 2)[2]}",))
    with SQLiteStore(path) as store:
        for query in QUERIES:
            matched = {h.signal.id for h in store.search(query.with_cursor(None)).hits}
            assert store.count(query) == len(list(store.scan(query))), query
            assert matched <= {s.id for s in store.scan(query)}
        assert store.text.searcher().num_docs == SIZE
