"""Prometheus counters shared by the collectors, ingest and the API.

They live in one tiny module so that every process that collects or stores Signals
counts the same way, and whichever process exposes ``/metrics`` (the API, or a
collector via :func:`serve_metrics`) shows the same names. Counters only grow inside
one process; what the store holds (signals, incidents) is read at scrape time by the
API instead, so that it is right whichever process wrote it.
"""

from __future__ import annotations

from prometheus_client import Counter

COLLECTED = Counter("outagewatch_collected_signals", "Signals a collector produced, by source.",
                    ["source_kind", "source"])
COLLECT_ERRORS = Counter("outagewatch_collect_errors", "Failed fetches or unreadable items, by source.",
                         ["source"])
INGESTED = Counter("outagewatch_ingested_signals", "Signals written to the store, by what the write did.",
                   ["outcome"])


def record_collected(source_kind: str, source: str, count: int = 1) -> None:
    COLLECTED.labels(source_kind=source_kind, source=source).inc(count)


def record_error(source: str, count: int = 1) -> None:
    COLLECT_ERRORS.labels(source=source).inc(count)


def record_ingest(result, rejected: int = 0) -> None:
    """Count an :class:`~outagewatch.search.store.UpsertResult` and the lines rejected before it."""
    for outcome in ("new", "updated", "unchanged"):
        value = getattr(result, outcome, 0)
        if value:
            INGESTED.labels(outcome=outcome).inc(value)
    if rejected:
        INGESTED.labels(outcome="rejected").inc(rejected)


def serve_metrics(port: int, host: str = "127.0.0.1") -> None:
    """Expose this process's counters on ``http://host:port/metrics`` (for a long-running collector)."""
    from prometheus_client import start_http_server

    start_http_server(port, addr=host)
