"""Places: whether a place's name in a text is where the text is set or the problem is, and which region it
is: the rules :func:`outagewatch.nlp.resolve.resolve` asks of every place and region the matcher found.

A place's name is often something else: a company or a club ("Bank of America", "Real Madrid"), a product
("Athena queries"), an everyday word ("china cabinet"), a namesake abroad, a time zone or an instance size.
And a place the text names is often not where the problem is: where the work was moved to get round it
("failed over to us-west-2"), where a standby copy lives, a place said fine, where latency is measured from,
yesterday's place beside today's, the writer's office. ``_place_rule`` and ``_not_there`` give the reason, or
None; the rest choose among cities named alike (``_namesake_choice``), read districts, towns, initials and
state codes only said as places, Japanese and Korean places inside runs of text, datelines ("Poznań: od rana
problemy..."), data-centre codes, and map a place to a provider's region when the provider is named.

Kept apart from the rules of time (``relevance_rules``) and of names (``service_rules``) so each file holds
one question. Moved out of ``resolve.py`` unchanged; ``resolve`` imports each name so its calls cost what
they did.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace as _with
from typing import AbstractSet, cast

from outagewatch.nlp import demonyms, elsewhere, fine, lexicon, operators, sites
from outagewatch.nlp.pipeline import LANG
from outagewatch.nlp.geo import (MARKETS, NICKNAME_LANGUAGES, NICKNAME_NEEDS_CONTEXT, NICKNAME_READ_IN, city_initials, district_names,
                                 inside, iso_codes, namesakes, place_kinds, province_short_names, region_names,
                                 subdivision_parents, town_namesake_in, town_namesakes, TOWNS_NAMED_LIKE_WORDS, gazetteer)
from outagewatch.nlp.source import SourceContext
from outagewatch.nlp.vocabulary import STATE_CODE_COUNTRIES, STATE_CODE_LANGUAGES, Name, Vocabulary, fold
from outagewatch.textrules import HANGUL
from outagewatch.nlp.service_rules import LIST_JOINERS, SENTENCE_END

PLACE_PREPOSITIONS = frozenset({"in", "across", "from", "near", "around", "throughout", "en", "im", "aus", "à",
                                "a", "w", "i", "at", "to", "di", "da", "dal", "dalla", "nel", "nella", "bij", "uit",
                                "ve", "par", "vers", "sur", "zu", "nach", "bei", "out", "here", "stop",
                                "em", "no", "na", "de", "da", "do", "nos", "nas", "dans", "au", "desde", "für",
                                "for", "all", "over", "outside", "we", "ze", "z", "przy", "på", "från", "depuis", "vanuit",
                                "nad", "över", "sopra", "boven"})  # over a place: "chmura nad Krakowem", "mulet över Göteborg"
# Turkish locative/ablative endings split off a name ("istanbul'da", "ankara'dan"): "in"/"from" a place.
PLACE_CASES = frozenset(q + end for q in "'’" for end in ("da", "de", "ta", "te", "dan", "den", "tan", "ten", "daki",
                                                          "deki", "taki", "teki", "nda", "nde", "ndan", "nden",
                                                          # "I am"/"we are" in: "kadıköy'deyim", "İzmir'deyiz"
                                                          "dayım", "deyim", "tayım", "teyim", "dayız", "deyiz",
                                                          "tayız", "teyiz"))
REGION_WORDS = frozenset({"region", "regions", "region's", "datacenter", "datacenters", "data", "zone", "zones",
                          "office", "offices", "pop", "pops", "dc", "area", "metro", "campus", "users", "customers",
                          "area", "región", "rechenzentrum", "région", "região", "subscribers",
                          # a city's name before the word for its airport ("İstanbul Havalimanı'nda", "Frankfurt
                          # Flughafen"): the airport, at the city's code
                          "airport", "havalimanı", "havaalanı", "flughafen", "flygplats"})
SHORT_LOWER = frozenset({"uk", "usa", "uae", "nyc"})
# Neighbours that show a place name is the everyday word: (before, after).
PLACE_ANTI = {
    "china": (frozenset({"fine", "bone", "porcelain", "blue", "the", "antique", "good", "wedding", "my", "her"}),
              frozenset({"cabinet", "cabinets", "plate", "plates", "set", "sets", "dishes", "doll", "pattern", "shop",
                         "cup", "cups", "tea", "teapot", "hutch", "closet", "bowl", "bowls", "pieces"})),
    "turkey": (frozenset({"the", "a", "roast", "roasted", "smoked", "cold", "wild", "thanksgiving"}),
               frozenset({"sandwich", "dinner", "breast", "legs", "day", "bacon", "burger", "trot", "gravy"})),
    "jersey": (frozenset({"a", "the", "my", "his", "her", "new", "home", "away", "signed"}), frozenset({"number"})),
    # a city's food or wine: "a philly cheesesteak", "spilled bordeaux on my keyboard"
    "philly": (frozenset(), frozenset({"cheesesteak", "cheesesteaks", "cheese", "steak", "steaks"})),
    "bordeaux": (frozenset({"spilled", "spilt", "glass", "bottle", "red", "drinking", "drank", "sipping", "vintage"}),
                 frozenset({"wine", "wines", "blend"})),
    # the film and its hero, not the Turkish province: "yeni Batman filmi çok karanlık", "the new Batman movie"
    "brooklyn": (frozenset(), frozenset({"nine", "99"})),  # the sitcom: "rewatching brooklyn nine-nine"
    "batman": (frozenset({"new", "yeni", "lego", "nuevo", "nouveau", "neuer", "nowy", "nya"}),
               frozenset({"filmi", "film", "films", "movie", "movies", "dizisi", "oyunu", "begins", "returns", "película",
                          "filme", "comic", "comics", "costume", "kostümü"})),
}
# The same for a name of two words in lower case: "this new jersey is fire" (a shirt).
PLACE_ANTI_TWO = {("new", "jersey"): frozenset({"this", "a", "my", "his", "her", "their", "our", "your", "that"})}
# Sayings that name a place and set nothing there: "Houston, we have a problem".
PLACE_SAYINGS = (("houston", ",", "we", "have", "a", "problem"), ("houston", "we", "have", "a", "problem"))


def _site_codes(lower: list[str], vocab: Vocabulary) -> list[tuple[int, int, Name]]:
    """Data centre codes: a provider's letters and a number ("nyc3", "fsn1", "gra11")."""
    found: list[tuple[int, int, Name]] = []
    for i, low in enumerate(lower):
        if low[-1:].isdigit() and low[:1].isalpha():
            letters = low.rstrip("0123456789")
            if letters in vocab.site_codes and len(low) - len(letters) <= 2:
                found.extend((i, i + 1, nm) for nm in vocab.site_codes[letters])
    return found


# A status page's days and months in capitals ("maintenance MON 02 DEC"): no site, whatever site has the letters.
DAYS_AND_MONTHS = frozenset("mon tue wed thu fri sat sun jan feb mar apr may jun jul aug sep oct nov dec".split())


def _site_words(texts: list[str], lower: list[str], vocab: Vocabulary, providers) -> list[tuple[int, int, Name]]:
    """A named provider's data-centre code written otherwise: its letters alone in capitals ("box in RBX", "SBG",
    never an acronym, ``sites.ACRONYMS``), with a number and a Turkish case ending ("fsn1'de"), or the region
    code of a provider without catalog regions ("IBM ... us-south", "Dallas (us-south)", "OCI us-ashburn-1")."""
    found: list = []
    region_codes = vocab.site_region_codes
    n = len(lower)
    for i, low in enumerate(lower):
        word = texts[i]
        if len(low) == 3 and low in vocab.site_codes and word.isupper() and word.isalpha() and \
                low not in sites.ACRONYMS and low not in DAYS_AND_MONTHS:
            found.extend((i, i + 1, nm) for nm in vocab.site_codes[low] if nm.site_of in providers)
        elif "'" in low and low[:1].isalpha() and low[1:].find("'") > 1:
            code = low[:low.index("'")]  # "fsn1'de", "gra11'de": the code before the case ending
            letters = code.rstrip("0123456789")
            if code[-1:].isdigit() and letters in vocab.site_codes and len(code) - len(letters) <= 2:
                found.extend((i, i + 1, nm) for nm in vocab.site_codes[letters] if nm.site_of in providers)
        elif region_codes and low[:2].isalpha():
            if low in region_codes:  # one token: "us-ashburn-1"
                found.extend((i, i + 1, nm) for nm in region_codes[low] if nm.site_of in providers)
            elif i + 2 < n and lower[i + 1] == "-":  # split at its hyphens: "us", "-", "south"
                code, end = f"{low}-{lower[i + 2]}", i + 3
                if end + 1 < n and lower[end] == "-" and (code + "-" + lower[end + 1]) in region_codes:
                    code, end = code + "-" + lower[end + 1], end + 2
                if code in region_codes and not (end < n and lower[end] == "-"):
                    found.extend((i, end, nm) for nm in region_codes[code] if nm.site_of in providers)
    return found


# A word for none right before an operator named with what it sells ("no Verizon Fios", "has no AT&T fiber",
# "without Vodafone fibre", "sin Movistar fibra"): its network is gone (a problem beside the operator).
OPERATOR_NONE = frozenset({"no", "without", "sin", "sem", "sans", "ohne", "kein", "keine", "geen", "zonder", "senza",
                           "brak", "bez", "utan", "ingen", "inget"})


AIRLINE_WORDS = frozenset({"airlines", "airways"})


def _capitals_unlike(written: str, name: str) -> bool:
    """A word written with a capital inside where the place's name has a small letter ("TVer" for Tver): a brand
    styled so, not the place; a name in capitals throughout ("TVER") is read as before."""
    if len(written) != len(name) or written.isupper():
        return False
    for a, b in zip(written[1:], name[1:]):
        if a.isupper() and b.islower():
            return True
    return False


def _company_name(texts: list[str], lower: list[str], start: int, end: int) -> bool:
    """The place's name begins or ends a company's ("Alaska Airlines", "Air Canada", "Bank of America", "Banco do
    Brasil") or a football club's ("Real Madrid"): the company or club word written with its capital, right
    beside the place."""
    if end < len(lower) and lower[end] in COMPANY_AFTER and texts[end][:1].isupper():
        return True
    if end + 1 < len(lower) and lower[end] == "-" and lower[end + 1] in COMPANY_AFTER and texts[end + 1][:1].isupper():
        return True  # "Göteborgs-Posten", a newspaper
    if start and lower[start - 1] == "air" and texts[start - 1] == "Air":
        return True
    if start and lower[start - 1] in BANK_BEFORE and texts[start - 1][:1].isupper():
        return True  # a bank named after its region: "ING Bank Śląski", "Banco Galicia", "Banco Santander"
    if start and lower[start - 1] in CLUB_BEFORE and texts[start - 1][:1].isupper() and texts[start][:1].isupper():
        return True  # a football club: "Real Madrid", "Inter Milano", "Borussia Dortmund"
    return start > 1 and lower[start - 1] in COMPANY_OF_WORDS and lower[start - 2] in COMPANY_OF and \
        texts[start - 2][:1].isupper()


# What a company has and a place does not: its app, its online banking ("Wells Fargo online banking", "the Halifax
# app", "la app de Santander", "la banca online de Santander", "l'app di Intesa").
OWNED_NOUNS = frozenset({"app", "apps", "app's", "banking", "netbanking", "homebanking", "aplicación", "aplicacion",
                         "aplicativo", "applicazione", "application", "banca", "webbanking"})
OWNED_BETWEEN = frozenset({"online", "móvil", "movil", "mobile", "web", "digital"})
OWNED_LINKS = frozenset({"de", "da", "do", "del", "di", "della", "du", "von", "van", "of"})
LIST_WORDS = frozenset({",", "and", "&", "y", "e", "et", "und", "en", "och", "ve", "i", "of"})


def _owned_or_product(texts: list[str], lower: list[str], start: int, end: int, nm: Name, vocab: Vocabulary,
                      services: dict, lang: str | None) -> str | None:
    """Why a place's name here names a company or a product, or None: a tagged product's own name ("Athena
    queries" is AWS Athena, not Athens); the owner of an app or of online banking, or a name listed with such
    an owner ("Wells Fargo online banking", "Lloyds, Halifax and Bank of Scotland apps", "la banca online de
    Santander"); a name typed without its accents in Japanese or Korean ("モバイルSuica" is no Suiça)."""
    n = len(lower)
    key = " ".join(lower[start:end])
    if services and any(o.kind == "service" and o.ids and o.ids[0] in services for o in vocab.phrases.get(key, ())):
        return "a tagged product's own name (\"Athena queries\"), not the place"
    if services and texts[start][:1].isupper():
        owners = {s.split("/", 1)[0] for s in services}
        if any(o.kind == "service" and o.ids and o.ids[0].split("/", 1)[0] in owners
               for brand in PRODUCT_BRANDS for o in vocab.phrases.get(f"{brand} {key}", ())):
            return "a product's bare name beside its provider's other products (\"RDS und Aurora in Frankfurt\": " \
                "Amazon Aurora, not Aurora, Colorado)"
    if lang in ("ja", "ko") and texts[start].isascii() and not nm.written.isascii():
        return "a Latin name without its accents in a Japanese or Korean text (\"Suica\" is no Suiça)"
    if not texts[start][:1].isupper():
        # a company named like a place, in lower case right before what it owns: "santander app stuck", "halifax
        # online banking works again"
        if fold(nm.written) in PLACE_NAMED_COMPANIES and end - start == 1 and end < n and (
                lower[end] in OWNED_NOUNS or end + 1 < n and lower[end] in OWNED_BETWEEN and lower[end + 1] in OWNED_NOUNS):
            return "a company named like a place before its app or online banking, in lower case (\"santander app\")"
        return None
    i = end
    while i < n and i - end < 8 and (lower[i] in LIST_WORDS or texts[i][:1].isupper()) and lower[i] not in OWNED_NOUNS:
        i += 1  # "Halifax and Bank of Scotland apps": along a list of names to what they own
    if i < n and lower[i] in OWNED_NOUNS or (i + 1 < n and lower[i] in OWNED_BETWEEN and lower[i + 1] in OWNED_NOUNS):
        if i == end or any(t in LIST_WORDS for t in lower[end:i]):
            return "a company's name before its app or online banking (\"Wells Fargo online banking\")"
    j = start - 1
    if j > 0 and lower[j] in OWNED_LINKS:
        k = j - 1
        if k > 0 and lower[k] in OWNED_BETWEEN:
            k -= 1
        if lower[k] in OWNED_NOUNS:
            return "the company an app or online banking is of (\"la app de Santander\")"
    trade = PLACE_NAMED_COMPANIES.get(fold(nm.written))
    if trade and fold(nm.written) in CITY_AS_MUCH and start and lower[start - 1] in PLACE_PREPOSITIONS:
        trade = None
    if trade and end - start == 1:
        words = COMPANY_TRADES[trade]
        if any(w in words for w in lower) or any(w in t for t in lower for w in words if len(w) > 4):
            return f"a {trade} company named like a place, beside what it sells (\"la PEC di Aruba\", \"El Santander no me " \
                "deja hacer Bizum\", \"Meta'dan açıklama\" about WhatsApp)"
    return None


# The brand words a cloud product's full name begins with ("Amazon Aurora"), its bare name said beside the brand's
# other products.
PRODUCT_BRANDS = ("amazon", "aws", "azure", "google", "google cloud", "cloud")


# Companies named like a place, by what they sell, and the words of that trade: beside one, the name is the company
# (the Italian host Aruba: "la PEC di Aruba non invia", "Down di Aruba: siti irraggiungibili"; the banks Santander
# and Sabadell: "El Santander no me deja hacer Bizum", "Przerwa techniczna w Santander"; Meta beside its apps).
PLACE_NAMED_COMPANIES = {"aruba": "hosting", "santander": "bank", "sabadell": "bank", "meta": "social media",
                         "halifax": "bank"}
