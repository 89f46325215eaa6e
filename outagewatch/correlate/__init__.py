"""Correlation: series per service, provider, region and source kind; baselines; spikes;
incidents merged across sources and related services; common cause; lead time.

Entry points: :func:`recompute` (everything, or from ``since``), :func:`update` (the
incremental step after each stored batch; gives the same incidents), and
:class:`AfterBatch` (the correlation-and-alert step every process that stores Signals runs
after each stored batch).
"""

from outagewatch.correlate.engine import AfterBatch, Result, compute, recompute, update
from outagewatch.correlate.settings import Settings
from outagewatch.incidents import LEVELS

__all__ = ["compute", "recompute", "update", "AfterBatch", "Result", "Settings", "LEVELS"]
