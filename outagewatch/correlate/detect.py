"""Runs: stretches of one series (or one official status feed) that say "something is wrong".

A chatter run opens on the first bucket where some window (5, 15, 30, 60 minutes) holds a
count that the series' own recent rate makes improbable (:mod:`outagewatch.correlate.stats`),
keeps that rate frozen (a long outage must not become its own normal), continues while
any window stays above a lower score, and closes after ``close_after`` of quiet.

Series are an entity's own chatter, or an upstream's pool (:mod:`outagewatch.correlate.pool`):
a pooled run opens only when several members carry it or texts name the upstream. Counts
come from the store's per-tag rollup first (cheap, an upper bound); wherever that finds a
run, the Signals of that span are read and counted as people (:mod:`outagewatch.correlate.people`)
and the span is scored again, so reposts, repeat authors and copies never make a run.

An official run opens with a status feed's first non-resolved update and closes with its
``resolved``. Runs are the atoms that :mod:`outagewatch.correlate.group` assembles into incidents.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from outagewatch.catalog import Catalog, load_catalog
from outagewatch.correlate.affected import affected_regions, wide_scope
from outagewatch.correlate.people import person_keys, window_people
from outagewatch.correlate.pool import pools
from outagewatch.correlate.series import FIELD_KIND, Entity, Grid, Series, fetch_cells, load_series
from outagewatch.correlate.settings import Settings
from outagewatch.correlate.stats import estimate, rolling, tail_score
from outagewatch.search.query import Query
from outagewatch.signal import Signal
from outagewatch.timeutil import ensure_utc

ENTITY_FIELD = {kind: name for name, kind in FIELD_KIND.items()}


@dataclass
class Run:
    entities: frozenset[Entity]
    kind: str  # social | news | reports | status
    started_at: datetime
    detected_at: datetime
    ended_at: datetime | None  # end of the last active bucket; None while open
    peak_at: datetime
    peak: float
    z: float
    # chatter runs: bucket indices and their z against the frozen baseline
    active: list[tuple[int, float]] = field(default_factory=list)
    base: float = 0.0
    need: float = 0.0
    first: int = 0
    window: int = 1
    """Buckets of the window that crossed."""
    carriers: dict[str, int] = field(default_factory=dict)
    """Pooled runs: the members whose chatter carried it ("service:roku" -> posts)."""
    opened_by: dict[str, int] = field(default_factory=dict)
    """Pooled runs: the carriers already in the window that opened it."""
    pooled: bool = False
    named: bool = True
    """Texts name the run's own entity (always, for an own series; for a pool, when its own
    texts alone reach the minimum count in the crossing window)."""
    # official runs: the status Signals, oldest first
    updates: list[Signal] = field(default_factory=list)
    prefixes: list[tuple[frozenset[Entity], bool]] = field(default_factory=list)
    """Official runs: (entities, wide) as known after each update (see :func:`as_known`)."""
    wide: bool = False
    """Official runs: some update says the problem spans the provider's regions ("recovered in
    all regions except us-central1", "errors globally"; :func:`affected.wide_scope`)."""

    @property
    def official(self) -> bool:
        return self.kind == "status"

    def last_time(self, close_after: timedelta) -> datetime | None:
        return None if self.ended_at is None else self.ended_at + close_after


@dataclass
class Track:
    """One series to score: an entity's own chatter, or an upstream's pool of it."""

    entity: Entity
    kind: str
    values: np.ndarray
    """Posts (or summed reports) per bucket, from the rollup."""
    signals: np.ndarray
    """Signals per bucket."""
    members: dict[Entity, np.ndarray] = field(default_factory=dict)
    """Pooled tracks: each member's own values (the upstream's own texts included)."""
    associates: dict[Entity, np.ndarray] = field(default_factory=dict)
    """A provider region's pool: services that depend on its provider without naming any of
    its regions (catalog ``depends_on: [aws]``). They may be in the region and may not, so
    they never count toward the pool; a run's carriers include those whose chatter rose with
    it (see :func:`carriers`)."""

    @property
    def pooled(self) -> bool:
        return len(self.members) > 1

    @property
    def exposure(self) -> np.ndarray:
        """Buckets that are units of the rate: every bucket of chatter; for report pages,
        the buckets where a point was published."""
        return self.signals > 0 if self.kind == "reports" else np.ones(len(self.values), dtype=bool)


