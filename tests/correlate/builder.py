"""A small builder of Signals for correlation stories: background chatter plus whatever
the story needs (a spike, a ramp, a provider's status updates, report-page counts).

Deterministic (seeded), tags set by hand (as a tagger would), so that each test reads as
"Roku chatter is quiet for a day, then 40 posts in ten minutes".
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from outagewatch.signal import Signal

T0 = datetime(2020, 11, 25, 0, 0, tzinfo=timezone.utc)


def at(hhmm: str, day: int = 0) -> datetime:
    hours, minutes = hhmm.split(":")
    return T0 + timedelta(days=day, hours=int(hours), minutes=int(minutes))


@dataclass
class Story:
    seed: int = 1
    signals: list[Signal] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)
        self._n = 0

    def _id(self) -> str:
        self._n += 1
        return f"n{self._n}"

    def post(self, when: datetime, service: str | None = None, text: str = "", *, providers=(), regions=(),
             kind: str = "social", source: str = "x:search:outage", likes: int = 0) -> Signal:
        signal = Signal(source_kind=kind, source=source, published_at=when,
                        text=text or f"{service or 'something'} is down for me", native_id=self._id(),
                        services=[service] if service else [], providers=list(providers), regions=list(regions),
                        raw={"public_metrics": {"like_count": likes, "retweet_count": likes // 3}} if kind == "social" else None)
        self.signals.append(signal)
        return signal

    def background(self, service: str, start: datetime, hours: float, per_hour: float, **kw) -> None:
        """Poisson chatter: people mention services all the time."""
        t = start
        end = start + timedelta(hours=hours)
        while True:
            t += timedelta(seconds=self.rng.expovariate(per_hour / 3600))
            if t >= end:
                return
            self.post(t, service, f"{service} ok today?", **kw)

    def burst(self, service: str, start: datetime, minutes: float, count: int, **kw) -> None:
        for i in range(count):
            self.post(start + timedelta(seconds=minutes * 60 * (i + 0.5) / count), service, **kw)

    def ramp(self, service: str, start: datetime, minutes: int, peak_per_5min: int, **kw) -> None:
        steps = minutes // 5
        for step in range(steps):
            n = round(peak_per_5min * (step + 1) / steps)
            self.burst(service, start + timedelta(minutes=5 * step), 5, n, **kw)

    def status(self, when: datetime, status: str, text: str, *, source: str = "aws-health:kinesis-us-east-1",
               services=("aws/kinesis",), providers=("aws",), regions=("aws:us-east-1",)) -> Signal:
        signal = Signal(source_kind="status", source=source, published_at=when, text=text, status=status,
                        title=f"Increased error rates ({status})", native_id=self._id(), services=list(services),
                        providers=list(providers), regions=list(regions))
        self.signals.append(signal)
        return signal

    def reports(self, service: str, start: datetime, counts: list[int], every: int = 15, **kw) -> None:
        """Report-page counts: each is the reports in the ``every`` minutes ending at its time."""
        for i, count in enumerate(counts):
            when = start + timedelta(minutes=every * (i + 1))
            self.signals.append(Signal(source_kind="reports", source=f"reports:downdetector/{service}",
                                       published_at=when, text=f"{count} reports", report_count=count,
                                       native_id=self._id(), services=[service], **kw))

    def news(self, when: datetime, service: str, title: str, **kw) -> Signal:
        signal = self.post(when, service, title, kind="news", source="news:theverge", **kw)
        signal.title = title
        signal.url = f"https://news.example/{self._n}"
        return signal
