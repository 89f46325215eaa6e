"""The field table: one description of the Signal's fields that both engines derive from."""

from __future__ import annotations

import dataclasses
import hashlib

import orjson

from outagewatch.search import es_mapping as m
from outagewatch.search.fields import (SIGNAL_FIELDS, SQL_COLUMNS, fingerprint, row_and_fingerprint, row_to_signal,
                                       signal_to_row)
from outagewatch.search.sqlite.schema import SCHEMA
from outagewatch.signal import FIELDS, Signal
from tests.signals_factory import make_signal


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
