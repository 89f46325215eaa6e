"""A trained relevance classifier against the rules, and beside them: the comparison.

Trains scripts/train_relevance.py's bag-of-words ``textcat_multilabel`` (fixed seeds) and
prints:

1. 5-fold cross-validation on the training sets (dev, holdout, tune, final, final3): per
   set, accuracy of the model alone, the rules alone and each combination, scored the way
   benchmarks/tagging_eval.py scores a set (a "problem now" set against ``ongoing``, an
   "about an outage" set against ``relevant``). The rules were tuned on these sets, so
   their figures here are development figures; the model's are honest held-out ones.
   The combination (and its threshold) is chosen here, on the folds, never on a blind set.
2. ONE evaluation on tests/data/tagging_final4.jsonl (never trained or tuned on; it has
   both labels): ``relevant`` and ``ongoing`` accuracy of model, rules and the chosen
   combination.
3. Cost: CPU µs per text of the classifier on the docs the tagger makes, for the texts of
   tagging_throughput.py's realistic mix that pass the prescan (the ones that reach the
   pipeline), and per text of the whole mix; the model's size on disk.

Combinations (the rules' tags are ``relevant``, ``ongoing``, services and providers):
``add-named(t)``: the model may turn a flag on where the rules did not, only in a text that
names a service or provider; ``add-any(t)``: the same anywhere; ``veto(t)``: the model may
turn the rules' ``relevant`` off where it gives it below ``t``.

    .venv/bin/python benchmarks/relevance_model.py [--texts 20000]
"""

from __future__ import annotations

import argparse
import math
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))
sys.path.insert(0, str(REPO / "benchmarks"))

import train_relevance as tr  # noqa: E402

BLIND = "tagging_final4.jsonl"


def combine(kind: str, t: float, rules: dict, p_rel: float, p_ong: float) -> tuple[bool, bool]:
    """(relevant, ongoing) of one text under a combination; ongoing implies relevant."""
    rel, ong = rules["relevant"], rules["ongoing"]
    named = bool(rules["services"] or rules["providers"])
    if kind == "rules":
        pass
    elif kind == "model":
        rel, ong = p_rel >= t, p_ong >= t
    elif kind == "add-named":
        rel = rel or (named and p_rel >= t)
        ong = ong or (named and p_ong >= t)
    elif kind == "add-any":
        rel, ong = rel or p_rel >= t, ong or p_ong >= t
    elif kind == "veto":
        rel = rel and p_rel >= t
        ong = ong and rel
    return rel or ong, ong


CANDIDATES = [("rules", 0.0), ("model", 0.5)] + [(k, t / 100) for k in ("add-named", "add-any")
                                                  for t in (*range(50, 90, 5), 90, 92, 94, 96, 98, 99)] + \
             [("veto", t / 100) for t in (1, 2, 5, 10, 20)]


