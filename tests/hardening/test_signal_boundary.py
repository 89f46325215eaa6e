"""Every field of a Signal is checked in one place: one bad line is rejected with its
reason and the good lines around it are stored, identically by both stores."""

from __future__ import annotations

import io
import json
import random
import subprocess
import sys
from datetime import datetime, timedelta, timezone

import orjson
import pytest

from outagewatch.jsonl import Rejected, read_signals, write_signals
from outagewatch.pipeline import ingest_stream
from outagewatch.search.query import Query
from outagewatch.signal import Signal, SignalError
from outagewatch.timeutil import from_millis, parse_time, to_iso, to_millis

MAX_ID_BYTES = 256  # the id limit both stores accept (Elasticsearch: 512 bytes)
GOOD = {"source_kind": "social", "source": "x:search:slack", "published_at": "2021-01-04T15:00:00Z",
        "text": "Slack is down"}


def _nested(depth: int):
    value: list = []
    for _ in range(depth - 1):
        value = [value]
    return value


# Each of these used to abort the whole batch (or store Python's repr of an object).
HOSTILE = {
    "report_count 2**63": {"report_count": 2**63},
    "report_count 1e300": {"report_count": 1e300},
    "report_count 10**20": {"report_count": 10**20},
    "report_count 2.5": {"report_count": 2.5},
    "year 1 with an offset": {"published_at": "0001-01-01T00:00:00+01:00"},
    "year 9999 with an offset": {"published_at": "9999-12-31T23:00:00-05:00"},
    "epoch 1e20": {"published_at": 1e20},
    "collected_at 1e30": {"collected_at": 1e30},
    "raw nested 300 levels": {"raw": _nested(300)},
    "object as source": {"source": {"a": 1}},
    "object as id": {"id": {"a": 1}},
    "list as text": {"text": ["a"]},
    "600-character id": {"id": "i" * 600},
    "object as a tag": {"services": [{"a": 1}]},
    "201 short tags": {"services": [f"s{i}" for i in range(201)]},
    "a 2049-character tag": {"regions": ["r" * 2049]},
    "a number among tags": {"providers": ["aws", 5]},
    "object as native id": {"native_id": {"a": 1}},
    "number as status": {"status": 5},
}


def _lines(items) -> bytes:
    return b"".join(json.dumps(item).encode() + b"\n" for item in items)


@pytest.mark.parametrize("name", list(HOSTILE))
def test_a_hostile_field_is_a_rejection_naming_the_field(name):
    items = list(read_signals(io.BytesIO(_lines([{**GOOD, **HOSTILE[name]}]))))
    assert len(items) == 1 and isinstance(items[0], Rejected), items
    field = next(iter(HOSTILE[name]))
    assert field in items[0].reason, items[0].reason


def test_one_bad_line_costs_only_itself_on_both_stores(store):
    lines = []
    for n, override in enumerate(HOSTILE.values()):
        lines.append({**GOOD, "native_id": f"good-{n}", "text": f"Slack is down {n}"})
        lines.append({**GOOD, "native_id": f"bad-{n}", **override})
    report = ingest_stream(store, io.BytesIO(_lines(lines)), batch_size=1000)
    assert report.stored.new == len(HOSTILE)
    assert report.rejected_total == len(HOSTILE)
    assert [r.line for r in report.rejected] == list(range(2, 2 * len(HOSTILE) + 1, 2))
    assert store.count(Query()) == len(HOSTILE)


