"""The dashboard's incident views: the report's own timeline as SVG, and what report pages said."""

from __future__ import annotations

import warnings
from datetime import datetime, timedelta, timezone

import pytest

from outagewatch.api import create_app
from outagewatch.pipeline import store_signals
from outagewatch.reports import render
from outagewatch.search.sqlite import SQLiteStore
from outagewatch.signal import Signal
from tests.browser.event import load_event

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


@pytest.fixture(scope="module")
def event(tmp_path_factory):
    store = SQLiteStore(tmp_path_factory.mktemp("views") / "event.db")
    incident = load_event(store)
    yield store, TestClient(create_app(store), base_url="http://127.0.0.1"), incident
    store.close()


def test_the_dashboard_chart_is_the_reports_chart(event):
    store, client, incident = event
    response = client.get(f"/api/incidents/{incident['id']}/timeline.svg")
    assert response.status_code == 200 and response.headers["content-type"].startswith("image/svg+xml")
    assert "sandbox" in response.headers["content-security-policy"]
    svg = response.text
    assert svg in render(incident["id"], store, "html")  # byte for byte the report's timeline
    assert 'data-kind="reports"' in svg and "user reports / 5 min" in svg and "official update" in svg
    small = client.get(f"/api/incidents/{incident['id']}/timeline.svg", params={"size": "small"}).text
    assert 'class="timeline compact"' in small and 'data-kind="reports"' in small and len(small) < len(svg)
    assert client.get("/api/incidents/nope/timeline.svg").status_code == 404
    assert client.get(f"/api/incidents/{incident['id']}/timeline.svg", params={"size": "huge"}).status_code == 400


def test_problem_types_and_comments_newest_first(event):
    store, client, incident = event
    at = datetime(2020, 11, 25, 14, 0, tzinfo=timezone.utc)
    page = "https://downdetector.com/status/roku/"
    store_signals(store, [
        Signal(source_kind="reports", source="reports:downdetector/roku", published_at=at, native_id="p1",
               report_count=2500, text="2500 user reports of problems with Roku", services=["roku"], url=page,
               raw={"page": page, "problem_types": {"Streaming": 61.0, "Login": 24.0, "App": 15.0},
                    "page_status": "User reports indicate problems at Roku"}),
        Signal(source_kind="reports", source="reports:downdetector/roku", published_at=at + timedelta(minutes=3),
               native_id="c1", author="ann", text="nothing loads", services=["roku"], url=page,
               raw={"page": page, "comment": True}),
        Signal(source_kind="reports", source="reports:downdetector/roku", published_at=at + timedelta(minutes=9),
               native_id="c2", author="bob", text="still down here", services=["roku"], url=page,
               raw={"page": page, "comment": True}),
    ])
    body = client.get(f"/api/incidents/{incident['id']}/user-reports").json()
    roku = next(p for p in body["pages"] if p["source"] == "reports:downdetector/roku")
    assert [p["type"] for p in roku["problem_types"]] == ["Streaming", "Login", "App"]
    assert roku["page_status"] == "User reports indicate problems at Roku"
    assert [c["text"] for c in body["comments"]] == ["still down here", "nothing loads"]
    assert body["comments_total"] == 2
    assert client.get(f"/api/incidents/{incident['id']}/user-reports", params={"comments": 1}).json()["comments"][0]["author"] == "bob"
