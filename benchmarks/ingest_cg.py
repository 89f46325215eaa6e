"""Instructions a Signal of a tagged ingest's work outside the tagger, counted by callgrind.

Wall and CPU times of an ingest scatter by a third on a shared machine; instruction counts do not.
This runs the writing process's own path of ``outagewatch ingest`` (``ingest_stream`` into a new
SQLite store, a bulk load with its id index away) with a ``TaggerHost`` whose pipe is replayed from a
table of tags the base tree's tagger found (``_send`` pickles the shares and ``_receive`` unpickles
and merges the answers, as with the real host; the host's own unpickling and pickling is counted too,
~5,500 instructions a Signal), and the words indexer process replaced by one that does nothing; then
the indexer's own work over that store (``TextIndex.catch_up`` in ``CHUNK``s, then the commit). Each
figure is a difference of two runs under callgrind (``PYTHONHASHSEED=0``): the reading alone against a
run that imports the same and stores nothing, the writer after the reading, the indexer against its
imports alone.

    .venv/bin/python benchmarks/ingest_cg.py prepare --tree BASE --work DIR [--lines 20000]
    .venv/bin/python benchmarks/ingest_cg.py run --tree TREE --work DIR --out OUTDIR [--lines 20000]

``prepare`` writes the benchmark's 100,000-line mix (``ingest_stages.make_file``) and the table of the
tags BASE's tagger gives the shares an ingest of its first ``--lines`` lines sends (in one process: a
few minutes); ``run`` prints the three figures for TREE (~15 minutes at 20,000 lines on a busy machine).
Stores made by two trees from the same table can be compared table by table with
``store_identity.dump`` (OUTDIR/db/s.db).
"""

from __future__ import annotations

import argparse
import gc
import io
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
from collections import deque
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _host(mode: str, work: Path, tagger=None):
    """A TaggerHost talking to a replayed host (``record``: tags found by ``tagger``, kept in a table)."""
    from multiprocessing.reduction import ForkingPickler

    from outagewatch.nlp import host as H

    table_path = work / "table.pkl"
    table = {}
    if table_path.exists():
        with table_path.open("rb") as f:
            table = pickle.load(f)
    bytext = {}
    for k, v in table.items():
        for item, tags in zip(pickle.loads(k), pickle.loads(v)):
            bytext[item] = tags

    def host_side(message: bytes) -> bytes:
        _, seq, shares = pickle.loads(message)
        results = []
        for blob in shares:
            if tagger is not None:
                table[blob] = H._tag_share(tagger, blob)
                results.append(table[blob])
            else:
                results.append(pickle.dumps([bytext[item] for item in pickle.loads(blob)], pickle.HIGHEST_PROTOCOL))
        return bytes(ForkingPickler.dumps((seq, results)))

    class Conn:
        def __init__(self):
            self.answers, self.ready = deque(), False

        def send(self, message):
            self.answers.append(host_side(bytes(ForkingPickler.dumps(message))))

        def recv(self):
            if not self.ready:
                self.ready = True
                return ("ready", None)
            return ForkingPickler.loads(self.answers.popleft())

        def poll(self):
            return self.ready

        def close(self):
            pass

    host = H.TaggerHost.__new__(H.TaggerHost)
    host.settings, host.processes, host._conn, host._pid = {"processes": 2}, 2, Conn(), None
    host._state, host._error, host._seq, host._answered = "starting", "", 0, 0
    host._local = host.exit_status = host.on_hold = None
    host._stopping = False
    return host, table, table_path


