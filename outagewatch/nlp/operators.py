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

As people type them in a hurry: a name of one letter, a hyphen and a word also without its hyphen ("tmobile",
:func:`joined`); a two-word name in lower case before its down-word ("virgin media out"); a name in lower case
right after what it sells and "of"/"from" ("sem sinal da claro", "bredbandet från bahnhof", :func:`_sold_by`); a
name after a word for none and before what it sells ("no verizon data", "no EE signal", :func:`_none_of`), and
one that is no everyday English word after a word for without ("zonder telenet", "sem vivo");
"Telekom" alone, which its customers write for Deutsche Telekom (:data:`WORDED_BY_HAND`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Set as AbstractSet
from functools import lru_cache
from pathlib import Path
from typing import Any

from outagewatch.nlp import lexicon

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
    "mobiel", "mobile-data", "mobilt", "dati", "donnees", "données", "4g/5g",
    # Bell's fibre as its customers name it ("bell fibe down"); Polish genitive ("bez światłowodu w Orange")
    "fibe", "światłowodu",
    # coverage said of an operator ("Sin cobertura de Orange", "täckning hos Telia"), Swedish plural "mobila"
    "cobertura", "couverture", "copertura", "täckning", "mobila", "accès"})
LINKS = frozenset({"de", "da", "do", "del", "von", "bei", "der", "di", "della", "dell'", "van", "bij", "w", "z",
                   "från", "hos", "with", "from", "on", "via", "con", "chez", "avec", "mit", "com"})
# A sentence that speaks of a network: where a word-named operator counts anywhere (see the docstring).
NETWORK_TALK: frozenset[str]  # (declared: loose_operators reads it, mypyc checks the two in one cycle)
NETWORK_TALK = ACCESS | frozenset({"internetu", "wlan", "empfang", "cobertura", "couverture", "copertura",
                                   "täckning", "sinyal", "bars", "modem", "router", "roteador", "calls",
                                   # what a phone shows when its network is gone ("on SOS only", "bara nödsamtal")
                                   "sos", "nödsamtal", "notrufe", "notruf", "noodoproepen", "alarmowe", "tacche"})
# Words so frequent they are grammar ("The", "One", "Only", "Will", "First"): never an operator, even
# beside what one sells ("The internet is down"); "Play", "Free", "Three" (-7.5, -8.0, -8.7) stay.
FUNCTION_PROB = -7.5
# Cable, fibre and DSL companies that hold no mobile network code and sell no numbers, so neither table above
# names them, yet their failure is a network's outage ("Comcast out in Chicago", "Spectrum internet out in
# Houston", "Telmex internet is out", "Superonline fiber kesik"). No registry package lists fixed-line operators
# (the AS-number packages fetch their names at run time), so this is a short hand-kept list of the big ones
# per market, filtered like the tables' names (a word too, "Spectrum", "Frontier", "Cox", counts only beside what
# it sells or in a sentence about a network).
FIXED_LINE: dict[str, tuple[str, ...]] = {  # each with the countries it serves (ISO 3166-1)
    "Comcast": ("US",), "Xfinity": ("US",), "Spectrum": ("US",), "Cox": ("US",), "CenturyLink": ("US",),
    "Frontier": ("US",), "Mediacom": ("US",), "Suddenlink": ("US",), "Optimum": ("US",), "Windstream": ("US",),
    "Astound": ("US",), "Ziply": ("US",), "Sonic": ("US",), "Telmex": ("MX",), "Izzi": ("MX",), "Totalplay": ("MX",),
    "Megacable": ("MX",), "Fibertel": ("AR",), "Telecentro": ("AR",), "Superonline": ("TR",), "TurkNet": ("TR",),
    "TTNet": ("TR",), "Hyperoptic": ("GB",), "Plusnet": ("GB",), "TalkTalk": ("GB",), "Numericable": ("FR",),
    "Unitymedia": ("DE",), "NetCologne": ("DE",), "Caiway": ("NL",), "Cogeco": ("CA",), "Eastlink": ("CA",),
    "Shaw": ("CA",), "IndiHome": ("ID",), "Hathway": ("IN",), "Converge": ("PH",), "Bahnhof": ("SE",),
    "Ownit": ("SE",), "Bredband2": ("SE",), "Inea": ("PL",), "Vectra": ("PL",), "Tiscali": ("IT",),
    "Jazztel": ("ES",), "Adamo": ("ES",), "CANTV": ("VE",), "Starlink": (),
}
# Operators' names as people write them in Japanese and Korean text, where the tables' Latin names are not
# written: the carriers of each market (NTT Docomo, SoftBank, KDDI's au, Rakuten Mobile, Y!mobile, UQ; SK Telecom,
# KT, LG U+, SK Broadband). Found inside a run of kana, kanji or hangul; "au" and "KT" only as their own word in
# a text in that script (beside Latin text they are words or initials).
CJK_NAMES = ("ドコモ", "docomo", "ソフトバンク", "楽天モバイル", "ワイモバイル", "UQモバイル", "ahamo", "povo",
             "SKT", "SK텔레콤", "SK브로드밴드", "LG유플러스", "LGU+", "유플러스", "KT올레", "올레", "케이티")
