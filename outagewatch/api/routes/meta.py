"""Health, Prometheus metrics and the catalog."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, generate_latest
from prometheus_client.core import GaugeMetricFamily

from outagewatch.api.auth import require_read
from outagewatch.api.errors import ApiError

router = APIRouter(tags=["meta"])


@router.get("/health", summary="Liveness and store reachability")
def health(request: Request) -> Response:
    """200 when the store answers, 503 when it does not (compose and load balancers poll this)."""
    store = request.app.state.store
    try:
        total = store.count(_everything())
    except Exception as exc:  # noqa: BLE001 - any failure means "not healthy", said briefly
        return JSONResponse({"status": "unavailable", "store": {"backend": _backend(store),
                                                                  "error": type(exc).__name__}}, status_code=503)
    return JSONResponse({"status": "ok", "store": {"backend": _backend(store), "signals": total}})


def _everything():
    from outagewatch.search.query import Query

    return Query(limit=0)


def _backend(store: Any) -> str:
    return getattr(store, "backend", type(store).__name__)


class StoreCollector:
    """What the store holds, read at scrape time: right whichever process wrote it."""

    def __init__(self, store: Any) -> None:
        self.store = store

    def collect(self):
        stats = self.store.stats()
        signals = GaugeMetricFamily("outagewatch_signals_stored", "Signals in the store, by source kind.",
                                    labels=["source_kind"])
        for kind, count in sorted(stats.by_kind.items()):
            signals.add_metric([kind], count)
        yield signals
        incidents = GaugeMetricFamily("outagewatch_incidents", "Incidents in the store, by status and evidence level.",
                                      labels=["status", "evidence_level"])
        counts: dict[tuple[str, str], int] = {}
        from outagewatch.incidents import stored

        for incident in stored(self.store):
            key = (incident.status, incident.evidence_level)
            counts[key] = counts.get(key, 0) + 1
        for (status, level), count in sorted(counts.items()):
            incidents.add_metric([status, level], count)
        yield incidents
        if stats.last_published is not None:
            yield GaugeMetricFamily("outagewatch_last_signal_published_timestamp_seconds",
                                    "When the newest stored signal was published.",
                                    value=stats.last_published.timestamp())


@router.get("/metrics", dependencies=[Depends(require_read)], summary="Prometheus metrics",
            response_class=Response, responses={200: {"content": {"text/plain": {}}}})
def metrics(request: Request) -> Response:
    """Collection, ingest and error counters of this process, and what the store holds."""
    import outagewatch.metrics  # noqa: F401 - registers the shared counters

    own = CollectorRegistry()
    own.register(StoreCollector(request.app.state.store))
    try:
        body = generate_latest(REGISTRY) + generate_latest(own)
    except Exception as exc:  # noqa: BLE001
        raise ApiError(503, f"the store cannot answer right now ({type(exc).__name__}); try again") from None
    return Response(body, media_type=CONTENT_TYPE_LATEST)


@router.get("/api/catalog", dependencies=[Depends(require_read)], summary="Providers, regions and services")
def catalog() -> dict[str, Any]:
    from outagewatch.catalog import load_catalog

    return load_catalog().to_dict()
