"""The clock by which the SQLite store tells when a run of writes has ended.

A bulk load ends when no batch has come for a while: the writer builds the id-key index
again ``END_LOAD_SECONDS`` after the last batch (:class:`~.writes.Writer`), and the words
index counts a new run once writes are ``RUN_GAP_SECONDS`` apart (:class:`~.textindex.TextIndex`),
which decides whether a later batch is a bulk load at all. A collector that writes every few
minutes wants exactly that. ``ingest`` does not: between two batches it waits for its tagger's
workers, and on a busy machine a 5,000-Signal batch takes them more than two seconds; the store
took each such wait for the load's end, built the index again mid-run (with two checkpoints'
fsyncs and the words index told to commit), dropped it again for the next batch (reading every
id key back), and once the run was counted anew kept the index up row by row for the rest of the
load (measured: two mid-run rebuilds in a 100,000-line ingest at load 12, the last 65,000 rows
written through the index).

So the store measures pauses on this clock, which stands still while the caller holds the run
(:meth:`SQLiteStore.hold_run`: the spine waiting for tags, not for its input). A wait for the
input (a stream that pauses, a collector between polls) still ends the run as before.
"""

from __future__ import annotations

import threading
import time


class RunClock:
    """``time.monotonic``, less the time spent held."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._held_at: float | None = None  # when the current hold began
        self._held_for = 0.0  # seconds held before it

    @property
    def held(self) -> bool:
        return self._held_at is not None

    def hold(self, held: bool) -> None:
        """Stop the clock (``held``) or start it again; either twice in a row is one."""
        with self._lock:
            if held and self._held_at is None:
                self._held_at = time.monotonic()
            elif not held and self._held_at is not None:
                self._held_for += time.monotonic() - self._held_at
                self._held_at = None

    def now(self) -> float:
        with self._lock:
            return (time.monotonic() if self._held_at is None else self._held_at) - self._held_for
