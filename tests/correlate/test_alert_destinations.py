"""Alerts delivered for real to receivers on 127.0.0.1: a Slack-format incoming webhook, a
PagerDuty Events API v2 endpoint, a signed generic JSON webhook whose signature the
receiver verifies, an Alertmanager-style receiver, and an apprise URL (ntfy, which apprise
lets point at any host). Every alert carries the title, evidence level, likely cause,
lead time and the report and dashboard links.

apprise's own ``slack://`` and ``pagerduty://`` plugins post to endpoints fixed inside
apprise (hooks.slack.com; events.pagerduty.com / events.eu.pagerduty.com), so they cannot
be pointed at 127.0.0.1 without patching the library; outagewatch's native Slack and
PagerDuty senders take the endpoint as a URL, which is what these tests exercise.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import re
import threading
import time
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from outagewatch.correlate import destinations as dest
from outagewatch.correlate.alerts import AlertConfigError, notifier_from_config
from outagewatch.incidents import Incident

BASE = "https://outagewatch.example.org"
SECRET = "whsec-" + "7f" * 16
ROUTING_KEY = "R0UT1NGKEY" + "x" * 22


def utc(hh_mm: str) -> datetime:
    return datetime.fromisoformat(f"2020-11-25T{hh_mm}:00+00:00").astimezone(timezone.utc)


def kinesis_incident(**changes) -> Incident:
    fields = dict(id="d8d45cc42f3b576c",
                  title="Roku, Flickr, Adobe disrupted; likely cause Amazon Kinesis (Amazon Web Services us-east-1)",
                  status="open", started_at=utc("13:30"), detected_at=utc("13:30"),
                  services=["roku", "flickr", "adobe", "aws/kinesis"], providers=["aws"], regions=["aws:us-east-1"],
                  evidence_level="strong", signal_counts={"social": 146, "reports": 234}, report_count=82460,
                  common_cause={"service": "aws/kinesis", "provider": "aws", "region": "aws:us-east-1",
                                "confidence": 0.98, "confirmed": True, "evidence": ["..."]},
                  first_official_at=utc("14:36"), lead_minutes=66.0)
    fields.update(changes)
    return Incident(**fields)


class Receiver:
    """A real HTTP server on 127.0.0.1 recording each request; ``answer`` decides the reply."""

    def __init__(self, answer=None) -> None:
        self.requests: list[dict] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                request = {"path": self.path, "headers": dict(self.headers.items()), "raw": raw}
                outer.requests.append(request)
                status, body = (answer or (lambda r: (200, b"ok")))(request)
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_port}"

    def bodies(self) -> list[dict]:
        return [json.loads(r["raw"]) for r in self.requests]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receivers():
    made = []

    def make(answer=None) -> Receiver:
        made.append(Receiver(answer))
        return made[-1]

    yield make
    for r in made:
        r.close()


def assert_carries_everything(text: str) -> None:
    assert "Roku, Flickr, Adobe disrupted" in text
    assert "strong" in text
    assert "Amazon Kinesis in Amazon Web Services us-east-1 (high confidence, 0.98)" in text
    assert "detected 66 min before the first official update" in text
    assert f"{BASE}/api/incidents/d8d45cc42f3b576c/report" in text
    assert f"{BASE}/#incident=d8d45cc42f3b576c" in text
    assert "0.0 min" not in text


def test_slack_format_receiver_gets_title_evidence_cause_lead_and_links(receivers):
    slack = receivers()
    notifier = notifier_from_config({"base_url": BASE, "webhooks": [
        {"url": slack.url + "/services/T000/B000/XXXX", "format": "slack"}]})
    notifier("open", kinesis_incident())
    (body,) = slack.bodies()
    assert slack.requests[0]["path"] == "/services/T000/B000/XXXX"
    assert body["text"].startswith("New incident: Roku, Flickr, Adobe disrupted")
    assert_carries_everything(body["text"])
    block = body["blocks"][0]["text"]["text"]
    assert f"<{BASE}/api/incidents/d8d45cc42f3b576c/report|Report>" in block
    assert f"<{BASE}/#incident=d8d45cc42f3b576c|Dashboard>" in block
    assert notifier.sent == 1 and notifier.failed == 0


def test_a_lead_of_zero_is_said_in_words_not_as_zero_minutes(receivers):
    slack = receivers()
    notifier = notifier_from_config({"webhooks": [{"url": slack.url + "/hook", "format": "slack"}]})
    notifier("open", kinesis_incident(lead_minutes=0.0, first_official_at=utc("13:30")))
    notifier("open", kinesis_incident(lead_minutes=-5.0))
    notifier("open", kinesis_incident(lead_minutes=None, first_official_at=None))
    texts = [b["text"] for b in slack.bodies()]
    assert "Lead time: detected as the first official update came (no lead)" in texts[0]
    assert "Lead time: the provider posted first, 5 min before detection" in texts[1]
    assert "Lead time: no official status update yet" in texts[2]
    assert not any(re.search(r"\b0(\.0)? min", t) for t in texts)
    assert not any("Report:" in t for t in texts)  # no base_url: no links, rather than broken ones


def _pagerduty(request) -> tuple[int, bytes]:
    """What PagerDuty's Events API v2 checks before it answers 202."""
    event = json.loads(request["raw"])
    problems = []
    if request["path"] != "/v2/enqueue":
        problems.append("path")
    if not isinstance(event.get("routing_key"), str) or len(event["routing_key"]) != 32:
        problems.append("routing_key must be 32 characters")
    if event.get("event_action") not in ("trigger", "acknowledge", "resolve"):
        problems.append("event_action")
    if event.get("event_action") == "trigger":
        payload = event.get("payload") or {}
        if not payload.get("summary") or not payload.get("source"):
            problems.append("payload.summary and payload.source are required")
        if payload.get("severity") not in ("critical", "error", "warning", "info"):
            problems.append("payload.severity")
        for link in event.get("links", []):
            if not link.get("href"):
                problems.append("links[].href")
    elif not event.get("dedup_key"):
        problems.append("dedup_key is required to resolve")
    if problems:
        return 400, json.dumps({"status": "invalid event", "message": "Event object is invalid",
                                "errors": problems}).encode()
    return 202, json.dumps({"status": "success", "message": "Event processed",
                            "dedup_key": event.get("dedup_key")}).encode()


