"""How surprising a count is: the tail of the count distribution, over several windows.

Chatter about most services is sparse (a post an hour), so a fixed "at least N per 5
minutes" either never fires on thin but real complaints or fires on noise. Instead each
window (5, 15, 30, 60 minutes) is scored by how unlikely its count is under the rate the
series had *before* it: ``score = -log10 P(X >= count)``.

- X is Poisson for a steady series, negative binomial where the history is over-dispersed
  (report pages with a daily rhythm), and never thinner-tailed than the Poisson-gamma
  predictive of a rate estimated from a short history: a quiet series with little history
  cannot make three posts look like a certainty.
- The rate comes from the hours before the window (causal), with each unit winsorized a
  few Poisson sigmas above the history's 90th percentile, so an earlier outage in the
  history barely moves it, and a prior of ``prior_count`` in ``prior_units`` (a series with no history is
  not rate zero).
- Units: a chatter bucket is one unit; a report series' unit is a published point (a page
  publishes every 15 minutes), so its windows count points, not 5-minute buckets.

The tail is computed here, not with scipy: an upper bound, ``pmf(x) / (1 - R)`` where R is
the largest ratio of successive terms beyond x (exact to within a few percent for the small
p-values that matter; conservative everywhere).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

_LGAMMA = np.frompyfunc(math.lgamma, 1, 1)
LN10 = math.log(10)


def lgamma(x: np.ndarray) -> np.ndarray:
    return _LGAMMA(np.asarray(x, dtype=np.float64)).astype(np.float64)


def tail_score(count: np.ndarray, mean: np.ndarray, size: np.ndarray) -> np.ndarray:
    """``-log10 P(X >= count)`` for X negative binomial with ``mean`` and ``size`` (shape;
    ``inf`` is Poisson). 0 where the count is not above the distribution's bulk."""
    x = np.asarray(count, dtype=np.float64)
    m = np.maximum(np.asarray(mean, dtype=np.float64), 1e-9)
    r = np.asarray(size, dtype=np.float64)
    x, m, r = np.broadcast_arrays(x, m, r)
    out = np.zeros(x.shape)
    poisson = ~np.isfinite(r)
    # Poisson: log pmf = -m + x log m - lgamma(x+1); ratio(x) = m / (x+1)
    if poisson.any():
        xp, mp = x[poisson], m[poisson]
        logpmf = -mp + xp * np.log(mp) - lgamma(xp + 1)
        ratio = mp / (xp + 1)
        out[poisson] = _score(logpmf, ratio, xp > mp)
    nb = ~poisson
    if nb.any():
        xn, mn, rn = x[nb], m[nb], r[nb]
        q = mn / (rn + mn)
        logpmf = (lgamma(xn + rn) - lgamma(rn) - lgamma(xn + 1)
                  + rn * np.log1p(-q) + xn * np.log(q))
        ratio = (xn + rn) / (xn + 1) * q
        ratio = np.where(rn < 1, np.maximum(ratio, q), ratio)
        out[nb] = _score(logpmf, ratio, xn > mn)
    return out


def _score(logpmf: np.ndarray, ratio: np.ndarray, above: np.ndarray) -> np.ndarray:
    ok = above & (ratio < 1)
    with np.errstate(divide="ignore", invalid="ignore"):
        log_tail = logpmf - np.log1p(-np.where(ok, ratio, 0.0))
    return np.where(ok, np.maximum(0.0, -log_tail / LN10), 0.0)


@dataclass
class Model:
    """The expected count per unit and its shape, for a set of scored positions."""

    mean: np.ndarray   # per unit
    size: np.ndarray   # NB shape per unit (inf: Poisson)
    evidence: np.ndarray  # units of history behind the estimate (prior included)
    history: np.ndarray   # units actually seen

    def window(self, units: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(mean, size) of a window holding ``units`` units: NB sizes add, and the
        Poisson-gamma predictive of the estimate caps how thin the tail may be."""
        mean = self.mean * units
        size = np.where(units > 0, self.size * np.maximum(units, 1e-9), np.inf)
        predictive = self.mean * self.evidence  # gamma shape of the rate's posterior
        return mean, np.minimum(size, np.maximum(predictive, 0.5))


def estimate(values: np.ndarray, exposure: np.ndarray, ends: np.ndarray, width: int,
             prior_count: float, prior_units: float, overdispersion: float = 1.5) -> Model:
    """Rate and dispersion of the ``width`` buckets before each of ``ends`` (exclusive),
    counting only units (buckets with exposure); see the module's notes."""
    padded_v = np.concatenate([np.zeros(width), values])
    padded_e = np.concatenate([np.zeros(width, dtype=bool), exposure.astype(bool)])
    rows_v = sliding_window_view(padded_v, width)[ends]      # values[end - width : end]
    rows_e = sliding_window_view(padded_e, width)[ends]
    masked = np.where(rows_e, rows_v, np.nan)
    units = rows_e.sum(axis=1).astype(np.float64)
    with np.errstate(all="ignore"):
        ordered = np.sort(masked, axis=1)  # NaN last
        k = np.clip(np.ceil(units * 0.9).astype(np.int64) - 1, 0, width - 1)
        cap = np.take_along_axis(ordered, k[:, None], 1)[:, 0]
        cap = np.nan_to_num(cap)
        cap = cap + 3 * np.sqrt(cap) + 2
        clipped = np.minimum(masked, cap[:, None])
        total = np.nansum(clipped, axis=1)
        mean = (total + prior_count) / (units + prior_units)
        square = np.nansum(clipped ** 2, axis=1)
        seen_mean = np.where(units > 0, total / np.maximum(units, 1), 0.0)
        var = np.where(units > 1, (square - units * seen_mean ** 2) / np.maximum(units - 1, 1), 0.0)
    over = (units >= 8) & (var > overdispersion * np.maximum(seen_mean, 1e-9)) & (seen_mean > 0)
    size = np.full(len(ends), np.inf)
    size[over] = seen_mean[over] ** 2 / (var[over] - seen_mean[over])
    return Model(mean=mean, size=size, evidence=units + prior_units, history=units)


def rolling(values: np.ndarray, width: int) -> np.ndarray:
    """Sum of ``values[i - width + 1 : i + 1]`` for each i."""
    c = np.concatenate([[0.0], np.cumsum(values, dtype=np.float64)])
    i = np.arange(len(values))
    return c[i + 1] - c[np.maximum(i + 1 - width, 0)]
