"""The characters a regex's every match must hold one of, so that a text holding none is not read.

The Japanese and Korean symptom and status patterns are ~20 regexes of many alternatives, each read
over the whole of every CJK post (~2 µs a call even where nothing matches, ~40 µs a post in all).
Each alternative has a character it cannot match without ("障" of "障害", "안" of "\\s?안 ?됨"), and a
post holds only a few of them: the set of the post's characters, made once, tells which regexes
cannot match at all, and those are not run. Exact: every match holds the character of the
alternative it went through. Where some alternative has no such character for sure (only optional
items, classes with ranges or categories), the set is None and the regex always runs.
"""

from __future__ import annotations

from re import _constants as C
from re import _parser as parser


def _needs(items) -> set[str] | None:
    """Characters one of which every match of ``items`` (a parsed sequence) holds, or None if no
    item of the sequence gives such a set for sure. One mandatory item is enough: the first that gives one."""
    for op, av in items:
        if op is C.LITERAL:
            return {chr(av)}
        found: set[str] | None = None
        if op is C.SUBPATTERN:
            found = _needs(av[-1])
        elif op is C.BRANCH:
            found = set()
            for alternative in av[1]:
                sub = _needs(alternative)
                if sub is None:
                    found = None
                    break
                found |= sub
        elif op is C.IN:
            if all(kind is C.LITERAL for kind, _ in av):
                found = {chr(value) for _, value in av}
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT) and av[0] >= 1:
            found = _needs(av[2])
        # Anything else (a look-around, an optional item, a class with ranges or categories, any
        # character) says nothing for sure: the next item may.
        if found:
            return found
    return None


def needed_chars(pattern: str) -> frozenset[str] | None:
    """Characters one of which every match of ``pattern`` (compiled without flags) holds, or None if
    that cannot be told for sure."""
    found = _needs(parser.parse(pattern))
    return frozenset(found) if found else None


def may_match(needed: frozenset[str] | None, chars: set[str]) -> bool:
    """Whether a text whose characters are ``chars`` can hold a match of a regex whose
    :func:`needed_chars` are ``needed``."""
    return needed is None or not needed.isdisjoint(chars)
