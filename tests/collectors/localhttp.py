"""A real HTTP/1.1 server on 127.0.0.1 for collector tests; the test decides each answer."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable


def start_http(respond: Callable[[BaseHTTPRequestHandler], None]) -> ThreadingHTTPServer:
    """Serve GETs (and POSTs) on a free port; ``respond(handler)`` writes each response.

    Whole responses go out in one write with Nagle off: without that every request pays
    ~40 ms of delayed-ACK, which made replays crawl.
    """

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        wbufsize = -1
        disable_nagle_algorithm = True

        def log_message(self, *args):
            pass

        def do_GET(self):  # noqa: N802 - the name http.server calls
            respond(self)

        do_POST = do_GET  # OAuth token and login requests; ``respond`` reads the body if it needs it

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


def stream_padding(request: BaseHTTPRequestHandler, chunk: bytes, total: int) -> None:
    """Send ``total`` bytes of ``chunk`` after the headers already ended, with no
    Content-Length (a body too large to buffer), then close the connection. A client
    that hangs up at its size cap is the expected end, not an error."""
    sent = 0
    try:
        while sent < total:
            request.wfile.write(chunk)
            sent += len(chunk)
    except OSError:
        pass
    request.close_connection = True


class WebhookReceiver:
    """A webhook endpoint on 127.0.0.1 that keeps every JSON body posted to it: ``bodies``,
    and ``received`` as (path, body). The first ``fail_first`` attempts get a 503 (and are
    not kept), so a sender's retries can be seen; ``attempts`` counts every POST."""

    def __init__(self, path: str = "/hook", fail_first: int = 0):
        self.bodies: list[dict] = []
        self.received: list[tuple[str, dict]] = []
        self.fail_first = fail_first
        self.attempts = 0

        def respond(handler: BaseHTTPRequestHandler) -> None:
            self.attempts += 1
            body = json.loads(handler.rfile.read(int(handler.headers["Content-Length"])))
            if self.attempts <= self.fail_first:
                handler.send_response(503)
            else:
                self.bodies.append(body)
                self.received.append((handler.path, body))
                handler.send_response(200)
            handler.send_header("Content-Length", "0")
            handler.end_headers()

        self.server = start_http(respond)
        self.url = f"http://127.0.0.1:{self.server.server_port}{path}"

    def close(self) -> None:
        self.server.shutdown()


def base_url(httpd: ThreadingHTTPServer) -> str:
    return f"http://127.0.0.1:{httpd.server_address[1]}"


def serve_body(body: bytes, content_type: str) -> ThreadingHTTPServer:
    """Every request gets ``body`` whole, with its length: a source that is simply good."""
    def respond(request):
        request.send_response(200)
        request.send_header("Content-Type", content_type)
        request.send_header("Content-Length", str(len(body)))
        request.end_headers()
        request.wfile.write(body)

    return start_http(respond)


def serve_drip(every: float) -> ThreadingHTTPServer:
    """Any request: headers at once (a 100,000-byte JSON body announced), then one byte of it
    every ``every`` seconds, so a per-read timeout longer than that never fires. A request body
    (an OAuth token post) is read first. The paths asked for are kept in ``.paths``."""
    paths: list[str] = []

    def respond(request):
        paths.append(request.path)
        length = int(request.headers.get("Content-Length") or 0)
        if length:
            request.rfile.read(length)
        try:
            request.send_response(200)
            request.send_header("Content-Type", "application/json")
            request.send_header("Content-Length", "100000")
            request.end_headers()
            request.wfile.flush()
            for _ in range(100000):
                request.wfile.write(b" ")
                request.wfile.flush()
                time.sleep(every)
        except OSError:
            pass
        request.close_connection = True

    httpd = start_http(respond)
    httpd.paths = paths
    return httpd
