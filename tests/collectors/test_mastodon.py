"""The Mastodon collector through Mastodon.py against a local Mastodon REST server."""

from __future__ import annotations

import pytest

from outagewatch.collectors import build_collector, load_sources
from outagewatch.collectors.mastoapi import MastodonAPI
from outagewatch.collectors.social import SocialCredentials
from outagewatch.search.query import Query
from tests.collectors.socialserver import SocialServer, one_round

ACCOUNTS = {
    "alice": {"id": "109000000000000001", "username": "alice", "acct": "alice", "display_name": "Alice",
              "url": "https://mastodon.social/@alice", "locked": False, "bot": False, "note": "",
              "avatar": "", "header": "", "followers_count": 3, "following_count": 1, "statuses_count": 9,
              "created_at": "2022-11-01T00:00:00.000Z", "emojis": [], "fields": []},
    "ops": {"id": "109000000000000002", "username": "status", "acct": "status@hachyderm.io", "display_name": "Ops",
            "url": "https://hachyderm.io/@status", "locked": False, "bot": False, "note": "", "avatar": "",
            "header": "", "followers_count": 30, "following_count": 0, "statuses_count": 90,
            "created_at": "2022-11-01T00:00:00.000Z", "emojis": [], "fields": []},
}


def status(n: int, who: str, html: str, tags=("outage",), minute: int | None = None) -> dict:
    account = ACCOUNTS[who]
    sid = str(115400000000000000 + n)
    host = account["url"].split("/")[2]
    return {"id": sid, "created_at": f"2025-10-20T07:{(minute if minute is not None else n):02d}:00.000Z",
            "in_reply_to_id": None, "in_reply_to_account_id": None, "sensitive": False, "spoiler_text": "",
            "visibility": "public", "language": "en", "uri": f"https://{host}/users/{account['username']}/statuses/{sid}",
            "url": f"https://{host}/@{account['username']}/{sid}", "replies_count": 0, "reblogs_count": 0,
            "favourites_count": n, "content": html, "reblog": None, "account": account, "media_attachments": [],
            "mentions": [], "tags": [{"name": t, "url": f"https://mastodon.social/tags/{t}"} for t in tags],
            "emojis": [], "card": None, "poll": None}


STATUSES = [status(i, "alice", f"<p>AWS is down again, <a href=\"https://mastodon.social/tags/outage\">#<span>outage</span></a> {i}</p>")
            for i in range(1, 26)]
STATUSES += [status(40, "ops", "<p>We&#39;re investigating elevated errors.<br>More soon.</p>", tags=(), minute=40),
             status(41, "alice", "<p>lovely weather</p>", tags=("weather",), minute=41)]


@pytest.fixture
def masto():
    server = SocialServer(MastodonAPI(STATUSES))
    yield server
    server.close()


def sources(base, **extra):
    return [{"name": "tags", "kind": "mastodon", "instance": "mastodon.social", "tags": ["outage"],
             "page_size": 10, "max_pages": 2, "api_base": base, **extra},
            {"name": "ops", "kind": "mastodon", "instance": "mastodon.social",
             "accounts": ["status@hachyderm.io", "@nobody"], "api_base": base}]


def run(db, chosen, creds=None, retries=1):
    return one_round(db, chosen, creds or SocialCredentials(), retries)


def test_hashtag_first_run_reads_the_newest_page_then_pages_up_from_since_id(db, masto):
    health, skipped = run(db, sources(masto.base))
    assert not skipped
    assert health["tags"].new == 10  # a first run never backfills
    assert health["ops"].new == 1 and health["ops"].rejected == 1  # @nobody is named, the rest goes on
    ops = next(db.scan(Query(sources=("mastodon:mastodon.social/@status@hachyderm.io",))))
    assert ops.text == "We're investigating elevated errors.\nMore soon."  # HTML to text
    assert ops.author == "@status@hachyderm.io"
    tagged = next(db.scan(Query(sources=("mastodon:mastodon.social/tags/outage",))))
    assert tagged.author == "@alice@mastodon.social" and "<" not in tagged.text and "#outage" in tagged.text
    assert db.get_checkpoint("collector:tags")["#outage"] == str(115400000000000025)
    masto.api = MastodonAPI(STATUSES + [status(n, "alice", f"<p>still down #outage {n}</p>", minute=n - 20)
                                        for n in range(50, 62)])
    masto.paths.clear()
    again, _ = run(db, sources(masto.base)[:1])
    assert again["tags"].new == 12 and again["tags"].duplicates == 0
    assert all("min_id=" in p for p in masto.paths if "/timelines/" in p)
    assert db.get_checkpoint("collector:tags")["#outage"] == str(115400000000000061)


def test_a_bounded_walk_leaves_no_gap(db, masto):
    masto.api = MastodonAPI(STATUSES[:1])
    run(db, sources(masto.base, max_pages=1)[:1])
    masto.api = MastodonAPI(STATUSES)
    counts = [run(db, sources(masto.base, max_pages=1)[:1])[0]["tags"].new for _ in range(4)]
    assert counts == [10, 10, 4, 0]
    assert db.count(Query()) == 25


def test_search_needs_a_token_for_that_instance_and_sends_it_only_there(db, masto):
    search = {"name": "search", "kind": "mastodon", "instance": "mastodon.social", "query": "aws down",
              "api_base": masto.base}
    _, skipped = run(db, [search])
    assert skipped and "OUTAGEWATCH_MASTODON_TOKENS" in skipped[0].reason
    creds = SocialCredentials(mastodon_tokens={"mastodon.social": "tok-123", "other.example": "tok-other"})
    health, skipped = run(db, [search], creds=creds)
    assert not skipped and health["search"].new == 25
    assert {h.get("Authorization") for h in masto.headers} == {"Bearer tok-123"}
    assert "tok-123" not in repr(build_collector(load_sources([search])[0], social=creds))


def test_remaining_zero_stops_paging(db, masto):
    run(db, sources(masto.base)[:1])
    masto.api = MastodonAPI(STATUSES + [status(n, "alice", f"<p>#outage {n}</p>", minute=n - 20) for n in range(50, 80)])
    masto.extra_headers = {"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "2099-01-01T00:00:00.000Z"}
    masto.paths.clear()
    health, _ = run(db, sources(masto.base, max_pages=5)[:1])
    assert len([p for p in masto.paths if "/timelines/" in p]) == 1 and health["tags"].new == 10
