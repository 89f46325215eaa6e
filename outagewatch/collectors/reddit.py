"""Reddit through PRAW (read-only, with a registered app's OAuth client credentials):
new posts and new comments in chosen subreddits, and search, newest first, with
``created_utc`` checkpoints and listing cursors for unfinished walks.

Why the choices:
- Reddit's API needs OAuth even to read; without ``OUTAGEWATCH_REDDIT_CLIENT_ID`` and
  ``OUTAGEWATCH_REDDIT_CLIENT_SECRET`` the source is skipped with that one line.
- prawcore retries 5xx and connection errors itself (sleeping 2-4 s each time); the
  scheduler owns retries, so the sessions get a strategy that never retries. prawcore's
  own pacing by ``X-Ratelimit-Remaining``/``-Reset`` stays on, and a spent quota also ends
  the walk early; a 429 becomes :class:`RateLimited` with ``Retry-After`` or the reset.
- The requests session carries :class:`~outagewatch.collectors.social.GuardedAdapter`
  (timeout, size cap, and for replay and tests the rebasing of Reddit's two hosts onto
  ``api_base``).
- The author is ``u/name`` (Reddit names never change); the account's fullname is kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, ClassVar

import praw
import prawcore
import requests
from praw.models import Comment, Listing, Submission
from prawcore.sessions import FiniteRetryStrategy

from outagewatch.collectors.base import (
    AuthFailure, BadResponse, ConnectionFailure, FetchContext, FetchResult, RateLimited, ServerFailure,
    SourceConfig, SourceError, TimeoutFailure,
)
from outagewatch.collectors.social import GuardedAdapter, int_option, keep_items, quota_spent, reveal, wait_seconds, walk
from outagewatch.signal import Signal, signal_id

DEFAULT_USER_AGENT = "python:outagewatch:v0.1 (outage research; read-only)"
CREDENTIALS_HINT = ("set OUTAGEWATCH_REDDIT_CLIENT_ID and OUTAGEWATCH_REDDIT_CLIENT_SECRET "
                    "(or [reddit] client_id/client_secret) from a Reddit app of type 'script' or 'web'")


@dataclass(frozen=True)
class _NoRetry(FiniteRetryStrategy):
    """The scheduler retries with backoff and Retry-After; prawcore must not retry too."""

    DEFAULT_RETRIES: ClassVar[int] = 0  # below it, prawcore sleeps 2-4 s before *every* request
    retries: int = 0


class RedditCollector:
    """``subreddits = ["aws", "sysadmin"]`` reads new posts and comments (``comments = false``
    to skip those); ``query = "aws down"`` searches (within the subreddits when given)."""

    def __init__(self, source: SourceConfig, *, client_id: str | None, client_secret: Any, user_agent: str | None = None,
                 api_base: str | None = None, timeout: float = 20.0) -> None:
        subs = source.options.get("subreddits") or []
        self.subreddits = [str(s).removeprefix("r/").strip("/") for s in ([subs] if isinstance(subs, str) else subs)]
        if not self.subreddits and not source.query:
            raise ValueError(f"source {source.name}: a reddit source needs subreddits or a query")
        if not client_id or not client_secret:
            raise ValueError(f"source {source.name}: Reddit needs OAuth app credentials: {CREDENTIALS_HINT}")
        self.source = source
        self.comments = bool(source.options.get("comments", True))
        self.posts = bool(source.options.get("posts", True))
        # PRAW joins absolute paths onto its hosts (a base path would be dropped), so a local
        # base is applied by the adapter instead: https://oauth.reddit.com/r/aws/new becomes
        # {api_base}/oauth.reddit.com/r/aws/new.
        base = api_base or source.options.get("api_base")
        self.adapter = GuardedAdapter(timeout=timeout,
                                      max_bytes=int_option(source, "max_bytes", 10 * 1024 * 1024, 1024, 1 << 30),
                                      base=base, hosts=("oauth.reddit.com", "www.reddit.com"))
        session = requests.Session()
        session.max_redirects = 5
        session.mount("https://", self.adapter)
        session.mount("http://", self.adapter)
        self.reddit = praw.Reddit(client_id=client_id, client_secret=reveal(client_secret),
                                  user_agent=user_agent or DEFAULT_USER_AGENT, check_for_updates=False,
                                  check_for_async=False,
                                  # praw does not hand its own timeout to the requestor: give it here
                                  requestor_kwargs={"session": session, "timeout": timeout})
        for core in (self.reddit._read_only_core, self.reddit._authorized_core):  # noqa: SLF001 - see docstring
            if core is not None and hasattr(core, "_retry_strategy_class"):
                core._retry_strategy_class = _NoRetry  # noqa: SLF001
        self.max_pages = int_option(source, "max_pages", 3, 1, 100)
        self.page_size = int_option(source, "page_size", 100, 1, 100)

    def __repr__(self) -> str:
        return f"RedditCollector({self.source.name!r})"

    def close(self) -> None:
        self.adapter.close()

    def fetch(self, ctx: FetchContext) -> FetchResult:
        checkpoint = dict(ctx.checkpoint)
        result = FetchResult()
        streams: list[tuple[str, str, dict[str, Any], str]] = []  # (key, path, params, Signal source)
        joined = "+".join(self.subreddits)
        for sub in self.subreddits:
            if self.posts:
                streams.append((f"r/{sub.lower()}/new", f"r/{sub}/new", {}, f"reddit:r/{sub}"))
            if self.comments:
                streams.append((f"r/{sub.lower()}/comments", f"r/{sub}/comments", {}, f"reddit:r/{sub}"))
        if self.source.query:
            path = f"r/{joined}/search" if joined else "search"
            params = {"q": self.source.query, "sort": "new", "t": "week", "restrict_sr": "on" if joined else ""}
            streams.append(("search", path, params, f"reddit:search:{self.source.query}"))
        try:
            for key, path, params, name in streams:
                try:
                    checkpoint[key] = self._walk(checkpoint.get(key), path, params, ctx, result, name)
                except (prawcore.exceptions.NotFound, prawcore.exceptions.Redirect) as exc:
                    # A subreddit that does not exist (Reddit redirects to search) or was banned.
                    result.reject(f"{path}: {type(exc).__name__.lower()}")
                if quota_spent(self.adapter.last_headers):
                    break
        except SourceError:
            raise
        except Exception as exc:  # noqa: BLE001 - every library failure becomes one SourceError kind
            raise self._failure(exc) from None
        result.checkpoint = checkpoint
        return result

    def _walk(self, state: dict | None, path: str, params: dict[str, Any], ctx: FetchContext, result: FetchResult,
              source_name: str) -> dict:
        def page(cursor: Any, floor: Any):
            query = dict(params, limit=self.page_size, raw_json=1)
            if cursor:
                query["after"] = cursor
            listing = self.reddit.get(path, params={k: v for k, v in query.items() if v != ""})
            if not isinstance(listing, Listing):
                raise BadResponse(f"unexpected reply shape ({type(listing).__name__}, expected a Listing)")
            return list(listing.children), listing.after

        done = walk(state, page, lambda thing: float(getattr(thing, "created_utc", 0) or 0), max_pages=self.max_pages,
                    stop=lambda: quota_spent(self.adapter.last_headers))
        keep_items(done.items, ctx, result, self.source, network="reddit",
                   as_dict=lambda thing: thing_dict(thing) if isinstance(thing, (Submission, Comment)) else None,
                   to_signal=lambda thing: thing_signal(thing, source_name, ctx.now),
                   label=lambda thing: f"item {getattr(thing, 'fullname', '?')}")
        return done.state

    def _failure(self, exc: Exception) -> SourceError:
        headers = self.adapter.last_headers
        if isinstance(exc, prawcore.exceptions.RequestException):
            original = exc.original_exception
            if isinstance(original, SourceError):
                return original
            if isinstance(original, requests.exceptions.Timeout):
                return TimeoutFailure("timed out")
            if isinstance(original, requests.exceptions.TooManyRedirects):
                return BadResponse("redirect loop")
            return ConnectionFailure(f"cannot connect: {type(original).__name__}: {str(original)[:120]}")
        if isinstance(exc, prawcore.exceptions.TooManyRequests):
            wait = wait_seconds(exc.response.headers)
            return RateLimited("rate limited (429)" + ("" if wait is not None else ", no reset time given"),
                               retry_after=wait)
        if isinstance(exc, prawcore.exceptions.ServerError):
            return ServerFailure(f"server error ({exc.response.status_code})", retry_after=wait_seconds(headers))
        if isinstance(exc, prawcore.exceptions.BadJSON):
            return BadResponse("malformed JSON")
        if isinstance(exc, (prawcore.exceptions.OAuthException, prawcore.exceptions.InvalidToken,
                            prawcore.exceptions.Forbidden)):
            return AuthFailure(f"access refused; check the Reddit app credentials ({type(exc).__name__})")
        if isinstance(exc, prawcore.exceptions.ResponseException):
            status = exc.response.status_code
            if status in (401, 403):
                return AuthFailure(f"access refused ({status}); check the Reddit app credentials")
            if status == 429:
                return RateLimited("rate limited (429)", retry_after=wait_seconds(exc.response.headers))
            if status >= 500:
                return ServerFailure(f"server error ({status})", retry_after=wait_seconds(exc.response.headers))
            return BadResponse(f"HTTP {status}")
        return BadResponse(f"{type(exc).__name__}: {str(exc)[:140]}")


def thing_dict(thing: Any) -> dict[str, Any]:
    """A post or comment back in Reddit's listing JSON (the fields outagewatch reads)."""
    is_comment = isinstance(thing, Comment)
    keys = ("id", "name", "subreddit", "author_fullname", "created_utc", "permalink", "score", "num_comments",
            "title", "selftext", "url", "body", "link_id", "link_title", "parent_id")
    data = {k: getattr(thing, k, None) for k in keys if k in vars(thing)}
    data["subreddit"] = str(getattr(thing, "subreddit", ""))
    data["author"] = str(thing.author) if getattr(thing, "author", None) is not None else "[deleted]"
    return {"kind": "t1" if is_comment else "t3", "data": data}


def thing_signal(thing: Any, source_name: str, now: datetime) -> Signal:
    author = getattr(thing, "author", None)
    if author is None:
        raise ValueError("deleted author")
    created = getattr(thing, "created_utc", None)
    if created is None:
        raise ValueError("no created_utc")
    fullname = thing.fullname
    is_comment = isinstance(thing, Comment)
    if is_comment:
        text, title = thing.body or "", getattr(thing, "link_title", None)
    else:
        text = "\n".join(p for p in (thing.title or "", getattr(thing, "selftext", "") or "") if p)
        title = thing.title
    return Signal(
        id=signal_id("reddit", fullname), source_kind="social", source=source_name,
        published_at=datetime.fromtimestamp(float(created), tz=timezone.utc), collected_at=now, text=text,
        title=title, author=f"u/{author}", url=f"https://www.reddit.com{thing.permalink}", native_id=fullname,
        raw={"id": fullname, "author_id": getattr(thing, "author_fullname", None), "type": "comment" if is_comment else "post",
             "subreddit": str(getattr(thing, "subreddit", "")), "score": getattr(thing, "score", None),
             "link": None if is_comment else getattr(thing, "url", None)},
    )
