"""Whether a text is about an outage, and when: the rules :func:`outagewatch.nlp.resolve.resolve` asks for
``relevant``, ``ongoing``, ``denied``, ``present`` and ``status``.

A problem word alone does not make a report of a problem now. These rules read what dates it and what frames
it: a word of the present ("today's", "right now", "gerade", "今日") or of a recurrence ("again today"); a
recovery with a problem said to go on ("back up, but ... still missing"); a problem told in the past tense, a
look back at a past outage (its length, cause or apology) or a status page's account of an incident over;
maintenance announced ahead or said to have overrun; a problem word negated; a power cut said over; a payment
card refused, money taken twice, a service asked about ("Is Hinge down?"), a network operator said down; and
the stage a status page titles its update with ("Investigating", "[Résolu]", "Degraded performance").

Kept apart from the rules about which services and places a text names (``service_rules``, ``place_rules``)
because they answer a different question, read mostly lexicon's words of time and state, and several are
gated by a cheap key test (``phrasegate``) so a text that names no such word pays almost nothing. Moved out of
``resolve.py`` unchanged; ``resolve`` imports each name so its calls cost what they did.
"""

from __future__ import annotations

import re
from typing import AbstractSet

from spacy.tokens import Doc

from outagewatch.nlp import fastre, lexicon, operators, phrasegate
from outagewatch.nlp.pipeline import text_of

# Ongoing stages as other languages' status pages title them ("Onderzoek - ...", "[Untersuchung] ...").
FOREIGN_STAGES = {"onderzoek": "investigating", "untersuchung": "investigating", "investigación": "investigating",
                  "investigação": "investigating", "investigando": "investigating", "indagine": "investigating",
                  "identificado": "identified", "identifié": "identified", "identifiziert": "identified",
                  "geïdentificeerd": "identified", "monitorando": "monitoring", "monitoreando": "monitoring",
                  "überwachung": "monitoring", "surveillance": "monitoring", "monitoraggio": "monitoring",
                  "undersöker": "investigating", "undersökning": "investigating", "badamy": "investigating",
                  # sv "Utreder: Vissa köp med Klarna nekas i kassan."
                  "utreder": "investigating",
                  "onderzoeken": "investigating", "monitoren": "monitoring",
                  # pl, tr, sv, it: "Monitorujemy - ...", "İzleniyor - ...", "Övervakar - ...", "Zidentyfikowano –"
                  "monitorujemy": "monitoring", "monitorowanie": "monitoring", "zidentyfikowano": "identified",
                  "izleniyor": "monitoring", "i̇zleniyor": "monitoring", "övervakar": "monitoring",
                  # it "Identificato - Falsi positivi del WAF bloccano richieste ..."
                  "identificato": "identified", "identificata": "identified",
                  "övervakning": "monitoring", "identifierat": "identified", "tanımlandı": "identified",
                  "belirlendi": "identified", "araştırılıyor": "investigating", "inceleniyor": "investigating",
                  # Azure's "Active" as its localized pages title an incident going on ("Attivo - Azure Virtual
                  # Network - Italy North: ...")
                  "attivo": "investigating", "activo": "investigating", "actif": "investigating",
                  "ativo": "investigating", "aktiv": "investigating", "actief": "investigating",
                  "aktywny": "investigating", "aktywne": "investigating", "aktywna": "investigating",
                  "aktif": "investigating", "アクティブ": "investigating",
                  # sv "Pågående: förhöjda felfrekvenser för Firestore ..."
                  "pågående": "investigating",
                  "활성": "investigating"}
# "Resolved" as other languages' status pages title an update ("[Résolu] ...", "Storing opgelost: ...", "[복구 완료]").
FOREIGN_RESOLVED = dict.fromkeys(("résolu", "résolue", "rétabli", "rétablie", "resuelto", "resuelta", "solucionado",
                                  "restablecido", "resolvido", "resolvida", "restabelecido", "risolto", "risolta",
                                  "ripristinato", "behoben", "gelöst", "wiederhergestellt", "opgelost", "verholpen",
                                  "hersteld", "rozwiązany", "rozwiązane", "naprawiony", "çözüldü", "giderildi",
                                  "löst", "åtgärdat", "복구", "해결", "復旧", "解消",
                                  "rozwiązano", "naprawiono", "atténué", "atténuée", "mitigado", "mitigada", "azaltıldı",
                                  "mitigato", "mitigata", "gemildert", "åtgärdad", "解決済み",
                                  # Azure's "Mitigated" as its localized pages title it ("Attenuato:", "軽減済み:")
                                  "attenuato", "attenuata", "atenuado", "atenuada", "afgezwakt", "beperkt",
                                  "złagodzono", "złagodzony", "hafifletildi", "mildrat", "begränsat", "軽減済み",
                                  "완화됨"), "resolved")
STAGE_WORDS = frozenset({"investigating", "identified", "monitoring", "resolved", "update", "informational",
                         "mitigated", "restored", "postmortem", "completed", "scheduled", *FOREIGN_STAGES,
                         *FOREIGN_RESOLVED})
TITLE_STAGES = {"mitigated": "resolved", "restored": "resolved", "postmortem": "resolved", "completed": "resolved",
                "scheduled": "informational", **FOREIGN_STAGES, **FOREIGN_RESOLVED}
TITLE_MARKS = frozenset({"-", "–", ":", "—", "|", "]", ")"})
AFTER_ONGOING = frozenset({"again", "still", "noch"})
_PRESENT_RE = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p) for p in lexicon.PRESENT_TIME_PHRASES) + r")(?!\w)")
_PRESENT_KEYS = phrasegate.keys(lexicon.PRESENT_TIME_PHRASES)  # a text holding none cannot match _PRESENT_RE
NEAR = 3  # a present-time word dates the problem word it is at most this many words from ("today's outage")
_NOW_WORD = "|".join(re.escape(w) for w in sorted(lexicon.PRESENT_TIME, key=len, reverse=True))
_AGAIN_WORD = "|".join(re.escape(w) for w in sorted(lexicon.AGAIN_WORDS, key=len, reverse=True))
_AGAIN_NOW_RE = re.compile(rf"(?<!\S)(?:(?:{_AGAIN_WORD}) (?:{_NOW_WORD})|(?:{_NOW_WORD}) (?:{_AGAIN_WORD}))(?!\S)")


