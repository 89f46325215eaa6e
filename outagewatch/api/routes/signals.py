"""Signals: search with facets and highlights, one signal, time series, and ingest."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi import Query as Param

from outagewatch.api.auth import require_read, require_write
from outagewatch.api.errors import ApiError
from outagewatch.api.params import Filters, split_list
from outagewatch.api.store_access import store_call
from outagewatch.search.query import FACET_FIELDS, INTERVALS, MAX_LIMIT, SORTS
from outagewatch.timeutil import to_iso

router = APIRouter(prefix="/api", tags=["signals"])
DEFAULT_FACETS = "services,regions,source_kind"
MAX_INGEST_BYTES = 64 * 1024 * 1024


@router.get("/signals", dependencies=[Depends(require_read)], summary="Search signals")
def search_signals(
    request: Request,
    filters: Annotated[Filters, Depends()],
    sort: Annotated[str, Param(description=", ".join(SORTS) + ".")] = "relevance",
    limit: Annotated[int, Param(ge=0, le=MAX_LIMIT)] = 20,
    cursor: Annotated[str | None, Param(description="next_cursor of the previous page, unchanged.", max_length=2000)] = None,
    facets: Annotated[str, Param(description="Comma list of fields to count matches by (empty: none). "
                                             "Choose from " + ", ".join(FACET_FIELDS) + ".")] = DEFAULT_FACETS,
    facet_size: Annotated[int, Param(ge=1, le=200)] = 20,
) -> dict[str, Any]:
    """Matching signals, best first, with ``<mark>``-highlighted fragments (HTML-escaped text) and facet counts."""
    query = filters.query(limit=limit, sort=sort, cursor=cursor)
    fields = split_list(facets, FACET_FIELDS, "facets")
    store = request.app.state.store
    result = store_call(lambda: store.search(query))
    counts = store_call(lambda: store.facets(query, fields, facet_size)) if fields else {}
    return {"total": result.total, "total_relation": result.total_relation, "next_cursor": result.next_cursor,
            "hits": [hit.to_dict() for hit in result.hits], "facets": counts}


@router.get("/signals/{signal_id}", dependencies=[Depends(require_read)], summary="One signal")
def get_signal(request: Request, signal_id: str) -> dict[str, Any]:
    from outagewatch.signal import MAX_ID_BYTES

    store = request.app.state.store
    # No stored Signal has a longer id (the Signal boundary refuses it), and an engine may
    # fail on one (Elasticsearch: over 512 bytes) instead of finding nothing.
    too_long = len(signal_id.encode("utf-8", "surrogatepass")) > MAX_ID_BYTES
    signal = None if too_long else store_call(lambda: store.get(signal_id))
    if signal is None:
        raise ApiError(404, f"no signal with id {signal_id[:80]!r}")
    return signal.to_dict()


@router.get("/timeseries", dependencies=[Depends(require_read)], summary="Signal counts over time")
def timeseries(
    request: Request,
    filters: Annotated[Filters, Depends()],
    interval: Annotated[str, Param(description="Bucket width: " + ", ".join(INTERVALS) + ", or a duration that divides a day.",
                                   max_length=20)] = "1h",
    by: Annotated[str | None, Param(description="Split by a field: " + ", ".join(FACET_FIELDS) + ".")] = None,
    size: Annotated[int, Param(ge=1, le=100, description="At most this many keys when split.")] = 10,
) -> dict[str, Any]:
    """Counts (and summed ``report_count``) per fixed bucket, optionally one series per key."""
    if by is not None and by not in FACET_FIELDS:
        raise ApiError(400, f"by: cannot split by {by[:40]!r}; choose from {', '.join(FACET_FIELDS)}")
    query = filters.query(limit=0, sort="oldest", highlight=False)
    store = request.app.state.store
    buckets = store_call(lambda: store.histogram(query, interval, by=by, size=size), bad_input_prefix="interval")
    return {"interval": interval, "by": by,
            "buckets": [{"start": to_iso(b.start), "key": b.key, "count": b.count, "reports": b.reports} for b in buckets]}


@router.post("/signals", dependencies=[Depends(require_write)], summary="Ingest signals (JSON Lines)",
             openapi_extra={"requestBody": {"required": True, "content": {
                 "application/x-ndjson": {"schema": {"type": "string"}},
                 "application/json": {"schema": {"type": "array", "items": {"type": "object"}}}}}})
async def ingest_signals(
    request: Request,
    tag: Annotated[bool, Param(description="Tag services, regions and symptoms (keeps tags already set).")] = True,
) -> dict[str, Any]:
    """Store Signals sent as JSON Lines (or one JSON array); bad lines are reported, the rest stored."""
    is_array = request.headers.get("content-type", "").split(";")[0].strip() == "application/json"
    body = await _spool_body(request)
    tagger = request.app.state.tagger() if tag else None
    from starlette.concurrency import run_in_threadpool

    from outagewatch.jsonl import read_array, read_signals
    from outagewatch.pipeline import ingest_records

    store = request.app.state.store
    step = request.app.state.after_batch

    def ingest():
        with body:
            if is_array and _first_byte(body) != b"[":
                raise ApiError(400, "a JSON body must be an array of Signal objects "
                                    "(or send JSON Lines as application/x-ndjson)")
            records = read_array(body) if is_array else read_signals(body)
            report = ingest_records(store, records, tag=tagger)
        if step is not None and report.stored.new + report.stored.updated:
            step(store, earliest=report.earliest)  # incidents current, alerts sent, before we answer
        return report

    report = await run_in_threadpool(store_call, ingest)
    if report.rejected_total and not report.stored.total:
        # Nothing was good: the request itself is wrong, and says where.
        shown = "; ".join(str(r) for r in report.rejected[:3])
        more = f" (and {report.rejected_total - 3} more)" if report.rejected_total > 3 else ""
        raise ApiError(400, f"no signal stored: {shown}{more}")
    return report.to_dict()


async def _spool_body(request: Request):
    """The body, streamed into a temporary file that spills to disk past 1 MiB: the
    server's memory follows one batch of Signals, not the size of the upload."""
    import tempfile

    spool = tempfile.SpooledTemporaryFile(max_size=1 << 20)
    size, blank = 0, True
    try:
        async for chunk in request.stream():
            size += len(chunk)
            if size > MAX_INGEST_BYTES:
                raise ApiError(413, f"the body is larger than {MAX_INGEST_BYTES // 1_048_576} MiB; send it in parts")
            blank = blank and not chunk.strip()
            spool.write(chunk)
        if blank:
            raise ApiError(400, "the body is empty: send Signals as JSON Lines, one object a line")
    except BaseException:
        spool.close()
        raise
    spool.seek(0)
    return spool


def _first_byte(stream) -> bytes:
    """The first non-blank byte, leaving the stream where it was."""
    start = stream.tell()
    while (byte := stream.read(1)) and byte.isspace():
        pass
    stream.seek(start)
    return byte
