"""Store benchmark: ingest rate (tagging off) and search latency on generated signals.

    .venv/bin/python benchmarks/store_bench.py --sizes 100000,1000000 [--store sqlite] [--json] [--explain]

Prints, per size: signals/s for batched upserts into an empty store, then p50/p95/max
latency in milliseconds for a fixed mix of analyst queries (words, phrases, filters,
facets, a histogram). Generated data is deterministic (seeded) so runs compare.
Other backends plug in with ``--store URL`` (e.g. ``http://127.0.0.1:9200``).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from outagewatch.search import Query, open_store  # noqa: E402
from outagewatch.signal import Signal  # noqa: E402

SERVICES = ["roku", "flickr", "adobe", "netflix", "slack", "zoom", "github", "discord", "aws/kinesis", "aws/s3",
            "aws/ec2", "gcp/compute-engine", "azure/virtual-machines", "ring", "twilio", "spotify", "reddit"]
PROVIDERS = {"aws/kinesis": "aws", "aws/s3": "aws", "aws/ec2": "aws", "gcp/compute-engine": "gcp",
             "azure/virtual-machines": "azure"}
REGIONS = ["aws:us-east-1", "aws:us-west-2", "gcp:us-central1", "azure:eastus", "geo:US-VA", "geo:JP"]
WORDS = ("down outage error errors login cannot stream loading slow timeout again today anyone else working "
         "app server website fixed back up service status degraded latency upload broken 503 500 crash "
         "support please help why still issue problem users customers region east west north virginia").split()
KINDS = ["social"] * 7 + ["news", "status", "reports"]
T0 = datetime(2020, 11, 1, tzinfo=timezone.utc)


def generate(n: int, seed: int = 7):
    rng = random.Random(seed)
    for i in range(n):
        service = rng.choice(SERVICES)
        kind = rng.choice(KINDS)
        words = rng.choices(WORDS, k=rng.randint(8, 24))
        words.insert(rng.randrange(len(words)), service.split("/")[-1])
        yield Signal(
            source_kind=kind,
            source=f"{'x:search' if kind == 'social' else kind}:{service}",
            published_at=T0 + timedelta(seconds=i * 2.6),
            text=" ".join(words),
            native_id=str(i),
            report_count=rng.randint(1, 500) if kind == "reports" else None,
            services=[service],
            providers=[PROVIDERS[service]] if service in PROVIDERS else [],
            regions=[rng.choice(REGIONS)] if rng.random() < 0.3 else [],
            symptoms=["outage"] if "down" in words or "outage" in words else [],
        )


QUERIES = [
    ("word", lambda: Query(text="outage", limit=20)),
    ("two words", lambda: Query(text="roku login", limit=20)),
    ("phrase", lambda: Query(text='"cannot stream"', limit=20)),
    ("or", lambda: Query(text="flickr OR kinesis", limit=20)),
    ("word+service", lambda: Query(text="timeout", services=("roku",), limit=20)),
    ("service newest", lambda: Query(services=("aws/kinesis",), sort="newest", limit=20)),
    ("region+day", lambda: Query(regions=("aws:us-east-1",), since=T0 + timedelta(days=5),
                                 until=T0 + timedelta(days=6), limit=20)),
    ("kind+word+week", lambda: Query(text="degraded", kinds=("status",), since=T0 + timedelta(days=7),
                                     until=T0 + timedelta(days=14), limit=20)),
    ("newest all", lambda: Query(limit=20)),
]


def measure(store, rounds: int) -> dict:
    latencies: dict[str, list[float]] = {name: [] for name, _ in QUERIES}
    for _ in range(rounds):
        for name, make in QUERIES:
            start = time.perf_counter()
            store.search(make())
            latencies[name].append((time.perf_counter() - start) * 1000)
    everything = sorted(x for values in latencies.values() for x in values)

    def pct(values, p):
        values = sorted(values)
        return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]

    start = time.perf_counter()
    store.facets(Query(since=T0 + timedelta(days=3), until=T0 + timedelta(days=4)), ["services", "regions", "source_kind"])
    facet_ms = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    store.histogram(Query(services=("roku",)), "1h")
    histogram_ms = (time.perf_counter() - start) * 1000
    return {
        "search_p50_ms": round(pct(everything, 50), 2),
        "search_p95_ms": round(pct(everything, 95), 2),
        "search_max_ms": round(everything[-1], 2),
        "per_query_p50_ms": {name: round(statistics.median(v), 2) for name, v in latencies.items()},
        "facets_one_day_ms": round(facet_ms, 2),
        "histogram_service_1h_ms": round(histogram_ms, 2),
    }


def explain(store) -> None:
    """Print the SQL each benchmark query runs and SQLite's plan for it, to see which
    index drives each one (SQLite store only)."""
    db = getattr(store, "_db", None)
    if db is None:
        print("   --explain needs the SQLite store")
        return
    for name, make in QUERIES:
        statements: list[str] = []
        db.set_trace_callback(statements.append)
        store.search(make())
        db.set_trace_callback(None)
        print(f"   {name}:")
        for sql in statements:
            if not sql.lstrip().upper().startswith("SELECT"):
                continue
            print(f"      {sql[:300]}")
            for row in db.execute("EXPLAIN QUERY PLAN " + sql):
                print(f"         {row[3]}")


def run(size: int, store_url: str | None, batch: int, rounds: int, show_plans: bool = False) -> dict:
    tmp = tempfile.TemporaryDirectory()
    url = store_url or f"sqlite:///{tmp.name}/bench.db"
    store = open_store(url)
    signals = list(generate(size))
    start = time.perf_counter()
    for i in range(0, size, batch):
        store.upsert(signals[i:i + batch])
    elapsed = time.perf_counter() - start
    del signals
    result = {"size": size, "store": url.split("://")[0], "ingest_seconds": round(elapsed, 2),
              "ingest_per_second": int(size / elapsed)}
    result.update(measure(store, rounds))
    result["load_average"] = [round(x, 2) for x in os.getloadavg()]
    if show_plans:
        explain(store)
    stats = store.stats()
    result["store_mb"] = round((stats.size_bytes or 0) / 1_048_576, 1)
    store.close()
    tmp.cleanup()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100000,1000000")
    parser.add_argument("--store", default=None, help="store URL; default a temporary SQLite file")
    parser.add_argument("--batch", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--explain", action="store_true", help="print each query's SQL and plan (SQLite)")
    args = parser.parse_args()
    for size in (int(s) for s in args.sizes.split(",")):
        result = run(size, args.store, args.batch, args.rounds, args.explain)
        if args.json:
            print(json.dumps(result))
        else:
            print(f"{result['store']} {size:>9,} signals: ingest {result['ingest_per_second']:>8,}/s "
                  f"({result['ingest_seconds']} s); search p50 {result['search_p50_ms']} ms, "
                  f"p95 {result['search_p95_ms']} ms, max {result['search_max_ms']} ms; "
                  f"facets(1 day) {result['facets_one_day_ms']} ms; histogram {result['histogram_service_1h_ms']} ms; "
                  f"{result['store_mb']} MB; load average {result['load_average']}")
            print("   per query p50 ms:", result["per_query_p50_ms"])
        sys.stdout.flush()


if __name__ == "__main__":
    main()
