"""The relevance classifier's features: token ids plus character pairs inside kana, kanji and hangul.

Why: the tagger's tokenizer leaves a Japanese clause one token ("が今日ずっと繋がらない"), so a model of
token unigrams reads Japanese (and much Korean) as whole clauses it has seen before or not at all.
The clause's character pairs ("繋が", "がら", "らな", "ない") are pieces it can learn from other texts:
on held-out writers they lifted the model alone by about two points on both flags, most on the
writers of Japanese and Korean (benchmarks/relevance_model.py; docs/benchmarks.md). The shipped model
also reads each long word's first and last four letters (an ending is the same on any verb: Turkish
"-mıyor", "çalışmıyor"), which added about half a point more beside the rules.

``outagewatch.TextCatBOWFeatures.v1`` is spaCy's TextCatBOW (its hashed sparse linear layer and
logistic output, as ``spacy.ml.models.textcat`` builds them) behind one feature extractor,
:func:`batch_features`, which makes the keys of a whole batch in a few numpy calls: each doc's
distinct keys in increasing order with their counts, what spaCy's per-doc ``extract_ngrams`` and
``numpy.unique`` give. Training and the tagger run the same extractor, so the probabilities are the
same in both. A text in ASCII has no extra keys and costs what a unigram model costs.
"""

from __future__ import annotations

import itertools
import re

import numpy

NAME = "outagewatch.TextCatBOWFeatures.v1"

# Characters of scripts written without spaces between words: kana, CJK ideographs, hangul
# syllables, half-width katakana. A run of two or more gives its character n-grams.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uff66-\uff9f]{2,}")
# Each kind of extra key is salted, so a character pair and a token of the same letters differ.
_SALT = {"cjk": "\x01", "suffix": "\x02", "prefix": "\x03"}


def architecture(ngram_size: int = 1, cjk: int = 0, affix: int = 0, affix_min: int = 6,
                 length: int = 2 ** 16, lower: int = 0) -> dict:
    """The spaCy config of a classifier on these features (``cjk``: the character n-gram size inside
    CJK runs, 0 none; ``affix``: the first and last letters kept of words of ``affix_min`` or more;
    ``lower``: 1 gives a word written with capitals its lower-case form's key too). ``lower`` is in the
    config only when set, so a file written before it existed has the same architecture as before."""
    arch = {"@architectures": NAME, "exclusive_classes": False, "ngram_size": ngram_size,
            "no_output_layer": False, "length": length, "cjk": cjk, "affix": affix, "affix_min": affix_min}
    return {**arch, "lower": lower} if lower else arch


def text_features(words, cjk: int = 0, affix: int = 0, affix_min: int = 6, lower: int = 0) -> list[int]:
    """Hashes of the extra keys of one doc's words: ``cjk``-character n-grams inside runs of CJK
    characters, and for words of ``affix_min`` letters or more their first and last ``affix``
    letters (Turkish "çalışmıyor": "-ıyor" is the same ending on any verb); with ``lower``, a word
    written with capitals also gives the key of its lower-case form (its token id: "Down" and "DOWN"
    share the weight "down" has, which a model of token texts alone learns three times)."""
    from spacy.strings import hash_string

    out: list[int] = []
    for word in words:
        if lower:
            low = word.lower()
            if low != word:
                out.append(hash_string(low))
        if cjk and not word.isascii():
            for run in _CJK.findall(word):
                out.extend(hash_string(_SALT["cjk"] + run[i:i + cjk]) for i in range(len(run) - cjk + 1))
        if affix and len(word) >= affix_min and word.isalpha():
            low = word.lower()
            out.append(hash_string(_SALT["suffix"] + low[-affix:]))
            out.append(hash_string(_SALT["prefix"] + low[:affix]))
    return out


