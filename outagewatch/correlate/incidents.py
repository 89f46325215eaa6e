"""From a group of runs to the :class:`~outagewatch.incidents.Incident` that the store, the API and reports share.

Everything that claims a moment (``detected_at``, each escalation, ``common_cause_named_at``)
is evaluated on the runs known *at that moment*, replaying the group's own events in time
order; ``peak_at``, ``ended_at`` and the final evidence look at the whole incident.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

from outagewatch.correlate.cause import infer_cause
from outagewatch.correlate.detect import Run, as_known
from outagewatch.correlate.group import Relations
from outagewatch.correlate.series import Grid
from outagewatch.incidents import LEVELS, Incident, evidence_query
from outagewatch.signal import SOURCE_KINDS
from outagewatch.timeutil import ensure_utc, to_iso

ENTITY_ORDER = {"service": 0, "provider": 1, "region": 2, "source": 3}


def incident_id(runs: list[Run], grid: Grid) -> str:
    """Stable across recomputation: the first detected run's entity and the bucket where it
    crossed (a run detected later may reach back further, and must not rename the incident).
    Not its estimated onset: that reaches back as late-collected posts arrive, and a new id
    would be a new incident to every alert destination."""
    first = min(runs, key=lambda r: (r.detected_at, r.started_at, sorted(r.entities)))
    entity = min(first.entities, key=lambda e: (ENTITY_ORDER.get(e[0], 9), e[1]))
    anchor = first.started_at if first.official else grid.time(first.first)
    bucket = int(anchor.timestamp()) // grid.interval * grid.interval
    return hashlib.blake2b(f"{entity[0]}:{entity[1]}\x1f{bucket}".encode(), digest_size=8).hexdigest()


def level_at(runs: list[Run], when: datetime, grid: Grid) -> str:
    """Graded evidence from what was known at ``when`` (cf. report sites' weak/moderate/strong)."""
    known = [r for r in runs if r.detected_at <= when]
    chatter = [r for r in known if not r.official]
    official = any(r.official for r in known)
    kinds = {r.kind for r in chatter}
    entities = {e for r in chatter for e in r.entities}
    sustained, top = 0, 0.0
    for run in chatter:
        seen = [z for i, z in run.active if grid.time(i) <= when or i == run.first]
        sustained = max(sustained, len(seen))
        top = max([top, *seen])
    if (official and chatter) or ((len(kinds) >= 2 or len(entities) >= 3) and sustained >= 3) \
            or (top >= 10 and sustained >= 4):
        return "strong"
    if official or sustained >= 2 or len(kinds) >= 2 or len(entities) >= 2 or top >= 8:
        return "moderate"
    return "weak"


def timeline(runs: list[Run], grid: Grid, relations: Relations) -> tuple[list[dict], dict | None, datetime | None,
                                                                      list[dict]]:
    """Escalations, the final common cause, when that cause was first named, and the cause's
    history.

    The cause depends only on which runs were known (an official run: its updates published by
    then), so it is evaluated at each run's detection and each official update (the history: one entry each time its provider, region or service changed,
    with the confidence then); the level also on how long runs lasted, so at each active
    bucket too, until it is strong (it never goes back down). ``named_at`` is the first of
    those moments at which the cause named the final cause's provider *and* region as they
    stand (the service may still have differed): when a provider is first named and an
    official post later adds a region, ``named_at`` is the post's time and the history keeps
    the earlier naming."""
    moments = {r.detected_at for r in runs}
    for run in runs:
        moments.update(max(grid.time(i), run.detected_at) for i, _ in run.active)
    escalations: list[dict] = []
    for when in sorted(moments):
        level = level_at(runs, when, grid)
        if not escalations or LEVELS.index(level) > LEVELS.index(escalations[-1]["level"]):
            escalations.append({"level": level, "at": to_iso(when)})
        if level == LEVELS[-1]:
            break
    final = infer_cause(runs, relations)
    history: list[dict] = []
    named_at = None
    if final is not None:
        # each moment a run was detected or an official update posted, from what was known then
        # (an official episode's later updates may add a region its first post did not name)
        moments = {r.detected_at for r in runs} | {u.published_at for r in runs if r.official for u in r.updates}
        for when in sorted(moments):
            known = [as_known(r, when) for r in runs if r.detected_at <= when]
            guess = infer_cause(known, relations)
            state = {k: (guess or {}).get(k) for k in ("provider", "region", "service")}
            if not history or any(history[-1][k] != v for k, v in state.items()):
                if guess is not None or history:
                    history.append({"at": to_iso(when), **state,
                                    "confidence": guess["confidence"] if guess else None})
            if named_at is None and guess and (guess["provider"], guess["region"]) == (final["provider"], final["region"]):
                named_at = when
    return escalations, final, named_at, history


def _names(relations: Relations, ids: list[str]) -> list[str]:
    services = relations.catalog.services
    return [services[i].name if i in services else i for i in ids]


def title_of(services: list[str], providers: list[str], regions: list[str], cause: dict | None,
             relations: Relations) -> str:
    catalog = relations.catalog
    affected = [s for s in services if not (cause and s == cause.get("service"))]
    names = _names(relations, affected[:3]) + ([f"{len(affected) - 3} more"] if len(affected) > 3 else [])
    what = ", ".join(names) if names else None
    if cause:
        provider = catalog.providers.get(cause["provider"])
        where = provider.name if provider else cause["provider"]
        if cause.get("region"):
            region = catalog.regions.get(cause["region"])
            where += " " + (region.code if region else cause["region"])
        if cause.get("service"):
            where = f"{_names(relations, [cause['service']])[0]} ({where})"
        return f"{what} disrupted; likely cause {where}" if what else f"{where} incident"
    if what:
        return f"{what} disrupted"
    target = providers or regions or ["unknown source"]
    return f"{', '.join(target[:3])} incident"


def build_incident(runs: list[Run], grid: Grid, relations: Relations, now: datetime,
                   close_after: timedelta) -> Incident:
    entities = sorted({e for r in runs for e in r.entities}, key=lambda e: (ENTITY_ORDER.get(e[0], 9), e[1]))
    # a pooled run's carriers are affected services too: dependants of the upstream whose
    # complaints rose with it, each too thin to spike on its own
    carried = {c.split(":", 1)[1] for r in runs for c in r.carriers if c.startswith("service:")}
    services = sorted({e[1] for e in entities if e[0] == "service"} | carried)
    # a provider's own service affected makes that provider affected too
    providers = sorted({e[1] for e in entities if e[0] == "provider"}
                       | {p for s in services if (p := relations.catalog.provider_of(s))})
    regions = [e[1] for e in entities if e[0] == "region"]
    escalations, cause, named_at, history = timeline(runs, grid, relations)
    if cause:
        if cause["provider"] not in providers:
            providers.append(cause["provider"])
        if cause.get("region") and cause["region"] not in regions:
            regions.append(cause["region"])
    ends = [r.ended_at for r in runs]
    closed = all(e is not None and e + close_after <= ensure_utc(now) for e in ends)
    chatter = [r for r in runs if not r.official]
    peak_run = max(chatter, key=lambda r: (r.peak - r.base, r.peak_at)) if chatter else runs[0]
    official = sorted((r for r in runs if r.official), key=lambda r: r.detected_at)
    detected = min(r.detected_at for r in runs)
    first_official = official[0].detected_at if official else None
    return Incident(
        id=incident_id(runs, grid),
        title=title_of(services, providers, regions, cause, relations),
        status="closed" if closed else "open",
        services=services,
        providers=providers,
        regions=regions,
        started_at=min(r.started_at for r in runs),
        detected_at=detected,
        peak_at=peak_run.peak_at,
        ended_at=max(ends) if closed else None,
        evidence_level=escalations[-1]["level"],
        escalations=escalations,
        signal_counts={"status": sum(len(r.updates) for r in official)} if official else {},
        report_count=0,
        common_cause=cause,
        common_cause_named_at=named_at,
        cause_history=history,
        first_official_at=first_official,
        lead_minutes=round((first_official - detected).total_seconds() / 60, 1) if first_official else None,
        official_sources=sorted({r.updates[0].source for r in official}),
        runs=[{"entities": sorted(f"{k}:{v}" for k, v in r.entities), "kind": r.kind,
               "started_at": to_iso(r.started_at), "detected_at": to_iso(r.detected_at),
               "ended_at": to_iso(r.ended_at), "peak": r.peak, "baseline": round(r.base, 2),
               **({"carried_by": r.carriers} if r.carriers else {})} for r in runs],
    )


def add_counts(store, incident: Incident, grid: Grid, now: datetime) -> None:
    """Signal counts by kind, summed reports and a compact chart series, from the store's aggregations.

    The chart's histogram (by kind, one bucket per grid interval, an hour either side) already
    holds the incident's span: the counts are summed from its whole buckets, and only a ragged
    edge (a status update's own time, inside a bucket) is counted from the few Signals there.
    One aggregation per incident instead of three, for the same numbers."""
    start = ensure_utc(incident.started_at)
    end = ensure_utc(incident.ended_at) if incident.ended_at else ensure_utc(now)
    until = end + timedelta(seconds=grid.interval)
    pad = timedelta(hours=1)
    chart_from = start - pad
    chart_until = min(end + pad, ensure_utc(now) + timedelta(seconds=grid.interval))
    buckets = store.histogram(evidence_query(incident, chart_from, chart_until), grid.interval, by="source_kind",
                              keys=SOURCE_KINDS)
    if chart_from <= start and until <= chart_until:
        counts, reports = _span_counts(store, incident, buckets, (start, until), chart_until, grid.interval)
    else:  # not expected (the chart pads the span), but then the store counts the span itself
        counts = store.facets(evidence_query(incident, start, until), ["source_kind"], size=10)["source_kind"]
        reports = sum(b.reports for b in store.histogram(evidence_query(incident, start, until, ("reports",)),
                                                         86400 * 365))
    if incident.signal_counts.get("status", 0) > counts.get("status", 0):
        counts["status"] = incident.signal_counts["status"]  # status feeds tagged apart from the services
    incident.signal_counts = dict(sorted(counts.items()))
    incident.report_count = reports
    origin = int(chart_from.timestamp()) // grid.interval * grid.interval
    size = int((chart_until.timestamp() - origin) // grid.interval) + 1
    kinds: dict[str, list[int]] = {}
    for b in buckets:
        i = (int(b.start.timestamp()) - origin) // grid.interval
        if 0 <= i < size:
            kinds.setdefault(b.key, [0] * size)[i] += b.reports if b.key == "reports" else b.count
    incident.series = {"start": to_iso(datetime.fromtimestamp(origin, grid.start.tzinfo)),
                       "interval": grid.interval, "kinds": kinds}


def _span_counts(store, incident: Incident, buckets: list, span: tuple[datetime, datetime], chart_until: datetime,
                 interval: int) -> tuple[dict[str, int], int]:
    """Signals by kind and summed reports in ``span``: the chart's buckets that lie wholly inside
    it (the last one may be cut where the chart's own range ends), plus a scan of the partial
    buckets at its edges."""
    start, until = span
    step = timedelta(seconds=interval)
    first = _floor(start, interval) + (step if _floor(start, interval) < start else timedelta(0))
    last = until if until == chart_until else _floor(until, interval)
    counts: dict[str, int] = {}
    reports = 0
    if first >= last:  # the span lies within one bucket
        edges = [(start, until)]
    else:
        edges = [(a, z) for a, z in ((start, first), (last, until)) if a < z]
        for b in buckets:
            if first <= b.start < last:
                counts[b.key] = counts.get(b.key, 0) + b.count
                if b.key == "reports":
                    reports += b.reports
    for since, before in edges:
        for signal in store.scan(evidence_query(incident, since, before)):
            counts[signal.source_kind] = counts.get(signal.source_kind, 0) + 1
            if signal.source_kind == "reports":
                reports += signal.report_count or 0
    return counts, reports


def _floor(when: datetime, interval: int) -> datetime:
    return datetime.fromtimestamp(int(when.timestamp()) // interval * interval, when.tzinfo)
