"""A question whether something is down, answered by the writer's own "looks fine": no outage.

"azure outage? everything in West Europe looks fine from here", "is discord down? works fine for me",
"¿Se cayó WhatsApp? a mí me funciona perfecto", "Azure-Störung? bei mir läuft alles", "Awaria Azure? u mnie
wszystko działa", "AWS障害？こっちは普通に動いてる", "AWS 장애? 여기는 다 잘 돼요": the only problem word is the
one asked about, and the writer answers it at once, for their own side, that everything works. That is no report
of an outage (every blind writer who wrote one labelled it so), and the rules say so on purpose
(:func:`asked_then_fine` gives the reason, the caller rules the text out and marks it ``denied``), so that no
relevance model may turn it back on: a bag of words sees "outage", "?" and a provider, and last round's retrain
put one such text over its bound.

What makes the answer the writer's own, not a contrast with a problem they have: it comes after the last question
mark and is short (one clause, :data:`MAX_ANSWER` words at most), says something works or is fine
(``lexicon.PLACE_FINE``, any form of "to work", ``fine.FINE_WORDS``; in Japanese and Korean ``fine.CJK_FINE``), and
says for whom: the writer or where the writer is (:data:`SELF_WORDS`: "here", "for me", "on my end", "a mí",
"chez moi", "bei mir", "bij mij", "u mnie", "för mig", "bende", "こっち", "여기") or everything
(:data:`ALL_WORDS`). It names no service or provider (another service said to work is the contrast: "is signal
down? whatsapp works fine"), holds no problem word, no negation outside a fine-phrase made of one ("no issues",
"sorun yok", "問題ない"), no contrast or "else" word ("everything else looks fine": the asked service is the
exception), and no recovery or "now" word ("works again", "fine now": a recovery, which is about an outage). The
question itself holds only outage words ("down", "outage", "caído", "panne", "Störung", "awaria", "nere", "çöktü",
"落ちてる", "장애": symptoms "outage" and "problems"), nothing the writer says fails for them ("won't load", "can't
log in"), no recovery, and no place: "em Brasília o Pix não funciona? aqui em Goiânia tá de boa" asks about
another place than where the writer is fine, and "Koreans in Busan: KT internet out? the Seoul office is fine"
answers with a third party's side; both are outages, as their writers labelled them.
"""

from __future__ import annotations

import functools
import re

from . import fine, lexicon

MAX_ANSWER = 20  # words in the answer after the question or others' word
QUESTION_MARKS = ("?", "？")
ASKED_SYMPTOMS = frozenset({"outage", "problems"})

# The writer's own side, one word ("here", "aquí", "bende") or a pair ("my end", "chez moi", "bei mir", "u mnie").
SELF_WORDS = frozenset({
    "here", "aquí", "aqui", "acá", "ici", "hier", "qui", "qua", "tutaj", "här", "burada", "burda", "bende",
    "bizde", "mí", "mim", "comigo", "mir", "mij", "mnie", "mig", "mej", "moi",
})
SELF_PAIRS = frozenset({
    ("for", "me"), ("for", "us"), ("to", "me"), ("my", "end"), ("my", "side"), ("our", "end"), ("our", "side"),
    ("me", "funciona"), ("me", "va"), ("me", "anda"), ("me", "funcionan"), ("nos", "funciona"),
    ("mi", "funziona"), ("mi", "va"), ("a", "me"), ("da", "me"), ("per", "me"), ("da", "noi"), ("a", "noi"),
    ("chez", "nous"), ("pour", "nous"), ("bei", "uns"), ("für", "uns"), ("bij", "ons"), ("voor", "ons"),
    ("u", "nas"), ("nam", "działa"), ("mi", "działa"), ("hos", "oss"), ("för", "oss"), ("bizim", "için"),
    ("benim", "için"), ("para", "nosotros"), ("pra", "nós"), ("para", "nós"), ("for", "our"),
})
# Everything as the subject ("everything looks fine", "todo funciona", "bei mir läuft alles").
ALL_WORDS = frozenset({"everything", "all", "todo", "tudo", "tout", "alles", "tutto", "wszystko", "allt"})
ALL_PAIRS = frozenset({("her", "şey"), ("herşey",)})
# An answer about the rest but the asked thing ("everything else looks fine"): the asked thing is the exception.
ELSE_WORDS = frozenset({"else", "sonst", "resto", "demás", "demais", "reste", "altro", "rest", "reszta", "övrigt",
                        "annars", "diğer", "except", "excepto", "exceto", "sauf", "außer", "tranne", "behalve",
                        "oprócz", "utom", "hariç"})
