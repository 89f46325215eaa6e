"""The scenario grid: detection delay from the onset and cause-naming time against the
provider's first post, for region outages generated apart from the detector
(``tests/correlate/scenarios.py``: volume 0.1x-10x, affected dependents, share of posts that
name the region, an unrelated outage elsewhere twenty minutes later).

Per cell: the people who complained in the first 25 minutes (reposts and second posts left
out), when the incident opened (minutes after the onset), when it named aws:us-east-1
(minutes against AWS's first post, negative = before), and, with the unrelated outage, whether
it stayed a separate incident when computed every 15 minutes for three hours ("apart").
Cells marked * are the acceptance cells: five dependents, at least ten people in 25 minutes,
a background of at most one post per ten minutes.

    .venv/bin/python benchmarks/detection_scenarios.py [--quick]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.correlate.scenarios import Scenario, run_scenario  # noqa: E402

VOLUMES = (0.1, 0.3, 1.0, 1.3, 3.0, 10.0)
DEPENDENTS = (1, 3, 5, 8)
SHARES = (0.0, 0.3)


def cell(value, suffix=""):
    return "-" if value is None else f"{value:+.0f}{suffix}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="five dependents only")
    parser.add_argument("--background", type=float, default=1.0, help="region background, posts per 10 minutes")
    args = parser.parse_args()
    started = time.perf_counter()
    dependents = (5,) if args.quick else DEPENDENTS
    print(f"background {args.background} posts / 10 min over the region's dependents; onset 15:30 UTC;"
          f" AWS's first post 16:22 UTC")
    print(f"{'volume':>6} {'deps':>4} {'named':>5} {'unrel':>5} {'people25':>8} {'opened':>7} {'named vs post':>13}"
          f" {'apart':>5}  ")
    failures = 0
    for volume in VOLUMES:
        for deps in dependents:
            for share in SHARES:
                for unrelated in (False, True):
                    scenario = Scenario(volume=volume, dependents=deps, named_share=share, unrelated=unrelated,
                                        background=args.background, seed=int(volume * 10) + deps * 100 + int(share * 10))
                    got = run_scenario(scenario, moments=12 if unrelated else 0)
                    accept = deps == 5 and got["early_people"] >= 10 and args.background <= 1.0
                    ok = (got["delay"] is not None and got["delay"] <= 25 and got["named_vs_official"] is not None
                          and got["named_vs_official"] < 0 and got["separate_every_moment"])
                    mark = ("*" + ("" if ok else " FAILS")) if accept else ""
                    failures += accept and not ok
                    apart = ("yes" if got["separate_every_moment"] else "NO") if unrelated else ""
                    print(f"{volume:>6} {deps:>4} {share:>5} {'yes' if unrelated else 'no':>5} {got['early_people']:>8}"
                          f" {cell(got['delay'], ' min'):>7} {cell(got['named_vs_official'], ' min'):>13} {apart:>5}  {mark}")
    print(f"acceptance cells failing: {failures}; {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
