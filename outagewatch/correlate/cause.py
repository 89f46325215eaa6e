"""The likely common cause of an incident: the provider, region and provider service that
the affected services share.

Each candidate collects support: affected services that depend on it in the catalog (one
point each; a pooled run's carriers are affected services too), chatter that names it
strongly enough to spike on its own (its texts say "AWS", "us-east-1"), and its own status
feed or report page (the provider confirming it).
One affected service alone never makes a *common* cause unless something names it.
A provider-wide event (its status posts say so, or the incident names three or more of its
regions) has the provider as its cause and no single region.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from outagewatch.correlate.detect import Run
from outagewatch.correlate.group import Relations
from outagewatch.timeutil import to_iso

NAMED, OFFICIAL, MINIMUM = 1.5, 2.0, 2.0
WIDE_REGIONS = 3
"""An incident naming this many of one provider's regions is provider-wide: no single region."""


@dataclass
class _Candidate:
    kind: str
    id: str
    dependants: set[str] = field(default_factory=set)
    named: list[Run] = field(default_factory=list)
    official: list[Run] = field(default_factory=list)
    thin: set[str] = field(default_factory=set)
    """Dependants known only as carriers of a pooled run (no spike of their own)."""

    @property
    def score(self) -> float:
        return len(self.dependants) + NAMED * bool(self.named) + OFFICIAL * bool(self.official)

    @property
    def weight(self) -> float:
        """The score for confidence: a thin carrier is half a spiking dependant."""
        return self.score - 0.5 * len(self.thin & self.dependants)

    def evidence(self) -> list[str]:
        out = []
        if self.dependants:
            out.append(f"{', '.join(sorted(self.dependants))} depend on {self.id} (catalog)")
        for run in self.named[:3]:
            out.append(f"{run.kind} chatter naming {self.id} spiked at {to_iso(run.detected_at)}")
        for run in self.official[:2]:
            first = run.updates[0]
            out.append(f"official: {first.source} said '{first.status}' at {to_iso(first.published_at)}")
        return out


def _first(c: _Candidate) -> float:
    """When a candidate was first named or acknowledged (earlier is the likelier origin)."""
    times = [r.detected_at.timestamp() for r in c.named + c.official]
    return min(times) if times else float("inf")


def infer_cause(runs: list[Run], relations: Relations) -> dict | None:
    """``{provider, region, service, confidence, evidence, confirmed}`` or None."""
    catalog = relations.catalog
    # every affected service supports what it depends on, including a provider's own
    # service whose status feed reports it degraded (Cognito's feed supports Kinesis)
    services = {e[1] for r in runs for e in r.entities if e[0] == "service"}
    # a pooled run's carriers are affected too, though none spiked on its own (those in
    # the window that opened it: what was known when it opened)
    spiking = set(services)
    services |= {c.split(":", 1)[1] for r in runs for c in r.opened_by if c.startswith("service:")}
    candidates: dict[tuple[str, str], _Candidate] = {}

    def candidate(kind: str, cid: str) -> _Candidate:
        return candidates.setdefault((kind, cid), _Candidate(kind, cid))

    for service in services:
        providers, regions, upstream = relations.deps(service)
        thin = {service} - spiking
        for p in providers:
            candidate("provider", p).dependants.add(service)
            candidate("provider", p).thin.update(thin)
        for r in regions:
            candidate("region", r).dependants.add(service)
            candidate("region", r).thin.update(thin)
        for u in upstream:
            if u != service:
                candidate("service", u).dependants.add(service)
                candidate("service", u).thin.update(thin)
    for run in runs:
        for kind, cid in run.entities:
            if kind not in ("provider", "region", "service"):
                continue
            if kind == "service" and catalog.provider_of(cid) is None:
                continue  # a customer's own service is affected, not a cause
            target = candidate(kind, cid)
            if run.official:
                target.official.append(run)
            elif run.named:  # a pool carried by its dependants alone is their evidence, counted above
                target.named.append(run)
            if kind == "service" and run.official:
                own = catalog.provider_of(cid)
                if own:
                    candidate("provider", own).official.append(run)
    providers = [c for (k, _), c in candidates.items() if k == "provider" and c.score >= MINIMUM]
    if not providers:
        return None
    best = max(providers, key=lambda c: (c.score, c.id))
    # a provider-wide event: its own word says the problem spans its regions ("recovered in all
    # regions except us-central1": that region is the last to recover, not the cause), or the
    # incident names many of its regions: no single region is the cause, and a provider service
    # its posts name (one of "multiple products") is not the cause on that word alone
    named_regions = {cid for r in runs for k, cid in r.entities
                     if k == "region" and relations.region_provider(cid) == best.id}
    wide = any(r.wide for r in best.official) or len(named_regions) >= WIDE_REGIONS
    regions = [c for (k, cid), c in candidates.items()
               if k == "region" and relations.region_provider(cid) == best.id and c.score >= MINIMUM]
    region = max(regions, key=lambda c: (c.score, c.id)) if regions and not wide else None
    owned = [c for (k, cid), c in candidates.items()
             if k == "service" and catalog.provider_of(cid) == best.id
             and (c.named or (c.official and not wide) or len(c.dependants) >= 2)]
    service = max(owned, key=lambda c: (c.score, len(c.dependants), -_first(c), c.id)) if owned else None
    chosen = [c for c in (region, service) if c is not None] or [best]
    score = max(c.weight for c in chosen + [best])
    evidence: list[str] = []
    for c in [best, *chosen]:
        for line in c.evidence():
            if line not in evidence:
                evidence.append(line)
    return {
        "provider": best.id,
        "region": region.id if region else None,
        "service": service.id if service else None,
        "confidence": round(1 - math.exp(-score / 3), 2),
        "evidence": evidence,
        "confirmed": any(c.official for c in [best, *chosen]) or any(
            r.kind == "reports" for c in [best, *chosen] for r in c.named),
    }
