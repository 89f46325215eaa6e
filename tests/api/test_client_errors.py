"""The API answers a client's mistake with a 400 that says what is wrong, never a 503
"try again" nor a 500; one bad line of an upload costs only itself."""

from __future__ import annotations

import base64
import json


GOOD = {"source_kind": "social", "source": "x:search:slack", "published_at": "2021-01-04T15:00Z",
        "text": "Slack messages not sending", "services": ["slack"]}


def _ndjson(auth):
    return {**auth, "Content-Type": "application/x-ndjson"}


def _lines(*items) -> bytes:
    return b"".join(json.dumps(item).encode() + b"\n" for item in items)


def _cursor(values) -> str:
    return base64.urlsafe_b64encode(json.dumps(values).encode()).decode().rstrip("=")


def test_hostile_lines_are_rejected_and_the_rest_stored(token_client, auth):
    body = _lines({**GOOD, "native_id": "1"}, {**GOOD, "native_id": "2", "report_count": 2**63},
                  {**GOOD, "native_id": "3", "published_at": "0001-01-01T00:00:00+01:00"},
                  {**GOOD, "native_id": "4", "source": {"a": 1}}, {**GOOD, "native_id": "5"})
    response = token_client.post("/api/signals?tag=false", content=body, headers=_ndjson(auth))
    assert response.status_code == 200, response.text
    report = response.json()
    assert (report["new"], report["rejected"]) == (2, 3)
    assert [r["line"] for r in report["rejections"]] == [2, 3, 4]
    assert "report_count" in report["rejections"][0]["reason"]


def test_a_body_of_only_bad_lines_is_a_400_naming_them(token_client, auth):
    body = _lines({**GOOD, "collected_at": 1e30}, {**GOOD, "id": {"a": 1}})
    response = token_client.post("/api/signals?tag=false", content=body, headers=_ndjson(auth))
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert "line 1: collected_at" in error and "line 2: id" in error


def test_a_forged_cursor_is_a_400(client):
    for cursor in (_cursor([{"a": 1}, 1, "x"]), _cursor([1, 2**70, "x"]), _cursor(["a", "b"]), "!!!"):
        for sort in ("relevance", "newest"):
            response = client.get("/api/signals", params={"q": "roku", "cursor": cursor, "sort": sort})
            assert response.status_code == 400, (cursor, response.text)
            assert "cursor" in response.json()["error"]


def test_an_absurd_interval_is_a_400(client):
    for interval in ("99999999999999d", "400d", "1e400s"):
        response = client.get("/api/timeseries", params={"interval": interval})
        assert response.status_code == 400, (interval, response.text)
        assert "interval" in response.json()["error"]


def test_a_huge_query_is_a_400_not_an_engine_error(client):
    response = client.get("/api/signals", params={"q": "障" * 900})
    assert response.status_code == 400, response.text
    assert "at most" in response.json()["error"]


def test_a_json_array_is_read_element_by_element(token_client, auth):
    # Streamed: the elements before a break in the JSON are stored, the break is one rejection.
    body = b"[" + b",".join(json.dumps({**GOOD, "native_id": str(n)}).encode() for n in range(3)) + b', {"sou'
    response = token_client.post("/api/signals?tag=false", content=body,
                                 headers={**auth, "Content-Type": "application/json"})
    assert response.status_code == 200, response.text
    report = response.json()
    assert (report["new"], report["rejected"]) == (3, 1)
    assert report["rejections"][0]["line"] == 4 and "not valid JSON" in report["rejections"][0]["reason"]


def test_objects_as_source_or_id_are_rejected_not_stored_as_repr(token_client, auth):
    body = _lines({**GOOD, "native_id": "a", "source": {"x": 1}}, {**GOOD, "native_id": "b", "id": ["x"]},
                  {**GOOD, "native_id": "c"})
    report = token_client.post("/api/signals?tag=false", content=body, headers=_ndjson(auth)).json()
    assert (report["new"], report["rejected"]) == (1, 2)
    hits = token_client.get("/api/signals", params={"service": "slack", "limit": 50}).json()["hits"]
    assert not any(h["source"].startswith("{") or h["id"].startswith("[") for h in hits)


def test_openapi_documents_the_400_the_api_answers(client):
    schema = client.get("/openapi.json").json()
    codes = {code for ops in schema["paths"].values() for op in ops.values() for code in op["responses"]}
    assert "422" not in codes
    assert schema["paths"]["/api/signals"]["get"]["responses"]["400"]["content"]["application/json"]["schema"] == \
        {"$ref": "#/components/schemas/Error"}
    bad = client.get("/api/signals", params={"limit": "many"})
    assert bad.status_code == 400 and set(bad.json()) == {"error"}


def test_a_loopback_server_answers_only_loopback_host_names(api_store):
    from fastapi.testclient import TestClient

    from outagewatch.api import create_app
    from outagewatch.api.app import LOOPBACK_HOSTS

    app = create_app(api_store, allowed_hosts=LOOPBACK_HOSTS)
    for base in ("http://127.0.0.1:8000", "http://localhost:8000", "http://[::1]:8000", "http://127.0.0.1"):
        assert TestClient(app, base_url=base).get("/api/signals").status_code == 200, base
    rebound = TestClient(app, base_url="http://attacker.example:8000")
    for path in ("/api/signals", "/api/incidents", "/", "/openapi.json"):
        response = rebound.get(path)
        assert response.status_code == 421, (path, response.status_code)
        assert "attacker.example" in response.json()["error"]


def test_an_id_no_signal_can_have_is_a_404(client):
    response = client.get("/api/signals/" + "i" * 600)
    assert response.status_code == 404 and len(response.json()["error"]) < 200
