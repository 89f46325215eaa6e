"""The Tagger: builds the pipeline from the catalog once and tags Signals in batches.

``Tagger.default()`` is what ingest and collection use (cached per process). Tags the
source already set are kept: the tagger only adds. Big batches can use both cores
(``processes=2``): each worker process holds its own tagger (forked, so built once) and
sends back only the tags, never spaCy Docs. The workers start once, on the first big
batch, and serve every later one until :meth:`Tagger.close`.

:meth:`Tagger.tag_ahead` is how the spine uses them: while the caller stores one batch,
the workers tag the next ones, so ingest costs about the larger of tagging and storing
instead of their sum.

Relevance (``relevant``, ``ongoing``) is the rules' verdict combined with a trained classifier
(:mod:`outagewatch.nlp.relevance`): where the model is confident it decides, elsewhere the
rules do. It runs where relevance is read (:meth:`Tagger.tag_texts`, :meth:`Tagger.tag_text`,
:meth:`Tagger.explain_texts`: ``outagewatch tag``); a Signal keeps no relevance, so
:meth:`Tagger.tag_signals` and :meth:`Tagger.tag_ahead` (ingest, collection) skip it.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import signal as signals
import threading
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Iterable, Iterator, Sequence

from spacy.language import Language

from outagewatch import gcpause
from outagewatch.catalog import Catalog, load_catalog
from outagewatch.nlp import compiled
from outagewatch.nlp import lang as langs
from outagewatch.nlp.pipeline import LANG, LANG_HINT, LANG_SAMPLE, Matcher, doc_words, make_nlp, text_of
from outagewatch.nlp.pipeline import TEXT
from outagewatch.nlp.prescan import Prescan
from outagewatch.nlp.relevance import RelevanceModel
from outagewatch.nlp.resolve import Tags, resolve
from outagewatch.nlp.source import EMPTY, parse_source
from outagewatch.nlp.vocabulary import build_vocabulary
from outagewatch.signal import Signal

compiled.check()  # the opt-in compiled rules (make compiled) must be built from the sources beside them

BATCH_SIZE = 1000
PARALLEL_MIN = 4000  # below this, starting workers costs more than it saves
MAX_CHARS = 100_000  # tag the head of a huge text: names and symptoms come first
MIN_CHUNK = 250  # the smallest chunk a worker is handed (each costs a round trip)
AHEAD = 2  # batches handed to the workers beyond the one the caller is storing

log = logging.getLogger(__name__)


class _Pending:
    """A component slot filled by :class:`Tagger` (spaCy factories cannot take a catalog object)."""

    def __init__(self) -> None:
        self.impl = None

    def __call__(self, doc):
        return self.impl(doc)


@Language.factory("outagewatch_matcher")
def _matcher_factory(nlp: Language, name: str) -> _Pending:
    return _Pending()


@Language.factory("outagewatch_lang")
def _lang_factory(nlp: Language, name: str) -> "LangComponent":
    return LangComponent()


class LangComponent:
    """Sets ``doc._.ow_lang``: the source's own language tag if it gave one, else detected."""

    def __call__(self, doc):
        data = doc.user_data
        hint = data.get(LANG_HINT)
        if hint:
            data[LANG] = hint
        else:
            # The model, if needed, runs later for the whole batch (see lang.quick): the sample waits.
            data[LANG], data[LANG_SAMPLE] = langs.quick(text_of(doc), doc_words(doc)[1])
        return doc


def _settle_languages(docs) -> None:
    """Run the language model, one call after another, for the docs the cheap cases left open."""
    for doc in docs:
        sample = doc.user_data.pop(LANG_SAMPLE, None)
        if sample:
            doc.user_data[LANG] = langs.model(sample)


