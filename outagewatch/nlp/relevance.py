"""The trained relevance classifier: P(about an outage) and P(a problem now) of a text, beside
the rules.

Why a trained model: the rules' relevance, written from one labelled set's misses, did not carry
to the next writer's phrasing (blind sets 0.879, 0.856, 0.843; 0.79 on five training writers who
never saw the rules). A bag-of-words classifier trained on those writers and the older sets
carries much further to a writer it never saw (benchmarks/relevance_model.py, leave-one-writer-
out; figures in docs/benchmarks.md), and the rules stay better at what they were written for:
negations, everyday senses, status stages. So the model decides only where it is confident and
the rules let it (:meth:`RelevanceModel.decide`).

The model is a bag of words in a two-label ``textcat_multilabel`` (2^16 hashed features, nothing
pretrained): spaCy's ``TextCatBOW.v3`` layers over the token texts plus, in the shipped model, the
character pairs inside kana, kanji and hangul runs (the tokenizer leaves a Japanese clause one token)
and the first and last four letters of long words (:mod:`outagewatch.nlp.relevance_features`); a file
of plain ``TextCatBOW.v3`` (token unigrams) loads too. It reads the docs the tagger's own tokenizer made, so in the tagger its cost is the
classifier alone. The file
(``data/relevance.zip``, written by scripts/train_relevance.py) holds the component's weights
and a small JSON header: format, thresholds, how it was trained.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import NamedTuple

from outagewatch.nlp import relevance_features

DEFAULT_PATH = Path(__file__).with_name("data") / "relevance.zip"
FORMAT = 1
LABELS = ("relevant", "ongoing")
_CATS = ("RELEVANT", "ONGOING")
ARCHITECTURE = {"@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": False, "ngram_size": 1,
                "no_output_layer": False, "length": 2 ** 16}
ARCHITECTURES = ("spacy.TextCatBOW.v3", relevance_features.NAME)


def _bow_layers(model):
    """(features, the linear layer, the output layer) of a bag-of-words classifier as
    :data:`ARCHITECTURE` or :data:`relevance_features.NAME` builds it (``with_cpu(extract >>
    resizable(sparse_linear)) >> with_cpu(logistic)``): ``features(docs)`` makes the whole batch's
    keys at once. None for any other shape (then the model runs whole)."""
    try:
        inner, output = model.layers
        extract, linear = inner.layers[0].layers
        if not output.layers:
            return None
        if extract.name == "extract_ngrams" and extract.attrs["ngram_size"] == 1:
            attr = extract.attrs["attr"]
            return (lambda docs: unigram_features(docs, attr)), linear, output.layers[0]
        if extract.name == "extract_features":
            settings = {k: extract.attrs.get(k, 0) for k in ("ngram_size", "cjk", "affix", "affix_min", "lower")}
            return (lambda docs: relevance_features.batch_features(docs, **settings)), linear, output.layers[0]
        return None
    except (AttributeError, KeyError, ValueError):
        return None


def unigram_features(docs, attr):
    """Exactly what spaCy's ``extract_ngrams`` gives a unigram model, (keys, counts, lengths): each
    doc's distinct token ids in increasing order with their counts, for the whole batch in a few
    numpy calls. spaCy's takes a ``numpy.unique`` per doc, which was 12 of the model's 13.6 µs a
    text; the keys come in the same order, so the linear layer adds the same weights in the same
    order and the probabilities are the same to the bit."""
    return relevance_features.distinct_counts([doc.to_array(attr) for doc in docs])


class RelevanceModelError(Exception):
    """The model file is missing or not one this version reads (its message is one line)."""


class Probability(NamedTuple):
    relevant: float
    ongoing: float


def blank_textcat(architecture: dict | None = None):
    """A blank pipeline on the tagger's tokenizer with the untrained two-label classifier."""
    from outagewatch.nlp.pipeline import make_nlp

    architecture = architecture or ARCHITECTURE
    if architecture.get("@architectures") == relevance_features.NAME:
        relevance_features.register()
    nlp = make_nlp("xx")
    textcat = nlp.add_pipe("textcat_multilabel", config={"model": architecture, "threshold": 0.5})
    for cat in _CATS:
        textcat.add_label(cat)
    return nlp, textcat


