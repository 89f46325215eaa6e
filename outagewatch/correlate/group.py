"""Which runs are one incident: overlapping in time *and* related through the catalog.

Related means: the same service, provider or region; a service and a provider or region
it depends on (``depends_on``, followed transitively) or belongs to; a service that depends on
a provider without naming any of its regions and that provider's regions (it may run there); a
provider and its own region; two services that depend on one another or on the same provider region.
Two services that merely share a provider are *not* related on their own: half the web
runs on AWS, so only a spike of chatter naming the provider (or its status feed) links
them. That is what keeps two unrelated outages in the same hour apart.
"""

from __future__ import annotations

import functools
from datetime import datetime, timedelta

from outagewatch.catalog import Catalog
from outagewatch.correlate.detect import Run
from outagewatch.correlate.series import Entity


class Relations:
    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog

    @functools.lru_cache(maxsize=None)
    def deps(self, service: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
        providers, regions, services = self.catalog.dependencies(service)
        own = self.catalog.provider_of(service)
        if own:
            providers = providers | {own}
        return frozenset(providers), frozenset(regions), frozenset(services)

    def region_provider(self, region: str) -> str | None:
        found = self.catalog.regions.get(region)
        if found is not None:
            return found.provider
        return region.split(":", 1)[0] if ":" in region and not region.startswith("geo:") else None

    @functools.lru_cache(maxsize=None)
    def related(self, a: Entity, b: Entity) -> bool:
        if a == b:
            return True
        if a[0] > b[0]:
            a, b = b, a
        kinds = (a[0], b[0])
        if kinds == ("provider", "service"):
            return a[1] in self.deps(b[1])[0]
        if kinds == ("region", "service"):
            providers, regions, _ = self.deps(b[1])
            # a provider's own service in its region; never "both have no provider" (a
            # country, geo:GR, and any customer service without a provider share nothing)
            owner = self.catalog.provider_of(b[1])
            if a[1] in regions or (owner is not None and owner == self.region_provider(a[1])):
                return True
            # a service on the region's provider whose region the catalog does not know
            # (depends_on: [aws]) may be in it; one on another of its regions is not
            provider = self.region_provider(a[1])
            return provider is not None and provider in providers and not any(
                r.startswith(provider + ":") for r in regions)
        if kinds == ("provider", "region"):
            return self.region_provider(b[1]) == a[1]
        if kinds == ("service", "service"):
            pa, ra, sa = self.deps(a[1])
            pb, rb, sb = self.deps(b[1])
            return b[1] in sa or a[1] in sb or bool(ra & rb)
        return False

    def runs_related(self, x: Run, y: Run) -> bool:
        return any(self.related(a, b) for a in x.entities for b in y.entities)


def _span(run: Run, close_after: timedelta, now: datetime) -> tuple[datetime, datetime]:
    end = run.ended_at + close_after if run.ended_at is not None else now
    return run.started_at, max(end, run.detected_at)


def group_runs(runs: list[Run], relations: Relations, close_after: timedelta, now: datetime) -> list[list[Run]]:
    """Union of runs that overlap (allowing ``close_after`` of quiet) and are related."""
    ordered = sorted(runs, key=lambda r: (r.started_at, r.detected_at, sorted(r.entities), r.kind))
    parent = list(range(len(ordered)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    spans = [_span(r, close_after, now) for r in ordered]
    for i, run in enumerate(ordered):
        for j in range(i + 1, len(ordered)):
            if spans[j][0] > spans[i][1]:
                break
            if relations.runs_related(run, ordered[j]):
                parent[find(j)] = find(i)
    groups: dict[int, list[Run]] = {}
    for i, run in enumerate(ordered):
        groups.setdefault(find(i), []).append(run)
    return list(groups.values())
