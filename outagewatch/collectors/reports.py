"""Report pages (Downdetector-style) through Scrapy, run in a child process.

One source lists a site's pages: ``url = "https://downdetector.com/status/{slug}/"``
and ``pages = ["roku", "flickr"]`` (or ``services = [...]``, whose catalog
``report_slug`` fills the template). Each page gives Signals under
``reports:<site>/<slug>``: one per point of the report-count series (``report_count``,
published at the point's time), one per user comment; the newest point carries the
problem-type shares and the page's own status in ``raw``.

All report sources of a process share one crawler child (:class:`CrawlerChild`),
started on first use: starting Scrapy costs about a second idle and several on a busy
machine, a crawl in a warm reactor a few milliseconds. The start is ours, not the
source's: a fetch waits for the child to say it is ready, held to :data:`START_TIMEOUT`
(its own one-line failure) and the run's stop, and that wait is left out of the fetch's
deadline. Crawls then run in it side by side, each held to its fetch's deadline and the
run's stop (a crawl past them is cancelled in the child).
"""

from __future__ import annotations

import atexit
import json
import logging
import os
import queue
import subprocess
import sys
import threading
import time
from datetime import datetime, timedelta
from typing import Any

from outagewatch.catalog import load_catalog
from outagewatch.collectors.base import (
    BadResponse, Blocked, ConnectionFailure, FetchContext, FetchResult, ServerFailure, SourceConfig, SourceError,
    StoppedFailure, TimeoutFailure,
)
from outagewatch.collectors.text import digest
from outagewatch.signal import Signal, SignalError
from outagewatch.timeutil import parse_time, to_iso

log = logging.getLogger(__name__)

REVISION_WINDOW = timedelta(hours=1)  # the newest points of a series are still being counted
# Seconds the crawler process may take to be ready (Scrapy's imports and a first empty
# crawl): ~0.5 s idle, 3-4 s on two cores at load 8; far above that, it is not coming.
START_TIMEOUT = 60.0


class CrawlerNotReady(SourceError):
    """The crawler process did not start: ours to fix, not the source's, so not retried
    (a retry would only start it again)."""

    kind = "crawler"


class _Start:
    """One crawler process's start: ``done`` is set when it is ready (``ok``) or ended first."""

    def __init__(self) -> None:
        self.began = time.monotonic()
        self.done = threading.Event()
        self.ok = False


