"""Services the tagger finds in text that is not outage chatter: the precision check on volume.

The labelled sets are a few hundred cases; a looser name rule (a typo match, an everyday-word
brand taken on weaker evidence) shows its cost on thousands of ordinary texts. The texts are
the feed corpus in ``../shared/corpora/feeds`` (news and blog feeds: the Guardian, heise, UOL,
TechCrunch, the AWS blog, feedparser's test feeds): each entry's title, and its summary cut
into sentences of up to 280 characters, as a collector would see posts. Most name no service;
a tech feed's do, rightly, so the figure to compare is the same corpus before and after.

Prints the texts read and the services (and providers, regions) tagged per 1,000 texts. ``--out FILE``
writes one JSON line per text with its tags; ``--diff OLD NEW`` lists the texts whose services
(then regions) changed between two such files (what a change of the rules added and took away).

    PYTHONPATH=TREE .venv/bin/python benchmarks/tagging_false_positives.py --out /tmp/after.jsonl
    .venv/bin/python benchmarks/tagging_false_positives.py --diff /tmp/before.jsonl /tmp/after.jsonl
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FEEDS = Path("/work/shared/corpora/feeds") if Path("/work/shared/corpora/feeds").is_dir() else \
    REPO.parent / "shared" / "corpora" / "feeds"
SENTENCE = re.compile(r"(?<=[.!?])\s+")


def texts(root: Path) -> list[str]:
    """Titles and summary sentences of every feed entry, each once, in file order."""
    import feedparser

    from outagewatch.collectors.text import plain

    seen: dict[str, None] = {}
    for path in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in (".xml", ".rss", ".atom", ".rdf")):
        try:
            parsed = feedparser.parse(path.read_bytes())
        except Exception:  # noqa: BLE001 - feedparser's own tests hold feeds that break it
            continue
        for entry in parsed.entries:
            parts = [plain(entry.get("title"))]
            for sentence in SENTENCE.split(plain(entry.get("summary"))):
                parts.append(sentence)
            for part in parts:
                part = " ".join(part.split())[:280]
                if len(part) >= 20:
                    seen.setdefault(part)
    return list(seen)


def tag(items: list[str]) -> list[dict]:
    from outagewatch.nlp.tagger import Tagger

    tagger = Tagger()
    return [{"text": text, "services": tags.get("services", []), "providers": tags.get("providers", []),
             "regions": tags.get("regions", [])}
            for text, tags in zip(items, tagger.tag_texts((t, None, None) for t in items))]


def diff(old: Path, new: Path) -> None:
    before = {r["text"]: r for r in map(json.loads, old.read_text("utf-8").splitlines())}
    after = {r["text"]: r for r in map(json.loads, new.read_text("utf-8").splitlines())}
    for field in ("services", "regions"):
        added = removed = 0
        for text, row in after.items():
            was = set(before.get(text, {}).get(field, []))
            now = set(row.get(field, []))
            if was != now:
                added += len(now - was)
                removed += len(was - now)
                print(f"+{sorted(now - was)} -{sorted(was - now)}  {text[:200]!r}")
        print(f"{field} added {added}, removed {removed}, over {len(after):,} texts")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="write each text's tags here (JSON Lines)")
    parser.add_argument("--diff", nargs=2, type=Path, metavar=("OLD", "NEW"), help="compare two --out files")
    args = parser.parse_args()
    if args.diff:
        diff(*args.diff)
        return
    if not FEEDS.is_dir():
        sys.exit(f"no feed corpus at {FEEDS}")
    items = texts(FEEDS)
    rows = tag(items)
    services = sum(len(r["services"]) for r in rows)
    providers = sum(len(r["providers"]) for r in rows)
    named = sum(1 for r in rows if r["services"])
    print(f"{len(rows):,} texts from {FEEDS}")
    print(f"services tagged: {services:,} ({1000 * services / len(rows):.1f} per 1,000 texts), "
          f"in {named:,} texts; providers: {providers:,} ({1000 * providers / len(rows):.1f} per 1,000)")
    regions = sum(len(r["regions"]) for r in rows)
    print(f"regions tagged: {regions:,} ({1000 * regions / len(rows):.1f} per 1,000 texts; most are places a "
          f"news text is set in, rightly: compare before and after with --diff)")
    if args.out:
        args.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")


if __name__ == "__main__":
    main()
