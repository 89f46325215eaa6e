"""How a Signal looks inside Elasticsearch: index names, templates, mapping, documents.

Field names follow ECS where ECS has one *with the same meaning*, so that Kibana,
Beats-style dashboards and other tools read outagewatch's indices without a translation
table; what ECS has no name for lives under ``outagewatch.*``. The services, providers
and regions a Signal mentions are ``outagewatch.services``/``providers``/``regions``:
ECS ``service.name`` and ``cloud.*`` describe the system that emitted an event, which
for a post about an outage is not the service it names. Every document carries
``ecs.version`` and ``event.dataset`` (``outagewatch.signals``, ``outagewatch.incidents``).

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
ECS_VERSION = "8.17.0"  # the ECS release whose field meanings these documents follow
ECS_CONSTANTS = {"ecs.version": ECS_VERSION, "event.module": "outagewatch", "event.kind": "event"}
SIGNALS_DATASET = "outagewatch.signals"
INCIDENTS_DATASET = "outagewatch.incidents"
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
    **{name: _KEYWORD for name in ECS_CONSTANTS},
    "event.dataset": _KEYWORD,
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
# An incident document: the incident itself, opaque (``doc``, what the store gives back),
# and beside it the fields Kibana filters and aggregates on.
INCIDENT_FIELDS: dict[str, dict] = {
    "id": _KEYWORD,
    "@timestamp": _DATE,  # = started_at, the time field tools expect
    "started_at": _DATE, "detected_at": _DATE, "peak_at": _DATE, "ended_at": _DATE,
    "first_official_at": _DATE, "common_cause_named_at": _DATE,
    "title": {"type": "text", "fields": {"keyword": {"type": "keyword", "ignore_above": 1024}}},
    "status": _KEYWORD,
    "evidence_level": _KEYWORD,
    "feedback": _KEYWORD,
    "services": _KEYWORD, "providers": _KEYWORD, "regions": _KEYWORD,
    "cause.service": _KEYWORD, "cause.provider": _KEYWORD, "cause.region": _KEYWORD,
    "cause.confidence": {"type": "float"}, "cause.confirmed": {"type": "boolean"},
    "lead_minutes": {"type": "float"},
    "duration_minutes": {"type": "float"},
    "signal_count": {"type": "long"},
    "signal_counts.social": {"type": "long"}, "signal_counts.status": {"type": "long"},
    "signal_counts.reports": {"type": "long"}, "signal_counts.news": {"type": "long"},
    "report_count": {"type": "long"},
    **{name: _KEYWORD for name in ECS_CONSTANTS},
    "event.dataset": _KEYWORD,
    "doc": _OPAQUE,
}
INCIDENT_MAPPINGS = {"dynamic": "strict", "properties": _nest(INCIDENT_FIELDS)}
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
        "ecs": {"version": ECS_VERSION},
        "event": {"ingested": ingested_ms, "dataset": SIGNALS_DATASET, "module": "outagewatch", "kind": "event"},
        "outagewatch": {"words": {"title": _spaced_words(signal.title), "message": _spaced_words(signal.text)},
                        "fingerprint": fingerprint},
    }
    return signal_to_es(signal, doc)


def _put(doc: dict[str, Any], dotted: str, value: Any) -> None:
    node = doc
    parts = dotted.split(".")
    for part in parts[:-1]:
        node = node.setdefault(part, {})
    node[parts[-1]] = value


def _ms(value: Any) -> int | None:
    from outagewatch.timeutil import parse_time, to_millis

    if value is None or value == "":
        return None
    try:
        return to_millis(parse_time(value)) if not isinstance(value, (int, float)) else int(value)
    except (TypeError, ValueError):
        return None


def incident_to_doc(incident_id: str, started_ms: int, ended_ms: int | None, detected_ms: int | None,
                    incident: dict[str, Any]) -> dict[str, Any]:
    """The incidents-index document: ``doc`` is the incident as given (read back whole);
    the other fields copy what a dashboard filters or charts by, so Kibana can slice
    incidents by service, cause, evidence level and time without reading ``doc``."""
    out: dict[str, Any] = {"id": incident_id, "@timestamp": started_ms, "started_at": started_ms,
                           "ended_at": ended_ms, "detected_at": detected_ms, "doc": incident}
    for key in ("peak_at", "first_official_at", "common_cause_named_at"):
        out[key] = _ms(incident.get(key))
    for key in ("status", "evidence_level"):
        if isinstance(incident.get(key), str):
            out[key] = incident[key]
    feedback = incident.get("feedback")
    if isinstance(feedback, dict) and isinstance(feedback.get("verdict"), str):
        out["feedback"] = feedback["verdict"]
    if isinstance(incident.get("title"), str):
        out["title"] = incident["title"]
    for key in ("services", "providers", "regions"):
        values = [v for v in incident.get(key) or [] if isinstance(v, str)]
        if values:
            out[key] = values
    cause = incident.get("common_cause") or {}
    if isinstance(cause, dict):
        for key in ("service", "provider", "region"):
            if isinstance(cause.get(key), str):
                _put(out, f"cause.{key}", cause[key])
        if isinstance(cause.get("confidence"), (int, float)):
            _put(out, "cause.confidence", float(cause["confidence"]))
        if isinstance(cause.get("confirmed"), bool):
            _put(out, "cause.confirmed", cause["confirmed"])
    if isinstance(incident.get("lead_minutes"), (int, float)):
        out["lead_minutes"] = float(incident["lead_minutes"])
    if ended_ms is not None:
        out["duration_minutes"] = round((ended_ms - started_ms) / 60000, 1)
    counts = incident.get("signal_counts") or {}
    if isinstance(counts, dict):
        numbers = {k: v for k, v in counts.items() if isinstance(v, int) and k in ("social", "status", "reports", "news")}
        if numbers:
            out["signal_counts"] = numbers
        out["signal_count"] = sum(v for v in counts.values() if isinstance(v, int))
    if isinstance(incident.get("report_count"), int):
        out["report_count"] = incident["report_count"]
    for name, value in ECS_CONSTANTS.items():
        _put(out, name, value)
    _put(out, "event.dataset", INCIDENTS_DATASET)
    return {k: v for k, v in out.items() if v is not None}


def doc_fingerprint(doc: dict[str, Any]) -> str | None:
    return es_get(doc, FINGERPRINT)


def doc_to_signal(doc: dict[str, Any]) -> Signal:
    return es_to_signal(doc)
