"""Candidate relevance classifiers for the leave-one-writer-out experiment.

Each candidate is a function ``fit(records, rules) -> predict`` where ``predict(records, rules)``
returns (P(relevant), P(ongoing)) per record; ``rules`` are the rule tagger's tags for the same
records (only the stacked candidates read them). A flag a record does not give (None) is left
out of that flag's training. Everything is seeded: the same data gives the same model.
"""

from __future__ import annotations

import random
import re

import numpy as np

SEED = 0
FIELDS = ("rel", "ong")


# -- scikit-learn: hashed character and word n-grams, logistic regression ------------------------

def _vectorizers(char: tuple[int, int] | None, word: tuple[int, int] | None, bits: int):
    from sklearn.feature_extraction.text import HashingVectorizer
    out = []
    if char:
        out.append(HashingVectorizer(analyzer="char_wb", ngram_range=char, n_features=2 ** bits,
                                     alternate_sign=False, norm="l2", lowercase=True))
    if word:
        out.append(HashingVectorizer(analyzer="word", ngram_range=word, n_features=2 ** bits,
                                     alternate_sign=False, norm="l2", lowercase=True,
                                     token_pattern=r"(?u)\b\w+\b"))
    return out


RULE_FEATURES = ("r_rel", "r_ong", "r_named", "r_status", "r_region", "r_nothing")


def rule_matrix(rules: list[dict]):
    """The rules' verdicts as features: flags, a name found, a status stage, a region, each symptom."""
    from scipy.sparse import csr_matrix
    from outagewatch.nlp.lexicon import SYMPTOMS
    names = list(RULE_FEATURES) + [f"sym_{s}" for s in SYMPTOMS]
    index = {n: i for i, n in enumerate(names)}
    rows, cols = [], []
    for i, r in enumerate(rules):
        on = []
        if r["relevant"]:
            on.append("r_rel")
        if r["ongoing"]:
            on.append("r_ong")
        if r["services"] or r["providers"]:
            on.append("r_named")
        if r["status"]:
            on.append("r_status")
        if r["regions"]:
            on.append("r_region")
        if not (r["relevant"] or r["services"] or r["providers"] or r["symptoms"]):
            on.append("r_nothing")
        on += [f"sym_{s}" for s in r["symptoms"] if f"sym_{s}" in index]
        for name in on:
            rows.append(i)
            cols.append(index[name])
    return csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(rules), len(names)))


def features(texts, vectorizers, rules=None, rule_weight=1.0):
    from scipy.sparse import hstack
    parts = [v.transform(texts) for v in vectorizers]
    if rules is not None:
        parts.append(rule_matrix(rules) * rule_weight)
    return hstack(parts).tocsr() if len(parts) > 1 else parts[0].tocsr()


def sklearn_candidate(char=(2, 5), word=(1, 2), bits=20, C=4.0, stack=False, rule_weight=1.0):
    """Logistic regression per flag on hashed char_wb / word n-grams (and the rules' verdicts)."""
    from sklearn.linear_model import LogisticRegression
    vecs = _vectorizers(char, word, bits)

    def fit(records, rules):
        X = features([r["text"] for r in records], vecs, rules if stack else None, rule_weight)
        models = {}
        for f in FIELDS:
            keep = [i for i, r in enumerate(records) if r[f] is not None]
            y = np.array([records[i][f] for i in keep], dtype=int)
            model = LogisticRegression(C=C, solver="liblinear", random_state=SEED, max_iter=1000)
            model.fit(X[keep], y)
            models[f] = model

        def predict(recs, rls):
            Xp = features([r["text"] for r in recs], vecs, rls if stack else None, rule_weight)
            cols = [models[f].predict_proba(Xp)[:, 1] for f in FIELDS]
            return list(zip(cols[0].tolist(), cols[1].tolist()))
        return predict
    return fit


# -- spaCy: TextCatBOW on the tagger's tokenizer (last session's model) ---------------------------

