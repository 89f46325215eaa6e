"""Writing Signals into the SQLite file: the row, its tags and the rollup. A rewritten
row is also noted in ``text_pending``, in the same transaction, for the words index.

Correlation reads counts per (tag, source kind, 5 minutes) for every tag at once; a
GROUP BY over the tags joined to signals takes ~15 s at 1M signals, so every write keeps
``tag_rollup`` current. It adds one net delta per touched cell per batch: the per-row
triggers this replaced cost 40% of ingest time.
"""

from __future__ import annotations

from typing import Any

import orjson

from outagewatch.search.base import Change
from outagewatch.search.fields import SQL_COLUMNS, signal_to_row
from outagewatch.search.sqlite.schema import ROLLUP_CODES, ROLLUP_SECONDS, Database, id_key, tag_key
from outagewatch.search.store import UpsertResult

_INSERT = (f"INTO signals (rowid, {', '.join(SQL_COLUMNS)}, fingerprint, idkey)"
           f" VALUES ({','.join('?' * (len(SQL_COLUMNS) + 3))})")
_PUBLISHED = SQL_COLUMNS.index("published_at")
_TAG_CODES = "spry"  # services, providers, regions, symptoms, in Signal order
_ROLLUP_MS = ROLLUP_SECONDS * 1000


