"""Recompute incidents from the store, in full or for the recent window only.

``recompute`` is the one computation; ``update`` (called after each stored batch during
``collect --watch`` and replay) is ``recompute`` over a window that starts before any
incident that may still change, so both give the same incidents. Incidents are written
back with the analysts' feedback attached, stale ones (no longer found in the window) are
deleted, and every open / escalate / close is handed to ``notify``.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Callable

from outagewatch.catalog import Catalog, load_catalog
from outagewatch.correlate.detect import chatter_runs, official_runs, refine_detection
from outagewatch.correlate.group import Relations, group_runs
from outagewatch.correlate.incidents import add_counts, build_incident
from outagewatch.correlate.series import Grid, fetch_cells, load_series
from outagewatch.correlate.settings import LEVELS, Settings
from outagewatch.search.query import Query
from outagewatch.timeutil import ensure_utc, parse_time, to_iso, utcnow

Notify = Callable[[str, dict[str, Any]], None]


@dataclass
class Result:
    incidents: list[dict[str, Any]]
    events: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)


def detect_runs(store, since: datetime | None, now: datetime, settings: Settings,
                timings: dict[str, float] | None = None) -> tuple[list, Grid | None]:
    """Every chatter and official run starting from ``since``, from Signals published before ``now``."""
    timings = timings if timings is not None else {}
    clock = time.perf_counter()
    reach = None if since is None else ensure_utc(since) - timedelta(seconds=settings.history)
    cells = fetch_cells(store, reach, now, settings.interval)
    statuses = list(store.scan(Query(kinds=("status",), since=since, until=now + timedelta(microseconds=1), limit=0)))
    times = [c.start for c in cells] + [s.published_at for s in statuses]
    if not times:
        return [], None
    first, last = min(times), max(times)
    since = ensure_utc(since) if since is not None else first
    # Past the last Signal every bucket is quiet: the grid stops once every run could have
    # closed, so recomputing 2020's history in 2026 does not build six years of zeros.
    end = min(now, last + timedelta(seconds=settings.close_after + 2 * settings.interval))
    grid = Grid.covering(max(since - timedelta(seconds=settings.history), first), end, settings.interval)
    score_from = max(0, grid.index(since))
    series = load_series(cells, grid, settings)
    timings["series"] = time.perf_counter() - clock
    clock = time.perf_counter()
    runs = []
    for s in series.values():
        for run in chatter_runs(s, grid, settings, score_from):
            refine_detection(store, run, s, grid, now)
            runs.append(run)
    runs.extend(official_runs(statuses, settings, now))
    timings["detect"] = time.perf_counter() - clock
    return runs, grid


def compute(store, since: datetime | None = None, now: datetime | None = None, *,
            settings: Settings | None = None, catalog: Catalog | None = None,
            timings: dict[str, float] | None = None) -> list[dict[str, Any]]:
    """Incidents whose first run starts at or after ``since``, from Signals published before ``now``."""
    settings = settings or Settings()
    relations = Relations(catalog or load_catalog())
    timings = timings if timings is not None else {}
    now = ensure_utc(now) if now is not None else utcnow()
    runs, grid = detect_runs(store, since, now, settings, timings)
    if grid is None:
        return []
    clock = time.perf_counter()
    close_after = timedelta(seconds=settings.close_after)
    incidents = []
    for group in group_runs(runs, relations, close_after, now):
        incident = build_incident(group, grid, relations, now, close_after)
        add_counts(store, incident, grid, now)
        incidents.append(incident)
    incidents.sort(key=lambda i: (i["started_at"], i["id"]))
    timings["incidents"] = time.perf_counter() - clock
    return incidents


def recompute(store, since: datetime | None = None, now: datetime | None = None, *,
              settings: Settings | None = None, catalog: Catalog | None = None,
              notify: Notify | None = None) -> Result:
    """Compute and persist; incidents starting from ``since`` on are replaced by the new ones."""
    timings: dict[str, float] = {}
    started = time.perf_counter()
    incidents = compute(store, since, now, settings=settings, catalog=catalog, timings=timings)
    clock = time.perf_counter()
    feedback = store.feedback()
    previous = {i["id"]: i for i in store.list_incidents(since=since)}
    if since is not None:
        previous = {k: v for k, v in previous.items() if parse_time(v["started_at"]) >= ensure_utc(since)}
    events = []
    for incident in incidents:
        verdict = feedback.get(incident["id"])
        incident["feedback"] = verdict["verdict"] if verdict else None
        events.extend(transitions(previous.get(incident["id"]), incident))
    stale = [i for i in previous if i not in {n["id"] for n in incidents}]
    if stale:
        store.delete_incidents(stale)
    store.upsert_incidents(incidents)
    timings["store"] = time.perf_counter() - clock
    timings["total"] = time.perf_counter() - started
    if notify is not None:
        for event, incident in events:
            if incident.get("feedback") != "dismissed":
                notify(event, incident)
    return Result(incidents, events, stale, timings)


def transitions(before: dict[str, Any] | None, after: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """``open``, ``escalate`` and ``close`` between the stored and the recomputed version."""
    events = []
    if before is None:
        events.append(("open", after))
    elif LEVELS.index(after["evidence_level"]) > LEVELS.index(before.get("evidence_level", "weak")):
        events.append(("escalate", after))
    if after["status"] == "closed" and (before is None or before.get("status") != "closed"):
        events.append(("close", after))
    return events


LOOKBACK = timedelta(hours=24)
"""How late a Signal may arrive (after its ``published_at``) and still be correlated by the
incremental step; older stragglers wait for a full ``outagewatch correlate``."""


def window_start(store, now: datetime, settings: Settings | None = None, lookback: timedelta = LOOKBACK) -> datetime:
    """Where an incremental update must begin so that it agrees with a full recomputation:
    before every stored incident that still overlaps the lookback, and outside any run."""
    settings = settings or Settings()
    start = ensure_utc(now) - lookback
    for incident in store.list_incidents(since=start):
        start = min(start, parse_time(incident["started_at"]))
    return start - timedelta(seconds=settings.close_after)


def update(store, now: datetime | None = None, *, settings: Settings | None = None,
           catalog: Catalog | None = None, notify: Notify | None = None, lookback: timedelta = LOOKBACK) -> Result:
    """The incremental step for ``collect --watch`` and replay: recompute the recent window."""
    now = ensure_utc(now) if now is not None else utcnow()
    return recompute(store, window_start(store, now, settings, lookback), now, settings=settings, catalog=catalog,
                     notify=notify)


def on_batch_stored(store, now: datetime | None = None, notify: Notify | None = None) -> Result:
    """Hook for the collectors' scheduler: called after each batch is stored; alerts go to
    the webhooks of the configuration's ``[alerts]`` section unless ``notify`` is given."""
    return update(store, now, notify=notify if notify is not None else configured_notifier())


_NOTIFIER: list = []


def configured_notifier():
    """The ``[alerts]`` webhooks of the configuration, read once per process."""
    if not _NOTIFIER:
        from outagewatch.config import load_config
        from outagewatch.correlate.alerts import notifier_from_config

        _NOTIFIER.append(notifier_from_config(load_config().section("alerts")))
    return _NOTIFIER[0]


__all__ = ["compute", "recompute", "update", "on_batch_stored", "Result", "transitions", "window_start", "to_iso"]
