"""The one record shape that flows through every stage.

A collector makes a :class:`Signal`, the tagger fills its tag fields, a store keeps it,
correlation counts it. JSON Lines import/export uses exactly these field names so that
any other tool can feed or read outagewatch.
"""

from __future__ import annotations

import hashlib
import time
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import orjson

from outagewatch.timeutil import EPOCH, ensure_utc, parse_time, to_iso

SOURCE_KINDS = ("social", "status", "reports", "news")
CHATTER_KINDS = ("social", "news", "reports")
"""What people and the press say, as opposed to a provider's own status feed."""
STATUSES = ("investigating", "identified", "monitoring", "resolved", "informational")
TAG_FIELDS = ("services", "providers", "regions", "symptoms")

FIELDS = (
    "id", "source_kind", "source", "published_at", "collected_at", "author", "url",
    "title", "text", "lang", "report_count", "status",
    "services", "providers", "regions", "symptoms", "raw",
)


class SignalError(ValueError):
    """A record that cannot become a Signal; the message says which field and why."""


# The limits every Signal is held to, wherever it comes from (a JSON line, the API, a
# collector, a store): whatever passes here, both stores keep and give back unchanged.
MAX_ID_BYTES = 256            # Elasticsearch refuses _ids over 512 bytes; ids are 24 hex chars
MAX_SHORT_CHARS = 2048        # source, author, url, title, lang, native id, one tag
MAX_TAGS = 200                # per tag field
MAX_REPORT_COUNT = 2**53 - 1  # exact in every JSON reader (a browser's numbers are doubles)
MAX_RAW_BYTES = 1024 * 1024   # raw as JSON
MAX_RAW_DEPTH = 64            # nesting of raw's arrays and objects
_SHORT_FIELDS = ("author", "url", "title", "lang")


def signal_id(source: str, native_id: str) -> str:
    """Stable id from (source, native id): collecting the same item twice gives one record."""
    digest = hashlib.blake2b(f"{source}\x1f{native_id}".encode("utf-8"), digest_size=12)
    return digest.hexdigest()