def distinct_counts(arrays: list) -> tuple:
    """(keys, counts, lengths) of per-doc key arrays, as spaCy's sparse linear layer takes them:
    each doc's distinct keys in increasing order with their counts (float32), and how many each doc
    has (int32). One sort for the whole batch instead of a ``numpy.unique`` per doc."""
    sizes = numpy.fromiter(map(len, arrays), dtype=numpy.int64, count=len(arrays))
    if not sizes.any():
        return _distinct(numpy.zeros(0, dtype=numpy.uint64), numpy.zeros(0, dtype=numpy.int64), len(arrays))
    return _distinct(numpy.concatenate(arrays), numpy.repeat(numpy.arange(len(arrays)), sizes), len(arrays))


def _distinct(flat, owner, n_docs: int) -> tuple:
    """:func:`distinct_counts` of keys ``flat`` each of doc ``owner`` (in any order)."""
    if not len(flat):
        return (numpy.zeros(0, dtype=numpy.uint64), numpy.zeros(0, dtype=numpy.float32),
                numpy.zeros(n_docs, dtype=numpy.int32))
    flat, owner = _by_doc_then_key(flat, owner, n_docs)
    first = numpy.empty(len(flat), dtype=bool)
    first[0] = True
    numpy.not_equal(flat[1:], flat[:-1], out=first[1:])
    first[1:] |= owner[1:] != owner[:-1]
    starts = numpy.flatnonzero(first)
    counts = numpy.diff(numpy.append(starts, len(flat))).astype(numpy.float32)
    lengths = numpy.bincount(owner[starts], minlength=n_docs).astype(numpy.int32)
    return flat[starts], counts, lengths


def _by_doc_then_key(flat, owner, n_docs: int) -> tuple:
    """``flat`` and ``owner`` sorted by doc, then by key: what ``numpy.lexsort((flat, owner))`` orders them by,
    by one sort of a single number, the doc's index in the top bits and the key's top bits below it (a
    quarter of lexsort's time, the most of the classifier's). Keys whose top bits are the same in one doc may
    come out of order: where any do (a check of every neighbour), lexsort decides, so the result is its."""
    bits = max(1, (n_docs - 1).bit_length())
    if bits < 32 and flat.dtype == numpy.uint64:
        packed = (owner.astype(numpy.uint64) << numpy.uint64(64 - bits)) | (flat >> numpy.uint64(bits))
        order = numpy.argsort(packed)
        keys, docs = flat[order], owner[order]
        if not ((keys[1:] < keys[:-1]) & (docs[1:] == docs[:-1])).any():
            return keys, docs
    order = numpy.lexsort((flat, owner))
    return flat[order], owner[order]


# The extra keys of a word depend on the word alone: kept per token id (ORTH) and settings, so a word
# seen before costs one dictionary look-up. Emptied when it grows past _CACHE_MAX words.
_CACHE: dict[tuple, dict[int, tuple[int, ...]]] = {}
_CACHE_MAX = 200_000


