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
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from outagewatch.collectors import load_sources  # noqa: E402
from outagewatch.collectors.run import RunSettings, build_scheduler  # noqa: E402
from outagewatch.collectors.social import SocialCredentials  # noqa: E402
from outagewatch.search.query import Query  # noqa: E402
from outagewatch.search.sqlite import SQLiteStore  # noqa: E402

FEED = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>Example status</title><item><title>Errors</title>'
        b"<guid>a1</guid><pubDate>Wed, 25 Nov 2020 14:36:00 GMT</pubDate><description>Investigating.</description>"
        b"</item></channel></rss>")
FAMILIES = {
    "feed (httpx)": lambda base: {"kind": "rss", "url": f"{base}/feed"},
    "hn (httpx)": lambda base: {"kind": "hn", "query": "aws outage", "api_base": base},
    "x (tweepy)": lambda base: {"kind": "x", "query": "roku down", "api_base": base},
    "bluesky (atproto)": lambda base: {"kind": "bluesky", "accounts": ["status.bsky.app"], "api_base": base},
    "mastodon (Mastodon.py)": lambda base: {"kind": "mastodon", "instance": "m.example", "tags": ["outage"],
                                            "api_base": base},
    "reddit (PRAW)": lambda base: {"kind": "reddit", "subreddits": ["aws"], "api_base": base},
    "reports (Scrapy)": lambda base: {"kind": "reports", "url": f"{base}/status/{{slug}}/", "pages": ["roku"]},
}
ENV = {"OUTAGEWATCH_X_BEARER_TOKEN": "bench", "OUTAGEWATCH_REDDIT_CLIENT_ID": "bench",
       "OUTAGEWATCH_REDDIT_CLIENT_SECRET": "bench"}


def serve(respond) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def do_GET(self):  # noqa: N802
            respond(self)

        do_POST = do_GET

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


def dripping(every: float) -> ThreadingHTTPServer:
    def respond(request):
        length = int(request.headers.get("Content-Length") or 0)
        if length:
            request.rfile.read(length)
        try:
            request.send_response(200)
            request.send_header("Content-Type", "application/json")
            request.send_header("Content-Length", "100000")
            request.end_headers()
            request.wfile.flush()
            for _ in range(100000):
                request.wfile.write(b" ")
                request.wfile.flush()
                time.sleep(every)
        except OSError:
            pass
        request.close_connection = True

    return serve(respond)


def good_feed() -> ThreadingHTTPServer:
    def respond(request):
        request.send_response(200)
        request.send_header("Content-Type", "application/rss+xml")
        request.send_header("Content-Length", str(len(FEED)))
        request.end_headers()
        request.wfile.write(FEED)

    return serve(respond)


def base(httpd) -> str:
    return f"http://127.0.0.1:{httpd.server_address[1]}"


def one_round(family: str, deadline: float, drip: float) -> tuple[float, str, int]:
    slow, good = dripping(drip), good_feed()
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
    slow, good = dripping(drip), good_feed()
    with tempfile.TemporaryDirectory() as tmp:
        lines = ['[collect]\nretries = 0\ntimeout = "30s"\ndeadline = "10m"\n']
        for source in ({"name": "slow", **FAMILIES[family](base(slow))}, {"name": "good", "kind": "rss",
                                                                        "url": f"{base(good)}/f"}):
            lines.append("[[sources]]\n" + "\n".join(f"{k} = {json.dumps(v)}" for k, v in source.items()))
        Path(tmp, "c.toml").write_text("\n".join(lines))
        env = {k: v for k, v in os.environ.items() if not k.startswith("OUTAGEWATCH_")} | ENV
        env["PYTHONPATH"] = str(REPO)
        process = subprocess.Popen([sys.executable, "-m", "outagewatch", "--config", f"{tmp}/c.toml", "--store",
                                    f"sqlite:///{tmp}/s.db", "collect", "--no-tag", mode],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=tmp, env=env)
        give_up = time.monotonic() + 60
        while time.monotonic() < give_up:  # until the good feed is stored: the slow source drips on
            if Path(tmp, "s.db").exists():
                with SQLiteStore(Path(tmp) / "s.db") as store:
                    if store.count(Query()):
                        break
            time.sleep(0.2)
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