_AGAIN_RE = re.compile(rf"(?<!\S)(?:{_AGAIN_WORD})(?!\S)")
_AGAIN_KEYS = phrasegate.keys(lexicon.AGAIN_WORDS)
# "is", "ist", "est", "está"...: the problem said in the present tense ("is down again"), not "was" or "went".
PRESENT_COPULAS = frozenset({"is", "are", "'s", "'re", "ist", "sind", "zijn", "est", "sont", "está", "están", "estão",
                             "é", "è", "sono", "är", "er", "jest", "są"})


def _again_now(joined: str, problems: list[tuple[int, int]]) -> str | None:
    """"again today" / "heute wieder" at most :data:`NEAR` words from a problem word: the problem is
    back now, whatever past time the text also names ("down yesterday and again today"). So is a problem
    said in the present tense with "again" beside it ("Cloudflare is down again, same as Tuesday's
    meltdown", "Slack ist wieder down"): the past time dates the earlier one ("was down again yesterday"
    is not now)."""
    for match in _AGAIN_NOW_RE.finditer(joined):
        at = joined.count(" ", 0, match.start())
        if _near(at, problems):
            return match.group()
    words = None
    for match in _AGAIN_RE.finditer(joined):
        at = joined.count(" ", 0, match.start())
        end = at + match.group().count(" ") + 1  # the word after "again"
        words = words or joined.split(" ")
        for st, e in problems:
            if at == e:  # "is down again": the copula opens the problem words or stands before them
                verb = {words[st]} | ({words[st - 1]} if st else set())
            elif end == st:  # "ist wieder down"
                verb = {words[at - 1]} if at else set()
            else:
                continue
            if not PRESENT_COPULAS.isdisjoint(verb):
                return " ".join(words[min(at, st):max(end, e)])
    return None


def present_time(lower: list[str], raw: str, problems: list[tuple[int, int]], cjk: bool,
                 held: AbstractSet[str] | None = None) -> str | None:
    """The word or phrase that dates the problem to the present, or None: a word of
    lexicon.PRESENT_TIME ("today's", "now", "currently", "gerade", "şu anda") at most :data:`NEAR`
    words from a problem word the rules counted ("today's outage", "down right now", "currently
    failing"), in a text that names no past time ("yesterday", "gestern"); in Japanese and Korean,
    whose clauses are one token, a present-time word anywhere ("今日", "지금"). After a past time,
    only "again" beside a present-time word (:func:`_again_now`). The caller asks only
    where the rules read a problem now and no recovery, and ruled no problem word out.
    A time word elsewhere dates something else: "Totalausfall im Mittelfeld heute" is football, "my
    brain had a full outage at 3pm today" a joke, "back now" a recovery. ``held``: the words of ``lower`` among
    a set that holds :data:`TIME_WORDS` (resolve's held words): its word tests read those few, not every word."""
    words = lower if held is None else held
    if cjk:
        if _first_in(raw, lexicon.PAST_TIMES_CJK) is not None:
            return None
        cue = _first_in(raw, lexicon.PRESENT_TIME_CJK) or next(
            (w for w in lower if w in lexicon.AGAIN_CJK_KO), None) or _first_in(raw, lexicon.AGAIN_CJK_JA)
        if cue:
            return cue
    if not problems:
        return None
    if not IF_WORDS.isdisjoint(words):
        # "if github goes down again I'm taking the day off": a problem said in a condition is none now
        problems = _not_in_condition(lower, problems)
        if not problems:
            return None
    joined = None
    if not _BACK_KEYS.isdisjoint(words):
        joined = " ".join(lower)
        if _past_time(joined, lower):
            return _again_now(joined, problems)
    present = lexicon.PRESENT_TIME.intersection(words)
    for i in operators.positions(lower, present) if present else ():  # (in order: the first that dates a problem)
        if _near(i, problems):
            return lower[i]
    if joined is None:
        joined = " ".join(lower)
    for match in _PRESENT_RE.finditer(joined) if _KEYS.holding(joined, lower) & _PRESENT else ():
        at = joined.count(" ", 0, match.start())  # the phrase's first word
        if _near(at, problems):
            return match.group()
    # "Slack outage again this morning", "GitHub is down again", "Teams schon wieder kaputt": with no past time
    # in the text (above), a problem come back is a problem now
    for match in _AGAIN_RE.finditer(joined) if _KEYS.holding(joined, lower) & _AGAIN else ():
        at = joined.count(" ", 0, match.start())
        if at and lower[at - 1] in lexicon.FINE_AGAIN or at + 1 < len(lower) and lower[at + 1] in lexicon.FINE_AGAIN:
            continue  # "seems ok again", "it's Available again", "wieder online": working again
        if _near(at, problems):
            return match.group()
    return None


# A past tense before "still" ("was still down until noon"): the problem went on then, not now.
PAST_COPULAS = frozenset({"was", "were", "had", "war", "waren", "hatte", "était", "étaient", "avait", "estaba",
                          "estaban", "estava", "estavam", "era", "eran", "erano", "fue", "stava", "stond", "stonden",
                          "var", "był", "była", "było", "były", "oli"})
# ... nor a condition ("If you still can't sign in, restart your console": a support reply's all-clear).
CONDITIONS = frozenset({"if", "when", "si", "cuando", "wenn", "falls", "se", "als", "indien", "jeśli", "jeżeli", "om",
                        "eğer", "quand"})


# Words for "if" that open a condition in their clause (not "se", "si", "om", "als", "when": words of other senses too).
IF_WORDS = frozenset({"if", "wenn", "falls", "jeśli", "jeżeli", "eğer", "indien", "qualora"})


def _but_possessives_of_times(lower: list[str]) -> list[str]:
    """``lower`` less each "'s" right after a past time's word ("Monday's meltdown")."""
    return [w for k, w in enumerate(lower) if w != "'s" or k == 0 or lower[k - 1] not in _BACK_KEYS]