CJK_WORDS = {"sk": re.compile(r"[\uac00-\ud7a3]"), "au": re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]"), "kt": re.compile(r"[\uac00-\ud7a3]")}
CJK_WORD_FORMS = {"sk": "", "au": "au", "kt": "KT"}  # "SK" alone is a group of companies
# A telephone company's second word that makes a two-word name of a first word that is a word too ("Türk Telekom",
# "Virgin Media", "Globe Telecom").
PAIR_WORDS = frozenset({"telekom", "telecom", "telecoms", "media", "telefonica", "telefónica"})
GENERIC = frozenset({"telecom", "telecoms", "telecommunications", "telekom", "mobile", "mobil", "movil", "telco",
                     "voip", "ipv6", "sms", "gsm", "telefonica", "telefónica", "ao", "oao", "zao", "ooo"})


def build() -> dict[str, Any]:
    """{"names": {lower-case name: the name as the operator writes it}, "worded": {the same, for names that
    are words too: {lower: [form, "near" or "beside"]}}} from libphonenumber's carrier table and the
    mobile network codes' brands."""
    from phonenumbers.carrierdata import CARRIER_DATA

    from outagewatch.catalog import load_catalog
    from outagewatch.nlp import tables

    from mcc_mnc_lut.p1_mnc import P1_MNC

    # (name, the countries it serves): a number range's country, a network code's countries
    named: list[tuple[str, tuple[str | None, ...]]] = [
        (name, (_prefix_country(prefix),)) for prefix, by_lang in CARRIER_DATA.items() for name in by_lang.values()]
    named += list(FIXED_LINE.items())
    for rows in P1_MNC.values():  # each network code's brand, as Wikipedia's tables give it
        for row in rows if isinstance(rows, list) else [rows]:  # an operating network's company too ("Comcast")
            named += [(row[key], tuple(row.get("cc2s") or ())) for key in ("brand", "operator")
                      if row.get(key) and (key == "brand" or row.get("ope"))]
    names = [name for name, _ in named]
    serves: dict[str, set[str]] = {}  # first word (and first two words), lower case -> countries
    written: dict[str, dict[str, int]] = {}
    two: dict[str, str] = {}  # "türk telekom", "virgin media", "one nz": a first word that is a word, and the next
    for name, where in named:
        parts = _SPLIT.split(name.strip())
        first = parts[0]
        countries = {c for c in where if c and len(c) == 2 and c.isalpha() and c.isupper()}
        serves.setdefault(first.lower(), set()).update(countries)
        if len(parts) > 1:
            serves.setdefault(f"{first.lower()} {parts[1].lower()}", set()).update(countries)
        if _WORD.fullmatch(first) and first.isascii():
            written.setdefault(first.lower(), {}).setdefault(first, 0)
            written[first.lower()][first] += 1
        if len(parts) > 1 and _WORD.fullmatch(first) and _WORD.fullmatch(parts[1]) and parts[1][:1].isupper() \
                and parts[1].lower() not in ACCESS:
            two.setdefault(f"{first.lower()} {parts[1].lower()}", f"{first} {parts[1]}")
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
    entries: list[Any] = [*catalog.providers.values(), *catalog.services.values()]
    taken = {alias.lower() for entry in entries for alias in (entry.name, *entry.aliases)}
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
    # A first word left out above (a word, a place, too short) names the operator with its second word when that
    # is a telephone company's word or a country's letters, both written as the operator writes them: "Türk
    # Telekom", "Virgin Media", "One NZ", "Globe Telecom" (not "Hong Kong", "Puerto Rico": places, not brands).
    pairs = {}
    for key, form in sorted(two.items()):
        first, second = key.split(" ")
        written_second = form.split(" ")[1]
        if first in out or first in worded and second not in PAIR_WORDS or any(ord(c) > 0x24F for c in form) \
                or not form[:1].isupper() or len(first) < 2:
            continue
        if second in PAIR_WORDS or (written_second.isupper() and len(second) == 2 and second.isalpha()
                                    and first in english | words):
            pairs[key] = form
    kept = set(out) | set(worded) | set(pairs)
    served = {key: sorted(serves[key]) for key in sorted(kept) if serves.get(key)}
    return {"names": out, "worded": worded, "pairs": pairs, "countries": served}


