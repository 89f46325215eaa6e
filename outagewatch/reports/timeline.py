"""One incident's timeline and user-report details, as the report and the dashboard show them.

The dashboard draws the report's own chart (:func:`outagewatch.reports.chart.timeline_svg`,
served as SVG), so the two can never disagree; this module finds what the chart needs
from the store (through :mod:`outagewatch.incidents`, the same evidence window and official
updates the report uses), and what the report pages said (problem types, user comments).
"""

from __future__ import annotations

from typing import Any

from outagewatch.incidents import Incident, evidence_query, evidence_window, official_updates
from outagewatch.reports.chart import timeline_svg
from outagewatch.timeutil import to_iso


def chart_updates(store, incident: Incident) -> list[dict[str, Any]]:
    """The official updates as the chart marks them (the report's ``official`` rows)."""
    return [{"at": to_iso(s.published_at), "status": s.status, "source": s.source, "title": s.title, "text": s.text,
             "url": s.url} for s in official_updates(store, incident, evidence_window(incident))]


def incident_timeline(store, incident: Incident, *, compact: bool = False) -> str:
    return timeline_svg(incident.to_dict(), chart_updates(store, incident), compact=compact)


def user_reports(store, incident: Incident, *, comments: int = 50) -> dict[str, Any]:
    """What the report pages said during the incident: each page's latest problem-type shares
    and status, and the users' comments, newest first."""
    if not (incident.services or incident.providers or incident.regions):
        return {"pages": [], "comments": [], "comments_total": 0}
    since, until = evidence_window(incident)
    pages: dict[str, dict[str, Any]] = {}
    said: list[dict[str, Any]] = []
    for s in store.scan(evidence_query(incident, since, until, ("reports",))):
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
