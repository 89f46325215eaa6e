"""Fixtures shared by the whole suite.

``store`` is the heart of the contract suite: every test that takes it runs once per
backend in ``STORE_BACKENDS``, against a fresh, empty store.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterator

import pytest

from outagewatch.search.sqlite import SQLiteStore

REPO = Path(__file__).resolve().parents[1]
CORPORA = REPO.parent / "shared" / "corpora"


def _sqlite_store(tmp_path: Path, request) -> Iterator[SQLiteStore]:
    store = SQLiteStore(tmp_path / "contract.db")
    yield store
    store.close()


def _elasticsearch_store(tmp_path: Path, request):
    """A fresh set of indices (unique prefix) on the real node; deleted afterwards."""
    from outagewatch.search.elasticsearch import ElasticsearchStore
    from tests.elasticsearch.node import unique_prefix

    node = request.getfixturevalue("elasticsearch_node")
    store = ElasticsearchStore(node.url, prefix=unique_prefix(), spool_dir=tmp_path / "spool", **node.options())
    yield store
    store.drop()
    store.close()


# name -> generator factory(tmp_path, request) yielding an empty store, then cleaning up.
STORE_BACKENDS: dict[str, Callable] = {"sqlite": _sqlite_store, "elasticsearch": _elasticsearch_store}


@pytest.fixture(scope="session")
def elasticsearch_node():
    """The plain node of scripts/elasticsearch.sh: started if not running, and then
    stopped at the end of the session."""
    from tests.elasticsearch.node import ensure_node, stop_node

    node = ensure_node(secure=False)
    yield node
    stop_node(node)


@pytest.fixture(scope="session")
def elasticsearch_secure_node():
    """The node with security on (basic auth, TLS when the build allows it)."""
    from tests.elasticsearch.node import ensure_node, stop_node

    node = ensure_node(secure=True)
    yield node
    stop_node(node)


@pytest.fixture(params=[pytest.param(name, marks=pytest.mark.elasticsearch) if name == "elasticsearch" else name
                        for name in STORE_BACKENDS])
def store(request, tmp_path):
    factory = STORE_BACKENDS[request.param]
    yield from factory(tmp_path, request)


@pytest.fixture(autouse=True)
def _no_user_configuration(monkeypatch):
    """A developer's or CI's own OUTAGEWATCH_* settings must not leak into a test (or
    into the CLI processes a test starts): each test says what it uses."""
    for name in ("OUTAGEWATCH_STORE", "OUTAGEWATCH_CONFIG", "OUTAGEWATCH_API_TOKEN", "OUTAGEWATCH_X_BEARER_TOKEN",
                 "OUTAGEWATCH_ES_USERNAME", "OUTAGEWATCH_ES_PASSWORD", "OUTAGEWATCH_ES_API_KEY", "OUTAGEWATCH_NLP_MODEL"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def corpora() -> Path:
    if not CORPORA.is_dir():
        pytest.skip(f"real-world corpora not found at {CORPORA} (they ship beside the repo in ../shared/corpora)")
    return CORPORA
