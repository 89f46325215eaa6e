"""Status-page accountability: how fast each provider, and each of its status pages, said
something official about the incidents outagewatch saw.

For every incident in the period, each *party* that runs a status page we read (a catalog
provider such as AWS, or a service without a provider that has its own page) gets its
first official word: the earliest update from one of its status pages between
:data:`BEFORE_START` before the incident started and its end, about the incident (same
source as the incident's official runs, a service in common, or a page-wide post). The
delay is counted from ``detected_at`` and is 0 when the provider spoke first. An incident
the party never acknowledged counts as :data:`UNACKNOWLEDGED_MINUTES` (as StatusGator
does), so silence is never better than a late word. The grade is read off the median of
those delays with :data:`GRADES`.

Parties whose status pages we do not collect are left out: silence we cannot hear is not
silence. Everything works on stored incident records (dicts, or objects with ``to_dict``).
"""

from __future__ import annotations

import math
import statistics
from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Iterable

from outagewatch.search.query import Query
from outagewatch.timeutil import parse_time, to_iso, utcnow

PERIOD = timedelta(days=90)
"""The default period: 90 days, ending at the newest stored Signal."""
UNACKNOWLEDGED_MINUTES = 240.0
"""An incident the provider never acknowledged counts as this delay (StatusGator's convention)."""
BEFORE_START = timedelta(minutes=30)
"""A status update this long before the incident started still acknowledges it (the provider spoke first)."""
AFTER_END = timedelta(minutes=UNACKNOWLEDGED_MINUTES)
"""A word this long after the incident ended still acknowledges it, late (a delay counts 240 minutes at most)."""
GRADES: tuple[tuple[str, float], ...] = (("A", 10.0), ("B", 30.0), ("C", 60.0), ("D", 120.0), ("F", math.inf))
"""Grade by the median delay in minutes (unacknowledged = 240): A up to 10, B up to 30, C up to 60, D up to 120, F above."""


def grade_of(median_minutes: float | None) -> str | None:
    if median_minutes is None:
        return None
    return next(letter for letter, most in GRADES if median_minutes <= most)


def grade_rules() -> list[dict[str, Any]]:
    """The thresholds as data, for ``--json``, the API and the dashboard to state."""
    return [{"grade": letter, "max_median_minutes": None if math.isinf(most) else most} for letter, most in GRADES]


def grade_text() -> str:
    parts = [f"{letter} ≤ {most:g} min" for letter, most in GRADES if not math.isinf(most)]
    return ("grade by median delay from detection to the first official word, never acknowledged counted as "
            f"{UNACKNOWLEDGED_MINUTES:g} min: " + ", ".join(parts) + f", F above {GRADES[-2][1]:g} min")


def page_of(source: str) -> str:
    """The status page a status source belongs to: ``statuspage:status.flickr.net`` is its own
    page; the per-feed sources of one dashboard (``aws-health:kinesis-us-east-1``) are one page."""
    prefix, _, rest = source.partition(":")
    return source if "." in rest else prefix


def percentile(values: list[float], q: float) -> float | None:
    """Nearest-rank percentile (a value that occurred, as a reader expects of "p90")."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


@dataclass
class Ack:
    """One party's acknowledgement of one incident."""

    incident_id: str
    title: str
    detected_at: datetime
    party: str
    acknowledged_at: datetime | None = None
    page: str | None = None
    page_times: dict[str, datetime] = field(default_factory=dict)
    """Each page that spoke about the incident, with its first word."""

    @property
    def delay_minutes(self) -> float | None:
        if self.acknowledged_at is None:
            return None
        return max(0.0, round((self.acknowledged_at - self.detected_at).total_seconds() / 60, 1))

    @property
    def counted_minutes(self) -> float:
        delay = self.delay_minutes
        return UNACKNOWLEDGED_MINUTES if delay is None else min(delay, UNACKNOWLEDGED_MINUTES)

    def to_dict(self) -> dict[str, Any]:
        return {"incident": self.incident_id, "title": self.title, "detected_at": to_iso(self.detected_at),
                "acknowledged_at": to_iso(self.acknowledged_at), "delay_minutes": self.delay_minutes,
                "counted_minutes": self.counted_minutes, "page": self.page}


