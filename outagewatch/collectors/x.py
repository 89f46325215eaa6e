"""X/Twitter through tweepy (``tweepy.Client``, API v2): recent-search queries and the
timelines of configured accounts, with ``since_id`` checkpoints, ``tweepy.Paginator``
and the author expansion.

Traps handled here rather than hoped away:
- tweepy's API host is fixed; :class:`_Adapter` (a requests adapter mounted on the
  client's session) rewrites it for replay and tests, gives every request a timeout,
  which tweepy never sets, and holds its sockets to the fetch's deadline (a server that
  drips would otherwise hold the run forever).
- ``wait_on_rate_limit`` would sleep until the reset time, and retry without limit when
  a 429 carries no reset header; it stays off, and a 429 becomes :class:`RateLimited`
  so the scheduler's bounded retries apply.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import requests
import tweepy

from outagewatch.collectors.base import (
    AuthFailure, BadResponse, ConnectionFailure, FetchContext, FetchResult, RateLimited, ServerFailure,
    SourceConfig, TimeoutFailure,
)
from outagewatch.collectors.deadline import HeldAdapter
from outagewatch.signal import Signal, SignalError, signal_id
from outagewatch.timeutil import parse_time, utcnow

API_HOST = "https://api.twitter.com"
TWEET_FIELDS = ["created_at", "lang", "author_id", "conversation_id", "public_metrics"]
USER_FIELDS = ["username", "name", "verified"]


class _Adapter(HeldAdapter):
    """Rewrites ``https://api.twitter.com`` to ``base``, applies a default timeout, and
    holds its sockets to the current fetch's deadline and stop (tweepy is requests-based:
    a read timeout alone never ends a server that drips)."""

    def __init__(self, base: str | None, timeout: float) -> None:
        super().__init__(max_retries=0)
        self.base = urlsplit(base) if base else None
        self.timeout = timeout

    def send(self, request, **kwargs):  # noqa: ANN001 - requests' own signature
        if self.base is not None:
            parts = urlsplit(request.url)
            path = self.base.path.rstrip("/") + parts.path
            request.url = urlunsplit((self.base.scheme, self.base.netloc, path, parts.query, ""))
        if not kwargs.get("timeout"):
            kwargs["timeout"] = self.timeout
        return super().send(request, **kwargs)


def make_client(bearer_token: str, *, api_base: str | None = None, timeout: float = 20.0) -> tweepy.Client:
    client = tweepy.Client(bearer_token=bearer_token, wait_on_rate_limit=False)
    client.user_agent = "outagewatch/0.1 " + client.user_agent
    adapter = _Adapter(api_base, timeout)
    client.session.mount("https://", adapter)
    client.session.mount("http://", adapter)
    return client


class XCollector:
    """``query = "..."`` searches recent posts; ``accounts = ["@RokuSupport", ...]`` reads timelines."""

    def __init__(self, source: SourceConfig, *, bearer_token: str | None, api_base: str | None = None,
                 timeout: float = 20.0) -> None:
        if not bearer_token:
            raise ValueError(f"source {source.name}: X needs a bearer token (OUTAGEWATCH_X_BEARER_TOKEN or [x] bearer_token)")
        if not source.query and not source.accounts:
            raise ValueError(f"source {source.name}: an x source needs a query or accounts")
        self.source = source
        token = bearer_token.reveal() if hasattr(bearer_token, "reveal") else bearer_token
        self.client = make_client(token, api_base=api_base or source.options.get("api_base"), timeout=timeout)
        self.max_pages = int(source.options.get("max_pages", 5))
        self.page_size = int(source.options.get("page_size", 100))

    def close(self) -> None:
        self.client.session.close()

    def fetch(self, ctx: FetchContext) -> FetchResult:
        checkpoint = dict(ctx.checkpoint)
        result = FetchResult()
        try:
            if self.source.query:
                since = checkpoint.get("search")
                newest = self._collect(self.client.search_recent_tweets, since, ctx, result,
                                       f"x:search:{self.source.query}", query=self.source.query)
                if newest:
                    checkpoint["search"] = newest
            if self.source.accounts:
                ids = dict(checkpoint.get("user_ids") or {})
                missing = [a.lstrip("@") for a in self.source.accounts if a.lstrip("@").lower() not in ids]
                if missing:
                    reply = self.client.get_users(usernames=missing, user_fields=USER_FIELDS)
                    for user in reply.data or []:
                        ids[user.username.lower()] = str(user.id)
                    for error in reply.errors or []:
                        result.reject(f"account {error.get('value') or '?'}: {error.get('detail') or error.get('title')}")
                    checkpoint["user_ids"] = ids
                for account in self.source.accounts:
                    handle = account.lstrip("@")
                    user_id = ids.get(handle.lower())
                    if user_id is None:
                        continue
                    key = f"@{handle.lower()}"
                    newest = self._collect(self.client.get_users_tweets, checkpoint.get(key), ctx, result,
                                           f"x:@{handle}", id=user_id)
                    if newest:
                        checkpoint[key] = newest
        except tweepy.errors.TooManyRequests as exc:
            wait = None
            reset = exc.response.headers.get("x-rate-limit-reset") if exc.response is not None else None
            if reset and str(reset).isdigit():
                wait = max(0.0, int(reset) - utcnow().timestamp())
            raise RateLimited("rate limited (429)" + ("" if reset else ", no reset time given"), retry_after=wait) from None
        except (tweepy.errors.Unauthorized, tweepy.errors.Forbidden) as exc:
            raise AuthFailure(f"access refused ({exc.response.status_code}); check the bearer token") from None
        except tweepy.errors.TwitterServerError as exc:
            raise ServerFailure(f"server error ({exc.response.status_code})") from None
        except tweepy.errors.HTTPException as exc:
            raise BadResponse(f"HTTP {exc.response.status_code}") from None
        except requests.exceptions.Timeout:
            raise TimeoutFailure("timed out") from None
        except requests.exceptions.TooManyRedirects:
            raise BadResponse("redirect loop") from None
        except requests.exceptions.ConnectionError as exc:
            raise ConnectionFailure(f"cannot connect: {str(exc)[:120]}") from None
        except (ValueError, json.JSONDecodeError) as exc:
            raise BadResponse(f"malformed JSON: {str(exc)[:120]}") from None
        result.checkpoint = checkpoint
        return result

    def _collect(self, method, since_id: str | None, ctx: FetchContext, result: FetchResult, source_name: str,
                 **kwargs: Any) -> str | None:
        params = dict(kwargs, expansions=["author_id"], tweet_fields=TWEET_FIELDS, user_fields=USER_FIELDS,
                      max_results=self.page_size)
        if since_id:
            params["since_id"] = since_id
        newest: int | None = int(since_id) if since_id else None
        for page in tweepy.Paginator(method, limit=self.max_pages, **params):
            if not isinstance(page, tweepy.Response):
                raise BadResponse("unexpected reply shape from tweepy")
            users = {str(u.id): u for u in (page.includes or {}).get("users", [])}
            if ctx.record is not None:
                ctx.record.posts([t.data for t in page.data or []], [u.data for u in users.values()])
            for tweet in page.data or []:
                result.fetched += 1
                try:
                    result.signals.append(self.source.implied_tags(tweet_signal(tweet, users, source_name, ctx.now)))
                    newest = max(newest or 0, int(tweet.id))
                except (SignalError, ValueError, TypeError) as exc:
                    result.reject(f"post {getattr(tweet, 'id', '?')}: {exc}")
        return str(newest) if newest else None


def tweet_signal(tweet: Any, users: dict[str, Any], source_name: str, now: datetime) -> Signal:
    author = users.get(str(tweet.author_id))
    username = author.username if author is not None else None
    created = tweet.created_at
    if created is None:
        raise ValueError("post has no created_at")
    published = parse_time(created)
    return Signal(
        # One id per post whichever stream found it: a post found by a search and a timeline is one record.
        id=signal_id("x", str(tweet.id)), source_kind="social", source=source_name, published_at=published,
        collected_at=now, text=tweet.text or "", author=f"@{username}" if username else None,
        url=f"https://x.com/{username or 'i/web'}/status/{tweet.id}", lang=tweet.lang,
        native_id=str(tweet.id),
        raw={"id": str(tweet.id), "author_id": str(tweet.author_id), "conversation_id": str(tweet.conversation_id or ""),
             "metrics": tweet.public_metrics},
    )
