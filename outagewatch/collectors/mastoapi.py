"""A small Mastodon REST API server-side answered from a list of Status entities, for
replay and tests: ``/api/v1/timelines/tag/:tag``, ``/api/v1/accounts/lookup``,
``/api/v1/accounts/:id/statuses`` and ``/api/v2/search`` (statuses only with a bearer
token, as instances do), each with ``max_id`` / ``since_id`` / ``min_id`` / ``limit``.
Every instance sees the same statuses (federation); only those created up to the
simulated now are visible."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any
from urllib.parse import parse_qs

from outagewatch.collectors.text import plain
from outagewatch.timeutil import parse_time


class MastodonAPI:
    def __init__(self, statuses: list[dict[str, Any]]) -> None:
        self.statuses = sorted(statuses, key=lambda s: int(s["id"]), reverse=True)
        self._times = {s["id"]: parse_time(s["created_at"]) for s in self.statuses}
        self.accounts = {}
        for status in self.statuses:
            account = status["account"]
            self.accounts[account["acct"].lower()] = account

    def handle(self, path: str, query_string: str, now: datetime | None, body: bytes = b"",
               token: str | None = None) -> tuple[int, Any]:
        params = {k: v[-1] for k, v in parse_qs(query_string).items()}
        path = path.rstrip("/")
        visible = [s for s in self.statuses if now is None or self._times[s["id"]] <= now]
        if re.fullmatch(r"(?:/[^/]+)?/api/v1/instance", path):  # Mastodon.py reads the version before a search
            return 200, {"uri": "mastodon.example", "title": "Mastodon", "version": "4.5.0", "short_description": "",
                         "description": "", "email": "", "urls": {"streaming_api": ""}, "languages": ["en"],
                         "stats": {"user_count": 0, "status_count": 0, "domain_count": 0}, "rules": []}
        if re.fullmatch(r"(?:/[^/]+)?/api/v2/instance", path):  # ... and which feeds are public
            host = "mastodon.example"
            feeds = {"local": "public", "remote": "public"}
            return 200, {"domain": host, "title": host, "version": "4.5.0", "api_versions": {"mastodon": 6},
                         "source_url": "", "description": "",
                         "usage": {"users": {"active_month": 0}}, "thumbnail": {"url": ""}, "languages": ["en"],
                         "configuration": {"urls": {"streaming": ""}, "timelines_access": {
                             "live_feeds": feeds, "hashtag_feeds": feeds, "trending_link_feeds": feeds}},
                         "registrations": {"enabled": False, "approval_required": False},
                         "contact": {"email": ""}, "rules": []}
        m = re.fullmatch(r"(?:/[^/]+)?/api/v1/timelines/tag/([^/]+)", path)
        if m:
            tag = m.group(1).lower()
            return 200, self._page([s for s in visible if tag in {t["name"].lower() for t in s.get("tags") or []}],
                                   params)
        if re.fullmatch(r"(?:/[^/]+)?/api/v1/accounts/lookup", path):
            account = self.accounts.get((params.get("acct") or "").lstrip("@").lower())
            return (200, account) if account else (404, {"error": "Record not found"})
        m = re.fullmatch(r"(?:/[^/]+)?/api/v1/accounts/([^/]+)/statuses", path)
        if m:
            return 200, self._page([s for s in visible if str(s["account"]["id"]) == m.group(1) and not s.get("reblog")],
                                   params)
        if re.fullmatch(r"(?:/[^/]+)?/api/v2/search", path):
            statuses = []
            if token:  # without a token instances return no statuses for full-text search
                words = (params.get("q") or "").lower().split()
                statuses = self._page([s for s in visible if all(w in plain(s["content"]).lower() for w in words)],
                                      params)
            return 200, {"accounts": [], "statuses": statuses, "hashtags": []}
        return 404, {"error": "Record not found"}

    @staticmethod
    def _page(chosen: list[dict[str, Any]], params: dict[str, str]) -> list[dict[str, Any]]:
        limit = max(1, min(40, int(params.get("limit", 20))))
        if params.get("max_id"):
            chosen = [s for s in chosen if int(s["id"]) < int(params["max_id"])]
        if params.get("since_id"):
            chosen = [s for s in chosen if int(s["id"]) > int(params["since_id"])]
        if params.get("min_id"):  # the statuses immediately newer than min_id, still newest first
            newer = [s for s in chosen if int(s["id"]) > int(params["min_id"])]
            return list(reversed(list(reversed(newer))[:limit]))
        return chosen[:limit]