def _record(incident: Any) -> dict[str, Any]:
    return incident.to_dict() if hasattr(incident, "to_dict") else incident


def _time(value: Any) -> datetime | None:
    return parse_time(value) if value else None


class _Parties:
    """Who speaks for a Signal or a service, from the catalog."""

    def __init__(self) -> None:
        from outagewatch.catalog import load_catalog

        self.catalog = load_catalog()

    def of_service(self, service: str) -> str:
        return self.catalog.provider_of(service) or service

    def of_signal(self, signal) -> set[str]:
        parties = set(signal.providers) | {self.of_service(s) for s in signal.services}
        return parties

    def of_incident(self, incident: dict[str, Any]) -> set[str]:
        parties = set(incident.get("providers") or []) | {self.of_service(s) for s in incident.get("services") or []}
        return parties

    def page_name(self, page: str, party: str) -> str:
        """A page's address as people know it (``health.aws.amazon.com``), from the catalog."""
        prefix, _, rest = page.partition(":")
        if rest:
            return rest
        owner = self.catalog.providers.get(party) or self.catalog.services.get(party)
        url = ((getattr(owner, "status_page", None) or {}).get("url") or "") if owner else ""
        return url.split("://", 1)[-1].split("/", 1)[0] or page

    def name(self, party: str) -> str:
        found = self.catalog.providers.get(party) or self.catalog.services.get(party)
        return getattr(found, "name", None) or party

    def short_name(self, party: str) -> str:
        """What people call it in a sentence: "AWS" rather than "Amazon Web Services"."""
        found = self.catalog.providers.get(party) or self.catalog.services.get(party)
        short = [a for a in getattr(found, "aliases", ()) if a.isupper() and len(a) <= 6]
        return short[0] if short else self.name(party)


def _window(incident: dict[str, Any], now: datetime) -> tuple[datetime, datetime]:
    start = parse_time(incident["started_at"])
    end = _time(incident.get("ended_at"))
    if end is None:
        from outagewatch.incidents import Incident, data_end

        end = min(now, data_end(Incident.from_dict(incident), now)) if incident.get("series") else now
    return start - BEFORE_START, max(end, start) + AFTER_END


def _about(signal, incident: dict[str, Any]) -> bool:
    if signal.source in (incident.get("official_sources") or ()):
        return True
    if set(signal.services) & set(incident.get("services") or ()):
        return True
    if set(signal.regions) & set(incident.get("regions") or ()):
        return True
    return not signal.services  # a page-wide post ("we are investigating elevated errors")


class _Updates:
    """Every status Signal of a period, oldest first, read with one scan; each incident then
    looks at its own window by bisection instead of querying the store again."""

    def __init__(self, store, since: datetime, until: datetime) -> None:
        self.since, self.until = since, until
        self.signals = list(store.scan(Query(kinds=("status",), since=since, until=until, sort="oldest", limit=0)))
        self.times = [s.published_at for s in self.signals]

    def covers(self, since: datetime, until: datetime) -> bool:
        return self.since <= since and until <= self.until

    def between(self, since: datetime, until: datetime):
        return self.signals[bisect_left(self.times, since):bisect_left(self.times, until)]


def acknowledgements(store, incident: Any, *, watched: dict[str, set[str]] | None = None,
                     parties: _Parties | None = None, now: datetime | None = None,
                     updates: _Updates | None = None) -> list[Ack]:
    """Each watched party of ``incident`` with its first official word (or none)."""
    record = _record(incident)
    parties = parties or _Parties()
    now = now or utcnow()
    since, until = _window(record, now)
    if updates is None or not updates.covers(since, until):
        updates = _Updates(store, since, until)
    watched = watched if watched is not None else watched_parties(store, parties, updates.signals)
    mine = sorted(p for p in parties.of_incident(record) if p in watched)
    if not mine:
        return []
    detected = parse_time(record["detected_at"])
    started = parse_time(record["started_at"])
    acks = {p: Ack(record["id"], record.get("title") or record["id"], detected, p) for p in mine}
    for signal in updates.between(since, until):
        if signal.status == "resolved" and signal.published_at < started:
            continue  # the all-clear of something earlier
        if not _about(signal, record):
            continue
        for party in parties.of_signal(signal) & acks.keys():
            ack = acks[party]
            page = page_of(signal.source)
            ack.page_times.setdefault(page, signal.published_at)  # the scan is oldest first
            if ack.acknowledged_at is None or signal.published_at < ack.acknowledged_at:
                ack.acknowledged_at, ack.page = signal.published_at, page_of(signal.source)
    return [acks[p] for p in mine]


