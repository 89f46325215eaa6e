"""Human wording for times, durations, peaks and confidence, shared by the reports and the CLI.

JSON keeps ISO 8601; people read "2020-11-25 13:30 UTC", "18 h 45 min" and "high (0.98)",
so every human rendering goes through here and they never drift apart.
"""

from __future__ import annotations

import re
from typing import Any

from outagewatch.timeutil import parse_time

_ISO = re.compile(r"\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})\b")

# What one unit of a source kind's count is, for "peak 847 reports / 5 min".
UNITS = {"reports": "user reports", "social": "posts", "news": "articles", "status": "status updates"}


def when(value: Any, *, date: bool = True) -> str:
    """``2020-11-25T13:30:00Z`` -> ``2020-11-25 13:30 UTC`` (or ``13:30 UTC``); blank stays blank."""
    if value in (None, ""):
        return ""
    moment = parse_time(value)
    return moment.strftime("%Y-%m-%d %H:%M UTC" if date else "%H:%M UTC")


def times_in(text: Any) -> str:
    """Every ISO time inside a sentence (cause evidence is written by correlation) made human."""
    return _ISO.sub(lambda m: when(m.group(0)), str(text or ""))


def duration(minutes: Any) -> str:
    """``1125`` -> ``18 h 45 min``; ``2900`` -> ``2 d 0 h 20 min``; None -> ``n/a``."""
    if minutes is None:
        return "n/a"
    total = round(float(minutes))
    sign, total = ("-" if total < 0 else ""), abs(total)
    days, rest = divmod(total, 1440)
    hours, mins = divmod(rest, 60)
    if days:
        return f"{sign}{days} d {hours} h {mins} min"
    if hours:
        return f"{sign}{hours} h {mins} min" if mins else f"{sign}{hours} h"
    return f"{sign}{mins} min"


def minutes(value: Any) -> str:
    """A lead time: ``66.0`` -> ``66 min`` (minutes are how leads are compared); from two
    hours on, a duration (``3 h 20 min``)."""
    if value is None:
        return "n/a"
    return f"{round(float(value))} min" if abs(float(value)) < 120 else duration(value)


def confidence(value: Any) -> str:
    """``0.98`` -> ``high confidence (0.98)``: a word to read, the number to compare."""
    if value is None:
        return "unknown"
    score = float(value)
    word = "high" if score >= 0.85 else "moderate" if score >= 0.6 else "low"
    return f"{word} confidence ({score:.2f})"


def count(value: Any, noun: str) -> str:
    """``1, "posts"`` -> ``1 post``; ``847.0, "reports"`` -> ``847 reports``."""
    n = round(float(value or 0))
    return f"{n:,} {noun[:-1] if n == 1 and noun.endswith('s') else noun}"


def peak(value: Any, kind: str | None, interval: int = 300) -> str:
    """``847.0`` reports -> ``847 user reports / 5 min``; an official run has no count to show."""
    if kind == "status" and not value:
        return "official update"
    if value is None:
        return ""
    return f"{count(value, UNITS.get(kind or '', 'signals'))} / {interval // 60} min"


def short_id(incident_id: str) -> str:
    return incident_id[:8]


__all__ = ["when", "times_in", "duration", "minutes", "confidence", "count", "peak", "short_id", "UNITS"]
