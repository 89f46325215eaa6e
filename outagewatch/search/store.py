"""The Store contract that every backend satisfies, and the result shapes it returns.

Both backends pass one contract test suite (``tests/test_store_contract.py``); callers
program against :class:`Store` only and never learn which engine is behind it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Iterable, Iterator, Protocol, runtime_checkable

from outagewatch.search.query import Query
from outagewatch.signal import Signal


@dataclass(slots=True)
class UpsertResult:
    """What a batch write did: ``new`` records, ``updated`` ones whose content changed,
    ``unchanged`` ones that were already stored exactly so."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    repeated: int = 0
    """Items whose id an item later in the same batch also had: the later one is stored."""

    def __iadd__(self, other: "UpsertResult") -> "UpsertResult":
        self.new += other.new
        self.updated += other.updated
        self.unchanged += other.unchanged
        self.repeated += other.repeated
        return self

    @property
    def total(self) -> int:
        return self.new + self.updated + self.unchanged

    def record(self, change) -> None:
        """Count one written :class:`~outagewatch.search.base.Change` as new or updated."""
        if change.is_new:
            self.new += 1
        else:
            self.updated += 1


@dataclass(slots=True)
class Hit:
    signal: Signal
    score: float | None = None
    highlights: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        data = self.signal.to_dict()
        data["score"] = self.score
        data["highlights"] = self.highlights
        return data


# A search counts its matches exactly up to this many; past it, ``total`` is this and
# ``total_relation`` is "gte" (Elasticsearch's default track_total_hits).
TOTAL_LIMIT = 10_000


@dataclass(slots=True)
class SearchResult:
    """One page of hits. ``total`` is exact when ``total_relation`` is ``"eq"``; past
    10,000 matches it is 10,000 and ``"gte"`` (a lower bound), as in Elasticsearch: an
    exact count of every match of a common word costs more than the page itself.
    A search with ``limit=0`` asks only how many, and gets the exact number."""

    hits: list[Hit]
    total: int
    next_cursor: str | None = None
    total_relation: str = "eq"


@dataclass(slots=True)
class Bucket:
    """One histogram bucket: ``start`` of the bucket, signal ``count`` and summed ``reports``."""

    start: datetime
    key: str | None
    count: int
    reports: int


@dataclass(slots=True)
class TagBucket:
    """One cell of :meth:`Store.tag_histogram`: signals of one source ``kind`` tagged
    ``field`` = ``value`` in the bucket starting at ``start``, and their summed ``report_count``."""

    start: datetime
    field: str
    value: str
    kind: str
    count: int
    reports: int


@dataclass(slots=True)
class StoreStats:
    total: int
    by_kind: dict[str, int]
    by_source: dict[str, int]
    by_service: dict[str, int]
    first_published: datetime | None
    last_published: datetime | None
    size_bytes: int | None
    backend: str
    location: str


@runtime_checkable
class Store(Protocol):
    """Where Signals, checkpoints and incidents live."""

    url: str

    def upsert(self, signals: Iterable[Signal]) -> UpsertResult:
        """Idempotent batch write keyed by ``Signal.id``."""

    def get(self, signal_id: str) -> Signal | None: ...

    def search(self, query: Query) -> SearchResult:
        """One page of hits; ``next_cursor`` fetches the next page without gaps or repeats."""

    def count(self, query: Query) -> int: ...

    def facets(self, query: Query, fields: Iterable[str], size: int = 20) -> dict[str, dict[str, int]]:
        """Counts by value of each field over the signals matching ``query``."""

    def histogram(self, query: Query, interval: str | int, by: str | None = None,
                  size: int = 50, keys: Iterable[str] | None = None) -> list[Bucket]:
        """Counts (and summed ``report_count``) per fixed time bucket, optionally split by a field
        (its ``size`` most frequent values, or exactly ``keys`` when given)."""

    def tag_histogram(self, query: Query, interval: str | int,
                      fields: Iterable[str] = ("services", "providers", "regions")) -> list[TagBucket]:
        """Every (bucket, tag field, tag value, source kind) cell in one pass, unlimited in
        values: correlation's series for all services, providers and regions at once.
        Only the time range and source kinds of ``query`` apply; a backend may round the
        range to whole buckets of its own (SQLite: 5 minutes)."""

    def scan(self, query: Query, batch_size: int = 5000) -> Iterator[Signal]:
        """Every matching signal, oldest first (export, correlation, migration)."""

    def stats(self) -> StoreStats: ...

    def get_checkpoint(self, source: str) -> dict[str, Any] | None: ...

    def set_checkpoint(self, source: str, state: dict[str, Any]) -> None: ...

    def checkpoints(self) -> dict[str, dict[str, Any]]: ...

    def upsert_incidents(self, incidents: Iterable[dict[str, Any]]) -> None:
        """Incidents are JSON objects with at least ``id``, ``started_at`` and ``detected_at``."""

    def get_incident(self, incident_id: str) -> dict[str, Any] | None: ...

    def list_incidents(self, since: datetime | None = None, until: datetime | None = None) -> list[dict[str, Any]]: ...

    def delete_incidents(self, ids: Iterable[str]) -> None: ...

    def set_feedback(self, incident_id: str, verdict: str, note: str | None = None,
                     at: datetime | None = None) -> None:
        """An analyst's ``confirmed`` or ``dismissed`` (given ``at``, default now); kept apart
        from incidents so that recomputing incidents never loses it."""

    def feedback(self) -> dict[str, dict[str, Any]]: ...

    def close(self) -> None: ...