def watched_parties(store, parties: _Parties | None = None, seen: Iterable = ()) -> dict[str, set[str]]:
    """Parties with at least one status page we collect (a status Signal from them, at any
    time), each with its pages: one facet over status sources, then one Signal per source,
    taken from ``seen`` (the period's updates, already read) or else read from the store."""
    parties = parties or _Parties()
    sources = store.facets(Query(kinds=("status",), limit=0), ["source"], size=10_000).get("source") or {}
    sample = {}
    for signal in seen:
        sample.setdefault(signal.source, signal)
    found: dict[str, set[str]] = {}
    for source in sources:
        signal = sample.get(source)
        if signal is None:
            hits = store.search(Query(kinds=("status",), sources=(source,), sort="newest", limit=1,
                                      highlight=False)).hits
            signal = hits[0].signal if hits else None
        for party in (parties.of_signal(signal) if signal is not None else ()):
            found.setdefault(party, set()).add(page_of(source))
    return found


def newest_signal_time(store) -> datetime | None:
    hits = store.search(Query(sort="newest", limit=1, highlight=False)).hits
    return hits[0].signal.published_at if hits else None


def _summary(party: str, name: str, acks: list[Ack], pages: Iterable[str] = ()) -> dict[str, Any]:
    counted = [a.counted_minutes for a in acks]
    acknowledged = [a.delay_minutes for a in acks if a.delay_minutes is not None]
    median = round(statistics.median(counted), 1) if counted else None
    return {
        "id": party, "name": name,
        "incidents": len(acks),
        "acknowledged": len(acknowledged),
        "never_acknowledged": len(acks) - len(acknowledged),
        "provider_first": sum(1 for a in acks if a.acknowledged_at is not None and a.acknowledged_at <= a.detected_at),
        "median_minutes": median,
        "p90_minutes": percentile(counted, 0.9),
        "median_acknowledged_minutes": round(statistics.median(acknowledged), 1) if acknowledged else None,
        "grade": grade_of(median),
        "status_pages": sorted(set(pages)),
        "incident_delays": [a.to_dict() for a in sorted(acks, key=lambda a: a.detected_at)],
    }


def period_for(store, since: datetime | None, until: datetime | None) -> tuple[datetime, datetime]:
    """``--since``/``--until`` as given; without ``until``: now after a ``since``, else the newest
    Signal; without ``since``: 90 days before ``until``."""
    if until is None:
        # "since X" runs to now; no period at all is the 90 days up to the newest Signal, so a
        # store of replayed or historical data is judged on its own time, not on an empty today.
        until = utcnow() if since is not None else (newest_signal_time(store) or utcnow())
        until += timedelta(seconds=1)  # the newest Signal's own incident is inside
    if since is None:
        since = until - PERIOD
    if since >= until:
        raise ValueError("--since must be before --until")
    return since, until


