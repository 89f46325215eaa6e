"""Assembling a run from the configuration: the sources, the collectors, the scheduler.

``collect``, ``capture`` and ``replay`` all come through here, so a replay runs exactly
the collectors a live run would, only pointed at 127.0.0.1.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from outagewatch.collectors import build_collector, load_sources
from outagewatch.collectors.base import SourceConfig
from outagewatch.collectors.http import make_client
from outagewatch.collectors.scheduler import Scheduler
from outagewatch.timeutil import parse_duration, utcnow


@dataclass
class RunSettings:
    retries: int = 3
    backoff: float = 2.0
    backoff_max: float = 300.0
    concurrency: int = 4
    timeout: float = 20.0
    deadline: float = 120.0  # one fetch, whatever the server does (timeout is per read)
    redirects: str = "any"  # or "same-host": follow redirects only to the source's own host
    report_profiles: dict[str, Any] = field(default_factory=dict)
    report_settings: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_config(cls, section: dict[str, Any], reports: dict[str, Any] | None = None) -> "RunSettings":
        def seconds(key: str, default: float) -> float:
            return parse_duration(section[key]).total_seconds() if key in section else default

        reports = reports or {}
        redirects = str(section.get("redirects", "any"))
        if redirects not in ("any", "same-host"):
            raise ValueError(f"redirects must be 'any' or 'same-host', got {redirects[:40]!r}")
        return cls(retries=int(section.get("retries", 3)), backoff=seconds("backoff", 2.0),
                   backoff_max=seconds("backoff_max", 300.0), concurrency=int(section.get("concurrency", 4)),
                   timeout=seconds("timeout", 20.0), deadline=seconds("deadline", 120.0), redirects=redirects,
                   report_profiles=dict(reports.get("profiles") or {}),
                   report_settings=dict(reports.get("scrapy") or {}))


@dataclass
class Skipped:
    name: str
    reason: str


def select(sources: list[SourceConfig], names: list[str] | None) -> list[SourceConfig]:
    if not names:
        return [s for s in sources if s.enabled]
    known = {s.name: s for s in sources}
    missing = [n for n in names if n not in known]
    if missing:
        raise ValueError(f"no source named {', '.join(missing)} in the config (known: {', '.join(known) or 'none'})")
    return [known[n] for n in names]


def build_scheduler(store, sources: list[SourceConfig], settings: RunSettings, *, x_token=None,
                    x_api_base: str | None = None, tag: Callable | None = None, clock: Callable = utcnow,
                    record=None, jitter: bool = True, on_batch_stored=None, on_source_done=None,
                    sleep=None, social=None, api_bases: dict[str, str] | None = None,
                    stop=None) -> tuple[Scheduler, list[Skipped]]:
    collectors, skipped = [], []
    for source in sources:
        try:
            collectors.append(build_collector(source, x_token=x_token, x_api_base=x_api_base, timeout=settings.timeout,
                                              report_profiles=settings.report_profiles,
                                              report_settings=settings.report_settings, social=social,
                                              api_bases=api_bases))
        except ValueError as exc:
            skipped.append(Skipped(source.name, str(exc)))
    extra = {"sleep": sleep} if sleep is not None else {}
    scheduler = Scheduler(store, collectors, tag=tag, clock=clock, http=make_client(settings.timeout), record=record,
                          retries=settings.retries, backoff_base=settings.backoff, backoff_max=settings.backoff_max,
                          concurrency=settings.concurrency, jitter=jitter, on_batch_stored=on_batch_stored,
                          on_source_done=on_source_done, deadline=settings.deadline, stop=stop,
                          redirects=settings.redirects, **extra)
    return scheduler, skipped


def sources_from_config(data: dict[str, Any]) -> list[SourceConfig]:
    return load_sources(data.get("sources") or [])
