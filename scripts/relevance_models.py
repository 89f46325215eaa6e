"""Candidate relevance classifiers for the leave-one-writer-out experiment.

Each candidate is a function ``fit(records, rules) -> predict`` where ``predict(records, rules)``
returns (P(relevant), P(ongoing)) per record; ``rules`` are the rule tagger's tags for the same
records (only the stacked candidates read them). A flag a record does not give (None) is left
out of that flag's training. Everything is seeded: the same data gives the same model.
"""

from __future__ import annotations

import random

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

def spacy_bow_candidate(ngram_size=1, epochs=12, length=2 ** 16):
    """``spacy.TextCatBOW.v3`` (token text n-grams) in a two-label ``textcat_multilabel``."""
    arch = {"@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": False, "ngram_size": ngram_size,
            "no_output_layer": False, "length": length}

    def fit(records, rules):
        import spacy
        from spacy.training import Example
        from spacy.util import minibatch
        from outagewatch.nlp.pipeline import make_nlp
        spacy.util.fix_random_seed(SEED)
        nlp = make_nlp("xx")
        textcat = nlp.add_pipe("textcat_multilabel", config={"model": arch, "threshold": 0.5})
        for label in ("REL", "ONG"):
            textcat.add_label(label)
        examples = []
        for r in records:
            cats = {}
            if r["rel"] is not None:
                cats["REL"] = float(r["rel"])
            if r["ong"] is not None:
                cats["ONG"] = float(r["ong"])
            examples.append(Example.from_dict(nlp.make_doc(r["text"]), {"cats": cats}))
        optimizer = nlp.initialize(lambda: examples)
        rng = random.Random(SEED)
        order = list(range(len(examples)))
        for _ in range(epochs):
            rng.shuffle(order)
            for batch in minibatch([examples[i] for i in order], size=16):
                nlp.update(batch, sgd=optimizer, drop=0.2)

        def predict(recs, rls):
            return [(d.cats["REL"], d.cats["ONG"]) for d in nlp.pipe([r["text"] for r in recs], batch_size=256)]
        return predict
    return fit
