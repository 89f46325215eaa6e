"""The Reddit collector through PRAW (read-only OAuth) against a local Reddit API server."""

from __future__ import annotations

import pytest

from outagewatch.collectors import build_collector, load_sources
from outagewatch.collectors.redditapi import RedditAPI
from outagewatch.collectors.social import SocialCredentials
from outagewatch.search.query import Query
from tests.collectors.socialserver import SocialServer, one_round

T0 = 1760946480  # 2025-10-20T07:48:00Z


def post(n: int, sub: str, title: str, author: str = "sre_on_call") -> dict:
    tid = f"1obx{n:03d}"
    return {"kind": "t3", "data": {
        "id": tid, "name": f"t3_{tid}", "subreddit": sub, "subreddit_name_prefixed": f"r/{sub}", "title": title,
        "selftext": "Anyone else? Console is throwing errors.", "author": author, "author_fullname": f"t2_{author[:6]}",
        "created_utc": float(T0 + n * 60), "permalink": f"/r/{sub}/comments/{tid}/x/", "url": f"https://www.reddit.com/r/{sub}/comments/{tid}/x/",
        "score": n, "num_comments": 2, "over_18": False, "is_self": True}}


def comment(n: int, sub: str, body: str, author: str) -> dict:
    cid = f"nk{n:05d}"
    return {"kind": "t1", "data": {
        "id": cid, "name": f"t1_{cid}", "subreddit": sub, "body": body, "author": author,
        "author_fullname": f"t2_{author[:6]}", "created_utc": float(T0 + n * 60), "link_id": "t3_1obx001",
        "parent_id": "t3_1obx001", "link_title": "AWS down?", "permalink": f"/r/{sub}/comments/1obx001/x/{cid}/",
        "score": 1}}


THINGS = [post(i, "aws", f"AWS down in us-east-1? #{i}") for i in range(1, 24)]
THINGS += [comment(30, "aws", "DynamoDB endpoint not resolving for us either", "dba_jane"),
           comment(31, "sysadmin", "our SSO is down, AWS is down", "it_guy"),
           post(32, "sysadmin", "Friday thread: what are you working on?", "mod_bot")]
CREDS = SocialCredentials(reddit_client_id="app-id", reddit_client_secret="app-secret-xyz")


@pytest.fixture
def reddit():
    server = SocialServer(RedditAPI(THINGS))
    yield server
    server.close()


def sources(base, **extra):
    return [{"name": "subs", "kind": "reddit", "subreddits": ["aws", "sysadmin", "nosuchsub"], "page_size": 10,
             "max_pages": 5, "api_base": base, **extra},
            {"name": "search", "kind": "reddit", "query": "aws down", "api_base": base}]


def run(db, chosen, creds=CREDS, retries=1):
    return one_round(db, chosen, creds, retries)


def test_new_posts_and_comments_then_only_newer(db, reddit):
    health, skipped = run(db, sources(reddit.base)[:1])
    assert not skipped
    assert health["subs"].new == 26 and health["subs"].errors == 0
    assert health["subs"].rejected == 2 and "nosuchsub" in health["subs"].rejections[0]
    found, _ = run(db, sources(reddit.base)[1:])
    assert found["search"].fetched == 23 and found["search"].new == 0  # the same posts: one record each
    assert db.count(Query()) == 26
    token = [b for p, b in zip(reddit.paths, reddit.bodies) if "access_token" in p]
    assert token and b"client_credentials" in token[0]
    auth = [h.get("Authorization") for p, h in zip(reddit.paths, reddit.headers) if "access_token" not in p]
    assert set(auth) == {"bearer replay-token"}
    note = next(s for s in db.scan(Query(sources=("reddit:r/aws",))) if s.author == "u/dba_jane")
    assert note.text == "DynamoDB endpoint not resolving for us either" and note.title == "AWS down?"
    assert note.raw["author_id"] == "t2_dba_ja" and note.url.endswith("/comments/1obx001/x/nk00030/")
    first = db.get_checkpoint("collector:subs")
    assert first["r/aws/new"] == {"floor": float(T0 + 23 * 60)}
    reddit.paths.clear()
    again, _ = run(db, sources(reddit.base)[:1])
    assert again["subs"].new == 0
    assert db.count(Query()) == 26


def test_without_credentials_the_source_is_skipped_with_what_to_set(db, reddit):
    health, skipped = run(db, sources(reddit.base), creds=SocialCredentials())
    assert {s.name for s in skipped} == {"subs", "search"} and not health
    assert all("OUTAGEWATCH_REDDIT_CLIENT_ID" in s.reason and "\n" not in s.reason for s in skipped)
    assert reddit.paths == []


def test_a_spent_quota_stops_the_walk(db, reddit):
    reddit.extra_headers = {"x-ratelimit-remaining": "0", "x-ratelimit-used": "100", "x-ratelimit-reset": "0"}
    health, _ = run(db, sources(reddit.base)[:1])
    assert len([p for p in reddit.paths if "access_token" not in p]) == 1 and health["subs"].new == 10


def test_the_secret_never_shows(reddit):
    collector = build_collector(load_sources(sources(reddit.base))[0], social=CREDS)
    assert "app-secret-xyz" not in repr(collector) and "app-secret-xyz" not in repr(CREDS)
