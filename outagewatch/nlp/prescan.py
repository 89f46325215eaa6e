"""The cheap first look: can this text carry any tag at all?

Most posts a collector sees name nothing in the catalog and say nothing about an outage
("great game last night"). For those the full pipeline (tokenizer, matcher, rules) is
wasted work, so every text first goes through one compiled regex that lower-cases it into
words and a set intersection with the *trigger words*: for every phrase the matcher
knows (a catalog name, a place, a problem or status phrase, a complaint verb form) the
one word of it that must be present for the phrase to match (its longest word). Handles,
hashtags, hosts, region codes, HTTP 5xx codes and CJK text have their own quick checks.

A text with no trigger gets empty tags and only its language; a text with one goes
through the full pipeline, which decides. Generic recovery phrases ("all good", "back to
normal", "restored") are not triggers: without a name or a problem they tag nothing worth
storing, and their words are too common to let them send ordinary posts down the slow path.
A service said to work again in everyday words ("hepsiburada düzeldi", "doet het weer") is
about an outage whatever its name, so those phrases are.
"""

from __future__ import annotations

import functools
import re

from outagewatch.nlp import compounds, inflected, lexicon, operators, sites, verbs
from outagewatch.nlp.pipeline import CJK_RE, FIVE_XX_SEARCH, HTTP_WORDS
from outagewatch.nlp.relevance_rules import STAGE_WORDS
from outagewatch.nlp.resolve import HASHTAG_SUFFIXES
from outagewatch.nlp.vocabulary import Vocabulary, compact, fold

WORD_RE = re.compile(r"\w+")
# In a text of ASCII alone ``\w`` is a letter, a digit or "_": every other byte made a space, the words
# are what ``split()`` gives, the same list as WORD_RE's (1.8 µs against 3.2 for the regex on a mix text).
# A byte from 128 up (of a character beyond ASCII in UTF-8) is made a space too: see words_of.
ASCII_WORD_BYTES = bytes(c if c < 128 and (chr(c).isalnum() or c == 95) else 32 for c in range(256))
OTHER_WORD_CHAR = re.compile(r"[^\W\x00-\x7f]")  # a letter or digit beyond ASCII: part of a word
ASCII_BYTES = bytes(range(128))
# Each character of Latin-1 that ``\w`` matches kept, every other made a space (see words_of).
LATIN1_WORD_BYTES = bytes(c if WORD_RE.fullmatch(chr(c)) else 32 for c in range(256))
CODE_RE = re.compile(r"[a-z]{2,}(?:-[a-z]+)+-?\d")  # us-east-1, europe-west3, us-central1-a
AZ_RE = re.compile(r"\b[a-z]{3,6}\d-az\d")  # an AWS availability zone's id: use1-az4
# Tried only where a host can start (not again at every letter inside one: that was a third of the scan).
TLD_RE = re.compile(r"\.(?:com|net|org|io|co|app|dev|so|cloud|me|tv|ai)\b")
HOST_RE = re.compile(r"(?<![\w.-])([\w-]+(?:\.[\w-]+)*)\.(?:com|net|org|io|co|app|dev|so|cloud|me|tv|ai)\b")
HANDLE_RE = re.compile(r"@\w+")
# A hashtag with a letter in it: one of digits alone (a post's serial, "#24") never names anything, and
# is not even handed to Python.
HASHTAG_RE = re.compile(r"#(\w*[^\W\d]\w*)")
# A code written onto "http" ("http/5023", "HTTP502.5") where FIVE_RE's look-ahead refused it. (The
# matcher's other word, "503s", "5xx errors", is a FIVE_RE match that _five_xx's loop takes itself.)
# Its own regex, led by the literal "http", which `re` finds by a fast search, not by trying every "h".
HTTP_FIVE_XX = re.compile(r"http/?\s?5\d\d")
NOT_TRIGGERS = frozenset({"recovered", "maintenance", "fine"})
# Pieces of contractions and one-letter words: never the word that decides.
HASHTAG_MEMORY = 50_000
TRIVIAL = frozenset({"t", "s", "ll", "re", "ve", "d", "m"})
CONTRACTED = frozenset({"won", "can", "don", "isn", "doesn", "didn", "aren", "wasn", "hasn", "haven", "couldn", "it"})


