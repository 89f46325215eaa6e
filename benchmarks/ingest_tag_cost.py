"""What a Signal's tags cost the embedded store, apart from the tagger that finds them.

``ingest_stages.py`` times a tagged ingest stage by stage, but there the store's processes share the
two cores with the tagging workers, and their CPU per Signal moves with the load and with the workers
beside them (a writer at ~30-50 µs a Signal, an indexer at ~18-27, run to run). This stores the same
Signals twice into new stores, once with their tags and once with every tag list emptied, in one
process and with no tagger running, and prints each part's CPU per Signal and the difference: what the
tag rows, the rollup counts, the naming of tag values and the words index's tag fields cost, each
part on its own clock:

- the writing thread (``store_signals``: encoding, fingerprints, the planned SQL; ``time.thread_time``);
- each statement deferred to the SQLite worker thread (the tag rows made from the new rows, the rollup
  counts, the group's commits), timed on that thread;
- the store's close (the id-key index built again, the WAL checkpointed), and the words indexer
  process (the command's children, from its start).

The tagged Signals are the benchmark mix's 100,000 lines (``ingest_stages.make_file``) tagged once by
the first tree's tagger (2 processes), written to a file both variants read; ``--file`` takes a file of
tagged Signals instead (``outagewatch export``). Trees and variants alternate each round; the least
of the rounds is printed.

    .venv/bin/python benchmarks/ingest_tag_cost.py [--signals 100000] [--rounds 3] [--tree A --tree B]
        [--file TAGGED.jsonl]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
from ingest_stages import _load, make_file  # noqa: E402  (the mix's lines, as every ingest benchmark writes them)

LISTS = ("services", "providers", "regions", "symptoms")

TAG = r"""
import json, sys
sys.path.insert(0, sys.argv[1])
from outagewatch.jsonl import read_signals
from outagewatch.nlp import Tagger
source, target = sys.argv[2], sys.argv[3]
with open(source, "rb") as f:
    signals = [s for s in read_signals(f) if not hasattr(s, "reason")]
tagger = Tagger.default({"processes": 2})
for start in range(0, len(signals), 5000):
    tagger.tag_signals(signals[start:start + 5000])
tagger.close()
with open(target, "w", encoding="utf-8") as out:
    for signal in signals:
        out.write(json.dumps(signal.to_dict()) + "\n")
"""

STORE = r"""
import collections, gc, json, os, resource, shutil, sys, tempfile, threading, time
sys.path.insert(0, sys.argv[1])
from outagewatch.jsonl import read_signals
from outagewatch.pipeline import store_signals
from outagewatch.search import open_store
from outagewatch.search.sqlite import schema

spent = collections.Counter()
if hasattr(schema.Database, "_finish_batch"):
    def _finish_batch(self, statements, commit):  # as Database._finish_batch, each statement timed
        try:
            for sql, params in statements:
                start = time.thread_time()
                self.db.execute(sql, params)
                spent[" ".join(sql.split()[:4])[:40]] += time.thread_time() - start
            if commit:
                start = time.thread_time()
                self._commit()
                spent["COMMIT"] += time.thread_time() - start
        except BaseException as exc:
            self.rollbacks += 1
            self._failed = exc
            self._group_since = None
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
    schema.Database._finish_batch = _finish_batch

with open(sys.argv[2], "rb") as f:
    signals = [s for s in read_signals(f) if not hasattr(s, "reason")]
gc.collect()
gc.freeze()
folder = tempfile.mkdtemp(prefix="tagcost-")
try:
    store = open_store(f"sqlite:///{folder}/store.db")
    writing = time.thread_time()
    store_signals(store, signals)
    writing = time.thread_time() - writing
    closing = time.thread_time()
    store.close()
    closing = time.thread_time() - closing
finally:
    shutil.rmtree(folder, ignore_errors=True)
children = resource.getrusage(resource.RUSAGE_CHILDREN)
n = len(signals)
parts = {"writing thread (store_signals)": writing,
         **{f"SQL thread: {name}": seconds for name, seconds in spent.items()},
         "store close (id-key index, checkpoint)": closing,
         "words indexer process": children.ru_utime + children.ru_stime}
print(json.dumps({name: seconds / n * 1e6 for name, seconds in parts.items()}))
"""


def untagged(tagged: Path, target: Path) -> int:
    """``tagged`` with every tag list emptied (the language and status kept); the Signals with a tag."""
    named = 0
    with tagged.open(encoding="utf-8") as lines, target.open("w", encoding="utf-8") as out:
        for line in lines:
            record = json.loads(line)
            named += any(record.get(name) for name in LISTS)
            for name in LISTS:
                record[name] = []
            out.write(json.dumps(record) + "\n")
    return named


def run(code: str, tree: Path, *args: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    done = subprocess.run([sys.executable, "-c", code, str(tree), *args], env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"failed on {tree}: {done.stderr.strip()[-2000:]}")
    return done.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--signals", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--tree", type=Path, action="append", help="Checkout(s) to measure (default: this one).")
    parser.add_argument("--file", type=Path, help="Tagged Signals (JSON Lines) instead of the mix tagged here.")
    args = parser.parse_args()
    trees = [t.resolve() for t in args.tree or [REPO]]
    with tempfile.TemporaryDirectory() as tmp:
        tagged = args.file
        if tagged is None:
            plain, tagged = Path(tmp) / "mix.jsonl", Path(tmp) / "tagged.jsonl"
            make_file(plain, args.signals, "mix")
            run(TAG, trees[0], str(plain), str(tagged))
        bare = Path(tmp) / "untagged.jsonl"
        named = untagged(tagged, bare)
        print(f"{tagged.name}: {named} of the Signals have a tag; load {_load()} at start")
        best: dict[tuple[int, str], dict[str, float]] = {}
        for _ in range(args.rounds):
            for i, tree in enumerate(trees):
                for variant, path in (("tags", tagged), ("no tags", bare)):
                    parts = json.loads(run(STORE, tree, str(path)))
                    kept = best.setdefault((i, variant), {})
                    for name, value in parts.items():
                        kept[name] = min(kept.get(name, value), value)
        for i, tree in enumerate(trees):
            tags, bare_parts = best[(i, "tags")], best[(i, "no tags")]
            print(f"\n== {tree}: µs a Signal, least of {args.rounds} rounds (load {_load()} at the end) ==")
            print(f"  {'part':<58} {'tags':>7} {'no tags':>8} {'tags cost':>10}")
            for name in list(dict.fromkeys([*tags, *bare_parts])):
                a, b = tags.get(name, 0.0), bare_parts.get(name, 0.0)
                print(f"  {name:<58} {a:7.2f} {b:8.2f} {a - b:+10.2f}")
            a, b = sum(tags.values()), sum(bare_parts.values())
            print(f"  {'all of them':<58} {a:7.2f} {b:8.2f} {a - b:+10.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
