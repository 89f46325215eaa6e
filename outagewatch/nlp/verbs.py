"""Complaint verbs: "won't load", "hasn't synced", "keeps logging me out", "no carga".

People rarely say "down": they say what the service will not do. A complaint is a cue
(a negation, "keeps", "stuck", "unable to", "impossible de", "não consigo"...) followed
within a few words by a verb of what a service does (load, sync, send, pay, play...), in
any inflection. The inflections come from spaCy's lemma tables (``spacy-lookups-data``,
no trained model): ``scripts/build_nlp_tables.py`` inverts them for the verbs below and
writes ``data/verb_forms.json``, so the tagger never loads the 100 MB tables at run time.
Each verb says which symptom its failure is.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

DATA = Path(__file__).with_name("data")

# Verb lemma -> symptom, per language. A lemma here must be the lemma spaCy's table gives.
VERBS: dict[str, dict[str, str]] = {
    "en": {
        "load": "not-loading", "open": "not-loading", "launch": "not-loading", "start": "not-loading",
        "boot": "not-loading", "render": "not-loading", "display": "not-loading", "show": "not-loading",
        "refresh": "not-loading", "update": "problems", "connect": "connectivity", "reach": "connectivity",
        "resolve": "connectivity", "sync": "problems", "synchronize": "problems", "send": "problems",
        "receive": "problems", "deliver": "problems", "post": "problems", "upload": "problems",
        "download": "problems", "save": "problems", "search": "problems", "join": "problems", "call": "problems",
        "print": "problems", "install": "problems", "work": "outage", "function": "outage", "respond": "outage",
        "crash": "outage", "freeze": "problems", "log": "login", "login": "login", "sign": "login",
        "authenticate": "login", "verify": "login", "pay": "payments", "checkout": "payments",
        "check": "payments", "charge": "payments", "process": "payments", "decline": "payments",
        "purchase": "payments", "play": "problems", "stream": "streaming", "buffer": "streaming",
        "cast": "streaming", "skip": "streaming", "kick": "login", "disconnect": "connectivity",
        "drop": "connectivity", "spin": "not-loading", "fail": "errors", "error": "errors", "find": "problems",
        "place": "problems", "trigger": "problems", "fire": "problems", "arrive": "problems", "allocate": "problems",
        "ingest": "problems", "list": "problems", "complete": "problems", "finish": "problems", "accept": "payments",
        "page": "problems", "notify": "problems", "order": "problems", "book": "problems",
        "submit": "problems", "answer": "outage", "propagate": "problems",
    },
    "es": {
        "cargar": "not-loading", "abrir": "not-loading", "iniciar": "not-loading", "arrancar": "not-loading",
        "conectar": "connectivity", "sincronizar": "problems", "enviar": "problems", "mandar": "problems",
        "recibir": "problems", "subir": "problems", "descargar": "problems", "funcionar": "outage",
        "responder": "outage", "entrar": "login", "acceder": "login", "pagar": "payments", "cobrar": "payments",
        "reproducir": "streaming", "fallar": "errors", "congelar": "problems", "colgar": "problems",
        "guardar": "problems", "mostrar": "not-loading", "aparecer": "not-loading", "actualizar": "problems",
        "procesar": "payments", "llegar": "problems", "levantar": "not-loading",
    },
    "de": {
        "laden": "not-loading", "öffnen": "not-loading", "starten": "not-loading", "verbinden": "connectivity",
        "synchronisieren": "problems", "senden": "problems", "schicken": "problems", "empfangen": "problems",
        "hochladen": "problems", "funktionieren": "outage", "gehen": "outage", "reagieren": "outage",
        "anmelden": "login", "einloggen": "login", "zahlen": "payments", "bezahlen": "payments",
        "bestellen": "problems", "zustellen": "problems", "abrufen": "problems", "aktualisieren": "problems",
        "abspielen": "streaming", "streamen": "streaming", "hängen": "problems", "abstürzen": "outage",
        "speichern": "problems", "antworten": "outage", "anzeigen": "not-loading", "zeigen": "not-loading",
        "herunterladen": "problems", "spielen": "streaming", "verschicken": "problems", "finden": "problems",
    },
    "fr": {
        "charger": "not-loading", "ouvrir": "not-loading", "lancer": "not-loading", "démarrer": "not-loading",
        "afficher": "not-loading", "connecter": "connectivity", "synchroniser": "problems", "envoyer": "problems",
        "recevoir": "problems", "fonctionner": "outage", "marcher": "outage", "répondre": "outage",
        "payer": "payments", "lire": "streaming", "planter": "outage", "identifier": "login",
        "enregistrer": "problems", "télécharger": "problems", "arriver": "problems", "rejoindre": "problems",
        "exporter": "problems", "sauvegarder": "problems", "acheter": "payments",
    },
    "pt": {
        "carregar": "not-loading", "abrir": "not-loading", "iniciar": "not-loading", "conectar": "connectivity",
        "sincronizar": "problems", "enviar": "problems", "mandar": "problems", "receber": "problems",
        "funcionar": "outage", "responder": "outage", "entrar": "login", "logar": "login", "acessar": "login",
        "pagar": "payments", "reproduzir": "streaming", "travar": "problems", "falhar": "errors",
        "salvar": "problems", "baixar": "problems", "mostrar": "not-loading", "aparecer": "not-loading",
        "atualizar": "problems", "chegar": "problems", "tocar": "streaming",
    },
    "it": {
        "caricare": "not-loading", "aprire": "not-loading", "avviare": "not-loading", "partire": "not-loading",
        "collegare": "connectivity", "connettere": "connectivity", "sincronizzare": "problems", "inviare": "problems",
        "mandare": "problems", "ricevere": "problems", "scaricare": "problems", "arrivare": "problems",
        "funzionare": "outage", "andare": "outage", "rispondere": "outage", "accedere": "login", "entrare": "login",
        "pagare": "payments", "riprodurre": "streaming", "salvare": "problems", "mostrare": "not-loading",
        "visualizzare": "not-loading", "trovare": "problems", "pubblicare": "problems", "aggiornare": "problems",
    },
    "nl": {
        "laden": "not-loading", "openen": "not-loading", "starten": "not-loading", "opstarten": "not-loading",
        "verbinden": "connectivity", "synchroniseren": "problems", "versturen": "problems", "verzenden": "problems",
        "ontvangen": "problems", "downloaden": "problems", "uploaden": "problems", "aankomen": "problems",
        "werken": "outage", "reageren": "outage", "inloggen": "login", "aanmelden": "login", "betalen": "payments",
        "afspelen": "streaming", "opslaan": "problems", "tonen": "not-loading", "vinden": "problems",
        "koppelen": "connectivity", "afrekenen": "payments", "ophalen": "problems", "verversen": "problems",
        "spelen": "streaming",
    },
    "pl": {
        "ładować": "not-loading", "załadować": "not-loading", "wczytywać": "not-loading", "wczytać": "not-loading",
        "otwierać": "not-loading", "otworzyć": "not-loading", "uruchomić": "not-loading", "łączyć": "connectivity",
        "połączyć": "connectivity", "synchronizować": "problems", "wysyłać": "problems", "wysłać": "problems",
        "odbierać": "problems", "przychodzić": "problems", "działać": "outage", "odpowiadać": "outage",
        "logować": "login", "zalogować": "login", "płacić": "payments", "zapłacić": "payments",
        "odtwarzać": "streaming", "odtworzyć": "streaming", "grać": "streaming", "zapisywać": "problems",
        "zapisać": "problems", "pobierać": "problems", "pobrać": "problems", "pokazywać": "not-loading",
        "wyświetlać": "not-loading", "wpuszczać": "login", "dostarczać": "problems", "odpalać": "not-loading",
        "odpalić": "not-loading", "przyjmować": "payments", "wypłacać": "payments", "przechodzić": "payments",
        "startować": "not-loading",
    },
    "sv": {
        "ladda": "not-loading", "öppna": "not-loading", "starta": "not-loading", "ansluta": "connectivity",
        "synka": "problems", "synkronisera": "problems", "skicka": "problems", "fungera": "outage",
        "funka": "outage", "svara": "outage", "logga": "login", "betala": "payments", "spela": "streaming",
        "spara": "problems", "visa": "not-loading", "hämta": "problems", "rulla": "outage",
    },
}

# Verbs whose every form is itself a failure ("crasht", "zacina się", "laggar", "ruckelt"), and the
# symptom; those in STANDALONE count on their own (tech words), the others only beside a "keeps"-like
# word (FREQUENT: "ständig abgelehnt", "jag fryser hela tiden" is only "problems" and names nothing).
FAILURES: dict[str, dict[str, str]] = {
    "it": {"bloccare": "problems", "impallare": "problems", "rifiutare": "payments"},
    "nl": {"crashen": "outage", "vastlopen": "problems", "haperen": "problems", "hangen": "problems",
           "weigeren": "payments"},
    "pl": {"zawieszać": "problems", "zawiesić": "problems", "zacinać": "problems", "wylogowywać": "login",
           "wylogować": "login", "wywalać": "outage", "odrzucać": "payments", "odrzucić": "payments"},
    "sv": {"krascha": "outage", "hacka": "problems", "frysa": "problems", "lagga": "latency", "neka": "payments"},
    "de": {"abstürzen": "outage", "ablehnen": "payments", "ruckeln": "problems", "einfrieren": "problems"},
    "es": {"rechazar": "payments", "trabar": "problems", "congelar": "problems", "desconectar": "connectivity"},
    "fr": {"refuser": "payments", "ramer": "latency", "crasher": "outage", "déconnecter": "connectivity"},
    "pt": {"recusar": "payments", "travar": "problems", "desconectar": "connectivity", "deslogar": "login",
           "falhar": "errors"},
}
STANDALONE = frozenset({"impallare", "crashen", "vastlopen", "haperen", "zacinać", "wylogowywać", "wylogować",
                        "krascha", "lagga", "ruckeln", "crasher", "travar", "deslogar", "falhar"})
FREQUENT = frozenset({"ständig", "dauernd", "andauernd", "sempre", "continuamente", "ciągle", "wciąż", "sürekli",
                      "blijft", "steeds", "tiden", "rato", "arrêt", "hora", "direto", "constantly", "always",
                      "cada", "sozinho", "sozinha"})
TR_FAILING = re.compile(r"(?:çök|don|kas)(?:[üuı]yor|t[üu]|d[uı]|m[ıiuü]ş)")  # "çöküyor", "donuyor", "kasıyor"


def turkish_failing(text: str) -> bool:
    """A cheap look for "çöküyor"-like words: the stems as plain substrings first."""
    return ("çök" in text or "don" in text or "kas" in text) and TR_FAILING.search(text) is not None

# Separable verbs that put their particle at the end, with "me" between: "wirft mich ständig raus",
# "meldet mich ab", "schmeißt uns raus", "gooit me steeds uit", "logt me uit". Lemma -> (particles, symptom);
# the object pronoun is what makes it a service throwing a user out ("wirft den Ball raus" is not).
SEPARABLE: dict[str, dict[str, tuple[tuple[str, ...], str]]] = {
    "de": {"werfen": (("raus", "hinaus"), "login"), "schmeißen": (("raus", "hinaus"), "login"),
           "kicken": (("raus",), "login"), "melden": (("ab",), "login"), "loggen": (("aus",), "login")},
    "nl": {"gooien": (("uit", "eruit"), "login"), "loggen": (("uit",), "login"), "schoppen": (("uit", "eruit"), "login")},
}
OBJECT_PRONOUNS = frozenset({"mich", "uns", "me", "ons", "mij"})

# Turkish says "does not" inside the verb: stem, then passive/abilitative, then the negation
# ("açılmıyor" does not open, "giremiyorum" I cannot get in, "yüklenmiyor" does not load).
TR_STEMS = {"aç": "not-loading", "yükle": "not-loading", "yüklen": "not-loading", "bağlan": "connectivity",
            "gir": "login", "öde": "payments", "gönder": "problems", "gel": "problems", "çalış": "outage",
            "oyna": "streaming", "oynat": "streaming", "izle": "streaming", "yenilen": "problems", "indir": "problems",
            "eriş": "connectivity", "ulaş": "connectivity", "ver": "problems", "paylaş": "problems"}  # "ATM'ler para vermiyor"
# A cheap look before trying every word: "-mıyor", "-maz", "-madı" (not "amazing", "media").
TR_GATE = re.compile(r"m[ıiuü]yo|m[ae]z\b|m[ae]d[ıi](?:[mnk]|ler|lar|niz|nız)?\b")
TR_NEGATIVE = re.compile("^(" + "|".join(sorted((re.escape(s) for s in TR_STEMS), key=len, reverse=True)) +
                         ")(?:[ıiuü]?[ln])?(?:y?[ae])?m(?:[ıiuü]yor|[ae]z|[ae]d[ıi]|[ıiuü]yo)")

# Words that start a complaint about the verb that follows, and the language whose verbs
# they govern (spaCy splits "won't" into "wo" "n't"; "no update yet" is not Spanish).
CUES: dict[str, str] = {
    **dict.fromkeys(("n't", "not", "never", "cannot", "unable", "keeps", "keep", "kept", "stuck", "failing",
                     "fails", "failed", "refuses", "refusing", "refused", "stopped", "stops", "nothing", "won't",
                     "can't", "cant", "wont", "doesnt", "didnt", "isnt", "hasnt", "havent", "couldn't",
                     "couldnt", "hasn't", "haven't", "doesn't", "isn't", "didn't", "wasn't", "aren't", "don't",
                     "dont", "won’t", "can’t", "doesn’t", "hasn’t", "isn’t", "didn’t"), "en"),
    **dict.fromkeys(("no", "nada", "sigue", "siguen", "queda", "quedó"), "es"),
    **dict.fromkeys(("nicht", "nichts"), "de"),
    **dict.fromkeys(("ne", "n'", "impossible", "arrive", "bloqué", "bloquée"), "fr"),
    **dict.fromkeys(("não", "nao", "consigo", "fica", "ficou"), "pt"),
    "non": "it", "nie": "pl", "niet": "nl", "inte": "sv",
}
# Words a complaint may put between its cue and its verb ("keep getting declined", "won't let me log in").
FILLERS = frozenset({
    "to", "be", "being", "been", "get", "getting", "gets", "got", "me", "us", "my", "the", "even", "at", "all",
    "on", "properly", "correctly", "let", "lets", "letting", "de", "à", "se", "mich", "sich", "mir", "lo", "la",
    "le", "les", "l'", "puedo", "puede", "pude", "kann", "lässt", "it", "is", "are", "was", "in", "keeps", "keep",
    "consigo", "me", "m'", "d'", "d’", "pas", "plus", "rien", "mais", "mehr", "more", "anymore", "still", "ya",
    "riesco", "a", "ad", "si", "mi", "ci", "più", "mogę", "może", "się", "już", "mi", "ik", "je", "niet", "meer",
    "kan", "att", "jag", "går", "mig", "inte", "längre",
})
WINDOW = 3
LET = frozenset({"let", "lets", "letting", "allow", "allows"})
# "I won't pay for Netflix", "we don't use Slack": a person choosing, not a service failing.
CHOOSERS = frozenset({"i", "we", "you", "they", "he", "she", "people", "i'll", "we'll"})
CHOICE_AUX = frozenset({"do", "did", "wo", "will", "would", "should", "shall", "might"})
CHOICES = frozenset({"won't", "don't", "didn't", "wont", "dont", "didnt", "won’t", "don’t", "didn’t", "never", "not"})
# German, French, Dutch and Swedish put the verb first: "lädt nicht", "ne charge pas", "laadt niet",
# "laddar inte". The negation, its language, and how far back the verb may be.
# German puts the negation at the clause's end, after whatever comes between ("github lädt bei mir seit ner
# Stunde nicht"): its reach stops at a clause break, not at a count of words.
DEFERRED = {"nicht": ("de", 9), "pas": ("fr", 2), "plus": ("fr", 2), "niet": ("nl", 7), "inte": ("sv", 4),
            # "n'affichent aucune voiture", "n'arrive jamais", "geht bei Uber gar nix"
            "aucun": ("fr", 2), "aucune": ("fr", 2), "jamais": ("fr", 2), "rien": ("fr", 2), "nix": ("de", 9)}
CLAUSE_ENDS = frozenset({",", ".", ";", ":", "!", "?", "aber", "und", "maar", "en", "mais", "et", "och", "men",
                         "weil", "omdat", "dass", "dat", "wenn", "als"})
# Dutch "doet het niet" (does not work): "doen" only with "het" right after it.
DOES_IT = frozenset({"doet", "doen", "deed", "deden"})
# German verbs whose particle ends the clause and makes a failure ("Teams stürzt bei jedem Call ab",
# "Zahlungen schlagen dauernd fehl", "das Netz fällt ständig aus"): forms, the particle, the symptom.
PARTICLE_VERBS = {
    **dict.fromkeys(("stürzt", "stürzen", "stürzte", "stürzten"), ("ab", "outage")),
    **dict.fromkeys(("schlägt", "schlagen", "schlug", "schlugen"), ("fehl", "errors")),
    **dict.fromkeys(("fällt", "fallen", "fiel", "fielen"), ("aus", "outage")),
    **dict.fromkeys(("bricht", "brechen", "brach", "brachen"), ("ab", "connectivity")),
}


@functools.lru_cache(maxsize=1)
def forms() -> dict[str, dict[str, str]]:
    """Per language: inflected form (lower case) -> symptom."""
    path = DATA / "verb_forms.json"
    data = json.loads(path.read_text("utf-8")) if path.exists() else {}
    tables: dict[str, dict[str, str]] = {}
    for lang, verbs in VERBS.items():
        table = tables[lang] = {}
        for lemma, symptom in verbs.items():
            table.setdefault(lemma, symptom)
            for form in _regular(lang, lemma):
                table.setdefault(form, symptom)
            for form in data.get(lang, {}).get(lemma, ()):
                table.setdefault(form, symptom)
    return tables


@functools.lru_cache(maxsize=1)
def failure_forms() -> dict[str, tuple[str, bool]]:
    """Every form of a failure verb (any language) -> (symptom, counts on its own)."""
    path = DATA / "verb_forms.json"
    data = json.loads(path.read_text("utf-8")) if path.exists() else {}
    table: dict[str, tuple[str, bool]] = {}
    for lang, verbs in FAILURES.items():
        for lemma, symptom in verbs.items():
            # Not the Dutch bare stem the regular forms add: "crash", "hang" are English.
            regular = _regular(lang, lemma) if lang != "nl" else ()
            for form in (lemma, *regular, *data.get(lang, {}).get(lemma, ())):
                table.setdefault(form, (symptom, lemma in STANDALONE))
    return table


def failures(lower: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, symptom) of failure verbs: on their own, or beside a "keeps"-like word."""
    table = failure_forms()
    found = []
    turkish = any(TR_FAILING.match(word) for word in lower if word[:3] in ("çök", "don", "kas"))
    for i, word in enumerate(lower):
        hit = table.get(word)
        if hit is None and turkish and word[:3] in ("çök", "don", "kas") and TR_FAILING.match(word):
            hit = ("outage" if word.startswith("çök") else "problems", True)
        if hit is None:
            continue
        symptom, alone = hit
        if alone or not FREQUENT.isdisjoint(lower[max(0, i - 3):i + 4]):
            found.append((i, i + 1, symptom))
    return found