# Of those, the ones whose city is as much talked of as the company (Halifax, Nova Scotia): the company only where
# not said as a place ("card declined in Halifax" is the city).
CITY_AS_MUCH = frozenset({"halifax"})
COMPANY_TRADES = {
    "hosting": frozenset({"pec", "hosting", "webmail", "dominio", "domini", "sito", "siti", "server", "datacenter",
                          "cloud", "mail", "email", "posta", "vps", "hosting", "ftp", "manutenzione", "center",
                          "agcom"}),  # "Multa ad Aruba dopo il blackout del data center: l'Agcom ..."
    "bank": frozenset({"bizum", "banca", "banco", "bank", "banku", "banki", "cuenta", "tarjeta", "tarjetas",
                       "transferencia", "transferencias", "cajero", "cajeros", "conta", "cartão", "pix", "konto",
                       "przelew", "przelewy", "karta", "karty", "kartą", "blik", "bankowość", "aplikacja",
                       "aplikacji", "przerwa", "techniczna", "login", "clientes", "klienci", "sucursal", "hipoteca",
                       "nómina", "nomina", "cuentas", "operación", "operacion", "pago", "pagos", "card", "account"}),
    "social media": frozenset({"whatsapp", "instagram", "facebook", "messenger", "threads", "zuckerberg", "oculus",
                               "insta", "face", "wpp", "zap"}),
}


# Turkish makes "in <place>" an adjective with -daki ("Almanya'daki Türkler", the Turks in Germany).
LOCATIVE_ADJECTIVE = ("daki", "deki", "taki", "teki")
# "Polacy w Niemczech:", "Os brasucas em Portugal:", "Brits in Spain:": the group a post opens calling on.
GROUP_IN = frozenset({"in", "w", "we", "em", "en", "na", "no", "i", "på", "a", "à", "au", "aux", "nel", "nella", "im",
                      "op", "uit", "from", "desde", "de", "da", "aus", "z", "ze"})


def _where_a_group_lives(lower: list[str], start: int, end: int, nm: Name, places, symptom_at) -> str | None:
    """A country said as where a group of people or things is ("Almanya'daki Türkler", "Almanya'daki Hetzner
    sunucularımız", a post opening "Polacy w Niemczech:", "Os brasucas em Portugal:") beside a place in that
    country where the problem is ("... Köln'de hata veriyor", "fsn1'de", "Coimbra"): the place says where, the
    country adds nothing. Said as the problem's extent it stays ("in der Schweiz geht kein Teams, Zürich und Basel")."""
    if not any((o.geo or "").startswith(cast(str, nm.geo) + "-") for _, _, o in places):
        return None
    n = len(lower)
    if lower[end - 1].endswith(LOCATIVE_ADJECTIVE) and lower[end - 1][:-4].rstrip("'’") or \
            end < n and lower[end].lstrip("'’") in LOCATIVE_ADJECTIVE:
        return "a country said as where a group is (\"Almanya'daki Türkler\"), beside a place in it"
    if 1 <= start <= 4 and lower[start - 1] in GROUP_IN and end < n and lower[end] == ":" and \
            not any(i < end for i in symptom_at):
        return "a country in a post's opening call on a group (\"Polacy w Niemczech:\"), beside a place in it"
    return None


def _country_after_its_city(lower: list[str], start: int, nm: Name, places) -> str | None:
    """"Johannesburg, South Africa", "Cairo, Egypt": a country after a comma right after a city in it says which
    city, not a wider place; so does one right after a city others share ("Córdoba Argentina": ``namesakes``)."""
    if start < 1 or place_kinds().get(nm.written) not in ("country", None):
        return None  # a city the gazetteer places no finer than its country is no country ("Athens, Thessaloniki")
    country = cast(str, nm.geo) + "-"
    if lower[start - 1] == ",":
        if any(e == start - 1 and any(code.startswith(country) for code in (o.geo or "", *(
                c for c, _ in namesakes().get(o.written, ())))) for _, e, o in places):
            return "a country after its city's name (\"Johannesburg, South Africa\"): the city says where"
    elif any(e == start and any(c.startswith(country) for c, _ in namesakes().get(o.written, ())) for _, e, o in places):
        return "a country right after the name of a city others share (\"Córdoba Argentina\"): the city says where"
    return None


def _wider_says_which(lower: list[str], start: int, nm: Name, places) -> str | None:
    """"León de España", "(la de Venezuela, no la de España)", "Córdoba (la de Andalucía)": a country or region after
    "the one of" or after a city's name and "de" says which of the cities named alike is meant; a place in it named,
    that place says where, the wider one adds nothing."""
    if start < 2 or lower[start - 1] not in NOT_MEANT_DE or not (
            lower[start - 2] in NOT_MEANT_ARTICLES or any(e == start - 1 for _, e, _ in places)):
        return None
    wider = cast(str, nm.geo)
    if any(s != start and any(code.startswith(wider + "-") if len(wider) == 2 else inside(code, wider)
                              for code in (o.geo or "", *(c for c, _ in namesakes().get(o.written, ()))))
           for s, _, o in places):
        return "a country or region saying which of the cities named alike is meant (\"León de España\", \"la de " \
            "Andalucía\")"
    return None


def _region_after_its_city(start: int, nm: Name, places) -> str | None:
    """"a Palermo, Sicilia", "Graz, Steiermark": a region after a comma right after a city in it says which city."""
    if any(e == start - 1 and o.geo and inside(o.geo, cast(str, nm.geo)) for _, e, o in places):
        return "a region after its city's name (\"a Palermo, Sicilia\"): the city says where"
    return None


# Countries whose towns people name with their state after a comma ("Portland, Maine", "Paris, Texas", "London,
# Ontario", "Perth, WA"); a state there has no finer code, so the town's code is the state's.
CITY_STATE_COUNTRIES = frozenset({"US", "CA", "AU"})
STATE_LIST_AFTER = frozenset({",", "and", "&", "/", "or", "y", "e", "et"})


def _state_after_a_city(lower: list[str], start: int, end: int, nm: Name, places) -> tuple[int, int] | None:
    """Where a state of the countries that write their towns "City, State" is said right after a city or town another
    than its own, after a comma as the last of what is listed there ("portland, maine", "Paris, Texas"), in brackets
    ("portland (maine, not oregon lol)") or right after it ("paris texas"): the span of that city, which is the
    state's namesake of it. Not a state beside another state or in a list ("Texas, Oklahoma", "Seattle, Oregon and
    California")."""
    geo = nm.geo or ""
    if start < 1 or geo[:2] not in CITY_STATE_COUNTRIES or len(geo) < 4 or \
            place_kinds().get(nm.written) != "subdivision" or geo in _children_of():
        return None
    bracket = lower[start - 1] == "("
    if not bracket and end < len(lower) and lower[end] in STATE_LIST_AFTER:
        return None
    city_end = start - 1 if bracket or lower[start - 1] == "," else start
    for s, e, o in places:
        if e == city_end and s < city_end and o.kind == "place" and not o.demonym and not o.site_of and o.geo and \
                place_kinds().get(o.written) in ("city", "town") and o.geo != geo and not inside(o.geo, geo) and \
                not (s and lower[s - 1] in STATE_LIST_AFTER):
            return s, e
    return None


# What says "Bay Area" is San Francisco's, right before it: an article or a word of a whole, its compass parts, its
# city ("the east bay area", "sf bay area"); any other word makes it another bay's ("the tampa bay area").
BAY_AREA_BEFORE = frozenset({"the", "whole", "entire", "our", "my", "this", "sf", "east", "south", "north",
                             "greater", "francisco", "and", "or", "of"})
BAY_NOT_AFTER = frozenset({"of", "area", "bridge", "window", "door", "doors", "leaf", "leaves", "-"})


# "Perth (the Scottish one)", "perth, the scottish one": the writer says which of the cities so named, by the
# adjective of its country or nation; a city the gazetteer places elsewhere is not the one meant.
ONE_OF_ITS_NAME = {"scottish": "GB-SCT", "english": "GB-ENG", "welsh": "GB-WLS", "british": "GB", "irish": "IE",
                   "australian": "AU", "aussie": "AU", "canadian": "CA", "american": "US", "kiwi": "NZ",
                   "uk": "GB", "us": "US"}


def one_of_its_name(lower: list[str], end: int) -> str | None:
    """The country or nation whose adjective says which of the cities so named follows the name ("Perth (the
    Scottish one)": GB-SCT), or the state or country named there ("portland (the maine one, not oregon)": US-ME),
    or None."""
    i = end + 1 if end < len(lower) and lower[end] in ("(", ",", "-", "—") else end
    if lower[i:i + 1] != ["the"] or lower[i + 2:i + 3] != ["one"]:
        return None
    word = lower[i + 1]
    wider = ONE_OF_ITS_NAME.get(word)
    if wider is None and place_kinds().get(word.capitalize()) in ("subdivision", "country"):
        wider = gazetteer().get(word.capitalize())
    return wider


def _another_of_its_name(lower: list[str], end: int, geo: str) -> str | None:
    """Why a city is not the one the writer means, or None: "Perth (the Scottish one)" is no Perth, WA."""
    wider = one_of_its_name(lower, end)
    if not wider or geo == wider or geo[:2] == wider or inside(geo, wider):
        return None
    return "a city its writer says is another of its name (\"Perth (the Scottish one)\"): not the gazetteer's"


# "the one of" between a town and the wider place that says which, as the Romance languages write it ("Granada, la de
# Andalucía", "Córdoba, la de Argentina", "Venezia, quella del Veneto").
THE_ONE_OF = frozenset({("la", "de"), ("el", "de"), ("a", "de"), ("o", "de"), ("a", "do"), ("a", "da"), ("o", "do"),
                        ("quella", "di"), ("quella", "del"), ("quello", "di"), ("celle", "de"), ("celui", "de"),
                        ("celle", "du"), ("celui", "du")})


def towns_in_the_wider_place(lower: list[str], places) -> dict[int, tuple[str, int]]:
    """A town the gazetteer leaves to a city elsewhere, named right before the wider place it lies in, a comma or a
    bracket between or not ("perth scotland, not australia", "Victoria BC"): the town's start -> (its code, the
    wider place's start), the wider place saying which (``geo.town_namesakes``; its own name said alone elsewhere
    stays the gazetteer's city). Not where the gazetteer's city of the name is in that place."""
    table = town_namesakes()
    out: dict[int, tuple[str, int]] = {}
    for start, end, nm in places:
        if nm.written not in table or nm.kind != "place" or not nm.geo or nm.demonym or nm.site_of:
            continue
        j = end + 1 if end < len(lower) and lower[end] in (",", "(") else end
        if tuple(lower[j:j + 2]) in THE_ONE_OF:
            j += 2  # "Granada, la de Andalucía"
        for s, _, wide in places:
            if s != j or wide.kind != "place" or not wide.geo or wide.demonym or \
                    place_kinds().get(wide.written) in ("city", "town", "nickname"):
                continue
            if nm.geo == wide.geo or nm.geo[:2] == wide.geo or inside(nm.geo, wide.geo):
                break  # "Perth, Western Australia": the gazetteer's own
            town = town_namesake_in(nm.written, wide.geo)
            if town:
                out[start] = (town, s)
            break
    return out


# A state named like a country, the country its writer says is meant: "Georgia (the country)", "georgia, the country".
COUNTRY_OF_A_STATES_NAME = {"georgia": "GE"}


def _the_country_of_its_name(lower: list[str], end: int, nm: Name) -> Name | None:
    """"Mobile internet down across Georgia (the country, ...)": the country, not the US state the gazetteer reads."""
    country = COUNTRY_OF_A_STATES_NAME.get(nm.written.lower())
    i = end + 1 if end < len(lower) and lower[end] in ("(", ",", "-", "—") else end
    if country and lower[i:i + 2] == ["the", "country"]:
        return _with(nm, geo=country)
    return None


def _the_place(lower: list[str], start: int) -> bool:
    """A nickname after "in"/"across" and "the", "whole" between them or not: "across the GTA", "in the DMV",
    "across the whole toon"."""
    i = start - 1
    if i > 0 and lower[i] in ("whole", "entire"):
        i -= 1
    return i > 0 and lower[i] == "the" and lower[i - 1] in PLACE_PREPOSITIONS


def _state_code_by_country(places: list) -> list:
    """A name two countries' states share ("WA": Western Australia, Washington) is the one in the country of the
    text's other places where they name exactly one of the two ("telstra down in perth ... anyone else in WA?")."""
    spans: dict[tuple[int, int], set[str]] = {}
    for s, e, o in places:
        if o.kind == "place" and o.geo and len(o.geo) > 2 and not o.demonym and not o.site_of:
            spans.setdefault((s, e), set()).add(o.geo[:2])
    shared = [span for span, countries in spans.items() if len(countries) > 1]
    if not shared:
        return places
    drop = set()
    elsewhere_in = {o.geo[:2] for s, e, o in places if (s, e) not in shared and o.kind == "place" and o.geo}
    for span in shared:
        keep = spans[span] & elsewhere_in
        if len(keep) == 1:
            drop |= {(span, c) for c in spans[span] - keep}
    if not drop:
        return places
    return [(s, e, o) for s, e, o in places if not (o.geo and ((s, e), o.geo[:2]) in drop)]


@functools.lru_cache(maxsize=1)
def _children_of() -> frozenset[str]:
    """Codes that have subdivisions of their own (GB-SCT, FR-IDF): a state of none is where its towns are."""
    return frozenset(subdivision_parents().values())


# "Yesterday" in the languages we read; a place in a clause of its own with it, beside a place in a clause without
# it, is where the problem was, not where it is ("in Delhi NCR, yesterday it was Kolkata").
YESTERDAY = frozenset({"yesterday", "gestern", "ayer", "ieri", "ontem", "gisteren", "wczoraj", "dün", "igår"})
SINCE_WORDS = frozenset({"since", "seit", "desde", "depuis", "da", "dal", "od", "sinds", "sedan", "beri"})
CLAUSE_ENDS = frozenset({",", ";", ".", "!", "?", "but", "aber", "pero", "mais", "ma", "maar", "ale", "men", "ama",
                         "mas", "—", "–", "today", "now", "heute", "hoy", "oggi", "hoje", "vandaag", "dzisiaj", "bugün",
                         "idag", "aujourd'hui"})


NOW_WORDS = frozenset({"today", "now", "heute", "hoy", "oggi", "hoje", "vandaag", "dzisiaj", "bugün", "idag",
                       "aujourd'hui", "jetzt", "ahora", "ora", "agora", "nu", "teraz", "şimdi"})


def _clause(lower: list[str], at: int) -> tuple[int, int]:
    i = at
    while i > 0 and lower[i - 1] not in CLAUSE_ENDS:
        i -= 1
    j = at
    while j < len(lower) and lower[j] not in CLAUSE_ENDS:
        j += 1
    if i and lower[i - 1] in NOW_WORDS:
        i -= 1  # "today it's Hillsboro": the word that opens it
    return i, j


def _clause_has_yesterday(lower: list[str], at: int) -> bool:
    i, j = _clause(lower, at)
    return any(lower[k] in YESTERDAY and not (k and lower[k - 1] in SINCE_WORDS) and
               not (k + 1 < len(lower) and lower[k + 1] in SINCE_WORDS) for k in range(i, j))


def _yesterdays_place(lower: list[str], start: int, spots: list[tuple[int, int]], symptom_at) -> str | None:
    """A place in a clause that says "yesterday", beside a place in a clause that does not ("airtel gone in Delhi
    NCR, yesterday it was Kolkata", "Hetzner Ashburn had the issue yesterday; today it's Hillsboro"): where the
    problem was, not where it is. Not "down since yesterday"."""
    if not _clause_has_yesterday(lower, start):
        return None
    def now_there(at: int) -> bool:  # the other place's clause says the problem, or says now
        i, j = _clause(lower, at)
        return any(i <= k < j for k in symptom_at) or not NOW_WORDS.isdisjoint(lower[i:j])

    if any(s != start and not _clause_has_yesterday(lower, s) and now_there(s) for s, _ in spots):
        return "where the problem was yesterday, beside a place where it is now (\"yesterday it was Kolkata\")"
    return None


def _bracketed_code_of(lower: list[str], start: int, end: int, places, spots, texts) -> str | None:
    """A site's code in brackets after its city's name ("rerouted to Cape Town (CPT)", "shifted to Brisbane (BNE)")
    is where the name is: moved to, it was moved to too."""
    if start < 2 or lower[start - 1] != "(" or end >= len(lower) or lower[end] != ")":
        return None
    for s, e, o in places:
        if e == start - 1 and not o.site_of:
            return _workaround(lower, s, e, texts) or _moved_with(lower, s, spots, texts)
    return None


