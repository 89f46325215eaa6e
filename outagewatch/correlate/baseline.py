"""What a bucket "normally" holds, and how far from normal it is.

The baseline is a median, never a mean, so that an earlier spike in the window moves it
little; it is computed only from buckets *before* the one scored (causal). With two or
more days of history the same time of day on earlier days is used too (chatter has a
daily rhythm); with only hours of history the recent median carries it alone. The scale
mixes the spread seen (MAD) with Poisson noise (counts of rare events are noisy even
when the history is flat), plus one, so that a quiet series never divides by zero.
"""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from outagewatch.correlate.settings import Settings

MAD_TO_SIGMA = 1.4826


def baseline_at(values: np.ndarray, index: np.ndarray, settings: Settings) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Baseline, scale and "has enough history" for the buckets ``index`` of ``values``."""
    if len(index) == 0:
        empty = np.zeros(0)
        return empty, empty, np.zeros(0, dtype=bool)
    width = settings.recent_buckets
    padded = np.concatenate([np.full(width, np.nan), values])
    recent = sliding_window_view(padded, width)[index]  # values[i - width : i]
    pools = recent
    day = settings.day_buckets
    days = min(settings.tod_days, int(index.max()) // day)
    if days >= 2:
        offsets = np.array([-d * day + k for d in range(1, days + 1) for k in (-1, 0, 1)])
        positions = index[:, None] + offsets[None, :]
        same_time = np.where(positions >= 0, values[np.clip(positions, 0, None)], np.nan)
        enough = (index // day) >= 2
        same_time[~enough] = np.nan
    else:
        same_time = None
    base = _nanmedian(pools)
    mad = _nanmedian(np.abs(pools - base[:, None]))
    if same_time is not None:
        tod = _nanmedian(same_time)
        tod_mad = _nanmedian(np.abs(same_time - tod[:, None]))
        use = ~np.isnan(tod) & (tod > np.nan_to_num(base))
        base = np.where(use, tod, base)
        mad = np.where(use, tod_mad, mad)
    history = np.minimum(index, width)
    ok = (history >= settings.min_history) & ~np.isnan(base)
    base = np.nan_to_num(base)
    mad = np.nan_to_num(mad)
    scale = np.sqrt(base + (MAD_TO_SIGMA * mad) ** 2) + 1.0
    return base, scale, ok


def _nanmedian(rows: np.ndarray) -> np.ndarray:
    """Row medians ignoring NaN (NaN where a row has no value); numpy's own nanmedian is
    ~10x slower on many short rows, and this runs for every candidate bucket."""
    ordered = np.sort(rows, axis=1)  # NaN sorts last
    n = np.count_nonzero(~np.isnan(rows), axis=1)
    low = np.clip((n - 1) // 2, 0, None)
    high = np.clip(n // 2, 0, None)
    picked = (np.take_along_axis(ordered, low[:, None], 1)[:, 0] + np.take_along_axis(ordered, high[:, None], 1)[:, 0]) / 2
    return np.where(n > 0, picked, np.nan)


def spike_threshold(base: float, scale: float, minimum: int, settings: Settings) -> float:
    """The smallest bucket value that counts as a spike against this baseline."""
    return max(float(minimum), base + settings.z_on * scale, settings.min_ratio * base)


def continue_threshold(base: float, scale: float, minimum: int, settings: Settings) -> float:
    """While a spike lasts, a bucket above this keeps it going (hysteresis)."""
    return max(minimum / 2.0, base + settings.z_off * scale, base * 1.25)
