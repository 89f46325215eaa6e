"""Collectors: one module per source kind, a scheduler that runs them, and captures.

Config (TOML)::

    [collect]              # optional run settings
    retries = 3            # per fetch, for transient failures (timeouts, 429, 5xx)
    backoff = "2s"         # first retry delay, doubled each time
    concurrency = 4
    timeout = "20s"

    [[sources]]
    name = "kinesis-us-east-1"
    kind = "aws-health"    # statuspage | aws-health | aws-health-json | gcp | azure | rss | news | x | reports
                           # | bluesky | mastodon | reddit | hn
    url = "https://status.aws.amazon.com/rss/kinesis-us-east-1.rss"
    interval = "5m"
    services = ["aws/kinesis"]   # tags the source implies (kept by the tagger)
    regions = ["aws:us-east-1"]
"""

from __future__ import annotations

from typing import Any, Iterable

from outagewatch.collectors.base import SourceConfig

KINDS = ("statuspage", "aws-health", "aws-health-json", "gcp", "azure", "rss", "news", "x", "reports",
         "bluesky", "mastodon", "reddit", "hn")


def load_sources(data: Iterable[dict[str, Any]]) -> list[SourceConfig]:
    sources, names = [], set()
    for index, entry in enumerate(data or []):
        if not isinstance(entry, dict):
            raise ValueError(f"sources[{index}] is not a table")
        source = SourceConfig.from_dict(entry)
        if source.kind not in KINDS:
            raise ValueError(f"source {source.name}: unknown kind {source.kind!r} (one of {', '.join(KINDS)})")
        if source.name in names:
            raise ValueError(f"source {source.name} is declared twice")
        names.add(source.name)
        sources.append(source)
    return sources


# kinds whose libraries come with the optional extra outagewatch[collectors]
NEEDS = {"x": ("tweepy",), "bluesky": ("atproto",), "mastodon": ("mastodon",), "reddit": ("praw",),
         "reports": ("scrapy", "twisted")}


def _require_extra(source: SourceConfig) -> None:
    """A source whose library is not installed is skipped with the line to install it."""
    from outagewatch.extras import MissingExtra, require

    try:
        require(*NEEDS.get(source.kind, ()))
    except MissingExtra as exc:
        raise ValueError(str(exc)) from exc


def build_collector(source: SourceConfig, *, x_token=None, x_api_base: str | None = None, timeout: float = 20.0,
                    report_profiles: dict | None = None, report_settings: dict | None = None, crawler_child=None,
                    social=None, api_bases: dict[str, str] | None = None):
    """The collector for one source; ``ValueError`` when the source cannot work as declared.

    ``social`` holds the social networks' credentials (:class:`~outagewatch.collectors.social.SocialCredentials`);
    ``api_bases`` points a network's API elsewhere (replay: the capture server), by kind."""
    kind = source.kind
    _require_extra(source)
    if kind in ("bluesky", "mastodon", "reddit", "hn"):
        from outagewatch.collectors.social import build_social

        return build_social(source, social=social, api_base=(api_bases or {}).get(kind), timeout=timeout)
    if kind in ("news", "rss", "aws-health", "azure"):
        from outagewatch.collectors.feeds import FeedCollector

        return FeedCollector(source)
    if kind == "statuspage":
        from outagewatch.collectors.statusapi import StatuspageCollector

        return StatuspageCollector(source)
    if kind == "gcp":
        from outagewatch.collectors.statusapi import GCPCollector

        return GCPCollector(source)
    if kind == "aws-health-json":
        from outagewatch.collectors.statusapi import AWSHealthJSONCollector

        return AWSHealthJSONCollector(source)
    if kind == "x":
        from outagewatch.collectors.x import XCollector

        return XCollector(source, bearer_token=x_token, api_base=x_api_base, timeout=timeout)
    if kind == "reports":
        from outagewatch.collectors.reports import ReportCollector

        return ReportCollector(source, profiles=report_profiles, settings=report_settings, child=crawler_child)
    raise ValueError(f"source {source.name}: unknown kind {kind!r}")
