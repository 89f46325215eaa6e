"""Correlation: series per service, provider, region and source kind; baselines; spikes;
incidents merged across sources and related services; common cause; lead time.

Entry points: :func:`recompute` (everything, or from ``since``), :func:`update` (the
incremental step after each stored batch; gives the same incidents), and
:func:`on_batch_stored` (the collectors' scheduler hook).
"""

from outagewatch.correlate.engine import Result, compute, on_batch_stored, recompute, update
from outagewatch.correlate.settings import LEVELS, Settings

__all__ = ["compute", "recompute", "update", "on_batch_stored", "Result", "Settings", "LEVELS"]