def accuracy_by_set(cases, rules, probs, kind, t) -> dict[str, tuple[int, int]]:
    """Per training set: (right, total) on the field its labels mean."""
    out: dict[str, list[int]] = {}
    for case, r, (pr, po) in zip(cases, rules, probs):
        rel, ong = combine(kind, t, r, pr, po)
        field = "ongoing" if tr.definition_of(case["set"]) == "ongoing" else "relevant"
        got = ong if field == "ongoing" else rel
        right_total = out.setdefault(case["set"], [0, 0])
        right_total[0] += got == case["relevant"]
        right_total[1] += 1
    return {k: (v[0], v[1]) for k, v in out.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=20000, help="texts of the realistic mix timed")
    args = parser.parse_args()
    from outagewatch.nlp import Tagger

    print(f"load average at start: {os.getloadavg()}")
    tagger = Tagger()
    cases = tr.training_cases()
    rules = tr.rules_tags(cases, tagger)
    filled = tr.fill_relevant(cases, rules)  # training labels; scoring uses each set's own

    # 1. cross-validation
    fold = tr.folds(cases)
    probs: list[tuple[float, float]] = [(0.0, 0.0)] * len(cases)
    for k in range(5):
        model = tr.train([c for c, f in zip(filled, fold) if f != k])
        held = [i for i, f in enumerate(fold) if f == k]
        for i, p in zip(held, tr.scores(model, [cases[i]["text"] for i in held])):
            probs[i] = p
    sets = list(tr.TRAIN_SETS)
    base = accuracy_by_set(cases, rules, probs, "rules", 0)
    print("\n5-fold CV on the training sets (accuracy on each set's own definition; "
          "rules: tuned on these sets)")
    print(f"{'candidate':16}" + "".join(f"{s.removeprefix('tagging_').removesuffix('.jsonl'):>9}" for s in sets)
          + f"{'pooled':>9}  worst drop vs rules (in s.e.)")
    best, best_score = ("rules", 0.0), -1.0
    for kind, t in CANDIDATES:
        acc = accuracy_by_set(cases, rules, probs, kind, t)
        pooled = sum(a for a, _ in acc.values()) / sum(n for _, n in acc.values())
        drops = []
        for s in sets:
            r, n = base[s]
            p = r / n
            se = max(math.sqrt(p * (1 - p) / n), 1 / n)
            drops.append((r - acc[s][0]) / n / se)
        worst = max(drops)
        print(f"{kind + ('' if kind == 'rules' else f'({t:.2f})'):16}"
              + "".join(f"{acc[s][0] / acc[s][1]:9.3f}" for s in sets) + f"{pooled:9.3f}  {worst:+.1f}")
        if kind not in ("rules", "model") and worst <= 1.0 and pooled > best_score:
            best, best_score = (kind, t), pooled
    rules_pooled = sum(a for a, _ in base.values()) / sum(n for _, n in base.values())
    if best_score <= rules_pooled:
        print(f"no combination beats the rules' pooled CV {rules_pooled:.3f} without a set dropping by more "
              f"than one standard error; the best such: {best} at {best_score:.3f}")
    else:
        print(f"chosen by CV: {best[0]}({best[1]:.2f}), pooled {best_score:.3f} vs rules {rules_pooled:.3f}")
    chosen = best

    # 2. one evaluation on the blind set
    model = tr.train(filled)
    blind = tr.read_set(BLIND)
    blind_rules = list(tagger.tag_texts([(c["text"], c.get("source"), c.get("lang_hint")) for c in blind]))
    blind_probs = tr.scores(model, [c["text"] for c in blind])
    print(f"\n{BLIND} ({len(blind)} cases, both labels; never trained or tuned on)")
    print(f"{'':24}{'relevant':>9}{'ongoing':>9}")
    for kind, t in (("rules", 0.0), ("model", 0.5), chosen):
        rel_right = ong_right = 0
        for case, r, (pr, po) in zip(blind, blind_rules, blind_probs):
            rel, ong = combine(kind, t, r, pr, po)
            rel_right += rel == case["relevant"]
            ong_right += ong == case["ongoing"]
        name = kind if kind == "rules" else f"{kind}({t:.2f})"
        print(f"{name:24}{rel_right / len(blind):9.3f}{ong_right / len(blind):9.3f}")
    for field, at in (("relevant", 0), ("ongoing", 1)):
        fixed = broke = 0
        for case, r, (pr, po) in zip(blind, blind_rules, blind_probs):
            before = r[field] == case[field]
            after = combine(*chosen, r, pr, po)[at] == case[field]
            fixed += after and not before
            broke += before and not after
        n = fixed + broke
        p = min(1.0, 2 * sum(math.comb(n, i) for i in range(0, min(fixed, broke) + 1)) / 2 ** n) if n else 1.0
        print(f"{field}: the combination fixes {fixed} of the rules' errors and makes {broke} new ones "
              f"(exact McNemar p = {p:.2f})")

    # 3. cost and size
    from tagging_throughput import make_mix

    texts = make_mix(args.texts, 1)
    reach = [t for t in texts if tagger.prescan.clear(t) is None]
    docs = list(tagger.nlp.tokenizer.pipe(reach))
    textcat = model.get_pipe("textcat_multilabel")
    list(textcat.pipe(docs[:500]))  # warm up
    runs = []
    for _ in range(3):
        start = time.process_time()
        for _ in textcat.pipe(docs, batch_size=1000):
            pass
        runs.append(time.process_time() - start)
    cpu = sorted(runs)[1]
    with tempfile.TemporaryDirectory() as tmp:
        model.to_disk(tmp, exclude=["tokenizer"])  # the tagger builds its own tokenizer
        size = sum(p.stat().st_size for p in Path(tmp).rglob("*") if p.is_file())
    print(f"\ncost: {len(reach)} of {len(texts)} texts of the realistic mix reach the pipeline; the classifier "
          f"on their docs: {cpu / len(reach) * 1e6:.1f} µs CPU per pipeline text, "
          f"{cpu / len(texts) * 1e6:.1f} µs per text of the mix (median of 3)")
    print(f"size on disk: {size / 1024:.0f} KiB (spaCy's to_disk without the tokenizer)")
    print(f"load average at end: {os.getloadavg()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