class Writer:
    def __init__(self, database: Database) -> None:
        self.database = database
        # (rowid, Signal) of the new rows of the last write, so the words index can take
        # them from memory instead of reading them back.
        self.last_new: list[tuple[int, Any]] = []
        self._keys: dict[str, int] = {}  # id -> idkey of the batch being written
        # (field code, value) -> its key in ``tags``, and the keys whose ``tag_values`` row
        # this process has checked names that value (a clash is refused, see _name_tags)
        self._tag_keys: dict[tuple[str, str], int] = {}
        self._checked: set[int] = set()

    def stored(self, ids: list[str]) -> dict[str, tuple[bytes, tuple]]:
        """id -> (fingerprint, the row's rowid, time, tags, kind, source and reports)."""
        found: dict[str, tuple[bytes, tuple]] = {}
        db = self.database.db
        self._keys = keys = {signal_id: id_key(signal_id) for signal_id in ids}
        key_list = list(keys.values())
        for start in range(0, len(key_list), 900):
            chunk = key_list[start:start + 900]
            rows = db.execute(
                f"SELECT id, fingerprint, rowid, published_at, services, providers, regions, symptoms,"
                f" source_kind, source, report_count FROM signals WHERE idkey IN ({','.join('?' * len(chunk))})",
                chunk)
            for row in rows:
                if row[0] in keys:  # two ids may share a key
                    found[row[0]] = (row[1], row[2:])
        return found

    def _tag_key(self, code: str, value: str) -> int:
        key = self._tag_keys.get((code, value))
        if key is None:
            key = self._tag_keys[(code, value)] = tag_key(code, value)
        return key

    def write(self, changes: list[Change], result: UpsertResult) -> None:
        """Inside the batch's transaction: new rows take fresh rowids (a plain INSERT); a
        changed row keeps its rowid, and its old tags and rollup counts go."""
        db = self.database.db
        next_rowid = db.execute("SELECT coalesce(max(rowid), 0) FROM signals").fetchone()[0] + 1
        new_rows, changed_rows, tag_rows = [], [], []
        self.last_new = last_new = []
        stale_tags, stale_rowids = [], []
        rollup: dict[tuple, list[int]] = {}
        add_tag = tag_rows.append
        keys = self._keys
        tag_keys = self._tag_keys
        named: dict[int, tuple[str, str]] = {}  # the batch's tag keys, with what they name
        new = 0
        for change in changes:
            signal = change.signal
            row = signal_to_row(signal)
            published = row[_PUBLISHED]
            if change.old is not None:
                rowid, old_published, *old_columns = change.old
                old_tags = [orjson.loads(column or "[]") for column in old_columns[:4]]
                old_kind, old_source, old_reports = old_columns[4:]
                stale_rowids.append((rowid,))
                for code, values in zip(_TAG_CODES, old_tags):
                    for value in dict.fromkeys(values):
                        stale_tags.append((self._tag_key(code, value), old_published, rowid))
                stale_tags.append((self._tag_key("o", old_source), old_published, rowid))
                _count_rollup(rollup, old_tags, old_kind, old_published, old_reports, -1)
                row.append(change.fingerprint)
                row.append(keys.get(signal.id) or id_key(signal.id))
                changed_rows.append((rowid, *row))
            else:
                rowid = next_rowid
                next_rowid += 1
                row.append(change.fingerprint)
                row.append(keys.get(signal.id) or id_key(signal.id))
                new_rows.append((rowid, *row))
                last_new.append((rowid, published, signal))
                new += 1
            kind = signal.source_kind
            # a value listed twice is one tag row, counted once
            bucket = published // _ROLLUP_MS
            reports = signal.report_count or 0
            for code, values in (("o", (signal.source,)), ("s", signal.services), ("p", signal.providers),
                                 ("r", signal.regions), ("y", signal.symptoms)):
                for value in (values if len(values) < 2 else dict.fromkeys(values)):
                    key = tag_keys.get((code, value))
                    if key is None:
                        key = self._tag_key(code, value)
                    named[key] = (code, value)
                    add_tag((key, published, rowid))
                    if code in "spr":
                        cell = rollup.get((code, value, kind, bucket))
                        if cell is None:
                            rollup[(code, value, kind, bucket)] = [1, reports]
                        else:
                            cell[0] += 1
                            cell[1] += reports
        result.new += new
        result.updated += len(changes) - new
        self._name_tags(db, named)
        if stale_rowids:
            db.executemany("INSERT INTO text_pending (rowid) VALUES (?)", stale_rowids)
            db.executemany("DELETE FROM tags WHERE vid = ? AND published_at = ? AND sid = ?", stale_tags)
        db.executemany(f"INSERT {_INSERT}", new_rows)
        if changed_rows:
            db.executemany(f"INSERT OR REPLACE {_INSERT}", changed_rows)
        db.executemany("INSERT OR IGNORE INTO tags (vid, published_at, sid) VALUES (?,?,?)", tag_rows)
        db.executemany(
            "INSERT INTO tag_rollup (field, value, kind, bucket, n, reports) VALUES (?,?,?,?,?,?)"
            " ON CONFLICT(field, value, kind, bucket) DO UPDATE SET n = n + excluded.n,"
            " reports = reports + excluded.reports",
            [(*key, n, reports) for key, (n, reports) in rollup.items() if n or reports])

    def _name_tags(self, db, named: dict[int, tuple[str, str]]) -> None:
        """Make sure ``tag_values`` names every tag key of the batch (a few dozen rows; done
        in every batch's own transaction, so a rolled-back batch leaves no key unnamed), and
        refuse a key that already names another value (8-byte hashes: about one chance in
        10^7 for a million distinct values)."""
        db.executemany("INSERT OR IGNORE INTO tag_values (vid, field, value) VALUES (?,?,?)",
                       [(key, code, value) for key, (code, value) in named.items()])
        unchecked = [key for key in named if key not in self._checked]
        for start in range(0, len(unchecked), 900):
            chunk = unchecked[start:start + 900]
            for key, code, value in db.execute(
                    f"SELECT vid, field, value FROM tag_values WHERE vid IN ({','.join('?' * len(chunk))})", chunk):
                if (code, value) != named[key]:
                    raise ValueError(f"tag {named[key][1]!r} has the same key in this store as {value!r};"
                                     " it cannot be stored")
                self._checked.add(key)


def _count_rollup(rollup: dict[tuple, list[int]], tag_lists: Any, kind: str, published: int,
                  report_count: int | None, sign: int) -> None:
    """Add (sign +1) or take back (-1) one signal's service/provider/region tags in the
    batch's net rollup deltas; each distinct value counts once, as it has one tag row."""
    bucket = published // _ROLLUP_MS
    reports = sign * (report_count or 0)
    for code, values in zip(ROLLUP_CODES, tag_lists):
        for value in (values if len(values) < 2 else dict.fromkeys(values)):
            cell = rollup.get((code, value, kind, bucket))
            if cell is None:
                rollup[(code, value, kind, bucket)] = [sign, reports]
            else:
                cell[0] += sign
                cell[1] += reports