def _near(at: int, problems: list[tuple[int, int]]) -> bool:
    """The word at ``at`` is at most :data:`NEAR` words from one of ``problems``. (Loops, not generator expressions,
    in what the rules ask of most texts: a generator costs a function, a frame and a cell for each name it reads.)"""
    for st, e in problems:
        if st - NEAR <= at < e + NEAR:
            return True
    return False


def _first_in(text: str, cues) -> str | None:
    """The first of ``cues`` that ``text`` holds, or None."""
    for cue in cues:
        if cue in text:
            return cue
    return None


def _not_in_condition(lower: list[str], problems: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The problems not said in a condition (:func:`_in_condition`)."""
    return [(st, e) for st, e in problems if not _in_condition(lower, st)]


def _in_condition(lower: list[str], start: int) -> bool:
    """A problem word at ``start`` said in a condition: a word of :data:`IF_WORDS` at most four words before it,
    in its clause ("if github goes down again", "wenn Teams wieder ausfällt")."""
    for i in range(start - 1, max(-1, start - 5), -1):
        if lower[i] in lexicon.CLAUSE_BREAKS:
            return False
        if lower[i] in IF_WORDS:
            return True
    return False


def still_now(lower: list[str], found: list[tuple[int, int, str, bool]], problems: set[str]) -> str | None:
    """In a text that also tells a recovery, the problem word said to go on ("Zoom came back, but Slack is
    still down", "Teams geht wieder, Outlook noch immer down", "keeps crashing"; :func:`_ongoing`), or None:
    the rules kept it as a problem now over the recovery, and the relevance model may not turn ``ongoing`` off
    (a bag of words weighs "came back" over "still"). Not after a past tense ("was still down until noon") or
    in a condition ("if you still can't sign in")."""
    for st, e, sym, goes_on in found:
        if goes_on and sym in problems and e > st and PAST_COPULAS.isdisjoint(lower[max(0, st - 3):e]) \
                and CONDITIONS.isdisjoint(lower[max(0, st - 4):e]):
            said = next((i for i in range(max(0, st - 3), st) if lower[i] in lexicon.ONGOING), st)
            return " ".join(lower[said:e])  # "sigue caído", "keeps crashing"
    return None


def _about_an_outage(ongoing: bool, why: str, excluded: str | None, back: str | None, status: str | None,
                     kinds: set[str], recovery_said: bool, recovered_outage: bool, named: bool,
                     status_page: bool, status_source: bool) -> tuple[bool, str]:
    """Is the text about an outage at all (``relevant``), and by which rule?

    A report of a problem now is; so is the rest of an outage's story: a resolved or mitigated
    status update, "X is back up", "X back online after 18-hour outage", "X explains last week's
    outage". Not a power cut or announced maintenance, nor a recovery of nothing an outage
    happened to ("the statue was restored", "back up after the planned maintenance window")."""
    if ongoing:
        return True, why
    if excluded:
        return False, excluded
    outage_words = kinds & lexicon.PROBLEM_SYMPTOMS
    strong = outage_words & lexicon.STRONG_SYMPTOMS
    if back:
        if strong or (named and outage_words):  # "GitHub says a failover caused Wednesday's degraded service"
            return True, f"about a past outage: {back}"
        if named and _a_review_quoted(back):
            return True, f"a review of a named service's incident: {back}"
        return False, f"{back}, and no outage word (only {', '.join(sorted(outage_words))})"
    if "maintenance" in kinds and not strong:
        return False, "maintenance, no outage"
    if status == "resolved" and (named or outage_words or status_page):
        return True, "a resolved status update about an outage" + (" of a named service" if named else "")
    if status_source and status != "informational":
        # A status page posts about its incidents (maintenance and notices were ruled out above):
        # "Work continues on the recovery of our services", "Reindexing is complete".
        return True, "an update on a status page"
    if recovery_said:
        # A blog post's "fixed a bug" or "no longer" is no outage's end: the recovery needs a service
        # it happened to, or an outage word in its own sentence ("back online after 18-hour outage").
        if named or recovered_outage:
            return True, "a recovery about an outage" + (" of a named service" if named else "")
        return False, "a recovery of nothing named, no outage word"
    return False, why


def _a_review_quoted(back: str) -> bool:
    """``back`` quotes an incident review's words (lexicon.INCIDENT_REVIEWS)."""
    for review in lexicon.INCIDENT_REVIEWS:
        if f"'{review}'" in back:
            return True
    return False


def _announced(lower: list[str], ja, doc: Doc) -> bool:
    """Maintenance said ahead: a future or "planned" word of any supported language (lexicon.FUTURE), or its
    window's hours (lexicon.MAINTENANCE_WINDOW: "von 1 bis 4 Uhr", "1:00-4:00")."""
    if _overran(lower):
        return False  # "has run longer than planned", "Emergency Maintenance": an outage (lexicon.MAINTENANCE_OVERRAN)
    return not lexicon.FUTURE.isdisjoint(lower) or bool(ja) and any(w in text_of(doc) for w in lexicon.FUTURE_CJK) \
        or _WINDOW_RE.search(text_of(doc).lower()) is not None


_WINDOW_RE = re.compile("|".join(lexicon.MAINTENANCE_WINDOW))
_OVERRAN_RE = re.compile(r"(?<!\S)(?:" + "|".join(re.escape(p) for p in lexicon.MAINTENANCE_OVERRAN) + r")(?!\S)")
_OVERRAN_KEYS = frozenset(w for p in lexicon.MAINTENANCE_OVERRAN for w in p.split()[-1:])


def _overran(lower: list[str]) -> bool:
    """Maintenance said to have overrun or to be an emergency (lexicon.MAINTENANCE_OVERRAN)."""
    return not _OVERRAN_KEYS.isdisjoint(lower) and _OVERRAN_RE.search(" ".join(lower)) is not None


def _about_a_service(lower: list[str], raw: str) -> bool:
    """Does the text speak of an app, a server, an account, a payment...: what a complaint verb is said of
    when a service fails ("the app hangs at checkout"), not a person or a thing ("my neck is stuck")?"""
    return not (lexicon.TECH_CONTEXT.isdisjoint(lower) and lexicon.DEVICE_WORDS.isdisjoint(lower)
                and lexicon.ERRAND_WORDS.isdisjoint(lower)) or \
        (not raw.isascii() and any(w in raw for w in lexicon.DEVICE_CJK))


# "starting" and "beginning" say a recovery is partial only as "starting to recover": "The issue preventing some
# organizers from starting sessions has been resolved" is over.
_PARTIAL_BEFORE_TO = frozenset({"starting", "beginning"})


def _partial(lower: list[str], start: int) -> bool:
    """A recovery said partial ("partially restored", "mostly back", "starting to recover") by a word of
    lexicon.PARTIAL at most four words before it."""
    before = lower[max(0, start - 4):start]
    if lexicon.PARTIAL.isdisjoint(before):
        return False
    for k, w in enumerate(before):
        if w in lexicon.PARTIAL and (w not in _PARTIAL_BEFORE_TO or k + 1 < len(before) and before[k + 1] == "to"):
            return True
    return False


def _card_refused(lower: list[str]) -> int | None:
    """Where a refusal is said of a payment card (lexicon.CARD_WORDS): a word of lexicon.CARD_REFUSED or a
    pair of lexicon.CARD_REFUSED_PAIRS at most four words before or after the card's, in its clause."""
    n = len(lower)
    for i, word in enumerate(lower):
        if word not in lexicon.CARD_WORDS:
            continue
        for j in range(max(0, i - 4), min(n, i + 5)):
            if j == i or any(lower[k] in lexicon.CLAUSE_BREAKS for k in range(min(i, j), max(i, j))):
                continue
            if lower[j] in lexicon.CARD_REFUSED:
                return j
            if lower[j] in lexicon.CARD_REFUSED_FIRSTS and (lower[j], lower[j + 1] if j + 1 < n else "") \
                    in lexicon.CARD_REFUSED_PAIRS:
                return j
            if lower[j] in lexicon.CARD_REFUSED_FIRSTS and (lower[j], lower[j + 1] if j + 1 < n else "") \
                    in lexicon.CARD_TAKING_PAIRS and not lexicon.MACHINE_WORDS.isdisjoint(lower[max(0, j - 7):j]):
                return j  # "square reader won't take cards", not "this café won't take cards"
    return None


def _power_cut_over(lower: list[str], texts: list[str], found, sentence, power: bool, cjk: bool,
                    held: AbstractSet[str] | None = None) -> bool:
    """A power cut (or a tripped breaker) is the text's only problem, and it says things work again or still
    (:data:`lexicon.POWER_BACK`): "strömavbrott hemma i 10 min, sen funkade allt igen, twitch också". Asked of
    every text that names a service: set tests first, a joined text's substrings before a word loop. ``held``: the
    words of ``lower`` among a set that holds :data:`POWER_CUT_WORDS` (resolve's held words), tested instead."""
    words = lower if held is None else held
    raw = "".join(texts) if cjk else ""
    if lexicon.POWER_BACK.isdisjoint(words) and not (cjk and _first_in(raw, lexicon.POWER_BACK_CJK) is not None):
        return False
    return _power_cut_told_over(lower, found, sentence, power, cjk, words, raw)


def _power_cut_told_over(lower: list[str], found, sentence, power: bool, cjk: bool, words: AbstractSet[str] | list[str],
                         raw: str) -> bool:
    """:func:`_power_cut_over` past its first test (a word that says things work again)."""
    if not lexicon.DATACENTER_WORDS.isdisjoint(words) or "data center" in " ".join(lower):
        return False  # "Azure VMs are back after this morning's power event at the Phoenix datacenter": not at home
    if not (power or not lexicon.BREAKER_WORDS.isdisjoint(words) or not lexicon.POWER_WORDS.isdisjoint(words)
            or cjk and any(b in raw for b in lexicon.BREAKER_CJK)):
        joined = " ".join(lower)
        if _first_in(joined, lexicon.POWER_PREFIXES) is None \
                or not any(t.startswith(lexicon.POWER_PREFIXES) for t in lower):
            return False
    # the clauses that speak of the power (a comma, "and", "but" end one: "power outage across denver, mobile data
    # barely works and telegram won't load" has a problem of its own)
    power_at = {i for i, w in enumerate(lower)
                if w in lexicon.POWER_WORDS or w in lexicon.BREAKER_WORDS or w.startswith(lexicon.POWER_PREFIXES)}
    for start, _, symptom, goes_on in found:
        if symptom in lexicon.PROBLEM_SYMPTOMS and start < len(lower) and (goes_on or not (
                lower[start].startswith(lexicon.POWER_PREFIXES) or any(
                    sentence[i] == sentence[start] and not any(lower[k] in lexicon.CLAUSE_BREAKS
                                                               for k in range(min(i, start), max(i, start)))
                    for i in power_at))):
            return False  # a problem of its own beside the power cut ("..., Internet weg", "Netflix still down")
    return True


_CLAUSE_OPENERS = frozenset({".", "!", "?", ":", ";", ",", "-", "—", "–", "lol", "so", "ok", "okay", "hey", "guys"})


def _asked_down(lower: list[str]) -> int | None:
    """Where a question asks whether a service is down in the question's word order, or None: a copula opening
    a clause (:data:`lexicon.ASKING_COPULAS`), one to three words of a name that are no person or pronoun, a word
    of being down (:data:`lexicon.ASKED_DOWN`), and a question mark after it in its sentence."""
    n = len(lower)
    for i, word in enumerate(lower):
        if word not in lexicon.ASKED_DOWN:
            continue
        for c in range(max(0, i - 4), i - 1):
            if lower[c] not in lexicon.ASKING_COPULAS or (c > 0 and lower[c - 1] not in _CLAUSE_OPENERS):
                continue
            subject = lower[c + 1:i]
            if not subject or any(w in lexicon.NOT_ASKED_OF or w in lexicon.NEGATIONS or not any(ch.isalnum() for ch in w)
                                  for w in subject):
                continue
            after = lower[i + 1:i + 6]
            if "?" in after[:next((k for k, w in enumerate(after) if w in (".", "!")), len(after))] \
                    or word.endswith("?"):
                return i
    return None


# Behind a look-ahead on its first characters (fastre.leading: the same matches; re tried its alternatives,
# which start with groups, at every position of every Japanese or Korean post: 3.0 -> 1.1 µs a post)
_MONEY_CJK_RE = re.compile(fastre.leading("|".join(lexicon.MONEY_FAILURE_CJK)))
MONEY_GATE = lexicon.TWICE | lexicon.TWICE_FIRSTS | lexicon.ORDER_WORDS


def _money_failure(lower: list[str], raw: str, cjk: bool) -> int | None:
    """Where money is said taken twice or for an order gone, or None: a word of charging or money at most four
    words from one of "twice", in its clause ("drog pengarna två gånger", "mi ha scalato due volte"); an order word,
    a word of cancelling or vanishing and one of money taken ("Bestellung storniert, Geld aber abgebucht"); an order
    word and a word of vanishing at most six words after it ("Foodora-ordern bara försvann ur appen"); in
    Japanese and Korean, :data:`lexicon.MONEY_FAILURE_CJK` in the raw text (then the first word)."""
    if MONEY_GATE.isdisjoint(lower) and not (cjk and _MONEY_CJK_RE.search(raw)):
        return None  # one set test for the ~all texts that hold no word of "twice" and no order word
    n = len(lower)
    if not lexicon.PEOPLE_WHO_CHARGE.isdisjoint(lower):
        return None  # "mi hermano me cobró dos veces la cena"
    if not (lexicon.TWICE.isdisjoint(lower) and lexicon.TWICE_FIRSTS.isdisjoint(lower)):
        for i, word in enumerate(lower):
            if word in lexicon.TWICE:
                span = (i, i + 1)
            elif word in lexicon.TWICE_FIRSTS and i + 1 < n and (word, lower[i + 1]) in lexicon.TWICE_PAIRS:
                span = (i, i + 2)
            else:
                continue
            for j in range(max(0, span[0] - 4), min(n, span[1] + 4)):
                if span[0] <= j < span[1] or not lower[j].startswith(lexicon.CHARGE_STEMS):
                    continue
                if not any(lower[k] in lexicon.CLAUSE_BREAKS for k in range(min(j, span[0]), max(j, span[1]))):
                    return j
    if not lexicon.ORDER_WORDS.isdisjoint(lower):
        if not lexicon.MONEY_TAKEN.isdisjoint(lower):
            gone = next((i for i, w in enumerate(lower) if w.startswith(lexicon.GONE_STEMS)), None)
            if gone is not None:
                return gone
        # an order said to vanish, with no money said: the order word, then the vanishing within six words (not "in
        # order to make the banner disappear")
        for i, word in enumerate(lower):
            if word in lexicon.ORDER_WORDS and (i == 0 or lower[i - 1] != "in"):
                gone = next((j for j in range(i + 1, min(n, i + 7)) if lower[j].startswith(lexicon.VANISHED_STEMS)),
                            None)
                if gone is not None:
                    return gone
    if cjk and _MONEY_CJK_RE.search(raw):
        return 0
    return None


def _operator_down(lower: list[str], i: int, symptom_spans) -> int | None:
    """Where a word of lexicon.OPERATOR_DOWN says the network operator named at ``i`` is down: right after
    it, or after what it sells and a filler ("AT&T fiber out", "Telenet ook plat"); None if nowhere."""
    n = len(lower)
    j = i + 1
    while j < min(n, i + 7):
        word = lower[j]
        if word in lexicon.OPERATOR_DOWN:
            return None if any(s <= j < e for s, e, _ in symptom_spans) else j
        if word in lexicon.OPERATOR_PLACE_PREPOSITIONS and j > i + 1 and lower[j - 1] in operators.ACCESS:
            # "Globe signal in Makati gone", "Vodafone Kabel in Hamburg und Bremen weg": a place between
            for k in range(j + 1, min(n, j + 9)):
                if lower[k] in lexicon.OPERATOR_DOWN:
                    return None if any(s <= k < e for s, e, _ in symptom_spans) else k
                if lower[k] in _PLACE_BREAKS:
                    return None
            return None
        if word not in operators.ACCESS and word not in lexicon.OPERATOR_FILLERS_NAMED:
            return None
        j += 1
    return None


# What ends the place between an operator's product and its down-word: a sentence or clause mark, a contrast.
_PLACE_BREAKS = frozenset({".", ",", ";", ":", "!", "?", "but", "aber", "pero", "mais", "mas", "ma", "maar", "men",
                           "ale", "ama", "though", "while", "—", "-"})


def _negated(lower: list[str], start: int, recovery: bool, lang: str | None = None) -> bool:
    cues = lexicon.HYPOTHETICAL if recovery else lexicon.NEGATIONS
    for i in range(start - 1, max(-1, start - (5 if recovery else 4)), -1):
        word = lower[i]
        if word in lexicon.CLAUSE_BREAKS:
            return False
        if word == "no" and lang == "pt":
            continue  # Portuguese "no" is "in the" ("pix no itaú dando erro"); its "no" is "não"
        if word == "zero" and "triple" in lower[max(0, i - 2):i]:
            continue  # Australia's emergency number ("Optus fined over triple-zero outage"), no negation
        if word in cues or (not recovery and word.endswith("n't")):
            if recovery or word not in ("no",) or start - i <= 2:
                return True
    return False


def _ongoing(lower: list[str], start: int, end: int) -> bool:
    """A problem word said to go on: a word of lexicon.ONGOING just before it or in it ("still down",
    "keeps crashing"), or one after it, even in a text that reports a recovery ("Zoom came back, but
    Slack is still down")."""
    return not (lexicon.ONGOING.isdisjoint(lower[max(0, start - 3):end])
                and AFTER_ONGOING.isdisjoint(lower[end:end + 2]))


def _numeric(text: str) -> bool:
    """5, 5%, 3.2, "%": a number after "down" makes it a market move, not an outage."""
    return text[:1].isdigit() or text[:1] in "%+-$€" or text.lower() in ("by", "to")


_BACK_RE = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p) for p in lexicon.LOOKING_BACK) + r")(?!\w)")
# "Monday's" is two tokens ("monday", "'s"): a possessive past time matches with or without the space.
_PAST_RE = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p).replace("'s", " ?'s") for p in lexicon.PAST_TIMES)
                      + r")(?!\w)")