class Tagger:
    _defaults: "dict[tuple[str | None, int, str | None], Tagger]" = {}
    _lock = threading.Lock()

    def __init__(self, catalog: Catalog | None = None, *, model: str | None = None, processes: int = 1,
                 settings: dict | None = None, relevance_model: bool | str | os.PathLike = True):
        """``settings``: the ``[nlp]`` section as the entry point loaded it (``model``,
        ``processes``, ``relevance_model``: a path); explicit arguments win over it. The tagger never
        reads a configuration file or the environment itself. ``relevance_model``: True for the
        shipped relevance classifier, a path for another, False for the rules alone (the
        benchmarks compare them); a missing or unreadable file raises
        :class:`~outagewatch.nlp.relevance.RelevanceModelError`, never a quiet fallback."""
        if settings:
            model = model or settings.get("model") or None
            processes = processes if processes != 1 else int(settings.get("processes") or 1)
            if relevance_model is True and settings.get("relevance_model"):
                relevance_model = settings["relevance_model"]
        # The workers share the language model, loaded before they fork (:meth:`_get_pool`). A tagger
        # that will have workers starts that load now, in a thread, while it builds its tables: most of
        # it is xz decompression, which releases the GIL, so it runs on the other core (0.45 s of CPU
        # that held up the first batch of an ingest while the other core idled).
        self._preloading = _in_background(langs.preload, "outagewatch-language-model") if processes > 1 else None
        # Built with the collector off (outagewatch.gcpause): its full walks of the growing tables
        # were ~0.3 s of the build. The relevance model's load turns it back on (srsly), so it is
        # loaded apart.
        with gcpause.paused():
            self.catalog = catalog or load_catalog()
            self.vocab = build_vocabulary(self.catalog)
        self.relevance: RelevanceModel | None = None
        if relevance_model is not False:
            self.relevance = RelevanceModel.load(None if relevance_model is True else relevance_model)
        with gcpause.paused():
            self.nlp = make_nlp(model or "xx")
            self.nlp.add_pipe("outagewatch_matcher").impl = Matcher(self.nlp, self.vocab, blank=(model or "xx") == "xx")
            # Tokenizing the matcher's ~30k patterns leaves the tokenizer's cache in a state that
            # makes every later text ~3x slower to tokenize (measured: 38 -> 125 µs a tweet); a
            # fresh cache, as assigning the same rules gives, costs nothing and keeps it fast.
            self.nlp.tokenizer.rules = self.nlp.tokenizer.rules
            self.nlp.add_pipe("outagewatch_lang")
            self.prescan = Prescan(self.vocab)
        # A user's statistical model (``[nlp] model``) runs first; its entities are extra evidence.
        self.entities = any(name in self.nlp.pipe_names for name in ("ner", "entity_ruler", "span_ruler"))
        self.processes = max(1, processes)
        self._pool: ProcessPoolExecutor | None = None
        self._pool_failed = False
        # The vocabulary is a few hundred thousand long-lived objects: the garbage collector
        # walking them on every full collection cost ~10% of tagging, and in a forked worker
        # its walk writes to every page the worker shares with its parent (copy on write).
        # Frozen, they are never walked; they live as long as the process anyway.
        gc.freeze()

    @classmethod
    def default(cls, settings: dict | None = None) -> "Tagger":
        """The process-wide tagger from the bundled catalog and the ``[nlp]`` settings the
        entry point passes (None: the defaults, no model, one process)."""
        settings = settings or {}
        key = (settings.get("model") or None, int(settings.get("processes") or 1),
               settings.get("relevance_model") or None)
        found = cls._defaults.get(key)
        if found is None:
            with cls._lock:
                found = cls._defaults.get(key)
                if found is None:
                    # One per [nlp] setting: a process (or a test run) that asks with other
                    # settings gets a tagger built with them, never the first caller's.
                    found = cls._defaults[key] = cls(settings=settings)
        return found

    # -- tagging --------------------------------------------------------------------------------

    def tag_texts(self, items: Iterable[tuple[str, str | None, str | None]], *,
                  want_status: Iterable[bool] | None = None) -> Iterator[dict[str, Any]]:
        """Tag (text, source, lang) triples in order; yields the tag dicts of :meth:`tag_text`."""
        items = list(items)
        if self.processes > 1 and len(items) >= PARALLEL_MIN:
            yield from self._tag_parallel(items)
            return
        yield from self._tag_serial(items, relevance=True)

    def _tag_serial(self, items: Sequence[tuple[str, str | None, str | None]], relevance: bool = False
                    ) -> Iterator[dict[str, Any]]:
        """Texts the prescan clears get empty tags and their language; the rest go through
        the pipeline. Order is kept. ``relevance``: combine the rules' relevance with the model's."""
        for tags in self._tag_compact(items, relevance):
            yield tags if tags.__class__ is dict else _empty(tags)

    def _tag_compact(self, items: Sequence[tuple[str, str | None, str | None]], relevance: bool = False
                     ) -> Iterator[dict[str, Any] | str | None]:
        """:meth:`_tag_serial`, but a text the prescan clears comes as its language alone (a
        worker sends that back; no seven-key dict is built, compared and pickled for it)."""
        with gcpause.paused():
            contexts = [parse_source(source, self.vocab) for _, source, _ in items]
            clear = self.prescan.clear
            cleared = [None if _informative(ctx) else clear(text[:MAX_CHARS])
                       for (text, _, _), ctx in zip(items, contexts)]
            passed = [words is None for words in cleared]
            if not all(passed):
                # The cleared texts' languages first, the model's calls in a row (see lang.quick).
                found = [(langs.normalize(lang), None) if words is None or langs.normalize(lang) else
                         langs.quick(text[:MAX_CHARS], words) for (text, _, lang), words in zip(items, cleared)]
                found = [langs.model(sample) if sample else lang for lang, sample in found]
            # The cleared texts' words are freed here, inside the pause: left alive past it, the collection its
            # end sets off walked every list of them and its words (most of what the collector found to walk:
            # ~40 ms of 6,000 mix texts' tagging went to that one collection, billed to whatever ran next).
            del cleared
        if all(passed):
            yield from self._tag_full(items, contexts, relevance)
            return
        tagged = self._tag_full([item for item, p in zip(items, passed) if p],
                                [c for c, p in zip(contexts, passed) if p], relevance)
        for p, lang in zip(passed, found):
            if p:
                yield next(tagged)
            else:
                yield lang

    def _tag_full(self, items, contexts, relevance: bool = False) -> Iterator[dict[str, Any]]:
        """The whole pipeline: tokenizer, matcher, language, rules, a batch at a time and one
        stage at a time over the batch (tokenize all, match all, then the rules): each stage's
        tables stay in the CPU caches, ~18% faster than taking each text through every stage."""
        for at in range(0, len(items), BATCH_SIZE):
            with gcpause.paused():
                batch = self._tag_batch(items[at:at + BATCH_SIZE], contexts[at:at + BATCH_SIZE], relevance)
            yield from batch

    def _tag_batch(self, chunk, contexts, relevance: bool) -> list[dict[str, Any]]:
        """One batch of :meth:`_tag_full`."""
        texts = [text[:MAX_CHARS] if len(text) > MAX_CHARS else text for text, _, _ in chunk]
        docs = list(self.nlp.tokenizer.pipe(texts))
        for doc, text, (_, _, lang) in zip(docs, texts, chunk):
            doc.user_data[TEXT] = text
            hint = langs.normalize(lang)
            if hint:
                doc.user_data[LANG_HINT] = hint
        for _, component in self.nlp.pipeline:
            docs = list(component.pipe(docs, batch_size=BATCH_SIZE)) if hasattr(component, "pipe") else \
                [component(doc) for doc in docs]
        _settle_languages(docs)
        model = self.relevance if relevance else None
        probs = model.predict_docs(docs) if model is not None else None
        out = []
        for i, (doc, ctx) in enumerate(zip(docs, contexts)):
            want = ctx.kind in (None, "status")
            tags = resolve(doc, self.vocab, ctx, want_status=want, entities=self.entities)
            found = _as_dict(tags, doc.user_data.get(LANG))
            if probs is not None:
                _with_model(found, model, probs[i], tags.denied, tags.now, tags.operator)
            elif relevance:  # the rules alone: what the model's guards read (for the benchmarks)
                found["denied"], found["now"], found["operator"] = tags.denied, tags.now, tags.operator
            out.append(found)
        return out

    def _tag_parallel(self, items):
        """The workers tag the chunks, taking the next one as each finishes; this process only
        hands them out and yields the tags in order.

        ``processes`` workers on as many cores: a worker whose core another job is using takes
        fewer chunks, so nobody waits on a fixed share, and this process (asleep while it waits)
        competes with none of them.
        """
        pool = self._get_pool()
        if pool is None:
            yield from self._tag_serial(items, relevance=True)
            return
        chunks = _chunks(items, self.processes)
        try:
            futures = [pool.submit(_work_compact, chunk, True) for chunk in chunks]
        except BrokenProcessPool:
            self._broken()
            yield from self._tag_serial(items, relevance=True)
            return
        for chunk, future in zip(chunks, futures):
            try:
                results = future.result()
            except BrokenProcessPool:
                self._broken()
                yield from self._tag_serial(chunk, relevance=True)
                continue
            yield from (tags if tags.__class__ is dict else _empty(tags) for tags in results)

    def _get_pool(self) -> ProcessPoolExecutor | None:
        """The worker processes: ``processes`` of them, forked once from this built tagger
        (nothing is rebuilt there) and reused by every later batch until :meth:`close`."""
        if self._pool is None and not self._pool_failed:
            with _FORKING:  # one pool at a time (an API server's threads), each forked with its own tagger
                if self._pool is None and not self._pool_failed:
                    global _WORKER_TAGGER
                    _WORKER_TAGGER = self  # inherited by the forked workers: no rebuild there
                    if self._preloading is not None:  # no thread may be running at the fork
                        self._preloading.join()
                        self._preloading = None
                    langs.preload()  # the language model too (0.5 s to load in each process otherwise)
                    pool = ProcessPoolExecutor(self.processes, mp_context=multiprocessing.get_context("fork"),
                                               initializer=_worker_start, initargs=(os.getpid(),))
                    try:
                        pool.submit(int).result()  # the workers fork now, while _WORKER_TAGGER is this tagger
                    except (BrokenProcessPool, OSError) as exc:  # no memory or processes left to fork
                        log.warning("cannot start tagging workers (%s); tagging in this process", exc)
                        pool.shutdown(wait=False, cancel_futures=True)
                        self._pool_failed = True
                        return None
                    self._pool = pool
        return self._pool

    def _broken(self) -> None:
        """A worker died (killed, out of memory): tag in this process from now on."""
        pool, self._pool, self._pool_failed = self._pool, None, True
        if pool is not None:
            log.warning("a tagging worker process died; tagging continues in this process")
            pool.shutdown(wait=False, cancel_futures=True)

    def close(self) -> None:
        """Stop the worker processes (waits for them, so their CPU time is accounted)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            self._pool = None

    def explain_texts(self, items: Iterable[tuple[str, str | None, str | None]]) -> Iterator[dict[str, Any]]:
        """Tags plus ``explain``: whether the prescan cleared the text, and every decision the
        rules took (each name, place, region and symptom found; tagged or not; the rule), and
        which cue decided relevance. Slower than :meth:`tag_texts`: for ``tag --explain``."""
        for text, source, lang in items:
            ctx = parse_source(source, self.vocab)
            text = text[:MAX_CHARS]
            if not (_informative(ctx) or self.prescan.candidate(text)):
                tags = next(self._tag_serial([(text, source, lang)]))
                yield {**tags, "explain": {"prescan": "cleared: no catalog name, place, problem or status word, "
                                                      "no handle, hashtag, host or region code",
                                           "decisions": [{"what": "relevance", "text": "", "tagged": False,
                                                          "rule": "nothing to tag"}]}}
                continue
            doc = self.nlp.make_doc(text)
            doc.user_data[TEXT] = text
            hint = langs.normalize(lang)
            if hint:
                doc.user_data[LANG_HINT] = hint
            for _, component in self.nlp.pipeline:
                doc = component(doc)
            _settle_languages([doc])
            trace: list[dict[str, Any]] = []
            tags = resolve(doc, self.vocab, ctx, want_status=ctx.kind in (None, "status"), entities=self.entities,
                           trace=trace)
            # A place written one way can stand for several gazetteer rows with the same verdict: say it once.
            seen: set[tuple] = set()
            trace = [d for d in trace if not (key := tuple(sorted((k, str(v)) for k, v in d.items()))) in seen
                     and not seen.add(key)]
            source_said = [f"source names {', '.join((*ctx.services, *ctx.providers, *ctx.regions))}"] \
                if ctx.services or ctx.providers or ctx.regions else []
            found = _as_dict(tags, doc.user_data.get(LANG))
            if self.relevance is not None:
                _with_model(found, self.relevance, self.relevance.predict_docs([doc])[0], tags.denied, tags.now,
                            tags.operator)
            yield {**found, "explain": {"prescan": "; ".join(["candidate", *source_said]), "decisions": trace}}

    def tag_text(self, text: str, source: str | None = None, lang: str | None = None) -> dict[str, Any]:
        """Tags of one text: services, providers, regions, symptoms, status, lang, relevant, ongoing
        (and ``model``: what the relevance classifier said, when it ran)."""
        return next(self._tag_serial([(text, source, lang)], relevance=True))

    def tag_signals(self, signals: list[Signal]) -> None:
        """Tag in place, keeping what the source set (tags, status and lang are only added)."""
        for signal, tags in zip(signals, self.tag_texts([_item(s) for s in signals])):
            _merge(signal, tags)

    __call__ = tag_signals  # the spine's ``tag`` callable: ``tag(batch)``

    def tag_ahead(self, batches: Iterable[list[Signal]]) -> Iterator[list[Signal]]:
        """Yield each batch tagged, in order, tagging the next ones meanwhile.

        With ``processes`` > 1, each batch is split among ``processes`` worker processes as
        soon as it is read, and up to :data:`AHEAD` batches are in their hands while the
        caller works on the one yielded (storing it): tagging and storing overlap, and the
        caller's core is free for reading and storing. With one process, or a lone batch too
        small to be worth the workers, the batch is tagged here, as :meth:`tag_signals` does.
        The caller sees every batch in order, fully tagged, exactly as :meth:`tag_signals`
        would leave it.
        """
        pending: deque[tuple[list[Signal], list[tuple[int, int, Future]]]] = deque()
        try:
            for batch in batches:
                if self.processes > 1 and (pending or self._pool is not None or len(batch) >= PARALLEL_MIN):
                    shares = self._submit(batch)
                    if shares is not None:
                        pending.append((batch, shares))
                        if len(pending) > AHEAD:
                            yield self._collect(*pending.popleft())
                        continue
                while pending:
                    yield self._collect(*pending.popleft())
                self.tag_signals(batch)
                yield batch
            while pending:
                yield self._collect(*pending.popleft())
        finally:  # the caller stopped early (a store failure): drop what the workers have not begun
            for _, shares in pending:
                for _, _, future in shares:
                    future.cancel()

    def _submit(self, batch: list[Signal]) -> list[tuple[int, int, Future]] | None:
        """The batch in ``processes`` equal shares sent to the workers, as (start, end, future);
        None if there are no workers."""
        pool = self._get_pool()
        if pool is None:
            return None
        items = [_item(s) for s in batch]
        size = -(-len(items) // self.processes)
        try:
            return [(i, i + size, pool.submit(_work_compact, items[i:i + size])) for i in range(0, len(items), size)]
        except BrokenProcessPool:
            self._broken()
            return None

    def _collect(self, batch: list[Signal], shares: list[tuple[int, int, Future]]) -> list[Signal]:
        """Wait for a batch's tags and merge them; a share whose worker died is tagged here."""
        for start, end, future in shares:
            try:
                results = future.result()
            except BrokenProcessPool:
                self._broken()
                self.tag_signals(batch[start:end])
                continue
            for signal, tags in zip(batch[start:end], results):
                if tags.__class__ is dict:
                    _merge(signal, tags)
                elif tags and not signal.lang:  # no tag found: the language alone was sent
                    signal.lang = tags
        return batch


