"""Status-page accountability on the bundled 2020-11-25 capture (correlated for real) and on
hand-made incidents whose delays are known: the CLI, the API and the report agree."""

from __future__ import annotations

import json
import math
import statistics
import warnings
from datetime import datetime, timedelta, timezone

import pytest

from outagewatch.accountability import (
    GRADES, UNACKNOWLEDGED_MINUTES, accountability, for_incident, grade_of, page_of, percentile,
)
from outagewatch.api import create_app
from outagewatch.catalog import load_catalog
from outagewatch.pipeline import store_signals
from outagewatch.reports import render
from outagewatch.reports.fmt import minutes
from outagewatch.search.sqlite import SQLiteStore
from outagewatch.signal import Signal
from tests.browser.event import load_event
from tests.clihelp import cli as run_cli

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient



@pytest.fixture(scope="module")
def event(tmp_path_factory):
    path = tmp_path_factory.mktemp("accountability") / "event.db"
    store = SQLiteStore(path)
    incident = load_event(store)
    yield store, path, incident
    store.close()


def _aws(data: dict) -> dict:
    return next(r for r in data["providers"] if r["id"] == "aws")


def _letter(median: float) -> str:
    return "A" if median <= 10 else "B" if median <= 30 else "C" if median <= 60 else "D" if median <= 120 else "F"


def _expected_aws(store) -> tuple[list[float], float, float, str]:
    """What AWS's row must say, worked out from the correlated incidents themselves: every
    incident touching AWS counts its lead over AWS's first post, or 240 when AWS never spoke."""
    catalog = load_catalog()
    counted = sorted(
        (max(0.0, i["lead_minutes"]) if i["first_official_at"] else 240.0)
        for i in store.list_incidents()
        if "aws" in i["providers"] or any(catalog.provider_of(s) == "aws" for s in i["services"]))
    median = statistics.median(counted)
    p90 = counted[max(0, math.ceil(0.9 * len(counted)) - 1)]
    return counted, median, p90, _letter(median)


def test_the_kinesis_outage_delay_and_awss_grade(event):
    store, _, incident = event
    data = accountability(store)  # default period: 90 days up to the newest stored Signal
    assert data["period"]["days"] == 90.0
    aws = _aws(data)
    delay = next(d for d in aws["incident_delays"] if d["incident"] == incident["id"])
    assert delay["acknowledged_at"] == "2020-11-25T14:36:00Z"  # AWS Health's first post on Kinesis
    assert delay["delay_minutes"] == incident["lead_minutes"] > 60  # from detection, over an hour
    counted, median, p90, letter = _expected_aws(store)
    assert [d["counted_minutes"] for d in sorted(aws["incident_delays"], key=lambda d: d["counted_minutes"])] == counted
    assert aws["incidents"] == len(counted) and aws["acknowledged"] == sum(c < 240 for c in counted)
    assert (aws["median_minutes"], aws["p90_minutes"], aws["grade"]) == (median, p90, letter)
    assert aws["status_pages"] == ["aws-health"]
    page = next(p for p in data["status_pages"] if p["id"] == "aws-health")
    assert page["name"] == "health.aws.amazon.com" and page["provider"] == "aws" and page["grade"] == letter
    assert "240" in data["grading"] and "D ≤ 120 min" in data["grading"]
    # Roku, Adobe and Flickr run status pages this capture never read: they are not judged.
    assert {r["id"] for r in data["providers"]} <= {"aws", "gcp"}


def test_the_cli_the_api_and_the_report_give_the_same_figures(event):
    store, path, incident = event
    cli = json.loads(run_cli("--store", f"sqlite:///{path}", "accountability", "--provider", "aws", "--json").stdout)
    assert [r["id"] for r in cli["providers"]] == ["aws"]

    client = TestClient(create_app(store), base_url="http://127.0.0.1")
    api = client.get("/api/accountability", params={"provider": "aws"}).json()
    assert api == cli
    assert "/api/accountability" in client.get("/openapi.json").json()["paths"]
    bad = client.get("/api/accountability", params={"since": "not a time"})
    assert bad.status_code == 400 and "since" in bad.json()["error"]

    aws = _aws(cli)
    delay = next(d for d in aws["incident_delays"] if d["incident"] == incident["id"])["delay_minutes"]
    report = json.loads(render(incident["id"], store, "json"))
    [line] = report["accountability"]
    assert line["delay_minutes"] == delay == incident["lead_minutes"]
    assert (line["median_minutes"], line["p90_minutes"], line["grade"]) == (aws["median_minutes"], aws["p90_minutes"],
                                                                            aws["grade"])
    sentence = (f"AWS acknowledged after {minutes(delay)}; AWS's median over 90 days: {minutes(aws['median_minutes'])},"
                f" p90 {minutes(aws['p90_minutes'])}, grade {aws['grade']}")
    assert line["sentence"].startswith(sentence)
    assert sentence in render(incident["id"], store, "md")
    assert sentence.replace("'", "&#39;") in render(incident["id"], store, "html")

    out = run_cli("--store", f"sqlite:///{path}", "accountability").stdout
    row = next(line for line in out.splitlines() if line.startswith("Amazon Web Services (aws)"))
    assert row.split()[-1] == aws["grade"] and minutes(aws["median_minutes"]) in row


