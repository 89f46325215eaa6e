"""One table of the Signal's fields, from which every backend's shape is derived.

Each row says how one Signal field is kept: its SQLite column (type and constraint), its
Elasticsearch field (ECS name and mapping), and its *kind*, which fixes how a value is
encoded for each engine and read back. The SQLite schema, the positional row mapping,
the Elasticsearch mapping, document and field names, and the content fingerprint are all
generated from this table, so a new Signal field is one line here (plus the dataclass).

Kinds:
- ``keyword``: a string kept as it is (filters, facets).
- ``text``: a string that is also searched as words (title, text).
- ``time``: a UTC datetime, kept as epoch milliseconds.
- ``count``: a non-negative integer.
- ``tags``: a list of strings (SQLite: JSON text; Elasticsearch: a keyword array).
- ``json``: any JSON value (SQLite: JSON text; Elasticsearch: a disabled object holding
  ``{"value": ...}``, so that a string or a list fits too).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from operator import attrgetter
from typing import Any, Callable

import orjson

from outagewatch.signal import FIELDS as WIRE_FIELDS
from outagewatch.signal import Signal
from outagewatch.timeutil import EPOCH, UTC, from_millis, to_millis

_DUMPS_OPTIONS = orjson.OPT_NON_STR_KEYS


@dataclass(frozen=True, slots=True)
class Field:
    """One Signal field as every engine keeps it."""

    name: str  # the Signal attribute and wire name
    kind: str  # keyword | text | time | count | tags | json
    es: str  # the Elasticsearch (ECS where ECS has one) field
    required: bool = False  # NOT NULL in SQLite
    fingerprinted: bool = True  # part of "is this stored Signal unchanged?"
    es_mapping: dict | None = None  # a mapping other than the kind's default

    @property
    def sql_type(self) -> str:
        return {"time": "INTEGER", "count": "INTEGER"}.get(self.kind, "TEXT")


SIGNAL_FIELDS: tuple[Field, ...] = (
    Field("id", "keyword", "event.id", required=True, fingerprinted=False),
    Field("source_kind", "keyword", "outagewatch.source_kind", required=True),
    Field("source", "keyword", "event.provider", required=True),
    Field("published_at", "time", "@timestamp", required=True),
    Field("collected_at", "time", "event.created", fingerprinted=False),
    Field("author", "keyword", "user.name"),
    Field("url", "keyword", "url.full", es_mapping={"type": "keyword", "ignore_above": 8191}),
    Field("title", "text", "outagewatch.title"),
    Field("text", "text", "message", required=True),
    Field("lang", "keyword", "outagewatch.lang"),
    Field("report_count", "count", "outagewatch.report_count"),
    Field("status", "keyword", "outagewatch.status"),
    # What a post *mentions*: ECS service.name / cloud.* describe the emitter of an event
    # (the host's own service, provider and region), so these live in our namespace.
    Field("services", "tags", "outagewatch.services"),
    Field("providers", "tags", "outagewatch.providers"),
    Field("regions", "tags", "outagewatch.regions"),
    Field("symptoms", "tags", "outagewatch.symptoms"),
    Field("raw", "json", "outagewatch.raw"),
)
BY_NAME = {f.name: f for f in SIGNAL_FIELDS}
assert tuple(BY_NAME) == WIRE_FIELDS, "the field table and Signal's wire fields must list the same fields"

# The Elasticsearch field of each filterable/facetable Signal field.
ES_FIELD = {f.name: f.es for f in SIGNAL_FIELDS}


# -- content fingerprint ------------------------------------------------------------

_FINGERPRINTED = [f for f in SIGNAL_FIELDS if f.fingerprinted]
_content = attrgetter(*(f.name for f in _FINGERPRINTED))
_TIME_AT = [i for i, f in enumerate(_FINGERPRINTED) if f.kind == "time"]


def fingerprint(signal: Signal) -> bytes:
    """What makes a stored Signal "unchanged": everything but its id and ``collected_at``,
    which differs each time the same item is collected again. 16 bytes of BLAKE2b over
    the fields' JSON, so both engines (and stores written before) agree."""
    content = list(_content(signal))
    for i in _TIME_AT:
        if content[i] is not None:
            content[i] = to_millis(content[i])
    try:
        encoded = orjson.dumps(content, option=_DUMPS_OPTIONS)
    except TypeError as exc:
        raise ValueError(f"signal {signal.id}: raw is not JSON-serialisable: {exc}") from None
    return hashlib.blake2b(encoded, digest_size=16).digest()