class CrawlerChild:
    """A child process running :mod:`outagewatch.collectors.reports_child`.

    Several crawls may run in it at once (one per report source fetching): a reader
    thread hands each line the child prints to the crawl it belongs to, and each crawl
    waits for its own lines in slices, held to its fetch's budget (deadline and stop,
    :mod:`outagewatch.collectors.deadline`). A crawl whose budget ends is cancelled in the
    child and reported at once; the others go on.
    """

    def __init__(self, timeout: float = 120.0, *, start_timeout: float = START_TIMEOUT,
                 command: list[str] | None = None) -> None:
        self.timeout = timeout  # when no fetch budget applies (a crawl outside the scheduler)
        self.start_timeout = start_timeout
        self.command = command or [sys.executable, "-m", "outagewatch.collectors.reports_child"]
        self.start_seconds: float | None = None  # how long the last start took, once ready
        self._proc: subprocess.Popen | None = None
        self._start_state = _Start()
        self._lock = threading.Lock()
        self._start_lock = threading.Lock()  # fetches starting together start one process
        self._counter = 0
        self._waiting: dict[int, queue.Queue] = {}

    def _start(self) -> tuple[subprocess.Popen, _Start]:
        with self._start_lock:
            if self._proc is None or self._proc.poll() is not None:
                env = dict(os.environ, PYTHONUNBUFFERED="1")
                self._start_state = _Start()
                self.start_seconds = None
                try:
                    self._proc = subprocess.Popen(self.command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                                  stderr=subprocess.DEVNULL, text=True, bufsize=1, env=env)
                except OSError as exc:
                    self._proc = None
                    raise CrawlerNotReady(f"cannot start the Scrapy process: {exc}") from None
                threading.Thread(target=self._read, args=(self._proc, self._start_state),
                                 name="crawler-reader", daemon=True).start()
            return self._proc, self._start_state

    def _ready(self, spending) -> subprocess.Popen:
        """The child, ready for crawls: started if need be, and waited for at most
        :attr:`start_timeout` from its start, less when the run stops. All this is left out
        of the fetch's deadline (the time is ours, not the source's); a child that will not
        be ready is one line."""
        from outagewatch.collectors.deadline import SLICE

        began = time.monotonic()
        try:
            proc, start = self._start()
            while not start.done.wait(SLICE):
                if spending is not None and spending.stop is not None and spending.stop.is_set():
                    raise StoppedFailure("stopped while the crawler process was starting")
                if time.monotonic() - start.began >= self.start_timeout:
                    self._abandon(proc)
                    raise CrawlerNotReady(
                        f"the Scrapy process was not ready {self.start_timeout:g} s after it started (an overloaded "
                        f"machine? `{_shown(self.command)}` shows what it does)")
        finally:
            if spending is not None:
                spending.exclude(time.monotonic() - began)
        if start.ok:
            return proc
        self._abandon(proc)
        raise CrawlerNotReady(f"the Scrapy process exited with code {proc.returncode} before it was ready "
                              f"(`{_shown(self.command)}` shows why)")

    def _abandon(self, proc: subprocess.Popen) -> None:
        """Kill a child that will not start, so that the next fetch starts a fresh one."""
        with self._start_lock:
            if self._proc is proc:
                self._proc = None
        if proc.poll() is None:
            proc.kill()
            proc.wait()

    def _read(self, proc: subprocess.Popen, start: _Start) -> None:
        """Hand each message of ``proc`` to the crawl waiting for it; at its end, tell them all."""
        for line in proc.stdout:
            try:
                message = json.loads(line)
            except json.JSONDecodeError:
                continue
            if message.get("ready"):
                self.start_seconds = time.monotonic() - start.began
                log.info("crawler process ready in %.1f s", self.start_seconds)
                start.ok = True
                start.done.set()
                continue
            ident = message.get("id", message.get("done"))
            with self._lock:
                waiting = self._waiting.get(ident)
            if waiting is not None:
                waiting.put(message)
        start.done.set()  # a start still awaited ends here too (``ok`` unset: it never became ready)
        with self._lock:
            ended = [q for q in self._waiting.values()]
        for waiting in ended:
            waiting.put(None)

    def _send(self, proc: subprocess.Popen, command: dict[str, Any]) -> None:
        with self._lock:
            proc.stdin.write(json.dumps(command) + "\n")
            proc.stdin.flush()

    def crawl(self, pages: list[dict[str, Any]], *, profiles: dict | None = None, settings: dict | None = None,
              record: bool = False) -> tuple[list[dict[str, Any]], str | None]:
        from outagewatch.collectors.deadline import SLICE, current

        spending = current()
        inbox: queue.Queue = queue.Queue()
        with self._lock:
            self._counter += 1
            ident = self._counter
            self._waiting[ident] = inbox
        try:
            proc = self._ready(spending)
            ends = time.monotonic() + self.timeout
            command = {"id": ident, "pages": pages, "profiles": profiles or {}, "settings": settings or {},
                       "record": record}
            try:
                self._send(proc, command)
            except (BrokenPipeError, OSError):
                self._proc = None
                raise ConnectionFailure("the crawler process died") from None
            items: list[dict[str, Any]] = []
            while True:
                spent = spending.spent() if spending is not None else None
                if spent is None and time.monotonic() >= ends:
                    spent = TimeoutFailure(f"the crawl took more than {self.timeout:g} s")
                if spent is not None:
                    self._cancel(proc, ident)
                    raise spent
                try:
                    message = inbox.get(timeout=SLICE)
                except queue.Empty:
                    continue
                if message is None:
                    self._proc = None
                    raise TimeoutFailure("the crawler process stopped")
                if "item" in message:
                    items.append(message["item"])
                elif message.get("done") == ident:
                    return items, message.get("error")
        finally:
            with self._lock:
                self._waiting.pop(ident, None)

    def _cancel(self, proc: subprocess.Popen, ident: int) -> None:
        try:
            self._send(proc, {"cancel": ident})
        except (BrokenPipeError, OSError, ValueError):
            pass  # the child is gone: nothing left to cancel

    def close(self) -> None:
        """End the child: its crawls are cancelled when its input closes; one that will
        not end within half a second is killed (it holds nothing but crawls in flight, and
        a run stopping must not wait on a slow site)."""
        if self._proc is not None and self._proc.poll() is None:
            try:
                with self._lock:
                    self._proc.stdin.close()
                self._proc.wait(timeout=0.5)
            except (OSError, subprocess.TimeoutExpired):
                self._proc.kill()
                self._proc.wait()
        self._proc = None


def _shown(command: list[str]) -> str:
    if command[1:3] == ["-m", "outagewatch.collectors.reports_child"]:
        return "python -m outagewatch.collectors.reports_child"
    return " ".join(command)


_shared: CrawlerChild | None = None


def shared_child() -> CrawlerChild:
    global _shared
    if _shared is None:
        _shared = CrawlerChild()
        atexit.register(_shared.close)
    return _shared


_ERRORS = {"timeout": TimeoutFailure, "connection": ConnectionFailure, "robots": BadResponse,
           "bad-response": BadResponse, "http": ServerFailure, "error": SourceError}


def _page_error(item: dict[str, Any], page: dict[str, Any]) -> SourceError:
    message = f"{page['key']}: {item['reason']}"
    status = item.get("status")
    if status:
        from outagewatch.collectors.http import check_status

        try:
            check_status(int(status), {}, b"")
        except SourceError as exc:
            return type(exc)(message)
    return _ERRORS.get(item.get("kind"), SourceError)(message)


