"""Telephone and mobile network operators the catalog does not list: "Optus down across Sydney",
"O2 in München komplett tot", "Tele2 mobilnät dött i Malmö", "Sem net da MEO em Lisboa".

Why: a network operator's outage is an outage (the writers label it so), but the catalog lists the
services whose status pages the project reads, not the world's ~1,300 carriers, and a hand list of
brands would stop at the ones someone saw. libphonenumber keeps, for every country, which operator
each mobile number range belongs to (the ``phonenumbers`` package's carrier table); the names there are
the operators people write about. The names are not tagged as services (they have no catalog id): the
rules read an operator named as they read a named service for relevance alone, so "down" right after
one is an outage report and a weak problem word ("problemi", "komplett tot") beside one is a problem.

Two sources, both tables of who runs which network, not lists of the brands someone saw: libphonenumber's
carrier table, and the mobile network codes (MCC/MNC) every operator is given, as Wikipedia's tables list them
with their brands (the ``mcc-mnc-p1`` package: "Telcel", "Verizon", "Iliad", "Odido", "Ziggo", "Fastweb",
"Telenet", the cable and fibre companies that hold a code for their mobile arm too).

Built by ``scripts/build_nlp_tables.py`` (:func:`build`) into ``data/operators.json``: each operator's
first word, lower case, with the form the operator writes it in (``names``). A name of three characters or fewer,
or with a digit ("O2", "MEO", "SFR", "M1"), counts only written as the operator writes it, capitals and
all ("o2" may be oxygen, Spanish "meo" a verb, "Tim" a person), and if it is a word too, only if it is
written in capitals or with a digit (Portuguese "Oi", "Sky" are left out); two letters without a digit
("EU", "UK", "GO") and an acronym frequent in English ("DNA", "GTA") never count. Of the longer names, those that are
words of the tagger's languages are left out (spaCy's lemma tables, but not the Turkish and Polish
ones, which list brands too; English by frequency, in any case: "three", "orange", "south", "cellular"),
places the tagger knows ("Okinawa", "Norfolk"), and the catalog's own names.

Those words an operator is named by ("Orange", "Vivo", "Claro", "Sky", "Three", "Free", "Spark") are kept
apart (``worded``): one counts only written with its capital and beside a word for what an operator sells
(:data:`ACCESS`: "Orange fibre", "Free mobile", "Three signal", "internet da Claro", "Netz bei Magenta"); a
word less frequent in English than :data:`tables.COMMON_PROB` ("Orange", "Vivo", "Sky") also anywhere in a
sentence that speaks of a network ("Vivo sem sinal em BH", "Orange nie ma zasięgu"), unless a comma follows
("Claro, sin señal aquí" is "of course").
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

PATH = Path(__file__).with_name("data") / "operators.json"
_WORD = re.compile(r"[^\W_][\w&+.-]*[^\W_]|[^\W_]{2,}")
_SPLIT = re.compile(r"[\s/,()]+")
# Corporate words a carrier's name can start with ("Telefonica O2" is O2 to its users; these say nothing).
# Lemma tables that list brands among their words (Turkish "vodafone", "turkcell"; Polish "kpn", "iliad").
WITH_BRANDS = ("en", "tr", "pl")
# What an operator sells, as people name it after the brand ("Orange fibre", "Sky Broadband", "Free mobile",
# "A1 mobile internet") or before it with a link ("internet da Claro", "Netz bei Vodafone", "fibra de Movistar").
ACCESS = frozenset({
    "internet", "broadband", "fibre", "fiber", "fibra", "fios", "dsl", "adsl", "vdsl", "cable", "wifi", "wi-fi",
    "signal", "network", "mobile", "data", "4g", "5g", "lte", "3g", "tv", "landline", "home", "phone", "phones",
    "señal", "red", "datos", "móvil", "movil", "réseau", "box", "fixe", "télé", "rede", "sinal", "dados", "net",
    "celular", "netz", "glasfaser", "kabel", "kabel-tv", "mobilfunk", "festnetz", "handynetz", "rete", "linea",
    "segnale", "netwerk", "glasvezel", "bereik", "sieć", "sieci", "zasięg", "zasięgu", "światłowód", "şebeke",
    "şebekesi", "interneti", "fiberi", "nät", "mobilnät", "mobilnätet", "bredband", "bredbandet", "mobil",
    "mobiel", "mobile-data", "mobilt", "dati", "donnees", "données", "4g/5g"})
LINKS = frozenset({"de", "da", "do", "del", "von", "bei", "der", "di", "della", "dell'", "van", "bij", "w", "z",
                   "från", "hos", "with", "from", "on", "via", "con", "chez", "avec", "mit", "com"})
# A sentence that speaks of a network: where a word-named operator counts anywhere (see the docstring).
NETWORK_TALK = ACCESS | frozenset({"internetu", "wlan", "empfang", "cobertura", "couverture", "copertura",
                                   "täckning", "sinyal", "bars", "modem", "router", "roteador", "calls"})
# Words so frequent they are grammar ("The", "One", "Only", "Will", "First"): never an operator, even
# beside what one sells ("The internet is down"); "Play", "Free", "Three" (-7.5, -8.0, -8.7) stay.
FUNCTION_PROB = -7.5
GENERIC = frozenset({"telecom", "telecoms", "telecommunications", "telekom", "mobile", "mobil", "movil", "telco",
                     "voip", "ipv6", "sms", "gsm", "telefonica", "telefónica", "ao", "oao", "zao", "ooo"})


def build() -> dict[str, dict[str, str]]:
    """{"names": {lower-case name: the name as the operator writes it}, "worded": {the same, for names that
    are words too: {lower: [form, "near" or "beside"]}}} from libphonenumber's carrier table and the
    mobile network codes' brands."""
    from phonenumbers.carrierdata import CARRIER_DATA

    from outagewatch.catalog import load_catalog
    from outagewatch.nlp import tables

    from mcc_mnc_lut.p1_mnc import P1_MNC

    names = [name for by_lang in CARRIER_DATA.values() for name in by_lang.values()]
    for rows in P1_MNC.values():  # each network code's brand, as Wikipedia's tables give it
        for row in rows if isinstance(rows, list) else [rows]:  # an operating network's company too ("Comcast")
            names += [row[key] for key in ("brand", "operator") if row.get(key) and (key == "brand" or row.get("ope"))]
    written: dict[str, dict[str, int]] = {}
    for name in names:
        first = _SPLIT.split(name.strip())[0]
        if _WORD.fullmatch(first) and first.isascii():
            written.setdefault(first.lower(), {}).setdefault(first, 0)
            written[first.lower()][first] += 1
    words: set[str] = set()
    for lang in tables.WORD_LANGS:
        if lang not in WITH_BRANDS:
            words |= tables._words_of(lang, set())[0]
    prob = tables._lookup("en_lexeme_prob.json.gz")
    english = {w for w, p in prob.items() if w.islower() and p > tables.FORM_ENGLISH_PROB}
    places = {word.lower() for row in json.loads((tables.DATA / "places.json").read_text("utf-8"))
              for word in (row[0], row[0].split()[0])}  # "Okinawa", and "Hong" of "Hong Kong"
    english |= set(tables._lookup("en_lemma_lookup.json.gz"))
    catalog = load_catalog()
    taken = {alias.lower() for entry in (*catalog.providers.values(), *catalog.services.values())
             for alias in (entry.name, *entry.aliases)}
    out: dict[str, str] = {}
    worded: dict[str, list[str]] = {}
    for low, forms in sorted(written.items()):
        form = max(sorted(forms), key=lambda f: forms[f])  # the most usual writing
        word = low in words or low in english or low in places
        if len(low) < 2 or low in GENERIC or low in taken or low.isdigit() or low in ACCESS:
            continue
        if word and not (_cased(form) and (form.isupper() or any(c.isdigit() for c in form))):
            if len(low) > 2 and low.isalpha() and form[0].isupper() and prob.get(low, -99.0) <= FUNCTION_PROB:
                # "Orange", "Vivo", "Sky": only capitalised, beside what an operator sells
                worded[low] = [form[0].upper() + form[1:].lower() if form.isupper() else form,
                               "beside" if prob.get(low, -99.0) > tables.COMMON_PROB or low in places else "near"]
            continue
        if _cased(form) and (len(low) < 3 and not any(c.isdigit() for c in low)
                             or max(prob.get(form, -99.0), prob.get(low, -99.0)) > tables.COMMON_PROB):
            continue  # "EU", "UK", "ID", "GO"; "DNA", "GTA", "AMD": letters every text uses
        out[low] = form
    return {"names": out, "worded": worded}


