"""Ingest's tagger, built in a process of its own while the file is already being read.

Why: building the tagger (importing spaCy, the matcher's tables, the language model) takes
~2 s before an ingest can tag its first Signal. Built in the writing process, as
:meth:`Tagger.default` does, it held up reading the file while the other core idled. Here
the writing process forks a *host* before anything else and goes on: it opens the store and
reads, decodes and validates the first batches (up to :data:`READ_AHEAD` Signals, held until
the host is ready) while the host imports spaCy, builds the tagger and forks its workers from
it (the same workers as :meth:`Tagger.tag_ahead`'s, sharing the host's pages). The writing
process never imports spaCy at all.

Then :meth:`TaggerHost.tag_ahead` does what :meth:`Tagger.tag_ahead` does: each batch goes to
the workers as soon as it is read, up to :data:`AHEAD` batches beyond the one the caller
stores, and comes back tagged, in order, exactly as :meth:`Tagger.tag_signals` would leave it.

The protocol, one duplex pipe between the writing process and the host:

- host -> caller, once: ``("ready", None)`` or ``("failed", message)`` (the tagger did not
  build: a bad ``[nlp] model``, an unreadable relevance model);
- caller -> host: ``("tag", seq, [share, ...])``, each share the pickled (text, source, lang)
  items of an equal share of the batch per worker; the host hands each share to a worker as it is (the
  bytes are never unpickled in the host) and answers ``(seq, [result, ...])``, each result the
  pickled compact tags of one share (:func:`_tag_share`), in the order asked;
- caller -> host: ``("close",)``: the host stops its workers (waiting for them, so their CPU
  time is the command's) and exits.

Failures: a worker that dies has its share tagged in the host (as :class:`Tagger` does); a host
that dies has the batches it held tagged in the writing process, by a tagger built there; the
writing process killed, the host sees its parent gone within a second and exits, and the
workers follow it.
"""

from __future__ import annotations

import atexit
import gc
import importlib.util
import logging
import os
import pickle
import queue
import signal as signals
import sys
import threading
import types
from collections import deque
from itertools import chain
from multiprocessing import Pipe
from operator import attrgetter
from typing import Any, Iterable, Iterator

from outagewatch import gcpause
from outagewatch.signal import Signal

READ_AHEAD = 100_000  # Signals read and held while the host starts (~0.5 KB each)
AHEAD = 2  # batches in the workers' hands beyond the one the caller is storing (as Tagger's)

log = logging.getLogger(__name__)


class TaggerLoadError(RuntimeError):
    """The host could not build the tagger; the message says why."""


def start(settings: dict | None = None) -> Any:
    """Ingest's tagger for the ``[nlp]`` settings: a :class:`TaggerHost` when tagging uses
    workers (``processes`` > 1) and this process can fork cleanly (no other thread running),
    else the in-process :meth:`Tagger.default` (built now)."""
    settings = dict(settings or {})
    if int(settings.get("processes") or 1) > 1 and threading.active_count() == 1:
        try:
            return TaggerHost(settings)
        except OSError as exc:  # no processes or memory left to fork
            log.warning("cannot start the tagging process (%s); tagging in this process", exc)
    from outagewatch.nlp.tagger import Tagger

    return Tagger.default(settings)


# -- started before the command line is even imported ----------------------------------------------

# Options that change what the early start would read (another configuration file, logging at INFO):
# with any of them on the line, the command starts its host itself, once it has read them.
_LATE = frozenset({"--config", "-c", "--verbose", "-v", "--no-tag", "--help", "-h"})
_early: "TaggerHost | None" = None  # forked by start_early, not yet taken by the command


