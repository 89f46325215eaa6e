"""A few substrings one of which a text must hold for a phrase regex to have anything to find.

The rules' phrase regexes (a look back, a past or present time, a status component's state) are
alternations of dozens of phrases wrapped in look-arounds (``(?<!\\w)(?:...)(?!\\w)``); Python's
``re`` finds no literal prefix in such a pattern and tries every alternative at every position of
the text, several µs a call, on texts that almost never hold one of the phrases. Every match of
such a regex holds the whole of one of its phrases, so it holds that phrase's longest word: a text
(lower case, as the rules read it) that contains none of those words as a substring cannot match,
and a handful of ``in`` tests (C-level searches) tells so for a fraction of the regex's cost.
Exact by construction: the gate only says "cannot match"; where it says "may", the regex decides.
"""

from __future__ import annotations

from collections.abc import Iterable

MIN_WORD = 6  # a phrase's longest word stands for it only from this length on


def keys(phrases: Iterable[str]) -> tuple[str, ...]:
    """Substrings one of which every phrase contains: each phrase's longest word (the phrase itself where
    that word is shorter than :data:`MIN_WORD`), less those that contain another key ("momento" goes where
    "moment" is a key). Pass the literal text each alternative of the regex must match."""
    chosen = set()
    for phrase in phrases:
        words = phrase.split()
        if not words:
            return ("",)  # a phrase of nothing: every text may match
        longest = max(words, key=len)
        # a short word ("now" of "as of now", "just" of "just nu") is in too many texts: the whole phrase
        chosen.add(longest if len(longest) >= MIN_WORD else phrase)
    return tuple(sorted(k for k in chosen if not any(o != k and o in k for o in chosen)))


def may_hold(text: str, needed: tuple[str, ...]) -> bool:
    """Whether ``text`` holds one of ``needed`` (:func:`keys`): False means no phrase can match."""
    for key in needed:
        if key in text:
            return True
    return False
