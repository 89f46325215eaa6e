"""Names typed one edit off, and what the dictionaries say about a name's words.

"githib down?", "discrod voice keeps cutting out", "instagarm won't load": people type big
names fast. A word one edit from a catalog name of six letters or more (Damerau: a letter
dropped, added, changed, or two neighbours swapped; the first letter kept, which people
rarely miss) may be that name. It is taken only where its sentence says something is wrong
or back (the complaint is the evidence the writer meant a service), and never when the
word is a word of the text's language or of English ("stride" is not "stripe", "discard"
not "discord", "goggle" not "google"): ``data/name_words.json`` lists, per language, the
dictionary words one edit from a name (built by ``scripts/build_nlp_tables.py`` from
spaCy's lemma tables, so the tagger never loads a dictionary).

The same file says in which languages other than English an everyday-word name is a word:
"steam" is a word only in English, "square" in French and Dutch too, so in a Polish or
German text "steam" or "twitch" can only be the brand (``resolve`` uses it, for names of five
letters or more, lower case or capitalised unless the name is also a person's, "Claude").
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).with_name("data") / "name_words.json"
MIN_NAME = 6  # shorter names have too many real words one edit away ("slack", "steam", "zoom")


def deletions(word: str) -> set[str]:
    return {word[:k] + word[k + 1:] for k in range(len(word))}


def index(names) -> dict[str, tuple[str, ...]]:
    """Each name and each name less one letter -> the names (the look-up key of a one-edit search:
    two words one edit apart share a key, whichever edit it was)."""
    out: dict[str, set[str]] = {}
    for name in names:
        for key in deletions(name) | {name}:
            out.setdefault(key, set()).add(name)
    return {key: tuple(sorted(found)) for key, found in out.items()}


def one_edit(a: str, b: str) -> bool:
    """Exactly one Damerau edit apart (optimal string alignment distance 1)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [k for k in range(len(a)) if a[k] != b[k]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    k = next((k for k in range(len(short)) if short[k] != long_[k]), len(short))
    return short[k:] == long_[k + 1:]


def nearest(word: str, table: dict[str, tuple[str, ...]]) -> list[str]:
    """The names one edit from ``word``, the first letter kept."""
    found: set[str] = set()
    for key in deletions(word) | {word}:
        found.update(table.get(key, ()))
    return sorted(name for name in found if name[:1] == word[:1] and one_edit(word, name))


@lru_cache(maxsize=1)
def name_words() -> dict[str, dict[str, list[str]]]:
    return json.loads(DATA.read_text("utf-8")) if DATA.exists() else {"lookalikes": {}, "everyday": {}}


def lookalikes() -> dict[str, frozenset[str]]:
    return {lang: frozenset(words) for lang, words in name_words()["lookalikes"].items()}


def proper_names() -> frozenset[str]:
    """Everyday-word names that are a person's or a place's name too ("Claude"): a capital is no sign."""
    return frozenset(name_words().get("proper", ()))


def everyday_languages() -> dict[str, frozenset[str]]:
    """Everyday-word name -> the languages besides English where it is a word."""
    return {name: frozenset(langs) for name, langs in name_words()["everyday"].items()}