class RelevanceModel:
    """The classifier and the thresholds it is combined with the rules by."""

    def __init__(self, nlp, textcat, thresholds: dict[str, tuple[float, float]], info: str = "",
                 architecture: dict | None = None, sure: dict[str, float] | None = None):
        self.architecture = architecture or ARCHITECTURE  # what the weights are for (saved in the header)
        self.nlp = nlp  # the tagger's tokenizer, for texts scored on their own (top words, scripts)
        self.textcat = textcat
        self._layers = _bow_layers(textcat.model)
        # per label (lo, hi): at or above hi the model says yes, below lo no, in between the rules decide
        self.thresholds = thresholds
        # per label: at or above it the model may say yes over the rules' no even where they found nothing
        # to judge by (no service, provider or problem word: a name the catalog lacks, "Klarna-appen vägrar
        # godkänna mitt köp"), unless they ruled the text out on purpose. None of a label: never (a file
        # written before it existed).
        self.sure = dict(sure or {})
        self.info = info

    # -- scoring --------------------------------------------------------------------------------

    def predict_docs(self, docs) -> list[Probability]:
        """Probabilities for docs the tagger's tokenizer made (any vocabulary: the features are
        hashes of the token text)."""
        if not docs:
            return []
        if self._layers is None:
            scores = self.textcat.model.predict(list(docs))
        else:  # the same layers after the features, which are made for the whole batch at once
            features, linear, output = self._layers
            scores = output.predict(linear.predict(features(docs)))
        return [Probability(float(r), float(o)) for r, o in self.textcat.model.ops.to_numpy(scores).tolist()]

    def predict(self, text: str) -> Probability:
        return self.predict_docs([self.nlp.make_doc(text)])[0]

    def predict_many(self, texts) -> list[Probability]:
        return self.predict_docs([self.nlp.make_doc(t) for t in texts])

    def decide(self, label: str, rule: bool, p: float, may_add: bool = True, staged: bool = False,
               may_deny: bool = True, denied: bool = False) -> tuple[bool, str]:
        """The flag for one label from the rules' verdict and the model's probability, and who
        decided: ``model`` (confident either way) or ``rules`` (the model unsure; or it may not
        say yes over the rules' no, ``may_add`` false, unless it is sure (:attr:`sure`) and the rules did
        not rule the text out on purpose, ``denied``; or no over the rules' yes, ``may_deny``
        false; or a status stage decided, ``staged``)."""
        if staged:
            return rule, "rules"
        lo, hi = self.thresholds[label]
        if p >= hi and (rule or may_add or (not denied and p >= self.sure.get(label, 2.0))):
            return True, "model"
        if p < lo and (not rule or may_deny):
            return False, "model"
        return rule, "rules"

    def top_words(self, text: str, label: str = "relevant", k: int = 5) -> list[tuple[str, float]]:
        """The words that pushed ``label`` most, each with its weight in the logit (the logit with
        the word minus the logit without it: exact for a bag of words). For ``--explain``."""
        import math

        from spacy.tokens import Doc

        at = LABELS.index(label)
        doc = self.nlp.make_doc(text)
        words = [t.text for t in doc]
        if not words:
            return []
        seen: dict[str, int] = {}
        for i, w in enumerate(words):
            seen.setdefault(w, i)
        variants = [doc] + [Doc(doc.vocab, words=[w for j, w in enumerate(words) if w != word]) for word in seen]
        probs = self.predict_docs(variants)

        def logit(p: float) -> float:
            p = min(max(p, 1e-9), 1 - 1e-9)
            return math.log(p / (1 - p))

        full = logit(probs[0][at])
        scored = [(word, round(full - logit(p[at]), 2)) for word, p in zip(seen, probs[1:])]
        return sorted(scored, key=lambda item: -abs(item[1]))[:k]

    # -- the file -------------------------------------------------------------------------------

    def save(self, path: Path) -> None:
        """Write the model; the same model gives the same bytes (no times in the archive)."""
        header = {"format": FORMAT, "labels": list(LABELS), "architecture": self.architecture,
                  "thresholds": {k: list(v) for k, v in self.thresholds.items()}, "info": self.info}
        if self.sure:  # only when set: a model without it writes the bytes it wrote before
            header["sure"] = dict(self.sure)
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            for name, data in (("relevance.json", json.dumps(header, indent=1, sort_keys=True).encode()),
                               ("textcat.bin", self.textcat.to_bytes(exclude=["vocab"]))):
                info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                zf.writestr(info, data)

    @classmethod
    def load(cls, path: Path | str | None = None) -> "RelevanceModel":
        path = Path(path) if path else DEFAULT_PATH
        header, weights, thresholds, architecture = _read(path)
        sure = {label: float(header["sure"][label]) for label in LABELS if label in (header.get("sure") or {})}
        try:
            nlp, textcat = blank_textcat(architecture)
            textcat.from_bytes(weights, exclude=["vocab"])
        except RelevanceModelError:
            raise
        except Exception as exc:  # noqa: BLE001 - msgpack, shape errors: one line for the user
            raise RelevanceModelError(f"relevance model {path} is unreadable ({type(exc).__name__}): "
                                      f"reinstall outagewatch or retrain it with scripts/train_relevance.py") from None
        return cls(nlp, textcat, thresholds, str(header.get("info", "")), architecture, sure)

    @staticmethod
    def check(path: Path | str | None = None) -> None:
        """Raise :class:`RelevanceModelError`, with the line :meth:`load` would give, when the
        model file is missing, not a model, or of another format or architecture; the
        classifier is not built (a process that never reads relevance, ingest's tagging
        process, checks the file the user configured without the ~0.2 s of building it)."""
        _read(Path(path) if path else DEFAULT_PATH)


