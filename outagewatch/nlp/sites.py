"""Sites named by airport codes: Vercel's ``iad1``, a Cloudflare or Fastly PoP "(FRA)".

Edge and hosting providers without catalog regions name their sites after the nearest airport's IATA
code, with a number (Vercel "iad1", "cdg1") or alone in capitals (a Cloudflare colo "LHR", a Fastly
PoP). Such a code is the site's place, ``geo:`` the airport's city as the gazetteer places it
("iad1" US-DC, "lhr1" GB-LND, "fra1" DE-HE). The codes come from ``airportsdata`` (every airport with
an IATA code), built into ``data/site_codes.json`` by :func:`outagewatch.nlp.tables.build_site_codes`.

Three letters are everyday words and acronyms in most texts ("the", "DNS", "API", "sha1"), so a code is
looked for only where a provider that names its sites so is in the text or its source
(:data:`NAMERS`), and there only as letters and a number ("iad1") or in capitals ("FRA", "the SIN
colo"), never an acronym that is also an airport's code (:data:`ACRONYMS`: "DNS", "API", "CET").
Providers whose sites the catalog lists (DigitalOcean, Hetzner, OVHcloud, Linode) keep the catalog's
codes (``vocabulary.site_codes``).

An airport's own name ("Schiphol", "Arlanda", "Heathrow", "Malpensa") is a place anywhere, where it is said
as one (:func:`find_airports`); the codes of the markets' big airports are a place only in a text about travelling,
said as one ("stuck at JFK T4", "at MAN"); any other three letters are a site only beside a provider.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

SITE_CODES_FILE = Path(__file__).with_name("data") / "site_codes.json"

# Catalog services and providers that name their sites by airport code.
NAMERS = frozenset({"vercel", "cloudflare", "fastly"})
# Acronyms and words that are also airport codes, as status pages and engineers write them in capitals or
# with a version number: "DNS", "API", "CDN", "SHA1", "TLS1", "CET", "THE" are no airports.
ACRONYMS = frozenset("""
sha tls ssl ipv cpu gpu api dns cdn ios usb lte ddr php sql aes rsa win mac ram gen ver rev sep waf cli sso isp
sms rds gke aks ecs eks ebs vpn mfa rca sla vps lan ssh crm iam pdf pos nat otp get atm kms sns elb alb arm csv
gpt cto ceo cfo bbc cnn usa eua gmt bst est pdt cet jst kst mez utc pst edt cst sre psa pop van rtc aws gcp tim
ing kpn gov faq eta aka lol wtf omg fyi the and for not all any now new out off one two yes why how who ttl bgp
tcp udp url xml ssd hdd nas san cname dev ops sdk ide app web net org com log
""".split())


@functools.lru_cache(maxsize=1)
def site_codes() -> dict[str, str]:
    """Lower-case IATA code -> the ISO 3166 code of its airport's city ("iad" -> "US-DC")."""
    return json.loads(SITE_CODES_FILE.read_text("utf-8")) if SITE_CODES_FILE.exists() else {}


def find(texts: list[str], lower: list[str], codes: dict[str, str]) -> list[tuple[int, str, str]]:
    """(token index, code as written, ISO code) for each site code in the tokens; the caller has checked
    that a provider in :data:`NAMERS` is in context."""
    found = []
    for i, low in enumerate(lower):
        if not 3 <= len(low) <= 5 or not low[:3].isascii() or not low[:3].isalpha():
            continue
        letters, number = low[:3], low[3:]
        if number and not number.isdigit() or letters in ACRONYMS:
            continue
        if not number and not texts[i][:3].isupper():
            continue  # a bare code only in capitals: "FRA", "the SIN colo"; "fra" is a word
        geo = codes.get(letters)
        if geo:
            found.append((i, texts[i], geo))
    return found


# An airport named by its own name is a place where it is said as one: after a preposition of place, or
# before a word for airport ("op Schiphol", "på Arlanda", "at Heathrow", "Malpensa airport").
AIRPORT_BEFORE = frozenset({"at", "in", "from", "to", "via", "op", "naar", "bij", "van", "på", "vid", "från", "till",
                            "à", "a", "de", "em", "no", "na", "en", "desde", "auf", "am", "nach", "von", "w", "z", "do",
                            "dal", "da", "per"})
