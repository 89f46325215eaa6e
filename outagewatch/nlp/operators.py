"""Telephone and mobile network operators the catalog does not list: "Optus down across Sydney",
"O2 in München komplett tot", "Tele2 mobilnät dött i Malmö", "Sem net da MEO em Lisboa".

Why: a network operator's outage is an outage (the writers label it so), but the catalog lists the
services whose status pages the project reads, not the world's ~1,300 carriers, and a hand list of
brands would stop at the ones someone saw. libphonenumber keeps, for every country, which operator
each mobile number range belongs to (the ``phonenumbers`` package's carrier table); the names there are
the operators people write about. The names are not tagged as services (they have no catalog id): the
rules read an operator named as they read a named service for relevance alone, so "down" right after
one is an outage report and a weak problem word ("problemi", "komplett tot") beside one is a problem.

Built by ``scripts/build_nlp_tables.py`` (:func:`build`) into ``data/operators.json``: each operator's
first word, lower case, with the form the operator writes it in. A name of three characters or fewer,
or with a digit ("O2", "MEO", "SFR", "M1"), counts only written as the operator writes it, capitals and
all ("o2" may be oxygen, Spanish "meo" a verb, "Tim" a person), and if it is a word too, only if it is
written in capitals or with a digit (Portuguese "Oi", "Sky" are left out); two letters without a digit
("EU", "UK", "GO") and an acronym frequent in English ("DNA", "GTA") never count. Of the longer names, those that are
words of the tagger's languages are left out (spaCy's lemma tables, but not the Turkish and Polish
ones, which list brands too; English by frequency, in any case: "three", "orange", "south", "cellular"),
places the tagger knows ("Okinawa", "Norfolk"), and the catalog's own names.
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
GENERIC = frozenset({"telecom", "telecoms", "telecommunications", "telekom", "mobile", "mobil", "movil", "telco",
                     "voip", "ipv6", "sms", "gsm", "telefonica", "telefónica", "ao", "oao", "zao", "ooo"})


def build() -> dict[str, str]:
    """{lower-case name: the name as the operator writes it} from libphonenumber's carrier table."""
    from phonenumbers.carrierdata import CARRIER_DATA

    from outagewatch.catalog import load_catalog
    from outagewatch.nlp import tables

    written: dict[str, dict[str, int]] = {}
    for by_lang in CARRIER_DATA.values():
        for name in by_lang.values():
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
    out = {}
    for low, forms in sorted(written.items()):
        form = max(sorted(forms), key=lambda f: forms[f])  # the most usual writing
        word = low in words or low in english or low in places
        if len(low) < 2 or low in GENERIC or low in taken or low.isdigit() or word and not (
                _cased(form) and (form.isupper() or any(c.isdigit() for c in form))):
            continue
        if _cased(form) and (len(low) < 3 and not any(c.isdigit() for c in low)
                             or max(prob.get(form, -99.0), prob.get(low, -99.0)) > tables.COMMON_PROB):
            continue  # "EU", "UK", "ID", "GO"; "DNA", "GTA", "AMD": letters every text uses
        out[low] = form
    return out


def _cased(form: str) -> bool:
    """A name that counts only written exactly so (see the module's docstring)."""
    return len(form) <= 3 or any(c.isdigit() for c in form)


def dump() -> str:
    return json.dumps(build(), ensure_ascii=False, sort_keys=True, indent=0) + "\n"


@lru_cache(maxsize=1)
def table() -> dict[str, str]:
    return json.loads(PATH.read_text("utf-8"))


@lru_cache(maxsize=1)
def keys() -> frozenset[str]:
    return frozenset(table())


def find(texts: list[str], lower: list[str]) -> list[int]:
    """Where the words name an operator (token indices; see the module's docstring for when a short
    name counts). One set test first: nearly no text names one."""
    if keys().isdisjoint(lower):
        return []
    known = table()
    return [i for i, (text, low) in enumerate(zip(texts, lower))
            if low in known and (not _cased(known[low]) or text == known[low])]