def batch_features(docs, ngram_size: int = 1, cjk: int = 0, affix: int = 0, affix_min: int = 6,
                   lower: int = 0) -> tuple:
    """(keys, counts, lengths) of a batch: each doc's token ids (ORTH) and their n-grams up to
    ``ngram_size``, and :func:`text_features` of its words: each distinct word of the batch looked up
    once by its id (a new word computed once), then spread to its tokens with numpy."""
    from spacy.attrs import ORTH

    arrays = [doc.to_array(ORTH) for doc in docs]
    sizes = numpy.fromiter(map(len, arrays), dtype=numpy.int64, count=len(arrays))
    if not sizes.any():
        return _distinct(numpy.zeros(0, dtype=numpy.uint64), numpy.zeros(0, dtype=numpy.int64), len(docs))
    ids = numpy.concatenate(arrays)
    owner = numpy.repeat(numpy.arange(len(docs)), sizes)
    keys, owners = [ids], [owner]
    if ngram_size > 1:
        from thinc.api import NumpyOps
        ops = NumpyOps()
        for at, doc_ids in enumerate(arrays):
            for n in range(2, ngram_size + 1):
                grams = ops.ngrams(n, doc_ids)
                keys.append(grams)
                owners.append(numpy.full(len(grams), at, dtype=numpy.int64))
    if cjk or affix or lower:
        cache = _CACHE.setdefault((cjk, affix, affix_min, lower), {})
        if len(cache) > _CACHE_MAX:
            cache.clear()
        strings = docs[0].vocab.strings
        distinct, inverse = numpy.unique(ids, return_inverse=True)  # each word of the batch once
        found = []
        for key in distinct.tolist():
            got = cache.get(key)
            if got is None:
                got = cache[key] = tuple(text_features([strings[key]], cjk, affix, affix_min, lower))
            found.append(got)
        per_word = numpy.fromiter(map(len, found), dtype=numpy.int64, count=len(found))
        if per_word.any():
            flat = numpy.fromiter(itertools.chain.from_iterable(found), dtype=numpy.uint64, count=int(per_word.sum()))
            first = numpy.cumsum(per_word) - per_word
            per_token = per_word[inverse]
            tokens = numpy.flatnonzero(per_token)
            reps = per_token[tokens]
            total = int(reps.sum())
            at = numpy.repeat(first[inverse[tokens]] - (numpy.cumsum(reps) - reps), reps) + numpy.arange(total)
            keys.append(flat[at])
            owners.append(numpy.repeat(owner[tokens], reps))
    if len(keys) == 1:
        return _distinct(ids, owner, len(docs))
    return _distinct(numpy.concatenate(keys), numpy.concatenate(owners), len(docs))


def sparse_bow(extractor, length: int, nO=None):
    """spaCy's TextCatBOW layers behind a given feature extractor (the linear layer, its resizing and
    the output are spaCy's own: spacy.ml.models.textcat.build_bow_text_classifier_v3)."""
    from functools import partial

    from spacy.ml.models.textcat import NEG_VALUE, resize_and_set_ref, resize_linear_weighted
    from thinc.api import Logistic, SparseLinear_v2, chain, resizable, with_cpu

    length = 2 ** (length - 1).bit_length()
    sparse_linear = SparseLinear_v2(nO=nO, length=length)
    output_layer = Logistic()
    resizable_layer = resizable(sparse_linear, resize_layer=partial(
        resize_linear_weighted, fill_defaults={"b": NEG_VALUE, "W": 0}))
    model = chain(extractor, resizable_layer)
    model = with_cpu(model, model.ops)
    model = chain(model, with_cpu(output_layer, output_layer.ops))
    if nO is not None:
        model.set_dim("nO", nO)
    model.set_ref("output_layer", sparse_linear)
    model.attrs["multi_label"] = True
    model.attrs["resize_output"] = partial(resize_and_set_ref, resizable_layer=resizable_layer)
    return model


def extractor(ngram_size: int = 1, cjk: int = 0, affix: int = 0, affix_min: int = 6, lower: int = 0):
    """The thinc layer of :func:`batch_features` (no weights; its settings in ``attrs``, which the
    tagger's fast path reads)."""
    from thinc.api import Model

    settings = {"ngram_size": ngram_size, "cjk": cjk, "affix": affix, "affix_min": affix_min, "lower": lower}

    def forward(model, docs, is_train):
        keys, counts, lengths = batch_features(docs, **settings)
        return (keys, counts, lengths), lambda d_out: []

    return Model("extract_features", forward, attrs=dict(settings))


def register() -> None:
    """Make :data:`NAME` known to spaCy's registry (once; a model file of this architecture loads
    only after it)."""
    from spacy.util import registry

    if NAME in registry.architectures:
        return

    @registry.architectures(NAME)
    def build(exclusive_classes: bool, ngram_size: int, no_output_layer: bool, length: int, cjk: int = 0,
              affix: int = 0, affix_min: int = 6, lower: int = 0, nO=None):
        return sparse_bow(extractor(ngram_size, cjk, affix, affix_min, lower), length, nO)
