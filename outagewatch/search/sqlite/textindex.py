"""The SQLite store's words index: Tantivy beside the SQLite file, kept up to date from it.

Why: FTS5 computes bm25 for every match of a word and cannot stop early, so ranking a
word found in 300k of a million Signals cost 300-500 ms; Tantivy (the Rust engine behind
several search products) ranks with block-max WAND and answers the same in a few ms.

What it holds: per Signal its SQLite rowid, time, words of title and text (split as
:func:`outagewatch.search.query.words_of` splits them, which is what the Elasticsearch
store indexes and what queries are made of), and its filter fields. Nothing else: records, tags,
checkpoints and incidents stay in SQLite, and this index is *derived* from it.

How it stays right without a shared transaction: SQLite is written first and is the
truth. The index records in SQLite's ``meta`` how far it has caught up (``text_state``:
the highest rowid and the last rewrite it has committed); rows past that mark, and rows
rewritten since (``text_pending``, filled in the same SQLite transaction as the rewrite),
are read back from SQLite and indexed, then the index is committed, then the mark moves.
A crash anywhere in between (kill -9 included) leaves the mark behind what the index may
hold. Only rows SQLite has committed are indexed, in rowid order, so a committed index
holds every rowid up to its highest: the next writer keeps those (when the folder's
``outagewatch-generation`` file names this file's generation), moves the mark to them,
and deletes anything past them or, for a folder of unknown origin, past the mark; so no
Signal is lost or found twice, and no deleted copies are left to shift the bm25 scores. Deleting the index folder is safe too: it
is rebuilt from SQLite on the next open, so the SQLite file stays the one thing to back up.

Concurrency: one process at a time holds Tantivy's writer lock (the first that writes,
or reads while rows wait); others skip indexing and search what is committed, and their
rows are indexed by the holder at its next write or read. Commits happen at most once a
second while rows keep coming and before any words search of the writing process. During
a bulk load the writer hands the lock to an indexer process (:mod:`.indexer`) that reads
the new rows back from SQLite, so indexing runs beside the writes, on another core (it
commits every 30 s, and the writer moves the mark for it).
"""

from __future__ import annotations

import contextlib
import re
import shutil
import time
import uuid
from pathlib import Path
from typing import Any, Iterator

import orjson
import tantivy

from outagewatch.search.query import Atom, Query, words_of
from outagewatch.search.sqlite.runclock import RunClock
from outagewatch.search.sqlite.schema import Database
from outagewatch.signal import Signal
from outagewatch.textrules import CJK_CHARS
from outagewatch.timeutil import to_millis

TITLE_BOOST = 2.0  # a word in the title counts double, as in Elasticsearch
COMMIT_SECONDS = 1.0
WRITER_HEAP = 128_000_000
WRITER_THREADS = 2  # indexing runs in Rust threads beside the Python writer
# A run of writes (each less than RUN_GAP_SECONDS after the last) that has stored this many
# new rows is a bulk load: an indexer process takes the words over (:mod:`.indexer`).
BULK_ROWS = 20_000
RUN_GAP_SECONDS = 2.0
GENERATION_FILE = "outagewatch-generation"
_ROW = "rowid, published_at, title, text, source_kind, source, services, providers, regions"
# Query filter -> index field (tags as single tokens: the raw tokenizer).
FILTERS = (("services", "services"), ("providers", "providers"), ("regions", "regions"),
           ("kinds", "kind"), ("sources", "source"))


def words_path(database: Path) -> Path:
    """Where the words index of a store file lives: a folder beside it."""
    return database.with_name(database.name + ".words")


def _schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_integer_field("rowid", indexed=True, fast=True)
    builder.add_integer_field("published", indexed=True, fast=True)
    builder.add_text_field("title", tokenizer_name="words", index_option="position")
    builder.add_text_field("text", tokenizer_name="words", index_option="position")
    for _, name in FILTERS:
        builder.add_text_field(name, tokenizer_name="raw", index_option="basic")
    return builder.build()


SCHEMA = _schema()


