"""The scale-out store: Elasticsearch, behaving exactly like the SQLite store.

Layout (``<prefix>`` defaults to ``outagewatch``):
- ``<prefix>-signals``: an alias with a write index in front of rollover indices
  ``<prefix>-signals-000001``, ``-000002`` ..., all made from one composable index
  template, so that sharding, rollover and retention are operations choices.
- ``<prefix>-checkpoints``, ``<prefix>-incidents``, ``<prefix>-feedback``: small indices.

Writes are idempotent (``_id`` is the Signal id) and report new/updated/unchanged like
SQLite by comparing a content fingerprint stored in each document. A changed Signal is
written to the backing index that already holds it, so rollover never makes two copies.
When the cluster is unreachable or keeps rejecting a batch, the batch goes to a local
durable spool (:mod:`outagewatch.search.spool`) and is delivered before the next write,
on :meth:`ElasticsearchStore.flush`, or on close.

Only core Elasticsearch features are used (no painless, analysis-common, reindex,
delete-by-query, ingest pipelines or data streams), so the integ-test build works.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

import elastic_transport
import elasticsearch
from elasticsearch import Elasticsearch, helpers
from elasticsearch.serializer import OrjsonSerializer

from outagewatch.search import es_mapping as m
from outagewatch.search.base import BaseStore, Change, Page
from outagewatch.search.es_query import (
    MARK_OPEN,
    compile_query,
    highlight_clause,
    highlight_fragment,
    sort_clause,
)
from outagewatch.search.es_state import MAX_PAGE, ElasticsearchState
from outagewatch.search.query import Query
from outagewatch.search.spool import Spool
from outagewatch.search.store import Bucket, Hit, StoreStats, TOTAL_LIMIT, TagBucket, UpsertResult
from outagewatch.signal import Signal
from outagewatch.timeutil import from_millis, to_millis, utcnow

log = logging.getLogger(__name__)

TRANSIENT_STATUS = (429, 502, 503, 504)
BULK_CHUNK = 5000
LOOKUP_CHUNK = 5000


class ElasticsearchStoreError(RuntimeError):
    """Elasticsearch cannot be used; the message is one line a user can act on, and never
    contains a credential."""


class _Unavailable(Exception):
    """A write could not be delivered now; ``unsent`` go to the spool, ``done`` happened."""

    def __init__(self, reason: str, done: UpsertResult, unsent: list[Signal] | None = None) -> None:
        super().__init__(reason)
        self.done = done
        self.unsent = unsent


def check_server_version(server: str, client: str = elasticsearch.__versionstr__) -> None:
    """The client speaks its own major version's API; another major is refused up front."""
    if server.split(".")[0] != client.split(".")[0]:
        raise ElasticsearchStoreError(
            f"Elasticsearch server is version {server}, but outagewatch uses the version {client} client, "
            f"which needs a {client.split('.')[0]}.x server: run a {client.split('.')[0]}.x cluster or install "
            f"the matching 'elasticsearch' Python package")


def _default_spool_dir() -> Path:
    """Where the spool lives when the caller names none (the CLI and the API pass
    ``Config.es_spool_dir``, which honours $OUTAGEWATCH_ES_SPOOL_DIR and $XDG_STATE_HOME)."""
    return Path.home() / ".local" / "state" / "outagewatch" / "spool"


