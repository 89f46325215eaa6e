"""The words index brought up to date in a process of its own during a bulk load.

Why: indexing a Signal's words costs ~13 µs of CPU in the writing process (the document
built in Python, handed to Tantivy, the commits), about a third of what storing it costs.
During a bulk load (``ingest`` of a big file, ``migrate``, a replay at full speed) the
writer leaves that work to a second process, so the two run on two cores: the writer
only writes SQLite, and the indexer reads the new rows back from SQLite and indexes them.

Nothing about the crash story changes: the indexer is an ordinary holder of the index's
writer lock (:mod:`.textindex`), it reads what SQLite committed, commits the index, then
moves the mark in SQLite. Killed, it leaves the mark behind what the index holds and the
next holder redoes the rest. Its parent killed, it sees its input close, catches up with
whatever SQLite holds, commits and exits.

The two talk over the child's stdin and stdout, one line each way: the parent writes
``c`` ("catch up with everything committed in SQLite now, commit, tell me") before a
search of its own, and the child answers ``ok`` (or ``busy`` when another process holds
the index's writer, whose rows are then indexed by that one). ``n`` ("the load has ended:
catch up and commit, no answer") lets the child commit while the writer builds its id index
again (:meth:`~outagewatch.search.sqlite.writes.Writer.end_load`), rather than after it, when
a search or ``close()`` asks. ``q`` (or stdin closing, or
the parent gone) means "finish and exit": the parent's ``close()`` waits for that, so
``ingest`` returns once the index has caught up.

    python -m outagewatch.search.sqlite.indexer STORE.db [--early]

``--early``: started before the load's first row is stored (an ingest whose tagger is still
starting), it does not leave for want of work until it has indexed something.
"""

from __future__ import annotations

import contextlib
import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import outagewatch

# Rows read from SQLite and handed to Tantivy per round; commits at most this often while
# rows keep coming (a search of the writer, or the end of the load, commits at once), with
# one indexing thread. Each commit ends a segment per indexing thread, and segments of like
# size pile up below what Tantivy's merge policy merges: committing every 2 s with two
# threads left 16 segments for 300k Signals and 17 for 1M (3 when the writer indexed), and
# some words searches up to 2x slower.
CHUNK = 5000
COMMIT_SECONDS = 30.0
WRITER_THREADS = 1
# An indexer with nothing to do for this long exits; the writer starts another when needed.
IDLE_SECONDS = 10.0
NICE = 10  # added to the writer's niceness (see main)


class IndexerProcess:
    """The writer's handle on its indexer process."""

    def __init__(self, database: Path, early: bool = False) -> None:
        """``early``: started before the load's first rows (:meth:`TextIndex.expect_rows`): it
        waits for them however long the writer's tagger takes to start, rather than leaving
        after :data:`IDLE_SECONDS` with nothing to do."""
        env = dict(os.environ)
        package_root = str(Path(outagewatch.__file__).resolve().parents[1])
        env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH")) if p)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "outagewatch.search.sqlite.indexer", str(database), *(["--early"] if early else [])],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, close_fds=True)
        self._buffer = b""
        self._answers: list[str] = []
        self._reached: tuple[int, int] | None = None

    @property
    def pid(self) -> int:
        return self.process.pid

    def alive(self) -> bool:
        return self.process.poll() is None

    def _read_lines(self, timeout: float | None) -> bool:
        """Take what the indexer wrote (waiting up to ``timeout``; None: until something
        comes); False when its output closed."""
        fd = self.process.stdout.fileno()
        ready, _, _ = select.select([fd], [], [], timeout)
        if not ready:
            return True
        data = os.read(fd, 65536)
        if not data:
            return False
        self._buffer += data
        *lines, self._buffer = self._buffer.split(b"\n")
        for line in lines:
            word, *numbers = line.decode().split()
            if word == "m":
                self._reached = (int(numbers[0]), int(numbers[1]))
            else:
                self._answers.append(word)
        return True

    def reported(self) -> tuple[int, int] | None:
        """(rowid, rewrite) the indexer last said it committed the index up to, if it said
        so since the last call; never waits."""
        with contextlib.suppress(OSError, ValueError):
            while self._read_lines(0) and select.select([self.process.stdout.fileno()], [], [], 0)[0]:
                pass
        reached, self._reached = self._reached, None
        return reached

    def sync(self) -> str:
        """Ask the indexer to catch up with SQLite, commit and move the mark; ``ok``,
        ``busy`` (another process holds the index's writer) or ``gone`` (it exited)."""
        try:
            self.process.stdin.write(b"c\n")
            self.process.stdin.flush()
            while not self._answers:
                if not self._read_lines(None):
                    return "gone"
        except (BrokenPipeError, OSError, ValueError):
            return "gone"
        self._reached = None  # it moved the mark itself, past what it reported before
        return self._answers.pop(0)

    def nudge(self) -> None:
        """Tell it the load has ended: catch up with SQLite and commit, without an answer."""
        self.tell(b"n")

    def tell(self, command: bytes) -> None:
        """A command without an answer (``n``, ``e``)."""
        with contextlib.suppress(BrokenPipeError, OSError, ValueError):
            self.process.stdin.write(command + b"\n")
            self.process.stdin.flush()

    def finish(self) -> None:
        """Let it catch up, commit and exit; wait for that."""
        with contextlib.suppress(OSError, ValueError):
            self.process.stdin.write(b"q\n")
            self.process.stdin.flush()
        with contextlib.suppress(OSError, ValueError):
            self.process.stdin.close()
        self.process.wait()
        with contextlib.suppress(OSError, ValueError):
            self.process.stdout.close()


