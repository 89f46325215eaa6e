"""What the social collectors (Bluesky, Mastodon, Reddit, Hacker News) share: their
credentials, the rate-limit headers they honour, the transports that bound every
request they make, and the walk that pages newest-first without gaps.

Why a walk of its own: search and timeline APIs page from the newest item down. A run
that stops at its page bound before reaching what it stored last time must not jump
its checkpoint to the top (the items in between would never be read), so the
checkpoint keeps the unfinished walk's cursor and the next run finishes it first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any, Callable, Iterable, Mapping
from urllib.parse import urlsplit, urlunsplit

import httpx

from outagewatch.collectors.base import BadResponse, FetchContext, FetchResult, SourceConfig
from outagewatch.collectors.deadline import HeldAdapter
from outagewatch.collectors.http import BudgetTransport
from outagewatch.collectors.http import USER_AGENT  # noqa: F401 - the one User-Agent, re-exported for the clients
from outagewatch.signal import Signal, SignalError
from outagewatch.timeutil import utcnow

MAX_BYTES = 10 * 1024 * 1024


def _secret(value: Any):
    from outagewatch.config import Secret

    return Secret(value) if value else None


@dataclass
class SocialCredentials:
    """Secrets for the social networks; each may come from the environment or the config.

    - ``OUTAGEWATCH_BLUESKY_HANDLE`` / ``OUTAGEWATCH_BLUESKY_APP_PASSWORD`` or ``[bluesky]``
      ``handle`` / ``app_password``
    - ``OUTAGEWATCH_MASTODON_TOKENS`` (``instance=token,instance=token``) or
      ``[mastodon.tokens]`` ``"mastodon.social" = "..."`` (a token is sent only to its instance)
    - ``OUTAGEWATCH_REDDIT_CLIENT_ID`` / ``OUTAGEWATCH_REDDIT_CLIENT_SECRET`` or ``[reddit]``
      ``client_id`` / ``client_secret`` (and optionally ``user_agent``)
    """

    bluesky_handle: str | None = None
    bluesky_app_password: Any = None
    mastodon_tokens: dict[str, Any] = field(default_factory=dict)
    reddit_client_id: str | None = None
    reddit_client_secret: Any = None
    reddit_user_agent: str | None = None

    def __repr__(self) -> str:  # never the secrets, not even by accident in a traceback
        return (f"SocialCredentials(bluesky={'yes' if self.bluesky_app_password else 'no'}, "
                f"mastodon={sorted(self.mastodon_tokens)}, reddit={'yes' if self.reddit_client_secret else 'no'})")

    @classmethod
    def from_config(cls, data: Mapping[str, Any] | None, env: Mapping[str, str]) -> "SocialCredentials":
        """From the file's sections and the environment the entry point captured (env wins)."""
        data = data or {}
        bluesky = data.get("bluesky") or {}
        mastodon = data.get("mastodon") or {}
        reddit = data.get("reddit") or {}
        tokens = {str(k).lower(): _secret(v) for k, v in (mastodon.get("tokens") or {}).items() if v}
        for pair in (env.get("OUTAGEWATCH_MASTODON_TOKENS") or "").split(","):
            instance, _, token = pair.partition("=")
            if instance.strip() and token.strip():
                tokens[instance.strip().lower()] = _secret(token.strip())
        return cls(
            bluesky_handle=env.get("OUTAGEWATCH_BLUESKY_HANDLE") or bluesky.get("handle"),
            bluesky_app_password=_secret(env.get("OUTAGEWATCH_BLUESKY_APP_PASSWORD") or bluesky.get("app_password")),
            mastodon_tokens=tokens,
            reddit_client_id=env.get("OUTAGEWATCH_REDDIT_CLIENT_ID") or reddit.get("client_id"),
            reddit_client_secret=_secret(env.get("OUTAGEWATCH_REDDIT_CLIENT_SECRET") or reddit.get("client_secret")),
            reddit_user_agent=env.get("OUTAGEWATCH_REDDIT_USER_AGENT") or reddit.get("user_agent"),
        )


def reveal(value: Any) -> str | None:
    if value is None:
        return None
    return value.reveal() if hasattr(value, "reveal") else str(value)


# -- rate limits ------------------------------------------------------------------------

def wait_seconds(headers: Mapping[str, str] | None, *, now: float | None = None) -> float | None:
    """How long the server asked us to wait: ``Retry-After`` (seconds or a date) first,
    else a rate-limit reset (epoch seconds, seconds from now, or an ISO time)."""
    if not headers:
        return None
    h = {str(k).lower(): str(v) for k, v in headers.items()}
    now = utcnow().timestamp() if now is None else now
    value = h.get("retry-after")
    if value:
        value = value.strip()
        if value.replace(".", "", 1).isdigit():
            return float(value)
        try:
            return max(0.0, parsedate_to_datetime(value).timestamp() - now)
        except (TypeError, ValueError):
            pass
    for key in ("ratelimit-reset", "x-ratelimit-reset", "x-rate-limit-reset"):
        value = (h.get(key) or "").strip()
        if not value:
            continue
        try:
            number = float(value)
        except ValueError:
            try:
                return max(0.0, datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp() - now)
            except ValueError:
                continue
        # A large number is an epoch time; a small one counts seconds from now (Reddit's way).
        return max(0.0, number - now) if number > 1_000_000_000 else max(0.0, number)
    return None


