"""Language detection without a network or a model download.

py3langid (a maintained fork of langid.py, model shipped in the wheel) decides, limited
to the languages outage chatter on our sources is written in, which makes short texts
far less often mistaken for a rare language. It costs about as much as tokenizing, so
two cheap, exact cases are decided first: kana means Japanese, and a text whose words
include several function words of exactly one of our languages (spaCy's own stop-word
lists, restricted to words no other of those languages uses) is that language.
"""

from __future__ import annotations

import functools
import math
import re
from collections import _count_elements  # type: ignore[attr-defined]
import threading

import importlib.util
from pathlib import Path
from typing import Any

from outagewatch.textrules import HANGUL, KANA_RE, beyond_ascii

LANGUAGES = ("en", "es", "de", "fr", "pt", "it", "nl", "ja", "zh", "ko", "ru", "pl", "tr", "sv", "da", "no", "fi",
             "cs", "id", "ar", "hi", "uk", "el", "he", "th", "vi", "ca", "ro", "hu")
ENGLISH_PRIOR = 0.5
MIN_VOTES = 1
LANGID_CHARS = 400  # the model walks bytes in Python: the head of a long text says enough
HANGUL_RE = re.compile(f"[{HANGUL}]")

VOTING = ("en", "es", "de", "fr", "pt")
# Two-letter function words that vote too: exclusive among VOTING and not a word of Italian,
# Dutch, Catalan or the Nordic languages either, nor English chat spelling ("im", "em", "ya").
# Each one spares a call to py3langid, whose 40 MB byte automaton also evicts the
# tokenizer's data from the CPU caches (it costs about three times its own time).
SHORT_WORDS = {"en": ("at", "be", "by", "if", "is", "it", "my", "of", "to", "up", "we"), "de": ("zu", "ob"),
               "es": ("yo", "él", "tú"), "fr": ("et", "ce", "ça", "où", "au"), "pt": ("ao", "já", "só", "às")}


def _stop_words(lang: str) -> frozenset[str]:
    """spaCy's stop-word list, read without importing the language package.

    ``import spacy.lang.fr`` compiles French tokenizer exceptions for seconds; the list
    itself is one small module.
    """
    found: Any = importlib.util.find_spec("spacy")  # (Any for the compiled build's mypy: both are found)
    spacy_dir = Path(found.origin).parent
    spec: Any = importlib.util.spec_from_file_location(f"_ow_stop_{lang}", spacy_dir / "lang" / lang / "stop_words.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return frozenset(module.STOP_WORDS)


# Languages that do not vote but whose function words still count against a vote: a word that is
# also theirs says nothing ("nie" is German "never" and Polish "not"; "waren" is German and Dutch),
# and their own words make a close call the model's ("czy facebook nie działa? nie mogę się
# zalogować" has two German-looking "nie" and three Polish words: the model says Polish).
COMPETING = ("it", "nl", "pl", "sv", "da", "ca", "ro", "cs")
LAUGHTER = re.compile(r"^(\w\w)\1+$")  # "haha", "jaja", "hehe": Italian's stop-word list has "haha"


@functools.lru_cache(maxsize=1)
def _exclusive_words() -> dict[str, str]:
    """Function words that belong to exactly one of the languages, voting or competing (3+ letters,
    no digits, plus SHORT_WORDS, which were chosen to be no other language's words)."""
    owners: dict[str, set[str]] = {}
    for lang in (*VOTING, *COMPETING):
        for word in _stop_words(lang):
            if len(word) >= 3 and word.isalpha() and not LAUGHTER.match(word):
                owners.setdefault(word, set()).add(lang)
    table = {w: next(iter(langs)) for w, langs in owners.items() if len(langs) == 1}
    for lang, words in SHORT_WORDS.items():
        table.update(dict.fromkeys(words, lang))
    return table


def _identifier():
    """The model, loaded once: a tagger may be loading it in a thread (``Tagger``) when a
    text first needs it; that caller waits for the load instead of making a second one."""
    global _IDENTIFIER
    found = _IDENTIFIER
    if found is None:
        with _LOADING:
            if _IDENTIFIER is None:
                _IDENTIFIER = _load_identifier()
            found = _IDENTIFIER
    return found


_IDENTIFIER = None
_LOADING = threading.Lock()


def _load_identifier():
    import numpy
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(LANGUAGES))
    # The model's table of feature weights ships in float16; each call's product with the text's feature counts
    # (float32) converted the rows it read to float32 first, one value at a time (~20% of a call). Converted
    # once here: every float16 is exactly a float32, and numpy's product of the same float32 values is the one
    # it computed after the conversion (the same scores to the bit: test_language_model_table.py). ~12 MB, read
    # only, shared by the forked workers (preload).
    identifier.nb_ptc = numpy.ascontiguousarray(identifier.nb_ptc, dtype=numpy.float32)
    _FAST[0] = _fast_agrees(identifier)
    return identifier


def preload() -> None:
    """Load the language model now (before forking workers, which then share it)."""
    _identifier()