def start_early(args: list[str]) -> None:
    """``outagewatch ingest FILE ...`` with ``[nlp] processes`` > 1: fork the tagging process now,
    at the interpreter's start (``python -m outagewatch``), before the command line's modules are
    imported and its options parsed.

    Why: those take ~0.4 s of CPU in the writing process before ``ingest`` could fork it, while the
    host's build (~2.3 s, the start-up's critical path) had not begun and the other core idled.
    The configuration is read here as the command reads it (file, environment); the command then
    reads it again and takes this host only if its ``[nlp]`` settings are the same
    (:func:`take_early`), else closes it and starts its own. Anything unusual (another word first,
    an option that changes what is read here, a bad file) starts nothing: the command starts its
    host itself, as before, and says what is wrong."""
    global _early
    at = 0
    while args[at:at + 1] and args[at].partition("=")[0] == "--store":  # where to store: not the tagger's
        at += 1 if "=" in args[at] else 2
    if _early is not None or args[at:at + 1] != ["ingest"] or threading.active_count() != 1:
        return
    if any(arg.partition("=")[0] in _LATE for arg in args[at + 1:]):
        return
    try:
        from outagewatch import logredact
        from outagewatch.config import load_config

        configuration = load_config(None)
        settings = dict(configuration.nlp)
        if int(settings.get("processes") or 1) <= 1:
            return
        # the host's logs mask the configuration's credentials, as when the command forks it
        logredact.install(logredact.config_secrets(configuration))
        _early = TaggerHost(settings)
    except Exception:  # noqa: BLE001 - the command reads the configuration again and says what is wrong
        return


def take_early(settings: dict) -> "TaggerHost | None":
    """The host :func:`start_early` forked, if it was started with these ``[nlp]`` settings (else it
    is closed: the caller starts one with its own)."""
    global _early
    host, _early = _early, None
    if host is None:
        return None
    if host.settings != dict(settings):
        host.close()
        return None
    # What this process imported since the fork (the command line's modules) lives as long as it:
    # frozen too, as TaggerHost.__init__ froze what there was then.
    gc.freeze()
    return host