_BACK_KEYS = frozenset(p.split()[-1].removesuffix("'s") for p in (*lexicon.LOOKING_BACK, *lexicon.PAST_TIMES))
# Substrings a text must hold for each regex to match (phrasegate): most texts past _BACK_KEYS hold only
# a common one of them ("back", "after", "morning") and neither regex need read them.
_LOOK_BACK_KEYS = phrasegate.keys(lexicon.LOOKING_BACK)
_PAST_KEYS = phrasegate.keys(p.replace("'s", " ") for p in lexicon.PAST_TIMES)
# The four sets of keys read at once, word by word, each text once (the look back, the present time and the
# told-in-the-past rules read the same text in turn): ``_KEYS.holding(joined) & _PAST`` is
# ``phrasegate.may_hold(joined, _PAST_KEYS)``.
_KEYS = phrasegate.Reader(_PRESENT_KEYS, _AGAIN_KEYS, _PAST_KEYS, _LOOK_BACK_KEYS)
_PRESENT, _AGAIN, _PAST, _LOOK_BACK = 1, 2, 4, 8
# Every word :func:`_power_cut_over` tests a text's words against, read from ``held`` as :data:`TIME_WORDS` are.
POWER_CUT_WORDS = lexicon.POWER_BACK | lexicon.DATACENTER_WORDS | lexicon.BREAKER_WORDS | lexicon.POWER_WORDS
# Every word :func:`present_time`, :func:`_looking_back` and :func:`past_window` test a text's words against: a
# caller that has the text's words among a set holding these (``held``) passes those, and the tests read them.
TIME_WORDS = IF_WORDS | _BACK_KEYS | lexicon.PRESENT_TIME | lexicon.PAST_TELLING | lexicon.NOW | \
    lexicon.PAST_LENGTH_NOT | lexicon.STILL_NOW | {"fined"}
