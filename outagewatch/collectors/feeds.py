"""RSS and Atom, through feedparser: news feeds and the feed-shaped status pages
(AWS Health per service-region RSS, Azure status RSS, any other status feed).

feedparser is handed the bytes we fetched (never a path or a URL string, which it
would try to open itself, and a string that is not a path is parsed as XML). A feed
with ``bozo`` set is parsed as far as feedparser could and counted; one that yields
nothing at all is a bad response.

feedparser builds the whole feed in memory before we see an entry: its peak is about
12 times the document (benchmarks/parsers_scale.py; 258 MB for a 20 MB feed), and it
offers no streaming. So a feed's body is capped lower than other sources':
:data:`FEED_MAX_BYTES` (5 MB, three times the largest of 2,184 real feeds in the test
corpora), which bounds a feed's parse near 65 MB; a source that needs more sets ``max_bytes``.
"""

from __future__ import annotations

import calendar
from datetime import datetime, timezone
from typing import Any

import feedparser

from outagewatch.catalog import load_catalog
from outagewatch.collectors import http
from outagewatch.collectors.base import MAX_ITEMS, BadResponse, FetchContext, FetchResult, SourceConfig
from outagewatch.collectors.text import aws_service_region, digest, plain, stage_of
from outagewatch.signal import Signal, SignalError

SEEN_LIMIT = 2000
FEED_MAX_BYTES = 5 * 1024 * 1024
FEED_TYPES = ("xml", "rss", "atom", "text/plain", "octet-stream")
STATUS_KINDS = {"aws-health": "aws-health", "azure": "azure-status", "rss": "status"}


def signal_source(source: SourceConfig, prefix: str) -> str:
    return source.options.get("signal_source") or f"{prefix}:{source.name}"


class FeedCollector:
    """One RSS/Atom feed. ``kind = "news"`` gives news Signals; ``aws-health``,
    ``azure`` and ``rss`` give status Signals with a stage read from each entry."""

    def __init__(self, source: SourceConfig) -> None:
        if not source.url:
            raise ValueError(f"source {source.name}: a {source.kind} source needs a url")
        self.source = source
        self.is_status = source.kind in STATUS_KINDS
        self.prefix = STATUS_KINDS.get(source.kind, "news")
        if source.kind == "aws-health" and not (source.services or source.regions):
            cat = load_catalog()
            key = source.url.rstrip("/").rsplit("/", 1)[-1]
            services, regions = aws_service_region(key, set(cat.services), set(cat.regions))
            source.services, source.regions = services, regions
            source.providers = source.providers or ["aws"]

    def fetch(self, ctx: FetchContext) -> FetchResult:
        response = http.get(ctx.http, self.source.url, checkpoint=ctx.checkpoint, record=ctx.record,
                            max_bytes=int(self.source.options.get("max_bytes", FEED_MAX_BYTES)))
        seen: dict[str, str] = dict(ctx.checkpoint.get("seen") or {})
        if response.not_modified:
            return FetchResult(checkpoint={**ctx.checkpoint, **response.validators}, not_modified=True)
        body = response.body
        ctype = response.content_type
        if ctype and not any(t in ctype for t in FEED_TYPES) and not _looks_like_feed(body):
            raise BadResponse(f"unexpected content type {ctype!r} for a feed")
        result = parse_feed(body, self.source, ctx.now, headers=response.headers, status=self.is_status,
                            prefix=self.prefix)
        fresh = []
        for signal in result.signals:
            fingerprint = digest(signal.title, signal.text, signal.published_at)
            if seen.get(signal.id) == fingerprint:
                continue
            seen[signal.id] = fingerprint
            fresh.append(signal)
        if len(seen) > SEEN_LIMIT:
            seen = dict(list(seen.items())[-SEEN_LIMIT:])
        result.signals = fresh
        result.checkpoint = {**response.validators, "seen": seen}
        return result


def _looks_like_feed(body: bytes) -> bool:
    head = body[:2000].lstrip().lower()
    return head.startswith(b"<?xml") or b"<rss" in head or b"<feed" in head or b"<rdf" in head


def parse_feed(body: bytes, source: SourceConfig, now: datetime, *, headers: dict[str, str] | None = None,
               status: bool = False, prefix: str = "news") -> FetchResult:
    """Turn feed bytes into Signals; each entry that cannot become one is a counted rejection."""
    if not isinstance(body, (bytes, bytearray)):
        raise TypeError("parse_feed takes bytes: feedparser would read a str as a path, URL or XML")
    parsed = feedparser.parse(bytes(body), response_headers=headers or {})
    result = FetchResult()
    entries = parsed.get("entries") or []
    if parsed.get("bozo"):
        exc = parsed.get("bozo_exception")
        result.bozo = f"{type(exc).__name__}: {str(exc)[:120]}" if exc is not None else "bozo"
        if not entries and not (parsed.get("feed") or {}).get("title"):
            raise BadResponse(f"not a feed ({result.bozo})")
    elif not entries and not parsed.get("feed") and not parsed.get("version"):
        raise BadResponse("not a feed (no channel, no entries)")
    name = signal_source(source, prefix)
    feed_title = (parsed.get("feed") or {}).get("title")
    for index, entry in enumerate(entries):
        if result.full():
            result.reject(f"more than {MAX_ITEMS} entries in one feed: the rest skipped")
            break
        result.fetched += 1
        try:
            result.signals.append(source.implied_tags(entry_signal(entry, name, now, status=status,
                                                                   feed_title=feed_title)))
        except (SignalError, ValueError, TypeError) as exc:
            result.reject(f"entry {index + 1}: {exc}")
    return result


def _entry_time(entry: Any) -> datetime | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            try:
                return datetime.fromtimestamp(calendar.timegm(value), timezone.utc)
            except (OverflowError, ValueError, TypeError):
                continue
    return None


def entry_signal(entry: Any, source_name: str, now: datetime, *, status: bool = False,
                 feed_title: str | None = None) -> Signal:
    title = plain(entry.get("title")) or None
    content = entry.get("content") or []
    body = entry.get("summary") or (content[0].get("value") if content and isinstance(content[0], dict) else "")
    text = plain(body)
    if not text and not title:
        raise ValueError("entry has neither title nor text")
    link = entry.get("link") or None
    native = entry.get("id") or link or digest(title, text)
    published = _entry_time(entry)
    raw = {"guid": entry.get("id"), "link": link, "feed": feed_title}
    if published is None:
        published = now  # a feed without dates still says "this is current"
        raw["published_missing"] = True
    author = entry.get("author") or None
    return Signal(
        source_kind="status" if status else "news", source=source_name, published_at=published,
        text=text or title or "", title=title, url=link if isinstance(link, str) else None,
        author=author if isinstance(author, str) else None, collected_at=now, native_id=str(native),
        status=stage_of(title, text) if status else None, raw=raw,
    )
