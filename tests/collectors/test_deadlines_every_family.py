"""Every collector family ends a fetch at its wall-clock deadline against a server on
127.0.0.1 that drips one byte at a time (never tripping a per-read timeout), through its
real library: httpx (Hacker News here; feeds and status pages in test_deadlines.py),
tweepy (X), atproto (Bluesky), Mastodon.py, PRAW (Reddit) and Scrapy (report pages).
The failure is one line naming the source; the other sources' Signals are stored; and
SIGTERM or SIGINT ends `collect --once` and `collect --watch` within seconds. Starting the
crawler process of report pages is ours, not the source's: it is not counted in a fetch's
deadline, and has its own bound."""

from __future__ import annotations

import signal
import sys
import time
from pathlib import Path

import pytest

from outagewatch.collectors import load_sources
from outagewatch.collectors.reports import CrawlerChild
from outagewatch.collectors.run import RunSettings, build_scheduler
from outagewatch.collectors.social import SocialCredentials
from outagewatch.search.query import Query
from outagewatch.search.sqlite import SQLiteStore
from tests.collectors.collectproc import collect_process, wait_until_stored
from tests.collectors.localhttp import base_url, serve_body, serve_drip, start_http
from tests.collectors.test_failures import GOOD_FEED
from tests.collectors.test_reports_and_replay import PAGE

DEADLINE = 3.5  # far above a good source's fetch on two shared cores at load 8 (a warm crawl: ~0.1-0.3 s)
BOUND = 10.0  # the run's wall-clock bound, less the crawler process's start: well above the deadline, far below "forever"


def starting_slowly(delay: float, starts: Path, **kwargs) -> CrawlerChild:
    """A crawler child whose process notes each start in ``starts``, then takes ``delay``
    seconds more than it would to be ready (a busy machine's Scrapy imports, for sure)."""
    code = (f"import time; open({str(starts)!r}, 'a').write('start\\n'); time.sleep({delay}); "
            "from outagewatch.collectors.reports_child import main; main()")
    return CrawlerChild(command=[sys.executable, "-c", code], **kwargs)


FAMILIES = {
    # family: (the slow source's table given the dripping server's base URL)
    "hn (httpx)": lambda base: {"kind": "hn", "query": "aws outage", "api_base": base},
    "x (tweepy)": lambda base: {"kind": "x", "query": "roku down", "api_base": base},
    "bluesky (atproto)": lambda base: {"kind": "bluesky", "accounts": ["status.bsky.app"], "api_base": base},
    "mastodon (Mastodon.py)": lambda base: {"kind": "mastodon", "instance": "mastodon.example", "tags": ["outage"],
                                            "api_base": base},
    "reddit (PRAW)": lambda base: {"kind": "reddit", "subreddits": ["aws"], "api_base": base},
    "reports (Scrapy)": lambda base: {"kind": "reports", "url": f"{base}/status/{{slug}}/", "pages": ["roku"]},
}
SOCIAL = SocialCredentials(reddit_client_id="id", reddit_client_secret="not-a-real-secret")
ENV = {"OUTAGEWATCH_X_BEARER_TOKEN": "not-a-real-token", "OUTAGEWATCH_REDDIT_CLIENT_ID": "id",
       "OUTAGEWATCH_REDDIT_CLIENT_SECRET": "not-a-real-secret"}


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_a_dripping_server_costs_one_deadline_and_no_other_source(tmp_path, family):
    slow, feed, page = serve_drip(0.2), serve_body(GOOD_FEED, "application/rss+xml"), serve_body(PAGE, "text/html")
    store = SQLiteStore(tmp_path / "s.db")
    scheduler = child = None
    try:
        sources = [{"name": "slow", **FAMILIES[family](base_url(slow))},
                   {"name": "good", "kind": "rss", "url": f"{base_url(feed)}/feed"}]
        if family.startswith("reports"):  # a report source beside it shares the crawler process
            sources.append({"name": "good-reports", "kind": "reports", "url": f"{base_url(page)}/status/{{slug}}/",
                            "pages": ["roku"], "scrapy_settings": {"ROBOTSTXT_OBEY": False}})
        settings = RunSettings(retries=2, backoff=0.1, timeout=1.0, deadline=DEADLINE, concurrency=4)
        scheduler, skipped = build_scheduler(store, load_sources(sources), settings, jitter=False, social=SOCIAL,
                                             x_token="not-a-real-token")
        assert not skipped, skipped
        if family.startswith("reports"):
            # The crawler process both sources wait for is slower to start than a whole deadline:
            # that is ours, not the sources', and costs neither of them a deadline.
            child = starting_slowly(DEADLINE + 1.0, tmp_path / "starts")
            scheduler.collectors["slow"].child = scheduler.collectors["good-reports"].child = child
        started = time.monotonic()
        scheduler.run_round()
        elapsed = time.monotonic() - started
        slow_health = scheduler.health["slow"]
        if child is not None:
            assert (tmp_path / "starts").read_text() == "start\n"  # one process for both, started once
            assert child.start_seconds > DEADLINE
            elapsed -= child.start_seconds
        assert elapsed < BOUND, elapsed
        assert slow_health.errors == 1, slow_health.line
        assert slow_health.line.startswith("slow: ") and f"timeout: over the {DEADLINE:g} s deadline" in slow_health.line
        assert scheduler.health["good"].new == 2, scheduler.health["good"].line
        expected = 2
        if family.startswith("reports"):
            assert scheduler.health["good-reports"].errors == 0, scheduler.health["good-reports"].line
            expected += scheduler.health["good-reports"].new
            assert scheduler.health["good-reports"].new > 0
        assert store.count(Query()) == expected
    finally:
        if scheduler is not None:
            scheduler.close()
        if child is not None:
            child.close()
        store.close()
        for httpd in (slow, feed, page):
            httpd.shutdown()