_past_seen: tuple[str | None, re.Match | None] = (None, None)


def _past_time(joined: str, words: list[str] | None = None) -> re.Match | None:
    """:data:`_PAST_RE`'s first match in ``joined`` (the words joined by spaces; ``words``: those words, where the
    caller has them, for ``_KEYS.holding``), or None; remembered for the last text read: :func:`_looking_back` and
    :func:`present_time` read the same text one after the other."""
    global _past_seen
    seen, match = _past_seen  # one tuple: read and written whole
    if seen == joined:
        return match
    match = _PAST_RE.search(joined) if _KEYS.holding(joined, words) & _PAST else None
    _past_seen = (joined, match)
    return match


_PAST_WINDOW_RE = re.compile(lexicon.PAST_WINDOW)
_CLOCK_RE = re.compile(r"\d[:.h]\d\d|\d\s*[apAP]\.?[mM]")


def told_after(lower: list[str], raw: str) -> str | None:
    """Why a status page's update tells an incident that is over, or None: its account's heading ("Summary
    of impact:", "Résumé de l'impact :", "影響の概要:", :data:`lexicon.INCIDENT_SUMMARIES`) or, with nothing
    said of now ("still", "currently", "ongoing"), a closed window of clock times (:func:`past_window`)."""
    text = raw.lower()
    summary = next((r for r in lexicon.INCIDENT_SUMMARIES if r in text), None)
    if summary:
        return f"an incident's account ({summary!r})"
    return past_window(lower, raw)


