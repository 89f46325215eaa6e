"""Incidents: the list, one incident with its evidence, analyst feedback, and reports."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Annotated, Any, Literal
from urllib.parse import quote

from fastapi import APIRouter, Depends, Request
from fastapi import Query as Param
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from outagewatch.api.auth import require_read, require_write
from outagewatch.api.errors import ApiError
from outagewatch.api.params import TIME_HELP, parse_time_param
from outagewatch.api.store_access import store_call
from outagewatch import incidents as policy
from outagewatch.incidents import Incident
from outagewatch.search.query import INTERVALS
from outagewatch.timeutil import to_iso

router = APIRouter(prefix="/api/incidents", tags=["incidents"])
log = logging.getLogger("outagewatch.api")
CHART_BUCKETS = 60
OFFICIAL_LIMIT = 20
REPORT_TYPES = {"html": "text/html; charset=utf-8", "md": "text/markdown; charset=utf-8",
                "json": "application/json"}


class FeedbackBody(BaseModel):
    verdict: Literal["confirmed", "dismissed"] = Field(description="The analyst's verdict.")
    note: str | None = Field(default=None, max_length=2000)


def load_incident(request: Request, incident_id: str) -> Incident:
    """The incident by id or unique prefix, or the API's 404 (every incident route answers alike)."""
    store = request.app.state.store
    incident = store_call(lambda: policy.get(store, incident_id))
    if incident is None:
        raise ApiError(404, f"no incident with id {incident_id[:80]!r}")
    return incident


@router.get("", dependencies=[Depends(require_read)], summary="List incidents")
def list_incidents(
    request: Request,
    status: Annotated[Literal["open", "closed", "all"], Param(description="open, closed or all.")] = "all",
    evidence: Annotated[Literal["weak", "moderate", "strong"] | None,
                        Param(description="At least this evidence level.")] = None,
    since: Annotated[str | None, Param(description="Still going at or after. " + TIME_HELP)] = None,
    until: Annotated[str | None, Param(description="Started before. " + TIME_HELP)] = None,
    dismissed: Annotated[bool, Param(description="Include incidents an analyst dismissed.")] = False,
    limit: Annotated[int, Param(ge=1, le=1000)] = 100,
) -> dict[str, Any]:
    """Open incidents first, then by evidence (strong first), then newest; each with evidence level,
    lead time and common cause. Dismissed incidents are left out unless ``dismissed=true``."""
    store = request.app.state.store
    start, end = parse_time_param(since, "since"), parse_time_param(until, "until")
    chosen, total = store_call(lambda: policy.list_incidents(store, since=start, until=end, status=status,
                                                             min_evidence=evidence, include_dismissed=dismissed,
                                                             limit=limit))
    return {"total": total, "incidents": [i.to_dict(summary=True) for i in chosen]}


@router.get("/{incident_id}", dependencies=[Depends(require_read)], summary="One incident with its evidence")
def get_incident(
    request: Request,
    incident_id: str,
    evidence_limit: Annotated[int, Param(ge=0, le=500, description="How many evidence signals to include.")] = 50,
) -> dict[str, Any]:
    """The incident, the signals behind it (official ones first) and a per-source-kind time series."""
    incident = load_incident(request, incident_id)
    store = request.app.state.store
    window = policy.evidence_window(incident)
    official = store_call(lambda: policy.official_updates(store, incident, window))
    chatter = store_call(lambda: store.search(policy.evidence_query(
        incident, *window, kinds=policy.CHATTER_KINDS, sort="oldest", limit=evidence_limit, highlight=False)))
    interval = _interval(window)
    buckets = store_call(lambda: store.histogram(policy.evidence_query(incident, *window, sort="oldest",
                                                                       highlight=False), interval, by="source_kind"))
    return {
        "incident": incident.to_dict(),
        "window": {"since": to_iso(window[0]), "until": to_iso(window[1])},
        "evidence": {
            "official": [s.to_dict() for s in official[:OFFICIAL_LIMIT]],
            "signals": [hit.signal.to_dict() for hit in chatter.hits],
            "total": len(official) + chatter.total,
            "total_relation": chatter.total_relation,
        },
        "timeline": {"interval": interval, "interval_seconds": INTERVALS[interval], "by": "source_kind",
                     "buckets": [{"start": to_iso(b.start), "key": b.key, "count": b.count, "reports": b.reports}
                                 for b in buckets]},
        "links": {fmt: f"/api/incidents/{quote(incident.id, safe='')}/report?format={fmt}" for fmt in REPORT_TYPES},
    }


def _interval(window: tuple[datetime, datetime]) -> str:
    span = (window[1] - window[0]).total_seconds()
    for name, seconds in INTERVALS.items():
        if span / seconds <= CHART_BUCKETS:
            return name
    return "7d"


@router.post("/{incident_id}/feedback", dependencies=[Depends(require_write)], summary="Confirm or dismiss")
def set_feedback(request: Request, incident_id: str, body: FeedbackBody) -> dict[str, Any]:
    """Record an analyst's verdict; it survives recomputing incidents."""
    incident = load_incident(request, incident_id)
    store = request.app.state.store
    feedback = store_call(lambda: policy.set_feedback(store, incident.id, body.verdict, body.note))
    return {"id": incident.id, "feedback": feedback.to_dict()}


@router.get("/{incident_id}/report", dependencies=[Depends(require_read)], summary="The incident's report",
            response_class=Response,
            responses={200: {"content": {t.split(";")[0]: {} for t in REPORT_TYPES.values()}}})
def report(
    request: Request,
    incident_id: str,
    format: Annotated[Literal["html", "md", "json"], Param(description="html, md or json.")] = "html",
) -> Response:
    """Rendered by ``outagewatch.reports``: self-contained HTML, Markdown, or JSON."""
    incident = load_incident(request, incident_id)
    try:
        from outagewatch.reports import render
    except ImportError:
        raise ApiError(501, "reports are not available in this build of outagewatch") from None
    store = request.app.state.store
    try:
        rendered = render(incident, store, format)
    except LookupError as exc:  # ReportError: gone between the check above and now
        raise ApiError(404, str(exc)) from None
    except Exception as exc:  # noqa: BLE001 - a stored incident the renderer cannot read is our bug
        log.exception("cannot render the %s report of incident %s", format, incident_id)
        raise ApiError(500, f"the report for this incident cannot be rendered ({type(exc).__name__}); "
                            "the server log has the details") from None
    if format == "json" and not isinstance(rendered, (str, bytes)):
        return JSONResponse(rendered)
    headers = {}
    if format == "html":
        # The report is a document of its own: no scripts of ours, no network, no framing our page.
        headers["Content-Security-Policy"] = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:;"
                                              " font-src data:; base-uri 'none'; form-action 'none'; sandbox")
    return Response(rendered, media_type=REPORT_TYPES[format], headers=headers)
