"""How long recomputing every incident takes over a large store (target: < 5 s at 1M Signals).

Builds (once, then reuses) a SQLite store of synthetic but shaped Signals: background chatter
for ~120 catalog services with a daily rhythm, report-count Signals every 15 minutes, a few
news items, and a handful of injected outages (one provider-region outage hitting several
dependants at once). Then times ``recompute`` (series from the store's aggregation, baselines,
spikes, grouping, common cause, upsert) and prints the numbers.

    .venv/bin/python benchmarks/correlate_scale.py --signals 1000000
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from outagewatch.catalog import load_catalog  # noqa: E402
from outagewatch.search.sqlite import SQLiteStore  # noqa: E402
from outagewatch.signal import Signal  # noqa: E402

START = datetime(2024, 3, 1, tzinfo=timezone.utc)


def build(path: Path, total: int, days: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    catalog = load_catalog()
    services = [s for s in catalog.services.values()][:120]
    weights = [rng.lognormvariate(0, 1.2) for _ in services]
    scale = sum(weights)
    seconds = days * 86400
    outages = []
    for _ in range(6):
        center = rng.uniform(0.1, 0.95) * seconds
        victims = rng.sample(range(len(services)), 3)
        outages.append((center, victims))
    store = SQLiteStore(path)
    batch: list[Signal] = []
    made = 0
    n = 0

    def flush() -> None:
        nonlocal batch
        store.upsert(batch)
        batch = []

    while made < total:
        offset = rng.random() * seconds
        hour = (offset / 3600) % 24
        # daily rhythm: fewer posts at night (UTC), accept/reject sampling
        if rng.random() > 0.55 + 0.45 * math.sin((hour - 9) / 24 * 2 * math.pi):
            continue
        index = rng.choices(range(len(services)), weights)[0] if rng.random() > 0.03 else None
        for center, victims in outages:
            if abs(offset - center) < 3600 and rng.random() < 0.02:
                index = rng.choice(victims)
        n += 1
        if index is None:
            service = None
        else:
            service = services[index]
        published = START + timedelta(seconds=offset)
        providers = []
        regions = []
        if service is not None:
            providers = [service.provider] if service.provider else []
        batch.append(Signal(
            source_kind="social" if n % 50 else "news", source="x:search:bench", published_at=published,
            text=f"synthetic post {n} about {service.name if service else 'nothing'}", native_id=str(n),
            services=[service.id] if service else [], providers=providers, regions=regions,
        ))
        made += 1
        if len(batch) >= 20000:
            flush()
            print(f"  {made} signals", file=sys.stderr)
    # report pages: every 15 minutes for 10 services
    for index in range(10):
        service = services[index]
        t = START
        while t < START + timedelta(days=days):
            base = 3 + weights[index] / scale * 200
            count = int(rng.expovariate(1 / base))
            batch.append(Signal(source_kind="reports", source=f"reports:bench/{service.id}", published_at=t,
                                text=f"{count} reports", report_count=count, native_id=t.isoformat(),
                                services=[service.id]))
            t += timedelta(minutes=15)
    flush()
    store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--signals", type=int, default=1_000_000)
    parser.add_argument("--days", type=int, default=14)
    parser.add_argument("--db", default=None, help="store file (default: test-artifacts/bench-correlate-<n>.db)")
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    path = Path(args.db or f"test-artifacts/bench-correlate-{args.signals}.db")
    if args.rebuild and path.exists():
        path.unlink()
    if not path.exists():
        print(f"building {path} with {args.signals} signals over {args.days} days ...", file=sys.stderr)
        t0 = time.perf_counter()
        build(path, args.signals, args.days)
        print(f"built in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    from outagewatch.correlate import recompute

    store = SQLiteStore(path)
    total = store.stats().total
    print(f"store: {total} signals, {path.stat().st_size / 1e6:.0f} MB")
    times = []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        result = recompute(store)
        times.append(time.perf_counter() - t0)
    print(f"recompute: incidents {len(result.incidents)}; seconds per run "
          + ", ".join(f"{t:.2f}" for t in times) + f"; best {min(times):.2f}")
    for key, value in result.timings.items():
        print(f"  {key}: {value:.2f} s")
    store.close()


if __name__ == "__main__":
    main()
