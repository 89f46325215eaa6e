"""The query model both store backends compile from.

Users type a small, safe syntax; it is parsed here into plain data and each backend
compiles that data into its own engine's terms. A user's string is never handed to an
engine's own query parser, so quotes, colons, brackets or ``OR(`` cannot break a
query or reach into fields the user should not touch.

Text syntax:
- ``kinesis outage``: both words (AND)
- ``"us-east-1"`` or ``"can't log in"``: a phrase
- ``roku OR flickr``: either (binds tighter than AND)
- ``-resolved``: not this word or phrase
- ``kines*``: a word prefix
"""

from __future__ import annotations

import base64
import math
import re
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

import orjson

from outagewatch.textrules import CJK_CHARS

SORTS = ("relevance", "newest", "oldest")
# Words (and phrase words) one search may have: Elasticsearch refuses a query of more
# clauses than its maxClauseCount, SQLite just gets slow; both answer this one error.
MAX_QUERY_WORDS = 256
MAX_FILTER_CHARS = 2048
FACET_FIELDS = ("services", "providers", "regions", "symptoms", "source_kind", "source", "lang", "status")
MAX_LIMIT = 1000


@dataclass(frozen=True, slots=True)
class Atom:
    """One word, prefix or phrase. ``words`` is the phrase split into words."""

    words: tuple[str, ...]
    prefix: bool = False

    @property
    def is_phrase(self) -> bool:
        return len(self.words) > 1

    @property
    def text(self) -> str:
        return " ".join(self.words)


@dataclass(frozen=True, slots=True)
class TextQuery:
    """AND of OR-groups, minus the excluded atoms."""

    all_of: tuple[tuple[Atom, ...], ...] = ()
    none_of: tuple[Atom, ...] = ()

    @property
    def empty(self) -> bool:
        return not self.all_of and not self.none_of

    @property
    def positive_atoms(self) -> list[Atom]:
        return [atom for group in self.all_of for atom in group]


# Words are runs of letters/digits; a CJK run is split into single characters, which is
# what Elasticsearch's standard analyzer does, so both backends find the same hits.
WORD = re.compile(rf"[{CJK_CHARS}]|[^\W_{CJK_CHARS}]+", re.UNICODE)
_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')


def words_of(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text)]


def parse_text(text: str | None) -> TextQuery:
    """Parse the user's search string. Never raises: odd input degrades to plain words."""
    if not text or not text.strip():
        return TextQuery()
    groups: list[list[Atom]] = []
    excluded: list[Atom] = []
    pending_or = False
    for match in _TOKEN.finditer(text):
        negate, phrase, bare = match.group(1), match.group(2), match.group(3)
        prefix = False
        if bare is not None:
            if bare == "OR":
                pending_or = bool(groups)
                continue
            if bare.startswith("-") and len(bare) > 1:
                negate, bare = "-", bare[1:]
            prefix = bare.endswith("*")
            words = words_of(bare)
        else:
            words = words_of(phrase)
        if not words:
            continue
        if bare is not None and len(words) > 1:
            # "us-east-1" typed without quotes means the phrase, as a search box would.
            prefix = False
        atom = Atom(tuple(words), prefix=prefix and len(words) == 1)
        if negate:
            excluded.append(atom)
            pending_or = False
        elif pending_or and groups:
            groups[-1].append(atom)
            pending_or = False
        else:
            groups.append([atom])
    return TextQuery(tuple(tuple(g) for g in groups), tuple(excluded))


