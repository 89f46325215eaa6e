"""A small Reddit API server-side answered from a list of things (``{"kind": "t3"|"t1",
"data": {...}}`` as Reddit's listings carry them), for replay and tests:
``POST /www.reddit.com/api/v1/access_token`` (client credentials; any app is accepted: a
stand-in), ``GET /oauth.reddit.com/r/:subs/new``, ``.../r/:subs/comments``,
``.../r/:subs/search`` and ``.../search`` (the host leads the path, as the collector's
adapter rebases it) with ``limit``, ``after``, ``q``. Subreddits join with ``+``. Only
things created up to the simulated now are visible."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any
from urllib.parse import parse_qs


def _name(thing: dict[str, Any]) -> str:
    return thing["data"].get("name") or f"{thing['kind']}_{thing['data']['id']}"


class RedditAPI:
    def __init__(self, things: list[dict[str, Any]]) -> None:
        self.things = sorted(things, key=lambda t: float(t["data"]["created_utc"]), reverse=True)
        self.known = {t["data"]["subreddit"].lower() for t in self.things}

    def handle(self, path: str, query_string: str, now: datetime | None, body: bytes = b"",
               token: str | None = None) -> tuple[int, Any]:
        params = {k: v[-1] for k, v in parse_qs(query_string).items()}
        path = path.rstrip("/")
        if path.endswith("/api/v1/access_token"):
            return 200, {"access_token": "replay-token", "token_type": "bearer", "expires_in": 86400, "scope": "*"}
        visible = [t for t in self.things if now is None or float(t["data"]["created_utc"]) <= now.timestamp()]
        m = re.fullmatch(r"(?:/[^/]+)*?(?:/r/([^/]+))?/(new|comments|search)", path)
        if not m:
            return 404, {"message": "Not Found", "error": 404}
        subs, what = m.group(1), m.group(2)
        if subs:
            wanted = {s.lower() for s in subs.split("+")}
            if not wanted & self.known:
                return 404, {"message": "Not Found", "error": 404, "reason": "banned"}
            if what != "search" or params.get("restrict_sr") in ("on", "1", "true"):
                visible = [t for t in visible if t["data"]["subreddit"].lower() in wanted]
        if what == "new":
            visible = [t for t in visible if t["kind"] == "t3"]
        elif what == "comments":
            visible = [t for t in visible if t["kind"] == "t1"]
        else:
            words = (params.get("q") or "").lower().split()
            visible = [t for t in visible if t["kind"] == "t3" and all(
                w in f"{t['data'].get('title', '')} {t['data'].get('selftext', '')}".lower() for w in words)]
        if params.get("after"):
            names = [_name(t) for t in visible]
            visible = visible[names.index(params["after"]) + 1:] if params["after"] in names else []
        limit = max(1, min(100, int(params.get("limit", 25))))
        page = visible[:limit]
        after = _name(page[-1]) if len(visible) > limit else None
        return 200, {"kind": "Listing", "data": {"after": after, "before": None, "dist": len(page), "modhash": "",
                                                 "geo_filter": "", "children": page}}
