"""An analyst's story: ingest an outage, list incidents, confirm one, read its report."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest

from outagewatch.jsonl import write_signals
from tests.clihelp import cli
from tests.correlate.builder import Story, at

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)> Roku down'


def run(*args, store, check=True):
    """The CLI against the given store, in this process."""
    return cli("--store", f"sqlite:///{store}", *args, check=check)


@pytest.fixture
def db(tmp_path):
    story = Story()
    for service in ("roku", "flickr", "adobe", "github"):
        story.background(service, at("00:00"), 24, 6)
    story.burst("roku", at("13:50"), 90, 300, text=HOSTILE, likes=120)
    story.burst("flickr", at("14:00"), 60, 120)
    story.burst("github", at("14:10"), 30, 100)
    story.status(at("14:36"), "investigating", "We are investigating increased error rates for Kinesis in <US-EAST-1>.")
    story.status(at("19:00"), "resolved", "Kinesis has recovered.")
    story.news(at("15:00"), "roku", "Roku <b>down</b> as AWS falters")
    path = tmp_path / "signals.jsonl"
    with open(path, "wb") as out:
        write_signals(story.signals, out)
    store = tmp_path / "ow.db"
    run("ingest", "--no-tag", str(path), store=store)
    return store


class _Scripts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.bad = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "img", "iframe", "link") or any(k.startswith("on") for k, _ in attrs):
            self.bad.append(tag)


def test_incidents_confirm_and_report(db, tmp_path):
    listed = [json.loads(line) for line in run("incidents", "--json", store=db).stdout.splitlines()]
    assert len(listed) == 2
    aws = next(i for i in listed if "roku" in i["services"])
    assert aws["common_cause"]["region"] == "aws:us-east-1"
    assert aws["first_official_at"] == "2020-11-25T14:36:00Z" and aws["lead_minutes"] > 30
    for key in ("id", "title", "services", "providers", "regions", "started_at", "detected_at", "peak_at", "ended_at",
                "evidence_level", "signal_counts", "common_cause", "first_official_at", "lead_minutes"):
        assert key in aws

    other = next(i for i in listed if i["services"] == ["github"])
    run("incidents", "dismiss", other["id"], store=db)
    run("incidents", "confirm", aws["id"][:8], store=db)
    again = [json.loads(line) for line in run("incidents", "--json", store=db).stdout.splitlines()]
    assert [(i["id"], i["feedback"]["verdict"]) for i in again] == [(aws["id"], "confirmed")]
    assert len([json.loads(line) for line in run("incidents", "--all", "--json", store=db).stdout.splitlines()]) == 2

    out = tmp_path / "report.html"
    run("report", "aws:us-east-1", "--format", "html", "-o", str(out), store=db)
    html = out.read_text()
    parser = _Scripts()
    parser.feed(html)
    assert parser.bad == []
    assert "&lt;script&gt;" in html and "<svg" in html and "http" not in html.split("<body>")[0].replace(
        "http://www.w3.org", "")
    assert "We are investigating increased error rates for Kinesis in &lt;US-EAST-1&gt;." in html
    assert "Roku &lt;b&gt;down&lt;/b&gt; as AWS falters" in html

    md = run("report", aws["id"], store=db).stdout
    assert "## Official updates" in md and "**2020-11-25 14:36 UTC** investigating" in md and "\\<script\\>" in md
    data = json.loads(run("report", aws["id"], "--format", "json", store=db).stdout)
    assert data["incident"]["id"] == aws["id"] and data["official"][0]["status"] == "investigating"
    assert data["posts"][0]["engagement"] > 0 and data["news"]
    line = run("report", aws["id"], "--json", store=db).stdout
    one = json.loads(line)
    assert line.count("\n") == 1  # --json: the same report as one JSON line (but for when it was generated)
    assert {**one, "generated_at": None} == {**data, "generated_at": None} and one["generated_at"] > data["generated_at"]


def test_correlate_around_a_service(db):
    run("incidents", "--json", store=db)
    data = json.loads(run("correlate", "--service", "roku", "--at", "2020-11-25T14:00Z", "--window", "1h", "--json",
                          store=db).stdout)
    assert data["spiked"]
    others = {(o["kind"], o["id"]): o for o in data["others"]}
    assert others[("service", "flickr")]["related"] and "aws:us-east-1" in others[("service", "flickr")]["shares"]
    assert not others[("service", "github")]["related"]
    assert data["common_cause"]["region"] == "aws:us-east-1"


def test_unknown_incident_is_one_line(db):
    proc = run("report", "nope", store=db, check=False)
    assert proc.returncode == 1 and proc.stderr.count("\n") == 1 and "no incident" in proc.stderr