def _national_arm(texts: list[str], start: int, nm: Name, names, places) -> bool:
    """A country's name written with its capital right after a service's or an operator's, beside a place in
    that country ("Vodafone Egypt no signal in Cairo", "Vodafone Italia clienti a Verona"): the brand's company
    there, as its customers name it; the city says where. Alone it stays ("Netflix Türkiye fiyatlarına zam",
    "Vodafone UK subscribers can't send texts": the writers label the country)."""
    if len(nm.geo or "") != 2 or not start or not texts[start][:1].isupper() or not texts[start - 1][:1].isupper():
        return False
    country = cast(str, nm.geo)
    if not any((o.geo or "").startswith(country + "-") or any(code.startswith(country + "-") for code, _ in
                                                           namesakes().get(o.written, ())) for _, _, o in places):
        return False  # (a city others share, one of them in the country: "Movistar Argentina ... en Córdoba")
    if texts[start - 1].lower() in operators.all_keys():  # "Vodafone Egypt", "Orange Polska" (a worded name too)
        return True
    return any(e == start and any(o.kind == "service" for o in ns) for s, e, ns in names)


# A cloud region as the languages we read call it: a display name beside one is a region, its provider unnamed.
CLOUD_REGION_WORDS = frozenset({"region", "regions", "regione", "regioni", "región", "regiones", "região", "regiões",
                                "région", "régions", "regio", "regio's", "regionen", "bölge", "bölgesi", "bölgesinde",
                                "bölgesindeki", "bölgesinden", "bölgesine", "regionu", "regionie", "regiony",
                                "regionerna"})
CLOUD_REGION_CJK = ("リージョン", "리전")


def _named_as_region(lower: list[str], end: int, services: dict, vocab: Vocabulary) -> bool:
    """"new West US region launch means lower latency": an English display name said as a region, "region" right
    after it, with no service of another named ("Codespaces in East US region" is GitHub's)."""
    return end < len(lower) and lower[end] in ("region", "regions") and not any(
        vocab.provider_of.get(s) in (None, s) or "/" not in s for s in services)


def _cloud_region_word(lower: list[str], texts: list[str], name: str) -> bool:
    """The text says "region" as cloud providers do, in one of the languages we read, of a display name in
    another language (``data/region_names.json``: "Italia settentrionale", "한국 남부") or with "cloud" ("UK South
    cloud region"; an English name alone, "Codespaces in East US ... change region", is no provider's)."""
    said = not CLOUD_REGION_WORDS.isdisjoint(lower) or any(w in t for t in texts if not t.isascii()
                                                          for w in CLOUD_REGION_CJK)
    return said and ("cloud" in lower or name.lower() in _localized_region_names())


# Words of a cloud's workloads: beside a display name of the "<country> <direction>" shape only one provider has
# ("qatar central is having a moment, storage account timeouts", "app service in australia east returning 503s").
CLOUD_WORKLOADS = frozenset({"vm", "vms", "vm's", "vm:ar", "vm-ki", "vmy", "instance", "instances", "storage", "blob",
                             "bucket", "buckets", "cluster", "clusters", "aks", "kubernetes", "k8s", "deploy",
                             "deploys", "deployment", "deployments", "provisioning", "sql", "database", "databases",
                             "kudu", "workloads", "webapp", "webapps"})
DIRECTIONS = frozenset({"north", "south", "east", "west", "central"})


def _country_and_direction(name: str, lower: list[str]) -> bool:
    """A region's display name made of a country's name and a direction ("Brazil South", "Qatar Central", "Italy
    North", "South Africa North"; its number after it or not), which English prose does not write of a country, in a
    text about a cloud's workloads (``CLOUD_WORKLOADS``, "app service"): that region, where only one provider has the
    name (the caller asks). Not "US East", "East US" or "Central India": a direction first, or a status page's
    region of any service."""
    words = name.split()
    if words and words[-1].isdigit():
        words = words[:-1]
    if len(words) < 2 or words[-1].lower() not in DIRECTIONS or words[0] == "US":
        return False
    code = gazetteer().get(" ".join(words[:-1]))
    if not code or len(code) != 2:
        return False
    return not CLOUD_WORKLOADS.isdisjoint(lower) or any(
        w == "app" and lower[i + 1:i + 2] == ["service"] for i, w in enumerate(lower))


@functools.lru_cache(maxsize=1)
def _localized_region_names() -> frozenset[str]:
    """The built names with a word no display name of the catalog (English) has ("Italia settentrionale", "한국
    남부"; not "US West", which is English and a status page's "US West voice region" too)."""
    from outagewatch.catalog import load_catalog

    english = {w for region in load_catalog().regions.values() for name in (region.name,)
               for w in re.split(r"[\s(),.-]+", name.lower()) if w}
    return frozenset(n.lower() for names in region_names().values() for n in names
                     if not set(w for w in re.split(r"[\s(),.-]+", n.lower()) if w) <= english)


# "Abroad" in the languages the people words are read in: "los españoles en el extranjero" are not in Spain.
ABROAD = frozenset({"abroad", "overseas", "extranjero", "exterior", "estero", "ausland", "étranger", "etranger",
                    "buitenland", "granicą", "granica", "utlandet", "utomlands", "yurtdışında", "yurtdışındaki",
                    "yurt"})


def _people_abroad(lower: list[str], start: int, end: int, nm: Name, places) -> str | None:
    """Why a country's people are not said of their country: a place of another country said right by them
    ("los españoles en Londres", "Polacy w Niemczech", "Almanya'daki Türkler", "os brasucas em Portugal"), or
    abroad ("gli italiani all'estero")."""
    if len(nm.geo or "") != 2:
        return None
    near = range(max(0, start - 3), min(len(lower), end + 4))
    if any(lower[i].replace("’", "'").rpartition("'")[2] in ABROAD for i in near):  # "all'estero", "l'étranger"
        return "a country's people abroad (\"gli italiani all'estero\"), not where"
    for s, e, other in places:
        if other.demonym or not other.geo or other.geo[:2] == nm.geo or s >= end + 4 or e <= start - 3:
            continue
        if s >= end and any(lower[i] in PLACE_PREPOSITIONS for i in range(end, s)) or e <= start:
            return "a country's people in another country (\"los españoles en Londres\", \"Polacy w Niemczech\")"
    return None


def _addressed(texts: list[str], lower: list[str], start: int, end: int) -> bool:
    """A country's people opening the post, called on as a nation ("Swedes, BankID not working? ... Göteborg
    here", "Poles: mBank ... Wrocław"): the country is where, beside the city the writer is in."""
    first = 1 if start == 1 and lower[0] in demonyms.OPENERS else 0
    return start == first and end < len(lower) and lower[end] in (",", ":", "—", "–", "-", "?")


def _place_rule(doc, texts, lower, start, end, nm: Name, talk, place_at: AbstractSet[int] = frozenset(),
                brands: tuple[set[int], set[int], set[int]] | None = None) -> str | None:
    """Why a place match is not a place here, or None. ``place_at``: where other places start; ``brands``: where
    tagged services and operators begin and end (``_brand_edges``)."""
    n = len(lower)
    written = texts[start]
    cased = written[:1].isupper() or not written[:1].isascii()
    context = _place_context(lower, start, end, texts) or _listed_place(texts, lower, start) or \
        _dateline(texts, start, end) or _beside_a_place(lower, start, end, place_at)
    # "izmir superonline fiber yok", "monterrey entero caído", "all over nairobi": said as the place in lower case
    said_lower = not cased and talk and brands is not None and \
        _said_in_lower(lower, start, end, nm, brands, doc.user_data.get(LANG))
    # "izmirde", "ataşehirden": a place in Türkiye with its ending of where written on (``inflected.tr_place_form``)
    tr_where = nm.form_of is not None and doc.user_data.get(LANG) == "tr" and (nm.geo or "").startswith("TR") \
        and texts[start].isalpha()
    # "here in cambridge", "bij amersfoort", "heel eindhoven", "lagos: ...", "our shanghai office": said as a place in
    # lower case, plainly, whatever is beside it (a smaller town or a big city abroad too, ``_said_plainly``)
    plainly = not cased and (_said_plainly(lower, start, end, doc.user_data.get(LANG))
                             or end + 1 < n and lower[end] == "(" and end + 1 in place_at  # "cambridge (uk)"
                             or end < n and _state_code_of_a_namesake(nm, texts[end])  # "springfield MO"
                             or start > 1 and lower[start - 1] in REGION_OF and lower[start - 2] in CLOUD_REGION_WORDS)
    # "in the gong", "anybody else in the bx?": a city's own nickname after "in the" in lower case too (not "the bay")
    nickname = nm.written in NICKNAME_READ_IN and nm.written != "Bay" and _the_place(lower, start)
    # "bursa'da", "izmit'teki", "trabzon'da": a place in Türkiye with its case ending after an apostrophe, in lower
    # case too (the ending says it is a place: "bursa" the word has none)
    tr_case = doc.user_data.get(LANG) == "tr" and (nm.geo or "").startswith("TR") and end < n and \
        lower[end] in PLACE_CASES
    # "paypal schlägt fehl, stuttgart, egal welche karte", "spotify plante, marseille, fibre bouygues", "... . luleå.":
    # in lower case, a clause of its own in a text about an outage, in a language of its country (``_own_clause``)
    lang = doc.user_data.get(LANG)
    alone = not cased and talk and _own_clause(texts, lower, start, end, place_at) and (
        lang in TOWN_LANGUAGES.get((nm.geo or "")[:2], ()) or lang == "en" and (nm.geo or "")[:2] in OFFICIAL_IN["en"]) \
        and lower[start] not in demonyms.demonyms().get(lang or "", ())  # "curitibanos, ...": people, not the town
    plainly = plainly or alone
    context = context or said_lower or tr_where or plainly or nickname or tr_case
    if (nm.gazetteer_only and written.isupper() and len(written) > 2) or (end < n and lower[end] == "/"):
        return "an acronym or a time zone (\"APAC\", \"US/Pacific\")"
    if _state_code(nm) and doc.user_data.get(LANG) not in STATE_CODE_LANGUAGES[cast(str, nm.geo)[:3]]:
        return "a state code in a text not in its country's language (\"IA\" is AI in Italian, \"SP\" São Paulo " \
            "only in Portuguese)"
    town = _town_rule(doc, texts, start, end, nm, cased or plainly or tr_case) or _district_rule(
        doc, texts, start, end, nm, cased or plainly and doc.user_data.get(LANG) == "en"
        and (nm.geo or "")[:2] in OFFICIAL_IN["en"])  # "across koramangala": English where it is spoken
    if town:
        return town
    if elsewhere.script_city(nm.written) and not elsewhere.script_city_said(texts, start, nm.written):
        return "a city abroad in katakana or hangul not said as where (no particle or word of place right after it: " \
            "\"뉴욕타임스\", \"도쿄로\" moved to; \"ソウルで\", \"뉴욕에서\", \"런던 사는데\" are)"
    if nm.gazetteer_only and doc.user_data.get(LANG) not in NICKNAME_LANGUAGES.get((nm.geo or "")[:2], ()) \
            and place_kinds().get(nm.written) == "nickname":
        return "a city's nickname or short form in a language not its country's (\"Seul\" is French \"alone\")"
    if nm.written == "Bay Area" and start and lower[start - 1].isalpha() and lower[start - 1] not in BAY_AREA_BEFORE \
            and lower[start - 1] not in PLACE_PREPOSITIONS and lower[start - 1] not in PLACE_FILLERS:
        return "another bay's area (\"the tampa bay area\", \"the whole james bay area\"), not San Francisco's"
    if nm.written == "Bay" and not (talk and _the_place(lower, start) and lower[start - 2] in ("in", "across")
                                    and (end == n or not texts[end][:1].isupper() and lower[end] not in BAY_NOT_AFTER)):
        return "a bay, not said as the Bay Area (\"in the Bay\" with a service or a problem is)"
    if nm.written in NICKNAME_READ_IN and start and lower[start - 1] in ("a", "an"):
        return "a nickname after an English article: the word (\"a welly\", \"a manny\" for a family)"
    if nm.written in NICKNAME_READ_IN and doc.user_data.get(LANG) not in NICKNAME_READ_IN[nm.written]:
        return "a city's nickname in a language its people do not write it in (\"de toon\" is Dutch \"the tone\")"
    if nm.written in NICKNAME_NEEDS_CONTEXT and (end < n and texts[end][:1].isupper() or not (
            _place_context(lower, start, end, texts) or _the_place(lower, start))):
        return "a region's nickname that is also something else, not said as a place (\"GTA Online\", \"the DMV " \
            "website\"; \"across the GTA\", \"in the DMV\" are)"
    if nm.initials or _state_code(nm) and nm.written in city_initials():
        why = _initials_rule(texts, start, nm, doc.user_data.get(LANG))
        if why:
            return why
    foreign = _foreign_minor(texts, lower, start, end, nm, cased or said_lower or plainly and doc.user_data.get(LANG)
                             == "en" and place_kinds().get(nm.written) == "city")  # "lagos: MTN data was gone"
    if foreign:
        return foreign
    if not cased and not tr_case and not _town_named_like_an_english_word(nm, plainly, doc.user_data.get(LANG)):
        if nm.everyday_place or nm.minor_place:
            return "lower case, and an everyday word or a minor subdivision"
        if nm.ambiguous_place and not context:
            return "lower case, also a name, no \"in ...\""
        if len(nm.written) < 4 and lower[start] not in SHORT_LOWER and not (start and lower[start - 1] == "the") \
                and not _short_city_in(lower, start, nm, doc.user_data.get(LANG)) and not (nm.initials and plainly):
            return "a short form in lower case (\"us\"; \"the us\" is the country)"
        if not (doc.user_data.get(LANG) == "en" or context):
            return "lower case outside English without \"in ...\""
    if nm.gazetteer_only and not talk:
        # Where a text is set is a place whatever it is about ("Hetzner baut neues Rechenzentrum in
        # Nürnberg", "lost somewhere in kraków's old town"), but only if said as a place: news and
        # chatter about nothing name people and things after small places ("Unity", "Paul").
        if nm.minor_place or nm.everyday_place:
            return "a minor subdivision or an everyday word in a text about no outage"
        said = _place_context(lower, start, end, texts) and not (start and lower[start - 1] in NOT_WHERE) \
            or _dateline(texts, start, end) or (_listed_place(texts, lower, start) and not nm.ambiguous_place) \
            or _cjk_place_said(texts, start, nm.written) or _named_outright(doc, texts, lower, start, end, nm) \
            or elsewhere.script_city(nm.written) and elsewhere.script_city_said(texts, start, nm.written) \
            or tr_where
        if not said:
            return "a gazetteer place in a text about no outage (no outage, recovery or stage word, no service), without \"in ...\""
    lang = doc.user_data.get(LANG)
    if nm.form_of and lang not in FORM_LANGS and not (lang == "tr" and (nm.geo or "").startswith("TR")):
        return "an inflected form of a Polish, German or Swedish name in a text of another language (\"Bonne " \
            "nouvelle\" is no Bonn)"
    if start and lang in CLUB_ARTICLES and lower[start - 1] in CLUB_ARTICLES[lang] and \
            place_kinds().get(nm.written) == "city":
        return "a city's name after an article: its football club (\"el Madrid\", \"il Milan\")"
    if len(nm.geo or "") == 2 and written.isupper() and len(written) <= 3 and end < n and lower[end] in DESTINATION_NOUNS \
            and not (lower[end] in OPERATOR_CUSTOMERS and start > 0 and texts[start - 1][:1].isupper()):
        return "a country's short code before the phone networks messages go to (\"delivery to US carriers\", " \
            "\"US numbers\"), no place"
    why = _cjk_not_a_place(texts[start], nm.written)
    if why:
        return why
    if _korean_adjective(texts, start, nm):
        return "a country's name before a Korean noun: its adjective (\"한국 드라마\"), not where"
    if cased and _company_name(texts, lower, start, end):
        return "a place inside a company's or club's name (\"Alaska Airlines\", \"Air Canada\", \"Bank of America\", " \
            "\"Real Madrid\")"
    if cased and start and texts[start - 1] == "Little" and nm.kind == "place":
        return "a neighbourhood named after a place (\"Little Havana\", \"Little Italy\"): not that place"
    if not cased and end < n and lower[end] in AIRLINE_WORDS and texts[end].islower():
        return "an airline named after its city, in lower case (\"brussels airlines app crasht\")"
    if cased and _capitals_unlike(written, nm.written):
        return "a brand written with capitals the place's name has not (\"TVer\" is the streaming service, not Tver)"
    if end - start == 1 and (lower[start] in COMPASS_WORDS or lower[start] in COMPASS_ADJECTIVES) and end < n \
            and texts[end][:1].isupper():
        return "a compass word that begins a longer name (\"North America\", \"Western Sydney\")"
    if end - start > 1 and lower[start] in COMPASS_WORDS and texts[start].islower() and texts[start + 1][:1].isupper():
        return "a compass word in lower case before a place (\"east London\" is a part of London)"
    if lower[start] == "houston" and any(tuple(lower[start:start + len(saying)]) == saying for saying in PLACE_SAYINGS):
        return "a saying (\"Houston, we have a problem\"), no place"
    if end - start == 2 and start and texts[start].islower() and \
            lower[start - 1] in PLACE_ANTI_TWO.get((lower[start], lower[start + 1]), ()):
        return "the everyday thing a two-word place is named like (\"this new jersey is fire\")"
    anti = PLACE_ANTI.get(lower[start]) if end - start == 1 else None  # not "Jersey Shore"
    if anti and ((start and lower[start - 1] in anti[0]) or (end < n and lower[end] in anti[1])):
        return "the everyday word (\"fine china\")"
    return None