def vote(words) -> str | None:
    """The voting language whose exclusive function words outnumber every other language's 2:1
    (a competing language that wins leaves the text to the model)."""
    hits = list(filter(None, map(_exclusive_words().get, words)))
    if not hits:
        return None
    if hits.count(hits[0]) == len(hits):  # one language's words alone (most texts): no runner-up
        return hits[0] if hits[0] in VOTING and len(hits) >= MIN_VOTES else None
    # Counted in C (the Counter's own helper, into a plain dict: the Counter's Python around it cost more than the
    # count): the same counts, in the same first-seen order, as a loop.
    counts: dict[str, int] = {}
    _count_elements(counts, hits)
    best = max(counts, key=counts.__getitem__)
    runner_up = max((v for k, v in counts.items() if k != best), default=0)
    if best in VOTING and counts[best] >= MIN_VOTES and counts[best] >= 2 * runner_up + 1:
        return best
    return None


# Letters that, among LANGUAGES, only one writes: a word holding one is that language's (Turkish's dotless
# ı and ğ; Polish's ł, ą, ę, ż, ś, ź). The function words cannot tell these (Polish "nie" is German too,
# "na" Portuguese) and the model, on a few words, reads "yarım saattir gitmiyor" as French.
OWN_LETTERS = {"tr": frozenset("ığ"), "pl": frozenset("łąężśź")}
OWN_LETTER_RE = re.compile("[" + "".join(sorted(set().union(*OWN_LETTERS.values()))) + "]")
WORD_RE = re.compile(r"\w+")


def own_letters(text: str, beyond: str | None = None) -> str | None:
    """The one language whose own letters the text's lower-case words hold, or None (none, or two
    languages'). A capitalised word is left out: a name (Łódź, Kadıköy) says nothing of the language.
    ``beyond``: :func:`~outagewatch.textrules.beyond_ascii` of the text, or of a text it begins, where the
    caller has it (the first look reads those few characters)."""
    if text.isascii() or OWN_LETTER_RE.search(text if beyond is None else beyond) is None:  # an emoji, an accent
        return None
    found = {lang for word in WORD_RE.findall(text) if word[0].islower() and not word.isascii()
             for lang, letters in OWN_LETTERS.items() if not letters.isdisjoint(word)}
    return found.pop() if len(found) == 1 else None


def detect(text: str, words=None) -> str | None:
    """ISO 639-1 code of ``text``'s language, or None for text with nothing to go on."""
    lang, sample = quick(text, words)
    return model(sample) if sample else lang


def quick(text: str, words=None) -> tuple[str | None, str | None]:
    """(language, None) when the cheap cases decide (or nothing can), else (None, the sample
    the model must read). Split from :func:`model` so that a batch's model calls run one after
    another: interleaved with tokenizing, each call evicted the tokenizer's data from the CPU
    caches and found the model's cold (~170 µs a call, against ~30 µs in a row)."""
    if not text or not (text[0].isalpha() or any(c.isalpha() for c in text)):  # most texts start with a letter
        return None, None
    beyond = None
    if not text.isascii():  # an O(1) flag of the string: most texts skip both scans
        beyond = beyond_ascii(text)  # (kana and hangul are among these few: the scans read them alone)
        if KANA_RE.search(beyond):
            return "ja", None
        if HANGUL_RE.search(beyond):
            return "ko", None
    sample = text[:LANGID_CHARS]
    if words is not None:
        guess = own_letters(sample, beyond) or vote(words)
        if guess:
            return guess, None
        # The model reads bytes one by one in Python: give it the words only, not the links,
        # handles, hashtags and numbers that say nothing about the language.
        plain = [w for w in words if w.isalpha()]
        if not plain:
            return None, None
        sample = " ".join(plain)[:LANGID_CHARS]
    return None, sample


def model(sample: str) -> str:
    """The model's verdict on a sample from :func:`quick`."""
    identifier = _identifier()
    if _FAST[0]:  # rank's first pair and English's place in it, for less (see _scores)
        values = _scores(identifier, sample)
        confidence = max(values)
        if confidence < ENGLISH_PRIOR and sample.isascii() and _before_english(values) < 3:
            return "en"  # a few plain-ASCII words the model is unsure of: the feeds' lingua franca
        return identifier.nb_classes[values.index(confidence)]  # the first best, as rank's stable sort has it
    ranked = identifier.rank(sample)  # one walk gives both the best guess and the runners-up
    lang, confidence = ranked[0]
    if confidence < ENGLISH_PRIOR and sample.isascii() and any(code == "en" for code, _ in ranked[:3]):
        return "en"
    return lang