class TaggerHost:
    """The writing process's handle on the host (see the module's docstring)."""

    def __init__(self, settings: dict) -> None:
        self.settings = settings
        self.processes = max(1, int(settings.get("processes") or 1))
        ours, theirs = Pipe(duplex=True)
        pid = os.fork()
        if pid == 0:  # the host
            code = 0
            try:
                ours.close()
                _serve(theirs, settings, os.getppid())
            except BaseException:  # noqa: BLE001 - said on stderr; the caller sees the pipe close
                log.exception("the tagging process failed")
                code = 1
            finally:
                os._exit(code)
        theirs.close()
        # What this process holds now (the command's modules, the configuration) lives as long as
        # it: frozen out of the garbage collector, as a tagger built here froze it, so the full
        # collections between batches (outagewatch.gcpause) walk only the batches.
        gc.freeze()
        self._conn, self._pid = ours, pid
        self._state = "starting"  # -> "ready", "failed" (message in _error) or "lost"
        self._error = ""
        self._seq = 0  # the last request sent
        self._answered = 0  # the last answer taken
        self._local = None  # a tagger built here once the host is lost
        self.exit_status: int | None = None  # the host's, as os.waitpid gave it, once closed
        # Called with the number of Signals held, once, when the caller has read all it may and
        # would only wait for the host to start (the store starts a bulk load's words indexer)
        self.on_hold = None
        self._stopping = False  # told to stop (see stop), not yet waited for
        atexit.register(self.close)

    # -- the host's state -----------------------------------------------------------------------

    def _started(self, wait: bool) -> bool:
        """Whether the host answered its start (ready, failed or lost); ``wait``: until it does."""
        if self._state == "starting" and (wait or self._poll()):
            try:
                what, message = self._conn.recv()
            except (EOFError, OSError):
                self._lose()
            else:
                self._state, self._error = what, message or ""
        if self._state == "failed":
            raise TaggerLoadError(self._error)
        return self._state != "starting"

    def _poll(self) -> bool:
        try:
            return self._conn.poll()
        except (EOFError, OSError):
            return True  # recv will say the host is gone

    def _lose(self) -> None:
        if self._state != "lost":
            log.warning("the tagging process is gone; tagging continues in this process")
        self._state = "lost"

    def _tagger_here(self):
        if self._local is None:
            from outagewatch.nlp.tagger import Tagger

            self._local = Tagger.default({**self.settings, "processes": 1})
        return self._local

    # -- tagging ----------------------------------------------------------------------------------

    def tag_ahead(self, batches: Iterable[list[Signal]]) -> Iterator[list[Signal]]:
        """Yield each batch tagged, in order, while the host's workers tag the next ones; batches
        read before the host is ready are held (up to :data:`READ_AHEAD` Signals) and sent then."""
        held: deque[list] = deque()  # [batch, its shares once made]
        sent: deque[tuple[int, list[Signal]]] = deque()
        holding = 0
        for batch in batches:
            held.append([batch, None])
            holding += len(batch)
            if holding >= READ_AHEAD:
                self._holding(holding, held)
            if not self._started(wait=holding >= READ_AHEAD):
                continue
            while held:
                batch, shares = held.popleft()
                sent.append((self._send(batch, shares), batch))
            holding = 0
            while len(sent) > AHEAD:
                yield self._receive(*sent.popleft())
        if held:
            self._holding(holding, held)
            self._started(wait=True)
            while held:
                batch, shares = held.popleft()
                sent.append((self._send(batch, shares), batch))
        while sent:
            yield self._receive(*sent.popleft())

    def _holding(self, count: int, held: deque[list]) -> None:
        """Before waiting for the host to start with ``count`` Signals read: what this process
        would otherwise do once the host is ready, done now on the core it would leave idle:
        :attr:`on_hold` (once), and the held batches' shares (each ~0.9 µs a Signal)."""
        hook, self.on_hold = self.on_hold, None
        if self._state != "starting" or self._poll():
            return
        if hook is not None:
            hook(count)
        for item in held:
            if item[1] is None:
                item[1] = self._shares(item[0])

    def __call__(self, batch: list[Signal]) -> None:
        """Tag one batch in place (the spine's plain ``tag(batch)``)."""
        for _ in self.tag_ahead([batch]):
            pass

    def _shares(self, batch: list[Signal]) -> list[bytes]:
        """The batch's pickled (text, source, lang) items, in one equal share per worker, as
        Tagger._submit splits a batch: a text costs the workers ~5% more CPU in shares of 1,000
        than of 2,500 (the tagger's stages run over fewer texts at a time)."""
        size = -(-len(batch) // self.processes)
        # the items made by C-level maps: a batch whose Signals have no title (social posts) searches
        # their text itself (Signal.searchable_text, a Python property called for each otherwise)
        texts = map(_text if not any(map(_title, batch)) else _searchable_text, batch)
        items = list(zip(texts, map(_source, batch), map(_lang, batch)))
        return [pickle.dumps(items[i:i + size], pickle.HIGHEST_PROTOCOL) for i in range(0, len(batch), size)]

    def _send(self, batch: list[Signal], shares: list[bytes] | None = None) -> int:
        """Hand the batch (its ``shares``, if made already) to the host; its request number (0:
        the host is gone, tag it here)."""
        if self._state == "lost":
            return 0
        if shares is None:
            shares = self._shares(batch)
        self._seq += 1
        try:
            self._conn.send(("tag", self._seq, shares))
        except OSError:
            self._lose()
            return 0
        return self._seq

    def _receive(self, seq: int, batch: list[Signal]) -> list[Signal]:
        """The batch's tags from the host, merged into it (tagged here if the host is gone)."""
        while seq and self._state != "lost":
            try:
                answered, results = self._conn.recv()
            except (EOFError, OSError):
                self._lose()
                break
            self._answered = answered
            if answered != seq:  # an answer for a batch an earlier, interrupted call left behind
                continue
            for signal, tags in zip(batch, chain.from_iterable(map(pickle.loads, results))):
                if tags.__class__ is str:  # no tag found: the language alone (most answers), as _merge takes it
                    if tags and not signal.lang:
                        signal.lang = tags
                elif tags is not None:
                    _merge(signal, tags)
            return batch
        self._tagger_here().tag_signals(batch)
        return batch

    def stop(self) -> None:
        """Tell a started host to stop, without waiting: it and its workers exit while this
        process finishes its own work (``ingest``: the store's close, the words indexer's last
        commit); :meth:`close` then only waits for them. No more batches may be sent."""
        if self._conn is not None and not self._stopping and self._state == "ready":
            try:
                self._conn.send(("close",))
            except OSError:
                return
            self._stopping = True

    def close(self) -> None:
        """Stop the host and its workers, and wait for them (their CPU time is the command's)."""
        conn, self._conn = getattr(self, "_conn", None), None
        if conn is None:
            return
        atexit.unregister(self.close)
        try:
            answered = self._state != "starting" or conn.poll()
        except OSError:
            answered = True
        if not answered:
            # never used (the file could not be opened, the command failed first): not worth the
            # rest of the build; a worker forked meanwhile sees its parent gone and leaves
            os.kill(self._pid, signals.SIGKILL)
        try:
            if not self._stopping:
                conn.send(("close",))
            while True:  # answers still coming (an interrupted call's): taken, so the host is never stuck
                conn.recv_bytes()
        except (EOFError, OSError):
            pass
        conn.close()
        try:
            self.exit_status = os.waitpid(self._pid, 0)[1]
        except ChildProcessError:
            pass


_text, _title, _source, _lang = attrgetter("text"), attrgetter("title"), attrgetter("source"), attrgetter("lang")
_searchable_text = attrgetter("searchable_text")


def _merge(signal: Signal, tags: Any) -> None:
    """Add a compact result (:func:`_tag_share`) to the Signal, keeping what the source set: what
    :func:`outagewatch.nlp.tagger._merge` does with the tags' dict."""
    if tags.__class__ is str or tags is None:  # no tag found: the language alone
        if tags and not signal.lang:
            signal.lang = tags
        return
    for name, found in zip(("services", "providers", "regions", "symptoms"), tags):
        if found:
            current = getattr(signal, name)
            merged = list(dict.fromkeys([*current, *found]))
            if merged != current:
                setattr(signal, name, merged)
    status, lang = tags[4], tags[5]
    if signal.status is None and signal.source_kind == "status" and status:
        signal.status = status
    if not signal.lang and lang:
        signal.lang = lang


# -- the host's side -------------------------------------------------------------------------------


def _tag_share(tagger, blob: bytes) -> bytes:
    """One share's tags in their compact form, pickled: a text with no tag as its language alone
    (as :func:`outagewatch.nlp.tagger._work_compact` sends it), any other as the tuple
    (services, providers, regions, symptoms, status, lang), what ingest keeps of them: a tuple
    pickles in fewer bytes and less time than the eight-key dict."""
    from outagewatch.nlp.tagger import _is_empty

    out = []
    for tags in tagger._tag_compact(pickle.loads(blob)):
        if tags.__class__ is dict:
            tags = tags["lang"] if _is_empty(tags) else (
                tags["services"], tags["providers"], tags["regions"], tags["symptoms"], tags["status"], tags["lang"])
        out.append(tags)
    return pickle.dumps(out, pickle.HIGHEST_PROTOCOL)


def _work(blob: bytes) -> bytes:
    """In a worker: one share's compact tags, pickled."""
    from outagewatch.nlp import tagger as tagging

    share = _tag_share(tagging._WORKER_TAGGER, blob)
    gcpause.worker_tidy()
    return share


def _import_spacy_without_cli() -> None:
    """``import spacy`` without its command line, in the host (which only tags).

    Why: ``spacy/__init__`` imports ``spacy.cli.info`` for ``spacy.info``, and with it the whole
    ``spacy.cli`` package: every command (download, init config, train, ...), typer, weasel,
    requests, httpx: ~365 modules, ~0.2 s of CPU at the head of the host's build (the start-up's
    critical path), none of it run. So ``spacy.cli`` is a bare package while spaCy imports (its
    submodules still import on demand) and ``spacy.cli.info`` a module whose ``info`` imports the
    real one when called; both are dropped from ``sys.modules`` once spaCy is in, so a later
    ``import spacy.cli`` imports the real package."""
    if "spacy" in sys.modules or "spacy.cli" in sys.modules:
        return
    spec = importlib.util.find_spec("spacy")
    if spec is None or spec.origin is None:
        return  # the tagger's import says spaCy is missing
    cli = types.ModuleType("spacy.cli")
    cli.__path__ = [os.path.join(os.path.dirname(spec.origin), "cli")]
    info = types.ModuleType("spacy.cli.info")

    def spacy_info(*args, **kwargs):
        from spacy.cli.info import info as real

        return real(*args, **kwargs)

    info.info = spacy_info
    sys.modules["spacy.cli"], sys.modules["spacy.cli.info"] = cli, info
    try:
        import spacy  # noqa: F401
    finally:
        for name in ("spacy.cli.info", "spacy.cli"):
            if sys.modules.get(name) in (cli, info):
                del sys.modules[name]


def _serve(conn, settings: dict, parent: int) -> None:
    """The host: build the tagger, fork its workers, then serve requests until told to close
    (or the writing process is gone)."""
    signals.signal(signals.SIGINT, signals.SIG_IGN)  # Ctrl-C is the writing process's to handle
    try:
        _import_spacy_without_cli()
        from outagewatch.nlp import tagger as tagging
        from outagewatch.nlp.relevance import RelevanceModel

        # Ingest keeps no relevance (a Signal has no such field): the classifier is never run
        # here, so it is not built (~0.2 s of the build); its file is still checked, so a bad
        # ``[nlp] relevance_model`` stops the ingest as it stops ``tag``.
        RelevanceModel.check(settings.get("relevance_model") or None)
        tagger = tagging.Tagger(settings=settings, relevance_model=False)
        tagging._INHERITED.append(conn)  # the workers close their copy of the pipe
        tagger._get_pool()  # the workers fork now, before any thread runs here
    except Exception as exc:  # noqa: BLE001 - the writing process says it, in one line
        from outagewatch.extras import hint_for

        conn.send(("failed", hint_for(exc) or str(exc)))
        return
    conn.send(("ready", None))
    threading.Thread(target=_watch, args=(parent,), daemon=True, name="outagewatch-parent-watch").start()
    answers: queue.SimpleQueue = queue.SimpleQueue()
    sender = threading.Thread(target=_answer, args=(conn, answers, tagger), name="outagewatch-tag-answers")
    sender.start()
    try:
        while True:
            try:
                request = conn.recv()
            except (EOFError, OSError):
                break
            if request[0] == "close":
                break
            _, seq, shares = request
            parts = []
            for blob in shares:
                future = None
                pool = tagger._pool
                if pool is not None:
                    try:
                        future = pool.submit(_work, blob)
                    except Exception:  # noqa: BLE001 - a broken pool: this share is tagged here
                        tagger._broken()
                parts.append((blob, future))
            answers.put((seq, parts))
    finally:
        answers.put(None)
        sender.join()
        tagger.close()
        conn.close()


def _answer(conn, answers: queue.SimpleQueue, tagger) -> None:
    """The host's second thread: each request's results in order, sent as they are ready (the
    first thread keeps taking requests meanwhile, so neither side can wait on the other)."""
    broken = False
    for seq, parts in iter(answers.get, None):
        results = []
        for blob, future in parts:
            result = None
            if future is not None and not broken:
                try:
                    result = future.result()
                except Exception:  # noqa: BLE001 - the worker died: its share is tagged here
                    broken = True
                    tagger._broken()
            results.append(result if result is not None else _tag_share(tagger, blob))
        try:
            conn.send((seq, results))
        except OSError:  # the writing process is gone
            return


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        threading.Event().wait(1.0)
    os._exit(0)