def crawler_start_run(tmp_path, child, stop=None):
    """One round of a report source (on ``child``) beside a good feed; (scheduler, seconds)."""
    feed, page = serve_body(GOOD_FEED, "application/rss+xml"), serve_body(PAGE, "text/html")
    store = SQLiteStore(tmp_path / "s.db")
    try:
        sources = [{"name": "pages", "kind": "reports", "url": f"{base_url(page)}/status/{{slug}}/", "pages": ["roku"],
                    "scrapy_settings": {"ROBOTSTXT_OBEY": False}},
                   {"name": "good", "kind": "rss", "url": f"{base_url(feed)}/feed"}]
        settings = RunSettings(retries=2, backoff=0.1, timeout=1.0, deadline=DEADLINE, concurrency=2)
        scheduler, _ = build_scheduler(store, load_sources(sources), settings, jitter=False, stop=stop)
        scheduler.collectors["pages"].child = child
        started = time.monotonic()
        scheduler.run_round()
        elapsed = time.monotonic() - started
        scheduler.close()
        assert scheduler.health["good"].new == 2 and store.count(Query()) == 2, scheduler.health["good"].line
        return scheduler, elapsed
    finally:
        store.close()
        feed.shutdown()
        page.shutdown()


def test_a_crawler_process_that_never_gets_ready_is_one_line_within_its_own_bound(tmp_path):
    child = starting_slowly(600, tmp_path / "starts", start_timeout=2.0)
    try:
        scheduler, elapsed = crawler_start_run(tmp_path, child)
        health = scheduler.health["pages"]
        assert elapsed < 2.0 + BOUND, elapsed
        assert health.errors == 1 and health.retries == 0, health.line  # starting it again would not help
        assert health.line.startswith("pages: "), health.line
        assert "(last error: crawler: the Scrapy process was not ready 2 s after it started" in health.line, health.line
        assert child._proc is None  # killed: the next fetch starts a fresh one
    finally:
        child.close()


def test_a_crawler_process_that_exits_at_start_is_one_line_at_once(tmp_path):
    child = CrawlerChild(command=[sys.executable, "-c", "raise SystemExit(3)"])
    try:
        scheduler, elapsed = crawler_start_run(tmp_path, child)
        health = scheduler.health["pages"]
        assert elapsed < BOUND, elapsed
        assert health.errors == 1 and health.retries == 0, health.line
        assert "(last error: crawler: the Scrapy process exited with code 3 before it was ready" in health.line
    finally:
        child.close()


def test_a_stop_ends_the_wait_for_the_crawler_process(tmp_path):
    import threading

    stop = threading.Event()
    child = starting_slowly(600, tmp_path / "starts")
    timer = threading.Timer(1.5, stop.set)
    try:
        timer.start()
        scheduler, elapsed = crawler_start_run(tmp_path, child, stop=stop)
        assert elapsed < 1.5 + 3.0, elapsed  # a stop is seen within a slice; the rest is the good feed
        assert scheduler.health["pages"].last_error.startswith("stopped"), scheduler.health["pages"].line
    finally:
        timer.cancel()
        child.close()


