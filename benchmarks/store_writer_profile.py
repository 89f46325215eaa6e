"""Where the SQLite store's writer spends its CPU per Signal in a bulk load (tagging off).

    .venv/bin/python benchmarks/store_writer_profile.py [--size 1000000] [--batch 5000]

Ingests the generated signals of ``store_bench.py`` into a fresh embedded store, batches of
5,000 as ``outagewatch ingest`` does, and times each part of the writer with the writing
thread's own CPU clock (``time.thread_time``), so other processes on a busy machine and the
words indexer beside it are not counted: every SQL statement the writer runs (grouped by
what it writes), the fingerprints, and the rest of the Python work of a batch. Prints µs per
Signal for each part (a bulk load's rebuild of the id index, when the code drops it, as
``sql: create signals``), the writer's total, and this process and its children's CPU (the
indexer included), with the load average. The statements are timed through a thin wrapper
around the connection (one call per batch and statement, so its own cost is negligible).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from store_bench import generate  # noqa: E402
from store_ingest_search import tree_cpu_seconds  # noqa: E402

import outagewatch.search.base as base  # noqa: E402
from outagewatch.search import Query, open_store  # noqa: E402

SPENT: dict[str, float] = defaultdict(float)


def _label(sql: str) -> str:
    words = sql.split()
    verb = words[0].upper()
    if verb in ("BEGIN", "COMMIT", "SAVEPOINT", "RELEASE", "ROLLBACK"):
        return "sql: commit" if verb == "COMMIT" else "sql: begin/savepoint"
    if verb == "SELECT":
        return "sql: select " + (" ".join(w for w in words if w.islower() and w.isidentifier())[:40] or sql[:40])
    if verb == "INSERT" and "INTO" in (upper := [w.upper() for w in words]):
        return f"sql: insert {words[upper.index('INTO') + 1]}"  # the table written, not one read from
    for table in ("signals", "tags", "tag_values", "tag_rollup", "meta", "text_pending", "signal_ids"):
        if f" {table} " in f" {sql} " or f" {table}(" in sql:
            return f"sql: {verb.lower()} {table}"
    return "sql: " + sql[:40]


class TimedConnection:
    """The connection with every execute/executemany timed on this thread's CPU clock."""

    def __init__(self, db) -> None:
        self._db = db

    def execute(self, sql, params=()):
        start = time.thread_time()
        try:
            return _Rows(self._db.execute(sql, params).fetchall())
        finally:
            SPENT[_label(sql)] += time.thread_time() - start

    def executemany(self, sql, rows):
        start = time.thread_time()
        try:
            return self._db.executemany(sql, rows)
        finally:
            SPENT[_label(sql)] += time.thread_time() - start

    def __getattr__(self, name):
        return getattr(self._db, name)


class _Rows(list):
    def fetchone(self):
        return self[0] if self else None

    def fetchall(self):
        return list(self)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--batch", type=int, default=5000)
    args = parser.parse_args()
    signals = list(generate(args.size))
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(f"sqlite:///{tmp}/profile.db")
        store.database.db = TimedConnection(store.database.db)
        encode = getattr(store._writer, "encode", None)
        if encode is not None:  # rows and fingerprints encoded in one pass, a batch a call

            def timed_encode(signals):
                start = time.thread_time()
                try:
                    return encode(signals)
                finally:
                    SPENT["python: rows and fingerprints"] += time.thread_time() - start

            store._writer.encode = timed_encode
        load_before = os.getloadavg()[0]
        cpu_start, thread_start, wall = tree_cpu_seconds(), time.thread_time(), time.perf_counter()
        upsert_cpu = 0.0
        fingerprints = 0.0  # a code without encode(): its fingerprints, timed apart
        for i in range(0, args.size, args.batch):
            batch = signals[i:i + args.batch]
            if encode is None:
                start = time.thread_time()
                [base.fingerprint(signal) for signal in batch]
                fingerprints += time.thread_time() - start
            start = time.thread_time()
            store.upsert(batch)
            upsert_cpu += time.thread_time() - start
        end_load = getattr(store._writer, "end_load", None)
        if end_load is not None:  # the id index a bulk load dropped, built again here, on this thread
            start = time.thread_time()
            end_load()
            upsert_cpu += time.thread_time() - start
        thread_cpu = time.thread_time() - thread_start - fingerprints
        SPENT["python: fingerprint"] += fingerprints
        assert store.count(Query(text="outage")) > 0
        wall = time.perf_counter() - wall
        total_cpu = tree_cpu_seconds() - cpu_start - fingerprints
        store.close()
    per = 1e6 / args.size
    sql = sum(v for k, v in SPENT.items() if k.startswith("sql:"))
    parts = {k: round(v * per, 2) for k, v in sorted(SPENT.items(), key=lambda kv: -kv[1])}
    python = SPENT["python: fingerprint"] + SPENT["python: rows and fingerprints"]
    parts["python: the rest of upsert"] = round((upsert_cpu - sql - python) * per, 2)
    print(json.dumps({
        "size": args.size, "signals_per_second": int(args.size / wall),  # with the profiling's own work
        "writer_thread_us_per_signal": round(thread_cpu * per, 2), "upsert_us_per_signal": round(upsert_cpu * per, 2),
        "sql_us_per_signal": round(sql * per, 2), "all_processes_us_per_signal": round(total_cpu * per, 2),
        "parts_us_per_signal": parts, "load_average": [round(load_before, 2), round(os.getloadavg()[0], 2)],
    }, indent=1))


if __name__ == "__main__":
    main()