def _commands(timeout: float, parent: int) -> tuple[int, bool, bool, bool]:
    """(catch-up requests read, whether a commit without answer was asked, whether the load
    said it ends soon, whether to finish), waiting up to ``timeout`` for one.
    Finish on ``q``, on stdin closing, or when the parent is gone (this process was handed
    to another): a process forked from the writer after it started this one (a tagging
    worker) holds a copy of the pipe, so its closing alone cannot be relied on."""
    ready, _, _ = select.select([0], [], [], timeout)
    if not ready:
        return 0, False, False, os.getppid() != parent
    data = os.read(0, 4096)
    return data.count(b"c"), b"n" in data, b"e" in data, not data or b"q" in data or os.getppid() != parent


def run(database_path: Path, early: bool = False) -> None:
    from outagewatch.search.sqlite.schema import Database
    from outagewatch.search.sqlite.textindex import TextIndex, words_path

    def reply(line: bytes) -> None:
        with contextlib.suppress(OSError):
            os.write(1, line + b"\n")

    database = Database(database_path)
    index = TextIndex(database, words_path(database_path))
    index.commit_seconds = COMMIT_SECONDS
    index.writer_threads = WRITER_THREADS
    # The writer holds SQLite's write lock most of the time: it moves the mark itself, to
    # where this process says the index is committed ("m ROWID SEQ", after the commit).
    index.report_mark = lambda added_to, pending_to: reply(f"m {added_to} {pending_to}".encode())
    wanted = closing = soon = ending = False
    last_work = time.monotonic()
    parent = os.getppid()

    try:
        while True:
            if not index.catch_up(limit=CHUNK):  # another process holds the index's writer
                if wanted:
                    reply(b"busy")
                    wanted = False
                soon = ending = False  # (the holder commits its own)
                if closing or time.monotonic() - last_work > IDLE_SECONDS:
                    return
                requests, nudged, _, eof = _commands(0.1, parent)
                wanted, closing = wanted or requests > 0, closing or eof
                continue
            if index.indexed:
                last_work = time.monotonic()
                early = False
            elif early:  # no row yet: the writer is still starting (its parent gone, it leaves)
                last_work = time.monotonic()
            if index.indexed == CHUNK:  # more rows wait: take any request, then read on
                requests, nudged, told, eof = _commands(0, parent)
                wanted, soon, closing = wanted or requests > 0, soon or nudged, closing or eof
                ending = ending or told
                continue
            # caught up with what SQLite held when this round began (and so with everything
            # committed before a request or a nudge read since)
            if wanted or closing or soon:
                index.commit_now()
                soon = False
                if wanted:
                    reply(b"ok")
                    wanted = False
                if closing:
                    return
            elif ending:
                # the load's last batches are on their way: commit the index now, beside them
                # (the writer moves the mark, as after a commit made because time passed)
                index.commit_index()
            elif time.monotonic() - last_work > IDLE_SECONDS:
                index.commit_now()  # its writer has gone quiet: move the mark, then leave
                return
            ending = False
            requests, soon, told, eof = _commands(0.05, parent)
            wanted, closing, ending = requests > 0, eof, told
    finally:
        index.close()
        database.close()


def main() -> None:
    # Ctrl-C in a terminal reaches the whole process group: the indexer finishes its work
    # when its parent goes instead (its stdin closes).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    early = "--early" in sys.argv[2:]
    if not early:
        # Below its writer: in a bulk load of Signals already tagged (or not to be), the
        # writer's two threads (its batches, and their deferred statements beside the next
        # batch, see Database.defer) are the load's critical path; this process has slack (it
        # commits every 30 s and catches up at the end), and at the same priority it took a
        # core from one of them (1M, tagging off, load 11-15: 42,373-42,558 signals/s with it
        # at nice 0, 46,169-48,543 at nice 10). Started early, for an ingest whose tagger
        # starts meanwhile, it keeps the writer's priority: there the tagger is the critical
        # path, not measured with this.
        os.nice(NICE)
    run(Path(sys.argv[1]), early=early)
    # Done: the index is committed and closed, the mark moved, SQLite closed. The interpreter's
    # own teardown (~20-30 ms of freeing modules) is skipped: the writer's close() waits for this
    # exit, at the end of every bulk load, with nothing else left to do.
    os._exit(0)


if __name__ == "__main__":
    main()
