"""Recompute incidents from the store, in full or for the recent window only.

``recompute`` is the one computation; ``update`` is ``recompute`` over a window that starts
before any incident that may still change, so both give the same incidents. Stale incidents
(no longer found in the window) are deleted.

Alerts: each incident's record carries what has been announced (:class:`AlertState`), so
alerting does not depend on which process computed an incident first. Only a process that
stores Signals passes ``notify`` (through :class:`AfterBatch`, the step the scheduler,
ingest and the API run after each stored batch); it sends what is still unannounced and
records it. A read (``incidents``, ``correlate``) may recompute but never sends. An
incident that was already over when it was first computed (a backfill of old data) is
recorded as needing no open or close alert.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Callable

from outagewatch.catalog import Catalog, load_catalog
from outagewatch.correlate.detect import detect_all
from outagewatch.correlate.group import Relations, group_runs
from outagewatch.correlate.incidents import add_counts, build_incident
from outagewatch.correlate.series import Grid
from outagewatch.correlate.settings import Settings
from outagewatch.incidents import AlertState, Incident, level_rank, stored, verdicts
from outagewatch.timeutil import ensure_utc, to_iso, utcnow

log = logging.getLogger(__name__)
Notify = Callable[[str, Incident], None]
"""``notify(event, incident)`` with event ``open``, ``escalate`` or ``close``."""


@dataclass
class Result:
    incidents: list[Incident]
    events: list[tuple[str, Incident]] = field(default_factory=list)
    """Announcements due: sent when the step had a ``notify``, else left for one that has."""
    deleted: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)


def detect_runs(store, since: datetime | None, now: datetime, settings: Settings,
                timings: dict[str, float] | None = None, catalog: Catalog | None = None) -> tuple[list, Grid | None]:
    """Every chatter and official run starting from ``since``, from Signals published before ``now``."""
    return detect_all(store, since, ensure_utc(now), settings, catalog, timings)


def compute(store, since: datetime | None = None, now: datetime | None = None, *,
            settings: Settings | None = None, catalog: Catalog | None = None,
            timings: dict[str, float] | None = None) -> list[Incident]:
    """Incidents whose first run starts at or after ``since``, from Signals published before ``now``."""
    settings = settings or Settings()
    relations = Relations(catalog or load_catalog())
    timings = timings if timings is not None else {}
    now = ensure_utc(now) if now is not None else utcnow()
    runs, grid = detect_runs(store, since, now, settings, timings, relations.catalog)
    if grid is None:
        return []
    clock = time.perf_counter()
    close_after = timedelta(seconds=settings.close_after)
    incidents = []
    for group in group_runs(runs, relations, close_after, now):
        incident = build_incident(group, grid, relations, now, close_after)
        add_counts(store, incident, grid, now)
        incidents.append(incident)
    incidents.sort(key=lambda i: (i.started_at, i.id))
    timings["incidents"] = time.perf_counter() - clock
    return incidents


def recompute(store, since: datetime | None = None, now: datetime | None = None, *,
              settings: Settings | None = None, catalog: Catalog | None = None,
              notify: Notify | None = None) -> Result:
    """Compute and persist; incidents starting from ``since`` on are replaced by the new ones.
    With ``notify``, the announcements still due are sent and recorded as sent."""
    timings: dict[str, float] = {}
    started = time.perf_counter()
    incidents = compute(store, since, now, settings=settings, catalog=catalog, timings=timings)
    clock = time.perf_counter()
    previous = {i.id: i for i in stored(store, since=since)}
    if since is not None:
        previous = {k: v for k, v in previous.items() if v.started_at >= ensure_utc(since)}
    _keep_names(incidents, previous)
    for incident in incidents:
        before = previous.get(incident.id)
        if before is not None:
            incident.alerted = before.alerted
        elif not incident.is_open:
            # Over before anyone could have been told: a backfill, not news.
            incident.alerted = AlertState(incident.evidence_level, closed=True)
    found = verdicts(store)
    events = []
    for incident in incidents:
        incident.feedback = found.get(incident.id)
        if incident.dismissed:
            continue  # an analyst said it is noise: never announced
        due = pending_alerts(incident)
        events.extend((event, incident) for event in due)
        if notify is not None and due:
            for event in due:
                notify(event, incident)
            incident.alerted = AlertState(incident.evidence_level, closed=not incident.is_open)
    stale = [i for i in previous if i not in {n.id for n in incidents}]
    if stale:
        store.delete_incidents(stale)
    store.upsert_incidents([i.record() for i in incidents])
    timings["store"] = time.perf_counter() - clock
    timings["total"] = time.perf_counter() - started
    return Result(incidents, events, stale, timings)


def _run_key(run: dict) -> tuple:
    return run.get("kind"), tuple(run.get("entities") or ()), run.get("detected_at")


def _keep_names(incidents: list[Incident], previous: dict[str, Incident]) -> None:
    """An incident's id comes from its first detected run, so a run that arrives late (a
    source fetched after another, a straggler) but was detected earlier would rename an
    incident people were already told about: a second "open" alert, a dead link in the
    first. A new incident that holds a run of a stored one that no longer exists takes that
    one's id, so it stays the same incident with its announcements."""
    fresh = {incident.id for incident in incidents}
    owner = {}
    for old in sorted(previous.values(), key=lambda i: i.detected_at):
        if old.id in fresh:
            continue
        for run in old.runs:
            owner.setdefault(_run_key(run), old.id)
    if not owner:
        return
    taken = set(fresh)
    for incident in incidents:
        if incident.id in previous:
            continue
        names = [owner[key] for run in incident.runs if (key := _run_key(run)) in owner]
        name = min((n for n in names if n not in taken), key=lambda n: previous[n].detected_at, default=None)
        if name is not None:
            taken.add(name)
            incident.id = name


