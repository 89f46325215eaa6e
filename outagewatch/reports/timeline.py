"""One incident's timeline and user-report details, as the report and the dashboard show them.

The dashboard draws the report's own chart (:func:`outagewatch.reports.chart.timeline_svg`,
served as SVG), so the two can never disagree; this module finds what the chart needs
from the store, and what the report pages said (problem types, user comments).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from outagewatch.correlate.incidents import incident_query
from outagewatch.reports.chart import timeline_svg
from outagewatch.reports.data import data_end
from outagewatch.search.query import Query
from outagewatch.timeutil import parse_time, to_iso

MARGIN = timedelta(hours=1)


def _record(incident: Any) -> dict[str, Any]:
    return incident.to_dict() if hasattr(incident, "to_dict") else incident


def window(incident: dict[str, Any]):
    return parse_time(incident["started_at"]) - MARGIN, data_end(incident) + MARGIN


def official_updates(store, incident: Any) -> list[dict[str, Any]]:
    """Status updates from the incident's official sources or about its services (the report's rule)."""
    record = _record(incident)
    since, until = window(record)
    sources = set(record.get("official_sources") or [])
    services = set(record.get("services") or [])
    return [{"at": to_iso(s.published_at), "status": s.status, "source": s.source, "title": s.title}
            for s in store.scan(Query(kinds=("status",), since=since, until=until, sort="oldest", limit=0))
            if s.source in sources or set(s.services) & services]


def incident_timeline(store, incident: Any, *, compact: bool = False) -> str:
    record = _record(incident)
    return timeline_svg(record, official_updates(store, record), compact=compact)


def user_reports(store, incident: Any, *, comments: int = 50) -> dict[str, Any]:
    """What the report pages said during the incident: each page's latest problem-type shares
    and status, and the users' comments, newest first."""
    record = _record(incident)
    if not (record.get("services") or record.get("providers") or record.get("regions")):
        return {"pages": [], "comments": [], "comments_total": 0}
    since, until = window(record)
    pages: dict[str, dict[str, Any]] = {}
    said: list[dict[str, Any]] = []
    for s in store.scan(incident_query(record, since, until, ("reports",))):
        raw = s.raw if isinstance(s.raw, dict) else {}
        if raw.get("comment"):
            said.append({"at": to_iso(s.published_at), "author": s.author, "text": s.text, "source": s.source,
                         "url": s.url})
            continue
        page = pages.setdefault(s.source, {"source": s.source, "url": s.url, "services": list(s.services),
                                           "problem_types": [], "page_status": None, "at": None,
                                           "peak_reports": 0})
        page["peak_reports"] = max(page["peak_reports"], s.report_count or 0)
        shares = raw.get("problem_types")
        if isinstance(shares, dict) and shares and (page["at"] is None or to_iso(s.published_at) >= page["at"]):
            page["problem_types"] = sorted(
                ({"type": str(k), "share": v} for k, v in shares.items() if isinstance(v, (int, float))),
                key=lambda p: -p["share"])
            page["page_status"] = raw.get("page_status")
            page["at"] = to_iso(s.published_at)
    said.sort(key=lambda c: c["at"], reverse=True)
    return {"pages": sorted(pages.values(), key=lambda p: -p["peak_reports"]), "comments": said[:comments],
            "comments_total": len(said)}
