"""Every source kind in one table: how to build its collector, how often it is fetched by
default, and which optional libraries it needs. Adding a kind is one entry here and its
collector module; the config check, the default intervals and the skip messages follow.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

DEFAULT_INTERVAL = 300


@dataclass
class BuildContext:
    """What a collector may need besides its ``[[sources]]`` entry."""

    x_token: Any = None
    x_api_base: str | None = None
    timeout: float = 20.0
    report_profiles: dict | None = None
    report_settings: dict | None = None
    crawler_child: Any = None
    social: Any = None
    api_bases: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Kind:
    name: str
    build: Callable[[Any, BuildContext], Any]
    interval: int = DEFAULT_INTERVAL
    """Seconds between fetches unless the source says ``interval``."""
    needs: tuple[str, ...] = ()
    """Libraries of the optional extra ``outagewatch[collectors]`` it cannot run without."""


def _feed(source, ctx):
    from outagewatch.collectors.feeds import FeedCollector

    return FeedCollector(source)


def _statuspage(source, ctx):
    from outagewatch.collectors.statusapi import StatuspageCollector

    return StatuspageCollector(source)


def _gcp(source, ctx):
    from outagewatch.collectors.statusapi import GCPCollector

    return GCPCollector(source)


def _aws_json(source, ctx):
    from outagewatch.collectors.statusapi import AWSHealthJSONCollector

    return AWSHealthJSONCollector(source)


def _x(source, ctx):
    from outagewatch.collectors.x import XCollector

    return XCollector(source, bearer_token=ctx.x_token, api_base=ctx.x_api_base, timeout=ctx.timeout)


def _reports(source, ctx):
    from outagewatch.collectors.reports import ReportCollector

    return ReportCollector(source, profiles=ctx.report_profiles, settings=ctx.report_settings, child=ctx.crawler_child)


def _social(source, ctx):
    from outagewatch.collectors.social import build_social

    return build_social(source, social=ctx.social, api_base=ctx.api_bases.get(source.kind), timeout=ctx.timeout)


KINDS: dict[str, Kind] = {k.name: k for k in (
    Kind("statuspage", _statuspage, interval=120),
    Kind("aws-health", _feed),
    Kind("aws-health-json", _aws_json),
    Kind("gcp", _gcp),
    Kind("azure", _feed),
    Kind("rss", _feed),
    Kind("news", _feed, interval=600),
    Kind("x", _x, needs=("tweepy",)),
    Kind("reports", _reports, interval=600, needs=("scrapy", "twisted")),
    Kind("bluesky", _social, needs=("atproto",)),
    Kind("mastodon", _social, needs=("mastodon",)),
    Kind("reddit", _social, needs=("praw",)),
    Kind("hn", _social),
)}


def default_interval(kind: str) -> int:
    found = KINDS.get(kind)
    return found.interval if found else DEFAULT_INTERVAL
