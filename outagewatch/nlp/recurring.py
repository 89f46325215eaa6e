"""A service said to cut out over and over: "stream drops every 3 minutes", "deezer coupe toutes les 30 secondes",
"Teams schmeißt mich alle 10 Minuten aus dem Call", "Spotify şarkıyı 5 saniyede bir durduruyor", "netflix wywala do
menu co 5 minut", "whatsapp-samtalen bryts efter fem sekunder", "Slack tappar anslutningen hela tiden".

Why: a single user's everyday failure counts (the writers' brief: "keeps logging me out", "app stuck loading"), and
these name none of the lexicon's problem words: the verb alone ("drops", "coupe", "durduruyor", "tappar") is an
everyday word ("prices drop", "je coupe les oignons"); what makes it a failure is how often it happens, a span of
seconds or minutes ("every 30 seconds", "toutes les 30 secondes", "co 5 minut", "her 10 saniyede bir") or "all the
time" ("hela tiden", "tout le temps", "ständig"), said in the verb's clause. Read as a weak problem (symptom
"problems"): it makes a text about an outage only with a service named, as the rules read "issues" or "hängt"; so
"the bus stops every ten minutes" stays no outage.
"""

from __future__ import annotations

import re

from outagewatch.nlp import lexicon

# Words of a span of time a distributive word counts in ("every 3 minutes", "toutes les 30 secondes").
UNITS = frozenset({
    "sec", "secs", "second", "seconds", "min", "mins", "minute", "minutes", "seconde", "secondes", "sekunde",
    "sekunden", "minuten", "secondo", "secondi", "minuto", "minuti", "segundo", "segundos", "minutos",
    "seconden", "sekund", "sekundy", "sekundę", "minut", "minuty", "minutę", "sekunder", "minuter",
    "saniye", "dakika", "saniyede", "dakikada"})
# Words that make a span of time recur before it ("every", "toutes les", "alle", "co", "ogni", "cada", "elke",
# "var", Turkish "-de bir" after it), or say "after" ("bryts efter fem sekunder": it breaks off each time).
EVERY = frozenset({"every", "toutes", "tous", "alle", "co", "ogni", "cada", "elke", "iedere", "var", "varje", "each",
                   "after", "efter", "nach", "après", "dopo", "después", "depois", "na", "po", "her"})
# "all the time" in one or more words, in each language read ("hela tiden", "tout le temps", "ständig").
ALWAYS = ("all the time", "constantly", "nonstop", "non-stop", "hela tiden", "jämt", "tout le temps",
          "sans arrêt", "sans cesse", "ständig", "dauernd", "andauernd", "immer wieder", "continuamente", "di continuo",
          "todo el rato", "todo el tiempo", "o tempo todo", "toda hora", "ciągle", "non stop", "sürekli", "steeds",
          "voortdurend", "de hele tijd", "telkens")
ALWAYS_FIRSTS = frozenset(p.split()[0] for p in ALWAYS)
# Verbs of a connection, a call or a stream cut off, frozen or thrown out: short ones as words ("drops", not
# "dropbox"; "cuts", not "cute"), longer ones by their stems.
CUT_WORDS = frozenset({"drop", "drops", "dropped", "dropping", "cut", "cuts", "cutting", "stop", "stops", "stopped",
                       "stopping", "lags", "coupe", "coupé", "coupée", "cae", "cai", "caiu", "cade", "valt", "muli",
                       "tnie", "para", "trava", "travou", "travando"})
CUT_STEMS = (
    "disconnect", "kicks", "kicked", "kicking", "freez", "pause", "pausing", "buffer", "restart", "reconnect",
    "lagg", "glitch", "déconnect", "plante", "saute", "s'arrête", "bloque", "redémarr", "éject",
    "corta", "desconect", "congel", "reinici", "derrub",
    "bricht", "schmeiß", "schmeiss", "wirft", "fliege", "trennt", "hängt", "stoppt", "friert", "ruckel", "unterbrech",
    "blocca", "interromp", "butta", "scollega", "disconnett", "impall",
    "hapert", "stopt", "gooit", "bevriest", "verbreek",
    "zrywa", "rozłącz", "wywal", "wyrzuc", "zacina", "przeryw", "zatrzymuj", "laguj",
    "bryts", "bryter", "tappar", "hackar", "stannar", "kastar", "fryser", "laggar", "avbryt",
    "durdur", "duruyor", "kopuyor", "atıyor", "donuyor", "kesiliyor", "takılıyor", "kapanıyor")
# What ends the clause the verb and its frequency must share.
BREAKS = frozenset({".", "!", "?", ";", ":", ",", "—", "–", "but", "aber", "pero", "mais", "mas", "ma", "maar", "men",
                    "ale", "ama", "\n"})
REACH = 6  # words between the verb and its frequency, at most
SUBJECT_REACH = 5  # words between what is cut out (a service's name, "stream") and the verb, at most
GATE = frozenset(UNITS) | ALWAYS_FIRSTS
_ALWAYS_RE = re.compile(r"(?<!\S)(?:" + "|".join(re.escape(p) for p in ALWAYS) + r")(?!\S)")


def _frequencies(lower: list[str]) -> list[int]:
    """Where the words say how often: a unit of time with a distributive word at most three words before it ("every
    3 minutes", "toutes les 30 secondes", "efter fem sekunder") or Turkish "bir" after it ("5 saniyede bir"); the
    first word of an "all the time" phrase."""
    at = []
    n = len(lower)
    for i, word in enumerate(lower):
        if word in UNITS and (any(w in EVERY for w in lower[max(0, i - 3):i])
                              or word.endswith(("de", "da")) and i + 1 < n and lower[i + 1] == "bir"):
            at.append(i)
    if not ALWAYS_FIRSTS.isdisjoint(lower):
        joined = " ".join(lower)
        at += [joined.count(" ", 0, m.start()) for m in _ALWAYS_RE.finditer(joined)]
    return at


def cut_over_and_over(lower: list[str], subjects: set[int]) -> int | None:
    """Where a verb of cutting out is said with how often it happens, in its clause (see the module's docstring),
    of a subject at ``subjects`` (where a service is named, or a word of a service's things: "stream", "call") at
    most :data:`SUBJECT_REACH` words before it in the clause ("Spotify şarkıyı ... durduruyor", not "the bus stops
    every ten minutes near the spotify office"), or None. One set test first: nearly no text holds a unit of time
    or an "all the time" word."""
    if GATE.isdisjoint(lower):
        return None
    subjects = subjects | {i for i, w in enumerate(lower) if w in lexicon.TECH_CONTEXT}
    for f in _frequencies(lower):
        for j in range(max(0, f - REACH), min(len(lower), f + REACH + 1)):
            if j != f and (lower[j] in CUT_WORDS or lower[j].startswith(CUT_STEMS)) and not any(
                    lower[k] in BREAKS for k in range(min(j, f), max(j, f))) and any(
                    j - SUBJECT_REACH <= i <= j and not any(lower[k] in BREAKS for k in range(i, j))
                    for i in subjects):
                return j
    return None
