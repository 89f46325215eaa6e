"""Everything a report shows, gathered from the incident and the store into plain data.

The Markdown, HTML and JSON renderings all start from :func:`gather`, so they never
disagree about a number.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from outagewatch.correlate.incidents import incident_query
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


def data_end(incident: dict[str, Any]) -> datetime:
    """Where the incident's data stops: its end, or for an open one the last charted bucket
    (a replayed 2020 incident is not six years long because it is still open)."""
    if incident.get("ended_at"):
        return parse_time(incident["ended_at"])
    series = incident.get("series") or {}
    if series.get("kinds"):
        size = max(len(v) for v in series["kinds"].values())
        return parse_time(series["start"]) + timedelta(seconds=series["interval"] * size)
    return utcnow()


def _window(incident: dict[str, Any]) -> tuple[datetime, datetime]:
    return parse_time(incident["started_at"]) - timedelta(hours=1), data_end(incident) + timedelta(hours=1)


def gather(incident: dict[str, Any], store) -> dict[str, Any]:
    since, until = _window(incident)
    official = []
    sources = set(incident.get("official_sources") or [])
    status_query = Query(kinds=("status",), since=since, until=until, limit=0)
    for s in store.scan(status_query):
        if s.source in sources or set(s.services) & set(incident["services"]):
            official.append({"at": to_iso(s.published_at), "status": s.status, "source": s.source,
                             "title": s.title, "text": s.text, "url": s.url})
    social, news, first_seen = [], [], {}
    for s in store.scan(incident_query(incident, since, until, ("social", "news"))):
        if s.source_kind == "news":
            news.append({"at": to_iso(s.published_at), "source": s.source, "title": s.title or s.text[:120],
                         "url": s.url})
        else:
            social.append((_engagement(s), s))
        for service in s.services:
            first_seen.setdefault(service, s.published_at)
    posts = [{"at": to_iso(s.published_at), "author": s.author, "source": s.source, "text": s.text, "url": s.url,
              "engagement": e} for e, s in sorted(social, key=lambda x: (-x[0], x[1].published_at))[:TOP_POSTS]]
    affected = []
    for service in incident["services"]:
        q = Query(services=(service,), since=since, until=until, limit=0)
        counts = store.facets(q, ["source_kind"], size=10)["source_kind"]
        runs = [r for r in incident.get("runs", []) if f"service:{service}" in r["entities"]]
        peak = max(runs, key=lambda r: r["peak"], default=None)
        affected.append({"service": service, "first_signal": to_iso(first_seen.get(service)),
                         "detected_at": min((r["detected_at"] for r in runs), default=None),
                         "peak": peak["peak"] if peak else None, "counts": counts})
    start = parse_time(incident["started_at"])
    duration = round((data_end(incident) - start).total_seconds() / 60)
    return {
        "incident": incident,
        "summary": summary(incident, duration),
        "official": official,
        "posts": posts,
        "news": sorted(news, key=lambda n: n["at"])[:TOP_NEWS],
        "affected": affected,
        "duration_minutes": duration,
        "generated_at": to_iso(utcnow()),
    }


def summary(incident: dict[str, Any], duration: int | None) -> str:
    parts = [f"{incident['title']}."]
    parts.append(f"Chatter rose from {incident['started_at']} and was detected at {incident['detected_at']}"
                 f" with {incident['evidence_level']} evidence; it peaked at {incident['peak_at']}.")
    cause = incident.get("common_cause")
    if cause:
        where = " ".join(x for x in (cause.get("service"), cause.get("provider"), cause.get("region")) if x)
        parts.append(f"Likely common cause: {where} (confidence {cause['confidence']})"
                     + (f", named at {incident['common_cause_named_at']}." if incident.get("common_cause_named_at") else "."))
    if incident.get("first_official_at"):
        lead = incident.get("lead_minutes")
        parts.append(f"The first official update came at {incident['first_official_at']}"
                     + (f", {lead} minutes after detection." if lead is not None and lead >= 0 else "."))
    else:
        parts.append("No official status update was seen.")
    if incident.get("ended_at"):
        parts.append(f"It ended at {incident['ended_at']} after {duration} minutes.")
    else:
        parts.append(f"It is still open ({duration} minutes so far).")
    return " ".join(parts)
