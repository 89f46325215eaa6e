"""Runs collectors: per-source intervals with jitter, bounded retries with exponential
backoff, several sources at once, and checkpoints saved only after their Signals are
stored.

Fetching happens in worker threads (sources are slow, independent, and mostly wait on
the network); tagging and storing happen in the calling thread, one source's batch at
a time, so the store never sees concurrent writers from one run and a checkpoint can
never overtake the Signals it stands for.

Hook for incremental correlation: ``on_batch_stored(store, now)`` is called after
every round that stored something, with the (possibly simulated) time of that round.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, as_completed, wait
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Callable, Iterable

from outagewatch import metrics
from outagewatch.collectors.base import Collector, FetchContext, FetchResult, SourceError, StoppedFailure
from outagewatch.pipeline import store_signals
from outagewatch.search.store import Store
from outagewatch.timeutil import utcnow

log = logging.getLogger(__name__)

CHECKPOINT_PREFIX = "collector:"


@dataclass
class SourceHealth:
    """What one source did over a run; the summary prints one line of these."""

    name: str
    kind: str
    runs: int = 0
    fetched: int = 0
    new: int = 0
    updated: int = 0
    duplicates: int = 0
    rejected: int = 0
    errors: int = 0
    retries: int = 0
    not_modified: int = 0
    bozo: int = 0
    last_error: str | None = None
    rejections: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in ("name", "kind", "runs", "fetched", "new", "updated", "duplicates",
                                              "rejected", "errors", "retries", "not_modified", "bozo",
                                              "last_error", "rejections")}

    @property
    def line(self) -> str:
        text = (f"{self.name}: fetched {self.fetched}, new {self.new}, updated {self.updated}, "
                f"duplicates {self.duplicates}, rejected {self.rejected}, errors {self.errors}")
        if self.bozo:
            text += f", ill-formed feeds {self.bozo}"
        if self.last_error:
            text += f" (last error: {self.last_error})"
        return text


@dataclass
class _Attempt:
    result: FetchResult | None
    error: SourceError | None
    retries: int
    seconds: float = 0.0


class Scheduler:
    def __init__(self, store: Store, collectors: Iterable[Collector], *,
                 tag: Callable[[list], None] | None = None,
                 clock: Callable[[], datetime] = utcnow,
                 sleep: Callable[[float], None] = time.sleep,
                 http: Any = None, record: Callable[..., None] | None = None,
                 retries: int = 3, backoff_base: float = 2.0, backoff_max: float = 300.0,
                 concurrency: int = 4, jitter: bool = True,
                 on_batch_stored: Callable[[Store, datetime], None] | None = None,
                 on_source_done: Callable[[SourceHealth], None] | None = None,
                 deadline: float | None = None, stop: threading.Event | None = None,
                 redirects: str = "any") -> None:
        self.store = store
        self.collectors = {c.source.name: c for c in collectors}
        self.tag = tag
        self.clock = clock
        self.sleep = sleep
        self.http = http
        self.record = record
        self.retries = max(0, retries)
        self.backoff_base = backoff_base
        self.backoff_max = backoff_max
        self.concurrency = max(1, concurrency)
        self.jitter = jitter
        self.on_batch_stored = on_batch_stored
        self.on_source_done = on_source_done
        # One fetch (with its own retries' waits) ends by ``deadline`` seconds; ``stop`` ends
        # every fetch and wait within a fraction of a second (the CLI sets it on SIGTERM/SIGINT).
        self.deadline = deadline
        self.stop = stop or threading.Event()
        self.redirects = redirects
        self.health = {name: SourceHealth(name, c.source.kind) for name, c in self.collectors.items()}
        self.next_due: dict[str, float] = {}
        self.failures: dict[str, int] = {}
        self._rng = random.Random()

    # -- one round ------------------------------------------------------------------

    def run_round(self, names: Iterable[str] | None = None) -> dict[str, SourceHealth]:
        """Fetch each named source once (all when ``names`` is None) and store the results."""
        chosen = [self.collectors[n] for n in (names if names is not None else self.collectors)]
        now = self.clock()
        stored_any = False
        if not chosen:
            return self.health
        with ThreadPoolExecutor(max_workers=min(self.concurrency, len(chosen)),
                                thread_name_prefix="collect") as pool:
            futures = {}
            for collector in chosen:
                checkpoint = self._checkpoint(collector.source.name)
                futures[pool.submit(self._attempt, collector, checkpoint, now)] = collector
            for future in as_completed(futures):
                collector = futures[future]
                stored_any |= self._finish(collector, future.result(), now)
        if stored_any and self.on_batch_stored is not None:
            self.on_batch_stored(self.store, now)
        return self.health

    def _checkpoint(self, name: str) -> dict[str, Any]:
        try:
            return dict(self.store.get_checkpoint(CHECKPOINT_PREFIX + name) or {})
        except Exception as exc:  # noqa: BLE001 - a store hiccup means "start from nothing", never a crash
            log.warning("cannot read checkpoint of %s: %s", name, exc)
            return {}

    def _attempt(self, collector: Collector, checkpoint: dict[str, Any], now: datetime) -> _Attempt:
        began = time.perf_counter()
        attempt = self._attempt_with_retries(collector, checkpoint, now)
        attempt.seconds = time.perf_counter() - began
        return attempt

    def _attempt_with_retries(self, collector: Collector, checkpoint: dict[str, Any], now: datetime) -> _Attempt:
        """One fetch with its retries, all within one budget (``deadline`` seconds and the
        run's ``stop``): whatever the library raises once the budget is spent is reported
        as one ``timeout`` or ``stopped`` failure, not retried, and never as a traceback."""
        from outagewatch.collectors.deadline import budget

        source = collector.source
        same_host = str(source.options.get("redirects", self.redirects)) == "same-host"
        with budget(self.deadline, stop=self.stop, url=source.url, same_host=same_host) as spending:
            return self._retrying(collector, checkpoint, now, spending)

    def _retrying(self, collector: Collector, checkpoint: dict[str, Any], now: datetime, spending) -> _Attempt:
        retries = 0
        while True:
            if self.stop.is_set():
                return _Attempt(None, StoppedFailure("stopped before fetching"), retries)
            ctx = FetchContext(now=now, checkpoint=checkpoint, http=self.http, record=self.record)
            try:
                return _Attempt(collector.fetch(ctx), None, retries)
            except SourceError as exc:
                error = exc
            except Exception as exc:  # noqa: BLE001 - a parser bug in one source must not stop the others
                if spending.spent() is None:
                    log.exception("collector %s failed", collector.source.name)
                error = SourceError(f"{type(exc).__name__}: {str(exc)[:160]}")
            spent = spending.spent()
            if spent is not None:  # the library's own error is only the budget's doing
                return _Attempt(None, spent, retries)
            if not error.retry or retries >= self.retries:
                return _Attempt(None, error, retries)
            delay = self.backoff_base * (2 ** retries)
            if error.retry_after is not None:
                delay = max(delay, error.retry_after)
            delay = min(delay, self.backoff_max)
            if self.jitter:
                delay *= 1 + self._rng.uniform(0, 0.25)
            log.info("%s: %s; retrying in %.1fs", collector.source.name, error, delay)
            if self.sleep is time.sleep:
                spending.wait(delay)  # a stop or the deadline cuts the wait short
            else:
                self.sleep(delay)
            spent = spending.spent()
            if spent is not None:  # past the deadline while waiting: the last real error says more
                return _Attempt(None, spent if isinstance(spent, StoppedFailure) else error, retries)
            retries += 1

    def _finish(self, collector: Collector, attempt: _Attempt, now: datetime) -> bool:
        name = collector.source.name
        health = self.health[name]
        health.runs += 1
        health.retries += attempt.retries
        stored = False
        failure: str | None = None
        if attempt.error is not None:
            health.errors += 1
            health.last_error = f"{attempt.error.kind}: {attempt.error}"
            self.failures[name] = self.failures.get(name, 0) + 1
            failure = attempt.error.kind
        else:
            result = attempt.result
            health.fetched += result.fetched
            health.rejected += result.rejected
            health.rejections.extend(result.rejections[: max(0, 20 - len(health.rejections))])
            health.not_modified += int(result.not_modified)
            health.bozo += int(bool(result.bozo))
            try:
                if result.signals:
                    outcome = store_signals(self.store, result.signals, tag=self.tag)
                    health.new += outcome.new
                    health.updated += outcome.updated
                    health.duplicates += outcome.unchanged
                    stored = outcome.new + outcome.updated > 0
                if result.checkpoint is not None:
                    self.store.set_checkpoint(CHECKPOINT_PREFIX + name, result.checkpoint)
                self.failures[name] = 0
            except Exception as exc:  # noqa: BLE001 - the store failing for one batch is reported, not fatal
                log.exception("storing %s failed", name)
                health.errors += 1
                health.last_error = f"store: {str(exc)[:160]}"
                self.failures[name] = self.failures.get(name, 0) + 1
                failure = "store"
        result = attempt.result
        metrics.record_fetch(name, collector.source.kind, attempt.seconds,
                             signals=len(result.signals) if result is not None else 0,
                             rejected=result.rejected if result is not None else 0,
                             error=failure, finished_at=time.time())
        self._plan_next(name, collector.source.interval, collector.source.jitter)
        if self.on_source_done is not None:
            self.on_source_done(health)
        return stored

    # -- intervals ------------------------------------------------------------------

    def _plan_next(self, name: str, interval: float, jitter: float) -> None:
        base = self.clock().timestamp()
        failures = self.failures.get(name, 0)
        wait = interval if not failures else min(interval * (2 ** failures), max(self.backoff_max, interval))
        if self.jitter and jitter:
            wait *= 1 + self._rng.uniform(-jitter, jitter)
        self.next_due[name] = base + wait

    def due(self, now: datetime | None = None) -> list[str]:
        stamp = (now or self.clock()).timestamp()
        return [n for n in self.collectors if self.next_due.get(n, 0) <= stamp]

    def watch(self, stop: threading.Event | None = None, poll: float = 1.0) -> None:
        """Run each source when it is due until ``stop`` (default: the scheduler's own) is
        set (SIGTERM or Ctrl-C in the CLI); fetches in flight then end within a fraction of
        a second and what they fetched is stored.

        Sources do not wait for each other: up to ``concurrency`` fetch side by side, a
        source that comes due starts in the first free worker, and each fetch is stored as
        soon as it ends. So a slow source (held at most its deadline) delays no other
        source's turn, as a round that waited for its slowest fetch would."""
        stop = stop or self.stop
        self.stop = stop
        flying: dict[Future, tuple[Collector, datetime]] = {}
        with ThreadPoolExecutor(max_workers=self.concurrency, thread_name_prefix="collect") as pool:
            while not stop.is_set():
                now = self.clock()
                busy = {collector.source.name for collector, _ in flying.values()}
                for name in self.due(now):
                    if len(flying) >= self.concurrency:
                        break
                    if name not in busy:
                        collector = self.collectors[name]
                        future = pool.submit(self._attempt, collector, self._checkpoint(name), now)
                        flying[future] = (collector, now)
                in_flight = {collector.source.name for collector, _ in flying.values()}
                idle = [t for n, t in self.next_due.items() if n not in in_flight]
                wait_for = poll * 30
                if idle and len(flying) < self.concurrency:
                    wait_for = min(wait_for, min(idle) - self.clock().timestamp())
                wait_for = max(0.05, wait_for)
                if not flying:
                    stop.wait(wait_for)
                    continue
                done, _ = wait(flying, timeout=wait_for, return_when=FIRST_COMPLETED)
                self._store_finished(flying, done)
            self._store_finished(flying, list(flying))  # in flight when stopped: they end within a slice

    def _store_finished(self, flying: dict, done) -> None:
        stored_any, latest = False, None
        for future in done:
            collector, began = flying.pop(future)
            stored_any |= self._finish(collector, future.result(), began)
            latest = began
        if stored_any and self.on_batch_stored is not None:
            self.on_batch_stored(self.store, latest)

    def close(self) -> None:
        for collector in self.collectors.values():
            close = getattr(collector, "close", None)
            if close is not None:
                try:
                    close()
                except Exception:  # noqa: BLE001
                    log.debug("closing %s failed", collector.source.name, exc_info=True)
