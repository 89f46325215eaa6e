"""A fetched JSON document read item by item (ijson), so that what a parser holds is
bounded by caps, not by the document.

Why not ``orjson.loads``: a body of small objects becomes 14 to 24 times its size in
Python objects (a million affected components, 26.6 MB: 364 MB peak RSS), all of it alive
while the document is parsed. Here the top level is walked event by event, and
each item (one incident, one event) is built on its own, with

- at most ``cap`` elements kept per list (per key name, :data:`DEFAULT_LIST_CAP`
  otherwise): the rest of a list is read and dropped, never built;
- at most :data:`MAX_NODES` values per item: a bigger item is read to its end and
  reported as :class:`ItemTooLarge` (one rejection, the other items still count);
- at most :data:`MAX_DEPTH` levels of nesting (as orjson): deeper is malformed.

So memory is the body (already capped by the fetch) plus one bounded item plus the
Signals (capped at ``MAX_ITEMS``), and time is linear in the body. Malformed JSON anywhere
is a :class:`BadResponse`, as it was when the whole body was parsed first: a parser
reads the document to its end even after it stops taking items.
"""

from __future__ import annotations

import codecs
import io
import re
import sys
from typing import Any, Iterator, Mapping

import ijson

from outagewatch.collectors.base import BadResponse

MAX_DEPTH = 1024         # orjson's own limit: deeper documents were malformed before too
MAX_NODES = 100_000      # values (scalars, lists, objects) built for one item
DEFAULT_LIST_CAP = 1000  # elements kept of a list no parser reads further
_CHUNK = 1 << 20

_LONG_DIGITS = re.compile(rb"[0-9]{19}")  # 2**63 has 19 digits
_PYTHON = ijson.get_backend("python")

_STARTS = ("start_map", "start_array")
_ENDS = ("end_map", "end_array")


class ItemTooLarge(Exception):
    """One item held more than :data:`MAX_NODES` values; it was read past, not built."""

    def __init__(self, partial: Any) -> None:
        super().__init__(f"more than {MAX_NODES} JSON values in one item: skipped")
        self.partial = partial  # what was built before the budget ran out (its id, often)


def _utf8(body: bytes) -> io.BytesIO | _Recoded:
    """The body as a UTF-8 byte stream: as is (without a BOM) when it is UTF-8, else
    re-encoded chunk by chunk from UTF-16; neither is one more copy of the body."""
    if _valid(body, "utf-8"):
        stream = io.BytesIO(body)
        if body.startswith(codecs.BOM_UTF8):
            stream.seek(len(codecs.BOM_UTF8))
        return stream
    # as bytes.decode("utf-16") reads it: by its BOM, else in the machine's byte order
    utf16 = "utf-16" if body[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE) else f"utf-16-{sys.byteorder[0]}e"
    if _valid(body, utf16):
        return _Recoded(body, utf16)
    raise BadResponse("body is not UTF-8 or UTF-16 text")


def _valid(body: bytes, encoding: str) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)()
    view = memoryview(body)
    try:
        for start in range(0, len(body), _CHUNK):
            decoder.decode(view[start:start + _CHUNK])
        decoder.decode(b"", final=True)
    except UnicodeError:
        return False
    return True


class _Recoded:
    """UTF-16 bytes read as UTF-8, one chunk at a time (all ijson asks of a file is ``read``)."""

    def __init__(self, body: bytes, encoding: str) -> None:
        self._view = memoryview(body)
        self._at = 0
        self._decoder = codecs.getincrementaldecoder(encoding)()

    def read(self, size: int = -1) -> bytes:
        if size == 0:  # ijson asks for nothing first, to learn whether the file gives bytes
            return b""
        while self._at < len(self._view):
            chunk = self._view[self._at:self._at + _CHUNK]
            self._at += len(chunk)
            text = self._decoder.decode(chunk, final=self._at >= len(self._view))
            if text:
                return text.encode("utf-8")
        return b""


