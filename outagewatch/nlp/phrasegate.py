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


WORDS_KEPT = 100_000  # words a Gate remembers holding none of its keys, at most


class Gate:
    """:func:`may_hold` for many keys, read word by word: a key without a space can only be inside one
    word of the text (the words joined by spaces hold no other place for it), and most words of a text
    were met before and are remembered to hold none; only the keys with a space are looked for in the
    joined text. The same answer as ``may_hold(joined, keys)``."""

    def __init__(self, needed: tuple[str, ...]) -> None:
        self.keys = needed
        self.spaced = tuple(k for k in needed if " " in k)
        self.plain = tuple(k for k in needed if " " not in k)
        self._none: set[str] = set()  # words known to hold no plain key
        self.always = "" in needed  # a phrase of nothing: every text may match

    def may_hold(self, joined: str, words: list[str]) -> bool:
        """``joined``: ``" ".join(words)``."""
        if self.always:
            return True
        for key in self.spaced:
            if key in joined:
                return True
        none = self._none
        if none.issuperset(words):
            return False
        plain = self.plain
        for word in set(words).difference(none):
            for key in plain:
                if key in word:
                    return True
            if len(none) < WORDS_KEPT:
                none.add(word)
        return False
