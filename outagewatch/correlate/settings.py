"""The knobs of detection, in one place so that benchmarks and tests name what they tune."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Settings:
    interval: int = 300
    """Bucket width in seconds."""
    recent_window: int = 6 * 3600
    """Seconds of preceding buckets whose median is the baseline while history is short."""
    min_history: int = 24
    """Buckets of history (2 h) needed before a window is scored at all (for a report page,
    the points published in as long)."""
    tod_days: int = 7
    """Days of same-time-of-day buckets for the daily baseline; used once two days exist."""
    tod_half_width: int = 6
    """Buckets either side of the same time of day whose rate counts (an hour in all)."""
    windows: tuple[int, ...] = (1, 3, 6, 12)
    """Window lengths in buckets (5, 15, 30, 60 minutes) whose counts are scored."""
    score_on: dict[str, float] = field(default_factory=lambda: {"social": 4.0, "news": 4.0, "reports": 4.0})
    """A run of one series opens when some window's count has ``-log10 P(X >= count) >=`` this
    under the series' recent rate (4.0: one in ten thousand)."""
    short_history: int = 12
    short_weight: float = 1.0
    """The rate is at least ``short_weight`` times the rate of the ``short_history`` buckets
    before the window (an hour): levels drift within a day faster than six hours follow."""
    min_ratio: float = 2.0
    """A window must also hold this many times its expected count."""
    pooled_score_on: float = 2.9
    """The same for an upstream's pool, whose window must also be broad (see ``pool_min_members``):
    breadth is evidence of its own, so about one in a thousand suffices (2.9: ten
    people in 30 minutes against one per ten minutes)."""
    pooled_windows: tuple[int, ...] = (3, 6, 12)
    """A pool is scored over 15 minutes at least: five services' complaints take a while to add up,
    and a 5-minute window of a busy pool is mostly noise."""
    score_off: dict[str, float] = field(default_factory=lambda: {"social": 2.0, "news": 2.0, "reports": 2.0})
    """While a run lasts, a window scoring this (2.0: p < 0.01) against the frozen rate keeps it going."""
    settle: dict[str, int] = field(default_factory=lambda: {"reports": 12})
    """Buckets after which a run of this kind must also stand out against its own level over
    that many buckets before each window (0 or absent: the rate stays frozen for the whole run;
    see ``detect._settled``). Report pages only (an hour): a page's daytime level after a quiet
    night looks like an outage against the night, and a frozen rate then hides the real jump
    hours later inside that run (chosen by cross-validation on the Downdetector archive).
    Chatter keeps its rate frozen: a long outage must not become its own normal."""
    point_jump: dict[str, float] = field(default_factory=lambda: {"reports": 3.0})
    point_rise: dict[str, float] = field(default_factory=lambda: {"reports": 4.0})
    point_level: int = 4
    """Report pages: the newest point of a window that opens a run must jump over the page's
    recent level: at least ``point_jump`` times the median of its ``point_level`` points before
    it (an hour), or ``point_rise`` times the median of the ``point_level`` points before those
    (a steep rise spread over two hours), and improbable under the Poisson-gamma predictive of
    that level (p < 0.01; ``detect._jumped``). A page's counts rise from a quiet night to their
    daytime level over hours, each point a little above the last: summed over a window that
    rise looks like an outage against the night, but no point jumps. An outage's first points
    are several times the level before them (the Downdetector archive's onsets: 3x-1000x).
    0 or absent: no such test. Not cross-validated (see docs/benchmarks.md)."""
    min_count: dict[str, int] = field(default_factory=lambda: {"social": 4, "news": 3, "reports": 20})
    """People (reports, for report pages) a window needs before it is scored at all."""
    prior_count: float = 0.1
    prior_units: float = 2.0
    """The rate's prior: ``prior_count`` in ``prior_units`` units (a series without history is
    not silent; a few posts on a quiet series with little history are not a certainty)."""
    people_passes: int = 4
    """Rounds of recounting people where a run would open (see ``detect.detect_all``)."""
    overdispersion: float = 1.5
    """History whose variance exceeds this many times its mean is negative binomial."""
    pool_min_members: int = 3
    pool_rest_scores: tuple[float, ...] = (2.0, 1.3)
    """A pooled window without texts naming the upstream needs ``pool_min_members`` members
    with chatter; without its largest member it must still score 2.0 (p < 0.01), and without
    its two largest 1.3 (p < 0.05): one or two services' own outages do not name an upstream."""
    onset_reach: int = 24
    """Buckets (2 h) before a run's crossing window over which its ``started_at`` may be traced
    back to where the rise began (``detect._onset``)."""
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
