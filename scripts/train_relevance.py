"""Train the shipped relevance classifier (outagewatch/nlp/data/relevance.zip), reproducibly.

Why: the rules' relevance did not carry from one blind writer to the next; a bag-of-words spaCy
classifier, trained on several writers, did better on a writer it never saw
(benchmarks/relevance_model.py, leave-one-writer-out; figures in docs/benchmarks.md). This
script trains the model that ships, the same way the benchmark trained the figures' models.

Training data: every group of scripts/relevance_data.py, i.e. the writers of
``relevance_data.WRITERS`` (training/tagging/writer_*.jsonl, written for training, blind to the
rules) and the old labelled sets tests/data/tagging_{dev,holdout,tune,final,final3,final4,final5,
final6,final7,final8,final9,final10,final11,final12,final13,final14,final15,final16,final17,final18,final19,final20,final21,final22,final23,final24,final25,final26,final27,final28,final29,final30,final31,final32}.jsonl. The lead's blind sets (tagging_final33.jsonl, tagging_final34.jsonl) are in
``relevance_data.NEVER_READ`` and never opened.

How the rules and the model are combined, per flag (``shipped+sure`` in the benchmark): the model
decides where it is confident (probability at or above ``hi``: yes; below ``lo``, at most 0.15: no; ``hi`` at least 0.85), the rules
in between; it may not say yes over the rules' no unless they found a service, provider or problem
word and did not rule the text out on purpose, or it is sure (``sure``, at least 0.99) and they ruled
nothing out; nor no over their "ongoing" where the text dates the
problem to now ("today's", "right now"), and a status stage the rules read decides. ``lo``,
``hi`` and ``sure`` are chosen here, as in the benchmark: each writer group is predicted by a model trained
on every other group, and the triple that scores best on those held-out writers' records is kept.
Then the model is trained on everything. Seeds and orders are fixed: two runs with the same rules
write the same bytes (``--check`` compares against the shipped file). The rules take part (the filled-in
RELEVANT negatives, the thresholds), so after a change of the rules the bytes change: retrain.

    PYTHONPATH=. .venv/bin/python scripts/train_relevance.py [--out PATH] [--check] [--probs FILE] [--jobs N]

``--probs FILE`` keeps the held-out writers' probabilities of the threshold step (each writer predicted
by a model of this recipe trained on every other group): the "after" side of a leave-one-writer-out
comparison (``benchmarks/relevance_model.py --compare BEFORE FILE``) without training those models again.
``--jobs N`` fits those held-out writers' models in N processes (each fit is seeded on its own: the same
bytes as one process).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))
sys.path.insert(0, str(REPO / "benchmarks"))

import relevance_data as rd  # noqa: E402
import relevance_models as rm  # noqa: E402

KIND = "shipped+sure"
EPOCHS = 12
# The features: token unigrams, character pairs inside kana/kanji/hangul runs and the first and last four
# letters of each word of six letters or more (the `cjk2+affix4` candidate of benchmarks/relevance_model.py,
# the best on the held-out writers; outagewatch/nlp/relevance_features.py). None: spaCy's TextCatBOW.v3 alone.
FEATURES = {"cjk": 2, "affix": 4}
ARCHITECTURE = rm.features_architecture(**FEATURES) if FEATURES else None


def describe() -> str:
    if not FEATURES:
        return "spaCy TextCatBOW.v3 (token unigrams, 2^16 features)"
    extra = [f"character {FEATURES['cjk']}-grams inside kana/kanji/hangul runs"] if FEATURES.get("cjk") else []
    if FEATURES.get("affix"):
        extra.append(f"the first and last {FEATURES['affix']} letters of words of 6 letters or more")
    return f"TextCatBOWFeatures.v1 (token unigrams, {', '.join(extra)}; spaCy's BOW layers, 2^16 features)"


_FILLED: list = []  # the training records, for the fitting processes (inherited, not pickled)


def _held_out_fit(writer: str) -> list[tuple[float, float]]:
    """One writer's records predicted by a model trained on every other group."""
    train = [r for r in _FILLED if r["group"] != writer]
    model = rm.fit_shipped(train, epochs=EPOCHS, architecture=ARCHITECTURE)
    return [tuple(p) for p in model.predict_many(r["text"] for r in _FILLED if r["group"] == writer)]


