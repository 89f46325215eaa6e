"""How the SQLite store answers a search: which index drives each query shape.

- Totals are counted from the one index that answers alone: FTS5 doclists for words
  (tag filters checked as rowid sets), the tags index for one tag value, never a join.
- Newest/oldest with a one-value tag filter walk the tags index in time order, so a
  page costs its own rows, not a set of every tagged signal.
- Relevance: FTS5 computes bm25 for every match, but only a page's worth is joined to
  ``signals`` (see :meth:`Planner.ranked_page`).
"""

from __future__ import annotations

from typing import Any

from outagewatch.search.base import Page
from outagewatch.search.query import Query
from outagewatch.search.sqlite import text as fts
from outagewatch.search.sqlite.filters import selectivity, tag_filters, tag_subquery, time_range, where
from outagewatch.search.sqlite.schema import COLUMNS, ID, PUBLISHED, ROWID, Database
from outagewatch.search.store import TOTAL_LIMIT, Hit
from outagewatch.search.fields import row_to_signal

# Relevance pages rank this many best-scored matches in full (see ranked_page).
RANK_POOL = 10_000


class Planner:
    def __init__(self, database: Database) -> None:
        self.database = database

    def page(self, query: Query, after: list[Any] | None) -> Page:
        expression = fts.match_expression(query.parsed)
        total = self.count(query, cap=TOTAL_LIMIT + 1)
        ranked = query.ranks_by_relevance
        if ranked:
            rows = self.ranked_page(query, expression, after)
        else:
            rows = self.time_page(query, query.effective_sort != "oldest", after)
        hits = [Hit(row_to_signal(row, 1), score=(-row[-1] if row[-1] is not None else None)) for row in rows]
        if query.highlight and expression and hits:
            self._add_highlights(hits, rows, expression)
        keys = [[row[-1], row[PUBLISHED], row[ID]] if ranked else [row[PUBLISHED], row[ID]] for row in rows]
        return Page(hits, keys, total)

    def _fts_candidates(self, query: Query, expression: str) -> tuple[str, list[Any]] | None:
        """The matching rowids straight from FTS5, filters checked against rowid sets, so
        nothing is read from ``signals`` for the many matches of a common word. Only when
        every filter is a tag filter: their subqueries carry the time range themselves."""
        filters = tag_filters(query)
        if not filters and (query.since is not None or query.until is not None):
            return None
        sql, params = "FROM signals_fts WHERE signals_fts MATCH ?", [expression]
        if filters:
            # The rowids a filter allows lie between its least and greatest; FTS5 seeks to that
            # range instead of reading every match. Rowids follow ingest order, so a time range
            # usually narrows this to its own stretch of the index.
            low, high = None, None
            for code, values in filters:
                sub, sub_params = tag_subquery(query, code, values)
                lo, hi = self.database.one(f"SELECT min(sid), max(sid) FROM ({sub})", sub_params)
                if lo is None:
                    lo, hi = 1, 0  # nothing has this tag: an empty range
                low, high = max(lo, low or lo), min(hi, high if high is not None else hi)
            sql += " AND rowid >= ? AND rowid <= ?"
            params += [low, high]
        for code, values in filters:
            sub, sub_params = tag_subquery(query, code, values)
            # Unary + keeps the rowid set a plain check: offered to FTS5 as a rowid
            # constraint, it runs one full-text query per rowid (minutes, not milliseconds).
            sql += f" AND +rowid IN ({sub})"
            params += sub_params
        return sql, params

    def count(self, query: Query, cap: int | None = None) -> int:
        """Matches of ``query``, counting no further than ``cap``; each shape counts from
        the one index that answers it alone (FTS5 doclists, the tags index), not signals."""
        parsed = query.parsed
        expression = fts.match_expression(parsed)
        filters = tag_filters(query)
        candidates = self._fts_candidates(query, expression) if expression else None
        if candidates is not None:
            inner, params = f"SELECT 1 {candidates[0]}", candidates[1]
        elif not expression and not parsed.none_of and len(filters) == 1 and len(filters[0][1]) == 1:
            inner, params = tag_subquery(query, *filters[0])
        else:
            conditions, params = where(query)
            inner = f"SELECT 1 FROM signals s WHERE {conditions}"
        if cap is not None:
            inner += f" LIMIT {int(cap)}"
        return self.database.one(f"SELECT count(*) FROM ({inner})", params)[0]

    def ranked_page(self, query: Query, expression: str, cursor: list[Any] | None) -> list[tuple]:
        """One page by (bm25, published_at DESC, id DESC), plus one row to tell if more follow.

        bm25 must be computed for every match, but only a page's worth needs its signal row
        (for the tie-breakers). So FTS5 alone yields the best-scored RANK_POOL matches
        (rowid, score) through a bounded sort; of those, only the ones scoring no worse than
        the page's last score (``nth``, ties included) are joined and fully ordered. That is
        exact when ``nth`` is better than the pool's worst score (every match outside the
        pool is then worse than the whole page) or the pool holds every match. Otherwise
        (a tie wider than the pool) the page is read by joining every match."""
        n = query.limit + 1
        keyset, keyset_params = "", []
        candidates = self._fts_candidates(query, expression)
        if candidates is not None:
            source, params = candidates
            floor, after = "", ""
            if cursor:  # rows scoring better than the cursor were on earlier pages
                floor, params = f" AND {fts.RANK} >= ?", [*params, cursor[0]]
                after = " WHERE score > ?"
                keyset = " AND (f.score > ? OR (s.published_at, s.id) < (?, ?))"
                keyset_params = [cursor[0], cursor[1], cursor[2]]
            sql = (f"WITH pool AS MATERIALIZED (SELECT rowid, {fts.RANK} AS score {source}{floor}"
                   f" ORDER BY score LIMIT {RANK_POOL}),"
                   f" edge AS (SELECT (SELECT count(*) FROM pool) AS size, (SELECT max(score) FROM pool) AS worst,"
                   f" (SELECT score FROM pool{after} ORDER BY score LIMIT 1 OFFSET {n - 1}) AS nth)"
                   f" SELECT f.rowid, s.published_at, s.id, f.score, edge.size, edge.worst, edge.nth"
                   f" FROM edge CROSS JOIN pool f CROSS JOIN signals s ON s.rowid = f.rowid"
                   f" WHERE (edge.nth IS NULL OR f.score <= edge.nth){keyset}"
                   f" ORDER BY f.score, s.published_at DESC, s.id DESC LIMIT {n}")
            ranked = self.database.rows(sql, [*params, *([cursor[0]] if cursor else []), *keyset_params])
            if not ranked:
                size = self.database.one(
                    f"SELECT count(*) FROM (SELECT 1 {source}{floor} LIMIT {RANK_POOL})", params)[0]
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
        conditions, params = where(query, with_text=False)
        inner = (f"SELECT {COLUMNS}, {fts.RANK} AS score FROM signals_fts"
                 f" JOIN signals s ON s.rowid = signals_fts.rowid WHERE signals_fts MATCH ? AND {conditions}")
        sql = f"SELECT * FROM ({inner}){keyset} ORDER BY score ASC, published_at DESC, id DESC LIMIT ?"
        return self.database.rows(sql, [expression, *params, *keyset_params, n])

    def _rows_in_order(self, ranked: list[tuple]) -> list[tuple]:
        """Full rows (score last) for (rowid, published_at, id, score, ...) tuples, in their order."""
        rows = {row[ROWID]: row for row in self.database.rows(
            f"SELECT {COLUMNS} FROM signals s WHERE s.rowid IN ({','.join('?' * len(ranked))})",
            [r[0] for r in ranked])}
        return [(*rows[r[0]], r[3]) for r in ranked]

    def time_page(self, query: Query, descending: bool, cursor: list[Any] | None) -> list[tuple]:
        """One page newest (or oldest) first, plus one row to tell if more follow. With a
        one-value tag filter (a service, a region, a source kind) the tags index is walked
        in time order, so the page costs its own rows, not a set of every tagged signal."""
        op, direction = ("<", "DESC") if descending else (">", "ASC")
        driver = next(((code, values[0]) for code, values in sorted(tag_filters(query), key=selectivity)
                       if len(values) == 1), None)
        conditions, params = where(query, driver=driver)
        if driver is None:
            if cursor:
                conditions += f" AND (s.published_at, s.id) {op} (?, ?)"
                params += cursor
            sql = (f"SELECT {COLUMNS}, NULL AS score FROM signals s WHERE {conditions}"
                   f" ORDER BY s.published_at {direction}, s.id {direction} LIMIT ?")
            return self.database.rows(sql, [*params, query.limit + 1])
        clauses, driver_params = time_range(query, "t.published_at")
        clauses, driver_params = ["t.field = ?", "t.value = ?", *clauses], [*driver, *driver_params]
        if cursor:
            # (published_at, id) past the cursor, with published_at alone as an index bound
            clauses.append(f"t.published_at {op}= ? AND (t.published_at {op} ? OR s.id {op} ?)")
            driver_params += [cursor[0], cursor[0], cursor[1]]
        sql = (f"SELECT {COLUMNS}, NULL AS score FROM tags t CROSS JOIN signals s ON s.rowid = t.sid"
               f" WHERE {' AND '.join(clauses)} AND {conditions}"
               f" ORDER BY t.published_at {direction}, s.id {direction} LIMIT ?")
        return self.database.rows(sql, [*driver_params, *params, query.limit + 1])

    def _add_highlights(self, hits: list[Hit], rows: list[tuple], expression: str) -> None:
        rowids = [row[ROWID] for row in rows]
        snippets = {r[0]: (r[1], r[2]) for r in self.database.rows(fts.snippet_sql(len(rowids)), [expression, *rowids])}
        for hit, rowid in zip(hits, rowids):
            for fragment in snippets.get(rowid, ()):
                if fragment and fts.MARK_OPEN in fragment:
                    hit.highlights.append(fts.highlight(fragment))