def tracks_of(series: dict[tuple[Entity, str], Series], catalog: Catalog) -> list[Track]:
    """Every own series, with an upstream's own series replaced by its pool where other
    members have chatter of the same kind."""
    def own(s: Series) -> np.ndarray:
        # a report page's count stands in the bucket it was published in (the series
        # holds it forward for charts; windows here count points, so no holding)
        return np.where(s.signals > 0, s.values, 0.0) if s.kind == "reports" else s.values

    out: dict[tuple[Entity, str], Track] = {
        key: Track(s.entity, s.kind, own(s), s.signals) for key, s in series.items()}
    # report pages are not pooled: each page has its own scale and audience, and three
    # customers' pages summed are not a page about their region
    kinds = {kind for _, kind in series if kind != "reports"}
    loose = loose_dependants(catalog)
    for upstream, members in pools(catalog).items():
        for kind in kinds:
            present = {m: series[(m, kind)] for m in members if (m, kind) in series}
            if sum(1 for m in present if m != upstream) < 1 or len(present) < 2:
                continue
            values = sum(own(s) for s in present.values())
            signals = sum(s.signals for s in present.values())
            associates = {}
            if upstream[0] == "region":
                associates = {m: own(series[(m, kind)]) for m in loose.get(upstream[1], ())
                              if (m, kind) in series and m not in present}
            out[(upstream, kind)] = Track(upstream, kind, values, signals,
                                          {m: own(s) for m, s in present.items()}, associates)
    return list(out.values())


def loose_dependants(catalog: Catalog) -> dict[str, list[Entity]]:
    """Provider region -> services that depend on its provider but name none of its regions."""
    by_provider: dict[str, list[Entity]] = {}
    for service_id in catalog.services:
        providers, regions, _ = catalog.dependencies(service_id)
        for provider in providers:
            if not any(r.startswith(provider + ":") for r in regions):
                by_provider.setdefault(provider, []).append(("service", service_id))
    return {region.id: by_provider.get(region.provider, []) for region in catalog.regions.values()}


