"""The deployed path: ``collect --watch`` stores what a status page says, updates incidents after
each stored batch and alerts once; a years-old incident is stored but announced to nobody.
Metrics are scraped from the running collector."""

from __future__ import annotations

import json
import signal
import time
from datetime import timedelta

import httpx
import pytest

from outagewatch.timeutil import to_iso, utcnow
from tests.clihelp import cli, free_port, start_cli
from tests.collectors.localhttp import WebhookReceiver, start_http
from tests.metricstext import sample


def statuspage(created, resolved=None) -> dict:
    """A Statuspage v2 incidents document with one incident: investigating, maybe resolved."""
    updates = [{"id": "u1", "status": "investigating", "body": "We are investigating failed uploads.",
                "created_at": to_iso(created), "display_at": to_iso(created)}]
    if resolved is not None:
        updates.insert(0, {"id": "u2", "status": "resolved", "body": "Uploads work again.",
                           "created_at": to_iso(resolved), "display_at": to_iso(resolved)})
    return {"page": {"id": "p", "name": "Flickr"}, "incidents": [{
        "id": "inc1", "name": "Failed uploads", "status": "resolved" if resolved else "investigating",
        "impact": "major", "created_at": to_iso(created), "shortlink": "https://stspg.io/x",
        "components": [{"name": "Uploads"}], "incident_updates": updates}]}


class Page:
    """The status page on 127.0.0.1: serves ``document`` and counts the fetches."""

    def __init__(self, document: dict):
        self.body = json.dumps(document).encode()
        self.fetches = 0

        def respond(handler):
            self.fetches += 1
            handler.send_response(200)
            handler.send_header("Content-Type", "application/json")
            handler.send_header("Content-Length", str(len(self.body)))
            handler.end_headers()
            handler.wfile.write(self.body)

        self.server = start_http(respond)
        self.url = f"http://127.0.0.1:{self.server.server_port}"


@pytest.fixture
def hooks():
    h = WebhookReceiver("/hooks/T0/SECRET")
    yield h
    h.server.shutdown()


def write_config(tmp_path, page_url: str, hook_url: str, extra: str = "") -> tuple:
    db = tmp_path / "live.db"
    path = tmp_path / "ow.toml"
    path.write_text(f"""
[store]
url = "sqlite:///{db}"
[collect]
retries = 0
[[alerts.webhooks]]
url = "{hook_url}"
[[sources]]
name = "flickr-status"
kind = "statuspage"
url = "{page_url}"
services = ["flickr"]
interval = "1s"
{extra}
""")
    return path, db


def wait_for(predicate, seconds: float, process) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        assert process.poll() is None, process.stderr.read()
        time.sleep(0.2)
    return predicate()


def scrape(port: int) -> str:
    return httpx.get(f"http://127.0.0.1:{port}/metrics", timeout=5).text


def stop(process, how=signal.SIGTERM) -> tuple[int, str]:
    process.send_signal(how)
    try:
        _, err = process.communicate(timeout=60)
    except Exception:
        process.kill()
        raise
    return process.returncode, err


def test_collect_watch_stores_the_new_incident_and_alerts_once(tmp_path, hooks):
    page = Page(statuspage(utcnow() - timedelta(minutes=3)))
    dead = free_port()  # a second source nothing answers: errors are counted by kind
    config, db = write_config(tmp_path, page.url, hooks.url, extra=f"""
[[sources]]
name = "down-status"
kind = "statuspage"
url = "http://127.0.0.1:{dead}"
interval = "1s"
""")
    port = free_port()
    process = start_cli("collect", "--watch", "--no-tag", "--config", config, "--metrics-port", port, cwd=tmp_path)
    try:
        assert wait_for(lambda: hooks.bodies, 90, process), "no alert arrived"
        fetched = page.fetches
        assert wait_for(lambda: page.fetches >= fetched + 3, 60, process)  # three more rounds: nothing new to say
        text = scrape(port)
    finally:
        code, err = stop(process)
    assert code == 3, err  # stopped cleanly; 3 (partial) because down-status never answered
    assert [b["event"] for b in hooks.bodies] == ["open"], hooks.bodies
    assert hooks.bodies[0]["incident"]["services"] == ["flickr"] and hooks.bodies[0]["incident"]["status"] == "open"
    assert "SECRET" not in err

    listed = [json.loads(line) for line in cli("--store", f"sqlite:///{db}", "incidents", "--json", cwd=tmp_path).stdout.splitlines()]
    assert [(i["services"], i["status"]) for i in listed] == [(["flickr"], "open")]

    assert sample(text, "outagewatch_collected_signals_total", source="flickr-status", kind="statuspage") == 1
    assert sample(text, "outagewatch_source_last_success_timestamp_seconds", source="flickr-status") > time.time() - 120
    assert sample(text, "outagewatch_fetch_seconds_count", source="flickr-status") >= 4
    assert sample(text, "outagewatch_collect_errors_total", source="down-status", error="connection") >= 1
    assert sample(text, "outagewatch_source_last_success_timestamp_seconds", source="down-status") is None
    assert sample(text, "outagewatch_incidents_open") == 1
    assert sample(text, "outagewatch_ingested_signals_total", outcome="new") == 1


def test_a_backfill_of_a_years_old_incident_is_stored_and_sends_nothing(tmp_path, hooks):
    long_ago = utcnow().replace(year=2019)
    page = Page(statuspage(long_ago, resolved=long_ago + timedelta(hours=2)))
    config, db = write_config(tmp_path, page.url, hooks.url)
    process = start_cli("collect", "--watch", "--no-tag", "--config", config, cwd=tmp_path,
                        env={})
    try:
        assert wait_for(lambda: page.fetches >= 4, 90, process)
    finally:
        code, err = stop(process, signal.SIGINT)
    assert code in (0, 130), err
    assert hooks.bodies == []
    stats = json.loads(cli("--store", f"sqlite:///{db}", "stats", "--json", cwd=tmp_path).stdout)
    assert stats["by_kind"] == {"status": 2}
    # Correlation saw it (an ingest of the same old data computes it too) and it is over: closed, never announced.
    cli("--config", config, "correlate", cwd=tmp_path)
    listed = [json.loads(line) for line in cli("--store", f"sqlite:///{db}", "incidents", "--json", cwd=tmp_path).stdout.splitlines()]
    assert [i["status"] for i in listed] == ["closed"]
    assert hooks.bodies == []
    # The same old Signals ingested elsewhere: ingest correlates what it stored, finds the incident
    # over already, and announces nothing either.
    exported = tmp_path / "old.jsonl"
    cli("--store", f"sqlite:///{db}", "export", "-o", exported, cwd=tmp_path)
    other = f"sqlite:///{tmp_path}/other.db"
    cli("--config", config, "--store", other, "ingest", "--no-tag", exported, cwd=tmp_path)
    listed = [json.loads(line) for line in cli("--store", other, "incidents", "--json", cwd=tmp_path).stdout.splitlines()]
    assert [i["status"] for i in listed] == ["closed"]
    assert hooks.bodies == []
