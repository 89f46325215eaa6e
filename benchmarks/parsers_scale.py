"""The collectors' and the API's parsers at 1x and 10x their caps: time and peak memory
per size, to show linear time (microseconds per item flat as sizes grow) and bounded
memory (the status JSON documents and JSON Lines are read item by item; Signals are capped
at MAX_ITEMS, names per update at MAX_NAMES).

    python benchmarks/parsers_scale.py                      # every parser at 1x and 10x its cap
    python benchmarks/parsers_scale.py --factors 0.1,1,10   # other sizes
    python benchmarks/parsers_scale.py --tracemalloc        # also Python allocations' peak
    python benchmarks/parsers_scale.py --only feed          # the cases whose name starts so

Each measurement runs in a fresh process that reads the document from a file and parses
it once: ``peak RSS MB`` is the process's high-water RSS during the parse (``VmHWM``, reset
just before) minus its RSS just before parsing, so it counts C allocations too (yajl, expat) and excludes the
document's own bytes; ``x doc`` is that over the document's size. Numbers depend on the
machine's load; the load average is printed with them.
"""

from __future__ import annotations

import argparse
import gc
import io
import json
import os
import subprocess
import sys
import tempfile
import time
import tracemalloc
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import orjson  # noqa: E402

from outagewatch.collectors.base import MAX_ITEMS, MAX_NAMES, FetchResult, SourceConfig  # noqa: E402
from outagewatch.collectors.http import MAX_BYTES  # noqa: E402
from outagewatch.collectors.feeds import parse_feed  # noqa: E402
from outagewatch.collectors.statusapi import (  # noqa: E402
    AWSHealthJSONCollector, GCPCollector, StatuspageCollector,
)
from outagewatch.jsonl import read_array, read_signals  # noqa: E402

NOW = datetime(2021, 1, 1, tzinfo=timezone.utc)


def statuspage_components(n: int) -> bytes:
    """One update naming ``n`` affected components (the amplification attack)."""
    update = {"id": "u1", "body": "Degraded", "status": "investigating", "created_at": "2021-01-01T00:00:00Z",
              "affected_components": [{"name": f"component {i}"} for i in range(n)]}
    return orjson.dumps({"incidents": [{"id": "i1", "name": "Everything", "incident_updates": [update]}]})


def statuspage_updates(n: int) -> bytes:
    """``n`` incidents of one update each, ten components apiece."""
    return orjson.dumps({"incidents": [{"id": f"i{i}", "name": f"Incident {i}", "components": [
        {"name": f"c{j}"} for j in range(10)], "incident_updates": [
        {"id": f"u{i}", "body": "Investigating errors", "status": "investigating",
         "created_at": "2021-01-01T00:00:00Z"}]} for i in range(n)]})


def gcp_updates(n: int) -> bytes:
    return orjson.dumps([{"id": f"g{i}", "external_desc": "Errors", "begin": "2021-01-01T00:00:00Z",
                          "affected_products": [{"title": "Compute Engine"}],
                          "updates": [{"when": "2021-01-01T00:00:00Z", "text": "Investigating", "status": "SERVICE_OUTAGE"}]}
                         for i in range(n)])


def aws_events(n: int) -> bytes:
    return orjson.dumps([{"service": "ec2-us-east-1", "summary": "Errors", "date": "1606311000", "arn": f"a{i}",
                          "event_log": [{"summary": "Investigating", "message": "errors", "timestamp": 1606311000 + i}]}
                         for i in range(n)])


def feed_entries(n: int) -> bytes:
    items = "".join(f"<item><title>Issue {i}</title><guid>g{i}</guid><pubDate>Wed, 25 Nov 2020 14:36:00 GMT</pubDate>"
                    f"<description>We are investigating increased error rates {i}.</description></item>"
                    for i in range(n))
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Status</title>{items}</channel></rss>'.encode()


def jsonl_lines(n: int) -> bytes:
    line = {"source_kind": "social", "source": "x:search:roku", "published_at": "2021-01-01T00:00:00.735Z",
            "text": "Roku is down again", "services": ["roku"]}
    return b"".join(orjson.dumps({**line, "native_id": str(i)}) + b"\n" for i in range(n))


def json_array(n: int) -> bytes:
    return b"[" + jsonl_lines(n).rstrip(b"\n").replace(b"\n", b",") + b"]"


def _status(collector_class, kind: str, url: str):
    collector = collector_class(SourceConfig(name="bench", kind=kind, url=url))

    def parse(body: bytes) -> int:
        result = FetchResult()
        collector.parse(body, NOW, result)
        return len(result.signals)

    return parse


def _feed(body: bytes) -> int:
    return len(parse_feed(body, SourceConfig(name="f", kind="rss", url="http://127.0.0.1/f"), NOW).signals)


def _stream(reader):
    def parse(body: bytes) -> int:
        return sum(1 for item in reader(io.BytesIO(body)) if not hasattr(item, "reason"))

    return parse


