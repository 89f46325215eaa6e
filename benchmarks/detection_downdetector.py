"""Detection against Downdetector's own incident times (issue #6 benchmark 1).

For each of the 63 real Downdetector incidents in ../shared/corpora/reports/downdetector-archive
(24 hours of 15-minute report counts around each), store the counts as report-count Signals
(one per point, published at the end of its 15 minutes, tagged with the provider), run the
real correlation (default settings, causal), and compare each incident's ``detected_at``
with Downdetector's ``downdetector_since``:

- hit: an incident detected within 60 minutes either side of downdetector_since
- delay: detected_at - downdetector_since of the nearest detected incident (minutes; negative = earlier)
- extra: the other incidents raised in the same 24 hours

    .venv/bin/python benchmarks/detection_downdetector.py
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from outagewatch.correlate import compute  # noqa: E402
from outagewatch.search.sqlite import SQLiteStore  # noqa: E402
from outagewatch.signal import Signal  # noqa: E402
from outagewatch.timeutil import parse_time  # noqa: E402

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "reports" / "downdetector-archive"


def main() -> None:
    if not CORPUS.is_dir():
        sys.exit(f"corpus not found: {CORPUS}")
    events = json.loads((CORPUS / "events.json").read_text())
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for event in events:
            points = json.loads((CORPUS / event["counts_file"]).read_text())["counts"]
            provider = event["provider"]
            store = SQLiteStore(Path(tmp) / f"{event['event']}.db")
            store.upsert(Signal(source_kind="reports", source=f"reports:downdetector/{provider}",
                                published_at=parse_time(p["x"]), text=f"{p['y']} reports", report_count=int(p["y"]),
                                native_id=p["x"], providers=[provider]) for p in points)
            last = parse_time(points[-1]["x"])
            incidents = compute(store, now=last)
            store.close()
            since = parse_time(event["downdetector_since"])
            delays = [(parse_time(i["detected_at"]) - since).total_seconds() / 60 for i in incidents]
            near = [d for d in delays if abs(d) <= 60]
            best = min(near, key=abs) if near else None
            # lenient: an incident under way at some point within the hour either side
            window = (since.timestamp() - 3600, since.timestamp() + 3600)
            covering = any(parse_time(i["started_at"]).timestamp() <= window[1]
                           and (i["ended_at"] is None or parse_time(i["ended_at"]).timestamp() >= window[0])
                           for i in incidents)
            rows.append({"event": f"{provider}/{event['event']}", "since": event["downdetector_since"],
                         "hit": best is not None, "delay": best, "covering": covering, "incidents": len(incidents),
                         "extra": len(incidents) - (1 if best is not None else 0),
                         "levels": [i["evidence_level"] for i in incidents]})
    hits = [r for r in rows if r["hit"]]
    delays = [r["delay"] for r in hits]
    print(f"{'event':<16} {'downdetector_since':<22} {'hit':<4} {'delay min':>9} {'extra':>5}  levels")
    for r in rows:
        delay = f"{r['delay']:.0f}" if r["delay"] is not None else "-"
        print(f"{r['event']:<16} {r['since']:<22} {'yes' if r['hit'] else 'NO':<4} {delay:>9} {r['extra']:>5}  "
              f"{','.join(r['levels'])}")
    extras = [r["extra"] for r in rows]
    print()
    print(f"events: {len(rows)}; hit rate: {len(hits)}/{len(rows)} = {100 * len(hits) / len(rows):.1f}%"
          f" (detected within 60 min); lenient {sum(r['covering'] for r in rows)}/{len(rows)} (an incident under way within 60 min)")
    if delays:
        print(f"delay of hits (minutes, detected_at - downdetector_since): median {statistics.median(delays):.1f},"
              f" mean {statistics.mean(delays):.1f}, min {min(delays):.0f}, max {max(delays):.0f}")
    print(f"extra incidents per 24 h: mean {statistics.mean(extras):.2f}, max {max(extras)},"
          f" events with more than one extra: {sum(e > 1 for e in extras)}")


if __name__ == "__main__":
    main()
