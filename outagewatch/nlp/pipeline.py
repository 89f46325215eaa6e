"""The spaCy pipeline: a blank tokenizer tuned for outage chatter plus a matcher.

No statistical model is needed (none can be installed from the package registries and
none is downloaded at run time): a blank multi-language pipeline's tokenizer, with region
codes kept as one token and kana/kanji runs split from Latin words, feeds

- ``outagewatch_matcher``: one PhraseMatcher over every catalog name (lower-cased) and
  the symptom and status vocabulary of :mod:`outagewatch.nlp.lexicon` in six languages,
  plus handles, status-page hosts, hashtags, region codes and HTTP 5xx codes looked up
  token by token, and regexes for Japanese;
- ``outagewatch_lang``: language detection (see :mod:`outagewatch.nlp.lang`).

What the matches mean (evidence, negation, regions) is decided afterwards by
:mod:`outagewatch.nlp.resolve`, which is plain Python and tested on its own.
"""

from __future__ import annotations

import bisect
import operator
import re
from typing import Any

import spacy
from spacy.attrs import LOWER, NORM
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from outagewatch.nlp import absence, affixes, compounds, lexicon, spandocs, verbs
from outagewatch.nlp.elsewhere import SCRIPT_PLACE_LETTER, find_script_places
from outagewatch.nlp.geo import script_places
from outagewatch.nlp.fastre import leading, may_match, needed_chars, windowed_reach, windows
from outagewatch.nlp.lang import _stop_words as lang_stop_words
from outagewatch.nlp.patterns import Patterns
from outagewatch.nlp.vocabulary import (AZ_ID_RE, REGION_CODE_RE, SCRIPT_SEPARATORS, Vocabulary, entries_for_host, fold,
                                        host_of, script_key)
from outagewatch.textrules import CJK_PUNCTUATION, HALFWIDTH_KANA, HAN, HANGUL, KANA

CJK = CJK_PUNCTUATION + KANA + HAN + HALFWIDTH_KANA  # runs split from Latin words by the tokenizer
# Full-width punctuation ("［対応中］Japan West", "（東京）") ends a run too, so a Latin name written
# right after it is a word of its own.
FULLWIDTH_PUNCTUATION = "\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"
CJK_RE = re.compile(f"[{CJK}{HANGUL}]")  # kana, kanji and hangul
HOST_RE = re.compile(r"(?i)^(?:https?://)?((?:[a-z0-9-]+\.)+[a-z]{2,})(?:[/:?#].*)?$")
FIVE_XX_RE = re.compile(r"(?i)^(?:http/?)?5\d\d(?:/5\d\d)*(?:s|errors?)?$|^5xx")
# Not inside a number ("5.02", "500,000"), but a code may end a sentence ("returning 502.").
# A 5 not after a digit, "." or ","; the look-behind after the "5" (the same test) lets the regex
# jump from 5 to 5 instead of trying every position (4 -> 0.3 µs on a post with a link).
FIVE_XX_SEARCH = re.compile(r"(?i)5(?<![\d.,]5)(?:\d\d|xx)(?!\d|[.,]\d)")
# Each with the characters one of which its every match holds (fastre): a post holding none skips it; each
# behind a look-ahead on its matches' first characters (fastre.leading: "problems", ~60 alternatives, read
# every CJK post holding a digit at ~30 µs).
_JA_SYMPTOMS = [(symptom, re.compile(leading("|".join(p))), needed_chars("|".join(p)))
                for symptom, p in lexicon.JA_SYMPTOMS.items()]
_JA_NEGATED = re.compile(leading("|".join(lexicon.JA_NEGATED)))
_JA_NEGATED_NEEDS = needed_chars("|".join(lexicon.JA_NEGATED))
_JA_EVERYDAY = re.compile(leading("|".join(lexicon.JA_EVERYDAY)))
_JA_EVERYDAY_NEEDS = needed_chars("|".join(lexicon.JA_EVERYDAY))
_JA_STATUS = [(stage, re.compile(leading("|".join(p))), needed_chars("|".join(p)))
              for stage, p in lexicon.JA_STATUS.items()]
_JA_PARTIAL = re.compile(leading("|".join(lexicon.JA_PARTIAL)))
_JA_PARTIAL_NEEDS = needed_chars("|".join(lexicon.JA_PARTIAL))
# Every character one of those gates looks for: a post's characters are read as the ones of these it holds (what
# the gates ask of them is the same), found by one scan, not a set of all of them (a CJK post's characters are
# new one-character strings, hashed one by one: _japanese 15 -> 11 µs a CJK post of the mix). None: no regex has
# a gate (a Python without re's parser, see fastre), and no character is read.
_JA_GATE_CHARS = set().union(*(needs for needs in [_JA_NEGATED_NEEDS, _JA_EVERYDAY_NEEDS, _JA_PARTIAL_NEEDS,
                                                   *(n for _, _, n in _JA_SYMPTOMS + _JA_STATUS)] if needs))
_JA_GATED = re.compile("[" + "".join(map(re.escape, sorted(_JA_GATE_CHARS))) + "]" if _JA_GATE_CHARS else "(?!)")
# The regexes `re` tries at every position of a post (no first character it can skip to: a look-behind or an
# optional space first) are read only around the post's runs of kana, kanji and hangul, as far before and after
# each as a match can reach (fastre.windows: the same matches), not over the English, links and emoji around
# them: regex -> its reach, or None (read the whole post). _japanese 122k -> ~50k instructions a CJK post of the mix.
_SCRIPT_LETTER_SET = frozenset(chr(c) for low, high in re.findall("(.)-(.)", KANA + HALFWIDTH_KANA + HAN + HANGUL)
                               for c in range(ord(low), ord(high) + 1))