CASES = [
    # name, document builder, parser, cap the sizes are fractions/multiples of
    ("statuspage: components in one update", statuspage_components,
     _status(StatuspageCollector, "statuspage", "http://127.0.0.1/api/v2/incidents.json"), 100_000),
    ("statuspage: updates in one document", statuspage_updates,
     _status(StatuspageCollector, "statuspage", "http://127.0.0.1/api/v2/incidents.json"), MAX_ITEMS),
    ("gcp: updates", gcp_updates, _status(GCPCollector, "gcp", "http://127.0.0.1/incidents.json"), MAX_ITEMS),
    ("aws json: events", aws_events, _status(AWSHealthJSONCollector, "aws-health-json", "http://127.0.0.1/e.json"),
     MAX_ITEMS),
    ("feed: entries", feed_entries, _feed, MAX_ITEMS),
    ("jsonl: lines (ingest, API)", jsonl_lines, _stream(read_signals), MAX_ITEMS),
    ("json array: elements (API)", json_array, _stream(read_array), MAX_ITEMS),
]


def feed_at_cap(n: int) -> bytes:
    """A feed as large as the shared fetch allows (20 MB; feeds' own default cap is lower)."""
    one = len(feed_entries(1000)) / 1000
    return feed_entries(int(n * MAX_BYTES / one))


CASES.append(("feed: a document at the 20 MB body cap", feed_at_cap, _feed, 1))


def _status_mb(field: str) -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    raise RuntimeError(f"no {field} in /proc/self/status")


def _reset_peak() -> None:
    """Start the high-water RSS (VmHWM) again from the current RSS (Linux 4.0+)."""
    with open("/proc/self/clear_refs", "w") as refs:
        refs.write("5")


def worker(index: int, path: str, n: int, trace: bool) -> dict:
    """One parse of one document in this (fresh) process."""
    _, build, parse, cap = CASES[index]
    parse(build(1) if cap != 1 else feed_entries(1))  # warm up: lazy imports and tables are not the parser's memory
    with open(path, "rb") as handle:
        body = handle.read()
    gc.collect()
    _reset_peak()
    before = _status_mb("VmRSS")
    started = time.perf_counter()
    out = parse(body)
    seconds = time.perf_counter() - started
    peak = _status_mb("VmHWM") - before
    traced = None
    if trace:
        gc.collect()
        tracemalloc.start()
        parse(body)
        traced = tracemalloc.get_traced_memory()[1] / 1_048_576
        tracemalloc.stop()
    return {"size": len(body), "seconds": seconds, "rss": peak, "traced": traced, "signals": out}


def measure(index: int, n: int, trace: bool) -> dict:
    _, build, _, _ = CASES[index]
    with tempfile.NamedTemporaryFile(suffix=".doc") as handle:
        handle.write(build(n))
        handle.flush()
        command = [sys.executable, __file__, "--worker", str(index), handle.name, str(n)]
        if trace:
            command.append("--tracemalloc")
        done = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--factors", default="1,10", help="sizes as multiples of each cap (default 1,10)")
    parser.add_argument("--quick", action="store_true", help="0.1x, 1x and 10x")
    parser.add_argument("--tracemalloc", action="store_true", help="also parse once under tracemalloc")
    parser.add_argument("--only", default="", help="only the cases whose name starts with this")
    parser.add_argument("--worker", nargs=3, metavar=("CASE", "FILE", "N"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(int(args.worker[0]), args.worker[1], int(args.worker[2]), args.tracemalloc)))
        return 0
    factors = (0.1, 1, 10) if args.quick else tuple(float(f) for f in args.factors.split(","))
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}; caps: MAX_ITEMS={MAX_ITEMS}, "
          f"MAX_NAMES={MAX_NAMES}, body {MAX_BYTES // 1_048_576} MB")
    print(f"{'parser':38} {'x cap':>5} {'items':>9} {'MB in':>6} {'seconds':>8} {'us/item':>8} {'peak RSS MB':>11} "
          f"{'x doc':>6} {'traced MB':>9} {'signals':>8}")
    for index, (name, _, _, cap) in enumerate(CASES):
        if not name.startswith(args.only):
            continue
        for factor in (factors if cap != 1 else (1,)):  # the body cap case is one size: the cap
            n = max(1, int(cap * factor))
            row = measure(index, n, args.tracemalloc)
            size = row["size"] / 1_048_576
            items = n if cap != 1 else round(factor * MAX_BYTES / (len(feed_entries(1000)) / 1000))
            traced = "-" if row["traced"] is None else f"{row['traced']:.1f}"
            print(f"{name:38} {factor:>5g} {items:>9} {size:>6.1f} {row['seconds']:>8.3f} "
                  f"{row['seconds'] / items * 1e6:>8.1f} {row['rss']:>11.1f} {row['rss'] / size:>6.1f} {traced:>9} "
                  f"{row['signals']:>8}", flush=True)
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