AIRPORT_AFTER = frozenset({"airport", "luchthaven", "flygplats", "aeropuerto", "aeroporto", "aéroport", "flughafen",
                           "lotnisko", "lotnisku", "havalimanı", "terminal"})
AIRPORT_NAMES_FILE = Path(__file__).with_name("data") / "airport_names.json"


# The markets' big airports that lie outside the city they serve, in a subdivision of their own, by the names and
# codes travellers write (the built table places an airport at its city): Gatwick is in West Sussex, Stansted in
# Essex, Charles de Gaulle in Val-d'Oise, Malpensa in the province of Varese, Narita in Chiba, Dulles in Virginia,
# Incheon in Incheon, Ezeiza in the province of Buenos Aires. Read at run time over the built table: a traveller at
# the airport is there, as the writers label it ("Gatwick north terminal: ..." GB-WSX, "à CDG" FR-95); a provider's
# site named after the code keeps its city (``site_codes``: "the CDG PoP" is Paris). And names the built table lacks
# ("Hartsfield-Jackson", its first word a token of its own).
AIRPORTS_OUTSIDE_THEIR_CITY = {
    "GB-WSX": ("Gatwick", "gatwick", "LGW"), "GB-ESS": ("Stansted", "stansted", "STN"),
    "FR-95": ("CDG", "cdg", "Roissy", "roissy"), "IT-VA": ("Malpensa", "malpensa", "MXP", "mxp"),
    "JP-12": ("Narita", "narita", "NRT", "nrt"), "US-VA": ("Dulles", "IAD"), "KR-28": ("Incheon", "ICN"),
    "AR-B": ("Ezeiza", "ezeiza", "EZE"), "US-GA": ("Hartsfield", "hartsfield"),
    "US-IL": ("OHare", "ohare"),  # O'Hare typed without its apostrophe
    "DE-BB": ("BER",), "BE-VBR": ("BRU",),  # Berlin Brandenburg in Brandenburg, Brussels Airport in Zaventem
}


@functools.lru_cache(maxsize=1)
def airport_names() -> dict[str, str]:
    """An airport's own name -> the ISO code of its city ("Schiphol" -> "NL-NH"), built from ``airportsdata``
    by :func:`outagewatch.nlp.tables.build_airport_names`; an airport outside its city at its own subdivision
    (``AIRPORTS_OUTSIDE_THEIR_CITY``: "Gatwick" GB-WSX)."""
    names = json.loads(AIRPORT_NAMES_FILE.read_text("utf-8")) if AIRPORT_NAMES_FILE.exists() else {}
    if names:
        for code, written in AIRPORTS_OUTSIDE_THEIR_CITY.items():
            names.update(dict.fromkeys(written, code))
    return names


def find_airports(texts: list[str], lower: list[str], names: dict[str, str]) -> list[tuple[int, str]]:
    """(token index, ISO code) of each airport named as a place: written with its capital, after a
    preposition of place or before a word for airport; in a text about travelling also opening the text or
    before a part of an airport ("O'Hare wifi"); its code in capitals (in lower case where it is no English
    word: "jfk"), in a text about travelling, after a preposition of place or before a part of an airport or a
    terminal's number ("stuck at JFK T4", "jfk wifi is one thing", "LHR check-in")."""
    if names.keys().isdisjoint(texts):  # one C-level pass: most texts name no airport
        return []
    n = len(texts)
    travel = not TRAVEL_WORDS.isdisjoint(lower) or any(
        w == "check" and lower[i + 1:i + 3] == ["-", "in"] or w.startswith(TRAVEL_PREFIXES)  # "check-in", split
        for i, w in enumerate(lower))
    return [(i, names[word]) for i, word in enumerate(texts) if word in names and (
        ((i > 0 and lower[i - 1] in AIRPORT_BEFORE) or (i + 1 < n and lower[i + 1] in AIRPORT_AFTER) or
         # "O'Hare wifi is dead"; in lower case opening the post ("schiphol wifi is dead"; not "my gatwick wifi router")
         (i + 1 < n and lower[i + 1] in AIRPORT_PARTS and (texts[i][:1].isupper() or i == 0)) or
         (i + 2 < n and lower[i + 1] in TERMINAL_SIDES and lower[i + 2] == "terminal") or  # "Gatwick north terminal"
         (travel and (i == 0 or i + 1 < n and lower[i + 1] in AIRPORT_PARTS)) or _airport_said(lower, i))
        if not _is_code(word) else travel and (i > 0 and lower[i - 1] in CODE_BEFORE or i + 1 < n and (
            lower[i + 1] in AIRPORT_PARTS or lower[i + 1] in AIRPORT_AFTER or TERMINAL_RE.match(lower[i + 1]))))]