def writer(tree: Path, lines: int, mode: str, db: Path, work: Path) -> None:
    """One run of the writing process's path: ``none`` (imports and the table only), ``read`` (the
    lines read and validated), ``full`` (the ingest), ``record`` (the ingest, tagged here, the table kept)."""
    sys.path.insert(0, str(tree))
    from outagewatch.jsonl import read_signals
    from outagewatch.pipeline import ingest_stream
    from outagewatch.search.sqlite import SQLiteStore
    from outagewatch.search.sqlite import indexer

    class NoIndexer:  # the indexer's work is counted apart (``indexer``)
        pid = 0

        def __init__(self, database, early=False):
            pass

        def alive(self):
            return True

        def reported(self):
            return None

        def sync(self):
            return "ok"

        def nudge(self):
            pass

        def tell(self, command):
            pass

        def finish(self):
            pass

    indexer.IndexerProcess = NoIndexer
    tagger = None
    if mode == "record":
        from outagewatch.nlp.tagger import Tagger

        tagger = Tagger.default({"processes": 1})
    host, table, table_path = _host(mode, work, tagger)
    gc.collect()
    gc.freeze()  # as TaggerHost.__init__ freezes what the command holds before it reads
    with (work / "mix.jsonl").open("rb") as f:
        data = b"".join(f.readline() for _ in range(lines))
    db.parent.mkdir(parents=True, exist_ok=True)
    if mode == "read":
        list(read_signals(io.BytesIO(data)))
    elif mode in ("full", "record"):
        store = SQLiteStore(db)
        ingest_stream(store, io.BytesIO(data), tag=host)
        store.close()
    if mode == "record":
        with table_path.open("wb") as f:
            pickle.dump(table, f, pickle.HIGHEST_PROTOCOL)


def index(tree: Path, db: Path, mode: str) -> None:
    """The words indexer's work over a copy of ``db`` (``none``: its imports only)."""
    sys.path.insert(0, str(tree))
    from outagewatch.search.sqlite import indexer
    from outagewatch.search.sqlite.schema import Database
    from outagewatch.search.sqlite.textindex import TextIndex, words_path

    tmp = Path(tempfile.mkdtemp())
    try:
        target = tmp / "s.db"
        shutil.copy(db, target)
        if mode == "full":
            database = Database(target)
            text = TextIndex(database, words_path(target))
            text.commit_seconds, text.writer_threads = 1e9, indexer.WRITER_THREADS
            while text.catch_up(limit=indexer.CHUNK) and text.indexed:
                pass
            text.commit_now()
            text.close()
            database.close()
    finally:
        shutil.rmtree(tmp)


def _callgrind(out: Path, name: str, *args: str) -> int:
    target = out / f"{name}.cg"
    subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={target}", sys.executable, __file__,
                    *args], env={**os.environ, "PYTHONHASHSEED": "0"}, check=True, capture_output=True)
    for line in target.read_text(errors="replace").splitlines():
        if line.startswith(("summary:", "totals:")):
            return int(line.split()[1])
    raise SystemExit(f"no total in {target}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=("prepare", "run", "writer", "index"))
    parser.add_argument("args", nargs="*")
    parser.add_argument("--tree", type=Path)
    parser.add_argument("--work", type=Path)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--lines", type=int, default=20_000)
    args = parser.parse_args()
    if args.what == "writer":
        writer(args.tree, args.lines, args.args[0], Path(args.args[1]), args.work)
        return 0
    if args.what == "index":
        index(args.tree, Path(args.args[0]), args.args[1])
        return 0
    work, tree = args.work.resolve(), args.tree.resolve()
    if args.what == "prepare":
        work.mkdir(parents=True, exist_ok=True)
        sys.path.insert(0, str(HERE))
        from ingest_stages import make_file

        make_file(work / "mix.jsonl", 100_000, "mix")
        (work / "table.pkl").unlink(missing_ok=True)
        subprocess.run([sys.executable, __file__, "writer", "record", str(work / "record" / "s.db"),
                        "--tree", str(tree), "--work", str(work), "--lines", str(args.lines)], check=True)
        shutil.rmtree(work / "record")
        return 0
    out = args.out.resolve()
    shutil.rmtree(out / "db", ignore_errors=True)
    out.mkdir(parents=True, exist_ok=True)
    db, n = out / "db" / "s.db", args.lines
    common = ["--tree", str(tree), "--work", str(work), "--lines", str(n)]
    none = _callgrind(out, "none", "writer", "none", str(db), *common)
    read = _callgrind(out, "read", "writer", "read", str(db), *common)
    full = _callgrind(out, "full", "writer", "full", str(db), *common)
    bare = _callgrind(out, "index-none", "index", str(db), "none", "--tree", str(tree))
    indexed = _callgrind(out, "index-full", "index", str(db), "full", "--tree", str(tree))
    print(f"{tree}, {n} lines, instructions a Signal: reading {(read - none) // n}; writing process after the "
          f"reading {(full - read) // n}; words indexer {(indexed - bare) // n}; all {(full - none + indexed - bare) // n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
