"""Tags of a large fixed corpus, dumped so that a speed change can be shown to tag nothing differently.

Run it on the tree before a change and on the tree after, and compare the two dumps (``cmp``, or
the digest it prints): a speed change must leave every byte the same. The corpus is fixed (seeded):
the throughput benchmark's mixes and every-text-names-a-service texts, the texts of the bundled
2020 capture (with their source, title and language, tagged as Signals, as ingest does), the
development tagging sets, and the real GitHub status-page updates under ``../shared/corpora`` when
that folder is there. Each path is dumped: one process, the worker processes (``tag_texts`` on 2),
and ``tag_ahead`` (what ingest uses).

    .venv/bin/python benchmarks/tag_identity.py --tree TREE -o tags.jsonl [--paths serial,parallel,ahead] [--sample N]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# The labelled sets that are development sets now (read and tuned on); the current blind sets are left out.
DEV_SETS = ("tagging_dev", "tagging_holdout", "tagging_tune", "tagging_final", "tagging_final3", "tagging_final4")


def corpus(repo: Path) -> list[dict]:
    """Signal-shaped records: (source_kind, source, title, text, lang), fixed order."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    from tagging_throughput import make_mix, make_texts

    records = []
    for text in [*make_mix(33_000, 1), *make_mix(10_000, 3), *make_texts(6_000, 1)]:
        records.append({"source_kind": "social", "source": "x:search:outage", "text": text})
    for text in make_mix(3_000, 5):
        records.append({"source_kind": "social", "source": "x:@someone", "text": text, "lang": "en"})
    with gzip.open(repo / "tests/data/aws-us-east-1-2020-11-25.jsonl.gz", "rt", encoding="utf-8") as lines:
        for line in lines:
            data = json.loads(line)
            records.append({k: data.get(k) for k in ("source_kind", "source", "title", "text", "lang")})
            records.append({"source_kind": data["source_kind"], "source": data["source"], "text": data["text"]})
    for name in DEV_SETS:
        path = repo / "tests/data" / f"{name}.jsonl"
        if path.exists():
            for line in path.open(encoding="utf-8"):
                data = json.loads(line)
                records.append({"source_kind": "social", "source": data.get("source") or "x:@someone",
                                "text": data["text"]})
    status = repo.parent.parent / "shared/corpora/status/github-incident-history"
    if not status.exists():
        status = Path("/work/shared/corpora/status/github-incident-history")
    for path in sorted(status.glob("*.json")):
        incident = json.loads(path.read_text(encoding="utf-8"))["incident"]
        for update in incident.get("incident_updates") or []:
            if update.get("body"):
                records.append({"source_kind": "status", "source": "statuspage:www.githubstatus.com",
                                "title": incident.get("name"), "text": update["body"]})
    return records


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", type=Path, default=REPO, help="the checkout whose tagger is run")
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--paths", default="serial,parallel,ahead")
    parser.add_argument("--sample", type=int, default=0, metavar="N",
                        help="about N records spread evenly over the corpus (every k-th) instead of all of it: "
                             "a quick check (scripts/compiled_rules.py verify)")
    args = parser.parse_args()
    tree = args.tree.resolve()
    sys.path.insert(0, str(tree))
    from outagewatch.nlp import Tagger
    from outagewatch.signal import Signal
    from outagewatch.timeutil import parse_time

    records = corpus(tree)
    if args.sample and args.sample < len(records):
        records = records[::-(-len(records) // args.sample)]
    when = parse_time("2020-11-25T12:00:00Z")

    def signals() -> list[Signal]:
        return [Signal(source_kind=r["source_kind"], source=r["source"], published_at=when, text=r["text"],
                       title=r.get("title"), lang=r.get("lang")) for r in records]

    def shape(s: Signal) -> list:
        return [s.services, s.providers, s.regions, s.symptoms, s.status, s.lang]

    tagger = Tagger()
    digest = hashlib.sha256()
    with args.output.open("w", encoding="utf-8") as out:
        for path in args.paths.split(","):
            if path in ("serial", "parallel"):
                tagger.processes = 1 if path == "serial" else 2
                items = [(s.searchable_text, s.source, s.lang) for s in signals()]
                rows = [json.dumps(tags, ensure_ascii=False, sort_keys=True) for tags in tagger.tag_texts(items)]
            else:  # the ingest path: batches of Signals through tag_ahead on two workers
                tagger.processes = 2
                batch = signals()
                tagged = [s for b in tagger.tag_ahead(batch[i:i + 5000] for i in range(0, len(batch), 5000))
                          for s in b]
                rows = [json.dumps(shape(s), ensure_ascii=False) for s in tagged]
            tagger.close()
            tagger._pool_failed = False
            for row in rows:
                out.write(f"{path}\t{row}\n")
                digest.update(row.encode())
            print(f"{path}: {len(rows)} texts", file=sys.stderr)
    print(f"{len(records)} records; sha256 {digest.hexdigest()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
