"""A fetch ends by its wall-clock deadline whatever the server does; SIGTERM and SIGINT
stop a run within a second, keeping what was fetched; redirects go only to http(s) and,
when the source says so, only to its own host."""

from __future__ import annotations

import signal
import time

import pytest

from outagewatch.collectors import load_sources
from outagewatch.collectors.run import RunSettings, build_scheduler
from outagewatch.search.query import Query
from outagewatch.search.sqlite import SQLiteStore
from tests.collectors.collectproc import collect_process, wait_until_stored
from tests.collectors.localhttp import base_url, serve_body, start_http
from tests.collectors.test_failures import GOOD_FEED


def _drip(where: str):
    """A server that sends one byte every 0.2 s forever: in the body, or in the headers."""
    def respond(request):
        try:
            if where == "body":
                request.send_response(200)
                request.send_header("Content-Type", "application/rss+xml")
                request.end_headers()
                request.wfile.flush()
                stream = GOOD_FEED * 1000
            else:
                stream = b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nX-Padding: " + b"x" * 100000
            for i in range(len(stream)):
                request.wfile.write(stream[i:i + 1])
                request.wfile.flush()
                time.sleep(0.2)
        except OSError:
            pass
        request.close_connection = True

    return start_http(respond)


def _url(httpd, path="/feed") -> str:
    return base_url(httpd) + path


@pytest.mark.parametrize("where", ["body", "headers"])
def test_a_dripping_server_is_cut_off_at_the_deadline(tmp_path, where):
    slow, good = _drip(where), serve_body(GOOD_FEED, "application/rss+xml")
    store = SQLiteStore(tmp_path / "s.db")
    try:
        sources = load_sources([{"name": "slow", "kind": "rss", "url": _url(slow)},
                                {"name": "good", "kind": "rss", "url": _url(good)}])
        settings = RunSettings(retries=0, timeout=1.0, deadline=1.5, concurrency=2)
        scheduler, _ = build_scheduler(store, sources, settings, jitter=False)
        started = time.monotonic()
        scheduler.run_round()
        elapsed = time.monotonic() - started
        scheduler.close()
        assert elapsed < 10.0, elapsed  # far below "forever" (the drip never ends, and a read timeout of 1 s
        # never fires: the server sends every 0.2 s); the margin above the 1.5 s deadline is for a loaded machine
        assert "deadline" in scheduler.health["slow"].last_error, scheduler.health["slow"].last_error
        assert scheduler.health["good"].new == 2
        assert store.count(Query()) == 2
    finally:
        store.close()
        slow.shutdown()
        good.shutdown()


@pytest.mark.parametrize("mode, sig", [("--once", signal.SIGTERM), ("--once", signal.SIGINT),
                                       ("--watch", signal.SIGTERM), ("--watch", signal.SIGINT)])
def test_a_signal_stops_collect_promptly_keeping_what_was_fetched(tmp_path, mode, sig):
    slow, good = _drip("body"), serve_body(GOOD_FEED, "application/rss+xml")
    try:
        process = collect_process(tmp_path, [{"name": "slow", "kind": "rss", "url": _url(slow)},
                                      {"name": "good", "kind": "rss", "url": _url(good)}], mode)
        wait_until_stored(tmp_path / "s.db", 2, process)  # the good source; the slow one drips on
        time.sleep(0.5)
        sent = time.monotonic()
        process.send_signal(sig)
        out, err = process.communicate(timeout=20)
        assert time.monotonic() - sent < 5.0  # (not the drip's end, which never comes)
        assert b"Traceback" not in err, err
        assert b"stopped" in err, (process.returncode, err)
        with SQLiteStore(tmp_path / "s.db") as store:
            assert store.count(Query()) == 2
    finally:
        if process.poll() is None:
            process.kill()
        slow.shutdown()
        good.shutdown()


def _redirect_server(location: str):
    def respond(request):
        respond.hits += 1
        request.send_response(302)
        request.send_header("Location", location)
        request.send_header("Content-Length", "0")
        request.end_headers()

    respond.hits = 0
    httpd = start_http(respond)
    return httpd, respond


@pytest.mark.parametrize("location", ["file:///etc/passwd", "gopher://127.0.0.1:70/", "ftp://127.0.0.1/x"])
def test_a_redirect_off_http_is_refused_not_retried(tmp_path, location):
    httpd, handler = _redirect_server(location)
    store = SQLiteStore(tmp_path / "s.db")
    try:
        sources = load_sources([{"name": "r", "kind": "rss", "url": _url(httpd)}])
        scheduler, _ = build_scheduler(store, sources, RunSettings(retries=3, backoff=0.01, timeout=2), jitter=False)
        scheduler.run_round()
        scheduler.close()
        error = scheduler.health["r"].last_error
        assert error.startswith("bad-response:") and "refused" in error, error
        assert handler.hits == 1  # refused at once, not retried as a "connection" error
    finally:
        store.close()
        httpd.shutdown()


def test_a_redirect_to_another_host_is_refused_when_the_source_says_same_host(tmp_path):
    good = serve_body(GOOD_FEED, "application/rss+xml")
    # The same server by another name: "localhost" is not the source's host "127.0.0.1".
    httpd, _ = _redirect_server(f"http://localhost:{good.server_address[1]}/feed")
    store = SQLiteStore(tmp_path / "s.db")
    try:
        sources = load_sources([{"name": "strict", "kind": "rss", "url": _url(httpd), "redirects": "same-host"},
                                {"name": "open", "kind": "rss", "url": _url(httpd, "/other")}])
        scheduler, _ = build_scheduler(store, sources, RunSettings(retries=0, timeout=2), jitter=False)
        scheduler.run_round()
        scheduler.close()
        assert "another host" in scheduler.health["strict"].last_error
        assert scheduler.health["open"].new == 2  # the default follows http(s) redirects anywhere
    finally:
        store.close()
        httpd.shutdown()
        good.shutdown()


def test_same_host_redirects_from_the_collect_section(tmp_path):
    good = serve_body(GOOD_FEED, "application/rss+xml")
    httpd, _ = _redirect_server(f"http://localhost:{good.server_address[1]}/feed")
    try:
        process = collect_process(tmp_path, [{"name": "feed", "kind": "rss", "url": _url(httpd)}], "--once",
                           collect='redirects = "same-host"\n')
        out, err = process.communicate(timeout=60)
        assert process.returncode == 3, err  # partial: the source failed
        assert "another host" in out.decode()
    finally:
        httpd.shutdown()
        good.shutdown()