def test_pagerduty_events_v2_receiver_gets_a_trigger_then_a_resolve_of_one_incident(receivers):
    pd = receivers(_pagerduty)
    notifier = notifier_from_config({"base_url": BASE, "retries": 0, "webhooks": [
        {"url": pd.url + "/v2/enqueue", "format": "pagerduty", "routing_key": ROUTING_KEY}]})
    notifier("open", kinesis_incident())
    notifier("close", kinesis_incident(status="closed", ended_at=utc("20:00")))
    assert notifier.failed == 0, notifier.errors
    trigger, resolve = pd.bodies()
    assert trigger["event_action"] == "trigger" and resolve["event_action"] == "resolve"
    assert trigger["dedup_key"] == resolve["dedup_key"] == "outagewatch-d8d45cc42f3b576c"
    payload = trigger["payload"]
    assert payload["severity"] == "critical" and payload["source"] == "outagewatch"
    assert payload["component"] == "aws/kinesis" and payload["group"] == "aws:us-east-1"
    assert_carries_everything(json.dumps(trigger) .replace("\\u00b7", "·"))
    assert {link["text"] for link in trigger["links"]} == {"Incident report", "Dashboard"}


def test_pagerduty_without_a_routing_key_is_a_config_error():
    with pytest.raises(AlertConfigError, match=r"webhooks\[0\] \(pagerduty\) needs a routing_key"):
        notifier_from_config({"webhooks": [{"format": "pagerduty"}]})
    hook = notifier_from_config({"webhooks": [{"format": "pagerduty", "routing_key": ROUTING_KEY}]}).webhooks[0]
    assert hook.url.reveal() == "https://events.pagerduty.com/v2/enqueue"  # the default endpoint


def verify_like_the_docs(secret: str, headers: dict, body: bytes, tolerance: int = 300) -> bool:
    """The receiving side exactly as docs/alerts.md shows it (stdlib only)."""
    timestamp = headers["X-Outagewatch-Timestamp"]
    expected = "sha256=" + hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()
    fresh = abs(time.time() - int(timestamp)) <= tolerance
    return fresh and hmac.compare_digest(expected, headers["X-Outagewatch-Signature"])


