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


# name -> generator factory(tmp_path, request) yielding an empty store, then cleaning up.
STORE_BACKENDS: dict[str, Callable] = {"sqlite": _sqlite_store}


@pytest.fixture(params=list(STORE_BACKENDS))
def store(request, tmp_path):
    factory = STORE_BACKENDS[request.param]
    yield from factory(tmp_path, request)


@pytest.fixture
def corpora() -> Path:
    if not CORPORA.is_dir():
        pytest.skip(f"real-world corpora not found at {CORPORA} (they ship beside the repo in ../shared/corpora)")
    return CORPORA
