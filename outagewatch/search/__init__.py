"""Storage and search: the :class:`Store` contract, its backends, and the query model.

``open_store(url)`` is the only way callers get a store, so that choosing the engine is
configuration (``sqlite:///file.db`` or ``http(s)://host:9200``), not code.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from outagewatch.search.query import Query, TextQuery, parse_text
from outagewatch.search.store import Bucket, Hit, SearchResult, Store, StoreStats, TagBucket, UpsertResult

DEFAULT_STORE_URL = "sqlite:///outagewatch.db"

__all__ = ["open_store", "Query", "TextQuery", "parse_text", "Store", "Bucket", "Hit", "SearchResult",
           "StoreStats", "TagBucket", "UpsertResult", "DEFAULT_STORE_URL", "sqlite_path"]


def sqlite_path(url: str) -> Path:
    """``sqlite:///rel.db`` is relative to the working directory, ``sqlite:////abs.db`` absolute."""
    rest = url[len("sqlite://"):]
    if rest.startswith("/"):
        rest = rest[1:]
    if not rest:
        raise ValueError("sqlite store URL names no file: use sqlite:///path/to/file.db")
    return Path(rest)


def open_store(url: str | None = None, *, create: bool = True, **options) -> Store:
    """The store at ``url``. ``create=False`` (every read command) opens an existing store
    only and fails naming it otherwise; writers (ingest, collect, replay, migrate's target)
    create it."""
    url = url or DEFAULT_STORE_URL
    scheme = urlsplit(url).scheme.lower()
    if scheme == "sqlite":
        from outagewatch.search.sqlite import SQLiteStore

        return SQLiteStore(sqlite_path(url), url=url, create=create)
    if scheme in ("http", "https"):
        from outagewatch.search.elasticsearch import ElasticsearchStore

        return ElasticsearchStore(url, create=create, **options)
    if not scheme and url.endswith((".db", ".sqlite", ".sqlite3")):
        from outagewatch.search.sqlite import SQLiteStore

        return SQLiteStore(Path(url), url=f"sqlite:///{url}", create=create)
    raise ValueError(f"unknown store URL {url!r}: use sqlite:///path/to/file.db or http(s)://host:9200")