# The words are split by the very rule of query.words_of (a CJK character alone, else a
# run of letters and digits, lowercased). ASCII text, most of it, is split in Rust by
# Tantivy's simple tokenizer, which on ASCII is that rule exactly (letters and digits,
# lowercased) and costs half a regex tokenizer's time per document (the regex was ~8 µs of
# ~15 µs per Signal indexed). Other text is split by words_of itself in Python and handed
# over as its words, so every script, final sigma and dotted capital I is split exactly as
# queries are.
def _analyzer() -> tantivy.TextAnalyzer:
    return tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple()).filter(tantivy.Filter.lowercase()).build()


# A character words_of reads as (part of) a word that the simple tokenizer may not: any letter or
# digit beyond ASCII, and the CJK characters it takes one at a time. Written as a character beyond
# ASCII that is one of those (a look-behind at the character just taken): the regex engine then
# skips ASCII by the first character class alone, where an alternation of the two classes was
# tried at every position of the text (5.4 -> 1.1 µs a non-ASCII mix text; the same answer for
# every character and 300,000 random strings; docs/benchmarks.md).
_WORDLY = re.compile(rf"[^\x00-\x7f](?<=[{CJK_CHARS}]|[^\W\x00-\x7f])")


def _words(text: str | None) -> str | tantivy.PreTokenizedString:
    """What the index is given for a title or text: ASCII text as it is; text whose only
    characters beyond ASCII are no part of any word (emoji, symbols, punctuation: ~70% of the
    non-ASCII posts of the benchmark's mix) with each of those as "?", another character that
    is no part of a word, so the simple tokenizer gives words_of's words at the same positions
    (~1.5 µs a text instead of ~5.8); other text as its words joined by spaces (each word is
    letters and digits, so the simple tokenizer splits at the spaces only), or, when
    lowercasing made a character that is neither (U+0130's dot), as the words themselves,
    past the tokenizer."""
    if not text or text.isascii():
        return text or ""
    if _WORDLY.search(text) is None:
        return text.encode("ascii", "replace").decode("ascii")
    words = words_of(text)
    joined = " ".join(words)
    if not words or "".join(words).isalnum():
        return joined
    tokens, offset = [], 0
    for position, word in enumerate(words):
        tokens.append(tantivy.Token(word, position, offset, offset + len(word)))
        offset += len(word) + 1
    return tantivy.PreTokenizedString(joined, tokens)


def _document(row: tuple) -> tantivy.Document:
    """The document of a row read back from SQLite (tag lists as JSON)."""
    rowid, published, title, text, kind, source, services, providers, regions = row
    return _build(rowid, published, title, text, kind, source,
                  *[orjson.loads(v) if v and v != "[]" else () for v in (services, providers, regions)])


def _signal_document(rowid: int, published: int, signal: Signal) -> tantivy.Document:
    """The same document, from the Signal just stored as ``rowid`` at ``published`` (ms)."""
    return _build(rowid, published, signal.title, signal.text, signal.source_kind,
                  signal.source, signal.services, signal.providers, signal.regions)


# The document as JSON for IndexWriter.add_json: building a tantivy.Document field by field
# and handing it over cost ~6 µs, this ~3 (a third of what indexing a Signal costs in
# Python). Tag lists read back from SQLite are spliced in as stored.
def _json_document(rowid, published, title, text, kind, source, services, providers, regions) -> str | None:
    """None when a text's words must be handed over pre-tokenized (see _words): JSON
    cannot say that, so such a row is built as a Document."""
    title, text = _words(title), _words(text)
    if type(title) is not str or type(text) is not str:
        return None
    return orjson.dumps({"rowid": rowid, "published": published, "title": title, "text": text, "kind": kind,
                         "source": source, "services": services, "providers": providers,
                         "regions": regions}).decode()


# An empty tag list read back ('[]', or NULL): one Fragment for all of them (a new one cost ~0.15 µs,
# three a row; most rows have no services, providers or regions)
_EMPTY_LIST = orjson.Fragment("[]")


