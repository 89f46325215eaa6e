"""The bundled 2020-11-25 capture's tagged Signals (``tests/data``, exported from a real
replay): correlation names aws / aws:us-east-1 ahead of AWS's first post (14:36 UTC)."""

from __future__ import annotations

import gzip
from datetime import datetime, timezone
from pathlib import Path

from outagewatch.correlate import recompute
from outagewatch.jsonl import Rejected, read_signals
from outagewatch.search.sqlite import SQLiteStore

DATA = Path(__file__).resolve().parents[1] / "data" / "aws-us-east-1-2020-11-25.jsonl.gz"
FIRST_AWS_POST = datetime(2020, 11, 25, 14, 36, tzinfo=timezone.utc)


def test_capture_names_the_region_before_aws_posts(tmp_path):
    with gzip.open(DATA, "rb") as lines:
        signals = [s for s in read_signals(lines) if not isinstance(s, Rejected)]
    store = SQLiteStore(tmp_path / "capture.db")
    store.upsert(signals)
    incidents = recompute(store, now=max(s.published_at for s in signals)).incidents
    store.close()
    aws = [i for i in incidents if i.common_cause and i.common_cause.get("region") == "aws:us-east-1"
           and i.first_official_at == FIRST_AWS_POST]
    assert len(aws) == 1
    incident = aws[0]
    assert incident.common_cause["provider"] == "aws"
    assert incident.detected_at < FIRST_AWS_POST
    assert incident.common_cause_named_at < FIRST_AWS_POST
    assert {"roku", "flickr", "adobe"} <= set(incident.services)
    # the GCP Cloud SQL episode of the same evening is its own incident
    assert not any("gcp" in i.providers for i in aws)