def held_out_probs(records, rules, jobs: int = 1) -> dict[str, list[tuple[float, float]]]:
    """{writer: its records' (P(relevant), P(ongoing)) from a model trained on every other group}, the
    writers' fits in ``jobs`` processes (forked: they read the records the parent holds)."""
    import relevance_model as bench
    _FILLED[:] = bench.fill_rel(records, rules)
    writers = [w for w in rd.WRITERS if any(r["group"] == w for r in records)]
    try:
        if jobs <= 1:
            return {w: _held_out_fit(w) for w in writers}
        import multiprocessing
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            return dict(zip(writers, pool.map(_held_out_fit, writers, chunksize=1)))
    finally:
        _FILLED.clear()


def choose_thresholds(records, rules, held_out: dict | None = None, jobs: int = 1) -> dict[str, tuple]:
    """(lo, hi, sure) per flag from each writer group predicted by a model trained on the others.
    ``held_out``, if given, receives those predictions ({writer: [[id, P(relevant), P(ongoing)], ...]}):
    they are the leave-one-writer-out probabilities of exactly this recipe and these rules."""
    import relevance_model as bench
    held_records, held_rules, probs = [], [], []
    for writer, predicted in held_out_probs(records, rules, jobs).items():
        test = [i for i, r in enumerate(records) if r["group"] == writer]
        if held_out is not None:
            held_out[writer] = [[records[i]["id"], *p] for i, p in zip(test, predicted)]
        probs += predicted
        held_records += [records[i] for i in test]
        held_rules += [rules[i] for i in test]
    chosen = bench.choose(KIND, held_records, held_rules, probs)
    return {"relevant": tuple(chosen["rel"]), "ongoing": tuple(chosen["ong"])}


def train(records, rules, held_out: dict | None = None, jobs: int = 1):
    chosen = choose_thresholds(records, rules, held_out, jobs)
    thresholds = {label: params[:2] for label, params in chosen.items()}
    sure = {label: params[2] for label, params in chosen.items() if len(params) > 2 and params[2] <= 1.0}
    counts = ", ".join(f"{g} {sum(r['group'] == g for r in records)}" for g in rd.GROUPS)
    info = (f"{describe()}, {EPOCHS} epochs, seed {rm.SEED}; trained on "
            f"{len(records)} texts ({counts}); thresholds (lo, hi, sure) chosen leave-one-writer-out, combined as "
            f"{KIND}")
    import relevance_model as bench
    return rm.fit_shipped(bench.fill_rel(records, rules), epochs=EPOCHS, thresholds=thresholds, info=info,
                          architecture=ARCHITECTURE, sure=sure)


def main() -> int:
    from outagewatch.nlp import Tagger
    from outagewatch.nlp.relevance import DEFAULT_PATH

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_PATH, help="where to write the model")
    parser.add_argument("--check", action="store_true",
                        help="train into a temporary file and say whether it is byte-identical to --out")
    parser.add_argument("--probs", type=Path, metavar="FILE",
                        help="also write the held-out writers' probabilities the thresholds were chosen on, in "
                             "benchmarks/relevance_model.py's --probs format (for its --compare)")
    parser.add_argument("--jobs", type=int, default=1, metavar="N",
                        help="fit the held-out writers' models in N processes (same bytes as one)")
    args = parser.parse_args()
    records = rd.load_groups()
    rules = rd.rules_tags(records, Tagger(relevance_model=False))
    held_out: dict = {}
    model = train(records, rules, held_out, args.jobs)
    if args.probs:
        args.probs.write_text(json.dumps({KIND: held_out}))
    print(model.info)
    print("thresholds (lo, hi): " + ", ".join(f"{k} {v[0]:.2f}-{v[1]:.2f}" for k, v in model.thresholds.items())
          + "; sure: " + (", ".join(f"{k} {v:.2f}" for k, v in model.sure.items()) or "never"))
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "relevance.zip"
            model.save(path)
            same = args.out.exists() and path.read_bytes() == args.out.read_bytes()
            print(f"{'same bytes as' if same else 'DIFFERS from'} {args.out}")
            return 0 if same else 1
    model.save(args.out)
    data = args.out.read_bytes()
    print(f"written {args.out}: {len(data) / 1024:.0f} KiB, sha256 {hashlib.sha256(data).hexdigest()[:16]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