def pending_alerts(incident: Incident) -> list[str]:
    """``open``, ``escalate`` and ``close`` not yet announced for the incident."""
    state = incident.alerted
    events = []
    if state.level is None:
        events.append("open")
    elif level_rank(incident.evidence_level) > level_rank(state.level):
        events.append("escalate")
    if not incident.is_open and not state.closed:
        events.append("close")
    return events


LOOKBACK = timedelta(hours=24)
"""How late a Signal may arrive (after its ``published_at``) and still be correlated by the
incremental step; older stragglers wait for a full ``outagewatch correlate``."""


def window_start(store, now: datetime, settings: Settings | None = None, lookback: timedelta = LOOKBACK,
                 earliest: datetime | None = None) -> datetime:
    """Where an incremental update must begin so that it agrees with a full recomputation:
    before every stored incident that still overlaps the lookback (or ``earliest``, the
    oldest Signal just stored, when that is older), or that holds official updates and ended
    less than the official timeout before it, and outside any run."""
    settings = settings or Settings()
    start = ensure_utc(now) - lookback
    if earliest is not None:
        start = min(start, ensure_utc(earliest))
    # a status feed's episode goes on while its updates are less than the official timeout
    # apart, so an incident with official updates that ended that long before the window may
    # still be extended by a late update in this batch
    reach = start - timedelta(seconds=settings.official_timeout)
    for incident in stored(store, since=reach):
        if incident.official_sources or incident.ended_at is None or incident.ended_at >= start:
            start = min(start, incident.started_at)
    return start - timedelta(seconds=settings.close_after)


def update(store, now: datetime | None = None, *, settings: Settings | None = None,
           catalog: Catalog | None = None, notify: Notify | None = None, lookback: timedelta = LOOKBACK,
           earliest: datetime | None = None) -> Result:
    """The incremental step after a stored batch: recompute the recent window, reaching back
    to ``earliest`` when the batch held older Signals (an ingested backfill)."""
    now = ensure_utc(now) if now is not None else utcnow()
    return recompute(store, window_start(store, now, settings, lookback, earliest), now, settings=settings,
                     catalog=catalog, notify=notify)


def _silent(event: str, incident: Incident) -> None:
    """A writer without webhooks still records announcements as made, so that configuring a
    webhook later does not replay the history."""


@dataclass
class AfterBatch:
    """The correlation-and-alert step that every process storing Signals (collect, replay,
    ingest, the API's ingest) runs after each stored batch: ``step(store, now)``.

    Built once where the process starts, from the typed configuration: the alert
    ``notify`` (None: no webhooks configured) and the correlation ``settings``.
    """

    notify: Notify | None = None
    settings: Settings | None = None
    catalog: Catalog | None = None
    on_result: Callable[[Result], None] | None = None
    """Told every result (the collector's metrics count open incidents from it)."""

    def __call__(self, store, now: datetime | None = None, earliest: datetime | None = None) -> Result | None:
        """``now``: the (possibly simulated) time of the batch; ``earliest``: its oldest Signal.
        A failure is logged and survived: the Signals are stored, the next batch tries again."""
        try:
            result = update(store, now, settings=self.settings, catalog=self.catalog, notify=self.notify or _silent,
                            earliest=earliest)
        except Exception:  # noqa: BLE001 - correlation must never lose a collector or an ingest
            log.exception("updating incidents after a stored batch failed")
            return None
        if self.on_result is not None:
            self.on_result(result)
        return result


__all__ = ["compute", "recompute", "update", "AfterBatch", "Result", "pending_alerts", "window_start", "to_iso"]
