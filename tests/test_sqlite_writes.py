"""The SQLite writer's tag rows and rollup counts, checked against their definition.

A batch's new rows get their ``tags`` rows and ``tag_rollup`` counts from SQLite itself
(``sqlite/writes.py``: made from the rows just inserted), changed rows from Python. Either
way: one tag row per distinct (field, value) of a Signal, for its services, providers,
regions, symptoms, source kind and source; per (service/provider/region value, source
kind, 5 minutes floored as Python floors) the number of Signals naming it once or more and
the sum of their report counts. Values with quotes, backslashes and other scripts, lists
naming a value twice (a tagger may append), and times before 1970 included.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta, timezone

import pytest

from outagewatch.search.sqlite import SQLiteStore
from outagewatch.timeutil import to_millis
from tests.signals_factory import make_signal

ROLLUP_MS = 300_000


def expected(signals) -> tuple[Counter, Counter]:
    tags, rollup = Counter(), Counter()
    for s in signals:
        published = to_millis(s.published_at)
        for code, values in zip("spryko", (s.services, s.providers, s.regions, s.symptoms, [s.source_kind],
                                            [s.source])):
            for value in dict.fromkeys(values):
                tags[(code, value, published, s.id)] += 1
                if code in "spr":
                    rollup[(code, value, s.source_kind, published // ROLLUP_MS, "n")] += 1
                    rollup[(code, value, s.source_kind, published // ROLLUP_MS, "reports")] += s.report_count or 0
    return tags, +rollup


def stored(store: SQLiteStore) -> tuple[Counter, Counter]:
    tags = Counter(store.database.rows(
        "SELECT v.field, v.value, t.published_at, s.id FROM tags t JOIN tag_values v ON v.vid = t.vid"
        " JOIN signals s ON s.rowid = t.sid"))
    rollup = Counter()
    for field, value, kind, bucket, n, reports in store.database.rows("SELECT * FROM tag_rollup"):
        rollup[(field, value, kind, bucket, "n")] += n
        rollup[(field, value, kind, bucket, "reports")] += reports
    return tags, +rollup


def signals(version: int) -> list:
    before_1970 = datetime(1969, 12, 31, 23, 59, 59, 999000, tzinfo=timezone.utc)
    out = [
        make_signal("roku and netflix down", native_id="a", services=["roku", "netflix"], regions=["geo:US-VA"]),
        make_signal("old news", native_id="b", published_at=before_1970, services=["roku"],
                    providers=["aws"], symptoms=["outage"], source="news:wire", source_kind="news"),
        make_signal("reports", native_id="c", published_at=before_1970 - timedelta(minutes=5, milliseconds=1),
                    source_kind="reports", source="reports:dd", report_count=40, services=['say "hi"\\', "東京電力"]),
        make_signal("plain", native_id="d", minutes=3),
    ]
    out[0].services.append("roku")  # listed twice: one tag row, counted once
    if version == 2:  # "a" changes its tags, "c" its reports and time; "e" is new
        out[0] = make_signal("roku down, netflix fine", native_id="a", services=["roku"], providers=["aws"],
                             regions=["geo:US-VA", "geo:JP"])
        out[2] = make_signal("reports", native_id="c", minutes=-7, source_kind="reports", source="reports:dd",
                             report_count=12, services=['say "hi"\\'])
        out.append(make_signal("new", native_id="e", minutes=9, services=["netflix", "netflix"],
                               symptoms=["slow"]))
    return out


@pytest.mark.parametrize("bulk", [False, True])
def test_tag_rows_and_rollup_counts_are_what_the_signals_say(tmp_path, bulk):
    with SQLiteStore(tmp_path / "w.db") as store:
        if bulk:
            store.text.bulk_rows = 1  # the indexer takes the words, batches share transactions
        first = signals(1)
        assert store.upsert(first).new == 4
        assert stored(store) == expected(first)
        second = signals(2)
        result = store.upsert(second)
        assert (result.new, result.updated, result.unchanged) == (1, 2, 2)
        assert stored(store) == expected(second)


@pytest.mark.parametrize("twice", [None, "services", "providers", "regions"])
def test_rollup_counts_with_and_without_a_value_listed_twice(tmp_path, twice):
    """A batch whose lists name each value once is counted without DISTINCT (cheaper); one
    Signal naming a value twice in any counted list, wherever it is in the batch, switches
    the whole batch to counting each (value, Signal) once."""
    batch = [make_signal(f"s{i}", native_id=f"n{i}", minutes=i, services=["roku", "netflix"][: 1 + i % 2],
                         providers=["aws", "gcp"] if i % 3 == 0 else [], regions=["geo:US", "geo:JP"][: i % 3],
                         report_count=i) for i in range(30)]
    if twice is not None:
        values = getattr(batch[17], twice)
        values.append(values[0] if values else "x")
        values.append(values[0])
    with SQLiteStore(tmp_path / "t.db") as store:
        assert store.upsert(batch).new == 30
        assert stored(store) == expected(batch)