# Where a place is said to be fine, in the words that follow it ("rest of the UK seems fine",
# "İstanbul'da sorun yok", "서울은 괜찮다는데"): the problem is not there.
FINE_AFTER = ("sorun yok", "sorunsuz", "no problem", "no issues", "ok", "okay", "all good",
              "sin problemas", "funciona bien", "va bien", "sem problemas", "funciona normal", "funciona bem",
              "senza problemi", "funziona bene", "keine probleme", "läuft normal", "geen problemen", "werkt prima",
              "pas de problème", "aucun problème", "fonctionne bien", "marche bien", "bez problemów", "działa normalnie")
# (each phrase by its first two letters: the words after a place are compared only with the phrases they may start)
_FINE_AFTER_BY_START: dict[str, tuple[str, ...]] = {
    start: tuple(p for p in FINE_AFTER if p[:2] == start) for start in {p[:2] for p in FINE_AFTER}}
FINE_CJK = ("괜찮", "문제없", "문제 없", "멀쩡", "大丈夫", "問題ない", "問題なし", "正常")
# Getting round a problem by going elsewhere ("VPN'd to Amsterdam", "failed over to us-west-2"):
# that place is where things work.
WORKAROUND_TO = frozenset({"to", "into", "nach", "naar", "vers", "en", "a", "al", "para", "pra", "do", "w",
                           "sur", "auf", "op", "su", "na", "till"})
WORKAROUND_WORDS = frozenset({"failover", "switched", "switching", "rerouted", "rerouting", "redirected",
                              "redirecting", "bascule", "basculé", "basculons", "basculer",
                              "umgeschaltet", "umgestellt", "overgeschakeld", "overgestapt", "uitgeweken",
                              "cambiamos", "cambiado", "migramos", "mudamos", "spostato", "spostati", "passati",
                              "przełączyliśmy", "przenieśliśmy", "bytte", "flyttade", "växlade", "changed",
                              "cambié", "mudei", "troquei", "zmieniłem", "zmieniłam", "zmieniliśmy",
                              "gewechselt", "changé", "cambiato",
                              # moving the work: "moved to Hetzner Helsinki", "movimos todo a europe-west1",
                              # "jogamos o tráfego pra us-east-1", "przerzuciliśmy ruch do Frankfurtu"
                              "moved", "moving", "migrated", "migrating", "shifted", "shifting", "routed", "diverted",
                              "evacuated", "umgezogen", "verschoben", "umgeleitet", "migriert", "ausgewichen",
                              "verhuisd", "geschoven", "verplaatst", "omgeleid", "gemigreerd", "overgezet",
                              "movimos", "movido", "trasladamos", "trasladado", "redirigimos", "desviamos",
                              "jogamos", "jogou", "movemos", "migramos", "redirecionamos", "desviamos", "levamos",
                              "migrato", "migrati", "dirottato", "deviato", "migré", "déplacé", "redirigé",
                              "déménagé", "przerzuciliśmy", "przekierowaliśmy", "zmigrowaliśmy", "flyttat",
                              "migrerade", "styrde", "taşıdık", "yönlendirdik", "aktardık", "umgeschwenkt", "geschwenkt",
                              "transferi", "transferimos", "transferido", "transferimos", "aldık"})
# Verbs of moving that people also use of moving house ("moving to denver next month"): the work moved only
# with what was moved named ("movimos todo a", "alles nach Helsinki umgezogen", "moved traffic to") or a
# provider's name before the place ("moved to Hetzner Helsinki").
MOVES = frozenset({"moved", "moving", "movimos", "movido", "movemos", "trasladamos", "trasladado", "verhuisd",
                   "verplaatst", "umgezogen", "déménagé", "déplacé", "levamos", "flyttat", "taşıdık", "aldık"})
WORK_MOVED = frozenset({"traffic", "everything", "workloads", "workload", "servers", "instances", "prod", "production",
                        "alles", "todo", "tudo", "tutto", "tout", "wszystko", "allt", "her", "şeyi", "tráfico",
                        "tráfego", "traffico", "trafic", "verkehr", "verkeer", "ruch", "trafiken", "trafiği",
                        "cluster", "clusters", "deployments", "apps", "services", "db", "database"})
# German and Dutch put the verb last ("alles nach Helsinki umgezogen", "naar Noord-Europa geschoven"),
# Turkish after the place's case ending ("Frankfurt'a taşıdık").
VERB_LAST = frozenset({"nach", "naar", "in", "auf", "op", "ins"})
# Japanese and Korean: a place then "に"/"로" and a word for switching or failing over ("大阪リージョンに切り替えて",
# "도쿄로 페일오버"), or a standby copy made there ("フェイルオーバーグループを東日本にも作って", "西日本にDR環境").
CJK_STANDBY = re.compile(r"(?:DR|フェイルオーバー|バックアップ|待機|レプリカ)[^、。？！]{0,12}を$")
CJK_WORKAROUND = re.compile(r"^(?:リージョン|region|리전)?(?:に|へ|로|으로)(?:も)?.{0,12}?(?:切り替え|切替|移行|フェイルオーバー|"
                            r"退避|逃が|DR|待機|バックアップ|페일오버|전환|옮|이전|우회|백업)")
FAIL_OVER = frozenset({"fail", "failed", "failing", "fails"})
# A standby copy, kept elsewhere so a problem in one place can be got round: that place is not where it is.
REPLICA_WORDS = frozenset({"replica", "replicas", "réplica", "réplicas", "replika", "replikę", "replikacja", "repliek",
                           "dr", "standby", "zapasowe", "zapasowy", "zapasową", "zapasowym", "secondary", "secundaria",
                           "secundária", "secondaire", "secondario", "sekundär"})
# Said right after a place (its brackets skipped), the copy or the failover that kept things going is there:
# "Singapore replica kept the site up", "Geneva (Switzerland West) secondary took over", "japanwest failover".
STANDBY_AFTER = REPLICA_WORDS | {"failover", "fail-over", "backup"}


def _fine_in_clause(texts: list[str], lower: list[str], spots: list[tuple[int, int]], found: list,
                    held: AbstractSet[str] | None = None) -> set[int]:
    """Places said fine in their own clause (nlp/fine.py), kept empty unless another place stays or a problem
    is said elsewhere: a text about one place that works again still says where it was. ``held``: as
    :func:`fine.may_say_fine` reads it."""
    if not spots or not fine.may_say_fine(texts, lower, held):
        return set()
    # the clause right after the name ("Outlook werkt wel"), its whole clause ("netflix is fine on the same tv"),
    # a status line's colon ("Instagram and Facebook: no known issues.")
    said = fine.fine_places(lower, spots, found) | fine.clause_fine(texts, lower, spots, found) | \
        fine.component_fine(lower, spots)
    if not said:
        return said
    # "à Lille le réseau SFR est mort, à Paris tout va bien": the problem is said elsewhere, even where its
    # place is unknown; "netflix is fine here in chicago, must be your isp" says no problem and keeps it
    for s, _ in spots:
        if s not in said:
            return said
    return said if fine.problem_said(lower, found) else set()


def _cjk_fine(token: str, written: str) -> bool:
    """"東日本は問題なし": in a run of CJK text, the name then (after a particle) a fine-word, or the rest
    of its clause in the run says it works ("東京の友達は普通に見れてる")."""
    at = token.find(written) if written and not token.isascii() else -1
    return at >= 0 and (token[at + len(written):].lstrip("은는이가도에서의はもでがの ").startswith(FINE_CJK)
                        or fine.cjk_clause_fine(token, written))


def _moved_with(lower: list[str], start: int, spots: list[tuple[int, int]], texts: list[str]) -> str | None:
    """"cambié la región a Madrid y a París", "na Warszawę i Berlin": a place joined by "and" or a comma to
    a place the work was moved to was moved to as well."""
    i = start - 1
    while i >= 0 and start - i <= 2 and lower[i] in WORKAROUND_TO:
        i -= 1
    if i < 1 or lower[i] not in fine.JOINERS:
        return None
    before = [s for s, e in spots if e == i]
    if not before:
        return None
    return _workaround(lower, before[0], i, texts) or _moved_with(lower, before[0], spots, texts)


def _standby_after(lower: list[str], end: int) -> str | None:
    """"Singapore replica kept the site up", "Geneva (Switzerland West) secondary took over", "japanwest
    failover is what keeps us alive", "İrlanda'ya aldık" after the traffic: the place named just before a word
    for a standby copy or a failover (a bracket between skipped), or with a Turkish ending of where to before
    a verb of moving what was moved, is where the work went, not where the problem is."""
    n = len(lower)
    k = end + (end < n and lower[end] == ")")  # "UK West (Cardiff) secondary": the place in the brackets
    if k < n and lower[k] == "(":
        close = next((x for x in range(k + 1, min(n, k + 6)) if lower[x] == ")"), None)
        k = close + 1 if close is not None else k
    if k < n and lower[k] in STANDBY_AFTER:
        return "where a standby copy or the failover is (\"... replica kept the site up\"), not where the problem is"
    if end < n and lower[end] in TR_DATIVE:
        for j in range(end + 1, min(n, end + 4)):
            if lower[j] in WORKAROUND_WORDS and (lower[j] not in MOVES or not WORK_MOVED.isdisjoint(lower[max(0, end - 5):end])):
                return "where the work was moved to get round the problem (\"VPN'd to ...\", \"failed over to ...\")"
            if lower[j] in lexicon.CLAUSE_BREAKS:
                break
    return None


def _workaround(lower: list[str], start: int, end: int | None = None, texts: list[str] | None = None) -> str | None:
    """"VPN'd to Amsterdam", "a vpn to the us", "failed over to us-west-2", "switched to eu-west-1",
    and where a standby copy lives ("replica su Francoforte", "a cross-region replica in asia-south2")."""
    after = _standby_after(lower, end if end is not None else start + 1)
    if after:
        return after
    i = start - 1
    while i >= 0 and lower[i] in ("the", "our", "los", "die", "de", "les", "la", "os", "gli"):
        i -= 1
    if i < 0:
        return None
    if lower[i] in PLACE_PREPOSITIONS or lower[i] in WORKAROUND_TO:
        for j in range(i - 1, max(-1, i - 4), -1):
            if lower[j] in REPLICA_WORDS:
                return "where a standby copy is kept (\"a replica in ...\", \"DR in ...\"), not where the problem is"
            if lower[j] in lexicon.CLAUSE_BREAKS:
                break
    named = False
    if lower[i] not in WORKAROUND_TO and i and lower[i - 1] in WORKAROUND_TO and texts is not None \
            and texts[i][:1].isupper():
        i -= 1  # "moved to Hetzner Helsinki": the provider's name between
        named = True
    if lower[i] not in WORKAROUND_TO:
        return None
    said = "where the work was moved to get round the problem (\"VPN'd to ...\", \"failed over to ...\")"
    if lower[i] in VERB_LAST or (end is not None and end < len(lower) and lower[end] in PLACE_CASES):
        for j in range(end if end is not None else start + 1, min(len(lower), (end or start + 1) + 5)):
            if lower[j] in WORKAROUND_WORDS and (lower[j] not in MOVES or named
                                                 or not WORK_MOVED.isdisjoint(lower[max(0, i - 3):i])):
                return said
            if lower[j] in lexicon.CLAUSE_BREAKS and lower[j] not in fine.JOINERS:
                break  # "auf Wien und Berlin gewechselt": the places joined, then the verb
    for j in range(i - 1, max(-1, i - 6), -1):
        word = lower[j]
        if word in MOVES and not (named or not WORK_MOVED.isdisjoint(lower[j + 1:i])):
            return None  # "moving to denver next month": people move house
        if word.startswith("vpn") or word in WORKAROUND_WORDS or \
                (word == "over" and j and lower[j - 1] in FAIL_OVER):
            return said
        if word in lexicon.CLAUSE_BREAKS:
            break
    return None


def _said_fine(texts: list[str], lower: list[str], start: int, end: int, fine_at: list[int],
               place_at: set[int]) -> bool:
    """The words right after the place say it is fine there, before any other place or clause break."""
    n = len(lower)
    if fine_at and any(end <= f <= end + 2 and not place_at.intersection(range(end, f))
                       and lexicon.CLAUSE_BREAKS.isdisjoint(lower[end:f]) for f in fine_at):
        return True  # "Delhi is fine", "rest of the UK seems fine"
    j = end + (end < n and lower[end] in PLACE_CASES)  # "İstanbul'da"
    tail = " ".join(lower[j:j + 3])
    if any((tail == p or tail.startswith(p + " ")) and not tail[len(p):].lstrip().startswith("?")
           for p in _FINE_AFTER_BY_START.get(tail[:2], ())):
        return True  # not a question: "is Porto ok?"
    token = texts[end - 1]
    if end - start == 1 and not token.isascii():  # a CJK place: the rest of its run, then the next run
        after = [token[token.find(texts[start][:1]) + 1:], texts[end] if end < n else ""]
        if end + 1 < n and after[1].startswith(("쪽", "지역", "일대")) and \
                not after[1].lstrip("쪽지역일대").strip("은는이가도에서의엔") and after[1] != "지역에서":
            after.append(texts[end + 1])  # "경북 쪽은 멀쩡": the side of it, then the fine-word
        return any(part.lstrip("은는이가도에서의 ").startswith(FINE_CJK) for part in after if part) or \
            any(part.startswith(FINE_CJK) for part in after[1:] if part)
    return False


def _compound_part(doc, texts: list[str], start: int, end: int, nm: Name, place_at: set[int]) -> bool:
    """"West-Europa", "Amsterdam-Zuid", "quarta-feira": a place that is a part of a word joined with
    hyphens is not a place of its own when it is a minor subdivision or an everyday word (a
    compass word: "West", "Zuid", "Nord"), or when it follows a part that is no place. The
    compound as a whole, if it is a name ("Baden-Württemberg", "Noord-Holland"), matched whole."""
    n = len(texts)
    before = start >= 2 and texts[start - 1] == "-" and not doc[start - 2].whitespace_ and not doc[start - 1].whitespace_
    after = end + 1 < n and texts[end] == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_
    if before and texts[start].lower() in OPENING_PART_WORDS and (start - 2) in place_at:
        return True  # "Antwerpen-Noord": the north of Antwerp, not the French Nord
    if not (before or after) or not nm.gazetteer_only:
        return False
    if nm.minor_place or nm.everyday_place:
        return True
    return before and (start - 2) not in place_at


# Words that say a place names a provider's region: "la región de AWS en España", "Frankfurt region".
REGION_NOUNS = frozenset({"region", "regions", "región", "regiones", "região", "regiões", "regione", "regioni",
                          "région", "régions", "regio", "regio's", "regionen", "regionie", "regionu", "regionem"})


# German makes a city's adjective with -er ("Frankfurter", "Berliner", "Züricher"); before these nouns beside a
# cloud provider it names the provider's region or data centre in that city.
CITY_ADJECTIVE_NOUNS = frozenset({"region", "regionen", "rechenzentrum", "rechenzentren", "cloud-region"})


def _city_adjective_places(texts: list[str], lower: list[str], vocab: Vocabulary) -> list[tuple[int, int, Name]]:
    """"Frankfurter Region bei AWS wieder wackelig", "Nach Ausfall bei Google Cloud: Frankfurter Region wieder
    voll verfügbar", "Stromausfall in Frankfurter Rechenzentrum": the city before the noun, a place (its regions
    read as any place's beside the provider)."""
    found: list = []
    for i in range(len(lower) - 1):
        word = texts[i]
        if lower[i + 1] in CITY_ADJECTIVE_NOUNS and word[:1].isupper() and len(word) > 4 and word.endswith("er"):
            found.extend((i, i + 1, nm) for nm in vocab.phrases.get(lower[i][:-2], ())
                         if nm.kind in ("place", "region") and (nm.ids or nm.located))
    return found


