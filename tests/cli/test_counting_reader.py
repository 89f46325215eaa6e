"""Ingest's progress bar is told every byte read, in steps rather than once a line."""

from __future__ import annotations

import io

from outagewatch.cli.output import CountingReader, _Silent, counted, progress
from outagewatch.jsonl import read_signals


class Recorded:
    def __init__(self) -> None:
        self.steps: list[int] = []

    def advance(self, amount: float = 1) -> None:
        self.steps.append(amount)


def test_every_byte_is_reported_by_the_end_in_few_steps():
    line = b'{"source_kind": "social", "source": "x:@a", "published_at": "2026-11-01T00:00:00Z", "text": "hi"}\n'
    data = line * 20_000 + b"\n   \n" + line[:-1]  # blank lines, and a last line without its newline
    bar = Recorded()
    signals = list(read_signals(CountingReader(io.BytesIO(data), bar)))
    assert len(signals) == 20_001
    assert sum(bar.steps) == len(data)
    assert len(bar.steps) < 20  # ~2 MB in steps of 256 KiB, not one a line


def test_read_and_iteration_report_every_byte_too():
    data = b"abc\n" * 100_000
    bar = Recorded()
    reader = CountingReader(io.BytesIO(data), bar)
    assert reader.read(1000) + reader.read() + reader.read() == data
    assert sum(bar.steps) == len(data)
    bar = Recorded()
    assert b"".join(CountingReader(io.BytesIO(data), bar)) == data
    assert sum(bar.steps) == len(data)


def test_without_a_terminal_the_file_is_read_as_it_is_and_with_one_every_byte_is_counted():
    stream = io.BytesIO(b"abc\n" * 10)
    with progress("ingesting", total=40, unit="bytes") as bar:  # pytest's stderr is no terminal
        assert isinstance(bar, _Silent) and counted(stream, bar) is stream
    bar = Recorded()
    reader = counted(stream, bar)
    assert reader.read() + reader.read() == b"abc\n" * 10 and sum(bar.steps) == 40  # told at the end
