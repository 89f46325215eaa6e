"""Properties over generated input (hypothesis), on both stores: Signal lines, queries,
cursors, times and collector documents never end in a traceback; every valid line is
stored exactly once and reads back as it went in; the two stores agree; times round-trip
exactly.

Example counts are modest (the suite runs in ``make test`` on a shared two-core machine);
``HYPOTHESIS_PROFILE=deep`` runs ten times more.
"""

from __future__ import annotations

import io
import json
import os
import uuid
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from outagewatch.collectors.base import BadResponse, FetchResult, SourceConfig
from outagewatch.jsonl import Rejected, read_signals, write_signals
from outagewatch.pipeline import ingest_stream
from outagewatch.search.query import Query, encode_cursor
from outagewatch.search.sqlite import SQLiteStore
from outagewatch.signal import SOURCE_KINDS, STATUSES, Signal, SignalError
from outagewatch.timeutil import from_millis, parse_time, to_iso, to_millis

settings.register_profile("default", max_examples=25, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                                 HealthCheck.data_too_large])
settings.register_profile("deep", parent=settings.get_profile("default"), max_examples=250, derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

# -- strategies -----------------------------------------------------------------------

TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
WORDY = st.text(st.sampled_from(list("abcxyz019 -_'éüß障害İ\u0301\u200b🙂ǅ１")), min_size=0, max_size=30)
OFFSETS = st.sampled_from([timezone.utc, timezone(timedelta(hours=5, minutes=30)), timezone(timedelta(hours=-8)),
                           timezone(timedelta(hours=14)), timezone(timedelta(hours=-12))])
TIMES = st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30), timezones=OFFSETS)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.floats(allow_nan=False, allow_infinity=False) | TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4), max_leaves=12)
HOSTILE = st.one_of(JSON_VALUES, st.integers(-(2**80), 2**80), st.floats(-1e300, 1e300), TEXT)


def iso(value: datetime) -> str:
    return value.isoformat()  # four-digit years, the offset, microseconds when there are any


@st.composite
def signal_lines(draw, source: str) -> dict:
    """A JSON object of the wire shape: mostly valid, every field sometimes hostile."""
    line = {
        "source_kind": draw(st.sampled_from(SOURCE_KINDS)),
        "source": source,
        "published_at": draw(st.one_of(TIMES.map(iso), st.integers(-10**11, 10**11))),
        "text": draw(WORDY),
    }
    optional = {
        "title": WORDY, "author": TEXT, "url": TEXT, "lang": st.sampled_from(["en", "de", "ja"]),
        "report_count": st.integers(0, 2**53 - 1), "status": st.sampled_from(STATUSES),
        "services": st.lists(st.sampled_from(["roku", "aws/kinesis", "cafe\u0301", "slack"]), max_size=3),
        "raw": JSON_VALUES, "native_id": TEXT, "collected_at": TIMES.map(iso),
    }
    for name, strategy in optional.items():
        if draw(st.booleans()):
            line[name] = draw(strategy)
    if draw(st.integers(0, 4)) == 0:  # one field hostile
        name = draw(st.sampled_from(sorted({*line, "id", "report_count", "published_at", "raw"} - {"source"})))
        line[name] = draw(HOSTILE)
    return line


def _jsonl(lines: list[dict]) -> bytes:
    out = []
    for line in lines:
        try:
            out.append(json.dumps(line, ensure_ascii=False, allow_nan=False).encode("utf-8", "surrogatepass"))
        except (ValueError, RecursionError):
            out.append(b"{not json")
    return b"\n".join(out) + b"\n"


# -- Signal lines, on both stores --------------------------------------------------------