def past_window(lower: list[str], raw: str, held: AbstractSet[str] | None = None) -> str | None:
    """A closed window of clock times the problem was told in ("Between 08:40 and 11:15 UTC", "entre 14h05 et
    15h30", "10:00 ile 11:30 arasında", "03:10 から 04:25 の間", :data:`lexicon.PAST_WINDOW`) where nothing says
    it goes on now ("still", "currently", "ongoing"), or None. ``held``: as :func:`present_time` reads it."""
    if not lexicon.STILL_NOW.isdisjoint(lower if held is None else held) or not _CLOCK_RE.search(raw):
        return None
    match = _PAST_WINDOW_RE.search(raw.lower())
    return f"a past window ({match.group()!r})" if match else None


def _left_broken(lower: list[str], found: list[tuple[int, int, str, bool]], sentence) -> str | None:
    """Why a text that reports a recovery still reports a problem now, or None: a clause of contrast after the
    recovery in its sentence (:data:`lexicon.BUT_AFTER_RECOVERY`) that says something is still wrong or gone
    (:data:`lexicon.STILL_WRONG`: "but the kids profile is still missing", "aber die Aufnahmen fehlen noch");
    not a headline's next line ("... is back after an 18-hour outage\nSony ... but still hasn't said why")."""
    if lexicon.BUT_AFTER_RECOVERY.isdisjoint(lower) or lexicon.STILL_WRONG.isdisjoint(lower):
        return None
    back_at = min((st for st, e, sym, _ in found if sym == "recovered" and e > st), default=None)
    if back_at is None:
        return None
    for j in range(back_at + 1, len(lower)):
        if sentence[j] != sentence[back_at]:
            return None
        if lower[j] in lexicon.BUT_AFTER_RECOVERY:
            word = next((w for k, w in enumerate(lower[j + 1:j + 11], j + 1)
                         if w in lexicon.STILL_WRONG and sentence[k] == sentence[j]), None)
            if word:
                return f"a recovery, but something still wrong ({lower[j]!r} ... {word!r})"
            return None
    return None


_PAST_COPULA_WORDS = lexicon.PAST_COPULAS | frozenset(lexicon.PAST_AUXILIARIES)
_REFUSED = ("declined", "refused", "rejected", "recusad", "rechazad", "refusé", "abgelehnt", "rifiutat", "geweigerd",
            "odrzucon", "avvisad", "reddedil")
