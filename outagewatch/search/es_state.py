"""Checkpoints, incidents and analyst feedback in three small Elasticsearch indices: the
:class:`~outagewatch.search.base.StateBackend` of the Elasticsearch store."""

from __future__ import annotations

from typing import Any, Callable, ContextManager, Iterable, Iterator

import elasticsearch
from elasticsearch import Elasticsearch, helpers

from outagewatch.search import es_mapping as m
from outagewatch.search.base import IncidentRecord

MAX_PAGE = 10000


class ElasticsearchState:
    def __init__(self, client: Elasticsearch, names: m.IndexNames, errors: Callable[[str], ContextManager],
                 retry_on_status: tuple[int, ...]) -> None:
        self.client = client
        self.names = names
        self._errors = errors  # the store's translation of client errors into one line
        self._retry_on_status = retry_on_status

    def _get_doc(self, index: str, key: str) -> dict[str, Any] | None:
        with self._errors("read"):
            try:
                return self.client.get(index=index, id=m.doc_id(key))["_source"]
            except elasticsearch.NotFoundError:
                return None

    def all_docs(self, index: str, query: dict[str, Any], sort: list[dict[str, Any]],
                 page: int = MAX_PAGE) -> Iterator[dict[str, Any]]:
        """Every matching document's source in ``sort`` order, a page at a time (search_after)."""
        after = None
        while True:
            with self._errors("read"):
                response = self.client.search(index=index, query=query, sort=sort, size=page,
                                              **({"search_after": after} if after else {}))
            hits = response["hits"]["hits"]
            for hit in hits:
                yield hit["_source"]
            if len(hits) < page:
                return
            after = hits[-1]["sort"]

    def get_checkpoint(self, source: str) -> dict[str, Any] | None:
        doc = self._get_doc(self.names.checkpoints, source)
        return doc["state"] if doc else None

    def put_checkpoint(self, source: str, state: Any, at_ms: int) -> None:
        with self._errors("write to"):
            self.client.index(index=self.names.checkpoints, id=m.doc_id(source), refresh=True,
                              document={"source": source, "state": state, "updated_at": at_ms})

    def checkpoints(self) -> dict[str, dict[str, Any]]:
        return {d["source"]: d["state"] for d in self.all_docs(self.names.checkpoints, {"match_all": {}},
                                                                [{"source": "asc"}])}

    def put_incidents(self, records: list[IncidentRecord]) -> None:
        actions = [{"_index": self.names.incidents, "_id": m.doc_id(r.id),
                    "_source": m.incident_to_doc(r.id, r.started_ms, r.ended_ms, r.detected_ms, r.doc)}
                   for r in records]
        with self._errors("write to"):
            helpers.bulk(self.client, actions, refresh=True, max_retries=5, initial_backoff=0.5,
                         retry_on_status=self._retry_on_status)

    def get_incident(self, incident_id: str) -> dict[str, Any] | None:
        doc = self._get_doc(self.names.incidents, incident_id)
        return doc["doc"] if doc else None

    def list_incidents(self, since_ms: int | None, until_ms: int | None) -> list[dict[str, Any]]:
        filters: list[dict[str, Any]] = []
        if until_ms is not None:
            filters.append({"range": {"started_at": {"lt": until_ms}}})
        if since_ms is not None:
            filters.append({"bool": {"minimum_should_match": 1, "should": [
                {"bool": {"must_not": {"exists": {"field": "ended_at"}}}},
                {"range": {"ended_at": {"gte": since_ms}}}]}})
        query = {"bool": {"filter": filters}} if filters else {"match_all": {}}
        return [d["doc"] for d in self.all_docs(self.names.incidents, query, [{"started_at": "asc"}, {"id": "asc"}])]

    def delete_incidents(self, ids: list[str]) -> None:
        actions = [{"_op_type": "delete", "_index": self.names.incidents, "_id": m.doc_id(i)} for i in ids]
        with self._errors("write to"):
            helpers.bulk(self.client, actions, refresh=True, raise_on_error=False, ignore_status=(404,))

    def put_feedback(self, incident_id: str, verdict: str, note: str | None, at_ms: int) -> None:
        with self._errors("write to"):
            self.client.index(index=self.names.feedback, id=m.doc_id(incident_id), refresh=True, document={
                "id": incident_id, "verdict": verdict, "note": note, "at": at_ms})

    def feedback_rows(self) -> Iterable[tuple[str, str, str | None, int]]:
        return [(d["id"], d["verdict"], d.get("note"), d["at"])
                for d in self.all_docs(self.names.feedback, {"match_all": {}}, [{"id": "asc"}])]
