"""The spaCy pipeline: a blank tokenizer tuned for outage chatter plus two matchers.

No statistical model is needed (none can be installed from the package registries and
none is downloaded at run time): a blank multi-language pipeline's tokenizer, with region
codes kept as one token and kana/kanji runs split from Latin words, feeds

- ``outagewatch_names``: a PhraseMatcher over every catalog name (lower-cased), plus
  handles, status-page hosts, hashtags and region codes looked up token by token;
- ``outagewatch_symptoms``: a PhraseMatcher over the symptom and status vocabulary of
  :mod:`outagewatch.nlp.lexicon` in six languages, and regexes for Japanese;
- ``outagewatch_lang``: language detection (see :mod:`outagewatch.nlp.lang`).

What the matches mean (evidence, negation, regions) is decided afterwards by
:mod:`outagewatch.nlp.resolve`, which is plain Python and tested on its own.
"""

from __future__ import annotations

import re
import unicodedata

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from outagewatch.nlp import lexicon
from outagewatch.nlp.vocabulary import REGION_CODE_RE, Vocabulary, fold, host_of

CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f"
CJK_RE = re.compile(f"[{CJK}]")
HOST_RE = re.compile(r"(?i)^(?:https?://)?((?:[a-z0-9-]+\.)+[a-z]{2,})(?:[/:?#].*)?$")
FIVE_XX_RE = re.compile(r"(?i)^(?:http/?)?5\d\d(?:/5\d\d)*(?:s|errors?)?$|^5xx")
_JA_SYMPTOMS = [(symptom, re.compile("|".join(p))) for symptom, p in lexicon.JA_SYMPTOMS.items()]
_JA_NEGATED = re.compile("|".join(lexicon.JA_NEGATED))
_JA_STATUS = [(stage, re.compile("|".join(p))) for stage, p in lexicon.JA_STATUS.items()]

