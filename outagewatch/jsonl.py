"""JSON Lines in and out: the interchange format of ``ingest`` and ``export``.

Reading never stops at a bad line: each line yields either a Signal or a rejection
that names the line and the reason, so a caller can store what is good and report the
rest.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import IO, Iterable, Iterator

import orjson

from outagewatch.signal import Signal, SignalError

MAX_LINE_BYTES = 2 * 1024 * 1024


@dataclass(slots=True)
class Rejected:
    line: int
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}"


def read_signals(stream: IO[bytes], *, max_line_bytes: int = MAX_LINE_BYTES) -> Iterator[Signal | Rejected]:
    """Yield a Signal or a :class:`Rejected` for every non-blank line of a binary stream."""
    for number, line in enumerate(_bounded_lines(stream, max_line_bytes), start=1):
        if isinstance(line, int):
            yield Rejected(number, f"line too long ({line / 1_048_576:.1f} MB > {max_line_bytes / 1_048_576:.1f} MB limit)")
            continue
        if not line.strip():
            continue
        try:
            data = orjson.loads(line)
        except orjson.JSONDecodeError as exc:
            yield Rejected(number, f"bad JSON: {exc}")
            continue
        try:
            yield Signal.from_dict(data)
        except SignalError as exc:
            yield Rejected(number, str(exc))


def read_array(stream: IO[bytes]) -> Iterator[Signal | Rejected]:
    """Yield a Signal or a :class:`Rejected` for every element of one JSON array, parsed
    incrementally (ijson): memory follows one element, not the whole body. ``line`` is
    the element's position (1-based). Broken JSON mid-array ends the reading with one
    rejection at the element it broke in; what came before it stands."""
    import ijson

    number = 0
    try:
        for number, data in enumerate(ijson.items(stream, "item", use_float=True), start=1):
            try:
                yield Signal.from_dict(data)
            except SignalError as exc:
                yield Rejected(number, str(exc))
    except ijson.JSONError as exc:
        reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        yield Rejected(number + 1, f"not valid JSON: {reason[:200]}")


def _bounded_lines(stream: IO[bytes], limit: int) -> Iterator[bytes | int]:
    """Lines of at most ``limit`` bytes; a longer line yields its length instead.

    Reads in chunks so that a 10 MB line costs 10 MB of reading, not 10 MB of memory.
    """
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            size = len(line)
            while True:
                rest = stream.readline(1 << 20)
                size += len(rest)
                if not rest or rest.endswith(b"\n"):
                    break
            yield size
            continue
        yield line


def dumps(signal: Signal) -> bytes:
    return orjson.dumps(signal.to_dict())


def write_signals(signals: Iterable[Signal], stream: IO[bytes]) -> int:
    count = 0
    for signal in signals:
        stream.write(dumps(signal) + b"\n")
        count += 1
    return count
