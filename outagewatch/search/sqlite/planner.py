"""How the SQLite store answers a search: which index drives each query shape.

- A query with words goes to the words index (:mod:`.textindex`, Tantivy): it counts the
  matches and yields the page's rowids in order (bm25 with block-max WAND for relevance,
  the time column for newest/oldest), with the filters applied inside it. Only the page's
  rows are then read from ``signals``.
- Without words, totals are counted from the tags index for one tag value, and
  newest/oldest with a one-value tag filter walk the tags index in time order, so a page
  costs its own rows, not a set of every tagged signal.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from typing import Any

import tantivy

from outagewatch.search.base import Page
from outagewatch.search.fields import row_to_signal
from outagewatch.search.query import Query
from outagewatch.search.sqlite.filters import selectivity, tag_filters, tag_subquery, time_range, where
from outagewatch.search.sqlite.schema import COLUMNS, ID, PUBLISHED, ROWID, Database, tag_key
from outagewatch.search.sqlite.text import highlight
from outagewatch.search.sqlite.textindex import TextIndex
from outagewatch.search.store import TOTAL_LIMIT, Hit

# The words index is asked for this many best hits at first (then more while ties or a
# cursor leave the page unsure); WIDE_FETCH for a ranked phrase.
FIRST_FETCH = 64
WIDE_FETCH = 4096


class Planner:
    def __init__(self, database: Database, text: TextIndex) -> None:
        self.database = database
        self.text = text

    def page(self, query: Query, after: list[Any] | None) -> Page:
        if not query.parsed.empty:
            return self.words_page(query, after)
        total = self.count(query, cap=TOTAL_LIMIT + 1)
        rows = self.time_page(query, query.effective_sort != "oldest", after)
        hits = [Hit(row_to_signal(row, 1)) for row in rows]
        return Page(hits, [[row[PUBLISHED], row[ID]] for row in rows], total)

    def words_page(self, query: Query, after: list[Any] | None) -> Page:
        """A page of a query with words, exact in its order (including ties): the words
        index yields the best ``k`` hits by score (or time); of those, only the window that
        can hold the page (see :func:`_window`) is ordered in full by (score, published_at,
        id) (or (published_at, id)) and the page taken after the cursor. When a tie may
        run past the ``k``-th hit, ``k`` grows. A time-ordered cursor is also a time bound."""
        searcher = self.text.searcher()
        ranked = query.ranks_by_relevance
        descending = ranked or query.effective_sort != "oldest"
        compiled = self.text.compile(query)
        prunable = ranked and _prunable(query)
        # Counting visits every match, which stops the best-k search from skipping: a
        # query it can skip for (words alone, ranked) is counted apart, unless a wide tie
        # makes it fetch so many hits that skipping saves little; any other is counted by
        # the same pass that finds its page.
        total = None
        if after and not ranked:
            total = searcher.search(compiled, 1, count=True).count
        if after and not ranked:
            compiled = self.text.compile(query, after_published=(after[0], descending))
        n = query.limit + 1
        # A ranked phrase pass checks the positions of every candidate whatever k is, and
        # its scores tie widely (a few dozen distinct scores over thousands of matches):
        # asking for many hits at once costs a little more than 64, a second pass twice.
        phrase = ranked and any(atom.is_phrase for group in query.parsed.all_of for atom in group)
        fetch = max(WIDE_FETCH if phrase else FIRST_FETCH, 2 * n)
        while True:
            count = total is None and (not prunable or fetch >= WIDE_FETCH)
            if ranked:
                result = searcher.search(compiled, fetch, count=count)
            else:
                result = searcher.search(compiled, fetch, count=count, order_by_field="published",
                                         order=tantivy.Order.Desc if descending else tantivy.Order.Asc)
            hits = result.hits
            if count:
                total = result.count
            exhausted = len(hits) < fetch
            primary = [key for key, _ in hits]
            window = _window(primary, n, after[0] if after else None, descending, exhausted)
            if window is not None:
                break
            # the tie group runs past the hits fetched; a group that fills most of them is
            # likely far longer (an OR of two services: thousands tie at the best score)
            group_start = bisect_left(primary, -primary[-1] if descending else primary[-1],
                                      key=(lambda v: -v) if descending else None)
            fetch *= 64 if group_start < len(primary) // 2 else 8
        if total is None:
            total = searcher.search(compiled, 1, count=True).count
        start, end = window
        addresses = [address for _, address in hits[start:end]]
        rowids = searcher.fast_field_values("rowid", addresses)
        if ranked:
            published = searcher.fast_field_values("published", addresses)
            keys = list(zip(primary[start:end], published))
        else:
            keys = [(at,) for at in primary[start:end]]
        candidates = self._with_ids(keys, rowids, after)
        candidates.sort(reverse=descending)
        if after:
            bound = tuple(after)
            candidates = [c for c in candidates if (c[:-1] < bound if descending else c[:-1] > bound)]
        page = candidates[:n]
        rows = self._rows_in_order([c[-1] for c in page])
        result = []
        parsed = query.parsed
        for row, candidate in zip(rows, page):
            hit = Hit(row_to_signal(row, 1), score=candidate[0] if ranked else None)
            if query.highlight and parsed.all_of:
                hit.highlights = [h for h in (highlight(hit.signal.title, parsed),
                                              highlight(hit.signal.text, parsed)) if h]
            result.append(hit)
        keys = [[c[0], row[PUBLISHED], row[ID]] if ranked else [row[PUBLISHED], row[ID]] for c, row in zip(page, rows)]
        return Page(result, keys, total)

    def _with_ids(self, keys: list[tuple], rowids: list[int], after: list[Any] | None) -> list[tuple]:
        """(key..., id, rowid) per hit; the id (the last tie-breaker) is read from SQLite
        only where it decides something: keys shared by several hits or by the cursor."""
        cursor_key = tuple(after[:-1]) if after else None
        if len(set(keys)) == len(keys) and cursor_key not in keys:  # the common case: no ties
            return [(*key, "", rowid) for key, rowid in zip(keys, rowids)]
        shared = Counter(keys)
        needed = [rowid for key, rowid in zip(keys, rowids) if shared[key] > 1 or key == cursor_key]
        ids: dict[int, str] = {}
        for start in range(0, len(needed), 900):
            chunk = needed[start:start + 900]
            ids.update(self.database.rows(
                f"SELECT rowid, id FROM signals WHERE rowid IN ({','.join('?' * len(chunk))})", chunk))
        return [(*key, ids.get(rowid, ""), rowid) for key, rowid in zip(keys, rowids)]

    def count(self, query: Query, cap: int | None = None) -> int:
        """Matches of ``query``, counting no further than ``cap``; each shape counts from
        the one index that answers it alone (FTS5 doclists, the tags index), not signals."""
        if not query.parsed.empty:  # the words index counts every match in a few ms
            return self.text.count(query)
        filters = tag_filters(query)
        if len(filters) == 1 and len(filters[0][1]) == 1:
            inner, params = tag_subquery(query, *filters[0])
        else:
            conditions, params = where(query)
            inner = f"SELECT 1 FROM signals s WHERE {conditions}"
        if cap is not None:
            inner += f" LIMIT {int(cap)}"
        return self.database.one(f"SELECT count(*) FROM ({inner})", params)[0]

    def _rows_in_order(self, rowids: list[int]) -> list[tuple]:
        """Full rows for ``rowids``, in their order."""
        if not rowids:
            return []
        rows = {row[ROWID]: row for row in self.database.rows(
            f"SELECT {COLUMNS} FROM signals s WHERE s.rowid IN ({','.join('?' * len(rowids))})", rowids)}
        return [rows[rowid] for rowid in rowids]

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
        clauses, driver_params = ["t.vid = ?", *clauses], [tag_key(*driver), *driver_params]
        if cursor:
            # (published_at, id) past the cursor, with published_at alone as an index bound
            clauses.append(f"t.published_at {op}= ? AND (t.published_at {op} ? OR s.id {op} ?)")
            driver_params += [cursor[0], cursor[0], cursor[1]]
        sql = (f"SELECT {COLUMNS}, NULL AS score FROM tags t CROSS JOIN signals s ON s.rowid = t.sid"
               f" WHERE {' AND '.join(clauses)} AND {conditions}"
               f" ORDER BY t.published_at {direction}, s.id {direction} LIMIT ?")
        return self.database.rows(sql, [*driver_params, *params, query.limit + 1])


def _prunable(query: Query) -> bool:
    """Whether the words index can skip while finding the best hits: words (no phrase, no
    prefix) in one OR-group, nothing excluded, no filter."""
    parsed = query.parsed
    return (len(parsed.all_of) == 1 and not parsed.none_of
            and not any(a.is_phrase or a.prefix for a in parsed.all_of[0])
            and not (query.since or query.until or query.services or query.providers or query.regions
                     or query.kinds or query.sources))


def _window(primary: list, n: int, cursor: Any, descending: bool, exhausted: bool) -> tuple[int, int] | None:
    """Which of the hits (in the engine's order of ``primary``: score, or time) can hold
    the page of ``n`` after a cursor whose primary key is ``cursor``: from the first hit
    not better than the cursor, through the whole group of hits tied with the one that
    is surely at or past the page's end. None when that group may go on past the hits
    fetched (more must be fetched); when every match was fetched, up to the last."""
    # the engine's order as ascending numbers, so bisect finds group edges in log time
    rank = (lambda v: -v) if descending else (lambda v: v)
    start = 0 if cursor is None else bisect_left(primary, rank(cursor), key=rank)
    tied = 0 if cursor is None else bisect_right(primary, rank(cursor), lo=start, key=rank) - start
    target = start + tied + n - 1  # the cursor's own tie group may be partly before the cursor
    if target >= len(primary):
        return (start, len(primary)) if exhausted else None
    end = bisect_right(primary, rank(primary[target]), lo=target, key=rank)
    if end == len(primary) and not exhausted:
        return None
    return start, end
