"""The whole tagger's instruction count on the realistic mix, under callgrind.

Wall and CPU times on a shared two-core machine scatter by a third from one run to the next; the
number of instructions a tagger executes does not (within ~1%), so a speed change of a few per cent
is judged by this count, and the wall figures of ``tagging_throughput.py`` are for the record.

Runs the tagger of TREE twice under ``valgrind --tool=callgrind``: both runs build a
``Tagger(relevance_model=True)`` and warm it on 300 texts; one then tags ``--texts`` ``make_mix``
texts (seed 100), the other none. The difference is the instructions of tagging those texts
(the relevance model included, the making of the texts too: a few per cent, the same for every tree).
OpenBLAS is held to one thread: its spinning server thread adds instructions that vary run to run.

    .venv/bin/python benchmarks/tagger_instructions.py [--tree TREE] [--texts 3000] [--out DIR]

Needs valgrind (Debian package ``valgrind``). Takes ~4-8 minutes a tree.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def child(tree: Path, count: int) -> None:
    """What runs under callgrind: build, warm, then tag ``count`` mix texts of one process."""
    sys.path[:0] = [str(tree), str(tree / "benchmarks")]
    from outagewatch.nlp import Tagger
    from tagging_throughput import make_mix

    tagger = Tagger(relevance_model=True)
    list(tagger.tag_texts([(text, None, None) for text in make_mix(300, 7)]))
    texts = make_mix(count, 100) if count else []
    list(tagger.tag_texts([(text, None, None) for text in texts]))


def instructions(tree: Path, count: int, out: Path) -> int:
    target = out / f"callgrind.{count}"
    env = {**os.environ, "PYTHONHASHSEED": "0", "OPENBLAS_NUM_THREADS": "1"}
    subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={target}", sys.executable, __file__,
                    "--child", str(count), "--tree", str(tree)],
                   check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    totals = re.search(r"^(?:summary|totals): (\d+)", target.read_text(), re.M)
    if not totals:
        raise SystemExit(f"no instruction total in {target}")
    return int(totals.group(1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", type=Path, default=REPO, help="The source tree whose tagger is counted.")
    parser.add_argument("--texts", type=int, default=3000)
    parser.add_argument("--out", type=Path, default=None, help="Keep the callgrind files here (for callgrind_annotate).")
    parser.add_argument("--child", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    tree = args.tree.resolve()
    if args.child is not None:
        child(tree, args.child)
        return 0
    if not shutil.which("valgrind"):
        raise SystemExit("valgrind is not installed (Debian: apt-get install valgrind)")
    out = args.out or Path(tempfile.mkdtemp(prefix="tagger-instructions-"))
    out.mkdir(parents=True, exist_ok=True)
    empty = instructions(tree, 0, out)
    full = instructions(tree, args.texts, out)
    spent = full - empty
    print(f"{tree}: {spent / 1e6:,.1f} M instructions to tag {args.texts:,} mix texts "
          f"({spent / args.texts:,.0f} a text); callgrind files in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
