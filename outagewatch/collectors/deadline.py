"""The budget of one fetch: a wall-clock deadline and the run's stop event (SIGTERM,
Ctrl-C), which every network library a collector goes through must honour.

Why it takes more than a timeout: httpx's and requests' ``timeout`` is per socket
operation, so a server that drips one byte every few seconds never trips it and holds a
fetch (and, without this, the whole run) forever. The scheduler opens one budget per
fetch (its retries included, :func:`budget`), and each family of library is held to it
in the way it allows:

- httpx (the shared client of feeds, status pages and Hacker News; Bluesky's atproto):
  every socket operation waits in slices of :data:`SLICE` and never past the budget
  (:class:`outagewatch.collectors.http.BudgetTransport`, built on httpcore's public
  ``network_backend``).
- requests (tweepy, Mastodon.py, PRAW): http.client cannot resume a read that timed
  out, so the sockets a fetch uses are registered here (:class:`HeldAdapter`) and a
  watchdog shuts them down when the budget ends; the blocked read returns at once.
- Scrapy runs in a child process: the parent waits for its items in slices and cancels
  the crawl (:mod:`outagewatch.collectors.reports`). Starting that process (Scrapy's
  imports, seconds on a busy machine) is no part of the source's time: the wait for it is
  held to its own bound and the run's stop, and left out of the deadline (:meth:`Budget.exclude`).

Whatever a library raises once the budget is spent, the scheduler reports it as one
``timeout`` ("over the N s deadline of one fetch") or ``stopped`` failure.
"""

from __future__ import annotations

import contextlib
import contextvars
import socket
import threading
import time
import weakref
from typing import Iterator
from urllib.parse import urlsplit

import httpcore
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from outagewatch.collectors.base import SourceError, StoppedFailure, TimeoutFailure

SLICE = 0.25  # seconds a blocked wait runs before looking at the budget again


class Cancelled(httpcore.ReadTimeout):
    """The run is stopping; raised out of the socket operation that was waiting."""


class DeadlinePassed(httpcore.ReadTimeout):
    """The fetch's wall-clock budget is spent."""


class Budget:
    """What one fetch may spend and where it may go: ``deadline`` (``time.monotonic()``),
    a ``stop`` event, and the redirect policy (``same_host``: only to ``host``)."""

    def __init__(self, seconds: float | None = None, stop: threading.Event | None = None, *,
                 same_host: bool = False, host: str | None = None) -> None:
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds if seconds else None
        self.stop = stop
        self.same_host = same_host
        self.host = host
        self._sockets: weakref.WeakSet[socket.socket] = weakref.WeakSet()
        self._lock = threading.Lock()
        self._done = threading.Event()
        self._watchdog: threading.Thread | None = None

    def spent(self) -> SourceError | None:
        """The failure this fetch ends with when its budget is spent (a stop first), else None."""
        if self.stop is not None and self.stop.is_set():
            return StoppedFailure("stopped before the source answered")
        if self.deadline is not None and time.monotonic() >= self.deadline:
            return TimeoutFailure(f"over the {self.seconds:g} s deadline of one fetch")
        return None

    def exclude(self, seconds: float) -> None:
        """Move the deadline ``seconds`` later: time this fetch spent waiting on our own
        machinery (the crawler process starting), not on the source, is not the source's.
        Only the thread running the fetch calls it; the stop still applies throughout."""
        if self.deadline is not None and seconds > 0:
            self.deadline += seconds

    def remaining(self) -> float | None:
        return None if self.deadline is None else max(0.0, self.deadline - time.monotonic())

    def left(self, timeout: float | None) -> float | None:
        """``timeout`` cut to what is left; raises (as an httpcore timeout) when nothing is."""
        if self.stop is not None and self.stop.is_set():
            raise Cancelled("stopping")
        if self.deadline is None:
            return timeout
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise DeadlinePassed(f"over the {self.seconds:g} s deadline of one fetch")
        return left if timeout is None else min(timeout, left)

    def wait(self, seconds: float) -> None:
        """Sleep ``seconds`` (a retry's backoff), less when the budget ends first."""
        left = self.remaining()
        seconds = seconds if left is None else min(seconds, left)
        if self.stop is not None:
            self.stop.wait(seconds)
        else:
            time.sleep(seconds)

    # -- sockets of libraries that cannot read in slices ------------------------------

    def hold(self, sock: socket.socket | None) -> None:
        """Shut ``sock`` down when the budget ends (at once if it already has)."""
        if sock is None:
            return
        with self._lock:
            self._sockets.add(sock)
            if self._watchdog is None and (self.deadline is not None or self.stop is not None):
                self._watchdog = threading.Thread(target=self._watch, name="fetch-watchdog", daemon=True)
                self._watchdog.start()
        if self.spent() is not None:
            _shut(sock)

    def _watch(self) -> None:
        # Once spent, every slice shuts what is held again: a socket held after the first
        # pass (a retry, the next request of this fetch) must not outlive the budget either.
        while not self._done.wait(SLICE):
            if self.spent() is not None:
                with self._lock:
                    held = list(self._sockets)
                for sock in held:
                    _shut(sock)

    def close(self) -> None:
        self._done.set()


