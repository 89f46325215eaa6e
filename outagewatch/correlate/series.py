"""Count series per (service | provider | region, source kind) in fixed buckets.

Built from one aggregation query of the store (``Store.tag_histogram``), never from the
Signals themselves, so that a million Signals cost one pass of the engine. Report-count
Signals contribute their counts; a report page publishes every 15 minutes, so its count
is held over the buckets it stands for (only forwards in time: detection stays causal).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import numpy as np

from outagewatch.correlate.settings import Settings
from outagewatch.search.query import Query
from outagewatch.signal import CHATTER_KINDS
from outagewatch.timeutil import UTC, ensure_utc

FIELD_KIND = {"services": "service", "providers": "provider", "regions": "region"}

Entity = tuple[str, str]  # ("service" | "provider" | "region", id)


@dataclass
class Grid:
    """The bucket edges shared by every series: bucket ``i`` starts at ``start + i * interval``."""

    start: datetime
    interval: int
    size: int

    def time(self, index: int) -> datetime:
        return self.start + timedelta(seconds=self.interval * index)

    def index(self, when: datetime) -> int:
        return int((ensure_utc(when) - self.start).total_seconds() // self.interval)

    @classmethod
    def covering(cls, since: datetime, now: datetime, interval: int) -> "Grid":
        epoch = int(ensure_utc(since).timestamp()) // interval * interval
        start = datetime.fromtimestamp(epoch, UTC)
        size = int((ensure_utc(now) - start).total_seconds() // interval) + 1
        return cls(start, interval, max(size, 1))


@dataclass
class Series:
    entity: Entity
    kind: str
    values: np.ndarray
    """Signals per bucket, or summed reports for ``reports`` (held forward)."""
    signals: np.ndarray
    """How many Signals fell in each bucket (before holding)."""


def fetch_cells(store, since: datetime | None, now: datetime, interval: int) -> list:
    """The store's (tag, kind, bucket) counts of chatter published in [since, now]."""
    query = Query(kinds=CHATTER_KINDS, since=since, until=ensure_utc(now) + timedelta(microseconds=1), limit=0)
    return store.tag_histogram(query, interval)


def load_series(cells: list, grid: Grid, settings: Settings) -> dict[tuple[Entity, str], Series]:
    """Every chatter series over ``grid`` from :func:`fetch_cells`' answer."""
    positions = {start: grid.index(start) for start in {cell.start for cell in cells}}
    grouped: dict[tuple[str, str, str], list] = {}
    for cell in cells:
        grouped.setdefault((cell.field, cell.value, cell.kind), []).append(cell)
    out: dict[tuple[Entity, str], Series] = {}
    for (field_name, value, kind), group in grouped.items():
        index = np.fromiter((positions[c.start] for c in group), dtype=np.int64, count=len(group))
        counts = np.fromiter((c.count for c in group), dtype=np.int64, count=len(group))
        keep = (index >= 0) & (index < grid.size)
        if not keep.any():
            continue
        index, counts = index[keep], counts[keep]
        entity = (FIELD_KIND[field_name], value)
        series = out[(entity, kind)] = Series(entity, kind, np.zeros(grid.size), np.zeros(grid.size, dtype=np.int64))
        np.add.at(series.signals, index, counts)
        if kind == "reports":
            reports = np.fromiter((c.reports for c in group), dtype=np.float64, count=len(group))[keep]
            np.add.at(series.values, index, reports)
        else:
            np.add.at(series.values, index, counts)
    hold = settings.hold_buckets
    for series in out.values():
        if series.kind == "reports" and hold > 1:
            series.values = hold_forward(series.values, series.signals, hold)
    return out


def hold_forward(values: np.ndarray, signals: np.ndarray, hold: int) -> np.ndarray:
    """Carry the last published count into the following empty buckets, ``hold`` buckets at most."""
    out = values.copy()
    last_value, age = 0.0, hold
    for i in range(len(values)):
        if signals[i]:
            last_value, age = values[i], 1
        elif age < hold:
            out[i] = last_value
            age += 1
    return out