# A recovery or the present set against a past problem ("works fine now", "ya funciona", "läuft schon wieder").
NOW_WORDS = frozenset({"now", "again", "already", "ahora", "agora", "maintenant", "jetzt", "ora", "adesso", "nu",
                       "teraz", "şimdi", "ya", "já", "déjà", "schon", "già", "już", "redan", "artık", "anymore",
                       "fixed", "back"}) | fine.AGAIN
# A past the answer sets against now ("worked fine yesterday", "hier ça marchait": it does not now).
PAST_WORDS = frozenset({"yesterday", "ayer", "ontem", "gestern", "ieri", "gisteren", "wczoraj", "igår", "dün",
                        "worked", "was", "were", "funcionaba", "funcionó", "funcionava", "funcionou", "marchait",
                        "fonctionnait", "lief", "ging", "funktionierte", "funzionava", "andava", "werkte", "deed",
                        "działało", "działał", "działała", "funkade", "fungerade", "gick", "çalışıyordu", "çalıştı",
                        "war", "era", "estaba", "estava", "était", "var", "było", "before", "earlier", "antes",
                        "avant", "vorhin", "prima", "eerder", "wcześniej", "tidigare", "önce"})
# The writer's side as well as someone else's ("same here", "bei mir auch", "u mnie też", "bende de", "나도",
# "こっちも"): an answer that joins a complaint, not one that says it works.
ALSO_WORDS = frozenset({"too", "also", "same", "either", "también", "tambien", "tampoco", "também", "tambem", "aussi",
                        "pareil", "plus", "auch", "ook", "anche", "pure", "neanche", "też", "również", "också",
                        "heller", "med"})
ALSO_PAIRS = frozenset({("bende", "de"), ("bizde", "de"), ("bende", "da"), ("bizde", "da")})
CJK_ALSO = re.compile(r"(?:こっち|こちら|うち|ここ|私|僕|俺|自分)も|(?:나|저|우리|저희|여기)도")
# Negations the shared sets lack ("bij mij werkt niks", "hiçbir şey açılmıyor").
MORE_NEGATIONS = frozenset({"niks", "nix", "hiçbir", "hiç", "nah", "nope", "nichts", "niente", "nulla", "nada",
                            "rien", "nic", "inget", "ingenting", "yok", "değil", "degil", "nie"})
# Others' word that it is down, before the writer's answer ("people saying psn is down but I've been online all
# night", "vi 'whatsapp caído' en tendencias", "iedereen roept dat ...", "whatsapp çöktü diye gündem olmuş"): the
# crowd, a trend, a rumour; not a provider's own word ("the status page says degraded" is the outage, relayed).
HEARSAY = frozenset({
    "people", "everyone", "everybody", "folks", "twitter", "reddit", "trending", "downdetector", "rumor", "rumors",
    "rumour", "rumours", "apparently", "supposedly", "saying",
    "gente", "dicen", "tendencia", "tendencias", "según", "galera", "dizem", "disse", "tendência", "tendências",
    "gens", "paraît", "disent", "tendance", "tendances", "leute", "laut", "angeblich", "trend", "trends", "redet",
    "reden", "dicono", "tendenza", "tendenze", "iedereen", "mensen", "roept", "roepen", "schijnbaar", "schijnt",
    "ludzie", "piszą", "mówią", "podobno", "czytam", "folk", "skriver", "säger", "tydligen", "trendar",
    "herkes", "millet", "diye", "diyor", "diyorlar", "gündem", "gündemde", "güya", "söyleniyor",
})
# Where others' word ends and the writer's answer begins: a sentence mark, a comma, a contrast.
HEARSAY_BREAKS = frozenset({".", "!", "…", "...", ",", ";", ":", "—", "–", "-", "\n"})
CJK_HEARSAY = re.compile(r"(?:라는데|라던데|다는데|다던데|래서|대서|らしいけど|らしいが|って(?:言われて|聞いた)けど|と聞いたけど)")
# The writer as the subject of what works, after others' word ("I've been online all night ... no problems", "tô
# mandando figurinha desde cedo sem problema nenhum").
SELF_SUBJECTS = frozenset({"i", "i'm", "i've", "im", "ive", "mine", "yo", "eu", "tô", "je", "j'ai", "ich", "io",
                           "ik", "jag", "själv", "ben"})