def _prefix_country(prefix: str) -> str | None:
    """The country of a number range of libphonenumber's carrier table ("5511..." BR; a shared calling code,
    +1's, by the range's own digits: "1416..." CA)."""
    import phonenumbers

    for n in (1, 2, 3):
        regions = phonenumbers.COUNTRY_CODE_TO_REGION_CODE.get(int(prefix[:n]))
        if not regions:
            continue
        if len(regions) == 1:
            return regions[0] if regions[0] != "001" else None
        for pad in range(9):
            try:
                region = phonenumbers.region_code_for_number(phonenumbers.parse("+" + prefix + "0" * pad))
            except phonenumbers.NumberParseException:
                continue
            if region:
                return region
        return None
    return None


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


@lru_cache(maxsize=1)
def worded() -> dict[str, list[str]]:
    return {**WORDED_BY_HAND, **_tables()["worded"]}


@lru_cache(maxsize=1)
def keys() -> frozenset[str]:
    return frozenset(table()) | frozenset(joined())


@lru_cache(maxsize=1)
def joined() -> dict[str, str]:
    """A name of one letter, a hyphen and a word, as people type it without the hyphen ("tmobile data just gone",
    "eplus"): the joined form is no word of any language read, and a letter before a hyphen is how the operator
    writes itself, not how anyone writes anything else."""
    known = table()
    return {low.replace("-", ""): form for low, form in known.items()
            if low.count("-") == 1 and len(low.split("-")[0]) == 1 and low.split("-")[1].isalpha()
            and len(low.split("-")[1]) >= 4 and low.replace("-", "") not in known}


# Operators whose name is a generic word of the trade elsewhere, kept as worded names by hand: "Telekom" alone is
# Deutsche Telekom to its customers ("ohne Telekom Festnetz", "Telekom Glasfaser tot"); in another company's name
# it is that company's second word, found as its pair ("Türk Telekom").
WORDED_BY_HAND = {"telekom": ["Telekom", "near"]}


def pairs() -> dict[str, str]:
    return _tables().get("pairs", {})


# The countries of the Japanese and Korean carriers' names (``CJK_NAMES``, ``CJK_WORDS``).
CJK_COUNTRIES = {**dict.fromkeys(("ドコモ", "docomo", "ソフトバンク", "楽天モバイル", "ワイモバイル", "UQモバイル", "ahamo",
                                  "povo", "au"), ("JP",)),
                 **dict.fromkeys(("SKT", "SK텔레콤", "SK브로드밴드", "LG유플러스", "LGU+", "유플러스", "KT올레", "올레",
                                  "케이티", "kt", "sk"), ("KR",))}


