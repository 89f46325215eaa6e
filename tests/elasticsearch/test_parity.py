"""The same data in both backends gives the same answers.

The contract suite checks each backend against expectations written by hand; this
checks them against each other on text that is awkward for a search engine's own
tokenizer (domains, apostrophes, underscores, Katakana and Hangul runs, digits), where
Elasticsearch's standard analyzer would split words differently from SQLite's FTS5.
"""

from __future__ import annotations

import random

import pytest

from outagewatch.search.elasticsearch import ElasticsearchStore
from outagewatch.search.query import Query
from outagewatch.search.sqlite import SQLiteStore
from tests.elasticsearch.node import unique_prefix
from tests.signals_factory import make_signal

pytestmark = pytest.mark.elasticsearch

WORDS = ["roku", "down", "status.aws.amazon.com", "can't", "log", "in", "foo_bar", "us-east-1", "kinesis",
         "Kinesis", "errors", "1.2.3", "障害", "東京", "サーバー", "서버", "장애", "Müller", "café", "<b>", "&",
         "outage", "adobe", "flickr", "v2", "x86_64", "e-mail", "don't", "AWS", "roku's"]
SERVICES = ["roku", "flickr", "adobe", "aws/kinesis", "aws/cognito"]
KINDS = ["social", "status", "reports", "news"]


@pytest.fixture(scope="module")
def both(elasticsearch_node, tmp_path_factory):
    rng = random.Random(7)
    signals = []
    for i in range(400):
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 12)))
        title = " ".join(rng.choice(WORDS) for _ in range(3)) if i % 4 == 0 else None
        kind = rng.choice(KINDS)
        signals.append(make_signal(
            text, title=title, minutes=rng.randint(0, 600), native_id=f"p-{i}", source_kind=kind,
            source=f"{kind}:{rng.randint(1, 5)}", services=rng.sample(SERVICES, rng.randint(0, 2)),
            regions=rng.sample(["aws:us-east-1", "gcp:us-central1", "geo:JP"], rng.randint(0, 2)),
            report_count=rng.randint(0, 900) if kind == "reports" else None))
    lite = SQLiteStore(tmp_path_factory.mktemp("parity") / "p.db")
    es = ElasticsearchStore(elasticsearch_node.url, prefix=unique_prefix("parity"),
                            spool_dir=tmp_path_factory.mktemp("spool"))
    assert lite.upsert(signals).new == es.upsert(signals).new == 400
    yield lite, es
    es.drop()
    es.close()
    lite.close()


TEXTS = ["roku", "aws", "amazon", "can't", "can", "t", "foo", "bar", "foo_bar", "us-east-1", '"east 1"',
         "kines*", "KINESIS errors", "障害", "東京", "京東", "サーバー", "サ", "서버", "장", "müller", "cafe", "café",
         "roku -down", "roku OR adobe", "-roku", "1.2.3", "2", "x86_64", "64", "e-mail", "mail", "don't",
         '"roku down"', "roku's", "s", "<b>", "b", "&", "v2", "v*", "東*"]


@pytest.mark.parametrize("text", TEXTS)
def test_text_queries_find_the_same_signals(both, text):
    lite, es = both
    q = Query(text=text, limit=1000)
    assert {h.signal.id for h in es.search(q).hits} == {h.signal.id for h in lite.search(q).hits}
    assert es.count(q) == lite.count(q)


@pytest.mark.parametrize("sort", ["newest", "oldest"])
def test_time_orders_and_pages_are_the_same(both, sort):
    lite, es = both
    for q in (Query(sort=sort, limit=1000), Query(text="roku", sort=sort, limit=1000),
              Query(services=("roku",), kinds=("social", "news"), sort=sort, limit=1000)):
        assert [h.signal.id for h in es.search(q).hits] == [h.signal.id for h in lite.search(q).hits]


def test_highlights_mark_the_same_words(both):
    lite, es = both
    q = Query(text="kinesis 障害", limit=1000)
    # fragment windows differ between the engines; which words they mark must not
    lite_marks = {h.signal.id: _marked(h.highlights) for h in lite.search(q).hits}
    es_marks = {h.signal.id: _marked(h.highlights) for h in es.search(q).hits}
    assert lite_marks == es_marks


def _marked(highlights):
    import re

    return {w.lower() for h in highlights for w in re.findall(r"<mark>(.*?)</mark>", h)}


def test_aggregations_are_the_same(both):
    lite, es = both
    for q in (Query(), Query(text="roku"), Query(kinds=("reports",)), Query(regions=("geo:JP",))):
        fields = ["services", "regions", "source_kind", "source", "providers"]
        assert es.facets(q, fields, size=50) == lite.facets(q, fields, size=50)
        assert es.histogram(q, "1h") == lite.histogram(q, "1h")
        assert es.histogram(q, "30m", by="services") == lite.histogram(q, "30m", by="services")
        assert es.histogram(q, "1d", by="source_kind") == lite.histogram(q, "1d", by="source_kind")
    key = lambda c: (c.field, c.value, c.start, c.kind)  # noqa: E731
    for q in (Query(), Query(kinds=("reports", "social"))):
        assert sorted(es.tag_histogram(q, "1h"), key=key) == sorted(lite.tag_histogram(q, "1h"), key=key)


def test_scan_and_stats_are_the_same(both):
    lite, es = both
    assert [s.to_dict() for s in es.scan(Query(), batch_size=37)] == [s.to_dict() for s in lite.scan(Query())]
    a, b = es.stats(), lite.stats()
    assert (a.total, a.by_kind, a.by_source, a.by_service, a.first_published, a.last_published) == \
           (b.total, b.by_kind, b.by_source, b.by_service, b.first_published, b.last_published)


def test_odd_raw_records_are_kept_the_same_way(elasticsearch_node, tmp_path):
    odd = make_signal("raw record with numeric keys", native_id="odd-raw", raw={1: "one", "list": [1.5, None, True]})
    plain = make_signal("raw record that is a string", native_id="str-raw", raw="<item>as served</item>")
    lite = SQLiteStore(tmp_path / "raw.db")
    es = ElasticsearchStore(elasticsearch_node.url, prefix=unique_prefix("raw"), spool_dir=tmp_path / "spool")
    try:
        lite.upsert([odd, plain])
        es.upsert([odd, plain])
        for signal in (odd, plain):
            assert es.get(signal.id).to_dict() == lite.get(signal.id).to_dict()
        assert es.upsert([odd, plain]).unchanged == lite.upsert([odd, plain]).unchanged == 2
    finally:
        es.drop()
        es.close()
        lite.close()