# (Kept by position, not in a dict: a compiled regex's hash reads its whole byte code each time.)
_JA_NEGATED_REACH = windowed_reach(_JA_NEGATED, _SCRIPT_LETTER_SET)
_JA_EVERYDAY_REACH = windowed_reach(_JA_EVERYDAY, _SCRIPT_LETTER_SET)
_JA_PARTIAL_REACH = windowed_reach(_JA_PARTIAL, _SCRIPT_LETTER_SET)
_JA_SYMPTOMS_REACH = [windowed_reach(regex, _SCRIPT_LETTER_SET) for _, regex, _ in _JA_SYMPTOMS]
_JA_STATUS_REACH = [windowed_reach(regex, _SCRIPT_LETTER_SET) for _, regex, _ in _JA_STATUS]
del _SCRIPT_LETTER_SET

KO_AFTER_LATIN = f"(?<=[A-Za-z0-9])[{HANGUL}]+"
# Turkish writes a name's case ending after an apostrophe ("İstanbul'da", "Netflix'te", "AWS'nin"; "in" with "I
# am"/"we are" on it: "Kadıköy'deyim", "İzmir'deyiz"): split off, so the name is a word of its own. Three letters
# before it keep "don't", "l'app", "qu'a".
TR_ENDINGS = (r"['’](?:[dt][ae]y[ıi][mz]|[dt][ae]n?|[dt][ae]ki|y?[aeıiuü]|n?[ıiuü]n|y?l[ae]|n[ae]|n[dt][ae]n?"
              r"|s[ıiuü]|[dt][ıiuü]r|l[ae]r[a-zçğıöşü]{0,3})")
TR_CASE = r"(?<=[^\W\d_]{3})" + TR_ENDINGS
# And after X, the one short name Turkish news writes so ("X'e erişim sorunu", "X'teki kesinti").
TR_CASE_X = r"(?<=(?<![\w'’])X)" + TR_ENDINGS

# The components share their results through ``doc.user_data`` under these keys (plain dict
# access: spaCy's ``doc._`` costs microseconds per access, which matters at 15k texts/s).
WORDS, NAMES, SYMPTOMS, LANG, LANG_HINT = "ow_words", "ow_names", "ow_symptoms", "ow_lang", "ow_lang_hint"
TEXT = "ow_text"
LANG_SAMPLE = "ow_lang_sample"  # words the language model still has to read (see lang.quick)


def text_of(doc: Doc) -> str:
    """The doc's text, kept by the tagger when it made the doc (``doc.text`` re-joins tokens)."""
    text = doc.user_data.get(TEXT)
    if text is None:
        text = doc.user_data[TEXT] = doc.text
    return text


def doc_words(doc: Doc) -> tuple[list[str], list[str]]:
    """(texts, lower-cased texts) of the tokens, computed once per doc and shared by the
    matcher, the language vote and the resolver (spaCy's ``token.lower_`` is a string-store
    look-up per call; this is one pass)."""
    cached = doc.user_data.get(WORDS)
    if cached is None:
        texts = [t.text for t in doc]
        cached = doc.user_data[WORDS] = (texts, [t.lower() for t in texts])
    return cached


# French and Italian elide an article or preposition onto a name: "d'Instagram", "l'Azure",
# "dell'AWS". Parted only before a capital, which is a name's: "n'envoie", "l'app" stay one token.
ELISION = r"(?:[dDlLjJ]|[dDnNsS]ell|[aA]ll|[dD]all|[sS]ull|[qQ]u)['’](?=[A-ZÀ-ÖØ-Þ])"
CODE_HYPHEN = r"(?<=[A-Z][0-9])-(?=[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ])"
# A region code written against CJK text or a bracket with no space ("ap-northeast-1のS3",
# "asia-northeast3(서울)의"): split off whole before the hyphens are, so it stays one token.
CODE_BEFORE_CJK = rf"[a-zA-Z]{{2,}}(?:-[a-zA-Z]+)+-?\d{{1,2}}[a-z]?(?=[{CJK}{HANGUL}(（])"
CODE_AFTER_CJK = rf"(?<=[{CJK}])[a-zA-Z]{{2,}}(?:-[a-zA-Z]+)+-?\d{{1,2}}[a-z]?(?![a-zA-Z0-9-])"  # "GCPのasia-northeast1で"


TOKEN_CACHE = 300_000  # pieces whose split spaCy's tokenizer remembers (its default is 10,000)


def make_nlp(base: str = "xx") -> Language:
    """A blank pipeline (or a user's installed model) with outagewatch's tokenizer rules."""
    spandocs.install()  # every Doc's span groups made for less (spandocs)
    nlp: Any  # a Language: its tokenizer's rules, which spaCy's stubs do not declare, are set below
    if base in ("xx", "en") or len(base) <= 3:
        nlp = spacy.blank(base)
        # A new word's lexeme gets every attribute getter's value when first seen (shape, like_url,
        # is_stop...: ~20 Python calls, a third of the tokenizer's time on texts full of new
        # numbers and links). The pipeline reads only the text and the lower case (the matcher's
        # attribute), so a blank pipeline computes only those.
        nlp.vocab.lex_attr_getters = {LOWER: str.lower, NORM: str.lower}
    else:  # a statistical model the user installed themselves; never downloaded here
        nlp = spacy.load(base, exclude=["lemmatizer", "textcat"])
    default_match = nlp.tokenizer.token_match

    def token_match(text: str):
        return REGION_CODE_RE.match(text) or default_match(text)

    # The tokenizer calls this for every new word: the regex's own method when there is no other
    # rule to try (the blank pipelines have none) spares a Python call each time.
    nlp.tokenizer.token_match = token_match if default_match else REGION_CODE_RE.match
    url_match = nlp.tokenizer.url_match
    if getattr(url_match, "__self__", None).__class__ is re.Pattern:  # the rule a blank pipeline ships: see Needing
        nlp.tokenizer.url_match = affixes.Needing(url_match.__self__).match
    # A run of kana/kanji is its own token wherever it is ("AWSの障害", "東京リージョンでAWS").
    # A hyphen between a product code and a word ("EC2-Instanzen", "S3-Bucket") parts them, as the
    # default rules already part two words ("Steam-Downloads").
    # Each regex as spaCy's compile_*_regex joins the rules, tried only where it can match (affixes:
    # the same splits, a third of the tokenizer's time less on new numbers, links and words).
    infixes = [CODE_AFTER_CJK] + list(nlp.Defaults.infixes or ()) + [f"[{CJK}{FULLWIDTH_PUNCTUATION}]+", CODE_HYPHEN]
    nlp.tokenizer.infix_finditer = affixes.infixes(infixes).finditer
    nlp.tokenizer.prefix_search = affixes.prefixes([CODE_BEFORE_CJK] + list(nlp.Defaults.prefixes or ()) + [
        f"[{CJK}{FULLWIDTH_PUNCTUATION}]+", ELISION]).search
    # Korean writes its particles onto a Latin name too ("notion으로", "AWS에서", "Netflix가"): parted off, as
    # Turkish case endings are, so the name is a word of its own.
    nlp.tokenizer.suffix_search = affixes.suffixes(list(nlp.Defaults.suffixes or ()) + [
        f"[{CJK}{FULLWIDTH_PUNCTUATION}]+", TR_CASE, TR_CASE_X, KO_AFTER_LATIN]).search
    # spaCy remembers how it split each piece between spaces, but only its first 10,000 pieces: posts full
    # of new numbers, links and serials fill that within minutes, and every word first met after it ("is",
    # "again", "outage") goes through the prefix, suffix and infix rules again each time (~10 µs a post).
    # A remembered split is the one the rules give (spaCy does not keep one a special case touched).
    nlp.tokenizer.max_cache_size = TOKEN_CACHE
    return nlp