# -- SQLite rows --------------------------------------------------------------------

def _dump_tags(values: list[str]) -> str:
    return orjson.dumps(values).decode() if values else "[]"


def _dump_json(value: Any) -> str | None:
    return orjson.dumps(value, option=_DUMPS_OPTIONS).decode() if value is not None else None


def _millis_or_none(value):
    return to_millis(value) if value is not None else None


def _from_millis_or_none(value):
    return from_millis(value) if value is not None else None


def _load_tags(value: str | None) -> list[str]:
    return orjson.loads(value) if value else []


def _load_json(value: str | None) -> Any:
    return orjson.loads(value) if value is not None else None


_SQL_ENCODE: dict[str, Callable[[Any], Any]] = {"time": _millis_or_none, "tags": _dump_tags, "json": _dump_json}
_SQL_DECODE: dict[str, Callable[[Any], Any]] = {"time": _from_millis_or_none, "tags": _load_tags, "json": _load_json}

SQL_COLUMNS = tuple(f.name for f in SIGNAL_FIELDS)


def sql_column_definitions() -> str:
    """The Signal columns of the ``signals`` table, in table order (the id is looked up by
    a hashed integer key beside them, see ``sqlite/schema.py``, not by a unique index)."""
    return ", ".join(f"{f.name} {f.sql_type}{' NOT NULL' if f.required else ''}" for f in SIGNAL_FIELDS)


_signal_values = attrgetter(*SQL_COLUMNS)
_ENCODE_AT = [(i, _SQL_ENCODE[f.kind]) for i, f in enumerate(SIGNAL_FIELDS) if f.kind in _SQL_ENCODE]
_DECODE_AT = [(i, _SQL_DECODE[f.kind]) for i, f in enumerate(SIGNAL_FIELDS) if f.kind in _SQL_DECODE]


def signal_to_row(signal: Signal) -> list[Any]:
    """The values of :data:`SQL_COLUMNS` for ``signal``."""
    row = list(_signal_values(signal))
    for i, encode in _ENCODE_AT:
        row[i] = encode(row[i])
    return row


def _row_encoder() -> Callable[[Signal], tuple[list[Any], bytes]]:
    """:func:`row_and_fingerprint`, written out from the field table: one statement per
    encoded field, each value converted once for both the row and the fingerprint."""
    names = [f"v{i}" for i in range(len(SIGNAL_FIELDS))]
    row = list(names)
    body = [f"    {', '.join(names)}, = _signal_values(signal)"]
    content = []
    for at, (name, f) in enumerate(zip(names, SIGNAL_FIELDS)):
        if f.kind == "time" and f.required:
            # published_at: to_millis's arithmetic in line for a time in UTC (what a Signal holds), a
            # call less a Signal
            body += [f"    if {name}.tzinfo is _UTC:", f"        delta = {name} - _EPOCH",
                     f"        {name} = delta.days * 86_400_000 + delta.seconds * 1000 + delta.microseconds // 1000",
                     "    else:", f"        {name} = to_millis({name})"]
        elif f.kind == "time":
            # collected_at: an ingest's Signals share one time object a millisecond (signal._now),
            # so the last one converted is remembered by identity (an exact shortcut)
            body += [f"    if {name} is not None:", "        last = _last_time[0]",
                     f"        if {name} is last[0]:", f"            {name} = last[1]", "        else:",
                     f"            millis = to_millis({name})", f"            _last_time[0] = ({name}, millis)",
                     f"            {name} = millis"]
        elif f.kind == "tags":
            # the row keeps the list's JSON; the fingerprint's JSON takes the list itself, which
            # orjson writes as the same bytes (an empty or missing list as the row's '[]'): a new
            # orjson.Fragment of the row's text cost more than writing the list again
            row[at] = f"e{at}"
            body.append(f"    e{at} = _dumps({name}).decode() if {name} else '[]'")
        elif f.kind == "json":
            body += [f"    if {name} is not None:", "        try:",
                     f"            {name} = _dumps({name}, option=_DUMPS_OPTIONS).decode()",
                     "        except TypeError as exc:",
                     "            raise ValueError(f'signal {signal.id}: raw is not JSON-serialisable: {exc}') from None"]
        if f.fingerprinted:
            content.append({"tags": f"({name} or _EMPTY)", "json": f"(None if {name} is None else _Fragment({name}))"}
                           .get(f.kind, name))
    body.append(f"    content = _dumps([{', '.join(content)}])")
    # the hash from a copy of an empty 16-byte BLAKE2b: the same digest as blake2b(content, digest_size=16),
    # without the constructor's keyword parsing (~700 instructions less a Signal)
    body.append("    hash_ = _B16.copy()")
    body.append("    hash_.update(content)")
    body.append(f"    return [{', '.join(row)}], hash_.digest()")
    source = "def row_and_fingerprint(signal):\n" + "\n".join(body) + "\n"
    scope = {"_signal_values": _signal_values, "to_millis": to_millis, "_dumps": orjson.dumps,
             "_DUMPS_OPTIONS": _DUMPS_OPTIONS, "_Fragment": orjson.Fragment, "_B16": hashlib.blake2b(digest_size=16),
             "_UTC": UTC, "_EPOCH": EPOCH,
             "_EMPTY": orjson.Fragment("[]"), "_last_time": [(None, None)]}
    exec(compile(source, "<fields.row_and_fingerprint>", "exec"), scope)
    return scope["row_and_fingerprint"]