def _register_bow_attr():
    """``outagewatch.TextCatBOWAttr.v1``: spaCy's TextCatBOW.v3 on another token attribute
    (LOWER: "Down" and "down" one feature)."""
    from spacy.attrs import IDS
    from spacy.ml.extract_ngrams import extract_ngrams
    from spacy.util import registry

    from outagewatch.nlp.relevance_features import sparse_bow
    if "outagewatch.TextCatBOWAttr.v1" in registry.architectures:
        return

    @registry.architectures("outagewatch.TextCatBOWAttr.v1")
    def build(exclusive_classes: bool, ngram_size: int, no_output_layer: bool, length: int, attr: str,
              nO=None):
        return sparse_bow(extract_ngrams(ngram_size, attr=IDS[attr]), length, nO)


def train_textcat(nlp, records, labels: tuple[str, str], epochs: int) -> None:
    """Train ``nlp``'s text classifier on ``records`` in a fixed order (seeded), one way for every
    spaCy candidate and the shipped model, so their figures compare like for like. A flag a record
    does not give (``None``) is left out of its ``cats``: missing for spaCy, not false."""
    from spacy.training import Example
    from spacy.util import minibatch

    examples = []
    for r in records:
        cats = {label: float(r[key]) for label, key in zip(labels, ("rel", "ong")) if r[key] is not None}
        examples.append(Example.from_dict(nlp.make_doc(r["text"]), {"cats": cats}))
    optimizer = nlp.initialize(lambda: examples)
    rng = random.Random(SEED)
    order = list(range(len(examples)))
    for _ in range(epochs):
        rng.shuffle(order)
        for batch in minibatch([examples[i] for i in order], size=16):
            nlp.update(batch, sgd=optimizer, drop=0.2)


def spacy_bow_candidate(ngram_size=1, epochs=12, length=2 ** 16, attr="ORTH"):
    """``spacy.TextCatBOW.v3`` (token text n-grams) in a two-label ``textcat_multilabel``."""
    arch = {"@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": False, "ngram_size": ngram_size,
            "no_output_layer": False, "length": length}
    if attr != "ORTH":
        _register_bow_attr()
        arch = {**arch, "@architectures": "outagewatch.TextCatBOWAttr.v1", "attr": attr}

    def fit(records, rules):
        import spacy
        from outagewatch.nlp.pipeline import make_nlp
        spacy.util.fix_random_seed(SEED)
        nlp = make_nlp("xx")
        textcat = nlp.add_pipe("textcat_multilabel", config={"model": arch, "threshold": 0.5})
        for label in ("REL", "ONG"):
            textcat.add_label(label)
        train_textcat(nlp, records, ("REL", "ONG"), epochs)

        def predict(recs, rls):
            return [(d.cats["REL"], d.cats["ONG"]) for d in nlp.pipe([r["text"] for r in recs], batch_size=256)]
        return predict
    return fit


# -- char 2-5-grams inside words and word 1-2-grams (counts), logistic regression ----------------
# Measured against the shipped spaCy model and not shipped (docs/benchmarks.md); kept so the
# figures can be re-run.

WORD_RE = re.compile(r"\w+")


def char_grams(word: str) -> list[str]:
    padded = f" {word} "
    return [padded[i:i + n] for n in range(2, 6) for i in range(len(padded) - n + 1)]


def ngram_features(text: str) -> tuple[dict[str, int], int, dict[str, int], int]:
    """(character n-gram counts over every word, how many in all, word 1-2-gram counts, how many)."""
    words = WORD_RE.findall(text.lower())
    chars: dict[str, int] = {}
    n_chars = 0
    for word in words:
        grams = char_grams(word)
        n_chars += len(grams)
        for g in grams:
            chars[g] = chars.get(g, 0) + 1
    grams = words + [a + " " + b for a, b in zip(words, words[1:])]
    counts: dict[str, int] = {}
    for g in grams:
        counts[g] = counts.get(g, 0) + 1
    return chars, n_chars, counts, len(grams)