class ReportCollector:
    def __init__(self, source: SourceConfig, *, child: CrawlerChild | None = None,
                 profiles: dict[str, dict[str, str]] | None = None, settings: dict[str, Any] | None = None) -> None:
        if not source.url:
            raise ValueError(f"source {source.name}: a reports source needs a url (with {{slug}} for several pages)")
        self.source = source
        self.site = source.options.get("site") or source.name
        self.profile = source.options.get("profile") or "downdetector"
        self.profiles = profiles or {}
        self.settings = dict(settings or {})
        self.settings.update(source.options.get("scrapy_settings") or {})
        self.child = child
        catalog = load_catalog()
        by_slug = {s.report_slug: s for s in catalog.services.values() if s.report_slug}
        pages = list(source.options.get("pages") or [])
        if not pages and source.services:
            pages = [catalog.services[s].report_slug for s in source.services
                     if s in catalog.services and catalog.services[s].report_slug]
        if not pages:
            pages = [""]
        public = source.options.get("public_url") or source.url
        self.pages = []
        for slug in pages:
            service = by_slug.get(slug)
            self.pages.append({
                "key": slug or self.site, "url": source.url.replace("{slug}", slug), "profile": self.profile,
                "public_url": public.replace("{slug}", slug),
                "services": [service.id] if service else [], "name": service.name if service else (slug or self.site),
            })

    def close(self) -> None:
        pass  # the shared child outlives a collector; it is closed at exit

    def fetch(self, ctx: FetchContext) -> FetchResult:
        child = self.child or shared_child()
        items, crawl_error = child.crawl(self.pages, profiles=self.profiles, settings=self.settings,
                                         record=ctx.record is not None)
        if crawl_error:
            raise SourceError(f"crawl failed: {crawl_error}")
        if not items:
            raise BadResponse("the crawl returned no items at all (crawler misconfigured or pages unreachable)")
        result = FetchResult()
        checkpoint = dict(ctx.checkpoint)
        errors: list[SourceError] = []
        by_key = {p["key"]: p for p in self.pages}
        for item in items:
            page = by_key.get(item.get("key"))
            if page is None:
                continue
            if ctx.record is not None and item.get("record"):
                rec = item["record"]
                ctx.record.response(page["public_url"], rec["status"], {"content-type": rec["content_type"]},
                                    rec["body"].encode("utf-8"))
            if item["type"] == "blocked":
                errors.append(Blocked(f"{page['key']}: {item['reason']}"))
            elif item["type"] == "error":
                errors.append(_page_error(item, page))
            else:
                self._page_signals(item, page, ctx.now, checkpoint, result, errors)
        if errors and not result.signals and len(errors) >= len(self.pages):
            raise errors[0]
        for error in errors:
            result.reject(f"{error.kind}: {error}")
        result.checkpoint = checkpoint
        return result

    def _page_signals(self, item: dict[str, Any], page: dict[str, Any], now: datetime, checkpoint: dict[str, Any],
                      result: FetchResult, errors: list[SourceError]) -> None:
        points = item.get("points") or []
        if not points:
            # A page without a series is a changed layout or a wall we did not recognise: never "zero reports".
            errors.append(BadResponse(f"{page['key']}: no report series on the page (profile {self.profile!r} does not match)"))
            return
        source = f"reports:{self.site}/{page['key']}"
        last_seen = checkpoint.get(page["key"])
        horizon = parse_time(last_seen) - REVISION_WINDOW if last_seen else None
        parsed = []
        for point in points:
            result.fetched += 1
            try:
                parsed.append((parse_time(point["time"]), int(point["count"])))
            except (ValueError, TypeError, KeyError) as exc:
                result.reject(f"{page['key']}: bad point {point!r}: {exc}")
        parsed.sort()
        newest = parsed[-1][0] if parsed else None
        for when, count in parsed:
            if horizon is not None and when < horizon:
                continue
            raw: dict[str, Any] = {"page": page["public_url"]}
            if when == newest:
                raw.update({"problem_types": item.get("shares") or {}, "page_status": item.get("status")})
            try:
                result.signals.append(self.source.implied_tags(Signal(
                    source_kind="reports", source=source, published_at=when, collected_at=now, report_count=count,
                    title=item.get("status") if when == newest else None,
                    text=f"{count} user reports of problems with {page['name']}", url=page["public_url"],
                    services=list(page["services"]), native_id=f"point/{to_iso(when)}", raw=raw)))
            except SignalError as exc:
                result.reject(f"{page['key']}: {exc}")
        for comment in item.get("comments") or []:
            result.fetched += 1
            try:
                when = parse_time(comment["time"]) if comment.get("time") else now
                if horizon is not None and when < horizon:
                    continue
                result.signals.append(self.source.implied_tags(Signal(
                    source_kind="reports", source=source, published_at=when, collected_at=now,
                    author=comment.get("author"), text=comment["text"], url=page["public_url"],
                    services=list(page["services"]),
                    native_id=f"comment/{digest(comment.get('author'), comment.get('time'), comment['text'])}",
                    raw={"page": page["public_url"], "comment": True})))
            except (ValueError, SignalError, KeyError) as exc:
                result.reject(f"{page['key']}: bad comment: {exc}")
        if newest is not None and (last_seen is None or newest > parse_time(last_seen)):
            checkpoint[page["key"]] = to_iso(newest)