class ElasticsearchStore(BaseStore):
    """A :class:`~outagewatch.search.store.Store` on an Elasticsearch cluster."""

    backend = "elasticsearch"

    def __init__(self, url: str, *, username: str | None = None, password: str | None = None,
                 api_key: str | None = None, ca_certs: str | None = None, prefix: str | None = None,
                 shards: int = 1, replicas: str | int = "0-1", spool_dir: str | os.PathLike[str] | None = None,
                 refresh: bool = True, request_timeout: float = 30.0, bulk_chunk: int = BULK_CHUNK,
                 create: bool = True) -> None:
        """``create=False`` opens an existing store only: no templates or indices are made
        (a read with a mistyped prefix must not leave a new store behind)."""
        parts = urlsplit(url)
        query = parse_qs(parts.query)
        if parts.username and not (username or api_key):
            username, password = parts.username, parts.password
        host = parts.hostname or "localhost"
        netloc = host if ":" not in host else f"[{host}]"
        if parts.port:
            netloc += f":{parts.port}"
        rest = {k: v for k, v in query.items() if k not in ("prefix", "shards", "replicas")}
        base = urlunsplit((parts.scheme, netloc, parts.path, urlencode(rest, doseq=True), ""))
        if prefix is None:
            prefix = query.get("prefix", [m.DEFAULT_PREFIX])[0]
        try:
            shards = int(query.get("shards", [shards])[0])
            replicas = query.get("replicas", [replicas])[0]
            replicas = int(replicas) if str(replicas).isdigit() else replicas
        except ValueError:
            raise ElasticsearchStoreError("shards in the store URL must be a number") from None
        if not prefix or prefix != prefix.lower() or any(c in prefix for c in ' "*\\<|,>/?#:'):
            raise ElasticsearchStoreError(f"index prefix {prefix!r} is not a valid lowercase index name part")
        self.names = m.IndexNames(prefix)
        # ``url`` reopens this very store (credentials left out); the client gets the base.
        self.url = base if prefix == m.DEFAULT_PREFIX else f"{base}{'&' if '?' in base else '?'}prefix={prefix}"
        self._display = f"{base} (indices {prefix}-*)"
        self._refresh = refresh
        self._dirty = False
        self._bulk_chunk = bulk_chunk
        self._shards, self._replicas = shards, replicas
        self._spool_dir = Path(spool_dir) if spool_dir else _default_spool_dir()
        self._spool: Spool | None = None
        self._write_lock = threading.RLock()
        auth: dict[str, Any] = {}
        if api_key:
            auth["api_key"] = _reveal(api_key)
        elif username:
            auth["basic_auth"] = (username, _reveal(password or ""))
        if ca_certs:
            auth["ca_certs"] = ca_certs
        self.client = Elasticsearch(
            base, serializer=OrjsonSerializer(), request_timeout=request_timeout, max_retries=2,
            retry_on_timeout=True, retry_on_status=TRANSIENT_STATUS, **auth)
        self.state = ElasticsearchState(self.client, self.names, self._errors, TRANSIENT_STATUS)
        with self._errors("connect to"):
            self._check_server()
            if not create:
                if not self.client.indices.exists_alias(name=self.names.signals):
                    raise ElasticsearchStoreError(f"no store at {self._display}")
                return
            self._ensure_indices()

    # -- connection ----------------------------------------------------------------

    def _check_server(self) -> None:
        # Plain JSON, not the client's versioned media type: a server of another major
        # version refuses that header, and we want to read its version to say so. (The
        # integ-test build has no ``GET /``, so the version comes from the nodes API.)
        response = self.client.perform_request(
            "GET", "/_nodes/_local", params={"filter_path": "nodes.*.version"},
            headers={"accept": "application/json"})
        body = response.body if isinstance(response.body, dict) else {}
        versions = [n.get("version") for n in (body.get("nodes") or {}).values() if isinstance(n, dict)]
        if not versions or not versions[0]:
            raise ElasticsearchStoreError(f"{self.url} did not answer like an Elasticsearch server")
        for version in versions:
            check_server_version(version)
        self.server_version = versions[0]

    @contextlib.contextmanager
    def _errors(self, doing: str) -> Iterator[None]:
        """Turn the client's exceptions into one clear line without credentials."""
        where = self.url
        try:
            yield
        except ElasticsearchStoreError:
            raise
        except elasticsearch.AuthenticationException:
            raise ElasticsearchStoreError(
                f"Elasticsearch at {where} rejected the credentials (HTTP 401): check OUTAGEWATCH_ES_USERNAME "
                f"and OUTAGEWATCH_ES_PASSWORD, or OUTAGEWATCH_ES_API_KEY") from None
        except elasticsearch.AuthorizationException:
            raise ElasticsearchStoreError(
                f"Elasticsearch at {where} refused to {doing} {self.names.prefix}-* indices for these "
                f"credentials (HTTP 403): grant the user rights on {self.names.prefix}-*") from None
        except elastic_transport.TlsError as exc:
            raise ElasticsearchStoreError(
                f"TLS with Elasticsearch at {where} failed ({_first_line(exc)}): set OUTAGEWATCH_ES_CA_CERTS "
                f"to the cluster's CA certificate") from None
        except elastic_transport.ConnectionTimeout:
            raise ElasticsearchStoreError(f"Elasticsearch at {where} did not answer in time") from None
        except elastic_transport.ConnectionError as exc:
            raise ElasticsearchStoreError(
                f"cannot reach Elasticsearch at {where}: {_connection_reason(exc)}") from None
        except elasticsearch.ApiError as exc:
            raise ElasticsearchStoreError(
                f"Elasticsearch at {where} failed to {doing} the store (HTTP {exc.meta.status}): "
                f"{_error_reason(exc.body)}") from None

    def _ensure_indices(self) -> None:
        try:
            self._put_templates()
        except elasticsearch.AuthorizationException:
            # Read-only credentials (an API server) may use a store someone else set up.
            if not self.client.indices.exists_alias(name=self.names.signals):
                raise
            return
        self._create_indices()

    def _put_templates(self) -> None:
        names = self.names
        cluster = self.client.cluster
        cluster.put_component_template(name=names.component_mappings, template={"mappings": m.signal_mappings()},
                                       meta={"managed_by": "outagewatch"})
        # Settings are created once and then belong to the operators (shards, replicas, an
        # ILM policy): a later start never overwrites them. The mapping is ours and kept current.
        with contextlib.suppress(elasticsearch.BadRequestError):
            cluster.put_component_template(name=names.component_settings, create=True,
                                           template={"settings": m.signal_settings(self._shards, self._replicas)},
                                           meta={"managed_by": "outagewatch"})
        self.client.indices.put_index_template(
            name=names.template, index_patterns=[names.signals_pattern], priority=200,
            composed_of=[names.component_settings, names.component_mappings], meta={"managed_by": "outagewatch"})

    def _create_indices(self) -> None:
        names, indices = self.names, self.client.indices
        if not indices.exists_alias(name=names.signals):
            with contextlib.suppress(elasticsearch.BadRequestError):  # another process made it first
                indices.create(index=names.first_backing, aliases={names.signals: {"is_write_index": True}})
        else:
            # A store made by an earlier version: add the fields this one writes (a mapping
            # only grows; documents written before keep their old fields until migrated).
            indices.put_mapping(index=names.signals_pattern, properties=m.signal_mappings()["properties"])
        small_settings = {"number_of_shards": 1, "auto_expand_replicas": "0-1"}
        for index, mappings in ((names.checkpoints, m.CHECKPOINT_MAPPINGS), (names.incidents, m.INCIDENT_MAPPINGS),
                                (names.feedback, m.FEEDBACK_MAPPINGS)):
            if not indices.exists(index=index):
                with contextlib.suppress(elasticsearch.BadRequestError):
                    indices.create(index=index, mappings=mappings, settings=small_settings)
            else:
                indices.put_mapping(index=index, properties=mappings["properties"])

    def backing_indices(self) -> list[str]:
        """The rollover indices behind the signals alias, oldest first."""
        found = self.client.indices.get_alias(name=self.names.signals)
        return sorted(found.body)

    # -- writing -------------------------------------------------------------------

    @property
    def spool(self) -> Spool:
        if self._spool is None:
            host = (urlsplit(self.url).hostname or "es").replace(":", "_")
            port = urlsplit(self.url).port or 9200
            self._spool = Spool(self._spool_dir, f"{self.names.prefix}@{host}_{port}")
        return self._spool

    @property
    def pending(self) -> int:
        """Signals waiting in the local spool for Elasticsearch to come back."""
        return self.spool.pending

    def _upsert_batch(self, signals: list[Signal]) -> UpsertResult:
        """Deliver what the spool holds first (order matters: a later copy must win), then
        this batch; what cannot be delivered now goes to the spool."""
        with self._write_lock:
            try:
                self._drain()
            except _Unavailable as exc:
                self._to_spool(signals, str(exc))
                return UpsertResult()
            try:
                return self._apply(signals)
            except _Unavailable as exc:
                self._to_spool(signals if exc.unsent is None else exc.unsent, str(exc))
                return exc.done

    def flush(self) -> int:
        """Deliver what the spool holds; returns how many signals are still waiting."""
        with self._write_lock:
            with contextlib.suppress(_Unavailable):
                self._drain()
            return self.spool.pending

    def _to_spool(self, signals: list[Signal], reason: str) -> None:
        first = not self.spool.pending
        self.spool.append(signals)
        # Once per outage, not once per batch: a collector may spool for hours.
        log.log(logging.WARNING if first else logging.DEBUG,
                "Elasticsearch at %s: %s; signals are kept in %s until it is back (%d waiting)",
                self.url, reason, self.spool.path, self.spool.pending)

    def _drain(self) -> None:
        spool = self.spool
        if not spool.pending:
            return
        delivered = 0
        for signals, offset in spool.batches(self._bulk_chunk * 5):
            self._apply(signals)  # raises _Unavailable: the rest stays in the spool
            spool.delivered(offset, len(signals))
            delivered += len(signals)
        if delivered:
            log.warning("Elasticsearch at %s is back: delivered %d spooled signal(s)", self.url, delivered)

    # -- engine primitives -----------------------------------------------------------

    def _writing(self):
        return contextlib.nullcontext()

    def _stored(self, ids: list[str]) -> dict[str, tuple[bytes, Any]]:
        try:
            return {i: (bytes.fromhex(fp or ""), index) for i, (index, fp) in self._existing(ids).items()}
        except (elastic_transport.TransportError, elasticsearch.ApiError) as exc:
            self._raise_unless_transient(exc)
            raise _Unavailable(_short(exc), UpsertResult()) from None

    def _write(self, changes: list[Change], result: UpsertResult) -> None:
        """Bulk ``index`` each change into the backing index that holds it (a new one into
        the write alias); transient refusals and a lost connection leave the undelivered
        changes to the spool, a permanent refusal is an error."""
        now = to_millis(utcnow())
        by_id = {change.signal.id: change for change in changes}
        actions = [{"_op_type": "index", "_index": change.old or self.names.signals, "_id": change.signal.id,
                    "_source": m.signal_to_doc(change.signal, change.fingerprint.hex(), now)} for change in changes]
        done: set[str] = set()
        failed_transient: list[str] = []
        failed_permanent: list[str] = []
        items, error = self._bulk(actions)
        for ok, item in items:
            info = item.get("index", {})
            sid = info.get("_id")
            if ok:
                done.add(sid)
                result.record(by_id[sid])
            elif info.get("status") in TRANSIENT_STATUS or (info.get("status") or 500) >= 500:
                failed_transient.append(sid)
            else:
                failed_permanent.append(f"{sid}: {_error_reason(info.get('error'))}")
        self._refresh_after_write()
        if error is not None:
            self._raise_unless_transient(error)
            raise _Unavailable(_short(error), result, [c.signal for i, c in by_id.items() if i not in done]) from None
        if failed_transient:
            raise _Unavailable(f"{len(failed_transient)} document(s) rejected for now", result,
                               [by_id[i].signal for i in failed_transient])
        if failed_permanent:
            raise ElasticsearchStoreError(
                f"Elasticsearch refused {len(failed_permanent)} signal(s), first {failed_permanent[0]}")

    def _bulk(self, actions: list[dict[str, Any]]) -> tuple[list[tuple[bool, dict]], Exception | None]:
        """Index ``actions`` with ``streaming_bulk`` (retries with backoff on 429/5xx).

        Returns every item's outcome that came back, and the transport error that stopped
        the stream, if any (its unacknowledged documents are then the caller's to spool).
        (Two concurrent streams were measured: no faster on a 2-core node.)"""
        out: list[tuple[bool, dict]] = []
        try:
            for outcome in helpers.streaming_bulk(
                    self.client, actions, chunk_size=self._bulk_chunk, max_chunk_bytes=50 * 1024 * 1024,
                    raise_on_error=False, raise_on_exception=True, max_retries=5, initial_backoff=0.5,
                    max_backoff=8, retry_on_status=TRANSIENT_STATUS):
                out.append(outcome)
        except (elastic_transport.TransportError, elasticsearch.ApiError) as exc:
            return out, exc
        return out, None

    def _raise_unless_transient(self, exc: Exception) -> None:
        status = getattr(getattr(exc, "meta", None), "status", None)
        if isinstance(exc, elasticsearch.ApiError) and status not in TRANSIENT_STATUS and (status or 0) < 500:
            with self._errors("write to"):
                raise exc

    def _refresh_after_write(self) -> None:
        # Refreshing after every batch would make a segment per batch (a bulk load of a
        # million signals then spends its time merging); the next read refreshes instead,
        # so this process always reads its own writes, and others see them within the
        # index's refresh interval.
        if self._refresh:
            self._dirty = True

    def _fresh(self) -> None:
        if self._dirty:
            self._dirty = False
            with self._errors("refresh"):
                self.client.indices.refresh(index=self.names.signals)

    def _existing(self, ids: list[str]) -> dict[str, tuple[str, str | None]]:
        """id -> (backing index, fingerprint) for the ids already stored, read in real time."""
        found: dict[str, tuple[str, str | None]] = {}
        indices = self.backing_indices()
        step = max(1, LOOKUP_CHUNK // len(indices))
        for start in range(0, len(ids), step):
            docs = [{"_index": index, "_id": i} for i in ids[start:start + step] for index in indices]
            response = self.client.mget(docs=docs, source_includes=[m.FINGERPRINT])
            for doc in response["docs"]:
                if doc.get("found"):
                    found[doc["_id"]] = (doc["_index"], m.doc_fingerprint(doc.get("_source") or {}))
        return found

    def rollover(self, **conditions: Any) -> bool:
        """Start a new write index (``max_docs=``, ``max_age=``, ``max_primary_shard_size=``);
        without conditions, always. Returns whether it rolled over."""
        with self._errors("roll over"):
            response = self.client.indices.rollover(alias=self.names.signals, conditions=conditions or None)
        return bool(response.get("rolled_over"))

    # -- reading -------------------------------------------------------------------

    def get(self, signal_id: str) -> Signal | None:
        # Real time (mget), in whichever backing index holds it.
        with self._errors("read"):
            docs = self.client.mget(docs=[{"_index": index, "_id": signal_id}
                                          for index in self.backing_indices()])["docs"]
        found = [d for d in docs if d.get("found")]
        return m.doc_to_signal(found[-1]["_source"]) if found else None

    def _count(self, query: Query) -> int:
        self._fresh()
        with self._errors("search"):
            return self.client.count(index=self.names.signals, query=compile_query(query))["count"]

    def _page(self, query: Query, after: list[Any] | None) -> Page:
        self._fresh()
        relevance = query.ranks_by_relevance
        body: dict[str, Any] = {"query": compile_query(query), "sort": sort_clause(query),
                                "size": query.limit + 1, "track_total_hits": TOTAL_LIMIT}
        if after:
            body["search_after"] = after
        highlight = highlight_clause(query)
        if highlight:
            body["highlight"] = highlight
        with self._errors("search"):
            response = self.client.search(index=self.names.signals, **body)
        hits, keys = [], []
        for raw in response["hits"]["hits"]:
            hit = Hit(m.doc_to_signal(raw["_source"]), score=raw.get("_score") if relevance else None)
            for field in (m.TITLE, m.MESSAGE):
                for fragment in (raw.get("highlight") or {}).get(field, ()):
                    if MARK_OPEN in fragment:
                        hit.highlights.append(highlight_fragment(fragment))
            hits.append(hit)
            keys.append(raw["sort"])
        total = response["hits"]["total"]
        return Page(hits, keys, total["value"] if total["relation"] == "eq" else TOTAL_LIMIT + 1)

    def _facets(self, query: Query, fields: list[str], size: int) -> dict[str, dict[str, int]]:
        self._fresh()
        aggs = {field: {"terms": {"field": m.FIELD_OF[field], "size": size,
                                  "order": [{"_count": "desc"}, {"_key": "asc"}]}} for field in fields}
        with self._errors("search"):
            response = self.client.search(index=self.names.signals, query=compile_query(query), size=0,
                                          track_total_hits=False, aggs=aggs)
        return {field: {b["key"]: b["doc_count"] for b in response["aggregations"][field]["buckets"]}
                for field in fields}

    def _histogram(self, query: Query, seconds: int, by: str | None, keys: list[str]) -> list[Bucket]:
        self._fresh()
        reports = {"reports": {"sum": {"field": m.REPORT_COUNT}}}
        buckets_agg: dict[str, Any] = {"date_histogram": {"field": m.TIMESTAMP, "fixed_interval": f"{seconds}s",
                                                          "min_doc_count": 1}}
        if by is None:
            buckets_agg["aggs"] = reports
        else:
            buckets_agg["aggs"] = {"by": {"terms": {"field": m.FIELD_OF[by], "include": keys, "size": len(keys)},
                                          "aggs": reports}}
        with self._errors("search"):
            response = self.client.search(index=self.names.signals, query=compile_query(query), size=0,
                                          track_total_hits=False, aggs={"t": buckets_agg})
        out: list[Bucket] = []
        for bucket in response["aggregations"]["t"]["buckets"]:
            start = from_millis(bucket["key"])
            if by is None:
                out.append(Bucket(start, None, bucket["doc_count"], int(bucket["reports"]["value"] or 0)))
                continue
            for sub in sorted(bucket["by"]["buckets"], key=lambda b: b["key"]):
                out.append(Bucket(start, sub["key"], sub["doc_count"], int(sub["reports"]["value"] or 0)))
        return out

    def _tag_histogram(self, query: Query, seconds: int, fields: list[str]) -> list[TagBucket]:
        """One composite aggregation per tag field, paged, so no value is left out."""
        self._fresh()
        width = seconds
        filters: list[dict[str, Any]] = []
        bounds = {k: to_millis(v) for k, v in (("gte", query.since), ("lt", query.until)) if v is not None}
        if bounds:
            filters.append({"range": {m.TIMESTAMP: bounds}})
        if query.kinds:
            filters.append({"terms": {m.SOURCE_KIND: list(query.kinds)}})
        body_query = {"bool": {"filter": filters}} if filters else {"match_all": {}}
        out: list[TagBucket] = []
        for field in fields:
            composite: dict[str, Any] = {"size": 5000, "sources": [
                {"value": {"terms": {"field": m.FIELD_OF[field]}}},
                {"start": {"date_histogram": {"field": m.TIMESTAMP, "fixed_interval": f"{width}s"}}},
                {"kind": {"terms": {"field": m.SOURCE_KIND}}}]}
            while True:
                aggs = {"cells": {"composite": composite, "aggs": {"reports": {"sum": {"field": m.REPORT_COUNT}}}}}
                with self._errors("search"):
                    response = self.client.search(index=self.names.signals, query=body_query, size=0,
                                                  track_total_hits=False, aggs=aggs)
                cells = response["aggregations"]["cells"]
                for b in cells["buckets"]:
                    key = b["key"]
                    out.append(TagBucket(from_millis(key["start"]), field, key["value"], key["kind"], b["doc_count"],
                                         int(b["reports"]["value"] or 0)))
                if not cells["buckets"] or "after_key" not in cells:
                    break
                composite["after"] = cells["after_key"]
        return out

    def scan(self, query: Query, batch_size: int = 5000) -> Iterator[Signal]:
        self._fresh()
        sort = [{m.TIMESTAMP: "asc"}, {m.ID: "asc"}]
        for doc in self.state.all_docs(self.names.signals, compile_query(query), sort,
                                       max(1, min(batch_size, MAX_PAGE))):
            yield m.doc_to_signal(doc)

    def stats(self) -> StoreStats:
        self._fresh()
        terms = lambda field, size: {"terms": {"field": field, "size": size,  # noqa: E731
                                               "order": [{"_count": "desc"}, {"_key": "asc"}]}}
        aggs = {"by_kind": terms(m.SOURCE_KIND, 100), "by_source": terms(m.SOURCE, 50),
                "by_service": terms(m.FIELD_OF["services"], 50),
                "first": {"min": {"field": m.TIMESTAMP}}, "last": {"max": {"field": m.TIMESTAMP}}}
        with self._errors("read"):
            response = self.client.search(index=self.names.signals, size=0, track_total_hits=True, aggs=aggs)
            sizes = self.client.indices.stats(index=self.names.signals, metric="store")
        a = response["aggregations"]
        counts = {name: {b["key"]: b["doc_count"] for b in a[name]["buckets"]}
                  for name in ("by_kind", "by_source", "by_service")}
        first, last = a["first"].get("value"), a["last"].get("value")
        return StoreStats(response["hits"]["total"]["value"], counts["by_kind"], counts["by_source"],
                          counts["by_service"], from_millis(int(first)) if first is not None else None,
                          from_millis(int(last)) if last is not None else None,
                          sizes["_all"]["primaries"].get("store", {}).get("size_in_bytes"),
                          self.backend, self._display)

    # -- lifecycle -----------------------------------------------------------------

    def drop(self) -> None:
        """Delete every index and template of this prefix (tests and benchmarks clean up with it)."""
        names = self.names
        with self._errors("delete"):
            indices = self.backing_indices() if self.client.indices.exists_alias(name=names.signals) else []
            for index in [*indices, names.checkpoints, names.incidents, names.feedback]:
                self.client.options(ignore_status=404).indices.delete(index=index)
            self.client.options(ignore_status=404).indices.delete_index_template(name=names.template)
            for name in (names.component_mappings, names.component_settings):
                self.client.options(ignore_status=404).cluster.delete_component_template(name=name)

    def close(self) -> None:
        with self._write_lock:
            # A writer that exits leaves its last batches unrefreshed; another process
            # reading right after (ingest, then search) must see them, so refresh once here.
            with contextlib.suppress(ElasticsearchStoreError):
                self._fresh()
            if self._spool is not None:
                if self._spool.pending:
                    with contextlib.suppress(_Unavailable, ElasticsearchStoreError):
                        self._drain()
                if self._spool.pending:
                    log.warning("%d signal(s) remain in %s; they are sent the next time outagewatch writes to %s",
                                self._spool.pending, self._spool.path, self.url)
                self._spool.close()
                self._spool = None
            self.client.close()

    def __repr__(self) -> str:
        return f"ElasticsearchStore({self._display})"


def _reveal(value: Any) -> str:
    return value.reveal() if hasattr(value, "reveal") else str(value)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:200] if text else type(exc).__name__


def _connection_reason(exc: BaseException) -> str:
    text = str(exc)
    for needle, reason in (("Connection refused", "connection refused (is it running?)"),
                           ("Name or service not known", "unknown host"),
                           ("No route to host", "no route to host"),
                           ("timed out", "timed out")):
        if needle in text:
            return reason
    return _first_line(exc)


def _short(exc: BaseException) -> str:
    status = getattr(getattr(exc, "meta", None), "status", None)
    if isinstance(exc, elastic_transport.ConnectionError):
        return f"unreachable ({_connection_reason(exc)})"
    return f"HTTP {status}" if status else type(exc).__name__


def _error_reason(body: Any) -> str:
    if isinstance(body, dict):
        error = body.get("error", body)
        if isinstance(error, dict):
            cause = (error.get("root_cause") or [error])[0]
            return f"{cause.get('type', 'error')}: {str(cause.get('reason', ''))[:200]}"
        return str(error)[:200]
    return str(body)[:200]
