"""The failure matrix for every social collector, each through its real client library
against a local server: every failure is one summary line of the right kind, retries
are bounded, ``Retry-After`` is honoured, and nothing is stored or lost."""

from __future__ import annotations

import pytest

from outagewatch.collectors import load_sources
from outagewatch.collectors.bskyapi import BlueskyAPI
from outagewatch.collectors.hnapi import HNAPI
from outagewatch.collectors.mastoapi import MastodonAPI
from outagewatch.collectors.redditapi import RedditAPI
from outagewatch.collectors.run import RunSettings, build_scheduler
from outagewatch.collectors.social import SocialCredentials
from outagewatch.search.query import Query
from tests.collectors import test_bluesky, test_hackernews, test_mastodon, test_reddit
from tests.clihelp import free_port
from tests.collectors.socialserver import FAILURES, Failure, SocialServer

CREDS = SocialCredentials(bluesky_handle="me.bsky.social", bluesky_app_password="pw",
                          reddit_client_id="cid", reddit_client_secret="csecret",
                          mastodon_tokens={"127.0.0.1": "mtoken"})

NETWORKS = {
    # name: (server factory, source for a base URL, items a clean run stores)
    "bluesky": (lambda: SocialServer(BlueskyAPI(test_bluesky.POSTS)),
                lambda base: {"name": "s", "kind": "bluesky", "query": "aws down", "page_size": 50, "api_base": base},
                25),
    "hn": (lambda: SocialServer(HNAPI(test_hackernews.HITS), prefix="/api/v1"),
           lambda base: {"name": "s", "kind": "hn", "query": "aws outage", "page_size": 50, "api_base": base}, 24),
    "mastodon": (lambda: SocialServer(MastodonAPI(test_mastodon.STATUSES)),
                 lambda base: {"name": "s", "kind": "mastodon", "instance": "127.0.0.1", "tags": ["outage"],
                               "query": "aws down", "api_base": base}, 25),
    "reddit": (lambda: SocialServer(RedditAPI(test_reddit.THINGS)),
               lambda base: {"name": "s", "kind": "reddit", "subreddits": ["aws"], "query": "aws down",
                             "api_base": base}, 24),
}


def run(db, source, retries=1, sleep=None):
    settings = RunSettings(retries=retries, backoff=0.01, backoff_max=30, timeout=0.5)
    scheduler, skipped = build_scheduler(db, load_sources([source]), settings, social=CREDS, jitter=False,
                                         sleep=sleep or (lambda s: None))
    assert not skipped, skipped
    scheduler.run_round()
    scheduler.close()
    return scheduler.health["s"]


@pytest.fixture(params=sorted(NETWORKS))
def network(request):
    make, source, clean = NETWORKS[request.param]
    server = make()
    yield server, source, clean
    server.close()


@pytest.mark.parametrize("failure", sorted(FAILURES))
def test_each_failure_is_one_line_of_its_kind_and_loses_nothing(db, network, failure):
    server, source, clean = network
    answer, kind = FAILURES[failure]
    server.always = answer
    health = run(db, source(server.base), retries=2)
    assert health.errors == 1 and health.new == 0, health.line
    assert "\n" not in health.line and health.last_error.startswith(f"{kind}:"), health.line
    if kind in ("auth", "bad-response"):
        assert health.retries == 0  # retrying cannot help
    else:
        assert health.retries == 2  # bounded: the first try and two retries
    assert db.count(Query()) == 0
    assert db.get_checkpoint("collector:s") is None
    server.always = None
    assert run(db, source(server.base)).new == clean


def test_connection_refused_is_a_connection_error(db, network):
    _, source, _ = network
    health = run(db, source(f"http://127.0.0.1:{free_port()}/api/v1"))
    assert health.errors == 1 and health.last_error.startswith("connection:"), health.line


def test_retry_after_is_honoured_then_the_run_recovers(db, network):
    server, source, clean = network
    server.fail_only = "/timelines/" if source("")["kind"] == "mastodon" else None  # not the instance probe
    server.fail = [Failure(429, b"{}", {"Content-Type": "application/json", "Retry-After": "7"})]
    waits = []
    health = run(db, source(server.base), retries=2, sleep=waits.append)
    assert health.errors == 0 and health.retries == 1 and health.new == clean
    assert waits and waits[0] >= 7


def test_a_rate_limit_reset_header_sets_the_wait(db, network):
    server, source, _ = network
    if source("")["kind"] == "hn":
        return  # Algolia sends no reset header, only 429 (and Retry-After, tested above)
    import time

    server.always = Failure(429, b"{}", {"Content-Type": "application/json",
                                         "ratelimit-reset": str(int(time.time()) + 20),
                                         "x-ratelimit-reset": str(int(time.time()) + 20)})
    waits = []
    health = run(db, source(server.base), retries=1, sleep=waits.append)
    assert health.last_error.startswith("rate-limited:")
    assert waits and waits[0] >= 15


@pytest.mark.parametrize("entry,expected", [
    ({"kind": "reddit", "subreddit": ["aws"]}, "unknown key 'subreddit' for a reddit source (did you mean 'subreddits'?)"),
    ({"kind": "mastodon", "instance": "mastodon.social", "tags": ["outage"], "max_page": 2},
     "unknown key 'max_page' for a mastodon source (did you mean 'max_pages'?)"),
    ({"kind": "hn", "query": "aws", "page_size": "lots"}, "page_size must be a whole number, got 'lots'"),
    ({"kind": "bluesky", "accounts": ["bsky.app"], "signal_source": "x"}, "unknown key 'signal_source'"),
])
def test_a_mistyped_option_is_one_clear_skip_line(db, entry, expected):
    settings = RunSettings(retries=0, timeout=1)
    _, skipped = build_scheduler(db, load_sources([{"name": "s", **entry}]), settings, social=CREDS, jitter=False)
    assert len(skipped) == 1 and expected in skipped[0].reason and "\n" not in skipped[0].reason, skipped
