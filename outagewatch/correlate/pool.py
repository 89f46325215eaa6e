"""Pooling along the catalog graph: whose chatter also counts toward an upstream.

When a provider region fails, each affected service gets a thin stream of complaints that
never stands out on its own, while together they are far above their background. So an
upstream (a provider, a provider region, a provider's own service) gets a pooled series:
texts naming it, plus the chatter of every service that depends on it in the catalog
(``depends_on``, followed transitively), plus, for a provider, texts naming its regions
and its own services. A pooled spike names the upstream only when it is broad (several
members carry it) or texts name the upstream itself: one customer's own outage must not
make "AWS" its cause (half the web runs on AWS).
"""

from __future__ import annotations

from outagewatch.catalog import Catalog
from outagewatch.correlate.series import Entity


_CACHE: dict[int, tuple[Catalog, dict]] = {}


def pools(catalog: Catalog) -> dict[Entity, frozenset[Entity]]:
    """Upstream entity -> the member entities pooled into it (itself included); computed
    once per catalog object."""
    cached = _CACHE.get(id(catalog))
    if cached is not None and cached[0] is catalog:
        return cached[1]
    out: dict[Entity, set[Entity]] = {}

    def add(upstream: Entity, member: Entity) -> None:
        out.setdefault(upstream, {upstream}).add(member)

    for service_id, service in catalog.services.items():
        member = ("service", service_id)
        providers, regions, services = catalog.dependencies(service_id)
        if service.provider:
            add(("provider", service.provider), member)
        for provider in providers:
            add(("provider", provider), member)
        for region in regions:
            add(("region", region), member)
        for upstream in services:
            if catalog.provider_of(upstream) is not None and upstream != service_id:
                add(("service", upstream), member)
    for region in catalog.regions.values():
        add(("provider", region.provider), ("region", region.id))
    result = {k: frozenset(v) for k, v in out.items()}
    _CACHE[id(catalog)] = (catalog, result)
    return result