def ngram_lr_candidate(C=4.0, min_df=2):
    """Logistic regression per flag over :func:`ngram_features` seen in >= ``min_df`` texts, each
    kind scaled by 1/sqrt(its n-gram count)."""
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    def matrix(feats, chars_v, words_v):
        rows, cols, vals = [], [], []
        for row, (chars, n_chars, grams, n_grams) in enumerate(feats):
            cs = 1 / np.sqrt(n_chars) if n_chars else 0.0
            ws = 1 / np.sqrt(n_grams) if n_grams else 0.0
            for g, count in chars.items():
                if g in chars_v:
                    rows.append(row), cols.append(chars_v[g]), vals.append(count * cs)
            for g, count in grams.items():
                if g in words_v:
                    rows.append(row), cols.append(words_v[g]), vals.append(count * ws)
        return csr_matrix((np.array(vals), (rows, cols)), shape=(len(feats), len(chars_v) + len(words_v)))

    def fit(records, rules):
        feats = [ngram_features(r["text"]) for r in records]
        df_c, df_w = {}, {}
        for chars, _, grams, _ in feats:
            for g in chars:
                df_c[g] = df_c.get(g, 0) + 1
            for g in grams:
                df_w[g] = df_w.get(g, 0) + 1
        chars_v = {g: i for i, g in enumerate(sorted(g for g, n in df_c.items() if n >= min_df))}
        words_v = {g: len(chars_v) + i for i, g in enumerate(sorted(g for g, n in df_w.items() if n >= min_df))}
        X = matrix(feats, chars_v, words_v)
        models = {}
        for f in FIELDS:
            keep = [i for i, r in enumerate(records) if r[f] is not None]
            model = LogisticRegression(C=C, solver="liblinear", random_state=SEED, max_iter=1000)
            model.fit(X[keep], np.array([records[i][f] for i in keep], dtype=int))
            models[f] = model

        def predict(recs, rls):
            Xp = matrix([ngram_features(r["text"]) for r in recs], chars_v, words_v)
            cols = [models[f].predict_proba(Xp)[:, 1] for f in FIELDS]
            return list(zip(cols[0].tolist(), cols[1].tolist()))
        return predict
    return fit


# -- the shipped model: outagewatch.nlp.relevance ---------------------------------------------------

def fit_shipped(records, *, epochs=12, thresholds=None, info="", architecture=None, sure=None):
    """A :class:`outagewatch.nlp.relevance.RelevanceModel` trained on ``records`` (a flag a record
    does not give is missing for spaCy, not false), seeded: the same records give the same bytes."""
    import spacy

    from outagewatch.nlp.relevance import RelevanceModel, blank_textcat

    spacy.util.fix_random_seed(SEED)
    nlp, textcat = blank_textcat(architecture)
    train_textcat(nlp, records, ("RELEVANT", "ONGOING"), epochs)
    return RelevanceModel(nlp, textcat, thresholds or {"relevant": (0.5, 0.5), "ongoing": (0.5, 0.5)}, info,
                          architecture, sure)


# -- the shipped BOW plus CJK character n-grams, word prefixes/suffixes, token bigrams ------------------
# (outagewatch/nlp/relevance_features.py: the architecture a model file of these features needs, in the
# package, so that the tagger can load such a model.)

def features_architecture(ngram_size=1, cjk=0, affix=0, affix_min=6, length=2 ** 16, lower=0) -> dict:
    """``outagewatch.TextCatBOWFeatures.v1``: the shipped BOW plus CJK character n-grams, word
    prefixes/suffixes and lower-case forms (:func:`outagewatch.nlp.relevance_features.text_features`)."""
    from outagewatch.nlp.relevance_features import architecture
    return architecture(ngram_size=ngram_size, cjk=cjk, affix=affix, affix_min=affix_min, length=length, lower=lower)


def shipped_candidate(epochs=12, architecture=None):
    """The shipped model's training and scoring code, as the tagger runs it (``architecture``: another
    classifier in the same file format)."""
    def fit(records, rules):
        model = fit_shipped(records, epochs=epochs, architecture=architecture)

        def predict(recs, rls):
            return [tuple(p) for p in model.predict_many(r["text"] for r in recs)]
        return predict
    return fit
