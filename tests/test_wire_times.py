"""Times on the wire: ingest's quick reading of ISO 8601 in UTC gives exactly what parse_time
gives (the same instant, or the same one-line error), and to_iso writes what it always wrote."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from outagewatch.signal import Signal, SignalError
from outagewatch.timeutil import parse_time, to_iso

ENDING_IN_Z = [
    "2026-11-01T00:00:00Z", "2026-11-01T00:00:00.5Z", "2026-11-01T00:00:00.123456789Z", "2026-11-01T00:00Z",
    "2026-11-01Z", "20261101T000000Z", "2026-W44-1T00:00:00Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999Z",
    "2026-11-01 00:00:00Z", "2026-11-01T00:00:00,5Z", "2026-11-01T00:00:00.Z", "2026-11-01T00:00:00ZZ",
    "2026-02-30T00:00:00Z", "2026-11-01T24:00:00Z", "2026Z11", "1Z", "12Z", "2hZ", "１２Z",
    "2026-11-01T00:00:00+01:00Z",
]


def _line(published_at):
    return {"source_kind": "social", "source": "x:@a", "published_at": published_at, "text": "is Zoom down"}


@pytest.mark.filterwarnings("ignore::UserWarning")  # dateutil on "ZZ"
@pytest.mark.parametrize("value", ENDING_IN_Z)
def test_a_time_ending_in_z_reads_as_parse_time_reads_it(value):
    try:
        expected = parse_time(value)
    except ValueError:
        with pytest.raises(SignalError, match=r"^published_at is not a time: "):
            Signal.from_dict(_line(value))
        return
    signal = Signal.from_dict(_line(value))
    assert signal.published_at == expected.replace(microsecond=expected.microsecond // 1000 * 1000)
    assert signal.published_at.tzinfo is timezone.utc


def test_a_time_out_of_range_in_utc_says_so_in_one_line():
    with pytest.raises(SignalError, match=r"^published_at: time out of range"):
        Signal.from_dict(_line("0001-01-01T00:00:00+01:00"))


@pytest.mark.parametrize("value", [
    datetime(1, 1, 1, tzinfo=timezone.utc), datetime(999, 12, 31, 23, 59, 59, 999999, tzinfo=timezone.utc),
    datetime(2026, 11, 30, 9, 5, 7, tzinfo=timezone.utc), datetime(2026, 11, 30, 9, 5, 7, 1000, tzinfo=timezone.utc),
    datetime(2026, 11, 30, 9, 5, 7, 120000), datetime(2026, 11, 30, 11, 5, 7, tzinfo=timezone(timedelta(hours=2))),
])
def test_to_iso_writes_four_digit_years_a_fraction_only_when_there_is_one_and_z(value):
    utc = value.astimezone(timezone.utc) if value.tzinfo else value.replace(tzinfo=timezone.utc)
    fraction = f".{utc.microsecond:06d}" if utc.microsecond else ""
    assert to_iso(value) == (f"{utc.year:04d}-{utc.month:02d}-{utc.day:02d}T{utc.hour:02d}:{utc.minute:02d}:"
                             f"{utc.second:02d}{fraction}Z")
    assert parse_time(to_iso(value)) == utc
