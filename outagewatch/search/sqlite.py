"""The embedded default store: one SQLite file, WAL, FTS5.

Layout, chosen for the two things analysts do most (search words within filters, count
signals per tag over time):
- ``signals``: one row per Signal; tag lists as JSON for reading back.
- ``tags``: one row per (field, value, published_at, signal), a covering index for
  "service X between T1 and T2" and for histograms by tag.
- ``signals_fts``: FTS5 over title and text; its rowid is the signal's rowid. CJK
  characters are indexed one by one (separated by U+200B, invisible in snippets), the
  way Elasticsearch's standard analyzer splits them, so both backends find the same.
"""

from __future__ import annotations

import hashlib
import html
import os
import re
import sqlite3
import threading
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any, Iterable, Iterator

import orjson

from outagewatch.search.query import (
    FACET_FIELDS,
    Atom,
    Query,
    TextQuery,
    decode_cursor,
    encode_cursor,
    interval_seconds,
)
from outagewatch.search.store import Bucket, Hit, SearchResult, StoreStats, TOTAL_LIMIT, TagBucket, UpsertResult
from outagewatch.signal import TAG_FIELDS, Signal
from outagewatch.timeutil import from_millis, parse_time, to_iso, to_millis, utcnow

TAG_CODES = {"services": "s", "providers": "p", "regions": "r", "symptoms": "y"}
# source kind and source are indexed like tags (one row each), so every filter and facet
# goes through one (field, value, time) index and the signals table needs only two.
INDEXED_CODES = {**TAG_CODES, "source_kind": "k", "source": "o"}
COLUMN_FACETS = {"lang": "lang", "status": "status"}

SCHEMA = """
CREATE TABLE IF NOT EXISTS signals (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    source_kind TEXT NOT NULL,
    source TEXT NOT NULL,
    published_at INTEGER NOT NULL,
    collected_at INTEGER,
    author TEXT, url TEXT, title TEXT, text TEXT NOT NULL, lang TEXT,
    report_count INTEGER, status TEXT,
    services TEXT, providers TEXT, regions TEXT, symptoms TEXT,
    raw TEXT,
    fingerprint BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS signals_time ON signals(published_at);
CREATE TABLE IF NOT EXISTS tags (
    field TEXT NOT NULL, value TEXT NOT NULL, published_at INTEGER NOT NULL, sid INTEGER NOT NULL,
    PRIMARY KEY (field, value, published_at, sid)
) WITHOUT ROWID;
CREATE VIRTUAL TABLE IF NOT EXISTS signals_fts USING fts5(
    title, text, tokenize = "unicode61 remove_diacritics 0"
);
CREATE TABLE IF NOT EXISTS checkpoints (source TEXT PRIMARY KEY, state TEXT NOT NULL, updated_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS incidents (
    id TEXT PRIMARY KEY, started_at INTEGER NOT NULL, ended_at INTEGER, detected_at INTEGER, doc TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS incidents_time ON incidents(started_at);
CREATE TABLE IF NOT EXISTS incident_feedback (id TEXT PRIMARY KEY, verdict TEXT NOT NULL, note TEXT, at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
"""

# Correlation reads counts per (tag, source kind, 5 minutes) for every tag at once; a
# GROUP BY over the tags joined to signals takes ~15 s at 1M signals, so upsert keeps
# those counts current as it writes and removes tags (see tag_histogram). It adds one
# net delta per touched cell per batch: the per-row triggers this replaces cost 40% of
# ingest time (a signals lookup and an upsert for every service/provider/region row).
ROLLUP_SECONDS = 300
ROLLUP_CODES = ("s", "p", "r")
ROLLUP_SCHEMA = """
CREATE TABLE IF NOT EXISTS tag_rollup (
    field TEXT NOT NULL, value TEXT NOT NULL, kind TEXT NOT NULL, bucket INTEGER NOT NULL,
    n INTEGER NOT NULL, reports INTEGER NOT NULL, PRIMARY KEY (field, value, kind, bucket)
) WITHOUT ROWID;
DROP TRIGGER IF EXISTS tags_rollup_insert;
DROP TRIGGER IF EXISTS tags_rollup_delete;
"""

_CJK_RUN = re.compile(r"([\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\uff66-\uff9f])")
_ZWSP = "\u200b"
_MARK_OPEN, _MARK_CLOSE = "\x02", "\x03"
SNIPPET_TOKENS = 24
# Relevance pages rank this many best-scored matches in full (see _ranked_page).
RANK_POOL = 10_000


def _fts_text(text: str | None) -> str:
    if not text:
        return ""
    if _CJK_RUN.search(text) is None:  # most text has no CJK; skip the costlier sub
        return text
    return _CJK_RUN.sub(_ZWSP + r"\1" + _ZWSP, text)


def _fts_atom(atom: Atom) -> str:
    phrase = " ".join(atom.words)
    quoted = '"' + phrase.replace('"', '""') + '"'
    return quoted + "*" if atom.prefix else quoted


def _fts_expression(text: TextQuery) -> str | None:
    """Compile the parsed query to an FTS5 MATCH string; every word is quoted."""
    groups = []
    for group in text.all_of:
        parts = [_fts_atom(a) for a in group]
        groups.append(parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")")
    if not groups:
        return None
    expression = " AND ".join(groups)
    if text.none_of:
        expression = f"({expression}) NOT ({' OR '.join(_fts_atom(a) for a in text.none_of)})"
    return expression


