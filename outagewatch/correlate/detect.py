"""Runs: stretches of one series (or one official status feed) that say "something is wrong".

A chatter run opens on the first bucket above the spike threshold, keeps the baseline it
had then (a long outage must not become its own normal), continues while buckets stay
above a lower threshold, and closes after ``close_after`` of quiet. An official run opens
with a status feed's first non-resolved update and closes with its ``resolved``.
Runs are the atoms that :mod:`outagewatch.correlate.group` assembles into incidents.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import numpy as np

from outagewatch.correlate.baseline import baseline_at, continue_threshold, spike_threshold
from outagewatch.correlate.series import FIELD_KIND, Entity, Grid, Series
from outagewatch.correlate.settings import Settings
from outagewatch.search.query import Query
from outagewatch.signal import Signal
from outagewatch.timeutil import ensure_utc

ENTITY_FIELD = {kind: name for name, kind in FIELD_KIND.items()}


@dataclass
class Run:
    entities: frozenset[Entity]
    kind: str  # social | news | reports | status
    started_at: datetime
    detected_at: datetime
    ended_at: datetime | None  # end of the last active bucket; None while open
    peak_at: datetime
    peak: float
    z: float
    # chatter runs: bucket indices and their z against the frozen baseline
    active: list[tuple[int, float]] = field(default_factory=list)
    base: float = 0.0
    need: float = 0.0
    first: int = 0
    # official runs: the status Signals, oldest first
    updates: list[Signal] = field(default_factory=list)

    @property
    def official(self) -> bool:
        return self.kind == "status"

    def last_time(self, close_after: timedelta) -> datetime | None:
        return None if self.ended_at is None else self.ended_at + close_after


def chatter_runs(series: Series, grid: Grid, settings: Settings, score_from: int) -> list[Run]:
    values = series.values
    minimum = settings.min_count.get(series.kind, 5)
    candidates = np.nonzero(values >= minimum)[0]
    candidates = candidates[candidates >= score_from]
    if len(candidates) == 0:
        return []
    base, scale, ok = baseline_at(values, candidates, settings)
    runs: list[Run] = []
    position = 0
    close = settings.close_buckets
    for c, b, s, good in zip(candidates.tolist(), base.tolist(), scale.tolist(), ok.tolist()):
        if c < position or not good:
            continue
        need = spike_threshold(b, s, minimum, settings)
        if values[c] < need:
            continue
        keep = continue_threshold(b, s, minimum, settings)
        start = c
        while start - 1 >= max(score_from, c - 6) and values[start - 1] >= keep and values[start - 1] > b:
            start -= 1
        active = [(c, (values[c] - b) / s)]
        j, quiet = c + 1, 0
        while j < grid.size and quiet < close:
            if values[j] >= keep:
                active.append((j, (values[j] - b) / s))
                quiet = 0
            else:
                quiet += 1
            j += 1
        closed = quiet >= close
        last = active[-1][0]
        peak_index = max(active, key=lambda a: (values[a[0]], -a[0]))[0]
        runs.append(Run(
            entities=frozenset([series.entity]), kind=series.kind, started_at=grid.time(start),
            detected_at=grid.time(c),  # refined to the crossing moment by refine_detection
            ended_at=grid.time(last + 1) if closed else None, peak_at=grid.time(peak_index),
            peak=float(values[peak_index]), z=(values[c] - b) / s, active=active, base=b, need=need, first=c,
        ))
        position = j
    return runs


def refine_detection(store, run: Run, series: Series, grid: Grid, now: datetime) -> None:
    """Move ``detected_at`` from the bucket's start to the moment the bucket crossed the
    threshold: the Signal that made the count (or the report sum) reach it. A live run
    would have seen exactly that Signal arrive, so replay and live agree."""
    if series.signals[run.first] == 0:
        return  # a held report count crossed: known from the bucket's start
    (entity_kind, value), = run.entities
    since = grid.time(run.first)
    until = min(grid.time(run.first + 1), ensure_utc(now) + timedelta(microseconds=1))
    query = Query(kinds=(run.kind,), since=since, until=until, limit=0,
                  **{ENTITY_FIELD[entity_kind]: (value,)})
    total = 0.0
    need = math.ceil(run.need - 1e-9)
    for signal in store.scan(query):
        total += (signal.report_count or 0) if run.kind == "reports" else 1
        if total >= need:
            run.detected_at = signal.published_at
            return
    run.detected_at = until


def official_runs(signals: list[Signal], settings: Settings, now: datetime) -> list[Run]:
    """One run per status feed episode: first non-resolved update until ``resolved``."""
    by_source: dict[str, list[Signal]] = {}
    for signal in sorted(signals, key=lambda s: (s.published_at, s.id)):
        if signal.status is None:
            continue
        by_source.setdefault(signal.source, []).append(signal)
    timeout = timedelta(seconds=settings.official_timeout)
    runs: list[Run] = []
    for updates in by_source.values():
        current: list[Signal] = []
        for signal in updates:
            if current and signal.published_at - current[-1].published_at > timeout:
                runs.append(_official(current, current[-1].published_at))
                current = []
            if signal.status == "informational" and not current:
                continue
            if signal.status == "resolved":
                if current:
                    current.append(signal)
                    runs.append(_official(current, signal.published_at))
                    current = []
                continue
            current.append(signal)
        if current:
            over = ensure_utc(now) - current[-1].published_at > timeout
            runs.append(_official(current, current[-1].published_at if over else None))
    return runs


def _official(updates: list[Signal], ended: datetime | None) -> Run:
    entities: set[Entity] = set()
    for signal in updates:
        for name, kind in FIELD_KIND.items():
            entities.update((kind, value) for value in getattr(signal, name))
    if not entities:
        entities.add(("source", updates[0].source))
    first = updates[0].published_at
    return Run(entities=frozenset(entities), kind="status", started_at=first, detected_at=first, ended_at=ended,
               peak_at=first, peak=0.0, z=0.0, updates=list(updates))
