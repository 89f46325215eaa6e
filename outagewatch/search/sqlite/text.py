"""Highlights for the SQLite store: the page's hits marked where the query's words are.

The words index (:mod:`.textindex`) keeps no text, so fragments are cut here from the
Signal itself, with the same word splitting the index uses
(:data:`outagewatch.search.query.WORD`): a word, each word of a phrase standing in order,
or a word starting with a prefix is marked. Text outside the marks is HTML-escaped, so
a fragment can be inserted as is anywhere.
"""

from __future__ import annotations

import html

from outagewatch.search.query import WORD, TextQuery

SNIPPET_TOKENS = 24  # words in a fragment, as FTS5's snippet() took before
LEAD_TOKENS = 3  # words shown before the first match


def highlight(text: str | None, parsed: TextQuery) -> str | None:
    """One HTML-safe fragment of ``text`` with ``<mark>`` around each matched word; None
    when nothing in it matches."""
    if not text:
        return None
    tokens = [(m.start(), m.end(), m.group().lower()) for m in WORD.finditer(text)]
    words = [t[2] for t in tokens]
    spans: dict[int, int] = {}  # first word -> last word of each match; a phrase is one span
    for atom in parsed.positive_atoms:
        size = len(atom.words)
        for i in range(len(words) - size + 1):
            if atom.prefix:
                if words[i].startswith(atom.words[0]):
                    spans[i] = max(spans.get(i, i), i)
            elif words[i] == atom.words[0] and tuple(words[i:i + size]) == atom.words:
                spans[i] = max(spans.get(i, i), i + size - 1)
    if not spans:
        return None
    start = 0
    if len(tokens) > SNIPPET_TOKENS:
        start = max(0, min(min(spans) - LEAD_TOKENS, len(tokens) - SNIPPET_TOKENS))
    end = min(len(tokens), start + SNIPPET_TOKENS)
    window_begin = tokens[start][0] if start else 0
    window_end = tokens[end - 1][1] if end < len(tokens) else len(text)
    out = ["…"] if start else []
    position = window_begin
    first = start
    for i in sorted(spans):
        if i < first or i >= end:
            continue  # before the window, or inside a span already marked
        last = min(spans[i], end - 1)
        out.append(html.escape(text[position:tokens[i][0]], quote=True))
        out.append(f"<mark>{html.escape(text[tokens[i][0]:tokens[last][1]], quote=True)}</mark>")
        position = tokens[last][1]
        first = last + 1
    out.append(html.escape(text[position:window_end], quote=True))
    if end < len(tokens):
        out.append("…")
    return "".join(out)