@given(data=st.data())
def test_every_valid_line_is_stored_exactly_once_and_reads_back_equal(store, data):
    source = f"prop:{uuid.uuid4().hex[:10]}"
    lines = data.draw(st.lists(signal_lines(source), min_size=1, max_size=8))
    body = _jsonl(lines + lines[:2])  # a repeated line is an update, not a second record
    expected, rejected = {}, 0
    for item in read_signals(io.BytesIO(body)):
        if isinstance(item, Signal):
            expected[item.id] = item  # the last copy of an id wins, in a batch as across batches
        else:
            rejected += 1
    # an explicit id (a hostile field may be one) can repeat across examples on this store
    already = {signal_id for signal_id in expected if store.get(signal_id) is not None}
    report = ingest_stream(store, io.BytesIO(body), batch_size=3)
    assert report.rejected_total == rejected
    assert report.stored.new == len(expected) - len(already)
    assert store.count(Query(sources=(source,))) == len(expected)
    for signal_id, signal in expected.items():
        back = store.get(signal_id)
        assert back is not None
        got, want = back.to_dict(), signal.to_dict()
        # collected_at is not content: a copy differing only there leaves the stored one as is
        got.pop("collected_at"), want.pop("collected_at")
        assert got == want


@given(line=signal_lines("prop:roundtrip"))
def test_a_signal_survives_export_and_reingest_unchanged(line):
    try:
        signal = Signal.from_dict(json.loads(_jsonl([line])))
    except (SignalError, ValueError):
        return
    out = io.BytesIO()
    write_signals([signal], out)
    (again,) = read_signals(io.BytesIO(out.getvalue()))
    assert isinstance(again, Signal), again
    assert again.to_dict() == signal.to_dict()


# -- times ------------------------------------------------------------------------------

@given(value=TIMES)
def test_times_round_trip_exactly(value):
    when = parse_time(iso(value))
    assert when == value
    millis = to_millis(when)
    assert to_millis(from_millis(millis)) == millis
    assert from_millis(millis) == when.replace(microsecond=when.microsecond // 1000 * 1000)
    assert parse_time(to_iso(when)) == when


@given(millis=st.integers(to_millis(datetime(1, 1, 1, tzinfo=timezone.utc)),
                          to_millis(datetime(9999, 12, 31, 23, 59, 59, 999000, tzinfo=timezone.utc))))
def test_every_millisecond_is_stored_as_itself(store, millis):
    signal = Signal(source_kind="social", source="prop:ms", published_at=from_millis(millis), text="t",
                    native_id=str(millis))
    store.upsert([signal])
    assert to_millis(store.get(signal.id).published_at) == millis


@given(value=st.one_of(TEXT, st.integers(-(2**80), 2**80), st.floats(), JSON_VALUES))
def test_parse_time_answers_a_time_or_a_value_error(value):
    try:
        when = parse_time(value)
    except ValueError:
        return
    assert when.tzinfo is not None and 1 <= when.year <= 9999


# -- queries and cursors, on both stores ------------------------------------------------

QUERY_TEXT = st.lists(st.one_of(st.sampled_from(list('abcxyz019 -_"*éüß障害İ\u0301🙂ǅ１')),
                                st.sampled_from([" OR ", "OR", " -", "*"])), max_size=20).map("".join)


@given(text=st.one_of(QUERY_TEXT, TEXT), sort=st.sampled_from(["relevance", "newest", "oldest"]))
def test_any_query_text_is_an_answer_or_a_clear_error(store, text, sort):
    try:
        query = Query(text=text, sort=sort, limit=5)
    except ValueError:
        return
    result = store.search(query)
    assert result.total >= len(result.hits)


@given(cursor=st.one_of(TEXT, st.binary(max_size=40).map(lambda b: b.hex()),
                        st.lists(JSON_VALUES, max_size=4).map(lambda v: encode_cursor(v) if _encodable(v) else "x")),
       sort=st.sampled_from(["relevance", "newest", "oldest"]))
def test_any_cursor_is_a_page_or_a_value_error(store, cursor, sort):
    try:
        store.search(Query(text="roku" if sort == "relevance" else None, sort=sort, limit=3, cursor=cursor))
    except ValueError as exc:
        assert "cursor" in str(exc)


def _encodable(values) -> bool:
    try:
        encode_cursor(values)
        return True
    except TypeError:
        return False


@pytest.fixture(scope="module")
def both_stores(tmp_path_factory, request):
    """An SQLite store and an Elasticsearch store, for the properties that compare them."""
    from outagewatch.search.elasticsearch import ElasticsearchStore
    from tests.elasticsearch.node import unique_prefix

    node = request.getfixturevalue("elasticsearch_node")
    folder = tmp_path_factory.mktemp("both")
    sqlite = SQLiteStore(folder / "both.db")
    es = ElasticsearchStore(node.url, prefix=unique_prefix(), spool_dir=folder / "spool", **node.options())
    yield sqlite, es
    es.drop()
    es.close()
    sqlite.close()


@pytest.mark.elasticsearch
@given(texts=st.lists(WORDY, min_size=1, max_size=6), queries=st.lists(QUERY_TEXT, min_size=1, max_size=4))
def test_both_stores_find_the_same_signals(both_stores, texts, queries):
    sqlite, es = both_stores
    source = f"prop:{uuid.uuid4().hex[:10]}"
    signals = [Signal(source_kind="social", source=source, published_at=from_millis(1606310000000 + n), text=text,
                      native_id=str(n)) for n, text in enumerate(texts)]
    sqlite.upsert(signals)
    es.upsert(signals)
    for text in queries + [t[:3] for t in texts]:
        try:
            query = Query(text=text, sources=(source,), sort="newest", limit=100)
        except ValueError:
            continue
        ids = [{h.signal.id for h in store.search(query).hits} for store in (sqlite, es)]
        assert ids[0] == ids[1], (text, texts)


# -- collector documents ----------------------------------------------------------------

STATUS_DOCS = st.recursive(
    st.none() | st.integers(-(2**70), 2**70) | st.floats(allow_nan=False) | TEXT | TIMES.map(iso),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["incidents", "incident", "id", "name", "incident_updates", "components", "affected_components",
                         "body", "status", "created_at", "display_at", "updates", "when", "text", "event_log",
                         "timestamp", "service", "summary", "date", "message", "current"]), inner, max_size=6),
    max_leaves=30)