@dataclass(slots=True)
class Signal:
    """One item of chatter or status. Constructing one validates and normalises every
    field (types, ranges, NFC text, millisecond UTC times, JSON-only ``raw``), so no
    caller can hand a store something it would fail on, or that the two stores would
    keep differently; a bad field is a :class:`SignalError` naming it."""

    source_kind: str
    source: str
    published_at: datetime
    text: str
    id: str = ""
    collected_at: datetime | None = None
    author: str | None = None
    url: str | None = None
    title: str | None = None
    lang: str | None = None
    report_count: int | None = None
    status: str | None = None
    services: list[str] = field(default_factory=list)
    providers: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    symptoms: list[str] = field(default_factory=list)
    raw: Any = None
    native_id: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.source_kind, str) or self.source_kind not in SOURCE_KINDS:
            raise SignalError(f"source_kind must be one of {', '.join(SOURCE_KINDS)}, got {_show(self.source_kind)}")
        self.source = _string("source", self.source, MAX_SHORT_CHARS)
        if not self.source.strip():
            raise SignalError("source is missing")
        self.text = _string("text", self.text, None)
        if self.status is not None and (not isinstance(self.status, str) or self.status not in STATUSES):
            raise SignalError(f"status must be one of {', '.join(STATUSES)}, got {_show(self.status)}")
        for name in _SHORT_FIELDS:
            value = getattr(self, name)
            if value is not None:
                setattr(self, name, _string(name, value, MAX_SHORT_CHARS) or None)
        if self.report_count is not None:
            self.report_count = _count(self.report_count)
        for name in TAG_FIELDS:
            values = getattr(self, name)
            # most Signals arrive untagged: a new empty list, as _tags gives, without the call
            setattr(self, name, [] if values.__class__ is list and not values else _tags(name, values))
        if self.raw is not None:
            self.raw = _json_value(self.raw)
        # Both engines keep milliseconds; truncating here makes a stored Signal read back equal.
        self.published_at = _time("published_at", self.published_at)
        self.collected_at = _time("collected_at", self.collected_at) if self.collected_at else _now()
        if self.native_id is not None:
            if isinstance(self.native_id, int) and not isinstance(self.native_id, bool):
                self.native_id = str(self.native_id)
            self.native_id = _string("native_id", self.native_id, MAX_SHORT_CHARS) or None
        if self.id:
            self.id = _string("id", self.id, None)
            if len(self.id.encode("utf-8")) > MAX_ID_BYTES:
                raise SignalError(f"id is longer than {MAX_ID_BYTES} bytes ({len(self.id.encode('utf-8'))})")
        else:
            self.id = signal_id(self.source, self.native_id or self._fallback_native_id())

    def _fallback_native_id(self) -> str:
        # Without a native id the item's own identity is its link, else its time and words.
        # A status page's incident link carries every update of that incident, and a report
        # page's link every point it publishes: there the link and the time are the item.
        if self.url:
            if self.source_kind in ("status", "reports"):
                return f"{self.url}\x1f{to_iso(self.published_at)}"
            return self.url
        return f"{to_iso(self.published_at)}\x1f{self.title or ''}\x1f{self.text}"

    @property
    def searchable_text(self) -> str:
        return f"{self.title}\n{self.text}" if self.title else self.text

    def to_dict(self) -> dict[str, Any]:
        """The wire shape (the JSON Lines field names of ingest/export, ISO 8601 UTC times)."""
        return {
            "id": self.id,
            "source_kind": self.source_kind,
            "source": self.source,
            "published_at": to_iso(self.published_at),
            "collected_at": to_iso(self.collected_at),
            "author": self.author,
            "url": self.url,
            "title": self.title,
            "text": self.text,
            "lang": self.lang,
            "report_count": self.report_count,
            "status": self.status,
            "services": list(self.services),
            "providers": list(self.providers),
            "regions": list(self.regions),
            "symptoms": list(self.symptoms),
            "raw": self.raw,
        }

    @classmethod
    def from_dict(cls, data: Any) -> "Signal":
        """Build a Signal from the wire shape, rejecting what cannot be trusted.

        Unknown fields are ignored (other tools may add their own); tag fields that are
        present are kept as given, so a source that knows its service can say so.
        """
        if not isinstance(data, dict):
            raise SignalError(f"expected a JSON object, got {type(data).__name__}")
        for required in ("source_kind", "source", "published_at"):
            if data.get(required) in (None, ""):
                raise SignalError(f"{required} is missing")
        if data.get("text") is None:
            raise SignalError("text is missing")
        published_at = _wire_time("published_at", data["published_at"])
        collected_at = _wire_time("collected_at", data["collected_at"]) if data.get("collected_at") else None
        signal_id_value = data.get("id")
        if signal_id_value is not None and not isinstance(signal_id_value, str):
            raise SignalError(f"id must be a string, got {type(signal_id_value).__name__}")
        get = data.get
        native_id = get("native_id")
        if isinstance(native_id, float) and native_id.is_integer() and abs(native_id) < 2**53:
            native_id = int(native_id)
        # The keywords spelled out rather than gathered in dicts and spread (every line of an ingest
        # comes here): an optional field's empty string is no value; a tag field may be one string.
        return cls(
            source_kind=data["source_kind"],
            source=data["source"],
            published_at=published_at,
            text=data["text"],
            id=signal_id_value or "",
            collected_at=collected_at,
            author=None if (value := get("author")) == "" else value,
            url=None if (value := get("url")) == "" else value,
            title=None if (value := get("title")) == "" else value,
            lang=None if (value := get("lang")) == "" else value,
            report_count=get("report_count"),
            status=None if (value := get("status")) == "" else value,
            services=_wire_tags(get("services")),
            providers=_wire_tags(get("providers")),
            regions=_wire_tags(get("regions")),
            symptoms=_wire_tags(get("symptoms")),
            raw=get("raw"),
            native_id=native_id,
        )


def _wire_tags(value: Any) -> Any:
    return [value] if isinstance(value, str) else (value if value is not None else [])


def _show(value: Any) -> str:
    """A value for an error message: short, and a type name for anything not a scalar."""
    if isinstance(value, (dict, list, tuple, set)):
        return f"a {type(value).__name__}"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _string(name: str, value: Any, limit: int | None) -> str:
    """A string field: really a string, valid Unicode (no lone surrogates), NFC, not too long.

    NFC because the same word typed as "café" (é) or "cafe\u0301" must be one word to
    both stores, and only one of the engines normalises by itself.
    """
    if not isinstance(value, str):
        raise SignalError(f"{name} must be a string, got {type(value).__name__}")
    if limit is not None and len(value) > limit:
        raise SignalError(f"{name} is longer than {limit} characters ({len(value)})")
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise SignalError(f"{name} is not valid Unicode (a lone surrogate)") from None
        if not unicodedata.is_normalized("NFC", value):
            value = unicodedata.normalize("NFC", value)
    return value