def _read(path: Path) -> tuple[dict, bytes, dict[str, tuple[float, float]], dict]:
    """The model file's (header, weights, thresholds, architecture), checked."""
    try:
        with zipfile.ZipFile(path) as zf:
            header = json.loads(zf.read("relevance.json"))
            weights = zf.read("textcat.bin")
        if header.get("format") != FORMAT:
            raise RelevanceModelError(f"relevance model {path} has format {header.get('format')!r}, this "
                                      f"version reads {FORMAT}: retrain it with scripts/train_relevance.py")
        thresholds = {label: (float(header["thresholds"][label][0]), float(header["thresholds"][label][1]))
                      for label in LABELS}
        architecture = header.get("architecture") or ARCHITECTURE
        if architecture.get("@architectures") not in ARCHITECTURES:
            raise RelevanceModelError(f"relevance model {path} is for {architecture.get('@architectures')!r}, "
                                      f"this version reads {', '.join(ARCHITECTURES)}: retrain it with "
                                      f"scripts/train_relevance.py")
    except RelevanceModelError:
        raise
    except FileNotFoundError:
        raise RelevanceModelError(f"relevance model not found: {path} (reinstall outagewatch, or train it "
                                  f"with scripts/train_relevance.py)") from None
    except IsADirectoryError:
        raise RelevanceModelError(f"relevance model {path} is a directory, not a model file") from None
    except Exception as exc:  # noqa: BLE001 - zip, JSON errors: one line for the user
        raise RelevanceModelError(f"relevance model {path} is unreadable ({type(exc).__name__}): "
                                  f"reinstall outagewatch or retrain it with scripts/train_relevance.py") from None
    return header, weights, thresholds, architecture