def test_an_empty_period_and_a_reversed_one(event):
    store, _, _ = event
    T = datetime(2024, 1, 1, tzinfo=timezone.utc)
    assert accountability(store, since=T, until=T + timedelta(days=1))["providers"] == []
    with pytest.raises(ValueError, match="before"):
        accountability(store, since=T, until=T - timedelta(days=1))


T0 = datetime(2024, 3, 1, 12, 0, tzinfo=timezone.utc)


def _incident(n: int, start: datetime, services: list[str], providers: list[str], official: list[str] = ()) -> dict:
    return {"id": f"inc{n}", "title": f"incident {n}", "status": "closed", "services": services, "providers": providers,
            "regions": [], "started_at": start, "detected_at": start + timedelta(minutes=5),
            "peak_at": start + timedelta(minutes=20), "ended_at": start + timedelta(hours=2), "evidence_level": "strong",
            "signal_counts": {}, "report_count": 0, "common_cause": None, "common_cause_named_at": None,
            "first_official_at": None, "lead_minutes": None, "official_sources": list(official), "feedback": None}


def _status(n: int, source: str, at: datetime, services: list[str], providers: list[str], status="investigating"):
    return Signal(source_kind="status", source=source, published_at=at, native_id=f"s{n}", text="We are investigating",
                  status=status, services=services, providers=providers)


def test_silence_counts_as_240_minutes_and_the_grade_follows_the_median(store):
    """Three GCP incidents: acknowledged after 20 min, never, and before detection (0).
    Counted delays 0, 20, 240: median 20 (grade B), p90 240; one Slack incident, never a word
    from a page we read: Slack is judged since we do read its page (another incident).
    On every store backend (the same store contract answers it)."""
    day = timedelta(days=1)
    incidents = [
        _incident(1, T0, ["gcp/bigquery"], ["gcp"], ["gcp-status:status.cloud.google.com"]),
        _incident(2, T0 + day, ["gcp/gke"], ["gcp"]),
        _incident(3, T0 + 2 * day, ["gcp/pubsub"], ["gcp"]),
        _incident(4, T0 + 3 * day, ["slack"], []),
        _incident(5, T0 + 4 * day, ["slack"], []),
    ]
    store.upsert_incidents(incidents)
    store_signals(store, [
        _status(1, "gcp-status:status.cloud.google.com", T0 + timedelta(minutes=25), ["gcp/bigquery"], ["gcp"]),
        # incident 2: a GCP post about another product is not an acknowledgement of GKE
        _status(2, "gcp-status:status.cloud.google.com", T0 + day + timedelta(minutes=30), ["gcp/bigquery"], ["gcp"]),
        # incident 3: GCP posted 2 minutes before detection
        _status(3, "gcp-status:status.cloud.google.com", T0 + 2 * day + timedelta(minutes=3), ["gcp/pubsub"], ["gcp"]),
        # incident 5: Slack's own page spoke after 45 minutes
        _status(4, "statuspage:status.slack.com", T0 + 4 * day + timedelta(minutes=50), ["slack"], []),
    ])
    data = accountability(store, since=T0 - day, until=T0 + 10 * day)
    gcp = next(r for r in data["providers"] if r["id"] == "gcp")
    delays = [d["counted_minutes"] for d in gcp["incident_delays"]]
    assert delays == [20.0, UNACKNOWLEDGED_MINUTES, 0.0]
    assert (gcp["incidents"], gcp["acknowledged"], gcp["never_acknowledged"], gcp["provider_first"]) == (3, 2, 1, 1)
    assert gcp["median_minutes"] == 20.0 and gcp["p90_minutes"] == 240.0 and gcp["grade"] == "B"
    assert gcp["median_acknowledged_minutes"] == 10.0
    slack = next(r for r in data["providers"] if r["id"] == "slack")
    assert [d["delay_minutes"] for d in slack["incident_delays"]] == [None, 45.0]
    assert slack["median_minutes"] == (240 + 45) / 2 and slack["grade"] == "F"
    page = next(p for p in data["status_pages"] if p["id"] == "statuspage:status.slack.com")
    assert page["name"] == "status.slack.com" and page["incidents"] == 2
    # a dismissed incident was not an outage to acknowledge
    store.set_feedback("inc2", "dismissed", None)
    gcp = next(r for r in accountability(store, since=T0 - day, until=T0 + 10 * day)["providers"] if r["id"] == "gcp")
    assert gcp["incidents"] == 2 and gcp["grade"] == "A"
    lines = for_incident(store, incidents[3])
    assert lines[0]["sentence"].startswith("Slack never acknowledged it (counted as 240 min)")


def test_grades_percentiles_and_pages():
    assert [grade_of(m) for m in (0, 10, 10.1, 30, 45, 60, 61, 120, 121, 240)] == list("AABBCCDDFF")
    assert grade_of(None) is None and GRADES[-1][0] == "F"
    assert percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9) == 9 and percentile([], 0.9) is None
    assert page_of("aws-health:kinesis-us-east-1") == "aws-health"
    assert page_of("statuspage:status.flickr.net") == "statuspage:status.flickr.net"