_EXISTENTIAL = frozenset({"there", "es", "y", "da", "er", "det"})  # "there was a problem", "es gab"
# between a past copula and its problem word: no article ("was a problem"), negation ("was not delivered"), verb
_NOT_IN_A_PAST_GAP = lexicon.NEGATIONS | frozenset({"a", "an", "the", "un", "una", "uno", "une", "um", "uma", "ein",
                                                    "eine", "een", "en", "ett", "throwing", "showing", "giving",
                                                    "saying"})
_PAST_LENGTH_CJK_RE = re.compile("|".join(lexicon.PAST_LENGTH_CJK))
# The characters one of which its every match holds ("時", "분": fastre), looked for before the regex is read.
_PAST_LENGTH_CJK_NEEDS = fastre.finder(fastre.needed_chars(_PAST_LENGTH_CJK_RE.pattern))


def _told_in_the_past(lower: list[str], found: list[tuple[int, int, str, bool]], problems: set[str]) -> str | None:
    """Why a text tells its problem in the past tense, or None: a past copula at most two words before a
    problem word ("was knocked offline by", "war stundenlang gestört", "a été inaccessible", "was down for 7
    hours", :data:`lexicon.PAST_COPULAS`), and nothing says a problem goes on: no problem said in the present
    ("is down"), none said to go on ("still", "keeps"), no "again", no question."""
    if "?" in lower:
        return None
    copula = not _PAST_COPULA_WORDS.isdisjoint(lower)
    did = not lexicon.OUTAGE_DID.isdisjoint(lower)
    if not (copula or did):
        return None
    told = None
    for start, end, symptom, goes_on in found:
        if symptom not in problems:
            continue
        if goes_on:
            return None
        before = lower[max(0, start - 3):start]
        if any(w in PRESENT_COPULAS and (j + 1 == len(before) or before[j + 1] not in lexicon.PAST_AUXILIARIES)
               for j, w in enumerate(before)):  # "is down", not the "è" of "è stato irraggiungibile"
            return None
        if did and symptom in lexicon.STRONG_SYMPTOMS and end < len(lower) and lower[end] in lexicon.OUTAGE_DID \
                and _LENGTH_RE.search(" ".join(lower[end:])):
            told = told or " ".join(lower[start:end + 1])  # "outage left users unable ... for two hours"
        if not copula or symptom == "payments" or lower[start] in lexicon.NEGATIONS \
                or lower[start].startswith(_REFUSED):  # "my card was declined", "it was not delivered": just now
            continue
        if end - start > 1 and lower[start] in lexicon.PAST_COPULAS and lower[start + 1] not in lexicon.NEGATIONS:
            told = told or " ".join(lower[start:end])  # the symptom's own words: "was down"
            continue
        for k in range(len(before) - 1, -1, -1):
            word = before[k]
            at = start - len(before) + k
            if word in lexicon.PAST_COPULAS or (word in lexicon.PAST_AUXILIARIES and at > 0
                                                  and lower[at - 1] in lexicon.PAST_AUXILIARIES[word]):
                # not "there was a problem" (an error's words), "it was not delivered", 'was throwing "...'
                gap = before[k + 1:]
                if (at == 0 or lower[at - 1] not in _EXISTENTIAL) and all(
                        w.isalpha() and w not in _NOT_IN_A_PAST_GAP for w in gap):
                    told = told or f"{word} {' '.join(lower[at + 1:end])}"
                break
    if told is None:
        return None
    joined = " ".join(lower)
    if _KEYS.holding(joined, lower) & _AGAIN and _AGAIN_RE.search(joined) \
            or any(again in joined for again in lexicon.AGAIN_PHRASES):
        return None
    return f"a problem told in the past ({told!r}), nothing says it goes on"


_FINED_PERSON = frozenset({"got", "get", "gets", "getting", "was", "were", "been", "be", "i", "we", "me", "i'm"})


def _looking_back(lower: list[str], raw: str, cjk: bool, held: AbstractSet[str] | None = None) -> str | None:
    """Why a text about a problem is a look back at a past outage, or None (see lexicon.LOOKING_BACK).
    ``held``: as :func:`present_time` reads it."""
    words = lower if held is None else held
    window = past_window(lower, raw, held)
    if window:  # "Workflows failed between 14:00 and 14:45 UTC"
        return f"{window}, nothing says it goes on"
    if cjk:
        for past in lexicon.PAST_TIMES_CJK:
            if past in raw and _first_in(raw, lexicon.NOW_CJK) is None:
                return f"a past outage ({past!r}), nothing says it goes on"
        for cause in lexicon.LOOKING_BACK_CJK:
            if cause in raw and _first_in(raw, lexicon.LOOKING_BACK_CJK_NOT) is None:
                return f"a past outage whose cause is told ({cause!r}), nothing says it goes on"
        match = _PAST_LENGTH_CJK_RE.search(raw) if _PAST_LENGTH_CJK_NEEDS is None or \
            _PAST_LENGTH_CJK_NEEDS.search(raw) else None
        if match and _first_in(raw, lexicon.PAST_LENGTH_CJK_NOT) is None:
            return f"a past outage told with its length ({match.group()!r}), nothing says it goes on"
    if not lexicon.PAST_TELLING.isdisjoint(words) and lexicon.NOW.isdisjoint(words) \
            and lexicon.PAST_LENGTH_NOT.isdisjoint(words):
        match = _LENGTH_RE.search(" ".join(lower))
        if match:  # "took down Spotify, Discord for an hour", "dejó sin servicio ... durante dos horas"
            return f"a past outage told with its length ({match.group()!r}), nothing says it goes on"
        if {"legte", "legten"}.intersection(lower) and "lahm" in lower:  # "Konfigurationsfehler legte ... lahm"
            return "a past outage ('legte ... lahm'), nothing says it goes on"
    if "fined" in words:
        at = lower.index("fined")
        if not {"over", "for", "after"}.isdisjoint(lower[at + 1:at + 6]) \
                and (at == 0 or lower[at - 1] not in _FINED_PERSON):  # not "I got fined for parking while ..."
            # "Optus fined $12 million over triple-zero outage": a fine comes after the outage (lexicon.LOOKING_BACK's
            # "fined over" with the sum between)
            return "a look back at a past outage ('fined ... over')"
    if _BACK_KEYS.isdisjoint(words):
        return None
    joined = " ".join(lower)
    match = _BACK_RE.search(joined) if _KEYS.holding(joined, lower) & _LOOK_BACK else None
    if match and lexicon.STILL_NOW.isdisjoint(lower):  # not "explains what is causing today's outage"
        return f"a look back at a past outage ({match.group()!r})"
    match = _past_time(joined, lower)
    if match:
        before = joined[:match.start()].split()[-2:]
        if before and before[-1] in lexicon.COMPARED:
            return None  # "429s all morning with the same config as last week": a comparison, not the time
        # The possessive of the past time is no "is" ("Monday's meltdown").
        now = _but_possessives_of_times(lower)
        if not (lexicon.SINCE.intersection(before) or lexicon.NOW.intersection(now)):
            return f"a past outage ({match.group()!r}), nothing says it goes on"
    return None