def countries(texts: list[str], lower: list[str], at: list[int]) -> frozenset[str]:
    """The countries the operators found at ``at`` (:func:`find`'s indices) serve, by the network codes and
    number ranges each holds ("Movistar" ES, AR, MX, ...; "Vivo" BR; "O2" GB, DE, CZ, SK): where a text is set
    when it names a city several countries have (``resolve``'s namesake choice)."""
    served = _tables().get("countries", {})
    found: set[str] = set()
    for i in at:
        low = lower[i]
        if i and f"{lower[i - 1]} {low}" in served:  # a two-word name is found at its second word
            found.update(served[f"{lower[i - 1]} {low}"])
        elif low in served:
            found.update(served[low])
        elif low.endswith("s") and low[:-1] in served:  # "Telias"
            found.update(served[low[:-1]])
        else:
            for name, where in CJK_COUNTRIES.items():
                if name in texts[i] or name == low:
                    found.update(where)
    return frozenset(found)


@lru_cache(maxsize=1)
def _pair_firsts() -> frozenset[str]:
    return frozenset(p.split(" ")[0] for p in pairs())


@lru_cache(maxsize=1)
def all_keys() -> frozenset[str]:
    return keys() | frozenset(worded()) | _pair_firsts()


@lru_cache(maxsize=1)
def _genitives() -> dict[str, str]:
    """"Telias", "Vodafones", "Telenors": a name of five letters or more with the genitive "s" of Swedish,
    German or Dutch written on."""
    return {low + "s": form + "s" for low, form in table().items() if len(low) >= 5 and not low.endswith("s")
            and low.isalpha()}


SENTENCE_ENDS = frozenset({".", "!", "?", "\n", ";"})
_CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7a3]")
_CJK_NAMES = re.compile("|".join(re.escape(n) for n in sorted(CJK_NAMES, key=len, reverse=True)))


@lru_cache(maxsize=1)
def any_word() -> frozenset[str]:
    """Every lower-case word :func:`find` starts from: a name, a worded name, a two-word name's first word, a
    genitive, a Japanese or Korean carrier's Latin letters. One set test for them all: most texts hold none."""
    return all_keys() | frozenset(_genitives()) | frozenset(CJK_WORDS) | frozenset(SHORT_CAPS)


def positions(lower: list[str], words: AbstractSet[str]) -> list[int]:
    """Where ``lower`` holds one of ``words``, in order: each word's places found by ``list.index`` (a search
    in C), not a loop over every word of the text for the one or two that count."""
    at = []
    for word in words:
        i = -1
        for _ in range(lower.count(word)):
            i = lower.index(word, i + 1)
            at.append(i)
    return sorted(at)


