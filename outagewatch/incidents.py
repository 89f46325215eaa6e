"""The incident record, and the one policy every layer applies to it.

Correlation builds :class:`Incident` records; the CLI, the API, the reports, the metrics
and the alerts read them through the functions here, so that "which incidents, in what
order", "which Signals are its evidence" and "what did the analyst say" are decided in one
place. The store keeps an incident as a JSON object (:meth:`Incident.record`); analyst
feedback is kept apart (recomputing incidents must never lose it) and is attached on read.

JSON field names are what the dashboard, the tests and Kibana read: ``to_dict`` keeps them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from datetime import datetime, timedelta
from typing import Any, Iterable

from outagewatch.search.query import Query
from outagewatch.signal import CHATTER_KINDS, Signal
from outagewatch.timeutil import parse_time, to_iso, utcnow

LEVELS = ("weak", "moderate", "strong")
"""Evidence levels, weakest first (cf. report sites' weak / moderate / strong)."""
STATUSES = ("open", "closed")
VERDICTS = ("confirmed", "dismissed")

EVIDENCE_MARGIN = timedelta(hours=1)
"""Evidence and charts show this much before the start and after the end, so the spike stands out."""
OPEN_SPAN_CAP = timedelta(days=2)
"""An open incident with no chart of its own is shown for at most this long after its start
(a replayed 2020 incident is not six years long because nothing closed it)."""

_TIMES = ("started_at", "detected_at", "peak_at", "ended_at", "common_cause_named_at", "first_official_at")


def level_rank(level: str | None) -> int:
    """0 for weak .. 2 for strong; an unknown level ranks below weak."""
    return LEVELS.index(level) if level in LEVELS else -1


@dataclass(frozen=True)
class Feedback:
    """An analyst's verdict on an incident: ``confirmed`` or ``dismissed``, with a note."""

    verdict: str
    note: str | None = None
    at: datetime | None = None

    def __post_init__(self) -> None:
        if self.verdict not in VERDICTS:
            raise ValueError(f"verdict must be 'confirmed' or 'dismissed', got {self.verdict!r}")

    def to_dict(self) -> dict[str, Any]:
        return {"verdict": self.verdict, "note": self.note, "at": to_iso(self.at)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Feedback":
        at = data.get("at")
        return cls(data["verdict"], data.get("note"), parse_time(at) if at else None)


@dataclass
class AlertState:
    """What the alerts have announced so far; kept in the incident's record so that any
    process (the collector, ingest, the API) continues where the last one stopped."""

    level: str | None = None
    """The evidence level last announced; None: the incident was never announced."""
    closed: bool = False
    """The close was announced, or needs none (the incident was over when first computed)."""

    def to_dict(self) -> dict[str, Any]:
        return {"level": self.level, "closed": self.closed}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> "AlertState":
        data = data or {}
        return cls(data.get("level"), bool(data.get("closed")))


@dataclass
class Incident:
    """One outage as correlation sees it. Times are UTC datetimes; JSON has ISO 8601."""

    id: str
    title: str
    status: str
    started_at: datetime
    detected_at: datetime
    services: list[str] = field(default_factory=list)
    providers: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    peak_at: datetime | None = None
    ended_at: datetime | None = None
    evidence_level: str = "weak"
    escalations: list[dict[str, Any]] = field(default_factory=list)
    """``{"level", "at"}`` each time the evidence level rose, as known at that moment."""
    signal_counts: dict[str, int] = field(default_factory=dict)
    report_count: int = 0
    common_cause: dict[str, Any] | None = None
    """``provider``, ``region``, ``service``, ``confidence``, ``confirmed``, ``evidence`` (sentences)."""
    common_cause_named_at: datetime | None = None
    """The first moment at which the cause, as then inferred from the runs known, named the final
    cause's provider and region as they stand (its service may still have differed). A cause
    whose provider was named early and whose region came later (an official post) is named
    when the region came; ``cause_history`` keeps the earlier naming."""
    cause_history: list[dict[str, Any]] = field(default_factory=list)
    """Each change of the inferred cause, oldest first, as known at that moment:
    ``{"at", "provider", "region", "service", "confidence"}`` (all None where the cause was
    dropped). Its last entry is the final cause."""
    first_official_at: datetime | None = None
    lead_minutes: float | None = None
    official_sources: list[str] = field(default_factory=list)
    runs: list[dict[str, Any]] = field(default_factory=list)
    """The detection runs the incident is made of (entities, kind, times, peak, baseline)."""
    series: dict[str, Any] | None = None
    """A compact chart: ``{"start", "interval", "kinds": {kind: [count per bucket]}}``."""
    alerted: AlertState = field(default_factory=AlertState)
    feedback: Feedback | None = None
    """Attached on read from the store's feedback; never part of the stored record."""

    # -- what it is --------------------------------------------------------------------------

    @property
    def is_open(self) -> bool:
        return self.status == "open"

    @property
    def dismissed(self) -> bool:
        return self.feedback is not None and self.feedback.verdict == "dismissed"

    @property
    def tags(self) -> set[str]:
        """Every service, provider and region it names, its cause's included."""
        cause = self.common_cause or {}
        return {*self.services, *self.providers, *self.regions,
                *(v for v in (cause.get("provider"), cause.get("region"), cause.get("service")) if v)}

    # -- shapes ------------------------------------------------------------------------------

    def to_dict(self, *, summary: bool = False) -> dict[str, Any]:
        """The JSON shape (CLI ``--json``, the API, webhooks, reports). ``summary`` leaves out
        the chart series and the runs, which only one incident's page needs."""
        data: dict[str, Any] = {}
        for f in fields(self):
            if f.name == "alerted" or (summary and f.name in ("series", "runs")):
                continue
            value = getattr(self, f.name)
            if f.name in _TIMES:
                value = to_iso(value)
            elif f.name == "feedback":
                value = value.to_dict() if value is not None else None
            data[f.name] = value
        return data

    def record(self) -> dict[str, Any]:
        """What the store keeps: the JSON shape with the alert state. The feedback in it is a
        copy for tools that read the store directly (Kibana filters on its verdict); reading
        an incident back always takes the feedback from the store's own feedback records."""
        data = self.to_dict()
        data["alerted"] = self.alerted.to_dict()
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Incident":
        """From a stored record (or this module's JSON). A stored ``feedback`` (older
        records carried the verdict as a string) is ignored: feedback comes from the store."""
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known and k not in ("feedback", "alerted")}
        for name in _TIMES:
            if values.get(name) is not None:
                values[name] = parse_time(values[name])
        values["alerted"] = AlertState.from_dict(data.get("alerted"))
        for name in ("services", "providers", "regions", "escalations", "official_sources", "runs", "cause_history"):
            values[name] = list(values.get(name) or [])
        values["signal_counts"] = dict(values.get("signal_counts") or {})
        values.setdefault("title", values.get("id", ""))
        values.setdefault("status", "closed" if values.get("ended_at") else "open")
        values.setdefault("detected_at", values.get("started_at"))
        return cls(**values)

    def with_feedback(self, feedback: Feedback | None) -> "Incident":
        return replace(self, feedback=feedback)


# -- the store, read through one policy ------------------------------------------------------


def verdicts(store) -> dict[str, Feedback]:
    """Every analyst verdict in the store, by incident id."""
    return {key: Feedback.from_dict(value) for key, value in store.feedback().items()}


def stored(store, since: datetime | None = None, until: datetime | None = None) -> list[Incident]:
    """Every stored incident still going at or after ``since`` and started before ``until``,
    without feedback (correlation's own view)."""
    return [Incident.from_dict(d) for d in store.list_incidents(since=since, until=until)]


def order_key(incident: Incident) -> tuple:
    """Open incidents first, then the strongest evidence, then the newest, then by id."""
    return (not incident.is_open, -level_rank(incident.evidence_level), -incident.started_at.timestamp(), incident.id)


def list_incidents(store, *, since: datetime | None = None, until: datetime | None = None, status: str = "all",
                   min_evidence: str | None = None, include_dismissed: bool = False,
                   limit: int | None = None) -> tuple[list[Incident], int]:
    """The incidents an analyst asked for, in :func:`order_key` order, and how many matched
    before ``limit``. Dismissed incidents are left out unless ``include_dismissed``."""
    if status not in ("all", *STATUSES):
        raise ValueError(f"status must be open, closed or all, got {status!r}")
    if min_evidence is not None and min_evidence not in LEVELS:
        raise ValueError(f"evidence must be one of {', '.join(LEVELS)}, got {min_evidence!r}")
    found = verdicts(store)
    chosen = []
    for incident in stored(store, since, until):
        incident.feedback = found.get(incident.id)
        if status != "all" and incident.status != status:
            continue
        if min_evidence is not None and level_rank(incident.evidence_level) < level_rank(min_evidence):
            continue
        if incident.dismissed and not include_dismissed:
            continue
        chosen.append(incident)
    chosen.sort(key=order_key)
    return (chosen if limit is None else chosen[:limit]), len(chosen)


def get(store, incident_id: str) -> Incident | None:
    """One incident by its exact id, with its feedback."""
    data = store.get_incident(incident_id)
    if data is None:
        return None
    incident = Incident.from_dict(data)
    incident.feedback = verdicts(store).get(incident.id)
    return incident


class IncidentNotFound(LookupError):
    """No incident answers to the key; the message says how to list them."""


def find(store, key: str) -> Incident:
    """An incident by id, a unique id prefix, or the most substantial incident naming a
    service, provider or region (``aws:us-east-1``, ``roku``)."""
    found = get(store, key)
    if found is not None:
        return found
    every = stored(store)
    prefixed = [i for i in every if i.id.startswith(key)]
    if len(prefixed) > 1:
        raise IncidentNotFound(f"{key!r} matches {len(prefixed)} incidents; give more of the id")
    tagged = prefixed or [i for i in every if key in i.tags]
    if not tagged:
        raise IncidentNotFound(f"no incident {key!r}; list them with `outagewatch incidents`")
    best = max(tagged, key=lambda i: (level_rank(i.evidence_level), sum(i.signal_counts.values()), i.started_at))
    best.feedback = verdicts(store).get(best.id)
    return best


def set_feedback(store, incident_id: str, verdict: str, note: str | None = None) -> Feedback:
    """Record an analyst's verdict (it survives recomputation) and return it as stored; the
    incident's stored record gets the copy Kibana reads."""
    Feedback(verdict, note)  # one clear error for a bad verdict, whichever layer asked
    store.set_feedback(incident_id, verdict, note)
    feedback = verdicts(store)[incident_id]
    data = store.get_incident(incident_id)
    if data is not None:
        incident = Incident.from_dict(data)
        incident.feedback = feedback
        store.upsert_incidents([incident.record()])
    return feedback


# -- which Signals belong to an incident -------------------------------------------------------


def series_end(incident: Incident) -> datetime | None:
    """The end of the chart correlation computed for the incident (its last bucket's end)."""
    series = incident.series or {}
    if not series.get("kinds"):
        return None
    size = max(len(v) for v in series["kinds"].values())
    return parse_time(series["start"]) + timedelta(seconds=series["interval"] * size)


def data_end(incident: Incident, now: datetime | None = None) -> datetime:
    """Where the incident's data stops: its end; for an open one the end of its chart, else
    ``now`` but no more than two days after its start."""
    if incident.ended_at is not None:
        return incident.ended_at
    charted = series_end(incident)
    if charted is not None:
        return charted
    known = max(t for t in (incident.started_at, incident.detected_at, incident.peak_at, incident.first_official_at)
                if t is not None)
    return max(known, min(now or utcnow(), incident.started_at + OPEN_SPAN_CAP))


def evidence_window(incident: Incident, now: datetime | None = None) -> tuple[datetime, datetime]:
    """The time range whose Signals are the incident's evidence, charts and report."""
    return incident.started_at - EVIDENCE_MARGIN, data_end(incident, now) + EVIDENCE_MARGIN


def scope(incident: Incident) -> dict[str, tuple[str, ...]]:
    """The tag filter of the Signals an incident is about: its services, else its providers,
    else its regions (a provider alone would pull in half the web)."""
    if incident.services:
        return {"services": tuple(incident.services)}
    if incident.providers:
        return {"providers": tuple(incident.providers)}
    return {"regions": tuple(incident.regions)}


def evidence_query(incident: Incident, since: datetime | None, until: datetime | None,
                   kinds: Iterable[str] = (), **options: Any) -> Query:
    """The Signals of the incident's scope in ``[since, until)`` (every kind unless ``kinds``)."""
    options.setdefault("limit", 0)
    return Query(since=since, until=until, kinds=tuple(kinds), **scope(incident), **options)


def is_official_update(incident: Incident, signal: Signal) -> bool:
    """A status Signal belongs to the incident when its feed is one the incident counted, or it
    names one of the incident's services (status feeds are often tagged apart from them)."""
    return signal.source_kind == "status" and (
        signal.source in incident.official_sources or bool(set(signal.services) & set(incident.services))
        or bool(not incident.services and set(signal.providers) & set(incident.providers)))


def official_updates(store, incident: Incident, window: tuple[datetime, datetime] | None = None) -> list[Signal]:
    """The status updates that belong to the incident, oldest first."""
    since, until = window or evidence_window(incident)
    query = Query(kinds=("status",), since=since, until=until, limit=0)
    return [s for s in store.scan(query) if is_official_update(incident, s)]


__all__ = ["Incident", "Feedback", "AlertState", "LEVELS", "VERDICTS", "CHATTER_KINDS", "level_rank", "list_incidents", "get", "find",
           "set_feedback", "verdicts", "stored", "order_key", "evidence_window", "evidence_query", "scope",
           "official_updates", "is_official_update", "data_end", "IncidentNotFound"]
