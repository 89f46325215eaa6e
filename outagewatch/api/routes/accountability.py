"""Status-page accountability: per provider and status page, how fast incidents were acknowledged."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi import Query as Param

from outagewatch.api.auth import require_read
from outagewatch.api.params import TIME_HELP, parse_time_param
from outagewatch.api.store_access import store_call

router = APIRouter(prefix="/api/accountability", tags=["accountability"])


@router.get("", dependencies=[Depends(require_read)], summary="Status-page accountability")
def accountability(
    request: Request,
    since: Annotated[str | None, Param(description="Period start; default 90 days before `until`. " + TIME_HELP)] = None,
    until: Annotated[str | None, Param(description="Period end; default now when `since` is given, else the newest stored Signal. " + TIME_HELP)] = None,
    provider: Annotated[str | None, Param(description="Only this provider (catalog id, e.g. aws).", max_length=200)] = None,
) -> dict[str, Any]:
    """Per provider and per status page over the period (90 days by default): incidents seen, how many
    were acknowledged, the delay from detection to the first official word (median, p90; an incident
    never acknowledged counts as 240 minutes) and a grade A-F, with the thresholds in `grading`/`grades`.
    The same figures as `outagewatch accountability --json`."""
    from outagewatch.accountability import accountability as compute

    store = request.app.state.store
    start, end = parse_time_param(since, "since"), parse_time_param(until, "until")
    return store_call(lambda: compute(store, since=start, until=end, provider=provider or None))
