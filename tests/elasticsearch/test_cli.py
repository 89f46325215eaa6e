"""The command line on an Elasticsearch store: ``--store http://...`` for every data
command, and ``migrate`` copying a store to Elasticsearch and back without a change."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from outagewatch.search.elasticsearch import ElasticsearchStore
from tests.clihelp import Ran, cli_process
from tests.elasticsearch.node import unique_prefix

pytestmark = pytest.mark.elasticsearch

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "signals" / "sample.jsonl"


def run(*args: str, cwd: Path, check: bool = True) -> Ran:
    """The CLI as a process of its own, its spool kept in the test's folder."""
    return cli_process(*args, cwd=cwd, check=check, env={"OUTAGEWATCH_ES_SPOOL_DIR": str(cwd / "spool")})


@pytest.fixture
def es_urls(elasticsearch_node):
    prefixes = [unique_prefix("cli"), unique_prefix("cli")]
    yield [f"{elasticsearch_node.url}?prefix={p}" for p in prefixes]
    for prefix in prefixes:
        store = ElasticsearchStore(elasticsearch_node.url, prefix=prefix)
        store.drop()
        store.close()


def test_every_data_command_works_on_elasticsearch_like_on_sqlite(es_urls, tmp_path):
    lines = sum(1 for line in SAMPLE.read_text().splitlines() if line.strip())
    answers = {}
    for url in (es_urls[0], f"sqlite:///{tmp_path / 'a.db'}"):
        first = json.loads(run("--store", url, "ingest", str(SAMPLE), "--no-tag", "--json", cwd=tmp_path).stdout)
        again = json.loads(run("--store", url, "ingest", str(SAMPLE), "--no-tag", "--json", cwd=tmp_path).stdout)
        assert (first["new"], again["unchanged"], again["new"]) == (lines, lines, 0)
        stats = json.loads(run("--store", url, "stats", "--json", cwd=tmp_path).stdout)
        search = run("--store", url, "search", "kinesis OR roku", "--sort", "newest", "--limit", "100", "--json",
                     cwd=tmp_path).stdout
        exported = run("--store", url, "export", cwd=tmp_path).stdout
        run("--store", url, "correlate", "--json", cwd=tmp_path)
        incidents = [json.loads(line) for line in run("--store", url, "incidents", "--json", cwd=tmp_path).stdout.splitlines()]
        answers[url.split(":")[0]] = {
            "total": stats["total"], "by_kind": stats["by_kind"],
            "search": [json.loads(line)["id"] for line in search.splitlines()[:-1]],  # the last line is meta
            # collected_at is the moment of each ingest, the one field that may differ
            "export": [{k: v for k, v in json.loads(line).items() if k != "collected_at"}
                       for line in exported.splitlines()],
            "incidents": incidents}
    assert answers["http"]["total"] == lines
    assert answers["http"]["search"]
    assert answers["http"] == answers["sqlite"]


def test_migrate_copies_sqlite_to_elasticsearch_and_back_unchanged(es_urls, tmp_path):
    source = f"sqlite:///{tmp_path / 'source.db'}"
    back = f"sqlite:///{tmp_path / 'back.db'}"
    run("--store", source, "ingest", str(SAMPLE), "--no-tag", cwd=tmp_path)
    run("--store", source, "correlate", cwd=tmp_path)
    incidents = [json.loads(line) for line in
                 run("--store", source, "incidents", "--all", "--json", cwd=tmp_path).stdout.splitlines()]
    if incidents:
        run("--store", source, "incidents", "dismiss", incidents[0]["id"], cwd=tmp_path)

    to_es = json.loads(run("migrate", "--from", source, "--to", es_urls[0], "--json", cwd=tmp_path).stdout)
    assert to_es["signals"]["new"] > 0 and to_es["incidents"] == len(incidents)
    rerun = json.loads(run("migrate", "--from", source, "--to", es_urls[0], "--json", cwd=tmp_path).stdout)
    assert rerun["signals"]["new"] == 0 and rerun["signals"]["unchanged"] == to_es["signals"]["new"]
    to_lite = json.loads(run("migrate", "--from", es_urls[0], "--to", back, "--json", cwd=tmp_path).stdout)
    assert to_lite["signals"]["new"] == to_es["signals"]["new"]

    def snapshot(url):
        return (run("--store", url, "export", cwd=tmp_path).stdout,
                run("--store", url, "incidents", "--all", "--json", cwd=tmp_path).stdout)

    assert snapshot(source) == snapshot(es_urls[0]) == snapshot(back)


def test_migrate_to_the_same_store_or_an_unreachable_one_is_one_line(tmp_path):
    same = run("migrate", "--from", "sqlite:///x.db", "--to", "sqlite:///x.db", cwd=tmp_path, check=False)
    assert same.returncode == 1 and same.stderr.strip().count("\n") == 0
    run("--store", "sqlite:///x.db", "ingest", str(SAMPLE), "--no-tag", cwd=tmp_path)
    down = run("migrate", "--from", "sqlite:///x.db", "--to", "http://127.0.0.1:1", cwd=tmp_path, check=False)
    assert down.returncode == 1 and down.stderr.strip().count("\n") == 0 and "cannot reach" in down.stderr


def test_a_read_with_a_mistyped_prefix_creates_no_indices_or_templates(elasticsearch_node, tmp_path):
    from elasticsearch import Elasticsearch

    from outagewatch.search.es_mapping import IndexNames

    prefix = unique_prefix("typo")
    url = f"{elasticsearch_node.url}?prefix={prefix}"
    for command in (["stats"], ["search", "roku"], ["incidents"]):
        ran = run("--store", url, *command, cwd=tmp_path, check=False)
        assert ran.returncode == 1 and ran.stderr.strip().count("\n") == 0 and prefix in ran.stderr, ran.stderr
    names = IndexNames(prefix)
    client = Elasticsearch(elasticsearch_node.url)  # the plain node: no credentials
    assert not client.indices.exists(index=f"{prefix}-*", allow_no_indices=False)
    assert not client.indices.exists_index_template(name=names.template)
    assert not client.cluster.exists_component_template(name=names.component_mappings)



def test_a_reader_opened_right_after_a_writer_closes_sees_every_write(elasticsearch_node, tmp_path):
    """ingest, then search in another process: the reader has no pending refresh of its own,
    so the writer must leave its last batches visible when it closes (not after the
    index's refresh interval, nor only when the shard next refreshes)."""
    from outagewatch.search.query import Query
    from tests.signals_factory import make_signal

    prefix = unique_prefix("raw")
    try:
        for round_ in range(3):
            writer = ElasticsearchStore(elasticsearch_node.url, prefix=prefix, spool_dir=tmp_path / "spool")
            writer.upsert([make_signal(f"Roku is down, round {round_} post {n}", minutes=n) for n in range(50)])
            writer.close()
            reader = ElasticsearchStore(elasticsearch_node.url, prefix=prefix, spool_dir=tmp_path / "spool")
            try:
                assert reader.search(Query(limit=0)).total == 50 * (round_ + 1), f"round {round_}"
            finally:
                reader.close()
    finally:
        cleanup = ElasticsearchStore(elasticsearch_node.url, prefix=prefix)
        cleanup.drop()
        cleanup.close()
