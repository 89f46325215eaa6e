"""Incidents: the list, one incident with its evidence, analyst feedback, and reports."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
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
from outagewatch.search.query import INTERVALS, Query
from outagewatch.timeutil import parse_time, to_iso, utcnow

router = APIRouter(prefix="/api/incidents", tags=["incidents"])
log = logging.getLogger("outagewatch.api")
EVIDENCE_ORDER = {"strong": 0, "moderate": 1, "weak": 2}
# The chart shows a little before the start and after the end, so the spike stands out.
CHART_MARGIN = timedelta(hours=1)
CHART_BUCKETS = 60
REPORT_TYPES = {"html": "text/html; charset=utf-8", "md": "text/markdown; charset=utf-8",
                "json": "application/json"}


class Feedback(BaseModel):
    verdict: Literal["confirmed", "dismissed"] = Field(description="The analyst's verdict.")
    note: str | None = Field(default=None, max_length=2000)


def _with_feedback(incident: dict[str, Any], feedback: dict[str, dict[str, Any]]) -> dict[str, Any]:
    # Analyst feedback is stored apart from incidents (recomputing them must not lose it).
    if incident.get("id") in feedback:
        incident = {**incident, "feedback": feedback[incident["id"]]}
    return incident


def _load(request: Request, incident_id: str) -> dict[str, Any]:
    store = request.app.state.store
    incident = store_call(lambda: store.get_incident(incident_id))
    if incident is None:
        raise ApiError(404, f"no incident with id {incident_id[:80]!r}")
    return _with_feedback(incident, store_call(store.feedback))


@router.get("", dependencies=[Depends(require_read)], summary="List incidents")
def list_incidents(
    request: Request,
    status: Annotated[Literal["open", "closed", "all"], Param(description="open, closed or all.")] = "all",
    evidence: Annotated[Literal["weak", "moderate", "strong"] | None,
                        Param(description="At least this evidence level.")] = None,
    since: Annotated[str | None, Param(description="Still going at or after. " + TIME_HELP)] = None,
    until: Annotated[str | None, Param(description="Started before. " + TIME_HELP)] = None,
    limit: Annotated[int, Param(ge=1, le=1000)] = 100,
) -> dict[str, Any]:
    """Open incidents first, then by evidence (strong first), then newest; each with evidence level,
    lead time and common cause."""
    store = request.app.state.store
    start, end = parse_time_param(since, "since"), parse_time_param(until, "until")
    incidents = store_call(lambda: store.list_incidents(since=start, until=end))
    feedback = store_call(store.feedback)
    chosen = []
    for incident in incidents:
        if status != "all" and incident.get("status") != status:
            continue
        if evidence and EVIDENCE_ORDER.get(incident.get("evidence_level"), 9) > EVIDENCE_ORDER[evidence]:
            continue
        summary = {k: v for k, v in incident.items() if k != "series"}
        chosen.append(_with_feedback(summary, feedback))
    chosen.sort(key=lambda i: (i.get("status") != "open", EVIDENCE_ORDER.get(i.get("evidence_level"), 9),
                               _negated_time(i.get("started_at"))))
    return {"total": len(chosen), "incidents": chosen[:limit]}


def _negated_time(value: Any) -> float:
    try:
        return -parse_time(value).timestamp()
    except (ValueError, TypeError):
        return 0.0


@router.get("/{incident_id}", dependencies=[Depends(require_read)], summary="One incident with its evidence")
def get_incident(
    request: Request,
    incident_id: str,
    evidence_limit: Annotated[int, Param(ge=0, le=500, description="How many evidence signals to include.")] = 50,
) -> dict[str, Any]:
    """The incident, the signals behind it (official ones first) and a per-source-kind time series."""
    incident = _load(request, incident_id)
    store = request.app.state.store
    window = _window(incident, _latest_signal(store, incident))
    base = _evidence_query(incident, window)
    official = store_call(lambda: store.search(Query(**base, kinds=("status",), sort="oldest", limit=min(evidence_limit, 20),
                                                     highlight=False)))
    chatter = store_call(lambda: store.search(Query(**base, kinds=("social", "reports", "news"), sort="oldest",
                                                    limit=evidence_limit, highlight=False)))
    interval = _interval(window)
    buckets = store_call(lambda: store.histogram(Query(**base, limit=0, sort="oldest", highlight=False), interval,
                                                 by="source_kind"))
    return {
        "incident": incident,
        "window": {"since": to_iso(window[0]), "until": to_iso(window[1])},
        "evidence": {
            "official": [hit.signal.to_dict() for hit in official.hits],
            "signals": [hit.signal.to_dict() for hit in chatter.hits],
            "total": official.total + chatter.total,
            "total_relation": "gte" if "gte" in (official.total_relation, chatter.total_relation) else "eq",
        },
        "timeline": {"interval": interval, "interval_seconds": INTERVALS[interval], "by": "source_kind",
                     "buckets": [{"start": to_iso(b.start), "key": b.key, "count": b.count, "reports": b.reports}
                                 for b in buckets]},
        "links": {fmt: f"/api/incidents/{quote(incident['id'], safe='')}/report?format={fmt}" for fmt in REPORT_TYPES},
    }


def _window(incident: dict[str, Any], latest: datetime | None) -> tuple[datetime, datetime]:
    start = _time(incident.get("started_at")) or utcnow()
    end = max([t for t in (_time(incident.get(k)) for k in ("ended_at", "peak_at", "detected_at", "first_official_at"))
               if t is not None] or [start])
    if not incident.get("ended_at") and latest is not None:
        # Still open: show up to the newest chatter about it, within two days of the start.
        end = max(end, min(latest, start + timedelta(days=2)))
    return start - CHART_MARGIN, max(end, start) + CHART_MARGIN


def _latest_signal(store: Any, incident: dict[str, Any]) -> datetime | None:
    if incident.get("ended_at"):
        return None
    start = _time(incident.get("started_at"))
    base = _evidence_query(incident, (start, None) if start else (None, None))
    hits = store_call(lambda: store.search(Query(**base, sort="newest", limit=1, highlight=False))).hits
    return hits[0].signal.published_at if hits else None


def _time(value: Any) -> datetime | None:
    try:
        return parse_time(value) if value else None
    except ValueError:
        return None


def _evidence_query(incident: dict[str, Any], window: tuple[datetime | None, datetime | None]) -> dict[str, Any]:
    services = tuple(incident.get("services") or ())
    providers = () if services else tuple(incident.get("providers") or ())
    return {"services": services, "providers": providers, "since": window[0], "until": window[1]}


def _interval(window: tuple[datetime, datetime]) -> str:
    span = (window[1] - window[0]).total_seconds()
    for name, seconds in INTERVALS.items():
        if span / seconds <= CHART_BUCKETS:
            return name
    return "7d"


@router.post("/{incident_id}/feedback", dependencies=[Depends(require_write)], summary="Confirm or dismiss")
def set_feedback(request: Request, incident_id: str, body: Feedback) -> dict[str, Any]:
    """Record an analyst's verdict; it survives recomputing incidents."""
    _load(request, incident_id)
    store = request.app.state.store
    store_call(lambda: store.set_feedback(incident_id, body.verdict, body.note))
    return {"id": incident_id, "feedback": store_call(store.feedback).get(incident_id)}


@router.get("/{incident_id}/report", dependencies=[Depends(require_read)], summary="The incident's report",
            response_class=Response,
            responses={200: {"content": {t.split(";")[0]: {} for t in REPORT_TYPES.values()}}})
def report(
    request: Request,
    incident_id: str,
    format: Annotated[Literal["html", "md", "json"], Param(description="html, md or json.")] = "html",
) -> Response:
    """Rendered by ``outagewatch.reports``: self-contained HTML, Markdown, or JSON."""
    _load(request, incident_id)
    try:
        from outagewatch.reports import render
    except ImportError:
        raise ApiError(501, "reports are not available in this build of outagewatch") from None
    store = request.app.state.store
    # By id: the renderer reads the incident as correlation stored it.
    try:
        rendered = render(incident_id, store, format)
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
