"""How every command writes, so they all behave the same for people and for scripts.

- Exit codes: 0 ok, 1 fatal, 2 usage (the command line is wrong, as click's own errors),
  3 partial (some input rejected or some sources failed; the rest was done).
- ``--json``: JSON Lines, always. A command that yields records (search, incidents, tag,
  export) prints one record per line; a command with one result (stats, ingest, collect,
  migrate, ...) prints it on one line. Metadata about a listing (total, next cursor,
  facets) is the last line, ``{"meta": {...}}``, so ``tail -n 1`` finds it.
- Human output: data on stdout; counts, "next page" hints and progress on stderr, so a
  pipe carries only data. Piped output is never wrapped at 80 columns.
- Progress bars (rich) only when stderr is a terminal.
"""

from __future__ import annotations

import contextlib
import csv
import sys
from typing import Any, Iterable, Iterator

import orjson

EXIT_OK = 0
EXIT_FATAL = 1
EXIT_USAGE = 2
EXIT_PARTIAL = 3

KINDS = ("social", "status", "reports", "news")
SORTS = ("relevance", "newest", "oldest")

# The Signal's fields in the CSV export's column order; list fields joined with "|".
CSV_FIELDS = ("id", "published_at", "source_kind", "source", "author", "title", "text", "url", "lang", "status",
              "report_count", "services", "providers", "regions", "symptoms", "collected_at")


def console(stderr: bool = False):
    """A rich Console that wraps only on a terminal: piped output keeps each record on its
    line (tag lists are not split at column 80), and carries no colour codes."""
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    tty = stream.isatty()
    return Console(file=stream, soft_wrap=not tty, highlight=False, **({} if tty else {"width": 100_000}))


def print_meta(meta: dict[str, Any]) -> None:
    sys.stdout.buffer.write(orjson.dumps({"meta": meta}, option=orjson.OPT_NON_STR_KEYS) + b"\n")
    sys.stdout.flush()


def csv_row(record: dict[str, Any]) -> list[str]:
    row = []
    for name in CSV_FIELDS:
        value = record.get(name)
        if isinstance(value, (list, tuple)):
            value = "|".join(str(v) for v in value)
        row.append("" if value is None else str(value))
    return row


def write_csv(records: Iterable[dict[str, Any]], out=None) -> int:
    """Signals (their JSON dicts) as CSV with a header row; returns how many."""
    out = out or sys.stdout
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    count = 0
    for record in records:
        writer.writerow(csv_row(record))
        count += 1
    return count


@contextlib.contextmanager
def progress(label: str, total: float | None = None, unit: str = "") -> Iterator[Any]:
    """A transient rich progress bar on stderr when it is a terminal; otherwise a no-op
    object with the same ``update``/``advance`` methods."""
    if not sys.stderr.isatty():
        yield _Silent()
        return
    from rich.progress import BarColumn, DownloadColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    count = DownloadColumn() if unit == "bytes" else MofNCompleteColumn()
    with Progress(TextColumn("{task.description}"), BarColumn(), count, TimeElapsedColumn(),
                  console=console(stderr=True), transient=True) as bar:
        yield _Bar(bar, bar.add_task(label, total=total))


class _Silent:
    def update(self, **kwargs: Any) -> None:
        pass

    def advance(self, amount: float = 1) -> None:
        pass


class _Bar:
    def __init__(self, bar, task) -> None:
        self.bar, self.task = bar, task

    def update(self, **kwargs: Any) -> None:
        self.bar.update(self.task, **kwargs)

    def advance(self, amount: float = 1) -> None:
        self.bar.advance(self.task, amount)


def counted(stream, bar):
    """``stream`` telling ``bar`` the bytes read (:class:`CountingReader`); the stream itself when
    the bar is the silent one (stderr not a terminal): each line then comes from the file's own
    ``readline``, without a Python call around it (~0.2 µs a line of ingest's writing process)."""
    return stream if isinstance(bar, _Silent) else CountingReader(stream, bar)


class CountingReader:
    """Wraps a binary stream; reports bytes read to a progress bar (ingest), in steps of
    :data:`REPORT_BYTES` and at the end: a terminal's bar costs ~1 µs an update, which per
    line was ~1% of an ingest."""

    REPORT_BYTES = 1 << 18

    def __init__(self, stream, bar) -> None:
        self.stream, self.bar = stream, bar
        self._unreported = 0

    def _report(self, size: int) -> None:
        self._unreported += size
        if self._unreported >= self.REPORT_BYTES or not size:  # a step's worth, or the end
            self.bar.advance(self._unreported)
            self._unreported = 0

    def read(self, size: int = -1) -> bytes:
        data = self.stream.read(size)
        self._report(len(data))
        return data

    def readline(self, size: int = -1) -> bytes:
        data = self.stream.readline(size)
        self._unreported += len(data)
        if self._unreported >= self.REPORT_BYTES or not data:  # _report, inline: once a line
            self.bar.advance(self._unreported)
            self._unreported = 0
        return data

    def __iter__(self):
        for line in self.stream:
            self._report(len(line))
            yield line
        self._report(0)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)