def _region_by_search(texts: list[str], lower: list[str], start: int, end: int, nm: Name, ctx: SourceContext,
                      vocab: Vocabulary) -> str | None:
    """The one provider with regions the search that found the text names (``x:search:aws 障害``), and a place
    said as a cloud region right after it ("東京リージョン", "서울 리전", "Ohio region", "Frankfurt-Region"):
    that provider's region there, if it has one."""
    searched = [p for p in ctx.named if p in vocab.regions_by_provider]
    if len(searched) != 1:
        return None
    word = texts[start]
    rest = word[word.find(nm.written) + len(nm.written):] if not word.isascii() and nm.written in word else ""
    said = rest.startswith(CLOUD_REGION_CJK) or (end < len(lower) and (
        lower[end] in REGION_NOUNS or texts[end].startswith(CLOUD_REGION_CJK)))
    if not said:
        return None
    provider = searched[0]
    named = [r for r in nm.ids if r.startswith(provider + ":")]
    located = [r for r in nm.located if r.startswith(provider + ":")]
    ids = named if len(named) == 1 else located
    return ids[0] if len(ids) == 1 else None


def _wide_place(nm: Name) -> bool:
    """A country or a province (not a city): ISO 3166-1, or a first-level subdivision the gazetteer
    holds as one (Lombardia, Noord-Holland; not Milano, the metropolitan city)."""
    geo = nm.geo or ""
    if len(geo) == 2 and fold(nm.written) in _region_cities():
        return False  # a city-state a catalog region is named after: "KMS ... in Singapore" beside AWS
    return len(geo) == 2 or (bool(geo) and place_kinds().get(nm.written) == "subdivision"
                             and geo not in subdivision_parents())


@functools.lru_cache(maxsize=1)
def _region_cities() -> frozenset[str]:
    """The cities the catalog's regions are in, folded ("singapore", "hong kong")."""
    from outagewatch.catalog import load_catalog

    return frozenset(fold(r.city) for r in load_catalog().regions.values() if r.city)


# AWS's area words before a country in brackets ("Europa (Ierland)", "Avrupa (İrlanda)"): the region's name.
AREA_BEFORE = frozenset({"europe", "europa", "avrupa", "eu", "pacific", "pacífico", "pacifico", "pacifique",
                         "asien-pazifik", "ásia-pacífico", "asie-pacifique", "azië-pacific", "pacyfik", "pasifik",
                         "east", "osten", "orient", "oriente", "wschód", "doğu", "mellanöstern", "midden-oosten",
                         "america", "américa", "amerika", "ameryka"})


def _region_word_near(lower: list[str], start: int, end: int) -> bool:
    return not REGION_NOUNS.isdisjoint(lower[max(0, start - 4):start]) or \
        not REGION_NOUNS.isdisjoint(lower[end:end + 2]) or \
        (start >= 2 and lower[start - 1] == "(" and lower[start - 2] in AREA_BEFORE)


def _state_code(nm: Name) -> bool:
    """"TX", "NSW": a state or province code written in capitals (vocabulary.state_codes)."""
    geo = nm.geo or ""
    return geo[:3] in STATE_CODE_COUNTRIES and nm.written == geo[3:]


# After a place in a run of CJK text, words that say it is where something happens: "大阪市内で" (in
# Osaka city), "東京都内", "札幌周辺" (around), "서울에서" (in Seoul), "광주 쪽" (the Gwangju side), "부산 전역".
CJK_PLACE_AFTER = ("で", "では", "にて", "内", "市内", "都内", "府内", "県内", "周辺", "全域", "地域", "エリア", "近辺",
                   "方面", "에서", "쪽", "지역", "전역", "일대", "시내", "에서는", "에선",
                   # its airport: "인천공항 2터미널", "成田空港で" (an airport named alone is its area's place)
                   "空港", "공항", "국제공항")
# A Korean district or town written after its city ("대구 수성구", "대전 유성구"): the city is where.
KO_DISTRICT_ENDINGS = ("구", "군", "동", "읍", "면")


def _cjk_place_said(texts: list[str], start: int, written: str) -> bool:
    """A place found inside a run of CJK text and said as where: a particle or a word of place after it
    in its run or as the next word, or a district of it named next."""
    token = texts[start]
    at = token.find(written) if written and not token.isascii() else -1
    if at < 0:
        return False
    rest = token[at + len(written):]
    if rest:
        return rest.startswith(CJK_PLACE_AFTER)
    after = texts[start + 1] if start + 1 < len(texts) else ""
    return after.startswith(CJK_PLACE_AFTER) or (len(after) > 1 and not after.isascii()
                                                 and after.endswith(KO_DISTRICT_ENDINGS))


# Polish, German and Swedish inflected forms of place names (tables._add_forms): in another language's text the
# same letters are another word ("Bonne nouvelle", "Außer Andor").
FORM_LANGS = frozenset({"pl", "de", "sv"})
# A city's name after an article is its football club in Spanish and Italian ("se cayó el Madrid", "Il Milan è
# crollato", "il Napoli"); the city itself takes none ("en Madrid", "a Napoli").
CLUB_ARTICLES = {"es": frozenset({"el", "del", "al"}), "it": frozenset({"il", "del", "al", "dal", "col"})}
# A country's short code before the phone networks messages are sent to ("SMS delivery to US carriers", "late for
# US numbers", "delays to US subscribers"), like "the US region": a slice of the service (four training writers
# label none). Written out ("carriers in Brazil", "Vodafone Turkey subscribers") writers differ; it stays.
DESTINATION_NOUNS = frozenset({"carriers", "carrier", "numbers", "number", "operators", "subscribers"})
# An operator's national customers, its brand before the code ("Vodafone UK subscribers"), are people in that
# country: the last blind set and writer_j label the country.
OPERATOR_CUSTOMERS = frozenset({"subscribers"})
# A company named after a place: the place's name, then one of these capitalised ("Alaska Airlines", "Deutsche
# Telekom" aside, "Hawaiian Airlines", "Türk Telekom", "Chicago Tribune"), or "Air"/"Bank of" before it ("Air
# Canada", "Bank of America"). Its outage is the company's, wherever it is; the writers put no place there.
COMPANY_AFTER = frozenset({"airlines", "airline", "airways", "air", "bank", "telecom", "telekom", "telecoms",
                           "railways", "railway", "motors", "times", "tribune", "herald", "gazette", "university",
                           # newspapers in the other languages ("Göteborgs-Posten", "Helsingborgs Dagblad",
                           # "Hamburger Abendblatt", "Leipziger Volkszeitung", "Haarlems Dagblad")
                           "posten", "dagblad", "tidning", "tidningar", "allehanda", "zeitung", "rundschau",
                           "anzeiger", "abendblatt", "nachrichten", "volkszeitung", "kurier", "courant"})
# A bank's word (in its cases: "w ING Banku Śląskim") right before a place's name: the bank is named after it.
BANK_BEFORE = frozenset({"bank", "banku", "bankiem", "banco", "banca", "banque", "bankası"})
COMPANY_OF = frozenset({"bank", "university", "banco", "banca", "banque", "universidad", "universidade",
                        "università", "université"})
COMPANY_OF_WORDS = frozenset({"of", "do", "de", "del", "di", "della", "du"})  # "Banco do Brasil", "Banca d'Italia"
# Before a city's name, the word that makes it a football club ("Real Madrid", "Atlético Madrid", "Inter Milano",
# "Borussia Dortmund", "Olympique Marseille"): the club, not where (its news is sport, its fans anywhere).
CLUB_BEFORE = frozenset({"real", "atlético", "atletico", "inter", "borussia", "olympique", "sporting", "dynamo",
                         "dinamo", "hertha", "werder", "eintracht", "fortuna", "deportivo", "racing", "stade"})
# After a country or city in a run of Japanese or Korean: its language ("日本語", "일본어"), its time ("米国時間",
# "한국 시간"), a district of it named after it in the same run ("大阪市北区" is Osaka's Kita ward).
CJK_NOT_PLACE = re.compile(r"^(?:語|어|時間|시간|時刻|標準時)")


# After a country's name in Korean, the words that make it where people are ("한국 이용자 접속 불가": users in
# Korea) or where it happens ("한국 전역"); any other noun makes the name its adjective ("한국 드라마", "미국 회사").
# (each word with any particle after it: "전역에서", "이용자들이")
KO_WHERE_AFTER = ("이용자", "사용자", "유저", "고객", "플레이어", "게이머", "시청자", "국민", "사람들", "전역", "전체",
                  "전국", "곳곳", "일부", "지역", "서버", "리전",  # a cloud's region there: "홍콩 리전", "싱가포르 리전"
                  # a service's price or plan there, as "prices in Korea": "스포티파이 한국 요금제 가격 인상" (also with
                  # one word between: "넷플릭스, 한국 광고형 요금제 가격 인상", ``KO_PRICE_WORDS``)
                  "요금제", "요금", "가격")
KO_PRICE_WORDS = ("요금제", "요금", "가격")
KO_WHERE_WORDS = frozenset({"내", "쪽"})  # only as written: "내일" is tomorrow
HANGUL_WORD = re.compile(f"^[{HANGUL}]+$")


def _korean_adjective(texts: list[str], start: int, nm: Name) -> bool:
    """A country's name written alone before another Korean noun: the country's adjective ("한국 드라마",
    "한국 곡", "미국 회사"), not where something happens; not before a word of people or place."""
    token = texts[start]
    if len(nm.geo or "") != 2 or token != nm.written or not HANGUL_WORD.match(token) or start + 1 >= len(texts):
        return False
    after = texts[start + 1]
    if start + 2 < len(texts) and texts[start + 2].startswith(KO_PRICE_WORDS):
        return False  # "한국 광고형 요금제": the plan sold there
    return HANGUL_WORD.match(after) is not None and after not in KO_WHERE_WORDS and not after.startswith(KO_WHERE_AFTER)


def _cjk_not_a_place(token: str, written: str) -> str | None:
    at = token.find(written) if written and not token.isascii() else -1
    if at < 0:
        return None
    if CJK_NOT_PLACE.match(token[at + len(written):]):
        return "a language or a time named after a place (\"日本語\", \"米国時間\"), no place"
    if re.search(r"[都道府県市]$", token[:at]) and re.match(r"^[区]", token[at + len(written):]):
        return "a ward named like a place, inside the city before it (\"大阪市北区\")"
    return None


# A service's instance named by a country's short code ("apps in the US region", "orgs in US cells", "the
# US service region"): a slice of the service, not a place (no labelled set tags one). A region named
# in full is where a provider's data centre is ("ECS instances in the Hong Kong region": geo:HK).
INSTANCE_WORDS = frozenset({"region", "regions", "cell", "cells", "instance", "instances", "stack", "stacks",
                            "shard", "shards", "pod", "pods", "région", "régions", "región", "regiones", "região",
                            "regiões", "regione", "regioni", "regionen", "regio's"})
# Between the short code and the instance word, what a status page says of the instance: "the US South voice
# region", "the US data region", "US multi-region" (a multi-region is no one place even beside its provider).
INSTANCE_QUALIFIERS = frozenset({"north", "south", "east", "west", "central", "data", "voice", "multi", "-", "service",
                                 "hosting", "storage", "media", "api"})
# A time zone named after a place ("horário de Brasília", "heure de Paris", "Tokyo time"): no place.
TIME_ZONE_BEFORE = frozenset({"horário", "horario", "hora", "heure", "ora", "fuso", "zeit", "tijd"})
TIME_ZONE_AFTER = frozenset({"time", "timezone", "zeit", "tijd", "saati"})


CLOCK_RE = re.compile(r"^\d{1,2}[:h]\d{2}$")


def texts_upper(lower: list[str], i: int) -> bool:
    """A two- or three-letter word that may be a short code in a list ("EU", "US", "AU" as lower-cased)."""
    return 2 <= len(lower[i]) <= 3 and lower[i].isalpha()


def _instance_or_time_zone(lower: list[str], start: int, end: int, nm: Name, regional: bool) -> str | None:
    """``regional``: a provider with catalog regions is named ("AWS's Brazil region" is its region)."""
    n = len(lower)
    if len(nm.geo or "") == 2 and nm.written.isupper() and len(nm.written) <= 3:
        k = end
        while k < n and k - end < 3 and lower[k] in INSTANCE_QUALIFIERS:
            k += 1
        if k < n and lower[k] in INSTANCE_WORDS and (not regional or "multi" in lower[end:k]):
            return "a service's instance named by a country's short code (\"the US region\", \"US cells\"), no place"
        i = start - 1
        while i >= 0 and start - i <= 6 and (lower[i] in LIST_JOINERS or (texts_upper(lower, i))):
            i -= 1
        if not regional and i >= 0 and i < start - 1 and lower[i] in INSTANCE_WORDS:
            return "a service's instance named by a country's short code in a list after \"regions\" (\"les " \
                "régions EU, US et AU\"), no place"
    i = start - 1
    if i >= 0 and lower[i] in ("de", "da", "do", "di", "du"):
        i -= 1
    if (i >= 0 and lower[i] in TIME_ZONE_BEFORE) or (end < n and lower[end] in TIME_ZONE_AFTER):
        return "a time zone (\"horário de Brasília\", \"Tokyo time\"), no place"
    if start and CLOCK_RE.match(lower[start - 1]) and (lower[start][:1].isascii() or lower[start].startswith(
            nm.written.lower())):  # not "10:50、大阪リージョンで": a name inside a run of CJK text after its comma
        return "a time zone after a clock time (\"de 22:00 a 23:30 CDMX\"), no place"
    return None


def _not_there(doc, texts, lower, start, end, nm: Name, fine_at: list[int], place_at: set[int],
               regional: bool = False) -> str | None:
    """Why a place named in the text is not where the text is set or the problem is, or None."""
    if _compound_part(doc, texts, start, end, nm, place_at):
        return "a part of a word joined with hyphens (\"West-Europa\", \"Amsterdam-Zuid\")"
    why = _instance_or_time_zone(lower, start, end, nm, regional)
    if why:
        return why
    if _said_fine(texts, lower, start, end, fine_at, place_at):
        return "said to be fine there (\"rest of the UK seems fine\", \"İstanbul'da sorun yok\")"
    if _but_not_there(lower, start):
        return "a place the problem is said not to be in (\"à Bordeaux mais pas à Nantes\", \"but not in Leeds\")"
    why = _measure_or_vantage(lower, start)
    if why:
        return why
    return _workaround(lower, start, end, texts) or _cjk_workaround(texts[start], nm.written, _next_word(texts, end))


# "mais pas à Nantes", "but not in Leeds", "aber nicht in Köln", "pero no en Sevilla", "ma non a Torino": a
# negation, after a contrast word or a comma, then the place (with its preposition): not where the problem is.
NOT_THERE = frozenset({"not", "pas", "nicht", "no", "non", "niet", "nie", "inte", "não", "nao", "ikke", "ei"})


def _but_not_there(lower: list[str], start: int) -> bool:
    i = start - 1
    if i >= 0 and lower[i] in PLACE_PREPOSITIONS and lower[i] not in NOT_THERE:
        i -= 1
    elif i < 0 or lower[i] == "no":  # Portuguese and Spanish "no" is also "in the" ("mas no Rio")
        return False
    if i < 0 or lower[i] not in NOT_THERE:
        return False
    return i == 0 or lower[i - 1] in fine.CONTRASTS or lower[i - 1] in fine.MARKS