ELIDED_LOWER = re.compile(r"^((?:d|l|j|dell|nell|sell|all|dall|sull|qu)['\u2019])(\w.*)$")


def _elided(nlp: Language, pattern: Doc) -> list[Doc]:
    """A name with an elided article inside ("Europe de l'Ouest", "Valle d'Aosta") as a text writes it with
    its capital: the tokenizer parts "l'" from "Ouest" there (``ELISION``), not in the lower-case pattern."""
    words = [t.text for t in pattern]
    if not any(ELIDED_LOWER.match(w) for w in words):
        return []
    split: list[str] = []
    for word in words:
        m = ELIDED_LOWER.match(word)
        split += [m.group(1), m.group(2)] if m else [word]
    return [Doc(nlp.vocab, words=split)]


def _variants(phrase: str) -> set[str]:
    out = {phrase, fold(phrase)}
    for p in list(out):
        if "'" in p:
            out.add(p.replace("'", "\u2019"))
    return out


def pattern_texts(vocab: Vocabulary) -> set[str]:
    """Every text :class:`Matcher` makes a pattern of (the table of :mod:`outagewatch.nlp.patterns`)."""
    texts = set(_by_variant(vocab.phrases))
    for table in (lexicon.SYMPTOM_PHRASES, lexicon.STATUS_PHRASES):
        texts.update(v for phrases in table.values() for p in phrases for v in _variants(p))
    return texts


def _by_variant(phrases: dict[str, list]) -> dict[str, list]:
    """One match key per written form: "Berlin" and "Berlín" both match "berlin", and the
    token gets every name either stands for (the hand-kept place over a built duplicate)."""
    merged: dict[str, list] = {}
    for phrase, names in phrases.items():
        for variant in _variants(phrase):
            held = merged.setdefault(variant, [])
            held.extend(n for n in names if n not in held)
    for variant, names in merged.items():
        if any(n.kind == "place" and not n.gazetteer_only for n in names):
            names = merged[variant] = [n for n in names if not (n.kind == "place" and n.gazetteer_only)]
        # "Valencia" is the Spanish city as written; "Valência" (the Venezuelan one in Portuguese)
        # only folds to it. A place written exactly so wins over places that only fold to the words.
        places = [n for n in names if n.kind == "place"]
        if len(places) > 1 and len({n.geo for n in places}) > 1:
            exact = [n for n in places if n.written.lower().replace("\u2019", "'") == variant.replace("\u2019", "'")]
            if exact and len(exact) < len(places):
                merged[variant] = [n for n in names if n.kind != "place" or n in exact]
    return merged


