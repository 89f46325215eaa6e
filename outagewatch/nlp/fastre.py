"""The characters a regex's every match must hold one of, so that a text holding none is not read.

The Japanese and Korean symptom and status patterns are ~20 regexes of many alternatives, each read
over the whole of every CJK post (~2 µs a call even where nothing matches, ~40 µs a post in all).
Each alternative has a character it cannot match without ("障" of "障害", "안" of "\\s?안 ?됨"), and a
post holds only a few of them: the set of the post's characters, made once, tells which regexes
cannot match at all, and those are not run. Exact: every match holds the character of the
alternative it went through. Where some alternative has no such character for sure (only optional
items, classes with categories, inline flags), the set is None and the regex always runs. The
tokenizer's infix rules are gated the same way (:mod:`outagewatch.nlp.affixes`, which reads its
first and last characters from the same parse).

The characters are read from ``re``'s own parse of the pattern (``re._parser``, ``re._constants``:
internal modules, there since Python 3.11). A Python without them gates nothing: every regex runs,
as it would without this module, and no tag changes.
"""

from __future__ import annotations

import re

try:
    from re import _constants as C
    from re import _parser as parser
except ImportError:  # pragma: no cover - a future Python that moved them: no gates, nothing skipped
    C = parser = None

FLAGS = re.IGNORECASE | re.MULTILINE | re.DOTALL | re.VERBOSE | re.LOCALE | re.ASCII


class Unknown(Exception):
    """A construct the reading does not know: the caller assumes anything."""


def parse(pattern: str) -> list | None:
    """``re``'s parse of ``pattern`` as a list of (op, argument) items, or None where it cannot be read
    for sure: no parser in this Python, a pattern ``re`` refuses, or an inline flag (``(?i)`` makes a
    literal match other characters)."""
    if parser is None:
        return None
    try:
        parsed = parser.parse(pattern)
    except re.error:
        return None
    if parsed.state.flags & FLAGS:
        return None
    return list(parsed)


def charset(av) -> set[str]:
    """The characters of a class of literals and ranges (no negation, no categories: :class:`Unknown`)."""
    out: set[str] = set()
    for kind, value in av:
        if kind is C.LITERAL:
            out.add(chr(value))
        elif kind is C.RANGE:
            out.update(map(chr, range(value[0], value[1] + 1)))
        else:
            raise Unknown(kind)
    return out


def needs(items, smallest: bool = False) -> set[str] | None:
    """Characters one of which every match of ``items`` (a parsed sequence) holds, or None if no item
    of the sequence gives such a set for sure. Every item a match must go through gives one; which is
    taken: the first (``smallest`` false: the CJK regexes' gates as they were measured; the smallest
    would gate the connection-error regex on the particle "が", which most Japanese posts hold, not on
    "繋"/"つ" of "繋がらない") or the smallest (the tokenizer's infix rules: the one punctuation mark
    a rule needs)."""
    best = None
    for op, av in items:
        found: set[str] | None = None
        try:
            if op is C.LITERAL:
                found = {chr(av)}
            elif op is C.SUBPATTERN and not (av[1] or av[2]):  # flags turned on or off inside: not sure
                found = needs(av[-1], smallest)
            elif op is C.BRANCH:
                found = set()
                for alternative in av[1]:
                    sub = needs(alternative, smallest)
                    if sub is None:
                        found = None
                        break
                    found |= sub
            elif op is C.IN:
                found = charset(av)
            elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT) and av[0] >= 1:
                found = needs(av[2], smallest)
        except Unknown:
            found = None
        # Anything else (a look-around, an optional item, a class with categories, any character)
        # says nothing for sure: the next item may.
        if found:
            if not smallest:
                return found
            if best is None or len(found) < len(best):
                best = found
    return best


def needed_chars(pattern: str, smallest: bool = False) -> frozenset[str] | None:
    """Characters one of which every match of ``pattern`` (compiled without flags) holds, or None if
    that cannot be told for sure (see :func:`needs` for ``smallest``)."""
    items = parse(pattern)
    found = needs(items, smallest) if items is not None else None
    return frozenset(found) if found else None


