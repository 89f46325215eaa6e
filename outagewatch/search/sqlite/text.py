"""The full-text side of the SQLite store: FTS5's indexed form, its MATCH expressions and
its snippets.

CJK characters are indexed one by one (separated by U+200B, invisible in snippets), the
way :func:`outagewatch.search.query.words_of` splits them and the Elasticsearch store
indexes them, so both backends find the same hits.
"""

from __future__ import annotations

import re

from outagewatch.search.base import safe_highlight
from outagewatch.search.query import CJK_CHARS, Atom, TextQuery

_CJK_RUN = re.compile(f"([{CJK_CHARS}])")
_ZWSP = "\u200b"
MARK_OPEN, MARK_CLOSE = "\x02", "\x03"
SNIPPET_TOKENS = 24
# bm25 weights of (title, text): a word in the title counts double, as in Elasticsearch.
RANK = "bm25(signals_fts, 2.0, 1.0)"


def indexed_form(text: str | None) -> str:
    if not text:
        return ""
    if _CJK_RUN.search(text) is None:  # most text has no CJK; skip the costlier sub
        return text
    return _CJK_RUN.sub(_ZWSP + r"\1" + _ZWSP, text)


def atom_expression(atom: Atom) -> str:
    phrase = " ".join(atom.words)
    quoted = '"' + phrase.replace('"', '""') + '"'
    return quoted + "*" if atom.prefix else quoted


def match_expression(text: TextQuery) -> str | None:
    """Compile the parsed query to an FTS5 MATCH string; every word is quoted."""
    groups = []
    for group in text.all_of:
        parts = [atom_expression(a) for a in group]
        groups.append(parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")")
    if not groups:
        return None
    expression = " AND ".join(groups)
    if text.none_of:
        expression = f"({expression}) NOT ({excluded_expression(text)})"
    return expression


def excluded_expression(text: TextQuery) -> str:
    return " OR ".join(atom_expression(a) for a in text.none_of)


def snippet_sql(rowid_count: int) -> str:
    return (f"SELECT rowid, snippet(signals_fts, 0, '{MARK_OPEN}', '{MARK_CLOSE}', '…', {SNIPPET_TOKENS}),"
            f" snippet(signals_fts, 1, '{MARK_OPEN}', '{MARK_CLOSE}', '…', {SNIPPET_TOKENS})"
            f" FROM signals_fts WHERE signals_fts MATCH ? AND rowid IN ({','.join('?' * rowid_count)})")


def highlight(fragment: str) -> str:
    return safe_highlight(fragment.replace(_ZWSP, ""), MARK_OPEN, MARK_CLOSE)
