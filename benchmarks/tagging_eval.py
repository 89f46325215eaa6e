"""Tagging quality on the labelled development set (tests/data/tagging_dev.jsonl).

Prints micro-averaged precision, recall and F1 for services, providers, regions (and
symptoms where a case is labelled with them), accuracy of outage relevance, of "ongoing",
status stage and language, per field and per kind of case.

A set's ``relevant`` label was written under one of two definitions, recorded in
tests/data/tagging_relevance.json: "reports a problem now" (scored against the tagger's
``ongoing``) or "about an outage" (scored against ``relevant``). A record that carries its
own ``ongoing`` label is scored on both. The same labels read under the other definition are
printed too, for reference only. With the GitHub incident corpus present,
also how often the detected stage agrees with the stage Statuspage recorded for each of
its 2,800 real updates.

    .venv/bin/python benchmarks/tagging_eval.py [--errors] [--dev PATH] [--rules-only]

``--rules-only``: the rules' own relevance, without the trained classifier (it decides only where it is
sure, so the rules decide every other case: their own figure says how well they do that).
"""

from __future__ import annotations

import argparse
import glob
import json
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEV = REPO / "tests" / "data" / "tagging_dev.jsonl"
GITHUB = REPO.parent / "shared" / "corpora" / "status" / "github-incident-history"
SET_FIELDS = ("services", "providers", "regions", "symptoms")
TARGETS = {"services": 0.90, "providers": 0.90, "regions": 0.95, "relevant": 0.95, "ongoing": 0.95}
DEFINITIONS = REPO / "tests" / "data" / "tagging_relevance.json"


def definition_of(path: Path) -> str:
    """'ongoing' or 'outage': what the set's ``relevant`` label means (an unlisted set: 'outage')."""
    try:
        sets = json.loads(DEFINITIONS.read_text("utf-8"))["sets"]
    except FileNotFoundError:
        return "outage"
    return sets.get(path.name, {}).get("relevant_means", "outage")


def labels(case: dict, definition: str) -> dict[str, bool]:
    """The relevance labels of one case, by the tagger field each is scored against."""
    if "ongoing" in case:
        return {"relevant": case["relevant"], "ongoing": case["ongoing"]}
    return {"ongoing" if definition == "ongoing" else "relevant": case["relevant"]}


class Counts:
    def __init__(self) -> None:
        self.tp = self.fp = self.fn = self.cases = 0

    def add(self, expected: set, got: set) -> None:
        self.cases += 1
        self.tp += len(expected & got)
        self.fp += len(got - expected)
        self.fn += len(expected - got)

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


MEANINGS = {"ongoing": "reports a problem now", "outage": "about an outage"}


def evaluate(cases: list[dict], tagger, show_errors: bool = False, definition: str = "outage") -> dict:
    fields = {name: Counts() for name in SET_FIELDS}
    by_kind: dict[str, dict[str, Counts]] = defaultdict(lambda: {name: Counts() for name in SET_FIELDS})
    accuracy: dict[str, list[int]] = {"relevant": [0, 0], "ongoing": [0, 0], "status": [0, 0], "lang": [0, 0]}
    other: dict[str, list[int]] = {"relevant": [0, 0], "ongoing": [0, 0]}  # the labels read the other way
    after: list[int] = [0, 0]  # cases the tagger reads as after the fact (relevant, not ongoing): labelled true
    kind_relevant: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    results = tagger.tag_texts([(c["text"], c.get("source"), c.get("lang_hint")) for c in cases])
    for case, got in zip(cases, results):
        wrong = []
        for name in SET_FIELDS:
            if name not in case:
                continue
            expected, found = set(case[name]), set(got[name])
            fields[name].add(expected, found)
            by_kind[case["kind"]][name].add(expected, found)
            if expected != found:
                wrong.append(f"{name}: expected {sorted(expected)} got {sorted(found)}")
        own = labels(case, definition)
        checks = [(name, expected, got[name]) for name, expected in own.items()] + [("lang", case["lang"], got["lang"])]
        if "ongoing" not in case:
            swapped = "relevant" if "ongoing" in own else "ongoing"
            other[swapped][1] += 1
            other[swapped][0] += case["relevant"] == got[swapped]
        if got["relevant"] and not got["ongoing"]:
            after[1] += 1
            after[0] += case["relevant"]
        if "status" in case:
            checks.append(("status", case["status"], got["status"]))
        for name, expected, found in checks:
            accuracy[name][1] += 1
            accuracy[name][0] += expected == found
            if expected != found:
                wrong.append(f"{name}: expected {expected} got {found}")
        first = "relevant" if "relevant" in own else "ongoing"
        kind_relevant[case["kind"]][1] += 1
        kind_relevant[case["kind"]][0] += own[first] == got[first]
        if wrong and show_errors:
            print(f"- {case['id']}: {case['text'][:110]!r}", file=sys.stderr)
            for line in wrong:
                print(f"    {line}", file=sys.stderr)
    return {"fields": fields, "by_kind": by_kind, "accuracy": accuracy, "kind_relevant": kind_relevant,
            "other": other, "after": after}


