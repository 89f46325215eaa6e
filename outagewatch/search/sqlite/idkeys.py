"""During a bulk load, the id keys of ``signals`` in memory instead of in its index.

Why: ``signals_idkey`` indexes random 8-byte keys, so every new row lands somewhere else in
it, and every grouped commit writes most of its pages to the WAL again: at a million
Signals ~3.7 µs of the writer's ~30 per Signal, plus a share of the commits. Built once
after the load (``CREATE INDEX`` sorts: ~0.9 µs per row at a million), it costs a fraction.

So once a run of writes is a bulk load big enough to pay for rebuilding the index (see
``Writer.begin_load``), the writer reads the keys and rowids the table already holds into
:class:`KeyMap`, drops the index, finds a batch's ids through the map (then reads those rows
by rowid and compares the ids, as the index lookup did), adds each new row's key to it, and
builds the index again when the load ends (2 s after its last batch ended, ``close()``, or
another process's rows appearing in the table; ``get`` of this process reads the map too).
``meta.idkey_deferred`` names the loading process while the index is away: a file opened
without the index and without a living loader (its writer was killed) gets it back on open
(``schema.Database``). Meanwhile other processes find ids by reading the table (correct,
but ~0.3 s a lookup at a million rows).

The map is numpy arrays sorted by key (16 bytes a row) plus a dict of the newest rows,
merged into the arrays every ``MERGE_ROWS``; a key may have several rows (two ids sharing
a key).
"""

from __future__ import annotations

from typing import Iterable

import numpy as np

MERGE_ROWS = 131_072


class KeyMap:
    """id key -> rowids of every row of the table, while ``signals_idkey`` is dropped."""

    def __init__(self, pairs: Iterable[tuple[int, int]], top: int) -> None:
        pairs = list(pairs)
        keys = np.fromiter((k for k, _ in pairs), np.int64, len(pairs))
        rowids = np.fromiter((r for _, r in pairs), np.int64, len(pairs))
        order = np.argsort(keys, kind="stable")
        self._keys, self._rowids = keys[order], rowids[order]
        self._recent: dict[int, int] = {}  # key -> rowid, the rows added since the last merge
        self._extra: dict[int, list[int]] = {}  # key -> more rowids, when a key comes twice in _recent
        self.top = top  # the highest rowid in the table as this process knows it

    def __len__(self) -> int:
        return len(self._keys) + len(self._recent) + sum(map(len, self._extra.values()))

    def add(self, rows: Iterable[tuple[int, int]]) -> None:
        """(key, rowid) of new rows."""
        recent, extra = self._recent, self._extra
        top = self.top
        for key, rowid in rows:
            if key in recent:
                extra.setdefault(key, []).append(rowid)
            else:
                recent[key] = rowid
            if rowid > top:
                top = rowid
        self.top = top
        if len(recent) >= MERGE_ROWS:
            self._merge()

    def _merge(self) -> None:
        recent, extra = self._recent, self._extra
        keys = [*recent.keys(), *(k for k, more in extra.items() for _ in more)]
        rowids = [*recent.values(), *(r for more in extra.values() for r in more)]
        keys_array = np.fromiter(keys, np.int64, len(keys))
        rowids_array = np.fromiter(rowids, np.int64, len(rowids))
        order = np.argsort(keys_array, kind="stable")
        keys_array, rowids_array = keys_array[order], rowids_array[order]
        at = np.searchsorted(self._keys, keys_array)
        self._keys = np.insert(self._keys, at, keys_array)
        self._rowids = np.insert(self._rowids, at, rowids_array)
        recent.clear()
        extra.clear()

    def rowids(self, keys: list[int]) -> list[int]:
        """The rowids of every row whose key is one of ``keys`` (each row once per key asked)."""
        found: list[int] = []
        if len(self._keys) and keys:
            wanted = np.fromiter(keys, np.int64, len(keys))
            low = np.searchsorted(self._keys, wanted, "left")
            high = np.searchsorted(self._keys, wanted, "right")
            counts = high - low
            if counts.any():
                found += self._rowids[low[counts == 1]].tolist()
                for i in np.nonzero(counts > 1)[0]:
                    found += self._rowids[low[i]:high[i]].tolist()
        get = self._recent.get
        found += [rowid for rowid in map(get, keys) if rowid is not None]
        if self._extra:
            for key in keys:
                found += self._extra.get(key, ())
        return found