@pytest.mark.parametrize("kind", ["statuspage", "gcp", "aws-health-json"])
@given(doc=STATUS_DOCS)
def test_a_status_document_is_signals_rejections_or_one_bad_response(kind, doc):
    from outagewatch.collectors import build_collector

    collector = build_collector(SourceConfig(name="p", kind=kind, url="http://127.0.0.1:9/api/v2/incidents.json"))
    result = FetchResult()
    try:
        collector.parse(json.dumps(doc).encode("utf-8", "surrogatepass"), datetime(2021, 1, 1, tzinfo=timezone.utc),
                        result)
    except BadResponse:
        return
    assert all(isinstance(s, Signal) for s in result.signals)
    assert len(result.rejections) == min(result.rejected, 20)


@given(body=st.one_of(st.binary(max_size=300), st.builds(
    lambda title, text, date: (f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item>'
                               f"<title>{title}</title><description>{text}</description><pubDate>{date}</pubDate>"
                               f"</item></channel></rss>").encode("utf-8", "surrogatepass"),
    TEXT, TEXT, st.one_of(TEXT, st.just("Wed, 25 Nov 2020 14:36:00 GMT"), st.just("Fri, 31 Dec 9999 23:00:00 -0500")))))
def test_a_feed_is_signals_rejections_or_one_bad_response(body):
    from outagewatch.collectors.feeds import parse_feed

    try:
        result = parse_feed(body, SourceConfig(name="f", kind="rss", url="http://127.0.0.1:9/f"),
                            datetime(2021, 1, 1, tzinfo=timezone.utc))
    except BadResponse:
        return
    assert all(isinstance(s, Signal) for s in result.signals)
    assert len(result.signals) + result.rejected == result.fetched


def test_rejections_are_rejected_lines():
    assert isinstance(next(read_signals(io.BytesIO(b"[1]\n"))), Rejected)
