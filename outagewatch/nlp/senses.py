"""Outage words in their everyday sense: "went down really well", "crashed on the couch",
"our new incident workflow", "chaos game day simulated losing us-east-1", "we back up our data".

The symptom phrases match words, not meanings; these few senses are common enough in posts
that name a service ("the new season went down really well, netflix better renew it") to be
worth ruling out by the words around the match. Kept as data beside the rule that reads it.
"""

from __future__ import annotations

# "went down well", "caiu muito bem", "cayó bien": a verb of falling, then praise.
FALLING = frozenset({"down", "caiu", "cayó", "cayo", "cae", "cai", "caíram", "cayeron"})
INTENSIFIERS = frozenset({"really", "very", "so", "super", "pretty", "quite", "extremely", "incredibly", "muito",
                          "muy", "tão", "tan", "re", "sehr", "a", "ganz", "molto", "like", "rather"})
PRAISE = frozenset({"well", "bem", "bien", "great", "nicely", "brilliantly", "gut", "bene", "benissimo", "treat",
                    "storm", "smoothly", "smooth"})
# "crashed on the couch", "crashing at a friend's": a person falling asleep.
CRASHING = frozenset({"crashed", "crash", "crashing", "crashes"})
RESTING = frozenset({"couch", "sofa", "bed", "floor", "settee", "futon", "hammock", "friend's", "place", "mine",
                     "yours", "his", "hers", "theirs"})
ARTICLES = frozenset({"on", "onto", "in", "into", "at", "the", "a", "my", "our", "your", "his", "her", "their",
                      "friend's", "mate's"})
# "incident workflow builder", "incident response training": the practice or a product, not an incident.
INCIDENT_WORDS = frozenset({"incident", "incidents", "outage"})
PRACTICE = frozenset({"workflow", "workflows", "management", "response", "responders", "commander", "commanders",
                      "review", "reviews", "process", "processes", "tool", "tools", "tooling", "builder", "template",
                      "templates", "playbook", "playbooks", "runbook", "runbooks", "automation", "platform",
                      "software", "training", "drill", "drills", "simulation", "simulations", "postmortems",
                      "retrospectives", "app", "feature", "features", "dashboard", "tracker", "bot", "integration",
                      "policy", "policies", "metrics", "reporting", "handbook", "course", "certification"})
# A rehearsal: what breaks in it is planned ("chaos game day simulated losing us-east-1").
# Not "game day", "tabletop" or "simulation" alone: sports days, board games and simulation games crash too.
DRILLS = ("simulated", "simulating", "simulate", "simulates", "chaos game day", "chaos gameday", "chaos day",
          "fire drill", "dr drill", "failover drill", "failover test", "dr test", "disaster recovery test",
          "disaster recovery drill", "chaos experiment", "chaos engineering", "tabletop exercise", "simulacro",
          "notfallübung")


# "we back up our databases nightly": backing up data, not a service coming back up.
BACKED_UP = frozenset({"your", "my", "our", "their", "his", "her", "the", "all", "everything", "files", "data",
                       "photos", "this", "that", "these", "those", "it", "them", "daily", "nightly", "regularly",
                       "every", "each", "a", "an"})


