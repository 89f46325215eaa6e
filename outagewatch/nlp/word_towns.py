"""Towns named like a word, read only where the text says it means the town.

The gazetteer leaves out the markets' towns whose name is a word of English or of a language read ("Tours",
"Nancy", "Mobile", "Goes", "Best", "Bra"): in most texts the word is meant. Writers who mean the town say so, as
people do when a name is also a word: "Tours la ville hein, pas mes tours de piste", "Goes de stad", "Bra la
città", "Split (yes, the city, not the dessert)", "Mobile is offline. The city, not my phone", "het dorp heet
echt Best"; and Turkish writes a case ending after an apostrophe only on a proper name ("Van'da internet yok").
``data/word_towns.json`` (``tables.build_word_towns``, placed as the gazetteer's towns are) gives each its code;
this module finds them said so. The caller asks for a text about an outage.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

from outagewatch.nlp.geo import NICKNAME_LANGUAGES

WORD_TOWNS_FILE = Path(__file__).with_name("data") / "word_towns.json"

# A word for a town, as the languages read write it: "the city", "la ville", "de stad", "şehir".
TOWN_NOUNS = frozenset("""
city town village ville città cittadina paese stad dorp stadje stadt dorf ort ciudad pueblo cidade vila
miasto miasteczko wieś miejscowość staden byn orten tätort şehir kasaba ilçe köy
""".split())
# Before such a word after the name, an article or a demonstrative ("Tours la ville", "Goes de stad", "yes, the
# city"); Turkish puts none ("Van şehir").
TOWN_ARTICLES = frozenset({"the", "a", "la", "le", "l'", "de", "het", "die", "das", "der", "el", "o", "il", "un",
                           "une", "una", "um", "uma", "ein", "eine", "een", "en", "ett", "this", "that"})
# A verb of naming between a word for a town before the name and the name: "het dorp heet echt Best".
NAMING = frozenset({"heet", "heißt", "heisst", "called", "named", "llama", "appelle", "chiama", "chama", "nazywa",
                    "heter", "adı"})
NOT_IT = frozenset({"not", "pas", "nicht", "no", "non", "niet", "nie", "inte", "não", "değil", "ni", "nor"})
REACH = 6


@functools.lru_cache(maxsize=1)
def word_towns() -> dict[str, str]:
    """A town named like a word, as written with its capital -> its ISO code ("Tours" FR-37)."""
    return json.loads(WORD_TOWNS_FILE.read_text("utf-8")) if WORD_TOWNS_FILE.exists() else {}


def find(texts: list[str], lower: list[str], lang: str | None, place_cases: frozenset[str]) -> list[tuple[int, str]]:
    """(token index, ISO code) of each town named like a word that the text says is the town: a word for a town
    after it with an article (or, in Turkish, right after it), or before it with a verb of naming, not negated
    ("not the city"); in a Turkish text also a Turkish town with a case ending after an apostrophe (``place_cases``:
    "'da", "'de"...), in lower case too ("van'da")."""
    table = word_towns()
    if not table:
        return []
    n = len(lower)
    found = []
    nouns = not TOWN_NOUNS.isdisjoint(lower)
    turkish = lang == "tr" and not place_cases.isdisjoint(lower)
    if not (nouns or turkish):
        return []
    for i, written in enumerate(texts):
        code = table.get(written) or (table.get(written.capitalize()) if turkish else None)
        if not code:
            continue
        if turkish and code.startswith("TR") and i + 1 < n and lower[i + 1] in place_cases:
            found.append((i, code))
        elif nouns and written[:1].isupper() and (lang == "en" or lang in NICKNAME_LANGUAGES.get(code[:2], ())) \
                and _said_the_town(lower, i, lang):  # (in English or its country's language: Dutch "Van de stad")
            found.append((i, code))
    return found


# What may stand between the name and "the city" after it: marks and a yes or an "is" ("Split (yes, the city",
# "Bar is a town"); anything else makes the town word another thing's ("Best of the city").
BETWEEN = frozenset({"yes", "ja", "si", "sí", "oui", "sim", "is", "es", "est", "è", "ist", "jest", "är", "yani"})


def _said_the_town(lower: list[str], i: int, lang: str | None) -> bool:
    n = len(lower)
    for j in range(i + 1, min(n, i + REACH + 1)):
        if lower[j] not in TOWN_NOUNS:
            if lower[j].isalpha() and lower[j] not in BETWEEN and lower[j] not in TOWN_ARTICLES:
                break
            continue
        article = lower[j - 1] in TOWN_ARTICLES and j - 1 > i
        if (article or lang == "tr" and j == i + 1) and not any(w in NOT_IT for w in lower[i + 1:j]):
            return True
        break
    for j in range(max(0, i - REACH), i):
        if lower[j] in TOWN_NOUNS and any(w in NAMING for w in lower[j + 1:i]):
            return True
    return False