def finder(needed: frozenset[str] | None) -> re.Pattern | None:
    """A regex that finds any one of ``needed`` (:func:`needed_chars`) in a text, or None where ``needed`` is None
    (anything may match): one scan in C over a class of the characters, where a test of each character in turn
    (``any(c in text for c in needed)``) scans the text once for each, 2-3 times as long on a tweet."""
    return None if needed is None else re.compile("[" + "".join(re.escape(c) for c in sorted(needed)) + "]")


def may_match(needed: frozenset[str] | None, chars: set[str]) -> bool:
    """Whether a text whose characters are ``chars`` can hold a match of a regex whose
    :func:`needed_chars` are ``needed``."""
    return needed is None or not needed.isdisjoint(chars)


def _firsts(items) -> tuple[set[str], bool]:
    """(characters a match of the parsed sequence ``items`` can start with, whether it can match nothing).
    :class:`Unknown` where that cannot be told for sure."""
    out: set[str] = set()
    for op, av in items:
        if op is C.LITERAL:
            out.add(chr(av))
            return out, False
        if op is C.IN:
            out |= charset(av)
            return out, False
        if op is C.AT or op is C.ASSERT or op is C.ASSERT_NOT:
            continue  # consumes nothing: the match's first character is the next item's
        if op is C.SUBPATTERN:
            if av[1] or av[2]:
                raise Unknown(op)  # flags turned on or off inside
            found, empty = _firsts(av[-1])
        elif op is C.BRANCH:
            found, empty = set(), False
            for alternative in av[1]:
                sub, sub_empty = _firsts(alternative)
                found |= sub
                empty = empty or sub_empty
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            found, empty = _firsts(av[2])
            empty = empty or av[0] == 0
        elif op is getattr(C, "ATOMIC_GROUP", None):
            found, empty = _firsts(av)
        else:
            raise Unknown(op)  # any character, a category, a back reference...
        out |= found
        if not empty:
            return out, False
    return out, True


def first_chars(pattern: str) -> frozenset[str] | None:
    """The characters every match of ``pattern`` (compiled without flags) starts with, or None if that
    cannot be told for sure (or a match may be empty)."""
    items = parse(pattern)
    if items is None:
        return None
    try:
        found, empty = _firsts(items)
    except Unknown:
        return None
    return None if empty or not found else frozenset(found)


def scanned(items) -> bool:
    """Whether ``re`` itself skips to where a match of the parsed pattern ``items`` (compiled without
    flags) can start: its first item (inside groups without flags) a literal, a class, or an alternation
    each of whose branches starts with a literal (CPython's ``_compile_info``: a literal or character-set
    prefix, searched for in C at a few instructions a character). Anything else, a look-ahead above all,
    makes ``re`` try the whole pattern at every position."""
    while items and items[0][0] is C.SUBPATTERN and not (items[0][1][1] or items[0][1][2]):
        items = list(items[0][1][-1])
    if not items:
        return False
    op, av = items[0]
    return op is C.LITERAL or op is C.IN or op is C.BRANCH and all(alt and alt[0][0] is C.LITERAL for alt in av[1])


def leading(pattern: str) -> str:
    """``pattern`` behind a look-ahead on the characters its matches start with (:func:`first_chars`):
    ``re`` finds no literal prefix in an alternation of dozens of phrases and tries every alternative at
    every position of the text; the look-ahead fails at once where no match can start. The same matches,
    at the same places (the look-ahead holds wherever a match starts); the pattern as it is where the
    first characters cannot be told, or where ``re`` skips to them by itself (:func:`scanned`: there the
    look-ahead, tried at every position, made a Japanese post's search twice as slow)."""
    items = parse(pattern)
    if items is not None and scanned(items):
        return pattern
    firsts = first_chars(pattern)
    if not firsts:
        return pattern
    return f"(?=[{''.join(re.escape(c) for c in sorted(firsts))}])(?:{pattern})"


