"""Mastodon through ``Mastodon.py``: hashtag timelines and account statuses on a chosen
instance without a token, full-text search where the instance grants it to a token,
with ``since_id`` checkpoints (one per stream).

Why the choices:
- Paging goes *up* from the checkpoint with ``min_id`` (the statuses immediately newer
  than it), so a run stopped at its page bound leaves no gap: the next run starts where
  this one stopped. A first run reads only the newest page and never backfills.
- ``ratelimit_method="throw"``: the library's own "wait" sleeps up to five minutes inside
  a fetch; here a 429 becomes :class:`RateLimited` with the server's ``Retry-After`` or
  ``X-RateLimit-Reset``, and ``X-RateLimit-Remaining: 0`` ends the walk early.
- The session carries :class:`~outagewatch.collectors.social.GuardedAdapter` (timeout,
  size cap); status HTML becomes plain text; the author is ``@user@instance``, the
  account's fediverse-wide name, and the Signal id is the status URI, so one status
  seen through two instances is one record.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

import requests
from mastodon import Mastodon
from mastodon import errors as m_errors

from outagewatch.collectors.base import (
    AuthFailure, BadResponse, ConnectionFailure, FetchContext, FetchResult, RateLimited, ServerFailure,
    SourceConfig, SourceError, TimeoutFailure,
)
from outagewatch.collectors.social import USER_AGENT, GuardedAdapter, int_option, quota_spent, reveal, wait_seconds
from outagewatch.collectors.text import plain
from outagewatch.signal import Signal, SignalError, signal_id
from outagewatch.timeutil import parse_time


class MastodonCollector:
    """``instance = "mastodon.social"`` with ``tags = ["outage"]``, ``accounts = ["@user"]``
    and/or ``query = "aws down"`` (search needs a token for that instance)."""

    def __init__(self, source: SourceConfig, *, tokens: dict[str, Any] | None = None, api_base: str | None = None,
                 timeout: float = 20.0) -> None:
        instance = str(source.options.get("instance") or urlsplit(source.url or "").hostname or "").lower()
        if not instance:
            raise ValueError(f"source {source.name}: a mastodon source needs an instance (e.g. \"mastodon.social\")")
        tags = source.options.get("tags") or []
        self.tags = [str(t).lstrip("#") for t in ([tags] if isinstance(tags, str) else tags)]
        if not self.tags and not source.accounts and not source.query:
            raise ValueError(f"source {source.name}: a mastodon source needs tags, accounts or a query")
        token = (tokens or {}).get(instance)
        if source.query and not token:
            raise ValueError(f"source {source.name}: Mastodon full-text search needs a token for {instance}: "
                             f"set OUTAGEWATCH_MASTODON_TOKENS=\"{instance}=TOKEN\" (or [mastodon.tokens])")
        self.source = source
        self.instance = instance
        if api_base:  # replay serves every instance under one prefix
            base = f"{api_base.rstrip('/')}/{instance}"
        else:
            base = source.options.get("api_base") or f"https://{instance}"
        self.adapter = GuardedAdapter(timeout=timeout,
                                      max_bytes=int_option(source, "max_bytes", 10 * 1024 * 1024, 1024, 1 << 30))
        session = requests.Session()
        session.max_redirects = 5
        session.mount("https://", self.adapter)
        session.mount("http://", self.adapter)
        self.client = Mastodon(api_base_url=base, access_token=reveal(token), ratelimit_method="throw",
                               request_timeout=timeout, session=session, version_check_mode="none",
                               user_agent=USER_AGENT)
        self.max_pages = int_option(source, "max_pages", 3, 1, 100)
        self.page_size = int_option(source, "page_size", 40, 1, 40)

    def __repr__(self) -> str:
        return f"MastodonCollector({self.source.name!r}, instance={self.instance!r})"

    def close(self) -> None:
        self.client.session.close()

    def fetch(self, ctx: FetchContext) -> FetchResult:
        checkpoint = dict(ctx.checkpoint)
        result = FetchResult()
        try:
            for tag in self.tags:
                key = f"#{tag.lower()}"
                checkpoint[key] = self._walk(
                    checkpoint.get(key), lambda **kw: self.client.timeline_hashtag(tag, **kw), ctx, result,
                    f"mastodon:{self.instance}/tags/{tag}")
            if self.source.accounts:
                ids = dict(checkpoint.get("account_ids") or {})
                for account in self.source.accounts:
                    acct = account.lstrip("@")
                    if acct.lower() not in ids:
                        try:
                            found = self.client.account_lookup(acct)
                        except m_errors.MastodonNotFoundError:
                            result.reject(f"account {acct}: not found on {self.instance}")
                            continue
                        ids[acct.lower()] = str(_field(found, "id"))
                    key = f"@{acct.lower()}"
                    account_id = ids[acct.lower()]
                    checkpoint[key] = self._walk(
                        checkpoint.get(key),
                        lambda **kw: self.client.account_statuses(account_id, exclude_reblogs=True, **kw),
                        ctx, result, f"mastodon:{self.instance}/@{acct}")
                checkpoint["account_ids"] = ids
            if self.source.query:
                def search(**kw):
                    reply = self.client.search_v2(self.source.query, result_type="statuses", resolve=False, **kw)
                    return _field(reply, "statuses")

                checkpoint["search"] = self._walk(checkpoint.get("search"), search, ctx, result,
                                                  f"mastodon:{self.instance}/search:{self.source.query}")
        except SourceError:
            raise
        except Exception as exc:  # noqa: BLE001 - every library failure becomes one SourceError kind
            raise self._failure(exc) from None
        result.checkpoint = checkpoint
        return result

    def _walk(self, since_id: str | None, page, ctx: FetchContext, result: FetchResult, source_name: str) -> str | None:
        """Read upward from ``since_id`` (min_id paging); returns the new ``since_id``."""
        newest = int(since_id) if since_id else None
        for _ in range(self.max_pages):
            kwargs: dict[str, Any] = {"limit": self.page_size}
            if newest is not None:
                kwargs["min_id"] = str(newest)
            statuses = page(**kwargs)
            if not isinstance(statuses, list):
                raise BadResponse(f"unexpected reply shape ({type(statuses).__name__}, expected a list of statuses)")
            if ctx.record is not None and hasattr(ctx.record, "items"):
                ctx.record.items("mastodon", [_plain_dict(s) for s in statuses if isinstance(s, dict)])
            for status in statuses:
                result.fetched += 1
                try:
                    signal = status_signal(status, source_name, self.instance, ctx.now)
                    result.signals.append(self.source.implied_tags(signal))
                    newest = max(newest or 0, int(_field(status, "id")))
                except (SignalError, ValueError, TypeError, KeyError, AttributeError) as exc:
                    result.reject(f"status {_field(status, 'id', '?')}: {exc}")
            if since_id is None or len(statuses) < self.page_size or quota_spent(self.adapter.last_headers):
                break
        return str(newest) if newest is not None else since_id

    def _failure(self, exc: Exception) -> SourceError:
        headers = self.adapter.last_headers
        cause = exc
        while cause is not None:  # the library wraps transport errors (ours included) in MastodonNetworkError
            if isinstance(cause, SourceError):
                return cause
            if isinstance(cause, requests.exceptions.Timeout):
                return TimeoutFailure("timed out")
            if isinstance(cause, requests.exceptions.TooManyRedirects):
                return BadResponse("redirect loop")
            if isinstance(cause, requests.exceptions.ConnectionError):
                return ConnectionFailure(f"cannot connect to {self.instance}")
            cause = cause.__cause__ or cause.__context__
        if isinstance(exc, m_errors.MastodonRatelimitError):
            wait = wait_seconds(headers)
            return RateLimited("rate limited (429)" + ("" if wait is not None else ", no reset time given"),
                               retry_after=wait)
        if isinstance(exc, m_errors.MastodonServerError):
            return ServerFailure(f"server error ({_status(exc)})", retry_after=wait_seconds(headers))
        if isinstance(exc, m_errors.MastodonUnauthorizedError) or _status(exc) in (401, 403):
            return AuthFailure(f"access refused ({_status(exc)}) by {self.instance}; check the token or whether the "
                               "instance allows this without one")
        if isinstance(exc, m_errors.MastodonNetworkError):
            return ConnectionFailure(f"network error: {str(exc)[:120]}")
        if isinstance(exc, m_errors.MastodonAPIError):
            status = _status(exc)
            return BadResponse(f"HTTP {status}" if status else f"malformed reply: {str(exc)[:100]}")
        return BadResponse(f"{type(exc).__name__}: {str(exc)[:140]}")


_INLINE = re.compile(r"</?(?:a|span|strong|em|b|i|u|code|del|s|bdi|abbr)\b[^>]*>", re.I)


def status_text(html: str | None) -> str:
    """Mastodon wraps hashtags and links in inline tags (``#<span>outage</span>``): those go
    without a space, block tags become line breaks."""
    return plain(_INLINE.sub("", html or ""))


def _status(exc: Exception) -> int | None:
    args = getattr(exc, "args", ())
    return args[1] if len(args) > 1 and isinstance(args[1], int) else None


def _field(obj: Any, name: str, default: Any = None) -> Any:
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)


def _plain_dict(value: Any) -> Any:
    """The library's attribute dicts and datetimes back to the API's JSON."""
    if isinstance(value, dict):
        return {k: _plain_dict(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain_dict(v) for v in value]
    if isinstance(value, datetime):
        return value.isoformat().replace("+00:00", "Z")
    return value


def status_signal(status: Any, source_name: str, instance: str, now: datetime) -> Signal:
    uri = _field(status, "uri")
    account = _field(status, "account")
    created = _field(status, "created_at")
    if not uri or not account or not created:
        raise ValueError("status lacks uri, account or created_at")
    acct = str(_field(account, "acct"))
    if "@" not in acct:  # a local account: qualify it with the account's own host
        acct = f"{acct}@{urlsplit(str(_field(account, 'url') or '')).hostname or instance}"
    spoiler = status_text(_field(status, "spoiler_text"))
    text = status_text(_field(status, "content"))
    return Signal(
        id=signal_id("mastodon", str(uri)), source_kind="social", source=source_name,
        published_at=parse_time(created) if not isinstance(created, datetime) else created,
        collected_at=now, text="\n".join(p for p in (spoiler, text) if p), author=f"@{acct}",
        url=_field(status, "url") or str(uri), lang=_field(status, "language"), native_id=str(uri),
        raw={"id": str(_field(status, "id")), "uri": str(uri), "author_id": f"@{acct}",
             "account_url": _field(account, "url"), "tags": [_field(t, "name") for t in _field(status, "tags") or []],
             "reblogs": _field(status, "reblogs_count"), "favourites": _field(status, "favourites_count")},
    )
