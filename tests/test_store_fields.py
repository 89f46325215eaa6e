"""The field table: one description of the Signal's fields that both engines derive from."""

from __future__ import annotations

import dataclasses
import hashlib
from datetime import timedelta

import orjson

from outagewatch.search import es_mapping as m
from outagewatch.search.fields import (SIGNAL_FIELDS, SQL_COLUMNS, fingerprint, row_and_fingerprint, row_to_signal,
                                       signal_to_row)
from outagewatch.search.sqlite.schema import SCHEMA
from outagewatch.signal import FIELDS, Signal
from outagewatch.timeutil import to_millis
from tests.signals_factory import T0, make_signal


def test_the_table_lists_every_signal_field_once():
    stored = {f.name for f in dataclasses.fields(Signal)} - {"native_id"}  # native_id only makes the id
    assert [f.name for f in SIGNAL_FIELDS] == list(FIELDS)
    assert set(FIELDS) == stored


def test_a_sqlite_row_round_trips_every_field():
    signal = make_signal("Kinesis 障害", title="t", author="a", url="u", lang="ja", status="resolved",
                         report_count=7, services=["aws/kinesis", "x"], providers=["aws"], regions=["aws:us-east-1"],
                         symptoms=["errors"], raw={"k": [1, None]}, native_id="row")
    row = signal_to_row(signal)
    assert len(row) == len(SQL_COLUMNS)
    assert row_to_signal(row).to_dict() == signal.to_dict()
    assert row_to_signal(["pad", *row], 1).to_dict() == signal.to_dict()
    bare = make_signal("x", native_id="bare")
    assert row_to_signal(signal_to_row(bare)).to_dict() == bare.to_dict()


def test_the_sqlite_schema_and_the_elasticsearch_mapping_have_a_place_for_each_field():
    for field in SIGNAL_FIELDS:
        assert f" {field.name} {field.sql_type}" in SCHEMA, field.name
        assert field.es in m.SIGNAL_FIELDS, field.name


def test_the_row_and_its_fingerprint_in_one_pass_are_the_separate_ones():
    signals = [
        make_signal("Kinesis 障害", title="t", author="a", url="u", lang="ja", status="resolved", report_count=0,
                    services=["aws/kinesis", "x", "x"], providers=["aws"], regions=["aws:us-east-1"],
                    symptoms=["errors"], raw={"k": [1, None, {"n": "ü"}]}, native_id="one"),
        make_signal("x", native_id="bare", collected_at=None),
        make_signal("y", raw="plain", native_id="str-raw"),
        make_signal("z", raw={"1": {"2": [True, 1.5]}}, native_id="nested"),
    ]
    for signal in signals:
        row, print_ = row_and_fingerprint(signal)
        assert row == signal_to_row(signal)
        assert print_ == fingerprint(signal)
    # the fingerprint stores already hold: BLAKE2b-128 of the content fields' JSON, times in ms
    bare = signals[1]
    content = [bare.source_kind, bare.source, signal_to_row(bare)[3], None, None, None, "x", None, None, None,
               [], [], [], [], None]
    assert row_and_fingerprint(bare)[1] == hashlib.blake2b(orjson.dumps(content), digest_size=16).digest()


def test_one_collection_time_shared_by_signals_is_kept_as_each_would_be_alone():
    # an ingest's Signals share one collected_at object a millisecond: the row encoder remembers the
    # last one it converted; each row still holds its own time, and tag lists set after the Signal was
    # made (None, a tuple, an empty list) are encoded as the separate functions encode them
    shared = T0 + timedelta(milliseconds=1234)
    times = [shared, shared, T0 + timedelta(milliseconds=1234), T0 + timedelta(seconds=9), shared, None, shared]
    for at, collected in enumerate(times):
        signal = make_signal(f"t{at}", collected_at=collected)
        if collected is None:
            signal.collected_at = None  # (a Signal made without one takes the time it was made)
        signal.regions = [None, (), ("a", "b"), ["a"], [], ["a", "b"], None][at]
        row, print_ = row_and_fingerprint(signal)
        assert row[SQL_COLUMNS.index("collected_at")] == (None if collected is None else to_millis(collected))
        assert row[SQL_COLUMNS.index("regions")] == signal_to_row(signal)[SQL_COLUMNS.index("regions")]
        assert print_ == hashlib.blake2b(orjson.dumps(
            [orjson.Fragment(row[i]) if SQL_COLUMNS[i] in ("services", "providers", "regions", "symptoms") else row[i]
             for i in (1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16)]), digest_size=16).digest()
