"""The knobs of detection, in one place so that benchmarks and tests name what they tune."""

from __future__ import annotations

from dataclasses import dataclass, field

from outagewatch.incidents import LEVELS  # noqa: F401 - one definition, re-exported for detection

CHATTER_KINDS = ("social", "news", "reports")


@dataclass(frozen=True)
class Settings:
    interval: int = 300
    """Bucket width in seconds."""
    recent_window: int = 6 * 3600
    """Seconds of preceding buckets whose median is the baseline while history is short."""
    min_history: int = 3
    """Buckets of history needed before a bucket is scored at all."""
    tod_days: int = 7
    """Days of same-time-of-day buckets for the daily baseline; used once two days exist."""
    z_on: float = 4.0
    z_off: float = 1.5
    min_ratio: float = 2.0
    """A spike must also be this many times the baseline, so busy series need a real jump."""
    min_count: dict[str, int] = field(default_factory=lambda: {"social": 5, "news": 3, "reports": 10})
    close_after: int = 2400
    """Quiet seconds after the last spiking bucket before a run (and an incident) closes."""
    report_hold: int = 900
    """A report-count Signal stands for this long (report pages publish every 15 minutes)."""
    official_timeout: int = 6 * 3600
    """An official 'investigating' with no later update is taken as over after this long."""
    history: int = 8 * 86400
    """How far back a recomputation reaches for baselines before the first scored bucket
    (a day more than ``tod_days``, so a window and a full run see the same history)."""

    @property
    def close_buckets(self) -> int:
        return max(1, -(-self.close_after // self.interval))

    @property
    def recent_buckets(self) -> int:
        return max(self.min_history, self.recent_window // self.interval)

    @property
    def day_buckets(self) -> int:
        return 86400 // self.interval

    @property
    def hold_buckets(self) -> int:
        return max(1, -(-self.report_hold // self.interval))
