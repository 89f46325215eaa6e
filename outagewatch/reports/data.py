"""Everything a report shows, gathered from the incident and the store into plain data.

The Markdown, HTML and JSON renderings all start from :func:`gather`, so they never
disagree about a number.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from outagewatch.accountability import for_incident
from outagewatch.catalog import load_catalog
from outagewatch.incidents import Incident, data_end, evidence_query, evidence_window, official_updates
from outagewatch.reports.fmt import confidence, minutes, when
from outagewatch.reports.fmt import duration as fmt_duration
from outagewatch.search.query import Query
from outagewatch.timeutil import parse_time, to_iso, utcnow

TOP_POSTS = 8
TOP_NEWS = 10


def _engagement(signal) -> int:
    raw = signal.raw if isinstance(signal.raw, dict) else {}
    metrics = raw.get("public_metrics") or raw.get("metrics") or {}
    if not isinstance(metrics, dict):
        return 0
    return sum(int(v) for k, v in metrics.items()
               if k in ("like_count", "retweet_count", "reply_count", "quote_count") and isinstance(v, (int, float)))


def gather(incident: Incident, store) -> dict[str, Any]:
    window = evidence_window(incident)
    since, until = window
    official, first_seen = [], {}
    for s in official_updates(store, incident, window):
        for service in s.services:
            first_seen[service] = min(first_seen.get(service, s.published_at), s.published_at)
        official.append({"at": to_iso(s.published_at), "status": s.status, "source": s.source,
                         "title": s.title, "text": s.text, "url": s.url})
    social, news = [], []
    for s in store.scan(evidence_query(incident, since, until, ("social", "news"))):
        if s.source_kind == "news":
            news.append({"at": to_iso(s.published_at), "source": s.source, "title": s.title or s.text[:120],
                         "url": s.url})
        else:
            social.append((_engagement(s), s))
        for service in s.services:
            first_seen[service] = min(first_seen.get(service, s.published_at), s.published_at)
    posts = [{"at": to_iso(s.published_at), "author": s.author, "source": s.source, "text": s.text, "url": s.url,
              "engagement": e} for e, s in sorted(social, key=lambda x: (-x[0], x[1].published_at))[:TOP_POSTS]]
    interval = (incident.series or {}).get("interval") or 300
    affected = [_affected(store, incident, service, first_seen.get(service), since, until, interval)
                for service in incident.services]
    duration = round((data_end(incident) - incident.started_at).total_seconds() / 60)
    return {
        "incident": incident.to_dict(),
        "summary": summary(incident, duration, first_seen, affected),
        "official": official,
        "posts": posts,
        "news": sorted(news, key=lambda n: n["at"])[:TOP_NEWS],
        "affected": affected,
        "duration_minutes": duration,
        "interval_minutes": interval // 60,
        "generated_at": to_iso(utcnow()),
        "accountability": for_incident(store, incident),
    }


def _affected(store, incident, service, first_seen, since, until, interval) -> dict[str, Any]:
    """One row of the affected table. Its peak is in the unit the service's evidence has:
    user reports per bucket when a report page spiked, else signals (posts, status updates,
    news) per bucket, never a report count of 0 for a service nobody files reports on."""
    q = Query(services=(service,), since=since, until=until, limit=0)
    counts = store.facets(q, ["source_kind"], size=10)["source_kind"]
    runs = [r for r in incident.runs if f"service:{service}" in r["entities"]]
    reports = [r["peak"] for r in runs if r.get("kind") == "reports" and r.get("peak")]
    if reports:
        peak, unit = round(max(reports)), "reports"
    else:
        chatter = Query(services=(service,), kinds=("social", "news", "status"), since=since, until=until, limit=0)
        peak, unit = max((b.count for b in store.histogram(chatter, interval)), default=0), "signals"
    return {"service": service, "first_signal": to_iso(first_seen),
            "detected_at": min((r["detected_at"] for r in runs), default=None),
            "peak": peak, "peak_unit": unit, "counts": counts}


def _names(ids: list[str], kind: str) -> list[str]:
    try:
        table = getattr(load_catalog(), kind)
    except Exception:  # noqa: BLE001 - a report without a catalog still reads, with ids
        return list(ids)
    return [getattr(table.get(i), "name", None) or i for i in ids]


def _listing(names: list[str], most: int = 6) -> str:
    if len(names) > most:
        names = names[:most] + [f"{len(names) - most} more"]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def summary(incident: Incident, duration: int | None, first_seen: dict[str, datetime] | None = None,
            affected: list[dict[str, Any]] | None = None) -> str:
    """The paragraph an analyst would write: what broke, when it started and was seen, why,
    how far ahead of the provider we were, how long it lasted. Services are named hardest
    hit first (user reports, then other chatter), not alphabetically."""
    services = incident.services
    if affected:
        rank = {a["service"]: (a["peak_unit"] != "reports", -a["peak"]) for a in affected}
        services = sorted(services, key=lambda s: rank.get(s, (True, 0)))
    what = _listing(_names(services, "services")) if services else "Services"
    verb = "was" if len(services) == 1 else "were"
    started = incident.started_at
    parts = [f"{what} {verb} disrupted on {started.strftime('%-d %B %Y')}."]
    earliest = min((t for t in (first_seen or {}).values() if t and t >= started - timedelta(minutes=30)), default=None)
    began = f"Chatter about them rose above normal at {when(incident.started_at, date=False)}"
    if earliest is not None and earliest < started:
        began += f" (first related post {when(earliest, date=False)})"
    detected = incident.detected_at
    parts.append(began + (f" and outagewatch detected the outage at {when(detected, date=False)}"
                          if detected != incident.started_at else " and outagewatch detected the outage at once")
                 + f", with {incident.evidence_level} evidence; activity peaked at {when(incident.peak_at, date=False)}.")
    cause = incident.common_cause
    if cause:
        what_broke = _names([cause["service"]], "services")[0] if cause.get("service") else None
        where = " ".join(x for x in (
            _names([cause["provider"]], "providers")[0] if cause.get("provider") else None,
            cause.get("region", "").split(":", 1)[-1] if cause.get("region") else None) if x)
        cause_text = f"{what_broke} in {where}" if what_broke and where else (what_broke or where)
        parts.append(f"The likely cause is {cause_text}, with {confidence(cause['confidence'])}"
                     + (", confirmed by the provider" if cause.get("confirmed") else "")
                     + (f"; it was first named at {when(incident.common_cause_named_at, date=False)}."
                        if incident.common_cause_named_at else "."))
        earlier = _earlier_naming(incident)
        if earlier:
            parts.append(earlier)
    if incident.first_official_at:
        lead = incident.lead_minutes
        official = when(incident.first_official_at, date=False)
        if lead is not None and lead > 0:
            parts.append(f"Detection came {minutes(lead)} ahead of the first official update ({official}).")
        elif lead is not None and lead < 0:
            parts.append(f"The provider posted first, at {official}, {minutes(-lead)} before detection.")
        else:
            parts.append(f"The first official update ({official}) came at the moment of detection.")
    else:
        parts.append("No official status update was seen.")
    if incident.ended_at:
        parts.append(f"It lasted {fmt_duration(duration)}, ending {when(incident.ended_at)}.")
    else:
        parts.append(f"It is still open ({fmt_duration(duration)} so far).")
    return " ".join(parts)


def _earlier_naming(incident) -> str | None:
    """How the cause was named before it took its final form, from ``cause_history``
    ("Google Cloud was named as the cause from 18:00 (no region); then us-central1, Vertex AI
    at 18:46."); None when the provider was first named with the final cause."""
    history = incident.cause_history or []
    provider = (incident.common_cause or {}).get("provider")
    named = incident.common_cause_named_at
    first = next((h for h in history if provider and h.get("provider") == provider), None)
    if first is None or named is None or parse_time(first["at"]) >= named:
        return None

    def state(h: dict) -> str:
        region = h["region"].split(":", 1)[-1] if h.get("region") else "no region"
        return region + (f", {_names([h['service']], 'services')[0]}" if h.get("service") else "")

    later = [f"{state(h)} at {when(parse_time(h['at']), date=False)}"
             for h in history[history.index(first) + 1:] if h.get("provider") == provider]
    return (f"{_names([provider], 'providers')[0]} was named as the cause from "
            f"{when(parse_time(first['at']), date=False)} ({state(first)})"
            + (f"; then {'; '.join(later)}." if later else "."))
