"""Every table of the SQLite store after the same writes, dumped, so that a change to the writer can
be shown to store nothing differently.

    PYTHONPATH=TREE .venv/bin/python TREE/benchmarks/store_identity.py -o dump.txt [--size 200000]

Stores ``--size`` generated Signals of ``store_bench.py`` in batches of 5,000 (a bulk load: the
words indexer process, the id index away and built again), then, in the same run of writes,
rewrites every seventh of them (other text, regions, a ``raw``, a report count; a service listed
twice in some, times before 1970 in others) mixed with repeats and new Signals, closes the store,
and writes each table's rows sorted (``signals`` without ``collected_at``, the time of the write;
``meta`` without the process id a load names, nor the words index's generation, a random id),
one line a row, with a digest of all of it. Run it on main and on a tree and ``cmp`` the dumps.
The words index is not dumped (its files are not deterministic); the 1M kill test compares its
answers.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import sqlite3
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from store_bench import T0, generate  # noqa: E402

from outagewatch.search import open_store  # noqa: E402

TABLES = ("signals", "tags", "tag_values", "tag_rollup", "text_pending", "checkpoints", "incidents",
          "incident_feedback", "meta")


def rewritten(signal, i: int):
    """Signal ``i`` of the run as a later copy changes it."""
    changes = {"text": f"{signal.text} update {i}", "regions": ["aws:eu-west-1", "geo:FR"],
               "raw": {"n": i, "note": "rewritten"}, "report_count": i % 97 + 1}
    if i % 3 == 0:
        changes["services"] = [*signal.services, *signal.services]  # a value listed twice
    if i % 5 == 0:
        changes["published_at"] = T0 - timedelta(days=20000, minutes=i)  # before 1970
    return dataclasses.replace(signal, **changes)


def write(path: str, size: int) -> None:
    everything = list(generate(size + 20000))
    signals, extra = everything[:size], everything[size:]
    changed = [rewritten(signals[i], i) for i in range(0, size, 7)]
    store = open_store(f"sqlite:///{path}")
    try:
        for i in range(0, size, 5000):
            store.upsert(signals[i:i + 5000])
        for n, i in enumerate(range(0, len(changed), 4000)):
            store.upsert([*changed[i:i + 4000], *signals[i:i + 500], *extra[n * 1000:(n + 1) * 1000]])
    finally:
        store.close()


def dump(path: str, out) -> str:
    db = sqlite3.connect(path)
    digest = hashlib.sha256()
    try:
        for table in TABLES:
            columns = [row[1] for row in db.execute(f"PRAGMA table_info({table})")]
            kept = [c for c in columns if c != "collected_at"]
            rowid = ["rowid"] if table in ("signals", "tag_values") else []
            select = ", ".join([*rowid, *kept])
            where = " WHERE key != 'idkey_deferred'" if table == "meta" else ""
            for row in db.execute(f"SELECT {select} FROM {table}{where} ORDER BY {select}"):
                if table == "meta" and row[0] == "text_state":  # rowid:seq:generation, the last one random
                    row = (row[0], row[1].rsplit(":", 1)[0])
                line = f"{table}\t{row!r}\n"
                out.write(line)
                digest.update(line.encode())
        indexes = sorted(db.execute("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index'"))
        for index in indexes:
            line = f"index\t{index!r}\n"
            out.write(line)
            digest.update(line.encode())
    finally:
        db.close()
    return digest.hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-o", "--output", required=True)
    parser.add_argument("--size", type=int, default=200_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = f"{tmp}/identity.db"
        write(path, args.size)
        with open(args.output, "w") as out:
            print(dump(path, out))


if __name__ == "__main__":
    main()
