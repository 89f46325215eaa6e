"""A small Hacker News Algolia API server-side (``/api/v1/search_by_date``) answered from
a list of hits, for replay and tests: ``query`` (every word, case-insensitive, in the
title, story or comment text), ``tags`` (``story``, ``comment``, ``(story,comment)``),
``numericFilters`` on ``created_at_i``, ``hitsPerPage`` and ``page``. Only hits created
up to the simulated now are visible."""

from __future__ import annotations

import operator
import re
from datetime import datetime
from typing import Any
from urllib.parse import parse_qs

from outagewatch.collectors.text import plain

_FILTER = re.compile(r"^\s*(created_at_i)\s*(<=|>=|<|>|=)\s*(\d+)\s*$")
_OPS = {"<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge, "=": operator.eq}


def words_match(query: str, *texts: str | None) -> bool:
    low = " ".join(plain(t) for t in texts if t).lower()
    return all(word in low for word in query.lower().split())


class HNAPI:
    def __init__(self, hits: list[dict[str, Any]]) -> None:
        self.hits = sorted(hits, key=lambda h: int(h["created_at_i"]), reverse=True)

    def handle(self, path: str, query_string: str, now: datetime | None, body: bytes = b"",
               token: str | None = None) -> tuple[int, dict[str, Any]]:
        params = {k: v[-1] for k, v in parse_qs(query_string).items()}
        if path.rstrip("/") != "/api/v1/search_by_date":
            return 404, {"message": "Not Found", "status": 404}
        chosen = [h for h in self.hits if now is None or int(h["created_at_i"]) <= now.timestamp()]
        query = params.get("query", "")
        chosen = [h for h in chosen if words_match(query, h.get("title"), h.get("story_text"), h.get("comment_text"))]
        tags = [t for t in re.split(r"[(),]", params.get("tags", "")) if t]
        if tags:
            chosen = [h for h in chosen if set(tags) & set(h.get("_tags") or [])]
        for expression in filter(None, params.get("numericFilters", "").split(",")):
            m = _FILTER.match(expression)
            if not m:
                return 400, {"message": f"invalid numericFilters: {expression}", "status": 400}
            op, value = _OPS[m.group(2)], int(m.group(3))
            chosen = [h for h in chosen if op(int(h["created_at_i"]), value)]
        size = max(1, min(1000, int(params.get("hitsPerPage", 20))))
        page = max(0, int(params.get("page", 0)))
        pages = (len(chosen) + size - 1) // size
        return 200, {"hits": chosen[page * size:(page + 1) * size], "nbHits": len(chosen), "page": page,
                     "nbPages": pages, "hitsPerPage": size, "query": query, "params": query_string}
