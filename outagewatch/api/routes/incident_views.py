"""What the dashboard shows of one incident besides its record: the report's timeline chart
(the same SVG the HTML report embeds, full size or compact) and what report pages said."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Request
from fastapi import Query as Param
from fastapi.responses import Response

from outagewatch.api.auth import require_read
from outagewatch.api.routes.incidents import load_incident
from outagewatch.api.store_access import store_call

router = APIRouter(prefix="/api/incidents", tags=["incidents"])


@router.get("/{incident_id}/timeline.svg", dependencies=[Depends(require_read)], summary="The incident's timeline chart",
            response_class=Response, responses={200: {"content": {"image/svg+xml": {}}}})
def timeline(
    request: Request,
    incident_id: str,
    size: Annotated[Literal["full", "small"], Param(description="full (the report's chart) or small (for lists).")] = "full",
) -> Response:
    """The HTML report's timeline: one lane per source kind, each on its own scale (user reports
    on theirs), detection, the cause being named and every official update marked."""
    from outagewatch.reports.timeline import incident_timeline

    incident = load_incident(request, incident_id)
    store = request.app.state.store
    svg = store_call(lambda: incident_timeline(store, incident, compact=size == "small"))
    return Response(svg, media_type="image/svg+xml",
                    headers={"Cache-Control": "no-cache",
                             "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox"})


@router.get("/{incident_id}/user-reports", dependencies=[Depends(require_read)],
            summary="Problem types and comments from report pages")
def user_reports(
    request: Request,
    incident_id: str,
    comments: Annotated[int, Param(ge=0, le=500, description="How many comments, newest first.")] = 50,
) -> dict[str, Any]:
    """Each report page's latest problem-type shares and status during the incident, and the users'
    comments, newest first."""
    from outagewatch.reports.timeline import user_reports as gather

    incident = load_incident(request, incident_id)
    store = request.app.state.store
    return store_call(lambda: gather(store, incident, comments=comments))