def _cased(form: str) -> bool:
    """A name that counts only written exactly so (see the module's docstring)."""
    return len(form) <= 3 or any(c.isdigit() for c in form)


def dump() -> str:
    return json.dumps(build(), ensure_ascii=False, sort_keys=True, indent=0) + "\n"


@lru_cache(maxsize=1)
def _tables() -> dict:
    return json.loads(PATH.read_text("utf-8"))


def table() -> dict[str, str]:
    return _tables()["names"]


def worded() -> dict[str, list[str]]:
    return _tables()["worded"]


@lru_cache(maxsize=1)
def keys() -> frozenset[str]:
    return frozenset(table())


@lru_cache(maxsize=1)
def all_keys() -> frozenset[str]:
    return frozenset(table()) | frozenset(worded())


SENTENCE_ENDS = frozenset({".", "!", "?", "\n", ";"})


def find(texts: list[str], lower: list[str]) -> list[int]:
    """Where the words name an operator (token indices; see the module's docstring for when a short
    name counts). One set test first: nearly no text names one."""
    if all_keys().isdisjoint(lower):
        return []
    known = table()
    said = worded()
    found = []
    for i, (text, low) in enumerate(zip(texts, lower)):
        if low in known:
            if not _cased(known[low]) or text == known[low]:
                found.append(i)
        elif low in said and text[:1].isupper() and _worded_counts(texts, lower, i, said[low][1] == "near"):
            found.append(i)
    return found


def _worded_counts(texts: list[str], lower: list[str], i: int, near: bool) -> bool:
    """An operator named by a word counts beside what an operator sells ("Orange fibre", "internet da Claro",
    "rede Vodafone"), or, for a word that is not everyday English, anywhere in a sentence about a network
    unless a comma follows it ("Vivo sem sinal" is the carrier; "Claro, sin señal aquí" a word)."""
    n = len(lower)
    if i + 1 < n and (lower[i + 1] in ACCESS or lower[i + 1].split("-")[0] in ACCESS):
        return True
    if i >= 1 and lower[i - 1] in ACCESS or i >= 2 and lower[i - 1] in LINKS and lower[i - 2] in ACCESS:
        return True
    if not near:
        return False
    start = i
    while start > 0 and lower[start - 1] not in SENTENCE_ENDS:
        start -= 1
    end = i
    while end < n and lower[end] not in SENTENCE_ENDS:
        end += 1
    return not NETWORK_TALK.isdisjoint(lower[start:end]) and not (i + 1 < n and lower[i + 1] == ",")
