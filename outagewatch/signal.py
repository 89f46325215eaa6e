"""The one record shape that flows through every stage.

A collector makes a :class:`Signal`, the tagger fills its tag fields, a store keeps it,
correlation counts it. JSON Lines import/export uses exactly these field names so that
any other tool can feed or read outagewatch.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from outagewatch.timeutil import ensure_utc, parse_time, to_iso, utcnow

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


def signal_id(source: str, native_id: str) -> str:
    """Stable id from (source, native id): collecting the same item twice gives one record."""
    digest = hashlib.blake2b(f"{source}\x1f{native_id}".encode("utf-8"), digest_size=12)
    return digest.hexdigest()


@dataclass(slots=True)
class Signal:
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
        if self.source_kind not in SOURCE_KINDS:
            raise SignalError(f"source_kind must be one of {', '.join(SOURCE_KINDS)}, got {self.source_kind!r}")
        if not isinstance(self.source, str) or not self.source.strip():
            raise SignalError("source is missing")
        if not isinstance(self.text, str):
            raise SignalError("text must be a string")
        if self.status is not None and self.status not in STATUSES:
            raise SignalError(f"status must be one of {', '.join(STATUSES)}, got {self.status!r}")
        # Both engines keep milliseconds; truncating here makes a stored Signal read back equal.
        self.published_at = _to_millisecond(ensure_utc(self.published_at))
        self.collected_at = _to_millisecond(ensure_utc(self.collected_at or utcnow()))
        if not self.id:
            self.id = signal_id(self.source, self.native_id or self._fallback_native_id())

    def _fallback_native_id(self) -> str:
        # Without a native id the item's own identity is its link, else its time and words.
        if self.url:
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
        text = data.get("text")
        if text is None:
            raise SignalError("text is missing")
        if not isinstance(text, str):
            raise SignalError(f"text must be a string, got {type(text).__name__}")
        try:
            published_at = parse_time(data["published_at"])
        except ValueError:
            raise SignalError(f"published_at is not a time: {str(data['published_at'])[:60]!r}") from None
        collected_at = None
        if data.get("collected_at"):
            try:
                collected_at = parse_time(data["collected_at"])
            except ValueError:
                raise SignalError(f"collected_at is not a time: {str(data['collected_at'])[:60]!r}") from None
        report_count = data.get("report_count")
        if report_count is not None:
            if isinstance(report_count, bool) or not isinstance(report_count, (int, float)) or report_count < 0:
                raise SignalError(f"report_count must be a non-negative number, got {report_count!r}")
            report_count = int(report_count)
        tags = {}
        for name in TAG_FIELDS:
            value = data.get(name) or []
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise SignalError(f"{name} must be a list of strings")
            tags[name] = _unique(value)
        optional = {}
        for name in ("author", "url", "title", "lang", "status"):
            value = data.get(name)
            if value is not None and not isinstance(value, str):
                raise SignalError(f"{name} must be a string")
            optional[name] = value or None
        return cls(
            source_kind=data["source_kind"],
            source=str(data["source"]),
            published_at=published_at,
            text=text,
            id=str(data.get("id") or ""),
            collected_at=collected_at,
            report_count=report_count,
            raw=data.get("raw"),
            native_id=data.get("native_id"),
            **optional,
            **tags,
        )


def _unique(values: list[str]) -> list[str]:
    seen: dict[str, None] = {}
    for value in values:
        if value:
            seen.setdefault(value, None)
    return list(seen)


def _to_millisecond(value: datetime) -> datetime:
    return value.replace(microsecond=value.microsecond // 1000 * 1000)
