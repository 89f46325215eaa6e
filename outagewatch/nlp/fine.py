"""Places said to be fine in their own clause ("eu-west-1 and us-west-2 are fine for us",
"Azure Poland Central ok, ale West Europe zwraca 503", "Nuremberg and Helsinki are fine").

A writer who contrasts where the problem is with where it is not names both; the second is no
place of the problem. The clause is what decides: a place, or several joined by "and" or a
comma (a code in brackets after one belongs to it), then within a few words a fine-word from
``lexicon.PLACE_FINE`` (any supported language), then the clause ends, and nothing in that
clause is a problem or a recovery word ("us-east-1 is back to normal" is a recovery, not a
contrast). The caller drops such places only when the text names another place that stays,
so a text about one place that works again keeps it.

Beyond the predicate right after the places, the clause as a whole decides (``clause_fine``): a text
is cut into clauses at sentence marks, commas, contrast conjunctions of every supported language
("but", "pero", "aber", "ma", "maar", "ale", "ama", "men", "mentre", "while") and chat marks that end a
thought ("ㅠㅠ", an emoji); a clause that names a place, says something works or is fine anywhere in it
("a roma mio cugino dice che funziona", "in utrecht geen probleem", "us-central1 works in 12 seconds",
"東京の友達は普通に見れてる", "부산 친구는 된대") and holds no problem word that is not itself negated
("geen probleem", "nessun problema", "sorun yok" are fine-words made of a negated problem word), no
recovery word and no question, says that place is fine. A fine-word under a negation ("no funciona",
"werkt niet", "ne marche pas", "nothing works") is a problem, not a contrast.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Set as AbstractSet
from pathlib import Path

from . import lexicon

# Joining places into one subject ("eu-west-1 and us-west-2", "Nuremberg, Helsinki").
JOINERS = frozenset({"and", "&", ",", "/", "und", "y", "e", "et", "i", "och", "en", "ve", "ile", "og", "ja", "or"})
# Where a clause ends: the shared breaks plus "but" in the languages the shared list lacks.
BREAKS = (lexicon.CLAUSE_BREAKS | {"ale", "ma", "maar", "men", "ama", "fakat", "ancak", "però", "perö", "mentre",
                                   "whereas", "while", "only", "solo", "nur", "alleen", "bara", "sadece",
                                   "(", ")"}) - {"-"}
NEGATED = lexicon.NEGATIONS | {"non", "nie", "niet", "inte", "değil", "not", "no", "nicht"}
GAP = 3  # words between the places and the fine-word ("are", "looks", "está tudo", "both")
TAIL = 2  # words after it before the clause ends ("for us", "qui", "here")


def _phrases() -> list[tuple[str, ...]]:
    words = {tuple(p.split()) for ps in lexicon.PLACE_FINE.values() for p in ps}
    return sorted(words, key=len, reverse=True)


PHRASES = _phrases()
# The same phrases by their first word, longest first: a position is tried only against the phrases that
# can start there (a scan of all ~100 at every word was most of this module's time).
BY_FIRST: dict[str, tuple[tuple[str, ...], ...]] = {}
for _phrase in PHRASES:
    BY_FIRST[_phrase[0]] = (*BY_FIRST.get(_phrase[0], ()), _phrase)


def fine_places(lower: list[str], spots: list[tuple[int, int]], found: list[tuple[int, int, str, bool]]) -> set[int]:
    """Start of every place span (``spots``: start, end of names, codes, data centres) said fine in
    its own clause; ``found``: the symptom spans (start, end, symptom, ongoing)."""
    n = len(lower)
    ends: dict[int, int] = {}
    for start, end in spots:
        ends[start] = max(end, ends.get(start, end))
    starts = sorted(ends)
    bad = [(s, e) for s, e, sym, _ in found if sym in lexicon.PROBLEM_SYMPTOMS or sym == "recovered"]
    said: set[int] = set()
    for head in starts:  # every place heads a try: "AZ, eu-west-1 OK" is not one subject, "eu-west-1 OK" is
        group = [head]
        j = ends[head]
        while True:  # the places joined into one subject
            if j < n and lower[j] == "(":  # "Milano (eu-south-1)": what is in brackets belongs to it
                close = next((x for x in range(j + 1, min(n, j + 6)) if lower[x] == ")"), None)
                if close is not None:
                    group.extend(s for s in starts if j < s < close)
                    j = close + 1
                    continue
            step = j
            while step < n and lower[step] in JOINERS and step - j < 2:
                step += 1
            if step > j and step in ends:
                group.append(step)
                j = ends[step]
                continue
            break
        hit = _predicate(lower, j, ends)
        if hit is None:
            continue
        first, last = hit
        begin = group[0]
        while begin > 0 and lower[begin - 1] not in BREAKS:
            begin -= 1
        stop = last
        while stop < n and lower[stop] not in BREAKS:
            stop += 1
        if stop - last > TAIL or any(first_ < stop and end_ > begin and not (first <= first_ and end_ <= last)
                                     for first_, end_ in bad) or not AGAIN.isdisjoint(lower[begin:stop]) \
                or not SLOWLY.isdisjoint(lower[begin:stop]) \
                or (stop < n and lower[stop].endswith("?")):
            continue  # a problem or recovery in the clause ("healthy again"), or a question ("is Porto ok?")
        said.update(group)
    return said


def component_fine(lower: list[str], spots: list[tuple[int, int]]) -> set[int]:
    """Start of every name a status line gives a fine state after a colon ("Instagram and Facebook: no known
    issues.", "Apple Music: Available."): the names, joined by "and" or commas, then ":", then a fine-phrase
    that ends its sentence. (A place's clause ends at a colon; a status page's component line does not.)"""
    n = len(lower)
    ends = {s: e for s, e in spots}
    said: set[int] = set()
    for start, end in spots:
        if end >= n or lower[end] != ":":
            continue
        f = end + 1
        phrase = next((p for p in BY_FIRST.get(lower[f], ()) if f < n and tuple(lower[f:f + len(p)]) == p), None) \
            if f < n else None
        if phrase is None or (f + len(phrase) < n and lower[f + len(phrase)] not in MARKS):
            continue
        group = [start]
        while True:  # "Instagram and Facebook:", "Jira, Confluence:"
            head = group[-1]
            prev = head - 1
            while prev >= 0 and lower[prev] in JOINERS and head - prev <= 2:
                prev -= 1
            before = [s for s, e in ends.items() if e == prev + 1 and prev < head - 1]
            if not before:
                break
            group.append(before[0])
        said.update(group)
    return said


def _predicate(lower: list[str], j: int, ends: dict[int, int]) -> tuple[int, int] | None:
    """Where a fine-word follows the places within GAP words, no other place, break or negation between."""
    n = len(lower)
    for f in range(j, min(n, j + GAP + 1)):
        if f > j and (lower[f - 1] in BREAKS or lower[f - 1] in NEGATED or lower[f - 1] in NEG_BEFORE
                      or (f - 1) in ends):
            return None
        for phrase in BY_FIRST.get(lower[f], ()):
            if tuple(lower[f:f + len(phrase)]) == phrase:
                return f, f + len(phrase)
    return None


# Clause-level contrast: where the text says a place is fine anywhere in the place's own clause.
# Contrast conjunctions and "while" in every supported language end a clause (as do sentence marks and
# commas); "and"-words end one too, except between two places ("eu-west-1 and us-west-2 are fine").
CONTRASTS = frozenset({"but", "pero", "mas", "aber", "mais", "ma", "maar", "ale", "ama", "men", "fakat", "ancak",
                       "però", "however", "though", "although", "yet", "whereas", "while", "mientras", "enquanto",
                       "während", "wohingegen", "tandis", "alors", "mentre", "invece", "terwijl", "natomiast",
                       "podczas", "medan", "oysa", "halbuki", "porém", "contudo", "jedoch", "sondern", "dock",
                       "tylko", "only", "solo", "nur", "alleen", "bara", "sadece"})
AND_WORDS = frozenset({"and", "und", "y", "e", "et", "en", "i", "och", "ve", "ile", "og", "&", "/", "or", "o", "ou"})
MARKS = frozenset({".", "!", "?", ";", ":", ",", "…", "。", "！", "？", "、", "，", "\n", "(", ")", "-", "—", "–", "|"})
# Negations in every supported language, before the word they turn ("no funciona", "nessun problema",
# "geen probleem", "bez problemu", "inga problem", "hiç sorun") or after it ("werkt niet", "funkar inte",
# "marche pas", "geht nicht", "sorun yok").
NEG_BEFORE = lexicon.NEGATIONS | {"geen", "niet", "niets", "nooit", "non", "nessun", "nessuna", "nessuno", "niente",
                                  "mai", "nie", "bez", "żadnych", "żadnego", "żadne", "inga", "inget", "ingen",
                                  "inte", "aldrig", "utan", "hiç", "hic", "nada", "nothing", "nobody", "n't",
                                  "rien", "kein", "nichts", "não", "ni", "ingún", "nenhum", "tampoco", "neither", "nor",
                                  "neanche", "nemmeno", "neppure", "nemmanco", "heller", "evenmin", "senza", "zonder"}
# Turkish "yok"/"değil" with the copula's tense and hearsay endings written onto them ("sorun yokmuş", "sorun
# yoktu", "arıza değilmiş"), both vowel harmonies, with and without the Turkish letters.
TR_NEGATIONS = frozenset(word + ending for word in ("yok", "değil", "degil")
                         for ending in ("", "tu", "tur", "du", "dur", "muş", "mus", "muştu", "mustu",
                                        "di", "dir", "ti", "tir", "miş", "mis", "mişti", "misti"))
NEG_AFTER = frozenset({"niet", "nicht", "inte", "pas", "not", "plus", "nada", "nix", "nichts",
                       "niets", "niente", "nulla", "nic", "rien", "inget", "mica",
                       "weder", "varken"}) | TR_NEGATIONS  # "geht gerade weder WhatsApp noch Insta"
# A Turkish verb in the negative ("çekmiyor", "açılmıyor", "yüklenmez", "gitmedi"): "hiç" before it says "at all".
TR_NEGATIVE_VERB = re.compile(r"m[ıiuü]yor|m[ae]z|m[ae]d[ıi]|m[ae]m[ıi]ş")
# After a problem word: "sorun yok", "sorun yokmuş", "hata değil".
POST_NEGATIONS = TR_NEGATIONS
# A place "healthy again", "funktioniert wieder": a recovery of that place, not a contrast with another.
AGAIN = frozenset({"again", "wieder", "weer", "igen", "znowu", "znów", "nuovo", "nouveau", "novamente", "tekrar",
                   "yeniden", "novo", "nuevo", "back", "voltou", "voltaram", "volvió", "volvieron", "revenu", "revenue",
                   "revenus", "zurück", "terug", "tillbaka", "wrócił", "wróciła", "wróciło", "wróciły", "tornato",
                   "tornata", "tornati", "geri"})
# Any form of a verb for "to work" says a place works ("funcionando", "funzionava", "działają", "fungerar";
# forms from spaCy's lemma tables, data/verb_forms.json), unless negated.
# A form of "to respond" says it too, said of a place's servers ("le repliche a Torino rispondono", "in Lyon
# antworten die Server"); negated it is the problem ("no responde", "not responding").
WORK_VERBS = {"en": ("works", "working", "functioning"), "es": ("funcionar", "responder"),
              "pt": ("funcionar", "responder"), "fr": ("fonctionner", "répondre"), "it": ("funzionare", "rispondere"),
              "nl": ("werken", "werkt", "reageren"), "de": ("funktionieren", "laufen", "antworten"),
              "pl": ("działać", "odpowiadać"), "sv": ("fungera", "funka", "svara"),
              "tr": ("çalışıyor", "çalışır", "çalışıyorlar", "açılıyor")}
# "affected" in every supported language: negated ("nicht betroffen", "not affected") it says a place is fine.
AFFECTED = frozenset({"affected", "impacted", "afectado", "afectados", "afectada", "afectadas", "afetado", "afetados",
                      "afetada", "afetadas", "betroffen", "affecté", "affectés", "affectée", "affectées", "touché",
                      "touchés", "touchée", "touchées", "impacté", "impactés", "interessato", "interessati",
                      "interessata", "interessate", "coinvolto", "coinvolti", "colpito", "colpiti", "getroffen",
                      "geraakt", "dotknięty", "dotknięte", "dotkniętych", "påverkad", "påverkade", "påverkat",
                      "berörd", "berörda", "berört", "etkilenen", "etkilendi"})
# Said of a place alone: "unaffected", "Falkenstein är opåverkade", "in Warszawie normalnie", "lo tiene perfecto",
# "in Leiden wel" (Dutch "it does there"), "en Barcelona sí".
FINE_WORDS = frozenset({"unaffected", "unbeeinträchtigt", "opåverkad", "opåverkade", "opåverkat", "etkilenmedi",
                        "etkilenmiyor", "normalnie", "normalmente", "normalement", "normally", "perfecto", "perfecta",
                        "perfeito", "perfeita", "perfetto", "perfettamente", "parfait", "parfaitement", "perfekt",
                        "perfect", "perfectly", "prima", "śmiga", "śmigają", "wel", "sí", "normaal", "normale",
                        "bene", "benissimo", "tranquilo", "tranquilos",
                        "orde"})  # Dutch "in orde" (a phrase on "in" would open the clause pass to every text)
# "Mes collègues à Namur ont du réseau", "mijn ouders hebben wel internet", "Kolega z Opola ma wszystko".
HAVE = frozenset({"have", "has", "got", "hebben", "heeft", "hebt", "heb", "ont", "avons", "avez", "haben", "hat",
                  "habe", "hast", "tiene", "tienen", "tengo", "tenemos", "tem", "têm", "tenho", "temos", "ha", "hanno",
                  "ho", "abbiamo", "ma", "mają", "mam", "mamy", "har", "hade"})
NETWORK = frozenset({"internet", "réseau", "network", "signal", "bereik", "netz", "empfang", "señal", "sinal", "rete",
                     "zasięg", "zasięgu", "täckning", "nät", "mottagning", "wifi", "wi-fi", "4g", "5g", "fibra",
                     "fibre", "glasvezel", "connection", "conexión", "conexão", "verbinding", "verbindung",
                     "connexion", "linea", "alles", "wszystko", "todo", "tudo", "tutto", "allt", "everything",
                     "tout", "service", "servicio", "serviço", "servizio", "dienst", "sieć", "internetu"})


@functools.lru_cache(maxsize=1)
def work_forms() -> frozenset[str]:
    """Every form of the "to work" verbs (``WORK_VERBS``) in the built verb table, and the words given."""
    path = Path(__file__).with_name("data") / "verb_forms.json"
    data = json.loads(path.read_text("utf-8")) if path.exists() else {}
    out = set()
    for lang, lemmas in WORK_VERBS.items():
        for lemma in lemmas:
            out.add(lemma)
            out.update(data.get(lang, {}).get(lemma, ()))
    return frozenset(out - {"wrought", "funk", "funzionale", "funzionali", "działania", "działaniach", "działaniami",
                            "działanie", "działaniem", "działaniom", "działaniu", "działań"})


# Fine-words of Japanese and Korean, found inside runs of CJK text, and what turns them.
CJK_FINE = ("괜찮", "멀쩡", "문제없", "문제 없", "이상 없", "이상없", "정상", "잘 돼", "잘 되", "잘돼", "잘되", "된대", "된다",
            "됩니다", "돼요", "되네", "되는데", "됨", "大丈夫", "問題ない", "問題なし", "問題なく", "正常", "普通",
            "見れてる", "見れる", "使えてる", "使える", "繋がる", "つながる", "動いてる", "いける", "平気", "平常")
CJK_NOT = re.compile(r"(?:ない|なく|ません|ず|않|못|안 ?[돼되됨]|없(?!는데도)|エラー|障害|落ち|장애|오류)")
CJK_PROBLEMS = re.compile("|".join(p for sym, ps in lexicon.JA_SYMPTOMS.items()
                                   if sym not in ("recovered", "maintenance") for p in ps))
CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
CHAT_END = re.compile(r"^(?:[ㅠㅜㅋㅎ]{2,}|[^\w\s]*[\U0001F300-\U0001FAFF\u2600-\u27BF][^\w\s]*|w{2,}|lol|lmao|草)$")


def _may_end_chat(word: str) -> bool:
    """Whether ``word`` can match :data:`CHAT_END` at all: a word in ASCII only as "lol", "lmao" or "ww..."
    (every other alternative needs a character outside ASCII), so the regex is not run on every word."""
    return not word.isascii() or word[:1] in ("l", "w")


@functools.lru_cache(maxsize=1)
def _needed() -> frozenset[str]:
    """Every word one of which a text must hold for either pass to find a place fine: a fine-phrase's
    first word, a form of "to work", ``FINE_WORDS``, "affected" (said negated), a verb of having (a
    network had), or a negation (a problem word turned: "geen probleem", "sorun yok")."""
    return frozenset(BY_FIRST) | work_forms() | FINE_WORDS | AFFECTED | HAVE | NEG_BEFORE | POST_NEGATIONS


def may_say_fine(texts: list[str], lower: list[str], held: AbstractSet[str] | None = None) -> bool:
    """False where neither :func:`fine_places` nor :func:`clause_fine` can find any place fine: no word of
    ``_needed``, no "n't", no CJK text. Most texts that name a place are such ("outage in Frankfurt"), and
    the clause pass is a Python walk over every word of the text. ``held``: the words of ``lower`` among a
    set that holds every word of ``_needed`` (resolve's held words), tested instead of every word."""
    if not _needed().isdisjoint(lower if held is None else held):
        return True
    joined = " ".join(texts)
    return "'" in joined and any(w.endswith("n't") for w in lower) or \
        not joined.isascii() and CJK_RE.search(joined) is not None


def clause_fine(texts: list[str], lower: list[str], spots: list[tuple[int, int]],
                found: list[tuple[int, int, str, bool]]) -> set[int]:
    """Start of every place span whose own clause says it is fine and holds no problem (see the module's
    docstring). ``texts``: the words as written; ``spots``: place spans; ``found``: symptom spans."""
    n = len(lower)
    starts = {s for s, _ in spots}
    ends = {e for _, e in spots}
    said: set[int] = set()
    for begin, end, asked in _clauses(texts, lower, starts, ends):
        inside = [s for s in starts if begin <= s < end]
        if not inside or asked:
            continue
        if any(begin <= s < end and sym == "recovered" for s, _, sym, _ in found) or \
                not AGAIN.isdisjoint(lower[begin:end]):
            continue  # "us-east-1 is back to normal", "healthy again": a recovery, not a contrast
        if not SLOWLY.isdisjoint(lower[begin:end]):
            continue  # "Confluence and Bitbucket are responding slowly": working, but badly
        problems = [(s, e) for s, e, sym, _ in found if begin <= s < end and sym in lexicon.PROBLEM_SYMPTOMS]
        turned = [(s, e) for s, e in problems if _turned(lower, s, e, begin, end)]
        if len(turned) < len(problems):
            continue  # a problem said in the place's own clause
        taken = {i for s in inside for e in [_end_of(spots, s)] for i in range(s, e)}
        if turned or _fine_word(lower, begin, end, taken) or _cjk_fine(texts, begin, end):
            said.update(inside)
    return said


# A word that says something works only badly ("responding slowly", "funciona lento", "läuft nur langsam"): no
# contrast, the problem.
SLOWLY = frozenset({"slowly", "sluggishly", "intermittently", "sporadically", "partially", "lentamente", "lento",
                    "lenta", "langsam", "lentement", "traag", "wolno", "powoli", "långsamt", "yavaş", "sporadisch",
                    "zeitweise", "intermitente", "intermitentemente", "par intermittence", "a tratti"})


def _end_of(spots: list[tuple[int, int]], start: int) -> int:
    return max(e for s, e in spots if s == start)


def _clauses(texts: list[str], lower: list[str], starts: set[int], ends: set[int]):
    """(begin, end, asked) of each clause; ``asked``: it ends in a question mark."""
    n = len(lower)
    begin = 0
    for i in range(n + 1):
        if i < n:
            word = lower[i]
            if len(word) > 1 and not word.isascii() and (word[-1:] in CJK_ENDS or word.endswith(CJK_BUT)):
                # "落ちてる。facebookは普通に動く", "넷플릭스는 멀쩡한데 디즈니 플러스는 ...": a run of CJK text that ends
                # its sentence, or ends on "but", ends the clause with it
                if i >= begin:
                    yield begin, i + 1, word[-1:] in ("？", "?")
                begin = i + 1
                continue
            if word in AND_WORDS:
                if i in ends or (i + 1) in starts or (i + 2 in starts and lower[i + 1] in _ARTICLES):
                    continue  # "eu-west-1 and us-west-2", "a Madrid y a París"
            elif not (word in MARKS or word in CONTRASTS or word.endswith("?") and len(word) > 1
                      or _may_end_chat(texts[i]) and CHAT_END.match(texts[i])):
                continue
        asked = i < n and (lower[i] == "?" or lower[i].endswith("?") or lower[i] == "？")
        if i > begin:
            yield begin, i, asked
        begin = i + 1


CJK_ENDS = frozenset("。！？、，")
CJK_BUT = ("는데", "한데", "인데", "은데", "던데", "지만", "けど", "けれど", "のに")
_ARTICLES = frozenset({"a", "in", "en", "the", "la", "el", "le", "il", "de", "w", "na", "à", "em", "no", "in"})


def _negated(lower: list[str], start: int, end: int, begin: int, stop: int) -> bool:
    """A negation of any supported language right before the words or right after them, inside the clause."""
    before = lower[max(begin, start - 2):start]
    after = lower[end:min(stop, end + 5)]  # "geht bei mir nicht", "werkt hier niet", "geht bei Uber gar nix"
    return any(w in NEG_BEFORE or w.endswith("n't") for w in before) or any(w in NEG_AFTER for w in after)


def _turned(lower: list[str], start: int, end: int, begin: int, stop: int) -> bool:
    """A problem word said not to be there ("geen probleem", "nessun problema", "sorun yok"); one whose own
    words hold the negation ("ne charge plus", "no reproduce") is the problem itself."""
    if not NEG_BEFORE.isdisjoint(lower[start:end]) or any(w in NEG_AFTER for w in lower[start + 1:end]):
        return False
    before = lower[max(begin, start - 2):start]
    if set(before) & NEG_BEFORE <= {"hiç", "hic"} and any(TR_NEGATIVE_VERB.search(w) for w in lower[start:end]):
        before = []  # Turkish "hiç" before a verb said in the negative is "at all": "hiç çekmiyor" is no signal
    return any(w in NEG_BEFORE or w.endswith("n't") for w in before) or \
        (end < stop and lower[end] in POST_NEGATIONS)


def _fine_word(lower: list[str], begin: int, end: int, taken: set[int]) -> bool:
    """A fine-word (``lexicon.PLACE_FINE``, a form of "to work", ``FINE_WORDS``, "affected" negated, a network
    had) in the clause, outside the place names, not negated."""
    works = work_forms()
    for f in range(begin, end):
        if f in taken:
            continue
        word = lower[f]
        if word.startswith(ANSWER_VERBS) and f + 1 < len(lower) and lower[f + 1] in ANSWERED_WITH:
            continue  # "répond en timeout": the answer is the problem
        if word in AFFECTED and _negated(lower, f, f + 1, begin, end):
            return True  # "Helsinki and Nuremberg are not affected"
        if (word in works or word in FINE_WORDS) and not _negated(lower, f, f + 1, begin, end):
            return True
        if word in HAVE and not NETWORK.isdisjoint(lower[f + 1:min(end, f + 4)]) and \
                NEG_BEFORE.isdisjoint(lower[max(begin, f - 2):min(end, f + 4)]) and \
                NEG_AFTER.isdisjoint(lower[f + 1:min(end, f + 4)]):
            return True  # "mes collègues à Namur ont du réseau"
        for phrase in BY_FIRST.get(word, ()):
            if tuple(lower[f:f + len(phrase)]) == phrase and not taken.intersection(range(f, f + len(phrase))):
                if not _negated(lower, f, f + len(phrase), begin, end):
                    return True
    return False


# A verb of answering with what it answers ("répond en timeout", "responde con error 500", "antwortet mit 503"):
# the answer is the problem, not a place that works.
ANSWER_VERBS = ("répond", "repond", "respond", "rispond", "antwort", "reageer", "answer", "svarar")
ANSWERED_WITH = frozenset({"en", "avec", "par", "con", "com", "mit", "met", "with", "med", "ile", "z"})


CJK_BREAK = re.compile(r"[？?！!。、，,．.]|けど|けれど|のに|지만|는데")


def cjk_clause_fine(token: str, written: str) -> bool:
    """A place inside a run of CJK text ("東京の友達は普通に見れてる" after "大阪だけ...見れないんだけど？"):
    the rest of its clause, up to the next break in the run, says it is fine."""
    at = token.find(written) if written else -1
    if at < 0:
        return False
    rest = token[at + len(written):]
    cut = CJK_BREAK.search(rest)
    return _cjk_fine([rest[:cut.start()] if cut else rest], 0, 1)


def _cjk_fine(texts: list[str], begin: int, end: int) -> bool:
    """A Japanese or Korean fine-word in the clause's runs of CJK text, with no negation or problem there."""
    run = " ".join(texts[begin:end])
    if not CJK_RE.search(run):
        return False
    if CJK_PROBLEMS.search(run):
        return False
    for word in CJK_FINE:
        at = run.find(word)
        if at >= 0 and not CJK_NOT.search(run[at + len(word):at + len(word) + 4]) \
                and not run[max(0, at - 2):at].strip() in ("안", "못"):  # "問題ない" is fine, "普通じゃない" is not
            return True
    return False


def problem_said(lower: list[str], found: list[tuple[int, int, str, bool]]) -> bool:
    """A problem word anywhere in the text that is not itself negated ("geen probleem" is none)."""
    asked = [i for i, w in enumerate(lower) if w.endswith("?") or w == "？"]
    return any(sym in lexicon.PROBLEM_SYMPTOMS and not _turned(lower, s, e, 0, len(lower))
               and not _in_question(lower, s, asked) for s, e, sym, _ in found)


def _in_question(lower: list[str], start: int, asked: list[int]) -> bool:
    """"aws outage? ohio looks fine": a problem asked about is no problem said."""
    after = next((q for q in asked if q >= start), None)
    return after is not None and not any(w in SENTENCE_MARKS for w in lower[start:after])


SENTENCE_MARKS = frozenset({".", "!", "。", "！", "\n"})