# "Perth. The WA one, not the one with the cows in Scotland", "Granada (la de Andalucía, no la de Nicaragua)",
# "Belém do Pará, não o de Lisboa nem o de Jerusalém", "Nicht Bergen in Norwegen", "niet Ede in Nigeria", "경기도
# 광주 말고": the writer says which of the places named alike is not meant. A negation, then "the one"-words (an
# article; in the Romance languages an article before "de", "la de ...", as "no la puedo abrir" is a pronoun) or the
# name the text says elsewhere again, then within a few words of the same clause the place: not where anything is.
NOT_MEANT = NOT_THERE | frozenset({"nem", "nor", "ni", "neither", "niente", "geen", "kein", "keine"}) - {"nao"}
NOT_MEANT_AFTER = frozenset({"말고", "아니고", "아니라", "değil", "degil"})
NOT_MEANT_ONE = frozenset({"the", "that", "this", "das", "der", "die", "den", "het", "dat", "ten", "tego", "tej"})
NOT_MEANT_ARTICLES = frozenset({"la", "el", "los", "las", "lo", "o", "a", "os", "as", "il", "le", "les", "l'"})
NOT_MEANT_DE = frozenset({"de", "do", "da", "dos", "das", "del", "di", "della", "du", "des", "d'"})
NOT_MEANT_BREAKS = frozenset({".", "!", "?", ";", ":", "(", ")", "…", "。", "！", "？", "\n"}) | fine.CONTRASTS
NOT_MEANT_REACH = 7
# After "the"-words, a word that says which of the places so named ("not the one ...", "not the town in ..."): "not
# the first time Chicago ..." is no namesake.
NOT_MEANT_NOUNS = frozenset({"one", "ones", "other", "country", "state", "city", "town", "village", "island", "province",
                             "county", "andere", "anderen", "stadt", "dorp", "stad", "andra", "inny", "inne"})


def not_meant(texts: list[str], lower: list[str], start: int, end: int, places, symptom_at: AbstractSet[int],
              lang: str | None) -> bool:
    """A place in a phrase that denies it is the place meant (see ``NOT_MEANT``), another place named outside it,
    no symptom inside it ("not working in Scotland" says where)."""
    n = len(lower)
    if end < n and (lower[end] in NOT_MEANT_AFTER or end + 1 < n and lower[end + 1] in NOT_MEANT_AFTER
                    and any(s == end for s, _, _ in places)):
        first = start  # "경기도 광주 말고 전라도 광주요", "İzmir değil": before the negation, after it the place meant
        if start and any(e == start for _, e, _ in places):
            first = next(s for s, e, _ in places if e == start)
        return any(s < first or s > end + 1 for s, _, _ in places)
    for i in range(start - 1, max(-1, start - 1 - NOT_MEANT_REACH), -1):
        if lower[i] in NOT_MEANT_BREAKS or i in symptom_at:
            return False
        if lower[i] not in NOT_MEANT or i + 1 >= n:
            continue
        if lower[i] == "no" and lang == "pt":
            return False  # Portuguese "no" is "in the": "No Rio, sem sinal"
        j = i + 1
        said_again = texts[j][:1].isupper() and any(w == lower[j] for k, w in enumerate(lower) if k < i or k > end)
        one = lower[j] in NOT_MEANT_ONE and (j + 1 == start or not NOT_MEANT_NOUNS.isdisjoint(lower[j + 1:start])) or \
            lower[j] in NOT_MEANT_ARTICLES and j + 1 < start and lower[j + 1] in NOT_MEANT_DE
        if not (said_again or one and j < start):
            return False
        return any(s < i or s > end for s, _, _ in places)
    return False


# A place used as a measure of size ("an area the size of Belgium", "bigger than Wales", "so groß wie Hessen").
SIZE_BEFORE = (("size", "of"), ("sized",), ("bigger", "than"), ("larger", "than"), ("smaller", "than"),
               ("tamanho", "da"), ("tamanho", "de"), ("tamanho", "do"), ("tamaño", "de"), ("grande", "como"),
               ("groß", "wie"), ("gross", "wie"), ("grand", "comme"), ("grande", "come"), ("taille", "de"),
               ("grootte", "van"), ("groot", "als"), ("wielkości",), ("storlek", "som"), ("büyüklüğünde",))
_SIZE_LAST = frozenset(words[-1] for words in SIZE_BEFORE)  # the word right before the place in each
# Where latency is measured from or to ("latency to NYC matters", "la latenza da Roma", "Latenz nach Wien"):
# where the users are, weighed while choosing a region, not where a problem is.
LATENCY = frozenset({"latency", "latencies", "ping", "latencia", "latência", "latenza", "latenz", "latence",
                     "latentie", "opóźnienie", "opóźnienia", "latens", "gecikme"})
LATENCY_TO = frozenset({"to", "from", "da", "verso", "desde", "hacia", "para", "von", "nach", "aus", "vers", "depuis",
                        "naar", "vanaf", "vanuit", "do", "z", "till", "från"})  # not "for", "de", "a": "latency for ..."


# "from our London office", "desde Buenos Aires": where the writer reaches a cloud region from.
VANTAGE_FROM = frozenset({"from", "desde", "depuis", "von", "vanuit", "från", "z", "ze", "dal", "dalla", "dallo",
                          "do", "da", "dan", "den"})
VANTAGE_LINKS = frozenset({"our", "my", "the", "nuestra", "nuestro", "nuestras", "nuestros", "notre", "nos", "unserem",
                           "unserer", "onze", "ons", "vårt", "vår", "naszego", "naszej", "nostro", "nostra", "nosso",
                           "nossa", "el", "la", "le", "il"})


def _namesake_abroad(lower: list[str], start: int, nm: Name, places, lang: str | None) -> str | None:
    """A city of a country whose languages the text is not in, the only place of that country in a text that
    calls on the people of another ("Porteños, ¿Fibertel anda? En Palermo nada": Buenos Aires' Palermo, not
    Sicily's): the namesake where those people are, not the city abroad (CLDR's official languages, ``babel``)."""
    country = cast(str, nm.geo)[:2]
    if place_kinds().get(nm.written) not in ("city", "town") or not lang:
        return None
    others = {(o.geo or "")[:2] for s, e, o in places if o.demonym and o.geo and s != start
              and not _people_abroad(lower, s, e, o, places)}  # not "los españoles en Londres"
    if not others or country in others:
        return None
    if any(s != start and (o.geo or "")[:2] == country for s, _, o in places):
        return None
    if country in OFFICIAL_IN.get(lang, ()) or lang not in OFFICIAL_IN:
        return None
    return "a city abroad named like a place of the people the text calls on (\"Porteños ... en Palermo\")"


# The countries where each language the tagger reads is official, de jure or de facto: CLDR's territory data
# (babel.languages.get_official_languages over pycountry's countries, kept here so that the tagger reads no
# build-time package; tests/nlp/test_places_by_their_people.py checks it against CLDR where babel is installed).
OFFICIAL_IN: dict[str, frozenset[str]] = {
    "en": frozenset("""
AG AI AS AU BB BI BM BS BW BZ CA CC CK CM CX DM ER FJ FK FM GB GD GG GH GI GM GS GU GY HK IE IM IN IO JE JM
KE KI KN KY LC LR LS MG MH MP MS MT MU MW NA NF NG NR NU NZ PG PH PK PN PR PW RW SB SC SD SG SH SL SS SX SZ
TC TK TO TT TV TZ UG UM US VC VG VI VU WS ZA ZM ZW""".split()),
    "es": frozenset("AR BO CL CO CR CU DO EC ES GQ GT HN MX NI PA PE PR PY SV UY VE".split()),
    "fr": frozenset("""
BE BF BI BJ BL CA CD CF CG CH CI CM DJ DZ FR GA GF GN GP GQ HT KM LU MA MC MF MG ML MQ MU NC NE PF PM RE RW
SC SN TD TG TN VU WF YT""".split()),
    "pt": frozenset("AO BR CV GQ GW MO MZ PT ST TL".split()),
    "de": frozenset("AT BE CH DE LI LU".split()),
    "it": frozenset("CH IT SM VA".split()),
    "nl": frozenset("AW BE BQ CW NL SR SX".split()),
    "ja": frozenset("JP".split()),
    "pl": frozenset("PL".split()),
    "ko": frozenset("KP KR".split()),
    "tr": frozenset("CY TR".split()),
    "sv": frozenset("AX FI SE".split()),
}


def _watched_from(lower: list[str], start: int) -> str | None:
    """A place after "from" beside a cloud region the text names ("packet loss to everything in Dublin (eu-west-1)
    from our London office", "sa-east-1 no responde desde Buenos Aires"): where the writer reaches the region
    from, not where the problem is. Alone it is where ("uploads failing from our shanghai office")."""
    i = start - 1
    if lower[i] in VANTAGE_LINKS and i:
        i -= 1
    if lower[i] in VANTAGE_FROM:
        return "where the writer reaches a named cloud region from (\"... eu-west-1 from our London office\")"
    return None


def _measure_or_vantage(lower: list[str], start: int) -> str | None:
    for words in SIZE_BEFORE if start and lower[start - 1] in _SIZE_LAST else ():
        k = len(words)
        if start >= k and tuple(lower[start - k:start]) == words:
            return "a place used as a measure of size (\"an area the size of Belgium\"), not where anything is"
    i = start - 1
    if i >= 0 and lower[i] in ("the", "our", "la", "el", "le"):
        i -= 1
    if i >= 1 and lower[i] in LATENCY_TO and lower[i - 1] in LATENCY:
        return "where latency is measured from or to (\"latency to NYC matters\"): the users, not the problem"
    return None


# A provider's offices, jobs and events: a city named with them is where people work or meet, not the
# provider's region there ("AWS apre una nuova sede a Milano", "we're hiring SREs in Dublin, mostly AWS",
# "AWS Summit Milano", "Google Cloud otwiera nowe biuro w Warszawie", "AWSが大阪に新しいオフィスを開設").
WORKPLACE_WORDS = frozenset({
    "office", "offices", "hq", "headquarters", "hiring", "hire", "hires", "vacancy", "vacancies", "postings", "engineers",
    "summit", "meetup", "conference", "oficina", "oficinas", "sede", "escritório", "escritorio", "vagas", "contratando",
    "ingenieros", "engenheiros", "ufficio", "uffici", "assunzioni", "büro", "konferenz", "bureau", "bureaux",
    "recrute", "embauche", "kantoor", "vacatures", "vacature", "biuro", "biura", "rekrutuje", "kontor", "söker",
    "ofis", "konferans", "meetupie", "konferencja"})  # not "jobs": "we shifted the batch jobs to Ireland"
WORKPLACE_CJK = ("オフィス", "拠点", "採用", "求人", "カンファレンス", "社内", "사무실", "채용", "컨퍼런스")


def _workplace(lower: list[str], texts: list[str]) -> bool:
    if not WORKPLACE_WORDS.isdisjoint(lower):
        return True
    joined = "".join(t for t in texts if not t.isascii())
    return bool(joined) and any(w in joined for w in WORKPLACE_CJK)


def _next_word(texts: list[str], end: int) -> str:
    return " " + texts[end] if end < len(texts) else ""


def _cjk_workaround(token: str, written: str, following: str = "") -> str | None:
    """"東京リージョンの障害中は大阪リージョンに切り替えて", "서울 리전 장애 때 도쿄로 페일오버": the place a run of
    Japanese or Korean text says the work was switched or failed over to, or a standby copy kept in."""
    at = token.find(written) if written and not token.isascii() else -1
    if at < 0 or not (CJK_WORKAROUND.match(token[at + len(written):] + following)
                      or CJK_STANDBY.search(token[:at]) and token[at + len(written):].startswith(("に", "へ"))):
        return None
    return "where the work was moved to get round the problem (\"大阪リージョンに切り替えて\", \"도쿄로 페일오버\")"


def _within(placed: list[tuple[int, int, str]], texts: list[str]) -> list[str]:
    """"Germany Central (Frankfurt)", "Paris (France)": of a place and a place in brackets right after
    it (a compass word may come between), one inside the other, the wider one goes."""
    wider = []
    for start, end, region in placed:
        for other_start, other_end, other in placed:
            if other == region or other_start < end or other_start - end > 2:
                continue
            if texts[other_start - 1] != "(" or any(t not in ("(",) and t.lower() not in COMPASS_WORDS
                                                   for t in texts[end:other_start]):
                continue
            inner, outer = (other, region) if other.startswith(region + "-") else \
                (region, other) if region.startswith(other + "-") else (None, None)
            if outer:
                wider.append(outer)
    return wider


# French names a département by its number after "dans le" ("dans le 93", "dans le 13"; the brief: "le 93" FR-93);
# never 15, 17 or 18, the emergency services' numbers ("dans le 15 personne ne répond").
DEPARTMENT_NOT = frozenset({"15", "17", "18"})


def department_numbers(lower: list[str]) -> list[tuple[int, str]]:
    """(token index, ISO code) of each département said by its number after "dans le", in a French text: its code
    as the gazetteer holds it ("93" FR-93, "75" FR-75C, Paris's), not a number followed by a month or a time."""
    codes = iso_codes()
    found = []
    for i in range(2, len(lower)):
        word = lower[i]
        if len(word) == 2 and lower[i - 1] == "le" and lower[i - 2] == "dans" and word not in DEPARTMENT_NOT and \
                (word.isdigit() or word in ("2a", "2b")) and not (i + 1 < len(lower) and lower[i + 1] in NOT_DEPARTMENT_AFTER):
            code = next((c for c in (f"FR-{word.upper()}", f"FR-{word}C") if c in codes), None)
            if code:
                found.append((i, code))
    return found


NOT_DEPARTMENT_AFTER = frozenset({"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
                                  "octobre", "novembre", "décembre", "h", "heures", "min", "minutes", "%", "/", ":"})


def _around_a_place(placed: list[tuple[int, int, str]], regions: dict) -> list[str]:
    """A subdivision named beside a place inside it, both tagged ("Scotland? Glasgow and Edinburgh both out",
    "Cagliari senza rete... Sardegna isolata"): the wider one, which the brief leaves to the city. Only places read
    from the gazetteer: a people word ("Scots") or a provider's site ("the PoP CDG") keeps the place beside it."""
    tagged = {region[4:] for _, _, region in placed if region in regions}
    return [f"geo:{code}" for code in sorted(tagged)
            if len(code) > 2 and any(other != code and inside(other, code) for other in tagged)]


COMPASS_WORDS = frozenset({"north", "south", "east", "west", "central", "northeast", "northwest", "southeast",
                           "southwest"})
# A part of a place written with its capital before the place: "across Western Sydney", "Greater Manchester" (the
# place, read through its "in"); not "Central America", a name of its own.
COMPASS_ADJECTIVES = frozenset({"western", "eastern", "northern", "southern", "greater"})
# Prepositions that say what for, not where ("a recipe for chili", "thanks for Cesar's help"): in a
# text about no problem they do not make a word a place.
NOT_WHERE = frozenset({"for", "für"})
LIST_COMMAS = frozenset({",", "and", "&", "/", "、"})


def _product_list(lower: list[str], start: int, end: int, names) -> bool:
    """Is the place one item of a comma list of one-word items, one of them a service or
    provider name and none a place, with no "in ..." before it? Status updates list
    products ("Services impacted include: EC2, DynamoDB, Glue, Athena"), and a product
    called like a city is not the city."""
    if _place_context(lower, start, end) or end - start != 1:
        return False
    kinds = {s: {nm.kind for nm in ns} for s, e, ns in names if e - s == 1}
    items = []
    i = start - 1
    while i > 0 and lower[i] in LIST_COMMAS and lower[i - 1] not in LIST_COMMAS:
        items.append(i - 1)
        i -= 2
    j = end
    while j + 1 < len(lower) and lower[j] in LIST_COMMAS:
        if lower[j + 1] in LIST_COMMAS:  # ", and Chime"
            j += 1
            continue
        items.append(j + 1)
        j += 2
    if len(items) < 2:
        return False
    named = [kinds.get(k, set()) for k in items]
    return (any(k - {"region", "place"} for k in named) and not any(k & {"region", "place"} for k in named)
            and not any(lower[k - 1] in PLACE_PREPOSITIONS for k in items if k > 0))


def _beside_a_place(lower: list[str], start: int, end: int, place_at: AbstractSet[int]) -> bool:
    """"wien und graz betroffen", "zürich und basel": two places joined by "and" say each other is one."""
    return (start > 1 and lower[start - 1] in LIST_JOINERS and start - 2 in place_at) or \
        (end + 1 < len(lower) and lower[end] in LIST_JOINERS and end + 1 in place_at)


# The languages people of a market write in: a smaller city (100,000 to 300,000 people) is named by its
# own people, or in English; the same name in another language is something else (Ajax, the Dutch club,
# not the Ontario town; "nach Corona", the virus, not the Californian city).
TOWN_LANGUAGES = {"US": ("es",), "CA": ("fr",), "MX": ("es",), "BR": ("pt",), "AR": ("es",), "CL": ("es",),
                  "CO": ("es",), "PE": ("es",), "FR": ("fr",), "DE": ("de",), "ES": ("es", "ca"), "PT": ("pt",),
                  "IT": ("it",), "NL": ("nl",), "BE": ("nl", "fr", "de"), "CH": ("de", "fr", "it"), "AT": ("de",),
                  "SE": ("sv",), "NO": ("no", "nb", "nn"), "DK": ("da",), "FI": ("fi", "sv"), "PL": ("pl",),
                  "TR": ("tr",), "JP": ("ja",), "KR": ("ko",), "IN": ("hi",), "ZA": ("af",)}