def _row_json(row: tuple) -> str | None:
    rowid, published, title, text, kind, source, services, providers, regions = row
    return _json_document(rowid, published, title, text, kind, source,
                          orjson.Fragment(services) if services and services != "[]" else _EMPTY_LIST,
                          orjson.Fragment(providers) if providers and providers != "[]" else _EMPTY_LIST,
                          orjson.Fragment(regions) if regions and regions != "[]" else _EMPTY_LIST)


def _signal_json(rowid: int, published: int, signal: Signal) -> str | None:
    return _json_document(rowid, published, signal.title, signal.text, signal.source_kind, signal.source,
                          signal.services, signal.providers, signal.regions)


def _build(rowid, published, title, text, kind, source, services, providers, regions) -> tantivy.Document:
    """One call builds the document (a call per field value cost twice as much)."""
    title, text = _words(title), _words(text)
    if type(title) is str and type(text) is str:
        return tantivy.Document(rowid=rowid, published=published, title=title, text=text, kind=kind,
                                source=source, services=list(services), providers=list(providers),
                                regions=list(regions))
    doc = tantivy.Document(rowid=rowid, published=published, kind=kind, source=source, services=list(services),
                           providers=list(providers), regions=list(regions))
    for field, words in (("title", title), ("text", text)):
        if isinstance(words, str):
            doc.add_text(field, words)
        else:
            doc.add_pre_tokenized_text(field, words)
    return doc


