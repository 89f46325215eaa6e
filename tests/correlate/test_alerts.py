"""Alerts reach a real local webhook receiver, in generic JSON and in Slack's shape, with retries."""

from __future__ import annotations

import pytest

from outagewatch.correlate import recompute
from outagewatch.correlate.alerts import AlertConfigError, notifier_from_config
from outagewatch.incidents import Incident
from outagewatch.search.sqlite import SQLiteStore
from tests.collectors.localhttp import WebhookReceiver
from tests.correlate.builder import Story, at


@pytest.fixture
def receiver():
    r = WebhookReceiver("", fail_first=2)
    yield r
    r.close()


def test_open_escalate_close_are_posted_as_json_and_slack(tmp_path, receiver):
    notifier = notifier_from_config({"retries": 3, "webhooks": [
        {"url": receiver.url + "/generic", "format": "json"},
        {"url": receiver.url + "/slack/T000/SECRET", "format": "slack"}]})
    notifier.backoff = 0.01
    story = Story()
    story.background("roku", at("00:00"), 24, 6)
    story.burst("roku", at("13:50"), 40, 200)
    store = SQLiteStore(tmp_path / "a.db")
    store.upsert(story.signals)
    recompute(store, now=at("13:56"), notify=notifier)   # open, mid-spike
    recompute(store, now=at("23:00"), notify=notifier)   # escalated and closed by now
    generic = [b for p, b in receiver.received if p == "/generic"]
    slack = [b for p, b in receiver.received if p.startswith("/slack")]
    events = [b["event"] for b in generic]
    assert events[0] == "open" and events[-1] == "close"
    assert generic[0]["incident"]["services"] == ["roku"]
    assert len(slack) == len(generic)
    assert "Roku" in slack[0]["text"] and slack[0]["blocks"][0]["type"] == "section"
    assert receiver.attempts == len(receiver.received) + 2  # two 503s were retried
    assert notifier.failed == 0


def test_a_dead_webhook_is_counted_and_never_leaks_its_path(tmp_path):
    notifier = notifier_from_config({"retries": 1, "webhooks": [{"url": "http://127.0.0.1:9/hook/SECRET-TOKEN"}]})
    notifier.backoff = 0.01
    notifier("open", Incident("x", "t", "open", at("13:50"), at("13:55")))
    assert notifier.failed == 1
    assert "SECRET" not in " ".join(notifier.errors) and "SECRET" not in repr(notifier.webhooks)


def test_bad_alert_config_is_one_clear_error():
    with pytest.raises(AlertConfigError, match=r"webhooks\[0\].format"):
        notifier_from_config({"webhooks": [{"url": "http://127.0.0.1/x", "format": "teams"}]})
    assert notifier_from_config({}) is None
