"""The Store contract's rules, written once, above the primitives each engine implements.

A backend subclasses :class:`BaseStore` and implements a handful of engine primitives
(the methods starting with ``_`` below that raise ``NotImplementedError``), the way
Datasette's database classes or httpx's transports split policy from mechanism. What
the contract promises lives here and nowhere else:

- within one batch the last copy of an id wins;
- a Signal whose content fingerprint is already stored is ``unchanged`` and not written;
- facet, histogram and tag-histogram arguments are checked before an engine sees them;
- cursors are decoded and checked (arity and types) before an engine sees them, and
  built from the engine's sort key of a page's last hit;
- relevance needs words to rank by (``Query.ranks_by_relevance``);
- totals are counted up to 10,000 and reported as a lower bound past it;
- incidents need an id and a start, verdicts are ``confirmed`` or ``dismissed``, and
  checkpoints, incidents and feedback go through a small :class:`StateBackend`.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import datetime
from operator import attrgetter
from typing import Any, Iterable, Iterator, Protocol

import orjson

from outagewatch import gcpause
from outagewatch.search.fields import fingerprint
from outagewatch.search.query import FACET_FIELDS, Query, decode_cursor, encode_cursor, interval_seconds
from outagewatch.search.store import Bucket, Hit, SearchResult, StoreStats, TOTAL_LIMIT, TagBucket, UpsertResult
from outagewatch.signal import TAG_FIELDS, Signal
from outagewatch.timeutil import from_millis, parse_time, to_iso, to_millis, utcnow

VERDICTS = ("confirmed", "dismissed")
HISTOGRAM_TAG_FIELDS = tuple(f for f in TAG_FIELDS if f != "symptoms")


def latest_by_id(signals: Iterable[Signal]) -> dict[str, Signal]:
    """The batch keyed by id; the last copy of an id in one batch wins (where the first copy
    stood: the pairs are set one after another, as a loop would, in C)."""
    signals = signals if isinstance(signals, list) else list(signals)
    return dict(zip(map(_signal_id, signals), signals))


_signal_id = attrgetter("id")


@dataclass(slots=True)
class Change:
    """A Signal to write: new (``old`` is None) or replacing what the engine holds
    (``old`` is the engine's own record of it, as its ``_stored`` returned)."""

    signal: Signal
    fingerprint: bytes
    old: Any = None

    @property
    def is_new(self) -> bool:
        return self.old is None


@dataclass(slots=True)
class Page:
    """What an engine answers for one page: up to ``limit + 1`` hits (one more tells that
    more follow), each hit's sort key (what a cursor resumes after), and the number of
    matches counted, at least ``TOTAL_LIMIT + 1`` when there are more than TOTAL_LIMIT."""

    hits: list[Hit]
    keys: list[list[Any]]
    total: int


@dataclass(frozen=True, slots=True)
class IncidentRecord:
    """An incident as the state backends keep it: the times to select by, and the
    document itself as plain JSON."""

    id: str
    started_ms: int
    ended_ms: int | None
    detected_ms: int | None
    doc: dict[str, Any] = field(hash=False)


def cursor_after(query: Query) -> list[Any] | None:
    """The sort key a page resumes after, checked against the query's sort order:
    ``[score, published_ms, id]`` for relevance, ``[published_ms, id]`` otherwise."""
    if not query.cursor:
        return None
    values = decode_cursor(query.cursor)
    ranked = query.ranks_by_relevance
    numbers = values[:2] if ranked else values[:1]
    if (len(values) != (3 if ranked else 2)
            or not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in numbers)
            or not isinstance(values[-1], str)):
        raise ValueError("invalid cursor: it belongs to a search with another sort order")
    return values


def capped_total(counted: int) -> tuple[int, str]:
    """Past TOTAL_LIMIT matches the total is a lower bound, as Elasticsearch's default
    ``track_total_hits``: an exact count of a common word costs more than the page."""
    if counted > TOTAL_LIMIT:
        return TOTAL_LIMIT, "gte"
    return counted, "eq"


