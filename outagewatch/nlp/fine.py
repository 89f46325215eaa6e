"""Places said to be fine in their own clause ("eu-west-1 and us-west-2 are fine for us",
"Azure Poland Central ok, ale West Europe zwraca 503", "Nuremberg and Helsinki are fine").

A writer who contrasts where the problem is with where it is not names both; the second is no
place of the problem. The clause is what decides: a place, or several joined by "and" or a
comma (a code in brackets after one belongs to it), then within a few words a fine-word from
``lexicon.PLACE_FINE`` (any supported language), then the clause ends, and nothing in that
clause is a problem or a recovery word ("us-east-1 is back to normal" is a recovery, not a
contrast). The caller drops such places only when the text names another place that stays,
so a text about one place that works again keeps it.
"""

from __future__ import annotations

from . import lexicon

# Joining places into one subject ("eu-west-1 and us-west-2", "Nuremberg, Helsinki").
JOINERS = frozenset({"and", "&", ",", "/", "und", "y", "e", "et", "i", "och", "en", "ve", "ile", "og", "ja", "or"})
# Where a clause ends: the shared breaks plus "but" in the languages the shared list lacks.
BREAKS = (lexicon.CLAUSE_BREAKS | {"ale", "ma", "maar", "men", "ama", "fakat", "ancak", "però", "perö", "mentre",
                                   "whereas", "while", "only", "solo", "nur", "alleen", "bara", "sadece",
                                   "(", ")"}) - {"-"}
NEGATED = lexicon.NEGATIONS | {"non", "nie", "niet", "inte", "değil", "not", "no", "nicht"}
GAP = 3  # words between the places and the fine-word ("are", "looks", "está tudo", "both")
TAIL = 2  # words after it before the clause ends ("for us", "qui", "here")


def _phrases() -> list[tuple[str, ...]]:
    words = {tuple(p.split()) for ps in lexicon.PLACE_FINE.values() for p in ps}
    return sorted(words, key=len, reverse=True)


PHRASES = _phrases()


def fine_places(lower: list[str], spots: list[tuple[int, int]], found: list[tuple[int, int, str, bool]]) -> set[int]:
    """Start of every place span (``spots``: start, end of names, codes, data centres) said fine in
    its own clause; ``found``: the symptom spans (start, end, symptom, ongoing)."""
    n = len(lower)
    ends: dict[int, int] = {}
    for start, end in spots:
        ends[start] = max(end, ends.get(start, end))
    starts = sorted(ends)
    bad = [(s, e) for s, e, sym, _ in found if sym in lexicon.PROBLEM_SYMPTOMS or sym == "recovered"]
    said: set[int] = set()
    for head in starts:  # every place heads a try: "AZ, eu-west-1 OK" is not one subject, "eu-west-1 OK" is
        group = [head]
        j = ends[head]
        while True:  # the places joined into one subject
            if j < n and lower[j] == "(":  # "Milano (eu-south-1)": what is in brackets belongs to it
                close = next((x for x in range(j + 1, min(n, j + 6)) if lower[x] == ")"), None)
                if close is not None:
                    group.extend(s for s in starts if j < s < close)
                    j = close + 1
                    continue
            step = j
            while step < n and lower[step] in JOINERS and step - j < 2:
                step += 1
            if step > j and step in ends:
                group.append(step)
                j = ends[step]
                continue
            break
        hit = _predicate(lower, j, ends)
        if hit is None:
            continue
        first, last = hit
        begin = group[0]
        while begin > 0 and lower[begin - 1] not in BREAKS:
            begin -= 1
        stop = last
        while stop < n and lower[stop] not in BREAKS:
            stop += 1
        if stop - last > TAIL or any(first_ < stop and end_ > begin and not (first <= first_ and end_ <= last)
                                     for first_, end_ in bad):
            continue
        said.update(group)
    return said


def _predicate(lower: list[str], j: int, ends: dict[int, int]) -> tuple[int, int] | None:
    """Where a fine-word follows the places within GAP words, no other place, break or negation between."""
    n = len(lower)
    for f in range(j, min(n, j + GAP + 1)):
        if f > j and (lower[f - 1] in BREAKS or lower[f - 1] in NEGATED or (f - 1) in ends):
            return None
        for phrase in PHRASES:
            if tuple(lower[f:f + len(phrase)]) == phrase:
                return f, f + len(phrase)
    return None
