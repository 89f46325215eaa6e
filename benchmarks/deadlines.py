"""How long a dripping source holds a run, per collector family: one scheduler round with a
source on 127.0.0.1 that sends one byte every ``--drip`` seconds (so a per-read timeout
never fires) beside a good feed, and how long `collect --once` / `--watch` take to exit
after SIGTERM / SIGINT while that source drips.

    python benchmarks/deadlines.py                  # deadline 2 s, drip every 1 s
    python benchmarks/deadlines.py --deadline 5 --drip 5

Printed per family (its library): the round's wall-clock seconds against the deadline,
the slow source's summary line, whether the good feed was stored, and seconds from the
signal to the process's exit. Numbers depend on the machine's load; it is printed too.
tests/collectors/test_deadlines_every_family.py asserts the same behaviour with bounds.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from outagewatch.collectors import load_sources  # noqa: E402
from outagewatch.collectors.run import RunSettings, build_scheduler  # noqa: E402
from outagewatch.collectors.social import SocialCredentials  # noqa: E402
from outagewatch.search.query import Query  # noqa: E402
from outagewatch.search.sqlite import SQLiteStore  # noqa: E402
from tests.collectors.collectproc import collect_process, wait_until_stored  # noqa: E402
from tests.collectors.localhttp import base_url as base  # noqa: E402
from tests.collectors.localhttp import serve_body, serve_drip  # noqa: E402
from tests.collectors.test_deadlines_every_family import FAMILIES as TEST_FAMILIES  # noqa: E402

FEED = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>Example status</title><item><title>Errors</title>'
        b"<guid>a1</guid><pubDate>Wed, 25 Nov 2020 14:36:00 GMT</pubDate><description>Investigating.</description>"
        b"</item></channel></rss>")
# The test's families (each collector library's slow source) and a feed through httpx, which the test covers
# in test_deadlines.py.
FAMILIES = {"feed (httpx)": lambda base: {"kind": "rss", "url": f"{base}/feed"}, **TEST_FAMILIES}
ENV = {"OUTAGEWATCH_X_BEARER_TOKEN": "bench", "OUTAGEWATCH_REDDIT_CLIENT_ID": "bench",
       "OUTAGEWATCH_REDDIT_CLIENT_SECRET": "bench"}


def one_round(family: str, deadline: float, drip: float) -> tuple[float, str, int]:
    slow, good = serve_drip(drip), serve_body(FEED, "application/rss+xml")
    with tempfile.TemporaryDirectory() as tmp:
        store = SQLiteStore(Path(tmp) / "s.db")
        sources = [{"name": "slow", **FAMILIES[family](base(slow))}, {"name": "good", "kind": "rss", "url": f"{base(good)}/f"}]
        settings = RunSettings(retries=3, backoff=0.5, timeout=max(2 * drip, 1.0), deadline=deadline, concurrency=4)
        scheduler, _ = build_scheduler(store, load_sources(sources), settings, jitter=False, x_token="bench",
                                       social=SocialCredentials(reddit_client_id="b", reddit_client_secret="b"))
        started = time.monotonic()
        scheduler.run_round()
        seconds = time.monotonic() - started
        scheduler.close()
        stored = store.count(Query())
        store.close()
    slow.shutdown()
    good.shutdown()
    return seconds, scheduler.health["slow"].line, stored


def stop_after_signal(family: str, mode: str, sig: signal.Signals, drip: float) -> float:
    slow, good = serve_drip(drip), serve_body(FEED, "application/rss+xml")
    with tempfile.TemporaryDirectory() as tmp:
        sources = [{"name": "slow", **FAMILIES[family](base(slow))}, {"name": "good", "kind": "rss", "url": f"{base(good)}/f"}]
        process = collect_process(Path(tmp), sources, mode, env=ENV | {"PYTHONPATH": str(REPO)})
        wait_until_stored(Path(tmp) / "s.db", 1, process)  # the good feed; the slow source drips on
        time.sleep(1.0)
        sent = time.monotonic()
        process.send_signal(sig)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        seconds = time.monotonic() - sent
    slow.shutdown()
    good.shutdown()
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deadline", type=float, default=2.0, help="seconds one fetch may take (default 2)")
    parser.add_argument("--drip", type=float, default=1.0, help="seconds between the slow server's bytes")
    parser.add_argument("--only", default="", help="only the families whose name starts with this")
    args = parser.parse_args()
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}; deadline {args.deadline:g} s, "
          f"one byte every {args.drip:g} s, retries 3")
    print(f"{'family':24} {'round s':>8} {'stored':>6} {'--once SIGTERM s':>16} {'--watch SIGINT s':>16}  slow source")
    for family in (f for f in FAMILIES if f.startswith(args.only)):
        seconds, line, stored = one_round(family, args.deadline, args.drip)
        once = stop_after_signal(family, "--once", signal.SIGTERM, args.drip)
        watch = stop_after_signal(family, "--watch", signal.SIGINT, args.drip)
        print(f"{family:24} {seconds:>8.2f} {stored:>6} {once:>16.2f} {watch:>16.2f}  {line}", flush=True)
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
