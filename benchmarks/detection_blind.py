"""Blind detection check on a replay written without reading the detector's rules.

Why: the other detection figures come from data the detector was developed against.
This script scores it on any blind folder (default `tests/data/blind_detection/`, the
2021-12-07 AWS us-east-1 outage plus an unrelated Zerodha incident the same afternoon), as a
user would: it ingests the folder's data file into a fresh SQLite store with the CLI, lists
incidents with `incidents --json`, and compares them with the folder's `labels.json`. It reads
only the CLI's output (never imports the detector), so it measures what a user would see.

Labels: the main event is `main_incident` (or `aws_incident`, the first folder's key); its
provider is `expected_cause.provider` (any provider, not only AWS); the provider's own affected
services are `affected_provider_services` (or `affected_<provider>_services`); workaround regions
(`workaround_regions_not_affected`) and the `unrelated_incident` (one, or a list) are optional.

Run: PYTHONPATH=/path/to/tree python benchmarks/detection_blind.py [DATA_DIR]
Exit 0 whether or not the detector meets the labels: it prints numbers, not a verdict
that fails a build.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

DEFAULT_DIR = Path(__file__).resolve().parent.parent / "tests" / "data" / "blind_detection"


def ts(value: str | None) -> datetime | None:
    """Parse the CLI's ISO 8601 times (Z suffix) so differences can be taken."""
    if not value:
        return None
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def minutes(a: datetime | None, b: datetime | None) -> str:
    """Signed minutes a - b, or 'n/a' when either is missing."""
    if a is None or b is None:
        return "n/a"
    return f"{(a - b).total_seconds() / 60:+.0f} min"


def cli(store: str, *args: str) -> subprocess.CompletedProcess:
    """Run the installed CLI the way a user would (python -m outagewatch, PYTHONPATH honoured)."""
    return subprocess.run([sys.executable, "-m", "outagewatch", "--store", store, *args],
                          capture_output=True, text=True)


def main_labels(labels: dict) -> dict:
    """The main event's labels, under either key the blind folders use."""
    for key in ("main_incident", "aws_incident"):
        if isinstance(labels.get(key), dict):
            return labels[key]
    raise SystemExit("labels.json has neither 'main_incident' nor 'aws_incident'")


