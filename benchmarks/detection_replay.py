"""The bundled 2020-11-25 replay (correlation benchmark 2): when is the AWS us-east-1 incident
detected, and when is its common cause named, against AWS's first status post (06:36 PST,
14:36 UTC)?

Replays examples/aws-us-east-1-2020-11-25 with the real collectors on a simulated clock
into a fresh store; correlation runs incrementally after every stored batch (the
scheduler's ``on_batch_stored`` hook), exactly as ``collect --watch`` would.

    .venv/bin/python benchmarks/detection_replay.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from outagewatch.search.sqlite import SQLiteStore  # noqa: E402
from outagewatch.timeutil import parse_time  # noqa: E402

CAPTURE = REPO / "examples" / "aws-us-east-1-2020-11-25"
FIRST_AWS_POST = datetime(2020, 11, 25, 14, 36, tzinfo=timezone.utc)


def minutes_before(when: str | None) -> str:
    if not when:
        return "never"
    delta = (FIRST_AWS_POST - parse_time(when)).total_seconds() / 60
    return f"{when} ({delta:+.0f} min before 14:36 UTC)" if delta >= 0 else f"{when} ({-delta:.0f} min after 14:36 UTC)"


def main() -> None:
    db = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp()) / "replay.db"
    if not db.exists():
        started = time.perf_counter()
        env = {**os.environ, "OUTAGEWATCH_STORE": f"sqlite:///{db}"}
        subprocess.run([str(REPO / ".venv/bin/outagewatch"), "replay", str(CAPTURE), "--speed", "0"], env=env,
                       check=True, stdout=subprocess.DEVNULL)
        print(f"replayed in {time.perf_counter() - started:.0f} s into {db}")
    store = SQLiteStore(db)
    incidents = store.list_incidents()
    aws = [i for i in incidents if (i.get("common_cause") or {}).get("region") == "aws:us-east-1"
           or "aws:us-east-1" in i.get("regions", [])]
    print(f"incidents: {len(incidents)} ({sum(1 for i in incidents if i not in aws)} not about aws:us-east-1)")
    for i in incidents:
        print(f"  {i['id']} {i['started_at']} {i['evidence_level']:<8} {i['title']}")
    if not aws:
        print("no aws us-east-1 incident found")
        return
    main_incident = max(aws, key=lambda i: sum(i["signal_counts"].values()))
    cause = main_incident["common_cause"] or {}
    print(f"aws us-east-1 incident {main_incident['id']}: {main_incident['title']}")
    print(f"  detected:          {minutes_before(main_incident['detected_at'])}")
    print(f"  common cause:      {cause.get('service')} {cause.get('provider')} {cause.get('region')}"
          f" (confidence {cause.get('confidence')})")
    print(f"  cause named:       {minutes_before(main_incident['common_cause_named_at'])}")
    print(f"  first official:    {main_incident['first_official_at']}; lead {main_incident['lead_minutes']} min")
    print(f"  evidence:          {main_incident['evidence_level']}; signals {main_incident['signal_counts']}")
    store.close()


if __name__ == "__main__":
    main()
