"""Turning query-string parameters into the store's query model, with errors that name them.

The filters are the CLI's (``service``, ``provider``, ``region``, ``kind``, ``source``,
``since``, ``until``), repeatable, so a link from the dashboard and a ``search``
command line say the same thing.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import Query as Param

from outagewatch.api.errors import ApiError
from outagewatch.search.query import MAX_LIMIT, SORTS, Query
from outagewatch.signal import SOURCE_KINDS
from outagewatch.timeutil import parse_time

TIME_HELP = "ISO 8601 (2020-11-25T13:00Z), epoch seconds, or relative (2h, 7d)."


def parse_time_param(value: str | None, name: str) -> datetime | None:
    if value is None or value == "":
        return None
    try:
        return parse_time(value)
    except (ValueError, OverflowError):
        raise ApiError(400, f"{name}: cannot read {value[:60]!r} as a time; {TIME_HELP}") from None


class Filters:
    """The filter parameters every signal endpoint shares."""

    def __init__(
        self,
        q: Annotated[str | None, Param(description='Words, "phrases", a OR b, -exclude, prefix*.', max_length=1000)] = None,
        service: Annotated[list[str], Param(description="Service id, e.g. roku or aws/kinesis (repeatable).")] = [],
        provider: Annotated[list[str], Param(description="Provider id, e.g. aws (repeatable).")] = [],
        region: Annotated[list[str], Param(description="Region id, e.g. aws:us-east-1 (repeatable).")] = [],
        kind: Annotated[list[str], Param(description="Source kind: " + ", ".join(SOURCE_KINDS) + " (repeatable).")] = [],
        source: Annotated[list[str], Param(description="Source, e.g. x:@RokuSupport (repeatable).")] = [],
        since: Annotated[str | None, Param(description="Published at or after. " + TIME_HELP)] = None,
        until: Annotated[str | None, Param(description="Published before. " + TIME_HELP)] = None,
    ) -> None:
        for value in kind:
            if value not in SOURCE_KINDS:
                raise ApiError(400, f"kind: must be one of {', '.join(SOURCE_KINDS)}, got {value[:40]!r}")
        self.q = q
        self.service, self.provider, self.region = service, provider, region
        self.kind, self.source = kind, source
        self.since = parse_time_param(since, "since")
        self.until = parse_time_param(until, "until")
        if self.since and self.until and self.since >= self.until:
            raise ApiError(400, "since: must be before until")

    def query(self, *, limit: int = 20, sort: str = "relevance", cursor: str | None = None,
              highlight: bool = True) -> Query:
        if sort not in SORTS:
            raise ApiError(400, f"sort: must be one of {', '.join(SORTS)}, got {sort[:40]!r}")
        if not 0 <= limit <= MAX_LIMIT:
            raise ApiError(400, f"limit: must be between 0 and {MAX_LIMIT}, got {limit}")
        try:
            return Query(text=self.q, services=tuple(self.service), providers=tuple(self.provider),
                         regions=tuple(self.region), kinds=tuple(self.kind), sources=tuple(self.source),
                         since=self.since, until=self.until, sort=sort, limit=limit, cursor=cursor or None,
                         highlight=highlight)
        except ValueError as exc:
            message = str(exc)
            raise ApiError(400, message if message.startswith(("q:", "services", "providers", "regions", "kinds",
                                                               "sources")) else f"q: {message}") from None


def split_list(value: str | None, allowed: tuple[str, ...], name: str) -> list[str]:
    """``facets=services,regions``: a comma list of known names."""
    if value is None:
        return []
    names = [part.strip() for part in value.split(",") if part.strip()]
    for part in names:
        if part not in allowed:
            raise ApiError(400, f"{name}: cannot use {part[:40]!r}; choose from {', '.join(allowed)}")
    return names
