"""No credential reaches a log line: webhook URLs (user:password, query token, secret
path), tokens in a source's URL, the configured secrets, in messages and tracebacks."""

from __future__ import annotations

import io
import logging
import os
import subprocess
import sys
import threading
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from outagewatch import logredact
from outagewatch.jsonl import write_signals
from tests.correlate.builder import Story, at

SECRETS = ("hookpass", "QTOKENQ", "XSECRETPATHX")


@pytest.fixture
def receiver():
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802
            self.rfile.read(int(self.headers.get("Content-Length", 0)))
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server.server_address[1]
    server.shutdown()


def test_verbose_ingest_that_sends_alerts_logs_no_webhook_secret(tmp_path, receiver):
    story = Story()
    story.background("roku", at("00:00"), 24, 6)
    story.burst("roku", at("13:50"), 40, 200)
    now = datetime.now(timezone.utc)
    shift = now - timedelta(minutes=5) - at("13:50")
    for signal in story.signals:
        signal.published_at += shift
    with open(tmp_path / "s.jsonl", "wb") as out:
        write_signals([s for s in story.signals if s.published_at < now], out)
    url = f"http://hookuser:hookpass@127.0.0.1:{receiver}/services/T000/B000/XSECRETPATHX?token=QTOKENQ"
    (tmp_path / "c.toml").write_text(f'[[alerts.webhooks]]\nurl = "{url}"\nformat = "slack"\n'
                                     f'[[alerts.webhooks]]\nurl = "http://127.0.0.1:9/hook/XSECRETPATHX"\n')
    env = {k: v for k, v in os.environ.items() if not k.startswith("OUTAGEWATCH_")}
    proc = subprocess.run([sys.executable, "-m", "outagewatch", "-v", "--config", str(tmp_path / "c.toml"),
                           "--store", f"sqlite:///{tmp_path}/s.db", "ingest", "--no-tag", str(tmp_path / "s.jsonl")],
                          capture_output=True, timeout=300, cwd=tmp_path, env=env)
    log = proc.stderr.decode()
    assert proc.returncode == 0, log
    assert "HTTP Request: POST" in log  # httpx did log the request...
    assert "alert open" in log  # ...and the dead webhook's failure was logged
    for secret in SECRETS:
        assert secret not in log, (secret, log)


def _capture(logger_name: str, message: str, *args, exc: BaseException | None = None) -> str:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    root = logging.getLogger()
    root.addHandler(handler)
    level = root.level
    root.setLevel(logging.INFO)
    try:
        logredact.install(["s3cret-api-token-value", "https://hooks.example.com/services/T1/B2/XSECRETPATHX"])
        logger = logging.getLogger(logger_name)
        if exc is None:
            logger.info(message, *args)
        else:
            try:
                raise exc
            except type(exc):
                logger.exception(message, *args)
    finally:
        root.removeHandler(handler)
        root.setLevel(level)
    return stream.getvalue()


@pytest.mark.parametrize("logger_name", ["httpx", "httpcore.connection", "outagewatch.collectors.scheduler"])
def test_every_logger_is_redacted(logger_name):
    text = _capture(logger_name, 'HTTP Request: GET %s "%s"',
                    "https://bob:hunter22@status.example.com/feed?api_key=KEY123456&page=2&access_token=QTOKENQ",
                    "Bearer s3cret-api-token-value")
    assert "hunter22" not in text and "KEY123456" not in text and "QTOKENQ" not in text, text
    assert "s3cret-api-token-value" not in text
    assert "bob:***@status.example.com/feed?api_key=***&page=2&access_token=***" in text


def test_a_traceback_is_redacted_too():
    text = _capture("outagewatch.correlate.alerts", "posting failed",
                    exc=RuntimeError("POST https://hooks.example.com/services/T1/B2/XSECRETPATHX failed"))
    assert "RuntimeError" in text and "XSECRETPATHX" not in text, text


def test_uvicorn_access_lines_keep_their_fields_and_lose_their_secrets():
    """uvicorn's access formatter unpacks the record's arguments (client, method, path,
    version, status): the filter must leave them a tuple, with only secrets masked."""
    from uvicorn.logging import AccessFormatter

    logredact.install(["s3cret-api-token-value"])
    formatter = AccessFormatter('%(client_addr)s - "%(request_line)s" %(status_code)s', use_colors=False)
    lines = []
    for path in ("/api/incidents?status=open", "/api/signals?q=x&token=s3cret-api-token-value"):
        record = logging.LogRecord("uvicorn.access", logging.INFO, __file__, 1, '%s - "%s %s HTTP/%s" %d',
                                   ("127.0.0.1:5000", "GET", path, "1.1", 200), None)
        assert logredact.RedactingFilter().filter(record)
        lines.append(formatter.format(record))
    assert lines[0] == '127.0.0.1:5000 - "GET /api/incidents?status=open HTTP/1.1" 200 OK'
    assert lines[1] == '127.0.0.1:5000 - "GET /api/signals?q=x&token=*** HTTP/1.1" 200 OK'