def _regular(lang: str, lemma: str) -> tuple[str, ...]:
    """Present-tense forms the lookup tables file under a homograph noun ("charge", "carga")."""
    if lang == "fr" and lemma.endswith("er"):
        stem = lemma[:-2]
        return stem + "e", stem + "ent", stem + "é", stem + "ée"
    if lang in ("es", "pt") and lemma.endswith("ar"):  # and the gerund, participle, past: verbs the tables lack
        stem = lemma[:-2]
        return stem + "a", stem + "an", stem + "am", stem + "ando", stem + "ado", stem + "ou", stem + "ó"
    if lang in ("es", "pt") and lemma.endswith(("er", "ir")):
        stem = lemma[:-2]
        return stem + "e", stem + "en", stem + "em", stem + ("iendo" if lang == "es" else "endo"), stem + "ido"
    if lang == "nl" and lemma.endswith("en"):  # "werkt", "werk": the table lacks some present forms
        stem = lemma[:-2]
        return stem, stem + "t"
    if lang == "de" and lemma.endswith("en"):  # "synchronisiert", "verbindet": the table lacks some present forms
        stem = lemma[:-2]
        return (stem + "t", stem + "et") if not lemma.endswith("ieren") else (stem + "t",)
    if lang == "sv" and lemma.endswith("a"):  # "laddar", "funkar"
        return (lemma + "r",)
    return ()


