"""The tokenizer's prefix, suffix and infix rules, each tried only where it can match.

spaCy's tokenizer splits every new piece of text (every link, number and word it has not met
before) with three regexes of ~80 alternatives each: a prefix (``^``-anchored), a suffix
(``$``-anchored) and the infixes (anywhere). The suffix regex is tried at every position of the
piece, and two of its alternatives carry look-behinds over classes of thousands of letters: ~2.6 µs
a piece, the infix regex as much again, together a third of the tokenizer's time on outage chatter
(numbers, links and serials are new pieces every time).

Which alternatives can match at all is told by one character. A suffix match ends where the piece
ends, so its last character is the piece's last (``"4821"`` ends in a digit, which no suffix rule
ends with: nothing to try); a prefix match starts with the piece's first. Each alternative's
possible first and last characters are read from ``re``'s own parse of it (look-arounds and
anchors consume none); a piece is tried against a regex of the alternatives, in their order,
whose edge characters hold its own (compiled once per such subset, remembered per character).
The alternatives left out cannot match the piece, so the leftmost match, and which alternative
makes it, are those of the whole regex: the same splits, the same tokens. An infix match holds
one character of a set each alternative needs ("." of ``\\.\\.+``, "-" or "~" of the hyphens); a
piece holding none of them has no infix, and is not read.

Wherever that cannot be told for sure (an alternative that may match nothing, a class with
categories, inline flags, a ``$`` before a final newline) the whole regex runs, as before. Each
searcher's ``pattern`` is the whole regex's, which is what spaCy writes when it saves a tokenizer.
The parse is :mod:`outagewatch.nlp.fastre`'s (which also tells the characters an infix rule
needs): a Python without ``re``'s internal parser reads nothing, and every rule runs whole.
"""

from __future__ import annotations

import functools
import re
from typing import Any, Callable, Iterable, cast

from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

from outagewatch.nlp.fastre import C, Unknown, charset, needed_chars, parse

_MEMORY = 20_000  # characters remembered (each maps to one of a few compiled subsets)


def _edge_item(op, av, last: bool) -> tuple[set[str], bool]:
    """(the characters a match of this item can start, or end, with; whether it can match nothing)."""
    if op is C.LITERAL:
        return {chr(av)}, False
    if op is C.IN:
        return charset(av), False
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):  # anchors and look-arounds consume nothing
        return set(), True
    if op is C.BRANCH:
        chars: set[str] = set()
        empty = False
        for alternative in av[1]:
            found, none = _edge(alternative, last)
            chars |= found
            empty |= none
        return chars, empty
    if op is C.SUBPATTERN:
        if av[1] or av[2]:  # flags turned on or off inside
            raise Unknown(op)
        return _edge(av[-1], last)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        low, high, item = av
        if high == 0:
            return set(), True
        found, none = _edge(item, last)
        return found, none or low == 0
    raise Unknown(op)


def _edge(items, last: bool) -> tuple[set[str], bool]:
    chars: set[str] = set()
    for op, av in (reversed(list(items)) if last else items):
        found, none = _edge_item(op, av, last)
        chars |= found
        if not none:
            return chars, False
    return chars, True


def edge_chars(expression: str, last: bool) -> frozenset[str] | None:
    """The characters every match of ``expression`` (a rule with its anchor: ``piece + "$"``,
    ``"^" + piece``) ends (``last``) or starts with, or None when that cannot be told: a part the
    reading does not know, an alternative that may match nothing or is not anchored."""
    items = parse(expression)  # None: no parser in this Python, or a flag
    if items is None:
        return None
    anchor = (C.AT, C.AT_END if last else C.AT_BEGINNING)
    try:
        alternatives = items[0][1][1] if len(items) == 1 and items[0][0] is C.BRANCH else [items]
        chars: set[str] = set()
        for alternative in alternatives:
            alternative = list(alternative)
            if not alternative or alternative[-1 if last else 0] != anchor:
                return None
            found, none = _edge(alternative[:-1] if last else alternative[1:], last)
            if none:
                return None
            chars |= found
        return frozenset(chars)
    except Unknown:
        return None


