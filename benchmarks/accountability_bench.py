"""How long status-page accountability takes over a 90-day period with many incidents.

Builds a SQLite store of synthetic incidents (catalog services of several providers, one
every few hours over 90 days) and the status updates of their providers' pages (each
incident acknowledged after a random delay, or never, with unrelated posts in between),
then times :func:`outagewatch.accountability.accountability` (what the CLI, the API and the
dashboard page call) and :func:`for_incident` (one report's line), and prints the numbers
with the load average they were measured under.

    .venv/bin/python benchmarks/accountability_bench.py --incidents 1000
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from outagewatch.accountability import accountability, for_incident  # noqa: E402
from outagewatch.catalog import load_catalog  # noqa: E402
from outagewatch.pipeline import store_signals  # noqa: E402
from outagewatch.search.sqlite import SQLiteStore  # noqa: E402
from outagewatch.signal import Signal  # noqa: E402

START = datetime(2024, 1, 1, tzinfo=timezone.utc)
PAGES = {"aws": "aws-health:{svc}-us-east-1", "gcp": "gcp-status:status.cloud.google.com",
         "azure": "azure-status:azure.status.microsoft", "cloudflare": "statuspage:www.cloudflarestatus.com"}


def build(store: SQLiteStore, incidents: int, seed: int = 11) -> list[dict]:
    rng = random.Random(seed)
    catalog = load_catalog()
    by_provider = {p: [s.id for s in catalog.services.values() if s.provider == p] for p in PAGES}
    by_provider = {p: s for p, s in by_provider.items() if s}
    span = timedelta(days=90).total_seconds()
    records, signals = [], []
    for n in range(incidents):
        provider = rng.choice(sorted(by_provider))
        service = rng.choice(by_provider[provider])
        start = START + timedelta(seconds=span * n / incidents)
        detected = start + timedelta(minutes=rng.randint(0, 10))
        records.append({"id": f"bench{n:06d}", "title": f"{service} incident {n}", "status": "closed",
                        "services": [service], "providers": [provider], "regions": [], "started_at": start,
                        "detected_at": detected, "peak_at": detected, "ended_at": start + timedelta(hours=2),
                        "evidence_level": "moderate", "signal_counts": {}, "report_count": 0, "common_cause": None,
                        "common_cause_named_at": None, "first_official_at": None, "lead_minutes": None,
                        "official_sources": [], "feedback": None})
        source = PAGES[provider].format(svc=service.split("/")[-1])
        if rng.random() < 0.8:  # acknowledged, after 0 to 150 minutes, then updates every 30 min
            first = detected + timedelta(minutes=rng.randint(0, 150))
            for k in range(rng.randint(1, 4)):
                signals.append(Signal(source_kind="status", source=source, published_at=first + timedelta(minutes=30 * k),
                                      native_id=f"s{n}-{k}", text="We are investigating", status="investigating",
                                      services=[service], providers=[provider]))
        other = rng.choice(by_provider[provider])
        signals.append(Signal(source_kind="status", source=PAGES[provider].format(svc=other.split("/")[-1]),
                              published_at=start + timedelta(minutes=rng.randint(-60, 120)), native_id=f"o{n}",
                              text="Scheduled maintenance", status="informational", services=[other], providers=[provider]))
    store.upsert_incidents(records)
    store_signals(store, signals)
    return records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--incidents", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        store = SQLiteStore(Path(folder) / "bench.db")
        t0 = time.perf_counter()
        records = build(store, args.incidents)
        built = time.perf_counter() - t0
        until = START + timedelta(days=90)
        runs, data = [], None
        for _ in range(args.rounds):
            t0 = time.perf_counter()
            data = accountability(store, since=START, until=until)
            runs.append(time.perf_counter() - t0)
        one = []
        for record in records[-args.rounds:]:
            t0 = time.perf_counter()
            for_incident(store, record)
            one.append(time.perf_counter() - t0)
        store.close()
    load = os.getloadavg()
    print(f"incidents: {args.incidents} over 90 days; store built in {built:.1f} s")
    print(f"accountability (all providers and pages): median {statistics.median(runs):.2f} s over {args.rounds} rounds "
          f"({1000 * statistics.median(runs) / args.incidents:.2f} ms per incident)")
    print(f"one report's line (for_incident): median {statistics.median(one):.2f} s")
    for row in data["providers"]:
        print(f"  {row['id']:12} incidents {row['incidents']:5}  acknowledged {row['acknowledged']:5}"
              f"  median {row['median_minutes']:6.1f} min  p90 {row['p90_minutes']:6.1f} min  grade {row['grade']}")
    print(f"load average: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
