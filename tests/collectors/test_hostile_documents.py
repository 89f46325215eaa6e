"""One bad item in a fetched document is one counted rejection: the document's good
items are stored; a huge document is read in linear time into a bounded number of
bounded Signals."""

from __future__ import annotations

import orjson
import pytest

from outagewatch.collectors import load_sources
from outagewatch.collectors.base import MAX_ITEMS, MAX_NAMES
from outagewatch.collectors.run import RunSettings, build_scheduler
from outagewatch.search.query import Query
from tests.collectors.test_reports_and_replay import PAGE, child, report_run  # noqa: F401 - the fixture

JSON = {"Content-Type": "application/json"}


def _run(db, sources):
    scheduler, _ = build_scheduler(db, load_sources(sources), RunSettings(retries=0, timeout=5), jitter=False)
    scheduler.run_round()
    scheduler.close()
    return scheduler.health


def _update(n, when="2021-01-01T00:00:00Z", **extra):
    return {"id": f"u{n}", "body": f"update {n}", "status": "investigating", "created_at": when, **extra}


@pytest.mark.parametrize("bad_time", [1e20, "0001-01-01T00:00:00+01:00", "9999-12-31T23:59:00-05:00", [1], {"a": 1}])
def test_a_statuspage_update_with_a_bad_time_costs_only_itself(server, db, bad_time):
    doc = {"incidents": [{"id": "i1", "name": "Errors", "incident_updates": [
        _update(1), _update(2, when=bad_time), _update(3, when="2021-01-01T01:00:00Z")]}]}
    server.route("/api/v2/incidents.json", body=orjson.dumps(doc), headers=JSON)
    health = _run(db, [{"name": "sp", "kind": "statuspage", "url": f"{server.base}/api/v2/incidents.json"}])
    assert (health["sp"].errors, health["sp"].new, health["sp"].rejected) == (0, 2, 1), health["sp"].line
    assert db.count(Query()) == 2


def test_an_aws_event_with_an_out_of_range_timestamp_costs_only_itself(server, db):
    events = [{"service": "ec2-us-east-1", "summary": "Increased API error rates", "date": "1606311000",
               "event_log": [{"summary": "[RESOLVED] ok", "message": "fine", "timestamp": 1606311000},
                             {"summary": "x", "message": "far future", "timestamp": 1e20},
                             {"summary": "y", "message": "ancient", "timestamp": -1e15}]}]
    server.route("/events.json", body=orjson.dumps(events), headers=JSON)
    health = _run(db, [{"name": "aws", "kind": "aws-health-json", "url": f"{server.base}/events.json"}])
    assert (health["aws"].errors, health["aws"].new, health["aws"].rejected) == (0, 1, 2), health["aws"].line


def test_a_report_count_out_of_range_costs_only_its_point(db, child, server):  # noqa: F811 - the fixture
    huge = PAGE.replace(b"y: 41 }", b"y: 100000000000000000000 }")
    server.route("/status/roku/", body=huge, headers={"Content-Type": "text/html"})
    server.route("/status/flickr/", body=PAGE.replace(b"Roku", b"Flickr"), headers={"Content-Type": "text/html"})
    health = report_run(db, child, server, ["roku", "flickr"])
    assert health.errors == 0, health.line
    assert health.rejected == 1, health.line
    counts = sorted(s.report_count for s in db.scan(Query()) if s.report_count is not None)
    assert counts == [3, 3, 41, 388, 388]


def test_a_million_components_become_a_bounded_signal(server, db):
    update = _update(1, affected_components=[{"name": f"component {i}"} for i in range(200_000)])
    doc = {"incidents": [{"id": "i1", "name": "Everything", "components": [{"name": "api"}] * 1000,
                          "incident_updates": [update]}]}
    body = orjson.dumps(doc)
    server.route("/api/v2/incidents.json", body=body, headers=JSON)
    health = _run(db, [{"name": "sp", "kind": "statuspage", "url": f"{server.base}/api/v2/incidents.json",
                        "max_bytes": 20_000_000}])
    assert health["sp"].new == 1, health["sp"].line
    (signal,) = db.scan(Query())
    assert len(signal.raw["components"]) == MAX_NAMES
    assert signal.raw["components"][:2] == ["api", "component 0"]
    assert len(orjson.dumps(signal.raw)) < 5000  # not the 3.6 MB document again in every Signal


def test_a_document_gives_at_most_max_items_signals(server, db):
    doc = {"incidents": [{"id": f"i{n}", "name": "x", "incident_updates": [_update(n)]} for n in range(MAX_ITEMS + 50)]}
    server.route("/api/v2/incidents.json", body=orjson.dumps(doc), headers=JSON)
    health = _run(db, [{"name": "sp", "kind": "statuspage", "url": f"{server.base}/api/v2/incidents.json"}])
    assert health["sp"].new == MAX_ITEMS and health["sp"].errors == 0, health["sp"].line
    assert health["sp"].rejected == 1 and "the rest skipped" in health["sp"].rejections[0]