class JSONDocument:
    """One JSON body, read once from the front. A caller takes the first event with
    :meth:`next`, walks objects with :meth:`entries` and arrays with :meth:`elements`,
    and turns each value it wants into Python with :meth:`build` (bounded) or passes
    it with :meth:`skip`; :meth:`finish` checks nothing follows the top value."""

    def __init__(self, body: bytes) -> None:
        # yajl (ijson's C backend) refuses integers beyond 64 bits, which would make one
        # such number fail the whole document; ijson's pure-Python backend reads them (as
        # orjson did), at about a tenth of the speed, so it reads only bodies that may hold one.
        backend = _PYTHON if _LONG_DIGITS.search(body) else ijson
        self._events = backend.basic_parse(_utf8(body), use_float=True)

    def next(self) -> tuple[str, Any]:
        try:
            return next(self._events)
        except ijson.JSONError as exc:
            raise BadResponse(f"malformed JSON: {_reason(exc)}") from None
        except StopIteration:
            raise BadResponse("malformed JSON: the document ends early") from None

    def finish(self) -> None:
        try:
            next(self._events)
        except StopIteration:
            return
        except ijson.JSONError as exc:
            raise BadResponse(f"malformed JSON: {_reason(exc)}") from None
        raise BadResponse("malformed JSON: more than one value in the document")

    def entries(self) -> Iterator[tuple[str, str, Any]]:
        """After a ``start_map``: (key, event, value) for each member; the caller
        consumes each member's value (build or skip) before asking for the next."""
        while True:
            event, value = self.next()
            if event == "end_map":
                return
            key = value
            event, value = self.next()
            yield key, event, value

    def elements(self) -> Iterator[tuple[str, Any]]:
        """After a ``start_array``: (event, value) starting each element; the caller
        consumes each element before asking for the next."""
        while True:
            event, value = self.next()
            if event == "end_array":
                return
            yield event, value

    def skip(self, event: str, depth: int = 1) -> None:
        """Read past the value that ``event`` starts (at nesting ``depth``), building nothing."""
        if event not in _STARTS:
            return
        open_ = 1
        while open_:
            event, _ = self.next()
            if event in _STARTS:
                open_ += 1
                if depth + open_ - 1 > MAX_DEPTH:
                    raise BadResponse(f"malformed JSON: nested deeper than {MAX_DEPTH} levels")
            elif event in _ENDS:
                open_ -= 1

    def build(self, event: str, value: Any, caps: Mapping[str, int] | None = None, *, depth: int = 1) -> Any:
        """The value that ``event`` starts, as Python, keeping at most ``caps[key]``
        elements of a list held under ``key`` (:data:`DEFAULT_LIST_CAP` for others) and at
        most :data:`MAX_NODES` values in all (else :class:`ItemTooLarge`, the value read past)."""
        if event not in _STARTS:
            return value
        caps = caps or {}
        root: Any = {} if event == "start_map" else []
        stack: list[Any] = [root]
        keys: list[Any] = [None]
        room: list[int] = [DEFAULT_LIST_CAP]
        nodes = 1
        while stack:
            event, value = self.next()
            top = stack[-1]
            if event == "map_key":
                keys[-1] = value
                continue
            if event in _ENDS:
                stack.pop()
                keys.pop()
                room.pop()
                continue
            if top.__class__ is list:
                if room[-1] <= 0:
                    self.skip(event, depth + len(stack))
                    continue
                room[-1] -= 1
            nodes += 1
            if nodes > MAX_NODES:
                self.skip(event, depth + len(stack))
                for level in range(len(stack), 0, -1):  # read past the rest of the item
                    self.skip("start_map", depth + level - 1)
                raise ItemTooLarge(root)
            if event == "start_map":
                child: Any = {}
            elif event == "start_array":
                child = []
            else:
                child = value
            if top.__class__ is list:
                top.append(child)
            else:
                top[keys[-1]] = child
            if event in _STARTS:
                if depth + len(stack) >= MAX_DEPTH + 1:
                    raise BadResponse(f"malformed JSON: nested deeper than {MAX_DEPTH} levels")
                cap = DEFAULT_LIST_CAP
                if event == "start_array" and top.__class__ is dict:
                    cap = caps.get(keys[-1], DEFAULT_LIST_CAP)
                stack.append(child)
                keys.append(None)
                room.append(cap)
        return root


def _reason(exc: Exception) -> str:
    return ((str(exc).strip().splitlines() or [type(exc).__name__])[0])[:120]