# Another person's or place's side ("my sister says hers is fine", "the Seoul office is fine"): not the writer's.
OTHERS = frozenset({"friend", "friends", "sister", "brother", "mom", "mum", "dad", "wife", "husband", "colleague",
                    "colleagues", "coworker", "coworkers", "office", "neighbour", "neighbours", "neighbor", "neighbors",
                    "hers", "his", "theirs", "amigo", "amigos", "amiga", "hermana", "hermano", "colega", "colegas",
                    "irmã", "irmão", "collègue", "collègues", "ami", "amis", "sœur", "frère",
                    "kollege", "kollegen", "kollegin", "freund", "freunde", "schwester", "bruder", "nachbarn",
                    "amico", "amici", "sorella", "fratello", "collega", "colleghi", "collega's", "vriend", "vrienden",
                    "zus", "broer", "buren", "kolega", "koledzy", "siostra", "brat", "kompis", "kollega", "kollegor",
                    "syster", "bror", "arkadaş", "arkadaşım", "abim", "ablam", "kardeşim"})
# The answer "no" itself, opening the answer before a mark ("whatsapp down? no, qui va tutto benissimo", "panne ?
# non, chez nous tout marche", "— nope, works for our whole team"): the answer to the question, not a negation in it.
ANSWER_NO = frozenset({"no", "nope", "nah", "non", "nee", "nein", "nej", "nie", "não", "nao", "hayır", "niet"})
ANSWER_NO_MARKS = frozenset({",", ".", "!", "—", "–", "-", ":", ";", "…"})
# The writer's verdict that there is no outage ("falsa alarma", "false alarm"): an answer of its own.
FALSE_ALARM = tuple(tuple(p.split()) for p in (
    "false alarm", "falsa alarma", "falso alarme", "fausse alerte", "fehlalarm", "falscher alarm", "falso allarme",
    "loos alarm", "vals alarm", "fałszywy alarm", "falskt alarm", "falsk alarm", "yanlış alarm"))
# Negated fine-phrases, taken out before the answer is read for a negation ("no issues", "sorun yok").
NEGATED_FINE = tuple(sorted({tuple(p.split()) for ps in lexicon.PLACE_FINE.values() for p in ps
                             if not fine.NEG_BEFORE.isdisjoint(p.split()) or not fine.NEG_AFTER.isdisjoint(p.split())
                             or "n't" in p or p.split()[0] in ("no", "pas", "keine", "sin", "sem", "bez", "inga",
                                                              "nessun", "geen", "niks", "nergens", "aucun")}
                           | {("nothing", "wrong"), ("no", "problems", "here"), ("kein", "problem"),
                              ("keine", "probleme"), ("geen", "probleem"), ("aucun", "problème"), ("no", "problem"),
                              ("sem", "problema", "nenhum"), ("sem", "problema"), ("sin", "problema"),
                              ("sin", "ningún", "problema"), ("nessun", "problema"), ("bez", "problemu"),
                              ("żadnych", "problemów"), ("inga", "problem"), ("hiç", "sorun", "yok"),
                              ("problem", "yok"), ("sıkıntı", "yok")},
                           key=len, reverse=True))