@dataclass(frozen=True, slots=True)
class Query:
    """What to find. Filters are OR within one field and AND across fields."""

    text: str | None = None
    services: tuple[str, ...] = ()
    providers: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    since: datetime | None = None
    until: datetime | None = None
    sort: str = "relevance"
    limit: int = 20
    cursor: str | None = None
    highlight: bool = True

    def __post_init__(self) -> None:
        # NFC, as every stored Signal is: "cafe\u0301" finds "café" in both stores.
        if self.text is not None:
            if not isinstance(self.text, str):
                raise ValueError(f"the search text must be a string, got {type(self.text).__name__}")
            object.__setattr__(self, "text", _nfc(self.text))
            words = sum(len(atom.words) for atom in (*self.parsed.positive_atoms, *self.parsed.none_of))
            if words > MAX_QUERY_WORDS:
                raise ValueError(f"the search text has {words} words (a CJK character counts as one); "
                                 f"at most {MAX_QUERY_WORDS}")
        if self.sort not in SORTS:
            raise ValueError(f"sort must be one of {', '.join(SORTS)}, got {self.sort!r}")
        if not 0 <= self.limit <= MAX_LIMIT:
            raise ValueError(f"limit must be between 0 and {MAX_LIMIT}, got {self.limit}")
        for name in ("services", "providers", "regions", "kinds", "sources"):
            value = getattr(self, name)
            values = (value,) if isinstance(value, str) else tuple(value or ())
            for item in values:
                if not isinstance(item, str):
                    raise ValueError(f"{name}: each value must be a string, got {type(item).__name__}")
                if len(item) > MAX_FILTER_CHARS:
                    raise ValueError(f"{name}: a value is longer than {MAX_FILTER_CHARS} characters")
            object.__setattr__(self, name, tuple(_nfc(item) for item in values))

    @property
    def parsed(self) -> TextQuery:
        return parse_text(self.text)

    @property
    def effective_sort(self) -> str:
        # Relevance without words to rank by means nothing; newest first is what people expect.
        if self.sort == "relevance" and self.parsed.empty:
            return "newest"
        return self.sort

    @property
    def ranks_by_relevance(self) -> bool:
        """Relevance needs words to rank by: exclusions alone sort newest first."""
        return self.effective_sort == "relevance" and bool(self.parsed.all_of)

    def with_cursor(self, cursor: str | None) -> "Query":
        return replace(self, cursor=cursor)


def _nfc(text: str) -> str:
    return text if text.isascii() or unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def encode_cursor(values: list[Any]) -> str:
    return base64.urlsafe_b64encode(orjson.dumps(values)).decode("ascii").rstrip("=")


_BAD_CURSOR = "invalid cursor: pass back the next_cursor of a previous page unchanged"
_INT64 = 2**63


def decode_cursor(cursor: str) -> list[Any]:
    """A cursor's values, checked against the one shape every backend's cursor has:
    a score (relevance only), a time in ms, a Signal id. A forged cursor is the caller's
    ``ValueError`` here, before it can reach an engine as a bind parameter or a
    ``search_after`` it would choke on."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = orjson.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
    except Exception as exc:  # noqa: BLE001 - any garbage is one kind of user error
        raise ValueError(_BAD_CURSOR) from exc
    if not isinstance(values, list) or not 2 <= len(values) <= 3 or not _cursor_shape_ok(values):
        raise ValueError(_BAD_CURSOR)
    return values


def _cursor_shape_ok(values: list[Any]) -> bool:
    from outagewatch.signal import MAX_ID_BYTES

    *numbers, last_time, last_id = values
    if isinstance(last_time, bool) or not isinstance(last_time, int) or not -_INT64 <= last_time < _INT64:
        return False  # a time in milliseconds
    for number in numbers:  # a score
        if isinstance(number, bool) or not isinstance(number, (int, float)):
            return False
        if isinstance(number, float) and not math.isfinite(number):
            return False
        if isinstance(number, int) and not -_INT64 <= number < _INT64:
            return False
    return isinstance(last_id, str) and len(last_id.encode("utf-8", "surrogatepass")) <= MAX_ID_BYTES


MAX_INTERVAL_SECONDS = 366 * 86400
INTERVALS = {"1m": 60, "5m": 300, "10m": 600, "15m": 900, "30m": 1800, "1h": 3600,
             "3h": 10800, "6h": 21600, "12h": 43200, "1d": 86400, "7d": 604800}


def interval_seconds(interval: str | int | timedelta) -> int:
    """Histogram bucket width. Fixed widths only, so both engines agree on bucket edges."""
    if isinstance(interval, timedelta):
        seconds = int(interval.total_seconds())
    elif isinstance(interval, int):
        seconds = interval
    elif interval in INTERVALS:
        seconds = INTERVALS[interval]
    else:
        from outagewatch.timeutil import parse_duration

        seconds = int(parse_duration(interval).total_seconds())
    if seconds < 60 or 86400 % seconds and seconds % 86400:
        raise ValueError(f"histogram interval must be at least 1m and divide a day evenly (or be whole days), got {interval!r}")
    if seconds > MAX_INTERVAL_SECONDS:
        raise ValueError(f"histogram interval must be at most {MAX_INTERVAL_SECONDS // 86400}d, got {str(interval)[:40]!r}")
    return seconds
