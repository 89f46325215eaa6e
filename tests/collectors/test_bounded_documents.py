"""The JSON status documents are read item by item with capped lists and items, through
a real server on 127.0.0.1 and the real scheduler: what used to be read whole (a UTF-16
body, a number beyond 64 bits, "incident" after "incidents") reads the same, an item too
large to build is one rejection, and a feed's body has its own, lower cap."""

from __future__ import annotations

import json

import orjson
import pytest

from outagewatch.collectors.base import FetchResult, SourceConfig
from outagewatch.collectors.feeds import FEED_MAX_BYTES
from outagewatch.collectors.jsondoc import DEFAULT_LIST_CAP, MAX_DEPTH, MAX_NODES, JSONDocument
from outagewatch.collectors.statusapi import AWSHealthJSONCollector, StatuspageCollector
from outagewatch.search.query import Query
from tests.collectors.localhttp import start_http
from tests.collectors.test_hostile_documents import JSON, _run, _update
from tests.collectors.test_failures import GOOD_FEED


def _incident(n, updates=1, **extra):
    return {"id": f"i{n}", "name": f"Incident {n}", "incident_updates": [_update(f"{n}-{k}") for k in range(updates)],
            **extra}


def test_an_incident_too_large_to_build_is_one_rejection_and_the_others_are_stored(server, db):
    huge = _incident(2, junk=[list(range(1000))] * (MAX_NODES // 1000 + 1))  # lists are capped, their sum is not
    doc = {"incidents": [_incident(1), huge, _incident(3)]}
    server.route("/api/v2/incidents.json", body=orjson.dumps(doc), headers=JSON)
    health = _run(db, [{"name": "sp", "kind": "statuspage", "url": f"{server.base}/api/v2/incidents.json"}])["sp"]
    assert (health.errors, health.new, health.rejected) == (0, 2, 1), health.line
    assert health.rejections == [f"incident i2: more than {MAX_NODES} JSON values in one item: skipped"]
    assert sorted(s.raw["incident"] for s in db.scan(Query())) == ["i1", "i3"]


def test_a_number_beyond_64_bits_costs_only_its_own_update(server, db):
    huge = 123456789012345678901234567890  # yajl refuses it; the document must not fail for it
    doc = {"incidents": [{"id": "i1", "name": "x", "incident_updates": [_update(1), _update(2, when=huge)]}]}
    server.route("/api/v2/incidents.json", body=json.dumps(doc).encode(), headers=JSON)
    health = _run(db, [{"name": "sp", "kind": "statuspage", "url": f"{server.base}/api/v2/incidents.json"}])["sp"]
    assert (health.errors, health.new, health.rejected) == (0, 1, 1), health.line


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-8-sig"])
def test_aws_events_in_utf16_or_with_a_bom_read_as_before(server, db, encoding):
    events = [{"service": "ec2-us-east-1", "summary": "Erhöhte Fehlerraten", "date": "1606311000",
               "event_log": [{"summary": "Investigating", "message": "Fehler – 東京", "timestamp": 1606311000}]}]
    server.route("/events.json", body=orjson.dumps(events).decode().encode(encoding), headers=JSON)
    health = _run(db, [{"name": "aws", "kind": "aws-health-json", "url": f"{server.base}/events.json"}])["aws"]
    assert (health.errors, health.new) == (0, 1), health.line
    (signal,) = db.scan(Query())
    assert signal.text == "Fehler – 東京" and signal.title == "Erhöhte Fehlerraten"


@pytest.mark.parametrize("order", ["incident first", "incident last"])
def test_one_incidents_own_json_wins_over_a_list_in_either_order(order):
    single, listed = ("incident", _incident(1)), ("incidents", [_incident(2), _incident(3)])
    doc = dict([single, listed] if order == "incident first" else [listed, single])
    collector = StatuspageCollector(SourceConfig(name="sp", kind="statuspage", url="http://127.0.0.1:9/api/v2/incidents.json"))
    result = FetchResult()
    collector.parse(orjson.dumps(doc), _now(), result)
    assert [s.native_id for s in result.signals] == ["i1/u1-0"]


def test_malformed_json_after_the_item_cap_still_fails_the_document(server, db):
    body = orjson.dumps({"incidents": [_incident(n) for n in range(5100)]})[:-2]  # cut inside the last object
    server.route("/api/v2/incidents.json", body=body, headers=JSON)
    health = _run(db, [{"name": "sp", "kind": "statuspage", "url": f"{server.base}/api/v2/incidents.json"}])["sp"]
    assert health.errors == 1 and health.last_error.startswith("bad-response: malformed JSON"), health.line
    assert db.count(Query()) == 0


@pytest.mark.parametrize("depth, ok", [(MAX_DEPTH, True), (MAX_DEPTH + 1, False)])
def test_nesting_is_limited_where_orjson_limited_it(depth, ok):
    body = b'{"events": [' + b"[" * (depth - 2) + b"]" * (depth - 2) + b"]}"
    collector = AWSHealthJSONCollector(SourceConfig(name="a", kind="aws-health-json", url="http://127.0.0.1:9/e.json"))
    if ok:
        result = FetchResult()
        collector.parse(body, _now(), result)
        assert result.rejections == ["event is not an object"]
    else:
        with pytest.raises(Exception, match="nested deeper than 1024"):
            collector.parse(body, _now(), FetchResult())


def test_a_list_keeps_its_cap_and_the_document_reads_on():
    doc = JSONDocument(orjson.dumps({"a": list(range(50_000)), "b": {"c": list(range(50_000))}, "d": 1}))
    event, value = doc.next()
    built = doc.build(event, value, {"c": 7})
    doc.finish()
    assert len(built["a"]) == DEFAULT_LIST_CAP and built["b"]["c"] == list(range(7)) and built["d"] == 1


def test_a_feed_over_its_own_body_cap_is_refused_unless_the_source_allows_more(db):
    item = b"<item><title>Padding entry</title><guid>p%d</guid><description>" + b"x" * 2000 + b"</description></item>"
    entries = b"".join(item.replace(b"%d", str(n).encode()) for n in range(FEED_MAX_BYTES // 2000 + 10))
    big = GOOD_FEED.replace(b"</channel>", entries + b"</channel>")
    assert FEED_MAX_BYTES < len(big) < 2 * FEED_MAX_BYTES

    def respond(request):
        request.send_response(200)
        request.send_header("Content-Type", "application/rss+xml")
        request.send_header("Content-Length", str(len(big)))
        request.end_headers()
        try:
            request.wfile.write(big)
        except OSError:  # the client hung up at its cap: the expected end
            request.close_connection = True

    httpd = start_http(respond)
    url = f"http://127.0.0.1:{httpd.server_address[1]}/big.rss"
    try:
        health = _run(db, [{"name": "default", "kind": "rss", "url": url},
                           {"name": "allowed", "kind": "rss", "url": url, "max_bytes": 2 * FEED_MAX_BYTES}])
    finally:
        httpd.shutdown()
    assert health["default"].errors == 1 and "body too large" in health["default"].last_error
    assert health["allowed"].errors == 0 and health["allowed"].new > 2000, health["allowed"].line


def _now():
    from datetime import datetime, timezone

    return datetime(2021, 1, 1, tzinfo=timezone.utc)
