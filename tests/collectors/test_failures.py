"""Every way a source can fail: the run goes on with the other sources, the failure is
one clear line in the summary, and nothing stored is lost or duplicated."""

from __future__ import annotations


import pytest

from outagewatch.collectors import load_sources
from outagewatch.collectors.run import RunSettings, build_scheduler
from outagewatch.search.query import Query
from tests.clihelp import free_port

GOOD_FEED = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Example status</title>
<item><title>Increased Error Rates</title><guid>a1</guid><pubDate>Wed, 25 Nov 2020 14:36:00 GMT</pubDate>
<description>We are investigating increased error rates.</description></item>
<item><title>Service is operating normally</title><guid>a2</guid><pubDate>Thu, 26 Nov 2020 06:23:00 GMT</pubDate>
<description>[RESOLVED] The issue has been resolved.</description></item>
</channel></rss>"""

ANTI_BOT = b"<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>Checking your browser</body></html>"


FAILURES = {
    # name: (route kwargs, expected error kind in the summary line)
    "timeout": ({"body": GOOD_FEED, "delay": 1.5, "headers": {"Content-Type": "application/rss+xml"}}, "timeout"),
    "429": ({"status": 429, "body": b"slow down", "headers": {"Retry-After": "0"}}, "rate-limited"),
    "500": ({"status": 500, "body": b"oops"}, "server-error"),
    "503": ({"status": 503, "body": b"maintenance"}, "server-error"),
    "401": ({"status": 401, "body": b"no"}, "auth"),
    "403": ({"status": 403, "body": b"forbidden"}, "auth"),
    "malformed": ({"body": b'{"incidents": [', "headers": {"Content-Type": "application/json"}}, "bad-response"),
    "empty": ({"body": b"", "headers": {"Content-Type": "application/rss+xml"}}, "bad-response"),
    "huge": ({"stream_bytes": 3_000_000}, "bad-response"),
    "wrong-type": ({"body": b"\x89PNG\r\n\x1a\n0000", "headers": {"Content-Type": "image/png"}}, "bad-response"),
    "anti-bot": ({"status": 200, "body": ANTI_BOT, "headers": {"Content-Type": "text/html"}}, "blocked"),
}


def run(db, sources, **settings):
    config = RunSettings(retries=settings.pop("retries", 1), backoff=0.01, backoff_max=0.05, timeout=0.5,
                         concurrency=4)
    scheduler, skipped = build_scheduler(db, load_sources(sources), config, jitter=False)
    try:
        scheduler.run_round()
    finally:
        scheduler.close()
    return scheduler.health


@pytest.mark.parametrize("failure", sorted(FAILURES))
def test_one_failing_source_does_not_stop_the_others(server, db, failure):
    kwargs, kind = FAILURES[failure]
    server.route("/good.rss", body=GOOD_FEED, headers={"Content-Type": "application/rss+xml"})
    # a malformed body is tried on a JSON status page: a broken feed is "parsed as far as possible" instead
    source_kind, path = ("statuspage", "/bad/api/v2/incidents.json") if failure == "malformed" else ("rss", "/bad")
    server.route(path, **kwargs)
    sources = [{"name": "good", "kind": "rss", "url": f"{server.base}/good.rss", "services": ["aws/kinesis"]},
               {"name": "bad", "kind": source_kind, "url": f"{server.base}{path}", "max_bytes": 1_000_000}]
    health = run(db, sources)
    assert health["good"].new == 2 and health["good"].errors == 0
    assert health["bad"].errors == 1 and health["bad"].new == 0
    line = health["bad"].line
    assert "\n" not in line and f"last error: {kind}:" in line, line
    assert db.count(Query()) == 2


def test_connection_refused_and_redirect_loop_are_reported(server, db):
    server.route("/loop", status=302, headers={"Location": "/loop"})
    sources = [{"name": "refused", "kind": "news", "url": f"http://127.0.0.1:{free_port()}/feed"},
               {"name": "loop", "kind": "news", "url": f"{server.base}/loop"}]
    health = run(db, sources)
    assert health["refused"].last_error.startswith("connection:")
    assert "redirect loop" in health["loop"].last_error


def test_transient_failures_are_retried_a_bounded_number_of_times(server, db):
    route = server.route("/flaky", status=503, body=b"busy")
    health = run(db, [{"name": "flaky", "kind": "rss", "url": f"{server.base}/flaky"}], retries=3)
    assert route.hits == 4  # the first try and three retries, then the run moves on
    assert health["flaky"].retries == 3 and health["flaky"].errors == 1


def test_auth_failures_are_not_retried(server, db):
    route = server.route("/secret", status=401, body=b"no")
    run(db, [{"name": "secret", "kind": "rss", "url": f"{server.base}/secret"}], retries=3)
    assert route.hits == 1


def test_failure_after_success_keeps_what_was_stored(server, db):
    route = server.route("/feed", body=GOOD_FEED, headers={"Content-Type": "application/rss+xml"})
    sources = [{"name": "feed", "kind": "rss", "url": f"{server.base}/feed"}]
    run(db, sources)
    route.status, route.body = 500, b"down"
    health = run(db, sources)
    assert health["feed"].errors == 1
    assert db.count(Query()) == 2
    assert db.get_checkpoint("collector:feed")["seen"]  # the good run's checkpoint survived the failure


def test_rerunning_over_the_same_responses_stores_nothing_new(server, db):
    server.route("/feed", body=GOOD_FEED, headers={"Content-Type": "application/rss+xml"})  # no validators
    sources = [{"name": "feed", "kind": "rss", "url": f"{server.base}/feed"}]
    first = run(db, sources)
    assert first["feed"].new == 2
    db.set_checkpoint("collector:feed", {})  # even with the checkpoint lost, ids are stable
    second = run(db, sources)
    assert second["feed"].new == 0 and second["feed"].duplicates == 2
    assert db.count(Query()) == 2


def test_conditional_get_uses_etag(server, db):
    def reply(handler):
        return GOOD_FEED

    route = server.route("/feed", body=reply, headers={"Content-Type": "application/rss+xml", "ETag": '"v1"'})
    sources = [{"name": "feed", "kind": "rss", "url": f"{server.base}/feed"}]
    run(db, sources)
    assert db.get_checkpoint("collector:feed")["etag"] == '"v1"'
    route.status = 304
    health = run(db, sources)
    assert health["feed"].not_modified == 1 and health["feed"].fetched == 0