# The word for airport before its name, with "of" between or not ("all'aeroporto di Fiumicino", "l'aéroport de
# Roissy", "na Lotnisku Chopina", "Flughafen Tegel"); Italian and French write it on the article ("all'aeroporto").
AIRPORT_NOUNS = frozenset({"aeroporto", "aeropuerto", "aéroport", "aeroport", "flughafen", "lotnisko", "lotnisku",
                           "lotniska", "luchthaven", "flygplats", "flygplatsen", "havalimanı", "airport"})
AIRPORT_OF = frozenset({"di", "de", "du", "do", "da", "del", "van", "of", "d'"})


def _airport_said(lower: list[str], i: int) -> bool:
    """An airport's own name said after the word for airport, in any text ("all'aeroporto di Fiumicino", "na
    warszawskim Lotnisku Chopina"; not "słucham Chopina")."""
    if i == 0:
        return False
    before = lower[i - 1] if lower[i - 1] not in AIRPORT_OF or i < 2 else lower[i - 2]
    return before.rsplit("'", 1)[-1] in AIRPORT_NOUNS


# What an airport has, after its name in a text about travelling ("O'Hare wifi", "Heathrow check-in systems"); such a
# text opening with the airport's name is set there too ("Heathrow check-in systems down").
AIRPORT_PARTS = frozenset({"wifi", "wi-fi", "check-in", "checkin", "security", "lounge", "gate", "gates", "kiosks",
                           "kiosk", "baggage", "arrivals", "departures", "check", "terminal"})


TERMINAL_SIDES = frozenset({"north", "south", "east", "west", "international", "domestic"})


def _is_code(word: str) -> bool:
    """An airport's code, in capitals ("DFW") or, where it is no English word, in lower case ("jfk": the table keys
    such codes in lower case too, ``tables.build_airport_names``)."""
    return len(word) == 3 and (word.isupper() or word.islower())


TERMINAL_RE = re.compile(r"^t\d$")  # a terminal by its number after the code: "JFK T4"


# An airport's code alone ("stuck at DFW", "a driver at SFO") is its city only after a preposition of place in a
# text about travelling: elsewhere a code in capitals is an acronym first ("z SLA 99,99%", "folks in HSR layout").
CODE_BEFORE = frozenset({"at", "from", "via", "in", "to", "into", "out", "à", "a", "en", "em", "no", "na", "op",
                         "på", "desde", "da", "dal", "vanuit", "naar", "nach", "von", "am"})  # "am BER gelandet"
TRAVEL_WORDS = frozenset("""
flight flights boarding board gate gates airline airlines airways airport terminal check-in checkin kiosk kiosks
plane planes layover baggage luggage tsa landed landing departure departures arrivals lounge driver drivers ride rides
pickup taxi cab uber lyft vuelo vuelos embarque voo voos volo voli imbarco vol vols embarquement flug flüge
vlucht vluchten lot lotu odprawa flyg uçuş uçak aeropuerto aeroporto aéroport flughafen luchthaven lotnisko
passport passports passaporto passaporti pasaporte pasaportes passeport passeports passaporte passaportes paspoort
paspoorten reisepass pasaport paszport paszporty
gelandet geland aterricé aterrizamos aterrizó pousei pousamos pousou atterrato atterrata atterrati atterri atterrie
landade landat wylądowałem wylądowałam wylądowaliśmy indim indik
""".split())
# Compounds of check-in and passport control in the languages that write them as one word ("incheckningsautomaterna",
# "incheckzuilen", "passkontrollen").
TRAVEL_PREFIXES = ("incheck", "passkontroll", "paspoortcontrole")
