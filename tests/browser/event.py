"""The bundled event for the dashboard tests: the 2020-11-25 capture, correlated for real.

Signals come from ``tests/data`` (the capture replayed and exported by the real tools,
see its README); incidents are computed by :func:`outagewatch.correlate.recompute`.
"""

from __future__ import annotations

import gzip
from pathlib import Path

from outagewatch.correlate import recompute
from outagewatch.pipeline import ingest_stream

EVENT = Path(__file__).resolve().parents[1] / "data" / "aws-us-east-1-2020-11-25.jsonl.gz"


def load_event(store) -> dict:
    """Store the event, correlate it, and return the incident whose common cause is AWS us-east-1."""
    with gzip.open(EVENT, "rb") as stream:
        report = ingest_stream(store, stream, tag=None)
    assert report.rejected_total == 0, report.rejected[:3]
    recompute(store)
    found = [i for i in store.list_incidents() if (i.get("common_cause") or {}).get("region") == "aws:us-east-1"]
    assert len(found) == 1, [i["title"] for i in store.list_incidents()]
    return found[0]