def find(texts: list[str], lower: list[str], raw: str | None = None,
         held_words: AbstractSet[str] | None = None) -> list[int]:
    """Where the words name an operator (token indices; for a name of two words, the second's; see the
    module's docstring for when a short name counts). One set test first: nearly no text names one.
    ``raw``: the text the tokens were read from, where the caller has it (all ASCII, it holds no CJK name).
    ``held_words``: the words of ``lower`` among a set that holds :func:`any_word` (resolve's held words), read
    for the words :func:`find` starts from instead of every word."""
    joined: str | None  # the words joined, where a Japanese or Korean carrier's name is looked for
    words = lower if held_words is None else held_words
    if any_word().isdisjoint(words):
        # None of the words: only a Japanese or Korean carrier's name can be found, and only in a text with a
        # kana, kanji or hangul letter (the whole search below, for the seven in ten texts that hold none)
        if raw is not None and raw.isascii():
            return []
        joined = " ".join(texts)
        if joined.isascii() or not _CJK.search(joined) or not _CJK_NAMES.search(joined):
            return []
        return [i for i, text in enumerate(texts) if _CJK_NAMES.search(text)]
    held = any_word().intersection(words)  # (each set of words below is part of these: tested against the few held)
    found = []
    keys = all_keys().intersection(held)
    if keys:
        known = _known()
        said = worded()
        two = pairs()
        firsts = _pair_firsts()
        for i in positions(lower, keys):  # (a name, a two-word name's first word or a worded name: nothing else)
            text, low = texts[i], lower[i]
            if low in known:
                if not _cased(known[low]) or text == known[low] or text.islower() and _sells_next(lower, i):
                    found.append(i)  # (in lower case beside what it sells: "cox internet in phoenix")
            elif low in firsts and i + 1 < len(lower) and f"{low} {lower[i + 1]}" in two:
                if f"{text} {texts[i + 1]}" == two[f"{low} {lower[i + 1]}"] or text[:1].isupper() and \
                        texts[i + 1][:1].isupper() and not _cased(two[f"{low} {lower[i + 1]}"].split(" ")[1]) \
                        or text.islower() and texts[i + 1].islower() and (_sells_next(lower, i + 1) or i + 2 < len(lower)
                                                                          and lower[i + 2] in ACCESS
                                                                          or _down_after(lower, i + 1)):
                    found.append(i + 1)  # "Türk Telekom", "Virgin Media", "One NZ", "virgin media broadband", "virgin media out"
            elif low in said:
                if text[:1].isupper() and (_worded_counts(texts, lower, i, said[low][1] == "near")
                                           or _no_network_after(lower, i) or _down_after(lower, i)
                                           and (said[low][1] == "near" or not NETWORK_TALK.isdisjoint(lower))
                                           or i > 0 and (lower[i - 1] in WITHOUT or lower[i - 1] == "no"
                                                         and said[low][1] == "near")):
                    # ("Spectrum out in Brooklyn? ... the modem just blinks": a common word said down in a text
                    # about a network)
                    found.append(i)  # "Orange nie ma zasięgu w całej Łodzi", "Tre har ingen täckning i Malmö"
                elif text.islower() and low not in LOWER_NEVER and (
                        _sells_next(lower, i) or _sold_by(lower, i) or said[low][1] == "near" and (
                            _none_of(lower, i) or i > 0 and lower[i - 1] in WITHOUT)
                        or i + 1 < len(lower) and (
                            _down_after(lower, i) and (said[low][1] == "near" or not NETWORK_TALK.isdisjoint(lower))
                            or said[low][1] == "near" and lower[i + 1] in _NONE_WORDS and _no_network_after(lower, i))):
                    found.append(i)  # "bell internet is gone", "comcast down for anyone?", "bahnhof nere"
    if "-" in lower and not _hyphen_seconds().isdisjoint(lower):
        known = table()
        for i in range(2, len(lower)):
            if lower[i - 1] == "-" and lower[i] in _hyphen_seconds():
                form = known.get(f"{lower[i - 2]}-{lower[i]}")
                if form and (not _cased(form) or f"{texts[i - 2]}-{texts[i]}" == form) and i not in found:
                    found.append(i)  # "T-Mobile", "t-mobile padł": the tokenizer splits the name at its hyphen
    if not SHORT_CAPS.keys().isdisjoint(held):
        for i, text in enumerate(texts):
            if text in SHORT_CAPS.values() and i not in found and (
                    _sells_next(lower, i) or _down_after(lower, i) or _none_of(lower, i)):
                found.append(i)  # "EE 4G dead", "BT broadband down", "lost BT broadband", "no EE signal"
    genitives = _genitives()
    for i, text in enumerate(texts) if not genitives.keys().isdisjoint(held) else ():
        if text[:1].isupper() and lower[i] in genitives and i not in found:
            found.append(i)  # "Telias mobila bredband", "Vodafones Netz"
    joined = None if CJK_WORDS.keys().isdisjoint(held) else ""
    if joined is None and (raw is None or not raw.isascii()):
        # a Japanese or Korean carrier is looked for only in a text that is not all ASCII
        joined = " ".join(texts)
        joined = None if joined.isascii() or not _CJK_NAMES.search(joined) else joined
    if joined is not None:
        _cjk_carriers(texts, lower, found)
    return sorted(found)


