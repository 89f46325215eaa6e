"""Feeding signals over HTTP: JSON Lines or a JSON array, bad lines reported, the rest kept."""

from __future__ import annotations

import orjson

from outagewatch import metrics
from tests.api.conftest import TOKEN

GOOD = {"source_kind": "social", "source": "x:search:slack", "published_at": "2021-01-04T15:00Z",
        "text": "Slack messages not sending", "services": ["slack"], "native_id": "1"}


def _lines(*items) -> bytes:
    return b"".join((item if isinstance(item, bytes) else orjson.dumps(item)) + b"\n" for item in items)


def _ndjson(auth):
    return {**auth, "Content-Type": "application/x-ndjson"}


def test_ingest_needs_the_token(client, token_client):
    assert client.post("/api/signals?tag=false", content=_lines(GOOD)).status_code == 403
    assert token_client.post("/api/signals?tag=false", content=_lines(GOOD)).status_code == 401
    assert token_client.get("/api/signals", params={"service": "slack"}).json()["total"] == 0


def test_json_lines_are_stored_and_bad_lines_reported(token_client, auth):
    before = metrics.INGESTED.labels(outcome="rejected")._value.get()
    body = _lines(GOOD, {**GOOD, "native_id": "2", "text": "Slack down for everyone"}, b"{not json",
                  {**GOOD, "native_id": "3", "source_kind": "carrier-pigeon"})
    response = token_client.post("/api/signals?tag=false", content=body, headers=_ndjson(auth))
    assert response.status_code == 200
    report = response.json()
    assert (report["new"], report["rejected"]) == (2, 2)
    assert [r["line"] for r in report["rejections"]] == [3, 4]
    assert token_client.get("/api/signals", params={"service": "slack"}).json()["total"] == 2
    assert metrics.INGESTED.labels(outcome="rejected")._value.get() == before + 2
    again = token_client.post("/api/signals?tag=false", content=body, headers=_ndjson(auth)).json()
    assert (again["new"], again["unchanged"]) == (0, 2)  # idempotent: nothing duplicated


def test_a_json_array_works_too(token_client, auth):
    response = token_client.post("/api/signals?tag=false", json=[GOOD, {**GOOD, "native_id": "9"}], headers=auth)
    assert response.status_code == 200
    assert response.json()["new"] == 2


def test_bad_bodies_are_a_400(token_client, auth):
    empty = token_client.post("/api/signals?tag=false", content=b"  \n", headers=_ndjson(auth))
    assert empty.status_code == 400 and "empty" in empty.json()["error"]
    broken = token_client.post("/api/signals?tag=false", content=b"[{", headers={**auth, "Content-Type": "application/json"})
    assert broken.status_code == 400 and "not valid JSON" in broken.json()["error"]
    scalar = token_client.post("/api/signals?tag=false", content=b'{"a": 1}',
                               headers={**auth, "Content-Type": "application/json"})
    assert scalar.status_code == 400 and "array" in scalar.json()["error"]
    flag = token_client.post("/api/signals?tag=perhaps", content=_lines(GOOD), headers=_ndjson(auth))
    assert flag.status_code == 400 and "tag" in flag.json()["error"]


def test_ingest_is_counted_in_metrics(token_client, auth):
    token_client.post("/api/signals?tag=false", content=_lines({**GOOD, "native_id": "m1"}), headers=_ndjson(auth))
    text = token_client.get("/metrics").text
    assert 'outagewatch_ingested_signals_total{outcome="new"}' in text
    assert TOKEN not in text


def test_an_ingest_request_updates_incidents_and_alerts_once_and_never_for_old_news(tmp_path, auth):
    """POST /api/signals is a writer: it runs the correlation step after storing, like collect and ingest."""
    from datetime import timedelta

    from outagewatch.api import create_app
    from outagewatch.config import Secret
    from outagewatch.correlate import AfterBatch
    from outagewatch.incidents import stored
    from outagewatch.search.sqlite import SQLiteStore
    from outagewatch.timeutil import to_iso, utcnow
    from tests.api.conftest import _client

    sent: list[tuple[str, str]] = []
    store = SQLiteStore(tmp_path / "writes.db")
    client = _client(create_app(store, token=Secret(TOKEN),
                                after_batch=AfterBatch(notify=lambda event, incident: sent.append((event, incident.id)))))

    def status(when, stage, n):
        return {"source_kind": "status", "source": "statuspage:status.slack.com", "published_at": to_iso(when),
                "text": f"Slack: {stage}", "status": stage, "services": ["slack"], "native_id": f"s{n}"}

    old = utcnow().replace(year=2019)
    assert client.post("/api/signals?tag=false", content=_lines(status(old, "investigating", 1),
                                                                 status(old + timedelta(hours=1), "resolved", 2)),
                       headers=_ndjson(auth)).status_code == 200
    assert sent == []  # a backfill: over before anyone could be told
    assert [i.status for i in stored(store)] == ["closed"]

    now = utcnow() - timedelta(minutes=5)
    for _ in range(2):  # the second identical request stores nothing new and says nothing
        assert client.post("/api/signals?tag=false", content=_lines(status(now, "investigating", 3)),
                           headers=_ndjson(auth)).status_code == 200
    assert [event for event, _ in sent] == ["open"]
    assert {i.status for i in stored(store)} == {"closed", "open"}
    store.close()