@pytest.mark.parametrize("family", sorted(FAMILIES))
@pytest.mark.parametrize("mode, sig", [("--once", signal.SIGTERM), ("--watch", signal.SIGINT)])
def test_a_signal_stops_collect_promptly_whatever_the_stuck_library(tmp_path, family, mode, sig):
    slow, feed = serve_drip(0.2), serve_body(GOOD_FEED, "application/rss+xml")
    process = None
    try:
        process = collect_process(tmp_path, [{"name": "slow", **FAMILIES[family](base_url(slow))},
                                             {"name": "good", "kind": "rss", "url": f"{base_url(feed)}/feed"}],
                              mode, env=ENV)
        wait_until_stored(tmp_path / "s.db", 2, process)  # the good source; the slow one drips on (10 min deadline)
        time.sleep(1.0)  # the slow fetch is well inside its library's read by now
        sent = time.monotonic()
        process.send_signal(sig)
        out, err = process.communicate(timeout=30)
        assert time.monotonic() - sent < 5.0
        assert b"Traceback" not in err, err
        assert b"stopped" in err, (process.returncode, err)
        with SQLiteStore(tmp_path / "s.db") as store:
            assert store.count(Query()) == 2
    finally:
        if process is not None and process.poll() is None:
            process.kill()
        slow.shutdown()
        feed.shutdown()


def test_in_watch_a_stuck_source_does_not_hold_up_the_others_turns(tmp_path):
    import threading

    slow = serve_drip(0.2)
    hits = []

    def respond(request):
        hits.append(time.monotonic())
        request.send_response(200)
        request.send_header("Content-Type", "application/rss+xml")
        request.send_header("Content-Length", str(len(GOOD_FEED)))
        request.end_headers()
        request.wfile.write(GOOD_FEED)

    good = start_http(respond)
    store = SQLiteStore(tmp_path / "s.db")
    stop = threading.Event()
    try:
        sources = [{"name": "slow", **FAMILIES["x (tweepy)"](base_url(slow))},
                   {"name": "good", "kind": "rss", "url": f"{base_url(good)}/feed", "interval": "1s", "jitter": 0}]
        settings = RunSettings(retries=0, timeout=30.0, deadline=600.0, concurrency=2)
        scheduler, _ = build_scheduler(store, load_sources(sources), settings, jitter=False, x_token="t", stop=stop)
        runner = threading.Thread(target=scheduler.watch, args=(stop,))
        runner.start()
        time.sleep(5.0)
        # The slow source's first fetch is still dripping (its deadline is 10 minutes away),
        # and the good one came back at its 1 s interval all along.
        assert scheduler.health["slow"].runs == 0
        assert len(hits) >= 3, hits
        stop.set()
        runner.join(timeout=5)
        assert not runner.is_alive()
        assert scheduler.health["slow"].last_error.startswith("stopped"), scheduler.health["slow"].line
        scheduler.close()
        assert store.count(Query()) == 2
    finally:
        stop.set()
        store.close()
        slow.shutdown()
        good.shutdown()


# requests honours the environment's proxies (httpx does not, given a transport of our own)
PROXIED = {
    "x (tweepy)": {"kind": "x", "query": "roku down", "api_base": "http://api.example.test"},
    "mastodon (Mastodon.py)": {"kind": "mastodon", "instance": "mastodon.example", "tags": ["outage"],
                               "api_base": "http://mastodon.example.test"},
}


@pytest.mark.parametrize("family", sorted(PROXIED))
def test_through_the_environments_proxy_requests_still_holds_the_deadline(tmp_path, monkeypatch, family):
    proxy, feed = serve_drip(0.2), serve_body(GOOD_FEED, "application/rss+xml")  # the proxy drips whatever is asked
    for name in ("http_proxy", "https_proxy", "all_proxy", "no_proxy", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTP_PROXY", base_url(proxy))
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")  # the good feed is fetched directly
    store = SQLiteStore(tmp_path / "s.db")
    scheduler = None
    try:
        sources = [{"name": "slow", **PROXIED[family]}, {"name": "good", "kind": "rss", "url": f"{base_url(feed)}/feed"}]
        settings = RunSettings(retries=0, timeout=1.0, deadline=DEADLINE, concurrency=2)
        scheduler, _ = build_scheduler(store, load_sources(sources), settings, jitter=False, x_token="t")
        started = time.monotonic()
        scheduler.run_round()
        assert time.monotonic() - started < BOUND
        assert any(".example.test" in path for path in proxy.paths), proxy.paths  # it went through the proxy
        assert f"timeout: over the {DEADLINE:g} s deadline" in scheduler.health["slow"].line
        assert scheduler.health["good"].new == 2 and store.count(Query()) == 2
    finally:
        if scheduler is not None:
            scheduler.close()
        store.close()
        proxy.shutdown()
        feed.shutdown()