def millis(value: Any) -> int | None:
    """Epoch milliseconds of a datetime or an ISO string; None stays None."""
    if value is None:
        return None
    return to_millis(value if isinstance(value, datetime) else parse_time(value))


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime):
        return to_iso(value)
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    raise TypeError(f"cannot store {type(value).__name__} in a store")


def plain_json(value: Any) -> Any:
    """Datetimes as ISO strings, tuples and sets as lists: what every backend keeps, so an
    incident or a checkpoint reads back the same from either."""
    return orjson.loads(orjson.dumps(value, default=_json_default))


def incident_record(incident: dict[str, Any]) -> IncidentRecord:
    if not incident.get("id") or not incident.get("started_at"):
        raise ValueError("an incident needs an id and a started_at")
    return IncidentRecord(incident["id"], millis(incident["started_at"]), millis(incident.get("ended_at")),
                          millis(incident.get("detected_at")), plain_json(incident))


class StateBackend(Protocol):
    """Where an engine keeps collector checkpoints, incidents and analyst feedback: plain
    reads and writes; the rules are :class:`BaseStore`'s."""

    def get_checkpoint(self, source: str) -> dict[str, Any] | None: ...

    def put_checkpoint(self, source: str, state: Any, at_ms: int) -> None: ...

    def checkpoints(self) -> dict[str, dict[str, Any]]: ...

    def put_incidents(self, records: list[IncidentRecord]) -> None: ...

    def get_incident(self, incident_id: str) -> dict[str, Any] | None: ...

    def list_incidents(self, since_ms: int | None, until_ms: int | None) -> list[dict[str, Any]]:
        """Incidents started before ``until`` and not ended before ``since``, by (start, id)."""

    def delete_incidents(self, ids: list[str]) -> None: ...

    def put_feedback(self, incident_id: str, verdict: str, note: str | None, at_ms: int) -> None: ...

    def feedback_rows(self) -> Iterable[tuple[str, str, str | None, int]]:
        """(incident id, verdict, note, epoch ms) of every verdict."""


