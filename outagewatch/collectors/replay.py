"""Replay: serve a capture on 127.0.0.1 and run the real collectors against it on a
simulated clock, from the capture's start to its end.

At every step the clock moves forward by the capture's step (each source still keeps
its own interval, without jitter, so a replay is reproducible), the due sources fetch
from the capture server, and what they find is stored with ``collected_at`` = the
simulated now, which is what a live run would have seen at that moment.
"""

from __future__ import annotations

import copy
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Callable

from outagewatch.collectors.capture import Capture, CaptureServer, SimClock
from outagewatch.collectors.run import RunSettings, build_scheduler, select, Skipped
from outagewatch.collectors.scheduler import SourceHealth
from outagewatch.collectors import load_sources
from outagewatch.collectors.social import SocialCredentials
from outagewatch.collectors.socialcapture import SocialAPIs

# Against 127.0.0.1 politeness delays only slow the replay down; robots.txt is still obeyed.
REPLAY_SCRAPY = {"AUTOTHROTTLE_START_DELAY": 0.0, "AUTOTHROTTLE_MAX_DELAY": 0.5, "DOWNLOAD_DELAY": 0.0,
                 "DOWNLOAD_TIMEOUT": 10}


@dataclass
class ReplayReport:
    capture: str
    start: datetime
    end: datetime
    steps: int = 0
    requests: int = 0
    health: dict[str, SourceHealth] = field(default_factory=dict)
    skipped: list[Skipped] = field(default_factory=list)
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        from outagewatch.timeutil import to_iso

        return {"capture": self.capture, "start": to_iso(self.start), "end": to_iso(self.end), "steps": self.steps,
                "requests": self.requests, "seconds": round(self.seconds, 2),
                "sources": [h.to_dict() for h in self.health.values()],
                "skipped": [{"name": s.name, "reason": s.reason} for s in self.skipped]}


def local_sources(capture: Capture, server: CaptureServer) -> list[dict[str, Any]]:
    out = []
    for entry in capture.sources:
        entry = copy.deepcopy(entry)
        if entry.get("url"):
            entry.setdefault("public_url", entry["url"])
            entry["url"] = server.local_url(entry["url"])
        out.append(entry)
    return out


def replay_credentials(sources) -> SocialCredentials:
    """Stand-in credentials: the capture server accepts any, and a replay must run every
    captured source whatever secrets this machine holds (it never sends them anywhere)."""
    instances = {str(s.options.get("instance", "")).lower() for s in sources if s.kind == "mastodon"}
    return SocialCredentials(bluesky_handle="replay.invalid", bluesky_app_password="replay",
                             mastodon_tokens={i: "replay" for i in instances if i}, reddit_client_id="replay",
                             reddit_client_secret="replay")


def replay(path: str | Path, store, *, speed: float = 0.0, tag: Callable | None = None,
           names: list[str] | None = None, until: datetime | None = None,
           on_batch_stored: Callable | None = None, on_step: Callable[[datetime, datetime, datetime], None] | None = None,
           on_source_done: Callable | None = None, settings: RunSettings | None = None) -> ReplayReport:
    capture = Capture.load(path)
    clock = SimClock(capture.start)
    settings = settings or RunSettings(retries=1, backoff=0.05, backoff_max=0.2, concurrency=4, timeout=15)
    settings.report_settings = {**REPLAY_SCRAPY, **settings.report_settings}
    end = min(capture.end, until) if until else capture.end
    report = ReplayReport(str(path), capture.start, end)
    began = time.perf_counter()
    with CaptureServer(capture, clock) as server:
        sources = select(load_sources(local_sources(capture, server)), names)
        scheduler, report.skipped = build_scheduler(
            store, sources, settings, x_token="replay", x_api_base=f"{server.base}/x", tag=tag, clock=clock.now,
            jitter=False, on_batch_stored=on_batch_stored, on_source_done=on_source_done,
            social=replay_credentials(sources), api_bases=SocialAPIs.bases(server.base))
        try:
            step = timedelta(seconds=capture.step)
            now = capture.start
            while now <= end:
                clock.set(now)
                due = scheduler.due(now)
                if due:
                    scheduler.run_round(due)
                report.steps += 1
                if on_step is not None:
                    on_step(now, capture.start, end)
                if speed > 0:
                    time.sleep(capture.step / speed)
                now += step
        finally:
            scheduler.close()
        report.requests = server.requests
    report.health = scheduler.health
    report.seconds = time.perf_counter() - began
    return report
