"""When each step of one ``outagewatch ingest`` happens, in wall seconds since the process
started and in the writing process's own CPU seconds.

The start-up of an ingest is a chain in one process (imports, the configuration, forking the
tagging process, opening the store, the first batch) beside the tagging process's build; the
writing process's CPU at each step is its critical path as a quiet machine would run it,
which a loaded machine stretches far less than it stretches the wall time. Compare trees by it:

    .venv/bin/python benchmarks/ingest_timeline.py --tree TREE FILE.jsonl [ingest options]

It runs ``outagewatch ingest FILE --no-correlate --json`` (``[nlp] processes`` from the
environment, ``OUTAGEWATCH_NLP_PROCESSES=2`` by default here) into a new SQLite store, with the
steps wrapped to note the time, and prints the notes on stderr. The end is marked step by step
too (the last batch stored; the store's close: the id-key index built again, the words indexer's
last rows and commit; the tagging process told to stop and waited for): what runs after the
last batch runs mostly on one core.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

CHILD = r"""
import os, sys, time
with open("/proc/self/stat") as f:
    started = int(f.read().rsplit(")", 1)[1].split()[19]) / os.sysconf("SC_CLK_TCK")
with open("/proc/uptime") as f:
    exec_at = time.time() - (float(f.read().split()[0]) - started)
marks = []


def mark(name):
    marks.append((name, time.time() - exec_at, time.process_time()))


mark("python running")
try:
    import outagewatch.nlp.host as host
except ImportError:
    host = None
if host is not None:
    _init, _started = host.TaggerHost.__init__, host.TaggerHost._started

    def init(self, *a, **k):
        mark("tagging process forks")
        _init(self, *a, **k)

    def started(self, wait):
        before = self._state
        try:
            return _started(self, wait)
        finally:
            if before == "starting" and self._state != "starting":
                mark(f"tagging process {self._state}")

    host.TaggerHost.__init__, host.TaggerHost._started = init, started
sys.argv = ["outagewatch", "ingest", *sys.argv[1:]]
if hasattr(host, "start_early"):  # as python -m outagewatch does, before the command line's import
    host.start_early(sys.argv[1:])
import outagewatch.cli as cli
import outagewatch.pipeline as pipeline
mark("command line imported")
_built = pipeline.ingest_tagger


def ingest_tagger(*a, **k):
    mark("tagger started by the command")
    return _built(*a, **k)


pipeline.ingest_tagger = ingest_tagger
from outagewatch.search.base import BaseStore
_upsert, upserts = BaseStore.upsert, [0]


def upsert(self, batch):
    if not upserts[0]:
        mark("first upsert")
    upserts[0] += 1
    try:
        return _upsert(self, batch)
    finally:
        if marks[-1][0] == "last upsert done":
            del marks[-1]  # only the latest is kept
        mark("last upsert done")


BaseStore.upsert = upsert


def steps(owner, name, label):
    # the close of a store and of the tagging process, step by step (the end of an ingest)
    if owner is None or not hasattr(owner, name):
        return
    inner = getattr(owner, name)

    def wrapped(*a, **k):
        mark(label + " begins")
        try:
            return inner(*a, **k)
        finally:
            mark(label + " done")

    setattr(owner, name, wrapped)


try:
    from outagewatch.search.sqlite import SQLiteStore
    from outagewatch.search.sqlite.textindex import TextIndex
    from outagewatch.search.sqlite.writes import Writer
except ImportError:
    SQLiteStore = TextIndex = Writer = None
steps(SQLiteStore, "close", "store close")
steps(Writer, "end_load", "  id-key index built again (end_load)")
steps(TextIndex, "close", "  words index close (waits for the indexer)")
if host is not None:
    steps(host.TaggerHost, "stop", "tagging process told to stop")
    steps(host.TaggerHost, "close", "tagging process close (waits for it)")
_batched = pipeline.batched


def batched(items, size):
    first = True
    for batch in _batched(items, size):
        if first:
            mark("first batch read")
            first = False
        yield batch
    mark("last batch read")


pipeline.batched = batched
import atexit


def show():
    mark("exit")
    for name, wall, cpu in marks:
        print(f"{wall:8.3f} s wall {cpu:7.3f} s CPU (writing process)  {name}", file=sys.stderr)


atexit.register(show)
cli.main()
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", type=Path, default=REPO)
    parser.add_argument("file", type=Path)
    args, rest = parser.parse_known_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = {"OUTAGEWATCH_NLP_PROCESSES": "2", **os.environ, "PYTHONPATH": str(args.tree.resolve()),
               "OUTAGEWATCH_STORE": f"sqlite:///{tmp}/timeline.db"}
        env.pop("OUTAGEWATCH_CONFIG", None)
        one, five, _ = os.getloadavg()
        print(f"{args.tree}: load {one:.1f}/{five:.1f}", file=sys.stderr)
        done = subprocess.run([sys.executable, "-c", CHILD, str(args.file.resolve()), "--no-correlate", "--json",
                               *rest], env=env, cwd=tmp, stdout=subprocess.DEVNULL)
    return done.returncode


if __name__ == "__main__":
    sys.exit(main())
