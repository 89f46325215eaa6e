"""A small, readable stand-in for the 2020-11-25 Kinesis outage, stored for real.

Signals are built with their tags set (as a source that knows its service would), so
these tests do not depend on the spaCy tagger; incidents are the dicts correlation
stores. Both go through the real store's own write path.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from outagewatch.pipeline import store_signals
from outagewatch.signal import Signal

T0 = datetime(2020, 11, 25, 13, 0, tzinfo=timezone.utc)
INCIDENT_ID = "inc-20201125-aws-us-east-1"
QUIET_ID = "inc-20201120-netflix"


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def _signal(n: int, kind: str, source: str, minutes: float, text: str, **fields) -> Signal:
    return Signal(source_kind=kind, source=source, published_at=at(minutes), text=text, native_id=f"{source}#{n}",
                  collected_at=at(minutes + 1), **fields)


def outage_signals() -> list[Signal]:
    signals: list[Signal] = []
    n = 0
    for minute in range(20, 200, 6):
        n += 1
        signals.append(_signal(n, "social", "x:search:roku down", minute,
                               f"Roku is down again, channels will not load #{n}", services=["roku"],
                               symptoms=["outage"], lang="en", author=f"@viewer{n}",
                               url=f"https://x.com/viewer{n}/status/{1000 + n}"))
    for minute in range(35, 190, 10):
        n += 1
        signals.append(_signal(n, "social", "x:search:flickr", minute,
                               f"Flickr uploads failing for an hour now #{n}", services=["flickr"], lang="en"))
    for minute in range(40, 180, 15):
        n += 1
        signals.append(_signal(n, "social", "x:search:adobe", minute,
                               f"Adobe Creative Cloud sign in broken, AWS outage? #{n}", services=["adobe"],
                               providers=["aws"], lang="en"))
    for minute in range(30, 210, 15):
        n += 1
        signals.append(_signal(n, "reports", "reports:downdetector/roku", minute, "User reports for Roku",
                               services=["roku"], report_count=40 + 25 * (minute // 15)))
    n += 1
    signals.append(_signal(n, "status", "aws-health:kinesis-us-east-1", 140,
                           "We are investigating increased error rates for Kinesis Data Streams in the US-EAST-1 Region.",
                           title="Increased Error Rates", services=["aws/kinesis"], providers=["aws"],
                           regions=["aws:us-east-1"], status="investigating",
                           url="https://status.aws.amazon.com/#kinesis-us-east-1_1606320000"))
    n += 1
    signals.append(_signal(n, "news", "news:theverge", 230,
                           "An AWS Kinesis outage in us-east-1 is taking down Roku, Flickr and Adobe",
                           title="AWS outage takes down a big chunk of the internet", services=["roku", "flickr", "adobe", "aws/kinesis"],
                           providers=["aws"], regions=["aws:us-east-1"], url="https://www.theverge.com/aws-outage"))
    for hours in (1, 2, 3):  # quiet chatter days before, outside the incident
        n += 1
        signals.append(_signal(n, "social", "x:search:netflix", -24 * 60 * 5 + hours * 60,
                               "Netflix buffering on my TV tonight", services=["netflix"], lang="en"))
    return signals


def outage_incidents() -> list[dict]:
    return [
        {"id": INCIDENT_ID, "title": "Roku, Flickr and Adobe degraded: likely AWS us-east-1", "status": "open",
         "services": ["roku", "flickr", "adobe", "aws/kinesis"], "providers": ["aws"], "regions": ["aws:us-east-1"],
         "started_at": at(20), "detected_at": at(45), "peak_at": at(120), "ended_at": None,
         "evidence_level": "strong", "signal_counts": {"social": 55, "reports": 12, "status": 1, "news": 1},
         "report_count": 1500,
         "common_cause": {"provider": "aws", "region": "aws:us-east-1", "service": "aws/kinesis", "confidence": 0.82,
                          "confirmed": True,
                          "evidence": ["roku, flickr and adobe depend on aws:us-east-1",
                                       "aws-health:kinesis-us-east-1 reported increased error rates"]},
         "common_cause_named_at": None, "first_official_at": at(140), "lead_minutes": 95.0, "feedback": None,
         "cause_history": [{"at": at(45), "provider": "aws", "region": None, "service": None, "confidence": 0.57},
                           {"at": at(140), "provider": "aws", "region": "aws:us-east-1", "service": "aws/kinesis",
                            "confidence": 0.82}]},
        {"id": QUIET_ID, "title": "Netflix buffering", "status": "closed", "services": ["netflix"], "providers": [],
         "regions": [], "started_at": at(-24 * 60 * 5 + 60), "detected_at": at(-24 * 60 * 5 + 120),
         "peak_at": at(-24 * 60 * 5 + 120), "ended_at": at(-24 * 60 * 5 + 180), "evidence_level": "weak",
         "signal_counts": {"social": 3}, "report_count": 0, "common_cause": None, "common_cause_named_at": None, "first_official_at": None,
         "lead_minutes": None, "feedback": None},
    ]


def fill(store) -> None:
    store_signals(store, outage_signals())
    store.upsert_incidents(outage_incidents())
