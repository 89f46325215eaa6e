"""The small parsers everything relies on: the user's search text, times, and Signal ids."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from outagewatch.search.query import Atom, Query, decode_cursor, encode_cursor, interval_seconds, parse_text
from outagewatch.signal import Signal, SignalError, signal_id
from outagewatch.timeutil import parse_duration, parse_time, to_iso

NOW = datetime(2020, 11, 25, 15, 0, tzinfo=timezone.utc)


def test_search_text_is_parsed_into_words_phrases_alternatives_and_exclusions():
    q = parse_text('kinesis "error rates" roku OR flickr -resolved kines*')
    assert q.all_of == (
        (Atom(("kinesis",)),),
        (Atom(("error", "rates")),),
        (Atom(("roku",)), Atom(("flickr",))),
        (Atom(("kines",), prefix=True),),
    )
    assert q.none_of == (Atom(("resolved",)),)


def test_punctuated_words_become_phrases_and_cjk_splits_per_character():
    assert parse_text("us-east-1").all_of == ((Atom(("us", "east", "1")),),)
    assert parse_text("障害").all_of == ((Atom(("障", "害")),),)
    assert parse_text("São").all_of == ((Atom(("são",)),),)


@pytest.mark.parametrize("text", ['"', "OR", "-", "*", "   ", "()", "-\"\""])
def test_text_with_no_words_is_an_empty_query(text):
    assert parse_text(text).empty


def test_relevance_without_words_falls_back_to_newest_first():
    assert Query().effective_sort == "newest"
    assert Query(text="roku").effective_sort == "relevance"
    assert Query(text="roku", sort="oldest").effective_sort == "oldest"


def test_query_rejects_unknown_sorts_and_huge_pages():
    with pytest.raises(ValueError, match="sort"):
        Query(sort="random")
    with pytest.raises(ValueError, match="limit"):
        Query(limit=100_000)


def test_cursors_round_trip_and_garbage_is_refused():
    assert decode_cursor(encode_cursor([1.5, 1606310100000, "abc"])) == [1.5, 1606310100000, "abc"]
    for garbage in ("%%%", "e30", ""):  # e30 is base64 of {} (not a list)
        with pytest.raises(ValueError, match="cursor"):
            decode_cursor(garbage)


def test_histogram_intervals_must_tile_a_day():
    assert interval_seconds("15m") == 900
    assert interval_seconds("2h") == 7200
    assert interval_seconds("1d") == 86400
    for bad in ("7m", "30s", "soon"):
        with pytest.raises(ValueError):
            interval_seconds(bad)


@pytest.mark.parametrize("text, expected", [
    ("2020-11-25T13:15:00Z", datetime(2020, 11, 25, 13, 15, tzinfo=timezone.utc)),
    ("2020-11-25T05:15:00-08:00", datetime(2020, 11, 25, 13, 15, tzinfo=timezone.utc)),
    ("2020-11-25 13:15", datetime(2020, 11, 25, 13, 15, tzinfo=timezone.utc)),  # naive means UTC
    ("Wed, 25 Nov 2020 14:36:00 PST", datetime(2020, 11, 25, 22, 36, tzinfo=timezone.utc)),
    ("2h", NOW - timedelta(hours=2)),
    ("7d", NOW - timedelta(days=7)),
    ("90 min ago", NOW - timedelta(minutes=90)),
])
def test_times_in_the_forms_people_type(text, expected):
    assert parse_time(text, now=NOW) == expected


def test_unparseable_times_and_durations_say_what_they_got():
    with pytest.raises(ValueError, match="yesterday-ish"):
        parse_time("yesterday-ish")
    with pytest.raises(ValueError, match="fortnight"):
        parse_duration("fortnight")
    assert parse_duration("1h30m") == timedelta(minutes=90)


def test_the_same_item_from_the_same_source_always_gets_the_same_id():
    a = Signal(source_kind="social", source="x:@RokuSupport", published_at=NOW, text="one", native_id="1332")
    b = Signal(source_kind="social", source="x:@RokuSupport", published_at=NOW, text="edited", native_id="1332")
    c = Signal(source_kind="social", source="x:@Flickr", published_at=NOW, text="one", native_id="1332")
    assert a.id == b.id == signal_id("x:@RokuSupport", "1332")
    assert a.id != c.id


def test_without_a_native_id_the_url_or_the_content_identifies_an_item():
    def make(**kw):
        return Signal(source_kind="news", source="news:theverge", published_at=NOW, text="AWS outage", **kw)

    assert make(url="https://x.test/a").id == make(url="https://x.test/a", title="changed").id
    assert make().id == make().id
    assert make().id != make(title="other").id


@pytest.mark.parametrize("record, message", [
    ({"source_kind": "social", "source": "x", "published_at": "2020-11-25T00:00:00Z"}, "text is missing"),
    ({"source_kind": "tv", "source": "x", "published_at": "2020-11-25T00:00:00Z", "text": "t"}, "source_kind"),
    ({"source_kind": "social", "published_at": "2020-11-25T00:00:00Z", "text": "t"}, "source is missing"),
    ({"source_kind": "social", "source": "x", "published_at": "soon", "text": "t"}, "published_at"),
    ({"source_kind": "status", "source": "x", "published_at": "2020-11-25", "text": "t", "status": "meh"}, "status"),
    ({"source_kind": "reports", "source": "x", "published_at": "2020-11-25", "text": "t", "report_count": -3},
     "report_count"),
    ({"source_kind": "social", "source": "x", "published_at": "2020-11-25", "text": "t", "services": [1]}, "services"),
])
def test_invalid_records_are_refused_with_the_field_named(record, message):
    with pytest.raises(SignalError, match=message):
        Signal.from_dict(record)


def test_the_wire_shape_round_trips():
    record = {"source_kind": "status", "source": "aws-health:kinesis-us-east-1", "published_at": "2020-11-25T14:36:00Z",
              "text": "Investigating", "status": "investigating", "services": ["aws/kinesis", "aws/kinesis"],
              "raw": {"guid": "g"}, "extra_field_from_another_tool": 1}
    signal = Signal.from_dict(record)
    assert signal.services == ["aws/kinesis"]
    again = Signal.from_dict(signal.to_dict())
    assert again.to_dict() == signal.to_dict()
    assert to_iso(signal.published_at) == "2020-11-25T14:36:00Z"
