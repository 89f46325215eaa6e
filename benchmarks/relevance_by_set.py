"""Relevance and ongoing accuracy on every development set in one run, the rules alone beside the
rules with the trained classifier (what `outagewatch tag --json` calls ``model.rules`` and the flags).

The same labels and scoring as benchmarks/tagging_eval.py (its ``labels`` and ``definition_of``), one
tagger for all sets, so a before/after table of every set takes seconds. Only development sets are
read: tests/data's old sets and final6-final32, and training/tagging/writer_*.jsonl. The blind sets
(tagging_final33.jsonl, tagging_final34.jsonl) are never opened.

    PYTHONPATH=TREE .venv/bin/python benchmarks/relevance_by_set.py [--sets dev,final6,writer_i] [--errors DIR]
        [--relevance-model FILE]

``--errors DIR`` writes DIR/SET.jsonl: each case whose rules' or combined flag differs from its label.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OLD = ("dev", "holdout", "tune", "final", "final3", "final4", "final5", "final6", "final7", "final8", "final9", "final10", "final11", "final12", "final13", "final14", "final15", "final16", "final17", "final18", "final19", "final20", "final21", "final22", "final23", "final24", "final25", "final26", "final27", "final28", "final29", "final30", "final31", "final32")
sys.path.insert(0, str(REPO / "scripts"))
from relevance_data import WRITERS  # noqa: E402  (the classifier's training writers: one list for both)


def path_of(name: str) -> Path:
    if name.startswith("writer_"):
        return REPO / "training" / "tagging" / f"{name}.jsonl"
    if name not in OLD:
        raise SystemExit(f"error: {name!r} is not a development set (one of {', '.join(OLD + WRITERS)})")
    return REPO / "tests" / "data" / f"tagging_{name}.jsonl"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default=",".join(OLD + WRITERS), help="comma-separated set names")
    parser.add_argument("--errors", type=Path, help="a directory for each set's misclassified cases")
    parser.add_argument("--relevance-model", type=Path, default=None,
                        help="the classifier file to combine with the rules (default: the shipped one), for a "
                             "before/after of two models on the same rules")
    args = parser.parse_args()
    sys.path.insert(0, str(REPO))
    sys.path.insert(0, str(REPO / "benchmarks"))
    from tagging_eval import definition_of, labels

    from outagewatch.nlp import Tagger

    tagger = Tagger(relevance_model=args.relevance_model or True)
    if args.errors:
        args.errors.mkdir(parents=True, exist_ok=True)
    print(f"{'set':<10}{'cases':>6}  {'relevant: rules':>15} {'combined':>9}  {'ongoing: rules':>14} {'combined':>9}")
    pooled: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    n_cases = 0
    for name in args.sets.split(","):
        path = path_of(name)
        cases = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
        definition = definition_of(path)
        got = tagger.tag_texts([(c["text"], c.get("source"), c.get("lang_hint")) for c in cases])
        right: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
        wrong = []
        for case, tags in zip(cases, got):
            rules = tags.get("model", {}).get("rules", {"relevant": tags["relevant"], "ongoing": tags["ongoing"]})
            for field, expected in labels(case, definition).items():
                for who, value in (("rules", rules[field]), ("combined", tags[field])):
                    right[field, who][1] += 1
                    right[field, who][0] += expected == value
                if rules[field] != expected or tags[field] != expected:
                    wrong.append({"id": case["id"], "kind": case["kind"], "lang": case["lang"], "field": field,
                                  "expected": expected, "rules": rules[field], "combined": tags[field],
                                  "p": tags.get("model", {}).get(field), "symptoms": tags["symptoms"],
                                  "services": tags["services"], "text": case["text"]})
        if args.errors:
            with open(args.errors / f"{name}.jsonl", "w", encoding="utf-8") as out:
                out.writelines(json.dumps(w, ensure_ascii=False) + "\n" for w in wrong)

        for key, (ok, total) in right.items():
            pooled[key][0] += ok
            pooled[key][1] += total
        n_cases += len(cases)
        print(row(name, len(cases), right), flush=True)
    # every label of every set named, counted once (a set's labels as its definition gives them)
    print(row("POOLED", n_cases, pooled, digits=4)
          + f"  (labels: relevant {pooled['relevant', 'rules'][1]}, ongoing {pooled['ongoing', 'rules'][1]})")
    return 0


def row(name: str, cases: int, right, digits: int = 3) -> str:
    def acc(field: str, who: str) -> str:
        ok, total = right[field, who]
        return f"{ok / total:.{digits}f}" if total else "-"

    return (f"{name:<10}{cases:>6}  {acc('relevant', 'rules'):>15} {acc('relevant', 'combined'):>9}  "
            f"{acc('ongoing', 'rules'):>14} {acc('ongoing', 'combined'):>9}")


if __name__ == "__main__":
    sys.exit(main())