def github_status_agreement(tagger) -> tuple[int, int] | None:
    """Detected stage vs the stage Statuspage recorded, over every real GitHub update."""
    files = sorted(glob.glob(str(GITHUB / "*.json")))
    if not files:
        return None
    items, expected = [], []
    for path in files:
        incident = json.loads(Path(path).read_text("utf-8"))["incident"]
        for update in incident["incident_updates"]:
            if update["status"] in ("investigating", "identified", "monitoring", "resolved") and update["body"]:
                items.append((update["body"], "statuspage:www.githubstatus.com", "en"))
                expected.append(update["status"])
    agree = sum(e == got["status"] for e, got in zip(expected, tagger.tag_texts(items)))
    return agree, len(items)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", type=Path, default=DEV)
    parser.add_argument("--errors", action="store_true", help="List every case that is not tagged as labelled.")
    parser.add_argument("--rules-only", action="store_true",
                        help="Score the rules alone, without the trained relevance classifier.")
    args = parser.parse_args()
    sys.path.insert(0, str(REPO))
    from outagewatch.nlp import Tagger

    cases = [json.loads(line) for line in args.dev.read_text("utf-8").splitlines() if line.strip()]
    tagger = Tagger(relevance_model=False) if args.rules_only else Tagger()
    definition = definition_of(args.dev)
    report = evaluate(cases, tagger, args.errors, definition)
    langs = sorted({c["lang"] for c in cases})
    print(f"dev set: {args.dev.relative_to(REPO) if args.dev.is_relative_to(REPO) else args.dev}: "
          f"{len(cases)} cases, languages {', '.join(langs)}" + ("; the rules alone (no classifier)"
                                                                  if args.rules_only else ""))
    print(f"its 'relevant' labels mean: {MEANINGS[definition]} (tests/data/{DEFINITIONS.name}); "
          f"scored against the tagger's '{'ongoing' if definition == 'ongoing' else 'relevant'}'"
          + ("; records with their own 'ongoing' label are scored on both" if any("ongoing" in c for c in cases)
             else ""))
    print(f"{'field':<10} {'precision':>9} {'recall':>7} {'F1':>6}  {'target':>6}  cases labelled")
    ok = True
    for name, counts in report["fields"].items():
        p, r, f = counts.prf()
        target = TARGETS.get(name)
        mark = "" if target is None else ("  ok" if f >= target else "  MISSED")
        ok &= target is None or f >= target
        print(f"{name:<10} {p:9.3f} {r:7.3f} {f:6.3f}  {target if target else '':>6}  {counts.cases}{mark}")
    for name, (right, total) in report["accuracy"].items():
        if not total and name in ("relevant", "ongoing"):
            right, total = report["other"][name]
            if total:
                print(f"{name + ' acc.':<18} {right / total:6.3f} ({right}/{total})  reference only: "
                      f"the labels read as the other definition")
            continue
        acc = right / total if total else 1.0
        target = TARGETS.get(name)
        mark = "" if target is None else ("  ok" if acc >= target else "  MISSED")
        ok &= target is None or acc >= target
        print(f"{name + ' acc.':<18} {acc:6.3f} ({right}/{total}){'  target ' + str(target) + mark if target else ''}")
    right, total = report["after"]
    print(f"read as after the fact (relevant, not ongoing) by the tagger: {total} cases, {right} labelled "
          f"relevant (the evidence for what the labels mean)")
    print("\nper kind of case: services F1 / providers F1 / regions F1 / accuracy of the set's relevance label")
    for kind, fields in sorted(report["by_kind"].items()):
        right, total = report["kind_relevant"][kind]
        f1s = " / ".join(f"{fields[n].prf()[2]:.3f}" for n in ("services", "providers", "regions"))
        print(f"  {kind:<14} {total:4d} cases  {f1s} / {right / total:.3f}")
    agreement = github_status_agreement(tagger)
    if agreement:
        right, total = agreement
        print(f"\nGitHub incident corpus: detected stage equals Statuspage's stage for {right}/{total} updates "
              f"({right / total:.3f}); Statuspage keeps 'investigating' on updates that report a fix or recovery, "
              f"so this is a floor, not an accuracy")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
