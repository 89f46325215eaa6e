"""A small X API v2 server-side: the three endpoints the X collector uses, answered
from a list of posts. Replay serves captured posts through it (only those created up
to the simulated now), and tests drive tweepy against it over real HTTP.

It speaks just enough v2: ``GET /2/tweets/search/recent``, ``GET /2/users/by`` and
``GET /2/users/:id/tweets`` with ``since_id``, ``max_results``, ``pagination_token`` /
``next_token``, and ``expansions=author_id``.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any
from urllib.parse import parse_qs

from outagewatch.timeutil import parse_time

_TERM = re.compile(r'"[^"]+"|\S+')


def query_matches(query: str, text: str, username: str) -> bool:
    """Alternatives split on OR, each needing all its plain words; operators are
    honoured only for ``from:`` and ``-word`` (the rest, like ``lang:en``, pass)."""
    low = text.lower()
    for alternative in re.split(r"\s+OR\s+", query.replace("(", " ").replace(")", " ")):
        ok = True
        for term in _TERM.findall(alternative):
            negative = term.startswith("-")
            term = term.lstrip("-").strip('"').lower()
            if not term:
                continue
            if term.startswith("from:"):
                hit = username.lower() == term[5:].lstrip("@")
            elif ":" in term:
                continue
            else:
                hit = term in low
            if hit == negative:
                ok = False
                break
        if ok:
            return True
    return False


class XAPI:
    def __init__(self, tweets: list[dict[str, Any]], users: list[dict[str, Any]]) -> None:
        self.users = {str(u["id"]): u for u in users}
        self.by_name = {u["username"].lower(): u for u in users}
        # Posts from before edits existed lack edit_history_tweet_ids, which v2 always sends now.
        tweets = [{"edit_history_tweet_ids": [t["id"]], **t} for t in tweets]
        self.tweets = sorted(tweets, key=lambda t: int(t["id"]), reverse=True)
        self._times = {t["id"]: parse_time(t["created_at"]) for t in self.tweets}

    def handle(self, path: str, query_string: str, now: datetime | None) -> tuple[int, dict[str, Any]]:
        params = {k: v[-1] for k, v in parse_qs(query_string).items()}
        path = path.rstrip("/")
        visible = [t for t in self.tweets if now is None or self._times[t["id"]] <= now]
        if path == "/2/tweets/search/recent":
            if "query" not in params:
                return 400, {"title": "Invalid Request", "detail": "query is required"}
            chosen = [t for t in visible
                      if query_matches(params["query"], t["text"], self.users.get(str(t["author_id"]), {}).get("username", ""))]
            return 200, self._page(chosen, params)
        if path == "/2/users/by":
            names = [n for n in params.get("usernames", "").split(",") if n]
            data = [self.by_name[n.lower()] for n in names if n.lower() in self.by_name]
            errors = [{"value": n, "detail": f"Could not find user with usernames: [{n}].", "title": "Not Found Error"}
                      for n in names if n.lower() not in self.by_name]
            body: dict[str, Any] = {"data": data} if data else {}
            if errors:
                body["errors"] = errors
            return 200, body
        m = re.fullmatch(r"/2/users/(\d+)/tweets", path)
        if m:
            chosen = [t for t in visible if str(t["author_id"]) == m.group(1)]
            return 200, self._page(chosen, params)
        return 404, {"title": "Not Found", "detail": f"no route {path}"}

    def _page(self, chosen: list[dict[str, Any]], params: dict[str, str]) -> dict[str, Any]:
        if params.get("since_id"):
            chosen = [t for t in chosen if int(t["id"]) > int(params["since_id"])]
        size = max(5, min(100, int(params.get("max_results", 10))))
        token = params.get("pagination_token") or params.get("next_token")
        start = int(token.removeprefix("p")) if token and token.removeprefix("p").isdigit() else 0
        page = chosen[start:start + size]
        meta: dict[str, Any] = {"result_count": len(page)}
        if page:
            meta["newest_id"], meta["oldest_id"] = page[0]["id"], page[-1]["id"]
        if start + size < len(chosen):
            meta["next_token"] = f"p{start + size}"
        body: dict[str, Any] = {"meta": meta}
        if page:
            body["data"] = page
            authors = {str(t["author_id"]) for t in page}
            body["includes"] = {"users": [self.users[a] for a in sorted(authors) if a in self.users]}
        return body
