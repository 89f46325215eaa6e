"""A query's filters as SQL conditions: the part searches and aggregations share."""

from __future__ import annotations

from typing import Any

from outagewatch.search.query import Query
from outagewatch.search.sqlite.schema import INDEXED_CODES, tag_key
from outagewatch.timeutil import to_millis


def tag_filters(query: Query) -> list[tuple[str, tuple[str, ...]]]:
    """(field code, values) of each tag filter of ``query``: OR within one, AND across."""
    return [(INDEXED_CODES[field], values) for field, values in (
        ("services", query.services), ("providers", query.providers), ("regions", query.regions),
        ("source_kind", query.kinds), ("source", query.sources)) if values]


def filtered(query: Query) -> bool:
    """Whether ``query`` has a filter other than its time range (its words aside)."""
    return bool(tag_filters(query))


def keys(code: str, values: tuple[str, ...]) -> list[int]:
    """The ``tags.vid`` of each value."""
    return [tag_key(code, value) for value in values]


def selectivity(tag_filter: tuple[str, tuple[str, ...]]) -> int:
    """Which one-value filter walks the tags index: the one likely to match fewest signals
    (a source or service before a region or provider, a source kind last)."""
    return "osrpk".index(tag_filter[0])


def tag_subquery(query: Query, code: str, values: tuple[str, ...]) -> tuple[str, list[Any]]:
    """The rowids tagged ``code`` = any of ``values`` within the query's time range."""
    clauses, params = time_range(query, "published_at")
    sub = " AND ".join([f"SELECT sid FROM tags WHERE vid IN ({','.join('?' * len(values))})", *clauses])
    return sub, [*keys(code, values), *params]


def time_range(query: Query, column: str) -> tuple[list[str], list[Any]]:
    """``since`` inclusive, ``until`` exclusive, on ``column`` (epoch milliseconds)."""
    clauses, params = [], []
    if query.since is not None:
        clauses.append(f"{column} >= ?")
        params.append(to_millis(query.since))
    if query.until is not None:
        clauses.append(f"{column} < ?")
        params.append(to_millis(query.until))
    return clauses, params


def where(query: Query, *, matched: tuple[str, bool] | None = None,
          driver: tuple[str, str] | None = None) -> tuple[str, list[Any]]:
    """Conditions on ``signals s`` for the query's filters. Its words are the caller's:
    ``matched`` names a table of rowids the words index selected and whether to keep
    them (words) or leave them out (exclusions alone). Tag filters are sets of rowids
    from the tags index; when a ``driver`` (field code, value) already walks the tags
    index, that filter is left out and the others become point probes of the row's own
    (published_at, rowid)."""
    clauses, params = time_range(query, "s.published_at")
    for code, values in tag_filters(query):
        if driver is not None:
            if driver == (code, values[0]) and len(values) == 1:
                continue
            clauses.append(f"EXISTS (SELECT 1 FROM tags WHERE vid IN ({','.join('?' * len(values))})"
                           " AND published_at = s.published_at AND sid = s.rowid)")
            params += keys(code, values)
            continue
        sub, sub_params = tag_subquery(query, code, values)
        clauses.append(f"s.rowid IN ({sub})")
        params += sub_params
    if matched is not None:
        table, keep = matched
        clauses.append(f"s.rowid {'IN' if keep else 'NOT IN'} (SELECT rowid FROM {table})")
    return (" AND ".join(clauses) or "1"), params