# "of" after a word for a region, before a place in lower case: "la région de lausanne", "the region of tampere".
REGION_OF = frozenset({"de", "di", "of", "do", "da", "del", "du"})


def _state_code_of_a_namesake(nm: Name, word: str) -> bool:
    """``word`` is the code of a state or province in the country of a place of ``nm``'s name ("Springfield IL",
    "cambridge MA"): the wider place that says which, no person's name."""
    countries = {(nm.geo or "")[:2], *(code[:2] for code, _ in namesakes().get(nm.written, ())),
                 *(code[:2] for code, _ in town_namesakes().get(nm.written, ()))}
    return word.isupper() and any(f"{country}-{word}" in iso_codes() for country in countries)


def _town_rule(doc, texts: list[str], start: int, end: int, nm: Name, cased: bool) -> str | None:
    """Why a smaller city of the built gazetteer is not a place here, or None. ``cased``: written with its capital,
    or said plainly as a place in lower case (``_said_plainly``: "here in cambridge", "bij amersfoort")."""
    if not nm.gazetteer_only or place_kinds().get(nm.written) != "town":
        return None  # a hand-kept name ("Strasbourg", a data centre's town) is a place as the hand-kept table says
    if not cased:
        return "a smaller city in lower case, not said as a place (\"pôr do sol\")"
    if end < len(texts) and texts[end][:1].isupper() and not _state_code_of_a_namesake(nm, texts[end]):
        return "a smaller city's name before another name (a person's: \"Marília Mendonça\"; not a state's code of " \
            "its country: \"Springfield IL\")"
    lang = doc.user_data.get(LANG)
    if start > 1 and lang != "de" and texts[start - 1][:1].isupper() and texts[start - 1].isalpha() and \
            texts[start - 2] not in SENTENCE_END:  # German capitalises nouns: "Rechenzentrum Karlsruhe"
        return "a smaller city's name after another name (a surname: \"Cal Henderson\", \"Steven Tyler\")"
    if lang != "en" and lang not in TOWN_LANGUAGES.get((nm.geo or "")[:2], ()):
        return "a smaller city named in a language not its country's (\"Ajax\" in Dutch is the club)"
    return None


# What may follow a Korean district inside its word: a particle or a word of place ("판교에서", "강남역인데",
# "잠실쪽"); anything else makes it part of another word ("강남스타일" is a song).
KO_DISTRICT_AFTER = ("에서", "에선", "에", "은", "는", "이", "가", "을", "를", "의", "도", "만", "쪽", "역", "인데", "까지",
                     "부터", "으로", "로", "랑", "이랑", "하고", "근처", "일대", "지역", "전역", "동", "구", "점", "센터",
                     "데이터센터", "사옥", "캠퍼스", "테크노밸리", "밸리", "오피스", "사무실", "집", "쪽은", "인근", "주변")


# Korean districts that are words too ("분당": per minute, "일산": a kind of oxide), read only before a particle or a
# word of place ("분당에서", "일산 쪽").
KO_DISTRICTS_WITH_A_PARTICLE = frozenset({"분당", "일산"})
# A district named before a match's result is its football club (Beşiktaş, Göztepe, Karşıyaka, Bornova...).
SPORT_RESULT_WORDS = frozenset("""kaybetti kazandı yendi yenildi berabere maç maçı maçta maçı gol golü attı şampiyon
derbi derbiyi taraftar taraftarı taraftarları lost won beat perdió ganó perse vinto verloren gewonnen przegrał
wygrał förlorade vann""".split())


def _district_rule(doc, texts: list[str], start: int, end: int, nm: Name, cased: bool) -> str | None:
    """Why a big city's district, neighbourhood or landmark (``geo.DISTRICTS``: "Kadıköy", "판교", "渋谷", "Möllan")
    is not a place here, or None: it is read in a language of its city's country, and in English with its capital
    ("Kreuzberg" is a word of no other language we read; "Wola" is Polish "will", "Bebek" Turkish "baby"); a
    Korean one only as a word of its own or before a particle ("강남스타일" is the song)."""
    if nm.ids or (nm.written not in district_names() and nm.written not in province_short_names()):
        return None
    token = texts[start]
    at = token.find(nm.written) if (nm.geo or "")[:2] == "KR" else -1
    if at >= 0:
        rest = token[at + len(nm.written):]
        if rest and not rest.startswith(KO_DISTRICT_AFTER):
            return "a Korean district's name inside a longer word (\"강남스타일\")"
        if not rest and nm.written in KO_DISTRICTS_WITH_A_PARTICLE and not (
                start + 1 < len(texts) and texts[start + 1].startswith(("쪽", "지역", "일대", "주민", "사는", "살아",
                                                                         "살고", "거주"))):  # "분당 사는데"
            return "a Korean district's name that is also a word, without a particle (\"분당 10회\": per minute)"
    if nm.written not in district_names():
        return None
    if any(t.lower() in SPORT_RESULT_WORDS for t in texts[end:end + 3]):
        return "a district's football club (\"Beşiktaş yine kaybetti\")"
    lang = doc.user_data.get(LANG)
    if lang == "en" and cased and not nm.written.isascii() or lang == "en" and cased and (nm.geo or "")[:2] not in ("JP", "KR"):
        return None
    if lang in TOWN_LANGUAGES.get((nm.geo or "")[:2], ()):
        return None
    return "a city's district named in a language not its country's (\"Wola\" is Polish \"will\" first)"


# Said as a place outright: right after one of these, with at most an article between ("in Java", "in der
# Mitte", "à la Réunion"). Not "de", "a", "na", "di", "sur": articles or "on" in the other languages we read.
SAID_IN = frozenset({"in", "across", "from", "near", "around", "throughout", "en", "im", "aus", "à", "w", "i", "em",
                     "dans", "nel", "nella", "nei", "negli", "bij", "uit", "från", "på", "we", "z", "desde",
                     "depuis", "vanuit", "au", "aux", "nos", "nas"})
SAID_IN_ARTICLES = frozenset({"la", "le", "les", "el", "los", "las", "der", "die", "das", "den", "dem", "het", "o", "os",
                              "as", "il", "lo"})


def _foreign_minor(texts: list[str], lower: list[str], start: int, end: int, nm: Name, cased: bool) -> str | None:
    """A subdivision or a city of a country outside the markets we read, found only in the built gazetteer,
    is a word of the text's own language or a brand far more often than the place: "de adem" (Dutch breath,
    Aden), "na sali" (Polish, Salé), "Java and Bedrock" (Minecraft, Jawa), "sur le Store" (Štore), "a Meta
    outage" (Meta, Colombia), "Hela Majorna" (Swedish "all of", Hela), "US East region" (Cameroon's East).
    In lower case it is never the place; with its capital only where said as one: right after "in"-words
    (with at most an article), as a dateline, or listed with other places."""
    if not nm.gazetteer_only or (nm.geo or "")[:2] in MARKETS:
        return None
    kind = place_kinds().get(nm.written)
    if kind not in ("subdivision", "city", "town"):
        return None
    i = start - 1
    if i >= 0 and lower[i] in SAID_IN_ARTICLES:
        i -= 1
    said_in = i >= 0 and lower[i] in SAID_IN
    if not cased and not said_in:
        return "a minor place outside the markets, in lower case and not after \"in\": a word of the text's " \
            "language (\"de adem\", \"na sali\")"
    if kind != "subdivision" or not cased:
        return None  # a big city abroad said with its capital is a place ("Safaricom outage hits Nairobi")
    if said_in or _dateline(texts, start, end) or _listed_place(texts, lower, start):
        return None
    return "a minor subdivision outside the markets, not said as a place (\"Java and Bedrock\", \"sur le Store\", " \
        "\"a Meta outage\")"


def _initials_rule(texts: list[str], start: int, nm: Name, lang: str | None) -> str | None:
    """A big city's initials in capitals ("em BH", "in SF", "in KL", "LA"): the city in English or a language of its
    country (CLDR's official languages, ``OFFICIAL_IN``, or ``geo.NICKNAME_LANGUAGES``), said as a place (the
    resolver asks for "in ..." as of any name that is also something else); where a state code of its country is
    written the same ("LA"), the city, unless it follows a place and a comma ("Baton Rouge, LA": the state)."""
    after_a_place = start >= 2 and texts[start - 1] == "," and texts[start - 2][:1].isupper()
    if not nm.initials:  # the state code written like a big city's initials
        if not after_a_place and (nm.geo or "")[:2] == city_initials()[nm.written][:2]:
            return "a state code written like a big city's initials, not after a place and a comma: the city " \
                "(\"in LA\" is Los Angeles; \"Baton Rouge, LA\" the state)"
        return None
    country = (nm.geo or "")[:2]
    if after_a_place and f"{country}-{nm.written}" in iso_codes():
        return "a state's code after a place and a comma (\"Baton Rouge, LA\"), not the city's initials"
    if lang != "en" and lang not in NICKNAME_LANGUAGES.get(country, ()) and country not in OFFICIAL_IN.get(lang or "", ()):
        return "a city's initials in a language not its country's nor English (\"BA\", \"SF\" are other things there)"
    return None


def _says_a_country(o: Name) -> bool:
    """A place's name that tells which of the cities named alike is meant: a country, a state or province, or people
    ("Argentina", "New South Wales", "Massachusetts", "porteños", "Geordies"); not another city (London's "Waterloo"
    is a Canadian town too), a code in capitals ("IT says") or a name that is also a word."""
    if o.everyday_place or o.ambiguous_place or o.minor_place or o.written.isupper() and o.written not in SHORT_COUNTRIES:
        return False
    return o.demonym or len(o.geo or "") == 2 or place_kinds().get(o.written) == "subdivision"


SHORT_COUNTRIES = frozenset({"UK", "US", "USA", "UAE"})


def _namesake_choice(texts: list[str], lower: list[str], start: int, end: int, nm: Name, places,
                     countries: frozenset[str] = frozenset(), lang: str | None = None,
                     not_these: frozenset[str] = frozenset()) -> Name | None:
    """Which of the cities named alike a city name is (``geo.namesakes``: "Córdoba" ES-CO, AR-X, MX-VER;
    "Newcastle" ZA-KZN, AU-NSW, GB-NET; "Cambridge" GB-CAM, CA-ON, US-MA): the one in a place the text names beside it, or
    that place's people ("Movistar Argentina ... en Córdoba capital" AR-X, "Newcastle, New South Wales", "Geordies";
    its subdivision first, then its country: ``_says_a_country``); else, where the gazetteer's own is in the markets we read, the most
    populous of those in the markets ("Córdoba" AR-X, 2.1 million against 330,000; "Valencia" stays Spain's: Venezuela's
    is no market), else the gazetteer's own ("Athens" GR-I, not Georgia's). None where the text names places of the
    markets in none of their countries ("Scots here? ... in Hamilton"). ``not_these``: places the writer says are not
    the one meant ("Córdoba (la de la Mezquita, no la de Argentina)"): none of the namesakes in them is."""
    alternatives = namesakes()[nm.written]
    if not_these:
        kept = [a for a in alternatives if not any(a[0] == g or a[0][:2] == g or inside(a[0], g) for g in not_these)]
        if kept and len(kept) < len(alternatives):
            alternatives = kept
            if len(kept) == 1 or nm.geo not in {a[0] for a in kept}:
                nm = _with(nm, geo=max(kept, key=lambda a: a[1])[0])
    codes = [code for code, _ in alternatives]
    others = [o.geo for s, e, o in places if s != start and o.geo and o.kind == "place" and (
        _says_a_country(o) and (texts[s][:1].isupper() or e - s > 1 or len(texts[s]) > 3)  # not "us", the pronoun
        or s == end + 1 and end < len(lower) and lower[end] == "("  # any place in brackets after: "palermo (caba)"
        or s in (end, end + 1) and _state_code(o) and lower[end:s] in ([], [","])  # "cambridge MA", "Cambridge, MA"
        and any((o.geo or "")[:2] == code[:2] for code in codes))]  # (not "Hyderabad ACT Fibernet", a brand)
    for wider in (lambda code, other: code == other or inside(code, other),
                  lambda code, other: code[:2] == other[:2]):
        chosen = {code for code in codes for other in others if wider(code, other)}
        if len(chosen) == 1:
            return _with(nm, geo=chosen.pop())
        if chosen:
            return nm if nm.geo in chosen else _with(nm, geo=min(chosen, key=codes.index))
    same = {code for code in codes for s, _, o in places if s != start and o.geo == code and not o.demonym
            and o.kind == "place" and o.written not in namesakes()}
    if len(same) == 1:  # "Personal en Baires? ... en Palermo": the city named besides, by its own name or a nickname
        found = same.pop()
        return nm if found == nm.geo else _with(nm, geo=found)
    if any(other[:2] in MARKETS for other in others):
        return None  # "Geordies — ... Newcastle city centre": the text's places are in a country none of them is in
    if not others:  # "Newcastle NSW, Merewether and Hamilton both out": the other towns named, all in one country
        towns = {o.geo[:2] for s, e, o in places if s != start and o.kind == "place" and o.geo and len(o.geo) > 2
                 and texts[s][:1].isupper() and not o.demonym and not o.site_of and o.written not in namesakes()
                 and place_kinds().get(o.written) in ("city", "town")}
        if len(towns) == 1 and next(iter(towns)) in MARKETS and not any(code[:2] in towns for code in codes):
            return None
    people = demonyms.demonyms().get(lang or "", {})
    kin = {people[w] for w in lower if w in people} if people and not people.keys().isdisjoint(lower) else set()
    near = {code for code in codes for other in kin if code == other or inside(code, other)}
    if len(near) == 1:  # a people word anywhere in the text ("... en palermo. ¿se cayó para todos los porteños?")
        found = near.pop()
        return nm if found == nm.geo else _with(nm, geo=found)
    served = elsewhere.namesake_by_countries(nm.written, countries)
    if served:  # "Movistar ... en Palermo": the one in the country of the operator named (Buenos Aires')
        return nm if served == nm.geo else _with(nm, geo=served)
    usual: str = cast(str, nm.geo)
    if usual[:2] in MARKETS:
        usual = max((a for a in alternatives if a[0][:2] in MARKETS), key=lambda a: a[1])[0]
    if countries and lang in OFFICIAL_IN and usual[:2] not in OFFICIAL_IN[lang] and \
            not any(code[:2] in countries for code in codes):
        return None  # "Vivo fora em Valencia": a Brazilian operator, in Portuguese: no Valencia it serves
    return nm if usual == nm.geo else _with(nm, geo=usual)


# A whole place said in lower case: "monterrey entero caído", "no rio inteiro", "milano intera", "lyon entier",
# "münchen komplett", before it "all over", "whole", "ganz", "hela", "cały", "tüm".
WHOLE_AFTER = frozenset({"entero", "entera", "enteros", "completo", "completa", "inteiro", "inteira", "intero", "intera",
                         "entier", "entière", "komplett", "toda"})
WHOLE_BEFORE = frozenset({"whole", "entire", "ganz", "ganzen", "hela", "heel", "hele", "cały", "cała", "całe", "całym", "całej",
                          "tüm", "bütün", "tutta", "tutto", "toda", "todo", "tout", "toute"})


# After a short city name in lower case, the words of its country's language that say "in": "no rio", "em rio".
SHORT_CITY_IN = frozenset({"no", "em", "pro"})


# Words that say what follows them is where in one language and something else in another: Dutch "en" is "and",
# Polish "i" is "and", Portuguese "em" and Spanish "en" are not in it.
SAID_IN_NOT = {"nl": frozenset({"en"}), "pl": frozenset({"i", "en"}), "sv": frozenset({"en"}), "de": frozenset({"en"}),
               "it": frozenset({"en", "i"}), "pt": frozenset({"i"}), "tr": frozenset({"en", "i"})}
# A workplace or a part of a city after its name in lower case: "our shanghai office", "the makati branch".
PLACE_OF_WORK_AFTER = frozenset({"office", "offices", "branch", "campus", "cbd", "kantoor", "büro", "bureau",
                                 "oficina", "escritório", "ufficio", "kontor", "biuro", "ofis"})