# Japanese and Korean: the writer's side, fine-phrases that hold a negation, and what says recovered or now.
CJK_SELF = ("こっち", "こちら", "うち", "ここ", "私", "僕", "俺", "自分", "当方")
KO_SELF = ("여기", "난", "나는", "저는", "전", "우리", "저희", "내", "제", "나도", "저도")
CJK_ALL = ("全部", "すべて", "全て", "다", "전부", "모두")
CJK_NEGATED_FINE = ("問題ない", "問題なし", "問題なく", "문제없", "문제 없", "이상 없", "이상없", "異常なし", "異常ない")
CJK_NOW = re.compile(r"直|復活|復旧|戻っ|もう|今は|昨日|さっき|다시|복구|이제|돌아|어제|아까")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


# One set test for every word that ends an answer's claim to be the writer's "fine" (see :func:`_answer`).
ANSWER_STOPS = fine.CONTRASTS | ELSE_WORDS | NOW_WORDS | ALSO_WORDS | OTHERS | PAST_WORDS | {"hier"}
NEGATIONS = fine.NEG_BEFORE | fine.NEG_AFTER | fine.NEGATED | MORE_NEGATIONS


def _index(phrases) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Phrases by their first word, longest first."""
    out: dict[str, tuple[tuple[str, ...], ...]] = {}
    for p in sorted(phrases, key=len, reverse=True):
        out[p[0]] = (*out.get(p[0], ()), p)
    return out


_NEGATED_FINE_BY_FIRST = _index(NEGATED_FINE + FALSE_ALARM)
_FALSE_ALARM_FIRSTS = frozenset(p[0] for p in FALSE_ALARM)
_FALSE_ALARM_BY_FIRST = _index(FALSE_ALARM)


def _first_phrase(words: list[str], by_first: dict) -> str | None:
    for i, w in enumerate(words):
        for p in by_first.get(w, ()):
            if tuple(words[i:i + len(p)]) == p:
                return " ".join(p)
    return None


@functools.lru_cache(maxsize=1)
def _fine_words() -> frozenset[str]:
    """One-word fine-words of every language: the one-word fine-phrases, every form of "to work", fine.FINE_WORDS."""
    single = {p for ps in lexicon.PLACE_FINE.values() for p in ps if " " not in p}
    return frozenset(single | fine.work_forms() | fine.FINE_WORDS | {"good", "bien", "bem", "bene", "goed", "gut",
                                                                      "dobrze", "bra", "iyi", "smooth", "smoothly"})


@functools.lru_cache(maxsize=1)
def _fine_phrases() -> dict[str, tuple[tuple[str, ...], ...]]:
    return _index({tuple(p.split()) for ps in lexicon.PLACE_FINE.values() for p in ps if " " in p})


def answer_words() -> frozenset[str]:
    """Every word one of which :func:`asked_then_fine` needs in an all-ASCII text to find an answer: a fine-word, a
    fine-phrase's first word, a negation, a false alarm's first word (its second test, which a caller may make
    first on the words it holds)."""
    return _fine_words() | frozenset(_fine_phrases()) | NEGATIONS | _FALSE_ALARM_FIRSTS


def _has_pair(words: list[str], pairs: frozenset) -> bool:
    return any((a, b) in pairs for a, b in zip(words, words[1:])) or any((w,) in pairs for w in words)


def _without_phrases(words: list[str], by_first: dict) -> list[str]:
    """``words`` less every occurrence of the phrases (indexed by their first word, longest first)."""
    out: list[str] = []
    i = 0
    while i < len(words):
        for p in by_first.get(words[i], ()):
            if tuple(words[i:i + len(p)]) == p:
                i += len(p)
                break
        else:
            out.append(words[i])
            i += 1
    return out


def asked_then_fine(texts: list[str], lower: list[str], raw: str, found: list[tuple[int, int, str, bool]],
                    names: list[tuple[int, int]], places: list[tuple[int, int]], lang: str | None = None) -> str | None:
    """Why the text is a question whether something is down, or others' word that it is, answered by the writer's
    own "fine" (see the module's docstring), or None. ``found``: the symptom spans (start, end, symptom, ongoing; a
    Japanese or Korean phrase's at 0, 0); ``names``: where services and providers are named; ``places``: where
    places, regions, codes and a place's people are. Cheap where it cannot apply: a question mark or a word of
    others' saying must be in the text."""
    asked_mark = "?" in raw or "？" in raw
    if not asked_mark and HEARSAY.isdisjoint(lower) and (raw.isascii() or not CJK_HEARSAY.search(raw)):
        return None  # most texts: three C-level tests
    if raw.isascii() and _fine_words().isdisjoint(lower) and _fine_phrases().keys().isdisjoint(lower) \
            and NEGATIONS.isdisjoint(lower) and _FALSE_ALARM_FIRSTS.isdisjoint(lower):
        # nothing that could say it works: most questions and hearsay (C-level set tests; a text beyond ASCII, which
        # they cannot rule out, is not read by them)
        return None
    problems = []
    for st, e, sym, _ in found:
        if sym in lexicon.PROBLEM_SYMPTOMS:
            if sym not in ASKED_SYMPTOMS:
                return None  # a problem the writer tells ("won't load", "can't log in")
            problems.append((st, e, sym))
    if not problems:
        return None  # nothing asked or said down, or a problem the writer tells ("won't load", "can't log in")
    for cut, tail, how in _splits(texts, lower, raw, problems, asked_mark):
        said = _answer(texts, lower, cut, tail, found, names, places, lang, how)
        if said:
            return (f"a question whether it is down answered by the writer's own fine ({said!r}): no outage reported"
                    if how == "asked" else
                    f"others' word that it is down answered by the writer's own fine ({said!r}): no outage reported")
    return None


def _splits(texts: list[str], lower: list[str], raw: str, problems, asked_mark: bool):
    """Where the answer may begin, as (first word of the answer, CJK text the tokenizer left joined to the question
    or the hearsay before it, "asked" or "hearsay"): after the last question mark, and after the clause of the last
    problem word where others are said to say it ("people saying psn is down but ...", "vi 'whatsapp caído' en
    tendencias, ..."); in Japanese and Korean also right after the hearsay ending ("인스타 장애라는데 나는 ...")."""
    n = len(lower)
    if asked_mark:
        last = next((i for i in range(len(texts) - 1, -1, -1) if "?" in texts[i] or "？" in texts[i]), None)
        if last is not None:
            token = texts[last]
            at = max(token.rfind("?"), token.rfind("？"))
            yield last + 1, token[at + 1:].strip(), "asked"
    ends = [e for st, e, _ in problems if e > st]
    if ends:
        for i in range(max(ends), n):
            if lower[i] in HEARSAY_BREAKS or lower[i] in fine.CONTRASTS and lower[i] not in ("only", "solo", "nur"):
                if not HEARSAY.isdisjoint(lower[:i]):  # "vi 'whatsapp caído' en tendencias, ..."
                    yield i + 1, "", "hearsay"
                break
    if not raw.isascii() and CJK_HEARSAY.search(raw):
        for i, t in enumerate(texts):
            m = CJK_HEARSAY.search(t)
            if m:
                yield i + 1, t[m.end():].strip(), "hearsay"
                break


def _answer(texts: list[str], lower: list[str], cut: int, tail: str, found, names, places, lang, how: str) -> str | None:
    """The fine-phrase of the answer from ``cut`` on (and the CJK ``tail`` joined before it) where it is the writer's
    own "it works" and nothing else, or None."""
    answer = lower[cut:]
    if not tail and len(answer) > 2 and answer[0] in ANSWER_NO and answer[1] in ANSWER_NO_MARKS:
        answer = answer[2:]  # "no, todo bien por aquí": the answer's "no" is no negation of what follows
        cut += 2
    words = [w for w in answer if w.isalnum() or any(c.isalnum() for c in w)]
    raw_answer = (tail + " " + " ".join(texts[cut:])).strip()
    if not raw_answer or len(words) + (1 if tail else 0) > MAX_ANSWER:
        return None
    if _fine_words().isdisjoint(words) and _fine_phrases().keys().isdisjoint(words) and NEGATIONS.isdisjoint(words) \
            and _FALSE_ALARM_FIRSTS.isdisjoint(words) and raw_answer.isascii():
        return None  # no fine-word, fine-phrase, negated problem word or verdict: most answers (one pass of set tests)
    edge = cut - (1 if tail else 0)  # a span at ``edge`` holds the question and the answer both (CJK)
    if any(st >= cut and sym != "fine" for st, e, sym, _ in found):
        return None  # a problem or a recovery in the answer ("fine" is the symptom table's fine-phrase: the answer)
    if any(sym in ("recovered", "fine") and st < cut and not (st == e == 0 and _CJK.search(raw_answer))
           for st, e, sym, _ in found):
        return None  # "tiktok直った？", "O X voltou?": asked whether it is back
    if any(st < cut for st, _ in places):
        return None  # "em Brasília o Pix não funciona? aqui em Goiânia tá de boa": another place asked about
    if any(st >= edge for st, _ in names):
        return None  # "is signal down? whatsapp works fine": another service said to work
    # an answer that opens on the writer's verdict may tell in the past what it was ("Falsa alarma, era la VPN")
    told = PAST_WORDS if words and _first_phrase(words[:3], _FALSE_ALARM_BY_FIRST) else frozenset()
    if not ANSWER_STOPS.isdisjoint(answer) and any(
            w in ANSWER_STOPS and w not in told and (w != "prima" or lang != "nl") and (w != "hier" or lang == "fr")
            for w in answer):
        return None  # a contrast, "else", a recovery or "now", "too", another person, a past
    if any("?" in w and any(any(c.isalnum() for c in x) for x in answer[i + 1:]) for i, w in enumerate(answer)):
        return None  # a question in the answer: more than an answer
    if _has_pair(words, ALSO_PAIRS):
        return None
    verdict = _first_phrase(words, _FALSE_ALARM_BY_FIRST) if not _FALSE_ALARM_FIRSTS.isdisjoint(words) else None
    negated = not NEGATIONS.isdisjoint(words) or any(w.endswith("n't") for w in words) or lang == "tr" and any(
        fine.TR_NEGATIVE_VERB.search(w) and w.endswith(("yor", "mez", "maz", "medi", "madı", "mıyor", "miyor", "muyor",
                                                        "müyor")) for w in words)
    if negated:
        plain = _without_phrases(words, _NEGATED_FINE_BY_FIRST)
        if any(w in NEGATIONS or w.endswith("n't") or lang == "tr" and fine.TR_NEGATIVE_VERB.search(w) and w.endswith(
                ("yor", "mez", "maz", "medi", "madı", "mıyor", "miyor", "muyor", "müyor")) for w in plain):
            return None
    cjk = _CJK.search(raw_answer) is not None
    said = None
    if cjk:
        rest = raw_answer
        for p in CJK_NEGATED_FINE:
            rest = rest.replace(p, "")
        if fine.CJK_NOT.search(rest) or fine.CJK_PROBLEMS.search(rest) or CJK_NOW.search(raw_answer) \
                or CJK_ALSO.search(raw_answer):
            return None
        said = next((p for p in fine.CJK_FINE if p in raw_answer), None)
    if verdict:
        return verdict  # "falsa alarma", "false alarm": the writer's own verdict
    if said is None:
        said = (_first_phrase(words, _NEGATED_FINE_BY_FIRST) if negated else None) \
            or _first_phrase(words, _fine_phrases()) or next((w for w in words if w in _fine_words()), None)
    if said is None:
        return None
    mine = not SELF_WORDS.isdisjoint(words) or _has_pair(words, SELF_PAIRS) or not ALL_WORDS.isdisjoint(words) \
        or _has_pair(words, ALL_PAIRS) or not SELF_SUBJECTS.isdisjoint(words)
    if not mine and cjk:
        mine = any(p in raw_answer for p in CJK_SELF + CJK_ALL) or any(w.startswith(KO_SELF) for w in words)
    return said if mine else None
