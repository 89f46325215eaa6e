"""A few substrings one of which a text must hold for a phrase regex to have anything to find.

The rules' phrase regexes (a look back, a past or present time, a status component's state) are
alternations of dozens of phrases wrapped in look-arounds (``(?<!\\w)(?:...)(?!\\w)``); Python's
``re`` finds no literal prefix in such a pattern and tries every alternative at every position of
the text, several µs a call, on texts that almost never hold one of the phrases. Every match of
such a regex holds the whole of one of its phrases, so it holds that phrase's longest word: a text
(lower case, as the rules read it) that contains none of those words as a substring cannot match,
and a handful of ``in`` tests (C-level searches) tells so for a fraction of the regex's cost; a
:class:`Reader` reads several sets of keys word by word, each word once.
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


WORDS_KEPT = 100_000  # words a Reader remembers, at most
SHORT_KEPT = 4  # a word without a key's letters is remembered only up to this length (not every number or link)


class Reader:
    """:func:`may_hold` for several sets of keys at once, read word by word, each text once.

    A key without a space can only be inside one word of the text (the words joined by spaces hold no
    other place for it); a key with a space holds its longest space-free part inside one word too, so that
    part stands for it, and only where a word holds it is the key itself looked for in the joined text.
    Each word's answer (which sets' keys, which spaced keys' parts it holds) is remembered, and most words
    of a text were met before holding none; the answer for the last text read is kept, as the rules ask it
    of one text several times (a past time, a look back, a present time, "again"). ``holding(joined)`` has
    bit ``1 << i`` set exactly where ``may_hold(joined, sets[i])`` is True."""

    def __init__(self, *sets: tuple[str, ...]) -> None:
        self.always = 0  # the sets holding a phrase of nothing: every text may match
        parts: dict[str, int] = {}  # each space-free key or spaced key's part: the bits it stands for
        self.spaced: list[tuple[int, str, int]] = []  # (its part's bit, the spaced key, its set's bit)
        for i, needed in enumerate(sets):
            bit = 1 << i
            for key in needed:
                if key == "":
                    self.always |= bit
                elif " " in key:
                    part_bit = 1 << (len(sets) + len(self.spaced))
                    self.spaced.append((part_bit, key, bit))
                    longest = max(key.split(" "), key=len)
                    parts[longest] = parts.get(longest, 0) | part_bit
                else:
                    parts[key] = parts.get(key, 0) | bit
        # each part by its first two letters: a new word is read by its own pairs of letters, a dict look-up
        # each, not by all the parts in turn (~140 of them: 13 µs a word)
        self.starts: dict[str, list[tuple[str, int]]] = {}
        for part, bits in parts.items():
            self.starts.setdefault(part[:2], []).append((part, bits))
        self.short = tuple((part, bits) for part, bits in parts.items() if len(part) < 2)
        # a word with none of the parts' letters holds none of them (a number, a mark): told at once, kept if short
        self.letters = frozenset("".join(parts))
        self.sets = (1 << len(sets)) - 1
        self._none: set[str] = set()  # words known to hold no part
        self._held: dict[str, int] = {}  # words known to hold some: their bits
        self._last: tuple[str | None, int] = (None, 0)  # one tuple: read and written whole

    def holding(self, joined: str, words: Iterable[str] | None = None) -> int:
        """The bits of the sets one of whose keys ``joined`` (the words joined by spaces) holds. ``words``: the
        words ``joined`` was joined from, where the caller has them: read instead of ``joined`` split again (new
        strings, each hashed anew). The same answer: a key without a space is inside a word of ``joined`` split
        at its spaces exactly where it is inside one of the words (a word holding a space holds the key in one
        of its pieces), and a spaced key is looked for in ``joined`` itself."""
        last, found = self._last
        if last == joined:
            return found
        if words is None:
            words = joined.split(" ")
        bits = 0
        none = self._none
        held, starts = self._held, self.starts
        # (no test that every word is known first: a link or a longer number, never kept, is in many texts)
        for word in set(words).difference(none):
            got = held.get(word)
            if got is None:
                if self.letters.isdisjoint(word):
                    if len(word) <= SHORT_KEPT and len(none) < WORDS_KEPT:
                        none.add(word)  # a mark, an emoji, a short number: met in nearly every text, a few thousand
                    continue
                got = 0
                for at in range(len(word) - 1):
                    for part, part_bits in starts.get(word[at:at + 2], ()):
                        if word.startswith(part, at):
                            got |= part_bits
                for part, part_bits in self.short:
                    if part in word:
                        got |= part_bits
                if not got:
                    if len(none) < WORDS_KEPT:
                        none.add(word)
                    continue
                if len(held) < WORDS_KEPT:
                    held[word] = got
            bits |= got
        found = (bits & self.sets) | self.always
        if bits > self.sets:
            for part_bit, key, bit in self.spaced:
                if bits & part_bit and not found & bit and key in joined:
                    found |= bit
        self._last = (joined, found)
        return found