class Matcher:
    """One pass of one PhraseMatcher over catalog names, symptoms and status phrases, then
    targeted scans for handles, hashtags, hosts, region/zone codes, HTTP 5xx and Japanese.

    One matcher over the union is cheaper than one per vocabulary (a single walk of the
    doc), and the whole-text checks keep the token loops off the texts that cannot match.
    """

    def __init__(self, nlp: Language, vocab: Vocabulary, *, blank: bool = False):
        """``blank``: ``nlp`` is ``make_nlp("xx")``, whose tokenizer the shipped pattern table was
        built with (:mod:`outagewatch.nlp.patterns`); any other pipeline tokenizes every pattern."""
        self.vocab = vocab
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        strings = nlp.vocab.strings
        patterns = Patterns(nlp, blank)
        # match key -> ("name", [Name...]) | ("sym", symptom) | ("st", stage)
        self.keys: dict[int, tuple[str, object]] = {}
        by_variant = _by_variant(vocab.phrases)
        # The places (~50k of the ~56k names: the gazetteer's countries, subdivisions, cities, towns and their
        # forms) are looked up by their words in two dicts instead (``place_words``, ``place_phrases``): in the
        # PhraseMatcher each cost ~2 KB (its trie's nodes, a set of its words, a lexeme for its key and for each
        # new word), ~100 MB in all. Looked up word by word they match exactly where the matcher would (the same
        # words, lower-cased as its LOWER attribute is), so the spans are the same; a name whose words another
        # name's share, or one with an apostrophe (its elided form), stays in the matcher, so no two spans of the
        # same words come from the two ways in an order the matcher would not give.
        texts = list(by_variant)
        words = dict(zip(texts, patterns.words(texts)))
        shared: dict[tuple[str, ...], int] = {}
        for variant in texts:
            key_words = tuple(w.lower() for w in words[variant])
            shared[key_words] = shared.get(key_words, 0) + 1
        looked_up: dict[str, tuple[str, ...]] = {}
        for variant, names in by_variant.items():
            key_words = tuple(w.lower() for w in words[variant])
            if key_words and shared[key_words] == 1 and "'" not in variant and "\u2019" not in variant \
                    and all(n.kind == "place" for n in names):
                looked_up[variant] = key_words
        del words, shared
        # Each place by one of its words: no stop word if it can help it, then the one fewest of the places have
        # (a word of their own: "hague" of "the hague", "york" of "new york"), so that a text's "the", "new", "de" or
        # "with" looks up nothing: that word ->
        # (the names of the one-word place, the (offset of the word, length) of the longer places it is in).
        stop = frozenset().union(*(lang_stop_words(lang) for lang in ("en", "es", "de", "fr", "pt")))
        often: dict[str, int] = {}
        for key_words in looked_up.values():
            for w in set(key_words):
                often[w] = often.get(w, 0) + 1
        self.place_words: dict[str, tuple[list | None, tuple[tuple[int, int], ...]]] = {}
        # the words of a place of two words or more -> (where its own word is in them, its names)
        self.place_phrases: dict[tuple[str, ...], tuple[int, list]] = {}
        for variant, key_words in looked_up.items():
            if len(key_words) == 1:
                word = key_words[0]
                one, spots = self.place_words.get(word, (None, ()))
                self.place_words[word] = (by_variant[variant], spots)
                continue
            at = min(range(len(key_words)),
                     key=lambda i: (key_words[i] in stop, often[key_words[i]], -len(key_words[i]), i))
            word = key_words[at]
            one, spots = self.place_words.get(word, (None, ()))
            self.place_phrases[key_words] = (at, by_variant[variant])
            self.place_words[word] = (one, tuple(sorted({*spots, (at, len(key_words))})))
        often, stop = {}, frozenset()  # freed (not del: the key above holds them, which mypyc cannot delete)
        # All other names at once: the ones the table lacks in one tokenizer pass (a quarter
        # faster than a call per name).
        kept = [variant for variant in texts if variant not in looked_up]
        del looked_up
        for variant, pattern in zip(kept, patterns.docs(kept)):
            names = by_variant[variant]
            key = f"name:{variant}"
            self.keys[strings.add(key)] = ("name", names)
            # An elision needs an apostrophe: the other ~95% of the names skip the word-by-word look.
            elided = _elided(nlp, pattern) if "'" in variant or "\u2019" in variant else ()
            self.matcher.add(key, [pattern, *elided])
        for group, table in (("sym", lexicon.SYMPTOM_PHRASES), ("st", lexicon.STATUS_PHRASES)):
            for label, phrases in table.items():
                key = f"{group}:{label}"
                self.keys[strings.add(key)] = (group, label)
                self.matcher.add(key, [patterns.doc(v) for p in phrases for v in _variants(p)])
        self.area_words = {word: label for label, words in lexicon.AREA_WORDS.items() for word in words}
        self.cues = verbs.cue_words()
        self.failure_words = frozenset(verbs.failure_forms())
        self.separable_words = verbs.separable_words()
        self.particle_words = frozenset(verbs.PARTICLE_VERBS)
        self.absence_words = absence.cue_words()
        # Every word the word checks of __call__ look for, in one set: a text holds only a few of
        # them, so each check then reads those few instead of every word of the text again.
        self.watched = frozenset().union(self.cues, self.failure_words, self.separable_words, self.particle_words,
                                         self.absence_words, self.area_words)
        self.gate = _word_gate(self.place_words, self.watched, verbs.AGAIN_WORDS, vocab.codes, vocab.state_codes,
                               vocab.lower_city_codes)
        # A big city abroad in katakana or hangul ("ソウル", "뉴욕") is looked up by its word, not by the regex of
        # the names found inside runs of CJK text: a katakana one is a whole katakana run, a hangul one begins a
        # word (``elsewhere.find_script_places``); the ~1,200 of them in the regex cost a Japanese or Korean text
        # ~25 µs.
        abroad = script_places()
        cjk = sorted((p for p in vocab.cjk_phrases if p not in abroad), key=lambda p: (-len(p), p))
        self.cjk_names = re.compile(_by_first_character(cjk)) if cjk else None
        self.script_places = {p: vocab.cjk_phrases[p] for p in abroad if p in vocab.cjk_phrases}
        self.script_names = ScriptNames(vocab.script_names)
        self._hosts: dict[str, tuple[str, ...] | None] = {}

    def __call__(self, doc: Doc) -> Doc:
        vocab = self.vocab
        keys = self.keys
        spans, symptoms, stages = [], [], []
        for key, start, end in self.matcher(doc):
            group, payload = keys[key]
            if group == "name":
                spans.append((start, end, payload))
            elif group == "sym":
                symptoms.append((start, end, payload))
            else:
                stages.append((start, end, payload))
        texts, lowers = doc_words(doc)
        # Which of the word tables below hold any of the words, read in one look-up a word (see _word_gate)
        gate = self.gate
        found = gate.keys() & lowers
        held = 0
        for word in found:
            held |= gate[word]
        if held & _PLACE:
            spans.extend(self._places(lowers))
        if len(spans) > 1:
            spans = _longest(spans)
        seen = self.watched.intersection(found) if held & _WATCHED else _NOTHING
        if seen and not self.cues.isdisjoint(seen):  # "won't load", "hasn't synced", "no carga"
            symptoms.extend(verbs.complaints(lowers, seen))
        if held & _AGAIN:  # "syncing again", "doet het weer", "znowu gra"
            symptoms.extend(verbs.working_again(lowers, found))
        raw = text_of(doc)
        low = raw.lower()
        if verbs.TR_GATE.search(raw):  # "açılmıyor"
            symptoms.extend(verbs.turkish(lowers))
        if seen and not self.separable_words.isdisjoint(seen):
            symptoms.extend(verbs.separable(lowers))  # "wirft mich ständig raus"
        if seen and not self.failure_words.isdisjoint(seen) or verbs.turkish_failing(low):
            symptoms.extend(verbs.failures(lowers))  # "crasht", "ciągle mnie wylogowuje", "çöküyor"
        if seen and not self.particle_words.isdisjoint(seen):
            symptoms.extend(verbs.particle_verbs(lowers))  # "Teams stürzt bei jedem Call ab"
        if compounds.may_have(raw, low):
            symptoms.extend(compounds.compound_symptoms(texts, lowers))  # "Großstörung", "ThrottlingException"
        if spans and seen and not self.absence_words.isdisjoint(seen):
            symptoms.extend(absence.absences(lowers, spans))  # "lost Sky and Netflix", "kein Netflix mehr"
        if len(symptoms) > 1:
            symptoms = _longest(symptoms)
        handles, hosts, hashtags, ja = [], [], [], []
        codes: list[tuple[int, str]] = []
        areas: list[tuple[int, str]] = []
        if "@" in raw:
            for i in [i for i, t in enumerate(texts) if t[0] == "@"]:
                entry = vocab.handles.get(lowers[i].rstrip(".:,!?"))
                if entry:
                    handles.append((i, entry))
        if "#" in raw:
            for i in [i for i, t in enumerate(texts) if t[0] == "#"]:
                t = texts[i]
                if len(t) > 1:
                    hashtags.append((i, t[1:]))
                elif i + 1 < len(texts) and "#" + texts[i + 1] in raw:
                    hashtags.append((i + 1, texts[i + 1]))
        if "." in raw:
            for i in [i for i, t in enumerate(texts) if "." in t and len(t) > 3]:
                match = HOST_RE.match(texts[i])
                if match:
                    entries = self._host_entries(match.group(1).lower())
                    if entries:
                        hosts.append((i, entries))
        codes_table = vocab.codes
        if held & _CODE:
            codes.extend((i, codes_table[lowers[i]]) for i in verbs.positions(lowers, codes_table.keys() & found))
        if "-" in raw:
            for i in [i for i, t in enumerate(texts) if "-" in t and t[-1:].isalnum()]:
                if lowers[i] not in codes_table and REGION_CODE_RE.match(texts[i]):
                    region = _zone_region(lowers[i], vocab)
                    if region:
                        codes.append((i, region))
                elif "-az" in lowers[i]:  # "use1-az4": an AWS availability zone's id, its region
                    zone = AZ_ID_RE.match(lowers[i])
                    region = vocab.zone_ids.get(zone.group(1)) if zone else None
                    if region:
                        codes.append((i, region))
        if "5" in raw and FIVE_XX_SEARCH.search(raw):
            for i, low in enumerate(lowers):
                if (low[:1] == "5" or low[:5] == "http/") and FIVE_XX_RE.match(low) and _http_context(lowers, i):
                    symptoms.append((i, i + 1, "5xx"))
        state_codes = vocab.state_codes
        # "in TX": capitals, in mixed-case text, not inside a name in capitals ("AL FAHAD")
        if held & _STATE and not state_codes.keys().isdisjoint(texts) and not raw.islower() and not raw.isupper():
            n = len(texts)
            spans.extend((i, i + 1, state_codes[t]) for i, t in enumerate(texts)
                         if 1 < len(t) < 5 and t in state_codes and not (i + 1 < n and _capitals(texts[i + 1])))
        lower_codes = vocab.lower_city_codes
        # "no service in atl": a big city's code in lower case (the rules take it only said plainly as a place)
        if held & _LOWER_CODE and not lower_codes.keys().isdisjoint(texts) and not raw.isupper():
            spans.extend((i, i + 1, lower_codes[t]) for i, t in enumerate(texts) if t in lower_codes)
        area_words = self.area_words
        if seen and not area_words.keys().isdisjoint(seen):
            areas.extend((i, area_words[lowers[i]]) for i in verbs.positions(lowers, area_words.keys() & seen))
        if not raw.isascii() and CJK_RE.search(raw):
            runs = [m.span() for m in SCRIPT_LETTERS.finditer(raw)]  # read by both, once
            ja = _japanese(raw, runs)
            spans.extend(self.script_names.spans(raw, doc, runs))  # "ネトフリ", "넷플이", "구글 드라이브", "チャットGPT"
            # Each table's words are read only where the whole text holds a match of it at all (one scan of the
            # text, which `re` skips through to a name's first character or to katakana or hangul; a word is part
            # of the text, so no word holds what the text does not): most Japanese and Korean posts name nothing,
            # and the word-by-word reads cost ~80k instructions a post (the mix's: none names a city this way).
            if self.cjk_names is not None and self.cjk_names.search(raw) is not None:
                # Leftmost-longest, without overlaps: "東京都" is Tokyo, not also "京都" (Kyoto).
                for i, text in enumerate(texts):
                    if not text.isascii() and CJK_RE.search(text):
                        spans.extend((i, i + 1, vocab.cjk_phrases[m.group()]) for m in self.cjk_names.finditer(text)
                                     if not _inside_word(text, m.start(), m.end()))
            if self.script_places and SCRIPT_PLACE_LETTER.search(raw) is not None:
                spans.extend((i, i + 1, self.script_places[name]) for i, name in find_script_places(texts)
                             if name in self.script_places)  # "ソウルで", "뉴욕에서"
        doc.user_data[NAMES] = (spans, handles, hosts, hashtags, codes)
        doc.user_data[SYMPTOMS] = (symptoms, stages, areas, ja)
        return doc

    def _places(self, lowers: list[str]) -> list[tuple]:
        """The places of ``place_words`` and ``place_phrases`` in the words, as the PhraseMatcher would find them
        (in another order: the caller sorts them)."""
        found = []
        place_words, place_phrases = self.place_words, self.place_phrases
        n = len(lowers)
        for word in place_words.keys() & lowers:  # most often one word, once: found by list.index, not a loop
            i = -1
            for _ in range(lowers.count(word)):
                i = lowers.index(word, i + 1)
                one, spots = place_words[word]
                if one is not None:
                    found.append((i, i + 1, one))
                for at, length in spots:
                    start = i - at
                    if start >= 0 and start + length <= n:
                        phrase = place_phrases.get(tuple(lowers[start:start + length]))
                        # found by its own word only: "n. virginia" by "n.", not also by the "virginia" of
                        # "west virginia"
                        if phrase is not None and phrase[0] == at:
                            found.append((start, start + length, phrase[1]))
        return found

    def _host_entries(self, written: str) -> tuple[str, ...] | None:
        """The catalog entries a host stands for, remembered: the same hosts come back all day
        (t.co, bit.ly, a status page), and parsing one costs ~10 µs."""
        found: Any = self._hosts.get(written, self)  # (self: not met yet)
        if found is self:
            host = host_of(written)
            entries = entries_for_host(vocab=self.vocab, host=host) if host else None
            found = tuple(entries) if entries else None
            if len(self._hosts) >= HOST_MEMORY:
                self._hosts.clear()
            self._hosts[written] = found
        return found