# Not followed by a digit, nor by "." or "," and a digit ("5.02", "500,000": inside a number; "returning
# 502." is a code), nor after an ASCII digit, "." or "," ("1523", "2.503"): checked by the regex, so the random
# numbers of a post cost no Python loop. (The look-behind after the "5" keeps the regex's search a jump from 5
# to 5. A number it refuses for what stands before it was a match the loop skipped, and no match starts inside
# one: the same codes are read, in the same order.)
FIVE_RE = re.compile(r"5(?<![0-9.,]5)(?:\d\d|xx)(?!\d|[.,]\d)")


def _five_xx(low: str, words: list[str]) -> bool:
    """An HTTP 5xx code as the matcher reads one (FIVE_XX_SEARCH beside an HTTP word, or a word:
    "503s", "5xx errors", "http/502"), found by a plain search for "5dd" with the neighbours checked
    here: the look-behinds made those regexes try every position of every text."""
    for match in FIVE_RE.finditer(low):
        start, end = match.span()
        if not HTTP_WORDS.isdisjoint(words):
            return True
        after = low[end:end + 7]
        if after[:1] == "s" and not after[1:2].isalnum() or after.startswith("error") and \
                not after[5 + (after[5:6] == "s"):][:1].isalnum():
            return True
        before = low[max(0, start - 6):start]
        if match.group()[1:].isdigit() and re.search(r"http/?\s?$", before):
            return True
    return HTTP_FIVE_XX.search(low) is not None if "http" in low else False


def words_of(text: str) -> list[str]:
    """``WORD_RE.findall(text)``: every text's words are read here, most of them in ASCII alone."""
    if text.isascii():
        return text.encode("ascii").translate(ASCII_WORD_BYTES).decode("ascii").split()
    data = text.encode("utf-8", "surrogatepass")
    # The characters beyond ASCII alone (their UTF-8 bytes are all 128 and up): most often an emoji or two, read
    # by the regex instead of the whole text (~1 µs a post with an emoji in it).
    beyond = data.translate(None, ASCII_BYTES).decode("utf-8", "surrogatepass")
    if OTHER_WORD_CHAR.search(beyond) is None:
        # Its only other characters are emoji, symbols, punctuation: no part of a word, so each of their
        # UTF-8 bytes made a space gives the same words (4.2 -> 3.2 µs a post with an emoji in it).
        return data.translate(ASCII_WORD_BYTES).decode("ascii").split()
    if max(beyond) <= "\xff":
        # Latin-1 alone ("störung", "não"): one byte a character, each word character kept (2.4 -> 0.9 µs)
        return text.encode("latin-1").translate(LATIN1_WORD_BYTES).decode("latin-1").split()
    return WORD_RE.findall(text)


@functools.lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from outagewatch.nlp.lang import _stop_words as stop

    return frozenset().union(*(stop(lang) for lang in ("en", "es", "de", "fr", "pt")))


def _key_word(phrase: str) -> str | None:
    """The word of a phrase least likely to be in an ordinary post: not a stop word nor a
    number if it can help it, then the longest ("down again" -> "down", "us-east-1" -> "east")."""
    words = WORD_RE.findall(phrase)
    if not words:
        return None
    stop = _stop_words()
    return max(words, key=lambda w: (w not in stop or w in lexicon.BARE_DOWN, w not in TRIVIAL and w not in CONTRACTED,
                                     not w.isdigit(), len(w)))


# Characters of a post, the commonest first (letters by their English frequency, digits, the punctuation of links): a
# phrase looked for as written is anchored on its rarest character (see _anchored).
COMMON_CHARS = " etaoinsrhl0123456789dcu.mpfgwyb/:vk"


