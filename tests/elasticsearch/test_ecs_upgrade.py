"""A store made before the ECS fields and the incident fields existed keeps working:
opening it adds the new fields to its strict mappings, and new documents carry them."""

from __future__ import annotations

import copy

import elasticsearch
import pytest

from outagewatch.search import es_mapping as m
from outagewatch.search.elasticsearch import ElasticsearchStore
from outagewatch.search.query import Query
from tests.elasticsearch.node import unique_prefix
from tests.signals_factory import make_signal

pytestmark = pytest.mark.elasticsearch



def _old_signals() -> dict:
    """The signals mapping as the previous version wrote it: mentioned tags under ECS
    service.name / cloud.*, no ecs.version or event.dataset."""
    mappings = copy.deepcopy(m.signal_mappings())
    props = mappings["properties"]
    for name in ("services", "providers", "regions"):
        del props["outagewatch"]["properties"][name]
    del props["ecs"]
    for name in ("dataset", "module", "kind"):
        del props["event"]["properties"][name]
    props["service"] = {"properties": {"name": {"type": "keyword"}}}
    props["cloud"] = {"properties": {"provider": {"type": "keyword"}, "region": {"type": "keyword"}}}
    return mappings


OLD_INCIDENTS = {"dynamic": "strict", "properties": {
    "id": {"type": "keyword"}, "started_at": {"type": "date"}, "ended_at": {"type": "date"},
    "detected_at": {"type": "date"}, "doc": {"type": "object", "enabled": False}}}


def test_an_older_store_gains_the_new_fields_on_open(elasticsearch_node, tmp_path):
    prefix = unique_prefix()
    names = m.IndexNames(prefix)
    client = elasticsearch.Elasticsearch(elasticsearch_node.url, **elasticsearch_node.options())
    client.indices.create(index=names.first_backing, mappings=_old_signals(),
                          aliases={names.signals: {"is_write_index": True}})
    client.indices.create(index=names.incidents, mappings=OLD_INCIDENTS)
    store = ElasticsearchStore(elasticsearch_node.url, prefix=prefix, spool_dir=tmp_path / "spool",
                               **elasticsearch_node.options())
    try:
        store.upsert([make_signal("Roku down", native_id="1", services=["roku"], regions=["aws:us-east-1"])])
        store.upsert_incidents([{"id": "i1", "title": "Roku disrupted", "status": "open", "services": ["roku"],
                                 "providers": [], "regions": [], "started_at": "2020-11-25T13:30:00Z",
                                 "detected_at": "2020-11-25T13:30:00Z", "ended_at": None,
                                 "evidence_level": "moderate", "signal_counts": {"social": 3}, "report_count": 0,
                                 "common_cause": {"service": "roku", "confidence": 0.5}, "lead_minutes": 12.0}])
        assert store.search(Query(services=("roku",))).total == 1
        signals = client.indices.get_mapping(index=names.first_backing)[names.first_backing]["mappings"]
        assert signals["properties"]["outagewatch"]["properties"]["services"]["type"] == "keyword"
        assert signals["properties"]["ecs"]["properties"]["version"]["type"] == "keyword"
        client.indices.refresh(index=names.incidents)
        found = client.search(index=names.incidents, query={"term": {"cause.service": "roku"}},
                              aggs={"by": {"terms": {"field": "evidence_level"}}})
        assert found["hits"]["total"]["value"] == 1
        assert [b["key"] for b in found["aggregations"]["by"]["buckets"]] == ["moderate"]
        assert store.get_incident("i1")["title"] == "Roku disrupted"
    finally:
        store.drop()
        store.close()
        client.close()
