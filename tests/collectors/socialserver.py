"""A real HTTP server on 127.0.0.1 speaking one social network's API (one of the
server-side stand-ins replay uses), plus the failures a test asks it to answer with."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field

from outagewatch.collectors import load_sources
from outagewatch.collectors.run import RunSettings, build_scheduler
from tests.collectors.localhttp import start_http, stream_padding


def one_round(db, chosen: list[dict], social=None, retries: int = 1):
    """One scheduler round over the ``chosen`` source tables, with quick retries and no
    jitter (the tests count requests): returns (health by source, skipped sources)."""
    settings = RunSettings(retries=retries, backoff=0.01, backoff_max=0.05, timeout=1)
    scheduler, skipped = build_scheduler(db, load_sources(chosen), settings, social=social, jitter=False)
    scheduler.run_round()
    scheduler.close()
    return scheduler.health, skipped


@dataclass
class Failure:
    status: int = 200
    body: bytes = b""
    headers: dict = field(default_factory=dict)
    delay: float = 0.0
    stream_bytes: int = 0


# name: (failure, the error kind the summary line must name)
FAILURES = {
    "timeout": (Failure(200, b"{}", {"Content-Type": "application/json"}, delay=1.5), "timeout"),
    "429-retry-after": (Failure(429, b'{"error": "RateLimitExceeded"}', {"Content-Type": "application/json",
                                                                         "Retry-After": "0"}), "rate-limited"),
    "429-bare": (Failure(429, b"Too Many Requests", {"Content-Type": "text/plain"}), "rate-limited"),
    "500": (Failure(500, b'{"error": "InternalServerError"}', {"Content-Type": "application/json"}), "server-error"),
    "503": (Failure(503, b"<html>maintenance</html>", {"Content-Type": "text/html"}), "server-error"),
    "401": (Failure(401, b'{"error": "AuthRequired", "message": "Authentication Required"}',
                    {"Content-Type": "application/json"}), "auth"),
    "403": (Failure(403, b'{"error": "Forbidden"}', {"Content-Type": "application/json"}), "auth"),
    "malformed": (Failure(200, b'{"posts": [ {"uri": ', {"Content-Type": "application/json"}), "bad-response"),
    "empty": (Failure(200, b"", {"Content-Type": "application/json"}), "bad-response"),
    "huge": (Failure(200, b"", {"Content-Type": "application/json"}, stream_bytes=12_000_000), "bad-response"),
    "wrong-type": (Failure(200, b"\x89PNG\r\n\x1a\n0000", {"Content-Type": "image/png"}), "bad-response"),
    "wrong-shape": (Failure(200, b'{"posts": "none", "feed": 7, "hits": "x", "data": []}',
                            {"Content-Type": "application/json"}), "bad-response"),
    "redirect-loop": (Failure(302, b"", {"Location": "/loop"}), "bad-response"),
}


class SocialServer:
    """``api.handle(path, query, now, body)`` answers unless ``fail`` holds failures to serve first."""

    def __init__(self, api, prefix: str = "") -> None:
        self.api = api
        self.prefix = prefix
        self.fail: list[Failure] = []
        self.always: Failure | None = None
        self.fail_only: str | None = None  # serve ``fail`` only to paths containing this
        self.slow: dict[str, float] = {}  # path fragment -> seconds to wait before a normal answer
        self.paths: list[str] = []
        self.bodies: list[bytes] = []
        self.headers: list[dict] = []
        self.extra_headers: dict = {}
        self.httpd = start_http(self._respond)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}{prefix}"

    def _respond(self, request) -> None:
        length = int(request.headers.get("Content-Length") or 0)
        body = request.rfile.read(length) if length else b""
        self.paths.append(request.path)
        self.bodies.append(body)
        self.headers.append(dict(request.headers))
        closing = (request.headers.get("Connection") or "").lower() == "close"
        targeted = self.fail_only is None or self.fail_only in request.path
        failure = self.fail.pop(0) if self.fail and targeted else self.always
        if request.path.startswith("/loop"):
            failure = Failure(302, b"", {"Location": "/loop"})
        if failure is not None:
            if failure.delay:
                time.sleep(failure.delay)
            request.send_response(failure.status)
            if closing:  # as real servers do, so the client does not reuse a socket about to close
                request.send_header("Connection", "close")
            for k, v in failure.headers.items():
                request.send_header(k, v)
            if failure.stream_bytes:
                request.end_headers()
                stream_padding(request, b" " * 65536, failure.stream_bytes)
                return
            request.send_header("Content-Length", str(len(failure.body)))
            request.end_headers()
            request.wfile.write(failure.body)
            return
        for fragment, seconds in self.slow.items():
            if fragment in request.path:
                time.sleep(seconds)
        path, _, query = request.path.partition("?")
        auth = request.headers.get("Authorization") or ""
        token = auth[7:] if auth.startswith("Bearer ") else None
        status, payload = self.api.handle(path, query, None, body, token=token)
        data = json.dumps(payload).encode()
        request.send_response(status)
        if closing:
            request.send_header("Connection", "close")
        request.send_header("Content-Type", "application/json; charset=utf-8")
        for k, v in self.extra_headers.items():
            request.send_header(k, v)
        request.send_header("Content-Length", str(len(data)))
        request.end_headers()
        request.wfile.write(data)

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