def test_signed_generic_webhook_verifies_and_a_tampered_one_does_not(receivers):
    hook = receivers()
    notifier = notifier_from_config({"base_url": BASE, "webhooks": [
        {"url": hook.url + "/outagewatch", "secret": SECRET}]})
    notifier("escalate", kinesis_incident())
    (request,) = hook.requests
    headers, raw = request["headers"], request["raw"]
    assert headers["Content-Type"] == "application/json"
    assert verify_like_the_docs(SECRET, headers, raw)
    assert dest.verify(SECRET, headers, raw)
    assert not verify_like_the_docs("another-secret", headers, raw)
    assert not dest.verify(SECRET, headers, raw.replace(b"strong", b"weak"))
    assert not dest.verify(SECRET, headers, raw, now=int(headers["X-Outagewatch-Timestamp"]) + 301)  # replayed later
    body = json.loads(raw)
    assert body["event"] == "escalate" and body["alert"]["headline"].startswith("Incident escalated: ")
    assert body["alert"]["evidence_level"] == "strong" and body["alert"]["lead_minutes"] == 66.0
    assert_carries_everything(json.dumps(body["alert"]))
    assert body["incident"]["id"] == "d8d45cc42f3b576c" and "series" not in body["incident"]


def test_alertmanager_receiver_gets_firing_then_resolved(receivers):
    am = receivers()
    notifier = notifier_from_config({"base_url": BASE, "webhooks": [{"url": am.url + "/am", "format": "alertmanager"}]})
    notifier("open", kinesis_incident())
    notifier("close", kinesis_incident(status="closed", ended_at=utc("20:00")))
    firing, resolved = am.bodies()
    assert (firing["version"], firing["status"], resolved["status"]) == ("4", "firing", "resolved")
    (alert,) = firing["alerts"]
    assert alert["labels"] == {"alertname": "OutageIncident", "incident": "d8d45cc42f3b576c", "severity": "critical",
                               "evidence": "strong", "service": "aws/kinesis", "provider": "aws",
                               "region": "aws:us-east-1"}
    assert alert["startsAt"] == "2020-11-25T13:30:00Z" and alert["endsAt"] == dest.ZERO_TIME
    assert resolved["alerts"][0]["endsAt"] == "2020-11-25T20:00:00Z"
    assert alert["fingerprint"] == resolved["alerts"][0]["fingerprint"]
    assert_carries_everything(json.dumps(alert["annotations"]))
    assert firing["externalURL"] == BASE


def test_an_apprise_url_delivers_through_apprise(receivers):
    ntfy = receivers(lambda r: (200, b'{"id":"x","event":"message"}'))
    notifier = notifier_from_config({"base_url": BASE, "apprise": [
        f"ntfy://127.0.0.1:{ntfy.url.rsplit(':', 1)[1]}/outages"]})
    notifier("open", kinesis_incident())
    assert notifier.failed == 0, notifier.errors
    (request,) = ntfy.requests
    seen = request["raw"].decode() + json.dumps(request["headers"])
    assert "outages" in seen
    assert "New incident: Roku, Flickr, Adobe disrupted" in seen
    assert_carries_everything(json.loads(request["raw"])["message"] + " Roku, Flickr, Adobe disrupted")


def test_failures_are_counted_and_never_show_urls_keys_or_secrets(receivers, caplog):
    down = receivers(lambda r: (500, b"{}"))
    notifier = notifier_from_config({"retries": 1, "webhooks": [
        {"url": down.url + "/hook/SECRET-PATH", "secret": SECRET},
        {"url": down.url + "/v2/enqueue", "format": "pagerduty", "routing_key": ROUTING_KEY}],
        "apprise": ["ntfy://127.0.0.1:9/SECRET-TOPIC"]})
    notifier.backoff = 0.01
    with caplog.at_level(logging.DEBUG):
        notifier("open", kinesis_incident())
    assert notifier.failed == 3 and notifier.sent == 0
    shown = " ".join(notifier.errors) + caplog.text + repr(notifier.webhooks) + repr(notifier.apprise)
    for secret in ("SECRET-PATH", "SECRET-TOPIC", SECRET, ROUTING_KEY):
        assert secret not in shown
    assert len(down.requests) == 4  # each http destination tried twice (retries = 1)


@pytest.mark.parametrize("section, message", [
    ({"webhooks": [{"url": "http://127.0.0.1/x", "format": "teams"}]}, r"format must be one of json, slack"),
    ({"webhooks": [{"url": "http://127.0.0.1/x", "format": "slack", "secret": "s"}]}, r"secret signs a json webhook"),
    ({"apprise": "msteams"}, r"alerts.apprise must be a list of apprise URLs"),
    ({"apprise": ["ntfy://x/y"], "base_url": "outagewatch.example.org"}, r"alerts.base_url must be the http\(s\) URL"),
])
def test_bad_alert_settings_are_one_clear_error(section, message):
    with pytest.raises(AlertConfigError, match=message):
        notifier_from_config(section)
