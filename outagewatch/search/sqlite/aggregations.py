"""Counting in the SQLite store: facets, histograms, correlation's tag series, stats."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from outagewatch.search.query import Query
from outagewatch.search.sqlite.filters import filtered, tag_filters, time_range, where
from outagewatch.search.sqlite.schema import (COLUMN_FACETS, INDEXED_CODES, ROLLUP_CODES, ROLLUP_SECONDS, TAG_CODES,
                                              Database, tag_key)
from outagewatch.search.sqlite.textindex import TextIndex
from outagewatch.search.store import Bucket, StoreStats, TagBucket
from outagewatch.timeutil import from_millis, to_millis


def _tag_facet(query: Query, code: str, size: int, conditions: str, params: list) -> tuple[str, list]:
    """Top values of one tag field among the Signals of ``conditions``, value by value: the
    field's values are read from ``tag_values``, and each counts its rows in the tags
    index in the query's time range (the tag row carries its Signal's time), kept to the
    matching Signals only when the query has more than a time range. One day's facets at
    a million Signals: ~3 ms a field, where grouping every tag row of the field took ~90."""
    clauses, args = time_range(query, "t.published_at")
    if query.parsed.empty and not filtered(query):
        narrowing = ""  # a time range alone: the tag rows' own times say it all
    else:
        narrowing = f" AND t.sid IN (SELECT s.rowid FROM signals s WHERE {conditions})"
    sql = ("SELECT v.value, (SELECT count(*) FROM tags t WHERE t.vid = v.vid"
           f"{''.join(' AND ' + c for c in clauses)}{narrowing}) AS n"
           " FROM tag_values v WHERE v.field = ? ORDER BY n DESC, v.value LIMIT ?")
    # values counting 0 sort last and are dropped by the caller
    return sql, [*args, *(params if narrowing else []), code, size]


# Up to this many matching Signals, a filtered facet reads each one's values (~0.5 µs a
# Signal); past it, counting the field's tag rows in the time range costs less.
FEW_SIGNALS = 50_000


def _signals_facet(field: str, size: int, conditions: str, params: list) -> tuple[str, list]:
    """Top values of one tag field read from the matching Signals themselves: a tag list's
    JSON (each value once per Signal, as it has one tag row), or the source kind or source
    column. A service's week at a million Signals: ~13k Signals read, where its tag rows
    of the week were ~230k a field."""
    if field in TAG_CODES:
        return (f"SELECT j.value, count(DISTINCT s.rowid) AS n FROM signals s, json_each(s.{field}) j"
                f" WHERE {conditions} GROUP BY j.value ORDER BY n DESC, j.value LIMIT ?", [*params, size])
    column = {"source_kind": "source_kind", "source": "source"}[field]
    return (f"SELECT s.{column}, count(*) AS n FROM signals s WHERE {conditions}"
            f" GROUP BY s.{column} ORDER BY n DESC, s.{column} LIMIT ?", [*params, size])


class Aggregations:
    def __init__(self, database: Database, text: TextIndex) -> None:
        self.database = database
        self.text = text

    def facets(self, query: Query, fields: list[str], size: int) -> dict[str, dict[str, int]]:
        with self.text.matching(query) as matched:
            return self._facets(query, fields, size, matched)

    def _facets(self, query: Query, fields: list[str], size: int, matched: tuple[str, bool] | None) -> dict[str, dict[str, int]]:
        conditions, params = where(query, matched=matched)
        few = None  # whether few Signals match a query that has more than a time range
        if not (query.parsed.empty and not filtered(query)):
            few = self.database.one(f"SELECT count(*) FROM (SELECT 1 FROM signals s WHERE {conditions} LIMIT ?)",
                                    [*params, FEW_SIGNALS + 1])[0] <= FEW_SIGNALS
        out: dict[str, dict[str, int]] = {}
        for field in fields:
            if field in INDEXED_CODES:
                if few is not None and few:
                    sql, args = _signals_facet(field, size, conditions, params)
                else:
                    sql, args = _tag_facet(query, INDEXED_CODES[field], size, conditions, params)
            else:
                column = COLUMN_FACETS[field]
                sql = (f"SELECT s.{column}, count(*) AS n FROM signals s WHERE {conditions} AND s.{column} IS NOT NULL"
                       f" GROUP BY s.{column} ORDER BY n DESC, s.{column} LIMIT ?")
                args = [*params, size]
            out[field] = {value: n for value, n in self.database.rows(sql, args) if n}
        return out

    def histogram(self, query: Query, seconds: int, by: str | None, keys: list[str]) -> list[Bucket]:
        rolled = self._rollup_histogram(query, seconds, by, keys)
        if rolled is not None:
            return rolled
        with self.text.matching(query) as matched:
            return self._histogram(seconds, by, keys, where(query, matched=matched))

    def _rollup_histogram(self, query: Query, seconds: int, by: str | None, keys: list[str]) -> list[Bucket] | None:
        """A histogram of one service, provider or region (optionally of some source kinds,
        or split by source kind) in buckets of whole 5 minutes, from ``tag_rollup``: its
        rows already count that tag's Signals and reports per kind and 5 minutes, so the
        answer costs the tag's rollup rows in the range, not a read of each Signal (one
        service over a million Signals: ~150 ms -> a few ms). Partial 5 minutes at either end of
        the range are counted from the Signals. None when the query is not of that shape."""
        tag = [(code, values) for code, values in tag_filters(query) if code != "k"]
        if (seconds % ROLLUP_SECONDS or by not in (None, "source_kind") or not query.parsed.empty
                or len(tag) != 1 or tag[0][0] not in ROLLUP_CODES or len(tag[0][1]) != 1):
            return None
        if query.since is None and (self.database.one("SELECT min(published_at) FROM signals")[0] or 0) < 0:
            return None  # before 1970 SQL's division and the rollup's floor disagree
        width = ROLLUP_SECONDS * 1000
        step = seconds // ROLLUP_SECONDS
        low = None if query.since is None else -(-to_millis(query.since) // width)
        high = None if query.until is None else to_millis(query.until) // width
        if low is not None and high is not None and low >= high:
            return None
        kinds = set(query.kinds) if query.kinds else None
        if by is not None:
            kinds = set(keys) if kinds is None else kinds & set(keys)
        if kinds is not None and not kinds:
            return []
        clauses, params = ["field = ?", "value = ?"], [tag[0][0], tag[0][1][0]]
        if kinds is not None:
            clauses.append(f"kind IN ({','.join('?' * len(kinds))})")
            params.extend(sorted(kinds))
        if low is not None:
            clauses.append("bucket >= ?")
            params.append(low)
        if high is not None:
            clauses.append("bucket < ?")
            params.append(high)
        split = "kind" if by is not None else "NULL"
        cells: dict[tuple, list[int]] = {}
        for b, key, n, reports in self.database.rows(
                f"SELECT (bucket / {step}) * {step} * {width} AS b, {split}, sum(n), sum(reports) FROM tag_rollup"
                f" WHERE {' AND '.join(clauses)} GROUP BY b, {split}", params):
            cells[(b, key)] = [n, reports]
        edges = []
        if low is not None and low * width > to_millis(query.since):
            edges.append(replace(query, until=from_millis(low * width)))
        if high is not None and high * width < to_millis(query.until):
            edges.append(replace(query, since=from_millis(high * width)))
        for edge in edges:
            for bucket in self._histogram(seconds, by, keys, where(edge)):
                cell = cells.setdefault((to_millis(bucket.start), bucket.key), [0, 0])
                cell[0] += bucket.count
                cell[1] += bucket.reports
        return [Bucket(from_millis(b), key, n, int(reports))
                for (b, key), (n, reports) in sorted(cells.items(), key=lambda c: (c[0][0], c[0][1] or "")) if n]

    def _histogram(self, seconds: int, by: str | None, keys: list[str], condition: tuple[str, list]) -> list[Bucket]:
        width = seconds * 1000
        conditions, params = condition
        bucket = f"(s.published_at / {width}) * {width} AS b"
        sums = "count(*), coalesce(sum(s.report_count), 0)"
        if by is None:
            sql = f"SELECT {bucket}, NULL, {sums} FROM signals s WHERE {conditions} GROUP BY b ORDER BY b"
            args = params
        elif by in INDEXED_CODES:
            # The tag row carries its Signal's time: matching it lets the index walk only the
            # query's time range of that tag, not every Signal's tag row (1M at 1M Signals).
            code = INDEXED_CODES[by]
            named = {tag_key(code, key): key for key in keys}
            sql = (f"SELECT {bucket}, t.vid, {sums} FROM signals s JOIN tags t"
                   f" ON t.published_at = s.published_at AND t.sid = s.rowid"
                   f" WHERE {conditions} AND t.vid IN ({','.join('?' * len(named))}) GROUP BY b, t.vid")
            rows = self.database.rows(sql, [*params, *named])
            return sorted((Bucket(from_millis(b), named[vid], n, int(reports)) for b, vid, n, reports in rows),
                          key=lambda bucket: (bucket.start, bucket.key))
        else:
            column = COLUMN_FACETS[by]
            sql = (f"SELECT {bucket}, s.{column}, {sums} FROM signals s"
                   f" WHERE {conditions} AND s.{column} IN ({','.join('?' * len(keys))})"
                   f" GROUP BY b, s.{column} ORDER BY b, s.{column}")
            args = [*params, *keys]
        return [Bucket(from_millis(b), key, n, int(reports)) for b, key, n, reports in self.database.rows(sql, args)]

    def tag_histogram(self, query: Query, seconds: int, fields: list[str]) -> list[TagBucket]:
        """Whole 5-minute rollup buckets come from ``tag_rollup``; a partial bucket at either
        end of the range (a replay's "now" falls inside one) is counted from the tags."""
        codes = {TAG_CODES[f]: f for f in fields}
        if seconds % ROLLUP_SECONDS:
            return self._tag_histogram_scan(query, seconds, codes)
        width = ROLLUP_SECONDS * 1000
        low = None if query.since is None else -(-to_millis(query.since) // width)
        high = None if query.until is None else to_millis(query.until) // width
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
        rows = self.database.rows(sql, params)
        times = {b: from_millis(b) for b in {row[2] for row in rows}}  # few distinct buckets, many cells
        edges = []
        if low is not None and low * width > to_millis(query.since):
            edges.append(replace(query, until=from_millis(low * width)))
        if high is not None and high * width < to_millis(query.until):
            edges.append(replace(query, since=from_millis(high * width)))
        if not edges:
            return [TagBucket(times[b], codes[f], v, k, n, r) for f, v, b, k, n, r in rows]
        cells: dict[tuple, list[int]] = {}
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
        clauses, params = [f"v.field IN ({','.join('?' * len(codes))})"], list(codes)
        if query.since is not None:
            clauses.append("t.published_at >= ?")
            params.append(to_millis(query.since))
        if query.until is not None:
            clauses.append("t.published_at < ?")
            params.append(to_millis(query.until))
        if query.kinds:
            clauses.append(f"s.source_kind IN ({','.join('?' * len(query.kinds))})")
            params.extend(query.kinds)
        sql = (f"SELECT v.field, v.value, (t.published_at / {width}) * {width} AS b, s.source_kind, count(*),"
               f" coalesce(sum(s.report_count), 0) FROM tag_values v JOIN tags t ON t.vid = v.vid"
               f" JOIN signals s ON s.rowid = t.sid"
               f" WHERE {' AND '.join(clauses)} GROUP BY v.field, v.value, b, s.source_kind")
        rows = self.database.rows(sql, params)
        if raw:
            return rows
        return [TagBucket(from_millis(b), codes[f], v, k, n, int(r)) for f, v, b, k, n, r in rows]

    def stats(self, backend: str) -> StoreStats:
        database = self.database
        with database.lock:
            total = database.one("SELECT count(*) FROM signals")[0]
            by_kind, by_source, by_service = ({value: n for value, n in database.rows(
                "SELECT v.value, (SELECT count(*) FROM tags t WHERE t.vid = v.vid) AS n FROM tag_values v"
                f" WHERE v.field = ? ORDER BY n DESC{order}", (code,)) if n}
                for code, order in (("k", ", v.value"), ("o", ", v.value LIMIT 50"), ("s", " LIMIT 50")))
            first, last = database.one("SELECT min(published_at), max(published_at) FROM signals")
        path = database.path
        size = None
        if str(path) != ":memory:":
            size = sum(p.stat().st_size for p in (path, Path(f"{path}-wal")) if p.exists())
        return StoreStats(total, by_kind, by_source, by_service,
                          from_millis(first) if first is not None else None,
                          from_millis(last) if last is not None else None,
                          size, backend, str(path))