def _said_plainly(lower: list[str], start: int, end: int, lang: str | None) -> bool:
    """A place's name in lower case said as a place by the words right around it, whoever is named beside it: after
    "in"-words of the text's language (with at most an article: "here in cambridge", "bij amersfoort", "i uppsala"),
    "whole" ("heel eindhoven"), before "here" ("leeds here") or a workplace ("our shanghai office"), or opening the
    post before "without", a part of the city or a colon ("luleå utan fiber", "lagos: ..."). The name's own checks
    (an everyday word, a minor place, a language not its country's) still apply."""
    n = len(lower)
    i = start - 1
    if i >= 0 and lower[i] in SAID_IN_ARTICLES:
        i -= 1
    if i >= 0 and (lower[i] in SAID_IN and lower[i] not in SAID_IN_NOT.get(lang or "", ()) or lower[i] in WHOLE_BEFORE):
        return True
    if i > 0 and lower[i] == "of" and lower[i - 1] in WHOLE_BEFORE:
        return True  # "whole of didsbury"
    if end < n and (lower[end] in PLACE_OF_WORK_AFTER or lower[end] in HERE_AFTER
                    and (end + 1 == n or not lower[end + 1].isalpha())):
        return True
    return start == 0 and end < n and (lower[end] in OPERATOR_NONE and lower[end] != "no"  # "santander no me deja"
                                       or lower[end] in OPENING_PART_WORDS or lower[end] == ":"
                                       or lower[end] in OPENING_PEOPLE and lang == "en")  # "pdx folks, is lyft down?"


# A post opening on a place's people in English, the place in lower case: "pdx folks, is lyft down?".
OPENING_PEOPLE = frozenset({"folks", "peeps", "people", "friends", "fam", "gamers", "users", "customers", "residents"})


def _part_of_a_city(texts: list[str], lower: list[str], places: list, vocab: Vocabulary) -> list:
    """A place's name that begins with a compass word in lower case ("east london", "east London", "north manchester")
    is a part of the city the rest names, where the rest is a city of its own in the gazetteer: that city, from the
    word after the compass word ("anyone in east london with no O2 signal" is London, not East London, South Africa,
    which its own people write with its capitals)."""
    out = []
    for start, end, nm in places:
        if end - start > 1 and lower[start] in COMPASS_WORDS and texts[start].islower() and nm.kind == "place":
            rest = next((o for o in vocab.phrases.get(" ".join(lower[start + 1:end]), ())
                         if o.kind == "place" and o.geo and place_kinds().get(o.written) == "city"), None)
            if rest is not None:
                out.append((start + 1, end, rest))
                continue
        out.append((start, end, nm))
    return out


# A city's middle after its name ("Cork city is in the dark", "Sydney CBD has no signal", "Leeds centre").
CITY_MIDDLE_AFTER = frozenset({"city", "centre", "center", "cbd", "downtown"})


def _hit_or_its_centre(texts: list[str], lower: list[str], start: int, end: int) -> bool:
    """A place's name that is also a name or a word, with its capital, said as where an outage is by the words around
    it (the caller asks for a problem or a service in the text): right after a verb of hitting or leaving, as the
    people words are (``demonyms.AFFECT_BEFORE``: "Mobile network outage hits Delhi for second day", "storm leaves
    Wellington without power"), or right before a word for its middle ("Cork city is in the dark on Vodafone")."""
    if not texts[start][:1].isupper():
        return False
    if end < len(lower) and lower[end] in CITY_MIDDLE_AFTER:
        return True
    # (not before another capitalised word: a longer name, "outage leaves Paris Hilton fans angry")
    return start > 0 and lower[start - 1] in demonyms.AFFECT_BEFORE and not (end < len(texts) and texts[end][:1].isupper())


def _short_city_in(lower: list[str], start: int, nm: Name, lang: str | None) -> bool:
    """"aqui no rio", "sem sinal no rio inteiro": a big city's short name that is also a word ("rio", a river), in lower
    case right after "in" in a language of its country; in English, where it is no word, right after "in" ("here in
    rio the whole zona sul has no signal")."""
    if not start or not nm.ambiguous_place:
        return False
    if lang == "en":
        return lower[start - 1] == "in" and place_kinds().get(nm.written) in (None, "city", "nickname") and \
            (nm.geo or "")[:2] in MARKETS and len(nm.geo or "") > 2
    return lower[start - 1] in SHORT_CITY_IN and lang in TOWN_LANGUAGES.get((nm.geo or "")[:2], ())


# A part of a city after its name in lower case: "amsterdam oost geen internet", "madrid centro sin luz".
OPENING_PART_WORDS = frozenset({"north", "south", "east", "west", "central", "downtown", "noord", "oost", "zuid", "nord",
                                "ost", "süd", "sud", "norte", "sul", "sur", "oeste", "leste", "este", "centro",
                                "centrum", "zentrum", "centre", "center"})


# "sydney here", "Dallas here, att fiber down", "aqui" ...: a place the writer says they are in, right after it.
HERE_AFTER = frozenset({"here", "aqui", "aquí", "acá", "ici", "hier", "qui", "tutaj", "här", "burada"})


def _said_in_lower(lower: list[str], start: int, end: int, nm: Name, brands: tuple[set[int], set[int], set[int]],
                   lang: str | None) -> bool:
    """A big city's name in lower case said as the place where a service fails: right before or after a tagged
    service or a network operator ("izmir superonline fiber yok", "vodafone madrid sin fibra"; a city also a
    word or a name only beside an operator: "mtn lagos network jammed"), or said whole ("monterrey entero caído",
    "all over nairobi", "ganz münchen"). Not an everyday word, a smaller town or subdivision, a country ("netflix
    polski serial"), nor a short form ("rio" is a river); in English or a language of the city's country (in lower
    case a city of another is a word of the text's language: "spotify salta le canzoni", Italian "skips")."""
    if nm.everyday_place or nm.minor_place or len(nm.written) < 4 or nm.demonym or nm.site_of \
            or len(nm.geo or "") < 3 or place_kinds().get(nm.written) not in (None, "city"):
        return False
    if lang != "en" and lang not in TOWN_LANGUAGES.get(cast(str, nm.geo)[:2], ()):
        return False
    if end < len(lower) and lower[end] in HERE_AFTER and (end + 1 == len(lower) or not lower[end + 1].isalpha()):
        return True  # "optus is down, sydney here", "Dallas here, att fiber down"
    starts, ends, operators_beside = brands
    if nm.ambiguous_place:
        return end - start == 1 and (start in operators_beside)
    if start == 0 and end < len(lower) and (lower[end] in OPERATOR_NONE or lower[end] in OPENING_PART_WORDS):
        return True  # opening the post, without something: "kraków bez internetu", "amsterdam oost geen internet"
    if end in starts or start in ends:
        return True
    if end < len(lower) and lower[end] in WHOLE_AFTER:
        return True
    return start > 0 and (lower[start - 1] in WHOLE_BEFORE or lower[start - 1] == "over" and start > 1
                          and lower[start - 2] == "all" or start > 1 and lower[start - 1] in SAID_IN_ARTICLES
                          and lower[start - 2] in WHOLE_BEFORE)  # "toute la croix-rousse", "tutta la brianza"


def _named_outright(doc, texts: list[str], lower: list[str], start: int, end: int, nm: Name) -> bool:
    """A country or a big city of the markets we read, written with its capital and no person's name or
    everyday word: the text is set there whatever it is about ("Palermo senza corrente", "Poznań zimą
    jest piękny", "Files rond Rotterdam"). Not in German, where every noun has a capital ("Essen leider
    kalt"), nor in English (see ``NOT_OUTRIGHT``); not after an article (a club: "del Napoli") or a word
    of where to ("file tot Utrecht"), nor with a Turkish ending of where to ("İrlanda'ya yönlendirdik"),
    nor before another capitalised word (a longer name: "Manchester United", "Toyota Shows")."""
    if not texts[start][:1].isupper() or nm.ambiguous_place or doc.user_data.get(LANG) in NOT_OUTRIGHT:
        return False
    if start and lower[start - 1] in (ARTICLES | WHERE_TO):
        return False
    if end < len(lower) and (lower[end] in TR_DATIVE or texts[end][:1].isupper()):
        return False
    return place_kinds().get(nm.written) in ("city", "country") and (nm.geo or "")[:2] in MARKETS


# German capitalises every noun; English news names teams, firms and streets after cities ("Manchester
# United", "Toyota", "Lexington St") and says "in ..." where a place is meant.
NOT_OUTRIGHT = frozenset({"de", "en"})
ARTICLES = frozenset({"il", "del", "al", "dal", "el", "la", "le", "lo", "o", "a", "do", "da", "der", "die", "das",
                      "het", "the"})
WHERE_TO = frozenset({"tot", "till", "naar", "bis", "hasta", "até", "fino", "to", "towards", "para"})
TR_DATIVE = frozenset(q + end for q in "'’" for end in ("a", "e", "ya", "ye", "na", "ne"))


def _listed_place(texts: list[str], lower: list[str], start: int) -> bool:
    """"in Russia and India", "Madrid y Barcelona": a place after a list joiner after a capitalised word."""
    return start > 1 and lower[start - 1] in LIST_JOINERS and texts[start - 2][:1].isupper()


# Between "in" and a place other languages put articles and "all of": "in tutta la lombardia", "dans le
# Nord", "in ganz Bayern", "i hela sverige", "em todo o Brasil". Not English "the": "in the Virginia" is a
# ship or a bar before it is the state.
PLACE_FILLERS = frozenset({"la", "le", "les", "el", "los", "las", "der", "die", "das", "den", "dem", "het",
                           "de", "o", "a", "os", "as", "il", "lo", "tutta", "tutto", "tutte", "ganz", "ganzen",
                           "heel", "hela", "toda", "todo", "tout", "toute", "całej", "cały",
                           "województwie", "województwa", "woj", "woj."})  # "w województwie mazowieckim"


# A part of a place between "in" and its name ("across north Austin", "in southern Bavaria", "no interior de"), and
# the words before "of" that make it "in" ("half of Austin", "all of Lisbon").
PART_WORDS = frozenset({"north", "south", "east", "west", "central", "northern", "southern", "eastern", "western",
                        "downtown", "greater", "nord", "süd", "ost", "sud", "norte", "sul", "oeste", "leste", "este",
                        "interior", "centro"})
PART_OF = frozenset({"half", "whole", "all", "most", "parts", "much", "rest"})


DATELINE_MARKS = frozenset({":", "-", "–", "—", ","})


SIGN_OFF_END = frozenset({".", "!", "?", "…"})


def _dateline(texts: list[str], start: int, end: int) -> bool:
    """"Poznań: od rana problemy...", "napoli: whatsapp bloccato", "Valencia — ...": a place that
    opens the text, set off by a colon, a dash or a comma, says where the text is set (a news
    dateline, a post's heading); so does one that closes it after a comma or a dash ("..., istanbul")."""
    if start == 0:
        return end < len(texts) and texts[end] in DATELINE_MARKS
    # "akış yenilenmiyor, istanbul": a place that ends the post after a comma or a dash signs it off
    if texts[start - 1] in DATELINE_MARKS and all(t in SIGN_OFF_END or not t.isalnum() for t in texts[end:]):
        return True
    # "... 'finding a rider' for 50 minutes. Glasgow southside", "... als 'in Zubereitung'. Leipzig", "Dallas. is
    # it BoA or me", "... no existe. Madrid centro, una hora esperando": a place said as a sentence of its own,
    # or opening one set off by a comma, is where the writer is (one word of where in it after the name)
    if texts[start - 1] not in SIGN_OFF_END:
        return False
    rest = end + 1 if end < len(texts) and texts[end].islower() and texts[end].isalpha() else end
    return rest >= len(texts) or texts[rest] in SIGN_OFF_END or texts[rest] in DATELINE_MARKS


# What may stand after a place's name inside its own clause: a part of the city or an arrondissement ("marseille
# nord,", "lyon 3e,", "paris 11e").
ARRONDISSEMENT_RE = re.compile(r"^\d{1,2}(?:e|er|ème|eme|º|°)$")
CLAUSE_BREAKS = frozenset({",", ".", "!", "?", ";", ":", "…", "–", "—"})


def _own_clause(texts: list[str], lower: list[str], start: int, end: int, place_at: AbstractSet[int]) -> bool:
    """A place's name standing as a clause of its own, set off by commas or sentence ends on both sides, at most a part
    of the city, an arrondissement or a place in it after it ("zahlung schlägt fehl, stuttgart, egal welche karte", "spotify plante,
    marseille, fibre bouygues", "hasło niepoprawne. katowice. ktoś coś?", "lyon 3e, quelqu'un d'autre ?", "odrzuca
    płatność, warszawa praga"): where the
    writer is, as a dateline is (``_dateline``); the caller asks for a text about an outage in a language of the
    place's country or, where English is spoken there, in English ("cash only today, sf", "... in an hour. atl");
    opening the post too ("almere, twitch stream blijft bufferen", "groningen stad: ..."). Not one joined to its
    neighbours."""
    if start and texts[start - 1] not in CLAUSE_BREAKS:
        return False
    rest = end
    if rest < len(texts) and (lower[rest] in OPENING_PART_WORDS or ARRONDISSEMENT_RE.match(lower[rest])
                              or rest in place_at and texts[rest].isalpha()):
        rest += 1
    return rest >= len(texts) or texts[rest] in CLAUSE_BREAKS


def _town_named_like_an_english_word(nm: Name, plainly: bool, lang: str | None) -> bool:
    """A city or town whose name is an English word ("Gent", "Nice"), in lower case said plainly as a place in a
    text in a language of its own country, not English ("hier in gent", "à nice"): the place there."""
    return plainly and nm.everyday_place and not nm.minor_place and lang is not None and lang != "en" and \
        lang in TOWN_LANGUAGES.get((nm.geo or "")[:2], ()) and (
            place_kinds().get(nm.written) in ("city", "town") or nm.written in TOWNS_NAMED_LIKE_WORDS_NAMES)


TOWNS_NAMED_LIKE_WORDS_NAMES = frozenset(name for names in TOWNS_NAMED_LIKE_WORDS.values() for name in names)


def _dateline_in_its_language(texts: list[str], start: int, end: int, nm: Name, lang: str | None) -> bool:
    """A place whose name is also a word or a name elsewhere ("Nice", "Faro") opening a text in a language of its
    own country (not English), with its capital, before a colon or a dash: a heading that says where ("Nice : la
    box Bouygues plantée", "Faro: rede Vodafone morta"); in English "Reading: ..." stays a word."""
    return start == 0 and end < len(texts) and texts[end] in HEADING_MARKS and texts[0][:1].isupper() and \
        lang is not None and lang != "en" and lang in TOWN_LANGUAGES.get((nm.geo or "")[:2], ())


HEADING_MARKS = frozenset({":", "—", "–"})


# A provider's own region code ("us-south", "eu-de", "jp-tok"): a place in brackets after it is where it is.
REGION_LIKE_RE = re.compile(r"^[a-z]{2,}(?:-[a-z0-9]+)+$")


def _place_context(lower: list[str], start: int, end: int, texts: list[str] | None = None) -> bool:
    """``texts``: as written, so that a part of a place in lower case ("north Austin") is skipped, not a name
    ("North America")."""
    if end < len(lower) and (lower[end] in REGION_WORDS or lower[end] in PLACE_CASES or lower[end] in CLOUD_REGION_WORDS):
        return True  # "Austin area", "frankfurt bölgesinde", "milano regione"
    if end < len(lower) and lower[end] in WHOLE_AFTER or start and (lower[start - 1] in WHOLE_BEFORE and (
            start == 1 or not lower[start - 2].isalpha() or lower[start - 2] in PLACE_PREPOSITIONS)):
        return True  # the whole of it: "Todo Santiago sin Entel", "BH toda sem sinal", "Hannover komplett ohne ..."
    if start >= 2 and lower[start - 1] == "(" and end < len(lower) and lower[end] == ")" and \
            (REGION_LIKE_RE.match(lower[start - 2]) or lower[start - 2] in COMPASS_WORDS):
        return True  # "us-south (Dallas)", "Germany Central (Frankfurt)"
    i = start - 1
    while i >= 0 and start - i <= 4:
        if lower[i] in PLACE_PREPOSITIONS or (lower[i] == "of" and i and lower[i - 1] in PART_OF):
            return True  # "in Austin", "across half of Austin"
        if lower[i] not in PLACE_FILLERS and not (texts and lower[i] in PART_WORDS and (
                texts[i].islower() or lower[i] in COMPASS_ADJECTIVES and i == start - 1)):
            return False
        i -= 1
    return False
