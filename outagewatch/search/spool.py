"""A local, durable queue of Signals that could not be written to Elasticsearch yet.

Why a file and not memory: a collector that keeps running while the cluster is down
must not lose what it collected if it is restarted before the cluster is back. Each
batch is appended as JSON Lines and fsynced before the write is reported done; a
separate offset file records how far the spool has been delivered. Delivery is
idempotent (Signals have stable ids), so a crash between sending a batch and recording
its offset resends it, which writes the same documents again and duplicates nothing.

One process owns a spool file at a time (``flock``); several processes writing one
cluster each take a different file in the same directory, and a process that finds an
unowned file with leftovers from a crashed one delivers them.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path
from typing import Iterator

import orjson

from outagewatch.signal import Signal


class Spool:
    def __init__(self, directory: str | os.PathLike[str], name: str) -> None:
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self.path, self._lock_fd = self._claim(name)
        self._offset_path = self.path.with_suffix(".offset")
        self._pending = self._count_pending()

    def _claim(self, name: str) -> tuple[Path, int]:
        for n in range(1000):
            path = self.directory / f"{name}-{n}.spool"
            fd = os.open(str(path.with_suffix(".lock")), os.O_CREAT | os.O_RDWR, 0o600)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                continue
            return path, fd
        raise RuntimeError(f"no free spool file in {self.directory} (1000 are held by other processes)")

    @property
    def pending(self) -> int:
        """Signals written to the spool and not yet delivered."""
        return self._pending

    def append(self, signals: list[Signal]) -> None:
        if not signals:
            return
        data = b"".join(orjson.dumps(s.to_dict()) + b"\n" for s in signals)
        fd = os.open(str(self.path), os.O_CREAT | os.O_WRONLY | os.O_APPEND, 0o600)
        try:
            written = 0
            while written < len(data):
                written += os.write(fd, data[written:])
            os.fsync(fd)
        finally:
            os.close(fd)
        self._pending += len(signals)

    def _offset(self) -> int:
        try:
            return int(self._offset_path.read_text() or 0)
        except (FileNotFoundError, ValueError):
            return 0

    def _count_pending(self) -> int:
        if not self.path.exists():
            return 0
        with open(self.path, "rb") as f:
            f.seek(self._offset())
            return sum(1 for line in f if line.endswith(b"\n"))

    def batches(self, size: int) -> Iterator[tuple[list[Signal], int]]:
        """Undelivered signals in batches, each with the file offset just past it.

        A half-written last line (the process died mid-append, before fsync returned)
        was never reported stored, so it is skipped.
        """
        if not self._pending:
            return
        with open(self.path, "rb") as f:
            f.seek(self._offset())
            batch: list[Signal] = []
            while True:
                line = f.readline()
                if not line.endswith(b"\n"):
                    break
                batch.append(Signal.from_dict(orjson.loads(line)))
                if len(batch) >= size:
                    yield batch, f.tell()
                    batch = []
            if batch:
                yield batch, f.tell()

    def delivered(self, offset: int, count: int) -> None:
        """Record that everything before ``offset`` is in Elasticsearch."""
        self._pending = max(0, self._pending - count)
        if self._pending == 0:
            # Everything is delivered: start the file afresh so it does not grow forever.
            self.path.unlink(missing_ok=True)
            self._offset_path.unlink(missing_ok=True)
            return
        tmp = self._offset_path.with_suffix(".offset.tmp")
        tmp.write_text(str(offset))
        fd = os.open(str(tmp), os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, self._offset_path)

    def close(self) -> None:
        if self._lock_fd >= 0:
            os.close(self._lock_fd)
            self._lock_fd = -1
