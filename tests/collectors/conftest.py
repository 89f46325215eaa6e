"""A real HTTP server on 127.0.0.1 whose routes a test writes by hand."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from outagewatch.search.sqlite import SQLiteStore
from tests.collectors.localhttp import start_http, stream_padding

CORPORA = Path(__file__).resolve().parents[2].parent / "shared" / "corpora"


class Route:
    def __init__(self, status=200, body=b"", headers=None, delay=0.0, stream_bytes=0):
        self.status, self.body, self.headers, self.delay, self.stream_bytes = status, body, headers or {}, delay, stream_bytes
        self.hits = 0


class LocalServer:
    def __init__(self):
        self.routes: dict[str, Route] = {}
        self.httpd = start_http(self._respond)

    def _respond(self, request) -> None:
        route = self.routes.get(request.path) or self.routes.get(request.path.split("?")[0])
        if route is None:
            route = Route(404, b"not found", {"Content-Type": "text/plain"})
        route.hits += 1
        if route.delay:
            time.sleep(route.delay)
        body = route.body(request) if callable(route.body) else route.body
        request.send_response(route.status)
        for k, v in route.headers.items():
            request.send_header(k, v)
        if route.stream_bytes:
            request.send_header("Content-Type", "application/rss+xml")
            request.end_headers()
            stream_padding(request, b"<!-- padding -->" * 4096, route.stream_bytes)
            return
        if route.status == 304:
            request.end_headers()
            return
        request.send_header("Content-Length", str(len(body)))
        request.end_headers()
        request.wfile.write(body)

    @property
    def base(self):
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def route(self, path, *args, **kwargs) -> Route:
        self.routes[path] = Route(*args, **kwargs)
        return self.routes[path]

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server():
    s = LocalServer()
    yield s
    s.close()


@pytest.fixture
def db(tmp_path):
    s = SQLiteStore(tmp_path / "store.db")
    yield s
    s.close()


def corpus(*parts) -> Path:
    path = CORPORA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"corpus {path} is absent (it lives in ../shared/corpora next to the repo)")
    return path
