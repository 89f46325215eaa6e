"""One careful HTTP GET for every JSON/XML source: conditional requests, a size cap,
and every way a server can fail turned into one :class:`SourceError`.

httpx is used directly (not through a retry library) because the scheduler owns
retries and backoff: a collector makes exactly one attempt per call.
"""

from __future__ import annotations

import contextlib
import time
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import Any, Iterator
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from outagewatch.collectors.base import (
    AuthFailure, BadResponse, Blocked, ConnectionFailure, RateLimited, ServerFailure, SourceError, TimeoutFailure,
)
from outagewatch.collectors.deadline import SLICE, DeadlinePassed, budget
from outagewatch.collectors.deadline import current as _current

USER_AGENT = "outagewatch/0.1 (outage research; polite polling)"
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


# -- the budget of one fetch ------------------------------------------------------------
#
# httpx's timeouts are per socket operation: a server that drips a byte every few seconds
# never trips them and holds a fetch forever. So every socket operation of the client
# below is cut to what is left of the current fetch's budget (collectors/deadline.py), and
# waits in short slices so that a stop (SIGTERM, Ctrl-C) is noticed within one slice.


def _sliced(call, timeout: float | None):
    """Run a blocking socket call in slices of SLICE seconds within the budget."""
    current = _current()
    if current is None:
        return call(timeout)
    limit = current.left(timeout)
    end = None if limit is None else time.monotonic() + limit
    while True:
        step = SLICE if end is None else min(SLICE, max(0.0, end - time.monotonic()))
        try:
            return call(step)
        except (httpcore.ReadTimeout, httpcore.WriteTimeout) as exc:
            if end is not None and time.monotonic() >= end:
                current.left(None)  # the deadline (or a stop) says why, when it is the reason
                raise exc
            current.left(None)


class _BudgetStream(httpcore.NetworkStream):
    def __init__(self, stream: httpcore.NetworkStream) -> None:
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return _sliced(lambda t: self._stream.read(max_bytes, t), timeout)

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        current = _current()
        self._stream.write(buffer, current.left(timeout) if current else timeout)

    def close(self) -> None:
        self._stream.close()

    def start_tls(self, ssl_context, server_hostname=None, timeout=None) -> httpcore.NetworkStream:
        current = _current()
        return _BudgetStream(self._stream.start_tls(ssl_context, server_hostname,
                                                    current.left(timeout) if current else timeout))

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _BudgetBackend(httpcore.NetworkBackend):
    def __init__(self, backend: httpcore.NetworkBackend) -> None:
        self._backend = backend

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        current = _current()
        if current is not None:
            try:
                timeout = current.left(timeout)
            except DeadlinePassed as exc:
                raise httpcore.ConnectTimeout(str(exc)) from None
        return _BudgetStream(self._backend.connect_tcp(host, port, timeout, local_address, socket_options))

    def connect_unix_socket(self, path, timeout=None, socket_options=None):
        return _BudgetStream(self._backend.connect_unix_socket(path, timeout, socket_options))

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


# httpcore's errors as httpx's (the most specific first): what httpx.HTTPTransport does,
# done here because this transport is assembled from the two libraries' public parts.
_ERRORS: tuple[tuple[type[Exception], type[httpx.HTTPError]], ...] = (
    (httpcore.ConnectTimeout, httpx.ConnectTimeout), (httpcore.ReadTimeout, httpx.ReadTimeout),
    (httpcore.WriteTimeout, httpx.WriteTimeout), (httpcore.PoolTimeout, httpx.PoolTimeout),
    (httpcore.TimeoutException, httpx.TimeoutException), (httpcore.ConnectError, httpx.ConnectError),
    (httpcore.ReadError, httpx.ReadError), (httpcore.WriteError, httpx.WriteError),
    (httpcore.NetworkError, httpx.NetworkError), (httpcore.ProxyError, httpx.ProxyError),
    (httpcore.UnsupportedProtocol, httpx.UnsupportedProtocol),
    (httpcore.LocalProtocolError, httpx.LocalProtocolError), (httpcore.RemoteProtocolError, httpx.RemoteProtocolError),
    (httpcore.ProtocolError, httpx.ProtocolError),
)


