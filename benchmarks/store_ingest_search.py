"""SQLite and Elasticsearch side by side, in one run, on the same generated signals.

    .venv/bin/python benchmarks/store_ingest_search.py [--sizes 1000000] [--es http://127.0.0.1:9200]

Starts the plain node with scripts/elasticsearch.sh if it is not running (and stops it
afterwards if it started it). For each size and each backend: bulk ingest rate into an
empty store (signals/s, tagging off, batches of 5000 as ``outagewatch ingest`` does),
counted until the data is searchable (Elasticsearch refreshed, the SQLite store's words
index committed, and its id index, which a bulk load drops, built again), re-ingest of the
same signals (all unchanged: the idempotency check alone), then search latency p50/p95
over the analyst query mix of ``store_bench.py``, a facet and a histogram.
Ingest also reports the CPU seconds it took (this process and its children, which for
SQLite includes the words index's Rust threads and, during a bulk load, the indexer process
that takes the words over; plus for Elasticsearch the node's own CPU from its stats API),
so that runs on a shared, loaded machine compare by signals per CPU-second too.
The upsert loop's wall time is also split (``loop_seconds``, Linux) into the calling thread's
time on a CPU, runnable but waiting for a core, and blocked, which tells a writer starved of a
core from one waiting on the disk or a lock.
Ends with a Markdown table for docs/benchmarks.md. The Elasticsearch indices get a
unique prefix and are deleted at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from store_bench import generate, measure  # noqa: E402

from outagewatch.search import Query, open_store  # noqa: E402

SCRIPT = REPO / "scripts" / "elasticsearch.sh"


def ensure_node() -> tuple[str, bool]:
    if subprocess.run(["bash", str(SCRIPT), "status"], capture_output=True).returncode != 0:
        subprocess.run(["bash", str(SCRIPT), "start"], check=True, stdout=subprocess.DEVNULL)
        started = True
    else:
        started = False
    url = subprocess.run(["bash", str(SCRIPT), "url"], check=True, capture_output=True, text=True).stdout.strip()
    return url, started


def node_cpu_seconds(es_url: str | None) -> float | None:
    """The Elasticsearch node's CPU seconds so far (None when it does not say)."""
    if not es_url:
        return None
    try:
        with urllib.request.urlopen(f"{es_url.rstrip('/')}/_nodes/_local/stats/process", timeout=10) as response:
            nodes = json.load(response)["nodes"]
        return sum(n["process"]["cpu"]["total_in_millis"] for n in nodes.values()) / 1000
    except (OSError, ValueError, KeyError):
        return None


def tree_cpu_seconds() -> float:
    """CPU seconds of this process and of its children, living or waited for (/proc)."""
    me, tick, total = os.getpid(), os.sysconf("SC_CLK_TCK"), 0.0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(entry) == me or int(fields[1]) == me:
            total += (int(fields[11]) + int(fields[12])) / tick
    children = os.times()
    return total + children.children_user + children.children_system


def thread_schedstat() -> tuple[float, float] | None:
    """This thread's seconds on a CPU and runnable but waiting for one (Linux schedstat);
    None elsewhere. With the wall time, it tells a writer starved of a core (another
    process, the words indexer) from one blocked on I/O or a lock."""
    try:
        with open("/proc/thread-self/schedstat") as f:
            on_cpu, waiting = f.read().split()[:2]
    except (OSError, ValueError):
        return None
    return int(on_cpu) / 1e9, int(waiting) / 1e9