class TextIndex:
    def __init__(self, database: Database, path: Path | None) -> None:
        self.database = database
        self.path = path
        self._writer: tantivy.IndexWriter | None = None
        self._added_to = 0  # rowids up to this are in the writer (maybe not yet committed)
        self._pending_to = 0  # rewrites up to this sequence number are in the writer
        self._dirty = False
        self._last_commit = 0.0
        self._seen_state: str | None = None
        self.commit_seconds = COMMIT_SECONDS
        self.writer_threads = WRITER_THREADS
        # Set in the indexer process: a commit made because time passed only commits the index
        # and hands (rowid, rewrite) it reached to this callback; its writer, which holds
        # SQLite's write lock anyway, moves the mark (see after_write).
        self.report_mark = None
        self._unmarked = False  # the index is committed past the mark in SQLite
        self.indexed = 0
        self._indexer = None  # an IndexerProcess during a bulk load
        self.bulk_rows = BULK_ROWS
        self._run = 0  # rows written by this process in the current run of writes
        self._last_write = 0.0  # by the clock below
        self.clock = RunClock()  # stands still while the caller holds the run (SQLiteStore.hold_run)
        self.index = self._open()

    # -- opening ---------------------------------------------------------------------

    def _open(self) -> tantivy.Index:
        if self.path is None:
            index = tantivy.Index(SCHEMA)
            self._reset_mark()
        else:
            fresh = not (self.path / "meta.json").exists()
            try:
                if fresh:
                    self.path.mkdir(parents=True, exist_ok=True)
                index = tantivy.Index(SCHEMA, str(self.path), reuse=True)
            except (OSError, ValueError):
                # An unreadable index is only a cache of the SQLite file: build it anew.
                shutil.rmtree(self.path, ignore_errors=True)
                self.path.mkdir(parents=True, exist_ok=True)
                index, fresh = tantivy.Index(SCHEMA, str(self.path), reuse=True), True
            if fresh:
                self._reset_mark()
        index.register_tokenizer("words", _analyzer())
        return index

    def _reset_mark(self) -> None:
        """A new (empty) index: every row is to be indexed; a new generation tells other
        processes to reopen, and is written into the folder too (what ties it to this file)."""
        generation = uuid.uuid4().hex
        if self.path is not None:
            (self.path / GENERATION_FILE).write_text(generation + "\n")
        with self.database.transaction() as db:
            self._set_mark(db, 0, 0, generation)

    def _mark(self) -> tuple[int, int, str]:
        """(rowids indexed up to, rewrites indexed up to, the whole mark as stored)."""
        row = self.database.one("SELECT value FROM meta WHERE key = 'text_state'")
        if row is None:
            return 0, 0, ""
        rowid, seq, _ = row[0].split(":", 2)
        return int(rowid), int(seq), row[0]

    def _set_mark(self, db, added_to: int, pending_to: int, generation: str) -> str:
        state = f"{added_to}:{pending_to}:{generation}"
        db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('text_state', ?)", (state,))
        return state

    # -- keeping up with SQLite ------------------------------------------------------

    def _acquire(self) -> bool:
        """Take the index's writer lock if no other process holds it; on taking it, drop
        from the index whatever lies past SQLite's mark (a crashed run's leftovers)."""
        if self._writer is not None:
            return True
        try:
            writer = self.index.writer(WRITER_HEAP, self.writer_threads)
        except ValueError:  # LockBusy: another process indexes; it will pick our rows up
            return False
        added_to, pending_to, stored = self._mark()
        if stored and stored.split(":", 2)[2] == self._folder_generation():
            # This index was built from this file: the rows it committed past the mark (a run
            # killed between the index's commit and the mark's) are kept, not indexed again,
            # so no deleted copies are left to weigh on the scores. It holds every rowid up to
            # its highest (rows are indexed in rowid order, and only once SQLite committed
            # them), save any past SQLite's own rows (a restored older file): those go.
            self.index.reload()
            latest = self.database.one("SELECT coalesce(max(rowid), 0) FROM signals")[0]
            added_to = max(added_to, min(self._top_rowid(), latest))
        writer.delete_documents_by_query(tantivy.Query.range_query(
            SCHEMA, "rowid", tantivy.FieldType.Integer, added_to, None, include_lower=False))
        self._writer, self._added_to, self._pending_to = writer, added_to, pending_to
        self._dirty = True  # the deletion above must be committed before the mark moves
        return True

    def _top_rowid(self) -> int:
        """The highest rowid the committed index holds (0 when empty)."""
        searcher = self.index.searcher()
        if not searcher.num_docs:
            return 0
        hits = searcher.search(tantivy.Query.all_query(), 1, order_by_field="rowid", order=tantivy.Order.Desc).hits
        return searcher.fast_field_values("rowid", [hits[0][1]])[0] if hits else 0

    def _folder_generation(self) -> str | None:
        """The generation written into the index folder when it was made (None for an index
        in memory, or made before folders said which file they belong to)."""
        if self.path is None:
            return None
        try:
            return (self.path / GENERATION_FILE).read_text().strip() or None
        except OSError:
            return None

    def catch_up(self, commit: bool = False, written: list[tuple[int, int, Signal]] = (),
                 limit: int | None = None) -> bool:
        """Index the rows SQLite holds past the mark (at most ``limit`` of them) and the rows
        rewritten since; commit when asked, or when the last commit is a second old. False if
        another process holds the writer. ``written`` are (rowid, published ms, Signal) this
        process just stored: when they are exactly the rows past the mark, they are indexed
        from memory rather than read back. ``self.indexed`` says how many new rows it took."""
        database = self.database
        with database.lock:
            self.indexed = 0
            database.flush()  # only rows SQLite has committed are ever indexed
            if not self._acquire():
                return False
            writer = self._writer
            # Rewrites are read before the rows: a rewrite committed after this read is taken
            # the next time, one committed before it is in the rows read below as it now is
            # (another process may be writing while this one indexes).
            rewritten = database.rows("SELECT seq, rowid FROM text_pending WHERE seq > ? ORDER BY seq",
                                      (self._pending_to,))
            added_to = self._added_to
            documents = []
            if written and written[0][0] == added_to + 1 and \
                    database.one("SELECT max(rowid) FROM signals")[0] == written[-1][0]:
                rows = []
                documents = [_signal_json(rowid, published, signal) or _signal_document(rowid, published, signal)
                             for rowid, published, signal in written]
                self._added_to = written[-1][0]
            else:
                rows = database.rows(f"SELECT {_ROW} FROM signals WHERE rowid > ? ORDER BY rowid"
                                     + ("" if limit is None else f" LIMIT {int(limit)}"), (added_to,))
                if rows:
                    self._added_to = rows[-1][0]
            self.indexed = len(rows) + len(documents)
            again = sorted({rowid for _, rowid in rewritten if rowid <= added_to})
            for rowid in again:
                writer.delete_documents_by_term("rowid", rowid)
            for start in range(0, len(again), 900):
                chunk = again[start:start + 900]
                rows += database.rows(f"SELECT {_ROW} FROM signals WHERE rowid IN ({','.join('?' * len(chunk))})",
                                      chunk)
            add_json, add_document = writer.add_json, writer.add_document
            for row in rows:
                document = _row_json(row)
                if document is None:
                    add_document(_document(row))
                else:
                    add_json(document)
            for document in documents:
                if type(document) is str:
                    add_json(document)
                else:
                    add_document(document)
            if rewritten:
                self._pending_to = rewritten[-1][0]
            self._dirty = self._dirty or bool(rows or documents or rewritten)
            if self._dirty and (commit or time.monotonic() - self._last_commit >= self.commit_seconds):
                if commit or self.report_mark is None:
                    self._commit()
                else:
                    self._commit_index()
                    self.report_mark(self._added_to, self._pending_to)
            return True

    @property
    def dirty(self) -> bool:
        """Whether the index or the mark in SQLite is behind what this process indexed."""
        return self._dirty or self._unmarked

    def commit_index(self) -> None:
        """Commit the index without moving the mark: it is handed to ``report_mark`` (the
        indexer process, whose writer moves it), else moved here as by :meth:`commit_now`."""
        if self.report_mark is None:
            self.commit_now()
            return
        with self.database.lock:
            if self._writer is not None and self._dirty:
                self._commit_index()
                self.report_mark(self._added_to, self._pending_to)

    def commit_now(self) -> None:
        """Commit the index and move the mark (waiting for SQLite's write lock)."""
        with self.database.lock:
            if self._writer is not None and (self._dirty or self._unmarked):
                self._commit()

    def after_write(self, written: list[tuple[int, int, Signal]]) -> None:
        """After a batch is committed in SQLite (``written``: its new rows). Index it here,
        unless this process is in a bulk load (``BULK_ROWS`` new rows in a run of writes
        less than ``RUN_GAP_SECONDS`` apart, ``self.bulk_rows``): then an indexer process
        does it, beside."""
        now = self.clock.now()
        if now - self._last_write > RUN_GAP_SECONDS:
            self._run = 0
        self._last_write = now
        self._run += len(written)
        with self.database.mutex:  # (the connection, when needed, under database.lock below)
            if self._indexer is not None and not self._indexer.alive():
                self._indexer.finish()
                self._indexer = None  # it went idle (or was killed); a new one starts if needed
            if self._indexer is None and self.path is not None and self._run >= self.bulk_rows:
                self._start_indexer()
            if self._indexer is None:
                self.catch_up(written=written)
            else:
                self._take_reported_mark()

    def expect_rows(self, rows: int) -> None:
        """``rows`` Signals are about to be written in one run, and the writer waits meanwhile
        (ingest, while its tagger starts in a process of its own): when they make a bulk load
        (``bulk_rows`` or more), its indexer process starts now. Otherwise it starts once
        ``bulk_rows`` new rows are stored, and this process indexes those first ones itself, on
        the core the tagger's workers need by then (~13 µs a row, a commit, and the indexer's
        own start, ~0.3 s of CPU, all inside the load)."""
        with self.database.lock:
            if self._indexer is None and self.path is not None and rows >= self.bulk_rows:
                self._start_indexer(early=True)

    def load_ended(self) -> None:
        """The bulk load's batches are committed: the indexer catches up and commits now,
        beside the writer's rebuild of its id index (~1.3 s at a million rows), instead of
        when the first search or ``close()`` asks after it."""
        if self._indexer is not None:
            self._indexer.nudge()

    def expect_end(self) -> None:
        """The bulk load ends soon (its last batches are on their way, what this process stored
        is committed): the indexer catches up and commits the index now, beside them, so that
        the commit left for the load's end holds their documents only. The index's one commit
        of a 100,000-row load (~0.25 s, one core) otherwise came after the last batch, with the
        other core idle."""
        if self._indexer is not None:
            self._indexer.tell(b"e")

    @property
    def run_rows(self) -> int:
        """New rows this process stored in the current run of writes."""
        return self._run

    @property
    def bulk_load(self) -> bool:
        """Whether an indexer process takes this process's rows (a bulk load is going on)."""
        return self._indexer is not None

    def _start_indexer(self, early: bool = False) -> None:
        """Hand the index's writer lock to an indexer process: commit what this process
        indexed, let go of the lock, start the indexer (it takes the lock)."""
        self.database.flush()
        if self._writer is not None:
            if self._dirty:
                self.catch_up(commit=True)
            self._writer = None  # dropping it releases the lock (merges in flight are abandoned)
        from outagewatch.search.sqlite.indexer import IndexerProcess  # (it runs as a module of its own too)

        try:
            self._indexer = IndexerProcess(self.database.path, early)
        except OSError:  # no process to be had: index here, as for small writes
            self._indexer = None

    def _commit_index(self) -> None:
        if self._dirty:
            self._writer.commit()
            self._dirty, self._unmarked = False, True
        self._last_commit = time.monotonic()

    def _commit(self) -> None:
        """Commit the index, then move the mark in SQLite to what it holds."""
        self._commit_index()
        with self.database.transaction() as db:
            state = self._move_mark(db, self._added_to, self._pending_to)
        self._unmarked = False
        self.index.reload()
        self._seen_state = state

    def _move_mark(self, db, added_to: int, pending_to: int) -> str:
        """Inside a write transaction: the mark to (added_to, pending_to), never backwards,
        and the rewrites it covers out of ``text_pending``."""
        stored_to, stored_pending, stored = self._mark()
        if stored:
            generation = stored.split(":", 2)[2]
        else:  # a file without a mark: the index was emptied when taken (see _acquire)
            generation = uuid.uuid4().hex
            if self.path is not None:
                (self.path / GENERATION_FILE).write_text(generation + "\n")
        added_to, pending_to = max(added_to, stored_to), max(pending_to, stored_pending)
        db.execute("DELETE FROM text_pending WHERE seq <= ?", (pending_to,))
        return self._set_mark(db, added_to, pending_to, generation)

    def _take_reported_mark(self) -> None:
        """During a bulk load: move the mark to where the indexer says it has committed the
        index, inside this writer's own (grouped) transaction."""
        reached = self._indexer.reported()
        if reached is not None:
            with self.database.transaction(group=True) as db:
                self._move_mark(db, *reached)

    def searcher(self) -> tantivy.Searcher:
        """A searcher that sees every row this process wrote, and what others committed."""
        database = self.database
        with database.lock:
            added_to, pending_to, state = self._mark()
            latest = database.one("SELECT coalesce(max(rowid), 0), (SELECT coalesce(max(seq), 0) FROM text_pending)"
                                  " FROM signals")
            behind = latest[0] > added_to or latest[1] > pending_to
            if self._indexer is not None and behind:
                database.flush()  # the indexer reads what SQLite has committed
                answer = self._indexer.sync()  # it catches up with SQLite and commits
                if answer == "gone":
                    self._indexer.finish()
                    self._indexer = None
                else:
                    state, behind = self._mark()[2], False  # "busy": another process indexes
            if self._indexer is None and (self._dirty or behind):
                self.catch_up(commit=True)
                state = self._mark()[2]
            if state != self._seen_state:
                self.index.reload()
                self._seen_state = state
            return self.index.searcher()

    def close(self) -> None:
        with self.database.lock:
            self.database.flush()
            if self._indexer is not None:
                self._indexer.finish()  # it catches up, commits and exits
                self._indexer = None
            if self._writer is None:
                return
            with contextlib.suppress(Exception):
                if self._dirty or self._unmarked:
                    self.catch_up(commit=True)
                    self.commit_now()
                self._writer.wait_merging_threads()
            self._writer = None

    # -- asking ----------------------------------------------------------------------

    def compile(self, query: Query, *, after_published: tuple[int, bool] | None = None) -> tantivy.Query:
        """The parsed words and the filters as one Tantivy query; filters score nothing, so
        the score is the words' bm25 alone."""
        Occur, Q = tantivy.Occur, tantivy.Query
        parsed = query.parsed
        clauses: list[tuple[Any, tantivy.Query]] = []
        for group in parsed.all_of:
            clauses.append((Occur.Must, _either([_atom(a) for a in group])))
        for atom in parsed.none_of:
            clauses.append((Occur.MustNot, _atom(atom)))
        filters = []
        low = to_millis(query.since) if query.since is not None else None
        high = to_millis(query.until) if query.until is not None else None
        if low is not None or high is not None:
            filters.append(Q.range_query(SCHEMA, "published", tantivy.FieldType.Integer, low, high,
                                         include_lower=True, include_upper=high is None))
        if after_published is not None:
            value, descending = after_published
            filters.append(Q.range_query(SCHEMA, "published", tantivy.FieldType.Integer,
                                         None if descending else value, value if descending else None))
        for attr, name in FILTERS:
            values = getattr(query, attr)
            if values:
                filters.append(Q.term_set_query(SCHEMA, name, list(values)))
        clauses += [(Occur.Must, Q.const_score_query(f, 0.0)) for f in filters]
        if not any(occur == Occur.Must for occur, _ in clauses):
            clauses.append((Occur.Must, Q.const_score_query(Q.all_query(), 0.0)))
        return clauses[0][1] if len(clauses) == 1 and clauses[0][0] == Occur.Must else Q.boolean_query(clauses)

    def count(self, query: Query) -> int:
        return self.searcher().search(self.compile(query), 1, count=True).count

    def rowids(self, compiled: tantivy.Query) -> list[int]:
        """Every match's rowid (aggregations and scans over words)."""
        searcher = self.searcher()
        total = searcher.search(compiled, 1, count=True).count
        if not total:
            return []
        hits = searcher.search(compiled, total, count=False).hits
        return searcher.fast_field_values("rowid", [address for _, address in hits])

    @contextlib.contextmanager
    def matching(self, query: Query) -> Iterator[tuple[str, bool] | None]:
        """A temporary table of the rowids a query's words select, and whether they are the
        ones to keep (words) or to leave out (exclusions alone); None without words."""
        parsed = query.parsed
        if parsed.empty:
            yield None
            return
        keep = bool(parsed.all_of)
        rowids = self.rowids(self.compile(query) if keep else _either([_atom(a) for a in parsed.none_of]))
        table = f"temp.matched_{uuid.uuid4().hex[:12]}"
        with self.database.lock:
            self.database.execute(f"CREATE TABLE {table} (rowid INTEGER PRIMARY KEY)")
            self.database.db.executemany(f"INSERT INTO {table} VALUES (?)", ((r,) for r in rowids))
        try:
            yield table, keep
        finally:
            self.database.execute(f"DROP TABLE IF EXISTS {table}")


def _atom(atom: Atom) -> tantivy.Query:
    """One word, prefix or phrase, in the title (counting double) or the text."""
    Q = tantivy.Query
    per_field = []
    for field, boost in (("title", TITLE_BOOST), ("text", 1.0)):
        if atom.prefix:
            q = Q.regex_query(SCHEMA, field, re.escape(atom.words[0]) + ".*")
        elif atom.is_phrase:
            q = Q.phrase_query(SCHEMA, field, list(atom.words))
        else:
            q = Q.term_query(SCHEMA, field, atom.words[0])
        per_field.append(Q.boost_query(q, boost) if boost != 1.0 else q)
    return _either(per_field)


def _either(queries: list[tantivy.Query]) -> tantivy.Query:
    if len(queries) == 1:
        return queries[0]
    return tantivy.Query.boolean_query([(tantivy.Occur.Should, q) for q in queries])