class _ByEdge:
    """``search`` of a prefix or suffix regex, trying only the alternatives whose first (last)
    character can be the text's first (last)."""

    def __init__(self, pieces: Iterable[str], compile_: Callable, last: bool):
        self.pieces = [p for p in pieces if p.strip()]  # what spaCy's compile_*_regex keeps
        self._compile = compile_
        self._whole: re.Pattern | None = None
        self._last = last
        anchored = (lambda p: p + "$") if last else (lambda p: "^" + p)
        self._edges = [edge_chars(anchored(p), last) for p in self.pieces]
        if None in self._edges:  # perhaps an inline flag, which holds for every alternative after it
            self._edges = [None] * len(self.pieces)
        self._by_char: dict[str, Callable | None] = {}
        self._by_subset: dict[tuple[int, ...], Callable | None] = {}

    @property
    def whole(self) -> re.Pattern:
        """The whole regex, compiled when first needed (most pieces never need it)."""
        whole = self._whole
        if whole is None:
            whole = self._whole = self._compile(self.pieces)
        return whole

    @property
    def pattern(self) -> str:
        return self.whole.pattern

    def _for(self, char: str) -> Callable | None:
        subset = tuple(i for i, edge in enumerate(self._edges) if edge is None or char in edge)
        found: Any = self._by_subset.get(subset, self)  # (self: not compiled yet)
        if found is self:
            found = self._by_subset[subset] = \
                self._compile([self.pieces[i] for i in subset]).search if subset else None
        if len(self._by_char) >= _MEMORY:
            self._by_char.clear()
        self._by_char[char] = found
        return found

    def search(self, text: str):
        char = text[-1:] if self._last else text[:1]
        if self._last and char == "\n":  # "$" also matches before a final newline
            return self.whole.search(text)
        found: Any = self._by_char.get(char, self)  # (self: not met yet)
        if found is self:
            found = self._for(char)
        return None if found is None else found(text)


# Read once per process for the same rules (the tagger and the relevance model each make a pipeline).
@functools.lru_cache(maxsize=8)
def _suffixes(pieces: tuple[str, ...]) -> "_ByEdge":
    return _ByEdge(pieces, compile_suffix_regex, last=True)


@functools.lru_cache(maxsize=8)
def _prefixes(pieces: tuple[str, ...]) -> "_ByEdge":
    return _ByEdge(pieces, compile_prefix_regex, last=False)


@functools.lru_cache(maxsize=8)
def _infixes(pieces: tuple[str, ...]) -> "Infixes":
    return Infixes(pieces)


def suffixes(pieces: Iterable[str]) -> "_ByEdge":
    """The suffix rules as ``compile_suffix_regex`` joins them; its ``search`` is the tokenizer's
    ``suffix_search``."""
    return _suffixes(tuple(pieces))


def prefixes(pieces: Iterable[str]) -> "_ByEdge":
    """The prefix rules as ``compile_prefix_regex`` joins them; ``search`` is ``prefix_search``."""
    return _prefixes(tuple(pieces))


def infixes(pieces: Iterable[str]) -> "Infixes":
    """The infix rules as ``compile_infix_regex`` joins them; ``finditer`` is ``infix_finditer``."""
    return _infixes(tuple(pieces))


class Needing:
    """``match`` of a regex (the tokenizer's URL rule) that reads only a piece holding a character its every
    match holds (:func:`~outagewatch.nlp.fastre.needed_chars`): the URL rule needs a ".", and spaCy tries it on
    every new piece its affix rules leave (numbers, serials, words: ~0.9 µs each, three in four without a dot).
    ``pattern`` is the regex's, which is what spaCy writes when it saves a tokenizer; the regex as it is where
    no such character can be told."""

    def __init__(self, regex: re.Pattern):
        self.regex = regex
        self.pattern = regex.pattern
        needed = needed_chars(regex.pattern, smallest=True)
        self._needed = next(iter(needed)) if needed and len(needed) == 1 else None
        self._all = needed

    def match(self, text: str):
        if self._needed is not None:
            return self.regex.match(text) if self._needed in text else None
        if self._all is not None and self._all.isdisjoint(text):
            return None
        return self.regex.match(text)


class Infixes:
    """``finditer`` of the infix regex, which reads only a piece holding a character some
    alternative needs."""

    def __init__(self, pieces: Iterable[str]):
        self.pieces = [p for p in pieces if p.strip()]
        self.whole = compile_infix_regex(self.pieces)
        self.pattern = self.whole.pattern
        needs = [needed_chars(p, smallest=True) for p in self.pieces]
        self.needed = None if None in needs else frozenset().union(*cast("list[frozenset[str]]", needs))

    def finditer(self, text: str):
        if self.needed is not None and self.needed.isdisjoint(text):
            return ()
        return self.whole.finditer(text)