def _chunks(items: Sequence, processes: int) -> list:
    """``items`` cut into the chunks :meth:`Tagger._tag_parallel` hands out, in order: an eighth of a
    worker's share each, and once less than half is left a quarter of a worker's share of what is
    left, down to :data:`MIN_CHUNK`.

    Why the tail shrinks: the workers take chunks as each finishes, so the one that takes the last
    chunk works on alone while the other has nothing left; with equal chunks of 1,875 texts (30,000 on
    two workers) that wait was ~half a chunk's time on average (~75 ms of a ~1.2 s run on a quiet
    machine, ~340 ms at load 8), with the tail shrinking to 250 texts it is a few ms. A text's tags
    do not depend on the chunk it is in."""
    n = len(items)
    base = max(MIN_CHUNK, -(-n // (processes * 8)))
    chunks = []
    at = 0
    while at < n:
        size = max(MIN_CHUNK, min(base, -(-(n - at) // (processes * 4))))
        chunks.append(items[at:at + size])
        at += size
    return chunks


_WORKER_TAGGER: Tagger | None = None
_FORKING = threading.Lock()
_INHERITED: list = []  # what a worker closes at its start (the ingest host's pipe: see outagewatch.nlp.host)


def _in_background(work, name: str) -> threading.Thread:
    """``work()`` in a daemon thread; a failure there is left for the next caller in the
    foreground to meet (the preload's work is cached only when it succeeds)."""
    def run() -> None:
        try:
            work()
        except Exception:  # noqa: BLE001 - raised again, with its message, where it is needed
            pass

    thread = threading.Thread(target=run, name=name, daemon=True)
    thread.start()
    return thread


def _worker_start(parent: int) -> None:
    """In each worker: Ctrl-C is the parent's to handle, and a parent that dies (kill -9)
    takes its workers with it instead of leaving them waiting on the queue.

    Everything inherited from the parent at the fork (its batch of Signals in flight, the
    store's objects, whatever it built after the tagger) is frozen out of the garbage
    collector too: a worker never frees them, and each collection that walked them wrote to
    their pages, copying them from the parent one by one. Then the collector stays off: a worker
    only tags, which makes no reference cycles, and collects in full itself after a chunk when
    what it holds has grown (:func:`outagewatch.gcpause.worker_tidy`)."""
    signals.signal(signals.SIGINT, signals.SIG_IGN)
    for inherited in _INHERITED:  # its parent's pipe to the writing process: only its parent's
        inherited.close()
    gc.freeze()
    gcpause.worker_off()  # a worker only tags: it collects itself, after a chunk (gcpause.worker_tidy)

    def watch() -> None:
        while os.getppid() == parent:
            threading.Event().wait(1.0)
        os._exit(0)

    threading.Thread(target=watch, daemon=True, name="outagewatch-parent-watch").start()


def _work(chunk):
    tags = list(_WORKER_TAGGER._tag_serial(chunk))
    gcpause.worker_tidy()
    return tags


def _work_compact(chunk, relevance: bool = False):
    """Tags of a chunk for :meth:`Tagger.tag_ahead`: a text that got no tag is sent back as its
    language alone (most texts: one short string instead of a seven-key dict to pickle)."""
    out = [tags if tags.__class__ is not dict else tags["lang"] if _is_empty(tags) else tags
           for tags in _WORKER_TAGGER._tag_compact(chunk, relevance)]
    gcpause.worker_tidy()
    return out


def _is_empty(tags: dict[str, Any]) -> bool:
    """Exactly what :func:`_empty` gives for its language (whatever keys the tags grow)."""
    return not tags["services"] and tags == _empty(tags["lang"])


def _item(signal: Signal) -> tuple[str, str | None, str | None]:
    return signal.searchable_text, signal.source, signal.lang


def _merge(signal: Signal, tags: dict[str, Any]) -> None:
    """Add the tags to the Signal, keeping what the source set (tags, status and lang only added)."""
    for name in ("services", "providers", "regions", "symptoms"):
        found = tags[name]
        if found:
            current = getattr(signal, name)
            merged = list(dict.fromkeys([*current, *found]))
            if merged != current:
                setattr(signal, name, merged)
    if signal.status is None and signal.source_kind == "status" and tags["status"]:
        signal.status = tags["status"]
    if not signal.lang and tags["lang"]:
        signal.lang = tags["lang"]


def _informative(ctx) -> bool:
    """A source that names something, or a status page (whose every text has a stage)."""
    return ctx is not EMPTY and bool(ctx.services or ctx.providers or ctx.regions or ctx.words or ctx.kind == "status")


def _empty(lang: str | None) -> dict[str, Any]:
    return {"services": [], "providers": [], "regions": [], "symptoms": [], "status": None, "lang": lang,
            "relevant": False, "ongoing": False}


def _as_dict(tags: Tags, lang: str | None) -> dict[str, Any]:
    return {"services": tags.services, "providers": tags.providers, "regions": tags.regions,
            "symptoms": tags.symptoms, "status": tags.status, "lang": lang, "relevant": tags.relevant,
            "ongoing": tags.ongoing}


def _with_model(tags: dict[str, Any], model: RelevanceModel, p, denied: bool, now: str | None = None,
                operator: bool = False) -> None:
    """Combine the rules' relevance in ``tags`` with the model's, in place; ``tags["model"]`` keeps
    the probabilities, the rules' own flags and which of the two decided each flag.

    The model may say yes over the rules' no only where the rules found something to talk about
    (a service, provider or problem word, or a network operator the catalog lacks: "Bouygues en carafe sur tout
    Marseille") and did not rule it out on purpose (``denied``: a negated
    or everyday-sense problem word, a power cut, maintenance): a bag of n-grams cannot read "isn't
    down" or "Amazon River", and those are the rules' strength; past that guard only where it is sure
    (:attr:`RelevanceModel.sure`, a model file's own) and the rules ruled nothing out: a carrier, bank or
    ISP the catalog does not know, "Klarna-appen vägrar godkänna mitt köp". Where the rules read a status stage
    ("Resolved:", "Identified -", "解決済み"), the stage decides. Nor may it say no to the rules'
    "a problem now" where the text dates it to the present (``now``: "today's", "right now",
    "currently", "今日"): "Cloudflare explains what is causing today's outage" is an outage going
    on, though "explains" pulls the model's p down."""
    rules = {"relevant": tags["relevant"], "ongoing": tags["ongoing"]}
    may_add = bool(tags["services"] or tags["providers"] or tags["symptoms"] or operator) and not denied
    staged = tags["status"] is not None
    relevant, by_rel = model.decide("relevant", rules["relevant"], p.relevant, may_add, staged, denied=denied)
    ongoing, by_ong = model.decide("ongoing", rules["ongoing"], p.ongoing, may_add, staged, may_deny=not now,
                                   denied=denied)
    if relevant and not rules["relevant"] and not ongoing:
        # The rules read no outage at all, so their "not ongoing" says nothing about time: the
        # model's own verdict does ("se quedó pillado otra vez" is a problem now, not a look-back).
        ongoing, by_ong = p.ongoing >= 0.5, "model"
    if ongoing and not relevant:  # a problem now is about an outage
        relevant, by_rel = True, by_ong
    tags["relevant"], tags["ongoing"] = relevant, ongoing
    # Who decided, where it matters: "both" when the rules and the model's own verdict (p >= 0.5) agree.
    tags["model"] = {"relevant": round(p.relevant, 3), "ongoing": round(p.ongoing, 3), "rules": rules,
                     "decided_by": {"relevant": "both" if rules["relevant"] == (p.relevant >= 0.5) else by_rel,
                                    "ongoing": "both" if rules["ongoing"] == (p.ongoing >= 0.5) else by_ong}}
