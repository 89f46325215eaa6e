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


def orphans(store: SQLiteStore) -> int:
    """Tag rows whose key ``tag_values`` does not name."""
    return store.database.one("SELECT count(*) FROM tags WHERE vid NOT IN (SELECT vid FROM tag_values)")[0]


def test_a_tag_first_named_in_a_batch_that_failed_is_named_by_the_batch_that_stores_it(tmp_path):
    """The writer names a tag key in ``tag_values`` once its row is committed, not again in every
    batch (a batch of posts names thousands of sources); a key named in a batch that failed was
    rolled back with it, so the next batch naming it names it again."""
    with SQLiteStore(tmp_path / "f.db") as store:
        assert store.upsert([make_signal("first", native_id="f0", services=["roku"], source="x:@ann")]).new == 1
        with store.database.lock:
            store.database.db.execute("CREATE TEMP TRIGGER boom AFTER INSERT ON main.signals WHEN NEW.text = 'boom'"
                                      " BEGIN SELECT RAISE(ABORT, 'disk on fire'); END")
        failing = [make_signal("down", native_id="f1", services=["hulu"], source="x:@bob"),
                   make_signal("boom", native_id="f2", services=["roku"], regions=["geo:FR"], source="x:@ann")]
        with pytest.raises(Exception, match="disk on fire"):
            store.upsert(failing)
        assert store.database.one("SELECT count(*) FROM tag_values WHERE value IN ('hulu', 'x:@bob', 'geo:FR')")[0] == 0
        again = [failing[0], make_signal("fine", native_id="f3", services=["roku"], regions=["geo:FR"],
                                         source="x:@ann")]
        assert store.upsert(again).new == 2
        assert orphans(store) == 0
        assert stored(store) == expected([make_signal("first", native_id="f0", services=["roku"], source="x:@ann"),
                                          *again])


def test_tags_first_named_in_a_bulk_group_that_was_lost_are_named_when_it_is_stored_again(tmp_path, monkeypatch):
    """During a bulk load batches share a transaction; a group rolled back (its batch's tag rows
    failed after it returned) takes the keys its batches named with it, and storing the same
    batches again names them again: no tag row without its name."""
    monkeypatch.setattr("outagewatch.search.sqlite.schema.GROUP_IDLE_SECONDS", 60.0)
    monkeypatch.setattr("outagewatch.search.sqlite.schema.GROUP_SECONDS", 60.0)
    monkeypatch.setattr("outagewatch.search.sqlite.writes.END_LOAD_SECONDS", 60.0)
    batches = [[make_signal(f"outage {b} {i}", minutes=i, native_id=f"g{b}-{i}", services=[f"svc{b}"],
                            source=f"x:@user{b}-{i % 50}") for i in range(500)] for b in range(4)]
    with SQLiteStore(tmp_path / "g.db") as store:
        store.text.bulk_rows = 400
        assert store.upsert(batches[0]).new == 500  # committed alone; a bulk load from here on
        store.database.flush()
        with store.database.lock:
            store.database.db.execute("CREATE TEMP TRIGGER fail AFTER INSERT ON main.tags WHEN NEW.sid = 1200"
                                      " BEGIN SELECT RAISE(ABORT, 'disk on fire'); END")
        assert store.upsert(batches[1]).new == 500
        assert store.upsert(batches[2]).new == 500  # returned: its tag rows come after, and fail
        with pytest.raises(Exception, match="disk on fire"):
            store.upsert(batches[3])
        with store.database.lock:
            store.database.db.execute("DROP TRIGGER fail")
        for batch in batches:
            store.upsert(batch)
        store.database.flush()
        assert orphans(store) == 0
        assert stored(store) == expected([s for batch in batches for s in batch])


def test_a_batch_whose_rows_all_leave_a_field_empty_stores_each_field_as_given(tmp_path):
    # the writer leaves out of a batch's INSERT the optional columns no row of it fills: what is read
    # back is what was stored, field by field, whether every row, some or none of a batch fill a field
    bare = [make_signal(f"bare {i}", native_id=f"bare-{i}") for i in range(30)]
    mixed = [make_signal(f"mixed {i}", native_id=f"mixed-{i}") for i in range(30)]
    mixed[7] = make_signal("one of each", native_id="full", author="a", url="https://x.test/1", title="t", lang="en",
                           report_count=0, status="resolved", source_kind="status", raw={"k": [1]})
    mixed[11] = make_signal("an author only", native_id="author", author="b")
    full = [make_signal(f"full {i}", native_id=f"full-{i}", author="c", url=f"https://x.test/{i}", title="T",
                        lang="de", report_count=i, raw=[i]) for i in range(30)]
    store = SQLiteStore(tmp_path / "s.db")
    try:
        for batch in (bare, mixed, full, bare[:1]):
            store.upsert(batch)
        for signal in [*bare, *mixed, *full]:
            assert store.get(signal.id).to_dict() == signal.to_dict()
        columns = store.database.one("SELECT count(author), count(url), count(title), count(lang), count(report_count),"
                                     " count(status), count(raw) FROM signals")
        assert tuple(columns) == (32, 31, 31, 31, 31, 1, 31)
    finally:
        store.close()
