"""A small Bluesky XRPC server-side answered from a list of post views (the
``app.bsky.feed.defs#postView`` JSON the AppView serves), for replay and tests:
``com.atproto.server.createSession`` (any password: it is a stand-in), ``app.bsky.feed.searchPosts``
(``q`` words, ``since``/``until`` on ``indexedAt``, ``limit``, ``cursor``) and
``app.bsky.feed.getAuthorFeed`` (``actor`` as handle or DID). Only posts indexed up to the
simulated now are visible."""

from __future__ import annotations

import base64
import json
from datetime import datetime
from typing import Any
from urllib.parse import parse_qs

from outagewatch.timeutil import parse_time


def _b64(data: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")


def fake_jwt(did: str, scope: str) -> str:
    """A token the SDK can read the expiry of; it is never verified by anyone."""
    return ".".join((_b64({"alg": "none", "typ": "JWT"}), _b64({"sub": did, "scope": scope, "exp": 4102444800}), "sig"))


class BlueskyAPI:
    def __init__(self, posts: list[dict[str, Any]]) -> None:
        self.posts = sorted(posts, key=lambda p: parse_time(p["indexedAt"]), reverse=True)
        self._times = {p["uri"]: parse_time(p["indexedAt"]) for p in self.posts}

    def handle(self, path: str, query_string: str, now: datetime | None, body: bytes = b"",
               token: str | None = None) -> tuple[int, dict[str, Any]]:
        params = {k: v[-1] for k, v in parse_qs(query_string).items()}
        nsid = path.rstrip("/").removeprefix("/xrpc/")
        visible = [p for p in self.posts if now is None or self._times[p["uri"]] <= now]
        if nsid == "com.atproto.server.createSession":
            try:
                who = json.loads(body or b"{}").get("identifier") or "someone.bsky.social"
            except ValueError:
                return 400, {"error": "InvalidRequest", "message": "body is not JSON"}
            did = "did:plc:" + base64.b32encode(who.encode()).decode().lower().rstrip("=")[:24]
            return 200, {"did": did, "handle": who, "accessJwt": fake_jwt(did, "com.atproto.appPass"),
                         "refreshJwt": fake_jwt(did, "com.atproto.refresh"), "active": True}
        if nsid == "app.bsky.feed.searchPosts":
            if not params.get("q"):
                return 400, {"error": "InvalidRequest", "message": 'Error: Params must have the property "q"'}
            words = params["q"].lower().split()
            chosen = [p for p in visible if all(w.strip('"') in p["record"].get("text", "").lower() for w in words)]
            if params.get("since"):
                chosen = [p for p in chosen if self._times[p["uri"]] >= parse_time(params["since"])]
            if params.get("until"):
                chosen = [p for p in chosen if self._times[p["uri"]] < parse_time(params["until"])]
            page, cursor = self._page(chosen, params)
            return 200, {"posts": page, **({"cursor": cursor} if cursor else {}), "hitsTotal": len(chosen)}
        if nsid == "app.bsky.feed.getAuthorFeed":
            actor = (params.get("actor") or "").lower()
            if not any(actor in (p["author"]["did"].lower(), p["author"]["handle"].lower()) for p in self.posts):
                return 400, {"error": "InvalidRequest", "message": "Profile not found"}
            chosen = [p for p in visible if actor in (p["author"]["did"].lower(), p["author"]["handle"].lower())]
            page, cursor = self._page(chosen, params)
            return 200, {"feed": [{"post": p} for p in page], **({"cursor": cursor} if cursor else {})}
        return 501, {"error": "MethodNotImplemented", "message": "Method Not Implemented"}

    @staticmethod
    def _page(chosen: list[dict[str, Any]], params: dict[str, str]) -> tuple[list[dict[str, Any]], str | None]:
        size = max(1, min(100, int(params.get("limit", 25))))
        cursor = params.get("cursor") or ""
        start = int(cursor) if cursor.isdigit() else 0
        following = str(start + size) if start + size < len(chosen) else None
        return chosen[start:start + size], following