HOST_MEMORY = 50_000

_PLACE, _WATCHED, _AGAIN, _CODE, _STATE, _LOWER_CODE = 1, 2, 4, 8, 16, 32
_NOTHING: frozenset[str] = frozenset()


def _word_gate(place_words, watched, again, codes, state_codes, lower_codes) -> dict[str, int]:
    """Each word of the matcher's word tables -> which of them hold it (one bit a table). A text's lower-cased
    words are looked up in this one dict, not in each table in turn: six probes a word of a named text, most of
    them cache misses in tables of ~50,000 words, became one. A table's bit set is only a gate: the check it
    opens reads its table as before. The capitals' state codes ("TX") and the lower-case city codes ("atl") are
    matched against the words as written; a word equal to one lower-cased is its lower-cased key here."""
    gate: dict[str, int] = {}
    for bit, words in ((_PLACE, place_words), (_WATCHED, watched), (_AGAIN, again), (_CODE, codes),
                       (_STATE, [w.lower() for w in state_codes]), (_LOWER_CODE, [w.lower() for w in lower_codes])):
        for word in words:
            gate[word] = gate.get(word, 0) | bit
    return gate


def _by_first_character(phrases: list[str]) -> str:
    """The alternation of ``phrases`` (longest first), each after its first character once: "東(?:京都|京)|...".
    `re` tries the alternatives of a position one after another; grouped, it reads one per first character there
    is (~360), not one per name (~1,200), at each character of a CJK run that may start a name (10 -> 3 µs a
    Japanese post). The same matches: at a position only the group of its character can match, and in it the
    names keep their order."""
    groups: dict[str, list[str]] = {}
    for phrase in phrases:
        groups.setdefault(phrase[0], []).append(re.escape(phrase[1:]))
    return "|".join(f"{re.escape(first)}(?:{'|'.join(rest)})" for first, rest in groups.items())