_LENGTH_RE = re.compile(r"(?<!\w)(?:" + "|".join(lexicon.PAST_LENGTH) + r")(?!\w)")


_STATE_RE = re.compile(r"(?:^|[-–—|] )(" + "|".join(re.escape(p) for p in lexicon.COMPONENT_STATES) + r")(?= [-–—:|.;,]|$)")
# A state's first word: the regex reads a state only as whole tokens (after the start or "- ", before " -" or
# the end), so a text without any of these words as a token has no state to find, and is not joined and read.
_STATE_FIRSTS = frozenset(p.split()[0] for p in lexicon.COMPONENT_STATES)


def _component_state(lower: list[str]) -> str | None:
    """A component state written as a status page writes it, as a title or a title's part
    ("Degraded performance: ...", "npm registry - Partial outage: ..."), not inside a sentence
    ("we saw degraded performance yesterday"), which the other rules weigh."""
    if _STATE_FIRSTS.isdisjoint(lower):
        return None
    match = _STATE_RE.search(" ".join(lower))
    return match.group(1) if match else None


def _title_status(lower: list[str]) -> str | None:
    """The stage a status page writes as the title's first or last word, or None."""
    if lower and lower[0] in STAGE_WORDS and lower[0] != "update" and (len(lower) == 1 or lower[1] in TITLE_MARKS):
        return TITLE_STAGES.get(lower[0], lower[0])  # "Resolved - ...", "Mitigated"
    if len(lower) > 2 and lower[0] in ("[", "(", "【") and lower[1] in STAGE_WORDS \
            and any(w in ("]", ")", "】") for w in lower[2:4]):
        return TITLE_STAGES.get(lower[1], lower[1])  # "[RESOLVED] Increased API Error Rates", "[복구 완료]"
    if len(lower) > 2 and lower[1] in STAGE_WORDS and lower[1] != "update" and lower[2] in (":", "-", "–", "—", "|"):
        return TITLE_STAGES.get(lower[1], lower[1])  # "Storing opgelost: ...", "Incident résolu : ..."
    if len(lower) > 2 and lower[-1] in STAGE_WORDS and lower[-2] in ("-", "–", "—", "|", ":"):
        return TITLE_STAGES.get(lower[-1], lower[-1])  # "Storage - North Europe - Investigating"
    return None


_STILL_OPEN_RE = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p) for p in lexicon.STILL_OPEN) + r")")
_STILL_WATCHED_RE = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p) for p in lexicon.STILL_WATCHED) + r")")
_MITIGATED_TITLES = frozenset(w for w in STAGE_WORDS if TITLE_STAGES.get(w) == "resolved" and w.startswith(
    ("mitig", "atténu", "attenu", "atenu", "gemildert", "azaltıldı", "afgezwakt", "beperkt", "złagodz", "hafiflet",
     "mildrat", "begränsat", "軽減", "완화")))


def left_open(lower: list[str], raw: str, status: str | None, stage_spans, recovered: bool) -> str | None:
    """The stage a status update is still at where the rules read it over, or read none, though it says the incident
    is not over (lexicon.STILL_OPEN, STILL_WATCHED): "Mitigato - ... continuiamo a monitorare", "Obejście: użyj
    prywatnego IP. Następna aktualizacja o 12:00", "Nous constatons une reprise ... Nous continuons à surveiller".
    Not against a resolved title ("Resolvido - ... Seguimos monitorando, mas o problema está encerrado"), nor the
    watch kept on against a resolved stage the text says ("has been resolved. We will continue to monitor")."""
    joined = raw.lower()
    opened = _STILL_OPEN_RE.search(joined) is not None
    watched = not opened and _STILL_WATCHED_RE.search(joined) is not None
    if not (opened or watched):
        return None
    if status is None:
        return "identified" if opened else "monitoring"
    titled = _title_status(lower)
    if titled == "resolved":
        title = lower[0] if lower[0] in STAGE_WORDS else lower[1] if len(lower) > 1 and lower[1] in STAGE_WORDS \
            else lower[-1]
        return "monitoring" if title in _MITIGATED_TITLES else None
    said_resolved = any(stage == "resolved" for _, _, stage in stage_spans)
    if said_resolved and not opened:
        return None
    return "monitoring" if said_resolved or recovered or titled is None else None


def _status(lower: list[str], stage_spans, ja, partial: bool = False, titled: str | None = "") -> str | None:
    """The status stage the text reports, or None. ``titled``: :func:`_title_status` of ``lower`` where the caller
    has read it ("", the default: read here)."""
    if titled == "":
        titled = _title_status(lower)
    if titled:
        return titled
    stages = set()
    for start, _, stage in stage_spans:
        if stage == "resolved" and (_negated(lower, start, True) or _partial(lower, start)):
            continue
        if stage == "resolved" and _negated(lower, start, False):
            continue
        stages.add(stage)
    for symptom in ja:
        if symptom.startswith("st:"):
            stages.add(symptom[3:])
    if partial:
        stages.add("monitoring")
    if not stages:
        return None
    last = "informational"
    for s in lexicon.STATUS_ORDER:
        if s in stages and s != "informational":
            last = s
    return last