# Idioms: an outage word, then words that make the phrase mean something else. Compared without
# spaces, so the tokenizer's split of "d'inspiration" does not matter.
IDIOMS_AFTER: dict[str, tuple[str, ...]] = {
    "caiu": ("aficha", "pra segunda", "para segunda", "para a segunda", "pra série", "para a série",
             "pra segundona", "para o rebaixamento",
             "no débito", "na conta", "na minha conta"),  # pt: it dawned on me; relegated; money landed
    "cayó": ("el veinte", "a segunda", "a la segunda"),  # es: it dawned on me; relegated
    "panne": ("d'inspiration", "d'idées", "d'idée", "de réveil", "d'essence", "sèche", "de motivation",
              "d'envie", "de sommeil"),               # fr: out of ideas, overslept, out of fuel
    "dropped": ("the trailer", "a trailer", "the album", "a new", "the new", "new", "the first", "a teaser",
                "the teaser", "the season", "season", "the episode", "the video", "the single", "a single",
                "the lineup", "the tracklist"),       # a release
    "störung": ("im betriebsablauf",),                # de: a train's or a tram's delay, as the operators say it
    "storing": ("op het spoor",),                     # nl: a fault on the railway
    "down": ("bad",                                   # en slang: "chat is down bad" (smitten, desperate)
             "di forma"),                             # it: "il Milan è down di forma" (out of form)
}
# Words before an outage word that make it something else: a person's "personal outage", the sun
# going down, an SRE who "survived a few outages", a team relegated ("meu time caiu"), one's own
# computer crashing ("my laptop crashed": no service).
IDIOMS_BEFORE: dict[str, tuple[frozenset[str], int, str]] = {
    "outage": (frozenset({"personal", "emotional", "mental", "brain"}), 1, "a person's own 'outage'"),
    "outages": (frozenset({"survived", "survive", "surviving"}), 4,
                "experience of outages (a CV, a job ad)"),
    "down": (frozenset({"sun", "moon", "sunset"}), 2, "the sun going down"),
    "caiu": (frozenset({"time", "clube"}), 2, "a team relegated"),
    "crashed": (frozenset({"laptop", "computer", "pc", "macbook", "desktop", "mac"}), 2,
                "one's own computer crashing, no service"),
    # "i'm going offline until this is over", "going offline for a week, phone in a drawer": a person logging off
    # (10 development texts, all so; not "servers go offline", nor an app that "says I'm offline")
    "offline": (frozenset({"going", "gonna"}), 1, "a person going offline"),
}


