"""The SQLite store's facets and histograms take shortcuts (tag rows counted value by value
in a time range, the 5-minute rollup for whole buckets); each answer must equal counting
the matching Signals one by one, for every query shape the shortcuts choose between."""

from __future__ import annotations

import random
from collections import Counter
from datetime import timedelta

import pytest

from outagewatch.search import Query
from outagewatch.search.sqlite import SQLiteStore
from outagewatch.timeutil import from_millis, to_millis
from tests.signals_factory import T0, make_signal

SERVICES = ["roku", "netflix", "aws/s3", "slack"]
REGIONS = ["aws:us-east-1", "geo:JP", "geo:US-VA"]
KINDS = ["social", "news", "status", "reports"]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    rng = random.Random(5)
    signals = []
    for i in range(1500):
        kind = rng.choice(KINDS)
        services = rng.sample(SERVICES, rng.choice([0, 1, 1, 2]))
        signals.append(make_signal(
            rng.choice(["roku down", "cannot stream", "login error again", "all fixed", "outage east"]),
            # uneven times: some share a millisecond, most fall inside 5-minute buckets
            published_at=T0 + timedelta(seconds=rng.randrange(0, 3 * 86400)) + timedelta(milliseconds=rng.choice([0, 0, 1, 250])),
            source_kind=kind, source=f"{kind}:{rng.choice(['a', 'b', 'c'])}", native_id=f"agg{i}",
            services=services, providers=["aws"] if "aws/s3" in services else [],
            regions=rng.sample(REGIONS, rng.choice([0, 0, 1])),
            report_count=rng.randint(1, 50) if kind == "reports" else None))
    with SQLiteStore(tmp_path_factory.mktemp("agg") / "agg.db") as s:
        for start in range(0, len(signals), 400):
            s.upsert(signals[start:start + 400])
        # a rewrite moves a Signal to another time and service: its old counts must go
        moved = signals[7]
        s.upsert([make_signal("roku down", published_at=T0 + timedelta(hours=30, seconds=17), source_kind=moved.source_kind,
                              source=moved.source, native_id="agg7", services=["slack"], report_count=moved.report_count)])
        yield s


def at(hours: float):
    return T0 + timedelta(hours=hours)


QUERIES = [
    Query(),
    Query(since=at(5), until=at(29)),
    Query(since=at(5.01), until=at(29.03)),  # edges inside 5-minute buckets
    Query(since=at(40)),
    Query(until=at(10.5)),
    Query(services=("roku",)),
    Query(services=("roku",), since=at(3.3), until=at(50.2)),
    Query(services=("roku", "slack"), since=at(1)),
    Query(kinds=("reports",), since=at(2), until=at(60)),
    Query(services=("aws/s3",), kinds=("reports", "news")),
    Query(services=("roku",), kinds=("social", "reports"), since=at(2.51), until=at(40.02)),
    Query(providers=("aws",), since=at(0.02), until=at(0.06)),  # inside one 5-minute bucket
    Query(regions=("geo:JP",), until=at(70.1)),
    Query(text="roku", since=at(6), until=at(48)),
    Query(text="-fixed", since=at(6), until=at(48)),
    Query(since=at(500)),  # nothing there
]


def expected_facets(store, query, field, size=50):
    counts = Counter()
    for signal in store.scan(query):
        values = getattr(signal, field)
        counts.update(values if isinstance(values, list) else [values])
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:size])


@pytest.mark.parametrize("query", QUERIES, ids=range(len(QUERIES)))
def test_facets_equal_counting_each_matching_signal(store, query):
    fields = ["services", "providers", "regions", "source_kind", "source"]
    got = store.facets(query, fields, size=50)
    assert got == {field: expected_facets(store, query, field) for field in fields}
    assert store.facets(query, ["services"], size=2)["services"] == expected_facets(store, query, "services", 2)


def expected_histogram(store, query, seconds, by=None):
    width = seconds * 1000
    cells: dict[tuple, list[int]] = {}
    for signal in store.scan(query):
        start = to_millis(signal.published_at) // width * width
        keys = [None] if by is None else (getattr(signal, by) if by != "source_kind" else [signal.source_kind])
        for key in keys:
            cell = cells.setdefault((start, key), [0, 0])
            cell[0] += 1
            cell[1] += signal.report_count or 0
    return sorted((from_millis(start), key, n, reports) for (start, key), (n, reports) in cells.items())


@pytest.mark.parametrize("query", QUERIES, ids=range(len(QUERIES)))
@pytest.mark.parametrize("interval,seconds", [("5m", 300), ("1h", 3600), ("2m", 120), ("1d", 86400)])
def test_histograms_equal_counting_each_matching_signal(store, query, interval, seconds):
    def plain(buckets):
        return sorted((b.start, b.key, b.count, b.reports) for b in buckets)

    assert plain(store.histogram(query, interval)) == expected_histogram(store, query, seconds)
    kinds = store.histogram(query, interval, by="source_kind", keys=KINDS)
    assert plain(kinds) == expected_histogram(store, query, seconds, "source_kind")
    some = [b for b in expected_histogram(store, query, seconds, "source_kind") if b[1] in ("news", "reports")]
    assert plain(store.histogram(query, interval, by="source_kind", keys=["reports", "news"])) == some
