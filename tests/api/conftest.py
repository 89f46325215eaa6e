"""An API around a real SQLite store holding the scenario, with and without a token."""

from __future__ import annotations

import warnings

import pytest

from outagewatch.api import create_app
from outagewatch.config import Secret
from outagewatch.search.sqlite import SQLiteStore
from tests.api import scenario

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

TOKEN = "s3cret-analyst-token"


@pytest.fixture
def api_store(tmp_path):
    store = SQLiteStore(tmp_path / "api.db")
    scenario.fill(store)
    yield store
    store.close()


def _client(app) -> TestClient:
    return TestClient(app, base_url="http://127.0.0.1")


@pytest.fixture
def client(api_store):
    """Reads open, no token configured: writes are disabled."""
    return _client(create_app(api_store))


@pytest.fixture
def token_client(api_store):
    """A token is configured (as a Secret, the way config hands it over)."""
    return _client(create_app(api_store, token=Secret(TOKEN)))


@pytest.fixture
def auth() -> dict[str, str]:
    return {"Authorization": f"Bearer {TOKEN}"}
