"""The spine: Signals in, tagged, stored in batches.

Ingest, collection and replay all write through :func:`store_signals`, so batching,
tagging and the counting of what was new are done the same way everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import IO, Callable, Iterable, Iterator

from outagewatch import gcpause, metrics
from outagewatch.jsonl import Rejected, read_signals
from outagewatch.search.base import latest_by_id
from outagewatch.search.store import Store, UpsertResult
from outagewatch.signal import Signal

BATCH_SIZE = 5000
# The last batch of a run tagged ahead by worker processes is tagged and stored in pieces, each
# half the rest, down to about this size: what is stored after the last tags come back (one core
# busy, the workers idle) is then the last piece, not a whole batch (see _Reading.noting).
TAPER_MIN = 500


@dataclass
class IngestReport:
    stored: UpsertResult = field(default_factory=UpsertResult)
    rejected: list[Rejected] = field(default_factory=list)
    rejected_total: int = 0
    earliest: datetime | None = None
    """The oldest ``published_at`` read: where correlation must look back to after a backfill."""

    def to_dict(self) -> dict:
        return {
            "new": self.stored.new, "updated": self.stored.updated, "unchanged": self.stored.unchanged,
            "repeated": self.stored.repeated, "rejected": self.rejected_total,
            "rejections": [{"line": r.line, "reason": r.reason} for r in self.rejected],
        }


def default_tagger(nlp_section: dict | None = None) -> Callable[[list[Signal]], None]:
    """The catalog-built spaCy tagger, loaded once per process: called with a batch, it tags it
    in place; :func:`store_signals` also finds its ``tag_ahead``, which overlaps tagging the next
    batches with storing this one.

    ``nlp_section`` is the ``[nlp]`` table of the configuration the entry point loaded;
    without it the tagger runs with its defaults (it never reads a configuration itself).
    """
    from outagewatch.nlp import Tagger

    return Tagger.default(nlp_section)


def ingest_tagger(nlp_section: dict | None = None) -> Callable[[list[Signal]], None]:
    """:func:`default_tagger` for a command that reads a file of Signals (``ingest``): with
    ``[nlp] processes`` > 1 the tagger is built in a process of its own
    (:mod:`outagewatch.nlp.host`) while this one goes on reading; a tagger that fails to build
    is then met at the first batch (:class:`~outagewatch.nlp.host.TaggerLoadError`)."""
    from outagewatch.nlp.host import start

    return start(nlp_section)


def batched(items: Iterable[Signal], size: int) -> Iterator[list[Signal]]:
    batch: list[Signal] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def store_signals(store: Store, signals: Iterable[Signal], *, tag: Callable[[list[Signal]], None] | None = None,
                  batch_size: int = BATCH_SIZE) -> UpsertResult:
    """Tag (keeping tags already set) and upsert in batches, in order; returns what the store did.

    A ``tag`` with a ``tag_ahead`` method (the :class:`~outagewatch.nlp.Tagger`) tags the
    next batches in its worker processes while this one is stored; any other callable tags
    each batch before it is stored. Either way every batch is stored whole and tagged, in
    the order read, and all of them before this returns (a collector saves its checkpoint
    after that, so a kill loses nothing: what was not stored is fetched or ingested again).
    """
    total = UpsertResult()
    batches = batched(signals, batch_size)
    # Between two batches the spine waits for its tagger (two seconds and more for 5,000 Signals
    # on a busy machine): the store is told that the run of writes goes on meanwhile, so that it
    # does not take the wait for the end of a bulk load. A wait for the input still counts.
    hold = getattr(store, "hold_run", None) if tag is not None else None
    if hold is not None:
        batches = _read_unheld(batches, hold)
    # A tagger that tags ahead reads the next batches before this one is stored: near the end of
    # all it reads, the store is told how many Signals are still to come (the last four batches'),
    # and the SQLite store has its words indexer commit then, beside them. (Without one, the end
    # is known only at the last batch: nothing is said, and nothing is read further ahead.)
    reading = expect_end = None
    ending = 4 * batch_size
    stored = 0
    if tag is not None:
        ahead = getattr(tag, "tag_ahead", None)
        if hasattr(tag, "on_hold"):  # ingest's tagging process: the store gets ready while it starts
            tag.on_hold = getattr(store, "expect_rows", None)
        if ahead is not None:
            taper = int(getattr(tag, "processes", 1) or 1) > 1
            reading, expect_end = _Reading(taper), getattr(store, "expect_end", None)
            batches = ahead(reading.noting(batches))
        else:
            batches = _tag_each(batches, tag)
    try:
        # The collector off while batches are read, tagged and stored, a full collection every
        # few batches instead (outagewatch.gcpause: ~19 µs a Signal of ingest's writing process).
        with gcpause.paused():
            for batch in gcpause.collected(batches):
                done = store.upsert(batch)
                metrics.record_ingest(done)
                total += done
                stored += len(batch)
                if expect_end is not None and reading.done and 0 < reading.count - stored <= ending:
                    expect_end(reading.count - stored)
                    expect_end = None
    finally:
        if tag is not None:
            batches.close()  # a failed upsert: the batches still queued for tagging are dropped now
        if hold is not None:
            hold(False)
    if reading is not None:
        total.repeated += reading.repeated
    return total


class _Reading:
    """How many Signals the batches handed on held, and whether they were all read."""

    def __init__(self, taper: bool = False) -> None:
        self.count = 0
        self.done = False
        self.taper = taper
        self.repeated = 0  # copies of an id the tapered last batch held, dropped before its pieces

    def noting(self, batches: Iterable[list[Signal]]) -> Iterator[list[Signal]]:
        """``batches``, each read one ahead of the one handed on, so that the last is known
        to be the last when it is taken (an ingest's tagging process takes a file's last
        batch long before the store gets it; on a stream read as it comes, a batch reaches
        the tagger once the next is read, one batch beyond the two it keeps ahead).

        ``taper``: the last batch goes on in pieces (:func:`_pieces`), so that its first
        pieces are stored while the workers tag the rest. It is first made what the store's
        ``upsert`` makes of a batch (the last copy of each id, where the first copy stood:
        ``latest_by_id``), the copies dropped counted in :attr:`repeated`, so that storing
        the pieces one after another stores and counts exactly what one upsert of the batch
        would."""
        batches = iter(batches)
        batch = next(batches, None)
        while batch is not None:
            following = next(batches, None)
            if following is None and self.taper and len(batch) > 2 * TAPER_MIN:
                unique = list(latest_by_id(batch).values())
                self.repeated += len(batch) - len(unique)
                pieces = _pieces(unique)
                for at, piece in enumerate(pieces, 1):
                    self.count += len(piece)
                    self.done = at == len(pieces)
                    yield piece
                return
            self.count += len(batch)
            self.done = following is None
            yield batch
            batch = following


def _pieces(batch: list[Signal]) -> list[list[Signal]]:
    """``batch`` cut into pieces of half what is left each, the last two no larger than
    ``2 * TAPER_MIN`` (5,000: 2,500, 1,250, 625, 625)."""
    pieces = []
    while len(batch) > 2 * TAPER_MIN:
        half = len(batch) // 2
        pieces.append(batch[:half])
        batch = batch[half:]
    pieces.append(batch)
    return pieces


def _read_unheld(batches: Iterable[list[Signal]], hold: Callable[[bool], None]) -> Iterator[list[Signal]]:
    """``batches``, the store's run held (:meth:`~outagewatch.search.base.BaseStore.hold_run`)
    but while each is read: a pause of the input may end the run, a wait for tags may not."""
    batches = iter(batches)
    while True:
        hold(False)
        batch = next(batches, None)
        hold(True)
        if batch is None:
            return
        yield batch


def _tag_each(batches: Iterable[list[Signal]], tag: Callable[[list[Signal]], None]) -> Iterator[list[Signal]]:
    for batch in batches:
        tag(batch)
        yield batch


def ingest_stream(store: Store, stream: IO[bytes], *, tag: Callable[[list[Signal]], None] | None = None,
                  batch_size: int = BATCH_SIZE, keep_rejections: int = 1000,
                  on_reject: Callable[[Rejected], None] | None = None) -> IngestReport:
    """Store every valid line of a JSON Lines stream; report each rejected line."""
    return ingest_records(store, read_signals(stream), tag=tag, batch_size=batch_size,
                          keep_rejections=keep_rejections, on_reject=on_reject)


def ingest_records(store: Store, records: Iterable[Signal | Rejected], *,
                   tag: Callable[[list[Signal]], None] | None = None, batch_size: int = BATCH_SIZE,
                   keep_rejections: int = 1000, on_reject: Callable[[Rejected], None] | None = None) -> IngestReport:
    """Store every Signal of ``records`` in batches; count and keep (some of) the rejections."""
    report = IngestReport()

    def valid() -> Iterator[Signal]:
        for item in records:
            if isinstance(item, Rejected):
                report.rejected_total += 1
                if len(report.rejected) < keep_rejections:
                    report.rejected.append(item)
                if on_reject is not None:
                    on_reject(item)
                continue
            if report.earliest is None or item.published_at < report.earliest:
                report.earliest = item.published_at
            yield item

    report.stored = store_signals(store, valid(), tag=tag, batch_size=batch_size)
    metrics.record_ingest(None, report.rejected_total)
    return report