def _count(value: Any) -> int:
    if isinstance(value, float) and value.is_integer() and 0 <= value <= MAX_REPORT_COUNT:
        value = int(value)
    elif isinstance(value, float) and value.is_integer():
        raise SignalError(f"report_count must be between 0 and {MAX_REPORT_COUNT}, got {value!r}")
    if isinstance(value, bool) or not isinstance(value, int):
        raise SignalError(f"report_count must be a whole number, got {_show(value)}")
    if not 0 <= value <= MAX_REPORT_COUNT:
        raise SignalError(f"report_count must be between 0 and {MAX_REPORT_COUNT}, got {_show(value)}")
    return value


def _tags(name: str, values: Any) -> list[str]:
    if values is None:
        return []
    if not isinstance(values, (list, tuple)):
        raise SignalError(f"{name} must be a list of strings, got {type(values).__name__}")
    if not values:  # most Signals arrive untagged: a new empty list, as below
        return []
    if len(values) > MAX_TAGS:
        raise SignalError(f"{name} has more than {MAX_TAGS} values ({len(values)})")
    for value in values:  # the common case, short non-empty ASCII tags, needs no per-value call
        if type(value) is not str or not value or len(value) > MAX_SHORT_CHARS or not value.isascii():
            break
    else:
        return list(dict.fromkeys(values))
    seen: dict[str, None] = {}
    for value in values:
        value = _string(name, value, MAX_SHORT_CHARS)
        if value:
            seen.setdefault(value, None)
    return list(seen)


def _json_value(value: Any) -> Any:
    """``raw`` as the plain JSON both stores keep: one encode and decode (non-string keys
    become strings, tuples lists), within size and depth limits both engines accept."""
    try:
        encoded = orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS)
    except (TypeError, orjson.JSONEncodeError) as exc:
        reason = f"nested deeper than {MAX_RAW_DEPTH} levels" if "Recursion" in str(exc) else str(exc)
        raise SignalError(f"raw is not storable as JSON: {reason}") from None
    if len(encoded) > MAX_RAW_BYTES:
        raise SignalError(f"raw is larger than {MAX_RAW_BYTES // 1024} KiB as JSON ({len(encoded) // 1024} KiB)")
    if encoded.count(b"[") + encoded.count(b"{") > MAX_RAW_DEPTH and _depth(encoded) > MAX_RAW_DEPTH:
        raise SignalError(f"raw is nested deeper than {MAX_RAW_DEPTH} levels")
    value = orjson.loads(encoded)
    return value if value is not None else None


def _depth(encoded: bytes) -> int:
    """Deepest nesting of arrays/objects in compact JSON, skipping string contents."""
    depth = deepest = 0
    in_string = escaped = False
    for byte in encoded:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:
                escaped = True
            elif byte == 0x22:
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):
            depth += 1
            if depth > deepest:
                deepest = depth
        elif byte in (0x5D, 0x7D):
            depth -= 1
    return deepest


def _time(name: str, value: Any) -> datetime:
    if not isinstance(value, datetime):
        raise SignalError(f"{name} must be a datetime, got {type(value).__name__}")
    try:
        value = ensure_utc(value)
    except ValueError as exc:
        raise SignalError(f"{name}: {exc}") from None
    micro = value.microsecond
    return value if micro % 1000 == 0 else value.replace(microsecond=micro // 1000 * 1000)


_NOW: tuple[int, datetime] = (-1, EPOCH)  # the millisecond last asked for, and its time


def _now() -> datetime:
    """``_time(utcnow())`` without its checks: the collection time of a Signal made without one
    (every line of an ingest). Made once per millisecond and given to every Signal made in it (a
    time is immutable): the system clock read as an integer and compared costs ~0.1 µs, where
    ``datetime.now`` and the truncating ``replace`` cost ~1 µs a Signal."""
    global _NOW
    ms = time.time_ns() // 1_000_000
    cached = _NOW
    if cached[0] != ms:
        cached = _NOW = (ms, EPOCH + timedelta(milliseconds=ms))
    return cached[1]


def _wire_time(name: str, value: Any) -> datetime:
    if value.__class__ is str and value.endswith("Z") and value[:1].isdigit():
        # What writers of JSON Lines send (and export writes): ISO 8601 in UTC, read here as
        # parse_time reads it (its relative forms and "now" never end in Z), without its checks
        # for those; anything else goes to parse_time, which says what is wrong with it.
        try:
            return ensure_utc(datetime.fromisoformat(value.replace("Z", "+00:00")))
        except ValueError:
            pass
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        raise SignalError(f"{name} is not a time: {_show(value)}")
    try:
        return parse_time(value)
    except ValueError as exc:
        reason = str(exc)
        if "out of range" in reason:
            raise SignalError(f"{name}: {reason}") from None
        raise SignalError(f"{name} is not a time: {_show(value)}") from None