def quota_spent(headers: Mapping[str, str] | None) -> bool:
    """True when the server says no requests are left in this window: stop paging now,
    the rest waits for the next run instead of earning a 429."""
    if not headers:
        return False
    h = {str(k).lower(): str(v) for k, v in headers.items()}
    for key in ("ratelimit-remaining", "x-ratelimit-remaining", "x-rate-limit-remaining"):
        value = h.get(key)
        if value is not None:
            try:
                return float(value) <= 0
            except ValueError:
                return False
    return False


# -- transports -------------------------------------------------------------------------

class CappedTransport(BudgetTransport):
    """An httpx transport that refuses bodies over ``max_bytes`` (declared or streamed),
    keeps the last response's headers for the rate-limit checks, and holds every socket
    operation to the current fetch's deadline and stop (:class:`BudgetTransport`)."""

    def __init__(self, *, max_bytes: int = MAX_BYTES, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.max_bytes = max_bytes
        self.last_headers: dict[str, str] = {}

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        self.last_headers = {k.lower(): v for k, v in response.headers.items()}
        declared = response.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > self.max_bytes:
            response.close()
            raise BadResponse(f"body too large ({int(declared) / 1_048_576:.1f} MB)")
        limit, stream = self.max_bytes, response.stream

        class _Capped(httpx.SyncByteStream):
            def __iter__(self):
                seen = 0
                for chunk in stream:
                    seen += len(chunk)
                    if seen > limit:
                        raise BadResponse(f"body too large (over {limit / 1_048_576:.1f} MB)")
                    yield chunk

            def close(self) -> None:
                stream.close()

        response.stream = _Capped()
        return response


class GuardedAdapter(HeldAdapter):
    """A requests adapter for the libraries built on requests (Mastodon.py, prawcore):
    a timeout on every request (neither library insists on one), a body size cap,
    the last response's headers kept, its sockets held to the current fetch's deadline
    and stop (:class:`~outagewatch.collectors.deadline.HeldAdapter`), and optionally
    every URL rebased onto ``base`` (replay and tests point a library with a fixed host
    at 127.0.0.1 this way)."""

    def __init__(self, *, timeout: float, max_bytes: int = MAX_BYTES, base: str | None = None,
                 hosts: Iterable[str] = ()) -> None:
        super().__init__(max_retries=0)
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.base = urlsplit(base) if base else None
        self.hosts = {h.lower() for h in hosts}
        self.last_headers: dict[str, str] = {}

    def send(self, request, **kwargs):  # noqa: ANN001 - requests' own signature
        if self.base is not None:
            parts = urlsplit(request.url)
            if not self.hosts or (parts.hostname or "").lower() in self.hosts:
                path = self.base.path.rstrip("/") + "/" + (parts.hostname or "") + parts.path
                request.url = urlunsplit((self.base.scheme, self.base.netloc, path, parts.query, ""))
        if not kwargs.get("timeout"):
            kwargs["timeout"] = self.timeout
        kwargs["stream"] = True
        response = super().send(request, **kwargs)
        self.last_headers = {k.lower(): v for k, v in response.headers.items()}
        declared = response.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > self.max_bytes:
            response.close()
            raise BadResponse(f"body too large ({int(declared) / 1_048_576:.1f} MB)")
        body = bytearray()
        for chunk in response.raw.stream(65536, decode_content=True):
            body += chunk
            if len(body) > self.max_bytes:
                response.close()
                raise BadResponse(f"body too large (over {self.max_bytes / 1_048_576:.1f} MB)")
        response._content = bytes(body)  # noqa: SLF001 - read here so the cap holds
        response._content_consumed = True  # noqa: SLF001
        return response


# -- the newest-first walk ----------------------------------------------------------------

Page = tuple[list[Any], Any]  # (items, cursor of the next older page or None)


@dataclass
class Walk:
    items: list[Any]
    state: dict[str, Any]
    pages: int
    finished: bool


def walk(state: dict[str, Any] | None, fetch: Callable[[Any, Any], Page], when: Callable[[Any], Any], *,
         max_pages: int, stop: Callable[[], bool] = lambda: False) -> Walk:
    """Page newest-first from the top (or from an unfinished walk's cursor) down to the
    last run's ``floor``; ``fetch(cursor, floor)`` returns one page, ``when(item)`` an
    item's comparable time. ``stop()`` ends the walk early (a spent rate-limit quota).

    State: ``floor`` (the newest time stored), and ``pending`` = ``{cursor, top}`` while a
    walk is unfinished; the floor moves up to ``top`` only once the walk reaches it. A
    first run (no floor) reads at most ``max_pages`` and never backfills further.
    """
    state = dict(state or {})
    floor = state.get("floor")
    pending = state.get("pending")
    cursor = pending.get("cursor") if pending else None
    top = pending.get("top") if pending else None
    items: list[Any] = []
    pages = 0
    finished = False
    while pages < max_pages:
        page, following = fetch(cursor, floor)
        pages += 1
        reached = False
        for item in page:
            stamp = when(item)
            if floor is not None and stamp <= floor:
                reached = True  # at the floor: stored last time (kept anyway: ids make it a no-op)
                if stamp < floor:
                    continue
            items.append(item)
            if top is None or stamp > top:
                top = stamp
        if reached or not page or not following:
            finished = True
            break
        cursor = following
        if stop():
            break
    if floor is None and not pending:
        finished = True
    if finished:
        new = {"floor": top if top is not None else floor}
    else:
        new = {"floor": floor, "pending": {"cursor": cursor, "top": top}}
    return Walk(items, new, pages, finished)


def keep_items(items: list[Any], ctx: FetchContext, result: FetchResult, source: SourceConfig, *, network: str,
               as_dict: Callable[[Any], Any], to_signal: Callable[[Any], Signal], label: Callable[[Any], str]) -> None:
    """Record a walk's items (when capturing; ``as_dict`` returns None for one not to record)
    and turn each into a Signal with its source's implied tags. One malformed item is a rejection named by ``label(item)``, never the end
    of the run: the network's other items are still stored."""
    if ctx.record is not None and hasattr(ctx.record, "items"):
        ctx.record.items(network, [d for d in map(as_dict, items) if d is not None])
    for item in items:
        result.fetched += 1
        try:
            result.signals.append(source.implied_tags(to_signal(item)))
        except (SignalError, ValueError, TypeError, KeyError, AttributeError) as exc:
            result.reject(f"{label(item)}: {exc}")


COMMON_OPTIONS = {"api_base", "max_pages", "page_size", "max_bytes", "public_url"}
OPTIONS = {
    "bluesky": COMMON_OPTIONS | {"public_search"},
    "mastodon": COMMON_OPTIONS | {"instance", "tags"},
    "reddit": COMMON_OPTIONS | {"subreddits", "comments", "posts"},
    "hn": COMMON_OPTIONS | {"tags"},
}


def check_options(source) -> None:
    """A mistyped key (``subreddit`` for ``subreddits``, ``max_page``) would otherwise be
    ignored in silence: name it, and the nearest key this kind knows."""
    import difflib

    known = OPTIONS[source.kind]
    for key in source.options:
        if key not in known:
            near = difflib.get_close_matches(key, sorted(known | {"query", "accounts", "interval", "enabled"}), n=1)
            hint = f" (did you mean {near[0]!r}?)" if near else f" (known: {', '.join(sorted(known))})"
            raise ValueError(f"source {source.name}: unknown key {key!r} for a {source.kind} source{hint}")


def int_option(source, key: str, default: int, low: int, high: int) -> int:
    """An integer option clamped to what the API allows, or one clear line when it is not a number."""
    value = source.options.get(key, default)
    if isinstance(value, bool) or not isinstance(value, (int, str)) or not str(value).strip().isdigit():
        raise ValueError(f"source {source.name}: {key} must be a whole number, got {value!r}")
    return max(low, min(high, int(value)))


def build_social(source, *, social: SocialCredentials | None, api_base: str | None, timeout: float):
    """The collector for a social source; ``ValueError`` (the skip reason) when it cannot run."""
    social = social or SocialCredentials()
    check_options(source)
    if source.kind == "hn":
        from outagewatch.collectors.hackernews import HackerNewsCollector

        return HackerNewsCollector(source, api_base=api_base)
    if source.kind == "bluesky":
        from outagewatch.collectors.bluesky import BlueskyCollector

        return BlueskyCollector(source, handle=social.bluesky_handle, app_password=social.bluesky_app_password,
                                api_base=api_base, timeout=timeout)
    if source.kind == "mastodon":
        from outagewatch.collectors.mastodon import MastodonCollector

        return MastodonCollector(source, tokens=social.mastodon_tokens, api_base=api_base, timeout=timeout)
    if source.kind == "reddit":
        from outagewatch.collectors.reddit import RedditCollector

        return RedditCollector(source, client_id=social.reddit_client_id, client_secret=social.reddit_client_secret,
                               user_agent=social.reddit_user_agent, api_base=api_base, timeout=timeout)
    raise ValueError(f"source {source.name}: unknown kind {source.kind!r}")
