"""kill -9 in the middle of an ingest into the embedded store, then the same ingest again.

    .venv/bin/python benchmarks/store_crash.py [--size 1000000] [--kill-at 0.4]

A child process ingests the generated signals of ``store_bench.py`` (batches of 5,000,
tagging off, as ``outagewatch ingest`` does) and is killed with SIGKILL once it has
stored ``--kill-at`` of them; the same ingest then runs again to the end. A second store
gets the same ingest, never interrupted. Printed: the timings, every Signal present once
(rows, distinct ids, documents in the words index), and whether every search of the
analyst query mix (three pages each, totals, counts, highlights), a facet and a
histogram answer the same on both stores. Exits non-zero if anything differs.
``tests/test_store_crash.py`` runs the same at 30,000 signals.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from store_bench import T0  # noqa: E402

from outagewatch.search.query import Query  # noqa: E402
from outagewatch.search.sqlite import SQLiteStore  # noqa: E402

CHILD = """
import sys
sys.path[:0] = [{repo!r}, {bench!r}]
from store_bench import generate
from outagewatch.search.sqlite import SQLiteStore
size, batch = int(sys.argv[2]), int(sys.argv[3])
store = SQLiteStore(sys.argv[1])
signals = list(generate(size))
print(0, flush=True)
for i in range(0, size, batch):
    store.upsert(signals[i:i + batch])
    print(i + batch, flush=True)
store.close()
"""

QUERIES = [
    Query(text="outage", limit=50),
    Query(text="roku login", limit=50),
    Query(text='"cannot stream"', limit=50),
    Query(text="flickr OR kinesis", limit=50),
    Query(text="timeout", services=("roku",), limit=50),
    Query(text="degraded -slow", kinds=("status",), limit=50),
    Query(text="kines*", sort="newest", limit=50),
    Query(text="error", sort="oldest", limit=50),
    Query(text="degraded", kinds=("status",), since=T0 + timedelta(days=7), until=T0 + timedelta(days=14), limit=50),
    Query(services=("aws/kinesis",), limit=50),
    Query(regions=("aws:us-east-1",), since=T0 + timedelta(days=5), until=T0 + timedelta(days=6), limit=50),
    Query(limit=50),
]
# Matches every generated signal: each names its service.
EVERY_SIGNAL = Query(text="roku OR flickr OR adobe OR netflix OR slack OR zoom OR github OR discord OR kinesis OR s3"
                          " OR ec2 OR engine OR machines OR ring OR twilio OR spotify OR reddit")


def ingest(path: Path, size: int, batch: int = 5000, kill_at: int | None = None, into_batch: float = 0.9,
           group: bool = True) -> int:
    """Run the child's ingest; with ``kill_at``, SIGKILL it once that many are stored and
    ``into_batch`` of the next batch's time has passed (0.9: most often after SQLite
    committed the batch and while the words index takes it in; 0.4: most often inside
    SQLite's transaction). ``group``: kill its whole process group (the writer and the
    words indexer it started for the bulk load, as an OOM kill of a container would),
    else the writer alone (its indexer then finishes on its own, beside the next run).
    Returns the child's exit status (-9 when killed)."""
    code = CHILD.format(repo=str(REPO), bench=str(REPO / "benchmarks"))
    env = {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    child = subprocess.Popen([sys.executable, "-c", code, str(path), str(size), str(batch)],
                             stdout=subprocess.PIPE, text=True, env=env, start_new_session=True)
    last, took = None, 0.0
    for line in child.stdout:
        now = time.perf_counter()
        if last is not None and int(line):
            took = now - last
        last = now
        if kill_at is not None and int(line) >= kill_at:
            time.sleep(took * into_batch)
            if group:
                os.killpg(child.pid, signal.SIGKILL)
            else:
                child.send_signal(signal.SIGKILL)
            break
    return child.wait(timeout=3600)


def answers(store: SQLiteStore, pages: int = 3) -> list:
    """Everything a user could see, to compare two stores."""
    out = []
    for query in QUERIES:
        seen, result = [], store.search(query)
        seen.append((result.total, result.total_relation,
                     [(h.signal.id, h.score, h.highlights) for h in result.hits]))
        for _ in range(pages - 1):
            if not result.next_cursor:
                break
            result = store.search(query.with_cursor(result.next_cursor))
            seen.append([(h.signal.id, h.score) for h in result.hits])
        out.append((store.count(query), seen))
    out.append(store.facets(Query(text="outage"), ["services", "source_kind", "regions"], size=50))
    out.append([(b.start, b.count, b.reports) for b in store.histogram(Query(text="down"), "1d")])
    return out


def state_left(path: Path) -> tuple[int, int]:
    """(rows in SQLite, rowid the words index had committed up to) as a killed run left
    them, read without opening the store (opening it would catch the index up)."""
    import sqlite3

    db = sqlite3.connect(path)
    try:
        rows = db.execute("SELECT count(*) FROM signals").fetchone()[0]
        mark = db.execute("SELECT value FROM meta WHERE key = 'text_state'").fetchone()
    finally:
        db.close()
    return rows, int(mark[0].split(":")[0]) if mark else 0


def check(path: Path, reference: Path, size: int) -> list[str]:
    """What differs between the interrupted store and the reference (empty: nothing)."""
    problems = []
    with SQLiteStore(path) as store, SQLiteStore(reference) as clean:
        rows = store.count(Query())
        distinct = store.database.one("SELECT count(DISTINCT id) FROM signals")[0]
        documents = store.text.searcher().num_docs
        words = store.count(EVERY_SIGNAL)
        print(f"   interrupted store: {rows:,} rows, {distinct:,} distinct ids, {documents:,} documents in the words"
              f" index, {words:,} found by words")
        if not rows == distinct == documents == words == size:
            problems.append(f"expected {size:,} everywhere")
        if answers(store) != answers(clean):
            problems.append("searches answer differently from the never-interrupted store")
    return problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--kill-at", type=float, default=0.4, help="fraction stored when the ingest is killed")
    parser.add_argument("--into-batch", type=float, default=0.9,
                        help="how far into the next batch the kill lands, as a fraction of a batch's time")
    parser.add_argument("--batch", type=int, default=5000)
    parser.add_argument("--kill", choices=("group", "writer"), default="group",
                        help="kill the writer and its words indexer (group) or the writer alone")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path, reference = Path(tmp) / "interrupted.db", Path(tmp) / "reference.db"
        print(f"load average at start: {[round(x, 2) for x in os.getloadavg()]}", flush=True)
        start = time.perf_counter()
        status = ingest(path, args.size, args.batch, kill_at=int(args.size * args.kill_at), into_batch=args.into_batch,
                        group=args.kill == "group")
        left, mark = state_left(path)
        print(f"1. ingest killed ({args.kill}, exit {status}) after {time.perf_counter() - start:.1f} s: {left:,} rows in SQLite,"
              f" words index committed up to rowid {mark:,}", flush=True)
        start = time.perf_counter()
        status = ingest(path, args.size, args.batch)
        print(f"2. the same ingest again: exit {status}, {time.perf_counter() - start:.1f} s", flush=True)
        start = time.perf_counter()
        status = ingest(reference, args.size, args.batch)
        print(f"3. reference ingest, never interrupted: exit {status}, {time.perf_counter() - start:.1f} s", flush=True)
        problems = check(path, reference, args.size)
        print(f"load average at end: {[round(x, 2) for x in os.getloadavg()]}")
        print("4. " + ("every Signal present once; every search answers as on the never-interrupted store"
                       if not problems else "; ".join(problems)))
        sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
