"""Count people, not posts.

Downdetector counts one report per user; chatter should too. One author counts once per
window however often they post; a repost (``RT @x: ...``, a Mastodon reblog, a Bluesky
repost) counts for nobody, since it repeats someone else's report; and a long text that
another author already posted (copy-pasted, a bot network) counts as that first person.
A post without an author is its own person (a feed item, a hand-made import): nothing
says who wrote it.

Short texts are never merged: "aws down?" from ten accounts is ten people.
"""

from __future__ import annotations

import re
from typing import Iterable

import numpy as np

from outagewatch.signal import Signal

NEAR_DUPLICATE_CHARS = 40
"""Normalised texts at least this long that repeat count as their first author."""

_REPOST = re.compile(r"^\s*(rt|repost(ed)?|boosted|reblogged)\s*(@|:)", re.IGNORECASE)
_URL = re.compile(r"https?://\S+|www\.\S+")
_MENTION = re.compile(r"[@#][\w.\-]+")
_NON_WORD = re.compile(r"[\W\d_]+", re.UNICODE)


def is_repost(signal: Signal) -> bool:
    if _REPOST.match(signal.text or ""):
        return True
    raw = signal.raw if isinstance(signal.raw, dict) else {}
    if raw.get("reblog") or raw.get("repost") or raw.get("is_repost") or raw.get("crosspost_parent"):
        return True
    refs = raw.get("referenced_tweets") or []
    return any(isinstance(r, dict) and r.get("type") == "retweeted" for r in refs)


def text_key(text: str) -> str:
    """The words of a text, lower-cased, without links, mentions, digits or punctuation."""
    text = _MENTION.sub(" ", _URL.sub(" ", text.lower()))
    return " ".join(_NON_WORD.sub(" ", text).split())


def person_keys(signals: Iterable[Signal]) -> list[tuple[Signal, str]]:
    """(signal, person) for every Signal that counts, oldest first; reposts are dropped."""
    owner: dict[str, str] = {}
    out: list[tuple[Signal, str]] = []
    for signal in sorted(signals, key=lambda s: (s.published_at, s.id)):
        if signal.source_kind == "social" and is_repost(signal):
            continue
        person = f"a:{signal.source.split(':', 1)[0]}:{signal.author}" if signal.author else f"s:{signal.id}"
        key = text_key(f"{signal.title or ''} {signal.text}") if signal.author else ""
        if len(key) >= NEAR_DUPLICATE_CHARS:
            person = owner.setdefault(key, person)
        out.append((signal, person))
    return out


def window_people(buckets: np.ndarray, persons: list[str], size: int, width: int) -> np.ndarray:
    """For each bucket i < size, the number of distinct persons with a post in
    ``[i - width + 1, i]``. ``buckets[k]`` is the bucket of the k-th post of ``persons[k]``."""
    diff = np.zeros(size + width + 1, dtype=np.int64)
    seen: dict[str, list[int]] = {}
    for b, p in zip(buckets.tolist(), persons):
        seen.setdefault(p, []).append(b)
    for marks in seen.values():
        marks = sorted(set(marks))
        start, end = marks[0], marks[0] + width  # covers window ends [start, end)
        for b in marks[1:]:
            if b <= end:
                end = b + width
            else:
                diff[start] += 1
                diff[end] -= 1
                start, end = b, b + width
        diff[start] += 1
        diff[min(end, len(diff) - 1)] -= 1
    return np.cumsum(diff)[:size]
