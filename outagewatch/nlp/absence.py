"""A service said to be gone: "lost Sky and Netflix streaming", "kein Netflix mehr",
"plus de Discord depuis 20h", "geen WhatsApp meer", "heel Amsterdam zonder Netflix?".

People say a service is missing, not broken; the cue is a word for losing or for "no more"
right before a service's name (any candidate name: the cue is then the evidence for it).
"""

from __future__ import annotations

import functools

# "lost" then the names (joined by "and", ",", "&"): "we lost AWS", "lost Sky and Netflix streaming".
LOSING = frozenset({"lost", "losing", "perdimos", "perdí", "perdemos", "perdi", "perdu", "perdue", "verloren"})
# "no more" before the name, and what must follow within two words when the cue alone is too common:
# "kein Netflix mehr" (mehr), "geen WhatsApp meer" (meer); "plus de Discord" is enough ("plus de" alone
# after a verb would be "more", so not after "encore", "beaucoup", "un peu").
NO_MORE = {("kein",): ("mehr",), ("keine",): ("mehr",), ("keinen",): ("mehr",), ("geen",): ("meer",),
           ("plus", "de"): (), ("plus", "d'"): ()}
# German and Dutch "kein ... mehr" also says a person gave it up ("ich schaue kein Netflix mehr"): only
# after a verb of working ("in der Schweiz geht seit heute morgen kein Teams"), or of having with "mehr"
# ("hab seit Mittag kein Teams mehr"; "ich habe kein Netflix" is a choice).
WORKING = frozenset({"geht", "gehen", "läuft", "laufen", "gaat", "werkt", "funktioniert"})
HAVING = frozenset({"gibt", "gibt's", "gibts", "hab", "habe", "haben", "hat", "is", "heb", "hebben", "heeft"})
NOT_BEFORE_PLUS = frozenset({"encore", "beaucoup", "un", "peu", "bien", "de", "le", "la", "les", "en"})
JOINERS = frozenset({"and", "&", ",", "und", "et", "y", "e", "en", "/"})
# After "lost": a person losing a thing ("lost my netflix password", "lost to Spotify in the charts").
NOT_AFTER_LOST = frozenset({"my", "our", "your", "his", "her", "their", "to", "against", "interest", "the"})


# "without" before the name, asked or said of many: "Heel Amsterdam-Zuid zonder Netflix?", "millions without
# WhatsApp", "toda Argentina sin Netflix" (not "a week without instagram was great").
WITHOUT = frozenset({"without", "zonder", "sin", "sem", "ohne", "sans", "senza", "bez", "utan"})
MANY = frozenset({"whole", "all", "millions", "thousands", "half", "entire", "heel", "hele", "halb", "ganz", "toda",
                  "todo", "todos", "todas", "miles", "millones", "milhares", "milhões", "tout", "toute", "tous",
                  "toutes", "tutta", "tutto", "tutti", "milioni", "migliaia", "cały", "cała", "całe", "tysiące",
                  "miliony", "hela", "tausende", "millionen", "duizenden", "miljoenen", "users", "customers",
                  "usuarios", "usuários", "nutzer", "kunden", "utilisateurs", "clients", "utenti", "gebruikers"})


@functools.lru_cache(maxsize=1)
def people_words() -> frozenset[str]:
    """Every language's plural people words of a place (nlp/demonyms.py's table: "bostonians", "dresdner",
    "skåningar", "lisboetas"): people of a place without a service are many ("Bostonians are learning to live
    without LinkedIn", "die Dresdner seit einer Stunde ohne flickr", "svenskar utan Flickr i en timme nu")."""
    from outagewatch.nlp import demonyms

    return frozenset(w for words in demonyms.demonyms().values() for w in words)


def absences(lowers: list[str], spans: list[tuple]) -> list[tuple[int, int, str]]:
    """(start, end, "outage") for a losing or "no more" cue right before a candidate name."""
    starts = {s: e for s, e, _ in spans}
    found = []
    for i, word in enumerate(lowers):
        if word in LOSING and i + 1 < len(lowers) and lowers[i + 1] not in NOT_AFTER_LOST:
            # the items after it, one word each or a name, joined by "and" or a comma: one is a name
            at, items = i + 1, 0
            while at < len(lowers) and items < 3:
                if at in starts:
                    found.append((i, i + 1, "outage"))
                    break
                items += 1
                at += 1
                if at < len(lowers) and lowers[at] in JOINERS:
                    at += 1
                else:
                    break
            continue
        if word in WITHOUT and i + 1 in starts:
            end = starts[i + 1]
            while end < len(lowers) and lowers[end] in JOINERS and end + 1 in starts:
                end = starts[end + 1]
            if (end < len(lowers) and lowers[end] == "?") or not MANY.isdisjoint(lowers[max(0, i - 4):i]) \
                    or not people_words().isdisjoint(lowers[max(0, i - 8):i]):
                found.append((i, i + 1, "outage"))
            continue
        for cue, after in NO_MORE.items():
            if tuple(lowers[i:i + len(cue)]) != cue:
                continue
            at = i + len(cue)
            if at not in starts:
                continue
            if cue[0] == "plus" and i and lowers[i - 1] in NOT_BEFORE_PLUS:
                continue
            end = starts[at]
            while end < len(lowers) and lowers[end] in JOINERS and end + 1 in starts:
                end = starts[end + 1]
            before = lowers[max(0, i - 6):i]
            if after and WORKING.isdisjoint(before) and not (any(w in after for w in lowers[end:end + 2])
                                                             and not HAVING.isdisjoint(before)):
                continue
            found.append((i, at, "outage"))
    return found


def cue_words() -> frozenset[str]:
    return LOSING | WITHOUT | {cue[0] for cue in NO_MORE}