# A verb whose particle makes it another verb: "kick in" is to start working, "kick off" to begin.
OTHER_SENSE_AFTER = dict.fromkeys(("kick", "kicks", "kicked", "kicking"), frozenset({"in", "off"}))


def _a_choice(lower: list[str], i: int) -> bool:
    """Is the English negation at ``i`` a person's choice ("I won't", "we do not", "they never")?"""
    word = lower[i]
    return (word in ("n't", "not", "never") and i > 1 and lower[i - 1] in CHOICE_AUX and lower[i - 2] in CHOOSERS) \
        or (word in CHOICES and i > 0 and lower[i - 1] in CHOOSERS)


def choosing(lower: list[str]) -> bool:
    """A person's negated choice before a complaint verb or "let": "i won't let my kids play fortnite", "I won't
    pay for Netflix". :func:`complaints` reads no complaint there; the rules count it as ruled out on purpose,
    so the relevance model may not read one into it either."""
    table = forms()["en"]
    return any(CUES.get(word) == "en" and i + 1 < len(lower) and (lower[i + 1] in LET or lower[i + 1] in table)
               and _a_choice(lower, i) for i, word in enumerate(lower))


def positions(lower: list[str], words) -> list[int]:
    """The indices of the items of ``lower`` that are among ``words`` (a few words, which the caller knows the list
    to hold, or not), in order: each found by the list's own search in C (``count``, ``index``), not by a loop over
    every word in Python (~600 instructions a word of a post, against a few dozen a word a search)."""
    found: list[int] = []
    for word in words:
        i = -1
        for _ in range(lower.count(word)):
            i = lower.index(word, i + 1)
            found.append(i)
    found.sort()
    return found


