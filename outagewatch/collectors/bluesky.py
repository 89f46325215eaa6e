"""Bluesky through the ``atproto`` SDK: post search (``app.bsky.feed.searchPosts``) and
account feeds (``app.bsky.feed.getAuthorFeed``), newest first, with cursor checkpoints.

Why the choices:
- Bluesky's public AppView answers post search only for logged-in clients (it returns
  403 to anonymous search since January 2025), so a ``query`` needs an app password
  (``OUTAGEWATCH_BLUESKY_HANDLE`` and ``OUTAGEWATCH_BLUESKY_APP_PASSWORD``); account
  feeds are public and need none. A source that cannot work is skipped with that line.
- The SDK's httpx client gets a timeout, a redirect bound and a size-capping transport
  (:class:`~outagewatch.collectors.social.CappedTransport`); the SDK retries nothing,
  so the scheduler's bounded retries apply, with ``Retry-After`` / ``ratelimit-reset``.
- The author is the DID, which survives handle changes, so correlation counts people.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import httpx
from atproto import Client
from atproto_client import exceptions as at_errors
from atproto_client.models.utils import get_model_as_dict
from atproto_client.request import Request

from outagewatch.collectors.base import (
    AuthFailure, BadResponse, ConnectionFailure, FetchContext, FetchResult, RateLimited, ServerFailure,
    SourceConfig, SourceError, TimeoutFailure,
)
from outagewatch.collectors.social import CappedTransport, int_option, keep_items, quota_spent, reveal, wait_seconds, walk
from outagewatch.signal import Signal, signal_id
from outagewatch.timeutil import parse_time

PUBLIC_APPVIEW = "https://public.api.bsky.app"
LOGIN_SERVICE = "https://bsky.social"
LOGIN_HINT = "set OUTAGEWATCH_BLUESKY_HANDLE and OUTAGEWATCH_BLUESKY_APP_PASSWORD (or [bluesky] handle/app_password)"


class BlueskyCollector:
    """``query = "aws down"`` searches posts (login needed); ``accounts = ["status.bsky.app"]`` reads feeds."""

    def __init__(self, source: SourceConfig, *, handle: str | None = None, app_password: Any = None,
                 api_base: str | None = None, timeout: float = 20.0) -> None:
        if not source.query and not source.accounts:
            raise ValueError(f"source {source.name}: a bluesky source needs a query or accounts")
        login = bool(handle and app_password)
        if source.query and not login and not source.options.get("public_search"):
            raise ValueError(f"source {source.name}: Bluesky post search needs a login: {LOGIN_HINT}")
        self.source = source
        self._handle = handle
        self._password = app_password
        self._login = login
        self._logged_in = False
        base = api_base or source.options.get("api_base") or (LOGIN_SERVICE if login else PUBLIC_APPVIEW)
        self.transport = CappedTransport(max_bytes=int_option(source, "max_bytes", 10 * 1024 * 1024, 1024, 1 << 30))
        timeouts = httpx.Timeout(timeout, connect=min(timeout, 10.0))
        self.client = Client(base, request=Request(timeout=timeouts, transport=self.transport, max_redirects=5))
        self.max_pages = int_option(source, "max_pages", 3, 1, 100)
        self.page_size = int_option(source, "page_size", 50, 1, 100)

    def __repr__(self) -> str:
        return f"BlueskyCollector({self.source.name!r}, login={self._login})"

    def close(self) -> None:
        self.client.request.close()

    def fetch(self, ctx: FetchContext) -> FetchResult:
        checkpoint = dict(ctx.checkpoint)
        result = FetchResult()
        try:
            if self._login and not self._logged_in:
                self.client.login(self._handle, reveal(self._password), fetch_bsky_profile=False)
                self._logged_in = True
            if self.source.query:
                checkpoint["search"] = self._walk(checkpoint.get("search"), self._search_page, ctx, result,
                                                  f"bluesky:search:{self.source.query}")
            for account in self.source.accounts:
                actor = account.lstrip("@")
                key = f"@{actor.lower()}"
                try:
                    checkpoint[key] = self._walk(checkpoint.get(key), self._feed_page(actor), ctx, result,
                                                 f"bluesky:@{actor}")
                except at_errors.BadRequestError as exc:  # an unknown or suspended account: one line, go on
                    result.reject(f"account {actor}: {_detail(exc)}")
        except SourceError:
            raise
        except Exception as exc:  # noqa: BLE001 - every SDK failure becomes one SourceError kind
            raise _failure(exc) from None
        result.checkpoint = checkpoint
        return result

    # -- pages ---------------------------------------------------------------------------

    def _search_page(self, cursor: Any, floor: Any):
        params: dict[str, Any] = {"q": self.source.query, "limit": self.page_size, "sort": "latest"}
        if cursor:
            params["cursor"] = cursor
        if floor:
            params["since"] = floor
        reply = self.client.app.bsky.feed.search_posts(params=params)
        return list(reply.posts or []), reply.cursor

    def _feed_page(self, actor: str):
        def page(cursor: Any, floor: Any):
            params: dict[str, Any] = {"actor": actor, "limit": self.page_size, "filter": "posts_with_replies"}
            if cursor:
                params["cursor"] = cursor
            reply = self.client.app.bsky.feed.get_author_feed(params=params)
            # A repost carries someone else's post: not this account speaking.
            return [item.post for item in reply.feed or [] if item.reason is None], reply.cursor
        return page

    def _walk(self, state: dict | None, page, ctx: FetchContext, result: FetchResult, source_name: str) -> dict:
        stop = lambda: quota_spent(self.transport.last_headers)  # noqa: E731
        try:
            done = walk(state, page, _when, max_pages=self.max_pages, stop=stop)
        except at_errors.BadRequestError:
            if not (state or {}).get("pending"):
                raise
            # The unfinished walk's cursor is no longer accepted (cursors expire): without this the
            # source would fail on it every run. Walk again from the top down to the same floor.
            result.reject(f"{source_name}: the saved cursor was refused; walking again from the newest post")
            done = walk({"floor": state.get("floor")}, page, _when, max_pages=self.max_pages, stop=stop)
        keep_items(done.items, ctx, result, self.source, network="bluesky", as_dict=get_model_as_dict,
                   to_signal=lambda post: post_signal(post, source_name, ctx.now),
                   label=lambda post: f"post {getattr(post, 'uri', '?')}")
        return done.state


def _when(post: Any) -> str:
    """A fixed-width UTC time, so that checkpoint times compare as strings."""
    return parse_time(post.indexed_at).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def post_signal(post: Any, source_name: str, now: datetime) -> Signal:
    record = post.record
    text = getattr(record, "text", None)
    if text is None:
        raise ValueError("not a post record")
    created = getattr(record, "created_at", None) or post.indexed_at
    langs = getattr(record, "langs", None) or []
    did, handle = post.author.did, post.author.handle
    rkey = post.uri.rsplit("/", 1)[-1]
    return Signal(
        id=signal_id("bluesky", post.uri), source_kind="social", source=source_name, published_at=parse_time(created),
        collected_at=now, text=text, author=did, url=f"https://bsky.app/profile/{did}/post/{rkey}",
        lang=langs[0] if langs else None, native_id=post.uri,
        raw={"uri": post.uri, "author_id": did, "handle": handle, "display_name": post.author.display_name,
             "likes": post.like_count, "reposts": post.repost_count, "replies": post.reply_count},
    )


def _detail(exc: Exception) -> str:
    response = getattr(exc, "response", None)
    content = getattr(response, "content", None)
    message = getattr(content, "message", None) or getattr(content, "error", None)
    return str(message or type(exc).__name__)[:160]


def _failure(exc: Exception) -> SourceError:
    response = getattr(exc, "response", None)
    status = getattr(response, "status_code", None)
    headers = getattr(response, "headers", None)
    if isinstance(exc, at_errors.InvokeTimeoutError):
        return TimeoutFailure("timed out")
    if isinstance(exc, at_errors.RateLimitExceededError):
        wait = wait_seconds(headers)
        return RateLimited("rate limited (429)" + ("" if wait is not None else ", no reset time given"), retry_after=wait)
    if isinstance(exc, at_errors.UnauthorizedError):
        return AuthFailure(f"access refused ({status}): {_detail(exc)}; {LOGIN_HINT}")
    if isinstance(exc, httpx.TooManyRedirects):
        return BadResponse("redirect loop")
    if status is not None and status >= 500:
        return ServerFailure(f"server error ({status})", retry_after=wait_seconds(headers))
    if isinstance(exc, at_errors.NetworkError) and response is None:
        return ConnectionFailure(f"cannot connect: {str(exc.__cause__ or exc)[:120]}")
    if status is not None:
        return BadResponse(f"HTTP {status}: {_detail(exc)}")
    if isinstance(exc, (at_errors.ModelError, ValueError, json.JSONDecodeError)):
        return BadResponse(f"malformed or unexpected reply: {str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__}")
    if isinstance(exc, httpx.HTTPError):
        return ConnectionFailure(f"HTTP error: {str(exc)[:120]}")
    return SourceError(f"{type(exc).__name__}: {str(exc)[:160]}")
