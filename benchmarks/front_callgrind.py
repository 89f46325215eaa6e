"""The stages before the rules, instructions under callgrind: each stage alone, dumped to a file of its own.

``tagger_instructions.py`` counts the whole tagger (two whole runs subtracted, each building a tagger); a change to
the prescan, the language vote, the tokenizer or the matcher is a few per cent of that. Here a tagger is built and
warmed on ``--warm`` mix texts (seed 7), then ``--texts`` other mix texts (seed 100) go through the stages as
``tagging_throughput.py --stages`` runs them, stage by stage over batches of the tagger's size, the collector
paused as the tagger pauses it; callgrind's instrumentation is on only while they run, and each stage's
instructions are dumped apart (``CALLGRIND_ZERO_STATS`` before it, ``CALLGRIND_DUMP_STATS_AT`` after it). The last
part, ``glue``, is the tagger's own ``tag_texts`` over the same texts, less nothing: with the stages' counts it
shows what the batch glue (``_tag_compact``, ``_tag_batch``, ``_empty``, ``_as_dict``, ``_with_model``) and the
rules add (the rules are in it; they are ``rules_callgrind.py``'s).

    valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file=OUT \\
        .venv/bin/python benchmarks/front_callgrind.py --tree T [--texts 4000]
    .venv/bin/python benchmarks/front_callgrind.py --table OUT     # the parts' totals, by name

(Run with ``PYTHONHASHSEED=0`` and ``OPENBLAS_NUM_THREADS=1``, as ``tagger_instructions.py`` does.)
"""

from __future__ import annotations

import argparse
import glob
import re
import sys
from pathlib import Path

from cgshim import shim


def table(out: str) -> int:
    """Each dumped part's name and instructions, in the order dumped, a stage's batches summed."""
    rows = []
    for path in sorted(glob.glob(out + ".*"), key=lambda p: int(p.rsplit(".", 1)[1]) if p.rsplit(".", 1)[1].isdigit()
                       else 0):
        text = Path(path).read_text(errors="replace")
        name = re.search(r"^desc: Trigger: Client Request: (.*)$", text, re.M)
        total = re.search(r"^(?:summary|totals): (\d+)", text, re.M)
        if name and total:
            rows.append((name.group(1), int(total.group(1))))
    parts: dict[str, int] = {}
    for name, total in rows:  # a stage's batches summed: "tokenizer 0", "tokenizer 1" -> "tokenizer"
        name = re.sub(r" \d+$", "", name)
        parts[name] = parts.get(name, 0) + total
    front = 0
    for name, total in parts.items():
        print(f"{name:<28} {total / 1e6:10.1f} M")
        if name not in ("rules", "relevance", "glue"):
            front += total
    print(f"{'front stages':<28} {front / 1e6:10.1f} M")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", type=Path, default=Path(__file__).resolve().parents[1])
    parser.add_argument("--texts", type=int, default=4000)
    parser.add_argument("--warm", type=int, default=8000)
    parser.add_argument("--seed", type=int, default=100)
    parser.add_argument("--parts", default="front,batches,glue",
                        help="which to count: front (prescan, vote, model), batches (tokenizer to relevance), glue")
    parser.add_argument("--table", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.table:
        return table(args.table)
    tree = args.tree.resolve()
    sys.path.insert(0, str(tree))
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    cg = shim()
    from tagging_throughput import make_mix, walk_stages

    from outagewatch.nlp import Tagger
    from outagewatch.nlp import lang as langs

    warm = Tagger(relevance_model=True)
    list(warm.tag_texts([(t, None, None) for t in make_mix(args.warm, 7)]))
    langs.preload()
    texts = make_mix(args.texts, args.seed)

    def mark(stage: str, batch: int | None) -> None:
        if stage == "start":
            cg.cg_zero()
        else:
            cg.cg_dump_at((stage if batch is None else f"{stage} {batch}").encode())

    parts = set(args.parts.split(","))
    cg.cg_start()
    cg.cg_zero()
    rest = walk_stages(warm, texts, mark, batches="batches" in parts)
    if "glue" in parts:
        cg.cg_zero()
        list(warm.tag_texts([(t, None, None) for t in texts]))
        mark("glue", None)
    cg.cg_stop()
    print(f"{len(rest)} of {len(texts)} texts reach the pipeline", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
