"""How a Signal looks inside Elasticsearch: index names, templates, mapping, documents.

Field names follow ECS where ECS has one, so that Kibana, Beats-style dashboards and
other tools read outagewatch's indices without a translation table; what ECS has no
name for lives under ``outagewatch.*``.

Text matching is done on ``outagewatch.words.*``: the title and text already split into
words by :func:`outagewatch.search.query.words_of` (the same splitting the SQLite store
indexes), analysed by whitespace only. That keeps ``status.aws.amazon.com``, ``can't``,
``foo_bar`` and Katakana or Hangul runs matching exactly as on SQLite, where the
standard analyzer would keep them as one token. ``message`` and ``outagewatch.title``
keep the original text (standard analyzer) for highlighting; the ``words`` fields are
left out of ``_source``.

Only core analysis (``whitespace``, ``standard``) is used: the integ-test build lacks
the ``analysis-common`` module.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

import orjson

from outagewatch.search.query import words_of
from outagewatch.signal import Signal
from outagewatch.timeutil import from_millis, to_millis

DEFAULT_PREFIX = "outagewatch"

# Signal field -> ECS (or outagewatch.*) field.
TIMESTAMP = "@timestamp"
ID = "event.id"
SOURCE_KIND = "outagewatch.source_kind"
SOURCE = "event.provider"
MESSAGE = "message"
TITLE = "outagewatch.title"
WORDS_TITLE = "outagewatch.words.title"
WORDS_MESSAGE = "outagewatch.words.message"
FINGERPRINT = "outagewatch.fingerprint"
REPORT_COUNT = "outagewatch.report_count"

FIELD_OF = {
    "services": "service.name",
    "providers": "cloud.provider",
    "regions": "cloud.region",
    "symptoms": "outagewatch.symptoms",
    "source_kind": SOURCE_KIND,
    "source": SOURCE,
    "lang": "outagewatch.lang",
    "status": "outagewatch.status",
}


@dataclass(frozen=True, slots=True)
class IndexNames:
    prefix: str

    @property
    def signals(self) -> str:
        """The alias every read and every new write goes through."""
        return f"{self.prefix}-signals"

    @property
    def first_backing(self) -> str:
        return f"{self.prefix}-signals-000001"

    @property
    def signals_pattern(self) -> str:
        return f"{self.prefix}-signals-*"

    @property
    def checkpoints(self) -> str:
        return f"{self.prefix}-checkpoints"

    @property
    def incidents(self) -> str:
        return f"{self.prefix}-incidents"

    @property
    def feedback(self) -> str:
        return f"{self.prefix}-feedback"

    @property
    def template(self) -> str:
        return f"{self.prefix}-signals"

    @property
    def component_mappings(self) -> str:
        return f"{self.prefix}-signals-mappings"

    @property
    def component_settings(self) -> str:
        return f"{self.prefix}-signals-settings"

    def all_patterns(self) -> list[str]:
        return [self.signals_pattern, self.checkpoints, self.incidents, self.feedback]


_KEYWORD = {"type": "keyword"}
_DATE = {"type": "date", "format": "strict_date_optional_time||epoch_millis"}
_WORDS = {"type": "text", "analyzer": "whitespace", "norms": True}
_OPAQUE = {"type": "object", "enabled": False}


def _nest(flat: dict[str, dict]) -> dict[str, Any]:
    """Dotted field names -> nested ``properties`` objects, as a mapping needs them."""
    root: dict[str, Any] = {}
    for dotted, spec in flat.items():
        node = root
        parts = dotted.split(".")
        for part in parts[:-1]:
            node = node.setdefault(part, {"properties": {}})["properties"]
        node[parts[-1]] = spec
    return root


SIGNAL_FIELDS: dict[str, dict] = {
    TIMESTAMP: _DATE,
    ID: _KEYWORD,
    "event.created": _DATE,
    "event.ingested": _DATE,
    SOURCE: _KEYWORD,
    SOURCE_KIND: _KEYWORD,
    "user.name": _KEYWORD,
    "url.full": {"type": "keyword", "ignore_above": 8191},
    TITLE: {"type": "text", "analyzer": "standard"},
    MESSAGE: {"type": "text", "analyzer": "standard"},
    WORDS_TITLE: _WORDS,
    WORDS_MESSAGE: _WORDS,
    "outagewatch.lang": _KEYWORD,
    REPORT_COUNT: {"type": "long"},
    "outagewatch.status": _KEYWORD,
    "service.name": _KEYWORD,
    "cloud.provider": _KEYWORD,
    "cloud.region": _KEYWORD,
    "outagewatch.symptoms": _KEYWORD,
    "outagewatch.raw": _OPAQUE,
    FINGERPRINT: {"type": "keyword", "index": False},
}


def signal_mappings() -> dict[str, Any]:
    return {
        "dynamic": "strict",
        "_source": {"excludes": [WORDS_TITLE, WORDS_MESSAGE]},
        "properties": _nest(SIGNAL_FIELDS),
    }


def signal_settings(shards: int, replicas: str | int) -> dict[str, Any]:
    settings: dict[str, Any] = {"index": {"number_of_shards": shards, "refresh_interval": "1s"}}
    if isinstance(replicas, str):
        settings["index"]["auto_expand_replicas"] = replicas
    else:
        settings["index"]["number_of_replicas"] = replicas
    return settings


CHECKPOINT_MAPPINGS = {"dynamic": "strict", "properties": {
    "source": _KEYWORD, "state": _OPAQUE, "updated_at": _DATE}}
INCIDENT_MAPPINGS = {"dynamic": "strict", "properties": {
    "id": _KEYWORD, "started_at": _DATE, "ended_at": _DATE, "detected_at": _DATE, "doc": _OPAQUE}}
FEEDBACK_MAPPINGS = {"dynamic": "strict", "properties": {
    "id": _KEYWORD, "verdict": _KEYWORD, "note": {"type": "keyword", "index": False}, "at": _DATE}}


def doc_id(key: str) -> str:
    """An ``_id`` for a free-form key (a checkpoint's source, an incident id): ``_id`` has a
    512-byte limit, so long keys are hashed; the key itself is stored in the document."""
    if len(key.encode("utf-8")) <= 200:
        return key
    return "h:" + hashlib.blake2b(key.encode("utf-8"), digest_size=20).hexdigest()


def fingerprint(signal: Signal) -> str:
    """What makes a stored Signal "unchanged": everything but ``collected_at``, which
    differs each time the same item is collected again."""
    content = [signal.source_kind, signal.source, to_millis(signal.published_at), signal.author, signal.url,
               signal.title, signal.text, signal.lang, signal.report_count, signal.status, signal.services,
               signal.providers, signal.regions, signal.symptoms, signal.raw]
    try:
        encoded = orjson.dumps(content, option=orjson.OPT_NON_STR_KEYS)
    except TypeError as exc:
        raise ValueError(f"signal {signal.id}: raw is not JSON-serialisable: {exc}") from None
    return hashlib.blake2b(encoded, digest_size=16).hexdigest()


def _spaced_words(text: str | None) -> str:
    return " ".join(words_of(text)) if text else ""


def signal_to_doc(signal: Signal, fingerprint: str, ingested_ms: int) -> dict[str, Any]:
    """The document for one Signal. Built nested by hand: this runs a million times in a
    bulk load, and missing values are left out rather than stored as nulls."""
    event: dict[str, Any] = {"id": signal.id, "provider": signal.source, "ingested": ingested_ms}
    if signal.collected_at is not None:
        event["created"] = to_millis(signal.collected_at)
    own: dict[str, Any] = {
        "source_kind": signal.source_kind,
        "words": {"title": _spaced_words(signal.title), "message": _spaced_words(signal.text)},
        "fingerprint": fingerprint,
    }
    if signal.title is not None:
        own["title"] = signal.title
    if signal.lang is not None:
        own["lang"] = signal.lang
    if signal.report_count is not None:
        own["report_count"] = signal.report_count
    if signal.status is not None:
        own["status"] = signal.status
    if signal.symptoms:
        own["symptoms"] = list(signal.symptoms)
    if signal.raw is not None:
        # Wrapped so that any JSON value (a string, a list) fits the disabled object.
        # Round-tripped as the SQLite store stores it, so that non-string keys become strings
        # here too instead of failing the bulk request.
        raw = signal.raw if isinstance(signal.raw, (str, int, float, bool)) else \
            orjson.loads(orjson.dumps(signal.raw, option=orjson.OPT_NON_STR_KEYS))
        own["raw"] = {"value": raw}
    doc: dict[str, Any] = {TIMESTAMP: to_millis(signal.published_at), "event": event, MESSAGE: signal.text,
                           "outagewatch": own}
    if signal.author is not None:
        doc["user"] = {"name": signal.author}
    if signal.url is not None:
        doc["url"] = {"full": signal.url}
    if signal.services:
        doc["service"] = {"name": list(signal.services)}
    if signal.providers or signal.regions:
        doc["cloud"] = {"provider": list(signal.providers), "region": list(signal.regions)}
    return doc


def _get(doc: dict[str, Any], dotted: str) -> Any:
    node: Any = doc
    for part in dotted.split("."):
        if not isinstance(node, dict):
            return None
        node = node.get(part)
    return node


def doc_fingerprint(doc: dict[str, Any]) -> str | None:
    return _get(doc, FINGERPRINT)


def doc_to_signal(doc: dict[str, Any]) -> Signal:
    raw = _get(doc, "outagewatch.raw")
    created = _get(doc, "event.created")
    return Signal(
        id=_get(doc, ID), source_kind=_get(doc, SOURCE_KIND), source=_get(doc, SOURCE),
        published_at=from_millis(_get(doc, TIMESTAMP)),
        collected_at=from_millis(created) if created is not None else None,
        author=_get(doc, "user.name"), url=_get(doc, "url.full"), title=_get(doc, TITLE),
        text=_get(doc, MESSAGE) or "", lang=_get(doc, "outagewatch.lang"),
        report_count=_get(doc, REPORT_COUNT), status=_get(doc, "outagewatch.status"),
        services=_list(_get(doc, "service.name")), providers=_list(_get(doc, "cloud.provider")),
        regions=_list(_get(doc, "cloud.region")), symptoms=_list(_get(doc, "outagewatch.symptoms")),
        raw=raw.get("value") if isinstance(raw, dict) else None,
    )


def _list(value: Any) -> list[str]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def json_default(value: Any) -> Any:
    from datetime import datetime

    from outagewatch.timeutil import to_iso

    if isinstance(value, datetime):
        return to_iso(value)
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    raise TypeError(f"cannot store {type(value).__name__} in Elasticsearch")


def plain_json(value: Any) -> Any:
    """Datetimes and tuples turned into JSON values, the way SQLite stores incidents."""
    return orjson.loads(orjson.dumps(value, default=json_default))