def complaints(lower: list[str], held=None) -> list[tuple[int, int, str]]:
    """(start, end, symptom) of every cue + verb complaint in the lower-cased tokens. ``held``: a set holding every
    cue word (:func:`cue_words`) the tokens hold, where the caller has one (the matcher's words it watches): only
    those words' places are read."""
    tables = forms()
    found: list[tuple[int, int, str]] = []
    n = len(lower)
    for i in range(n) if held is None else positions(lower, CUES.keys() & held):
        word = lower[i]
        lang = CUES.get(word)
        if lang is None:
            continue
        if lang == "en" and _a_choice(lower, i):
            continue
        table = tables[lang]
        j = i + 1
        while j < n and j - i <= WINDOW:
            word = lower[j]
            if word[1:2] in ("'", "’") and word[:1] in "dlnms":
                word = word[2:]  # "d'envoyer", "l'ouvrir": the blank tokenizer keeps the elision on
            symptom = table.get(word)
            if symptom and j + 1 < n and lower[j + 1] in OTHER_SENSE_AFTER.get(word, ()):
                break  # "autosave never kicked in": the verb with this particle is another verb
            if symptom:
                if symptom == "payments" and lower[j] in ("check", "checking") and lower[j + 1:j + 2] != ["out"]:
                    symptom = "problems"
                found.append((i, j + 1, symptom))
                break
            # "won't let attendees join": whoever is let is one word of any kind
            if lower[j] not in FILLERS and not (lower[j - 1] in LET and j - i <= 2):
                break
            j += 1
    if DEFERRED.keys().isdisjoint(lower if held is None else held):
        return found  # (most texts: one set look-up a word, not a loop)
    for i in range(n) if held is None else positions(lower, DEFERRED.keys() & held):
        word = lower[i]
        if word in DEFERRED and i:
            lang, reach = DEFERRED[word]  # "in hamburg geht whatsapp nicht", "ne charge pas"
            for k in range(i - 1, max(-1, i - reach), -1):
                if lower[k] in CLAUSE_ENDS:
                    break
                verb = lower[k]
                if verb[1:2] in ("'", "’") and verb[:1] in "dlnms":
                    verb = verb[2:]  # "n'envoie plus": the negation elided onto the verb
                symptom = tables[lang].get(verb)
                if symptom is None and lang == "nl" and lower[k] in DOES_IT and "het" in lower[k + 1:min(i, k + 4)]:
                    symptom = "outage"
                if symptom:
                    if not any(s <= k < e for s, e, _ in found):
                        found.append((k, i + 1, symptom))
                    break
    return found