for _name in ("ow_names", "ow_symptoms", "ow_lang", "ow_source", "ow_lang_hint"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def make_nlp(base: str = "xx") -> Language:
    """A blank pipeline (or a user's installed model) with outagewatch's tokenizer rules."""
    if base in ("xx", "en") or len(base) <= 3:
        nlp = spacy.blank(base)
    else:  # a statistical model the user installed themselves; never downloaded here
        nlp = spacy.load(base, exclude=["lemmatizer", "textcat"])
    default_match = nlp.tokenizer.token_match

    def token_match(text: str):
        return REGION_CODE_RE.match(text) or (default_match(text) if default_match else None)

    nlp.tokenizer.token_match = token_match
    infixes = list(nlp.Defaults.infixes or ()) + [f"[{CJK}]+"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    return nlp


def _variants(phrase: str) -> set[str]:
    out = {phrase, fold(phrase)}
    for p in list(out):
        if "'" in p:
            out.add(p.replace("'", "\u2019"))
    return out


class NameMatcher:
    """Finds every catalog name; keeps the longest where names overlap."""

    def __init__(self, nlp: Language, vocab: Vocabulary):
        self.vocab = vocab
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        strings = nlp.vocab.strings
        self.keys: dict[int, str] = {}
        for phrase in vocab.phrases:
            key = strings.add(phrase)
            self.keys[key] = phrase
            self.matcher.add(phrase, [nlp.make_doc(v) for v in _variants(phrase)])

    def __call__(self, doc: Doc) -> Doc:
        vocab = self.vocab
        spans = []
        for key, start, end in self.matcher(doc):
            spans.append((start, end, vocab.phrases[self.keys[key]]))
        spans = _longest(spans)
        handles, hosts, hashtags, codes = [], [], [], []
        for token in doc:
            text = token.text
            first = text[0]
            if first == "@":
                entry = vocab.handles.get(text.lower().rstrip(".:,!?"))
                if entry:
                    handles.append((token.i, entry))
            elif first == "#" and len(text) > 1:
                hashtags.append((token.i, text[1:]))
            elif token.i and doc[token.i - 1].text == "#" and token.idx == doc[token.i - 1].idx + 1:
                hashtags.append((token.i, text))
            if "." in text:
                match = HOST_RE.match(text)
                if match:
                    host = host_of(match.group(1).lower())
                    if host in vocab.hosts:
                        hosts.append((token.i, vocab.hosts[host]))
            elif "-" in text or text[-1:].isdigit() or text.isalpha() and len(text) > 5:
                region = vocab.codes.get(text.lower())
                if region is None and REGION_CODE_RE.match(text):
                    region = _zone_region(text.lower(), vocab)
                if region:
                    codes.append((token.i, region))
        doc._.ow_names = (spans, handles, hosts, hashtags, codes)
        return doc


def _zone_region(code: str, vocab: Vocabulary) -> str | None:
    """us-east-1a -> aws:us-east-1, us-central1-a -> gcp:us-central1."""
    for candidate in (code[:-1], code.rsplit("-", 1)[0]):
        if candidate in vocab.codes:
            return vocab.codes[candidate]
    return None


class SymptomMatcher:
    """Finds symptom and status phrases (and HTTP 5xx codes, and Japanese by regex)."""

    def __init__(self, nlp: Language):
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        strings = nlp.vocab.strings
        self.labels: dict[int, tuple[str, str]] = {}
        for group, table in (("sym", lexicon.SYMPTOM_PHRASES), ("st", lexicon.STATUS_PHRASES)):
            for label, phrases in table.items():
                key = f"{group}:{label}"
                self.labels[strings.add(key)] = (group, label)
                patterns = [nlp.make_doc(v) for p in phrases for v in _variants(p)]
                self.matcher.add(key, patterns)
        area = {word: label for label, words in lexicon.AREA_WORDS.items() for word in words}
        self.area_keys = {strings.add(w): label for w, label in area.items()}
        self.area_words = area

    def __call__(self, doc: Doc) -> Doc:
        symptoms, stages, areas = [], [], []
        for key, start, end in self.matcher(doc):
            group, label = self.labels[key]
            (symptoms if group == "sym" else stages).append((start, end, label))
        symptoms = _longest(symptoms)
        for token in doc:
            text = token.text
            if text[:1] == "5" or text[:5].lower() == "http/" and len(text) >= 3:
                if FIVE_XX_RE.match(text) and _http_context(doc, token.i):
                    symptoms.append((token.i, token.i + 1, "5xx"))
            label = self.area_words.get(token.lower_)
            if label:
                areas.append((token.i, label))
        ja = []
        text = doc.text
        if CJK_RE.search(text):
            negated = [m.span() for m in _JA_NEGATED.finditer(text)]
            for symptom, regex in _JA_SYMPTOMS:
                for m in regex.finditer(text):
                    if not any(a <= m.start() < b for a, b in negated):
                        ja.append(symptom)
            for stage, regex in _JA_STATUS:
                if regex.search(text):
                    ja.append("st:" + stage)
        doc._.ow_symptoms = (symptoms, stages, areas, ja)
        return doc


HTTP_WORDS = frozenset({"error", "errors", "erro", "erros", "erreur", "erreurs", "fehler", "http", "status",
                        "code", "codes", "server", "gateway", "getting", "returning", "returns", "throwing",
                        "got", "response", "responses", "código", "responding", "with", "5xx"})


def _http_context(doc: Doc, i: int) -> bool:
    """A 5xx number is an HTTP status only next to words that say so ("503 errors", "HTTP 502")."""
    if doc[i].text.lower().startswith("http") or doc[i].text.lower().endswith(("s", "error", "errors")):
        return True
    lo, hi = max(0, i - 2), min(len(doc), i + 3)
    return any(doc[j].lower_ in HTTP_WORDS for j in range(lo, hi) if j != i)


def _longest(spans: list[tuple]) -> list[tuple]:
    """Non-overlapping spans, longest first, then earliest."""
    if len(spans) < 2:
        return spans
    spans = sorted(spans, key=lambda s: (s[0] - s[1], s[0]))
    taken: list[tuple] = []
    used: set[int] = set()
    for span in spans:
        if any(i in used for i in range(span[0], span[1])):
            continue
        taken.append(span)
        used.update(range(span[0], span[1]))
    taken.sort(key=lambda s: s[0])
    return taken


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