def _anchored(phrases) -> str:
    """One regex that finds any of ``phrases`` where its rarest character is: each phrase as that character, the
    part before it as a look-behind and the part after it, the phrases grouped by that character. A search then
    tries the phrases only at those few characters ("'", ".", "v"), not at every "u" or "d" of a post (1.3 -> 0.7
    µs a post); it finds a phrase wherever the plain alternation of them does."""
    groups: dict[str, list[str]] = {}
    for phrase in phrases:
        at = max(range(len(phrase)), key=lambda i: (COMMON_CHARS.find(phrase[i]) < 0, COMMON_CHARS.find(phrase[i]), -i))
        before, anchor, after = phrase[:at], phrase[at], phrase[at + 1:]
        behind = f"(?<={re.escape(before + anchor)})" if before else ""
        groups.setdefault(anchor, []).append(behind + re.escape(after))
    return "|".join(f"{re.escape(anchor)}(?:{'|'.join(alts)})" for anchor, alts in sorted(groups.items()))


class Prescan:
    def __init__(self, vocab: Vocabulary):
        self.vocab = vocab
        # A built-gazetteer place counts in a text about nothing when said as a place ("in Nürnberg"),
        # unless it is a minor subdivision or an everyday word ("Unity", "Reading", "May"), which the
        # rules tag only beside a problem, whose words are triggers of their own.
        # Nor a short name that is an everyday word first ("lol", "max"): tagged only with its search (whose
        # source sends the text on anyway), its own spelling ("LoL") or a product noun, never alone.
        phrases = [p for p, names in vocab.phrases.items()
                   if any(not (n.kind == "place" and n.gazetteer_only and (n.minor_place or n.everyday_place))
                          and not (n.ambiguous and p in lexicon.NICKNAMES) for n in names)]
        for group in (lexicon.SYMPTOM_PHRASES, lexicon.STATUS_PHRASES):
            phrases.extend(p for label, ps in group.items() if label not in NOT_TRIGGERS for p in ps)
        # A service said to work again in everyday words ("hepsiburada düzeldi", "Allegro już śmiga") is about
        # an outage whatever its name (resolve), so those recoveries are triggers; the generic ones are not.
        phrases.extend(p for p in lexicon.SYMPTOM_PHRASES["recovered"] if p not in lexicon.GENERIC_RECOVERIES)
        # Money taken twice is a failure whatever the name (relevance_rules._money_failure): "twice" and its pairs
        # are triggers
        phrases.extend(w for w in lexicon.TWICE if w.isalpha() and w not in ("doble", "dobro"))
        phrases.extend(" ".join(pair) for pair in lexicon.TWICE_PAIRS)
        single: set[str] = set()
        raw: set[str] = set()
        multi: dict[str, set[frozenset[str]]] = {}
        for phrase in phrases:
            for variant in {phrase.lower(), fold(phrase)}:
                words = set(WORD_RE.findall(variant))
                key = _key_word(variant)
                if not key:
                    continue
                if key.isdigit() or len(key) == 1 and len(words) > 1:
                    raw.add(variant)  # "1.1.1.1", "u.s.": looked for as written
                    continue
                rest = frozenset(words - {key})
                if rest:
                    multi.setdefault(key, set()).add(rest)
                else:
                    single.add(key)
        single.update(code for code in vocab.codes if code.isalnum())
        single.update(inflected.forms(vocab))  # "na netflixie", "instagrama": a name with a case ending
        single.update(w for w in lexicon.BARE_DOWN if w.isalpha())
        single.update(STAGE_WORDS)
        self.single = frozenset(single)
        self.raw = tuple(sorted(raw))
        self.raw_re = re.compile(_anchored(self.raw)) if self.raw else None
        self.multi = {key: tuple(sets) for key, sets in multi.items() if key not in single}
        self.cues = frozenset(w for cue in verbs.cue_words() for w in WORD_RE.findall(cue) if len(w) > 1)
        self.verb_forms = frozenset(w for table in verbs.forms().values() for w in table)
        failing = verbs.failure_forms()
        self.single = self.single | {w for w, (_, alone) in failing.items() if alone}
        # A network operator's name ("Telcel sin señal", "Comcast out"): rare words, read by the rules beside
        # what is said of them (nlp/operators.py); the ones that are words too need a phrase that is a trigger
        self.single = self.single | {w for w in operators.keys() if w.isalnum()}
        # A card refused at the till ("Karte wird überall abgelehnt"): the refusal's word, beside a card's (resolve)
        self.single = self.single | {w for w in lexicon.CARD_REFUSED if w.isalpha() and w not in ("declining",)}
        # An order gone ("Glovo mi ha cancellato l'ordine", "Foodora-ordern bara försvann"): its word, beside the
        # vanishing's (relevance_rules._money_failure)
        self.single = self.single | {w for w in lexicon.ORDER_TRIGGERS if w.isalpha()}
        # An airport by its own name ("op schiphol doen de poortjes het niet", "på arlanda funkar varken ..."): a place
        # the rules read as one (sites.find_airports); its codes are not triggers (three letters are words too)
        self.single = self.single | {w.lower() for w in sites.airport_names() if len(w) > 3 and w.isalpha()}
        self.failure_words = frozenset(failing)
        self.separable_words = verbs.separable_words()
        self.particle_words = frozenset(verbs.PARTICLE_VERBS)
        self.handles = frozenset(h.lstrip("@") for h in vocab.handles)
        self._hashtags: dict[str, bool] = {}
        self._hosts: dict[str, bool] = {}
        # Every word the word checks of _candidate look for, in one set: an ordinary post holds
        # only a few of them, so those checks read a handful of words instead of every word.
        self.watched = self.single.union(self.multi, self.cues, self.verb_forms, verbs.FREQUENT, self.failure_words,
                                         verbs.OBJECT_PRONOUNS, self.separable_words, self.particle_words)

    def candidate(self, text: str) -> bool:
        """False only if the full pipeline could not tag anything in ``text``."""
        return self.clear(text) is None

    def clear(self, text: str) -> list[str] | None:
        """None if ``text`` may carry a tag; else its lower-cased words (for the language vote)."""
        if not text.isascii() and CJK_RE.search(text) is not None:
            # Kana, kanji or hangul: always read by the pipeline, whatever the checks below would say. Told first,
            # the text is not lower-cased and split, nor read by them (~55k instructions a Japanese post).
            return None
        low = text.lower()
        found = words_of(low)
        if self._candidate(text, low, found):
            return None
        return found

    def _candidate(self, text: str, low: str, words: list[str]) -> bool:
        """``words``: the words of ``low`` in order, a text without kana, kanji or hangul (:meth:`clear` sends
        those on first). Most texts are cleared by the checks below without a set of them (its making was a tenth
        of the prescan): only a phrase's other words need one."""
        seen = self.watched.intersection(words)  # the word checks below read only these
        if seen:
            if not self.single.isdisjoint(seen):
                return True
            multi = self.multi
            held = None
            for word in seen:
                sets = multi.get(word)
                if sets:
                    if held is None:
                        held = set(words)
                    if any(rest <= held for rest in sets):
                        return True
            if not self.cues.isdisjoint(seen) and not self.verb_forms.isdisjoint(seen):
                return True  # "won't load", "no carga"
            if not verbs.FREQUENT.isdisjoint(seen) and not self.failure_words.isdisjoint(seen):
                return True  # "ständig abgelehnt"
            if not verbs.OBJECT_PRONOUNS.isdisjoint(seen) and not self.separable_words.isdisjoint(seen):
                return True  # "wirft mich raus"
            if not self.particle_words.isdisjoint(seen):
                held = set(words) if held is None else held
                if any(p in held for p, _ in verbs.PARTICLE_VERBS.values()):
                    return True  # "stürzt ... ab"
        if verbs.TR_GATE.search(low) and any(verbs.TR_NEGATIVE.match(w) for w in words):
            return True  # "açılmıyor"
        if compounds.may_have(text, low):
            written = WORD_RE.findall(text)
            if compounds.compound_symptoms(written, [w.lower() for w in written]):
                return True  # "Großstörung", "ThrottlingException"
        if verbs.turkish_failing(low) and any(w[:3] in ("çök", "don", "kas") and verbs.TR_FAILING.match(w)
                                              for w in words):
            return True  # "çöküyor"
        if self.raw_re is not None and self.raw_re.search(low):
            return True  # "1.1.1.1", "u.s.": one search for all of them
        # A handle's name is one of the text's words (\w+ after "@"): only a text holding a catalog
        # handle's name among its words is read for handles at all.
        if "@" in low and not self.handles.isdisjoint(words) and \
                any(h[1:] in self.handles for h in HANDLE_RE.findall(low)):
            return True
        if "#" in low:
            known = self._hashtags.get
            for tag in HASHTAG_RE.findall(low):
                hit = known(tag)
                if hit is None:
                    hit = self._hashtag(tag)
                if hit:
                    return True
        if "." in low and self._host(low):
            return True
        if "-" in low and (CODE_RE.search(low) or "-az" in low and AZ_RE.search(low)):
            return True  # "us-east-1", "use1-az4"
        if "5" in low and _five_xx(low, words):
            return True  # "503 errors", "HTTP 502", "502s"; not any number from 500 to 599
        return False  # (kana, kanji and hangul: told in clear, before these)

    def _host(self, low: str) -> bool:
        """A host in ``low`` that names a catalog entry or a status page ("githubstatus.com").

        A host (HOST_RE) starts where a run of word characters, dots and hyphens does, so each run
        holds at most one, and only a run with a top-level domain in it (TLD_RE) can: the runs
        around those few places are read, not the whole text at every position (3.4 µs a post with
        a link). Remembered per run: the same hosts come back all day (t.co)."""
        end = 0
        size = len(low)
        for tld in TLD_RE.finditer(low):
            start = tld.start()
            if start < end:
                continue  # in the run just read
            while start and (low[start - 1].isalnum() or low[start - 1] in "_.-"):  # \w is isalnum() or "_"
                start -= 1
            end = tld.end()
            while end < size and (low[end].isalnum() or low[end] in "_.-"):
                end += 1
            run = low[start:end]
            known = self._hosts.get(run)
            if known is None:
                if len(self._hosts) > HASHTAG_MEMORY:
                    self._hosts.clear()
                match = HOST_RE.match(run)
                known = self._hosts[run] = match is not None and (
                    any(compact(label) in self.vocab.compact for label in match.group(1).split(".")) or
                    "status" in match.group(1))
            if known:
                return True
        return False

    def _hashtag(self, tag: str) -> bool:
        """Names a catalog entry, bare or with an outage suffix (#rokudown). Remembered: the same
        hashtags come back all day (#tbt, #gameday), a serial number never names anything."""
        if tag.isdigit():
            return False
        known = self._hashtags.get(tag)
        if known is None:
            if len(self._hashtags) > HASHTAG_MEMORY:
                self._hashtags.clear()
            known = self._hashtags[tag] = self._hashtag_names(tag)
        return known

    def _hashtag_names(self, tag: str) -> bool:
        key = compact(tag)
        if key in self.vocab.compact:
            return True
        return any(key.endswith(s) and key[: -len(s)] in self.vocab.compact for s in HASHTAG_SUFFIXES)

    @staticmethod
    def words(text: str) -> list[str]:
        """Lower-cased words for the language vote of a text that skips the pipeline."""
        return words_of(text.lower())