def _cjk_carriers(texts: list[str], lower: list[str], found: list[int]) -> None:
    """:func:`find`'s Japanese and Korean carriers, added to ``found`` (a function of its own: its generator
    expressions would make cells of ``find``'s locals on every call)."""
    for i, text in enumerate(texts):
        if i in found:
            continue
        if _CJK_NAMES.search(text) and (_CJK.search(text) or any(_CJK.search(t) for t in texts)):
            found.append(i)  # "ドコモ、大阪市内で電波つかまらない", "SKT 데이터가 안 터져요"
        elif text == "SK" and i + 1 < len(texts) and texts[i + 1].startswith(("브로드밴드", "텔레콤")):
            found.append(i + 1)  # "SK 브로드밴드" as the tokenizer splits "SK브로드밴드"
        elif lower[i] in CJK_WORDS and text == CJK_WORD_FORMS[lower[i]] and any(
                CJK_WORDS[lower[i]].search(t) for t in texts):
            found.append(i)  # "大阪人やけどau全然繋がらへん", "KT 인터넷 먹통"


# What an operator sells, said right after its name written in lower case, as people type it ("cox internet",
# "bell internet is gone", "virgin media broadband", "türk telekom internet"): a narrower list than ACCESS, whose
# "data", "home", "mobile", "network", "red" follow ordinary words ("personal data", "play network").
SELLS_LOWER = frozenset({"internet", "broadband", "fibre", "fiber", "fibe", "fibra", "fios", "dsl", "adsl", "vdsl", "glasfaser",
                         "glasvezel", "bredband", "bredbandet", "światłowód", "sinal", "señal", "segnale", "4g", "5g",
                         "lte", "mobilnät", "mobilnätet", "interneti", "fiberi", "şebekesi", "festnetz", "kabel-tv"})
# A worded name never read in lower case, whatever follows: "free internet", "free wifi" are prices.
LOWER_NEVER = frozenset({"free"})


@lru_cache(maxsize=1)
def _known() -> dict[str, str]:
    return {**table(), **joined()}


def _sold_by(lower: list[str], i: int) -> bool:
    """What an operator sells, then "of"/"from", right before the name in lower case ("sem sinal da claro",
    "bredbandet från bahnhof dog", "internet da vivo"): the word after such a link is whose network it is."""
    return i >= 2 and lower[i - 1] in LINKS and lower[i - 2] in SELLS_LOWER


def _none_of(lower: list[str], i: int) -> bool:
    """A word for none right before the name and what it sells right after ("no verizon data", "no EE signal",
    "geen ziggo internet"), not what a customer buys ("no T-Mobile data plan")."""
    n = len(lower)
    return i > 0 and lower[i - 1] in _NONE_WORDS and i + 1 < n and lower[i + 1] in ACCESS and (
        i + 2 >= n or lower[i + 2] not in lexicon.OPERATOR_PRODUCTS)


def _sells_next(lower: list[str], i: int) -> bool:
    """What an operator sells right after the name, or right before it ("fibra tim", "internet cox")."""
    return i + 1 < len(lower) and lower[i + 1] in SELLS_LOWER or i > 0 and lower[i - 1] in SELLS_LOWER


_DOWN_NEXT: frozenset[str]
_DOWN_NEXT = lexicon.BARE_DOWN | lexicon.OPERATOR_DOWN


def _down_after(lower: list[str], i: int) -> bool:
    """A down-word right after the name, or after at most three fillers ("Telenet ook plat", "comcast is down")."""
    j, n = i + 1, len(lower)
    while j < n and j < i + 4 and lower[j] in lexicon.OPERATOR_FILLERS:
        j += 1
    return j < n and lower[j] in _DOWN_NEXT