@functools.lru_cache(maxsize=1)
def separable_forms() -> dict[str, tuple[tuple[str, ...], str]]:
    """Every form of a separable verb's base (from the lemma tables) -> (its particles, symptom)."""
    path = DATA / "verb_forms.json"
    data = json.loads(path.read_text("utf-8")) if path.exists() else {}
    table: dict[str, tuple[tuple[str, ...], str]] = {}
    for lang, verbs in SEPARABLE.items():
        for lemma, found in verbs.items():
            for form in (lemma, *data.get(lang, {}).get(lemma, ())):
                table.setdefault(form, found)
    return table


def separable(lower: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, symptom) of "wirft mich ... raus": the verb, a "me" right after, the particle
    within the next few words of the same clause."""
    table = separable_forms()
    found = []
    for i, word in enumerate(lower):
        hit = table.get(word)
        if hit is None or i + 1 >= len(lower) or lower[i + 1] not in OBJECT_PRONOUNS:
            continue
        particles, symptom = hit
        for j in range(i + 2, min(len(lower), i + 7)):
            if lower[j] in particles:
                found.append((i, j + 1, symptom))
                break
            if lower[j] in (",", ".", "!", "?", "und", "en", "aber", "maar"):
                break
    return found


def particle_verbs(lower: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, symptom) of "stürzt ... ab", "schlagen ... fehl": the verb, then its particle
    later in the same clause (before the next comma or "und")."""
    found = []
    for i, word in enumerate(lower):
        hit = PARTICLE_VERBS.get(word)
        if hit is None:
            continue
        particle, symptom = hit
        for j in range(i + 1, min(len(lower), i + 8)):
            if lower[j] == particle:
                found.append((i, j + 1, symptom))
                break
            if lower[j] in CLAUSE_ENDS:
                break
    return found


