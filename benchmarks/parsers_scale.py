"""The collectors' and the API's parsers at up to 10x their caps: time and peak memory
per size, to show linear time (seconds per item flat as sizes grow) and bounded output
(Signals capped at MAX_ITEMS, names per update at MAX_NAMES, a JSON array read element by
element).

    python benchmarks/parsers_scale.py            # all parsers, sizes 0.1x .. 10x the caps
    python benchmarks/parsers_scale.py --quick    # fewer sizes

Peak memory is tracemalloc's peak of Python allocations while parsing (the document's
own bytes are allocated before measuring). Numbers depend on the machine's load; the load
average is printed with them.
"""

from __future__ import annotations

import argparse
import gc
import io
import os
import sys
import time
import tracemalloc
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import orjson  # noqa: E402

from outagewatch.collectors.base import MAX_ITEMS, MAX_NAMES, FetchResult, SourceConfig  # noqa: E402
from outagewatch.collectors.feeds import parse_feed  # noqa: E402
from outagewatch.collectors.statusapi import (  # noqa: E402
    AWSHealthJSONCollector, GCPCollector, StatuspageCollector, _decode_json,
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
        collector.parse(_decode_json(body), NOW, result)
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


def measure(build, parse, n: int) -> tuple[int, float, float, int]:
    body = build(n)
    gc.collect()
    tracemalloc.start()
    tracemalloc.reset_peak()
    started = time.perf_counter()
    out = parse(body)
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return len(body), seconds, peak / 1_048_576, out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="three sizes instead of five")
    args = parser.parse_args()
    factors = (0.1, 1, 10) if args.quick else (0.1, 0.3, 1, 3, 10)
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}; caps: MAX_ITEMS={MAX_ITEMS}, "
          f"MAX_NAMES={MAX_NAMES}")
    print(f"{'parser':38} {'items':>9} {'MB in':>7} {'seconds':>8} {'us/item':>8} {'peak MB':>8} {'signals':>8}")
    for name, build, parse, cap in CASES:
        for factor in factors:
            n = max(1, int(cap * factor))
            size, seconds, peak, out = measure(build, parse, n)
            print(f"{name:38} {n:>9} {size / 1_048_576:>7.1f} {seconds:>8.3f} {seconds / n * 1e6:>8.1f} "
                  f"{peak:>8.1f} {out:>8}", flush=True)
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
