"""The Hacker News collector (Algolia search API over httpx) against a local server."""

from __future__ import annotations

import pytest

from outagewatch.collectors.hnapi import HNAPI
from outagewatch.search.query import Query
from tests.collectors.socialserver import SocialServer, one_round

T0 = 1760946480  # 2025-10-20T07:48:00Z


def story(n: int, text: str, author: str = "pg_fan") -> dict:
    return {"objectID": str(45600000 + n), "created_at_i": T0 + n * 60, "created_at": "", "author": author,
            "title": text, "url": f"https://example.com/{n}", "points": n, "num_comments": 0, "story_text": None,
            "_tags": ["story", f"author_{author}", f"story_{45600000 + n}"]}


def comment(n: int, html: str, author: str) -> dict:
    return {"objectID": str(45600000 + n), "created_at_i": T0 + n * 60, "created_at": "", "author": author,
            "comment_text": html, "story_id": 45600001, "story_title": "AWS outage", "parent_id": 45600001,
            "_tags": ["comment", f"author_{author}", "story_45600001"]}


HITS = [story(i, f"AWS outage in us-east-1, part {i}") for i in range(1, 24)]
HITS += [comment(30, "<p>DynamoDB is down for us &amp; <i>our</i> AWS outage dashboards too</p>", "throwaway42"),
         story(31, "Show HN: a weather app")]


@pytest.fixture
def hn():
    server = SocialServer(HNAPI(HITS), prefix="/api/v1")
    yield server
    server.close()


def run(db, base, retries=1, **extra):
    source = {"name": "hn", "kind": "hn", "query": "aws outage", "page_size": 10, "max_pages": 5, "api_base": base,
              **extra}
    return one_round(db, [source], retries=retries)[0]["hn"]


def test_stories_and_comments_by_query_then_only_newer(db, hn):
    health = run(db, hn.base)
    assert health.new == 24 and health.errors == 0
    assert len(hn.paths) == 3 and all("search_by_date" in p for p in hn.paths)
    note = db.get(next(s.id for s in db.scan(Query()) if s.author == "throwaway42"))
    assert note.text == "DynamoDB is down for us & our AWS outage dashboards too"
    assert note.source == "hn:search:aws outage" and note.url == "https://news.ycombinator.com/item?id=45600030"
    assert note.raw["type"] == "comment" and note.title == "AWS outage"
    assert db.get_checkpoint("collector:hn")["search"] == {"floor": T0 + 30 * 60}
    hn.paths.clear()
    again = run(db, hn.base)
    assert again.new == 0
    assert "numericFilters=created_at_i%3E%3D" + str(T0 + 30 * 60) in hn.paths[0]
    assert db.count(Query()) == 24


def test_a_bounded_walk_finishes_the_window_next_run(db, hn):
    hn.api = HNAPI(HITS[:3])
    run(db, hn.base, max_pages=1)
    hn.api = HNAPI(HITS)
    run(db, hn.base, max_pages=1)
    state = db.get_checkpoint("collector:hn")["search"]
    assert state["pending"] == {"cursor": 1, "top": T0 + 30 * 60}
    run(db, hn.base, max_pages=1)
    assert any(f"created_at_i%3C%3D{T0 + 30 * 60}" in p for p in hn.paths)  # the window stays fixed
    run(db, hn.base, max_pages=1)
    assert db.get_checkpoint("collector:hn")["search"] == {"floor": T0 + 30 * 60}
    assert db.count(Query()) == 24


def test_an_item_without_author_is_rejected_not_fatal(db, hn):
    broken = dict(story(50, "AWS outage: anonymous"), author=None)
    hn.api = HNAPI(HITS + [broken])
    health = run(db, hn.base)
    assert health.new == 24 and health.rejected == 1 and "45600050" in health.rejections[0]