def _shut(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass  # already closed or never connected


_BUDGET: contextvars.ContextVar[Budget | None] = contextvars.ContextVar("outagewatch_fetch_budget", default=None)


def current() -> Budget | None:
    """The budget of the fetch running on this thread, if any."""
    return _BUDGET.get()


@contextlib.contextmanager
def budget(seconds: float | None = None, *, stop: threading.Event | None = None, url: str | None = None,
           same_host: bool = False) -> Iterator[Budget]:
    """Everything a collector does inside this block (one fetch of one source, on this
    thread) ends by ``seconds`` from now, stops when ``stop`` is set, and follows
    redirects only to http(s), and only to ``url``'s own host when ``same_host``."""
    host = (urlsplit(url).hostname or "").lower() if url else None
    spent = Budget(seconds, stop, same_host=same_host, host=host)
    token = _BUDGET.set(spent)
    try:
        yield spent
    finally:
        _BUDGET.reset(token)
        spent.close()


# -- requests (tweepy, Mastodon.py, PRAW) ------------------------------------------------

def _hold(sock: socket.socket | None) -> None:
    held = _BUDGET.get()
    if held is not None:
        held.hold(sock)


class _HeldHTTPConnection(HTTPConnection):
    """urllib3's connection, its socket handed to the current budget when it connects and
    each time a request is sent on it (a kept-alive socket serves later fetches too)."""

    def connect(self) -> None:
        super().connect()
        _hold(self.sock)

    def request(self, *args, **kwargs):  # noqa: ANN002, ANN003 - urllib3's own signature
        _hold(self.sock)
        return super().request(*args, **kwargs)


class _HeldHTTPSConnection(HTTPSConnection):
    def connect(self) -> None:
        super().connect()
        _hold(self.sock)

    def request(self, *args, **kwargs):  # noqa: ANN002, ANN003
        _hold(self.sock)
        return super().request(*args, **kwargs)


class _HeldHTTPPool(HTTPConnectionPool):
    ConnectionCls = _HeldHTTPConnection


class _HeldHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _HeldHTTPSConnection


class HeldAdapter(HTTPAdapter):
    """A requests adapter whose connections are held to the current fetch's budget:
    when it ends, their sockets are shut down and the library's blocked read returns."""

    def init_poolmanager(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003 - requests' own signature
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _HeldHTTPPool, "https": _HeldHTTPSPool}

    def proxy_manager_for(self, proxy, **proxy_kwargs):  # noqa: ANN001, ANN003
        """Through an HTTP(S) proxy (``HTTP_PROXY``...), the same held connections; a SOCKS
        proxy keeps urllib3's own, unbudgeted."""
        manager = super().proxy_manager_for(proxy, **proxy_kwargs)
        if not proxy.lower().startswith("socks"):
            manager.pool_classes_by_scheme = {"http": _HeldHTTPPool, "https": _HeldHTTPSPool}
        return manager