# Whose failure an outage word tells, when it is no service's: one's mood, head or body ("my mood crashed",
# "moralim çöktü", "kafam hiç çalışmıyor", "storing in m'n hoofd"), a market or a currency ("the market went
# down 3%", "la caída de la bolsa", "Bitcoin yüzde 8 çöktü"), a household thing or a vehicle ("voiture en
# panne", "awaria pralki", "the elevator is down again"). Said just before the outage word in its clause
# (its subject), or right after it ("caída del dólar", "panne de voiture").
EVERYDAY_SUBJECTS: dict[str, frozenset[str]] = {
    "one's mood, head or body": frozenset({
        "mood", "brain", "head", "morale", "patience", "motivation", "energy", "body", "knees", "knee", "neck",
        "back", "humör", "hjärna", "huvud", "huvudet", "moral", "moralim", "morali", "kafam", "kafa", "beynim",
        "cerebro", "cabeza", "ánimo", "humor", "cabeça", "cérebro", "cervello", "testa", "umore", "hoofd",
        "motivatie", "kopf", "gehirn", "laune", "stimmung", "kreislauf", "mózg", "głowa", "nastrój", "humeur",
        "cerveau", "tête", "rodilla", "joelho", "ginocchio", "knie", "kolano", "dizim", "batería", "bateria",
        "akku", "batterie", "batteria", "batterij", "batteriet", "bateria", "pil", "şarjım", "motivation",
        # a head by its everyday words, sleep, and a child who "crashed" after a long day
        # (not a word that is also "are" elsewhere: pt "sono" (sleep) is Italian "sono", English "son" Spanish "son")
        "hirn", "birne", "sueño", "sommeil", "sonno", "slaap", "sömn", "daughter", "toddler", "hija", "hijo",
        "filha", "filho", "tochter", "sohn", "figlia", "figlio", "dochter", "zoon", "córka", "kızım", "oğlum",
        "dotter", "sonen",
    }),
    "a market or a currency": frozenset({
        "stock", "stocks", "market", "markets", "shares", "crypto", "bitcoin", "dollar", "peso", "bolsa", "dólar",
        "ações", "aktie", "aktien", "aktiemarknaden", "aktien", "börsen", "börse", "borsa", "beurs", "giełda",
        "bourse", "euro", "lira", "real", "portfolio", "portföy", "kurs", "koers",
    }),
    "a household thing or a vehicle": frozenset({
        "car", "bike", "elevator", "lift", "fridge", "dishwasher", "washer", "pralka", "pralki", "ascensore",
        "ascensor", "elevador", "lave-linge", "voiture", "vélo", "auto", "coche", "carro", "fiets", "wasmachine",
        "tvättmaskin", "tvättmaskinen", "hiss", "hissen", "asansör", "araba", "arabam", "ekspres", "waschmaschine",
        "aufzug", "fahrrad", "lavatrice", "frigo", "kühlschrank", "koelkast", "kylskåp", "lodówka", "buzdolabı",
        "grille-pain", "toaster", "heating", "boiler", "kombi", "caldaia", "métro", "tram", "s-bahn", "zug",
        "train", "trein", "tåg", "pociąg", "metro", "ônibus", "bus", "flight", "flug", "vuelo", "vol", "volo",
        "voo", "lot", "uçuş", "vlucht", "flyget", "lavadora", "diskmaskinen", "diskmaskin", "kaffeemaschine",
        "kaffemaskinen", "koffiezetapparaat", "cafetera", "cafeteira", "macchinetta", "bulaşık", "makinesi",
        "máquina", "machine", "radiator", "heater", "stufa", "calefacción", "heizung", "verwarming",
        # a household robot or coffee machine, a kitchen, the road's traffic and its lights (not English "traffic":
        # "air traffic control system fails" is an IT failure)
        "roomba", "saugroboter", "kaffeevollautomat", "kitchen", "küche", "cocina", "cozinha", "cuisine", "cucina",
        "keuken", "kuchnia", "kök", "mutfak", "verkehr", "tráfico", "trânsito", "trafic", "traffico",
        "verkeer", "trafiken", "ampel", "semáforo", "semaforo", "verkeerslicht",
        # an oven, a fridge, a tram, the underground ("the oven is down AGAIN", "minha geladeira pifou", "Manchester
        # trams down again", "awaria tramwajów na Marszałkowskiej", "the tube is down")
        "oven", "stove", "horno", "forno", "backofen", "ofen", "piekarnik", "fırın", "ugnen", "geladeira", "nevera",
        "heladera", "frigorifero", "trams", "tramway", "tranvía", "bonde", "straßenbahn", "tramwaj", "tramwaje",
        "tramwajów", "spårvagn", "spårvagnen", "tramvay", "subway", "tube", "u-bahn", "trains", "tåget", "metrô",
    }),
    "a team's play": frozenset({
        # "totaler Ausfall der Abwehr in der zweiten Halbzeit", "la difesa oggi è andata in tilt"
        "defence", "defense", "defensa", "défense", "difesa", "defesa", "abwehr", "verteidigung", "verdediging",
        "obrona", "obrony", "savunma", "försvaret",
    }),
    "the weather or one's health": frozenset({
        "weather", "hava", "havalar", "wetter", "vädret", "pogoda", "météo", "meteo",
        "health", "sağlık", "salud", "saúde", "salute", "gesundheit", "gezondheid", "hälsa", "zdrowie", "santé",
    }),
}
_SUBJECT_OF = {word: kind for kind, words in EVERYDAY_SUBJECTS.items() for word in words}
SUBJECT_WORDS = frozenset(_SUBJECT_OF)  # a text holding none has no everyday subject for any symptom
SUBJECT_REACH = 3
# ("en" and "i" are "and" in Dutch and Polish but "in" elsewhere: "spotify en el coche" is one clause)
SUBJECT_BREAKS = frozenset({",", ".", ";", ":", "!", "?", "but", "and", "aber", "und", "pero", "y", "mais", "et",
                            "ma", "e", "maar", "men", "och", "ale", "ama", "ve", "mas"})
OWNERS = frozenset({"my", "mi", "mein", "meine", "mon", "ma", "mijn", "m'n", "min", "mitt", "mój", "moja", "meu",
                    "minha", "il", "la", "el", "the", "der", "die", "das", "le", "de", "het", "o", "a"})


