"""Collectors: one module per source kind, a scheduler that runs them, and captures.

Config (TOML)::

    [collect]              # optional run settings
    retries = 3            # per fetch, for transient failures (timeouts, 429, 5xx)
    backoff = "2s"         # first retry delay, doubled each time
    concurrency = 4
    timeout = "20s"

    [[sources]]
    name = "kinesis-us-east-1"
    kind = "aws-health"    # one of collectors.kinds.KINDS: statuspage, aws-health, rss, x, reports, bluesky, ...
    url = "https://status.aws.amazon.com/rss/kinesis-us-east-1.rss"
    interval = "5m"
    services = ["aws/kinesis"]   # tags the source implies (kept by the tagger)
    regions = ["aws:us-east-1"]
"""

from __future__ import annotations

from typing import Any, Iterable

from outagewatch.collectors.base import SourceConfig
from outagewatch.collectors.kinds import KINDS, BuildContext, Kind


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


def build_collector(source: SourceConfig, *, x_token=None, x_api_base: str | None = None, timeout: float = 20.0,
                    report_profiles: dict | None = None, report_settings: dict | None = None, crawler_child=None,
                    social=None, api_bases: dict[str, str] | None = None):
    """The collector for one source; ``ValueError`` when the source cannot work as declared.

    ``social`` holds the social networks' credentials (:class:`~outagewatch.collectors.social.SocialCredentials`);
    ``api_bases`` points a network's API elsewhere (replay: the capture server), by kind."""
    kind = KINDS.get(source.kind)
    if kind is None:
        raise ValueError(f"source {source.name}: unknown kind {source.kind!r}")
    _require_extra(kind)
    return kind.build(source, BuildContext(x_token=x_token, x_api_base=x_api_base, timeout=timeout,
                                           report_profiles=report_profiles, report_settings=report_settings,
                                           crawler_child=crawler_child, social=social, api_bases=api_bases or {}))


def _require_extra(kind: Kind) -> None:
    """A source whose library is not installed is skipped with the line to install it."""
    from outagewatch.extras import MissingExtra, require

    try:
        require(*kind.needs)
    except MissingExtra as exc:
        raise ValueError(str(exc)) from exc
