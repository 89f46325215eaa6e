"""``outagewatch correlate --service S``: what else spiked around S, and what they share.

An analyst's question, not the incident machinery: every run within the window is
listed, related to S or not, with what it shares with S in the catalog, so that a
coincidence is visible as one.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from outagewatch.catalog import Catalog, load_catalog
from outagewatch.correlate.cause import infer_cause
from outagewatch.correlate.engine import detect_runs
from outagewatch.correlate.group import Relations
from outagewatch.correlate.settings import Settings
from outagewatch.timeutil import ensure_utc, to_iso


def around(store, service: str, at: datetime, window: timedelta, *, settings: Settings | None = None,
           catalog: Catalog | None = None) -> dict[str, Any]:
    settings = settings or Settings()
    relations = Relations(catalog or load_catalog())
    at = ensure_utc(at)
    since, until = at - window, at + window
    runs, _ = detect_runs(store, since - timedelta(hours=6), until, settings)
    near = [r for r in runs if r.started_at <= until and (r.ended_at is None or r.ended_at >= since)]
    target = ("service", service)
    own = [r for r in near if target in r.entities]
    others: dict[tuple[str, str], dict[str, Any]] = {}
    for run in near:
        if run in own:
            continue
        for entity in sorted(run.entities):
            row = others.setdefault(entity, {
                "kind": entity[0], "id": entity[1], "related": relations.related(target, entity),
                "shares": shared(relations, target, entity), "runs": []})
            row["runs"].append({"source_kind": run.kind, "started_at": to_iso(run.started_at),
                                "detected_at": to_iso(run.detected_at), "peak_at": to_iso(run.peak_at),
                                "peak": run.peak, "baseline": round(run.base, 2)})
    related_runs = own + [r for r in near if r not in own and relations.runs_related(r, own[0])] if own else []
    listing = sorted(others.values(), key=lambda r: (not r["related"], min(x["detected_at"] for x in r["runs"])))
    return {
        "service": service, "at": to_iso(at), "window_minutes": round(window.total_seconds() / 60),
        "spiked": bool(own),
        "runs": [{"source_kind": r.kind, "started_at": to_iso(r.started_at), "detected_at": to_iso(r.detected_at),
                  "peak_at": to_iso(r.peak_at), "peak": r.peak, "baseline": round(r.base, 2)} for r in own],
        "others": listing,
        "common_cause": infer_cause(related_runs, relations) if len(related_runs) > 1 else None,
    }


def shared(relations: Relations, a: tuple[str, str], b: tuple[str, str]) -> list[str]:
    """Providers and regions both depend on (or are), as catalog ids."""

    def reach(entity: tuple[str, str]) -> set[str]:
        kind, value = entity
        if kind == "service":
            providers, regions, services = relations.deps(value)
            return set(providers) | set(regions) | set(services) | {value}
        if kind == "region":
            owner = relations.region_provider(value)
            return {value} | ({owner} if owner else set())
        return {value}

    return sorted(reach(a) & reach(b))
