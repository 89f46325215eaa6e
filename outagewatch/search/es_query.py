"""Compile the shared query model (:mod:`outagewatch.search.query`) into Elasticsearch DSL.

The user's string is parsed by ``query.py`` and only its parsed atoms reach the engine,
as ``term``/``prefix``/``match_phrase`` clauses on the pre-split ``words`` fields: no
engine query parser (``query_string``) ever sees user text. Matching semantics equal the
SQLite store's FTS5 expression: every group must match in the title or the text, a
phrase must stand within one of them, excluded atoms must appear in neither.
"""

from __future__ import annotations

from typing import Any

from outagewatch.search.es_mapping import (
    FIELD_OF,
    ID,
    MESSAGE,
    TIMESTAMP,
    TITLE,
    WORDS_MESSAGE,
    WORDS_TITLE,
)
from outagewatch.search.base import safe_highlight
from outagewatch.search.query import Atom, Query, TextQuery
from outagewatch.timeutil import to_millis

# Private-use characters mark matches in the engine's fragment; they become <mark> tags
# only after the fragment is HTML-escaped, so the text itself can never inject markup.
MARK_OPEN, MARK_CLOSE = "\ue000", "\ue001"
TITLE_BOOST = 2.0  # as the SQLite store's bm25 weights: a word in the title counts double

FILTER_FIELDS = (("services", "services"), ("providers", "providers"), ("regions", "regions"),
                 ("kinds", "source_kind"), ("sources", "source"))


def _atom_on(atom: Atom, field: str, boost: float) -> dict[str, Any]:
    if atom.prefix:
        return {"prefix": {field: {"value": atom.words[0], "boost": boost}}}
    if atom.is_phrase:
        return {"match_phrase": {field: {"query": " ".join(atom.words), "boost": boost}}}
    return {"term": {field: {"value": atom.words[0], "boost": boost}}}


def atom_clause(atom: Atom, fields: tuple[tuple[str, float], ...] = ((WORDS_TITLE, TITLE_BOOST), (WORDS_MESSAGE, 1.0))) -> dict[str, Any]:
    should = [_atom_on(atom, field, boost) for field, boost in fields]
    return should[0] if len(should) == 1 else {"bool": {"should": should, "minimum_should_match": 1}}


def _group_clause(group: tuple[Atom, ...], fields) -> dict[str, Any]:
    clauses = [atom_clause(a, fields) for a in group]
    return clauses[0] if len(clauses) == 1 else {"bool": {"should": clauses, "minimum_should_match": 1}}


def text_clauses(text: TextQuery) -> tuple[list[dict], list[dict]]:
    """(must, must_not) clauses for the parsed text."""
    must = [_group_clause(g, ((WORDS_TITLE, TITLE_BOOST), (WORDS_MESSAGE, 1.0))) for g in text.all_of]
    must_not = [atom_clause(a) for a in text.none_of]
    return must, must_not


def filter_clauses(query: Query) -> list[dict[str, Any]]:
    filters: list[dict[str, Any]] = []
    if query.since is not None or query.until is not None:
        bounds: dict[str, Any] = {}
        if query.since is not None:
            bounds["gte"] = to_millis(query.since)
        if query.until is not None:
            bounds["lt"] = to_millis(query.until)
        filters.append({"range": {TIMESTAMP: bounds}})
    for attr, name in FILTER_FIELDS:
        values = getattr(query, attr)
        if values:
            filters.append({"terms": {FIELD_OF[name]: list(values)}})
    return filters


def compile_query(query: Query, *, with_text: bool = True) -> dict[str, Any]:
    filters = filter_clauses(query)
    must: list[dict] = []
    must_not: list[dict] = []
    if with_text:
        must, must_not = text_clauses(query.parsed)
    if not (filters or must or must_not):
        return {"match_all": {}}
    body: dict[str, Any] = {}
    if must:
        body["must"] = must
    if filters:
        body["filter"] = filters
    if must_not:
        body["must_not"] = must_not
    return {"bool": body}


def sort_clause(query: Query) -> list[dict[str, Any]]:
    if query.ranks_by_relevance:
        return [{"_score": "desc"}, {TIMESTAMP: "desc"}, {ID: "desc"}]
    order = "asc" if query.effective_sort == "oldest" else "desc"
    return [{TIMESTAMP: order}, {ID: order}]


def highlight_fragment(fragment: str) -> str:
    """An engine fragment as HTML-safe text with ``<mark>`` around the matches."""
    return safe_highlight(fragment, MARK_OPEN, MARK_CLOSE)


def highlight_clause(query: Query) -> dict[str, Any] | None:
    """Highlight the original title and text; markers become ``<mark>`` after escaping.

    The highlight query repeats the parsed atoms on the original (standard-analysed)
    fields, so the fragments show the text as written.
    """
    parsed = query.parsed
    if not (query.highlight and parsed.all_of):
        return None
    fields = {}
    for field in (TITLE, MESSAGE):
        groups = [_group_clause(g, ((field, 1.0),)) for g in parsed.all_of]
        fields[field] = {"highlight_query": {"bool": {"should": groups, "minimum_should_match": 1}}}
    return {
        "type": "unified",
        "encoder": "default",
        "pre_tags": [MARK_OPEN],
        "post_tags": [MARK_CLOSE],
        "fragment_size": 160,
        "number_of_fragments": 1,
        "no_match_size": 0,
        "fields": fields,
    }