def run_one(backend: str, size: int, es_url: str, tmp: str, batch: int, rounds: int) -> dict:
    if backend == "sqlite":
        store = open_store(f"sqlite:///{tmp}/bench-{size}.db")
    else:
        store = open_store(es_url, prefix=f"owbench-{uuid.uuid4().hex[:8]}", spool_dir=f"{tmp}/spool")
    try:
        signals = list(generate(size))
        load_before = [round(x, 2) for x in os.getloadavg()]
        node_before = node_cpu_seconds(es_url) if backend == "elasticsearch" else None
        cpu_start, writer_start = tree_cpu_seconds(), time.process_time()
        sched_start = thread_schedstat()
        start = time.perf_counter()
        for i in range(0, size, batch):
            store.upsert(signals[i:i + batch])
        loop, sched_end = time.perf_counter() - start, thread_schedstat()
        # until searchable: Elasticsearch refreshes, the SQLite store's words index commits;
        # and the SQLite store's id index, dropped during a bulk load, is built again (as
        # close() does at the end of ``outagewatch ingest``, while the words catch up)
        end_load = getattr(getattr(store, "_writer", None), "end_load", None)
        if end_load is not None:
            end_load()
        assert store.count(Query(text="outage")) > 0
        ingest = time.perf_counter() - start
        cpu, writer_cpu = tree_cpu_seconds() - cpu_start, time.process_time() - writer_start
        node_after = node_cpu_seconds(es_url) if backend == "elasticsearch" else None
        if node_before is not None and node_after is not None:
            cpu += node_after - node_before
        elif backend == "elasticsearch":
            cpu = None
        start = time.perf_counter()
        unchanged = 0
        for i in range(0, size, batch):
            unchanged += store.upsert(signals[i:i + batch]).unchanged
        again = time.perf_counter() - start
        assert unchanged == size, (backend, unchanged)
        del signals
        result = {"backend": backend, "size": size, "ingest_seconds": round(ingest, 2),
                  "ingest_per_second": int(size / ingest), "reingest_per_second": int(size / again),
                  "ingest_cpu_seconds": None if cpu is None else round(cpu, 1),
                  "writer_cpu_us_per_signal": round(writer_cpu / size * 1e6, 1),
                  "ingest_per_cpu_second": None if not cpu else int(size / cpu)}
        if sched_start is not None and sched_end is not None:
            # the upsert loop's wall time split: the calling thread on a CPU, runnable but
            # waiting for a core, and the rest (blocked: I/O, fsync, a lock)
            on_cpu, waiting = (b - a for a, b in zip(sched_start, sched_end))
            result["loop_seconds"] = {"wall": round(loop, 2), "on_cpu": round(on_cpu, 2),
                                      "waiting_for_a_core": round(waiting, 2),
                                      "blocked": round(loop - on_cpu - waiting, 2)}
        result.update(measure(store, rounds))
        result["store_mb"] = round((store.stats().size_bytes or 0) / 1_048_576, 1)
        result["load_average"] = [load_before, [round(x, 2) for x in os.getloadavg()]]
        return result
    finally:
        if backend == "elasticsearch":
            store.drop()
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000000")
    parser.add_argument("--es", default=None, help="Elasticsearch URL (default: the node of scripts/elasticsearch.sh)")
    parser.add_argument("--backends", default="sqlite,elasticsearch")
    parser.add_argument("--batch", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    started = False
    es_url = args.es
    if es_url is None and "elasticsearch" in args.backends:
        es_url, started = ensure_node()
    results = []
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for size in (int(s) for s in args.sizes.split(",")):
                for backend in args.backends.split(","):
                    result = run_one(backend, size, es_url, tmp, args.batch, args.rounds)
                    results.append(result)
                    print(json.dumps(result), flush=True)
    finally:
        if started:
            subprocess.run(["bash", str(SCRIPT), "stop"], stdout=subprocess.DEVNULL)
    print()
    print("| backend | signals | ingest signals/s | ingest signals per CPU-second | re-ingest (unchanged) signals/s "
          "| search p50 ms | search p95 ms | facets (1 day) ms | histogram ms | size MB | load average (start, end) |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for r in results:
        per_cpu = f"{r['ingest_per_cpu_second']:,}" if r["ingest_per_cpu_second"] else "?"
        print(f"| {r['backend']} | {r['size']:,} | {r['ingest_per_second']:,} | {per_cpu} | {r['reingest_per_second']:,} "
              f"| {r['search_p50_ms']} | {r['search_p95_ms']} | {r['facets_one_day_ms']} "
              f"| {r['histogram_service_1h_ms']} | {r['store_mb']} | {r['load_average'][0][0]}, {r['load_average'][1][0]} |")


if __name__ == "__main__":
    main()
