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

from outagewatch.search.fields import ES_FIELD, es_get, es_mappings, es_to_signal, signal_to_es
from outagewatch.search.query import FACET_FIELDS, words_of
from outagewatch.signal import Signal

DEFAULT_PREFIX = "outagewatch"

# Signal field -> ECS (or outagewatch.*) field: from the one field table.
TIMESTAMP = ES_FIELD["published_at"]
ID = ES_FIELD["id"]
SOURCE_KIND = ES_FIELD["source_kind"]
SOURCE = ES_FIELD["source"]
MESSAGE = ES_FIELD["text"]
TITLE = ES_FIELD["title"]
REPORT_COUNT = ES_FIELD["report_count"]
# Fields of the document that are not Signal fields.
INGESTED = "event.ingested"
WORDS_TITLE = "outagewatch.words.title"
WORDS_MESSAGE = "outagewatch.words.message"
FINGERPRINT = "outagewatch.fingerprint"

FIELD_OF = {name: ES_FIELD[name] for name in FACET_FIELDS}


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
    **es_mappings(),
    INGESTED: _DATE,
    WORDS_TITLE: _WORDS,
    WORDS_MESSAGE: _WORDS,
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


def _spaced_words(text: str | None) -> str:
    return " ".join(words_of(text)) if text else ""


def signal_to_doc(signal: Signal, fingerprint: str, ingested_ms: int) -> dict[str, Any]:
    """The document for one Signal: its fields as the field table maps them, plus the
    pre-split words that are matched, the content fingerprint and the ingest time."""
    doc: dict[str, Any] = {
        "event": {"ingested": ingested_ms},
        "outagewatch": {"words": {"title": _spaced_words(signal.title), "message": _spaced_words(signal.text)},
                        "fingerprint": fingerprint},
    }
    return signal_to_es(signal, doc)


def doc_fingerprint(doc: dict[str, Any]) -> str | None:
    return es_get(doc, FINGERPRINT)


def doc_to_signal(doc: dict[str, Any]) -> Signal:
    return es_to_signal(doc)
