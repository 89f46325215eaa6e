"""An analyst follows incidents: the list, one with its evidence, a verdict, the report."""

from __future__ import annotations

import pytest

from tests.api.scenario import INCIDENT_ID, QUIET_ID


def test_open_incidents_come_first_with_evidence_lead_time_and_cause(client):
    body = client.get("/api/incidents").json()
    assert [i["id"] for i in body["incidents"]] == [INCIDENT_ID, QUIET_ID]
    first = body["incidents"][0]
    assert first["status"] == "open"
    assert first["evidence_level"] == "strong"
    assert first["lead_minutes"] == 95.0
    assert first["common_cause"]["region"] == "aws:us-east-1"


@pytest.mark.parametrize("params, expected", [
    ({"status": "open"}, [INCIDENT_ID]),
    ({"status": "closed"}, [QUIET_ID]),
    ({"evidence": "moderate"}, [INCIDENT_ID]),
    ({"evidence": "weak"}, [INCIDENT_ID, QUIET_ID]),
    ({"since": "2020-11-25T00:00Z"}, [INCIDENT_ID]),
    ({"until": "2020-11-24T00:00Z"}, [QUIET_ID]),
    ({"limit": 1}, [INCIDENT_ID]),
])
def test_incident_filters(client, params, expected):
    body = client.get("/api/incidents", params=params).json()
    assert [i["id"] for i in body["incidents"]] == expected


def test_one_incident_carries_its_evidence_timeline_and_report_links(client):
    response = client.get(f"/api/incidents/{INCIDENT_ID}")
    assert response.status_code == 200
    body = response.json()
    assert body["incident"]["title"].startswith("Roku, Flickr and Adobe")
    official = body["evidence"]["official"]
    assert [s["source"] for s in official] == ["aws-health:kinesis-us-east-1"]
    chatter = body["evidence"]["signals"]
    assert chatter and all(s["source_kind"] != "status" for s in chatter)
    assert {s for c in chatter for s in c["services"]} >= {"roku", "flickr", "adobe"}
    assert "netflix" not in {s for c in chatter for s in c["services"]}
    timeline = body["timeline"]
    assert timeline["by"] == "source_kind"
    assert {b["key"] for b in timeline["buckets"]} >= {"social", "reports", "status"}
    assert body["links"]["html"] == f"/api/incidents/{INCIDENT_ID}/report?format=html"


def test_evidence_limit_caps_the_chatter(client):
    body = client.get(f"/api/incidents/{INCIDENT_ID}", params={"evidence_limit": 3}).json()
    assert len(body["evidence"]["signals"]) == 3
    assert body["evidence"]["total"] > 3


def test_a_closed_incident_window_ends_an_hour_after_it_did(client):
    body = client.get(f"/api/incidents/{QUIET_ID}").json()
    assert body["window"] == {"since": "2020-11-20T13:00:00Z", "until": "2020-11-20T17:00:00Z"}
    assert sum(b["count"] for b in body["timeline"]["buckets"]) == 3


@pytest.mark.parametrize("path, params, status, word", [
    ("/api/incidents", {"status": "maybe"}, 400, "status"),
    ("/api/incidents", {"evidence": "overwhelming"}, 400, "evidence"),
    ("/api/incidents", {"since": "the dawn of time"}, 400, "since"),
    ("/api/incidents", {"limit": "0"}, 400, "limit"),
    (f"/api/incidents/{INCIDENT_ID}", {"evidence_limit": "-2"}, 400, "evidence_limit"),
    ("/api/incidents/no-such-incident", {}, 404, "no incident"),
    (f"/api/incidents/{INCIDENT_ID}/report", {"format": "pdf"}, 400, "format"),
    ("/api/incidents/no-such-incident/report", {}, 404, "no incident"),
])
def test_bad_incident_requests_are_clear_4xx(client, path, params, status, word):
    response = client.get(path, params=params)
    assert response.status_code == status, response.text
    assert word in response.json()["error"]