# "nie ma zasięgu", "har ingen täckning", "no tiene señal": a worded name written with its capital and, within
# three words after it, a word for none before a word for coverage is the operator whose network is gone.
_NONE_WORDS = frozenset({"no", "nie", "ingen", "inget", "geen", "kein", "keine", "keinen", "sin", "sem", "senza",
                         "niente", "brak", "pas", "plus", "aucun", "aucune", "zero", "yok"})
_COVERAGE_WORDS = frozenset({"signal", "reception", "señal", "cobertura", "empfang", "netz", "sinal", "segnale",
                             "bereik", "zasięgu", "täckning", "réseau", "rete", "campo", "service", "servicio",
                             "serviço", "network", "sieci", "internetu", "internet", "nät", "datos", "dados",
                             "dati", "daten", "data"})

# Carriers named by two capital letters, which the tables leave out (two letters are every text's, "EU", "UK"):
# counted only in capitals right before what they sell or their down-word ("EE 4G dead", "BT broadband down").
SHORT_CAPS = {"ee": "EE", "bt": "BT"}
# A word for "without" right before a name written with its capital: the people or the place there have no network
# of that operator ("cariocas sem Claro desde as 8h", "Malmöbor utan Bahnhof", "Vanavond geen Telenet in Brugge").
# (Not English "without": "now I live without Orange, best decision" is a customer who left.)
WITHOUT: frozenset[str]
WITHOUT = frozenset({"sin", "sem", "sans", "senza", "zonder", "bez", "utan", "ohne", "geen", "kein", "keine", "ingen"})
_HAS = frozenset({"ma", "hay", "tiene", "tem", "c'è", "har", "hat", "heeft", "a", "has", "var"})


def _no_network_after(lower: list[str], i: int) -> bool:
    n = len(lower)
    for j in range(i + 1, min(n - 1, i + 4)):
        if lower[j] in _NONE_WORDS and (lower[j + 1] in _COVERAGE_WORDS or lower[j + 1] in _HAS and j + 2 < n
                                        and lower[j + 2] in _COVERAGE_WORDS):
            return True  # "nie ma zasięgu", "no hay señal"
        if lower[j] in SENTENCE_ENDS or lower[j] == ",":
            return False
    return False


@lru_cache(maxsize=1)
def _hyphen_seconds() -> frozenset[str]:
    """The part after the hyphen of each hyphened name ("mobile" of "t-mobile"), three letters or more."""
    return frozenset(k.split("-", 1)[1] for k in table() if k.count("-") == 1 and len(k.split("-", 1)[1]) >= 3
                     and k.split("-", 1)[0])


def _worded_counts(texts: list[str], lower: list[str], i: int, near: bool) -> bool:
    """An operator named by a word counts beside what an operator sells ("Orange fibre", "internet da Claro",
    "rede Vodafone"), or, for a word that is not everyday English, anywhere in a sentence about a network
    unless a comma follows it ("Vivo sem sinal" is the carrier; "Claro, sin señal aquí" a word)."""
    n = len(lower)
    if i + 1 < n and (lower[i + 1] in ACCESS or lower[i + 1].split("-")[0] in ACCESS):
        return True
    if i >= 1 and lower[i - 1] in ACCESS or i >= 2 and lower[i - 1] in LINKS and lower[i - 2] in ACCESS:
        return True
    if i + 2 < n and lower[i + 1] in (":", "—", "–") and lower[i + 2] in ACCESS:
        return True  # "Texans on Spectrum: internet out in Houston"
    if not near:
        return False
    start = i
    while start > 0 and lower[start - 1] not in SENTENCE_ENDS:
        start -= 1
    end = i
    while end < n and lower[end] not in SENTENCE_ENDS:
        end += 1
    return not NETWORK_TALK.isdisjoint(lower[start:end]) and not (i + 1 < n and lower[i + 1] == ",")
