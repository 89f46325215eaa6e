"""A place said by its people: "Londoners: Uber won't load", "Münchner, geht bei euch Vodafone?", "los
madrileños sin Glovo", "Duizenden Nederlanders melden problemen".

The words come from the data, not a hand list: each country, state and big city of the markets where the
text's language is spoken (CLDR's official languages, via ``babel``), by every one-word name the
gazetteer has for it, with the suffixes that language makes people of ("-ers", "-er", "-iens", "-esi",
"-eses", "-anie", "-are", "-bor", "-liler"...), kept only where the language's own word tables (spaCy's
lemma tables) know the word and only one place makes it (:func:`outagewatch.nlp.tables.build_demonyms`,
``data/demonyms.json``). An everyday word of the language or of English is left out ("hamburger"). A
country's people named after its language are made the same way from pycountry's names of the markets'
languages ("svenska" -> "svenskar", "Español" -> "españoles", "Deutsch" -> "Deutsche"), for a language official
in one country whose name shares its first letters ("svenska" and Sverige).

Such a word is also a dish, an orchestra, an adjective ("Berliner Pfannkuchen"), so it is a place only
where it is said of people: it opens the post, alone or after an article, or a later sentence, alone
("Awaria Facebooka. Polacy nie mogą ...", "Störung bei Vodafone. Münchner, ..."), with no capitalised noun after
it ("Londoners: ...", "los madrileños sin Glovo", "Münchner, ..."), it comes before a word for customers,
users or colleagues ("Wiener Kunden"), or after a number of people ("thousands of Texans", "Duizenden
Nederlanders"). Only in a text of the language it was made for, and only on texts the prescan passes.
A country's people beside a place in it add nothing ("Danes ... in Copenhagen" is the city).
"""

from __future__ import annotations

import functools
import json
from pathlib import Path


DEMONYMS_FILE = Path(__file__).with_name("data") / "demonyms.json"

# Plural people suffixes per language, put after a place's name or its stem ("London" + "ers", "Milano" ->
# "milan" + "esi", "München" -> "münch" + "ner", "İzmir" + "liler").
SUFFIXES: dict[str, tuple[str, ...]] = {
    "en": ("ers", "ians", "ans", "ns", "ites"),
    "es": ("eños", "eses", "enses", "anos", "inos"),
    "pt": ("enses", "anos", "inos", "eiros", "ianos"),
    "it": ("esi", "ani", "ini", "ensi", "iani"),
    "fr": ("ais", "ois", "iens", "ains"),
    "de": ("er", "ner", "aner"),
    "nl": ("ers", "enaren", "naren"),
    "pl": ("anie", "ianie", "acy", "iacy", "czanie"),
    "sv": ("are", "bor", "ingar", "borna", "arna"),
    "tr": ("liler", "lılar", "lular", "lüler"),
}
# Words before which a demonym is people: customers, users, colleagues, subscribers, companies.
PEOPLE_AFTER = frozenset("""
customers users subscribers colleagues folks people friends gamers players
kunden nutzer nutzerinnen kollegen kolleginnen user leute
clientes usuarios usuários compañeros colegas amigos jugadores
clients utilisateurs abonnés collègues joueurs
utenti clienti colleghi abbonati giocatori
klanten gebruikers collega's collega abonnees spelers
klienci użytkownicy koledzy abonenci gracze
kunder användare kollegor abonnenter spelare
kullanıcılar kullanıcıları müşteriler müşterileri aboneler
""".split())
# Words for a number of people before a demonym: "thousands of Texans", "tusentals svenskar".
PEOPLE_COUNT = frozenset("""
thousands hundreds millions many tausende hunderte millionen viele miles cientos millones muchos
milhares centenas milhões muitos milliers centaines millions nombreux migliaia centinaia milioni molti
duizenden honderden miljoenen veel tysiące setki miliony wielu tusentals hundratals miljontals många
binlerce yüzlerce milyonlarca birçok for für för para pour per voor dla
""".split())
# Before a demonym that opens a post: an article or a greeting ("los madrileños", "hey Londoners").
OPENERS = frozenset("""
the hey hi yo dear los las les die der liebe i gli le os as de het hallo hola oi ciao salut kära drodzy
""".split())
CUES = PEOPLE_AFTER | PEOPLE_COUNT
SENTENCE_ENDS = frozenset({".", "!", "?", "…", ":", ";"})


@functools.lru_cache(maxsize=1)
def demonyms() -> dict[str, dict[str, str]]:
    """Language -> plural people word in lower case, as written and folded -> the ISO code of its place
    ("londoners" -> "GB-LND", "madrileños" and "madrilenos" -> "ES-M")."""
    return json.loads(DEMONYMS_FILE.read_text("utf-8")) if DEMONYMS_FILE.exists() else {}


def find(texts: list[str], lower: list[str], lang: str | None, table: dict[str, dict[str, str]]) -> \
        list[tuple[int, str]]:
    """(token index, ISO code) of each demonym said of people in the tokens of a text in ``lang``."""
    words = table.get(lang or "")
    if not words or not lower or words.keys().isdisjoint(lower):
        return []  # one C-level pass: most texts hold no people word (keys hold each word as written and folded)
    spots = []
    n = len(lower)
    # The post's first word, or a sentence's after a headline's first ("Awaria Facebooka. Polacy nie mogą ..."),
    # after an article or a greeting
    starts = [0] + [i + 1 for i in range(n - 1) if lower[i] in SENTENCE_ENDS]
    for start in starts:
        # (an article opens only the post: "... anyone else? the Londoners episode won't play" is a title)
        first = start + 1 if start == 0 and n > 1 and lower[start] in OPENERS else start
        after = first + 1
        if first < n and (after >= n or not texts[after][:1].isupper() or lower[after] in PEOPLE_AFTER):
            spots.append(first)  # not before a noun it qualifies: "Berliner Pfannkuchen", "Hamburger Hafen"
    if not CUES.isdisjoint(lower):
        spots += [i for i in range(n - 1) if lower[i + 1] in PEOPLE_AFTER]
        spots += [i for i in range(1, n) if lower[i - 1] in PEOPLE_COUNT or i > 1 and lower[i - 1] in ("of", "de", "di")
                  and lower[i - 2] in PEOPLE_COUNT]
    found = []
    for i in dict.fromkeys(spots):
        code = words.get(lower[i])
        if code and (lang not in ("en", "de", "nl", "fr") or texts[i][:1].isupper()):
            found.append((i, code))
    return found
