"""The Bluesky collector through the atproto SDK against a local XRPC server."""

from __future__ import annotations

import pytest

from outagewatch.collectors import build_collector, load_sources
from outagewatch.collectors.bskyapi import BlueskyAPI
from outagewatch.collectors.social import SocialCredentials
from outagewatch.search.query import Query
from tests.collectors.socialserver import SocialServer, one_round

USERS = {"viewer": ("did:plc:viewer0000000000000000001", "viewer.bsky.social"),
         "support": ("did:plc:support000000000000000001", "support.example.com")}


def post(n: int, who: str, text: str, minute: int | None = None) -> dict:
    did, handle = USERS[who]
    minute = n if minute is None else minute
    stamp = f"2025-10-20T07:{minute:02d}:00.000Z"
    rkey = f"3m3{n:010d}"
    return {"uri": f"at://{did}/app.bsky.feed.post/{rkey}", "cid": f"bafyreib{n:052d}",
            "author": {"did": did, "handle": handle, "displayName": who.title(), "labels": []},
            "record": {"$type": "app.bsky.feed.post", "text": text, "createdAt": stamp, "langs": ["en"]},
            "replyCount": 0, "repostCount": 1, "likeCount": n, "quoteCount": 0, "indexedAt": stamp, "labels": []}


POSTS = [post(i, "viewer", f"aws down again? error {i}") for i in range(1, 26)]
POSTS += [post(40, "support", "We are investigating elevated errors for some customers.", 40),
          post(41, "viewer", "lovely weather today", 41)]

CREDS = SocialCredentials(bluesky_handle="me.bsky.social", bluesky_app_password="app-pass-1234")


@pytest.fixture
def bsky():
    server = SocialServer(BlueskyAPI(POSTS))
    yield server
    server.close()


def sources(base, **extra):
    return [{"name": "search", "kind": "bluesky", "query": "aws down", "page_size": 10, "max_pages": 10,
             "api_base": base, **extra},
            {"name": "support", "kind": "bluesky", "accounts": ["support.example.com", "nobody.example"],
             "api_base": base}]


def run(db, chosen, creds=CREDS, retries=1):
    return one_round(db, chosen, creds, retries)


def test_search_pages_logs_in_and_then_only_reads_newer_posts(db, bsky):
    health, skipped = run(db, sources(bsky.base))
    assert not skipped
    assert health["search"].new == 25 and health["search"].errors == 0
    assert bsky.paths[0].startswith("/xrpc/com.atproto.server.createSession")
    assert b"app-pass-1234" in bsky.bodies[0]
    searches = [p for p in bsky.paths if "searchPosts" in p]
    assert len(searches) == 3 and sum("cursor=" in p for p in searches) == 2  # 25 posts, 10 a page
    auth = [h for p, h in zip(bsky.paths, bsky.headers) if "searchPosts" in p]
    assert all(h.get("Authorization", "").startswith("Bearer ") for h in auth)
    assert health["support"].new == 1 and health["support"].rejected == 1  # the unknown account is named
    stored = next(db.scan(Query(sources=("bluesky:@support.example.com",))))
    assert stored.author == USERS["support"][0]  # the DID: stable across handle changes
    assert stored.raw["handle"] == "support.example.com"
    assert stored.url == f"https://bsky.app/profile/{USERS['support'][0]}/post/3m30000000040"
    viewer = next(db.scan(Query(sources=("bluesky:search:aws down",))))
    assert viewer.author == USERS["viewer"][0] and viewer.lang == "en"
    assert db.get_checkpoint("collector:search")["search"] == {"floor": "2025-10-20T07:25:00.000Z"}
    bsky.paths.clear()
    again, _ = run(db, sources(bsky.base))
    assert again["search"].new == 0 and again["search"].errors == 0
    assert any("since=2025-10-20T07%3A25%3A00.000Z" in p or "since=2025-10-20T07:25:00.000Z" in p
               for p in bsky.paths)
    assert db.count(Query()) == 26


def test_a_bounded_walk_resumes_from_its_cursor_without_a_gap(db, bsky):
    chosen = sources(bsky.base, max_pages=1)[:1]
    bsky.api = BlueskyAPI(POSTS[:5])
    run(db, chosen)  # first run: the newest page only, no backfill
    assert db.count(Query()) == 5
    bsky.api = BlueskyAPI(POSTS)  # 20 newer posts arrive; one page of 10 a run
    first, _ = run(db, chosen)
    state = db.get_checkpoint("collector:search")["search"]
    assert first["search"].new == 10 and state["pending"]["cursor"] and state["floor"] == "2025-10-20T07:05:00.000Z"
    second, _ = run(db, chosen)
    assert second["search"].new == 10
    third, _ = run(db, chosen)  # the last page holds only the post at the floor, already stored
    assert third["search"].new == 0 and third["search"].duplicates == 1
    assert db.get_checkpoint("collector:search")["search"] == {"floor": "2025-10-20T07:25:00.000Z"}
    assert db.count(Query()) == 25  # nothing skipped between the runs, nothing twice


def test_search_without_a_login_is_skipped_with_what_to_set(db, bsky):
    health, skipped = run(db, sources(bsky.base), creds=SocialCredentials())
    assert [s.name for s in skipped] == ["search"]
    assert "OUTAGEWATCH_BLUESKY_APP_PASSWORD" in skipped[0].reason and "\n" not in skipped[0].reason
    assert health["support"].new == 1  # account feeds are public
    assert not any("createSession" in p for p in bsky.paths)


def test_rate_limit_headers_stop_the_walk_early(db, bsky):
    bsky.extra_headers = {"ratelimit-remaining": "0", "ratelimit-reset": "4102444800"}
    health, _ = run(db, sources(bsky.base)[:1])
    assert len([p for p in bsky.paths if "searchPosts" in p]) == 1
    assert health["search"].new == 10 and db.get_checkpoint("collector:search")["search"]["floor"] is not None


def test_the_app_password_never_shows(bsky):
    source = load_sources(sources(bsky.base)[:1])[0]
    collector = build_collector(source, social=CREDS)
    assert "app-pass-1234" not in repr(collector) and "app-pass-1234" not in repr(CREDS)
    collector.close()


def test_an_expired_cursor_does_not_wedge_the_source(db, bsky):
    chosen = sources(bsky.base, max_pages=1)[:1]
    bsky.api = BlueskyAPI(POSTS[:5])
    run(db, chosen)
    bsky.api = BlueskyAPI(POSTS)
    run(db, chosen)
    assert db.get_checkpoint("collector:search")["search"]["pending"]["cursor"] == "10"
    from tests.collectors.socialserver import Failure

    bsky.fail_only = "cursor=10"
    bsky.fail = [Failure(400, b'{"error": "InvalidRequest", "message": "malformed cursor"}',
                         {"Content-Type": "application/json"})]
    health, _ = run(db, chosen)
    assert health["search"].errors == 0 and "cursor was refused" in health["search"].rejections[0]
    assert db.get_checkpoint("collector:search")["search"]["pending"]["cursor"] == "10"  # a fresh walk, not wedged
