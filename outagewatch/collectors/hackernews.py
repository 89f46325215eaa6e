"""Hacker News through the public Algolia search API (``search_by_date``): stories and
comments matching a query, newest first, with ``created_at_i`` checkpoints.

No client library exists that is better kept than a plain GET, so this one goes
through the project's careful GET (:func:`outagewatch.collectors.http.get`), which
already turns timeouts, redirect loops, 429/Retry-After, 5xx, 401/403, empty, huge and
wrongly typed bodies into :class:`SourceError` kinds. The walk is bounded to a fixed
window (``created_at_i`` between the last floor and the walk's top) so page numbers stay
stable while new items arrive on top.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any

from outagewatch.collectors.base import BadResponse, FetchContext, FetchResult, SourceConfig
from outagewatch.collectors.http import get
from outagewatch.collectors.social import int_option, keep_items, quota_spent, walk
from outagewatch.collectors.text import plain
from outagewatch.signal import Signal, signal_id

API_BASE = "https://hn.algolia.com/api/v1"


class HackerNewsCollector:
    """``query = "aws outage"``; ``tags`` (Algolia tag filter, default stories and comments)."""

    def __init__(self, source: SourceConfig, *, api_base: str | None = None) -> None:
        if not source.query:
            raise ValueError(f"source {source.name}: an hn source needs a query")
        self.source = source
        self.api_base = (api_base or source.options.get("api_base") or API_BASE).rstrip("/")
        self.tags = str(source.options.get("tags", "(story,comment)"))
        self.max_pages = int_option(source, "max_pages", 3, 1, 100)
        self.page_size = int_option(source, "page_size", 100, 1, 1000)
        self.max_bytes = int_option(source, "max_bytes", 10 * 1024 * 1024, 1024, 1 << 30)
        self.signal_source = f"hn:search:{source.query}"

    def close(self) -> None:
        pass

    def fetch(self, ctx: FetchContext) -> FetchResult:
        result = FetchResult()
        state = dict(ctx.checkpoint.get("search") or {})
        ceiling = (state.get("pending") or {}).get("top")
        headers: dict[str, str] = {}

        def page(cursor: Any, floor: Any) -> tuple[list[dict], Any]:
            number = int(cursor or 0)
            filters = []
            if floor is not None:
                filters.append(f"created_at_i>={int(floor)}")
            if ceiling is not None:
                filters.append(f"created_at_i<={int(ceiling)}")
            params = {"query": self.source.query, "tags": self.tags, "hitsPerPage": self.page_size, "page": number}
            if filters:
                params["numericFilters"] = ",".join(filters)
            reply = get(ctx.http, f"{self.api_base}/search_by_date", params=params, accept=("json",),
                        max_bytes=self.max_bytes)
            headers.clear()
            headers.update(reply.headers)
            try:
                body = json.loads(reply.body)
            except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                raise BadResponse(f"malformed JSON: {str(exc)[:120]}") from None
            if not isinstance(body, dict) or not isinstance(body.get("hits"), list):
                raise BadResponse("unexpected reply shape (no hits list)")
            hits = [h for h in body["hits"] if isinstance(h, dict)]
            result.rejected += len(body["hits"]) - len(hits)
            pages = body.get("nbPages")
            more = isinstance(pages, int) and number + 1 < pages and len(hits) > 0
            return hits, (number + 1 if more else None)

        done = walk(state, page, lambda h: int(h.get("created_at_i") or 0), max_pages=self.max_pages,
                    stop=lambda: quota_spent(headers))
        keep_items(done.items, ctx, result, self.source, network="hn", as_dict=lambda hit: hit,
                   to_signal=lambda hit: hit_signal(hit, self.signal_source, ctx.now),
                   label=lambda hit: f"item {hit.get('objectID', '?')}")
        result.checkpoint = dict(ctx.checkpoint, search=done.state)
        return result


def hit_signal(hit: dict[str, Any], source_name: str, now: datetime) -> Signal:
    object_id = str(hit["objectID"])
    stamp = hit.get("created_at_i")
    if not isinstance(stamp, int):
        raise ValueError("item has no created_at_i")
    tags = hit.get("_tags") or []
    is_comment = "comment" in tags or bool(hit.get("comment_text"))
    title = hit.get("title") or hit.get("story_title")
    if is_comment:
        text = plain(hit.get("comment_text"))
    else:
        text = "\n".join(part for part in (hit.get("title") or "", plain(hit.get("story_text"))) if part)
    author = hit.get("author")
    if not author:
        raise ValueError("item has no author")
    return Signal(
        id=signal_id("hn", object_id), source_kind="social", source=source_name,
        published_at=datetime.fromtimestamp(stamp, tz=timezone.utc), collected_at=now, text=text,
        title=title, author=str(author), url=f"https://news.ycombinator.com/item?id={object_id}",
        native_id=object_id,
        raw={"id": object_id, "author_id": str(author), "type": "comment" if is_comment else "story",
             "story_id": hit.get("story_id"), "link": hit.get("url") or hit.get("story_url"),
             "points": hit.get("points")},
    )