_start = operator.itemgetter(0)


def _capitals(word: str) -> bool:
    return len(word) > 1 and word.isupper() and word.isalpha()


HONORIFICS = ("さん", "様", "くん", "君", "ちゃん", "氏", "先生", "씨", "님")


KATAKANA_RE = re.compile("[\u30a0-\u30ff]")
MIDDLE_DOT = "\u30fb"
# A product noun written straight after a katakana name, in katakana too ("マイクラサーバー", "ネトフリアプリ").
KATAKANA_PRODUCT_NOUNS = ("サーバー", "サーバ", "アプリ", "アカウント", "ストア", "ログイン", "クライアント", "ランチャー")
HANGUL_RE = re.compile(f"[{HANGUL}]")
HANGUL_WORD = re.compile(f"[{HANGUL}]*")
# What Korean writes after a noun in the same word: case and topic particles, "too", "only", "to/from", a
# copula. A short name is found only with nothing after it or one or two of these ("넷플이", "노션으로",
# "디코에서도"); other syllables make it part of another word ("롤러코스터", "마크다운", "디코딩").
KO_PARTICLES = frozenset("""
이 가 은 는 을 를 도 에 의 로 와 과 랑 만 나 야 아 요 엔 서 께 들 처럼 보다 까지 부터 마저 조차 밖에 뿐 같이 한테 에게 께서
에서 에선 으로 이랑 하고 이나 이요 이야 이고 이며 이라 인데 인가 인가요 이죠 죠 예요 이에요 임 이랑 에는 에도 이라고 라고
""".split())
LONG_HANGUL_NAME = 3  # syllables: a name this long is no part of an everyday word whatever follows ("넷플릭스오리지널")


def _particles(rest: str) -> bool:
    """``rest`` (the hangul after a name in its word) is nothing, or one or two particles."""
    if not rest or rest in KO_PARTICLES:
        return True
    return any(rest[:k] in KO_PARTICLES and rest[k:] in KO_PARTICLES for k in range(1, len(rest)))