class BaseStore:
    """The :class:`~outagewatch.search.store.Store` contract over engine primitives."""

    backend = "base"
    url: str
    state: StateBackend

    # -- engine primitives -----------------------------------------------------------

    def _writing(self):
        """A context in which ``_stored`` and ``_write`` of one batch run together
        (SQLite: one transaction)."""
        raise NotImplementedError

    def _stored(self, ids: list[str]) -> dict[str, tuple[bytes, Any]]:
        """id -> (stored fingerprint, the engine's record of it) for the ids it holds."""
        raise NotImplementedError

    def _write(self, changes: list[Change], result: UpsertResult) -> None:
        """Store every change, counting each one written with :meth:`UpsertResult.record`."""
        raise NotImplementedError

    def _page(self, query: Query, after: list[Any] | None) -> Page:
        """Up to ``query.limit + 1`` hits after the sort key ``after``, in the query's order:
        relevance (best first, then newest, then id descending) when
        ``query.ranks_by_relevance``, else (published_at, id) newest or oldest first."""
        raise NotImplementedError

    def _count(self, query: Query) -> int:
        raise NotImplementedError

    def _facets(self, query: Query, fields: list[str], size: int) -> dict[str, dict[str, int]]:
        """Top ``size`` values of each (checked) field, by count then value."""
        raise NotImplementedError

    def _histogram(self, query: Query, seconds: int, by: str | None, keys: list[str]) -> list[Bucket]:
        """Buckets of ``seconds``; split by ``by`` (already checked) over just ``keys``."""
        raise NotImplementedError

    def _tag_histogram(self, query: Query, seconds: int, fields: list[str]) -> list[TagBucket]:
        raise NotImplementedError

    # -- writes ----------------------------------------------------------------------

    def expect_rows(self, rows: int) -> None:
        """``rows`` Signals are read and about to be stored in one run of writes, and the caller
        has nothing else to do meanwhile (ingest waiting for its tagger to start): a backend may
        get ready for a bulk load now. Nothing here; the SQLite store starts its words indexer."""

    def expect_end(self, rows: int) -> None:
        """The run of writes ends after ``rows`` more Signals (a caller that has read all its
        input says so near the end: ``ingest``, its last four batches being tagged): a backend
        may start what it would do once the run ends. Nothing here; the SQLite store commits
        what it has and has its words indexer commit the words of everything stored so far
        (see :meth:`TextIndex.expect_end`)."""

    def hold_run(self, held: bool) -> None:
        """The caller's run of writes goes on though no batch comes (``held``: the spine waits
        for its tagger, not for its input) or may end if none comes (``held`` False): a backend
        that ends a run after a pause may leave the held time out of it. Nothing here; the
        SQLite store measures its pauses on a clock that stands still meanwhile (see
        :mod:`outagewatch.search.sqlite.runclock`)."""

    def upsert(self, signals: Iterable[Signal]) -> UpsertResult:
        """Idempotent batch write keyed by ``Signal.id``.

        With the cyclic garbage collector off (:mod:`outagewatch.gcpause`): a batch makes a
        few container objects per Signal (rows, changes) and no reference cycles, and a
        caller holding many Signals (a migration, a benchmark, a replay) otherwise pays for
        full walks of them: at a million Signals held, ~2 µs of the SQLite writer's ~23 per
        Signal. ``outagewatch ingest`` already stores inside such a pause."""
        signals = list(signals)
        batch = latest_by_id(signals)
        if not batch:
            return UpsertResult()
        with gcpause.paused():
            result = self._upsert_batch(list(batch.values()))
        result.repeated += len(signals) - len(batch)
        return result

    def _upsert_batch(self, signals: list[Signal]) -> UpsertResult:
        """Where a backend may wrap a batch's write (Elasticsearch: its spool)."""
        return self._apply(signals)

    def _fingerprints(self, signals: list[Signal]) -> list[bytes]:
        """Each Signal's content fingerprint (an engine may encode its records in the same
        pass, for the ``_write`` that follows)."""
        return [fingerprint(signal) for signal in signals]

    def _apply(self, signals: list[Signal]) -> UpsertResult:
        result = UpsertResult()
        prepared = zip(signals, self._fingerprints(signals))
        with self._writing():
            stored = self._stored([signal.id for signal in signals])
            changes = []
            for signal, print_ in prepared:
                old = stored.get(signal.id)
                if old is not None and old[0] == print_:
                    result.unchanged += 1
                    continue
                changes.append(Change(signal, print_, None if old is None else old[1]))
            if changes:
                self._write(changes, result)
        return result

    # -- reads -----------------------------------------------------------------------

    def search(self, query: Query) -> SearchResult:
        """One page of hits; ``next_cursor`` fetches the next page without gaps or repeats."""
        if query.limit == 0:  # a caller asking only "how many" gets the exact number
            return SearchResult([], self._count(query), None)
        page = self._page(query, cursor_after(query))
        more = len(page.hits) > query.limit
        hits = page.hits[:query.limit]
        next_cursor = encode_cursor(page.keys[len(hits) - 1]) if more and hits else None
        total, relation = capped_total(page.total)
        return SearchResult(hits, total, next_cursor, relation)

    def count(self, query: Query) -> int:
        return self._count(query)

    def facets(self, query: Query, fields: Iterable[str], size: int = 20) -> dict[str, dict[str, int]]:
        fields = list(fields)
        for name in fields:
            if name not in FACET_FIELDS:
                raise ValueError(f"cannot facet on {name!r}; choose from {', '.join(FACET_FIELDS)}")
        return self._facets(query, fields, size) if fields else {}

    def histogram(self, query: Query, interval: str | int, by: str | None = None, size: int = 50,
                  keys: Iterable[str] | None = None) -> list[Bucket]:
        """Counts per time bucket, split ``by`` a field's ``size`` most frequent values, or by
        ``keys`` when the caller already knows the values it wants (every source kind): that
        spares the store the facet that picks them, a second pass over the same Signals."""
        seconds = interval_seconds(interval)
        chosen: list[str] = []
        if by is not None:
            if by not in FACET_FIELDS:
                raise ValueError(f"cannot split a histogram by {by!r}; choose from {', '.join(FACET_FIELDS)}")
            chosen = sorted(set(keys)) if keys is not None else list(self.facets(query, [by], size)[by])
            if not chosen:
                return []
        return self._histogram(query, seconds, by, chosen)

    def tag_histogram(self, query: Query, interval: str | int,
                      fields: Iterable[str] = HISTOGRAM_TAG_FIELDS) -> list[TagBucket]:
        seconds = interval_seconds(interval)
        fields = list(fields)
        for name in fields:
            if name not in TAG_FIELDS:
                raise ValueError(f"cannot count tags of {name!r}; choose from {', '.join(TAG_FIELDS)}")
        return self._tag_histogram(query, seconds, fields) if fields else []

    def scan(self, query: Query, batch_size: int = 5000) -> Iterator[Signal]:
        raise NotImplementedError

    def get(self, signal_id: str) -> Signal | None:
        raise NotImplementedError

    def stats(self) -> StoreStats:
        raise NotImplementedError

    # -- checkpoints, incidents, feedback -----------------------------------------

    def get_checkpoint(self, source: str) -> dict[str, Any] | None:
        return self.state.get_checkpoint(source)

    def set_checkpoint(self, source: str, state: dict[str, Any]) -> None:
        self.state.put_checkpoint(source, plain_json(state), to_millis(utcnow()))

    def checkpoints(self) -> dict[str, dict[str, Any]]:
        return self.state.checkpoints()

    def upsert_incidents(self, incidents: Iterable[dict[str, Any]]) -> None:
        """Incidents are JSON objects with at least ``id``, ``started_at`` and ``detected_at``."""
        records = [incident_record(incident) for incident in incidents]
        if records:
            self.state.put_incidents(records)

    def get_incident(self, incident_id: str) -> dict[str, Any] | None:
        return self.state.get_incident(incident_id)

    def list_incidents(self, since: datetime | None = None, until: datetime | None = None) -> list[dict[str, Any]]:
        return self.state.list_incidents(millis(since), millis(until))

    def delete_incidents(self, ids: Iterable[str]) -> None:
        ids = list(ids)
        if ids:
            self.state.delete_incidents(ids)

    def set_feedback(self, incident_id: str, verdict: str, note: str | None = None,
                     at: datetime | None = None) -> None:
        """An analyst's ``confirmed`` or ``dismissed`` (given ``at``, default now: a migration
        keeps the original time); kept apart from incidents so that recomputing never loses it."""
        if verdict not in VERDICTS:
            raise ValueError(f"verdict must be 'confirmed' or 'dismissed', got {verdict!r}")
        self.state.put_feedback(incident_id, verdict, note, to_millis(at or utcnow()))

    def feedback(self) -> dict[str, dict[str, Any]]:
        return {incident_id: {"verdict": verdict, "note": note, "at": to_iso(from_millis(at))}
                for incident_id, verdict, note, at in self.state.feedback_rows()}

    # -- lifecycle -------------------------------------------------------------------

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def safe_highlight(fragment: str, open_mark: str, close_mark: str) -> str:
    """HTML-escape an engine's fragment, then turn its match markers into ``<mark>`` tags,
    so the text itself can never inject markup and any consumer can insert it as is."""
    return html.escape(fragment, quote=True).replace(open_mark, "<mark>").replace(close_mark, "</mark>")