def test_the_cli_stores_the_good_lines_and_exits_partial(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_bytes(_lines([{**GOOD, "native_id": "a"}, {**GOOD, "native_id": "b", "report_count": 2**63},
                             {**GOOD, "native_id": "c", "raw": _nested(300)}]))
    proc = subprocess.run([sys.executable, "-m", "outagewatch", "--store", f"sqlite:///{tmp_path}/s.db",
                           "ingest", "--no-tag", "--json", str(path)], capture_output=True, timeout=120)
    assert proc.returncode == 3, proc.stderr  # partial success: some lines rejected, the rest stored
    summary = json.loads(proc.stdout.splitlines()[-1])
    assert (summary["new"], summary["rejected"]) == (1, 2)
    assert [r["line"] for r in summary["files"][0]["rejections"]] == [2, 3]
    assert "Traceback" not in proc.stderr.decode()


@pytest.mark.parametrize("text", [
    "2020-11-25T17:05:01.735Z", "1978-09-08T07:20:59.715Z", "2038-09-27T22:45:23.857Z", "2021-03-14T01:59:59.001Z",
    "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999Z", "1969-12-31T23:59:59.999Z",
])
def test_times_round_trip_exactly_through_both_stores_and_export(store, text):
    signal = Signal.from_dict({**GOOD, "published_at": text, "collected_at": text})
    store.upsert([signal])
    back = store.get(signal.id)
    assert back.published_at == signal.published_at == parse_time(text)
    assert back.collected_at == signal.collected_at
    out = io.BytesIO()
    write_signals([back], out)
    again = next(read_signals(io.BytesIO(out.getvalue())))
    assert again.published_at == signal.published_at, out.getvalue()


def test_millisecond_arithmetic_is_exact():
    # Every millisecond of a whole day near a float-unfriendly epoch round-trips.
    base = to_millis(datetime(1978, 9, 8, 7, 0, tzinfo=timezone.utc))
    for ms in range(base, base + 86_400_000, 997):
        assert to_millis(from_millis(ms)) == ms
    assert to_iso(parse_time("0001-01-01T00:00:00Z")) == "0001-01-01T00:00:00Z"
    assert parse_time(1606323901.735) == parse_time("2020-11-25T17:05:01.735Z")


def test_milliseconds_are_floored_before_1970_too_and_any_offset_counts():
    # to_millis floors sub-millisecond parts as the timedelta division it replaced did, on
    # either side of the epoch, in any zone, and for a naive time read as UTC.
    epoch = datetime(1970, 1, 1, tzinfo=timezone.utc)
    for micros, millis in ((0, 0), (999, 0), (1000, 1), (-1, -1), (-999, -1), (-1000, -1), (-1001, -2)):
        assert to_millis(epoch + timedelta(microseconds=micros)) == millis
    rng = random.Random(12)
    for _ in range(20_000):
        moment = datetime(1, 1, 2, tzinfo=timezone.utc) + timedelta(microseconds=rng.randrange(315_000_000_000_000_000))
        expected = (moment - epoch) // timedelta(milliseconds=1)
        zone = timezone(timedelta(minutes=rng.randrange(-720, 721, 15)))
        assert to_millis(moment) == to_millis(moment.astimezone(zone)) == expected
        assert to_millis(moment.replace(tzinfo=None)) == expected


def test_text_is_nfc_so_both_stores_find_the_same_word(store):
    decomposed = "cafe\u0301 is down"
    signal = Signal.from_dict({**GOOD, "text": decomposed, "source": "x:cafe\u0301", "services": ["cafe\u0301"]})
    assert signal.text == "caf\u00e9 is down" and signal.source == "x:caf\u00e9"
    store.upsert([signal])
    assert store.count(Query(text="caf\u00e9")) == 1
    assert store.count(Query(text="cafe\u0301")) == 1
    assert store.get(signal.id).text == "caf\u00e9 is down"


def test_ids_are_limited_so_both_stores_accept_every_stored_id(store):
    ok = Signal.from_dict({**GOOD, "id": "i" * MAX_ID_BYTES})
    store.upsert([ok])
    assert store.get(ok.id).id == ok.id
    with pytest.raises(SignalError, match="id is longer"):
        Signal.from_dict({**GOOD, "id": "i" * (MAX_ID_BYTES + 1)})


def test_tags_keep_their_first_order_once_each_without_empties_and_in_nfc():
    at = parse_time("2021-01-01T00:00Z")
    signal = Signal(source_kind="social", source="x", published_at=at, text="", services=["b", "a", "b"],
                    regions=["cafe\u0301", "", "caf\u00e9"], providers=("aws", "", "aws"))
    assert signal.services == ["b", "a"]
    assert signal.regions == ["caf\u00e9"]
    assert signal.providers == ["aws"]


def test_a_collector_made_signal_is_held_to_the_same_rules():
    with pytest.raises(SignalError, match="report_count"):
        Signal(source_kind="reports", source="r", published_at=parse_time("2021-01-01T00:00Z"), text="",
               report_count=10**20)
    with pytest.raises(SignalError, match="raw"):
        Signal(source_kind="reports", source="r", published_at=parse_time("2021-01-01T00:00Z"), text="",
               raw={"when": object()})
