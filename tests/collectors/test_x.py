"""The X collector through tweepy against a local server speaking the v2 endpoints it uses."""

from __future__ import annotations

import json
import time

import pytest

from outagewatch.collectors import load_sources
from outagewatch.collectors.run import RunSettings, build_scheduler
from outagewatch.collectors.xapi import XAPI
from outagewatch.search.query import Query
from tests.collectors.localhttp import start_http

USERS = [{"id": "11", "username": "RokuSupport", "name": "Roku Support"},
         {"id": "22", "username": "viewer1", "name": "A viewer"}]


def tweet(n: int, author: str, text: str) -> dict:
    return {"id": str(1331600000000000000 + n), "text": text, "author_id": author, "lang": "en",
            "created_at": f"2020-11-25T14:{n % 60:02d}:00.000Z", "edit_history_tweet_ids": [str(1331600000000000000 + n)]}


class XServer:
    """Real HTTP; ``fail`` makes the next requests answer with a chosen failure."""

    def __init__(self, tweets):
        self.api = XAPI(tweets, USERS)
        self.fail: list[tuple[int, dict, bytes]] = []
        self.paths: list[str] = []
        self.httpd = start_http(self._respond)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}/x"

    def _respond(self, request) -> None:
        path, _, query = request.path.partition("?")
        self.paths.append(request.path)
        if self.fail:
            status, headers, body = self.fail.pop(0)
        else:
            status, payload = self.api.handle(path.removeprefix("/x"), query, None)
            headers, body = {}, json.dumps(payload).encode()
        request.send_response(status)
        request.send_header("Content-Type", "application/json")
        for k, v in headers.items():
            request.send_header(k, v)
        request.send_header("Content-Length", str(len(body)))
        request.end_headers()
        request.wfile.write(body)


@pytest.fixture
def xserver():
    tweets = [tweet(i, "22", f"roku down again, error {i}") for i in range(1, 26)]
    tweets += [tweet(40, "11", "We're aware some customers can't stream. Investigating."),
               tweet(41, "22", "lovely weather today")]
    server = XServer(tweets)
    yield server
    server.httpd.shutdown()
    server.httpd.server_close()


SOURCES = [{"name": "search", "kind": "x", "query": "roku down", "page_size": 10, "max_pages": 10},
           {"name": "support", "kind": "x", "accounts": ["@RokuSupport", "@NoSuchAccount"]}]


def run(db, xserver, sources=SOURCES, retries=1):
    settings = RunSettings(retries=retries, backoff=0.01, backoff_max=0.05, timeout=2)
    scheduler, skipped = build_scheduler(db, load_sources(sources), settings, x_token="test-token",
                                         x_api_base=xserver.base, jitter=False)
    scheduler.run_round()
    scheduler.close()
    return scheduler.health


def test_search_pages_through_results_and_then_only_asks_for_newer_posts(db, xserver):
    health = run(db, xserver)
    assert health["search"].new == 25
    assert sum("next_token=" in p or "pagination_token=" in p for p in xserver.paths) == 2  # 25 posts, 10 a page
    assert health["support"].new == 1 and health["support"].rejected == 1  # @NoSuchAccount is named in the summary
    post = db.scan(Query(sources=("x:@RokuSupport",))).__next__()
    assert post.author == "@RokuSupport" and post.url.endswith("/status/1331600000000000040")
    checkpoint = db.get_checkpoint("collector:search")
    assert checkpoint["search"] == "1331600000000000025"
    xserver.paths.clear()
    again = run(db, xserver)
    assert again["search"].new == 0 and again["search"].fetched == 0
    assert any("since_id=1331600000000000025" in p for p in xserver.paths)
    assert db.count(Query()) == 26


@pytest.mark.parametrize("failure,kind", [
    ((429, {}, b'{"title": "Too Many Requests"}'), "rate-limited"),
    ((429, {"x-rate-limit-reset": str(int(time.time()) + 1)}, b'{"title": "Too Many Requests"}'), "rate-limited"),
    ((401, {}, b'{"title": "Unauthorized"}'), "auth"),
    ((503, {}, b'{"title": "Service Unavailable"}'), "server-error"),
    ((200, {}, b'{"data": [ this is not json'), "bad-response"),
])
def test_failures_are_bounded_and_reported(db, xserver, failure, kind):
    xserver.fail = [failure] * 10
    health = run(db, xserver, sources=SOURCES[:1], retries=2)
    assert health["search"].errors == 1
    assert health["search"].last_error.startswith(kind), health["search"].last_error
    assert len(xserver.paths) <= 3  # bounded: never tweepy's endless 429 loop
    assert db.count(Query()) == 0
    xserver.fail = []
    assert run(db, xserver, sources=SOURCES[:1])["search"].new == 25


def test_a_429_then_success_recovers_within_the_run(db, xserver):
    xserver.fail = [(429, {}, b"{}")]
    health = run(db, xserver, sources=SOURCES[:1], retries=2)
    assert health["search"].errors == 0 and health["search"].retries == 1 and health["search"].new == 25


def test_a_token_is_required_and_never_shown(db, xserver):
    from outagewatch.collectors import build_collector
    from outagewatch.config import Secret

    source = load_sources(SOURCES[:1])[0]
    with pytest.raises(ValueError, match="bearer token"):
        build_collector(source, x_token=None)
    collector = build_collector(source, x_token=Secret("very-secret-token"), x_api_base=xserver.base)
    assert "very-secret-token" not in repr(vars(collector))