def accountability(store, *, since: datetime | None = None, until: datetime | None = None,
                   provider: str | None = None, incidents: list[Any] | None = None) -> dict[str, Any]:
    """Per party and per status page over the period: incidents, acknowledged, delays, grade.

    Incidents dismissed by an analyst are left out (they were not outages to acknowledge).
    """
    since, until = period_for(store, since, until)
    parties = _Parties()
    if incidents is None:
        from outagewatch.incidents import list_incidents

        incidents, _ = list_incidents(store, since=since, until=until)  # dismissed ones left out
    now = utcnow()
    by_party: dict[str, list[Ack]] = {}
    by_page: dict[tuple[str, str], list[Ack]] = {}
    pages_of: dict[str, set[str]] = {}
    chosen = []
    for incident in incidents:
        record = _record(incident)
        if not since <= parse_time(record["detected_at"]) < until:
            continue
        if provider and provider not in parties.of_incident(record):
            continue
        chosen.append((record, _window(record, now)))
    updates = (_Updates(store, min(w[0] for _, w in chosen), max(w[1] for _, w in chosen)) if chosen else None)
    watched = watched_parties(store, parties, updates.signals if updates else ())
    for record, _ in chosen:
        for ack in acknowledgements(store, record, watched=watched, parties=parties, now=now, updates=updates):
            if provider and ack.party != provider:
                continue
            by_party.setdefault(ack.party, []).append(ack)
            pages_of.setdefault(ack.party, set(watched.get(ack.party) or ())).update(ack.page_times)
    # A page is held to every incident of its party (it could have spoken about each).
    for party, acks in by_party.items():
        for page in pages_of.get(party) or ():
            for ack in acks:
                page_ack = Ack(ack.incident_id, ack.title, ack.detected_at, party)
                if page in ack.page_times:
                    page_ack.acknowledged_at, page_ack.page = ack.page_times[page], page
                by_page.setdefault((page, party), []).append(page_ack)
    providers = [_summary(p, parties.name(p), acks, pages_of.get(p, ())) for p, acks in by_party.items()]
    providers.sort(key=lambda r: (-r["incidents"], r["id"]))
    pages = []
    for (page, party), acks in sorted(by_page.items()):
        row = _summary(page, parties.page_name(page, party), acks)
        row["provider"] = party
        del row["status_pages"]
        pages.append(row)
    return {
        "period": {"since": to_iso(since), "until": to_iso(until), "days": round((until - since).total_seconds() / 86400, 1)},
        "unacknowledged_minutes": UNACKNOWLEDGED_MINUTES,
        "grading": grade_text(),
        "grades": grade_rules(),
        "providers": providers,
        "status_pages": pages,
    }


def for_incident(store, incident: Any) -> list[dict[str, Any]]:
    """The accountability lines of one incident's report: for each provider whose status page we
    read, when it acknowledged this incident and its record over the 90 days up to it."""
    record = _record(incident)
    parties = _Parties()
    out = []
    detected = parse_time(record["detected_at"])
    until = detected + timedelta(seconds=1)
    for ack in acknowledgements(store, record, parties=parties):
        record_ = accountability(store, since=until - PERIOD, until=until, provider=ack.party)
        row = next((r for r in record_["providers"] if r["id"] == ack.party), None)
        name = parties.short_name(ack.party)
        whose = name + ("'" if name.endswith("s") else "'s")
        said = (f"{name} acknowledged after {_human(ack.delay_minutes)}" if ack.delay_minutes is not None
                else f"{name} never acknowledged it (counted as {UNACKNOWLEDGED_MINUTES:g} min)")
        if ack.acknowledged_at is not None and ack.acknowledged_at <= ack.detected_at:
            said = f"{name} acknowledged it first, before detection"
        if row:
            said += (f"; {whose} median over {record_['period']['days']:g} days: {_human(row['median_minutes'])},"
                     f" p90 {_human(row['p90_minutes'])}, grade {row['grade']}"
                     f" ({row['acknowledged']} of {row['incidents']} incident{'s' if row['incidents'] != 1 else ''}"
                     " acknowledged)")
        out.append({"provider": ack.party, "name": parties.name(ack.party), "acknowledged_at": to_iso(ack.acknowledged_at),
                    "delay_minutes": ack.delay_minutes, "page": ack.page, "period": record_["period"],
                    "median_minutes": row and row["median_minutes"], "p90_minutes": row and row["p90_minutes"],
                    "grade": row and row["grade"], "incidents": row and row["incidents"],
                    "acknowledged": row and row["acknowledged"], "sentence": said + "."})
    return out


def _human(value: float | None) -> str:
    from outagewatch.reports.fmt import minutes

    return minutes(value)


__all__ = ["for_incident", "accountability", "acknowledgements", "grade_of", "grade_rules", "grade_text", "GRADES",
           "UNACKNOWLEDGED_MINUTES", "PERIOD", "page_of", "percentile"]
