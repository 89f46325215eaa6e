"""An analyst searches chatter: words, filters, facets, highlights, pages, time series."""

from __future__ import annotations

import pytest

from tests.api import scenario


def test_search_finds_the_words_with_highlighted_fragments_and_facets(client):
    response = client.get("/api/signals", params={"q": "kinesis"})
    assert response.status_code == 200
    body = response.json()
    assert body["total"] == 2 and body["total_relation"] == "eq"  # the AWS status post and the news story
    assert {hit["source_kind"] for hit in body["hits"]} == {"status", "news"}
    status = next(hit for hit in body["hits"] if hit["source_kind"] == "status")
    assert any("<mark>Kinesis</mark>" in fragment for fragment in status["highlights"])
    assert body["facets"]["source_kind"] == {"news": 1, "status": 1}
    assert body["facets"]["regions"] == {"aws:us-east-1": 2}


def test_filters_narrow_results_and_facets_follow(client):
    everything = client.get("/api/signals").json()
    roku = client.get("/api/signals", params={"service": "roku"}).json()
    roku_reports = client.get("/api/signals", params={"service": "roku", "kind": "reports"}).json()
    assert everything["total"] > roku["total"] > roku_reports["total"] > 0
    assert all(hit["source_kind"] == "reports" for hit in roku_reports["hits"])
    assert roku["facets"]["services"]["roku"] == roku["total"]
    either = client.get("/api/signals", params=[("service", "flickr"), ("service", "adobe")]).json()
    flickr = client.get("/api/signals", params={"service": "flickr"}).json()
    assert either["total"] > flickr["total"]


def test_time_range_filters_by_published_time(client):
    early = client.get("/api/signals", params={"since": "2020-11-25T13:00Z", "until": "2020-11-25T13:30Z"}).json()
    assert early["total"] > 0
    assert all("2020-11-25T13:" in hit["published_at"] for hit in early["hits"])


def test_pages_follow_the_cursor_without_gaps_or_repeats(client):
    seen, cursor = [], None
    total = client.get("/api/signals", params={"service": "roku", "limit": 0}).json()["total"]
    while True:
        params = {"service": "roku", "limit": 7, "sort": "oldest", "facets": ""}
        if cursor:
            params["cursor"] = cursor
        body = client.get("/api/signals", params=params).json()
        seen += [hit["id"] for hit in body["hits"]]
        cursor = body["next_cursor"]
        if not cursor:
            break
    assert len(seen) == len(set(seen)) == total
    assert body["facets"] == {}


def test_one_signal_by_id_and_an_unknown_id(client):
    first = client.get("/api/signals", params={"q": "kinesis", "kind": "status"}).json()["hits"][0]
    response = client.get(f"/api/signals/{first['id']}")
    assert response.status_code == 200
    assert response.json()["status"] == "investigating"
    missing = client.get("/api/signals/nope")
    assert missing.status_code == 404
    assert "no signal" in missing.json()["error"]


def test_time_series_counts_per_bucket_split_by_source_kind(client):
    body = client.get("/api/timeseries", params={"interval": "1h", "by": "source_kind",
                                                 "since": "2020-11-25T13:00Z", "until": "2020-11-25T18:00Z"}).json()
    assert body["interval"] == "1h" and body["by"] == "source_kind"
    keys = {bucket["key"] for bucket in body["buckets"]}
    assert keys == {"social", "reports", "status", "news"}
    reports = [b for b in body["buckets"] if b["key"] == "reports"]
    assert sum(b["reports"] for b in reports) > 0
    whole = client.get("/api/timeseries", params={"interval": "1d"}).json()["buckets"]
    assert sum(b["count"] for b in whole) == client.get("/api/signals", params={"limit": 0}).json()["total"]
    assert all(b["key"] is None for b in whole)


@pytest.mark.parametrize("path, params, names", [
    ("/api/signals", {"limit": "-1"}, "limit"),
    ("/api/signals", {"limit": "5000"}, "limit"),
    ("/api/signals", {"limit": "many"}, "limit"),
    ("/api/signals", {"sort": "random"}, "sort"),
    ("/api/signals", {"kind": "gossip"}, "kind"),
    ("/api/signals", {"since": "yesterday-ish"}, "since"),
    ("/api/signals", {"until": "13:00 on a tuesday maybe"}, "until"),
    ("/api/signals", {"since": "2020-11-26T00:00Z", "until": "2020-11-25T00:00Z"}, "since"),
    ("/api/signals", {"cursor": "not-a-cursor"}, "cursor"),
    ("/api/signals", {"facets": "services,password"}, "facets"),
    ("/api/signals", {"facet_size": "0"}, "facet_size"),
    ("/api/signals", {"q": "x" * 1001}, "q"),
    ("/api/timeseries", {"interval": "7m"}, "interval"),
    ("/api/timeseries", {"interval": "soon"}, "interval"),
    ("/api/timeseries", {"by": "raw"}, "by"),
    ("/api/timeseries", {"size": "1000"}, "size"),
])
def test_bad_parameters_are_a_400_naming_the_parameter(client, path, params, names):
    response = client.get(path, params=params)
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert names in error, error
    assert "Traceback" not in error


def test_a_cursor_from_another_sort_order_is_a_400(client):
    cursor = client.get("/api/signals", params={"q": "roku", "limit": 2}).json()["next_cursor"]
    assert cursor
    response = client.get("/api/signals", params={"sort": "oldest", "cursor": cursor})
    assert response.status_code == 400
    assert "cursor" in response.json()["error"]


def test_odd_search_syntax_never_breaks_the_engine(client):
    for text in ['"unterminated', "OR OR", "-", "a:b (c", "*", "NEAR(", "\x00"]:
        response = client.get("/api/signals", params={"q": text})
        assert response.status_code == 200, (text, response.text)


def test_scenario_is_what_the_tests_think_it_is():
    # Guards the numbers above: if the scenario changes, these tests must be revisited.
    assert len([s for s in scenario.outage_signals() if s.source_kind == "status"]) == 1