# py3langid's ``rank`` as :func:`model` reads it, for less: the same scores, to the bit (the same byte walk, the
# same arrays in the same order, the same numpy calls), from which the best guess and English's place are read.
# The byte walk (an automaton over the sample's UTF-8, a Python step a byte) is remembered word by word: the state
# after a space and a word, and the features met on the way, depend only on the state before the space and the
# word's bytes, and the same words come back text after text. ``rank`` sorted 29 (language, score) pairs in a dict
# for the first of them and English's place. 260k -> ~100k instructions a call (docs/benchmarks.md, nineteenth
# round). Checked against ``rank`` when the model loads (a py3langid whose internals differ falls back to it) and
# on thousands of posts by tests/nlp/test_language_model_table.py.
_FAST = [False]  # set by _load_identifier once the check passed
_WALKS: dict[tuple[int, bytes], tuple[int, tuple[int, ...]]] = {}
WALK_MEMORY = 200_000  # (state, word) pairs remembered; forgotten all at once when full
_NO_FEATURES: tuple[int, ...] = ()


def _features(identifier: Any, data: bytes) -> list[int]:
    """The feature ids py3langid's ``visit_counts`` meets walking ``data`` (before its Counter), in its order:
    each space-separated piece after the first is walked with the space before it, from the state the text
    before left, or read from what that walk gave last time."""
    nextmove = identifier.tk_nextmove
    rowbase = identifier._rowbase
    output = identifier.tk_output
    walks = _WALKS
    found: list[int] = []
    state = -1  # the first piece: from the start state, no space before it
    for piece in data.split(b" "):
        key = (state, piece)
        known = walks.get(key)
        if known is None:
            feats: list[int] = []
            if state < 0:
                at = 0
            else:
                at = nextmove[rowbase[state] + 32]
                feature = output[at]
                if feature >= 0:
                    feats.append(feature)
            for letter in piece:
                at = nextmove[rowbase[at] + letter]
                feature = output[at]
                if feature >= 0:
                    feats.append(feature)
            known = (at, tuple(feats) if feats else _NO_FEATURES)
            if len(walks) >= WALK_MEMORY:
                walks.clear()
            walks[key] = known
        state = known[0]
        if known[1]:
            found += known[1]
    return found


def _scores(identifier: Any, sample: str) -> list[float]:
    """py3langid's probabilities for ``sample``, in its languages' order: its ``_decide`` with ``norm_probs`` and
    no aliased labels (checked at load), the byte walk remembered (:func:`_features`), the same numpy calls."""
    numpy = _NUMPY[0]
    data = identifier._encode(sample)
    found = _features(identifier, data)
    if found:
        # visit_counts' Counter, as a plain dict counted by the Counter's own C helper (its keys in the order
        # first met, as the Counter's: the product below sums in that order), without the Counter's Python
        visits: dict[int, int] = {}
        _count_elements(visits, found)
        idx = numpy.fromiter(visits.keys(), dtype=numpy.intp, count=len(visits))
        counts = numpy.fromiter(visits.values(), dtype=numpy.float32, count=len(visits))
        # ``take`` gathers the same rows as ``nb_ptc[idx]`` into the same C-ordered array, without numpy's
        # general indexing (a third of its cost)
        scores = numpy.log1p(counts) @ identifier.nb_ptc.take(idx, axis=0) + identifier.nb_pc
    else:
        scores = numpy.full(len(identifier.nb_classes), 0.0, dtype=numpy.float32)
    scores *= 1.0 / math.sqrt(len(data) or 1)
    numpy.exp(scores - scores.max(), out=scores)
    scores /= scores.sum()
    values: list[float] = scores.tolist()
    return values


def _before_english(values: list[float]) -> int:
    """How many languages ``rank`` puts before English: the likelier ones, and the as likely ones listed before it
    (its sort is stable)."""
    en = _EN_AT[0]
    english = values[en]
    ahead = values[:en].count(english)
    for value in values:
        if value > english:
            ahead += 1
    return ahead


_EN_AT = [0]
_NUMPY: list[Any] = [None]


def _fast_agrees(identifier: Any) -> bool:
    """Whether :func:`_scores` reads this py3langid's model as its ``rank`` does, on a few samples."""
    import numpy

    _NUMPY[0] = numpy
    try:
        if identifier._alias_pairs or not identifier._norm_probs or identifier.nb_classes.count("en") != 1:
            return False
        _EN_AT[0] = identifier.nb_classes.index("en")
        for sample in ("is netflix down for anyone else", "no funciona nada desde esta mañana", "", "???",
                       "das wetter ist heute freezing again", "ÇA NE MARCHE PAS", "ok", "łódź dzisiaj nie działa"):
            ranked = identifier.rank(sample)
            values = _scores(identifier, sample)
            mine = sorted(zip(identifier.nb_classes, values), key=lambda pair: pair[1], reverse=True)
            if mine != ranked or _before_english(values) != [code for code, _ in ranked].index("en"):
                return False
    except Exception:  # noqa: BLE001 - another py3langid: its own rank, as before
        return False
    finally:
        _WALKS.clear()
    return True


def normalize(lang: str | None) -> str | None:
    """A source's language tag as a bare ISO 639-1 code ("en-US" -> "en"); "und"/"" -> None."""
    if not lang:
        return None
    code = lang.strip().lower().replace("_", "-").split("-")[0]
    if code in ("und", "zxx", "qme", "qht", "qam", "art"):
        return None
    return code or None