row_and_fingerprint = _row_encoder()
row_and_fingerprint.__doc__ = """(:func:`signal_to_row`, :func:`fingerprint`) of ``signal`` in one pass: the
fingerprint's JSON is made of the row's own encoded values (``raw`` spliced in as the row holds
it, the tag lists written again, as the same bytes), byte for byte what :func:`fingerprint` hashes. A bulk load
stores every Signal it fingerprints, so the SQLite store encodes both at once."""


def row_to_signal(row: tuple | list, offset: int = 0) -> Signal:
    """A Signal from the values of :data:`SQL_COLUMNS` starting at ``row[offset]``."""
    values = list(row[offset:offset + len(SQL_COLUMNS)])
    for i, decode in _DECODE_AT:
        values[i] = decode(values[i])
    return Signal(**dict(zip(SQL_COLUMNS, values)))


# -- Elasticsearch documents ----------------------------------------------------------

_ES_DEFAULT_MAPPING = {
    "keyword": {"type": "keyword"},
    "text": {"type": "text", "analyzer": "standard"},
    "time": {"type": "date", "format": "strict_date_optional_time||epoch_millis"},
    "count": {"type": "long"},
    "tags": {"type": "keyword"},
    "json": {"type": "object", "enabled": False},
}


def es_mappings() -> dict[str, dict]:
    """Elasticsearch field -> mapping, for every Signal field."""
    return {f.es: f.es_mapping or _ES_DEFAULT_MAPPING[f.kind] for f in SIGNAL_FIELDS}


def _plain_raw(value: Any) -> dict[str, Any]:
    # Round-tripped as the SQLite store stores it, so that non-string keys become strings
    # here too instead of failing the bulk request.
    if not isinstance(value, (str, int, float, bool)):
        value = orjson.loads(orjson.dumps(value, option=_DUMPS_OPTIONS))
    return {"value": value}


_ES_ENCODE: dict[str, Callable[[Any], Any]] = {"time": to_millis, "tags": list, "json": _plain_raw}


def _es_list(value: Any) -> list[str]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _es_raw(value: Any) -> Any:
    return value.get("value") if isinstance(value, dict) else None


_ES_DECODE: dict[str, Callable[[Any], Any]] = {"time": _from_millis_or_none, "tags": _es_list, "json": _es_raw}
_ES_PATHS = [(f.name, tuple(f.es.split(".")), f.kind) for f in SIGNAL_FIELDS]


def signal_to_es(signal: Signal, doc: dict[str, Any]) -> dict[str, Any]:
    """Put every Signal field into ``doc`` (nested objects, as Elasticsearch returns them);
    a missing value (None, an empty list) is left out rather than stored as null. The
    text is always kept, even when empty."""
    for name, path, kind in _ES_PATHS:
        value = getattr(signal, name)
        if value is None or (kind == "tags" and not value):
            continue
        encode = _ES_ENCODE.get(kind)
        node = doc
        for part in path[:-1]:
            node = node.setdefault(part, {})
        node[path[-1]] = encode(value) if encode else value
    return doc


def es_get(doc: dict[str, Any], path: tuple[str, ...] | str) -> Any:
    node: Any = doc
    for part in (path.split(".") if isinstance(path, str) else path):
        if not isinstance(node, dict):
            return None
        node = node.get(part)
    return node


def es_to_signal(doc: dict[str, Any]) -> Signal:
    values = {}
    for name, path, kind in _ES_PATHS:
        value = es_get(doc, path)
        decode = _ES_DECODE.get(kind)
        values[name] = decode(value) if decode else value
    if values["text"] is None:
        values["text"] = ""
    return Signal(**values)
