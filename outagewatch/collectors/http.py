"""One careful HTTP GET for every JSON/XML source: conditional requests, a size cap,
and every way a server can fail turned into one :class:`SourceError`.

httpx is used directly (not through a retry library) because the scheduler owns
retries and backoff: a collector makes exactly one attempt per call.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import Any

import httpx

from outagewatch.collectors.base import (
    AuthFailure, BadResponse, Blocked, ConnectionFailure, RateLimited, ServerFailure, SourceError, TimeoutFailure,
)

USER_AGENT = "outagewatch/0.1 (+https://github.com/outagewatch/outagewatch; outage research; polite polling)"
MAX_BYTES = 20 * 1024 * 1024
MAX_REDIRECTS = 5

ANTI_BOT_MARKERS = (
    "just a moment...", "cf-browser-verification", "cf-challenge", "attention required! | cloudflare",
    "captcha", "are you a robot", "verify you are human", "px-captcha", "distil_r_captcha",
    "request unsuccessful. incapsula", "consent.google.com", "before you continue to", "we value your privacy",
    "access denied", "enable javascript and cookies to continue",
)


@dataclass
class Response:
    status: int
    url: str
    headers: dict[str, str]
    body: bytes = b""
    not_modified: bool = False
    validators: dict[str, str] = field(default_factory=dict)

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()


def make_client(timeout: float = 20.0) -> httpx.Client:
    return httpx.Client(timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)), follow_redirects=True,
                        max_redirects=MAX_REDIRECTS, headers={"User-Agent": USER_AGENT})


def looks_blocked(body: bytes) -> bool:
    """An HTML page that is a challenge or consent wall rather than the content."""
    head = body[:20000].decode("utf-8", "replace").lower()
    if "<html" not in head and "<!doctype" not in head:
        return False
    return any(marker in head for marker in ANTI_BOT_MARKERS)


def get(client: httpx.Client, url: str, *, checkpoint: dict[str, Any] | None = None,
        accept: tuple[str, ...] = (), max_bytes: int = MAX_BYTES, record=None, params=None) -> Response:
    """GET ``url`` once. ``checkpoint`` may hold ``etag``/``last_modified`` from last time;
    a 304 comes back as ``not_modified``. ``accept`` lists content-type fragments the
    caller can parse (``json``, ``xml``...); anything else is a :class:`BadResponse`."""
    headers = {}
    checkpoint = checkpoint or {}
    if checkpoint.get("etag"):
        headers["If-None-Match"] = checkpoint["etag"]
    if checkpoint.get("last_modified"):
        headers["If-Modified-Since"] = checkpoint["last_modified"]
    try:
        with client.stream("GET", url, headers=headers, params=params) as reply:
            status = reply.status_code
            reply_headers = {k.lower(): v for k, v in reply.headers.items()}
            if status == 304:
                return Response(304, str(reply.url), reply_headers, not_modified=True,
                                validators=_validators(reply_headers, checkpoint))
            body = bytearray()
            declared = reply_headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise BadResponse(f"body too large ({int(declared) / 1_048_576:.1f} MB > {max_bytes / 1_048_576:.1f} MB)")
            for chunk in reply.iter_bytes():
                body += chunk
                if len(body) > max_bytes:
                    raise BadResponse(f"body too large (over {max_bytes / 1_048_576:.1f} MB)")
    except httpx.TooManyRedirects:
        raise BadResponse(f"redirect loop (more than {MAX_REDIRECTS} redirects)") from None
    except httpx.TimeoutException as exc:
        raise TimeoutFailure(f"timed out ({type(exc).__name__})") from None
    except httpx.ConnectError as exc:
        raise ConnectionFailure(f"cannot connect: {_reason(exc)}") from None
    except (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError) as exc:
        raise ConnectionFailure(f"connection broken: {_reason(exc)}") from None
    except httpx.InvalidURL as exc:
        raise BadResponse(f"invalid URL: {exc}") from None
    except httpx.HTTPError as exc:
        raise ConnectionFailure(f"HTTP error: {_reason(exc)}") from None
    body = bytes(body)
    if record is not None:
        record.response(url, status, reply_headers, body)
    check_status(status, reply_headers, body)
    response = Response(status, url, reply_headers, body, validators=_validators(reply_headers, {}))
    if not body.strip():
        raise BadResponse("empty body")
    if looks_blocked(body) and not any(a in response.content_type for a in ("json", "xml", "rss", "atom")):
        raise Blocked("anti-bot or consent page instead of content")
    if accept and response.content_type and not any(a in response.content_type for a in accept):
        raise BadResponse(f"unexpected content type {response.content_type!r} (expected {' or '.join(accept)})")
    return response


def check_status(status: int, headers: dict[str, str], body: bytes) -> None:
    if status == 429:
        raise RateLimited("rate limited (429)", retry_after=retry_after(headers))
    if status in (401, 403):
        if status == 403 and looks_blocked(body):
            raise Blocked("403 with an anti-bot page")
        raise AuthFailure(f"access refused ({status})")
    if status >= 500:
        raise ServerFailure(f"server error ({status})", retry_after=retry_after(headers))
    if status >= 400:
        raise BadResponse(f"HTTP {status}")


def retry_after(headers: dict[str, str]) -> float | None:
    value = headers.get("retry-after")
    if not value:
        return None
    if value.strip().isdigit():
        return float(value)
    try:
        from outagewatch.timeutil import utcnow

        return max(0.0, (parsedate_to_datetime(value) - utcnow()).total_seconds())
    except (TypeError, ValueError):
        return None


def _validators(headers: dict[str, str], previous: dict[str, Any]) -> dict[str, str]:
    out = {}
    etag = headers.get("etag") or previous.get("etag")
    modified = headers.get("last-modified") or previous.get("last_modified")
    if etag:
        out["etag"] = etag
    if modified:
        out["last_modified"] = modified
    return out


def _reason(exc: Exception) -> str:
    text = str(exc) or type(exc).__name__
    return text.splitlines()[0][:200]


__all__ = ["Response", "get", "make_client", "looks_blocked", "check_status", "SourceError", "USER_AGENT"]