@contextlib.contextmanager
def _as_httpx(request: httpx.Request) -> Iterator[None]:
    try:
        yield
    except Exception as exc:
        for core, mapped in _ERRORS:
            if isinstance(exc, core):
                raise mapped(str(exc), request=request) from exc
        raise


class _ResponseStream(httpx.SyncByteStream):
    def __init__(self, stream, request: httpx.Request) -> None:
        self._stream = stream
        self._request = request

    def __iter__(self) -> Iterator[bytes]:
        with _as_httpx(self._request):
            yield from self._stream

    def close(self) -> None:
        if hasattr(self._stream, "close"):
            self._stream.close()


class BudgetTransport(httpx.BaseTransport):
    """An httpx transport over an ``httpcore.ConnectionPool`` whose network backend holds
    every socket operation to the current fetch's budget. Both are public API (httpx's
    ``BaseTransport``, httpcore's ``network_backend=``), unlike reaching into
    ``httpx.HTTPTransport``'s private pool; it speaks HTTP/1.1 with TLS verified. As with
    any transport given to an ``httpx.Client``, the environment's proxy variables are not
    used (httpx reads them only for its own transport)."""

    def __init__(self, *, limits: httpx.Limits | None = None) -> None:
        limits = limits or httpx.Limits()
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(), max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections, keepalive_expiry=limits.keepalive_expiry,
            http1=True, http2=False, network_backend=_BudgetBackend(httpcore.SyncBackend()))

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        url = request.url
        core = httpcore.Request(
            method=request.method,
            url=httpcore.URL(scheme=url.raw_scheme, host=url.raw_host, port=url.port, target=url.raw_path),
            headers=request.headers.raw, content=request.stream, extensions=request.extensions)
        with _as_httpx(request):
            reply = self._pool.handle_request(core)
        return httpx.Response(status_code=reply.status, headers=reply.headers,
                              stream=_ResponseStream(reply.stream, request), extensions=reply.extensions)

    def close(self) -> None:
        self._pool.close()


def _check_redirect(response: httpx.Response) -> None:
    """Refuse a redirect to anything but http(s), and off the source's host when the
    source says so, before httpx follows it: it is the source's answer, not a failure
    worth retrying."""
    if not response.has_redirect_location:
        return
    target = urljoin(str(response.request.url), response.headers.get("location", ""))
    parts = urlsplit(target)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise BadResponse(f"redirect to a {scheme or 'schemeless'}: URL refused (only http and https are followed)")
    current = _current()
    if current is not None and current.same_host and current.host and (parts.hostname or "").lower() != current.host:
        raise BadResponse(f"redirect to another host ({parts.hostname}) refused: the source allows only {current.host}")


def make_client(timeout: float = 20.0) -> httpx.Client:
    """The client every HTTP collector shares: per-operation ``timeout``, redirects
    checked by :func:`_check_redirect`, and socket operations held to the current
    :func:`budget`."""
    transport = BudgetTransport()
    return httpx.Client(timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)), follow_redirects=True,
                        max_redirects=MAX_REDIRECTS, headers={"User-Agent": USER_AGENT}, transport=transport,
                        event_hooks={"response": [_check_redirect]})


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
    except httpx.UnsupportedProtocol as exc:
        raise BadResponse(f"unsupported URL: {_reason(exc)}") from None
    except httpx.TimeoutException as exc:
        current = _current()
        spent = current.spent() if current is not None else None
        if spent is not None:
            raise spent from None
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


__all__ = ["Response", "get", "make_client", "looks_blocked", "check_status", "SourceError", "USER_AGENT", "budget",
           "BudgetTransport"]