class ScriptNames:
    """Catalog names written in kana or hangul, found anywhere in a text (no spaces part Japanese
    words, and Korean writes particles onto a name), leftmost-longest, with the spaces and middle
    dots between a name's words optional ("구글드라이브", "リーグオブレジェンド").

    A match counts where it is a word of its own in its script: a katakana name not inside a
    longer katakana word ("スイッチ" in "スイッチオンライン" is the longer name, "タイ" in
    "タイムライン" nothing), a hangul name at the start of its word with only particles after it
    (unless the name is long), a Latin part not inside a Latin word ("Gメール", not "SGメール")."""

    def __init__(self, names: dict[str, list]):
        self.names = names
        alternatives = []
        latin_heads = set()  # a name that starts in Latin letters: its regex up to its first other character
        # How far a match can reach (its length, with a separator at each break) and how far into it its first
        # kana, kanji or hangul letter can be: see :meth:`_windows`. None: a name without one (none today).
        self._length: int | None = 0
        self._reach: int | None = 0
        for key in sorted(names, key=lambda k: (-len(k), k)):
            # Where a separator may stand: where the catalog wrote one ("구글 드라이브"), and where the
            # script changes ("Google ドライブ", "Googleドライブ", "チャット GPT").
            breaks = set()
            for nm in names[key]:
                at = 0
                for part in SCRIPT_SEPARATORS.split(nm.written.lower())[:-1]:
                    at += len(part)
                    breaks.add(at)
            breaks.update(i for i in range(1, len(key)) if key[i].isascii() != key[i - 1].isascii())
            parts = [(SEPARATOR if i in breaks else "") + re.escape(ch) for i, ch in enumerate(key)]
            alternatives.append("".join(parts))
            letter = SCRIPT_LETTER.search(key)
            if letter is None or self._reach is None or self._length is None:
                self._reach = self._length = None
            else:
                self._length = max(self._length, len(key) + len(breaks))
                self._reach = max(self._reach, letter.start() + sum(1 for i in breaks if i <= letter.start()))
            if key[0].isascii():
                other = next((i for i, ch in enumerate(key) if not ch.isascii()), len(key) - 1)
                latin_heads.add("".join(parts[:other + 1]))
        # A look-ahead on the names' first letters lets the regex skip every other position at once instead of
        # trying ~250 alternatives there (11 -> 2.5 µs a Japanese or Korean post). A name that starts in Latin
        # letters ("Googleドライブ", "Gメール", "AWSコンソール") is looked for only where its Latin head and the
        # character after it are: its first letter alone ("a", "g", "s") let every English word in a mixed post
        # try the alternatives (~12 µs a Japanese post with English in it). Each is a prefix of its alternative,
        # so a position it skips is one where no name starts: the same matches.
        firsts = sorted({k[0] for k in names} | {k[0].upper() for k in names})
        others = "".join(re.escape(ch) for ch in firsts if not ch.isascii())
        heads = "|".join(([f"[{others}]"] if others else []) + sorted(latin_heads))
        # (the first letters' class first: `re` scans for it on its own, the heads are read only where it is)
        self.regex = re.compile(f"(?=[{''.join(map(re.escape, firsts))}])(?={heads})(?:{'|'.join(alternatives)})",
                                re.IGNORECASE) if alternatives else None

    def spans(self, raw: str, doc: Doc, runs: list[tuple[int, int]] | None = None) -> list[tuple[int, int, list]]:
        """(first token, end token, names) of each name in ``raw`` (the doc's text); ``runs``: the spans of
        SCRIPT_LETTERS in ``raw``, where the caller has them."""
        if self.regex is None:
            return []
        found = []
        starts = None
        for m in self._finditer(raw, runs):
            a, b = m.span()
            names = self.names.get(script_key(m.group()))
            if not names or not _own_word(raw, a, b, names[0].written):
                continue
            if starts is None:
                starts = [t.idx for t in doc]
            first = bisect.bisect_right(starts, a) - 1
            last = bisect.bisect_right(starts, b - 1) - 1
            found.append((max(first, 0), last + 1, names))
        return found

    def _finditer(self, raw: str, runs: list[tuple[int, int]] | None = None):
        """``self.regex.finditer(raw)``, read only in windows around the text's kana, kanji and hangul.

        Every name holds such a letter, which no other character matches (they have no case), at most
        ``_reach`` characters into its match, and a match is at most ``_length`` long. So no match starts more
        than ``_reach`` before a run of them, and none ends ``_length`` or more after one: the regex is read from
        ``_reach`` before each run to ``_length`` after it (the windows of runs that close merged into one), not
        over the English, links and emoji around them, where its look-ahead on the first letters is tried at
        every position (~15k instructions a Japanese post of the mix). The same matches: within a window every
        attempt reads only characters inside it, the regex has nothing that looks behind, nor at the text's end,
        and windows are further apart than any match is long, so none overlaps one found before."""
        if self._reach is None or self._length is None:
            yield from self.regex.finditer(raw)  # type: ignore[union-attr]  # (spans calls this only with one)
            return
        reach, length, regex = self._reach, self._length, self.regex
        low = high = -1
        for start, end in runs if runs is not None else (m.span() for m in SCRIPT_LETTERS.finditer(raw)):
            if high >= 0 and start - reach > high:
                yield from regex.finditer(raw, low, high)  # type: ignore[union-attr]
                high = -1
            if high < 0:
                low = max(start - reach, 0)
            high = end + length
        if high >= 0:
            yield from regex.finditer(raw, low, high)  # type: ignore[union-attr]


SEPARATOR = "[\\s\u30fb\u00b7]?"
# The letters every catalog name in kana or hangul holds one of, and which no other character matches under
# IGNORECASE (they have no case): ScriptNames reads the text only around them.
SCRIPT_LETTER = re.compile(f"[{KANA}{HALFWIDTH_KANA}{HAN}{HANGUL}]")
# (A letter, then any more: the same runs as "[...]+", but `re` skips through the text to a letter in C instead of
# trying the pattern at every position of the English, links and emoji around them.)
SCRIPT_LETTERS = re.compile(f"[{KANA}{HALFWIDTH_KANA}{HAN}{HANGUL}][{KANA}{HALFWIDTH_KANA}{HAN}{HANGUL}]*")


