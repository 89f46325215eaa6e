"""Tagging quality on the labelled development set (tests/data/tagging_dev.jsonl).

Prints micro-averaged precision, recall and F1 for services, providers, regions (and
symptoms where a case is labelled with them), accuracy of outage relevance, status stage
and language, per field and per kind of case. With the GitHub incident corpus present,
also how often the detected stage agrees with the stage Statuspage recorded for each of
its 2,800 real updates.

    .venv/bin/python benchmarks/tagging_eval.py [--errors] [--dev PATH]
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
TARGETS = {"services": 0.90, "providers": 0.90, "regions": 0.95, "relevant": 0.95}


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


def evaluate(cases: list[dict], tagger, show_errors: bool = False) -> dict:
    fields = {name: Counts() for name in SET_FIELDS}
    by_kind: dict[str, dict[str, Counts]] = defaultdict(lambda: {name: Counts() for name in SET_FIELDS})
    accuracy: dict[str, list[int]] = {"relevant": [0, 0], "status": [0, 0], "lang": [0, 0]}
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
        checks = [("relevant", case["relevant"], got["relevant"]), ("lang", case["lang"], got["lang"])]
        if "status" in case:
            checks.append(("status", case["status"], got["status"]))
        for name, expected, found in checks:
            accuracy[name][1] += 1
            accuracy[name][0] += expected == found
            if expected != found:
                wrong.append(f"{name}: expected {expected} got {found}")
        kind_relevant[case["kind"]][1] += 1
        kind_relevant[case["kind"]][0] += case["relevant"] == got["relevant"]
        if wrong and show_errors:
            print(f"- {case['id']}: {case['text'][:110]!r}", file=sys.stderr)
            for line in wrong:
                print(f"    {line}", file=sys.stderr)
    return {"fields": fields, "by_kind": by_kind, "accuracy": accuracy, "kind_relevant": kind_relevant}


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
    args = parser.parse_args()
    sys.path.insert(0, str(REPO))
    from outagewatch.nlp import Tagger

    cases = [json.loads(line) for line in args.dev.read_text("utf-8").splitlines() if line.strip()]
    tagger = Tagger()
    report = evaluate(cases, tagger, args.errors)
    langs = sorted({c["lang"] for c in cases})
    print(f"dev set: {args.dev.relative_to(REPO) if args.dev.is_relative_to(REPO) else args.dev}: "
          f"{len(cases)} cases, languages {', '.join(langs)}")
    print(f"{'field':<10} {'precision':>9} {'recall':>7} {'F1':>6}  {'target':>6}  cases labelled")
    ok = True
    for name, counts in report["fields"].items():
        p, r, f = counts.prf()
        target = TARGETS.get(name)
        mark = "" if target is None else ("  ok" if f >= target else "  MISSED")
        ok &= target is None or f >= target
        print(f"{name:<10} {p:9.3f} {r:7.3f} {f:6.3f}  {target if target else '':>6}  {counts.cases}{mark}")
    for name, (right, total) in report["accuracy"].items():
        acc = right / total if total else 1.0
        target = TARGETS.get(name)
        mark = "" if target is None else ("  ok" if acc >= target else "  MISSED")
        ok &= target is None or acc >= target
        print(f"{name + ' acc.':<18} {acc:6.3f} ({right}/{total}){'  target ' + str(target) + mark if target else ''}")
    print("\nper kind of case: services F1 / providers F1 / regions F1 / relevance accuracy")
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