def _reach(items) -> int:
    """See :func:`reach`; :class:`Unknown` where it cannot be told."""
    total = 0
    for op, av in items:
        if op in (C.LITERAL, C.NOT_LITERAL, C.IN, C.ANY):
            total += 1
        elif op is C.AT:  # "$", "\b", "\B" look at the character ahead; "^" (and "\A") at none
            total += 0 if av in (C.AT_BEGINNING, C.AT_BEGINNING_LINE, C.AT_BEGINNING_STRING) else 1
        elif op is C.SUBPATTERN:
            if av[1] or av[2]:
                raise Unknown(op)  # flags turned on or off inside
            total += _reach(av[-1])
        elif op is C.BRANCH:
            total += max(_reach(alternative) for alternative in av[1])
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            if av[1] == C.MAXREPEAT:
                raise Unknown(op)  # no bound
            total += av[1] * _reach(av[2])
        elif op is C.ASSERT or op is C.ASSERT_NOT:
            # A look-ahead reads as far as its pattern can (counted as if it were consumed: an upper bound); a
            # look-behind reads only before where it stands.
            total += _reach(av[1]) if av[0] == 1 else 0
        elif op is getattr(C, "ATOMIC_GROUP", None):
            total += _reach(av)
        else:
            raise Unknown(op)  # a back reference, a conditional...
    return total


def reach(pattern: str) -> int | None:
    """How far past where a match attempt starts matching ``pattern`` (compiled without flags) can read, at most:
    every character it consumes, looks ahead at (a look-ahead's pattern, the character after a "$" or a "\\b")
    lies within this many characters of the attempt's start. None where that cannot be told (no bound, a back
    reference, a flag)."""
    items = parse(pattern)
    if items is None:
        return None
    try:
        return _reach(items)
    except Unknown:
        return None


def _holds(items, letters: frozenset[str]) -> bool:
    """Whether every match of the parsed sequence ``items`` consumes a character of ``letters``."""
    for op, av in items:
        if op is C.LITERAL:
            found = chr(av) in letters
        elif op is C.IN:
            try:
                chars = charset(av)
            except Unknown:  # a category, a negated class
                chars = set()
            found = bool(chars) and chars <= letters
        elif op is C.SUBPATTERN:
            found = not (av[1] or av[2]) and _holds(av[-1], letters)
        elif op is C.BRANCH:
            found = all(_holds(alternative, letters) for alternative in av[1])
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            found = av[0] >= 1 and _holds(av[2], letters)
        elif op is getattr(C, "ATOMIC_GROUP", None):
            found = _holds(av, letters)
        else:  # a look-around, an anchor, any character: consumes nothing sure
            found = False
        if found:
            return True
    return False


def holds(pattern: str, letters: frozenset[str]) -> bool:
    """Whether every match of ``pattern`` (compiled without flags) holds a character of ``letters`` (False where
    that cannot be told for sure)."""
    items = parse(pattern)
    return items is not None and _holds(items, letters)


def windowed_reach(regex: re.Pattern, letters: frozenset[str]) -> int | None:
    """The :func:`reach` of ``regex`` if it is worth searching only around the runs of ``letters`` in a text
    (:func:`windows`): ``re`` tries it at every position (not :func:`scanned`), every match holds one of the
    letters (:func:`holds`), and its reach is bounded; else None (search the whole text)."""
    if regex.flags & FLAGS:
        return None
    items = parse(regex.pattern)
    if items is None or scanned(items) or not _holds(items, letters):
        return None
    return reach(regex.pattern)


def windows(runs: list[tuple[int, int]], reach: int) -> list[tuple[int, int]]:
    """The (start, end) windows of a text that hold every match of a regex of this ``reach`` whose every match
    holds a letter of ``runs`` (the text's maximal runs of such letters, in order: :func:`windowed_reach`): from
    ``reach`` before each run to ``reach`` after it, windows that meet merged into one.

    Why the matches, and only they, are found in the windows (``regex.finditer(text, start, end)`` in each): a
    match holds a letter at some index ``c`` of a run; it starts at most ``reach`` before ``c`` and reads nothing
    at or past ``c + reach`` (its reach), so it lies in the window of ``c``'s run and is found there by the same
    attempt, which reads the same characters (a look-behind sees before a window's start: ``re`` hides nothing
    before ``pos``). An attempt that succeeds inside a window is a match of the text cut at the window's end,
    which holds a letter whose window reaches ``reach`` past it, so it never read the cut: the text's match too.
    Between windows no attempt can succeed, and windows do not overlap: the same matches, in the same order."""
    found: list[tuple[int, int]] = []
    low = high = -1
    for start, end in runs:
        if high >= 0 and start - reach > high:
            found.append((low, high))
            high = -1
        if high < 0:
            low = max(start - reach, 0)
        high = end + reach
    if high >= 0:
        found.append((low, high))
    return found