def _blake(data: bytes):
    return hashlib.blake2b(data, digest_size=16)


class SQLiteStore:
    """A :class:`~outagewatch.search.store.Store` in one SQLite file."""

    backend = "sqlite"

    def __init__(self, path: str | os.PathLike[str], *, url: str | None = None) -> None:
        self.path = Path(path)
        self.url = url or f"sqlite:///{self.path}"
        if str(self.path) != ":memory:":
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        try:
            self._db = sqlite3.connect(str(self.path), timeout=30, isolation_level=None, check_same_thread=False)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("PRAGMA busy_timeout=30000")
            self._db.execute("PRAGMA cache_size=-131072")
            self._db.execute("PRAGMA temp_store=MEMORY")
            # Checkpoint the WAL every ~64 MB rather than 4 MB: a bulk ingest rewrites the
            # same index pages in batch after batch, and each checkpoint copies them again
            # (~20% of ingest time at the default). The file is cut back to 64 MB afterwards.
            self._db.execute("PRAGMA wal_autocheckpoint=16384")
            self._db.execute("PRAGMA journal_size_limit=67108864")
            self._db.executescript(SCHEMA)
            self._ensure_rollup()
        except sqlite3.DatabaseError as exc:
            raise StoreOpenError(f"cannot open SQLite store {self.path}: {exc}") from exc

    def _ensure_rollup(self) -> None:
        """Create the tag rollup, filling it once from the tags of a store made before it existed.
        A store made while triggers kept the rollup loses them here: upsert keeps it now."""
        with self._lock, self._transaction() as db:
            for statement in _statements(ROLLUP_SCHEMA):
                db.execute(statement)
            if db.execute("SELECT 1 FROM meta WHERE key = 'tag_rollup'").fetchone():
                return
            db.execute("DELETE FROM tag_rollup")
            db.execute(
                f"INSERT INTO tag_rollup (field, value, kind, bucket, n, reports)"
                f" SELECT t.field, t.value, s.source_kind, t.published_at / {ROLLUP_SECONDS * 1000}, count(*),"
                f" coalesce(sum(s.report_count), 0) FROM tags t JOIN signals s ON s.rowid = t.sid"
                f" WHERE t.field IN ('s', 'p', 'r') GROUP BY 1, 2, 3, 4")
            db.execute("INSERT INTO meta (key, value) VALUES ('tag_rollup', '1')")

    # -- writing ---------------------------------------------------------------------

    def upsert(self, signals: Iterable[Signal]) -> UpsertResult:
        batch: dict[str, Signal] = {}
        for signal in signals:
            batch[signal.id] = signal  # the last copy of an id in one batch wins
        result = UpsertResult()
        if not batch:
            return result
        dumps = orjson.dumps
        prepared = {}
        for sid, signal in batch.items():
            published = int(signal.published_at.timestamp() * 1000)
            tag_lists = (signal.services, signal.providers, signal.regions, signal.symptoms)
            content = [signal.source_kind, signal.source, published, signal.author, signal.url, signal.title,
                       signal.text, signal.lang, signal.report_count, signal.status, *tag_lists, signal.raw]
            try:
                encoded = dumps(content, option=orjson.OPT_NON_STR_KEYS)
            except TypeError as exc:
                raise ValueError(f"signal {sid}: raw is not JSON-serialisable: {exc}") from None
            prepared[sid] = (published, tag_lists, _blake(encoded).digest())
        with self._lock, self._transaction() as db:
            existing: dict[str, tuple] = {}
            ids = list(batch)
            for start in range(0, len(ids), 900):
                chunk = ids[start:start + 900]
                rows = db.execute(
                    f"SELECT id, rowid, fingerprint, published_at, services, providers, regions, symptoms,"
                    f" source_kind, source, report_count FROM signals WHERE id IN ({','.join('?' * len(chunk))})",
                    chunk)
                for row in rows:
                    existing[row[0]] = row
            next_rowid = (db.execute("SELECT coalesce(max(rowid), 0) FROM signals").fetchone()[0]) + 1
            new_rows, changed_rows, fts_rows, tag_rows = [], [], [], []
            stale_tags, stale_rowids = [], []
            rollup: dict[tuple, list[int]] = {}
            for sid, signal in batch.items():
                published, tag_lists, fingerprint = prepared[sid]
                old = existing.get(sid)
                if old is not None:
                    if old[2] == fingerprint:
                        result.unchanged += 1
                        continue
                    rowid = old[1]
                    stale_rowids.append((rowid,))
                    old_tags = [orjson.loads(column or "[]") for column in old[4:8]]
                    for code, values in zip("spry", old_tags):
                        for value in dict.fromkeys(values):
                            stale_tags.append((code, value, old[3], rowid))
                    stale_tags.append(("k", old[8], old[3], rowid))
                    stale_tags.append(("o", old[9], old[3], rowid))
                    _count_rollup(rollup, old_tags, old[8], old[3], old[10], -1)
                    rows = changed_rows
                    result.updated += 1
                else:
                    rowid = next_rowid
                    next_rowid += 1
                    rows = new_rows
                    result.new += 1
                rows.append((
                    rowid, sid, signal.source_kind, signal.source, published,
                    int(signal.collected_at.timestamp() * 1000) if signal.collected_at else None,
                    signal.author, signal.url, signal.title, signal.text, signal.lang,
                    signal.report_count, signal.status,
                    *[dumps(values).decode() if values else "[]" for values in tag_lists],
                    dumps(signal.raw, option=orjson.OPT_NON_STR_KEYS).decode() if signal.raw is not None else None,
                    fingerprint,
                ))
                fts_rows.append((rowid, _fts_text(signal.title), _fts_text(signal.text)))
                tag_rows.append(("k", signal.source_kind, published, rowid))
                tag_rows.append(("o", signal.source, published, rowid))
                for code, values in zip("spry", tag_lists):
                    # a value listed twice is one tag row
                    for value in (values if len(values) < 2 else dict.fromkeys(values)):
                        tag_rows.append((code, value, published, rowid))
                _count_rollup(rollup, tag_lists, signal.source_kind, published, signal.report_count, 1)
            if stale_rowids:
                db.executemany("DELETE FROM signals_fts WHERE rowid = ?", stale_rowids)
                db.executemany("DELETE FROM tags WHERE field = ? AND value = ? AND published_at = ? AND sid = ?", stale_tags)
            columns = ("(rowid, id, source_kind, source, published_at, collected_at, author, url, title, text, lang,"
                       " report_count, status, services, providers, regions, symptoms, raw, fingerprint)"
                       " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
            # New rows take fresh rowids, so a plain INSERT; a changed row keeps its rowid.
            db.executemany(f"INSERT INTO signals {columns}", new_rows)
            if changed_rows:
                db.executemany(f"INSERT OR REPLACE INTO signals {columns}", changed_rows)
            db.executemany("INSERT INTO signals_fts (rowid, title, text) VALUES (?,?,?)", fts_rows)
            db.executemany("INSERT OR IGNORE INTO tags (field, value, published_at, sid) VALUES (?,?,?,?)", tag_rows)
            db.executemany(
                "INSERT INTO tag_rollup (field, value, kind, bucket, n, reports) VALUES (?,?,?,?,?,?)"
                " ON CONFLICT(field, value, kind, bucket) DO UPDATE SET n = n + excluded.n,"
                " reports = reports + excluded.reports",
                [(*key, n, reports) for key, (n, reports) in rollup.items() if n or reports])
        return result

    def _transaction(self):
        return _Transaction(self._db)

    # -- reading ---------------------------------------------------------------------

    def get(self, signal_id: str) -> Signal | None:
        with self._lock:
            row = self._db.execute(f"SELECT {_COLUMNS} FROM signals s WHERE id = ?", (signal_id,)).fetchone()
        return _row_to_signal(row) if row else None

    def _where(self, query: Query, *, with_text: bool = True,
               driver: tuple[str, str] | None = None) -> tuple[str, list[Any]]:
        """Conditions on ``signals s``. Tag filters are sets of rowids from the tags index;
        when a ``driver`` (field code, value) already walks the tags index, that filter is
        left out and the others become point probes of the row's own (published_at, rowid)."""
        clauses, params = _time_range(query, "s.published_at")
        for code, values in _tag_filters(query):
            if driver is not None:
                if driver == (code, values[0]) and len(values) == 1:
                    continue
                clauses.append(f"EXISTS (SELECT 1 FROM tags WHERE field = ? AND value IN ({','.join('?' * len(values))})"
                               " AND published_at = s.published_at AND sid = s.rowid)")
                params += [code, *values]
                continue
            sub, sub_params = _tag_subquery(query, code, values)
            clauses.append(f"s.rowid IN ({sub})")
            params += sub_params
        if with_text:
            parsed = query.parsed
            expression = _fts_expression(parsed)
            if expression:
                clauses.append("s.rowid IN (SELECT rowid FROM signals_fts WHERE signals_fts MATCH ?)")
                params.append(expression)
            elif parsed.none_of:
                clauses.append("s.rowid NOT IN (SELECT rowid FROM signals_fts WHERE signals_fts MATCH ?)")
                params.append(" OR ".join(_fts_atom(a) for a in parsed.none_of))
        return (" AND ".join(clauses) or "1"), params

    def _fts_candidates(self, query: Query, expression: str) -> tuple[str, list[Any]] | None:
        """The matching rowids straight from FTS5, filters checked against rowid sets, so
        nothing is read from ``signals`` for the many matches of a common word. Only when
        every filter is a tag filter: their subqueries carry the time range themselves."""
        filters = _tag_filters(query)
        if not filters and (query.since is not None or query.until is not None):
            return None
        sql, params = "FROM signals_fts WHERE signals_fts MATCH ?", [expression]
        if filters:
            # The rowids a filter allows lie between its least and greatest; FTS5 seeks to that
            # range instead of reading every match. Rowids follow ingest order, so a time range
            # usually narrows this to its own stretch of the index.
            low, high = None, None
            with self._lock:
                for code, values in filters:
                    sub, sub_params = _tag_subquery(query, code, values)
                    lo, hi = self._db.execute(f"SELECT min(sid), max(sid) FROM ({sub})", sub_params).fetchone()
                    if lo is None:
                        lo, hi = 1, 0  # nothing has this tag: an empty range
                    low, high = max(lo, low or lo), min(hi, high if high is not None else hi)
            sql += " AND rowid >= ? AND rowid <= ?"
            params += [low, high]
        for code, values in filters:
            sub, sub_params = _tag_subquery(query, code, values)
            # Unary + keeps the rowid set a plain check: offered to FTS5 as a rowid
            # constraint, it runs one full-text query per rowid (minutes, not milliseconds).
            sql += f" AND +rowid IN ({sub})"
            params += sub_params
        return sql, params

    def _count(self, query: Query, cap: int | None = None) -> int:
        """Matches of ``query``, counting no further than ``cap``; each shape counts from
        the one index that answers it alone (FTS5 doclists, the tags index), not signals."""
        parsed = query.parsed
        expression = _fts_expression(parsed)
        filters = _tag_filters(query)
        candidates = self._fts_candidates(query, expression) if expression else None
        if candidates is not None:
            inner, params = f"SELECT 1 {candidates[0]}", candidates[1]
        elif not expression and not parsed.none_of and len(filters) == 1 and len(filters[0][1]) == 1:
            inner, params = _tag_subquery(query, *filters[0])
        else:
            where, params = self._where(query)
            inner = f"SELECT 1 FROM signals s WHERE {where}"
        if cap is not None:
            inner += f" LIMIT {int(cap)}"
        with self._lock:
            return self._db.execute(f"SELECT count(*) FROM ({inner})", params).fetchone()[0]

    def count(self, query: Query) -> int:
        return self._count(query)

    def search(self, query: Query) -> SearchResult:
        parsed = query.parsed
        expression = _fts_expression(parsed)
        sort = query.effective_sort
        if query.limit == 0:  # a caller asking only "how many" gets the exact number
            return SearchResult([], self._count(query), None)
        # Like Elasticsearch's default track_total_hits: past TOTAL_LIMIT matches the total is
        # a lower bound. Counting 300k matches of a common word exactly cost more than the page.
        total = self._count(query, cap=TOTAL_LIMIT + 1)
        relation = "eq"
        if total > TOTAL_LIMIT:
            total, relation = TOTAL_LIMIT, "gte"
        if sort == "relevance" and expression:
            rows = self._ranked_page(query, expression)
        else:
            rows = self._time_page(query, sort != "oldest")
        more = len(rows) > query.limit
        rows = rows[:query.limit]
        hits = [Hit(_row_to_signal(row), score=(-row[-1] if row[-1] is not None else None)) for row in rows]
        if query.highlight and expression and hits:
            self._add_highlights(hits, rows, expression)
        next_cursor = None
        if more and rows:
            last = rows[-1]
            if sort == "relevance" and expression:
                next_cursor = encode_cursor([last[-1], last[_PUBLISHED], last[_ID]])
            else:
                next_cursor = encode_cursor([last[_PUBLISHED], last[_ID]])
        return SearchResult(hits, total, next_cursor, relation)

    def _ranked_page(self, query: Query, expression: str) -> list[tuple]:
        """One page by (bm25, published_at DESC, id DESC), plus one row to tell if more follow.

        bm25 must be computed for every match, but only a page's worth needs its signal row
        (for the tie-breakers). So FTS5 alone yields the best-scored RANK_POOL matches
        (rowid, score) through a bounded sort; of those, only the ones scoring no worse than
        the page's last score (``nth``, ties included) are joined and fully ordered. That is
        exact when ``nth`` is better than the pool's worst score (every match outside the
        pool is then worse than the whole page) or the pool holds every match. Otherwise
        (a tie wider than the pool) the page is read by joining every match, as before."""
        n = query.limit + 1
        cursor = _cursor(query.cursor, 3) if query.cursor else None
        keyset, keyset_params = "", []
        candidates = self._fts_candidates(query, expression)
        if candidates is not None:
            source, params = candidates
            floor, after = "", ""
            if cursor:  # rows scoring better than the cursor were on earlier pages
                floor, params = " AND bm25(signals_fts, 2.0, 1.0) >= ?", [*params, cursor[0]]
                after = " WHERE score > ?"
                keyset = " AND (f.score > ? OR (s.published_at, s.id) < (?, ?))"
                keyset_params = [cursor[0], cursor[1], cursor[2]]
            sql = (f"WITH pool AS MATERIALIZED (SELECT rowid, bm25(signals_fts, 2.0, 1.0) AS score {source}{floor}"
                   f" ORDER BY score LIMIT {RANK_POOL}),"
                   f" edge AS (SELECT (SELECT count(*) FROM pool) AS size, (SELECT max(score) FROM pool) AS worst,"
                   f" (SELECT score FROM pool{after} ORDER BY score LIMIT 1 OFFSET {n - 1}) AS nth)"
                   f" SELECT f.rowid, s.published_at, s.id, f.score, edge.size, edge.worst, edge.nth"
                   f" FROM edge CROSS JOIN pool f CROSS JOIN signals s ON s.rowid = f.rowid"
                   f" WHERE (edge.nth IS NULL OR f.score <= edge.nth){keyset}"
                   f" ORDER BY f.score, s.published_at DESC, s.id DESC LIMIT {n}")
            with self._lock:
                ranked = self._db.execute(sql, [*params, *([cursor[0]] if cursor else []), *keyset_params]).fetchall()
            if not ranked:
                with self._lock:
                    size = self._db.execute(
                        f"SELECT count(*) FROM (SELECT 1 {source}{floor} LIMIT {RANK_POOL})", params).fetchone()[0]
                if size < RANK_POOL:
                    return []
            else:
                size, worst, nth = ranked[0][4:7]
                if size < RANK_POOL or (nth is not None and nth < worst):
                    return self._rows_in_order(ranked)
        if cursor:
            score, published, last_id = cursor
            keyset = " WHERE score > ? OR (score = ? AND (published_at < ? OR (published_at = ? AND id < ?)))"
            keyset_params = [score, score, published, published, last_id]
        where, params = self._where(query, with_text=False)
        inner = (f"SELECT {_COLUMNS}, bm25(signals_fts, 2.0, 1.0) AS score FROM signals_fts"
                 f" JOIN signals s ON s.rowid = signals_fts.rowid WHERE signals_fts MATCH ? AND {where}")
        sql = f"SELECT * FROM ({inner}){keyset} ORDER BY score ASC, published_at DESC, id DESC LIMIT ?"
        with self._lock:
            return self._db.execute(sql, [expression, *params, *keyset_params, n]).fetchall()

    def _rows_in_order(self, ranked: list[tuple]) -> list[tuple]:
        """Full rows (score last) for (rowid, published_at, id, score, ...) tuples, in their order."""
        if not ranked:
            return []
        with self._lock:
            rows = {row[_ROWID]: row for row in self._db.execute(
                f"SELECT {_COLUMNS} FROM signals s WHERE s.rowid IN ({','.join('?' * len(ranked))})",
                [r[0] for r in ranked])}
        return [(*rows[r[0]], r[3]) for r in ranked]

    def _time_page(self, query: Query, descending: bool) -> list[tuple]:
        """One page newest (or oldest) first, plus one row to tell if more follow. With a
        one-value tag filter (a service, a region, a source kind) the tags index is walked
        in time order, so the page costs its own rows, not a set of every tagged signal."""
        op, direction = ("<", "DESC") if descending else (">", "ASC")
        driver = next(((code, values[0]) for code, values in sorted(_tag_filters(query), key=_selectivity)
                       if len(values) == 1), None)
        where, params = self._where(query, driver=driver)
        cursor = _cursor(query.cursor, 2) if query.cursor else None
        if driver is None:
            if cursor:
                where += f" AND (s.published_at, s.id) {op} (?, ?)"
                params += cursor
            sql = (f"SELECT {_COLUMNS}, NULL AS score FROM signals s WHERE {where}"
                   f" ORDER BY s.published_at {direction}, s.id {direction} LIMIT ?")
            with self._lock:
                return self._db.execute(sql, [*params, query.limit + 1]).fetchall()
        clauses, driver_params = _time_range(query, "t.published_at")
        clauses, driver_params = ["t.field = ?", "t.value = ?", *clauses], [*driver, *driver_params]
        if cursor:
            # (published_at, id) past the cursor, with published_at alone as an index bound
            clauses.append(f"t.published_at {op}= ? AND (t.published_at {op} ? OR s.id {op} ?)")
            driver_params += [cursor[0], cursor[0], cursor[1]]
        sql = (f"SELECT {_COLUMNS}, NULL AS score FROM tags t CROSS JOIN signals s ON s.rowid = t.sid"
               f" WHERE {' AND '.join(clauses)} AND {where}"
               f" ORDER BY t.published_at {direction}, s.id {direction} LIMIT ?")
        with self._lock:
            return self._db.execute(sql, [*driver_params, *params, query.limit + 1]).fetchall()

    def _add_highlights(self, hits: list[Hit], rows: list[tuple], expression: str) -> None:
        rowids = [row[_ROWID] for row in rows]
        sql = (f"SELECT rowid, snippet(signals_fts, 0, '{_MARK_OPEN}', '{_MARK_CLOSE}', '…', {SNIPPET_TOKENS}),"
               f" snippet(signals_fts, 1, '{_MARK_OPEN}', '{_MARK_CLOSE}', '…', {SNIPPET_TOKENS})"
               f" FROM signals_fts WHERE signals_fts MATCH ? AND rowid IN ({','.join('?' * len(rowids))})")
        with self._lock:
            snippets = {r[0]: (r[1], r[2]) for r in self._db.execute(sql, [expression, *rowids])}
        for hit, rowid in zip(hits, rowids):
            for fragment in snippets.get(rowid, ()):
                if fragment and _MARK_OPEN in fragment:
                    hit.highlights.append(_safe_highlight(fragment))

    def facets(self, query: Query, fields: Iterable[str], size: int = 20) -> dict[str, dict[str, int]]:
        where, params = self._where(query)
        unfiltered = where == "1"
        out: dict[str, dict[str, int]] = {}
        with self._lock:
            for field in fields:
                if field not in FACET_FIELDS:
                    raise ValueError(f"cannot facet on {field!r}; choose from {', '.join(FACET_FIELDS)}")
                if field in INDEXED_CODES:
                    if unfiltered:
                        sql = "SELECT value, count(*) AS n FROM tags WHERE field = ? GROUP BY value ORDER BY n DESC, value LIMIT ?"
                        args = [INDEXED_CODES[field], size]
                    else:
                        sql = (f"SELECT t.value, count(*) AS n FROM tags t WHERE t.field = ? AND t.sid IN"
                               f" (SELECT s.rowid FROM signals s WHERE {where}) GROUP BY t.value ORDER BY n DESC, t.value LIMIT ?")
                        args = [INDEXED_CODES[field], *params, size]
                else:
                    column = COLUMN_FACETS[field]
                    sql = (f"SELECT s.{column}, count(*) AS n FROM signals s WHERE {where} AND s.{column} IS NOT NULL"
                           f" GROUP BY s.{column} ORDER BY n DESC, s.{column} LIMIT ?")
                    args = [*params, size]
                out[field] = {value: n for value, n in self._db.execute(sql, args)}
        return out

    def histogram(self, query: Query, interval: str | int, by: str | None = None, size: int = 50) -> list[Bucket]:
        width = interval_seconds(interval) * 1000
        where, params = self._where(query)
        if by is None:
            sql = (f"SELECT (s.published_at / {width}) * {width} AS b, NULL, count(*), coalesce(sum(s.report_count), 0)"
                   f" FROM signals s WHERE {where} GROUP BY b ORDER BY b")
            args = params
        elif by in INDEXED_CODES:
            keys = list(self.facets(query, [by], size)[by])
            if not keys:
                return []
            sql = (f"SELECT (s.published_at / {width}) * {width} AS b, t.value, count(*), coalesce(sum(s.report_count), 0)"
                   f" FROM signals s JOIN tags t ON t.sid = s.rowid AND t.field = ?"
                   f" WHERE {where} AND t.value IN ({','.join('?' * len(keys))}) GROUP BY b, t.value ORDER BY b, t.value")
            args = [INDEXED_CODES[by], *params, *keys]
        elif by in COLUMN_FACETS:
            column = COLUMN_FACETS[by]
            keys = list(self.facets(query, [by], size)[by])
            if not keys:
                return []
            sql = (f"SELECT (s.published_at / {width}) * {width} AS b, s.{column}, count(*), coalesce(sum(s.report_count), 0)"
                   f" FROM signals s WHERE {where} AND s.{column} IN ({','.join('?' * len(keys))})"
                   f" GROUP BY b, s.{column} ORDER BY b, s.{column}")
            args = [*params, *keys]
        else:
            raise ValueError(f"cannot split a histogram by {by!r}; choose from {', '.join(FACET_FIELDS)}")
        with self._lock:
            rows = self._db.execute(sql, args).fetchall()
        return [Bucket(from_millis(b), key, n, int(reports)) for b, key, n, reports in rows]

    def tag_histogram(self, query: Query, interval: str | int,
                      fields: Iterable[str] = ("services", "providers", "regions")) -> list[TagBucket]:
        seconds = interval_seconds(interval)
        codes = {TAG_CODES[f]: f for f in fields}
        if seconds % ROLLUP_SECONDS:
            return self._tag_histogram_scan(query, seconds, codes)
        # Whole rollup buckets come from the rollup; a partial bucket at either end of the
        # range (a replay's "now" falls inside one) is counted from the tags themselves.
        width = ROLLUP_SECONDS * 1000
        low = None if query.since is None else -(-to_millis(query.since) // width)
        high = None if query.until is None else to_millis(query.until) // width
        cells: dict[tuple, list[int]] = {}
        if low is not None and high is not None and low >= high:
            return self._tag_histogram_scan(query, seconds, codes)
        step = seconds // ROLLUP_SECONDS
        clauses, params = [f"field IN ({','.join('?' * len(codes))})", "n > 0"], list(codes)
        if low is not None:
            clauses.append("bucket >= ?")
            params.append(low)
        if high is not None:
            clauses.append("bucket < ?")
            params.append(high)
        if query.kinds:
            clauses.append(f"kind IN ({','.join('?' * len(query.kinds))})")
            params.extend(query.kinds)
        if step == 1:  # the rollup's own width: its rows are the answer, no grouping needed
            sql = f"SELECT field, value, bucket * {width}, kind, n, reports FROM tag_rollup WHERE {' AND '.join(clauses)}"
        else:
            sql = (f"SELECT field, value, (bucket / {step}) * {step} * {width} AS b, kind, sum(n), sum(reports)"
                   f" FROM tag_rollup WHERE {' AND '.join(clauses)} GROUP BY field, value, kind, b")
        with self._lock:
            rows = self._db.execute(sql, params).fetchall()
        times = {b: from_millis(b) for b in {row[2] for row in rows}}  # few distinct buckets, many cells
        edges = []
        if low is not None and low * width > to_millis(query.since):
            edges.append(replace(query, until=from_millis(low * width)))
        if high is not None and high * width < to_millis(query.until):
            edges.append(replace(query, since=from_millis(high * width)))
        if not edges:
            return [TagBucket(times[b], codes[f], v, k, n, r) for f, v, b, k, n, r in rows]
        for f, v, b, k, n, r in rows:
            cells[(f, v, b, k)] = [n, int(r)]
        for edge in edges:
            for cell in self._tag_histogram_scan(edge, seconds, codes, raw=True):
                total = cells.setdefault(cell[:4], [0, 0])
                total[0] += cell[4]
                total[1] += cell[5]
        return [TagBucket(times.get(b) or from_millis(b), codes[f], v, k, n, r)
                for (f, v, b, k), (n, r) in cells.items()]

    def _tag_histogram_scan(self, query: Query, seconds: int, codes: dict[str, str], raw: bool = False) -> list:
        width = seconds * 1000
        clauses, params = [f"t.field IN ({','.join('?' * len(codes))})"], list(codes)
        if query.since is not None:
            clauses.append("t.published_at >= ?")
            params.append(to_millis(query.since))
        if query.until is not None:
            clauses.append("t.published_at < ?")
            params.append(to_millis(query.until))
        if query.kinds:
            clauses.append(f"s.source_kind IN ({','.join('?' * len(query.kinds))})")
            params.extend(query.kinds)
        sql = (f"SELECT t.field, t.value, (t.published_at / {width}) * {width} AS b, s.source_kind, count(*),"
               f" coalesce(sum(s.report_count), 0) FROM tags t JOIN signals s ON s.rowid = t.sid"
               f" WHERE {' AND '.join(clauses)} GROUP BY t.field, t.value, b, s.source_kind")
        with self._lock:
            rows = self._db.execute(sql, params).fetchall()
        if raw:
            return rows
        return [TagBucket(from_millis(b), codes[f], v, k, n, int(r)) for f, v, b, k, n, r in rows]

    def scan(self, query: Query, batch_size: int = 5000) -> Iterator[Signal]:
        where, params = self._where(query)
        cursor: tuple[int, str] | None = None
        while True:
            sql = f"SELECT {_COLUMNS} FROM signals s WHERE {where}"
            args = list(params)
            if cursor:
                sql += " AND (s.published_at, s.id) > (?, ?)"
                args += list(cursor)
            sql += " ORDER BY s.published_at, s.id LIMIT ?"
            args.append(batch_size)
            with self._lock:
                rows = self._db.execute(sql, args).fetchall()
            for row in rows:
                yield _row_to_signal(row)
            if len(rows) < batch_size:
                return
            cursor = (rows[-1][_PUBLISHED], rows[-1][_ID])

    def stats(self) -> StoreStats:
        with self._lock:
            db = self._db
            total = db.execute("SELECT count(*) FROM signals").fetchone()[0]
            by_kind = dict(db.execute(
                "SELECT value, count(*) FROM tags WHERE field = 'k' GROUP BY value ORDER BY 2 DESC, 1"))
            by_source = dict(db.execute(
                "SELECT value, count(*) FROM tags WHERE field = 'o' GROUP BY value ORDER BY 2 DESC, 1 LIMIT 50"))
            by_service = dict(db.execute(
                "SELECT value, count(*) FROM tags WHERE field = 's' GROUP BY value ORDER BY 2 DESC LIMIT 50"))
            first, last = db.execute("SELECT min(published_at), max(published_at) FROM signals").fetchone()
        size = None
        if str(self.path) != ":memory:":
            size = sum(p.stat().st_size for p in (self.path, Path(f"{self.path}-wal")) if p.exists())
        return StoreStats(total, by_kind, by_source, by_service,
                          from_millis(first) if first is not None else None,
                          from_millis(last) if last is not None else None,
                          size, self.backend, str(self.path))

    # -- checkpoints -----------------------------------------------------------------

    def get_checkpoint(self, source: str) -> dict[str, Any] | None:
        with self._lock:
            row = self._db.execute("SELECT state FROM checkpoints WHERE source = ?", (source,)).fetchone()
        return orjson.loads(row[0]) if row else None

    def set_checkpoint(self, source: str, state: dict[str, Any]) -> None:
        with self._lock:
            self._db.execute(
                "INSERT INTO checkpoints (source, state, updated_at) VALUES (?, ?, ?)"
                " ON CONFLICT(source) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at",
                (source, orjson.dumps(state).decode(), to_millis(utcnow())))

    def checkpoints(self) -> dict[str, dict[str, Any]]:
        with self._lock:
            return {source: orjson.loads(state) for source, state in self._db.execute("SELECT source, state FROM checkpoints")}

    # -- incidents -------------------------------------------------------------------

    def upsert_incidents(self, incidents: Iterable[dict[str, Any]]) -> None:
        rows = []
        for incident in incidents:
            if not incident.get("id") or not incident.get("started_at"):
                raise ValueError("an incident needs an id and a started_at")
            rows.append((
                incident["id"], _millis(incident["started_at"]), _millis(incident.get("ended_at")),
                _millis(incident.get("detected_at")), orjson.dumps(incident, default=_json_default).decode(),
            ))
        with self._lock, self._transaction() as db:
            db.executemany(
                "INSERT INTO incidents (id, started_at, ended_at, detected_at, doc) VALUES (?,?,?,?,?)"
                " ON CONFLICT(id) DO UPDATE SET started_at = excluded.started_at, ended_at = excluded.ended_at,"
                " detected_at = excluded.detected_at, doc = excluded.doc", rows)

    def get_incident(self, incident_id: str) -> dict[str, Any] | None:
        with self._lock:
            row = self._db.execute("SELECT doc FROM incidents WHERE id = ?", (incident_id,)).fetchone()
        return orjson.loads(row[0]) if row else None

    def list_incidents(self, since: datetime | None = None, until: datetime | None = None) -> list[dict[str, Any]]:
        sql, params = "SELECT doc FROM incidents WHERE 1", []
        if until is not None:
            sql += " AND started_at < ?"
            params.append(to_millis(until))
        if since is not None:
            sql += " AND (ended_at IS NULL OR ended_at >= ?)"
            params.append(to_millis(since))
        sql += " ORDER BY started_at, id"
        with self._lock:
            return [orjson.loads(doc) for (doc,) in self._db.execute(sql, params)]

    def delete_incidents(self, ids: Iterable[str]) -> None:
        with self._lock, self._transaction() as db:
            db.executemany("DELETE FROM incidents WHERE id = ?", [(i,) for i in ids])

    def set_feedback(self, incident_id: str, verdict: str, note: str | None = None) -> None:
        if verdict not in ("confirmed", "dismissed"):
            raise ValueError(f"verdict must be 'confirmed' or 'dismissed', got {verdict!r}")
        with self._lock:
            self._db.execute(
                "INSERT INTO incident_feedback (id, verdict, note, at) VALUES (?,?,?,?) ON CONFLICT(id) DO UPDATE"
                " SET verdict = excluded.verdict, note = excluded.note, at = excluded.at",
                (incident_id, verdict, note, to_millis(utcnow())))

    def feedback(self) -> dict[str, dict[str, Any]]:
        with self._lock:
            return {i: {"verdict": v, "note": n, "at": to_iso(from_millis(a))}
                    for i, v, n, a in self._db.execute("SELECT id, verdict, note, at FROM incident_feedback")}

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> "SQLiteStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class StoreOpenError(RuntimeError):
    """The store named by the configuration cannot be opened; the message says which and why."""


class _Transaction:
    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> sqlite3.Connection:
        self.db.execute("BEGIN IMMEDIATE")
        return self.db

    def __exit__(self, exc_type, exc, tb) -> None:
        self.db.execute("COMMIT" if exc_type is None else "ROLLBACK")


_COLUMNS = ("s.rowid, s.id, s.source_kind, s.source, s.published_at, s.collected_at, s.author, s.url, s.title,"
            " s.text, s.lang, s.report_count, s.status, s.services, s.providers, s.regions, s.symptoms, s.raw")
_ROWID, _ID, _PUBLISHED = 0, 1, 4


def _statements(script: str) -> Iterator[str]:
    """Split a script into whole statements (trigger bodies hold semicolons too)."""
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            yield pending.strip()
            pending = ""


def _count_rollup(rollup: dict[tuple, list[int]], tag_lists, kind: str, published: int,
                  report_count: int | None, sign: int) -> None:
    """Add (sign +1) or take back (-1) one signal's service/provider/region tags in the
    batch's net rollup deltas; each distinct value counts once, as it has one tag row."""
    bucket = published // (ROLLUP_SECONDS * 1000)
    reports = sign * (report_count or 0)
    for code, values in zip(ROLLUP_CODES, tag_lists):
        for value in (values if len(values) < 2 else dict.fromkeys(values)):
            cell = rollup.get((code, value, kind, bucket))
            if cell is None:
                rollup[(code, value, kind, bucket)] = [sign, reports]
            else:
                cell[0] += sign
                cell[1] += reports


def _tag_filters(query: Query) -> list[tuple[str, tuple[str, ...]]]:
    """(field code, values) of each tag filter of ``query``: OR within one, AND across."""
    return [(INDEXED_CODES[field], values) for field, values in (
        ("services", query.services), ("providers", query.providers), ("regions", query.regions),
        ("source_kind", query.kinds), ("source", query.sources)) if values]


def _selectivity(tag_filter: tuple[str, tuple[str, ...]]) -> int:
    """Which one-value filter walks the tags index: the one likely to match fewest signals
    (a source or service before a region or provider, a source kind last)."""
    return "osrpk".index(tag_filter[0])


def _tag_subquery(query: Query, code: str, values: tuple[str, ...]) -> tuple[str, list[Any]]:
    """The rowids tagged ``code`` = any of ``values`` within the query's time range."""
    clauses, params = _time_range(query, "published_at")
    sub = " AND ".join([f"SELECT sid FROM tags WHERE field = ? AND value IN ({','.join('?' * len(values))})", *clauses])
    return sub, [code, *values, *params]


def _time_range(query: Query, column: str) -> tuple[list[str], list[Any]]:
    """``since`` inclusive, ``until`` exclusive, on ``column`` (epoch milliseconds)."""
    clauses, params = [], []
    if query.since is not None:
        clauses.append(f"{column} >= ?")
        params.append(to_millis(query.since))
    if query.until is not None:
        clauses.append(f"{column} < ?")
        params.append(to_millis(query.until))
    return clauses, params


def _row_to_signal(row: tuple) -> Signal:
    return Signal(
        id=row[1], source_kind=row[2], source=row[3], published_at=from_millis(row[4]),
        collected_at=from_millis(row[5]) if row[5] is not None else None,
        author=row[6], url=row[7], title=row[8], text=row[9], lang=row[10], report_count=row[11], status=row[12],
        services=orjson.loads(row[13] or "[]"), providers=orjson.loads(row[14] or "[]"),
        regions=orjson.loads(row[15] or "[]"), symptoms=orjson.loads(row[16] or "[]"),
        raw=orjson.loads(row[17]) if row[17] is not None else None,
    )


def _cursor(cursor: str, size: int) -> list[Any]:
    values = decode_cursor(cursor)
    if len(values) != size:
        raise ValueError("invalid cursor: it belongs to a search with another sort order")
    return values


def _safe_highlight(fragment: str) -> str:
    """HTML-escape a snippet and turn the match markers into ``<mark>`` tags."""
    text = html.escape(fragment.replace(_ZWSP, ""), quote=True)
    return text.replace(_MARK_OPEN, "<mark>").replace(_MARK_CLOSE, "</mark>")


def _millis(value: Any) -> int | None:
    if value is None:
        return None
    return to_millis(parse_time(value))


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime):
        return to_iso(value)
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    raise TypeError(f"cannot store {type(value).__name__} in an incident")
