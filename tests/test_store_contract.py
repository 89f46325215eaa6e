"""The Store contract: every backend must pass every test here, unchanged.

Each test gets a fresh, empty store of each backend (see ``store`` in conftest.py).
Differences between backends are bugs in a backend, never reasons to skip.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from outagewatch.search.query import Query
from outagewatch.signal import Signal
from tests.signals_factory import T0, make_signal


def ids(result) -> list[str]:
    return [hit.signal.id for hit in result.hits]


def all_pages(store, query: Query) -> list[str]:
    seen: list[str] = []
    for _ in range(1000):
        result = store.search(query)
        seen += ids(result)
        if not result.next_cursor:
            return seen
        query = query.with_cursor(result.next_cursor)
    raise AssertionError("paging did not end")


@pytest.fixture
def outage_day(store):
    """A small, varied day: the 2020-11-25 AWS event, an unrelated GCP blip, and noise."""
    signals = [
        make_signal("Roku is down, can't stream anything", minutes=0, services=["roku"], providers=["aws"],
                    regions=["aws:us-east-1"], symptoms=["outage"], native_id="roku-1"),
        make_signal("Flickr uploads failing for an hour now", minutes=10, source="x:search:flickr",
                    services=["flickr"], providers=["aws"], regions=["aws:us-east-1"], symptoms=["errors"],
                    native_id="flickr-1"),
        make_signal("We're investigating increased error rates for Kinesis Data Streams APIs in the US-EAST-1 Region.",
                    minutes=96, source="aws-health:kinesis-us-east-1", source_kind="status",
                    title="Increased Error Rates", status="investigating", services=["aws/kinesis"],
                    providers=["aws"], regions=["aws:us-east-1"], native_id="aws-1"),
        make_signal("Roku problems: 1520 reports", minutes=30, source="reports:downdetector/roku",
                    source_kind="reports", report_count=1520, services=["roku"], native_id="dd-roku-1"),
        make_signal("Roku problems: 480 reports", minutes=15, source="reports:downdetector/roku",
                    source_kind="reports", report_count=480, services=["roku"], native_id="dd-roku-2"),
        make_signal("Adobe Spark is down for everyone? AWS outage in us-east-1", minutes=45,
                    source="x:search:aws outage", services=["adobe/spark"], providers=["aws"],
                    regions=["aws:us-east-1"], native_id="adobe-1"),
        make_signal("Google Cloud Compute Engine latency in us-central1", minutes=50, source="news:theverge",
                    source_kind="news", title="GCP hiccup", services=["gcp/compute-engine"], providers=["gcp"],
                    regions=["gcp:us-central1"], url="https://example.test/gcp", native_id="news-1"),
        make_signal("Nice sunset in São Paulo tonight, Müller says hi 東京で障害が発生", minutes=200,
                    source="x:search:tokyo", regions=["geo:BR-SP"], native_id="noise-1"),
        make_signal("Kinesis recovered, all services operating normally", minutes=600,
                    source="aws-health:kinesis-us-east-1", source_kind="status", status="resolved",
                    services=["aws/kinesis"], providers=["aws"], regions=["aws:us-east-1"], native_id="aws-2"),
    ]
    store.upsert(signals)
    return {s.native_id: s for s in signals}


# -- an empty store ----------------------------------------------------------------------

def test_an_empty_store_answers_every_question_with_nothing(store):
    assert store.search(Query(text="roku")).hits == []
    assert store.search(Query()).total == 0
    assert store.count(Query()) == 0
    assert store.facets(Query(), ["services", "regions", "source_kind"]) == {"services": {}, "regions": {}, "source_kind": {}}
    assert store.histogram(Query(), "1h") == []
    assert list(store.scan(Query())) == []
    assert store.stats().total == 0
    assert store.get("nope") is None
    assert store.get_checkpoint("x:@RokuSupport") is None
    assert store.list_incidents() == []


# -- writes ------------------------------------------------------------------------------

def test_upserting_the_same_signals_twice_stores_them_once(store):
    signals = [make_signal(f"Roku down {i}", minutes=i, native_id=f"same-{i}") for i in range(25)]
    first = store.upsert(signals)
    again = store.upsert([make_signal(f"Roku down {i}", minutes=i, native_id=f"same-{i}") for i in range(25)])
    assert (first.new, first.updated, first.unchanged) == (25, 0, 0)
    assert (again.new, again.updated, again.unchanged) == (0, 0, 25)
    assert store.count(Query()) == 25
    assert store.stats().total == 25


def test_a_changed_signal_replaces_the_old_one_and_its_tags(store):
    original = make_signal("Roku down", native_id="edit-me", services=["roku"])
    store.upsert([original])
    edited = make_signal("Flickr down, not Roku", native_id="edit-me", services=["flickr"])
    assert edited.id == original.id
    result = store.upsert([edited])
    assert (result.new, result.updated) == (0, 1)
    assert store.count(Query()) == 1
    assert store.search(Query(services=("roku",))).total == 0
    assert store.search(Query(services=("flickr",))).total == 1
    assert store.search(Query(text="flickr")).total == 1
    assert store.get(original.id).text == "Flickr down, not Roku"


def test_the_last_copy_of_an_id_within_one_batch_wins(store):
    a = make_signal("first wording", native_id="twice")
    b = make_signal("second wording", native_id="twice")
    result = store.upsert([a, b])
    assert result.new == 1 and result.total == 1
    assert store.get(a.id).text == "second wording"


def test_a_signal_comes_back_exactly_as_it_was_stored(store):
    signal = make_signal(
        "Kinesis errors in us-east-1 ✓ 障害", title="Increased Error Rates", author="AWS", url="https://status.example/1",
        lang="en", status="investigating", source_kind="status", source="aws-health:kinesis-us-east-1",
        services=["aws/kinesis", "aws/cognito"], providers=["aws"], regions=["aws:us-east-1"], symptoms=["errors"],
        raw={"guid": "abc", "nested": {"n": 1, "list": [1, "two"]}}, report_count=None,
    )
    store.upsert([signal])
    back = store.get(signal.id)
    assert back.to_dict() == signal.to_dict()


# -- filters -----------------------------------------------------------------------------

def test_each_filter_narrows_to_exactly_the_matching_signals(store, outage_day):
    def found(**kw):
        return {store.get(i).native_id or i for i in all_pages(store, Query(limit=3, **kw))}

    by_id = {s.id: name for name, s in outage_day.items()}

    def names(**kw):
        return {by_id[i] for i in all_pages(store, Query(limit=3, **kw))}

    assert names(services=("roku",)) == {"roku-1", "dd-roku-1", "dd-roku-2"}
    assert names(services=("roku", "flickr")) == {"roku-1", "dd-roku-1", "dd-roku-2", "flickr-1"}
    assert names(providers=("gcp",)) == {"news-1"}
    assert names(regions=("aws:us-east-1",)) == {"roku-1", "flickr-1", "aws-1", "adobe-1", "aws-2"}
    assert names(regions=("geo:BR-SP",)) == {"noise-1"}
    assert names(kinds=("status",)) == {"aws-1", "aws-2"}
    assert names(kinds=("reports", "news")) == {"dd-roku-1", "dd-roku-2", "news-1"}
    assert names(sources=("reports:downdetector/roku",)) == {"dd-roku-1", "dd-roku-2"}
    # AND across fields
    assert names(services=("roku",), kinds=("social",)) == {"roku-1"}
    assert names(providers=("aws",), kinds=("status",), regions=("aws:us-east-1",)) == {"aws-1", "aws-2"}
    assert names(services=("roku",), regions=("gcp:us-central1",)) == set()
    assert names(services=("no-such-service",)) == set()


def test_time_range_includes_since_and_excludes_until(store, outage_day):
    by_id = {s.id: name for name, s in outage_day.items()}

    def names(**kw):
        return {by_id[i] for i in all_pages(store, Query(limit=50, **kw))}

    assert names(since=T0 + timedelta(minutes=10), until=T0 + timedelta(minutes=30)) == {"flickr-1", "dd-roku-2"}
    assert names(since=T0 + timedelta(minutes=600)) == {"aws-2"}
    assert names(until=T0) == set()
    assert names(until=T0 + timedelta(seconds=1)) == {"roku-1"}
    assert names(services=("roku",), since=T0 + timedelta(minutes=1)) == {"dd-roku-1", "dd-roku-2"}


# -- text --------------------------------------------------------------------------------

def _names(store, day, text, **kw):
    by_id = {s.id: name for name, s in day.items()}
    return {by_id[hit.signal.id] for hit in store.search(Query(text=text, limit=100, **kw)).hits}


def test_text_search_words_phrases_or_exclusion_and_prefix(store, outage_day):
    by_id = {s.id: name for name, s in outage_day.items()}

    def names(text, **kw):
        return {by_id[i] for i in all_pages(store, Query(text=text, limit=2, **kw))}

    assert names("roku") == {"roku-1", "dd-roku-1", "dd-roku-2"}
    assert names("ROKU reports") == {"dd-roku-1", "dd-roku-2"}
    assert names('"error rates"') == {"aws-1"}
    assert names('"rates error"') == set()
    assert names("flickr OR adobe") == {"flickr-1", "adobe-1"}
    assert names("roku -reports") == {"roku-1"}
    assert names("-roku", kinds=("reports",)) == set()
    assert names("kines*") == {"aws-1", "aws-2"}
    assert names("us-east-1") == {"aws-1", "adobe-1"}
    assert names("increased", kinds=("status",)) == {"aws-1"}  # title is searched too


@pytest.mark.parametrize("text", [
    '"', '""', '"unterminated phrase', "roku:down", "title:roku", "(roku", "roku)", "AND", "OR", "NOT roku",
    "roku AND", "*", "-", "--", "a OR", "OR b", "roku^2", "{roku}", "[roku]", "roku~", "\\", "/", "'",
    "roku'; DROP TABLE signals; --", "NEAR(roku flickr)", "+roku", "roku && flickr", "!", "?", "@RokuSupport",
    "#outage", "col:", "^", "𝓡𝓸𝓴𝓾", "\x00", "   ",
])
def test_any_user_string_is_a_safe_query(store, outage_day, text):
    result = store.search(Query(text=text, limit=5))
    assert result.total >= 0
    assert store.count(Query(text=text)) == result.total


def test_special_characters_match_the_words_inside_them(store, outage_day):
    # punctuation inside a bare word joins its words into a phrase, as for "us-east-1"
    assert _names(store, outage_day, "roku:is") == {"roku-1"}
    assert _names(store, outage_day, "roku:problems") == {"dd-roku-1", "dd-roku-2"}
    assert _names(store, outage_day, "(roku") == _names(store, outage_day, "roku")
    assert _names(store, outage_day, "@RokuSupport") == set()  # no such word in the texts
    assert _names(store, outage_day, "NOT roku") == set()  # operators other than OR are plain words


def test_non_ascii_text_is_found(store, outage_day):
    assert _names(store, outage_day, "São Paulo") == {"noise-1"}
    assert _names(store, outage_day, "müller") == {"noise-1"}
    assert _names(store, outage_day, "障害") == {"noise-1"}
    assert _names(store, outage_day, "東京") == {"noise-1"}
    assert _names(store, outage_day, "障害が発生") == {"noise-1"}
    assert _names(store, outage_day, "発生障害") == set()  # the characters must stand in that order


def test_highlights_mark_the_matches_and_escape_everything_else(store):
    store.upsert([make_signal('<script>alert("x")</script> Roku is down & out', native_id="xss")])
    hit = store.search(Query(text="roku")).hits[0]
    joined = " ".join(hit.highlights)
    assert "<mark>Roku</mark>" in joined
    assert "<script>" not in joined and "&lt;script&gt;" in joined
    assert "&amp;" in joined


# -- sorting and paging ------------------------------------------------------------------

def test_newest_and_oldest_sorts(store, outage_day):
    newest = [store.get(i).published_at for i in ids(store.search(Query(sort="newest", limit=100)))]
    oldest = [store.get(i).published_at for i in ids(store.search(Query(sort="oldest", limit=100)))]
    assert newest == sorted(newest, reverse=True) and len(newest) == len(outage_day)
    assert oldest == sorted(oldest)


@pytest.mark.parametrize("sort", ["newest", "oldest", "relevance"])
def test_paging_visits_every_match_once_even_with_equal_times(store, sort):
    # 57 signals, many sharing a timestamp, so the tie-breaker matters.
    store.upsert([make_signal(f"outage report number {i}", minutes=i // 5, native_id=f"page-{i}") for i in range(57)])
    for size in (1, 10, 56, 57, 100):
        seen = all_pages(store, Query(text="outage", sort=sort, limit=size))
        assert len(seen) == 57 and len(set(seen)) == 57, (sort, size)
        assert seen == ids(store.search(Query(text="outage", sort=sort, limit=1000)))


def test_a_tampered_cursor_is_a_clear_error(store, outage_day):
    with pytest.raises(ValueError, match="cursor"):
        store.search(Query(cursor="not-a-cursor!!"))


def test_total_counts_all_matches_not_just_the_page(store, outage_day):
    result = store.search(Query(services=("roku",), limit=1))
    assert result.total == 3 and len(result.hits) == 1 and result.next_cursor
    assert result.total_relation == "eq"


def test_a_total_past_ten_thousand_is_a_lower_bound(store):
    # As Elasticsearch's default track_total_hits: counting every match of a common word
    # exactly would cost more than the page. count() and a limit=0 search stay exact.
    store.upsert([make_signal(f"outage chatter {i}", minutes=i % 600, services=["roku"] if i % 2 else [],
                              native_id=f"many-{i}") for i in range(10_050)])
    for query in (Query(text="outage", limit=5), Query(limit=5), Query(kinds=("social",), text="chatter", limit=5)):
        result = store.search(query)
        assert (result.total, result.total_relation) == (10_000, "gte"), query
        assert len(result.hits) == 5 and result.next_cursor
    few = store.search(Query(text="outage", since=T0, until=T0 + timedelta(minutes=10), limit=5))
    assert (few.total, few.total_relation) == (170, "eq")  # minutes 0..9, 17 signals each
    half = store.search(Query(services=("roku",), limit=5))
    assert (half.total, half.total_relation) == (5_025, "eq")
    assert store.count(Query(text="outage")) == 10_050
    assert store.search(Query(text="outage", limit=0)).total == 10_050


def test_relevance_pages_stay_in_order_through_wide_ties(store):
    # Few distinct scores (text length), each shared by many signals and many times.
    store.upsert([make_signal("outage " + "words " * (i % 4), minutes=i % 7, native_id=f"tie-{i}") for i in range(700)])
    everything = ids(store.search(Query(text="outage", limit=1000)))
    assert len(everything) == 700
    scores = [hit.score for hit in store.search(Query(text="outage", limit=1000)).hits]
    assert scores == sorted(scores, reverse=True)
    for size in (7, 60, 333):
        assert all_pages(store, Query(text="outage", limit=size)) == everything, size


# -- aggregations ------------------------------------------------------------------------

def test_facets_count_matching_signals_by_value(store, outage_day):
    everything = store.facets(Query(), ["services", "providers", "regions", "source_kind", "source"])
    assert everything["services"]["roku"] == 3
    assert everything["services"]["aws/kinesis"] == 2
    assert everything["providers"] == {"aws": 5, "gcp": 1}
    assert everything["regions"]["aws:us-east-1"] == 5
    assert everything["source_kind"] == {"social": 4, "status": 2, "reports": 2, "news": 1}
    assert everything["source"]["reports:downdetector/roku"] == 2
    narrowed = store.facets(Query(kinds=("status",)), ["services", "source_kind"])
    assert narrowed == {"services": {"aws/kinesis": 2}, "source_kind": {"status": 2}}
    texty = store.facets(Query(text="roku"), ["source_kind"])
    assert texty == {"source_kind": {"social": 1, "reports": 2}}
    assert list(store.facets(Query(), ["services"], size=1)["services"]) == ["roku"]


def test_histograms_count_signals_and_sum_reports_per_bucket(store, outage_day):
    buckets = store.histogram(Query(services=("roku",)), "15m")
    assert [(b.start, b.count, b.reports) for b in buckets] == [
        (T0, 1, 0), (T0 + timedelta(minutes=15), 1, 480), (T0 + timedelta(minutes=30), 1, 1520)]
    hourly = store.histogram(Query(), "1h")
    assert sum(b.count for b in hourly) == len(outage_day)
    assert hourly[0].start == T0 and hourly[0].count == 6  # minutes 0..50
    by_kind = store.histogram(Query(), "1d", by="source_kind")
    assert {(b.key, b.count) for b in by_kind} == {("social", 4), ("status", 2), ("reports", 2), ("news", 1)}
    by_service = store.histogram(Query(providers=("aws",)), "1h", by="services")
    first_hour = {b.key: b.count for b in by_service if b.start == T0}
    assert first_hour == {"roku": 1, "flickr": 1, "adobe/spark": 1}
    # the split's values given: only those, and a value no Signal has adds no bucket
    chosen = store.histogram(Query(), "1d", by="source_kind", keys=["status", "news", "nonexistent"])
    assert {(b.key, b.count) for b in chosen} == {("status", 2), ("news", 1)}
    every_kind = store.histogram(Query(providers=("aws",)), "15m", by="source_kind",
                                 keys=["social", "status", "reports", "news"])
    assert every_kind == store.histogram(Query(providers=("aws",)), "15m", by="source_kind")
    with pytest.raises(ValueError):
        store.histogram(Query(), "7m")


def test_scan_returns_every_match_oldest_first_across_batches(store):
    store.upsert([make_signal(f"scan {i}", minutes=(i * 7) % 31, native_id=f"scan-{i}") for i in range(123)])
    scanned = list(store.scan(Query(), batch_size=10))
    assert len(scanned) == 123 and len({s.id for s in scanned}) == 123
    times = [s.published_at for s in scanned]
    assert times == sorted(times)
    assert len(list(store.scan(Query(text="scan", since=T0 + timedelta(minutes=30)), batch_size=7))) == 4


# -- checkpoints and incidents -----------------------------------------------------------

def test_checkpoints_are_kept_per_source_and_overwritten(store):
    store.set_checkpoint("x:@RokuSupport", {"since_id": "1332"})
    store.set_checkpoint("statuspage:status.flickr.net", {"etag": 'W/"abc"', "seen": ["a", "b"]})
    store.set_checkpoint("x:@RokuSupport", {"since_id": "1400"})
    assert store.get_checkpoint("x:@RokuSupport") == {"since_id": "1400"}
    assert store.checkpoints() == {"x:@RokuSupport": {"since_id": "1400"},
                                   "statuspage:status.flickr.net": {"etag": 'W/"abc"', "seen": ["a", "b"]}}
    store.set_checkpoint("news:ünïcode", {"last": "ok"})
    assert store.get_checkpoint("news:ünïcode") == {"last": "ok"}


def test_incidents_are_stored_listed_by_time_and_deleted(store):
    a = {"id": "inc-a", "title": "AWS us-east-1", "started_at": "2020-11-25T13:15:00Z",
         "detected_at": "2020-11-25T13:30:00Z", "ended_at": "2020-11-26T06:23:00Z", "services": ["roku"]}
    b = {"id": "inc-b", "title": "GCP blip", "started_at": "2020-11-27T10:00:00Z",
         "detected_at": "2020-11-27T10:15:00Z", "ended_at": None}
    store.upsert_incidents([a, b])
    assert store.get_incident("inc-a") == a
    assert [i["id"] for i in store.list_incidents()] == ["inc-a", "inc-b"]
    assert [i["id"] for i in store.list_incidents(since=T0 + timedelta(days=1))] == ["inc-b"]
    assert [i["id"] for i in store.list_incidents(until=T0 + timedelta(days=1))] == ["inc-a"]
    store.upsert_incidents([{**a, "title": "AWS us-east-1 (Kinesis)"}])
    assert store.get_incident("inc-a")["title"] == "AWS us-east-1 (Kinesis)"
    store.delete_incidents(["inc-a"])
    assert store.get_incident("inc-a") is None


def test_an_incident_keeps_the_history_of_its_cause(store):
    """Every store keeps the cause's history in the incident record: when the provider alone was
    named, and when an official post refined it to a region and a service."""
    from outagewatch.incidents import Incident

    history = [{"at": "2025-06-12T18:00:00Z", "provider": "gcp", "region": None, "service": None, "confidence": 0.84},
               {"at": "2025-06-12T18:46:00Z", "provider": "gcp", "region": "gcp:us-central1",
                "service": "gcp/vertex-ai", "confidence": 0.98}]
    incident = Incident(id="inc-gcp", title="GCP", status="closed", started_at=T0, detected_at=T0,
                        common_cause={"provider": "gcp", "region": "gcp:us-central1", "service": "gcp/vertex-ai",
                                      "confidence": 0.98},
                        common_cause_named_at=T0 + timedelta(minutes=46), cause_history=history)
    store.upsert_incidents([incident.record()])
    back = Incident.from_dict(store.get_incident("inc-gcp"))
    assert back.cause_history == history
    assert back.to_dict()["cause_history"] == history
    assert Incident.from_dict({"id": "old", "started_at": "2020-11-25T13:15:00Z"}).cause_history == []


def test_analyst_feedback_outlives_incident_recomputation(store):
    store.upsert_incidents([{"id": "inc-a", "started_at": "2020-11-25T13:15:00Z"}])
    store.set_feedback("inc-a", "dismissed", "a test alert")
    store.delete_incidents(["inc-a"])
    store.upsert_incidents([{"id": "inc-a", "started_at": "2020-11-25T13:15:00Z"}])
    assert store.feedback()["inc-a"]["verdict"] == "dismissed"
    store.set_feedback("inc-a", "confirmed")
    assert store.feedback()["inc-a"]["verdict"] == "confirmed"
    with pytest.raises(ValueError):
        store.set_feedback("inc-a", "maybe")


def test_stats_describe_the_store(store, outage_day):
    st = store.stats()
    assert st.total == len(outage_day)
    assert st.by_kind == {"social": 4, "status": 2, "reports": 2, "news": 1}
    assert st.by_service["roku"] == 3
    assert st.first_published == T0 and st.last_published == T0 + timedelta(minutes=600)