def test_without_a_configured_token_feedback_is_disabled(client):
    response = client.post(f"/api/incidents/{INCIDENT_ID}/feedback", json={"verdict": "confirmed"},
                           headers={"Authorization": "Bearer anything"})
    assert response.status_code == 403
    assert "no API token configured" in response.json()["error"]


def test_feedback_needs_the_bearer_token(token_client):
    url = f"/api/incidents/{INCIDENT_ID}/feedback"
    missing = token_client.post(url, json={"verdict": "confirmed"})
    assert missing.status_code == 401
    assert missing.headers["WWW-Authenticate"].startswith("Bearer")
    wrong = token_client.post(url, json={"verdict": "confirmed"}, headers={"Authorization": "Bearer guess"})
    assert wrong.status_code == 401
    basic = token_client.post(url, json={"verdict": "confirmed"}, headers={"Authorization": "Basic czNjcmV0"})
    assert basic.status_code == 401
    assert token_client.get("/api/incidents").json()["incidents"][0]["feedback"] is None


def test_an_analyst_confirms_then_dismisses_and_the_verdict_shows(token_client, auth):
    url = f"/api/incidents/{INCIDENT_ID}/feedback"
    response = token_client.post(url, json={"verdict": "confirmed", "note": "matches AWS PES"}, headers=auth)
    assert response.status_code == 200
    assert response.json()["feedback"]["verdict"] == "confirmed"
    listed = token_client.get("/api/incidents", params={"status": "open"}).json()["incidents"][0]
    assert listed["feedback"]["verdict"] == "confirmed"
    assert listed["feedback"]["note"] == "matches AWS PES"
    token_client.post(url, json={"verdict": "dismissed"}, headers=auth)
    one = token_client.get(f"/api/incidents/{INCIDENT_ID}").json()["incident"]
    assert one["feedback"]["verdict"] == "dismissed"


@pytest.mark.parametrize("body, status", [
    ({"verdict": "maybe"}, 400),
    ({}, 400),
    ({"verdict": "confirmed", "note": "x" * 3000}, 400),
    ("not json", 400),
])
def test_bad_feedback_is_a_400(token_client, auth, body, status):
    url = f"/api/incidents/{INCIDENT_ID}/feedback"
    if isinstance(body, str):
        response = token_client.post(url, content=body, headers={**auth, "Content-Type": "application/json"})
    else:
        response = token_client.post(url, json=body, headers=auth)
    assert response.status_code == status, response.text
    assert response.json()["error"]


def test_feedback_on_an_unknown_incident_is_a_404(token_client, auth):
    response = token_client.post("/api/incidents/nope/feedback", json={"verdict": "confirmed"}, headers=auth)
    assert response.status_code == 404


def test_reports_in_html_markdown_and_json(client):
    base = f"/api/incidents/{INCIDENT_ID}/report"
    html = client.get(base)
    assert html.status_code == 200
    assert html.headers["content-type"].startswith("text/html")
    assert "sandbox" in html.headers["content-security-policy"]
    assert "Roku, Flickr and Adobe degraded" in html.text
    assert "<svg" in html.text
    markdown = client.get(base, params={"format": "md"})
    assert markdown.headers["content-type"].startswith("text/markdown")
    assert markdown.text.lstrip().startswith("#")
    assert "Roku, Flickr and Adobe degraded" in markdown.text
    data = client.get(base, params={"format": "json"})
    assert data.headers["content-type"].startswith("application/json")
    assert data.json()["incident"]["id"] == INCIDENT_ID


def test_an_incident_shows_how_its_cause_was_named_over_time(client):
    """The list and one incident carry the cause's history: the provider alone first, then the
    region and service with the official post."""
    listed = client.get("/api/incidents").json()["incidents"][0]
    one = client.get(f"/api/incidents/{INCIDENT_ID}").json()["incident"]
    for incident in (listed, one):
        history = incident["cause_history"]
        assert [(h["provider"], h["region"], h["service"]) for h in history] == [
            ("aws", None, None), ("aws", "aws:us-east-1", "aws/kinesis")]
        assert history[0]["at"] < history[1]["at"]
    quiet = client.get(f"/api/incidents/{QUIET_ID}").json()["incident"]
    assert quiet["cause_history"] == []