@dataclass
class _Frozen:
    mean: float   # per unit
    size: float   # per unit (inf: Poisson)
    evidence: float

    def window(self, units: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        size = np.where(units > 0, self.size * np.maximum(units, 1e-9), np.inf)
        return self.mean * units, np.minimum(size, max(self.mean * self.evidence, 0.5))


def _units(track: Track, settings: Settings) -> dict[int, np.ndarray]:
    exposure = track.exposure.astype(np.float64)
    return {w: rolling(exposure, w) for w in settings.windows}


def score_track(track: Track, counts: dict[int, np.ndarray], grid: Grid, settings: Settings,
                score_from: int, complete: int | None = None) -> list[Run]:
    """The runs of one track given its window counts (posts or people per window).
    ``complete``: buckets before this index are over; a pool is judged on whole buckets only
    (its breadth is a property of the bucket, not of a moment inside it)."""
    kind = track.kind
    minimum = settings.min_count.get(kind, 4)
    on, off = settings.score_on.get(kind, 4.0), settings.score_off.get(kind, 2.0)
    windows = settings.windows
    if track.pooled:
        on, windows = settings.pooled_score_on, settings.pooled_windows
    history_units = settings.min_history
    if kind == "reports":
        history_units = max(1, settings.min_history // settings.hold_buckets)
    width = settings.recent_buckets
    exposure = track.exposure
    units = _units(track, settings)
    arrival = (track.signals > 0) & exposure
    n = grid.size
    best = np.zeros(n)
    best_w = np.zeros(n, dtype=np.int64)
    models: dict[int, tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = {}
    cum_v = np.concatenate([[0.0], np.cumsum(track.values, dtype=np.float64)])
    cum_e = np.concatenate([[0.0], np.cumsum(exposure, dtype=np.float64)])
    for w in windows:
        cw = counts[w]
        cand = np.nonzero((cw >= minimum) & arrival)[0]
        cand = cand[cand >= score_from]
        if track.pooled and complete is not None:
            cand = cand[cand < complete]
        if len(cand) == 0:
            continue
        ends = np.maximum(cand - w + 1, 0)
        starts = np.maximum(ends - width, 0)
        hist_units = cum_e[ends] - cum_e[starts]
        raw = (cum_v[ends] - cum_v[starts] + settings.prior_count) / (hist_units + settings.prior_units)
        expected = 0.7 * raw * units[w][cand]
        short = settings.short_history
        s_lo = np.maximum(ends - short, 0)
        s_units = cum_e[ends] - cum_e[s_lo]
        # (a report page has 4 points an hour, fewer than the 6 units this needs, so the floor
        # never applies to it: :func:`_jumped` judges a page's point against its recent level)
        short_rate = np.where(s_units >= short / 2, (cum_v[ends] - cum_v[s_lo]) / np.maximum(s_units, 1), 0.0)
        floor = settings.min_ratio * np.maximum(expected, settings.short_weight * short_rate * units[w][cand])
        keep = (cw[cand] >= expected + 2 * np.sqrt(expected) + 1) & (cw[cand] >= floor) & (hist_units >= history_units)
        cand, ends, short_rate = cand[keep], ends[keep], short_rate[keep]
        if len(cand) == 0:
            continue
        model = estimate(track.values, exposure, ends, width, settings.prior_count, settings.prior_units,
                         settings.overdispersion)
        model.mean = np.maximum(model.mean, _same_time_rate(cum_v, cum_e, cand + 1, settings))
        # and at least the last hour's own rate (a series' level drifts within the day: the
        # morning rise after a quiet night is not an outage)
        model.mean = np.maximum(model.mean, settings.short_weight * short_rate)
        mean, size = model.window(units[w][cand])
        # a busy series needs a real jump as well: its rate drifts more within hours (a daily
        # rhythm) than its counts' noise, so significance alone would flag every morning
        big_enough = cw[cand] >= settings.min_ratio * mean
        if settings.point_jump.get(kind) or settings.point_rise.get(kind):
            big_enough &= _jumped(track, cand, settings)
        score = np.where((model.history >= history_units) & big_enough, tail_score(cw[cand], mean, size), 0.0)
        better = score > best[cand]
        best[cand[better]] = score[better]
        best_w[cand[better]] = w
        models[w] = (cand, model.mean, model.size, model.evidence)
    runs: list[Run] = []
    position = 0
    close = settings.close_buckets
    settle = settings.settle.get(kind, 0)
    for c in np.nonzero(best >= on)[0].tolist():
        if c < position:
            continue
        w = int(best_w[c])
        at, m_, z_, e_ = models[w]
        k = int(np.searchsorted(at, c))
        frozen = _Frozen(float(m_[k]), float(z_[k]), float(e_[k]))
        if track.pooled and not _broad(track, c, w, frozen, settings):
            continue
        # a long window lingers an hour after a short burst: a run continues on windows no
        # longer than the one it crossed with (15 minutes at least)
        keep = [v for v in windows if v <= max(3, w)]
        active = [(c, float(best[c]))]
        j, quiet, block = c + 1, 0, 48
        while j < n and quiet < close:
            hi = min(n, j + block)
            top = np.zeros(hi - j)
            for v in keep:
                mean, size = frozen.window(units[v][j:hi])
                value = tail_score(counts[v][j:hi], mean, size)
                if settle:
                    value = _settled(value, track, counts[v], units[v], j, hi, v, c + settle, settle, frozen,
                                     cum_v, cum_e)
                top = np.maximum(top, value)
            for offset, value in enumerate(top.tolist()):
                if value >= off:
                    active.append((j + offset, value))
                    quiet = 0
                else:
                    quiet += 1
                    if quiet >= close:
                        break
            j = j + offset + 1
            block = min(block * 2, 2048)
        closed = quiet >= close
        last = active[-1][0]
        start = _onset(track, c, w, frozen, settings)
        peak_index = max((a[0] for a in active), key=lambda i: (track.values[i], -i))
        mean_w, size_w = frozen.window(units[w][c:c + 1])
        need = _need(float(counts[w][c]), float(mean_w[0]), float(size_w[0]), on, minimum)
        runs.append(Run(
            entities=frozenset([track.entity]), kind=kind, started_at=grid.time(start),
            detected_at=grid.time(c), ended_at=grid.time(last + 1) if closed else None,
            peak_at=grid.time(peak_index), peak=float(track.values[peak_index]), z=float(best[c]),
            active=active, base=frozen.mean, need=need, first=c, window=w,
            pooled=track.pooled, named=not track.pooled or _own_named(track, c, w, settings),
        ))
        position = j
    return runs


def _onset(track: Track, c: int, w: int, frozen: _Frozen, settings: Settings) -> int:
    """Where the rise began, estimated back from the crossing bucket ``c`` with the data
    published by then: the first bucket of the crossing window above the rate, then back over
    earlier units while each is still improbable at that rate on its own (p < 0.05), for up to
    ``onset_reach`` buckets. ``started_at`` is this estimate; ``detected_at`` stays the moment
    the run could be known."""
    exposure = track.exposure
    start = c
    for b in range(max(c - w + 1, 0), c + 1):
        if exposure[b] and track.values[b] > frozen.mean:
            start = b
            break
    lo = max(start - settings.onset_reach, 0)
    units = np.flatnonzero(exposure[lo:start])[::-1] + lo  # earlier units, latest first
    if len(units) == 0:
        return start
    mean, size = frozen.window(np.ones(len(units)))
    values = track.values[units]
    rising = (values > frozen.mean) & (tail_score(values, mean, size) >= 1.3)
    quiet = np.flatnonzero(~rising)
    reach = int(quiet[0]) if len(quiet) else len(units)
    return int(units[reach - 1]) if reach else start


def _settled(value: np.ndarray, track: Track, count: np.ndarray, units: np.ndarray, j: int, hi: int, v: int,
             after: int, settle: int, frozen: _Frozen, cum_v: np.ndarray, cum_e: np.ndarray) -> np.ndarray:
    """Continuation scores once a run has lasted ``settle`` buckets: a window must also stand out
    against the run's own level over the ``settle`` buckets before it. A series that rose and
    then holds a steady level (a report page's daytime level after a quiet night, which a
    day of data cannot tell from an outage) stops being a run, so a later jump on top of it
    opens a run of its own instead of vanishing inside the first one."""
    idx = np.arange(j, hi)
    ok = idx >= after
    if not ok.any():
        return value
    end = np.maximum(idx - v + 1, 0)
    start = np.maximum(end - settle, 0)
    seen = cum_e[end] - cum_e[start]
    level = np.where(seen > 0, (cum_v[end] - cum_v[start]) / np.maximum(seen, 1), 0.0)
    width = units[j:hi]
    mean = np.maximum(level, frozen.mean) * width
    size = np.where(width > 0, frozen.size * np.maximum(width, 1e-9), np.inf)
    own = tail_score(count[j:hi], mean, size)
    return np.where(ok, np.minimum(value, own), value)


def _jumped(track: Track, cand: np.ndarray, settings: Settings) -> np.ndarray:
    """Report pages: does the point published at each of ``cand`` jump over the page's recent
    level? Either at least ``point_jump`` times the median of the ``point_level`` points before
    it (an hour), or at least ``point_rise`` times the median of the ``point_level`` points
    before those (a steep rise spread over two hours); and improbable (p < 0.01) under the
    Poisson-gamma predictive of that level (negative binomial, shape = the points' sum plus the
    prior). A daily rhythm (a quiet night becoming a busy day: each point a little above the
    last, at most about twice the level of two hours before) never is; an outage's first points
    are. A candidate with fewer earlier points is judged on those it has."""
    points = np.flatnonzero(track.exposure)
    k = settings.point_level
    pos = np.searchsorted(points, cand)  # earlier points of each candidate
    padded = np.concatenate([np.full(2 * k, np.nan), track.values[points]])
    value = track.values[cand]
    ok = np.zeros(len(cand), dtype=bool)
    for ratio, lag in ((settings.point_jump.get(track.kind), k), (settings.point_rise.get(track.kind), 2 * k)):
        if not ratio:
            continue
        rows = sliding_window_view(padded, k)[pos + 2 * k - lag]  # the k points ending ``lag - k`` before
        with np.errstate(all="ignore"):
            level = np.nan_to_num(np.nanmedian(rows, axis=1)) if len(rows) else np.zeros(0)
            total = np.nansum(rows, axis=1)
        mean = np.maximum(level, settings.prior_count / settings.prior_units)
        shape = np.maximum(total + settings.prior_count, 0.5)
        ok |= (value >= ratio * mean) & (tail_score(value, mean, shape) >= 2.0)
    return ok


def _same_time_rate(cum_v: np.ndarray, cum_e: np.ndarray, ends: np.ndarray, settings: Settings) -> np.ndarray:
    """The rate per unit in the hour around the same time on up to ``tod_days`` earlier days,
    once one exists (0 before): chatter has a daily rhythm, and the morning rise after a quiet
    night is not an outage."""
    day = settings.day_buckets
    half = settings.tod_half_width
    size = len(cum_v) - 1
    total = np.zeros(len(ends))
    units = np.zeros(len(ends))
    for d in range(1, settings.tod_days + 1):
        hi = ends - d * day + half
        lo = hi - 2 * half
        ok = lo >= 0
        hi_c, lo_c = np.clip(hi, 0, size), np.clip(lo, 0, size)
        total += np.where(ok, cum_v[hi_c] - cum_v[lo_c], 0.0)
        units += np.where(ok, cum_e[hi_c] - cum_e[lo_c], 0.0)
    enough = ends >= day
    return np.where(enough & (units > 0), total / np.maximum(units, 1), 0.0)


def _need(count: float, mean: float, size: float, on: float, minimum: int) -> float:
    """The smallest count of the crossing window that scores ``on``."""
    xs = np.arange(minimum, max(int(count), minimum) + 1, dtype=np.float64)
    ok = np.nonzero(tail_score(xs, mean, size) >= on)[0]
    return float(xs[ok[0]]) if len(ok) else count


def _own_named(track: Track, c: int, w: int, settings: Settings) -> bool:
    lo = max(c - w + 1, 0)
    own = track.members.get(track.entity)
    return own is not None and float(own[lo:c + 1].sum()) >= settings.min_count.get(track.kind, 4)


def _broad(track: Track, c: int, w: int, frozen: _Frozen, settings: Settings) -> bool:
    """Does the pooled window ending at bucket ``c`` name the upstream, or is it carried by
    several members, and still significant without its largest member? (One customer's own
    outage spilling into the pool must not name the upstream.)"""
    if _own_named(track, c, w, settings):
        return True
    lo = max(c - w + 1, 0)
    counts = {m: float(v[lo:c + 1].sum()) for m, v in track.members.items() if m != track.entity}
    active = [m for m, x in counts.items() if x > 0]
    if len(active) < settings.pool_min_members:
        return False
    start = max(lo - settings.recent_buckets, 0)
    span = max(lo - start, 1)
    rest, rest_history = float(track.values[lo:c + 1].sum()), float(track.values[start:lo].sum())
    ranked = sorted(active, key=lambda m: (-counts[m], m))
    # without its largest member the window must stay significant, and (more loosely)
    # without its two largest: the excess is spread over several members
    for top, need in zip(ranked, settings.pool_rest_scores):
        rest -= counts[top]
        rest_history -= float(track.members[top][start:lo].sum())
        rest_mean = max(rest_history / span, settings.prior_count / settings.prior_units) * (c + 1 - lo)
        if float(tail_score(np.array([rest]), np.array([rest_mean]), np.array([np.inf]))[0]) < need:
            return False
    return True


def carriers(track: Track, run: Run, grid: Grid, settings: Settings, whole: bool = True) -> dict[str, int]:
    """The members whose chatter rose during a pooled run: at least two posts, improbable at
    the member's own rate before it; over the whole run (``whole``: the incident's affected
    services, so p < 0.001 under the Poisson-gamma predictive of a rate estimated from six
    hours: a pool has dozens of members, and one at p < 0.01 rises by chance in many runs)
    or in the window that opened it (p < 0.1, Poisson: what was known then, the cause's support)."""
    if not track.pooled:
        return {}
    lo = max(run.first - run.window + 1, 0)
    hi = ((run.active[-1][0] if run.active else run.first) if whole else run.first) + 1
    width = settings.recent_buckets
    out = {}
    # the region's loose dependants join the report's list, never the cause's support
    joined = {**track.members, **track.associates} if whole else track.members
    for member, values in joined.items():
        if member == track.entity:
            continue
        got = float(values[lo:hi].sum())
        if got < 2:
            continue
        history = values[max(lo - width, 0):lo]
        rate = (float(history.sum()) + settings.prior_count) / (len(history) + settings.prior_units)
        expected = np.array([rate * (hi - lo)])
        # the opening window is short: p < 0.1 there
        need, shape = (3.0, float(history.sum()) + settings.prior_count) if whole else (1.0, np.inf)
        if track.kind == "reports" or tail_score(np.array([got]), expected, np.array([max(shape, 0.5)]))[0] >= need:
            out[f"{member[0]}:{member[1]}"] = int(got)
    return dict(sorted(out.items(), key=lambda kv: (-kv[1], kv[0])))


def _member_query(track: Track, since: datetime, until: datetime) -> list[Query]:
    """Queries for every Signal of a track's members (one per tag field)."""
    members = track.members or {track.entity: track.values}
    by_field: dict[str, list[str]] = {}
    for kind, value in members:
        by_field.setdefault(ENTITY_FIELD[kind], []).append(value)
    return [Query(kinds=(track.kind,), since=since, until=until, limit=0, **{name: tuple(sorted(values))})
            for name, values in sorted(by_field.items())]


def _span_signals(store, track: Track, since: datetime, until: datetime) -> list[Signal]:
    seen: dict[str, Signal] = {}
    for query in _member_query(track, since, until):
        for signal in store.scan(query):
            seen.setdefault(signal.id, signal)
    return list(seen.values())


def speaks_for(track: Track, signal: Signal, catalog: Catalog) -> bool:
    """Does the Signal count toward the track? A text that belongs to it only through a region
    it names as the way around ("switched to us-west-2", "us-west-2 is fine") does not: that
    region is where people went, not what failed."""
    members = set(track.members) if track.members else {track.entity}
    matched = {(kind, value) for name, kind in FIELD_KIND.items() for value in getattr(signal, name)
               if (kind, value) in members}
    if not matched or any(kind != "region" for kind, _ in matched):
        return True
    return any(("region", r) in matched for r in affected_regions(signal, catalog))


def people_counts(store, track: Track, openings: list[int], grid: Grid, settings: Settings, now: datetime,
                  counts: dict[int, np.ndarray], read: list[tuple[int, int, list[Signal]]],
                  catalog: Catalog | None = None) -> None:
    """Count people instead of posts around each opening bucket (the windows that could open a
    run there, and the continuation that follows): ``counts`` is lowered in place, and the
    spans read, ``(first bucket, end bucket, Signals)``, are added to ``read``. Texts that
    name one of the track's regions only as the way around do not count (:func:`speaks_for`)."""
    longest = max(settings.windows)
    for first in openings:
        lo = max(first - longest + 1, 0)
        hi = min(grid.size, first + longest + settings.close_buckets)
        if any(a <= lo and hi <= b for a, b, _ in read):
            continue
        since, until = grid.time(lo), min(grid.time(hi), ensure_utc(now) + timedelta(microseconds=1))
        signals = _span_signals(store, track, since, until)
        if any(kind == "region" for kind, _ in (track.members or {track.entity: None})):
            catalog = catalog or load_catalog()
            signals = [s for s in signals if speaks_for(track, s, catalog)]
        read.append((lo, hi, signals))
        keyed = person_keys(signals)
        buckets = np.fromiter((grid.index(s.published_at) - lo for s, _ in keyed), dtype=np.int64, count=len(keyed))
        inside = (buckets >= 0) & (buckets < hi - lo)
        persons = [p for (_, p), ok in zip(keyed, inside.tolist()) if ok]
        buckets = buckets[inside]
        for w in settings.windows:
            people = window_people(buckets, persons, hi - lo, w)
            # a window reaching before the span keeps the rollup's count (an upper bound)
            full = np.arange(lo, hi) - w + 1 >= lo
            counts[w][lo:hi] = np.where(full, np.minimum(people, counts[w][lo:hi]), counts[w][lo:hi])


def _covered(first: int, window: int, read: list[tuple[int, int, list[Signal]]]) -> list[Signal] | None:
    for lo, hi, signals in read:
        if lo <= first - window + 1 and first < hi:
            return signals
    return None


def refine_detection(store, run: Run, track: Track, grid: Grid, now: datetime,
                     signals: list[Signal] | None = None) -> None:
    """Move ``detected_at`` from the bucket's start to the moment the crossing window reached
    the count it needed: the Signal whose arrival made it (a person, or a report page's
    point). A live run would have seen exactly that Signal arrive, so replay and live agree.
    A pool is judged when its bucket is over (see :func:`score_track`)."""
    if track.pooled:
        run.detected_at = grid.time(run.first + 1)
        return
    lo_time = grid.time(max(run.first - run.window + 1, 0))
    bucket_start = grid.time(run.first)
    until = min(grid.time(run.first + 1), ensure_utc(now) + timedelta(microseconds=1))
    if signals is None:
        signals = _span_signals(store, track, lo_time, until)
    window = [s for s in signals if lo_time <= s.published_at < until]
    need = math.ceil(run.need - 1e-9)
    if track.kind == "reports":
        total = sum(s.report_count or 0 for s in window if s.published_at < bucket_start)
        for signal in sorted(window, key=lambda s: (s.published_at, s.id)):
            if signal.published_at < bucket_start:
                continue
            total += signal.report_count or 0
            if total >= need:
                run.detected_at = signal.published_at
                return
        run.detected_at = bucket_start if not any(s.published_at >= bucket_start for s in window) else until
        return
    seen: set[str] = set()
    for signal, person in person_keys(window):
        seen.add(person)
        if signal.published_at >= bucket_start and len(seen) >= need:
            run.detected_at = signal.published_at
            return
    run.detected_at = until


def detect_all(store, since: datetime | None, now: datetime, settings: Settings, catalog: Catalog | None = None,
               timings: dict[str, float] | None = None) -> tuple[list[Run], Grid | None]:
    """Every chatter and official run starting from ``since``, from Signals published before ``now``."""
    catalog = catalog or load_catalog()
    timings = timings if timings is not None else {}
    clock = time.perf_counter()
    now = ensure_utc(now)
    reach = None if since is None else ensure_utc(since) - timedelta(seconds=settings.history)
    cells = fetch_cells(store, reach, now, settings.interval)
    statuses = list(store.scan(Query(kinds=("status",), since=since, until=now + timedelta(microseconds=1), limit=0)))
    times = [c.start for c in cells] + [s.published_at for s in statuses]
    if not times:
        return [], None
    first, last = min(times), max(times)
    since = ensure_utc(since) if since is not None else first
    # Past the last Signal every bucket is quiet: the grid stops once every run could have
    # closed, so recomputing 2020's history in 2026 does not build six years of zeros.
    end = min(now, last + timedelta(seconds=settings.close_after + 2 * settings.interval))
    grid = Grid.covering(max(since - timedelta(seconds=settings.history), first), end, settings.interval)
    score_from = max(0, grid.index(since))
    series = load_series(cells, grid, settings)
    tracks = tracks_of(series, catalog)
    timings["series"] = time.perf_counter() - clock
    clock = time.perf_counter()
    runs: list[Run] = []
    complete = grid.index(now)  # buckets before the one holding "now" are over
    for whole in tracks:
        # a track is scored only where it has data (plus the history before it): a grid
        # reaching back to a status post of last year must not cost a year of buckets per track
        nonzero = np.flatnonzero(whole.signals)
        if len(nonzero) == 0:
            continue
        a = max(0, int(nonzero[0]) - settings.recent_buckets - settings.day_buckets)
        b = min(grid.size, int(nonzero[-1]) + settings.close_buckets + max(settings.windows) + 2)
        if b <= max(score_from, a):
            continue
        sub = Grid(grid.time(a), grid.interval, b - a)
        track = Track(whole.entity, whole.kind, whole.values[a:b], whole.signals[a:b],
                      {m: v[a:b] for m, v in whole.members.items()},
                      {m: v[a:b] for m, v in whole.associates.items()})
        found = _track_runs(store, track, sub, settings, max(0, score_from - a), complete - a, now, catalog)
        for run in found:
            run.first += a
            run.active = [(i + a, z) for i, z in run.active]
        runs.extend(found)
    runs.extend(official_runs(statuses, settings, now, catalog))
    timings["detect"] = time.perf_counter() - clock
    return runs, grid


def _track_runs(store, track: Track, grid: Grid, settings: Settings, score_from: int, complete: int,
                now: datetime, catalog: Catalog | None = None) -> list[Run]:
    """One track's runs, judged on people where they open, refined to the crossing Signal."""
    runs: list[Run] = []
    counts = {w: rolling(track.values, w) for w in settings.windows}
    found = score_track(track, counts, grid, settings, score_from, complete)
    read: list[tuple[int, int, list[Signal]]] = []
    if track.kind != "reports":
        # people, not posts: recount where a run would open, until every opening is
        # judged on people (each pass only lowers counts, so this ends)
        for _ in range(settings.people_passes):
            todo = [r.first for r in found if _covered(r.first, r.window, read) is None]
            if not todo:
                break
            people_counts(store, track, todo, grid, settings, now, counts, read, catalog)
            found = score_track(track, counts, grid, settings, score_from, complete)
    for run in found:
        refine_detection(store, run, track, grid, now, _covered(run.first, run.window, read))
        run.carriers = carriers(track, run, grid, settings)
        run.opened_by = carriers(track, run, grid, settings, whole=False)
        runs.append(run)
    return runs


def official_runs(signals: list[Signal], settings: Settings, now: datetime,
                  catalog: Catalog | None = None) -> list[Run]:
    """One run per status feed episode: first non-resolved update until ``resolved``."""
    by_source: dict[str, list[Signal]] = {}
    for signal in sorted(signals, key=lambda s: (s.published_at, s.id)):
        if signal.status is None:
            continue
        by_source.setdefault(signal.source, []).append(signal)
    timeout = timedelta(seconds=settings.official_timeout)
    runs: list[Run] = []
    for updates in by_source.values():
        current: list[Signal] = []
        for signal in updates:
            if current and signal.published_at - current[-1].published_at > timeout:
                runs.append(_official(current, current[-1].published_at, catalog))
                current = []
            if signal.status == "informational" and not current:
                continue
            if signal.status == "resolved":
                if current:
                    current.append(signal)
                    runs.append(_official(current, signal.published_at, catalog))
                    current = []
                continue
            current.append(signal)
        if current:
            over = ensure_utc(now) - current[-1].published_at > timeout
            runs.append(_official(current, current[-1].published_at if over else None, catalog))
    return runs


def _official(updates: list[Signal], ended: datetime | None, catalog: Catalog | None = None) -> Run:
    """A status episode's entities: what its updates are tagged with, except regions an
    update mentions only as a workaround ("use the console in another region"). The run also
    keeps what was known after each update (``prefixes``), for :func:`as_known`."""
    catalog = catalog or load_catalog()
    entities: set[Entity] = set()
    wide: bool | None = None  # decided by the first update that says where the problem is
    prefixes: list[tuple[frozenset[Entity], bool]] = []
    for signal in updates:
        regions = affected_regions(signal, catalog)
        for name, kind in FIELD_KIND.items():
            values = regions if name == "regions" else getattr(signal, name)
            entities.update((kind, value) for value in values)
        if wide is None:
            # provider-wide if the first update that speaks of where the problem is says it spans
            # the provider's regions ("recovery in most locations, except us-central1"); regional if
            # it names an affected region ("API issues in the US-EAST-1 Region": a later "root
            # logins in all regions are affected" does not make it provider-wide)
            wide = True if wide_scope(signal) else (False if regions else None)
        prefixes.append((frozenset(entities or {("source", updates[0].source)}), bool(wide)))
    first = updates[0].published_at
    return Run(entities=prefixes[-1][0], kind="status", started_at=first, detected_at=first, ended_at=ended,
               peak_at=first, peak=0.0, z=0.0, updates=list(updates), wide=prefixes[-1][1], prefixes=prefixes)


def as_known(run: Run, when: datetime) -> Run:
    """The run as it was known at ``when``: an official run from its updates published by then
    (its first post names no region; a later one may), any other run as it is."""
    if not run.official or run.updates[-1].published_at <= when:
        return run
    k = sum(1 for u in run.updates if u.published_at <= when)
    entities, wide = run.prefixes[k - 1]
    return replace(run, entities=entities, wide=wide, updates=run.updates[:k], ended_at=None)
