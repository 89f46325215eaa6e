"""The cyclic garbage collector held off during batch work, and why.

Tagging and storing a batch allocate hundreds of container objects per Signal (Docs, token
lists, tag dicts, rows) and make no reference cycles: reference counting frees all of it
(checked: ``gc.collect()`` finds nothing after 10,000 texts tagged with the collector off, and
66 objects, the worker pool's own, after 40,000 Signals ingested). The collector still ran every
700 allocations to find nothing, and with the tagger's vocabulary frozen out of it
(``gc.freeze()``, see :class:`~outagewatch.nlp.Tagger`) its rule for a full collection (only
when the long-lived objects grew by a quarter) no longer held: it walked everything the process
holds, the batches in flight included, every ~70,000 allocations. Measured on the benchmark mix:
~18% of a text's tagging time in one process, ~19 µs of the ~140 µs an ingested Signal costs in
the writing process, and ~0.3 s of building the tagger.

So batch work runs with the collector off, and a long run of batches collects in full every
:data:`FULL_EVERY` batches itself: whatever a cycle somewhere holds is freed as before, in one
walk instead of hundreds. A collector the caller turned off stays off.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterable, Iterator, TypeVar

T = TypeVar("T")
FULL_EVERY = 10  # batches between full collections in a long run (5,000 Signals a batch: every 50,000)
WORKER_GROWTH = 200_000  # objects a worker process may gain between two of its own full collections
WORKER_EVERY = 50  # pieces of work between a worker's full collections, whatever it gained


@contextmanager
def paused() -> Iterator[None]:
    """The collector off for the block, back on after (unless it was off already).

    Process-wide: another thread's garbage waits for the end of the block (it is not lost).
    A library that turns the collector back on inside the block (srsly does, around a msgpack
    load) only ends the pause early."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def collected(batches: Iterable[T], every: int = FULL_EVERY) -> Iterator[T]:
    """``batches`` as they come, a full collection after every ``every`` of them: for a loop that
    runs inside :func:`paused`, so that a long run still frees what cycles hold."""
    for count, batch in enumerate(batches, 1):
        yield batch
        if count % every == 0:
            gc.collect()


_worker = {"off": False, "pieces": 0}


def worker_off() -> None:
    """In a worker process that only serves batch work (the tagger's): the collector off for good, the
    worker collecting in full itself (:func:`worker_tidy`) after a piece of work.

    Each batch's :func:`paused` turned it back on at its end, and the next allocation then walked
    everything the batch left alive (the chunk's tags so far, waiting to be sent back) and, every
    tenth time, everything since the worker's :func:`gc.freeze`: ~1.5 µs a text of the benchmark
    mix's two workers, finding nothing."""
    gc.disable()
    _worker["off"] = True


def worker_tidy(growth: int = WORKER_GROWTH, every: int = WORKER_EVERY) -> None:
    """After a piece of work in a worker (:func:`worker_off`): a full collection once the objects the
    collector tracks grew by ``growth`` since the last one (what garbage cycles would make grow; the
    count goes down as objects are freed), or after ``every`` pieces. Elsewhere: nothing."""
    if not _worker["off"]:
        return
    _worker["pieces"] += 1
    if gc.get_count()[0] > growth or _worker["pieces"] >= every:
        _worker["pieces"] = 0
        gc.collect()
