"""Time parsing and formatting shared by every stage.

Every time inside outagewatch is an aware UTC ``datetime``; on the wire (JSON Lines,
API, reports) it is ISO 8601 with a ``Z``. Sources are sloppy about time zones, so
naive times are taken as UTC rather than local time: a collector on a laptop in Tokyo
must store the same instant as one in a data centre in Virginia.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from decimal import Decimal, InvalidOperation

from dateutil import parser as _dateparser

UTC = timezone.utc
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MILLISECOND = timedelta(milliseconds=1)
# The widest durations (windows, intervals, relative times) anything here accepts: past
# this, "now minus it" leaves the calendar datetime can hold (years 1..9999).
MAX_DURATION = timedelta(days=3_650_000)

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
    """The same instant in UTC; ``ValueError`` when it falls outside years 1..9999 in UTC
    (``0001-01-01T00:00+01:00`` is in year 0), rather than Python's ``OverflowError``.
    Already-UTC times return first: every Signal's times pass here several times on
    ingest, and asking their offset was a tenth of it."""
    if value.tzinfo is UTC:
        return value
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    if value.utcoffset() == timedelta(0):
        return value if value.tzinfo is UTC else value.replace(tzinfo=UTC)
    try:
        return value.astimezone(UTC)
    except (OverflowError, ValueError):
        raise ValueError(f"time out of range (years 1..9999 in UTC): {value.isoformat()}") from None


def parse_time(value, *, now: datetime | None = None) -> datetime:
    """Parse ISO 8601, RFC 2822-ish strings, epoch seconds, or relative forms (``2h``, ``7d``).

    Relative forms mean "that long before now", which is what ``--since 2h`` should do.
    Raises ``ValueError`` with the offending value in the message.
    """
    if isinstance(value, datetime):
        return ensure_utc(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return from_epoch_seconds(value)
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"not a time: {_show(value)}")
    text = value.strip()
    if text.lower() == "now":
        return now or utcnow()
    m = _RELATIVE.match(text)
    if m:
        ago = _exact_duration(m.group(1), _UNIT_SECONDS[m.group(2).lower()] * 1000)
        try:
            return (now or utcnow()) - ago
        except OverflowError:
            raise ValueError(f"time out of range (years 1..9999): {_show(value)}") from None
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00") if text.endswith("Z") else text)
    except ValueError:
        parsed = None
    if parsed is None:
        try:
            parsed = _dateparser.parse(text, tzinfos=_TZ_ABBREVIATIONS)
        except (ValueError, OverflowError, TypeError) as exc:
            raise ValueError(f"not a time: {_show(value)}") from exc
    try:
        return ensure_utc(parsed)
    except ValueError:
        raise ValueError(f"time out of range (years 1..9999 in UTC): {_show(value)}") from None


def from_epoch_seconds(value: int | float) -> datetime:
    """Epoch seconds to a UTC time, exactly: a float is read by its shortest decimal form
    (``1606323901.735`` is .735 s, not the binary double's .7349999...), so no millisecond
    is lost to floating point; outside years 1..9999 is a ``ValueError``."""
    try:
        millis = int(Decimal(repr(value)) * 1000) if isinstance(value, float) else int(value) * 1000
        return from_millis(millis)
    except (ValueError, OverflowError, InvalidOperation):
        raise ValueError(f"time out of range (years 1..9999): {_show(value)}") from None


def _exact_duration(number: str, unit_millis: int | float) -> timedelta:
    """``number`` (a decimal string) times a unit, exact to the millisecond, capped."""
    try:
        millis = int(Decimal(number) * Decimal(str(unit_millis)))
        if abs(millis) > MAX_DURATION // _MILLISECOND:
            raise OverflowError
        return timedelta(milliseconds=millis)
    except (OverflowError, ValueError, InvalidOperation):
        raise ValueError(f"duration too long: {number[:40]} (at most {MAX_DURATION.days} days)") from None


def _show(value) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def parse_duration(value) -> timedelta:
    """``15m``, ``1h30m``, ``2d`` or a number of seconds, exact to the millisecond.

    A duration longer than :data:`MAX_DURATION` is a ``ValueError``, not an overflow
    somewhere later.
    """
    if isinstance(value, timedelta):
        if abs(value) > MAX_DURATION:
            raise ValueError(f"duration too long: {value} (at most {MAX_DURATION.days} days)")
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _exact_duration(repr(value), 1000)
    text = str(value).strip()
    if re.fullmatch(r"\d+(\.\d+)?", text):
        return _exact_duration(text, 1000)
    parts = _DURATION.findall(text)
    if not parts or "".join(n + u for n, u in parts) != text.replace(" ", ""):
        raise ValueError(f"not a duration: {_show(value)} (use forms like 15m, 1h, 7d)")
    total = timedelta(0)
    for number, unit in parts:
        total += _exact_duration(number, {"ms": 1, "s": 1000, "m": 60_000, "h": 3_600_000, "d": 86_400_000,
                                          "w": 604_800_000}[unit.lower()])
        if total > MAX_DURATION:
            raise ValueError(f"duration too long: {_show(value)} (at most {MAX_DURATION.days} days)")
    return total


def to_iso(value: datetime | None) -> str | None:
    if value is None:
        return None
    value = ensure_utc(value)
    # isoformat writes four-digit years always (strftime writes year 1 as "1-01-01", which reads
    # back as 2001), the fraction only when there is one, and "+00:00" for UTC, made "Z" here: one
    # C call instead of six formatted fields (every Signal's id and row are made with it).
    return datetime.isoformat(value)[:-6] + "Z"


def to_millis(value: datetime) -> int:
    """Milliseconds since the epoch, by integer arithmetic (``timestamp() * 1000`` is a
    float and turns .735 into .734 for some times); sub-millisecond parts are floored.
    From the difference's own days, seconds and microseconds (the seconds and microseconds
    are never negative, so flooring the microseconds floors the whole): the same numbers as
    ``// timedelta(milliseconds=1)``, which makes big integers of both sides (every stored
    Signal's two times pass here: ~0.3 µs less each)."""
    if value.tzinfo is not UTC:
        value = ensure_utc(value)
    delta = value - EPOCH
    return delta.days * 86_400_000 + delta.seconds * 1000 + delta.microseconds // 1000


def from_millis(value: int) -> datetime:
    """The inverse of :func:`to_millis`, exactly; ``ValueError`` outside years 1..9999."""
    try:
        return EPOCH + timedelta(milliseconds=int(value))
    except OverflowError:
        raise ValueError(f"time out of range (years 1..9999): {value} ms since the epoch") from None
