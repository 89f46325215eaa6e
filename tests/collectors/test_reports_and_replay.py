"""Report pages through Scrapy (item counts checked: a misconfigured reactor yields 0
items and exit 0), the bundled capture's replay, and a collect killed with SIGKILL."""

from __future__ import annotations

import signal
import time
from pathlib import Path

import pytest

from outagewatch.collectors import load_sources
from outagewatch.collectors.replay import replay
from outagewatch.collectors.reports import CrawlerChild
from outagewatch.collectors.run import RunSettings, build_scheduler
from outagewatch.search.query import Query
from tests.clihelp import cli_process, start_cli

REPO = Path(__file__).resolve().parents[2]
CAPTURE = REPO / "examples" / "aws-us-east-1-2020-11-25"

PAGE = b"""<!DOCTYPE html><html><head><title>Roku down?</title></head><body>
<h1 class="entry-title">User reports indicate problems at Roku</h1>
<script>var chart = {series: [{ x: '2020-11-25T13:00:00+00:00', y: 3 }, { x: '2020-11-25T13:15:00+00:00', y: 41 },
{ x: '2020-11-25T13:30:00+00:00', y: 388 }]};</script>
<div class="indicatorChart_item"><span class="indicatorChart_name">Streaming</span><span class="indicatorChart_percentage">61%</span></div>
<div class="comment"><span class="comment-author">tv_fan</span><time datetime="2020-11-25T13:20:00Z">13:20</time>
<p class="comment-text">Roku home screen will not load</p></div></body></html>"""
CHALLENGE = b"<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>cf-browser-verification</body></html>"
FAST = {"AUTOTHROTTLE_START_DELAY": 0.0, "DOWNLOAD_DELAY": 0.0, "DOWNLOAD_TIMEOUT": 3}


@pytest.fixture(scope="module")
def child():
    c = CrawlerChild(timeout=60)
    yield c
    c.close()


def report_run(db, child, server, pages):
    source = {"name": "dd", "kind": "reports", "url": f"{server.base}/status/{{slug}}/", "pages": pages}
    settings = RunSettings(retries=0, report_settings=FAST)
    scheduler, _ = build_scheduler(db, load_sources([source]), settings, jitter=False)
    scheduler.collectors["dd"].child = child
    scheduler.run_round()
    return scheduler.health["dd"]


def test_a_report_page_gives_points_comments_shares_and_status(db, child, server):
    server.route("/status/roku/", body=PAGE, headers={"Content-Type": "text/html"})
    health = report_run(db, child, server, ["roku"])
    assert health.errors == 0 and health.new == 4  # three points and one comment
    points = list(db.scan(Query(sources=("reports:dd/roku",))))
    counts = [s.report_count for s in points if s.report_count is not None]
    assert counts == [3, 41, 388]
    newest = [s for s in points if s.report_count == 388][0]
    assert newest.services == ["roku"]
    assert newest.raw["problem_types"] == {"Streaming": 61.0}
    assert newest.raw["page_status"] == "User reports indicate problems at Roku"


def test_an_anti_bot_page_is_blocked_not_zero_reports(db, child, server):
    server.route("/status/roku/", status=503, body=CHALLENGE, headers={"Content-Type": "text/html"})
    health = report_run(db, child, server, ["roku"])
    assert health.errors == 1 and health.last_error.startswith("blocked:")
    assert db.count(Query()) == 0


def test_robots_txt_is_obeyed(db, child, server):
    server.route("/robots.txt", body=b"User-agent: *\nDisallow: /status/\n", headers={"Content-Type": "text/plain"})
    page = server.route("/status/roku/", body=PAGE, headers={"Content-Type": "text/html"})
    health = report_run(db, child, server, ["roku"])
    assert page.hits == 0 and health.errors == 1 and "robots" in health.last_error


def test_a_page_without_a_series_is_an_error(db, child, server):
    server.route("/status/roku/", body=b"<html><body><h1>Redesigned!</h1></body></html>",
                 headers={"Content-Type": "text/html"})
    health = report_run(db, child, server, ["roku"])
    assert health.errors == 1 and "no report series" in health.last_error


def test_replaying_the_bundled_capture_stores_every_kind_at_simulated_times(tmp_path):
    from outagewatch.search.sqlite import SQLiteStore

    store = SQLiteStore(tmp_path / "replay.db")
    from outagewatch.timeutil import parse_time

    until = parse_time("2020-11-25T16:00:00Z")
    report = replay(CAPTURE, store, until=until, names=["aws-kinesis-us-east-1", "x-outage-search",
                                                        "x-support-accounts", "theverge"])
    assert all(h.errors == 0 for h in report.health.values()), [h.line for h in report.health.values()]
    status = list(store.scan(Query(kinds=("status",))))
    assert [s.status for s in status] == ["investigating", "investigating"]  # 14:36 and 15:21; 16:33 is after
    first = status[0]
    assert first.services == ["aws/kinesis"] and first.regions == ["aws:us-east-1"]
    # collected on the simulated clock: the 14:36 post is seen at the next 15-minute step
    assert first.collected_at == parse_time("2020-11-25T14:45:00Z")
    social = list(store.scan(Query(kinds=("social",))))
    assert social and max(s.published_at for s in social) <= until
    assert any(s.author == "@RokuSupport" for s in social)
    again = replay(CAPTURE, store, until=until, names=["aws-kinesis-us-east-1", "x-outage-search"])
    assert sum(h.new for h in again.health.values()) == 0
    store.close()


def test_killing_collect_with_sigkill_loses_and_duplicates_nothing(tmp_path, server):
    items = "".join(f"<item><title>Update {i}</title><guid>g{i}</guid><description>text {i}</description></item>"
                    for i in range(40))
    feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>'.encode()
    server.route("/fast.rss", body=feed, headers={"Content-Type": "application/rss+xml"})
    slow = server.route("/slow.rss", body=feed.replace(b"<guid>g", b"<guid>s"), delay=30,
                        headers={"Content-Type": "application/rss+xml"})
    config = tmp_path / "ow.toml"
    config.write_text(f'''[store]
url = "sqlite:///{tmp_path}/kill.db"
[[sources]]
name = "fast"
kind = "news"
url = "{server.base}/fast.rss"
[[sources]]
name = "slow"
kind = "news"
url = "{server.base}/slow.rss"
''')
    args = ["--config", config, "collect", "--no-tag"]
    proc = start_cli(*args)
    from outagewatch.search.sqlite import SQLiteStore

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # wait until the fast source is stored and the slow one is in flight
        if (tmp_path / "kill.db").exists():
            probe = SQLiteStore(tmp_path / "kill.db")
            done = probe.count(Query()) == 40 and probe.get_checkpoint("collector:fast")
            probe.close()
            if done and slow.hits:
                break
        time.sleep(0.1)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    slow.delay = 0
    cli_process(*args, timeout=120)
    store = SQLiteStore(tmp_path / "kill.db")
    ids = [s.id for s in store.scan(Query())]
    assert len(ids) == 80 and len(set(ids)) == 80
    store.close()
