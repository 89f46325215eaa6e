"""Operations: health, Prometheus metrics, the catalog, the OpenAPI description, headers."""

from __future__ import annotations

import re

from outagewatch.api import create_app
from tests.api.conftest import _client
from tests.metricstext import sample


def test_health_says_ok_and_counts_signals(client, api_store):
    body = client.get("/health").json()
    assert body["status"] == "ok"
    assert body["store"] == {"backend": "sqlite", "signals": api_store.stats().total}


def test_health_is_503_when_the_store_cannot_answer(tmp_path):
    from outagewatch.search.sqlite import SQLiteStore

    store = SQLiteStore(tmp_path / "gone.db")
    client = _client(create_app(store))
    store.close()
    response = client.get("/health")
    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"
    searched = client.get("/api/signals")
    assert searched.status_code == 503
    assert "cannot answer" in searched.json()["error"]


def test_metrics_show_what_the_store_holds(client):
    """The process counters are tested through a real collector run (tests/collectors/test_live_alerts.py)."""
    response = client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    text = response.text
    assert sample(text, "outagewatch_incidents", status="open", evidence_level="strong") == 1
    assert sample(text, "outagewatch_incidents", status="closed", evidence_level="weak") == 1
    assert sample(text, "outagewatch_signals_stored", source_kind="status") == 1
    assert "# TYPE outagewatch_fetch_seconds histogram" in text and "# TYPE outagewatch_incidents_open gauge" in text
    assert sample(text, "outagewatch_last_signal_published_timestamp_seconds") > 1.6e9


def test_catalog_lists_providers_regions_and_services(client):
    body = client.get("/api/catalog").json()
    assert "aws/kinesis" in {s["id"] for s in body["services"]}
    assert "aws:us-east-1" in {r["id"] for r in body["regions"]}
    assert "aws" in {p["id"] for p in body["providers"]}


def test_openapi_describes_every_endpoint(client):
    spec = client.get("/openapi.json").json()
    assert spec["info"]["title"] == "outagewatch"
    assert set(spec["paths"]) >= {
        "/health", "/metrics", "/api/catalog", "/api/signals", "/api/signals/{signal_id}", "/api/timeseries",
        "/api/incidents", "/api/incidents/{incident_id}", "/api/incidents/{incident_id}/feedback",
        "/api/incidents/{incident_id}/report"}
    assert "post" in spec["paths"]["/api/signals"]
    names = {p["name"] for p in spec["paths"]["/api/signals"]["get"]["parameters"]}
    assert names >= {"q", "service", "region", "kind", "since", "until", "cursor", "facets"}


def test_unknown_endpoints_and_methods_are_json_errors(client):
    missing = client.get("/api/nothing-here")
    assert missing.status_code == 404
    assert "no such endpoint" in missing.json()["error"]
    wrong = client.delete("/api/incidents")
    assert wrong.status_code == 405
    assert "DELETE" in wrong.json()["error"]


def test_the_dashboard_page_ships_its_own_assets_under_a_strict_policy(client):
    page = client.get("/")
    assert page.status_code == 200
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert page.headers["x-content-type-options"] == "nosniff"
    assets = re.findall(r'(?:src|href)="(/static/[^"]+)"', page.text)
    assert sorted(assets) == ["/static/dashboard.css", "/static/dashboard.js"]
    for asset in assets:
        assert client.get(asset).status_code == 200
    assert "http://" not in page.text and "https://" not in page.text  # no CDN, no third party
    script = client.get("/static/dashboard.js").text
    assert "innerHTML" not in script and "eval(" not in script
