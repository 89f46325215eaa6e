"""The Store contract on the SQLite store in bulk-load mode: every write's words indexed
by the indexer process (``outagewatch/search/sqlite/indexer.py``) rather than by the
writer, so each search of the writer first has the indexer catch up and commit.

The tests are those of ``test_store_contract.py``, unchanged; only the store differs.
"""

from __future__ import annotations

import pytest

from outagewatch.search.sqlite import SQLiteStore
from tests.test_store_contract import *  # noqa: F401,F403  (the contract's tests and fixtures)


@pytest.fixture
def store(tmp_path):
    store = SQLiteStore(tmp_path / "bulk.db")
    store.text.bulk_rows = 1  # every write is part of a bulk load
    yield store
    store.close()
