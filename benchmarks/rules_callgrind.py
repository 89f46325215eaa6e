"""The rules stage's instructions under callgrind: ``resolve`` (and the relevance model) alone, on docs made once.

Whole-tagger counts (``tagger_instructions.py``) hold every stage; a rules change is a few per cent of them. Here the
realistic mix's texts that reach the pipeline (``make_mix``, as ``rules_alone.py`` makes them) are made into docs
once, one round of ``resolve`` (and the tag dict) warms the rules' word caches, and callgrind's instrumentation is
switched on only around the measured rounds (a small C shim calling ``CALLGRIND_START_INSTRUMENTATION``, built
with gcc from valgrind's header at the first run). Each part is dumped to a file of its own, in turn: with
``--part both``, ``OUT.1`` the rules and ``OUT.2`` the relevance model. Instruction counts do not move with the load.

    valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file=OUT \\
        .venv/bin/python benchmarks/rules_callgrind.py --tree T [--texts 3000] [--rounds 1] [--part rules|relevance|both]
    grep totals: OUT.1          # the rules' instructions; callgrind_annotate OUT.1 for the C functions
"""

from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path

from cgshim import shim


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", type=Path, default=Path(__file__).resolve().parents[1])
    parser.add_argument("--texts", type=int, default=3000, help="mix texts (about 40%% reach the rules)")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--seed", type=int, default=100)
    parser.add_argument("--part", choices=("rules", "relevance", "both"), default="both")
    args = parser.parse_args()
    tree = args.tree.resolve()
    sys.path.insert(0, str(tree))
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    cg = shim()
    from rules_alone import docs_for_the_rules
    from tagging_throughput import make_mix

    from outagewatch.nlp import Tagger
    from outagewatch.nlp import tagger as tagging
    from outagewatch.nlp.pipeline import LANG
    from outagewatch.nlp.resolve import resolve
    from outagewatch.nlp.source import parse_source

    warm = Tagger(relevance_model=True)
    list(warm.tag_texts([(t, None, None) for t in make_mix(300, 7)]))
    docs = docs_for_the_rules(warm, make_mix(args.texts, args.seed))
    ctx = parse_source(None, warm.vocab)
    model = warm.relevance

    def rules() -> None:
        for doc in docs:
            tagging._as_dict(resolve(doc, warm.vocab, ctx, want_status=True, entities=warm.entities),
                             doc.user_data.get(LANG))

    def relevance() -> None:
        for at in range(0, len(docs), 1000):
            model.predict_docs(docs[at:at + 1000])

    rules()  # the word caches warmed, as on a running tagger
    relevance()
    gc.disable()  # as the tagger runs (gcpause)
    cg.cg_start()
    for part, run in (("rules", rules), ("relevance", relevance)):
        if args.part in (part, "both"):
            cg.cg_zero()
            for _ in range(args.rounds):
                run()
            cg.cg_dump()
    cg.cg_stop()
    print(f"{len(docs)} docs of {args.texts} mix texts, {args.rounds} round(s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