def main() -> int:
    data_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_DIR
    labels = json.loads((data_dir / "labels.json").read_text())
    data = data_dir / labels["file"]
    main_event = main_labels(labels)
    provider = main_event["expected_cause"]["provider"]
    onset, official = ts(main_event["onset"]), ts(main_event.get("official_first_post"))
    expected_consumers = set(main_event.get("affected_consumer_services") or [])
    own_services = set(main_event.get("affected_provider_services")
                       or main_event.get(f"affected_{provider}_services") or [])
    unrelated = labels.get("unrelated_incident")
    workaround = set(main_event.get("workaround_regions_not_affected") or [])

    with tempfile.TemporaryDirectory() as tmp:
        store = f"sqlite:///{tmp}/blind.db"
        t0 = time.perf_counter()
        ing = cli(store, "ingest", str(data), "--json")
        took = time.perf_counter() - t0
        if ing.returncode not in (0, 3):
            print(f"ingest failed (exit {ing.returncode}): {ing.stderr.strip()}")
            return 1
        outcome = json.loads(ing.stdout.strip().splitlines()[-1])
        print(f"data: {data}")
        print(f"ingest: exit {ing.returncode}, new {outcome.get('new')}, rejected {outcome.get('rejected')}, "
              f"{took:.1f} s (load average {os.getloadavg()[0]:.2f})")
        if ing.returncode == 3:
            print(f"  rejections: {ing.stderr.strip()}")
        window = labels["window"]
        inc = cli(store, "incidents", "--json", "--all", "--status", "all", "--limit", "10000",
                  "--since", window["start"], "--until", window["end"])
        if inc.returncode != 0:
            print(f"incidents failed (exit {inc.returncode}): {inc.stderr.strip()}")
            return 1
        rows = [json.loads(line) for line in inc.stdout.splitlines() if line.strip()]
        incidents = [r for r in rows if "meta" not in r]

    print(f"incidents listed: {len(incidents)}")
    for i in incidents:
        print(f"  - {i.get('id')} detected {i.get('detected_at')} started {i.get('started_at')} "
              f"status {i.get('status')} evidence {i.get('evidence_level')}: {i.get('title')}")

    def is_main(i: dict) -> bool:
        cause = i.get("common_cause") or {}
        return cause.get("provider") == provider or provider in (i.get("providers") or [])

    candidates = [i for i in incidents if is_main(i) or expected_consumers & set(i.get("services") or [])]
    if not candidates:
        print(f"\nmain ({provider}) incident: NOT FOUND (no incident names {provider} or any affected consumer service)")
        main_inc = None
    else:
        # The main incident is the one holding the most affected consumer services; ties go to the earliest.
        main_inc = max(candidates, key=lambda i: (len(expected_consumers & set(i.get("services") or [])),
                                                 -(ts(i.get("detected_at")) or onset).timestamp()))
    if main_inc is not None:
        det = ts(main_inc.get("detected_at"))
        cause = main_inc.get("common_cause") or {}
        named = ts(main_inc.get("common_cause_named_at"))
        print(f"\nmain ({provider}) incident {main_inc.get('id')}: {main_inc.get('title')}")
        print(f"  onset (label) {main_event['onset']}, {provider}'s first post (label) {main_event.get('official_first_post')}")
        print(f"  started_at {main_inc.get('started_at')} ({minutes(ts(main_inc.get('started_at')), onset)} vs onset)")
        print(f"  detected_at {main_inc.get('detected_at')}: {minutes(det, onset)} after onset, "
              f"{minutes(official, det)} before the official post")
        print(f"  escalations: {main_inc.get('escalations')}")
        print(f"  tool's first_official_at {main_inc.get('first_official_at')} (label {main_event.get('official_first_post')}), "
              f"lead_minutes {main_inc.get('lead_minutes')}")
        print(f"  final cause: provider {cause.get('provider')}, region {cause.get('region')}, "
              f"service {cause.get('service')}, confidence {cause.get('confidence')}")
        want = main_event["expected_cause"]
        ok_p = cause.get("provider") == want["provider"]
        ok_r = cause.get("region") == want["region"]
        print(f"  cause matches label: provider {'yes' if ok_p else 'NO'}, region {'yes' if ok_r else 'NO'}")
        print(f"  common_cause_named_at {main_inc.get('common_cause_named_at')}: {minutes(named, onset)} after onset, "
              f"{minutes(official, named)} before the official post")
        history = main_inc.get("cause_history") or []
        for entry in history:
            print(f"  cause history: {entry.get('at')} provider {entry.get('provider')}, region {entry.get('region')}, "
                  f"service {entry.get('service')}, confidence {entry.get('confidence')}")
        first_p = next((ts(h["at"]) for h in history if h.get("provider") == want["provider"]), None)
        region = want["region"]
        # a label without a region (a global event): when the provider was named with no region
        first_r = next((ts(h["at"]) for h in history
                        if h.get("provider") == want["provider"] and h.get("region") == region), None)
        print(f"  provider {want['provider']} first named {first_p.isoformat() if first_p else 'never'}: "
              f"{minutes(first_p, onset)} after onset, {minutes(official, first_p)} before the official post")
        print(f"  region {region or '(none: global)'} first named {first_r.isoformat() if first_r else 'never'}: "
              f"{minutes(first_r, onset)} after onset, {minutes(official, first_r)} before the official post")
        if not history:
            print("  note: no cause_history in the JSON (an older build): only the final cause and one time")
        services = set(main_inc.get("services") or [])
        joined = sorted(expected_consumers & services)
        missing = sorted(expected_consumers - services)
        print(f"  affected consumer services joined: {len(joined)}/{len(expected_consumers)} {joined}")
        print(f"  missing: {missing}")
        extra = sorted(s for s in services - expected_consumers - own_services)
        print(f"  other services in it (not in the labels' lists): {extra}")
        regions = main_inc.get("regions") or []
        print(f"  regions listed: {regions}")
        bad = sorted(workaround & set(regions))
        print(f"  workaround region listed as affected: {'YES ' + str(bad) if bad else 'no'}")

    # one unrelated incident (a dict) or several (a list), each with "service" and "onset"
    unrelated_list = [unrelated] if isinstance(unrelated, dict) else list(unrelated or [])
    apart = set()
    for other in unrelated_list:
        zsvc = other["service"]
        apart.add(zsvc)
        zonset = ts(other["onset"])
        in_main = main_inc is not None and zsvc in (main_inc.get("services") or [])
        own = [i for i in incidents if i is not main_inc and zsvc in (i.get("services") or [])]
        print(f"\nunrelated incident ({zsvc}, onset {other['onset']}):")
        print(f"  merged into the main incident: {'YES' if in_main else 'no'}")
        for i in own:
            print(f"  own incident {i.get('id')}: detected {i.get('detected_at')} "
                  f"({minutes(ts(i.get('detected_at')), zonset)} vs its onset), services {i.get('services')}, "
                  f"cause {i.get('common_cause')}")
        print(f"  stayed a separate incident: {'yes' if own and not in_main else 'NO'}")

    others = [i for i in incidents if i is not main_inc and not apart & set(i.get("services") or [])]
    print(f"\nother incidents (neither the main one{' nor ' + ', '.join(sorted(apart)) if apart else ''}): {len(others)}")
    for i in others:
        print(f"  - {i.get('detected_at')} {i.get('services')} cause {(i.get('common_cause') or {}).get('provider')}"
              f"/{(i.get('common_cause') or {}).get('region')}: {i.get('title')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
