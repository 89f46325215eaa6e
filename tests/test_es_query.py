"""The Elasticsearch query compiler and document mapping, checked without a node.

What the engine is asked is plain data built from the parsed query; these tests pin
that data (and the document shape) so a change in matching or sorting shows up here,
before any cluster is involved. The node-backed contract and parity suites check that
the engine then answers like SQLite.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from outagewatch.search import es_mapping as m
from outagewatch.search.es_query import (
    MARK_CLOSE,
    MARK_OPEN,
    TITLE_BOOST,
    compile_query,
    highlight_clause,
    highlight_fragment,
    sort_clause,
)
from outagewatch.search.fields import SIGNAL_FIELDS, fingerprint
from outagewatch.search.query import Query
from outagewatch.timeutil import to_millis
from tests.signals_factory import T0, make_signal


def test_no_text_and_no_filter_matches_everything():
    assert compile_query(Query()) == {"match_all": {}}


def test_filters_are_a_time_range_and_terms_per_field():
    query = Query(services=("roku", "flickr"), kinds=("social",), sources=("x:1",), regions=("aws:us-east-1",),
                  providers=("aws",), since=T0, until=T0 + timedelta(hours=1))
    body = compile_query(query)["bool"]
    assert set(body) == {"filter"}
    filters = body["filter"]
    assert {"range": {"@timestamp": {"gte": to_millis(T0), "lt": to_millis(T0 + timedelta(hours=1))}}} in filters
    assert {"terms": {"outagewatch.services": ["roku", "flickr"]}} in filters
    assert {"terms": {"outagewatch.source_kind": ["social"]}} in filters
    assert {"terms": {"event.provider": ["x:1"]}} in filters
    assert {"terms": {"outagewatch.regions": ["aws:us-east-1"]}} in filters
    assert {"terms": {"outagewatch.providers": ["aws"]}} in filters
    assert len(filters) == 6
    assert compile_query(Query(since=T0))["bool"]["filter"] == [{"range": {"@timestamp": {"gte": to_millis(T0)}}}]


def _on_both(clause_of):
    """The per-field clauses of a word, phrase or prefix searched in title and text."""
    should = clause_of["bool"]["should"]
    assert clause_of["bool"]["minimum_should_match"] == 1
    return {next(iter(next(iter(c.values())))): c for c in should}


def test_a_word_is_a_term_on_the_pre_split_words_title_counting_double():
    (must,) = compile_query(Query(text="ROKU"))["bool"]["must"]
    fields = _on_both(must)
    assert fields[m.WORDS_TITLE] == {"term": {m.WORDS_TITLE: {"value": "roku", "boost": TITLE_BOOST}}}
    assert fields[m.WORDS_MESSAGE] == {"term": {m.WORDS_MESSAGE: {"value": "roku", "boost": 1.0}}}


def test_phrases_prefixes_or_groups_and_exclusions():
    body = compile_query(Query(text='"error rates" kines* roku OR flickr -resolved'))["bool"]
    phrase, prefix, either = body["must"]
    assert _on_both(phrase)[m.WORDS_MESSAGE] == {"match_phrase": {m.WORDS_MESSAGE: {"query": "error rates", "boost": 1.0}}}
    assert _on_both(prefix)[m.WORDS_TITLE] == {"prefix": {m.WORDS_TITLE: {"value": "kines", "boost": TITLE_BOOST}}}
    assert either["bool"]["minimum_should_match"] == 1 and len(either["bool"]["should"]) == 2
    (excluded,) = body["must_not"]
    assert _on_both(excluded)[m.WORDS_MESSAGE]["term"][m.WORDS_MESSAGE]["value"] == "resolved"


def test_a_bare_word_with_punctuation_is_a_phrase_and_cjk_is_split_per_character():
    (must,) = compile_query(Query(text="us-east-1"))["bool"]["must"]
    assert _on_both(must)[m.WORDS_MESSAGE]["match_phrase"][m.WORDS_MESSAGE]["query"] == "us east 1"
    (must,) = compile_query(Query(text="障害"))["bool"]["must"]
    assert _on_both(must)[m.WORDS_MESSAGE]["match_phrase"][m.WORDS_MESSAGE]["query"] == "障 害"


@pytest.mark.parametrize("text", ['title:roku', "roku'; DROP", "(roku", "NEAR(a b)", "*", "\\"])
def test_user_text_never_reaches_a_query_parser(text):
    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                assert key not in ("query_string", "simple_query_string"), node
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(compile_query(Query(text=text)))


def test_sort_is_score_then_newest_then_id_only_when_there_are_words():
    assert sort_clause(Query(text="roku")) == [{"_score": "desc"}, {"@timestamp": "desc"}, {"event.id": "desc"}]
    assert sort_clause(Query(text="-roku")) == [{"@timestamp": "desc"}, {"event.id": "desc"}]
    assert sort_clause(Query()) == [{"@timestamp": "desc"}, {"event.id": "desc"}]
    assert sort_clause(Query(text="roku", sort="oldest")) == [{"@timestamp": "asc"}, {"event.id": "asc"}]


def test_highlighting_asks_for_the_original_fields_with_private_markers():
    assert highlight_clause(Query()) is None
    assert highlight_clause(Query(text="-roku")) is None
    assert highlight_clause(Query(text="roku", highlight=False)) is None
    clause = highlight_clause(Query(text="roku"))
    assert set(clause["fields"]) == {m.TITLE, m.MESSAGE}
    assert clause["pre_tags"] == [MARK_OPEN] and clause["post_tags"] == [MARK_CLOSE]


def test_a_fragment_is_escaped_before_the_markers_become_mark_tags():
    fragment = f'<script>x</script> {MARK_OPEN}Roku{MARK_CLOSE} & "co"'
    assert highlight_fragment(fragment) == "&lt;script&gt;x&lt;/script&gt; <mark>Roku</mark> &amp; &quot;co&quot;"


# -- the document mapping ----------------------------------------------------------------

def _rich_signal(**overrides):
    fields = dict(title="Increased Error Rates", author="AWS", url="https://status.example/1", lang="en",
                  status="investigating", source_kind="status", source="aws-health:kinesis",
                  services=["aws/kinesis"], providers=["aws"], regions=["aws:us-east-1"], symptoms=["errors"],
                  raw={"guid": "abc", "nested": [1, "two"]}, report_count=3)
    fields.update(overrides)
    return make_signal("Kinesis errors in us-east-1 障害", native_id="rich", **fields)


def test_a_signal_becomes_a_document_and_comes_back_equal():
    signal = _rich_signal()
    doc = m.signal_to_doc(signal, "f" * 32, 1234)
    assert doc["@timestamp"] == to_millis(signal.published_at)
    assert doc["event"] == {"id": signal.id, "provider": "aws-health:kinesis", "ingested": 1234,
                            "created": to_millis(signal.collected_at), "dataset": "outagewatch.signals",
                            "module": "outagewatch", "kind": "event"}
    assert doc["ecs"] == {"version": m.ECS_VERSION}
    # mentioned services, providers and regions are ours, not ECS service.* / cloud.* (the emitter)
    assert "service" not in doc and "cloud" not in doc
    assert (doc["outagewatch"]["services"], doc["outagewatch"]["providers"], doc["outagewatch"]["regions"]) == (
        ["aws/kinesis"], ["aws"], ["aws:us-east-1"])
    assert doc["outagewatch"]["raw"] == {"value": {"guid": "abc", "nested": [1, "two"]}}
    assert doc["outagewatch"]["words"] == {"title": "increased error rates", "message": "kinesis errors in us east 1 障 害"}
    assert m.doc_fingerprint(doc) == "f" * 32
    assert m.doc_to_signal(doc).to_dict() == signal.to_dict()


def test_missing_values_are_left_out_not_stored_as_null():
    signal = make_signal("", native_id="bare")
    doc = m.signal_to_doc(signal, "0" * 32, 1)

    def nulls(node, path=""):
        if isinstance(node, dict):
            for key, value in node.items():
                yield from nulls(value, f"{path}.{key}")
        elif node is None or node == []:
            yield path

    assert list(nulls(doc)) == []
    assert "service" not in doc and "cloud" not in doc and "user" not in doc
    assert doc["message"] == ""
    assert m.doc_to_signal(doc).to_dict() == signal.to_dict()


def test_raw_records_are_kept_as_the_sqlite_store_keeps_them():
    numeric = m.signal_to_doc(_rich_signal(raw={1: "one"}), "0" * 32, 1)
    assert numeric["outagewatch"]["raw"] == {"value": {"1": "one"}}
    text = m.signal_to_doc(_rich_signal(raw="<item/>"), "0" * 32, 1)
    assert m.doc_to_signal(text).raw == "<item/>"


def test_the_mapping_has_every_signal_field_and_refuses_others():
    mapping = m.signal_mappings()
    assert mapping["dynamic"] == "strict"
    assert set(mapping["_source"]["excludes"]) == {m.WORDS_TITLE, m.WORDS_MESSAGE}
    for field in SIGNAL_FIELDS:
        node = mapping["properties"]
        *parents, leaf = field.es.split(".")
        for part in parents:
            node = node[part]["properties"]
        assert "type" in node[leaf], field.name
    for name, es_field in m.FIELD_OF.items():
        assert es_field in m.SIGNAL_FIELDS, name
        assert m.SIGNAL_FIELDS[es_field]["type"] == "keyword", name


def test_the_fingerprint_ignores_when_a_signal_was_collected_and_nothing_else():
    signal = _rich_signal()
    again = _rich_signal(collected_at=signal.collected_at + timedelta(hours=1))
    assert fingerprint(again) == fingerprint(signal)
    assert fingerprint(_rich_signal(report_count=4)) != fingerprint(signal)
    assert fingerprint(_rich_signal(regions=[])) != fingerprint(signal)
    with pytest.raises(ValueError, match="raw"):
        fingerprint(_rich_signal(raw={"when": object()}))
