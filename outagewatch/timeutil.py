"""Time parsing and formatting shared by every stage.

Every time inside outagewatch is an aware UTC ``datetime``; on the wire (JSON Lines,
API, reports) it is ISO 8601 with a ``Z``. Sources are sloppy about time zones, so
naive times are taken as UTC rather than local time: a collector on a laptop in Tokyo
must store the same instant as one in a data centre in Virginia.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

from dateutil import parser as _dateparser

UTC = timezone.utc

_RELATIVE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|sec|m|min|h|hr|d|day|days|w|wk)\s*(?:ago)?\s*$", re.I)
_UNIT_SECONDS = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "hr": 3600,
                 "d": 86400, "day": 86400, "days": 86400, "w": 604800, "wk": 604800}
# Zone abbreviations status pages actually print (AWS writes "6:36 AM PST"); dateutil
# knows none of them by itself and would silently read the time as UTC.
_TZ_ABBREVIATIONS = {
    "UTC": 0, "GMT": 0, "Z": 0,
    "EST": -5 * 3600, "EDT": -4 * 3600, "CST": -6 * 3600, "CDT": -5 * 3600,
    "MST": -7 * 3600, "MDT": -6 * 3600, "PST": -8 * 3600, "PDT": -7 * 3600,
    "CET": 3600, "CEST": 7200, "BST": 3600, "IST": 19800, "JST": 9 * 3600, "AEST": 10 * 3600, "AEDT": 11 * 3600,
}
_DURATION = re.compile(r"(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)", re.I)


def utcnow() -> datetime:
    return datetime.now(UTC)


def ensure_utc(value: datetime) -> datetime:
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def parse_time(value, *, now: datetime | None = None) -> datetime:
    """Parse ISO 8601, RFC 2822-ish strings, epoch seconds, or relative forms (``2h``, ``7d``).

    Relative forms mean "that long before now", which is what ``--since 2h`` should do.
    Raises ``ValueError`` with the offending value in the message.
    """
    if isinstance(value, datetime):
        return ensure_utc(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return datetime.fromtimestamp(float(value), UTC)
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"not a time: {value!r}")
    text = value.strip()
    if text.lower() == "now":
        return now or utcnow()
    m = _RELATIVE.match(text)
    if m:
        seconds = float(m.group(1)) * _UNIT_SECONDS[m.group(2).lower()]
        return (now or utcnow()) - timedelta(seconds=seconds)
    try:
        return ensure_utc(datetime.fromisoformat(text.replace("Z", "+00:00") if text.endswith("Z") else text))
    except ValueError:
        pass
    try:
        return ensure_utc(_dateparser.parse(text, tzinfos=_TZ_ABBREVIATIONS))
    except (ValueError, OverflowError, TypeError) as exc:
        raise ValueError(f"not a time: {value!r}") from exc


def parse_duration(value) -> timedelta:
    """``15m``, ``1h30m``, ``2d`` or a number of seconds."""
    if isinstance(value, timedelta):
        return value
    if isinstance(value, (int, float)):
        return timedelta(seconds=value)
    text = str(value).strip()
    if re.fullmatch(r"\d+(\.\d+)?", text):
        return timedelta(seconds=float(text))
    parts = _DURATION.findall(text)
    if not parts or "".join(n + u for n, u in parts) != text.replace(" ", ""):
        raise ValueError(f"not a duration: {value!r} (use forms like 15m, 1h, 7d)")
    total = 0.0
    for number, unit in parts:
        total += float(number) * {"ms": 0.001, "s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}[unit.lower()]
    return timedelta(seconds=total)


def to_iso(value: datetime | None) -> str | None:
    if value is None:
        return None
    value = ensure_utc(value)
    if value.microsecond:
        return value.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    return value.strftime("%Y-%m-%dT%H:%M:%SZ")


def to_millis(value: datetime) -> int:
    return int(ensure_utc(value).timestamp() * 1000)


def from_millis(value: int) -> datetime:
    return datetime.fromtimestamp(value / 1000, UTC)
