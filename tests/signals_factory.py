"""Small builders for Signals in tests: readable defaults, override what the test is about."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from itertools import count

from outagewatch.signal import Signal

T0 = datetime(2020, 11, 25, 13, 0, tzinfo=timezone.utc)
_serial = count()


def make_signal(text: str = "Roku is down again", *, minutes: float = 0, source: str = "x:search:roku down",
                source_kind: str = "social", native_id: str | None = None, **fields) -> Signal:
    return Signal(
        source_kind=source_kind,
        source=source,
        published_at=fields.pop("published_at", T0 + timedelta(minutes=minutes)),
        text=text,
        native_id=native_id or f"n{next(_serial)}",
        **fields,
    )