def _everyday_subject(lower: list[str], start: int, end: int, named: frozenset[int]) -> str | None:
    """One's mood, a market or a household thing the outage word is said of (its subject, just before it
    in its clause, or the noun right after it: "caída del dólar", "panne de voiture"); not where a service
    is named in that clause ("spotify en el coche se desconecta": the car is where, Spotify fails)."""
    if _SUBJECT_OF.keys().isdisjoint(lower[max(0, start - SUBJECT_REACH):end + 3]):
        return None  # most symptoms: no such word near (one set test, before any walk of the clause)
    first = start
    while first > 0 and lower[first - 1] not in SUBJECT_BREAKS:
        first -= 1
    if any(first <= i < end + 3 for i in named):
        return None
    for i in range(start - 1, max(-1, start - 1 - SUBJECT_REACH), -1):
        word = lower[i]
        if word in SUBJECT_BREAKS:
            break
        kind = _SUBJECT_OF.get(word)
        if kind:
            return kind
    for i in range(end, min(len(lower), end + 3)):
        kind = _SUBJECT_OF.get(lower[i])
        if kind:
            return kind
        if lower[i] not in OWNERS and lower[i] not in ("of", "del", "do", "da", "de", "des", "du", "di", "van",
                                                       "der", "des", "in", "im", "w", "i"):
            break
    return None


def _idiom(lower: list[str], start: int, end: int) -> str | None:
    last = lower[end - 1]
    after = IDIOMS_AFTER.get(last) or (IDIOMS_AFTER.get(lower[start]) if start + 1 < end else None)
    if after:
        following = "".join(lower[end:end + 4]).replace("’", "'")
        for words in after:
            if following.startswith(words.replace(" ", "")):
                return f"the everyday sense: '{lower[start]} ... {words}' (an idiom or a release)"
    for key in {last, lower[start]}:
        before = IDIOMS_BEFORE.get(key)
        if before and not before[0].isdisjoint(lower[max(0, start - before[1]):start]):
            return f"the everyday sense: {before[2]}"
    return None


# The words an idiom, "back up", "went down well", "crashed on the sofa" or "incident response" is read from, first
# or last of the symptom's words: a symptom with neither ("outage", "se cayó": four in five) has only a subject to
# be looked for.
SENSE_WORDS = frozenset(IDIOMS_AFTER) | frozenset(IDIOMS_BEFORE) | FALLING | CRASHING | INCIDENT_WORDS | {"back"}


def everyday_sense(lower: list[str], start: int, end: int, named: frozenset[int] = frozenset(),
                   recovery: bool = False) -> str | None:
    """Why the symptom matched at lower[start:end] is the everyday sense, or None. ``named``: where names
    of services or providers were matched; ``recovery``: the symptom is a recovery word."""
    if lower[start] not in SENSE_WORDS and lower[end - 1] not in SENSE_WORDS:
        subject = _everyday_subject(lower, start, end, named)
        return f"the everyday sense: said of {subject}, no service" if subject else None
    n = len(lower)
    idiom = _idiom(lower, start, end)
    if idiom:
        return idiom
    if lower[start:end] == ["back", "up"] and end < n and lower[end] in BACKED_UP:
        return "the everyday sense: backing up data"
    last = lower[end - 1]
    if last in FALLING or lower[start] in FALLING:
        j = end
        while j < n and j - end < 3 and lower[j] in INTENSIFIERS:
            j += 1
        if j < n and lower[j] in PRAISE:
            return "the everyday sense: went down well (praise)"
    if last in CRASHING:
        j = end
        while j < n and j - end < 3 and lower[j] in ARTICLES:
            j += 1
        if j > end and j < n and lower[j] in RESTING:
            return "the everyday sense: a person crashing (to sleep)"
    if last in INCIDENT_WORDS and end < n and lower[end] in PRACTICE:
        return f"the practice or a product ('{last} {lower[end]}'), not an incident"
    subject = _everyday_subject(lower, start, end, named)
    if subject:
        return f"the everyday sense: said of {subject}, no service"
    return None


DRILL_FIRSTS = frozenset(d.split()[0] for d in DRILLS)


def drill(lower: list[str]) -> str | None:
    """The rehearsal word or phrase in a text (its lower-case words), or None."""
    if DRILL_FIRSTS.isdisjoint(lower):
        return None
    joined = " ".join(lower)
    for word in DRILLS:
        at = joined.find(word)
        if at >= 0 and (at == 0 or not joined[at - 1].isalnum()) and \
                (at + len(word) == len(joined) or not joined[at + len(word)].isalnum()):
            return word
    return None