def turkish(lower: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, symptom) of Turkish negative service verbs ("açılmıyor", "bağlanamıyorum")."""
    found = []
    for i, word in enumerate(lower):
        match = TR_NEGATIVE.match(word)
        if match:
            found.append((i, i + 1, TR_STEMS[match.group(1)]))
    return found


# "syncing again", "werkt weer", "funkar igen", "läuft wieder", "znowu gra", "funciona otra vez": a verb of
# what a service does, then (or, in Polish and Spanish, before it) a word for "again", in that word's
# language, is a service that works again. Failure verbs ("travou de novo", "frozen again") and logging
# in ("pede pra entrar de novo": asked to log in again) are complaints, never a recovery.
AGAIN_AFTER = {"again": "en", "weer": "nl", "igen": "sv", "wieder": "de", "ponownie": "pl"}
AGAIN_PAIRS = {("di", "nuovo"): "it", ("de", "nuevo"): "es", ("otra", "vez"): "es", ("à", "nouveau"): "fr",
               ("de", "nouveau"): "fr", ("de", "novo"): "pt"}
AGAIN_BEFORE = {"znowu": "pl", "znów": "pl", "już": "pl", "ya": "es", "já": "pt", "wieder": "de"}
AGAIN_WORDS = frozenset(AGAIN_AFTER) | frozenset(AGAIN_BEFORE) | frozenset(w for _, w in AGAIN_PAIRS)
NOT_WORKING = frozenset({"crash", "freeze", "fail", "error", "kick", "disconnect", "drop", "spin", "decline", "buffer",
                         "skip", "log", "login", "sign", "authenticate", "verify", "check", "charge", "open",
                         "congelar", "colgar", "fallar", "travar", "falhar", "hängen", "abstürzen", "planter", "entrar",
                         "logar", "acessar", "accedere", "entrare", "anmelden", "einloggen", "inloggen", "aanmelden",
                         "logować", "zalogować", "logga", "identifier"})
DETERMINERS = frozenset({"the", "a", "an", "at", "de", "la", "el", "le", "il", "der", "die", "das", "het", "o", "a"})


@functools.lru_cache(maxsize=1)
def working_forms() -> dict[str, frozenset[str]]:
    """Per language: the forms of the service verbs that can be said to work again."""
    path = DATA / "verb_forms.json"
    data = json.loads(path.read_text("utf-8")) if path.exists() else {}
    tables = {}
    for lang, verbs in VERBS.items():
        words: set[str] = set()
        for lemma in verbs:
            if lemma in NOT_WORKING:
                continue
            words.update((lemma, *_regular(lang, lemma), *data.get(lang, {}).get(lemma, ())))
        tables[lang] = frozenset(words)
    return tables


def working_again(lower: list[str], held=None) -> list[tuple[int, int, str]]:
    """(start, end, "recovered") of a service verb said to work again, with no complaint cue before it
    ("won't load again" is a complaint, which :func:`complaints` finds). ``held``: a set holding every word of
    ``AGAIN_WORDS`` the tokens hold, where the caller has one: only those words' places are read."""
    tables = working_forms()
    found = []
    n = len(lower)
    for i in range(n) if held is None else positions(lower, AGAIN_WORDS & held):
        word = lower[i]
        if word not in AGAIN_WORDS:
            continue  # none of the look-ups below can find anything (one set look-up, not three)
        lang = AGAIN_AFTER.get(word)
        k = i - 1
        if lang is None and i and (lower[i - 1], word) in AGAIN_PAIRS:
            lang, k = AGAIN_PAIRS[(lower[i - 1], word)], i - 2
        if lang is not None:  # "loading again", "werkt weer", "va di nuovo", "funciona otra vez"
            for j in range(k, max(-1, k - 2), -1):
                if lower[j] in tables[lang] and not _cued(lower, j):
                    found.append((j, i + 1, "recovered"))
                    break
            continue
        lang = AGAIN_BEFORE.get(word)
        if lang is not None and i + 1 < n and lower[i + 1] in tables[lang] and not _cued(lower, i + 1):
            found.append((i, i + 2, "recovered"))  # "znowu gra", "ya funciona", "wieder erreichbar"
    return [(s, e, sym) for s, e, sym in found if not (s and lower[s - 1] in DETERMINERS)]


def _cued(lower: list[str], j: int) -> bool:
    """A complaint cue in the few words before the verb ("won't", "nicht", "no", "nie")."""
    return any(w in CUES or w in DEFERRED for w in lower[max(0, j - 3):j + 2])


def separable_words() -> frozenset[str]:
    return frozenset(separable_forms())


def cue_words() -> frozenset[str]:
    return frozenset(CUES) | frozenset(DEFERRED)
