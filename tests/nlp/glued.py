"""Posts glued at random from given words and pieces, for tests that hold a fast reading of a post to the plain
regex's: the words (a table's names or phrases) whole and cut short, runs of spaces near and far apart, and the
pieces (Latin letters, punctuation, emoji, links) between them."""

from __future__ import annotations

import random


def glued_posts(rng: random.Random, count: int, words: list[str], pieces: list[str], *, most_parts: int,
                whole: float, longest_space: int, repeats: int = 1, joins: tuple[str, ...] = ("", " ")) -> list[str]:
    """``count`` posts of 1 to ``most_parts`` parts each: a word (``whole`` of the parts), a word cut short (the
    next tenth), a run of up to ``longest_space`` spaces (the tenth after), else a piece up to ``repeats`` times;
    the parts joined by one of ``joins``."""
    posts = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(1, most_parts)):
            roll = rng.random()
            if roll < whole:
                parts.append(rng.choice(words))
            elif roll < whole + 0.1:
                word = rng.choice(words)
                parts.append(word[:rng.randint(0, len(word))])
            elif roll < whole + 0.2:
                parts.append(" " * rng.randint(1, longest_space))
            else:
                piece = rng.choice(pieces)
                parts.append(piece * rng.randint(1, repeats) if repeats > 1 else piece)
        posts.append(rng.choice(joins).join(parts))
    return posts