def _own_word(raw: str, a: int, b: int, written: str) -> bool:
    """The name at raw[a:b] is a word of its own there (see :class:`ScriptNames`)."""
    first, last = raw[a], raw[b - 1]
    before = raw[a - 1] if a else ""
    after = raw[b] if b < len(raw) else ""
    if first.isascii() and first.isalnum() and before.isascii() and before.isalnum() and before:
        return False  # "SGメール": inside a Latin word
    if last.isascii() and last.isalnum() and after.isascii() and after.isalnum() and after:
        return False
    if KATAKANA_RE.match(first) and before and KATAKANA_RE.match(before) and before != MIDDLE_DOT:
        return False  # "ズーム" in "オートズーム"
    if KATAKANA_RE.match(last) and after and KATAKANA_RE.match(after) and after != MIDDLE_DOT \
            and not raw.startswith(KATAKANA_PRODUCT_NOUNS, b):
        return False  # "ズーム" in "ズームイン", "タイ" in "タイムライン"; "マイクラサーバー" is the game's server
    if raw.startswith(HONORIFICS, b):
        return False  # "アレクサさん": a person
    if HANGUL_RE.match(first) and before and HANGUL_RE.match(before):
        return False  # a Korean word starts with the name, it does not end with it ("아줌마")
    if HANGUL_RE.match(last):
        rest = HANGUL_WORD.match(raw, b).group()  # type: ignore[union-attr]  # ("*": a match everywhere)
        syllables = len(HANGUL_WORD.match(written.replace(" ", "")).group())  # type: ignore[union-attr]
        if rest and not (syllables >= LONG_HANGUL_NAME and written.lower() not in lexicon.COMMON_WORDS_CJK) \
                and not _particles(rest):
            return False  # "롤러코스터", "마크다운", "디코딩", "아마존강"
    return True


def _inside_word(text: str, start: int, end: int) -> bool:
    """Not a name here: "山口さん" (a surname, then an honorific) or "タイ" inside "タイムライン"
    (katakana runs on within one word; a katakana name must stand alone in its run)."""
    if text.startswith(HONORIFICS, end):
        return True
    if KATAKANA_RE.match(text[start]):
        return bool(start and KATAKANA_RE.match(text[start - 1]) or end < len(text) and KATAKANA_RE.match(text[end]))
    return False


def _japanese(text: str, runs: list[tuple[int, int]] | None = None) -> list[str]:
    """Symptoms and stages in Japanese text, by regex; "~talk" marks a negated report. ``runs``: the text's runs of
    kana, kanji and hangul (SCRIPT_LETTERS' spans), where the caller has them."""
    found = []
    chars = set(_JA_GATED.findall(text))  # a regex none of whose needed characters is here cannot match (fastre)

    def finditer(regex: re.Pattern, reach: int | None):
        """``regex.finditer(text)``, read only in the windows around the runs where the regex has a reach."""
        nonlocal runs
        if reach is None:
            return regex.finditer(text)
        if runs is None:
            runs = [m.span() for m in SCRIPT_LETTERS.finditer(text)]
        return (m for low, high in windows(runs, reach) for m in regex.finditer(text, low, high))

    negated = [m.span() for m in finditer(_JA_NEGATED, _JA_NEGATED_REACH)] if may_match(_JA_NEGATED_NEEDS, chars) \
        else []
    if negated:
        found.append("~talk")  # "落ちてない": said not to be down, still about the service
    if may_match(_JA_EVERYDAY_NEEDS, chars):
        negated += [m.span() for m in finditer(_JA_EVERYDAY, _JA_EVERYDAY_REACH)]  # "気分もダウン", "パソコンが落ちた"
    for (symptom, regex, needed), reach in zip(_JA_SYMPTOMS, _JA_SYMPTOMS_REACH):
        for m in finditer(regex, reach) if may_match(needed, chars) else ():
            if not any(a <= m.start() < b for a, b in negated):
                found.append(symptom)
    for (stage, regex, needed), reach in zip(_JA_STATUS, _JA_STATUS_REACH):
        if may_match(needed, chars) and next(finditer(regex, reach), None) is not None:
            found.append("st:" + stage)
    if may_match(_JA_PARTIAL_NEEDS, chars) and next(finditer(_JA_PARTIAL, _JA_PARTIAL_REACH), None) is not None:
        # "部分的に解決したと考えています": a partial recovery is no recovery; the incident is watched, not over
        found = [f for f in found if f not in ("recovered", "st:resolved")] + ["st:monitoring"]
    return found


def _zone_region(code: str, vocab: Vocabulary) -> str | None:
    """us-east-1a -> aws:us-east-1, us-central1-a -> gcp:us-central1."""
    for candidate in (code[:-1], code.rsplit("-", 1)[0]):
        if candidate in vocab.codes:
            return vocab.codes[candidate]
    return None


HTTP_WORDS = frozenset({"error", "errors", "erro", "erros", "erreur", "erreurs", "fehler", "http", "status",
                        "code", "codes", "server", "gateway", "getting", "returning", "returns", "throwing",
                        "got", "response", "responses", "código", "responding", "with", "5xx",
                        # "returns" in other languages ("zwraca 503", "devolviendo 500", "renvoie des 502")
                        "zwraca", "zwracają", "devuelve", "devolviendo", "renvoie", "retourne", "restituisce",
                        "retorna", "retornando", "liefert", "geeft", "döndürüyor"})


def _http_context(lowers: list[str], i: int) -> bool:
    """A 5xx number is an HTTP status only next to words that say so ("503 errors", "HTTP 502")."""
    if lowers[i].startswith("http") or lowers[i].endswith(("s", "error", "errors")):
        return True
    if i and "." in lowers[i - 1] and HOST_RE.match(lowers[i - 1]):  # "gitlab.com 502 again"
        return True
    lo, hi = max(0, i - 2), min(len(lowers), i + 3)
    return any(lowers[j] in HTTP_WORDS for j in range(lo, hi) if j != i)


def _longest(spans: list[tuple]) -> list[tuple]:
    """Non-overlapping spans, longest first, then earliest."""
    if len(spans) < 2:
        return spans
    ordered = sorted(spans, key=_start)
    end = 0
    for span in ordered:  # most often none overlaps another: then they are all kept, in order
        if span[1] <= span[0] or span[0] < end:
            break
        end = span[1]
    else:
        return ordered
    spans = sorted(spans, key=_longest_first)
    taken: list[tuple] = []
    used = 0  # the tokens taken, one bit each: a mask test instead of a set look-up per token
    for span in spans:
        start, end = span[0], span[1]
        if end > start:
            bits = ((1 << (end - start)) - 1) << start
            if used & bits:
                continue
            used |= bits
        taken.append(span)
    taken.sort(key=_start)
    return taken


def _longest_first(span: tuple) -> tuple[int, int]:
    return span[0] - span[1], span[0]

