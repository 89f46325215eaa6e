"""What ``outagewatch ingest`` stores, dumped, so that a change to the ingest path can be shown to
store nothing differently.

Each file is ingested with ``outagewatch ingest FILE --no-correlate`` into a new embedded store of
the tree measured (tagging on; ``[nlp] processes`` 1 and 2, which take different paths: tagging in
the writing process, or ``Tagger.tag_ahead`` and its workers), then read back with
``outagewatch export``; every Signal is written as JSON with sorted keys, sorted by id, without
``collected_at`` (the time of the ingest itself, never the same twice). Run it on the tree before a
change and after it and compare the dumps (``cmp``, or the digest it prints). The command's own
summary (new, updated, rejected and each rejection's line and reason) is dumped too.

    .venv/bin/python benchmarks/ingest_identity.py --tree TREE -o dump.jsonl [FILE ...]

Without files: the throughput benchmark's 100,000-line mix (``tagging_throughput.py --ingest``'s
lines), its 20,000 every-text-names-a-service lines, and tests/data/aws-us-east-1-2020-11-25.jsonl.gz
(decompressed).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent


def default_files(tmp: Path) -> list[Path]:
    sys.path.insert(0, str(HERE))
    from ingest_stages import make_file

    mix, named, aws = tmp / "mix.jsonl", tmp / "named.jsonl", tmp / "aws-us-east-1-2020-11-25.jsonl"
    make_file(mix, 100_000, "mix")
    make_file(named, 20_000, "named")
    with gzip.open(REPO / "tests/data/aws-us-east-1-2020-11-25.jsonl.gz", "rb") as src:
        aws.write_bytes(src.read())
    return [mix, named, aws]


def dump(tree: Path, path: Path, tmp: Path, processes: int, out) -> None:
    db = tmp / f"{path.stem}-{processes}.db"
    env = {**os.environ, "PYTHONPATH": str(tree), "OUTAGEWATCH_STORE": f"sqlite:///{db}",
           "OUTAGEWATCH_NLP_PROCESSES": str(processes)}
    env.pop("OUTAGEWATCH_CONFIG", None)
    run = [sys.executable, "-m", "outagewatch"]
    done = subprocess.run([*run, "ingest", str(path), "--no-correlate", "--json"], env=env, cwd=tmp,
                          capture_output=True, text=True)
    if done.returncode not in (0, 3):
        raise SystemExit(f"ingest {path.name} failed: {done.stderr.strip()[-500:]}")
    summary = json.loads(done.stdout)
    for entry in summary["files"]:
        entry["file"] = Path(entry["file"]).name
    out.write(json.dumps({"file": path.name, "processes": processes, "summary": summary}, sort_keys=True) + "\n")
    exported = subprocess.run([*run, "export"], env=env, cwd=tmp, capture_output=True, check=True).stdout
    rows = []
    for line in exported.splitlines():
        record = json.loads(line)
        record.pop("collected_at", None)
        rows.append(record)
    rows.sort(key=lambda r: r["id"])
    for record in rows:
        out.write(json.dumps(record, sort_keys=True, ensure_ascii=False) + "\n")
    print(f"{path.name}, processes={processes}: {len(rows)} Signals stored, "
          f"{summary['rejected']} line(s) rejected", file=sys.stderr)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--tree", type=Path, default=REPO)
    parser.add_argument("--processes", default="1,2", help="[nlp] processes to ingest with, comma-separated.")
    parser.add_argument("-o", "--output", type=Path, required=True)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        files = [f.resolve() for f in args.files] or default_files(tmp)
        with args.output.open("w", encoding="utf-8") as out:
            for path in files:
                for processes in (int(p) for p in args.processes.split(",")):
                    dump(args.tree.resolve(), path, tmp, processes, out)
    digest = hashlib.sha256(args.output.read_bytes()).hexdigest()
    print(f"{args.output}: sha256 {digest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
