"""Prometheus metrics of this process, counted where the work happens.

The scheduler counts what each source fetched, rejected and failed on (by kind of
failure), when it last succeeded and how long a fetch takes; ingest (CLI or API) counts
what each write did; the correlation step after a stored batch sets how many incidents are
open. Whichever process exposes ``/metrics`` (the API, or a collector started with
``collect --watch --metrics-port N``, via :func:`serve_metrics`) shows the same names.
What the store holds (signals by kind, incidents by status) is read at scrape time by the
API instead, so that it is right whichever process wrote it.
"""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

COLLECTED = Counter("outagewatch_collected_signals", "Signals a source produced (new or changed since its checkpoint).",
                    ["source", "kind"])
REJECTED = Counter("outagewatch_rejected_items", "Items a source served that could not become Signals.",
                   ["source", "kind"])
COLLECT_ERRORS = Counter("outagewatch_collect_errors", "Failed fetches or stores, by source and kind of failure.",
                         ["source", "error"])
LAST_SUCCESS = Gauge("outagewatch_source_last_success_timestamp_seconds",
                     "When each source was last fetched and stored without an error (Unix time).", ["source"])
FETCH_SECONDS = Histogram("outagewatch_fetch_seconds", "Time to fetch a source once, retries included.", ["source"],
                          buckets=(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120))
INGESTED = Counter("outagewatch_ingested_signals", "Signals written to the store, by what the write did.",
                   ["outcome"])
INCIDENTS_OPEN = Gauge("outagewatch_incidents_open", "Open incidents after this process's last correlation step.")


def record_fetch(source: str, kind: str, seconds: float, *, signals: int = 0, rejected: int = 0,
                 error: str | None = None, finished_at: float | None = None) -> None:
    """One fetch of ``source``: its latency, then what it produced or how it failed."""
    FETCH_SECONDS.labels(source=source).observe(seconds)
    if signals:
        COLLECTED.labels(source=source, kind=kind).inc(signals)
    if rejected:
        REJECTED.labels(source=source, kind=kind).inc(rejected)
    if error is not None:
        COLLECT_ERRORS.labels(source=source, error=error).inc()
    elif finished_at is not None:
        LAST_SUCCESS.labels(source=source).set(finished_at)


def record_ingest(result, rejected: int = 0) -> None:
    """Count an :class:`~outagewatch.search.store.UpsertResult` and the lines rejected before it."""
    for outcome in ("new", "updated", "unchanged"):
        value = getattr(result, outcome, 0)
        if value:
            INGESTED.labels(outcome=outcome).inc(value)
    if rejected:
        INGESTED.labels(outcome="rejected").inc(rejected)


def record_incidents(result) -> None:
    """After a correlation step (:class:`outagewatch.correlate.Result`): how many incidents are open."""
    INCIDENTS_OPEN.set(sum(1 for i in result.incidents if i.is_open))


def serve_metrics(port: int, host: str = "127.0.0.1"):
    """Expose this process's metrics on ``http://host:port/metrics`` (a long-running collector);
    returns the server so that the caller can shut it down."""
    from prometheus_client import start_http_server

    server, _thread = start_http_server(port, addr=host)
    return server
